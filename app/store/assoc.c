/* assoc.c — all SQL for associations, association_members, rating_levels,
 * ratings and rating_serials. Reads and writes for an association carry its
 * id in the WHERE clause; the pages never check ownership separately. */
#include "store/assoc.h"

#include <string.h>

#include "core/db.h"

enum as_stmt {
	AS_LIST, AS_BY_ID, AS_INSERT,
	AS_MEMBERS, AS_MEMBER, AS_MEMBER_SUBJ, AS_MEMBER_INSERT, AS_MEMBER_LOCK,
	AS_MEMBER_UPDATE, AS_MEMBER_END,
	AS_LEVELS, AS_LEVEL_INSERT, AS_LEVEL_DESCRIBE, AS_LEVEL_DELETE,
	AS_SERIAL_BUMP, AS_SERIAL_GET, AS_RATING_INSERT, AS_SUPERSEDE,
	AS_MEMBER_RATINGS, AS_RATING, AS_EXPIRING, AS_DISTRIBUTION,
	AS_SUBJ_CURRENT, AS_SUBJ_HISTORY, AS_BY_CERT, AS_MAX
};

/* Times are stored as unix seconds and shown in China Standard Time (the
 * connection runs in UTC). */
#define CST(x) "DATE_FORMAT(FROM_UNIXTIME(" x " + 28800), '%Y-%m-%d %H:%i')"
#define RATING_COLS "r.id, r.association_id, a.name, r.member_id, r.subject_id, s.uscc, s.name, " \
	"l.code, l.description, DATE_FORMAT(r.valid_from, '%Y-%m-%d'), " \
	"DATE_FORMAT(r.valid_to, '%Y-%m-%d'), r.cert_no, r.basis, r.measures, r.status, " \
	"cu.display_name, " CST("r.created_at") ", IFNULL(r.superseded_by, 0), " \
	CST("r.superseded_at") ", su.display_name, r.supersede_reason "
#define RATING_FROM "FROM ratings r JOIN associations a ON a.id = r.association_id " \
	"JOIN subjects s ON s.id = r.subject_id JOIN rating_levels l ON l.id = r.level_id " \
	"LEFT JOIN users cu ON cu.id = r.created_by LEFT JOIN users su ON su.id = r.supersede_user "
#define MEMBER_COLS "m.id, m.subject_id, s.uscc, s.name, DATE_FORMAT(m.joined_on, '%Y-%m-%d'), " \
	"m.member_level, l.code, DATE_FORMAT(r.valid_to, '%Y-%m-%d'), r.cert_no, IFNULL(r.id, 0), " \
	"DATE_FORMAT(m.ended_on, '%Y-%m-%d'), m.end_reason, eu.display_name, " \
	CST("m.ended_at") ", er.cert_no, IFNULL(m.end_rating_id, 0) "
#define MEMBER_FROM "FROM association_members m JOIN subjects s ON s.id = m.subject_id " \
	"LEFT JOIN ratings r ON r.member_id = m.id AND r.status = 'current' " \
	"LEFT JOIN rating_levels l ON l.id = r.level_id " \
	"LEFT JOIN ratings er ON er.id = m.end_rating_id LEFT JOIN users eu ON eu.id = m.ended_by "
/* Former members stay in the table (their ratings name them) but no
 * longer count as members. */
#define MEMBERS_NOW "(SELECT COUNT(*) FROM association_members m WHERE m.association_id = a.id " \
	"AND m.ended_on IS NULL) "

