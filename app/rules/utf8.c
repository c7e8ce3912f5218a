/* utf8.c — strict UTF-8 validation (see utf8.h). */
#include "utf8.h"

size_t
utf8_bad(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k, need;
	unsigned char c, lo, hi;

	while (i < len) {
		c = s[i];
		if (c == 0)
			return i;
		if (c < 0x80) {
			i++;
			continue;
		}
		/* The second byte's range rules out overlongs, surrogates and
		 * code points past U+10FFFF. */
		lo = 0x80;
		hi = 0xBF;
		if (c < 0xC2)
			return i;
		else if (c < 0xE0)
			need = 1;
		else if (c < 0xF0) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c < 0xF5) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else
			return i;
		if (len - i - 1 < need || s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (k = 2; k <= need; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
		i += need + 1;
	}
	return len;
}

int
utf8_valid(const char *s, size_t len)
{
	return utf8_bad(s, len) == len;
}
