/* test_route.c — path patterns, typed parameters, 404 / 405 + Allow. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/route.h"

static int h(struct req *r) { (void)r; return 200; }

static const struct route tbl[] = {
	{ HTTP_GET,  "/",                     h, ROLES_ALL, 0, NULL },
	{ HTTP_GET,  "/login",                h, ROLES_ALL, 0, NULL },
	{ HTTP_POST, "/login",                h, ROLES_ALL, 1, NULL },
	{ HTTP_GET,  "/entity/{uscc}",        h, ROLES_ALL, 0, NULL },
	{ HTTP_GET,  "/records/{id}",         h, ROLES_USERS, 0, NULL },
	{ HTTP_POST, "/records/{id}/repair",  h, ROLES_USERS, 1, NULL },
	{ HTTP_GET,  "/files/{key}",          h, ROLES_USERS, 0, NULL },
};
#define N (sizeof(tbl) / sizeof(tbl[0]))

static struct req r;

static int
match(enum http_method m, const char *path, const struct route **rt)
{
	memset(&r, 0, sizeof(r));
	arena_init(&r.arena, 0);
	r.method = m;
	r.path = path;
	return route_match(tbl, N, &r, rt);
}

static void
done(void)
{
	arena_free(&r.arena);
}

static void
test_literal(void **state)
{
	const struct route *rt;

	(void)state;
	assert_int_equal(match(HTTP_GET, "/", &rt), 0);
	assert_ptr_equal(rt, &tbl[0]);
	done();
	assert_int_equal(match(HTTP_POST, "/login", &rt), 0);
	assert_ptr_equal(rt, &tbl[2]);
	done();
	assert_int_equal(match(HTTP_HEAD, "/login", &rt), 0); /* HEAD is GET */
	assert_ptr_equal(rt, &tbl[1]);
	done();
	assert_int_equal(match(HTTP_GET, "/login/", &rt), 404);
	done();
	assert_int_equal(match(HTTP_GET, "/loginx", &rt), 404);
	done();
	assert_int_equal(match(HTTP_GET, "//", &rt), 404);
	done();
}

static void
test_405(void **state)
{
	const struct route *rt;

	(void)state;
	assert_int_equal(match(HTTP_POST, "/", &rt), 405);
	assert_true(r.allow_mask & (1 << HTTP_GET));
	assert_true(r.allow_mask & (1 << HTTP_HEAD));
	assert_false(r.allow_mask & (1 << HTTP_POST));
	done();
	assert_int_equal(match(HTTP_GET, "/records/7/repair", &rt), 405);
	assert_true(r.allow_mask & (1 << HTTP_POST));
	done();
}

static void
test_uscc_param(void **state)
{
	const struct route *rt;

	(void)state;
	assert_int_equal(match(HTTP_GET, "/entity/91320506ay4cl12thl", &rt), 0);
	assert_string_equal(r.pathargs[0], "91320506AY4CL12THL"); /* upper-cased */
	done();
	assert_int_equal(match(HTTP_GET, "/entity/91320506AY4CL12TH", &rt), 404);   /* 17 */
	done();
	assert_int_equal(match(HTTP_GET, "/entity/91320506AY4CL12THL1", &rt), 404); /* 19 */
	done();
	assert_int_equal(match(HTTP_GET, "/entity/91320506AY4CL12TH-", &rt), 404);
	done();
}

static void
test_id_param(void **state)
{
	const struct route *rt;

	(void)state;
	assert_int_equal(match(HTTP_GET, "/records/42", &rt), 0);
	assert_int_equal(r.pathids[0], 42);
	done();
	assert_int_equal(match(HTTP_POST, "/records/999999999999999/repair", &rt), 0);
	assert_int_equal(r.pathids[0], 999999999999999LL);
	done();
	assert_int_equal(match(HTTP_GET, "/records/0", &rt), 404);
	done();
	assert_int_equal(match(HTTP_GET, "/records/042", &rt), 404);
	done();
	assert_int_equal(match(HTTP_GET, "/records/-1", &rt), 404);
	done();
	assert_int_equal(match(HTTP_GET, "/records/1234567890123456", &rt), 404); /* 16 digits */
	done();
	assert_int_equal(match(HTTP_GET, "/records/", &rt), 404);
	done();
}

static void
test_key_param(void **state)
{
	const struct route *rt;

	(void)state;
	assert_int_equal(match(HTTP_GET, "/files/abc_DEF-9", &rt), 0);
	assert_string_equal(r.pathargs[0], "abc_DEF-9");
	done();
	assert_int_equal(match(HTTP_GET, "/files/..", &rt), 404);
	done();
	assert_int_equal(match(HTTP_GET, "/files/a.b", &rt), 404);
	done();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literal),
		cmocka_unit_test(test_405),
		cmocka_unit_test(test_uscc_param),
		cmocka_unit_test(test_id_param),
		cmocka_unit_test(test_key_param),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