static const char *const as_sql[AS_MAX] = {
	[AS_LIST] = "SELECT a.id, a.uscc, a.name, a.industry, " MEMBERS_NOW
	    "FROM associations a ORDER BY a.id LIMIT ?",
	[AS_BY_ID] = "SELECT a.id, a.uscc, a.name, a.industry, " MEMBERS_NOW
	    "FROM associations a WHERE a.id = ?",
	[AS_INSERT] = "INSERT INTO associations (uscc, name, industry, created_at) "
	    "VALUES (?, ?, ?, UNIX_TIMESTAMP())",
	[AS_MEMBERS] = "SELECT " MEMBER_COLS MEMBER_FROM "WHERE m.association_id = ? "
	    "ORDER BY m.ended_on IS NOT NULL, s.name, m.id LIMIT ?",
	[AS_MEMBER] = "SELECT " MEMBER_COLS MEMBER_FROM "WHERE m.id = ? AND m.association_id = ?",
	[AS_MEMBER_SUBJ] = "SELECT " MEMBER_COLS MEMBER_FROM
	    "WHERE m.subject_id = ? AND m.association_id = ?",
	[AS_MEMBER_INSERT] = "INSERT INTO association_members (association_id, subject_id, "
	    "joined_on, member_level, created_by, created_at) VALUES (?, ?, ?, ?, ?, UNIX_TIMESTAMP())",
	[AS_MEMBER_LOCK] = "SELECT id FROM association_members WHERE id = ? AND association_id = ? "
	    "FOR UPDATE",
	/* Only a current member of the association changes or ends; the end
	 * is never before the membership began. */
	[AS_MEMBER_UPDATE] = "UPDATE association_members SET joined_on = ?, member_level = ?, "
	    "updated_by = ?, updated_at = UNIX_TIMESTAMP() "
	    "WHERE id = ? AND association_id = ? AND ended_on IS NULL",
	[AS_MEMBER_END] = "UPDATE association_members SET ended_on = ?, end_reason = ?, "
	    "end_rating_id = NULLIF(?, 0), ended_by = ?, ended_at = UNIX_TIMESTAMP() "
	    "WHERE id = ? AND association_id = ? AND ended_on IS NULL AND joined_on <= ?",
	[AS_LEVELS] = "SELECT l.id, l.rank_no, "
	    "(SELECT COUNT(*) FROM ratings r WHERE r.level_id = l.id), l.code, l.grade_code, "
	    "l.description FROM rating_levels l WHERE l.association_id = ? ORDER BY l.rank_no LIMIT ?",
	[AS_LEVEL_INSERT] = "INSERT INTO rating_levels (association_id, rank_no, code, grade_code, "
	    "description, created_at) VALUES (?, ?, ?, ?, ?, UNIX_TIMESTAMP())",
	[AS_LEVEL_DESCRIBE] = "UPDATE rating_levels SET description = ? "
	    "WHERE id = ? AND association_id = ?",
	/* A level that any rating uses stays: the certificate names it. */
	[AS_LEVEL_DELETE] = "DELETE FROM rating_levels WHERE id = ? AND association_id = ? "
	    "AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.level_id = ?)",
	[AS_SERIAL_BUMP] = "INSERT INTO rating_serials (association_id, year, last_serial) "
	    "VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE last_serial = last_serial + 1",
	[AS_SERIAL_GET] = "SELECT last_serial FROM rating_serials WHERE association_id = ? AND year = ?",
	[AS_RATING_INSERT] = "INSERT INTO ratings (association_id, member_id, subject_id, level_id, "
	    "valid_from, valid_to, cert_no, basis, measures, status, created_by, created_at) "
	    "SELECT ?, m.id, m.subject_id, l.id, ?, ?, ?, ?, ?, 'current', ?, UNIX_TIMESTAMP() "
	    "FROM association_members m JOIN rating_levels l ON l.association_id = m.association_id "
	    "WHERE m.id = ? AND m.association_id = ? AND m.ended_on IS NULL AND l.id = ?",
	[AS_SUPERSEDE] = "UPDATE ratings SET status = 'superseded', superseded_by = ?, "
	    "superseded_at = UNIX_TIMESTAMP(), supersede_user = ?, supersede_reason = ? "
	    "WHERE id = ? AND association_id = ? AND status = 'current'",
	[AS_MEMBER_RATINGS] = "SELECT " RATING_COLS RATING_FROM
	    "WHERE r.member_id = ? AND r.association_id = ? ORDER BY r.id DESC LIMIT ?",
	[AS_RATING] = "SELECT " RATING_COLS RATING_FROM "WHERE r.id = ? AND r.association_id = ?",
	/* The dashboard counts current members only: a former member is not
	 * re-rated, so its expiry is no reminder and its level no share. */
	[AS_EXPIRING] = "SELECT " RATING_COLS RATING_FROM
	    "JOIN association_members am ON am.id = r.member_id AND am.ended_on IS NULL "
	    "WHERE r.association_id = ? "
	    "AND r.status = 'current' AND r.valid_to BETWEEN ? AND ? ORDER BY r.valid_to, r.id LIMIT ?",
	[AS_DISTRIBUTION] = "SELECT l.code, COUNT(r.id) FROM rating_levels l "
	    "LEFT JOIN (ratings r JOIN association_members am ON am.id = r.member_id "
	    "AND am.ended_on IS NULL) "
	    "ON r.level_id = l.id AND r.status = 'current' AND r.valid_to >= ? "
	    "WHERE l.association_id = ? GROUP BY l.id, l.code, l.rank_no ORDER BY l.rank_no LIMIT ?",
	[AS_SUBJ_CURRENT] = "SELECT " RATING_COLS RATING_FROM "WHERE r.subject_id = ? "
	    "AND r.status = 'current' AND r.valid_to >= ? ORDER BY a.name, r.id LIMIT ?",
	[AS_SUBJ_HISTORY] = "SELECT " RATING_COLS RATING_FROM "WHERE r.subject_id = ? "
	    "ORDER BY r.id DESC LIMIT ?",
	[AS_BY_CERT] = "SELECT " RATING_COLS RATING_FROM "WHERE r.cert_no = ?",
};
DB_SET(as_set, as_sql, AS_MAX);

