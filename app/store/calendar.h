/* calendar.h — the working-day calendar (tables calendar_days and
 * calendar_years): the admin page's reads and writes, and the deadline
 * helpers every workflow counting working days uses (objections, credit
 * repair). The counting itself is rules/workdays.c. < 0 error, 0 none or
 * bad argument, > 0 success. */
#ifndef STORE_CALENDAR_H
#define STORE_CALENDAR_H

#include "core/arena.h"
#include "rules/workdays.h"

struct cal_day_row {
	char     *date;          /* YYYY-MM-DD */
	char     *kind;          /* holiday | workday */
	char     *name;
	long long updated_at;    /* unix time */
	char     *updated_by;    /* login, NULL when shipped with a migration */
};

struct cal_year_row {
	long long year;
	char     *source;        /* the notice */
	long long loaded_at;
	char     *loaded_by;     /* login, NULL when shipped with a migration */
};

/* Loaded years, oldest first. Returns the count or < 0. */
int calendar_years(struct arena *, struct cal_year_row *rows, int max);
/* The listed days of one year in date order. Returns the count or < 0. */
int calendar_year_days(struct arena *, int year, struct cal_day_row *rows, int max);
/* Sets one day (insert or replace). > 0 done. */
int calendar_set_day(struct arena *, const char *date, const char *kind, const char *name,
    long long by);
/* Reverts one day to the weekday/weekend default: > 0 done, 0 not listed. */
int calendar_remove_day(struct arena *, const char *date);
/* Replaces a year: deletes its listed days, inserts rows[0..n) and marks it
 * loaded from `source`. The caller holds one transaction around it. > 0. */
int calendar_import_year(struct arena *, int year, const char *source,
    const struct wd_entry *rows, int n, long long by);

/* The calendar for days from..to (days since the epoch, inclusive) with the
 * loaded years, in one statement, into arena memory. > 0 or < 0. */
int calendar_load(struct arena *, long from, long to, struct wd_cal *out);

/*
 * The due date n working days after start_ymd (YYYY-MM-DD; the start day
 * itself not counted), written to out_ymd; *assumed is 1 when a day counted
 * lies in a year whose calendar is not loaded (weekends only: say so to the
 * user). One round trip, rarely two. > 0 done, 0 bad start or n (0..
 * WD_MAX_N), < 0 database error.
 */
int calendar_deadline(struct arena *, const char *start_ymd, int n, char out_ymd[11],
    int *assumed);
/*
 * Working days from today (UTC+8) to due_ymd: > 0 left, 0 due today, < 0
 * overdue (workdays_between). *assumed as above. One round trip. > 0 done,
 * 0 bad date, < 0 database error.
 */
int calendar_days_left(struct arena *, const char *due_ymd, int *left, int *assumed);

#endif
