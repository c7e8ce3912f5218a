/* window.h — the query window of Art. 35: dishonesty information is
 * queryable for N years (5 by default) from the day the behaviour ended, and
 * never after. This is the one place the rule is computed; every read path
 * passes window_cutoff() to its SQL (records_* in store/records.c). */
#ifndef RULES_WINDOW_H
#define RULES_WINDOW_H

/* A civil date. */
struct ymd { int y, m, d; };

#define WINDOW_DEFAULT_YEARS 5

/* Parses "YYYY-MM-DD" (a real calendar date); 0 or -1. */
int  ymd_parse(const char *s, struct ymd *out);
/* Writes "YYYY-MM-DD" into buf (11 bytes). */
void ymd_format(const struct ymd *, char buf[11]);
int  ymd_cmp(const struct ymd *, const struct ymd *);
int  ymd_valid(const struct ymd *);
/* Days since 1970-01-01 and back. */
long ymd_to_days(const struct ymd *);
void ymd_from_days(long days, struct ymd *out);
/* today in UTC+8 (China Standard Time), the calendar the law counts in. */
void ymd_today(struct ymd *out);
/* The earliest end date still inside the window on `today`: today minus
 * `years` years (29 February becomes 28 February). A record whose behaviour
 * ended on or after the cutoff is shown; one that ended before is not. */
void window_cutoff(const struct ymd *today, int years, struct ymd *out);
/* 1 when a record that ended on `ended` (NULL = not ended) is inside the window. */
int  window_visible(const struct ymd *today, int years, const struct ymd *ended);

#endif
