/* env.h — environmental credit grades (tables env_*, migration 0006): the
 * scheme the admin edits, annual rounds and their entries, deductions and
 * the correction history, dynamic-scoring events, half-year snapshots.
 * Grades travel as their codes ("green" ... "black", rules/grades.h).
 * < 0 error, 0 not found / not changed, > 0 success. */
#ifndef STORE_ENV_H
#define STORE_ENV_H

#include "core/arena.h"

struct env_settings {
	long long annual_min[4], dyn_min[4];  /* green, blue, yellow, red */
	long long dyn_base, dyn_max, publicity_days;
	char     *red_price, *black_price;    /* "0.05" yuan/kWh */
};

/* The admin's lists: indicators (points = most per deduction), veto rules
 * (grade), event types (points signed, months). */
enum env_kind { ENV_INDICATOR, ENV_VETO, ENV_TYPE, ENV_KIND_MAX };
struct env_item {
	long long id, points, months, active;
	char     *code, *name_zh, *name_en, *grade;
};

struct env_round {
	long long id, year, n_entries;
	char     *scope, *period_from, *period_to, *status;
	char     *publicity_from, *publicity_to, *published_on;
};

struct env_entry {
	long long id, round_id, subject_id, score, has_score, veto_id;
	char     *uscc, *name, *district, *source, *base_grade, *grade;
	char     *veto_code, *veto_zh, *veto_en, *veto_note;
	long long year;                       /* the round's, for profile lists */
	char     *scope, *round_status, *published_on;
};

struct env_deduction {
	long long id, entry_id, points;
	char     *code, *name_zh, *name_en, *note, *at;
};

struct env_hist {
	long long id, entry_id, year, score, has_score, objection_id;
	char     *grade, *reason, *at, *who, *veto_zh, *veto_en, *scope;
};

struct env_event {
	long long id, subject_id, type_id, points;
	char     *code, *name_zh, *name_en, *decided_on, *until_on, *doc_no, *note;
	char     *void_action;                /* env_event_get only: NULL, void or correct */
};

/* A voided or corrected event with why, who and when (the history). */
struct env_void {
	struct env_event ev;
	long long replacement_id, objection_id;
	char     *action, *reason, *at, *who;
};

struct env_enrolled {
	long long subject_id;
	char     *uscc, *name, *district, *enrolled_on;
};

/* A subject's latest published round grade (search results, snapshots). */
struct env_latest {
	long long subject_id, score, has_score, year, enrolled;
	char     *grade, *enrolled_on;
};

struct env_snapshot {
	long long id, n_total, version, current;   /* current = the day's highest version */
	char     *as_of, *red_price, *black_price, *created_at, *reason, *who;
};

struct env_snaprow {
	long long subject_id, score, has_score;
	char     *uscc, *name, *district, *grade, *basis;
};

int env_settings_get(struct arena *, struct env_settings *);
int env_settings_update(struct arena *, const struct env_settings *, long long by);
int env_items(struct arena *, int kind, int active_only, struct env_item *rows, int max);
/* Adds an item or updates the one with the same code. > 0 or < 0. */
int env_item_upsert(struct arena *, int kind, const struct env_item *);

/* Rounds: all = 0 lists only rounds in publicity or published; year 0 =
 * any. A page of max from offset, newest first, and the count. */
int       env_rounds_list(struct arena *, int all, long long year, long long offset,
              struct env_round *rows, int max);
int       env_rounds_count(struct arena *, int all, long long year, long long *n);
/* Years that have rounds: drafts too when all, only published rounds when
 * published (search), newest first. */
int       env_round_years(struct arena *, int all, int published, long long *rows, int max);
int       env_round_get(struct arena *, long long id, struct env_round *out);
/* The round's row locked for the transaction; *status gets its status. */
int       env_round_lock(struct arena *, long long id, char **status);
long long env_round_insert(struct arena *, long long year, const char *scope,
              const char *from, const char *to, long long by);
/* draft -> publicity from..to: > 0 done, 0 not a draft. */
int       env_round_publicize(struct arena *, long long id, const char *from, const char *to);
/* publicity -> published on `today`, only once the period ended before it. */
int       env_round_publish(struct arena *, long long id, const char *today);
/* The latest published round with the same scope and an earlier year. */
int       env_round_previous(struct arena *, const struct env_round *, struct env_round *out);
/* Entries per grade, counted in SQL: counts[] in grade order. */
int       env_round_counts(struct arena *, long long round_id, long long counts[5]);
/* Districts of a round's entries, for the filter. */
int       env_round_districts(struct arena *, long long round_id, char **rows, int max);

/* Entries of a round, optionally filtered by grade and district (NULL =
 * any): a page of max from offset, and the count of all that match. */
int       env_entries_of_round(struct arena *, long long round_id, const char *grade,
              const char *district, long long offset, struct env_entry *rows, int max);
int       env_entries_count(struct arena *, long long round_id, const char *grade,
              const char *district, long long *n);
