/* session.c — sessions and CSRF (see session.h). All SQL for the sessions
 * table lives here. */
#include "session.h"

#include <string.h>
#include <time.h>

#include <sodium.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "secret.h"

enum sess_stmt { SS_LOOKUP, SS_INSERT, SS_DELETE, SS_DELETE_USER, SS_TOUCH, SS_PURGE, SS_MAX };

static const char *const sess_sql[SS_MAX] = {
	[SS_LOOKUP] = "SELECT u.id, u.login, u.display_name, u.role, "
	    "IFNULL(u.subject_id, 0), IFNULL(u.association_id, 0), s.created_at, s.last_seen "
	    "FROM sessions s JOIN users u ON u.id = s.user_id "
	    "WHERE s.id = ? AND u.disabled = 0",
	[SS_INSERT] = "INSERT INTO sessions (id, user_id, created_at, last_seen, client_addr) "
	    "VALUES (?, ?, ?, ?, ?)",
	[SS_DELETE] = "DELETE FROM sessions WHERE id = ?",
	[SS_DELETE_USER] = "DELETE FROM sessions WHERE user_id = ?",
	[SS_TOUCH] = "UPDATE sessions SET last_seen = ? WHERE id = ?",
	[SS_PURGE] = "DELETE FROM sessions WHERE last_seen < ? OR created_at < ?",
};
DB_SET(sess_set, sess_sql, SS_MAX);

#define TOKEN_BYTES 32
#define TOKEN_B64   sodium_base64_ENCODED_LEN(TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)

const char *
session_cookie_name(void)
{
	return cfg.secure_cookies ? "__Host-sid" : "sid";
}

static const char *
csrf_cookie_name(void)
{
	return cfg.secure_cookies ? "__Host-csrf" : "csrf";
}

/* Decodes a cookie token; 0 on success. */
static int
token_decode(const char *s, unsigned char out[TOKEN_BYTES])
{
	size_t n = 0;

	if (s == NULL || strlen(s) != TOKEN_B64 - 1)
		return -1;
	if (sodium_base642bin(out, TOKEN_BYTES, s, strlen(s), NULL, &n, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || n != TOKEN_BYTES)
		return -1;
	return 0;
}

static void
token_hash(const unsigned char tok[TOKEN_BYTES], unsigned char out[32])
{
	crypto_generichash(out, 32, tok, TOKEN_BYTES, secret_key(KEY_SESSION), SECRET_KEYBYTES);
}

static int
sess_delete(struct arena *a, const unsigned char hash[32])
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &sess_set, SS_DELETE)) < 0)
		return rc;
	db_in_strn(&q, hash, 32);
	rc = db_exec(&q);
	db_q_end(&q);
	return rc;
}

int
session_load(struct req *r)
{
	unsigned char tok[TOKEN_BYTES];
	long long created = 0, seen = 0, now = (long long)time(NULL);
	char *role = NULL;
	struct db_q q;
	int rc;

	r->user.role = ROLE_ANON;
	r->has_session = 0;
	if (token_decode(req_cookie_get(r, session_cookie_name()), tok) != 0)
		return 0;
	token_hash(tok, r->sess_hash);
	sodium_memzero(tok, sizeof(tok));
	if ((rc = db_q_start(&q, &r->arena, &sess_set, SS_LOOKUP)) < 0)
		return rc;
	db_in_strn(&q, r->sess_hash, 32);
	if ((rc = db_exec(&q)) < 0) {
		db_q_end(&q);
		return rc;
	}
	db_out_int(&q, &r->user.id);
	db_out_str(&q, (char **)&r->user.login);
	db_out_str(&q, (char **)&r->user.display_name);
	db_out_str(&q, &role);
	db_out_int(&q, &r->user.subject_id);
	db_out_int(&q, &r->user.association_id);
	db_out_int(&q, &created);
	db_out_int(&q, &seen);
	rc = db_fetch(&q);
	db_q_end(&q);
	if (rc < 0)
		return rc;
	if (rc == 0 || role == NULL || role_from_name(role) <= ROLE_ANON) {
		/* Unknown token: make the browser forget it. */
		req_cookie(r, session_cookie_name(), "", 0);
		memset(&r->user, 0, sizeof(r->user));
		return 0;
	}
	if (session_expired(now, created, seen, cfg.session_idle, cfg.session_absolute)) {
		sess_delete(&r->arena, r->sess_hash);
		req_cookie(r, session_cookie_name(), "", 0);
		memset(&r->user, 0, sizeof(r->user));
		return 0;
	}
	r->user.role = (enum role)role_from_name(role);
	r->has_session = 1;
	r->touch_session = now - seen >= 60;
	r->no_store = 1;
	return 1;
}

int
session_expired(long long now, long long created, long long seen, int idle, int absolute)
{
	return now - seen > idle || now - created > absolute || seen > now + 60;
}

