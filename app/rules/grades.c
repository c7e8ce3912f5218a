/* grades.c — the colour grades: words, thresholds, vetoes, the annual
 * deduction score and the dynamic score on a date. The only place these
 * rules are computed; pages and stores pass data in and show what comes out. */
#include "rules/grades.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *const grade_codes[GRADE_MAX + 1] = { "green", "blue", "yellow", "red", "black", NULL };

/* Chinese words accepted in imports: the colour with and without 色, and
 * the grade's meaning as published (环保诚信 ...). */
static const char *const grade_zh[GRADE_MAX][3] = {
	{ "绿色", "绿", "环保诚信" },
	{ "蓝色", "蓝", "环保良好" },
	{ "黄色", "黄", "环保警示" },
	{ "红色", "红", "环保不良" },
	{ "黑色", "黑", "环保严重失信" },
};

int
grade_from_code(const char *s)
{
	int g;

	for (g = 0; s != NULL && g < GRADE_MAX; g++)
		if (strcmp(s, grade_codes[g]) == 0)
			return g;
	return -1;
}

int
grade_parse_word(const char *s, size_t len)
{
	int g, k;

	if (s == NULL)
		return -1;
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return -1;
	for (g = 0; g < GRADE_MAX; g++) {
		if (strlen(grade_codes[g]) == len && strncasecmp(s, grade_codes[g], len) == 0)
			return g;
		for (k = 0; k < 3; k++)
			if (strlen(grade_zh[g][k]) == len && memcmp(s, grade_zh[g][k], len) == 0)
				return g;
	}
	return -1;
}

int
grade_thresholds_valid(const struct grade_thresholds *t)
{
	int g;

	for (g = 1; g < GRADE_BLACK; g++)
		if (t->min[g] >= t->min[g - 1])
			return 0;
	return 1;
}

int
grade_from_score(const struct grade_thresholds *t, int score)
{
	int g;

	for (g = 0; g < GRADE_BLACK; g++)
		if (score >= t->min[g])
			return g;
	return GRADE_BLACK;
}

int
grade_with_veto(int score_grade, int veto)
{
	if (veto < 0 || veto >= GRADE_MAX)
		return score_grade;
	return veto > score_grade ? veto : score_grade;
}

int
annual_score(const int *d, int n)
{
	int s = ANNUAL_FULL, i;

	for (i = 0; i < n; i++) {
		if (d[i] > 0)
			s -= d[i];
		if (s <= 0)
			return 0;
	}
	return s;
}

static int
month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

int
dyn_until(const struct ymd *from, int months, struct ymd *out)
{
	int m;

	if (!ymd_valid(from) || months < 0 || months > 1200)
		return -1;
	m = from->m - 1 + months;
	out->y = from->y + m / 12;
	out->m = m % 12 + 1;
	out->d = from->d;
	if (out->d > month_days(out->y, out->m))
		out->d = month_days(out->y, out->m);
	return 0;
}

int
dyn_in_force(const struct dyn_event *e, const struct ymd *on)
{
	return ymd_cmp(&e->from, on) <= 0 && ymd_cmp(on, &e->until) < 0;
}

int
dyn_score_on(const struct dyn_scheme *s, const struct dyn_event *e, int n, const struct ymd *on)
{
	int score = s->base, i, j, dup;

	for (i = 0; i < n; i++) {
		if (!dyn_in_force(&e[i], on))
			continue;
		/* A bonus counts once per type: two commitments are one. */
		dup = 0;
		for (j = 0; e[i].points > 0 && j < i && !dup; j++)
			dup = e[j].type == e[i].type && e[j].points > 0 && dyn_in_force(&e[j], on);
		if (!dup)
			score += e[i].points;
	}
	return score > s->max ? s->max : score;
}

static void
add_date(struct ymd *d, int *n, int max, const struct ymd *x)
{
	int i, k;

	for (i = 0; i < *n; i++) {
		int c = ymd_cmp(&d[i], x);
		if (c == 0)
			return;
		if (c > 0)
			break;
	}
	if (*n >= max)
		return;
	for (k = *n; k > i; k--)
		d[k] = d[k - 1];
	d[i] = *x;
	(*n)++;
}

int
dyn_timeline(const struct dyn_scheme *s, const struct dyn_event *e, int n,
    const struct ymd *start, const struct ymd *last, struct dyn_step *out, int max)
{
	struct ymd dates[256];
	int nd = 0, i, k = 0, prev = 0, have = 0, sc;

	add_date(dates, &nd, 256, start);
	for (i = 0; i < n; i++) {
		if (ymd_cmp(&e[i].from, start) > 0 && ymd_cmp(&e[i].from, last) <= 0)
			add_date(dates, &nd, 256, &e[i].from);
		if (ymd_cmp(&e[i].until, start) > 0 && ymd_cmp(&e[i].until, last) <= 0)
			add_date(dates, &nd, 256, &e[i].until);
	}
	for (i = 0; i < nd && k < max; i++) {
		sc = dyn_score_on(s, e, n, &dates[i]);
		if (have && sc == prev)
			continue;
		out[k].on = dates[i];
		out[k].score = sc;
		out[k].grade = grade_from_score(&s->t, sc);
		k++;
		prev = sc;
		have = 1;
	}
	return k;
}

int
grade_share(long long count, long long total, char buf[8])
{
	int t = 0;

	/* 0..1000 tenths, so the text is at most "100.0". */
	if (total > 0 && count >= 0 && count <= total)
		t = (int)((count * 1000 + total / 2) / total);
	snprintf(buf, 8, "%d.%d", t / 10 % 1000, t % 10);
	return t;
}
