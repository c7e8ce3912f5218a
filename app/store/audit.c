/* audit.c — all SQL for audit_log, and its hash chains (see audit.h). */
#include "store/audit.h"

#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "core/config.h"
#include "core/db.h"
#include "core/json.h"
#include "core/log.h"
#include "core/secret.h"

enum audit_stmt { AU_INSERT, AU_COUNT, AU_ALL, AU_VIEWS, AU_CHANGES, AU_BATCH, AU_COUNT_BATCH,
	AU_MAX };

static const char *const audit_sql[AU_MAX] = {
	[AU_INSERT] = "INSERT INTO audit_log (chain, seq, at, actor_id, actor_role, subject_id, "
	    "action, detail, client_addr, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* The flusher's batches: one statement for all of a batch's rows
	 * (a JSON array, one bound parameter), one for all of its counts, in
	 * the order of the array; see aq_write. */
	[AU_BATCH] = "INSERT INTO audit_log (chain, seq, at, actor_id, actor_role, subject_id, "
	    "action, detail, client_addr, hash) SELECT ?, j.seq, j.at, NULLIF(j.actor, 0), j.role, "
	    "NULLIF(j.subject, 0), j.action, j.detail, j.addr, UNHEX(j.hash) FROM JSON_TABLE(?, '$[*]' "
	    "COLUMNS (seq BIGINT UNSIGNED PATH '$[0]', at BIGINT PATH '$[1]', "
	    "actor BIGINT UNSIGNED PATH '$[2]', role VARCHAR(16) CHARACTER SET utf8mb4 PATH '$[3]', "
	    "subject BIGINT UNSIGNED PATH '$[4]', action VARCHAR(32) CHARACTER SET utf8mb4 PATH '$[5]', "
	    "detail VARCHAR(1000) CHARACTER SET utf8mb4 PATH '$[6]', "
	    "addr VARCHAR(45) CHARACTER SET utf8mb4 PATH '$[7]', "
	    "hash CHAR(64) CHARACTER SET utf8mb4 PATH '$[8]')) j",
	[AU_COUNT_BATCH] = "INSERT INTO audit_view_counts (subject_id, actor_role, actor_id, action, n, "
	    "last_at) SELECT j.subject, j.role, j.actor, j.action, j.cnt, j.last_at FROM JSON_TABLE(?, "
	    "'$[*]' COLUMNS (subject BIGINT UNSIGNED PATH '$[0]', "
	    "role VARCHAR(16) CHARACTER SET utf8mb4 PATH '$[1]', actor BIGINT UNSIGNED PATH '$[2]', "
	    "action VARCHAR(32) CHARACTER SET utf8mb4 PATH '$[3]', cnt BIGINT PATH '$[4]', "
	    "last_at BIGINT PATH '$[5]')) j ON DUPLICATE KEY UPDATE "
	    "n = audit_view_counts.n + VALUES(n), "
	    "last_at = GREATEST(audit_view_counts.last_at, VALUES(last_at))",
	[AU_ALL] = "SELECT id, chain, seq, at, IFNULL(actor_id, 0), actor_role, IFNULL(subject_id, 0), "
	    "action, detail, client_addr, hash FROM audit_log ORDER BY chain, seq",
	/* Counts of view and report rows per subject and viewer (0010), kept
	 * in the transaction that appends the rows. */
	[AU_COUNT] = "INSERT INTO audit_view_counts (subject_id, actor_role, actor_id, action, n, last_at) "
	    "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n), "
	    "last_at = GREATEST(last_at, VALUES(last_at))",
	[AU_VIEWS] = "SELECT DATE_FORMAT(FROM_UNIXTIME(c.last_at), '%Y-%m-%d'), c.actor_role, "
	    "COALESCE(s.name, x.name, u.display_name), c.action, c.n "
	    "FROM audit_view_counts c LEFT JOIN users u ON u.id = c.actor_id "
	    "LEFT JOIN subjects s ON s.id = u.subject_id "
	    "LEFT JOIN associations x ON x.id = u.association_id "
	    "WHERE c.subject_id = ? ORDER BY c.last_at DESC LIMIT ?",
	[AU_CHANGES] = "SELECT DATE_FORMAT(FROM_UNIXTIME(at), '%Y-%m-%d'), action, detail, actor_role "
	    "FROM audit_log WHERE subject_id = ? AND action NOT IN ('view', 'report') "
	    "ORDER BY at DESC, id DESC LIMIT ?",
};
DB_SET(audit_set, audit_sql, AU_MAX);
/* The same statements for the flusher thread: its own connection, so its
 * own statement cache (store/audit.c is the only user of either). */
