/* workdays.c — working days on the official calendar and the checks of a
 * calendar file (see workdays.h). Days are counted as integers since the
 * epoch, so a deadline never trips over month or year ends. */
#include "workdays.h"

#include <string.h>

#include "csv.h"
#include "utf8.h"

int
workdays_iso_weekday(long day)
{
	/* 1970-01-01 was a Thursday (ISO 4). */
	long r = (day + 3) % 7;

	if (r < 0)
		r += 7;
	return (int)r + 1;
}

int
workdays_year_loaded(const struct wd_cal *cal, int year)
{
	int i;

	for (i = 0; i < cal->nyears; i++)
		if (cal->years[i] == year)
			return 1;
	return 0;
}

int
workdays_kind(const struct wd_cal *cal, long day)
{
	int lo = 0, hi = cal->ndays - 1, mid;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->days[mid].day == day)
			return cal->days[mid].kind;
		if (cal->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return WD_NONE;
}

/* 1 working, 0 not; the day must be inside lo..hi (checked by callers). */
static int
working(const struct wd_cal *cal, long day)
{
	switch (workdays_kind(cal, day)) {
	case WD_HOLIDAY:
		return 0;
	case WD_WORKDAY:
		return 1;
	default:
		return workdays_iso_weekday(day) <= 5;
	}
}

/* Whether day's year is loaded, caching the last answer: a walk crosses a
 * year boundary at most a few times. */
struct year_memo {
	int year, loaded;
};

static int
loaded(const struct wd_cal *cal, long day, struct year_memo *m)
{
	struct ymd d;

	ymd_from_days(day, &d);
	if (d.y != m->year) {
		m->year = d.y;
		m->loaded = workdays_year_loaded(cal, d.y);
	}
	return m->loaded;
}

int
workdays_is_working(const struct wd_cal *cal, const struct ymd *d)
{
	long day = ymd_to_days(d);

	if (day < cal->lo || day > cal->hi)
		return WD_ERANGE;
	return working(cal, day);
}

int
workdays_add(const struct wd_cal *cal, const struct ymd *start, int n, struct ymd *out,
    int *assumed)
{
	struct year_memo m = { -1, 0 };
	long day;
	int guess = 0;

	if (assumed != NULL)
		*assumed = 0;
	if (cal == NULL || start == NULL || out == NULL || n < 0 || n > WD_MAX_N)
		return WD_EINVAL;
	day = ymd_to_days(start);
	while (n > 0) {
		day++;
		if (day < cal->lo || day > cal->hi)
			return WD_ERANGE;
		if (!loaded(cal, day, &m))
			guess = 1;
		if (working(cal, day))
			n--;
	}
	ymd_from_days(day, out);
	if (assumed != NULL)
		*assumed = guess;
	return WD_OK;
}

int
workdays_between(const struct wd_cal *cal, const struct ymd *a, const struct ymd *b,
    int *count, int *assumed)
{
	struct year_memo m = { -1, 0 };
	long from = ymd_to_days(a), to = ymd_to_days(b), day;
	int n = 0, sign = 1, guess = 0;

	if (assumed != NULL)
		*assumed = 0;
	*count = 0;
	if (to < from) {
		day = from;
		from = to;
		to = day;
		sign = -1;
	}
	for (day = from + 1; day <= to; day++) {
		if (day < cal->lo || day > cal->hi)
			return WD_ERANGE;
		if (!loaded(cal, day, &m))
			guess = 1;
		n += working(cal, day);
	}
	*count = sign * n;
	if (assumed != NULL)
		*assumed = guess;
	return WD_OK;
}

/* ---- calendar files ---- */

static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

const char *
workdays_check_entry(const char *date, const char *kind, const char *name, int year,
    struct wd_entry *out, const char **col)
{
	struct ymd d;
	const char *p;
	int wd;