void
session_touch(struct req *r)
{
	struct db_q q;

	if (!r->has_session || !r->touch_session)
		return;
	if (db_q_start(&q, &r->arena, &sess_set, SS_TOUCH) < 0)
		return;
	db_in_int(&q, (long long)time(NULL));
	db_in_strn(&q, r->sess_hash, 32);
	db_exec(&q);
	db_q_end(&q);
	r->touch_session = 0;
}

int
session_create(struct req *r, long long user_id)
{
	unsigned char tok[TOKEN_BYTES];
	char enc[TOKEN_B64];
	long long now = (long long)time(NULL);
	struct db_q q;
	int rc;

	/* A token that existed before login never survives it (fixation). */
	if (r->has_session)
		sess_delete(&r->arena, r->sess_hash);
	if ((rc = db_q_start(&q, &r->arena, &sess_set, SS_PURGE)) > 0) {
		db_in_int(&q, now - cfg.session_idle);
		db_in_int(&q, now - cfg.session_absolute);
		db_exec(&q);
		db_q_end(&q);
	}
	randombytes_buf(tok, sizeof(tok));
	token_hash(tok, r->sess_hash);
	sodium_bin2base64(enc, sizeof(enc), tok, sizeof(tok),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(tok, sizeof(tok));
	if ((rc = db_q_start(&q, &r->arena, &sess_set, SS_INSERT)) < 0)
		return rc;
	db_in_strn(&q, r->sess_hash, 32);
	db_in_int(&q, user_id);
	db_in_int(&q, now);
	db_in_int(&q, now);
	db_in_str(&q, r->remote_addr);
	rc = db_exec(&q);
	db_q_end(&q);
	if (rc < 0)
		return rc;
	r->has_session = 1;
	r->csrf = NULL;
	req_cookie(r, session_cookie_name(), enc, -1);
	sodium_memzero(enc, sizeof(enc));
	return 1;
}

int
session_destroy(struct req *r)
{
	int rc = 1;

	if (r->has_session)
		rc = sess_delete(&r->arena, r->sess_hash);
	r->has_session = 0;
	memset(&r->user, 0, sizeof(r->user));
	r->csrf = NULL;
	req_cookie(r, session_cookie_name(), "", 0);
	return rc;
}

int
session_destroy_user(struct arena *a, long long user_id)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &sess_set, SS_DELETE_USER)) < 0)
		return rc;
	db_in_int(&q, user_id);
	rc = db_exec(&q);
	db_q_end(&q);
	return rc;
}

/* The expected token: a keyed hash of what this visitor holds. */
static int
csrf_expected(struct req *r, char out[TOKEN_B64], int create)
{
	unsigned char anon[TOKEN_BYTES], mac[24], msg[1 + 32];

	if (r->has_session) {
		msg[0] = 'S';
		memcpy(msg + 1, r->sess_hash, 32);
	} else {
		if (token_decode(req_cookie_get(r, csrf_cookie_name()), anon) != 0) {
			char enc[TOKEN_B64];
			if (!create)
				return -1;
			randombytes_buf(anon, sizeof(anon));
			sodium_bin2base64(enc, sizeof(enc), anon, sizeof(anon),
			    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
			req_cookie(r, csrf_cookie_name(), enc, -1);
			/* Later calls in this request must see the same cookie. */
			{
				struct param *p = arena_alloc(&r->arena, sizeof(*p));
				if (p == NULL)
					return -1;
				p->key = csrf_cookie_name();
				p->val = arena_strdup(&r->arena, enc);
				p->len = strlen(enc);
				p->next = r->cookies.head;
				r->cookies.head = p;
				if (r->cookies.tail == NULL)
					r->cookies.tail = p;
				r->cookies.n++;
			}
		}
		msg[0] = 'A';
		crypto_generichash(msg + 1, 32, anon, sizeof(anon), NULL, 0);
	}
	crypto_generichash(mac, sizeof(mac), msg, sizeof(msg), secret_key(KEY_CSRF),
	    SECRET_KEYBYTES);
	sodium_bin2base64(out, TOKEN_B64, mac, sizeof(mac),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return 0;
}

const char *
csrf_token(struct req *r)
{
	char tok[TOKEN_B64];

	if (r->csrf != NULL)
		return r->csrf;
	if (csrf_expected(r, tok, 1) != 0)
		return NULL;
	r->csrf = arena_strdup(&r->arena, tok);
	return r->csrf;
}

int
csrf_check(struct req *r)
{
	char want[TOKEN_B64];
	const struct param *p = param_find(&r->body, "csrf"), *q;
	size_t n;

	if (p == NULL || p->val == NULL || csrf_expected(r, want, 0) != 0)
		return 0;
	/* Exactly one token: a second one is a malformed request. */
	for (q = p->next; q != NULL; q = q->next)
		if (strcmp(q->key, "csrf") == 0)
			return 0;
	n = strlen(want);
	if (p->len != n)
		return 0;
	return sodium_memcmp(p->val, want, n) == 0;
}