DB_SET(audit_flush_set, audit_sql, AU_MAX);

/* This worker's chain. */
static char          chain[24];
static unsigned long long chain_seq;
static unsigned char chain_prev[32];
/* Where the chain stood when the current transaction appended its first
 * row: a rollback takes the chain back there. */
static int           tx_marked;
static char          tx_chain[24];
static unsigned long long tx_seq;
static unsigned char tx_prev[32];

static void
put64(unsigned char *p, unsigned long long v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* A new chain: a random name ('w' for a worker's direct appends, 'v' for
 * its flusher's batches) and the keyed hash of the name as the start. */
static void
chain_new(char id[24], unsigned long long *seq, unsigned char prev[32], char kind)
{
	unsigned char r[6];
	static const char hex[] = "0123456789abcdef";
	int i;

	randombytes_buf(r, sizeof(r));
	id[0] = kind;
	for (i = 0; i < 6; i++) {
		id[1 + 2 * i] = hex[r[i] >> 4];
		id[2 + 2 * i] = hex[r[i] & 15];
	}
	id[13] = '\0';
	*seq = 0;
	crypto_generichash(prev, 32, (const unsigned char *)id, strlen(id),
	    secret_key(KEY_AUDIT), SECRET_KEYBYTES);
}

/* The row hash: every field, length-prefixed, after the previous hash. */
static void
row_hash(unsigned char out[32], const unsigned char prev[32], const char *ch,
    unsigned long long seq, long long at, long long actor, const char *role,
    long long subject, const char *action, const char *detail, const char *addr)
{
	crypto_generichash_state st;
	unsigned char num[8];
	const char *strs[5];
	int i;

	strs[0] = ch;
	strs[1] = role;
	strs[2] = action;
	strs[3] = detail;
	strs[4] = addr;
	crypto_generichash_init(&st, secret_key(KEY_AUDIT), SECRET_KEYBYTES, 32);
	crypto_generichash_update(&st, prev, 32);
	put64(num, seq);
	crypto_generichash_update(&st, num, 8);
	put64(num, (unsigned long long)at);
	crypto_generichash_update(&st, num, 8);
	put64(num, (unsigned long long)actor);
	crypto_generichash_update(&st, num, 8);
	put64(num, (unsigned long long)subject);
	crypto_generichash_update(&st, num, 8);
	for (i = 0; i < 5; i++) {
		size_t n = strs[i] ? strlen(strs[i]) : 0;
		put64(num, n);
		crypto_generichash_update(&st, num, 8);
		crypto_generichash_update(&st, (const unsigned char *)(strs[i] ? strs[i] : ""), n);
	}
	crypto_generichash_final(&st, out, 32);
}

/* Inserts one chained row (the statement of set, which belongs to the
 * calling thread). Returns > 0 or < 0. */
static int
insert_row(struct arena *a, struct db_set *set, const char *ch, unsigned long long seq,
    long long at, const struct audit_event *e, const unsigned char h[32])
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, set, AU_INSERT)) < 0)
		return rc;
	db_in_str(&q, ch);
	db_in_int(&q, (long long)seq);
	db_in_int(&q, at);
	if (e->actor_id > 0)
		db_in_int(&q, e->actor_id);
	else
		db_in_null(&q);
	db_in_str(&q, e->actor_role);
	if (e->subject_id > 0)
		db_in_int(&q, e->subject_id);
	else
		db_in_null(&q);
	db_in_str(&q, e->action);
	db_in_str(&q, e->detail ? e->detail : "");
	db_in_str(&q, e->addr ? e->addr : "");
	db_in_strn(&q, h, 32);
	rc = (int)db_write(&q);
	return rc < 0 ? rc : 1;
}

