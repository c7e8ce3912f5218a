/* test_arena.c — the per-request allocator: zeroed and raw allocations,
 * alignment, allocations larger than a chunk, the byte limit, and a reset
 * that keeps the first chunk so the next request of the same size reuses
 * the same memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"

static void
test_zeroed_and_raw(void **state)
{
	struct arena a;
	unsigned char *p, *q;
	size_t i;

	(void)state;
	arena_init(&a, 0);
	/* Dirty the chunk, reset, and allocate the same bytes again. */
	p = arena_alloc_raw(&a, 4096);
	assert_non_null(p);
	memset(p, 0xAB, 4096);
	arena_reset(&a);
	q = arena_alloc(&a, 4096);
	assert_ptr_equal(p, q);   /* the first chunk is reused */
	for (i = 0; i < 4096; i++)
		assert_int_equal(q[i], 0);
	arena_reset(&a);
	memset(arena_alloc_raw(&a, 4096), 0xCD, 4096);
	arena_reset(&a);
	q = arena_alloc_raw(&a, 16);
	assert_ptr_equal(p, q);
	assert_int_equal(((uintptr_t)arena_alloc_raw(&a, 3)) % 16, 0);
	assert_int_equal(((uintptr_t)arena_alloc(&a, 0)) % 16, 0);
	arena_free(&a);
}

static void
test_large_and_reuse(void **state)
{
	struct arena a;
	char *big, *first, *again;

	(void)state;
	arena_init(&a, 0);
	/* A profile's row buffers (about 90 KB) fit the first chunk: the next
	 * request gets the same memory, nothing is allocated anew. */
	first = arena_alloc_raw(&a, 60 * 1024);
	assert_non_null(arena_alloc_raw(&a, 30 * 1024));
	arena_reset(&a);
	again = arena_alloc_raw(&a, 60 * 1024);
	assert_ptr_equal(first, again);
	/* Larger than a chunk: its own block, freed at the reset. */
	big = arena_alloc(&a, 1024 * 1024);
	assert_non_null(big);
	assert_int_equal(big[0], 0);
	assert_int_equal(big[1024 * 1024 - 1], 0);
	big[1024 * 1024 - 1] = 'x';
	arena_reset(&a);
	assert_ptr_equal(arena_alloc_raw(&a, 8), first);
	arena_free(&a);
}

static void
test_limit_and_strings(void **state)
{
	struct arena a;
	char *s;

	(void)state;
	arena_init(&a, 1000);
	assert_non_null(arena_alloc(&a, 900));
	assert_null(arena_alloc_raw(&a, 200));    /* past the limit */
	assert_null(arena_alloc(&a, SIZE_MAX));
	arena_reset(&a);
	s = arena_strndup(&a, "苏州abc", 6);
	assert_string_equal(s, "苏州");
	s = arena_printf(&a, "%s-%d", "x", 42);
	assert_string_equal(s, "x-42");
	s = arena_strdup(&a, "");
	assert_string_equal(s, "");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zeroed_and_raw),
		cmocka_unit_test(test_large_and_reuse),
		cmocka_unit_test(test_limit_and_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
