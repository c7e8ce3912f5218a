/* db.h — the worker's MariaDB connection: lazily prepared statements cached
 * per connection, a small typed binding helper, transactions, and recovery
 * when the server goes away (auto-reconnect stays off; see SECURITY.md §4).
 *
 * Return convention everywhere: < 0 system error, 0 not found / no row,
 * > 0 success. DB_GONE means the server is unreachable (callers answer 503). */
#ifndef CORE_DB_H
#define CORE_DB_H

#include <stddef.h>
#include <stdint.h>

#include <mysql.h>

#include "arena.h"

#define DB_ERR   (-1)
#define DB_GONE  (-2)   /* connection lost or server down: 503 */
#define DB_DUP   (-3)   /* unique key violation */

#define DB_MAX_BIND 32   /* columns or parameters of one statement at most */

/* A data module's statements: a parallel array of SQL and its cache. */
struct db_set {
	const char *const *sql;
	int                n;
	MYSQL_STMT       **cache;   /* n slots, filled on first use */
	struct db_set     *next;    /* registry link, so a reconnect clears all */
};
#define DB_SET(name, sqlarr, count) \
	static MYSQL_STMT *name##_cache[count]; \
	static struct db_set name = { sqlarr, count, name##_cache, NULL }

/* One statement execution: inputs bound before db_exec, outputs before db_fetch. */
struct db_q {
	MYSQL_STMT   *st;
	struct arena *a;
	int           nin, nout;
	MYSQL_BIND    in[DB_MAX_BIND];
	MYSQL_BIND    out[DB_MAX_BIND];
	unsigned long len[DB_MAX_BIND];
	char          isnull[DB_MAX_BIND];
	char          err[DB_MAX_BIND];
	long long     ival[DB_MAX_BIND];   /* storage for integer inputs */
	unsigned long ilen[DB_MAX_BIND];   /* lengths of string inputs */
	char        **sout[DB_MAX_BIND];   /* where to store string outputs */
	int           read_only;
	int           bound;               /* outputs bound since the last execute */
	struct db_set *set;
	int           idx;
};

int  db_init(void);             /* reads the password file; call once per worker */
int  db_connect(void);          /* > 0 connected, DB_GONE if not reachable */
int  db_ensure(void);           /* connects when needed, with back-off */
void db_close(void);
int  db_connected(void);
unsigned long db_query_count(void); /* statements executed by this worker */
/* One prepared statement's round trip (SELECT 1): 1 when the database
 * answers, < 0 when not (the readiness check, GET /readyz). */
int  db_ping(struct arena *);

int  db_q_start(struct db_q *, struct arena *, struct db_set *, int idx);
void db_in_str(struct db_q *, const char *s);          /* NULL binds SQL NULL */
void db_in_strn(struct db_q *, const void *s, size_t n); /* bytes / blobs */
void db_in_int(struct db_q *, long long v);
void db_in_null(struct db_q *);
/* Executes; returns > 0 on success, DB_DUP, DB_GONE or DB_ERR. Reads are
 * retried once after a reconnect; writes never are. */
int  db_exec(struct db_q *);
long long db_affected(struct db_q *);
unsigned long long db_insert_id(struct db_q *);
/* Outputs: strings are copied into the arena (NULL for SQL NULL). */
void db_out_str(struct db_q *, char **dst);
void db_out_int(struct db_q *, long long *dst);
/* 1 row, 0 end, < 0 error. */
int  db_fetch(struct db_q *);
void db_q_end(struct db_q *);
/* Executes q (inputs and outputs bound; outputs point into *row), copies up
 * to max fetched rows of sz bytes into rows[], and ends q. Returns the count
 * or < 0. */
int  db_collect(struct db_q *, const void *row, void *rows, size_t sz, int max);
/* Executes q and fetches at most one row into the bound outputs; ends q.
 * Returns 1 (a row), 0 (none) or < 0. */
int  db_one(struct db_q *);
/* Executes a write and ends q. Returns rows matched (>= 0) or < 0. */
long long db_write(struct db_q *);
/* Executes an INSERT and ends q. Returns the new id or < 0. */
long long db_insert(struct db_q *);

/* Closes one cached statement of this thread's connection, so that its
 * next use prepares it again (for a plan MariaDB finds only at a
 * statement's first execution; see store/subjects.c, SU_DISTRICTS). */
void db_forget(struct db_set *, int idx);

/* Transactions: begin/commit/rollback on the worker's connection. */
int  db_begin(void);
int  db_commit(void);
void db_rollback(void);
int  db_in_tx(void);
/* A statement just changed data behind shared counter gen (enum
 * shared_gen, core/shared.h): bumped when the transaction commits (now, if
 * there is none); forgotten on a rollback. */
void db_changed(int gen);
/* One hook told when a transaction ends (1 committed, 0 rolled back or the
 * connection lost): the audit log uses it to keep its chain exact. */
void db_on_tx_end(void (*fn)(int committed));

#endif
