/* fuzz_sniff.c — libFuzzer harness for app/rules/sniff.c: the first line of
 * the input is the client's file name, the rest the file. An accepted file
 * must really start with its type's signature (a PDF also ends with %%EOF
 * in its last KiB) and not contradict an extension it carries; a refusal
 * always says why. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules/sniff.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fz_has(const unsigned char *b, size_t n, const char *pat, size_t plen)
{
	size_t i;

	for (i = 0; i + plen <= n; i++)
		if (memcmp(b + i, pat, plen) == 0)
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	const char *why = "unset", *dot;
	char *name = NULL;
	unsigned char *buf;
	size_t nlen = 0, blen, tail;
	enum sniff_type t;

	if (nl != NULL) {
		nlen = (size_t)(nl - data);
		if ((name = malloc(nlen + 1)) == NULL)
			return 0;
		memcpy(name, data, nlen);
		name[nlen] = '\0';
		data = nl + 1;
		size -= nlen + 1;
	}
	/* An exact-size heap copy, so ASan sees any read past size. */
	blen = size;
	if ((buf = malloc(blen ? blen : 1)) == NULL) {
		free(name);
		return 0;
	}
	memcpy(buf, data, blen);
	t = sniff_file(blen ? buf : NULL, blen, name, &why);
	if (t < SNIFF_NONE || t >= SNIFF_MAX)
		abort();
	if (t == SNIFF_NONE) {
		if (why == NULL || strncmp(why, "Upload.err.", 11) != 0)
			abort();
	} else {
		if (why != NULL || sniff_names[t] == NULL || sniff_mime[t] == NULL)
			abort();
		switch (t) {
		case SNIFF_PDF:
			tail = blen < 1024 ? blen : 1024;
			if (blen < 5 || memcmp(buf, "%PDF-", 5) != 0 ||
			    !fz_has(buf + blen - tail, tail, "%%EOF", 5))
				abort();
			break;
		case SNIFF_PNG:
			if (blen < 8 || memcmp(buf, "\x89PNG\r\n\x1a\n", 8) != 0 ||
			    fz_has(buf, blen < 1024 ? blen : 1024, "%PDF-", 5))
				abort();
			break;
		case SNIFF_JPEG:
			if (blen < 3 || memcmp(buf, "\xff\xd8\xff", 3) != 0 ||
			    fz_has(buf, blen < 1024 ? blen : 1024, "%PDF-", 5))
				abort();
			break;
		default:
			abort();
		}
		/* A name (its last dot) naming another known type is refused. */
		if (name != NULL && (dot = strrchr(name, '.')) != NULL &&
		    ((strcasecmp(dot, ".pdf") == 0 && t != SNIFF_PDF) ||
		    (strcasecmp(dot, ".png") == 0 && t != SNIFF_PNG) ||
		    (strcasecmp(dot, ".jpg") == 0 && t != SNIFF_JPEG)))
			abort();
	}
	free(buf);
	free(name);
	return 0;
}
