/* users.c — all SQL for users and login_failures. */
#include "store/users.h"

#include <string.h>

#include "core/db.h"

enum users_stmt {
	US_BY_LOGIN, US_BY_ID, US_SET_HASH, US_NOTE_LOGIN, US_INSERT, US_LIST, US_COUNT,
	LF_COUNT, LF_ADD, LF_CLEAR, LF_PURGE, US_MAX
};

#define USER_COLS "u.id, u.login, u.display_name, u.role, u.password_hash, " \
	"IFNULL(u.subject_id, 0), IFNULL(u.association_id, 0), u.disabled, " \
	"IFNULL(u.last_login_at, 0), IFNULL(u.prev_login_at, 0), COALESCE(s.name, a.name), s.uscc "
#define USER_FROM "FROM users u LEFT JOIN subjects s ON s.id = u.subject_id " \
	"LEFT JOIN associations a ON a.id = u.association_id "

static const char *const users_sql[US_MAX] = {
	[US_BY_LOGIN] = "SELECT " USER_COLS USER_FROM "WHERE u.login = ?",
	[US_BY_ID] = "SELECT " USER_COLS USER_FROM "WHERE u.id = ?",
	[US_SET_HASH] = "UPDATE users SET password_hash = ? WHERE id = ?",
	[US_NOTE_LOGIN] = "UPDATE users SET prev_login_at = last_login_at, last_login_at = ? "
	    "WHERE id = ?",
	[US_INSERT] = "INSERT INTO users (login, display_name, role, password_hash, "
	    "subject_id, association_id, created_at) VALUES (?, ?, ?, ?, ?, ?, UNIX_TIMESTAMP())",
	[US_LIST] = "SELECT " USER_COLS USER_FROM "ORDER BY u.id LIMIT ? OFFSET ?",
	[US_COUNT] = "SELECT COUNT(*) FROM users",
	[LF_COUNT] = "SELECT (SELECT COUNT(*) FROM login_failures WHERE login = ? AND at >= ?), "
	    "(SELECT COUNT(*) FROM login_failures WHERE client_addr = ? AND at >= ?)",
	[LF_ADD] = "INSERT INTO login_failures (login, client_addr, at) VALUES (?, ?, ?)",
	[LF_CLEAR] = "DELETE FROM login_failures WHERE login = ?",
	[LF_PURGE] = "DELETE FROM login_failures WHERE at < ?",
};
DB_SET(users_set, users_sql, US_MAX);

static void
bind_user(struct db_q *q, struct user_row *u)
{
	db_out_int(q, &u->id);
	db_out_str(q, &u->login);
	db_out_str(q, &u->display_name);
	db_out_str(q, &u->role);
	db_out_str(q, &u->password_hash);
	db_out_int(q, &u->subject_id);
	db_out_int(q, &u->association_id);
	db_out_int(q, &u->disabled);
	db_out_int(q, &u->last_login);
	db_out_int(q, &u->prev_login);
	db_out_str(q, &u->org_name);
	db_out_str(q, &u->subject_uscc);
}

static int
one_user(struct db_q *q, struct user_row *out)
{
	memset(out, 0, sizeof(*out));
	bind_user(q, out);
	return db_one(q);
}

int
users_by_login(struct arena *a, const char *login, struct user_row *out)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &users_set, US_BY_LOGIN)) < 0)
		return rc;
	db_in_str(&q, login);
	return one_user(&q, out);
}

int
users_by_id(struct arena *a, long long id, struct user_row *out)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &users_set, US_BY_ID)) < 0)
		return rc;
	db_in_int(&q, id);
	return one_user(&q, out);
}

int
users_set_hash(struct arena *a, long long id, const char *hash)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &users_set, US_SET_HASH)) < 0)
		return rc;
	db_in_str(&q, hash);
	db_in_int(&q, id);
	return (int)db_write(&q);
}

int
users_note_login(struct arena *a, long long id, long long when)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &users_set, US_NOTE_LOGIN)) < 0)
		return rc;
	db_in_int(&q, when);
	db_in_int(&q, id);
	return (int)db_write(&q);
}

long long
users_insert(struct arena *a, const char *login, const char *name, const char *role,
    const char *hash, long long subject_id, long long association_id)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &users_set, US_INSERT)) < 0)
		return rc;
	db_in_str(&q, login);
	db_in_str(&q, name);
	db_in_str(&q, role);
	db_in_str(&q, hash);
	if (subject_id > 0)
		db_in_int(&q, subject_id);
	else
		db_in_null(&q);
	if (association_id > 0)
		db_in_int(&q, association_id);
	else
		db_in_null(&q);
	return db_insert(&q);
}

int
users_list(struct arena *a, long long offset, int max, struct user_row *rows)
{
	struct db_q q;
	struct user_row u;
	int rc;

	if ((rc = db_q_start(&q, a, &users_set, US_LIST)) < 0)
		return rc;
	db_in_int(&q, max);
	db_in_int(&q, offset);
	bind_user(&q, &u);
	return db_collect(&q, &u, rows, sizeof(u), max);
}

long long
users_count(struct arena *a)
{
	struct db_q q;
	long long n = 0;
	int rc;

	if ((rc = db_q_start(&q, a, &users_set, US_COUNT)) < 0)
		return rc;
	db_out_int(&q, &n);
	rc = db_one(&q);
	return rc < 0 ? rc : n;
}

int
login_failures_count(struct arena *a, const char *login, const char *addr,
    long long since, long long *by_login, long long *by_addr)
{
	struct db_q q;
	int rc;

	*by_login = *by_addr = 0;
	if ((rc = db_q_start(&q, a, &users_set, LF_COUNT)) < 0)
		return rc;
	db_in_str(&q, login);
	db_in_int(&q, since);
	db_in_str(&q, addr);
	db_in_int(&q, since);
	db_out_int(&q, by_login);
	db_out_int(&q, by_addr);
	return db_one(&q);
}

int
login_failures_add(struct arena *a, const char *login, const char *addr, long long when)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &users_set, LF_ADD)) < 0)
		return rc;
	db_in_str(&q, login);
	db_in_str(&q, addr);
	db_in_int(&q, when);
	return (int)db_write(&q);
}

int
login_failures_clear(struct arena *a, const char *login)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &users_set, LF_CLEAR)) < 0)
		return rc;
	db_in_str(&q, login);
	return (int)db_write(&q) < 0 ? -1 : 1;
}

int
login_failures_purge(struct arena *a, long long before)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &users_set, LF_PURGE)) < 0)
		return rc;
	db_in_int(&q, before);
	return (int)db_write(&q) < 0 ? -1 : 1;
}
