/* ratings.c — preset scales, grade codes, certificate numbers, validity and
 * measures for association ratings (see ratings.h and README "Association
 * ratings"). Pure functions; unit-tested in tests/unit/test_ratings.c. */
#include "rules/ratings.h"

#include <stdio.h>
#include <string.h>

#include "rules/window.h"

static const char *const pilot9[] = { "AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C" };
static const char *const pilot9_desc[] = {
	"信用很好", "信用好", "信用较好", "信用一般", "信用欠佳",
	"信用较差", "信用很差", "信用极差", "没有信用"
};
static const char *const common5[] = { "AAA", "AA", "A", "B", "C" };
static const char *const common5_desc[] = {
	"信用很好", "信用好", "信用较好", "信用较差", "信用差"
};
static const char *const grade4[] = { "一级", "二级", "三级", "四级" };
static const char *const grade4_desc[] = { "信用优秀", "信用良好", "信用一般", "信用较差" };

const struct rating_preset rating_presets[] = {
	{ "pilot9", 9, pilot9, pilot9_desc },
	{ "common5", 5, common5, common5_desc },
	{ "grade4", 4, grade4, grade4_desc },
};
const int rating_npresets = sizeof(rating_presets) / sizeof(rating_presets[0]);

const char *const rating_measure_codes[RM_MAX] = {
	"recommend", "promote", "warning", "criticism", "demote", "expel"
};
const char *const rating_measure_zh[RM_MAX] = {
	"重点推荐", "提升会员级别", "业内警告", "通报批评", "降低会员级别", "取消会员资格"
};

const struct rating_preset *
rating_preset(const char *key)
{
	int i;

	for (i = 0; key != NULL && i < rating_npresets; i++)
		if (strcmp(rating_presets[i].key, key) == 0)
			return &rating_presets[i];
	return NULL;
}

int
rating_grade_code(const char *level, int rank, char out[4])
{
	size_t n = level != NULL ? strlen(level) : 0, i;
	char c = n > 0 ? level[0] : 0;

	/* The pilot's letter levels keep their published codes whatever their
	 * rank, so a certificate's grade reads the same on every scale. */
	if (n >= 1 && n <= 3 && (c == 'A' || c == 'B' || c == 'C')) {
		for (i = 1; i < n && level[i] == c; i++)
			;
		if (i == n) {
			memcpy(out, "000", 4);
			for (i = 0; i < n; i++)
				out[2 - i] = (char)('1' + (c - 'A'));
			return 0;
		}
	}
	if (rank < 1 || rank > RATING_MAX_LEVELS)
		return -1;
	snprintf(out, 4, "9%02d", rank);
	return 0;
}

int
cert_build(const struct cert *c, char out[CERT_LEN + 1])
{
	int i;

	if (c->year < 1000 || c->year > 9999 || c->assoc_no < 0 || c->assoc_no > 999 ||
	    c->serial < 1 || c->serial > 99999 || strlen(c->grade) != 3)
		return -1;
	for (i = 0; i < 3; i++)
		if (c->grade[i] < '0' || c->grade[i] > '9')
			return -1;
	snprintf(out, CERT_LEN + 1, "%04d%03d%s%05ld", c->year, c->assoc_no, c->grade, c->serial);
	return 0;
}

int
cert_parse(const char *s, struct cert *out)
{
	char d[CERT_LEN + 1];
	int n = 0, i;

	if (s == NULL)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '-' || *s == '\t')
			continue;
		if (*s < '0' || *s > '9' || n == CERT_LEN)
			return -1;
		d[n++] = *s;
	}
	if (n != CERT_LEN)
		return -1;
	d[n] = '\0';
	memset(out, 0, sizeof(*out));
	for (i = 0; i < 4; i++)
		out->year = out->year * 10 + (d[i] - '0');
	for (i = 4; i < 7; i++)
		out->assoc_no = out->assoc_no * 10 + (d[i] - '0');
	memcpy(out->grade, d + 7, 3);
	out->grade[3] = '\0';
	for (i = 10; i < 15; i++)
		out->serial = out->serial * 10 + (d[i] - '0');
	if (out->year < 1000 || out->serial == 0)
		return -1;
	return 0;
}

int
validity_overlaps(const char *af, const char *at, const char *bf, const char *bt)
{
	/* YYYY-MM-DD strings compare as dates. */
	return strcmp(af, bt) <= 0 && strcmp(bf, at) <= 0;
}

int
validity_default_to(const char *from, char out[11])
{
	struct ymd a, b;

	if (ymd_parse(from, &a) != 0)
		return -1;
	/* A start in the last three years of 9999 has no 4-digit end: refuse
	 * it rather than wrap to year 0002 (found by tests/fuzz/fuzz_cert.c). */
	if (a.y > 9999 - RATING_VALID_YEARS)
		return -1;
	b = a;
	b.y += RATING_VALID_YEARS;
	/* From 29 February there is no same day three years on: the period
	 * ends on the 28th, the day before 1 March. */
	if (b.m == 2 && b.d == 29 && !ymd_valid(&b))
		b.d = 28;
	else
		ymd_from_days(ymd_to_days(&b) - 1, &b);
	ymd_format(&b, out);
	return 0;
}

/* Length of the separator at s, or 0. */
static size_t
sep_len(const char *s)
{
	static const char *const seps[] = { ";", "|", ",", " ", "\t", "；", "、", "，", NULL };
	int i;

	for (i = 0; seps[i] != NULL; i++)
		if (strncmp(s, seps[i], strlen(seps[i])) == 0)
			return strlen(seps[i]);
	return 0;
}

int
measures_parse(const char *s, unsigned *mask, const char **bad)
{
	const char *p = s, *w;
	size_t n, k;
	int i;

	*mask = 0;
	*bad = NULL;
	while (p != NULL && *p != '\0') {
		while ((k = sep_len(p)) > 0)
			p += k;
		if (*p == '\0')
			break;
		for (w = p; *p != '\0' && sep_len(p) == 0; p++)
			;
		n = (size_t)(p - w);
		for (i = 0; i < RM_MAX; i++)
			if ((strlen(rating_measure_codes[i]) == n &&
			    strncasecmp(w, rating_measure_codes[i], n) == 0) ||
			    (strlen(rating_measure_zh[i]) == n && memcmp(w, rating_measure_zh[i], n) == 0))
				break;
		if (i == RM_MAX) {
			*bad = w;
			return -1;
		}
		*mask |= 1u << i;
	}
	return 0;
}

void
measures_format(unsigned mask, char *buf, size_t len)
{
	size_t o = 0;
	int i;

	if (len == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < RM_MAX; i++)
		if (mask & (1u << i)) {
			int w = snprintf(buf + o, len - o, "%s%s", o ? "," : "",
			    rating_measure_codes[i]);
			if (w < 0 || (size_t)w >= len - o)
				return;
			o += (size_t)w;
		}
}