/* Rows that count as a view of the subject's information (Art. 34). */
static int
is_view(const struct audit_event *e)
{
	return e->subject_id > 0 && e->action != NULL &&
	    (strcmp(e->action, "view") == 0 || strcmp(e->action, "report") == 0);
}

/* Adds n rows of e's kind to the subject's view counts (0010). */
static int
count_views(struct arena *a, struct db_set *set, const struct audit_event *e, long long n,
    long long last_at)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, set, AU_COUNT)) < 0)
		return rc;
	db_in_int(&q, e->subject_id);
	db_in_str(&q, e->actor_role);
	db_in_int(&q, e->actor_id > 0 ? e->actor_id : 0);
	db_in_str(&q, e->action);
	db_in_int(&q, n);
	db_in_int(&q, last_at);
	rc = (int)db_write(&q);
	return rc < 0 ? rc : 1;
}

/* A rolled-back transaction took its audit rows with it: log the chain
 * head as it stands in the table (so the verifier does not mistake it for
 * truncation) and continue on a fresh chain. */
static void
audit_tx_end(int committed)
{
	char hexh[65];

	if (!tx_marked)
		return;
	tx_marked = 0;
	if (committed)
		return;
	sodium_bin2hex(hexh, sizeof(hexh), tx_prev, 32);
	log_msg(LL_INFO, "audit chain=%s seq=%llu head=%s (rolled back)", tx_chain, tx_seq, hexh);
	chain[0] = '\0';
}

int
audit_append(struct arena *a, const struct audit_event *e)
{
	static int hooked;
	unsigned char h[32];
	char hexh[65];
	long long at = (long long)time(NULL);
	const char *detail = e->detail ? e->detail : "", *addr = e->addr ? e->addr : "";
	int rc, own_tx = 0;

	if (!hooked) {
		db_on_tx_end(audit_tx_end);
		hooked = 1;
	}
	if (chain[0] == '\0')
		chain_new(chain, &chain_seq, chain_prev, 'w');
	/* A view row and its count go in together. */
	if (is_view(e) && !db_in_tx()) {
		if ((rc = db_begin()) < 0)
			return rc;
		own_tx = 1;
	}
	if (db_in_tx() && !tx_marked) {
		tx_marked = 1;
		memcpy(tx_chain, chain, sizeof(tx_chain));
		tx_seq = chain_seq;
		memcpy(tx_prev, chain_prev, 32);
	}
	row_hash(h, chain_prev, chain, chain_seq + 1, at, e->actor_id, e->actor_role,
	    e->subject_id, e->action, detail, addr);
	if ((rc = insert_row(a, &audit_set, chain, chain_seq + 1, at, e, h)) < 0 ||
	    (is_view(e) && (rc = count_views(a, &audit_set, e, 1, at)) < 0)) {
		/* The row may or may not be in: continue on a fresh chain so
		 * this one never has two rows with the same position. */
		if (own_tx)
			db_rollback();
		chain[0] = '\0';
		return rc;
	}
	if (own_tx && (rc = db_commit()) < 0) {
		chain[0] = '\0';
		return rc;
	}
	chain_seq++;
	memcpy(chain_prev, h, 32);
	sodium_bin2hex(hexh, sizeof(hexh), h, 32);
	log_msg(LL_INFO, "audit chain=%s seq=%llu head=%s", chain, chain_seq, hexh);
	return 1;
}

/* ---- Batched views ----------------------------------------------------
 * A ring of queued view rows shared by the worker's request thread (the
 * producer) and its flusher thread (the consumer) under one mutex that no
 * other process sees. The flusher writes rows [head, head + n) while the
 * lock is released: the producer only fills slots past head + count, and
 * count shrinks only after the write, so the two never touch one slot. */
