/* fuzz_workdays.c — libFuzzer harness for app/rules/workdays.c: any bytes
 * read as a calendar file must either be refused with problems or give rows
 * that keep workdays.h's promises, and the arithmetic on those rows must
 * agree with itself (n working days after d, counted back, is n).
 *
 * clang-14 -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -Iapp -Iapp/core tests/fuzz/fuzz_workdays.c app/rules/workdays.c \
 *     app/rules/csv.c app/rules/window.c app/rules/utf8.c app/core/parse.c \
 *     app/core/arena.c -o /tmp/fuzz_workdays && \
 *     /tmp/fuzz_workdays -max_total_time=60 /tmp/wd_corpus tests/fuzz/corpus/calendar
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/workdays.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct arena fz_arena;
static int          fz_ready;

static void
fz_cleanup(void)
{
	arena_free(&fz_arena);
}

static int
fz_cmp(const void *x, const void *y)
{
	const struct wd_day *a = x, *b = y;

	return a->day < b->day ? -1 : a->day > b->day;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int years[] = { 2099 };
	struct wd_day days[WD_FILE_MAX_ROWS];
	struct wd_cal cal;
	struct wd_file f;
	struct ymd s, o, e;
	int i, j, n, back;

	if (!fz_ready) {
		arena_init(&fz_arena, 8u << 20);
		atexit(fz_cleanup);
		fz_ready = 1;
	}
	arena_reset(&fz_arena);
	if (workdays_read_csv(&fz_arena, (const char *)data, size, 2099, &f) != 0)
		return 0;
	if (f.nproblems < 0 || (f.nproblems == 0 && f.nrows == 0))
		abort();
	for (i = 0; i < f.nproblems && i < WD_MAX_PROBLEMS; i++)
		if (f.problems[i].line < 0 || f.problems[i].key == NULL || f.problems[i].column == NULL)
			abort();
	for (i = 0; i < f.nrows; i++) {
		const struct wd_entry *r = &f.rows[i];
		if (ymd_parse(r->date, &e) != 0 || e.y != 2099 || ymd_to_days(&e) != r->day)
			abort();
		if (r->kind != WD_HOLIDAY && r->kind != WD_WORKDAY)
			abort();
		if (r->kind == WD_WORKDAY && workdays_iso_weekday(r->day) <= 5)
			abort();
		if (r->name == NULL || *r->name == '\0' || r->line < 1)
			abort();
		for (j = 0; j < i; j++)
			if (f.rows[j].day == r->day)
				abort();
		days[i].day = r->day;
		days[i].kind = r->kind;
	}
	if (f.nproblems > 0)
		return 0;
	qsort(days, (size_t)f.nrows, sizeof(days[0]), fz_cmp);
	memset(&cal, 0, sizeof(cal));
	cal.days = days;
	cal.ndays = f.nrows;
	cal.years = years;
	cal.nyears = 1;
	s.y = 2099;
	s.m = 1;
	s.d = 1;
	cal.lo = ymd_to_days(&s) - 400;
	cal.hi = ymd_to_days(&s) + 1200;
	/* Start from every listed day and a week either side of it. */
	for (i = 0; i < f.nrows; i++)
		for (n = 0; n <= 5; n++) {
			ymd_from_days(days[i].day - 3, &s);
			if (workdays_add(&cal, &s, n, &o, NULL) != WD_OK)
				abort();
			if (workdays_between(&cal, &s, &o, &back, NULL) != WD_OK || back != n)
				abort();
			if (workdays_between(&cal, &o, &s, &back, NULL) != WD_OK || back != -n)
				abort();
			if (n > 0 && workdays_is_working(&cal, &o) != 1)
				abort();
		}
	return 0;
}
