/* records.c — all SQL for credit_records, catalog_items (reads),
 * serious_list, commitments and authorizations. */
#include "store/records.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/db.h"
#include "core/shared.h"
#include "store/subjects.h"

enum rec_stmt {
	RE_FOR_SUBJECT, RE_SERIOUS, RE_COMMITMENTS, RE_AUTH, RE_BY_ID, RE_INSERT, RE_UPDATE,
	RE_CATALOG, RE_AUTH_INSERT, RE_COMMIT_INSERT, RE_SERIOUS_INSERT, RE_SERIOUS_REMOVE,
	RE_PUBLIC_PROFILE, RE_MAX
};

#define RECORD_COLS "r.id, c.code, c.name_zh, c.name_en, c.kind, c.category, r.agency, " \
	"r.doc_no, DATE_FORMAT(r.decided_on, '%Y-%m-%d'), DATE_FORMAT(r.ended_on, '%Y-%m-%d'), " \
	"r.summary, r.is_public, r.status, r.objection_flag, c.min_public_days, c.repairable "

static const char *const rec_sql[RE_MAX] = {
	/* The public profile in one statement: the subject, its parts and all
	 * its records, one row per record, or one row with NULL record columns
	 * when it has none. records_public_profile keeps the public, active
	 * ones within the Art. 35 window (RE_FOR_SUBJECT's conditions for a
	 * viewer without rights) and sorts them. Those conditions in SQL cost
	 * MariaDB a range analysis of ix_records_subject at every execution,
	 * and ORDER BY a temporary table: more than reading the few rows they
	 * drop (about 20 % of this statement, measured). */
	/* The catalog item's fields come from the worker's copy (catalog_find):
	 * without the join the statement costs a fifth less. */
	[RE_PUBLIC_PROFILE] = "SELECT " SUBJECTS_PROFILE_COLS ", r.id, r.item_id, r.agency, r.doc_no, "
	    "DATE_FORMAT(r.decided_on, '%Y-%m-%d'), DATE_FORMAT(r.ended_on, '%Y-%m-%d'), r.summary, "
	    "r.is_public, r.status, r.objection_flag FROM subjects s " SUBJECTS_PARTS
	    "LEFT JOIN credit_records r ON r.subject_id = s.id "
	    "WHERE s.uscc = ? LIMIT ?",
	/* The Art. 35 window is the first condition: keep-faith items are
	 * not dishonesty information and are not cut off by it. */
	[RE_FOR_SUBJECT] = "SELECT " RECORD_COLS "FROM credit_records r JOIN catalog_items c ON c.id = r.item_id "
	    "WHERE r.subject_id = ? "
	    "AND (c.kind = 'keep_faith' OR r.ended_on IS NULL OR r.ended_on >= ?) "
	    "AND (r.is_public = 1 OR ? = 1) AND (r.status = 'active' OR ? = 1) "
	    "ORDER BY r.decided_on DESC, r.id DESC LIMIT ?",
	[RE_SERIOUS] = "SELECT id, agency, doc_no, reason, removal_conditions, remedy, "
	    "responsible_persons, DATE_FORMAT(included_on, '%Y-%m-%d') FROM serious_list "
	    "WHERE subject_id = ? AND removed_on IS NULL ORDER BY included_on DESC LIMIT ?",
	[RE_COMMITMENTS] = "SELECT id, kind, title, body, DATE_FORMAT(published_on, '%Y-%m-%d') "
	    "FROM commitments WHERE subject_id = ? ORDER BY published_on DESC, id DESC LIMIT ?",
	[RE_AUTH] = "SELECT COUNT(*) FROM authorizations WHERE grantee_id = ? AND subject_id = ? "
	    "AND valid_from <= ? AND valid_to >= ?",
	[RE_BY_ID] = "SELECT " RECORD_COLS ", r.subject_id FROM credit_records r "
	    "JOIN catalog_items c ON c.id = r.item_id WHERE r.id = ?",
	[RE_INSERT] = "INSERT INTO credit_records (subject_id, item_id, agency, doc_no, decided_on, "
	    "ended_on, summary, is_public, created_by, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, UNIX_TIMESTAMP(), UNIX_TIMESTAMP())",
	[RE_UPDATE] = "UPDATE credit_records SET item_id = ?, agency = ?, doc_no = ?, decided_on = ?, "
	    "ended_on = ?, summary = ?, is_public = ?, updated_at = UNIX_TIMESTAMP() WHERE id = ?",
	[RE_CATALOG] = "SELECT id, code, kind, category, name_zh, name_en, legal_basis, "
	    "min_public_days, IFNULL(max_public_days, 0), repairable FROM catalog_items ORDER BY id LIMIT ?",
	[RE_AUTH_INSERT] = "INSERT INTO authorizations (subject_id, grantee_id, purpose, doc_ref, "
	    "valid_from, valid_to, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, UNIX_TIMESTAMP())",
	[RE_COMMIT_INSERT] = "INSERT INTO commitments (subject_id, kind, title, body, published_on, "
	    "created_by, created_at) VALUES (?, ?, ?, ?, CURDATE(), ?, UNIX_TIMESTAMP())",
	[RE_SERIOUS_INSERT] = "INSERT INTO serious_list (subject_id, agency, doc_no, reason, "
	    "removal_conditions, remedy, responsible_persons, included_on, created_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, UNIX_TIMESTAMP())",
	/* The subject id in the WHERE clause: the entry must belong to the
	 * subject whose page the action came from. */
	[RE_SERIOUS_REMOVE] = "UPDATE serious_list SET removed_on = ? "
	    "WHERE id = ? AND subject_id = ? AND removed_on IS NULL",
};
DB_SET(rec_set, rec_sql, RE_MAX);