#define AQ_CAP    4096   /* queued rows per worker: seconds of views at full load */
#define AQ_BATCH  64     /* rows that wake the flusher before its deadline */
#define AQ_WRITE  512    /* rows per transaction at most */

struct aq_row {
	long long at, actor_id, subject_id, queued_ms;
	/* Sized to the audit_log columns, so a queued row always fits. */
	char      role[17], action[33], detail[128], addr[46];
};

static pthread_mutex_t aq_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t  aq_wake, aq_space;
static struct aq_row  *aq;
static int             aq_head, aq_count, aq_stopping, aq_running;
static pthread_t       aq_thread;
/* The flusher's own chain (only the flusher thread touches these). */
static char               fl_chain[24];
static unsigned long long fl_seq;
static unsigned char      fl_prev[32];

static long long
mono_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void
wait_until(pthread_cond_t *c, long long ms)
{
	struct timespec t;

	t.tv_sec = (time_t)(ms / 1000);
	t.tv_nsec = (long)(ms % 1000) * 1000000L;
	pthread_cond_timedwait(c, &aq_mu, &t);
}

static int
copy_field(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strlen(src) : 0;

	if (n >= cap)
		return -1;
	memcpy(dst, src ? src : "", n + 1);
	return 0;
}

static int
aq_key_cmp(const void *pa, const void *pb)
{
	const struct aq_row *x = *(const struct aq_row *const *)pa, *y = *(const struct aq_row *const *)pb;
	int c;

	if (x->subject_id != y->subject_id)
		return x->subject_id < y->subject_id ? -1 : 1;
	if ((c = strcmp(x->role, y->role)) != 0)
		return c;
	if (x->actor_id != y->actor_id)
		return x->actor_id < y->actor_id ? -1 : 1;
	return strcmp(x->action, y->action);
}

static int
json_exec(struct arena *a, int idx, const char *chain_id, struct json *b)
{
	struct db_q q;
	int rc;

	if (json_failed(b))
		return DB_ERR;
	if ((rc = db_q_start(&q, a, &audit_flush_set, idx)) < 0)
		return rc;
	if (chain_id != NULL)
		db_in_str(&q, chain_id);
	db_in_strn(&q, b->p, b->len);
	rc = (int)db_write(&q);
	return rc < 0 ? rc : 1;
}

/* The view counts of rows [head, head + n): one count per subject and
 * viewer, in key order, so flushers of different workers lock the same
 * count rows in the same order and never deadlock each other; all of them
 * in one statement. */
static int
aq_count_views(struct arena *a, int head, int n)
{
	const struct aq_row **k;
	struct json b;
	int i, j;

	json_init(&b, a);
	if ((k = arena_alloc(a, (size_t)n * sizeof(*k))) == NULL)
		return DB_ERR;
	for (i = j = 0; i < n; i++) {
		const struct aq_row *w = &aq[(head + i) % AQ_CAP];
		struct audit_event e = { w->actor_id, w->role, w->subject_id, w->action, NULL, NULL };
		if (is_view(&e))
			k[j++] = w;
	}
	if ((n = j) == 0)
		return 1;
	qsort(k, (size_t)n, sizeof(*k), aq_key_cmp);
	json_raw(&b, "[", 1);
	for (i = 0; i < n; i = j) {
		long long last = k[i]->at;

		for (j = i + 1; j < n && aq_key_cmp(&k[i], &k[j]) == 0; j++)
			if (k[j]->at > last)
				last = k[j]->at;
		json_raw(&b, "[", 1);
		json_int(&b, k[i]->subject_id);
		json_str(&b, k[i]->role);
		json_int(&b, k[i]->actor_id > 0 ? k[i]->actor_id : 0);
		json_str(&b, k[i]->action);
		json_int(&b, j - i);
		json_int(&b, last);
		json_close(&b, ']', 1);
	}
	json_close(&b, ']', 0);
	return json_exec(a, AU_COUNT_BATCH, NULL, &b);
}