static void
bind_assoc(struct db_q *q, struct association *a)
{
	db_out_int(q, &a->id);
	db_out_str(q, &a->uscc);
	db_out_str(q, &a->name);
	db_out_str(q, &a->industry);
	db_out_int(q, &a->n_members);
}

static void
bind_member(struct db_q *q, struct member *m)
{
	db_out_int(q, &m->id);
	db_out_int(q, &m->subject_id);
	db_out_str(q, &m->uscc);
	db_out_str(q, &m->name);
	db_out_str(q, &m->joined_on);
	db_out_str(q, &m->member_level);
	db_out_str(q, &m->level);
	db_out_str(q, &m->valid_to);
	db_out_str(q, &m->cert_no);
	db_out_int(q, &m->rating_id);
	db_out_str(q, &m->ended_on);
	db_out_str(q, &m->end_reason);
	db_out_str(q, &m->ended_by);
	db_out_str(q, &m->ended_at);
	db_out_str(q, &m->end_cert);
	db_out_int(q, &m->end_rating_id);
}

static void
bind_rating(struct db_q *q, struct rating *r)
{
	db_out_int(q, &r->id);
	db_out_int(q, &r->association_id);
	db_out_str(q, &r->assoc_name);
	db_out_int(q, &r->member_id);
	db_out_int(q, &r->subject_id);
	db_out_str(q, &r->uscc);
	db_out_str(q, &r->subject_name);
	db_out_str(q, &r->level);
	db_out_str(q, &r->level_desc);
	db_out_str(q, &r->valid_from);
	db_out_str(q, &r->valid_to);
	db_out_str(q, &r->cert_no);
	db_out_str(q, &r->basis);
	db_out_str(q, &r->measures);
	db_out_str(q, &r->status);
	db_out_str(q, &r->created_by);
	db_out_str(q, &r->created_at);
	db_out_int(q, &r->superseded_by);
	db_out_str(q, &r->superseded_at);
	db_out_str(q, &r->supersede_user);
	db_out_str(q, &r->supersede_reason);
}

int
assoc_list(struct arena *a, struct association *rows, int max)
{
	struct association x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_LIST)) < 0)
		return rc;
	db_in_int(&q, max);
	bind_assoc(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
assoc_by_id(struct arena *a, long long id, struct association *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &as_set, AS_BY_ID)) < 0)
		return rc;
	db_in_int(&q, id);
	bind_assoc(&q, out);
	return db_one(&q);
}

long long
assoc_insert(struct arena *a, const char *uscc, const char *name, const char *industry)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_INSERT)) < 0)
		return rc;
	db_in_str(&q, uscc);
	db_in_str(&q, name);
	db_in_str(&q, industry);
	return db_insert(&q);
}

