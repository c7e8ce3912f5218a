/* subjects.h — credit subjects and their name index (tables subjects,
 * subject_grams, gram_counts). < 0 error, 0 not found, > 0 success. */
#ifndef STORE_SUBJECTS_H
#define STORE_SUBJECTS_H

#include "core/arena.h"

struct subject {
	long long id;
	char     *uscc;
	char     *name;
	char     *kind;
	char     *legal_rep;
	char     *address;
	char     *district;
	char     *industry;
	char     *established;   /* YYYY-MM-DD or NULL */
	char     *reg_status;
	long long uscc_override;
	long long serious;       /* 1 = currently on the serious-dishonesty list */
};

#define SEARCH_COUNT_CAP 1000   /* totals above this are shown as "1000+" */

int subjects_by_uscc(struct arena *, const char *uscc, struct subject *out);
int subjects_by_id(struct arena *, long long id, struct subject *out);
/* Name fragment (valid UTF-8, 1..50 characters) → a page of matches ordered
 * by id, and the total (capped at SEARCH_COUNT_CAP + 1). */
int subjects_search(struct arena *, const char *q, long long offset, int max,
    struct subject *rows, long long *total);
/* Inserts a subject and its grams; the caller holds a transaction. Returns
 * the id, DB_DUP when the USCC exists, or < 0. */
long long subjects_insert(struct arena *, const struct subject *);
/* Updates every registration field of subject s->id (and its grams when the
 * name changed); the caller holds a transaction. Returns > 0, 0 if no such
 * subject, or < 0. */
int subjects_update(struct arena *, const struct subject *, int name_changed);

#endif
