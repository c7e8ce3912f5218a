/* test_session.c — CSRF tokens (derived, bound to the visitor, checked in
 * constant time) and session timeouts. The DB-backed parts are covered by
 * the HTTP tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/config.h"
#include "core/http.h"
#include "core/secret.h"
#include "core/session.h"

static char dir[] = "/tmp/credit-test-XXXXXX";
static char keyfile[64];

static int
setup(void **state)
{
	(void)state;
	if (sodium_init() < 0 || mkdtemp(dir) == NULL)
		return -1;
	snprintf(keyfile, sizeof(keyfile), "%s/master.key", dir);
	return secret_load(keyfile, 1);
}

static int
teardown(void **state)
{
	(void)state;
	unlink(keyfile);
	rmdir(dir);
	return 0;
}

static void
add_param(struct req *r, struct param_list *pl, const char *k, const char *v)
{
	struct param *p = arena_alloc(&r->arena, sizeof(*p));

	p->key = arena_strdup(&r->arena, k);
	p->val = arena_strdup(&r->arena, v);
	p->len = strlen(v);
	p->next = pl->head;
	pl->head = p;
	if (pl->tail == NULL)
		pl->tail = p;
	pl->n++;
}

/* The cookie value a Set-Cookie header carries, copied into the next request. */
static const char *
set_cookie_value(struct req *r, const char *name, char *buf, size_t cap)
{
	char pat[64];
	const char *p, *e;

	snprintf(pat, sizeof(pat), "Set-Cookie: %s=", name);
	p = r->headers ? strstr(r->headers, pat) : NULL;
	if (p == NULL)
		return NULL;
	p += strlen(pat);
	e = strchr(p, ';');
	snprintf(buf, cap, "%.*s", (int)(e - p), p);
	return buf;
}

static void
test_secret_file(void **state)
{
	unsigned char a[32];

	(void)state;
	memcpy(a, secret_key(KEY_SESSION), 32);
	/* Reloading gives the same keys; purposes get different keys. */
	assert_int_equal(secret_load(keyfile, 0), 0);
	assert_memory_equal(a, secret_key(KEY_SESSION), 32);
	assert_memory_not_equal(secret_key(KEY_SESSION), secret_key(KEY_CSRF), 32);
	/* A world-readable secret is refused. */
	chmod(keyfile, 0644);
	assert_int_equal(secret_load(keyfile, 0), -1);
	chmod(keyfile, 0600);
	assert_int_equal(secret_load("/nonexistent/dir/key", 0), -1);
}

static void
test_anonymous_csrf(void **state)
{
	struct req r1, r2;
	char cookie[128];
	const char *tok;

	(void)state;
	http_req_init(&r1);
	tok = csrf_token(&r1);
	assert_non_null(tok);
	assert_true(strlen(tok) >= 32);
	/* The first page sets the pre-session cookie that binds the token. */
	assert_non_null(set_cookie_value(&r1, "csrf", cookie, sizeof(cookie)));
	assert_string_equal(csrf_token(&r1), tok); /* stable within a request */

	http_req_init(&r2);
	add_param(&r2, &r2.cookies, "csrf", cookie);
	add_param(&r2, &r2.body, "csrf", tok);
	assert_true(csrf_check(&r2));
	http_req_free(&r2);

	/* Wrong token, truncated token, missing token, missing cookie. */
	http_req_init(&r2);
	add_param(&r2, &r2.cookies, "csrf", cookie);
	add_param(&r2, &r2.body, "csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	assert_false(csrf_check(&r2));
	http_req_free(&r2);
	http_req_init(&r2);
	add_param(&r2, &r2.cookies, "csrf", cookie);
	add_param(&r2, &r2.body, "csrf", "abc");
	assert_false(csrf_check(&r2));
	http_req_free(&r2);
	http_req_init(&r2);
	add_param(&r2, &r2.cookies, "csrf", cookie);
	assert_false(csrf_check(&r2));
	http_req_free(&r2);
	http_req_init(&r2);
	add_param(&r2, &r2.body, "csrf", tok);
	assert_false(csrf_check(&r2));
	assert_null(r2.headers); /* checking never mints a cookie */
	http_req_free(&r2);
	http_req_free(&r1);
}

static void
test_session_csrf_is_bound_to_session(void **state)
{
	struct req a, b;
	char tok[64];

	(void)state;
	http_req_init(&a);
	a.has_session = 1;
	memset(a.sess_hash, 1, 32);
	snprintf(tok, sizeof(tok), "%s", csrf_token(&a));
	assert_null(a.headers); /* no pre-session cookie once logged in */

	http_req_init(&b);
	b.has_session = 1;
	memset(b.sess_hash, 1, 32);
	add_param(&b, &b.body, "csrf", tok);
	assert_true(csrf_check(&b));
	/* Another session's token does not fit. */
	memset(b.sess_hash, 2, 32);
	assert_false(csrf_check(&b));
	http_req_free(&b);
	http_req_free(&a);
}

static void
test_expiry(void **state)
{
	(void)state;
	/* idle 1800 s, absolute 43200 s */
	assert_false(session_expired(10000, 10000, 10000, 1800, 43200));
	assert_false(session_expired(11800, 10000, 10000, 1800, 43200)); /* exactly idle */
	assert_true(session_expired(11801, 10000, 10000, 1800, 43200));
	assert_false(session_expired(53200, 10000, 53000, 1800, 43200)); /* exactly absolute */
	assert_true(session_expired(53201, 10000, 53200, 1800, 43200));  /* active but too old */
	assert_true(session_expired(10000, 10000, 20000, 1800, 43200));  /* seen in the future */
}

static void
test_cookie_flags(void **state)
{
	struct req r;

	(void)state;
	http_req_init(&r);
	cfg.secure_cookies = 0;
	req_cookie(&r, "sid", "v", -1);
	assert_non_null(strstr(r.headers, "Set-Cookie: sid=v; Path=/; HttpOnly; SameSite=Lax\r\n"));
	assert_true(r.no_store);
	http_req_free(&r);
	http_req_init(&r);
	cfg.secure_cookies = 1;
	assert_string_equal(session_cookie_name(), "__Host-sid");
	req_cookie(&r, "__Host-sid", "v", 0);
	assert_non_null(strstr(r.headers, "HttpOnly; SameSite=Lax; Secure; Max-Age=0\r\n"));
	cfg.secure_cookies = 0;
	/* Header injection is refused. */
	assert_int_equal(req_header(&r, "X-A", "b\r\nSet-Cookie: x=1"), -1);
	assert_null(strstr(r.headers, "x=1"));
	http_req_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_secret_file),
		cmocka_unit_test(test_anonymous_csrf),
		cmocka_unit_test(test_session_csrf_is_bound_to_session),
		cmocka_unit_test(test_expiry),
		cmocka_unit_test(test_cookie_flags),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
