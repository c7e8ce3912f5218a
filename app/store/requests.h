/* requests.h — credit repair applications, objections and their timeline
 * (tables repair_applications, objections, request_events), the record
 * facts a repair application is judged on, the staff navigation's counts,
 * and the Art. 37 deletion of a revoked record with the closing of the
 * requests still open on it. Every state change is an UPDATE conditioned on the status
 * it leaves (and, for the applicant, on its subject), so two staff clicking
 * at once cannot both win. < 0 error, 0 none / not matched, > 0 success. */
#ifndef STORE_REQUESTS_H
#define STORE_REQUESTS_H

#include "core/arena.h"

/* What the repair and objection rules need to know about a record. */
struct record_facts {
	long long id, subject_id, min_public_days, repairable, objection_flag;
	char     *kind;          /* dishonesty | keep_faith */
	char     *status;        /* active | repaired */
	char     *decided_on;
	char     *item_zh, *item_en, *doc_no, *agency;
	char     *summary, *ended_on;   /* ended_on NULL = not ended */
	long long is_public;
};
int request_record_facts(struct arena *, long long record_id, struct record_facts *);
/* An objection decided "correct" (Art. 36) corrects the record of that
 * subject: each of summary / ended_on is NULL and is_public < 0 to keep it.
 * 1 corrected, 0 not found (revoked meanwhile), < 0 error. */
int request_record_correct(struct arena *, long long record_id, long long subject_id,
    const char *summary, const char *ended_on, int is_public);

/* One row of a queue or of the applicant's list, and the detail page. */
struct request_row {
	long long id, record_id, subject_id, due_assumed, reminders;
	char     *kind;          /* repair | objection */
	char     *status;
	char     *text;          /* reason or statement */
	char     *filed_at;      /* YYYY-MM-DD HH:MM (UTC+8) */
	char     *due_on;        /* the deadline that runs now */
	char     *forward_due;   /* objections while marked: forward to the agency by this day */
	char     *decision;      /* objections: correct | do_not_correct */
	char     *decision_reason;
	char     *decided_at;
	char     *forwarded_to;
	char     *last_reminder;
	char     *subject_name, *uscc, *applicant;
	char     *item_zh, *item_en, *doc_no;   /* NULL once the record was revoked */
	long long env_entry_id, env_event_id;   /* objections to an environmental grade: the
	                                         * target (record_id is then 0) */
};

struct request_filter {
	long long   subject_id;  /* 0 = every subject (staff) */
	const char *status;      /* NULL = any */
	int         open_only;
	const char *due_from, *due_to;  /* YYYY-MM-DD bounds on the running deadline, or NULL */
};

/* ---- repair ---- */
/* The inserts below are conditioned on the record (its subject, and for a
 * repair that it is still active), so a request filed while the record is
 * being deleted (Art. 37) is not left open on a record that is gone: 0
 * when the record is no longer there. */
struct repair_in {
	long long   record_id, subject_id, applicant_id;
	const char *reason, *proof_on, *due_on;
	int         due_assumed;
};
/* The new id, DB_DUP when the record already has an open application. */
long long repair_insert(struct arena *, const struct repair_in *);
int repair_by_id(struct arena *, long long id, struct request_row *);
int repair_list(struct arena *, const struct request_filter *, struct request_row *rows, int max);
/* submitted → under_review (staff). */
int repair_review(struct arena *, long long id);
/* under_review → approved | rejected with the reason (staff). */
int repair_decide(struct arena *, long long id, const char *to, long long by, const char *reason);
/* submitted | under_review → withdrawn, only by the application's subject. */
int repair_withdraw(struct arena *, long long id, long long subject_id, const char *from);
/* Marks the record repaired (Art. 38): only an active record of that subject. */
int repair_record_repaired(struct arena *, long long record_id, long long subject_id);

/* ---- objections ---- */
/* An objection as filed: to a credit record (objection_insert) or to an
 * environmental grade, a round entry or an event (objection_env_insert);
 * the ids of the other kind stay 0. */
struct objection_in {
	long long   record_id, env_entry_id, env_event_id, subject_id, applicant_id;
	const char *statement, *filed_on, *mark_due, *forward_due, *decision_due;
	int         due_assumed;
};
long long objection_insert(struct arena *, const struct objection_in *);
int objection_by_id(struct arena *, long long id, struct request_row *);
int objection_list(struct arena *, const struct request_filter *, struct request_row *rows,
    int max);
/* submitted → marked, and the record flagged 异议标注 (two statements). */
int objection_mark(struct arena *, long long id);
int objection_flag_record(struct arena *, long long record_id, long long subject_id, int on);
/* marked → forwarded to agency; the decision is then due on decision_due. */
int objection_forward(struct arena *, long long id, const char *agency, const char *decision_due);
/* marked | forwarded → decided. */
int objection_decide(struct arena *, long long id, const char *from, const char *decision,
    const char *reason, long long by);
/* A reminder from the applicant on an undecided objection. */
int objection_remind(struct arena *, long long id, long long subject_id);
/* An objection to an environmental grade: in->env_entry_id (a round entry,
 * not in a draft) or in->env_event_id (a dynamic-scoring event still
 * counting), checked in the statement to be in->subject_id's. The new id,
 * 0 when the target is not that enterprise's (or not open to objection),
 * DB_DUP when it already has an open objection. */
long long objection_env_insert(struct arena *, const struct objection_in *);
/* The open objections to a subject's environmental grades (for the profile's
 * 异议标注 and its objection links). */
struct objection_target {
	long long env_entry_id, env_event_id;
	char     *status;
};
int objection_env_open(struct arena *, long long subject_id, struct objection_target *rows, int max);

/* ---- the staff navigation ---- */
struct request_counts {
	long long repairs, repairs_late;        /* open; open with the deadline before today */
	long long objections, objections_late;
};
/* Both queues' counts in one statement; today is YYYY-MM-DD (UTC+8). > 0. */
int request_counts(struct arena *, const char *today, struct request_counts *);

/* ---- timeline ---- */
struct request_event {
	char *at, *action, *from_status, *to_status, *actor, *actor_role, *note;
};
int request_event_add(struct arena *, const char *kind, long long id, const char *from,
    const char *to, const char *action, long long actor, const char *role, const char *note);
int request_events_of(struct arena *, const char *kind, long long id, struct request_event *rows,
    int max);

/* ---- Art. 37 ---- */
/* Deletes record id of subject_id: > 0 done, 0 no such record. */
int request_delete_record(struct arena *, long long record_id, long long subject_id);

/* A request closed by a revocation. */
struct request_closed {
	const char *kind;        /* repair | objection */
	long long   id;
	char       *from;        /* the status it left */
};
/*
 * Closes every open repair application and objection on record_id of
 * subject_id (status closed, by, reason) and writes each one's timeline
 * event (action close, by with role). Run inside the revocation's
 * transaction, after the record's row is locked by its deletion, so no
 * request can be filed on it in between. Fills out[0..max) and returns how
 * many were closed (0 or more; the unique open-request keys allow one open
 * request of each kind per record), or < 0.
 */
int request_close_for_record(struct arena *, long long record_id, long long subject_id,
    long long by, const char *role, const char *reason, struct request_closed *out, int max);

#endif
