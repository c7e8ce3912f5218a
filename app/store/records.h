/* records.h — the credit file of a subject: credit records with their
 * catalog items, serious-dishonesty list entries, commitments, and the
 * written authorisations that open non-public records to a third party
 * (tables credit_records, catalog_items, serious_list, commitments,
 * authorizations). Every read takes the Art. 35 cutoff date from
 * rules/window.c. < 0 error, 0 none, > 0 success. */
#ifndef STORE_RECORDS_H
#define STORE_RECORDS_H

#include "core/arena.h"

/* What a viewer may see of one subject's records (decided by the page from
 * the route's role, the subject and the authorisations). */
struct record_scope {
	const char *cutoff;        /* YYYY-MM-DD: ended before this → never shown */
	int         non_public;    /* also records marked non-public */
	int         repaired;      /* also records removed by credit repair */
};

struct record {
	long long id;
	char     *item_code;
	char     *item_zh;
	char     *item_en;
	char     *kind;           /* dishonesty | keep_faith */
	char     *category;
	char     *agency;
	char     *doc_no;
	char     *decided_on;
	char     *ended_on;       /* NULL = not ended */
	char     *summary;
	long long is_public;
	char     *status;         /* active | repaired */
	long long objection_flag; /* 1 = under objection (异议标注, migration 0004) */
	long long min_public_days; /* the catalog item's: repair only after it */
	long long repairable;      /* the catalog item allows credit repair */
};

struct serious_entry {
	long long id;
	char     *agency, *doc_no, *reason, *removal_conditions, *remedy;
	char     *responsible_persons, *included_on;
};

struct commitment {
	long long id;
	char     *kind, *title, *body, *published_on;
};

/* A record as staff enter it. */
struct record_in {
	long long   subject_id;
	long long   item_id;
	const char *agency, *doc_no, *decided_on, *ended_on, *summary;
	int         is_public;
	long long   by;           /* staff user */
};

struct catalog_item {
	long long id;
	char     *code, *kind, *category, *name_zh, *name_en, *legal_basis;
	long long min_public_days, max_public_days, repairable;
};

int records_for_subject(struct arena *, long long subject_id, const struct record_scope *,
    struct record *rows, int max);
/* What a viewer without rights sees of a subject, in one statement: the
 * subject and its parts (store/subjects.h) and its public, active records
 * ended on or after cutoff (YYYY-MM-DD) or not ended, newest first, at most
 * max, *nrows of them. 1 found, 0 no such USCC, < 0 error. */
struct subject;
struct subject_parts;
int records_public_profile(struct arena *, const char *uscc, const char *cutoff, struct subject *,
    struct subject_parts *, struct record *rows, int max, int *nrows);
int serious_for_subject(struct arena *, long long subject_id, struct serious_entry *rows, int max);
int commitments_for_subject(struct arena *, long long subject_id, struct commitment *rows, int max);
/* 1 when user `grantee` holds a written authorisation for the subject valid
 * on `today` (YYYY-MM-DD). */
int authorization_valid(struct arena *, long long grantee, long long subject_id, const char *today);

/* One record by id with its subject id (for staff editing). */
int record_by_id(struct arena *, long long id, struct record *out, long long *subject_id);
long long records_insert(struct arena *, const struct record_in *);
/* Updates the fields of record id; > 0 done, 0 no such record. */
int records_update(struct arena *, long long id, const struct record_in *);
int catalog_list(struct arena *, struct catalog_item *rows, int max);
long long authorizations_insert(struct arena *, long long subject_id, long long grantee,
    const char *purpose, const char *doc_ref, const char *from, const char *to, long long by);

long long commitments_insert(struct arena *, long long subject_id, const char *kind,
    const char *title, const char *body, long long by);
long long serious_insert(struct arena *, long long subject_id, const struct serious_entry *);
/* Ends a listing: > 0 done, 0 when no current entry of that subject has the id. */
int serious_remove(struct arena *, long long id, long long subject_id, const char *on);

#endif
