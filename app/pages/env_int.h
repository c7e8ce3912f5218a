/* env_int.h — helpers shared by the environmental grade pages (env.c,
 * env_dyn.c, env_import.c, env_profile.c); not part of the route surface. */
#ifndef PAGES_ENV_INT_H
#define PAGES_ENV_INT_H

#include "core/req.h"
#include "rules/grades.h"
#include "store/env.h"

struct env_scheme {
	struct env_settings     s;
	struct grade_thresholds annual;
	struct dyn_scheme       dyn;
};

/* 1 for the roles that change grades (env_agency, admin). */
int  env_manager(const struct req *);
/* Loads the thresholds the admin set. > 0 or < 0. */
int  env_scheme_load(struct req *, struct env_scheme *);
/* The same from this worker's copy, for pages that only show grades (no
 * change is decided on it). > 0 or < 0. */
int  env_scheme_shown(struct req *, struct env_scheme *);
/* One audit row for a change to a subject's grade data. */
/* Commits and redirects, or rolls back with the error page. */
/* The dynamic score of one subject's events (x[0..n)) on a date. */
int  env_dyn_score(const struct env_scheme *, const struct env_event *x, int n,
         const struct ymd *on, int *score);
/* The Chinese or English name for the request's language. */
const char *env_lname(const struct req *, const char *zh, const char *en);
/* Sets prefix.* for one round entry (grade, score, veto and its reason). */
/* Stats.rows.N.delta_count/.delta_share and Stats.delta_good: the
 * changes from the earlier counts pc to c (shares in tenths of a point). */
/* Statistics as CSV (with a BOM for Excel): a row per grade and a total,
 * the previous counts when has_prev, as_of columns for a snapshot (as_of
 * not NULL). NULL when out of memory. */
char *env_stats_csv_text(struct req *, const long long c[5], const long long pc[5], int has_prev,
         const char *as_of, const char *prev_as_of);
void env_set_changes(struct req *, const long long c[5], const long long pc[5]);
void env_set_entry(struct req *, const char *prefix, const struct env_entry *);
/* A CSV cell: quoted (RFC 4180) when it holds a comma, quote or line break. */
const char *env_csv_cell(struct req *, const char *s);
/* Sets prefix.grade/.score for the counts of one round or snapshot and the
 * SVG bar chart geometry (Stats.*). */
void env_set_counts(struct req *, const char *prefix, const long long counts[5]);
/* Corrections that run inside the caller's transaction (the agency's own
 * page, or a staff decision on an objection with its id; 0 = none), each
 * audited and kept in the history with its reason:
 * env_entry_correct sets entry id's grade g outright (and its score when
 * has_score), replacing the score's grade and any veto; subject_id > 0
 * requires the entry to be that enterprise's. */
int  env_entry_correct(struct req *, long long id, long long subject_id, int g, int has_score,
         long long score, const char *reason, long long objection_id);
/* env_event_voided voids event id of subject_id (it stops counting) and
 * moves or ends the enrolment. > 0 done, 0 no such event of that subject,
 * DB_DUP when it was voided already, < 0 error. */
int  env_event_voided(struct req *, long long id, long long subject_id, const char *reason,
         long long objection_id);
/* list.N.{id,type,points,decided_on,doc_no,action,reason,at,who,replacement,
 * objection}: voided and corrected events. */
void env_set_voids(struct req *, const char *list, const struct env_void *, int n);

#endif