static void
bind_record(struct db_q *q, struct record *r)
{
	db_out_int(q, &r->id);
	db_out_str(q, &r->item_code);
	db_out_str(q, &r->item_zh);
	db_out_str(q, &r->item_en);
	db_out_str(q, &r->kind);
	db_out_str(q, &r->category);
	db_out_str(q, &r->agency);
	db_out_str(q, &r->doc_no);
	db_out_str(q, &r->decided_on);
	db_out_str(q, &r->ended_on);
	db_out_str(q, &r->summary);
	db_out_int(q, &r->is_public);
	db_out_str(q, &r->status);
	db_out_int(q, &r->objection_flag);
	db_out_int(q, &r->min_public_days);
	db_out_int(q, &r->repairable);
}

int
records_for_subject(struct arena *a, long long subject_id, const struct record_scope *sc,
    struct record *rows, int max)
{
	struct record r;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_FOR_SUBJECT)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_str(&q, sc->cutoff);
	db_in_int(&q, sc->non_public ? 1 : 0);
	db_in_int(&q, sc->repaired ? 1 : 0);
	db_in_int(&q, max);
	bind_record(&q, &r);
	return db_collect(&q, &r, rows, sizeof(r), max);
}

/* RE_FOR_SUBJECT's order: newest decision first. */
static int
record_newer_first(const void *pa, const void *pb)
{
	const struct record *x = pa, *y = pb;
	int c = strcmp(y->decided_on ? y->decided_on : "", x->decided_on ? x->decided_on : "");

	if (c != 0)
		return c;
	return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

/* This worker's copy of the catalog: a few dozen items that only a
 * migration changes. Read again after SHARED_MAX_AGE seconds, or when a
 * record names an item the copy does not have. */
#define CATALOG_MAX 512
static struct arena        cat_arena;
static struct catalog_item cat[CATALOG_MAX];
static int                 ncat;
static struct shared_copy  cat_copy;

static int
catalog_by_id(const void *key, const void *elem)
{
	long long id = *(const long long *)key, e = ((const struct catalog_item *)elem)->id;

	return id < e ? -1 : id > e ? 1 : 0;
}

/* Makes sure there is a copy, read within SHARED_MAX_AGE seconds; with
 * force, reads it again unless that was done this second. 0 or < 0. */
static int
catalog_load(int force)
{
	int n;

	if (shared_copy_fresh(&cat_copy, SG_MAX) && (!force || time(NULL) == cat_copy.at))
		return 0;
	if (cat_copy.at == 0)
		arena_init(&cat_arena, 0);
	else
		arena_reset(&cat_arena);
	ncat = 0;
	shared_copy_begin(&cat_copy, SG_MAX);
	/* RE_CATALOG reads in id order, as catalog_find's bsearch needs. */
	if ((n = catalog_list(&cat_arena, cat, CATALOG_MAX)) < 0)
		return n;
	ncat = n;
	shared_copy_done(&cat_copy);
	return 0;
}

static const struct catalog_item *
catalog_find(long long id)
{
	if (!cat_copy.loaded || ncat == 0)
		return NULL;
	return bsearch(&id, cat, (size_t)ncat, sizeof(cat[0]), catalog_by_id);
}

/* A row of RE_PUBLIC_PROFILE. */
struct prow {
	struct subject       s;
	struct subject_parts p;
	struct record        r;      /* id 0: the subject has no records */
	long long            item;   /* the record's catalog item */
};

/* Names the records' items from the catalog copy: 1, or 0 when the copy
 * lacks one of them. */
static int
name_items(struct prow *all, int n)
{
	const struct catalog_item *c;
	int i;

	for (i = 0; i < n; i++) {
		struct record *rec = &all[i].r;

		if (rec->id == 0)
			continue;
		if ((c = catalog_find(all[i].item)) == NULL)
			return 0;
		rec->item_code = c->code;
		rec->item_zh = c->name_zh;
		rec->item_en = c->name_en;
		rec->kind = c->kind;
		rec->category = c->category;
		rec->min_public_days = c->min_public_days;
		rec->repairable = c->repairable;
	}
	return 1;
}

int
records_public_profile(struct arena *a, const char *uscc, const char *cutoff, struct subject *s,
    struct subject_parts *parts, struct record *rows, int max, int *nrows)
{
	struct prow x, *all;
	struct db_q q;
	int rc, n, i;

	*nrows = 0;
	/* One row more than fits tells that the records do not all fit. */
	if ((all = arena_alloc_raw(a, sizeof(*all) * (size_t)(max + 1))) == NULL)
		return DB_ERR;
	if ((rc = db_q_start(&q, a, &rec_set, RE_PUBLIC_PROFILE)) < 0)
		return rc;
	db_in_str(&q, uscc);
	db_in_int(&q, max + 1);
	memset(&x, 0, sizeof(x));
	subjects_bind_profile(&q, &x.s, &x.p);
	db_out_int(&q, &x.r.id);
	db_out_int(&q, &x.item);
	db_out_str(&q, &x.r.agency);
	db_out_str(&q, &x.r.doc_no);
	db_out_str(&q, &x.r.decided_on);
	db_out_str(&q, &x.r.ended_on);
	db_out_str(&q, &x.r.summary);
	db_out_int(&q, &x.r.is_public);
	db_out_str(&q, &x.r.status);
	db_out_int(&q, &x.r.objection_flag);
	if ((n = db_collect(&q, &x, all, sizeof(x), max + 1)) <= 0)
		return n;
	*s = all[0].s;
	*parts = all[0].p;
	/* Each record's item from the copy; an item the copy lacks makes it
	 * read again once, and if still missing, the SQL below answers. */
	if (n <= max && ((rc = catalog_load(0)) < 0 ||
	    (!name_items(all, n) && ((rc = catalog_load(1)) < 0 || !name_items(all, n)))))
		n = rc < 0 ? rc : max + 1;
	if (n < 0)
		return n;
	if (n > max) {
		/* More records than are shown (or an item missing from the
		 * copy): the ordered statement picks the newest that this
		 * viewer may see. */
		struct record_scope sc = { cutoff, 0, 0 };

		if ((n = records_for_subject(a, s->id, &sc, rows, max)) < 0)
			return n;
		*nrows = n;
		return 1;
	}
	for (i = 0; i < n; i++) {
		const struct record *rec = &all[i].r;

		/* RE_FOR_SUBJECT's conditions for a viewer without rights. */
		if (rec->id == 0 || rec->is_public != 1 || rec->status == NULL ||
		    strcmp(rec->status, "active") != 0)
			continue;
		if ((rec->kind == NULL || strcmp(rec->kind, "keep_faith") != 0) && rec->ended_on != NULL &&
		    strcmp(rec->ended_on, cutoff) < 0)
			continue;
		rows[(*nrows)++] = *rec;
	}
	qsort(rows, (size_t)*nrows, sizeof(*rows), record_newer_first);
	return 1;
}

int
serious_for_subject(struct arena *a, long long subject_id, struct serious_entry *rows, int max)
{
	struct serious_entry e;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_SERIOUS)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	db_out_int(&q, &e.id);
	db_out_str(&q, &e.agency);
	db_out_str(&q, &e.doc_no);
	db_out_str(&q, &e.reason);
	db_out_str(&q, &e.removal_conditions);
	db_out_str(&q, &e.remedy);
	db_out_str(&q, &e.responsible_persons);
	db_out_str(&q, &e.included_on);
	return db_collect(&q, &e, rows, sizeof(e), max);
}

