/* db.c — MariaDB Connector/C wrapper (see db.h). One connection per worker
 * process; nothing here is shared between processes. The connection state is
 * per thread: a worker's audit flusher (store/audit.c) has a connection of
 * its own and uses statement sets no other thread touches. */
#include "db.h"

#include <errno.h>
#include <errmsg.h>
#include <mysqld_error.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "log.h"
#include "shared.h"

static _Thread_local MYSQL         *conn;
static char                         db_password[256];  /* read once, then read-only */
static _Thread_local struct db_set *sets;  /* every set this thread used, for a reconnect */
static _Thread_local unsigned long  queries;
static _Thread_local int            in_tx;
static _Thread_local void         (*tx_end_hook)(int committed);

void
db_on_tx_end(void (*fn)(int committed))
{
	tx_end_hook = fn;
}

int
db_in_tx(void)
{
	return in_tx;
}

/* Shared counters to bump when the current transaction commits. */
static _Thread_local unsigned       changed;

static void
bump_changed(void)
{
	int g;

	for (g = 0; g < SG_MAX; g++)
		if (changed & (1u << g))
			shared_bump((enum shared_gen)g);
	changed = 0;
}

void
db_changed(int gen)
{
	changed |= 1u << gen;
	if (!in_tx)
		bump_changed();
}

/* Ends the transaction state and tells the hook how it ended. */
static void
tx_done(int committed)
{
	int was = in_tx;

	in_tx = 0;
	if (committed)
		bump_changed();
	changed = 0;
	if (was && tx_end_hook != NULL)
		tx_end_hook(committed);
}
static _Thread_local struct timespec last_try;

static const char init_sql[] =
    "SET SESSION sql_mode='STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,ONLY_FULL_GROUP_BY',"
    "time_zone='+00:00'";

int
db_init(void)
{
	FILE *f;
	size_t n;

	db_password[0] = '\0';
	f = fopen(cfg.db_password_file, "re");
	if (f == NULL) {
		log_msg(LL_ERR, "db: cannot read password file %s: %s",
		    cfg.db_password_file, strerror(errno));
		return -1;
	}
	n = fread(db_password, 1, sizeof(db_password) - 1, f);
	fclose(f);
	db_password[n] = '\0';
	while (n > 0 && (db_password[n - 1] == '\n' || db_password[n - 1] == '\r'))
		db_password[--n] = '\0';
	return 0;
}

static int
is_gone(unsigned int e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == ER_UNKNOWN_STMT_HANDLER || e == CR_COMMANDS_OUT_OF_SYNC ||
	    e == 1927 /* ER_CONNECTION_KILLED */ || e == 1053 /* ER_SERVER_SHUTDOWN */;
}

void
db_close(void)
{
	struct db_set *s;
	int i;

	for (s = sets; s != NULL; s = s->next)
		for (i = 0; i < s->n; i++)
			if (s->cache[i] != NULL) {
				mysql_stmt_close(s->cache[i]);
				s->cache[i] = NULL;
			}
	if (conn != NULL)
		mysql_close(conn);
	conn = NULL;
	tx_done(0);
}

void
db_forget(struct db_set *set, int idx)
{
	if (idx >= 0 && idx < set->n && set->cache[idx] != NULL) {
		mysql_stmt_close(set->cache[idx]);
		set->cache[idx] = NULL;
	}
}

int
db_connected(void)
{
	return conn != NULL;
}

