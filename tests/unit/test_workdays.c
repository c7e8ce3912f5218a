/* test_workdays.c — working-day arithmetic on the published 2025 and 2026
 * calendars (Spring Festival, Labour Day, National Day and their worked
 * weekends), a deadline running into the unloaded 2027, overdue counts,
 * boundaries, and the checks of an uploaded calendar file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rules/workdays.h"

/* The State Council's calendars as shipped in migrations/0003_calendar.sql
 * (rows from ../shared/data/cn-calendar-2025-2026.csv). */
static const char official[] =
	"date,kind,name\n"
	"2025-01-01,holiday,元旦\n"
	"2025-01-26,workday,春节调休上班\n"
	"2025-01-28,holiday,春节\n"
	"2025-01-29,holiday,春节\n"
	"2025-01-30,holiday,春节\n"
	"2025-01-31,holiday,春节\n"
	"2025-02-01,holiday,春节\n"
	"2025-02-02,holiday,春节\n"
	"2025-02-03,holiday,春节\n"
	"2025-02-04,holiday,春节\n"
	"2025-02-08,workday,春节调休上班\n"
	"2025-04-04,holiday,清明节\n"
	"2025-04-05,holiday,清明节\n"
	"2025-04-06,holiday,清明节\n"
	"2025-04-27,workday,劳动节调休上班\n"
	"2025-05-01,holiday,劳动节\n"
	"2025-05-02,holiday,劳动节\n"
	"2025-05-03,holiday,劳动节\n"
	"2025-05-04,holiday,劳动节\n"
	"2025-05-05,holiday,劳动节\n"
	"2025-05-31,holiday,端午节\n"
	"2025-06-01,holiday,端午节\n"
	"2025-06-02,holiday,端午节\n"
	"2025-09-28,workday,国庆节调休上班\n"
	"2025-10-01,holiday,国庆节、中秋节\n"
	"2025-10-02,holiday,国庆节、中秋节\n"
	"2025-10-03,holiday,国庆节、中秋节\n"
	"2025-10-04,holiday,国庆节、中秋节\n"
	"2025-10-05,holiday,国庆节、中秋节\n"
	"2025-10-06,holiday,国庆节、中秋节\n"
	"2025-10-07,holiday,国庆节、中秋节\n"
	"2025-10-08,holiday,国庆节、中秋节\n"
	"2025-10-11,workday,国庆节调休上班\n"
	"2026-01-01,holiday,元旦\n"
	"2026-01-02,holiday,元旦\n"
	"2026-01-03,holiday,元旦\n"
	"2026-01-04,workday,元旦调休上班\n"
	"2026-02-14,workday,春节调休上班\n"
	"2026-02-15,holiday,春节\n"
	"2026-02-16,holiday,春节\n"
	"2026-02-17,holiday,春节\n"
	"2026-02-18,holiday,春节\n"
	"2026-02-19,holiday,春节\n"
	"2026-02-20,holiday,春节\n"
	"2026-02-21,holiday,春节\n"
	"2026-02-22,holiday,春节\n"
	"2026-02-23,holiday,春节\n"
	"2026-02-28,workday,春节调休上班\n"
	"2026-04-04,holiday,清明节\n"
	"2026-04-05,holiday,清明节\n"
	"2026-04-06,holiday,清明节\n"
	"2026-05-01,holiday,劳动节\n"
	"2026-05-02,holiday,劳动节\n"
	"2026-05-03,holiday,劳动节\n"
	"2026-05-04,holiday,劳动节\n"
	"2026-05-05,holiday,劳动节\n"
	"2026-05-09,workday,劳动节调休上班\n"
	"2026-06-19,holiday,端午节\n"
	"2026-06-20,holiday,端午节\n"
	"2026-06-21,holiday,端午节\n"
	"2026-09-20,workday,国庆节调休上班\n"
	"2026-09-25,holiday,中秋节\n"
	"2026-09-26,holiday,中秋节\n"
	"2026-09-27,holiday,中秋节\n"
	"2026-10-01,holiday,国庆节\n"
	"2026-10-02,holiday,国庆节\n"
	"2026-10-03,holiday,国庆节\n"
	"2026-10-04,holiday,国庆节\n"
	"2026-10-05,holiday,国庆节\n"
	"2026-10-06,holiday,国庆节\n"
	"2026-10-07,holiday,国庆节\n"
	"2026-10-10,workday,国庆节调休上班\n";

