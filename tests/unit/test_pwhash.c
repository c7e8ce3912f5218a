/* test_pwhash.c — Argon2id hashing, verification, rehash detection, and the
 * dummy hash used for unknown accounts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/pwhash.h"

static int
setup(void **state)
{
	(void)state;
	if (sodium_init() < 0)
		return -1;
	return pwhash_init(1);
}

static void
test_hash_and_verify(void **state)
{
	char h[crypto_pwhash_STRBYTES];
	const char pw[] = "苏州 correct horse battery staple";

	(void)state;
	assert_int_equal(pwhash_hash(pw, strlen(pw), h), 0);
	assert_memory_equal(h, "$argon2id$", 10);
	assert_non_null(strstr(h, "m=65536,t=3"));
	assert_int_equal(pwhash_verify(h, pw, strlen(pw)), 1);
	assert_int_equal(pwhash_verify(h, pw, strlen(pw) - 1), 0);
	assert_int_equal(pwhash_verify(h, "wrong", 5), 0);
	assert_false(pwhash_needs_rehash(h));
}

static void
test_rehash_when_parameters_change(void **state)
{
	char weak[crypto_pwhash_STRBYTES];

	(void)state;
	assert_int_equal(crypto_pwhash_str(weak, "password1", 9, 2, 32UL * 1024 * 1024), 0);
	assert_int_equal(pwhash_verify(weak, "password1", 9), 1);
	assert_true(pwhash_needs_rehash(weak));
}

static void
test_unknown_account_never_verifies(void **state)
{
	(void)state;
	/* The dummy hash is checked (same cost) but never accepted, even for
	 * the dummy's own password. */
	assert_int_equal(pwhash_verify(NULL, "dummy password for unknown accounts", 35), 0);
	assert_int_equal(pwhash_verify(NULL, "", 0), 0);
	assert_int_equal(pwhash_verify("not a hash", "x", 1), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_and_verify),
		cmocka_unit_test(test_rehash_when_parameters_change),
		cmocka_unit_test(test_unknown_account_never_verifies),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
