/* test_window.c — civil dates and the Art. 35 query window at its boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/window.h"

static struct ymd
D(const char *s)
{
	struct ymd d;

	assert_int_equal(ymd_parse(s, &d), 0);
	return d;
}

static void
test_parse(void **state)
{
	struct ymd d;
	char buf[11];

	(void)state;
	assert_int_equal(ymd_parse("2024-02-29", &d), 0);
	ymd_format(&d, buf);
	assert_string_equal(buf, "2024-02-29");
	assert_int_equal(ymd_parse("2023-02-29", &d), -1);
	assert_int_equal(ymd_parse("2023-13-01", &d), -1);
	assert_int_equal(ymd_parse("2023-1-01", &d), -1);
	assert_int_equal(ymd_parse("2023-01-011", &d), -1);
	assert_int_equal(ymd_parse("", &d), -1);
	assert_int_equal(ymd_parse("2023/01/01", &d), -1);
}

static void
test_days_round_trip(void **state)
{
	struct ymd a = D("1970-01-01"), b;
	long n;

	(void)state;
	assert_int_equal(ymd_to_days(&a), 0);
	a = D("2026-11-25");
	n = ymd_to_days(&a);
	ymd_from_days(n, &b);
	assert_int_equal(ymd_cmp(&a, &b), 0);
	for (n = -1000; n < 30000; n += 7) {
		ymd_from_days(n, &b);
		assert_true(ymd_valid(&b));
		assert_int_equal(ymd_to_days(&b), n);
	}
}

static void
test_boundary_day(void **state)
{
	struct ymd today = D("2026-11-25");
	struct ymd exactly = D("2021-11-25"), day_before = D("2021-11-24"), cut;

	(void)state;
	window_cutoff(&today, 5, &cut);
	assert_int_equal(ymd_cmp(&cut, &exactly), 0);
	/* Ended exactly five years ago: still shown; one day earlier: never. */
	assert_true(window_visible(&today, 5, &exactly));
	assert_false(window_visible(&today, 5, &day_before));
	/* Not ended: always shown. */
	assert_true(window_visible(&today, 5, NULL));
	/* The next day the same record drops out. */
	today = D("2026-11-26");
	assert_false(window_visible(&today, 5, &exactly));
}

static void
test_leap_day(void **state)
{
	struct ymd today = D("2029-02-28"), cut, ended = D("2024-02-29");

	(void)state;
	window_cutoff(&today, 5, &cut);
	assert_int_equal(ymd_cmp(&cut, &(struct ymd){ 2024, 2, 28 }), 0);
	assert_true(window_visible(&today, 5, &ended));
	today = D("2028-02-29");
	window_cutoff(&today, 5, &cut);
	assert_int_equal(ymd_cmp(&cut, &(struct ymd){ 2023, 2, 28 }), 0);
	/* A configurable window. */
	today = D("2026-11-25");
	ended = D("2023-11-25");
	assert_true(window_visible(&today, 3, &ended));
	ended = D("2023-11-24");
	assert_false(window_visible(&today, 3, &ended));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_days_round_trip),
		cmocka_unit_test(test_boundary_day),
		cmocka_unit_test(test_leap_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