struct fixture {
	struct arena  a;
	struct wd_day days[WD_FILE_MAX_ROWS];
	int           years[4];
	struct wd_cal cal;
};

static int
cmp_day(const void *x, const void *y)
{
	const struct wd_day *a = x, *b = y;

	return a->day < b->day ? -1 : a->day > b->day;
}

/* The official rows through the same reader the import page uses, then
 * sorted as the store returns them; 2025 and 2026 loaded. */
static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	struct wd_file f;
	int i;

	if (fx == NULL)
		return -1;
	arena_init(&fx->a, 0);
	if (workdays_read_csv(&fx->a, official, sizeof(official) - 1, 0, &f) != 0 ||
	    f.nproblems != 0 || f.nrows != 72)
		return -1;
	for (i = 0; i < f.nrows; i++) {
		fx->days[i].day = f.rows[i].day;
		fx->days[i].kind = f.rows[i].kind;
	}
	qsort(fx->days, (size_t)f.nrows, sizeof(fx->days[0]), cmp_day);
	fx->years[0] = 2025;
	fx->years[1] = 2026;
	fx->cal.days = fx->days;
	fx->cal.ndays = f.nrows;
	fx->cal.years = fx->years;
	fx->cal.nyears = 2;
	fx->cal.lo = -100000;
	fx->cal.hi = 200000;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	arena_free(&fx->a);
	free(fx);
	return 0;
}

static struct ymd
D(const char *s)
{
	struct ymd d;

	assert_int_equal(ymd_parse(s, &d), 0);
	return d;
}

static long
N(const char *s)
{
	struct ymd d = D(s);

	return ymd_to_days(&d);
}

static int
working(const struct wd_cal *cal, const char *s)
{
	struct ymd d = D(s);

	return workdays_is_working(cal, &d);
}

/* Asserts that n working days after start is want, with the assumed flag. */
#define assert_add(cal, start, n, want, want_assumed) do { \
	struct ymd s_ = D(start), o_; \
	char b_[11]; \
	int as_ = -1; \
	assert_int_equal(workdays_add((cal), &s_, (n), &o_, &as_), WD_OK); \
	ymd_format(&o_, b_); \
	assert_string_equal(b_, (want)); \
	assert_int_equal(as_, (want_assumed)); \
} while (0)

static int
between(const struct wd_cal *cal, const char *a, const char *b, int *assumed)
{
	struct ymd x = D(a), y = D(b);
	int n = 999;

	assert_int_equal(workdays_between(cal, &x, &y, &n, assumed), WD_OK);
	return n;
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(workdays_iso_weekday(0), 4);               /* 1970-01-01 Thursday */
	assert_int_equal(workdays_iso_weekday(N("2025-01-26")), 7); /* Sunday */
	assert_int_equal(workdays_iso_weekday(N("2025-02-08")), 6); /* Saturday */
	assert_int_equal(workdays_iso_weekday(N("2026-01-01")), 4);
	assert_int_equal(workdays_iso_weekday(N("2026-03-09")), 1);
	assert_int_equal(workdays_iso_weekday(-1), 3);               /* 1969-12-31 Wednesday */
	assert_int_equal(workdays_iso_weekday(-4), 7);
}

static void
test_spring_festival_2025(void **state)
{
	struct fixture *fx = *state;
	const struct wd_cal *cal = &fx->cal;
	static const char *const off[] = { "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
		"2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04" };
	size_t i;

	assert_int_equal(working(cal, "2025-01-26"), 1);   /* Sunday, worked (调休) */
	assert_int_equal(working(cal, "2025-01-25"), 0);   /* Saturday, a plain weekend */
	assert_int_equal(working(cal, "2025-01-27"), 1);
	for (i = 0; i < sizeof(off) / sizeof(off[0]); i++)
		assert_int_equal(working(cal, off[i]), 0);
	assert_int_equal(working(cal, "2025-02-05"), 1);
	assert_int_equal(working(cal, "2025-02-08"), 1);   /* Saturday, worked */
	assert_int_equal(working(cal, "2025-02-09"), 0);
	/* From the Friday before: the worked Sunday is the first day. */
	assert_add(cal, "2025-01-24", 1, "2025-01-26", 0);
	assert_add(cal, "2025-01-24", 2, "2025-01-27", 0);
	/* The third working day jumps the whole eight-day break. */
	assert_add(cal, "2025-01-24", 3, "2025-02-05", 0);
	assert_add(cal, "2025-01-27", 1, "2025-02-05", 0);
	/* Three working days from the first day back end on the worked Saturday. */
	assert_add(cal, "2025-02-05", 3, "2025-02-08", 0);
	assert_add(cal, "2025-02-05", 4, "2025-02-10", 0);
	assert_int_equal(between(cal, "2025-01-24", "2025-02-10", NULL), 7);
}

