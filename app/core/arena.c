/* arena.c — per-request bump allocator (see arena.h). The first chunk is kept
 * across resets so a steady-state request allocates nothing from malloc: it
 * is sized so that a page's row buffers fit (a profile holds about 90 KB),
 * since a chunk more is a malloc and free, and often a brk, per request. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK (256 * 1024)
#define ARENA_ALIGN 16

struct arena_chunk {
	struct arena_chunk *next;
	size_t              size; /* usable bytes in data[] */
	size_t              off;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena_cleanup {
	struct arena_cleanup *next;
	void (*fn)(void *);
	void *arg;
};

void
arena_init(struct arena *a, size_t limit)
{
	memset(a, 0, sizeof(*a));
	a->limit = limit;
}

static struct arena_chunk *
chunk_new(size_t need)
{
	size_t size = need > ARENA_CHUNK ? need : ARENA_CHUNK;
	struct arena_chunk *c;

	if (size > SIZE_MAX - sizeof(*c))
		return NULL;
	c = malloc(sizeof(*c) + size);
	if (c == NULL)
		return NULL;
	c->next = NULL;
	c->size = size;
	c->off = 0;
	return c;
}

void *
arena_alloc_raw(struct arena *a, size_t n)
{
	struct arena_chunk *c = a->head;
	size_t rounded;
	void *p;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ARENA_ALIGN)
		return NULL;
	rounded = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (a->limit != 0 && (rounded > a->limit || a->used > a->limit - rounded))
		return NULL;
	if (c == NULL || c->size - c->off < rounded) {
		struct arena_chunk *nc = chunk_new(rounded);
		if (nc == NULL)
			return NULL;
		nc->next = c;
		a->head = nc;
		c = nc;
	}
	p = c->data + c->off;
	c->off += rounded;
	a->used += rounded;
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void *p = arena_alloc_raw(a, n);

	if (p != NULL)
		memset(p, 0, n ? n : 1);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc_raw(a, n + 1);

	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = arena_alloc_raw(a, (size_t)n + 1);
	if (p == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

int
arena_on_reset(struct arena *a, void (*fn)(void *), void *arg)
{
	struct arena_cleanup *cl = arena_alloc(a, sizeof(*cl));

	if (cl == NULL)
		return -1;
	cl->fn = fn;
	cl->arg = arg;
	cl->next = a->cleanups;
	a->cleanups = cl;
	return 0;
}

void
arena_reset(struct arena *a)
{
	struct arena_cleanup *cl;
	struct arena_chunk *c, *next;

	for (cl = a->cleanups; cl != NULL; cl = cl->next)
		cl->fn(cl->arg);
	a->cleanups = NULL;
	if (a->head == NULL)
		return;
	/* Keep the oldest chunk (the tail) when it is the standard size. */
	for (c = a->head; c->next != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = c;
	if (c->size != ARENA_CHUNK) {
		free(c);
		a->head = NULL;
	} else
		c->off = 0;
	a->used = 0;
}

void
arena_free(struct arena *a)
{
	arena_reset(a);
	free(a->head);
	a->head = NULL;
}
