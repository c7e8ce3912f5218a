/* window.c — civil dates and the Art. 35 query window (see window.h). */
#include "window.h"

#include <time.h>

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

int
ymd_valid(const struct ymd *a)
{
	return a->y >= 1900 && a->y <= 9999 && a->m >= 1 && a->m <= 12 &&
	    a->d >= 1 && a->d <= mdays(a->y, a->m);
}

int
ymd_parse(const char *s, struct ymd *out)
{
	int i;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return -1;
		} else if (s[i] < '0' || s[i] > '9')
			return -1;
	}
	if (s[10] != '\0')
		return -1;
	out->y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	out->m = (s[5] - '0') * 10 + (s[6] - '0');
	out->d = (s[8] - '0') * 10 + (s[9] - '0');
	return ymd_valid(out) ? 0 : -1;
}

void
ymd_format(const struct ymd *a, char buf[11])
{
	unsigned y = (unsigned)a->y % 10000u, m = (unsigned)a->m % 100u, d = (unsigned)a->d % 100u;

	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

int
ymd_cmp(const struct ymd *a, const struct ymd *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

/* Howard Hinnant's days-from-civil, proleptic Gregorian. */
long
ymd_to_days(const struct ymd *a)
{
	int y = a->y - (a->m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (a->m + (a->m > 2 ? -3 : 9)) + 2) / 5 + a->d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (long)doe - 719468;
}

void
ymd_from_days(long z, struct ymd *out)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->y = (int)(yoe + era * 400 + (out->m <= 2));
}

void
ymd_today(struct ymd *out)
{
	time_t t = time(NULL) + 8 * 3600;

	ymd_from_days((long)(t / 86400), out);
}

void
window_cutoff(const struct ymd *today, int years, struct ymd *out)
{
	out->y = today->y - years;
	out->m = today->m;
	out->d = today->d;
	if (out->d > mdays(out->y, out->m))
		out->d = mdays(out->y, out->m);
}

int
window_visible(const struct ymd *today, int years, const struct ymd *ended)
{
	struct ymd cut;

	if (ended == NULL)
		return 1;
	window_cutoff(today, years, &cut);
	return ymd_cmp(ended, &cut) >= 0;
}
