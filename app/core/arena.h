/* arena.h — per-request bump allocator.
 * Everything a request allocates comes from its arena and is released in one
 * arena_reset() at the end of the request, so handlers cannot leak. */
#ifndef CORE_ARENA_H
#define CORE_ARENA_H

#include <stddef.h>

struct arena_chunk;
struct arena_cleanup;

struct arena {
	struct arena_chunk   *head;     /* current chunk, newest first */
	struct arena_cleanup *cleanups; /* run by arena_reset, newest first */
	size_t                used;     /* bytes handed out since last reset */
	size_t                limit;    /* 0 = unlimited; else arena_alloc fails past it */
};

void  arena_init(struct arena *a, size_t limit);
/* Returns zeroed memory aligned for any type, or NULL past the limit or on ENOMEM. */
void *arena_alloc(struct arena *a, size_t n);
/* The same, not zeroed: for buffers written whole before they are read
 * (rows copied in by db_collect, string copies). */
void *arena_alloc_raw(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Registers fn(arg) to run at the next reset (e.g. unlink a spooled upload). */
int   arena_on_reset(struct arena *a, void (*fn)(void *), void *arg);
/* Runs cleanups, frees all chunks but the first, and keeps that one for reuse. */
void  arena_reset(struct arena *a);
void  arena_free(struct arena *a);

#endif
