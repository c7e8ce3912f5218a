/* uscc.c — USCC normalisation and check character (see uscc.h). */
#include "uscc.h"

#include <string.h>

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

static int
value_of(char c)
{
	const char *p;

	if (c == '\0')
		return -1;
	p = strchr(alphabet, c);
	return p != NULL ? (int)(p - alphabet) : -1;
}

char
uscc_check_char(const char *s)
{
	int i, sum = 0;

	for (i = 0; i < 17; i++) {
		int v = value_of(s[i]);
		if (v < 0)
			return 0;
		sum += v * weights[i];
	}
	return alphabet[(31 - sum % 31) % 31];
}

int
uscc_normalize(const char *src, size_t len, char out[USCC_LEN + 1], int *pos, char *want)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0;
	int n = 0;
	char c;

	*pos = 0;
	*want = 0;
	out[0] = '\0';
	while (i < len) {
		unsigned char b = s[i];
		/* Full-width forms U+FF10-FF19, U+FF21-FF3A, U+FF41-FF5A are
		 * EF BC 90-99, EF BC A1-BA, EF BD 81-9A; U+3000 is E3 80 80. */
		if (b == ' ' || b == '\t') {
			i++;
			c = ' ';
		} else if (b == 0xE3 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
			i += 3;
			c = ' ';
		} else if (b == 0xEF && i + 2 < len && s[i + 1] == 0xBC &&
		    s[i + 2] >= 0x90 && s[i + 2] <= 0x99) {
			c = (char)('0' + (s[i + 2] - 0x90));
			i += 3;
		} else if (b == 0xEF && i + 2 < len && s[i + 1] == 0xBC &&
		    s[i + 2] >= 0xA1 && s[i + 2] <= 0xBA) {
			c = (char)('A' + (s[i + 2] - 0xA1));
			i += 3;
		} else if (b == 0xEF && i + 2 < len && s[i + 1] == 0xBD &&
		    s[i + 2] >= 0x81 && s[i + 2] <= 0x9A) {
			c = (char)('A' + (s[i + 2] - 0x81));
			i += 3;
		} else if (b >= 'a' && b <= 'z') {
			c = (char)(b - 'a' + 'A');
			i++;
		} else {
			c = (char)b;
			/* Skip a whole UTF-8 sequence so positions count characters. */
			i++;
			while (i < len && (s[i] & 0xC0) == 0x80)
				i++;
		}
		if (c == ' ') {
			/* Spaces only at either end. */
			if (n == 0)
				continue;
			while (i < len) {
				if (s[i] == ' ' || s[i] == '\t')
					i++;
				else if (s[i] == 0xE3 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x80)
					i += 3;
				else {
					out[n] = '\0';
					*pos = n + 1;
					return USCC_CHAR;
				}
			}
			break;
		}
		if (n >= USCC_LEN) {
			out[n] = '\0';
			return USCC_LENGTH;
		}
		if (value_of(c) < 0) {
			out[n] = '\0';
			*pos = n + 1;
			return USCC_CHAR;
		}
		out[n++] = c;
	}
	out[n] = '\0';
	if (n == 0)
		return USCC_EMPTY;
	if (n != USCC_LEN)
		return USCC_LENGTH;
	*want = uscc_check_char(out);
	if (*want != out[17]) {
		*pos = 18;
		return USCC_CHECK;
	}
	*want = 0;
	return USCC_OK;
}

const char *
uscc_errkey(int err)
{
	switch (err) {
	case USCC_OK:     return "Uscc.ok";
	case USCC_EMPTY:  return "Err.uscc.empty";
	case USCC_LENGTH: return "Err.uscc.length";
	case USCC_CHAR:   return "Err.uscc.char";
	case USCC_CHECK:  return "Err.uscc.check";
	default:          return "Err.uscc.length";
	}
}