static void
test_national_day_2025(void **state)
{
	struct fixture *fx = *state;
	const struct wd_cal *cal = &fx->cal;
	int d;

	for (d = 1; d <= 8; d++) {
		char s[11] = "2025-10-0X";
		s[9] = (char)('0' + d);
		assert_int_equal(working(cal, s), 0);
	}
	assert_int_equal(working(cal, "2025-09-28"), 1);   /* Sunday, worked */
	assert_int_equal(working(cal, "2025-10-11"), 1);   /* Saturday, worked */
	assert_int_equal(working(cal, "2025-10-12"), 0);
	assert_add(cal, "2025-09-26", 1, "2025-09-28", 0);
	assert_add(cal, "2025-09-30", 1, "2025-10-09", 0);
	assert_add(cal, "2025-09-30", 3, "2025-10-11", 0);
	assert_add(cal, "2025-09-30", 4, "2025-10-13", 0);
	/* Objection decided within 5 working days of 2025-09-29 (Art. 36). */
	assert_add(cal, "2025-09-29", 5, "2025-10-13", 0);
	assert_int_equal(between(cal, "2025-09-30", "2025-10-11", NULL), 3);
}

static void
test_labour_day_2026(void **state)
{
	struct fixture *fx = *state;
	const struct wd_cal *cal = &fx->cal;

	assert_int_equal(working(cal, "2026-05-01"), 0);
	assert_int_equal(working(cal, "2026-05-04"), 0);   /* Monday off */
	assert_int_equal(working(cal, "2026-05-05"), 0);   /* Tuesday off */
	assert_int_equal(working(cal, "2026-05-06"), 1);
	assert_int_equal(working(cal, "2026-05-09"), 1);   /* Saturday, worked */
	assert_add(cal, "2026-04-30", 1, "2026-05-06", 0);
	assert_add(cal, "2026-04-30", 3, "2026-05-08", 0);
	assert_add(cal, "2026-04-30", 4, "2026-05-09", 0);
	assert_add(cal, "2026-04-30", 5, "2026-05-11", 0);
	/* Spring Festival 2026: nine days off, Saturdays before and after worked. */
	assert_add(cal, "2026-02-13", 1, "2026-02-14", 0);
	assert_add(cal, "2026-02-14", 1, "2026-02-24", 0);
	assert_add(cal, "2026-02-27", 1, "2026-02-28", 0);
	/* National Day 2026 with the Mid-Autumn weekend before it. */
	assert_add(cal, "2026-09-24", 1, "2026-09-28", 0);
	assert_add(cal, "2026-09-30", 1, "2026-10-08", 0);
	assert_add(cal, "2026-09-30", 3, "2026-10-10", 0);
}

static void
test_into_unloaded_2027(void **state)
{
	struct fixture *fx = *state;
	const struct wd_cal *cal = &fx->cal;
	int as = -1;

	/* Inside 2026 the answer is certain... */
	assert_add(cal, "2026-12-30", 1, "2026-12-31", 0);
	/* ...one day on it reaches 2027, whose notice is not loaded: the
	 * weekend rule is used (1 January 2027 counts) and the result says so. */
	assert_add(cal, "2026-12-31", 1, "2027-01-01", 1);
	assert_add(cal, "2026-12-30", 3, "2027-01-04", 1);
	assert_int_equal(between(cal, "2026-12-28", "2027-01-05", &as), 6);
	assert_int_equal(as, 1);
	assert_int_equal(between(cal, "2026-12-28", "2026-12-31", &as), 3);
	assert_int_equal(as, 0);
	/* A weekend looked at in 2027 is enough to be unsure. */
	assert_add(cal, "2027-01-08", 1, "2027-01-11", 1);
	/* So is a past year nobody loaded: 2024's National Day is not known. */
	assert_int_equal(working(cal, "2024-10-01"), 1);
	assert_add(cal, "2024-09-30", 1, "2024-10-01", 1);
}

