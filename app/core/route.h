/* route.h — the declared surface of the application: one table of routes,
 * each with its method, path pattern, handler, allowed roles, CSRF flag and
 * form. Core dispatches through the table it is handed (app/routes.c) and
 * never names a page. */
#ifndef CORE_ROUTE_H
#define CORE_ROUTE_H

#include <stddef.h>

#include "req.h"

struct form;

typedef int (*route_fn)(struct req *);

/* Path patterns are literal segments and typed parameters:
 *   {id}    1..15 decimal digits, no leading zero   -> pathids[i]
 *   {uscc}  18 of [0-9A-Za-z], upper-cased            -> pathargs[i]
 *   {key}   1..64 of [A-Za-z0-9_-]                    -> pathargs[i]   */
struct route {
	enum http_method   method;
	const char        *pattern;
	route_fn           fn;
	unsigned           roles;   /* ROLE_BIT()s allowed */
	int                csrf;    /* check the CSRF token (all POSTs) */
	const struct form *form;    /* fields accepted (query for GET, body for POST) */
};

extern const struct route app_routes[];
extern const size_t app_nroutes;

/* Finds the route for r->method and r->path. Returns 0 and sets *out and
 * r->pathargs/pathids; 404 when no pattern matches; 405 (with r->allow_mask)
 * when patterns match but not the method. */
int route_match(const struct route *tbl, size_t n, struct req *r,
    const struct route **out);
/* 1 if path matches pattern (and fills args); exposed for tests. */
int route_path_match(const char *pattern, const char *path, struct req *r);
/* The full pipeline after session lookup: match, roles, CSRF, form, handler.
 * Returns the HTTP status the handler or a check decided. */
int route_dispatch(const struct route *tbl, size_t n, struct req *r);

#endif
