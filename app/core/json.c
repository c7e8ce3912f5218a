/* json.c — JSON arrays built in an arena (see json.h). */
#include "json.h"

#include <stdio.h>
#include <string.h>

void
json_init(struct json *j, struct arena *a)
{
	memset(j, 0, sizeof(*j));
	j->a = a;
}

void
json_raw(struct json *j, const char *s, size_t n)
{
	if (j->failed)
		return;
	if (j->len + n + 1 > j->cap) {
		size_t cap = j->cap ? j->cap : 4096;
		char *p;

		while (j->len + n + 1 > cap)
			cap *= 2;
		/* The arena frees nothing before its reset: the old buffers
		 * add up to less than the new one. */
		if ((p = arena_alloc(j->a, cap)) == NULL) {
			j->failed = 1;
			return;
		}
		if (j->len > 0)
			memcpy(p, j->p, j->len);
		j->p = p;
		j->cap = cap;
	}
	memcpy(j->p + j->len, s, n);
	j->len += n;
	j->p[j->len] = '\0';
}

void
json_int(struct json *j, long long v)
{
	char num[24];
	int n = snprintf(num, sizeof(num), "%lld,", v);

	json_raw(j, num, (size_t)n);
}

void
json_str(struct json *j, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run;

	if (s == NULL)
		s = "";
	run = s;
	json_raw(j, "\"", 1);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		json_raw(j, run, (size_t)(s - run));
		if (c == '"' || c == '\\') {
			esc[1] = (char)c;
			json_raw(j, esc, 2);
		} else {
			json_raw(j, esc, 6);
		}
		run = s + 1;
	}
	json_raw(j, run, (size_t)(s - run));
	json_raw(j, "\",", 2);
}

void
json_close(struct json *j, char c, int more)
{
	if (j->failed)
		return;
	if (j->len > 0 && j->p[j->len - 1] == ',')
		j->p[j->len - 1] = c;
	else
		json_raw(j, &c, 1);
	if (more)
		json_raw(j, ",", 1);
}

int
json_failed(const struct json *j)
{
	return j->failed;
}