int
db_connect(void)
{
	unsigned int timeout = 2, rw_timeout = 30;
	my_bool off = 0;
	const char *host = cfg.db_host[0] != '\0' ? cfg.db_host : NULL;
	const char *sock = host == NULL ? cfg.db_socket : NULL;

	db_close();
	clock_gettime(CLOCK_MONOTONIC, &last_try);
	conn = mysql_init(NULL);
	if (conn == NULL)
		return DB_ERR;
	mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(conn, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
	mysql_options(conn, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
	/* Explicitly off: see SECURITY.md §4 and db_exec() for what we do instead. */
	mysql_options(conn, MYSQL_OPT_RECONNECT, &off);
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(conn, MYSQL_INIT_COMMAND, init_sql);
	/* CLIENT_FOUND_ROWS: an UPDATE reports the rows it matched, so
	 * "UPDATE ... WHERE id = ? AND owner = ?" then "affected == 1" is an
	 * ownership check even when nothing changed. */
	if (mysql_real_connect(conn, host, cfg.db_user, db_password, cfg.db_name,
	    cfg.db_port, sock, CLIENT_FOUND_ROWS) == NULL) {
		log_msg(LL_WARN, "db: connect failed: %s", mysql_error(conn));
		mysql_close(conn);
		conn = NULL;
		return DB_GONE;
	}
	return 1;
}

int
db_ensure(void)
{
	struct timespec now;
	long ms;

	if (conn != NULL)
		return 1;
	/* While the server is down, try at most every 250 ms per worker, so a
	 * burst of requests gets a fast 503 instead of piling up connects. */
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - last_try.tv_sec) * 1000 + (now.tv_nsec - last_try.tv_nsec) / 1000000;
	if (last_try.tv_sec != 0 && ms >= 0 && ms < 250)
		return DB_GONE;
	return db_connect();
}

unsigned long
db_query_count(void)
{
	return queries;
}

static void
set_register(struct db_set *set)
{
	struct db_set *s;

	for (s = sets; s != NULL; s = s->next)
		if (s == set)
			return;
	set->next = sets;
	sets = set;
}

static MYSQL_STMT *
stmt_get(struct db_set *set, int idx, int *rc)
{
	MYSQL_STMT *st;

	*rc = db_ensure();
	if (*rc < 0)
		return NULL;
	set_register(set);
	if (set->cache[idx] != NULL)
		return set->cache[idx];
	st = mysql_stmt_init(conn);
	if (st == NULL) {
		*rc = DB_ERR;
		return NULL;
	}
	if (mysql_stmt_prepare(st, set->sql[idx], strlen(set->sql[idx])) != 0) {
		unsigned int e = mysql_stmt_errno(st);
		log_msg(LL_ERR, "db: prepare failed (%u %s): %s", e,
		    mysql_stmt_error(st), set->sql[idx]);
		mysql_stmt_close(st);
		if (is_gone(e)) {
			db_close();
			*rc = DB_GONE;
		} else
			*rc = DB_ERR;
		return NULL;
	}
	set->cache[idx] = st;
	return st;
}

int
db_q_start(struct db_q *q, struct arena *a, struct db_set *set, int idx)
{
	int rc;
	const char *p;

	memset(q, 0, sizeof(*q));
	q->a = a;
	q->set = set;
	q->idx = idx;
	for (p = set->sql[idx]; *p == ' ' || *p == '('; p++)
		;
	q->read_only = strncmp(p, "SELECT", 6) == 0;
	q->st = stmt_get(set, idx, &rc);
	return q->st == NULL ? rc : 1;
}

void
db_in_strn(struct db_q *q, const void *s, size_t n)
{
	MYSQL_BIND *b;

	if (q->nin >= DB_MAX_BIND)
		return;
	b = &q->in[q->nin];
	if (s == NULL) {
		b->buffer_type = MYSQL_TYPE_NULL;
	} else {
		q->ilen[q->nin] = n;
		b->buffer_type = MYSQL_TYPE_STRING;
		b->buffer = (void *)(uintptr_t)s;
		b->buffer_length = n;
		b->length = &q->ilen[q->nin];
	}
	q->nin++;
}

void
db_in_str(struct db_q *q, const char *s)
{
	db_in_strn(q, s, s == NULL ? 0 : strlen(s));
}

void
db_in_int(struct db_q *q, long long v)
{
	MYSQL_BIND *b;

	if (q->nin >= DB_MAX_BIND)
		return;
	b = &q->in[q->nin];
	q->ival[q->nin] = v;
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = &q->ival[q->nin];
	q->nin++;
}

void
db_in_null(struct db_q *q)
{
	db_in_strn(q, NULL, 0);
}

static int
exec_once(struct db_q *q, unsigned int *err)
{
	*err = 0;
	queries++;
	if ((q->nin > 0 && mysql_stmt_bind_param(q->st, q->in) != 0) ||
	    mysql_stmt_execute(q->st) != 0) {
		*err = mysql_stmt_errno(q->st);
		return -1;
	}
	return 0;
}

int
db_exec(struct db_q *q)
{
	unsigned int e;
	int rc;

	if (q->st == NULL)
		return DB_ERR;
	q->bound = 0;
	if (q->nin != (int)mysql_stmt_param_count(q->st)) {
		log_msg(LL_ERR, "db: statement %d binds %d of %lu parameters", q->idx,
		    q->nin, mysql_stmt_param_count(q->st));
		return DB_ERR;
	}
	if (exec_once(q, &e) == 0)
		return 1;
	if (e == ER_DUP_ENTRY)
		return DB_DUP;
	log_msg(is_gone(e) ? LL_WARN : LL_ERR, "db: execute failed (%u): %s",
	    e, mysql_stmt_error(q->st));
	if (!is_gone(e))
		return DB_ERR;
	db_close();
	q->st = NULL;
	/* Only a read outside a transaction is safe to repeat: a write whose
	 * result we never saw may or may not have been applied. */
	if (!q->read_only || in_tx)
		return DB_GONE;
	if (db_connect() < 0)
		return DB_GONE;
	q->st = stmt_get(q->set, q->idx, &rc);
	if (q->st == NULL)
		return rc;
	if (exec_once(q, &e) == 0)
		return 1;
	if (is_gone(e))
		db_close();
	q->st = NULL;
	return is_gone(e) ? DB_GONE : DB_ERR;
}

long long
db_affected(struct db_q *q)
{
	return q->st ? (long long)mysql_stmt_affected_rows(q->st) : -1;
}

unsigned long long
db_insert_id(struct db_q *q)
{
	return q->st ? mysql_stmt_insert_id(q->st) : 0;
}

void
db_out_str(struct db_q *q, char **dst)
{
	MYSQL_BIND *b;
	int i = q->nout;

	if (i >= DB_MAX_BIND)
		return;
	b = &q->out[i];
	/* Zero-length buffer: the real length is learnt at fetch time and the
	 * column fetched into an arena buffer of exactly that size. */
	b->buffer_type = MYSQL_TYPE_STRING;
	b->buffer = NULL;
	b->buffer_length = 0;
	b->length = &q->len[i];
	b->is_null = (my_bool *)&q->isnull[i];
	b->error = (my_bool *)&q->err[i];
	q->sout[i] = dst;
	q->nout++;
}

void
db_out_int(struct db_q *q, long long *dst)
{
	MYSQL_BIND *b;
	int i = q->nout;

	if (i >= DB_MAX_BIND)
		return;
	b = &q->out[i];
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = dst;
	b->is_null = (my_bool *)&q->isnull[i];
	b->error = (my_bool *)&q->err[i];
	q->sout[i] = NULL;
	q->nout++;
}

int
db_fetch(struct db_q *q)
{
	int rc, i;

	if (q->st == NULL)
		return DB_ERR;
	/* Once per execution: the bindings hold for every row. */
	if (q->nout > 0 && !q->bound) {
		if (mysql_stmt_bind_result(q->st, q->out) != 0)
			return DB_ERR;
		q->bound = 1;
	}
	rc = mysql_stmt_fetch(q->st);
	if (rc == MYSQL_NO_DATA)
		return 0;
	if (rc == 1) {
		unsigned int e = mysql_stmt_errno(q->st);

		/* A connection lost while rows are read unbuffered may leave
		 * its error on the connection only (seen when MariaDB was
		 * killed mid-result: statement error 0); no error at all is
		 * taken as that too. */
		if (e == 0 && conn != NULL)
			e = mysql_errno(conn);
		if (e == 0)
			e = CR_SERVER_LOST;
		log_msg(is_gone(e) ? LL_WARN : LL_ERR, "db: fetch failed (%u): %s", e,
		    mysql_stmt_error(q->st));
		if (is_gone(e)) {
			db_close();
			q->st = NULL;
			return DB_GONE;
		}
		return DB_ERR;
	}
	for (i = 0; i < q->nout; i++) {
		if (q->sout[i] == NULL) {
			if (q->isnull[i])
				*(long long *)q->out[i].buffer = 0;
			continue;
		}
		if (q->isnull[i]) {
			*q->sout[i] = NULL;
			continue;
		}
		{
			char *buf = arena_alloc_raw(q->a, q->len[i] + 1);
			MYSQL_BIND b;

			if (buf == NULL)
				return DB_ERR;
			if (q->len[i] > 0) {
				memset(&b, 0, sizeof(b));
				b.buffer_type = MYSQL_TYPE_STRING;
				b.buffer = buf;
				b.buffer_length = q->len[i];
				if (mysql_stmt_fetch_column(q->st, &b, (unsigned)i, 0) != 0)
					return DB_ERR;
			}
			buf[q->len[i]] = '\0';
			*q->sout[i] = buf;
		}
	}
	return 1;
}

void
db_q_end(struct db_q *q)
{
	/* free_result also reads and drops any rows not fetched, so the
	 * statement is ready for its next execute. No mysql_stmt_reset: it is
	 * a round trip to the server (COM_STMT_RESET), needed only for long
	 * data or cursors, which we never use. */
	if (q->st != NULL)
		mysql_stmt_free_result(q->st);
	q->st = NULL;
}

int
db_begin(void)
{
	int rc = db_ensure();

	if (rc < 0)
		return rc;
	if (mysql_autocommit(conn, 0) != 0) {
		unsigned int e = mysql_errno(conn);
		if (is_gone(e)) {
			db_close();
			return DB_GONE;
		}
		return DB_ERR;
	}
	in_tx = 1;
	return 1;
}

int
db_commit(void)
{
	unsigned int e;

	if (conn == NULL)
		return DB_GONE;
	if (mysql_commit(conn) != 0) {
		e = mysql_errno(conn);
		log_msg(LL_ERR, "db: commit failed (%u): %s", e, mysql_error(conn));
		/* An unacknowledged commit is reported as failed, never retried.
		 * It may have been applied: count its changes anyway (a copy
		 * reloaded for nothing costs one query). */
		bump_changed();
		db_close();
		return is_gone(e) ? DB_GONE : DB_ERR;
	}
	tx_done(1);
	if (mysql_autocommit(conn, 1) != 0) {
		db_close();
		return 1; /* the commit itself was acknowledged */
	}
	return 1;
}

void
db_rollback(void)
{
	if (conn != NULL && (mysql_rollback(conn) != 0 || mysql_autocommit(conn, 1) != 0))
		db_close();
	tx_done(0);
}

int
db_collect(struct db_q *q, const void *row, void *rows, size_t sz, int max)
{
	int rc, n = 0;

	if ((rc = db_exec(q)) > 0)
		while (n < max && (rc = db_fetch(q)) > 0)
			memcpy((char *)rows + (size_t)n++ * sz, row, sz);
	db_q_end(q);
	return rc < 0 ? rc : n;
}

int
db_one(struct db_q *q)
{
	int rc = db_exec(q);

	if (rc > 0)
		rc = db_fetch(q);
	db_q_end(q);
	return rc;
}

long long
db_write(struct db_q *q)
{
	long long n;
	int rc = db_exec(q);

	n = rc < 0 ? rc : db_affected(q);
	db_q_end(q);
	return n;
}

long long
db_insert(struct db_q *q)
{
	long long id;
	int rc = db_exec(q);

	id = rc < 0 ? rc : (long long)db_insert_id(q);
	db_q_end(q);
	return id;
}

/* The readiness check's one round trip: the cheapest prepared statement. */
static const char *const ping_sql[] = { "SELECT 1" };
DB_SET(ping_set, ping_sql, 1);

int
db_ping(struct arena *a)
{
	struct db_q q;
	long long one = 0;
	int rc;

	if ((rc = db_q_start(&q, a, &ping_set, 0)) < 0)
		return rc;
	db_out_int(&q, &one);
	rc = db_one(&q);
	return rc > 0 && one == 1 ? 1 : rc < 0 ? rc : DB_ERR;
}
