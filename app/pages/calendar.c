/* calendar.c — the admin's working-day calendar: a year's holidays and
 * worked weekends, which years are loaded, setting or removing one day, a
 * year imported from CSV (all or nothing), and a deadline calculator that
 * calls the same helper the objection and repair workflows use. Calendar
 * data is not a subject's credit data, so changes go to the app log (with
 * updated_by in the rows), not to the audit chain. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/db.h"
#include "core/log.h"
#include "core/view.h"
#include "rules/workdays.h"
#include "store/calendar.h"

#define CAL_YEAR_MIN  1900
#define CAL_YEAR_MAX  2199
#define CAL_MAX_DAYS  400     /* listed days of one year shown (a year has 366) */
#define CAL_MAX_LOADED 200    /* loaded years shown */
#define CAL_CALC_MAX_N 366    /* the calculator's n; workflows need 1-5 */

enum { CQ_YEAR, CQ_FROM, CQ_N, CQ_COUNT };
static const struct field calendar_query_fields[CQ_COUNT] = {
	[CQ_YEAR] = { "year", FT_INT, 0, CAL_YEAR_MIN, CAL_YEAR_MAX, NULL },
	[CQ_FROM] = { "from", FT_DATE, 0, 0, 0, NULL },
	[CQ_N]    = { "n", FT_INT, 0, 0, CAL_CALC_MAX_N, NULL },
};
const struct form calendar_query_form = { calendar_query_fields, CQ_COUNT };

static const char *const day_kinds[] = { "holiday", "workday", NULL };
enum { CD_DAY, CD_KIND, CD_NAME, CD_COUNT };
static const struct field calendar_day_fields[CD_COUNT] = {
	[CD_DAY]  = { "day", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[CD_KIND] = { "kind", FT_ENUM, FF_REQUIRED, 0, 0, day_kinds },
	[CD_NAME] = { "name", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, WD_NAME_MAX, NULL },
};
const struct form calendar_day_form = { calendar_day_fields, CD_COUNT };

/* The day to remove is in the path (YYYYMMDD); the body carries only the
 * CSRF token. */
const struct form calendar_remove_form = { NULL, 0 };

enum { CI_YEAR, CI_SOURCE, CI_FILE, CI_COUNT };
static const struct field calendar_import_fields[CI_COUNT] = {
	[CI_YEAR]   = { "year", FT_INT, FF_REQUIRED, CAL_YEAR_MIN, CAL_YEAR_MAX, NULL },
	[CI_SOURCE] = { "source", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 200, NULL },
	[CI_FILE]   = { "file", FT_FILE, FF_REQUIRED, 0, 0, NULL },
};
const struct form calendar_import_form = { calendar_import_fields, CI_COUNT };

static int
this_year(void)
{
	struct ymd t;

	ymd_today(&t);
	return t.y;
}

/* Unix time as China Standard Time, the calendar's own clock. */
static void
set_cst(struct req *r, const char *name, long long when)
{
	time_t t = (time_t)when + 8 * 3600;
	struct tm tm;
	char buf[32];

	if (when <= 0 || gmtime_r(&t, &tm) == NULL)
		return;
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M", &tm);
	view_set(r, name, buf);
}

static int
set_years(struct req *r, int year)
{
	struct cal_year_row ys[CAL_MAX_LOADED];
	char name[48];
	int n, i, loaded = 0;

	if ((n = calendar_years(&r->arena, ys, CAL_MAX_LOADED)) < 0)
		return n;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Years.%d.year", i);
		view_set_int(r, name, ys[i].year);
		snprintf(name, sizeof(name), "Years.%d.source", i);
		view_set(r, name, ys[i].source);
		snprintf(name, sizeof(name), "Years.%d.loaded_at", i);
		set_cst(r, name, ys[i].loaded_at);
		snprintf(name, sizeof(name), "Years.%d.loaded_by", i);
		view_set(r, name, ys[i].loaded_by);
		if (ys[i].year == year) {
			loaded = 1;
			view_set(r, "Calendar.source", ys[i].source);
		}
	}
	if (n > 0)
		view_set_int(r, "Calendar.last_loaded", ys[n - 1].year);
	view_set_int(r, "Calendar.loaded", loaded);
	return 1;
}