int       env_entry_get(struct arena *, long long id, struct env_entry *out);
int       env_entry_of(struct arena *, long long round_id, long long subject_id, struct env_entry *out);
/* Inserts an entry; DB_DUP when the enterprise is in the round already. */
long long env_entry_insert(struct arena *, const struct env_entry *, long long by);
/* Score, grades, veto and source of e->id. */
int       env_entry_update(struct arena *, const struct env_entry *);
/* The earlier version of an entry, with why and (when it came from one) the
 * objection that corrected it (0 = none). */
int       env_history_insert(struct arena *, const struct env_entry *old, const char *reason,
              long long objection_id, long long by);
int       env_deductions_of(struct arena *, long long entry_id, struct env_deduction *rows, int max);
long long env_deduction_insert(struct arena *, long long entry_id, long long indicator_id,
              long long points, const char *note, long long by);
/* Deletes deduction id of entry_id: > 0 done, 0 none. */
int       env_deduction_delete(struct arena *, long long entry_id, long long id);
/* Sum of an entry's deductions (0 without any). */
int       env_deduction_sum(struct arena *, long long entry_id, long long *sum);

/* A subject's entries in rounds: published ones only unless all. Newest first. */
int       env_entries_of_subject(struct arena *, long long subject_id, int all,
              struct env_entry *rows, int max);
/* Corrections of a subject's entries, newest first; rounds still in draft
 * only when all. */
int       env_history_of_subject(struct arena *, long long subject_id, int all,
              struct env_hist *rows, int max);

/* Dynamic scoring. */
int       env_enrolled(struct arena *, long long subject_id, char **enrolled_on);
/* Enrols a subject from `on` unless it is already: > 0 new, 0 already. */
int       env_enrol(struct arena *, long long subject_id, const char *on, long long by);
int       env_enrolled_list(struct arena *, struct env_enrolled *rows, int max);
/* Events that count (never the voided ones), oldest first. */
int       env_events_of(struct arena *, long long subject_id, struct env_event *rows, int max);
/* Both in one statement: *enrolled_on (NULL when the subject is not under
 * dynamic scoring) and its events as env_events_of. Returns the events'
 * count or < 0. */
int       env_dynamic_of(struct arena *, long long subject_id, char **enrolled_on,
              struct env_event *rows, int max);
/* Every event that counts of every enrolled subject, ordered by subject. */
int       env_events_all(struct arena *, struct env_event *rows, int max);
long long env_event_insert(struct arena *, const struct env_event *, long long by);
/* One event, voided or not (void_action says). */
int       env_event_get(struct arena *, long long id, struct env_event *out);
/* Voids event id of subject_id (action "void", or "correct" with the
 * replacement): > 0 done, 0 no such event of that subject, DB_DUP when it
 * was voided already. objection_id 0 = none. */
int       env_event_void(struct arena *, long long id, long long subject_id, const char *action,
              long long replacement_id, const char *reason, long long objection_id, long long by);
/* The voided and corrected events of a subject, newest first. */
int       env_voids_of(struct arena *, long long subject_id, struct env_void *rows, int max);
/* After a void: the enrolment starts with the first event that still
 * counts, or ends when none is left. > 0 still enrolled, 0 ended. */
int       env_enrol_refresh(struct arena *, long long subject_id);

/* The latest published round grade and the enrolment of up to 20 subjects
 * (one query for a page of search results); rows only for subjects that
 * have either. */
#define ENV_BATCH 20
int       env_latest_of(struct arena *, const long long *ids, int n, struct env_latest *rows);
/* Events of up to 20 subjects (one query). */
int       env_events_of_batch(struct arena *, const long long *ids, int n, struct env_event *rows, int max);
/* Every subject's latest grade in rounds published on or before as_of. */
int       env_latest_as_of(struct arena *, const char *as_of, struct env_latest *rows, int max);

/* Snapshots: immutable once written; a day produced again gets the next
 * version (DB_DUP when another production took that number meanwhile). */
int       env_snapshot_next_version(struct arena *, const char *as_of, long long *version);
long long env_snapshot_insert(struct arena *, const char *as_of, long long version,
              const char *reason, long long by);
int       env_snapshot_row(struct arena *, long long snap, long long subject_id, const char *grade,
              long long score, int has_score, const char *basis);
/* The current version of every day, newest day first. */
int       env_snapshots_list(struct arena *, struct env_snapshot *rows, int max);
/* Every version of one day, newest first. */
int       env_snapshot_versions(struct arena *, const char *as_of, struct env_snapshot *rows, int max);
int       env_snapshot_get(struct arena *, long long id, struct env_snapshot *out);
/* The current version of the latest day before as_of: > 0 found, 0 none. */
int       env_snapshot_prev(struct arena *, const char *as_of, struct env_snapshot *out);
int       env_snapshot_counts(struct arena *, long long id, long long counts[5]);
/* The red and black rows of a snapshot (the price list), black first;
 * grade and district narrow it (NULL = any). */
int       env_snapshot_list(struct arena *, long long id, const char *grade, const char *district,
              struct env_snaprow *rows, int max);

#endif
