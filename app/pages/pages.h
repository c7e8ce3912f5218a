/* pages.h — handlers and forms, one file per resource; wired in routes.c. */
#ifndef PAGES_H
#define PAGES_H

#include "core/form.h"
#include "core/req.h"

/* common.c: shared by the pages that change credit data. */
/* Marks a field invalid with the message key (the first one found stays). */
/* Marks a field invalid with a message key; the first one found stays. */
void page_field_fail(struct req *, int field, const char *key);
int  page_audit(struct req *, long long subject_id, const char *action, const char *detail);
/* prefix.0, prefix.1, ... = the items of a NULL-terminated list (a form's
 * choices for a template). */
void page_set_list(struct req *, const char *prefix, const char *const *items);
/* Commits and redirects to done_path, or rolls back and shows the error. */
int  page_finish(struct req *, int rc, const char *done_path);
/* A form page: its title and navigation entry, the submitted values back
 * into the fields (form_to_hdf), template tmpl, never cached; returns
 * status, also set as the request's. */
int  page_form(struct req *, const char *title, const char *nav, const char *tmpl, int status);
/* The layout hook (core/http.h): for staff and admin, the open and overdue
 * repair applications and objections in the navigation, one query. */
void page_layout(struct req *);

/* home.c */
int home_get(struct req *);
int healthz_get(struct req *);
int readyz_get(struct req *);

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

/* Industry associations, members, scales, ratings (Art. 27): assoc.c
 * (registration, dashboard, adding members), assoc_member.c (a member's
 * page, edits, the end of a membership), assoc_rating.c, assoc_scale.c,
 * assoc_import.c (CSV upload), cert.c (certificate check, profile). */
extern const struct form assoc_reg_form, member_form, member_edit_form, member_end_form;
extern const struct form preset_form, level_form, level_desc_form;
extern const struct form rating_form, rating_import_form, cert_form;
int staff_assoc_get(struct req *);
int staff_assoc_create(struct req *);
int assoc_home_get(struct req *);
int assoc_member_create(struct req *);
int assoc_member_get(struct req *);
int assoc_member_edit_post(struct req *);
int assoc_member_end_post(struct req *);
int assoc_rating_get(struct req *);
int assoc_rating_create(struct req *);
int assoc_scale_get(struct req *);
int assoc_scale_preset(struct req *);
int assoc_level_create(struct req *);
int assoc_level_update(struct req *);
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
int env_snapshot_stats_csv(struct req *);
int admin_env_get(struct req *);
int admin_env_settings_post(struct req *);
int admin_env_item_post(struct req *);
/* Fills EnvCurrent (grade, basis, score, price for red/black), EnvRound
 * (latest published round with its veto reason) and, for the subject
 * itself, the agency and staff, the breakdown and history. > 0 or < 0. */
int env_profile_grades(struct req *, long long subject_id, int self);
/* Sets Results.N.env_grade for a page of search results (ids[0..n), at
 * most 20; 0 = a result known to have no grade): two queries whatever n
 * is, none when every id is 0. > 0 or < 0. */
int env_search_badges(struct req *, const long long *ids, int n);
/* Issue 4 completed: round lists a page at a time, grades corrected
 * outright, events voided or corrected, objections to a grade
 * (env_objection.c). */
extern const struct form env_home_form, env_grade_form, env_dyn_list_form, env_void_form;
extern const struct form env_event_fix_form, env_snap_filter_form;
extern const struct form env_objection_query_form, env_objection_form;
int env_grade_post(struct req *);
int env_event_get_page(struct req *);
int env_event_void_post(struct req *);
int env_event_fix_post(struct req *);
int env_objection_new_get(struct req *);
int env_objection_post(struct req *);
/* For objection.c: an objection whose row names an environmental grade
 * (request_row.env_entry_id / env_event_id). describe fills Req.env.* on
 * the staff page; check marks the grade field when a "correct" decision on
 * a round grade lacks its new grade (1 fine, 0 marked, < 0 error); apply
 * makes the correction inside the decision's transaction (> 0, 0 changed
 * meanwhile, < 0). */
struct request_row;
int env_objection_describe(struct req *, const struct request_row *);
int env_objection_check(struct req *, const struct request_row *, const char *decision,
    const char *grade, int grade_field);
int env_objection_apply(struct req *, const struct request_row *, const char *grade,
    const char *reason);

/* admin.c */
extern const struct form admin_users_form;
int admin_users_get(struct req *);

#endif
