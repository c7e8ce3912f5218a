/* test_grades.c — environmental colour grades: every threshold of both
 * tables, vetoes, grade words in Chinese and English, deduction expiry on
 * the boundary day, the commitment bonus, grade on a date, shares. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/grades.h"

static const struct grade_thresholds annual = { { 95, 80, 65, 41 } };
static const struct dyn_scheme dyn = { 9, 12, { { 11, 6, 3, 1 } } };

static struct ymd
D(const char *s)
{
	struct ymd d;

	assert_int_equal(ymd_parse(s, &d), 0);
	return d;
}

static void
test_annual_thresholds(void **state)
{
	static const struct { int score, grade; } cases[] = {
		{ 100, GRADE_GREEN }, { 95, GRADE_GREEN }, { 94, GRADE_BLUE }, { 80, GRADE_BLUE },
		{ 79, GRADE_YELLOW }, { 65, GRADE_YELLOW }, { 64, GRADE_RED }, { 41, GRADE_RED },
		{ 40, GRADE_BLACK }, { 0, GRADE_BLACK }, { -5, GRADE_BLACK },
	};
	size_t i;

	(void)state;
	assert_true(grade_thresholds_valid(&annual));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(grade_from_score(&annual, cases[i].score), cases[i].grade);
}

static void
test_dynamic_thresholds(void **state)
{
	static const int want[] = {
		/* -2 .. 12 */
		GRADE_BLACK, GRADE_BLACK, GRADE_BLACK, GRADE_RED, GRADE_RED, GRADE_YELLOW, GRADE_YELLOW,
		GRADE_YELLOW, GRADE_BLUE, GRADE_BLUE, GRADE_BLUE, GRADE_BLUE, GRADE_BLUE, GRADE_GREEN,
		GRADE_GREEN,
	};
	int s;

	(void)state;
	assert_true(grade_thresholds_valid(&dyn.t));
	for (s = -2; s <= 12; s++)
		assert_int_equal(grade_from_score(&dyn.t, s), want[s + 2]);
}

static void
test_thresholds_invalid(void **state)
{
	struct grade_thresholds t = { { 95, 95, 65, 41 } };

	(void)state;
	assert_false(grade_thresholds_valid(&t));
	t.min[1] = 80;
	t.min[3] = 70;
	assert_false(grade_thresholds_valid(&t));
}

static void
test_veto(void **state)
{
	(void)state;
	/* A veto forces its grade whatever the score... */
	assert_int_equal(grade_with_veto(GRADE_GREEN, GRADE_BLACK), GRADE_BLACK);
	assert_int_equal(grade_with_veto(GRADE_BLUE, GRADE_RED), GRADE_RED);
	/* ...never improves a worse one, and no veto changes nothing. */
	assert_int_equal(grade_with_veto(GRADE_BLACK, GRADE_RED), GRADE_BLACK);
	assert_int_equal(grade_with_veto(GRADE_YELLOW, -1), GRADE_YELLOW);
	assert_int_equal(grade_with_veto(GRADE_YELLOW, GRADE_MAX), GRADE_YELLOW);
}

static void
test_annual_score(void **state)
{
	int d[] = { 3, 2, 0 }, big[] = { 60, 60 };

	(void)state;
	assert_int_equal(annual_score(NULL, 0), 100);
	assert_int_equal(annual_score(d, 3), 95);
	assert_int_equal(annual_score(big, 2), 0);
}

