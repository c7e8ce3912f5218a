/* fuzz_cert.c — libFuzzer harness for app/rules/ratings.c: certificate
 * numbers as visitors type them (/cert), the Art. 27 measures list of a
 * rating upload, and the default validity end. A parsed number must
 * rebuild to the same 15 digits; a parsed measures list must format and
 * parse back to the same mask; a refused list points inside the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/ratings.h"
#include "rules/window.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char digits[CERT_LEN + 1], built[CERT_LEN + 1], fmt[256], to[11];
	const char *bad;
	struct cert c, c2;
	struct ymd y;
	unsigned mask, mask2;
	size_t i, n = 0;
	char *s;

	/* The app's inputs are C strings: stop at the first NUL. */
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	if (cert_parse(s, &c) == 0) {
		for (i = 0; s[i] != '\0'; i++) {
			if (s[i] >= '0' && s[i] <= '9') {
				if (n == CERT_LEN)
					abort();
				digits[n++] = s[i];
			} else if (s[i] != ' ' && s[i] != '-' && s[i] != '\t')
				abort();
		}
		digits[n] = '\0';
		if (n != CERT_LEN || c.serial < 1 || c.serial > 99999 ||
		    c.assoc_no < 0 || c.assoc_no > 999 || strlen(c.grade) != 3)
			abort();
		if (cert_build(&c, built) != 0 || strcmp(built, digits) != 0)
			abort();
		if (cert_parse(built, &c2) != 0 || memcmp(&c, &c2, sizeof(c)) != 0)
			abort();
	}

	if (measures_parse(s, &mask, &bad) == 0) {
		if (bad != NULL || mask >= (1u << RM_MAX))
			abort();
		measures_format(mask, fmt, sizeof(fmt));
		if (measures_parse(fmt, &mask2, &bad) != 0 || mask2 != mask)
			abort();
	} else if (bad == NULL || bad < s || bad >= s + size || *bad == '\0')
		abort();

	if (validity_default_to(s, to) == 0) {
		if (strlen(to) != 10 || ymd_parse(to, &y) != 0 || !ymd_valid(&y) ||
		    strcmp(to, s) <= 0)
			abort();
	}
	free(s);
	return 0;
}
