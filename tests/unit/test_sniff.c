/* test_sniff.c — proof documents by content: the three accepted types, empty
 * and oversized files, other types, polyglots and renamed files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rules/sniff.h"

static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
static const unsigned char jpg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0 };

#define U(s) ((const unsigned char *)(s))

static void
test_accepts(void **state)
{
	const char *why;

	(void)state;
	assert_int_equal(sniff_file(U(pdf), sizeof(pdf) - 1, "proof.pdf", &why), SNIFF_PDF);
	assert_null(why);
	assert_int_equal(sniff_file(U(pdf), sizeof(pdf) - 1, NULL, &why), SNIFF_PDF);
	assert_int_equal(sniff_file(png, sizeof(png), "scan.PNG", &why), SNIFF_PNG);
	assert_int_equal(sniff_file(jpg, sizeof(jpg), "receipt.jpeg", &why), SNIFF_JPEG);
	assert_int_equal(sniff_file(jpg, sizeof(jpg), "receipt.JPG", &why), SNIFF_JPEG);
	/* A name without a known extension is display text only. */
	assert_int_equal(sniff_file(jpg, sizeof(jpg), "收据", &why), SNIFF_JPEG);
	assert_string_equal(sniff_names[SNIFF_PDF], "pdf");
	assert_string_equal(sniff_mime[SNIFF_JPEG], "image/jpeg");
}

static void
test_refuses(void **state)
{
	const char *why;
	unsigned char buf[64];
	char trunc[] = "%PDF-1.4\n1 0 obj<<>>endobj\n";

	(void)state;
	assert_int_equal(sniff_file(U(""), 0, "a.pdf", &why), SNIFF_NONE);
	assert_string_equal(why, "Upload.err.empty");
	assert_int_equal(sniff_file(U("hello"), 5, "a.txt", &why), SNIFF_NONE);
	assert_string_equal(why, "Upload.err.type");
	/* A PDF without its end marker (truncated upload) is refused. */
	assert_int_equal(sniff_file(U(trunc), strlen(trunc), "a.pdf", &why), SNIFF_NONE);
	assert_string_equal(why, "Upload.err.type");
	/* "%PDF-" not at offset 0. */
	assert_int_equal(sniff_file(U(" %PDF-1.4 %%EOF"), 15, "a.pdf", &why), SNIFF_NONE);
	assert_string_equal(why, "Upload.err.type");
	/* Renamed: a PNG called .pdf, a PDF called .jpg. */
	assert_int_equal(sniff_file(png, sizeof(png), "proof.pdf", &why), SNIFF_NONE);
	assert_string_equal(why, "Upload.err.mismatch");
	assert_int_equal(sniff_file(U(pdf), sizeof(pdf) - 1, "x.jpg", &why), SNIFF_NONE);
	assert_string_equal(why, "Upload.err.mismatch");
	/* Polyglots: a JPEG with a PDF header inside its first KiB, a PDF
	 * carrying a PNG signature. */
	memcpy(buf, jpg, sizeof(jpg));
	memcpy(buf + sizeof(jpg), "%PDF-1.4 %%EOF", 14);
	assert_int_equal(sniff_file(buf, sizeof(jpg) + 14, "a.jpg", &why), SNIFF_NONE);
	assert_string_equal(why, "Upload.err.polyglot");
	memcpy(buf, "%PDF-1.4\n", 9);
	memcpy(buf + 9, png, sizeof(png));
	memcpy(buf + 9 + sizeof(png), "\n%%EOF\n", 7);
	assert_int_equal(sniff_file(buf, 9 + sizeof(png) + 7, "a.pdf", &why), SNIFF_NONE);
	assert_string_equal(why, "Upload.err.polyglot");
	/* Short buffers never read past their end. */
	assert_int_equal(sniff_file(U("%PD"), 3, NULL, &why), SNIFF_NONE);
	assert_int_equal(sniff_file(png, 7, NULL, &why), SNIFF_NONE);
	assert_int_equal(sniff_file(jpg, 2, NULL, &why), SNIFF_NONE);
}

static void
test_size(void **state)
{
	const char *why;
	size_t n = SNIFF_MAX_BYTES + 1;
	unsigned char *big = calloc(1, n);

	(void)state;
	assert_non_null(big);
	memcpy(big, jpg, sizeof(jpg));
	assert_int_equal(sniff_file(big, n, "a.jpg", &why), SNIFF_NONE);
	assert_string_equal(why, "Upload.err.large");
	assert_int_equal(sniff_file(big, n - 1, "a.jpg", &why), SNIFF_JPEG);
	/* A large PDF: the end marker is looked for in the last KiB only. */
	memcpy(big, "%PDF-1.7\n", 9);
	memset(big + 9, ' ', n - 1 - 9);
	memcpy(big + n - 1 - 7, "%%EOF\r\n", 7);
	assert_int_equal(sniff_file(big, n - 1, "a.pdf", &why), SNIFF_PDF);
	memcpy(big + 100, "%%EOF", 5);
	memset(big + n - 1 - 7, ' ', 7);
	assert_int_equal(sniff_file(big, n - 1, "a.pdf", &why), SNIFF_NONE);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepts),
		cmocka_unit_test(test_refuses),
		cmocka_unit_test(test_size),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