static int
set_days(struct req *r, int year)
{
	struct cal_day_row ds[CAL_MAX_DAYS];
	struct ymd d;
	char name[48];
	int n, i;

	if ((n = calendar_year_days(&r->arena, year, ds, CAL_MAX_DAYS)) < 0)
		return n;
	for (i = 0; i < n; i++) {
		if (ymd_parse(ds[i].date, &d) != 0)
			continue;
		snprintf(name, sizeof(name), "Days.%d.date", i);
		view_set(r, name, ds[i].date);
		/* The path key of the remove button: the date's digits. */
		snprintf(name, sizeof(name), "Days.%d.key", i);
		view_setf(r, name, "%04d%02d%02d", d.y, d.m, d.d);
		snprintf(name, sizeof(name), "Days.%d.weekday", i);
		view_set_int(r, name, workdays_iso_weekday(ymd_to_days(&d)));
		snprintf(name, sizeof(name), "Days.%d.kind", i);
		view_set(r, name, ds[i].kind);
		snprintf(name, sizeof(name), "Days.%d.name", i);
		view_set(r, name, ds[i].name);
		snprintf(name, sizeof(name), "Days.%d.updated_by", i);
		view_set(r, name, ds[i].updated_by);
	}
	view_set_int(r, "Calendar.ndays", n);
	return 1;
}

/* "N working days after DATE": the helper the workflows call, so what the
 * admin sees here is what a deadline will be. */
static int
set_calc(struct req *r, const char *from, int n)
{
	char due[11];
	struct ymd d;
	int assumed, left, left_assumed, rc;

	rc = calendar_deadline(&r->arena, from, n, due, &assumed);
	if (rc <= 0)
		return rc;
	view_set(r, "Calc.from", from);
	view_set_int(r, "Calc.n", n);
	view_set(r, "Calc.due", due);
	if (ymd_parse(due, &d) == 0)
		view_set_int(r, "Calc.weekday", workdays_iso_weekday(ymd_to_days(&d)));
	/* And how a queue would show it today: time left or overdue. */
	rc = calendar_days_left(&r->arena, due, &left, &left_assumed);
	if (rc < 0)
		return rc;
	if (rc > 0) {
		view_set_int(r, left > 0 ? "Calc.left" : left < 0 ? "Calc.overdue" : "Calc.due_today",
		    left < 0 ? -left : left == 0 ? 1 : left);
		/* Separate from the deadline's own flag: the days between today
		 * and a far due date may cross years that are not loaded. */
		view_set_int(r, "Calc.left_assumed", left_assumed);
	}
	view_set_int(r, "Calc.assumed", assumed);
	return 1;
}

/* Renders the page for `year` with the request's form state. */
static int
calendar_page(struct req *r, int status, int year)
{
	int rc;

	if ((rc = set_years(r, year)) < 0 || (rc = set_days(r, year)) < 0)
		return req_dberr(r, rc);
	view_set_int(r, "Calendar.year", year);
	if (year > CAL_YEAR_MIN)
		view_set_int(r, "Calendar.prev", year - 1);
	if (year < CAL_YEAR_MAX)
		view_set_int(r, "Calendar.next", year + 1);
	return page_form(r, view_str(r, "Calendar.title"), "calendar", "admin_calendar.cs", status);
}

int
admin_calendar_get(struct req *r)
{
	int year = this_year(), rc;

	if (r->f[CQ_YEAR] != NULL && r->ferr[CQ_YEAR] == NULL)
		year = (int)form_int(r, CQ_YEAR);
	if (!r->form_invalid && r->f[CQ_FROM] != NULL && r->f[CQ_N] != NULL) {
		if ((rc = set_calc(r, r->f[CQ_FROM], (int)form_int(r, CQ_N))) < 0)
			return req_dberr(r, rc);
	}
	return calendar_page(r, r->form_invalid ? 422 : 200, year);
}

/* The year of a YYYY-MM-DD field, or this year. */
static int
year_of(const char *s)
{
	struct ymd d;

	return s != NULL && ymd_parse(s, &d) == 0 ? d.y : this_year();
}

