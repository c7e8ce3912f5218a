/* pages.h — handlers and forms, one file per resource; wired in routes.c. */
#ifndef PAGES_H
#define PAGES_H

#include "core/form.h"
#include "core/req.h"

/* common.c: shared by the pages that change credit data. */
void page_field_fail(struct req *, int field, const char *key);
int  page_audit(struct req *, long long subject_id, const char *action, const char *detail);
/* Commits and redirects to done_path, or rolls back and shows the error. */
int  page_finish(struct req *, int rc, const char *done_path);

/* home.c */
int home_get(struct req *);

/* account.c */
extern const struct form login_form, login_query_form, lang_form;
int login_get(struct req *);
int login_post(struct req *);
int logout_post(struct req *);
int me_get(struct req *);
int lang_post(struct req *);

/* entity.c */
extern const struct form search_form;
int search_get(struct req *);
int entity_get(struct req *);

/* staff.c */
extern const struct form subject_form, record_form, record_query_form, auth_form;
int staff_home_get(struct req *);
int staff_subject_new_get(struct req *);
int staff_subject_create(struct req *);
int staff_subject_edit_get(struct req *);
int staff_subject_update(struct req *);
int staff_record_new_get(struct req *);
int staff_record_create(struct req *);
int staff_record_edit_get(struct req *);
int staff_record_update(struct req *);
int staff_auth_new_get(struct req *);
int staff_auth_create(struct req *);
extern const struct form serious_form, serious_remove_form;
int staff_serious_new_get(struct req *);
int staff_serious_create(struct req *);
int staff_serious_remove(struct req *);

/* commitments.c */
extern const struct form commitment_form;
int commitment_new_get(struct req *);
int commitment_post(struct req *);

/* import.c */
extern const struct form import_form;
int staff_import_get(struct req *);
int staff_import_post(struct req *);

/* report.c */
extern const struct form verify_form;
int report_get(struct req *);
int report_pdf_get(struct req *);
int verify_get(struct req *);

/* calendar.c */
extern const struct form calendar_query_form, calendar_day_form, calendar_remove_form;
extern const struct form calendar_import_form;
int admin_calendar_get(struct req *);
int admin_calendar_day_post(struct req *);
int admin_calendar_day_remove(struct req *);
int admin_calendar_import_post(struct req *);

/* assoc.c — industry associations, members, scales, ratings (Art. 27) */
extern const struct form assoc_reg_form, member_form, preset_form, level_form;
extern const struct form rating_form, rating_import_form, cert_form;
int staff_assoc_get(struct req *);
int staff_assoc_create(struct req *);
int assoc_home_get(struct req *);
int assoc_member_create(struct req *);
int assoc_member_get(struct req *);
int assoc_rating_get(struct req *);
int assoc_rating_create(struct req *);
int assoc_scale_get(struct req *);
int assoc_scale_preset(struct req *);
int assoc_level_create(struct req *);
int assoc_level_remove(struct req *);
int assoc_import_get(struct req *);
int assoc_import_post(struct req *);
int cert_get(struct req *);
/* Fills Ratings (current, public) and, for the subject itself, RatingHistory
 * on the profile. > 0 or a DB error. */
int assoc_profile_ratings(struct req *, long long subject_id, int self);

/* repair.c, objection.c (credit repair, objections, revocation, proofs) */
extern const struct form repair_query_form, repair_form, repair_queue_form, repair_decide_form;
extern const struct form revoke_form;
int repair_new_get(struct req *);
int repair_post(struct req *);
int repair_withdraw_post(struct req *);
int requests_me_get(struct req *);
int staff_repairs_get(struct req *);
int staff_repair_get(struct req *);
int staff_repair_review(struct req *);
int staff_repair_decide(struct req *);
int file_get(struct req *);
int staff_revoke_get(struct req *);
int staff_revoke_post(struct req *);
extern const struct form objection_query_form, objection_form, objection_queue_form;
extern const struct form objection_forward_form, objection_decide_form;
int objection_new_get(struct req *);
int objection_post(struct req *);
int objection_remind_post(struct req *);
int staff_objections_get(struct req *);
int staff_objection_get(struct req *);
int staff_objection_mark(struct req *);
int staff_objection_forward(struct req *);
int staff_objection_decide(struct req *);

/* env.c, env_dyn.c, env_import.c, env_profile.c — environmental credit colour grades:
 * annual rounds, dynamic scoring, snapshots, statistics, the admin scheme */
extern const struct form env_round_form, env_filter_form, env_entry_form, env_publicize_form;
extern const struct form env_deduction_form, env_reason_form, env_veto_form, env_import_form;
extern const struct form env_event_form, env_on_form, env_snapshot_form;
extern const struct form env_settings_form, env_item_form;
int env_home_get(struct req *);
int env_round_create(struct req *);
int env_round_page_get(struct req *);
int env_entry_create(struct req *);
int env_round_publicize_post(struct req *);
int env_round_publish_post(struct req *);
int env_entry_page_get(struct req *);
int env_deduction_create(struct req *);
int env_deduction_remove(struct req *);
int env_veto_post(struct req *);
int env_stats_get(struct req *);
int env_stats_csv(struct req *);
int env_import_get(struct req *);
int env_import_post(struct req *);
int env_dynamic_get(struct req *);
int env_event_create(struct req *);
int env_dynamic_subject_get(struct req *);
int env_snapshot_create(struct req *);
int env_snapshot_page_get(struct req *);
int env_snapshot_csv(struct req *);
int admin_env_get(struct req *);
int admin_env_settings_post(struct req *);
int admin_env_item_post(struct req *);
/* Fills EnvCurrent (grade, basis, score, price for red/black), EnvRound
 * (latest published round with its veto reason) and, for the subject
 * itself, the agency and staff, the breakdown and history. > 0 or < 0. */
int env_profile_grades(struct req *, long long subject_id, int self);
/* Sets Results.N.env_grade for a page of search results (ids[0..n), at
 * most 20): two queries whatever n is. > 0 or < 0. */
int env_search_badges(struct req *, const long long *ids, int n);

/* admin.c */
extern const struct form admin_users_form;
int admin_users_get(struct req *);

#endif