int
assoc_members(struct arena *a, long long assoc, struct member *rows, int max)
{
	struct member m;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_MEMBERS)) < 0)
		return rc;
	db_in_int(&q, assoc);
	db_in_int(&q, max);
	bind_member(&q, &m);
	return db_collect(&q, &m, rows, sizeof(m), max);
}

static int
member_one(struct arena *a, int stmt, long long key, long long assoc, struct member *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &as_set, stmt)) < 0)
		return rc;
	db_in_int(&q, key);
	db_in_int(&q, assoc);
	bind_member(&q, out);
	return db_one(&q);
}

int
assoc_member(struct arena *a, long long assoc, long long member_id, struct member *out)
{
	return member_one(a, AS_MEMBER, member_id, assoc, out);
}

int
assoc_member_of_subject(struct arena *a, long long assoc, long long subject_id, struct member *out)
{
	return member_one(a, AS_MEMBER_SUBJ, subject_id, assoc, out);
}

long long
assoc_member_insert(struct arena *a, long long assoc, long long subject_id, const char *joined_on,
    const char *member_level, long long by)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_MEMBER_INSERT)) < 0)
		return rc;
	db_in_int(&q, assoc);
	db_in_int(&q, subject_id);
	db_in_str(&q, joined_on);
	db_in_str(&q, member_level);
	db_in_int(&q, by);
	return db_insert(&q);
}

int
assoc_member_lock(struct arena *a, long long assoc, long long member_id)
{
	struct db_q q;
	long long id = 0;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_MEMBER_LOCK)) < 0)
		return rc;
	db_in_int(&q, member_id);
	db_in_int(&q, assoc);
	db_out_int(&q, &id);
	return db_one(&q);
}

int
assoc_member_update(struct arena *a, long long assoc, long long member_id, const char *joined_on,
    const char *member_level, long long by)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_MEMBER_UPDATE)) < 0)
		return rc;
	db_in_str(&q, joined_on);
	db_in_str(&q, member_level);
	db_in_int(&q, by);
	db_in_int(&q, member_id);
	db_in_int(&q, assoc);
	n = db_write(&q);
	return n < 0 ? (int)n : n > 0;
}

int
assoc_member_end(struct arena *a, long long assoc, long long member_id, const char *ended_on,
    const char *reason, long long rating_id, long long by)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_MEMBER_END)) < 0)
		return rc;
	db_in_str(&q, ended_on);
	db_in_str(&q, reason);
	db_in_int(&q, rating_id);
	db_in_int(&q, by);
	db_in_int(&q, member_id);
	db_in_int(&q, assoc);
	db_in_str(&q, ended_on);
	n = db_write(&q);
	return n < 0 ? (int)n : n > 0;
}

int
assoc_levels(struct arena *a, long long assoc, struct level *rows, int max)
{
	struct level l;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_LEVELS)) < 0)
		return rc;
	db_in_int(&q, assoc);
	db_in_int(&q, max);
	db_out_int(&q, &l.id);
	db_out_int(&q, &l.rank);
	db_out_int(&q, &l.n_ratings);
	db_out_str(&q, &l.code);
	db_out_str(&q, &l.grade_code);
	db_out_str(&q, &l.description);
	return db_collect(&q, &l, rows, sizeof(l), max);
}

long long
assoc_level_insert(struct arena *a, long long assoc, long long rank, const char *code,
    const char *grade_code, const char *description)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_LEVEL_INSERT)) < 0)
		return rc;
	db_in_int(&q, assoc);
	db_in_int(&q, rank);
	db_in_str(&q, code);
	db_in_str(&q, grade_code);
	db_in_str(&q, description);
	return db_insert(&q);
}

int
assoc_level_describe(struct arena *a, long long assoc, long long level_id, const char *description)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_LEVEL_DESCRIBE)) < 0)
		return rc;
	db_in_str(&q, description);
	db_in_int(&q, level_id);
	db_in_int(&q, assoc);
	n = db_write(&q);
	return n < 0 ? (int)n : n > 0;
}

