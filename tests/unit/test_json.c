/* test_json.c — the JSON array builder behind the audit flusher's batch
 * statements: escaping, nesting, growth past the first buffer, and an
 * allocation failure that must not produce a truncated text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/json.h"

static int
setup(void **state)
{
	struct arena *a = malloc(sizeof(*a));

	if (a == NULL)
		return -1;
	arena_init(a, 0);
	*state = a;
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	free(*state);
	return 0;
}

static void
test_rows(void **state)
{
	struct json j;

	json_init(&j, *state);
	json_raw(&j, "[", 1);
	json_raw(&j, "[", 1);
	json_int(&j, 42);
	json_int(&j, -7);
	json_str(&j, "anon");
	json_str(&j, NULL);
	json_close(&j, ']', 1);
	json_raw(&j, "[", 1);
	json_close(&j, ']', 1);
	json_close(&j, ']', 0);
	assert_false(json_failed(&j));
	assert_string_equal(j.p, "[[42,-7,\"anon\",\"\"],[]]");
	assert_int_equal(j.len, strlen(j.p));
}

static void
test_empty(void **state)
{
	struct json j;

	json_init(&j, *state);
	json_raw(&j, "[", 1);
	json_close(&j, ']', 0);
	assert_string_equal(j.p, "[]");
}

static void
test_escapes(void **state)
{
	struct json j;

	json_init(&j, *state);
	/* Quote, backslash, control characters (tab, newline, 0x01, 0x1f);
	 * UTF-8 (苏州) and DEL pass through as they are. */
	json_str(&j, "a\"b\\c\td\ne\x01\x1f" "苏州\x7f");
	assert_string_equal(j.p, "\"a\\\"b\\\\c\\u0009d\\u000ae\\u0001\\u001f苏州\x7f\",");
}

static void
test_growth(void **state)
{
	struct json j;
	int i;

	json_init(&j, *state);
	json_raw(&j, "[", 1);
	for (i = 0; i < 5000; i++)
		json_int(&j, i);
	json_close(&j, ']', 0);
	assert_false(json_failed(&j));
	assert_true(j.len > 4096 * 4);
	assert_int_equal(j.p[0], '[');
	assert_string_equal(j.p + j.len - 6, ",4999]");
	assert_memory_equal(j.p, "[0,1,2,", 7);
}

static void
test_nomem(void **state)
{
	struct arena a;
	struct json j;
	int i;

	(void)state;
	arena_init(&a, 10000);
	json_init(&j, &a);
	json_raw(&j, "[", 1);
	for (i = 0; i < 5000; i++)
		json_str(&j, "0123456789");
	json_close(&j, ']', 0);
	assert_true(json_failed(&j));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_growth, setup, teardown),
		cmocka_unit_test(test_nomem),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