/* Writes queued rows [head, head + n) in one transaction on the flusher's
 * chain: two statements whatever n is (the rows, their counts). A failed
 * commit leaves it unknown whether the rows went in, so the next attempt
 * starts a new chain: a view may then be logged twice, never not at all,
 * and no chain ever has two rows in one position. */
static int
aq_write(struct arena *a, int head, int n)
{
	unsigned long long seq;
	unsigned char prev[32], h[32];
	char hexh[65];
	struct json b;
	int i, rc;

	json_init(&b, a);
	if (fl_chain[0] == '\0')
		chain_new(fl_chain, &fl_seq, fl_prev, 'v');
	seq = fl_seq;
	memcpy(prev, fl_prev, 32);
	json_raw(&b, "[", 1);
	for (i = 0; i < n; i++) {
		const struct aq_row *w = &aq[(head + i) % AQ_CAP];

		row_hash(h, prev, fl_chain, seq + 1, w->at, w->actor_id, w->role,
		    w->subject_id, w->action, w->detail, w->addr);
		seq++;
		memcpy(prev, h, 32);
		sodium_bin2hex(hexh, sizeof(hexh), h, 32);
		json_raw(&b, "[", 1);
		json_int(&b, (long long)seq);
		json_int(&b, w->at);
		json_int(&b, w->actor_id > 0 ? w->actor_id : 0);
		json_str(&b, w->role);
		json_int(&b, w->subject_id > 0 ? w->subject_id : 0);
		json_str(&b, w->action);
		json_str(&b, w->detail);
		json_str(&b, w->addr);
		json_str(&b, hexh);
		json_close(&b, ']', 1);
	}
	json_close(&b, ']', 0);
	if ((rc = db_begin()) < 0)
		return rc;
	if ((rc = json_exec(a, AU_BATCH, fl_chain, &b)) < 0 ||
	    (rc = aq_count_views(a, head, n)) < 0) {
		db_rollback();
		return rc;
	}
	if ((rc = db_commit()) < 0) {
		fl_chain[0] = '\0';
		return rc;
	}
	fl_seq = seq;
	memcpy(fl_prev, prev, 32);
	log_msg(LL_INFO, "audit chain=%s seq=%llu head=%s", fl_chain, fl_seq, hexh);
	return 1;
}

static void *
aq_main(void *arg)
{
	struct arena a;
	int failures = 0;

	(void)arg;
	arena_init(&a, 1 << 20);
	mysql_thread_init();
	pthread_mutex_lock(&aq_mu);
	for (;;) {
		long long deadline;
		int head, n, rc;

		while (aq_count == 0 && !aq_stopping)
			pthread_cond_wait(&aq_wake, &aq_mu);
		if (aq_count == 0)
			break;
		deadline = aq[aq_head].queued_ms + cfg.audit_flush_ms;
		while (!aq_stopping && aq_count < AQ_BATCH && mono_ms() < deadline)
			wait_until(&aq_wake, deadline);
		head = aq_head;
		n = aq_count < AQ_WRITE ? aq_count : AQ_WRITE;
		pthread_mutex_unlock(&aq_mu);
		rc = aq_write(&a, head, n);
		arena_reset(&a);
		pthread_mutex_lock(&aq_mu);
		if (rc > 0) {
			aq_head = (aq_head + n) % AQ_CAP;
			aq_count -= n;
			failures = 0;
			pthread_cond_broadcast(&aq_space);
			continue;
		}
		/* The database is away: keep the rows and try again (db.c backs
		 * off its reconnects); at shutdown give up after about 5 s. */
		if (++failures == 1 || failures % 40 == 0)
			log_msg(LL_WARN, "audit: %d view row(s) waiting, database unavailable", aq_count);
		if (aq_stopping && failures >= 20) {
			log_msg(LL_ERR, "audit: %d view row(s) lost at shutdown, database unavailable", aq_count);
			aq_count = 0;
			break;
		}
		wait_until(&aq_space, mono_ms() + 250);
	}
	pthread_mutex_unlock(&aq_mu);
	db_close();
	mysql_thread_end();
	arena_free(&a);
	return NULL;
}