static void
test_day_set_in_unloaded_year(void **state)
{
	struct fixture *fx = *state;
	struct wd_day extra[WD_FILE_MAX_ROWS + 1];
	struct wd_cal cal = fx->cal;
	int n = fx->cal.ndays;

	/* A day set by hand applies even before its year's notice is loaded;
	 * the deadline is still marked as assumed. */
	memcpy(extra, fx->days, sizeof(fx->days[0]) * (size_t)n);
	extra[n].day = N("2027-01-01");
	extra[n].kind = WD_HOLIDAY;
	cal.days = extra;
	cal.ndays = n + 1;
	assert_add(&cal, "2026-12-31", 1, "2027-01-04", 1);
}

static void
test_overdue(void **state)
{
	struct fixture *fx = *state;
	const struct wd_cal *cal = &fx->cal;

	assert_int_equal(between(cal, "2026-03-10", "2026-03-10", NULL), 0);
	assert_int_equal(between(cal, "2026-03-10", "2026-03-13", NULL), 3);
	/* Due last Friday, today Monday: one working day overdue. */
	assert_int_equal(between(cal, "2026-03-09", "2026-03-06", NULL), -1);
	/* Due on the eve of National Day, today the day after it ends. */
	assert_int_equal(between(cal, "2025-10-09", "2025-09-30", NULL), -1);
	assert_int_equal(between(cal, "2025-10-13", "2025-09-30", NULL), -4);
	/* Due Friday, today the worked Saturday after Labour Day 2026, then Monday. */
	assert_int_equal(between(cal, "2026-05-09", "2026-05-08", NULL), -1);
	assert_int_equal(between(cal, "2026-05-11", "2026-05-08", NULL), -2);
	/* Due Friday, today Saturday (a plain weekend): no working day since. */
	assert_int_equal(between(cal, "2026-03-07", "2026-03-06", NULL), 0);
	/* A whole year: 2025 and 2026 have 248 working days each. */
	assert_int_equal(between(cal, "2024-12-31", "2025-12-31", NULL), 248);
	assert_int_equal(between(cal, "2025-12-31", "2026-12-31", NULL), 248);
	assert_int_equal(between(cal, "2026-12-31", "2025-12-31", NULL), -248);
}

static void
test_boundaries(void **state)
{
	struct fixture *fx = *state;
	struct wd_cal narrow = fx->cal;
	struct ymd s = D("2026-03-06"), o;
	int as = -1, n;

	/* n = 1 from a Friday is the Monday; 3 is the Wednesday. */
	assert_add(&fx->cal, "2026-03-06", 1, "2026-03-09", 0);
	assert_add(&fx->cal, "2026-03-06", 3, "2026-03-11", 0);
	/* n = 0 is the start itself, even on a holiday or a weekend. */
	assert_add(&fx->cal, "2026-03-06", 0, "2026-03-06", 0);
	assert_add(&fx->cal, "2025-10-01", 0, "2025-10-01", 0);
	/* Starting on a holiday or a weekend counts from the next working day. */
	assert_add(&fx->cal, "2025-10-01", 1, "2025-10-09", 0);
	assert_add(&fx->cal, "2026-03-07", 1, "2026-03-09", 0);
	assert_add(&fx->cal, "2025-01-25", 1, "2025-01-26", 0);
	/* Month and leap-year ends. */
	assert_add(&fx->cal, "2026-01-30", 1, "2026-02-02", 0);
	assert_add(&fx->cal, "2028-02-28", 1, "2028-02-29", 1);
	/* Bad arguments. */
	assert_int_equal(workdays_add(&fx->cal, &s, -1, &o, &as), WD_EINVAL);
	assert_int_equal(as, 0);
	assert_int_equal(workdays_add(&fx->cal, &s, WD_MAX_N + 1, &o, NULL), WD_EINVAL);
	assert_int_equal(workdays_add(&fx->cal, &s, WD_MAX_N, &o, NULL), WD_OK);
	/* A caller that loaded too little hears about it. */
	narrow.lo = N("2026-03-07");
	narrow.hi = N("2026-03-08");
	assert_int_equal(workdays_add(&narrow, &s, 1, &o, NULL), WD_ERANGE);
	s = D("2026-03-08");
	assert_int_equal(workdays_is_working(&narrow, &s), 0);
	s = D("2026-03-09");
	assert_int_equal(workdays_is_working(&narrow, &s), WD_ERANGE);
	{
		struct ymd a = D("2026-03-06"), b = D("2026-03-09");
		assert_int_equal(workdays_between(&narrow, &a, &b, &n, NULL), WD_ERANGE);
	}
}

