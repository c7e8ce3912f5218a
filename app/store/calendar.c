/* calendar.c — all SQL for calendar_days and calendar_years, and the
 * deadline helpers built on them (see calendar.h). A deadline loads the
 * listed days of the range it needs and the loaded years in one UNION
 * statement, then counts in memory with rules/workdays.c. */
#include "store/calendar.h"

#include <string.h>

#include "core/db.h"

/* More loaded years than this is not a calendar but a bug. */
#define CAL_MAX_YEARS 400
/* The widest range one load may cover: 1900-2199, what FT_DATE accepts. */
#define CAL_MAX_SPAN  110000L

enum cal_stmt {
	CA_LOAD, CA_YEARS, CA_YEAR_DAYS, CA_UPSERT, CA_DELETE, CA_DELETE_RANGE, CA_INSERT,
	CA_MARK_YEAR, CA_MAX
};

static const char *const cal_sql[CA_MAX] = {
	/* Days as integers since the epoch, the unit rules/workdays.c counts
	 * in; tag 0 = a listed day, tag 1 = a loaded year. */
	[CA_LOAD] = "SELECT 0, DATEDIFF(day, '1970-01-01'), IF(kind = 'workday', 2, 1) "
	    "FROM calendar_days WHERE day BETWEEN ? AND ? "
	    "UNION ALL SELECT 1, year, 0 FROM calendar_years ORDER BY 1, 2",
	[CA_YEARS] = "SELECT y.year, y.source, y.loaded_at, u.login FROM calendar_years y "
	    "LEFT JOIN users u ON u.id = y.loaded_by ORDER BY y.year LIMIT ?",
	[CA_YEAR_DAYS] = "SELECT DATE_FORMAT(d.day, '%Y-%m-%d'), d.kind, d.name, d.updated_at, u.login "
	    "FROM calendar_days d LEFT JOIN users u ON u.id = d.updated_by "
	    "WHERE d.day BETWEEN ? AND ? ORDER BY d.day LIMIT ?",
	[CA_UPSERT] = "INSERT INTO calendar_days (day, kind, name, updated_at, updated_by) "
	    "VALUES (?, ?, ?, UNIX_TIMESTAMP(), ?) ON DUPLICATE KEY UPDATE kind = VALUES(kind), "
	    "name = VALUES(name), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)",
	[CA_DELETE] = "DELETE FROM calendar_days WHERE day = ?",
	[CA_DELETE_RANGE] = "DELETE FROM calendar_days WHERE day BETWEEN ? AND ?",
	[CA_INSERT] = "INSERT INTO calendar_days (day, kind, name, updated_at, updated_by) "
	    "VALUES (?, ?, ?, UNIX_TIMESTAMP(), ?)",
	[CA_MARK_YEAR] = "INSERT INTO calendar_years (year, source, loaded_at, loaded_by) "
	    "VALUES (?, ?, UNIX_TIMESTAMP(), ?) ON DUPLICATE KEY UPDATE source = VALUES(source), "
	    "loaded_at = VALUES(loaded_at), loaded_by = VALUES(loaded_by)",
};
DB_SET(cal_set, cal_sql, CA_MAX);

static void
in_user(struct db_q *q, long long by)
{
	if (by > 0)
		db_in_int(q, by);
	else
		db_in_null(q);
}

/* First and last day of a year as YYYY-MM-DD. */
static void
year_bounds(int year, char first[11], char last[11])
{
	struct ymd a = { year, 1, 1 }, b = { year, 12, 31 };

	ymd_format(&a, first);
	ymd_format(&b, last);
}

int
calendar_years(struct arena *a, struct cal_year_row *rows, int max)
{
	struct cal_year_row y;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &cal_set, CA_YEARS)) < 0)
		return rc;
	db_in_int(&q, max);
	db_out_int(&q, &y.year);
	db_out_str(&q, &y.source);
	db_out_int(&q, &y.loaded_at);
	db_out_str(&q, &y.loaded_by);
	return db_collect(&q, &y, rows, sizeof(y), max);
}

int
calendar_year_days(struct arena *a, int year, struct cal_day_row *rows, int max)
{
	struct cal_day_row d;
	struct db_q q;
	char first[11], last[11];
	int rc;

	year_bounds(year, first, last);
	if ((rc = db_q_start(&q, a, &cal_set, CA_YEAR_DAYS)) < 0)
		return rc;
	db_in_str(&q, first);
	db_in_str(&q, last);
	db_in_int(&q, max);
	db_out_str(&q, &d.date);
	db_out_str(&q, &d.kind);
	db_out_str(&q, &d.name);
	db_out_int(&q, &d.updated_at);
	db_out_str(&q, &d.updated_by);
	return db_collect(&q, &d, rows, sizeof(d), max);
}

int
calendar_set_day(struct arena *a, const char *date, const char *kind, const char *name,
    long long by)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &cal_set, CA_UPSERT)) < 0)
		return rc;
	db_in_str(&q, date);
	db_in_str(&q, kind);
	db_in_str(&q, name);
	in_user(&q, by);
	n = db_write(&q);
	return n < 0 ? (int)n : 1;
}

int
calendar_remove_day(struct arena *a, const char *date)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &cal_set, CA_DELETE)) < 0)
		return rc;
	db_in_str(&q, date);
	n = db_write(&q);
	return n < 0 ? (int)n : n > 0;
}