int
audit_start(void)
{
	pthread_condattr_t ca;
	sigset_t all, old;
	int rc;

	if (aq_running)
		return 0;
	if ((aq = calloc(AQ_CAP, sizeof(*aq))) == NULL)
		return -1;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&aq_wake, &ca);
	pthread_cond_init(&aq_space, &ca);
	pthread_condattr_destroy(&ca);
	aq_head = aq_count = aq_stopping = 0;
	/* The flusher takes no signals: SIGTERM must reach the request
	 * thread, which is blocked in accept(). */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&aq_thread, NULL, aq_main, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		log_msg(LL_ERR, "audit: cannot start the flusher: %s", strerror(rc));
		free(aq);
		aq = NULL;
		return -1;
	}
	aq_running = 1;
	return 0;
}

void
audit_stop(void)
{
	if (!aq_running)
		return;
	pthread_mutex_lock(&aq_mu);
	aq_stopping = 1;
	pthread_cond_signal(&aq_wake);
	pthread_mutex_unlock(&aq_mu);
	pthread_join(aq_thread, NULL);
	aq_running = 0;
	free(aq);
	aq = NULL;
}

int
audit_view(struct arena *a, const struct audit_event *e)
{
	struct aq_row *w;
	long long now = mono_ms(), give_up = now + 2000;

	if (!aq_running || db_in_tx())
		return audit_append(a, e);
	pthread_mutex_lock(&aq_mu);
	while (aq_count == AQ_CAP && mono_ms() < give_up)
		wait_until(&aq_space, give_up);
	if (aq_count == AQ_CAP) {
		pthread_mutex_unlock(&aq_mu);
		return DB_GONE;
	}
	w = &aq[(aq_head + aq_count) % AQ_CAP];
	if (copy_field(w->role, sizeof(w->role), e->actor_role) != 0 ||
	    copy_field(w->action, sizeof(w->action), e->action) != 0 ||
	    copy_field(w->detail, sizeof(w->detail), e->detail) != 0 ||
	    copy_field(w->addr, sizeof(w->addr), e->addr) != 0) {
		/* Too long to queue: written directly, never cut short. */
		pthread_mutex_unlock(&aq_mu);
		return audit_append(a, e);
	}
	w->at = (long long)time(NULL);
	w->actor_id = e->actor_id;
	w->subject_id = e->subject_id;
	w->queued_ms = now;
	if (++aq_count == 1 || aq_count == AQ_BATCH)
		pthread_cond_signal(&aq_wake);
	pthread_mutex_unlock(&aq_mu);
	return 1;
}

int
audit_views_of(struct arena *a, long long subject_id, struct audit_view *rows, int max)
{
	struct audit_view v;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &audit_set, AU_VIEWS)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	db_out_str(&q, &v.at);
	db_out_str(&q, &v.actor_role);
	db_out_str(&q, &v.actor_name);
	db_out_str(&q, &v.action);
	db_out_int(&q, &v.n);
	return db_collect(&q, &v, rows, sizeof(v), max);
}

int
audit_changes_of(struct arena *a, long long subject_id, struct audit_change *rows, int max)
{
	struct audit_change c;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &audit_set, AU_CHANGES)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	db_out_str(&q, &c.at);
	db_out_str(&q, &c.action);
	db_out_str(&q, &c.detail);
	db_out_str(&q, &c.actor_role);
	return db_collect(&q, &c, rows, sizeof(c), max);
}

/* Chain heads from the app log: the last "audit chain=X seq=N head=H". */
struct head { char chain[24]; unsigned long long seq; char hash[65]; };

