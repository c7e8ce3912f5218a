/* shared.c — change counters shared across a server's processes (shared.h). */
#include "shared.h"

#include <stdatomic.h>
#include <stddef.h>
#include <sys/mman.h>

/* The counters live in memory shared by processes: only lock-free atomics
 * work there (a lock-based fallback would be private to each process). */
_Static_assert(ATOMIC_LONG_LOCK_FREE == 2, "shared counters need lock-free atomics");

static _Atomic unsigned long *counts;

int
shared_init(void)
{
	void *p;

	if (counts != NULL)
		return 0;
	p = mmap(NULL, sizeof(*counts) * SG_MAX, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return -1;
	counts = p;
	return 0;
}

void
shared_bump(enum shared_gen g)
{
	if (counts != NULL && g < SG_MAX)
		atomic_fetch_add_explicit(&counts[g], 1, memory_order_release);
}

unsigned long
shared_count(enum shared_gen g)
{
	if (counts == NULL || g >= SG_MAX)
		return 0;
	return atomic_load_explicit(&counts[g], memory_order_acquire);
}

int
shared_copy_fresh(const struct shared_copy *c, enum shared_gen gen)
{
	time_t now = time(NULL);

	return c->loaded && c->count == shared_count(gen) && now >= c->at &&
	    now - c->at < SHARED_MAX_AGE;
}

void
shared_copy_begin(struct shared_copy *c, enum shared_gen gen)
{
	c->loaded = 0;
	c->count = shared_count(gen);
	c->at = time(NULL);
}

void
shared_copy_done(struct shared_copy *c)
{
	c->loaded = 1;
}