	memset(out, 0, sizeof(*out));
	*col = "date";
	if (date == NULL || *date == '\0')
		return "Err.field.required";
	if (ymd_parse(date, &d) != 0)
		return "Err.field.date";
	if (year != 0 && d.y != year)
		return "Calendar.err.year";
	*col = "kind";
	if (kind == NULL || *kind == '\0')
		return "Err.field.required";
	if (strcmp(kind, "holiday") == 0)
		out->kind = WD_HOLIDAY;
	else if (strcmp(kind, "workday") == 0)
		out->kind = WD_WORKDAY;
	else
		return "Calendar.err.kind";
	out->day = ymd_to_days(&d);
	wd = workdays_iso_weekday(out->day);
	/* Only a worked weekend day changes anything; a "workday" on a
	 * weekday is almost always a date typed one day off. */
	if (out->kind == WD_WORKDAY && wd <= 5)
		return "Calendar.err.workday_weekday";
	*col = "name";
	if (name == NULL || *name == '\0')
		return "Err.field.required";
	if (!utf8_valid(name, strlen(name)))
		return "Err.field.utf8";
	for (p = name; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "Err.field.control";
	if (utf8_chars(name) > WD_NAME_MAX)
		return "Err.field.long";
	ymd_format(&d, out->date);
	out->name = name;
	*col = "";
	return NULL;
}

static void
problem(struct wd_file *f, int line, const char *col, const char *key)
{
	if (f->nproblems < WD_MAX_PROBLEMS) {
		f->problems[f->nproblems].line = line;
		f->problems[f->nproblems].column = col;
		f->problems[f->nproblems].key = key;
	}
	f->nproblems++;
}

/* The column called en or zh, or -1 (recorded as a problem). */
static int
column(struct wd_file *f, const struct csv_doc *doc, const char *en, const char *zh)
{
	int k = csv_col(doc, en);

	if (k < 0)
		k = csv_col(doc, zh);
	if (k < 0)
		problem(f, doc->header.line, en, "Import.missing_column");
	return k;
}

static const char *
cell(const struct csv_row *row, int k)
{
	return k >= 0 && k < row->n ? row->f[k] : NULL;
}

int
workdays_read_csv(struct arena *a, const char *buf, size_t len, int year, struct wd_file *out)
{
	const struct csv_limits lim = { WD_FILE_MAX_ROWS, 16, 400 };
	struct csv_doc doc;
	const char *key, *col;
	int i, j, rc, line = 0, kd, kk, kn;

	memset(out, 0, sizeof(*out));
	out->problems = arena_alloc(a, sizeof(*out->problems) * WD_MAX_PROBLEMS);
	if (out->problems == NULL)
		return -1;
	rc = csv_read(a, buf, len, &lim, &doc, &line);
	if (rc == CSV_NOMEM)
		return -1;
	if (rc != CSV_OK) {
		problem(out, line, "", csv_errkey(rc));
		return 0;
	}
	out->encoding = doc.encoding;
	kd = column(out, &doc, "date", "日期");
	kk = column(out, &doc, "kind", "类型");
	kn = column(out, &doc, "name", "名称");
	if (out->nproblems > 0)
		return 0;
	if (doc.nrows == 0) {
		problem(out, doc.header.line, "", "Import.no_rows");
		return 0;
	}
	out->rows = arena_alloc(a, sizeof(*out->rows) * (size_t)doc.nrows);
	if (out->rows == NULL)
		return -1;
	for (i = 0; i < doc.nrows; i++) {
		const struct csv_row *row = &doc.rows[i];
		struct wd_entry *e = &out->rows[out->nrows];

		key = workdays_check_entry(cell(row, kd), cell(row, kk), cell(row, kn), year, e, &col);
		if (key != NULL) {
			problem(out, row->line, col, key);
			continue;
		}
		e->line = row->line;
		/* A year has at most 366 rows: a quadratic check is cheap. */
		for (j = 0; j < out->nrows; j++)
			if (out->rows[j].day == e->day)
				break;
		if (j < out->nrows) {
			problem(out, row->line, "date", "Calendar.err.duplicate");
			continue;
		}
		out->nrows++;
	}
	return 0;
}
