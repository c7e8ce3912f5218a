/* grams.c — n-grams for the name index (see grams.h). */
#include "grams.h"

#include <string.h>

size_t
utf8_count(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Length of the UTF-8 character at s (1..4), bounded by len. */
static size_t
char_len(const unsigned char *s, size_t len)
{
	size_t n = *s < 0x80 ? 1 : *s < 0xE0 ? 2 : *s < 0xF0 ? 3 : 4;

	return n > len ? len : n;
}

static int
add(struct gram *out, int n, int max, const unsigned char *p, size_t blen)
{
	struct gram g;
	size_t i;
	int k;

	if (n >= max || blen > GRAM_MAX_BYTES)
		return n;
	for (i = 0; i < blen; i++)
		g.s[i] = (char)p[i];
	g.s[blen] = '\0';
	/* Spaces never start or end a gram: CHAR columns drop trailing ones. */
	if (g.s[0] == ' ' || g.s[blen - 1] == ' ')
		return n;
	for (k = 0; k < n; k++)
		if (strcmp(out[k].s, g.s) == 0)
			return n;
	out[n] = g;
	return n + 1;
}

int
grams_of(const char *name, size_t len, int uni, struct gram *out, int max)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t i = 0;
	int n = 0;

	while (i < len) {
		size_t a = char_len(s + i, len - i);
		if (uni)
			n = add(out, n, max, s + i, a);
		if (i + a < len) {
			size_t b = char_len(s + i + a, len - i - a);
			n = add(out, n, max, s + i, a + b);
		}
		i += a;
	}
	return n;
}
