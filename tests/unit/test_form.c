/* test_form.c — declared form fields: each rule with good and bad input,
 * undeclared keys dropped, duplicates refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/form.h"

static int
check(enum field_type t, long long min, long long max, const char *s, const char **why)
{
	static const char *const choices[] = { "zh-CN", "en", NULL };
	struct field f = { "x", t, 0, min, max, choices };

	return field_check(&f, s, strlen(s), why);
}

static void
test_text_rules(void **state)
{
	const char *why;

	(void)state;
	assert_true(check(FT_TEXT, 1, 4, "苏州工业", &why));        /* 4 characters, 12 bytes */
	assert_false(check(FT_TEXT, 1, 3, "苏州工业", &why));
	assert_string_equal(why, "Err.field.long");
	assert_false(check(FT_TEXT, 2, 10, "a", &why));
	assert_string_equal(why, "Err.field.short");
	assert_false(check(FT_TEXT, 0, 10, "a\nb", &why));
	assert_string_equal(why, "Err.field.control");
	assert_true(check(FT_MULTILINE, 0, 10, "a\r\nb\tc", &why));
	assert_false(check(FT_MULTILINE, 0, 10, "a\x01", &why));
	assert_false(check(FT_TEXT, 0, 10, "\xc0\xaf", &why));
	assert_string_equal(why, "Err.field.utf8");
}

static void
test_login_and_token(void **state)
{
	const char *why;

	(void)state;
	assert_true(check(FT_LOGIN, 1, 64, "ent.demo-1@x_y", &why));
	assert_false(check(FT_LOGIN, 1, 64, "a b", &why));
	assert_string_equal(why, "Err.field.login");
	assert_false(check(FT_LOGIN, 1, 64, "<script>", &why));
	assert_true(check(FT_TOKEN, 1, 64, "Ab_9-", &why));
	assert_false(check(FT_TOKEN, 1, 64, "Ab=", &why));
}

static void
test_int_rules(void **state)
{
	const char *why;

	(void)state;
	assert_true(check(FT_INT, 1, 100, "100", &why));
	assert_false(check(FT_INT, 1, 100, "101", &why));
	assert_string_equal(why, "Err.field.range");
	assert_false(check(FT_INT, 1, 100, "0", &why));
	assert_false(check(FT_INT, 1, 100, "1e3", &why));
	assert_false(check(FT_INT, 1, 100, "12abc", &why));
	assert_false(check(FT_INT, 1, 100, "99999999999999999999", &why));
	assert_false(check(FT_INT, 1, 100, "--1", &why));
}

static void
test_localpath(void **state)
{
	const char *why;

	(void)state;
	assert_true(check(FT_LOCALPATH, 1, 512, "/me", &why));
	assert_true(check(FT_LOCALPATH, 1, 512, "/admin/users?page=2", &why));
	assert_false(check(FT_LOCALPATH, 1, 512, "//evil.example/", &why));
	assert_false(check(FT_LOCALPATH, 1, 512, "/\\evil.example", &why));
	assert_false(check(FT_LOCALPATH, 1, 512, "https://evil.example/", &why));
	assert_false(check(FT_LOCALPATH, 1, 512, "javascript:alert(1)", &why));
	assert_false(check(FT_LOCALPATH, 1, 512, "/a\"onmouseover", &why));
}

static void
test_enum(void **state)
{
	const char *why;

	(void)state;
	assert_true(check(FT_ENUM, 0, 0, "en", &why));
	assert_false(check(FT_ENUM, 0, 0, "e", &why));
	assert_false(check(FT_ENUM, 0, 0, "english", &why));
	assert_string_equal(why, "Err.field.choice");
}

static void
test_date(void **state)
{
	const char *why;

	(void)state;
	assert_true(check(FT_DATE, 0, 0, "2024-02-29", &why));
	assert_true(check(FT_DATE, 0, 0, "2000-02-29", &why));
	assert_false(check(FT_DATE, 0, 0, "2023-02-29", &why));
	assert_string_equal(why, "Err.field.date");
	assert_false(check(FT_DATE, 0, 0, "1900-02-29", &why));
	assert_false(check(FT_DATE, 0, 0, "2024-04-31", &why));
	assert_false(check(FT_DATE, 0, 0, "2024-13-01", &why));
	assert_false(check(FT_DATE, 0, 0, "2024-1-01", &why));
	assert_false(check(FT_DATE, 0, 0, "2024/01/01", &why));
	assert_false(check(FT_DATE, 0, 0, "2024-01-01x", &why));
	assert_false(check(FT_DATE, 0, 0, "-024-01-01", &why));
}

static void
add(struct arena *a, struct param_list *pl, const char *k, const char *v)
{
	struct param *p = arena_alloc(a, sizeof(*p));

	p->key = k;
	p->val = v;
	p->len = strlen(v);
	if (pl->tail)
		pl->tail->next = p;
	else
		pl->head = p;
	pl->tail = p;
	pl->n++;
}

static const struct field fields[] = {
	{ "login", FT_LOGIN, FF_REQUIRED | FF_TRIM, 1, 64, NULL },
	{ "note", FT_TEXT, 0, 0, 10, NULL },
	{ "tag", FT_TOKEN, FF_MULTI, 1, 8, NULL },
};
static const struct form fm = { fields, 3 };

static void
test_validate(void **state)
{
	struct req r;
	struct param_list pl = { 0 };

	(void)state;
	memset(&r, 0, sizeof(r));
	arena_init(&r.arena, 0);
	add(&r.arena, &pl, "login", "  admin  ");
	add(&r.arena, &pl, "evil", "dropped");
	add(&r.arena, &pl, "tag", "a");
	add(&r.arena, &pl, "tag", "b");
	assert_int_equal(form_validate(&r, &fm, &pl), 0);
	assert_false(r.form_invalid);
	assert_string_equal(r.f[0], "admin");
	assert_null(r.f[1]);
	assert_string_equal(r.f[2], "a");
	assert_int_equal(form_index(&fm, "evil"), -1);
	arena_free(&r.arena);
}

static void
test_validate_errors(void **state)
{
	struct req r;
	struct param_list pl = { 0 }, dup = { 0 };

	(void)state;
	memset(&r, 0, sizeof(r));
	arena_init(&r.arena, 0);
	add(&r.arena, &pl, "note", "far too long for ten");
	assert_int_equal(form_validate(&r, &fm, &pl), 0);
	assert_true(r.form_invalid);
	assert_string_equal(r.ferr[0], "Err.field.required");
	assert_string_equal(r.ferr[1], "Err.field.long");

	add(&r.arena, &dup, "login", "a");
	add(&r.arena, &dup, "login", "b");
	assert_int_equal(form_validate(&r, &fm, &dup), 400);

	/* An empty required value counts as missing, not as valid. */
	memset(&pl, 0, sizeof(pl));
	add(&r.arena, &pl, "login", "   ");
	assert_int_equal(form_validate(&r, &fm, &pl), 0);
	assert_true(r.form_invalid);
	assert_string_equal(r.ferr[0], "Err.field.required");
	arena_free(&r.arena);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_rules),
		cmocka_unit_test(test_login_and_token),
		cmocka_unit_test(test_int_rules),
		cmocka_unit_test(test_localpath),
		cmocka_unit_test(test_enum),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_validate_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