/* add and between agree everywhere in the two loaded years. */
static void
test_add_between_agree(void **state)
{
	struct fixture *fx = *state;
	long d, from = N("2024-12-20"), to = N("2026-12-20");
	struct ymd s, o;
	int n, back, as;

	for (d = from; d <= to; d += 3) {
		ymd_from_days(d, &s);
		for (n = 0; n <= 12; n += 4) {
			assert_int_equal(workdays_add(&fx->cal, &s, n, &o, &as), WD_OK);
			assert_int_equal(workdays_between(&fx->cal, &s, &o, &back, NULL), WD_OK);
			assert_int_equal(back, n);
			if (n > 0)
				assert_int_equal(workdays_is_working(&fx->cal, &o), 1);
		}
	}
}

/* ---- calendar files ---- */

static struct wd_file
read_csv(struct fixture *fx, const char *text, int year)
{
	struct wd_file f;
	size_t len = strlen(text);
	char *copy = malloc(len + 1);

	/* An exact-size heap copy, so ASan catches a read past the end. */
	assert_non_null(copy);
	memcpy(copy, text, len);
	assert_int_equal(workdays_read_csv(&fx->a, copy, len, year, &f), 0);
	free(copy);
	return f;
}

static void
test_csv_good(void **state)
{
	struct fixture *fx = *state;
	struct wd_file f;

	f = read_csv(fx, official, 0);
	assert_int_equal(f.nproblems, 0);
	assert_int_equal(f.nrows, 72);
	f = read_csv(fx, official, 2026);
	assert_int_equal(f.nproblems, 33);     /* every 2025 row is outside 2026 */
	assert_int_equal(f.problems[0].line, 2);
	assert_string_equal(f.problems[0].key, "Calendar.err.year");
	/* Chinese header, BOM, CRLF, columns in another order, quotes. */
	f = read_csv(fx, "\xEF\xBB\xBF名称,日期,类型\r\n"
	    "\"元旦\",2099-01-01,holiday\r\n测试调休,2099-01-03,workday\r\n", 2099);
	assert_int_equal(f.nproblems, 0);
	assert_int_equal(f.nrows, 2);
	assert_string_equal(f.rows[0].date, "2099-01-01");
	assert_string_equal(f.rows[0].name, "元旦");
	assert_int_equal(f.rows[0].kind, WD_HOLIDAY);
	assert_int_equal(f.rows[1].kind, WD_WORKDAY);
	assert_int_equal(f.rows[1].line, 3);
	assert_string_equal(f.encoding, "UTF-8");
}

static void
test_csv_bad_rows(void **state)
{
	struct fixture *fx = *state;
	struct wd_file f;
	static const struct { int line; const char *col, *key; } want[] = {
		{ 3, "date", "Err.field.date" },
		{ 4, "date", "Calendar.err.year" },
		{ 5, "kind", "Calendar.err.kind" },
		{ 6, "kind", "Calendar.err.workday_weekday" },
		{ 7, "date", "Calendar.err.duplicate" },
		{ 8, "name", "Err.field.required" },
		{ 9, "name", "Err.field.long" },
		{ 10, "date", "Err.field.required" },
		{ 12, "kind", "Err.field.required" },
	};
	size_t i;

	f = read_csv(fx,
	    "date,kind,name\n"
	    "2099-01-01,holiday,元旦\n"              /* 2: fine */
	    "2099-02-30,holiday,不存在\n"            /* 3: no such day */
	    "2098-12-31,holiday,去年\n"              /* 4: other year */
	    "2099-01-05,rest,未知\n"                 /* 5: unknown kind */
	    "2099-01-05,workday,周一上班\n"          /* 6: Monday "worked" */
	    "2099-01-01,holiday,重复\n"              /* 7: listed twice */
	    "2099-01-02,holiday,\n"                  /* 8: no name */
	    "2099-01-03,holiday,一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一\n"
	    ",holiday,无日期\n"                      /* 10 */
	    "\n"                                     /* 11: blank, skipped but counted */
	    "2099-01-10\n"                           /* 12: too few cells */
	    "2099-01-04,holiday,周日放假\n",         /* 13: fine (a Sunday in the break) */
	    2099);
	assert_int_equal(f.nproblems, (int)(sizeof(want) / sizeof(want[0])));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		assert_int_equal(f.problems[i].line, want[i].line);
		assert_string_equal(f.problems[i].column, want[i].col);
		assert_string_equal(f.problems[i].key, want[i].key);
	}
	assert_int_equal(f.nrows, 2);
}

