/* workdays.h — working-day arithmetic on China's official calendar: public
 * holidays and the adjusted working weekends (调休) the State Council
 * publishes each year. Deadlines of objections and credit repair (Art. 36-38)
 * count working days; this is the one place they are counted. Pure logic,
 * no I/O: the store (store/calendar.c) loads the days, this counts them. */
#ifndef RULES_WORKDAYS_H
#define RULES_WORKDAYS_H

#include <stddef.h>

#include "arena.h"
#include "window.h"

/* A day that differs from the weekday/weekend default. */
enum wd_kind {
	WD_NONE = 0,     /* not listed: Monday-Friday work, Saturday-Sunday rest */
	WD_HOLIDAY,      /* a day off (on a weekday it is what makes a difference) */
	WD_WORKDAY,      /* a weekend day that is worked (调休上班) */
	WD_KIND_MAX
};

struct wd_day {
	long day;        /* days since 1970-01-01 (ymd_to_days) */
	int  kind;       /* WD_HOLIDAY or WD_WORKDAY */
};

/* The calendar as the arithmetic sees it. `days` must be sorted by day
 * without repeats and complete for lo..hi (inclusive, days since the
 * epoch): the functions refuse (WD_ERANGE) to look at a day outside, so a
 * caller that loaded too narrow a range hears about it instead of getting
 * a silently wrong date. A year is "loaded" when its published list is in
 * `days`; a day in any other year is counted by the weekend rule (plus any
 * day set one by one) and flagged as assumed. */
struct wd_cal {
	const struct wd_day *days;
	int                  ndays;
	const int           *years;   /* loaded years, any order */
	int                  nyears;
	long                 lo, hi;
};

#define WD_OK      0
#define WD_EINVAL  (-1)   /* bad argument (n out of range, NULL) */
#define WD_ERANGE  (-2)   /* a day outside cal->lo..hi was needed */

/* Largest n accepted by workdays_add (about 14 years of working days). */
#define WD_MAX_N   3660

/* 1 (Monday) .. 7 (Sunday). */
int  workdays_iso_weekday(long day);
/* 1 when year is in cal->years. */
int  workdays_year_loaded(const struct wd_cal *, int year);
/* The listed kind of a day (WD_NONE when not listed). */
int  workdays_kind(const struct wd_cal *, long day);
/* 1 working, 0 not, WD_ERANGE. A listed holiday is never worked, a listed
 * workday always is; other days by the weekend rule. */
int  workdays_is_working(const struct wd_cal *, const struct ymd *);
/*
 * *out = the day that is n working days after start; start itself is not
 * counted (a 3-working-day deadline from a Friday proof date ends on the
 * Wednesday after). n = 0 gives start unchanged. *assumed (may be NULL) is
 * set to 1 when any day looked at fell in a year that is not loaded, else
 * 0. Returns WD_OK, WD_EINVAL (n < 0 or > WD_MAX_N) or WD_ERANGE.
 */
int  workdays_add(const struct wd_cal *, const struct ymd *start, int n, struct ymd *out,
    int *assumed);
/*
 * *count = the working days after a up to and including b; when b is
 * before a, minus the working days after b up to and including a. With a
 * = today and b = a due date: > 0 working days left, 0 due today (or due
 * on a rest day with no working day since), < 0 working days overdue.
 * *assumed as for workdays_add. Returns WD_OK or WD_ERANGE.
 */
int  workdays_between(const struct wd_cal *, const struct ymd *a, const struct ymd *b,
    int *count, int *assumed);

/* ---- the calendar as a CSV file: header date,kind,name ---- */

/* One checked entry. */
struct wd_entry {
	char        date[11];  /* YYYY-MM-DD */
	long        day;
	int         kind;      /* WD_HOLIDAY or WD_WORKDAY */
	const char *name;      /* 1..WD_NAME_MAX characters, no control characters */
	int         line;      /* where it came from (0 for a form) */
};

/* One problem: the file line, the column ("" for the whole row or file)
 * and a language key with the reason. */
struct wd_problem {
	int         line;
	const char *column;
	const char *key;
};

#define WD_NAME_MAX      50
#define WD_FILE_MAX_ROWS 400     /* a year has 366 days at most */
#define WD_MAX_PROBLEMS  200     /* kept; all are counted */

struct wd_file {
	const char        *encoding;   /* "UTF-8" or "GB18030" */
	struct wd_entry   *rows;
	int                nrows;
	struct wd_problem *problems;   /* the first WD_MAX_PROBLEMS */
	int                nproblems;  /* all of them */
};

/*
 * Checks one entry: date YYYY-MM-DD, in `year` unless year is 0; kind
 * "holiday" or "workday"; name 1..WD_NAME_MAX characters. A workday must
 * fall on a weekend (a worked weekday is the default: listing one is a
 * typo in the date). A holiday may fall on any day: the published notices
 * list the whole break, weekend days included. Returns NULL and fills *out,
 * or the language key of the first problem and *col the column it is in.
 */
const char *workdays_check_entry(const char *date, const char *kind, const char *name,
    int year, struct wd_entry *out, const char **col);
/*
 * Reads an uploaded calendar file for `year` with csv_read: header
 * date,kind,name (or 日期,类型,名称) in any order, then one row per day.
 * Every row is checked and every problem recorded (bad date, date outside
 * the year, unknown kind, workday on a weekday, missing or too long name,
 * a date listed twice), so the admin fixes the file in one go. Returns 0
 * (see out->nproblems) or -1 when the arena is exhausted.
 */
int  workdays_read_csv(struct arena *, const char *buf, size_t len, int year,
    struct wd_file *out);

#endif