static void
test_words(void **state)
{
	static const struct { const char *w; int g; } ok[] = {
		{ "green", GRADE_GREEN }, { "GREEN", GRADE_GREEN }, { " Blue ", GRADE_BLUE },
		{ "绿色", GRADE_GREEN }, { "蓝", GRADE_BLUE }, { "黄色", GRADE_YELLOW },
		{ "红色", GRADE_RED }, { "黑色", GRADE_BLACK }, { "环保严重失信", GRADE_BLACK },
		{ "环保良好", GRADE_BLUE },
	};
	static const char *const bad[] = { "", "  ", "purple", "紫色", "greenish", "绿色色", "AAA" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		assert_int_equal(grade_parse_word(ok[i].w, strlen(ok[i].w)), ok[i].g);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(grade_parse_word(bad[i], strlen(bad[i])), -1);
	assert_int_equal(grade_parse_word(NULL, 0), -1);
	assert_int_equal(grade_from_code("red"), GRADE_RED);
	assert_int_equal(grade_from_code("红色"), -1);
	assert_int_equal(grade_from_code(NULL), -1);
}

static void
test_until(void **state)
{
	struct ymd from = D("2025-01-31"), out;

	(void)state;
	assert_int_equal(dyn_until(&from, 1, &out), 0);
	assert_int_equal(ymd_cmp(&out, &(struct ymd){ 2025, 2, 28 }), 0);
	assert_int_equal(dyn_until(&from, 13, &out), 0);
	assert_int_equal(ymd_cmp(&out, &(struct ymd){ 2026, 2, 28 }), 0);
	from = D("2023-08-31");
	assert_int_equal(dyn_until(&from, 6, &out), 0);
	assert_int_equal(ymd_cmp(&out, &(struct ymd){ 2024, 2, 29 }), 0);
	from = D("2025-03-10");
	assert_int_equal(dyn_until(&from, 12, &out), 0);
	assert_int_equal(ymd_cmp(&out, &(struct ymd){ 2026, 3, 10 }), 0);
	assert_int_equal(dyn_until(&from, -1, &out), -1);
}

/* A fine deducts 3 points for 6 months: in force from its decision day up
 * to the day before the restore day; on the restore day the points are back. */
static void
test_expiry_boundary(void **state)
{
	struct dyn_event e = { D("2025-01-10"), D("2025-07-10"), -3, 1 };
	struct ymd d;

	(void)state;
	d = D("2025-01-09");
	assert_int_equal(dyn_score_on(&dyn, &e, 1, &d), 9);
	d = D("2025-01-10");
	assert_int_equal(dyn_score_on(&dyn, &e, 1, &d), 6);
	d = D("2025-07-09");
	assert_int_equal(dyn_score_on(&dyn, &e, 1, &d), 6);
	d = D("2025-07-10");
	assert_int_equal(dyn_score_on(&dyn, &e, 1, &d), 9);
}

static void
test_commitment_bonus(void **state)
{
	struct dyn_event e[] = {
		{ D("2025-01-01"), D("2026-01-01"), 1, 10 },   /* commitment */
		{ D("2025-06-01"), D("2026-06-01"), 1, 10 },   /* a second one: counts once */
		{ D("2025-01-01"), D("2026-01-01"), 2, 11 },   /* another bonus type */
		{ D("2025-01-01"), D("2026-01-01"), 1, 12 },
	};
	struct ymd d = D("2025-03-01");

	(void)state;
	assert_int_equal(dyn_score_on(&dyn, e, 1, &d), 10);
	assert_int_equal(grade_from_score(&dyn.t, 10), GRADE_BLUE);
	d = D("2025-07-01");
	assert_int_equal(dyn_score_on(&dyn, e, 2, &d), 10);
	assert_int_equal(dyn_score_on(&dyn, e, 3, &d), 12);
	/* Never above the maximum. */
	assert_int_equal(dyn_score_on(&dyn, e, 4, &d), 12);
	d = D("2026-01-01");
	assert_int_equal(dyn_score_on(&dyn, e, 4, &d), 10);
}

/* Grade on a date, and the timeline of changes. */
static void
test_timeline(void **state)
{
	struct dyn_event e[] = {
		{ D("2024-02-01"), D("2025-02-01"), -12, 1 },  /* stop production: 12 months */
		{ D("2024-05-01"), D("2024-11-01"), -3, 2 },   /* fine: 6 months */
		{ D("2024-03-01"), D("2025-03-01"), 1, 10 },   /* commitment */
	};
	struct dyn_step st[16];
	struct ymd start = D("2024-01-01"), last = D("2025-12-31"), d;
	int n;

	(void)state;
	d = D("2024-06-15");
	assert_int_equal(dyn_score_on(&dyn, e, 3, &d), -5);
	assert_int_equal(grade_from_score(&dyn.t, -5), GRADE_BLACK);
	d = D("2024-12-01");
	assert_int_equal(grade_from_score(&dyn.t, dyn_score_on(&dyn, e, 3, &d)), GRADE_BLACK);
	d = D("2025-02-01");
	assert_int_equal(grade_from_score(&dyn.t, dyn_score_on(&dyn, e, 3, &d)), GRADE_BLUE);
	n = dyn_timeline(&dyn, e, 3, &start, &last, st, 16);
	assert_int_equal(n, 7);
	assert_int_equal(st[0].score, 9);
	assert_int_equal(st[1].score, -3);
	assert_int_equal(ymd_cmp(&st[1].on, &(struct ymd){ 2024, 2, 1 }), 0);
	assert_int_equal(st[2].score, -2);
	assert_int_equal(st[3].score, -5);
	assert_int_equal(st[4].score, -2);
	assert_int_equal(st[5].score, 10);
	assert_int_equal(st[5].grade, GRADE_BLUE);
	/* The commitment lapses on 2025-03-01; nothing is shown past last. */
	last = D("2025-02-15");
	assert_int_equal(dyn_timeline(&dyn, e, 3, &start, &last, st, 16), 6);
	last = D("2025-03-01");
	assert_int_equal(dyn_timeline(&dyn, e, 3, &start, &last, st, 16), 7);
	assert_int_equal(st[6].score, 9);
}

static void
test_share(void **state)
{
	char b[8];

	(void)state;
	/* Suzhou 2016: 837 enterprises, 127 green = 15.2 %, 555 blue = 66.3 %. */
	assert_int_equal(grade_share(127, 837, b), 152);
	assert_string_equal(b, "15.2");
	grade_share(555, 837, b);
	assert_string_equal(b, "66.3");
	grade_share(22, 837, b);
	assert_string_equal(b, "2.6");
	grade_share(1, 0, b);
	assert_string_equal(b, "0.0");
	grade_share(3, 3, b);
	assert_string_equal(b, "100.0");
	grade_share(1, 8, b);          /* 12.5 exactly */
	assert_string_equal(b, "12.5");
	grade_share(1, 16, b);         /* 6.25 -> 6.3, half up */
	assert_string_equal(b, "6.3");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_annual_thresholds),
		cmocka_unit_test(test_dynamic_thresholds),
		cmocka_unit_test(test_thresholds_invalid),
		cmocka_unit_test(test_veto),
		cmocka_unit_test(test_annual_score),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_until),
		cmocka_unit_test(test_expiry_boundary),
		cmocka_unit_test(test_commitment_bonus),
		cmocka_unit_test(test_timeline),
		cmocka_unit_test(test_share),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