int
assoc_level_delete(struct arena *a, long long assoc, long long level_id)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_LEVEL_DELETE)) < 0)
		return rc;
	db_in_int(&q, level_id);
	db_in_int(&q, assoc);
	db_in_int(&q, level_id);
	n = db_write(&q);
	return n < 0 ? (int)n : n > 0;
}

long long
assoc_next_serial(struct arena *a, long long assoc, int year)
{
	struct db_q q;
	long long n, serial = 0;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_SERIAL_BUMP)) < 0)
		return rc;
	db_in_int(&q, assoc);
	db_in_int(&q, year);
	if ((n = db_write(&q)) < 0)
		return n;
	if ((rc = db_q_start(&q, a, &as_set, AS_SERIAL_GET)) < 0)
		return rc;
	db_in_int(&q, assoc);
	db_in_int(&q, year);
	db_out_int(&q, &serial);
	if ((rc = db_one(&q)) <= 0)
		return rc < 0 ? rc : DB_ERR;
	return serial;
}

long long
assoc_rating_insert(struct arena *a, const struct rating_in *in)
{
	struct db_q q;
	int rc;

	/* INSERT … SELECT: the member and the level must both be the
	 * association's, or no row is inserted (db_insert then returns 0). */
	if ((rc = db_q_start(&q, a, &as_set, AS_RATING_INSERT)) < 0)
		return rc;
	db_in_int(&q, in->association_id);
	db_in_str(&q, in->valid_from);
	db_in_str(&q, in->valid_to);
	db_in_str(&q, in->cert_no);
	db_in_str(&q, in->basis);
	db_in_str(&q, in->measures);
	db_in_int(&q, in->by);
	db_in_int(&q, in->member_id);
	db_in_int(&q, in->association_id);
	db_in_int(&q, in->level_id);
	return db_insert(&q);
}

int
assoc_rating_supersede(struct arena *a, long long assoc, long long old_id, long long new_id,
    long long by, const char *reason)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_SUPERSEDE)) < 0)
		return rc;
	db_in_int(&q, new_id);
	db_in_int(&q, by);
	db_in_str(&q, reason);
	db_in_int(&q, old_id);
	db_in_int(&q, assoc);
	n = db_write(&q);
	return n < 0 ? (int)n : n > 0;
}

int
assoc_member_ratings(struct arena *a, long long assoc, long long member_id, struct rating *rows,
    int max)
{
	struct rating x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_MEMBER_RATINGS)) < 0)
		return rc;
	db_in_int(&q, member_id);
	db_in_int(&q, assoc);
	db_in_int(&q, max);
	bind_rating(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
assoc_rating(struct arena *a, long long assoc, long long rating_id, struct rating *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &as_set, AS_RATING)) < 0)
		return rc;
	db_in_int(&q, rating_id);
	db_in_int(&q, assoc);
	bind_rating(&q, out);
	return db_one(&q);
}

int
assoc_expiring(struct arena *a, long long assoc, const char *from, const char *to,
    struct rating *rows, int max)
{
	struct rating x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_EXPIRING)) < 0)
		return rc;
	db_in_int(&q, assoc);
	db_in_str(&q, from);
	db_in_str(&q, to);
	db_in_int(&q, max);
	bind_rating(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
assoc_distribution(struct arena *a, long long assoc, const char *today, struct level_count *rows,
    int max)
{
	struct level_count x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_DISTRIBUTION)) < 0)
		return rc;
	db_in_str(&q, today);
	db_in_int(&q, assoc);
	db_in_int(&q, max);
	db_out_str(&q, &x.code);
	db_out_int(&q, &x.n);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
ratings_current_of_subject(struct arena *a, long long subject_id, const char *today,
    struct rating *rows, int max)
{
	struct rating x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_SUBJ_CURRENT)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_str(&q, today);
	db_in_int(&q, max);
	bind_rating(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
ratings_history_of_subject(struct arena *a, long long subject_id, struct rating *rows, int max)
{
	struct rating x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &as_set, AS_SUBJ_HISTORY)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	bind_rating(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
rating_by_cert(struct arena *a, const char *cert_no, struct rating *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &as_set, AS_BY_CERT)) < 0)
		return rc;
	db_in_str(&q, cert_no);
	bind_rating(&q, out);
	return db_one(&q);
}
