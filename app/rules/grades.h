/* grades.h — environmental credit colour grades (Jiangsu practice): the five
 * grades and their words, grade from a score under configurable thresholds,
 * veto rules, the annual 100-point score and the dynamic 12-point score as
 * of any date. Pure logic, no I/O; the thresholds and points are data. */
#ifndef RULES_GRADES_H
#define RULES_GRADES_H

#include <stddef.h>

#include "rules/window.h"

/* Best first: the order is the severity, so a larger value is worse. */
enum grade { GRADE_GREEN, GRADE_BLUE, GRADE_YELLOW, GRADE_RED, GRADE_BLACK, GRADE_MAX };

extern const char *const grade_codes[GRADE_MAX + 1];   /* "green" ... "black", NULL (a form enum) */

/* The grade of a code ("green"...), or -1. */
int grade_from_code(const char *);
/* A grade as written in an import: the English word (any case), the
 * Chinese colour (绿色 or 绿) or the Chinese meaning (环保诚信 ...). Spaces
 * around it are ignored. Returns the grade or -1. */
int grade_parse_word(const char *s, size_t len);

/* min[g] is the lowest score that still earns grade g, for green, blue,
 * yellow and red; anything below min[GRADE_RED] is black. */
struct grade_thresholds { int min[GRADE_BLACK]; };

/* 1 when the minimums strictly decrease from green to red. */
int grade_thresholds_valid(const struct grade_thresholds *);
int grade_from_score(const struct grade_thresholds *, int score);
/* A veto forces its grade regardless of the score; it never improves one,
 * so the result is the worse of the two. veto < 0 = no veto. */
int grade_with_veto(int score_grade, int veto);

/* Annual rounds: 100 less the deductions, never below 0. */
#define ANNUAL_FULL 100
int annual_score(const int *deductions, int n);

/* Dynamic scoring. An event changes the score by points (negative for a
 * violation, positive for a bonus such as a signed commitment) from `from`
 * up to the day before `until`: on `until` the points come back. A bonus
 * type counts once however many of its events are in force. */
struct dyn_event {
	struct ymd from, until;
	int        points;
	long long  type;
};
struct dyn_scheme {
	int base;                     /* every enterprise starts here (9) */
	int max;                      /* the score never exceeds this (12) */
	struct grade_thresholds t;    /* 11, 6, 3, 1 */
};

/* The day the points of an event decided on `from` come back: `months`
 * calendar months later (31 January + 1 month = 28/29 February). 0 or -1. */
int dyn_until(const struct ymd *from, int months, struct ymd *out);
/* 1 when the event is in force on `on`. */
int dyn_in_force(const struct dyn_event *, const struct ymd *on);
/* The score on a date. */
int dyn_score_on(const struct dyn_scheme *, const struct dyn_event *, int n, const struct ymd *on);

/* One step of the timeline: from `on`, the score is `score`. */
struct dyn_step { struct ymd on; int score, grade; };
/* Every date the score changes from `start` (included, the base score
 * unless events are in force) up to and including `last`, oldest first;
 * returns the number of steps written (at most max). */
int dyn_timeline(const struct dyn_scheme *, const struct dyn_event *, int n,
    const struct ymd *start, const struct ymd *last, struct dyn_step *out, int max);

/* Share of count in total in tenths of a percent, rounded half up (0 when
 * total is 0); written as "12.3" into buf (8 bytes). */
int grade_share(long long count, long long total, char buf[8]);

#endif
