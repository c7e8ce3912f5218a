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
	long long env;           /* 1 = may have environmental grades (subject_parts) */
};

#define SEARCH_COUNT_CAP 1000   /* totals above this are shown as "1000+" */

int subjects_by_uscc(struct arena *, const char *uscc, struct subject *out);

/* Which optional parts of a subject's file have any rows, so the profile
 * runs only the queries that can find something (most subjects have no
 * rating, grade or commitment: two statements instead of nine). */
struct subject_parts {
	long long ratings;      /* association ratings, current or not */
	long long commitments;  /* published commitments and declarations */
	/* Environmental grades: struct subject's env, read for every subject. */
};
/* subjects_by_uscc and its parts in one statement. */
int subjects_profile_by_uscc(struct arena *, const char *uscc, struct subject *out,
    struct subject_parts *parts);

/* For a statement of another store module that reads a subject with its
 * parts (store/records.c, the public profile): the columns as an SQL list
 * over `subjects s`, and their binding, in this order. */
#define SUBJECTS_COLS "s.id, s.uscc, s.name, s.kind, s.legal_rep, s.address, s.district, " \
	"s.industry, DATE_FORMAT(s.established, '%Y-%m-%d'), s.reg_status, s.uscc_override, " \
	"(IFNULL(p.parts, 0) & 1) <> 0, (IFNULL(p.parts, 0) & 4) <> 0 "
/* The join that SUBJECTS_COLS needs after `subjects s`: subject_parts is
 * kept by triggers (migrations/0012), no subquery per row, which MariaDB
 * would optimise again at every execution. */
#define SUBJECTS_PARTS "LEFT JOIN subject_parts p ON p.subject_id = s.id "
#define SUBJECTS_PROFILE_COLS SUBJECTS_COLS ", (IFNULL(p.parts, 0) & 2) <> 0, " \
	"(IFNULL(p.parts, 0) & 8) <> 0 "
struct db_q;
void subjects_bind_profile(struct db_q *, struct subject *out, struct subject_parts *parts);
int subjects_by_id(struct arena *, long long id, struct subject *out);
/* Search filters (NULL / 0 = any). grade and year match grades of
 * published annual rounds: with a year, any published round of that year;
 * without one, the subject's latest published round. district is the
 * subject's registered district. */
struct subject_filter {
	const char *grade, *district;
	long long   year;
};
/* Name fragment (valid UTF-8, 1..50 characters) → a page of matches ordered
 * by id, and the total (capped at SEARCH_COUNT_CAP + 1); f may be NULL. */
int subjects_search(struct arena *, const char *q, const struct subject_filter *f,
    long long offset, int max, struct subject *rows, long long *total);
/* No name: every subject matching the filter (at least one of its fields
 * set), by id, driven by the grade/year index or by the district index. */
int subjects_filter(struct arena *, const struct subject_filter *f, long long offset, int max,
    struct subject *rows, long long *total);
/* subjects_by_uscc, when the subject also matches the filter. */
int subjects_by_uscc_filtered(struct arena *, const char *uscc, const struct subject_filter *f,
    struct subject *out);
/* The districts subjects are registered in, sorted (at most
 * SUBJECTS_DISTRICTS_MAX): a loose scan of ix_subjects_district. */
#define SUBJECTS_DISTRICTS_MAX 100
int subjects_districts(struct arena *, char **rows, int max);
/* Inserts a subject and its grams; the caller holds a transaction. Returns
 * the id, DB_DUP when the USCC exists, or < 0. */
long long subjects_insert(struct arena *, const struct subject *);
/* Updates every registration field of subject s->id (and its grams when the
 * name changed); the caller holds a transaction. Returns > 0, 0 if no such
 * subject, or < 0. */
int subjects_update(struct arena *, const struct subject *, int name_changed);

#endif