int
commitments_for_subject(struct arena *a, long long subject_id, struct commitment *rows, int max)
{
	struct commitment c;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_COMMITMENTS)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	db_out_int(&q, &c.id);
	db_out_str(&q, &c.kind);
	db_out_str(&q, &c.title);
	db_out_str(&q, &c.body);
	db_out_str(&q, &c.published_on);
	return db_collect(&q, &c, rows, sizeof(c), max);
}

int
authorization_valid(struct arena *a, long long grantee, long long subject_id, const char *today)
{
	struct db_q q;
	long long n = 0;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_AUTH)) < 0)
		return rc;
	db_in_int(&q, grantee);
	db_in_int(&q, subject_id);
	db_in_str(&q, today);
	db_in_str(&q, today);
	db_out_int(&q, &n);
	if ((rc = db_one(&q)) < 0)
		return rc;
	return n > 0 ? 1 : 0;
}

int
record_by_id(struct arena *a, long long id, struct record *out, long long *subject_id)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &rec_set, RE_BY_ID)) < 0)
		return rc;
	db_in_int(&q, id);
	bind_record(&q, out);
	db_out_int(&q, subject_id);
	return db_one(&q);
}

static void
bind_record_in(struct db_q *q, const struct record_in *in)
{
	db_in_int(q, in->item_id);
	db_in_str(q, in->agency);
	db_in_str(q, in->doc_no);
	db_in_str(q, in->decided_on);
	db_in_str(q, in->ended_on);
	db_in_str(q, in->summary);
	db_in_int(q, in->is_public ? 1 : 0);
}

