/* test_uscc.c — USCC check character and normalisation, with the test
 * vectors from the issue and every kind of invalid code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/uscc.h"

static int
norm(const char *in, char *out, int *pos, char *want)
{
	return uscc_normalize(in, strlen(in), out, pos, want);
}

static void
test_vectors(void **state)
{
	char out[19], want;
	int pos;

	(void)state;
	assert_int_equal(norm("914403001922038216", out, &pos, &want), USCC_OK);
	assert_string_equal(out, "914403001922038216");
	assert_int_equal(norm("91350100M000100Y43", out, &pos, &want), USCC_OK);
	assert_int_equal(norm("91110108717809965C", out, &pos, &want), USCC_CHECK);
	assert_int_equal(pos, 18);
	assert_int_equal(want, 'J');
	/* An early Xiamen pilot code that fails its check character. */
	assert_int_equal(norm("91350211M0000XUF46", out, &pos, &want), USCC_CHECK);
	assert_int_equal(uscc_check_char("91440300192203821"), '6');
}

static void
test_check_zero(void **state)
{
	char code[19] = "91320506AY4CL12TH";
	int i, found = 0;

	(void)state;
	/* A sum divisible by 31 gives check "0" (31 -> 0), never "31". */
	for (i = 0; i < 31 && !found; i++) {
		code[16] = "0123456789ABCDEFGHJKLMNPQRTUWXY"[i];
		if (uscc_check_char(code) == '0')
			found = 1;
	}
	assert_true(found);
}

static void
test_normalisation(void **state)
{
	char out[19], want;
	int pos;

	(void)state;
	assert_int_equal(norm("  91350100m000100y43 ", out, &pos, &want), USCC_OK);
	assert_string_equal(out, "91350100M000100Y43");
	/* Full-width digits and letters, ideographic spaces. */
	assert_int_equal(norm("\xe3\x80\x80\xef\xbc\x99\xef\xbc\x91" "350100\xef\xbd\x8d" "000100Y43", out, &pos, &want), USCC_OK);
	assert_string_equal(out, "91350100M000100Y43");
}

static void
test_errors(void **state)
{
	char out[19], want;
	int pos;

	(void)state;
	assert_int_equal(norm("", out, &pos, &want), USCC_EMPTY);
	assert_int_equal(norm("   ", out, &pos, &want), USCC_EMPTY);
	assert_int_equal(norm("9135010", out, &pos, &want), USCC_LENGTH);
	assert_int_equal(norm("91350100M000100Y433", out, &pos, &want), USCC_LENGTH);
	/* I, O, S, V, Z are not in the alphabet. */
	assert_int_equal(norm("91350100I000100Y43", out, &pos, &want), USCC_CHAR);
	assert_int_equal(pos, 9);
	assert_int_equal(norm("9135010OM000100Y43", out, &pos, &want), USCC_CHAR);
	assert_int_equal(pos, 8);
	assert_int_equal(norm("91350100M000100Y4Z", out, &pos, &want), USCC_CHAR);
	assert_int_equal(norm("9135 0100M000100Y43", out, &pos, &want), USCC_CHAR);
	assert_int_equal(norm("91350100M00010苏Y43", out, &pos, &want), USCC_CHAR);
	assert_int_equal(pos, 15);
	assert_int_equal(norm("91350100M000100Y4-", out, &pos, &want), USCC_CHAR);
	assert_string_equal(uscc_errkey(USCC_CHECK), "Err.uscc.check");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_check_zero),
		cmocka_unit_test(test_normalisation),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