static int
read_heads(const char *path, struct head **heads, size_t *n)
{
	FILE *f = fopen(path, "re");
	char line[4096];
	size_t cap = 0, i;

	*heads = NULL;
	*n = 0;
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		struct head h;
		char *p = strstr(line, " audit chain=");
		if (p == NULL || sscanf(p, " audit chain=%23s seq=%llu head=%64s", h.chain, &h.seq, h.hash) != 3)
			continue;
		for (i = 0; i < *n; i++)
			if (strcmp((*heads)[i].chain, h.chain) == 0)
				break;
		if (i == *n) {
			if (*n == cap) {
				struct head *nh = realloc(*heads, (cap = cap ? cap * 2 : 64) * sizeof(*nh));
				if (nh == NULL)
					break;
				*heads = nh;
			}
			(*n)++;
		}
		(*heads)[i] = h;
	}
	fclose(f);
	return 0;
}

long
audit_verify(struct arena *a, FILE *out, const char *heads_log)
{
	struct head *heads = NULL;
	size_t nheads = 0, i;
	char *ch = NULL, *role, *action, *detail, *addr, *hash;
	char cur[24] = "";
	unsigned char prev[32], h[32];
	long long id, seq, at, actor, subject;
	unsigned long long expect = 0;
	long problems = 0, rows = 0;
	struct db_q q;
	int rc;

	if (heads_log != NULL && read_heads(heads_log, &heads, &nheads) != 0)
		fprintf(out, "note: cannot read %s; tail truncation is not checked\n", heads_log);
	if ((rc = db_q_start(&q, a, &audit_set, AU_ALL)) < 0 || (rc = db_exec(&q)) < 0) {
		free(heads);
		return rc;
	}
	db_out_int(&q, &id);
	db_out_str(&q, &ch);
	db_out_int(&q, &seq);
	db_out_int(&q, &at);
	db_out_int(&q, &actor);
	db_out_str(&q, &role);
	db_out_int(&q, &subject);
	db_out_str(&q, &action);
	db_out_str(&q, &detail);
	db_out_str(&q, &addr);
	db_out_str(&q, &hash);
	while ((rc = db_fetch(&q)) > 0) {
		rows++;
		if (strcmp(cur, ch) != 0) {
			snprintf(cur, sizeof(cur), "%s", ch);
			crypto_generichash(prev, 32, (const unsigned char *)cur, strlen(cur),
			    secret_key(KEY_AUDIT), SECRET_KEYBYTES);
			expect = 1;
		}
		if ((unsigned long long)seq != expect) {
			/* The link to the missing row cannot be checked: report the
			 * gap once and go on from this row's stored hash. */
			fprintf(out, "chain %s: row(s) missing before seq %lld (id %lld)\n", cur, seq, id);
			problems++;
			if (hash != NULL)
				memcpy(h, hash, 32);
		} else {
			row_hash(h, prev, cur, (unsigned long long)seq, at, actor, role, subject,
			    action, detail, addr);
			if (hash == NULL || sodium_memcmp(h, hash, 32) != 0) {
				fprintf(out, "chain %s seq %lld: row id %lld was altered\n", cur, seq, id);
				problems++;
				/* Continue from the stored hash so one edit is one report. */
				if (hash != NULL)
					memcpy(h, hash, 32);
			}
		}
		memcpy(prev, h, 32);
		expect = (unsigned long long)seq + 1;
		for (i = 0; i < nheads; i++)
			if (strcmp(heads[i].chain, cur) == 0 && heads[i].seq == (unsigned long long)seq)
				heads[i].seq = 0; /* reached */
		arena_reset(a);
	}
	db_q_end(&q);
	for (i = 0; i < nheads; i++)
		if (heads[i].seq != 0) {
			fprintf(out, "chain %s: the log saw seq %llu but the table ends earlier "
			    "(rows removed from the end)\n", heads[i].chain, heads[i].seq);
			problems++;
		}
	free(heads);
	if (rc < 0)
		return rc;
	fprintf(out, "%ld rows checked, %ld problem(s)\n", rows, problems);
	return problems;
}