long long
records_insert(struct arena *a, const struct record_in *in)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_INSERT)) < 0)
		return rc;
	db_in_int(&q, in->subject_id);
	bind_record_in(&q, in);
	if (in->by > 0)
		db_in_int(&q, in->by);
	else
		db_in_null(&q);
	return db_insert(&q);
}

int
records_update(struct arena *a, long long id, const struct record_in *in)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_UPDATE)) < 0)
		return rc;
	bind_record_in(&q, in);
	db_in_int(&q, id);
	n = db_write(&q);   /* rows matched (CLIENT_FOUND_ROWS) */
	return n < 0 ? (int)n : n > 0;
}

int
catalog_list(struct arena *a, struct catalog_item *rows, int max)
{
	struct catalog_item c;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_CATALOG)) < 0)
		return rc;
	db_in_int(&q, max);
	db_out_int(&q, &c.id);
	db_out_str(&q, &c.code);
	db_out_str(&q, &c.kind);
	db_out_str(&q, &c.category);
	db_out_str(&q, &c.name_zh);
	db_out_str(&q, &c.name_en);
	db_out_str(&q, &c.legal_basis);
	db_out_int(&q, &c.min_public_days);
	db_out_int(&q, &c.max_public_days);
	db_out_int(&q, &c.repairable);
	return db_collect(&q, &c, rows, sizeof(c), max);
}

long long
authorizations_insert(struct arena *a, long long subject_id, long long grantee,
    const char *purpose, const char *doc_ref, const char *from, const char *to, long long by)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_AUTH_INSERT)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, grantee);
	db_in_str(&q, purpose);
	db_in_str(&q, doc_ref);
	db_in_str(&q, from);
	db_in_str(&q, to);
	db_in_int(&q, by);
	return db_insert(&q);
}

long long
commitments_insert(struct arena *a, long long subject_id, const char *kind, const char *title,
    const char *body, long long by)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_COMMIT_INSERT)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_str(&q, kind);
	db_in_str(&q, title);
	db_in_str(&q, body);
	db_in_int(&q, by);
	return db_insert(&q);
}

long long
serious_insert(struct arena *a, long long subject_id, const struct serious_entry *e)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_SERIOUS_INSERT)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_str(&q, e->agency);
	db_in_str(&q, e->doc_no);
	db_in_str(&q, e->reason);
	db_in_str(&q, e->removal_conditions);
	db_in_str(&q, e->remedy);
	db_in_str(&q, e->responsible_persons ? e->responsible_persons : "");
	db_in_str(&q, e->included_on);
	return db_insert(&q);
}

int
serious_remove(struct arena *a, long long id, long long subject_id, const char *on)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_SERIOUS_REMOVE)) < 0)
		return rc;
	db_in_str(&q, on);
	db_in_int(&q, id);
	db_in_int(&q, subject_id);
	n = db_write(&q);
	return n < 0 ? (int)n : n > 0;
}
