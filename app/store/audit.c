/* audit.c — all SQL for audit_log, and its hash chains (see audit.h). */
#include "store/audit.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "core/db.h"
#include "core/log.h"
#include "core/secret.h"

enum audit_stmt { AU_INSERT, AU_ALL, AU_VIEWS, AU_CHANGES, AU_MAX };

static const char *const audit_sql[AU_MAX] = {
	[AU_INSERT] = "INSERT INTO audit_log (chain, seq, at, actor_id, actor_role, subject_id, "
	    "action, detail, client_addr, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[AU_ALL] = "SELECT id, chain, seq, at, IFNULL(actor_id, 0), actor_role, IFNULL(subject_id, 0), "
	    "action, detail, client_addr, hash FROM audit_log ORDER BY chain, seq",
	[AU_VIEWS] = "SELECT DATE_FORMAT(FROM_UNIXTIME(MAX(a.at)), '%Y-%m-%d'), a.actor_role, "
	    "MAX(COALESCE(s.name, x.name, u.display_name)), a.action, COUNT(*) "
	    "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id "
	    "LEFT JOIN subjects s ON s.id = u.subject_id "
	    "LEFT JOIN associations x ON x.id = u.association_id "
	    "WHERE a.subject_id = ? AND a.action IN ('view', 'report') "
	    "GROUP BY a.actor_role, a.actor_id, a.action ORDER BY MAX(a.at) DESC LIMIT ?",
	[AU_CHANGES] = "SELECT DATE_FORMAT(FROM_UNIXTIME(at), '%Y-%m-%d'), action, detail, actor_role "
	    "FROM audit_log WHERE subject_id = ? AND action NOT IN ('view', 'report') "
	    "ORDER BY at DESC, id DESC LIMIT ?",
};
DB_SET(audit_set, audit_sql, AU_MAX);

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

static void
chain_start(void)
{
	unsigned char r[6];
	static const char hex[] = "0123456789abcdef";
	int i;

	randombytes_buf(r, sizeof(r));
	chain[0] = 'w';
	for (i = 0; i < 6; i++) {
		chain[1 + 2 * i] = hex[r[i] >> 4];
		chain[2 + 2 * i] = hex[r[i] & 15];
	}
	chain[13] = '\0';
	chain_seq = 0;
	crypto_generichash(chain_prev, 32, (const unsigned char *)chain, strlen(chain),
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
	struct db_q q;
	int rc;

	if (!hooked) {
		db_on_tx_end(audit_tx_end);
		hooked = 1;
	}
	if (chain[0] == '\0')
		chain_start();
	if (db_in_tx() && !tx_marked) {
		tx_marked = 1;
		memcpy(tx_chain, chain, sizeof(tx_chain));
		tx_seq = chain_seq;
		memcpy(tx_prev, chain_prev, 32);
	}
	row_hash(h, chain_prev, chain, chain_seq + 1, at, e->actor_id, e->actor_role,
	    e->subject_id, e->action, detail, addr);
	if ((rc = db_q_start(&q, a, &audit_set, AU_INSERT)) < 0) {
		chain[0] = '\0';
		return rc;
	}
	db_in_str(&q, chain);
	db_in_int(&q, (long long)(chain_seq + 1));
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
	db_in_str(&q, detail);
	db_in_str(&q, addr);
	db_in_strn(&q, h, 32);
	if ((rc = (int)db_write(&q)) < 0) {
		/* The row may or may not be in: continue on a fresh chain so
		 * this one never has two rows with the same position. */
		chain[0] = '\0';
		return rc;
	}
	chain_seq++;
	memcpy(chain_prev, h, 32);
	sodium_bin2hex(hexh, sizeof(hexh), h, 32);
	log_msg(LL_INFO, "audit chain=%s seq=%llu head=%s", chain, chain_seq, hexh);
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