int
calendar_import_year(struct arena *a, int year, const char *source,
    const struct wd_entry *rows, int n, long long by)
{
	struct db_q q;
	char first[11], last[11];
	long long w;
	int i, rc;

	year_bounds(year, first, last);
	if ((rc = db_q_start(&q, a, &cal_set, CA_DELETE_RANGE)) < 0)
		return rc;
	db_in_str(&q, first);
	db_in_str(&q, last);
	if ((w = db_write(&q)) < 0)
		return (int)w;
	for (i = 0; i < n; i++) {
		if ((rc = db_q_start(&q, a, &cal_set, CA_INSERT)) < 0)
			return rc;
		db_in_str(&q, rows[i].date);
		db_in_str(&q, rows[i].kind == WD_WORKDAY ? "workday" : "holiday");
		db_in_str(&q, rows[i].name);
		in_user(&q, by);
		if ((w = db_write(&q)) < 0)
			return (int)w;
	}
	if ((rc = db_q_start(&q, a, &cal_set, CA_MARK_YEAR)) < 0)
		return rc;
	db_in_int(&q, year);
	db_in_str(&q, source);
	in_user(&q, by);
	w = db_write(&q);
	return w < 0 ? (int)w : 1;
}

struct load_row {
	long long tag, v, kind;
};

int
calendar_load(struct arena *a, long from, long to, struct wd_cal *out)
{
	struct load_row row, *rows;
	struct wd_day *days;
	int *years;
	struct db_q q;
	struct ymd d;
	char lo[11], hi[11];
	int max, n, i, rc;

	memset(out, 0, sizeof(*out));
	if (to < from || to - from > CAL_MAX_SPAN)
		return DB_ERR;
	max = (int)(to - from + 1) + CAL_MAX_YEARS;
	rows = arena_alloc(a, sizeof(*rows) * (size_t)max);
	days = arena_alloc(a, sizeof(*days) * (size_t)max);
	years = arena_alloc(a, sizeof(*years) * CAL_MAX_YEARS);
	if (rows == NULL || days == NULL || years == NULL)
		return DB_ERR;
	ymd_from_days(from, &d);
	ymd_format(&d, lo);
	ymd_from_days(to, &d);
	ymd_format(&d, hi);
	if ((rc = db_q_start(&q, a, &cal_set, CA_LOAD)) < 0)
		return rc;
	db_in_str(&q, lo);
	db_in_str(&q, hi);
	db_out_int(&q, &row.tag);
	db_out_int(&q, &row.v);
	db_out_int(&q, &row.kind);
	if ((n = db_collect(&q, &row, rows, sizeof(row), max)) < 0)
		return n;
	if (n == max)
		return DB_ERR;   /* cannot happen with sane data; never count on a cut list */
	/* Rows come sorted by (tag, value): days in order, then years. */
	for (i = 0; i < n; i++) {
		if (rows[i].tag == 0) {
			days[out->ndays].day = (long)rows[i].v;
			days[out->ndays].kind = (int)rows[i].kind;
			out->ndays++;
		} else if (out->nyears < CAL_MAX_YEARS) {
			years[out->nyears++] = (int)rows[i].v;
		} else {
			return DB_ERR;
		}
	}
	out->days = days;
	out->years = years;
	out->lo = from;
	out->hi = to;
	return 1;
}

int
calendar_deadline(struct arena *a, const char *start_ymd, int n, char out_ymd[11], int *assumed)
{
	struct wd_cal cal;
	struct ymd start, due;
	long from, span;
	int rc, tries;

	*assumed = 0;
	out_ymd[0] = '\0';
	if (start_ymd == NULL || ymd_parse(start_ymd, &start) != 0 || n < 0 || n > WD_MAX_N)
		return 0;
	if (n == 0) {
		ymd_format(&start, out_ymd);
		return 1;
	}
	from = ymd_to_days(&start) + 1;
	/* Two calendar days per working day and two months to spare covers
	 * any published calendar; a strange one gets a wider second look. */
	span = 2L * n + 60;
	for (tries = 0; tries < 3; tries++, span *= 4) {
		if ((rc = calendar_load(a, from, from + span, &cal)) < 0)
			return rc;
		rc = workdays_add(&cal, &start, n, &due, assumed);
		if (rc == WD_OK) {
			ymd_format(&due, out_ymd);
			return 1;
		}
		if (rc != WD_ERANGE)
			return 0;
	}
	return DB_ERR;
}

int
calendar_days_left(struct arena *a, const char *due_ymd, int *left, int *assumed)
{
	struct wd_cal cal;
	struct ymd today, due;
	long t, d;
	int rc;

	*left = 0;
	*assumed = 0;
	if (due_ymd == NULL || ymd_parse(due_ymd, &due) != 0)
		return 0;
	ymd_today(&today);
	t = ymd_to_days(&today);
	d = ymd_to_days(&due);
	if (t == d)
		return 1;
	if ((rc = calendar_load(a, (t < d ? t : d) + 1, t < d ? d : t, &cal)) < 0)
		return rc;
	return workdays_between(&cal, &today, &due, left, assumed) == WD_OK ? 1 : DB_ERR;
}
