/* fuzz_uscc.c — libFuzzer harness for app/rules/uscc.c: any bytes are
 * normalised; a code that is accepted must be 18 characters of the code's
 * alphabet with the right check character, and normalising it again must
 * give itself (normalisation is idempotent). A refusal must name a position
 * inside the input. Built by `make fuzz` (and replayed by `make test`). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/uscc.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fz_alpha(char c)
{
	return (c >= '0' && c <= '9') ||
	    (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'S' &&
	    c != 'V' && c != 'Z');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char out[USCC_LEN + 1], again[USCC_LEN + 1], want;
	char *s;
	int rc, pos, i;

	/* An exact-size heap copy, so ASan sees any read past size. */
	if ((s = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	memset(out, 0x55, sizeof(out));
	rc = uscc_normalize(s, size, out, &pos, &want);
	if (rc < USCC_OK || rc >= USCC_ERR_MAX || uscc_errkey(rc) == NULL)
		abort();
	if (pos < 0 || (size_t)pos > size)
		abort();
	switch (rc) {
	case USCC_OK:
		if (out[USCC_LEN] != '\0' || strlen(out) != USCC_LEN || pos != 0 ||
		    want != 0)
			abort();
		for (i = 0; i < USCC_LEN; i++)
			if (!fz_alpha(out[i]))
				abort();
		if (uscc_check_char(out) != out[17])
			abort();
		if (uscc_normalize(out, USCC_LEN, again, &pos, &want) != USCC_OK ||
		    memcmp(out, again, sizeof(out)) != 0)
			abort();
		break;
	case USCC_CHAR:
		if (pos < 1)
			abort();
		break;
	case USCC_CHECK:
		/* The first 17 are valid: the right check character exists
		 * and is not the one given. */
		if (pos != 18 || want == 0 || !fz_alpha(want) || want == out[17])
			abort();
		break;
	default:
		break;
	}
	free(s);
	return 0;
}