static void
test_csv_bad_files(void **state)
{
	struct fixture *fx = *state;
	struct wd_file f;
	const char *col;
	struct wd_entry e;
	char big[64 * 1024];
	size_t o = 0;
	int i;

	f = read_csv(fx, "date,name\n2099-01-01,元旦\n", 2099);
	assert_int_equal(f.nproblems, 1);
	assert_int_equal(f.problems[0].line, 1);
	assert_string_equal(f.problems[0].column, "kind");
	assert_string_equal(f.problems[0].key, "Import.missing_column");
	f = read_csv(fx, "date,kind,name\r\n", 2099);
	assert_int_equal(f.nproblems, 1);
	assert_string_equal(f.problems[0].key, "Import.no_rows");
	f = read_csv(fx, "", 2099);
	assert_int_equal(f.nproblems, 1);
	assert_string_equal(f.problems[0].key, "Err.csv.empty");
	f = read_csv(fx, "date,kind,name\n2099-01-01,holiday,\"元旦\n", 2099);
	assert_int_equal(f.nproblems, 1);
	assert_string_equal(f.problems[0].key, "Err.csv.quote");
	/* A name with a line break inside quotes is refused, not stored. */
	f = read_csv(fx, "date,kind,name\n2099-01-01,holiday,\"元\n旦\"\n", 2099);
	assert_int_equal(f.nproblems, 1);
	assert_string_equal(f.problems[0].key, "Err.field.control");
	/* More rows than a year has days. */
	o += (size_t)snprintf(big + o, sizeof(big) - o, "date,kind,name\n");
	for (i = 0; i < WD_FILE_MAX_ROWS + 1; i++)
		o += (size_t)snprintf(big + o, sizeof(big) - o, "2099-01-01,holiday,x\n");
	f = read_csv(fx, big, 2099);
	assert_int_equal(f.nproblems, 1);
	assert_string_equal(f.problems[0].key, "Err.csv.too_many_rows");
	/* The one-entry check the day form uses. */
	assert_null(workdays_check_entry("2026-03-14", "workday", "补班", 0, &e, &col));
	assert_int_equal(e.kind, WD_WORKDAY);
	assert_null(workdays_check_entry("2026-03-14", "holiday", "周六", 0, &e, &col));
	assert_string_equal(workdays_check_entry("2026-03-13", "workday", "周五", 0, &e, &col),
	    "Calendar.err.workday_weekday");
	assert_string_equal(col, "kind");
	assert_string_equal(workdays_check_entry("2026-3-13", "holiday", "x", 0, &e, &col),
	    "Err.field.date");
	assert_string_equal(workdays_check_entry("2026-03-13", "Holiday", "x", 0, &e, &col),
	    "Calendar.err.kind");
	assert_string_equal(workdays_check_entry("2026-03-13", "holiday", "\xff", 0, &e, &col),
	    "Err.field.utf8");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekday),
		cmocka_unit_test_setup_teardown(test_spring_festival_2025, setup, teardown),
		cmocka_unit_test_setup_teardown(test_national_day_2025, setup, teardown),
		cmocka_unit_test_setup_teardown(test_labour_day_2026, setup, teardown),
		cmocka_unit_test_setup_teardown(test_into_unloaded_2027, setup, teardown),
		cmocka_unit_test_setup_teardown(test_day_set_in_unloaded_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overdue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_boundaries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_between_agree, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_good, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_bad_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_bad_files, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