int
admin_calendar_day_post(struct req *r)
{
	struct wd_entry e;
	const char *why, *col;
	int rc;

	if (r->form_invalid)
		return calendar_page(r, 422, year_of(r->f[CD_DAY]));
	why = workdays_check_entry(r->f[CD_DAY], r->f[CD_KIND], r->f[CD_NAME], 0, &e, &col);
	if (why != NULL) {
		r->ferr[strcmp(col, "kind") == 0 ? CD_KIND : strcmp(col, "name") == 0 ?
		    CD_NAME : CD_DAY] = why;
		r->form_invalid = 1;
		return calendar_page(r, 422, year_of(r->f[CD_DAY]));
	}
	rc = calendar_set_day(&r->arena, e.date, r->f[CD_KIND], e.name, r->user.id);
	if (rc < 0)
		return req_dberr(r, rc);
	log_msg(LL_INFO, "calendar: %s set to %s (%s) by user %lld", e.date, r->f[CD_KIND],
	    e.name, r->user.id);
	return req_redirect(r, arena_printf(&r->arena, "/admin/calendar?year=%.4s", e.date));
}

int
admin_calendar_day_remove(struct req *r)
{
	long long key = r->pathids[0];
	struct ymd d;
	char date[11];
	int rc;

	d.y = (int)(key / 10000);
	d.m = (int)(key / 100 % 100);
	d.d = (int)(key % 100);
	if (key < 19000101 || key > 21991231 || !ymd_valid(&d))
		return req_error(r, 404, "Err.notfound");
	ymd_format(&d, date);
	rc = calendar_remove_day(&r->arena, date);
	if (rc < 0)
		return req_dberr(r, rc);
	if (rc == 0)
		return req_error(r, 404, "Err.notfound");
	log_msg(LL_INFO, "calendar: %s reverted to the weekday/weekend default by user %lld",
	    date, r->user.id);
	return req_redirect(r, arena_printf(&r->arena, "/admin/calendar?year=%d", d.y));
}

static void
list_problems(struct req *r, const struct wd_file *f)
{
	char name[48];
	int i;

	for (i = 0; i < f->nproblems && i < WD_MAX_PROBLEMS; i++) {
		snprintf(name, sizeof(name), "Import.errors.%d.line", i);
		view_set_int(r, name, f->problems[i].line);
		snprintf(name, sizeof(name), "Import.errors.%d.column", i);
		view_set(r, name, f->problems[i].column);
		snprintf(name, sizeof(name), "Import.errors.%d.reason", i);
		view_set(r, name, view_str(r, f->problems[i].key));
	}
	view_set_int(r, "Import.nerrors", f->nproblems);
	if (f->nproblems > WD_MAX_PROBLEMS)
		view_set_int(r, "Import.shown", WD_MAX_PROBLEMS);
}

int
admin_calendar_import_post(struct req *r)
{
	struct wd_file f;
	const char *buf;
	size_t len;
	int year, rc;

	year = r->f[CI_YEAR] != NULL && r->ferr[CI_YEAR] == NULL ?
	    (int)form_int(r, CI_YEAR) : this_year();
	if (r->form_invalid)
		return calendar_page(r, 422, year);
	if (req_file_bytes(r, r->ffile[CI_FILE], &buf, &len) != 0)
		return req_error(r, 500, "Err.upload.io");
	if (workdays_read_csv(&r->arena, buf, len, year, &f) != 0)
		return req_error(r, 500, "Err.internal");
	if (f.nproblems > 0) {
		list_problems(r, &f);
		return calendar_page(r, 422, year);
	}
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = calendar_import_year(&r->arena, year, r->f[CI_SOURCE], f.rows, f.nrows, r->user.id);
	if (rc < 0 || (rc = db_commit()) < 0) {
		db_rollback();
		return req_dberr(r, rc);
	}
	log_msg(LL_INFO, "calendar: year %d imported (%d days, %s, %s) by user %lld", year,
	    f.nrows, f.encoding, r->f[CI_SOURCE], r->user.id);
	view_set_int(r, "Import.done", f.nrows);
	view_set(r, "Import.encoding", f.encoding);
	return calendar_page(r, 200, year);
}
