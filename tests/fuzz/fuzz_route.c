/* fuzz_route.c — libFuzzer harness for app/core/route.c: the input is a
 * request path (the first byte picks the method) matched against a small
 * table shaped like app/routes.c. Every match must be explained by its
 * pattern: the typed arguments obey their types and, put back into the
 * pattern, give the path again (upper-casing a USCC aside); route_match
 * answers only 0, 404 or 405 and agrees with route_path_match. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "route.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int fz_h(struct req *r) { (void)r; return 200; }

static const struct route fz_tbl[] = {
	{ HTTP_GET,  "/",                          fz_h, ROLES_ALL, 0, NULL },
	{ HTTP_GET,  "/login",                     fz_h, ROLES_ALL, 0, NULL },
	{ HTTP_POST, "/login",                     fz_h, ROLES_ALL, 1, NULL },
	{ HTTP_GET,  "/entity/{uscc}",             fz_h, ROLES_ALL, 0, NULL },
	{ HTTP_GET,  "/records/{id}",              fz_h, ROLES_USERS, 0, NULL },
	{ HTTP_POST, "/records/{id}/repair",       fz_h, ROLES_USERS, 1, NULL },
	{ HTTP_GET,  "/files/{key}",               fz_h, ROLES_USERS, 0, NULL },
	{ HTTP_GET,  "/assoc/members/{id}/{uscc}", fz_h, ROLES_USERS, 0, NULL },
	{ HTTP_GET,  "/{key}/{id}/{key}/{id}",     fz_h, ROLES_USERS, 0, NULL },
};
#define FZ_N (sizeof(fz_tbl) / sizeof(fz_tbl[0]))

static struct req fz_r;
static int        fz_ready;

static void
fz_cleanup(void)
{
	arena_free(&fz_r.arena);
}

/* Rebuilds the path from pattern and the arguments route_path_match set. */
static void
fz_rebuild(const char *pat, const struct req *r, const char *path)
{
	char buf[4096];
	size_t o = 0, n;
	int slot = 0;
	const char *a;

	while (*pat != '\0') {
		if (*pat == '{') {
			const char *e = strchr(pat, '}');
			if (e == NULL || slot >= REQ_MAX_PATHARGS)
				abort();
			a = r->pathargs[slot];
			if (a == NULL || *a == '\0')
				abort();
			n = strlen(a);
			if (strncmp(pat, "{id}", 4) == 0) {
				if (n > 15 || a[0] == '0' || r->pathids[slot] <= 0 ||
				    strspn(a, "0123456789") != n)
					abort();
			} else if (strncmp(pat, "{uscc}", 6) == 0) {
				if (n != 18 || strspn(a, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") != n)
					abort();
			} else if (n > 64 || strspn(a, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != n)
				abort();
			if (o + n >= sizeof(buf))
				abort();
			memcpy(buf + o, a, n);
			o += n;
			slot++;
			pat = e + 1;
		} else {
			if (o + 1 >= sizeof(buf))
				abort();
			buf[o++] = *pat++;
		}
	}
	buf[o] = '\0';
	if (strcasecmp(buf, path) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum http_method methods[] = { HTTP_GET, HTTP_HEAD, HTTP_POST, HTTP_OTHER };
	const struct route *rt;
	char *path;
	size_t i;
	int rc, any = 0, matched;

	if (size < 1 || size > 2048)
		return 0;
	if (!fz_ready) {
		arena_init(&fz_r.arena, 1 << 20);
		atexit(fz_cleanup);
		fz_ready = 1;
	}
	/* The app's paths are C strings: stop at the first NUL. */
	if ((path = malloc(size)) == NULL)
		return 0;
	memcpy(path, data + 1, size - 1);
	path[size - 1] = '\0';

	for (i = 0; i < FZ_N; i++) {
		memset(fz_r.pathargs, 0, sizeof(fz_r.pathargs));
		memset(fz_r.pathids, 0, sizeof(fz_r.pathids));
		matched = route_path_match(fz_tbl[i].pattern, path, &fz_r);
		if (matched != 0 && matched != 1)
			abort();
		if (matched) {
			fz_rebuild(fz_tbl[i].pattern, &fz_r, path);
			any = 1;
		}
		arena_reset(&fz_r.arena);
	}
	fz_r.method = methods[data[0] & 3];
	fz_r.path = path;
	rc = route_match(fz_tbl, FZ_N, &fz_r, &rt);
	if (rc == 0) {
		if (rt == NULL || !any)
			abort();
		fz_rebuild(rt->pattern, &fz_r, path);
	} else if (rc == 405) {
		if (rt != NULL || !any || fz_r.allow_mask == 0)
			abort();
	} else if (rc != 404 || rt != NULL || any)
		abort();
	arena_reset(&fz_r.arena);
	free(path);
	return 0;
}
