/* route.c — matching and dispatch through the declared route table. */
#include "route.h"

#include <string.h>

#include "form.h"
#include "session.h"

static int
seg_is(const char *pat, size_t plen, const char *name)
{
	return plen == strlen(name) && memcmp(pat, name, plen) == 0;
}

/* Checks one path segment against a typed parameter; stores it in slot. */
static int
match_param(struct req *r, const char *type, size_t tlen, const char *seg,
    size_t slen, int slot)
{
	size_t i;

	if (slot >= REQ_MAX_PATHARGS || slen == 0)
		return 0;
	if (seg_is(type, tlen, "id")) {
		long long v = 0;
		if (slen > 15 || seg[0] == '0')
			return 0;
		for (i = 0; i < slen; i++) {
			if (seg[i] < '0' || seg[i] > '9')
				return 0;
			v = v * 10 + (seg[i] - '0');
		}
		r->pathids[slot] = v;
		r->pathargs[slot] = arena_strndup(&r->arena, seg, slen);
		return r->pathargs[slot] != NULL;
	}
	if (seg_is(type, tlen, "uscc")) {
		char *u;
		if (slen != 18)
			return 0;
		u = arena_strndup(&r->arena, seg, slen);
		if (u == NULL)
			return 0;
		for (i = 0; i < slen; i++) {
			char c = u[i];
			if (c >= 'a' && c <= 'z')
				u[i] = (char)(c - 'a' + 'A');
			else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
				return 0;
		}
		r->pathargs[slot] = u;
		r->pathids[slot] = 0;
		return 1;
	}
	if (seg_is(type, tlen, "key")) {
		if (slen > 64)
			return 0;
		for (i = 0; i < slen; i++) {
			char c = seg[i];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '_' || c == '-'))
				return 0;
		}
		r->pathargs[slot] = arena_strndup(&r->arena, seg, slen);
		r->pathids[slot] = 0;
		return r->pathargs[slot] != NULL;
	}
	return 0;
}

int
route_path_match(const char *pat, const char *path, struct req *r)
{
	int slot = 0;

	if (*pat != '/' || *path != '/')
		return 0;
	while (*pat == '/' && *path == '/') {
		const char *pe, *se;
		size_t plen, slen;

		pat++;
		path++;
		pe = strchr(pat, '/');
		se = strchr(path, '/');
		plen = pe ? (size_t)(pe - pat) : strlen(pat);
		slen = se ? (size_t)(se - path) : strlen(path);
		if (plen > 2 && pat[0] == '{' && pat[plen - 1] == '}') {
			if (!match_param(r, pat + 1, plen - 2, path, slen, slot++))
				return 0;
		} else if (plen != slen || memcmp(pat, path, plen) != 0)
			return 0;
		pat += plen;
		path += slen;
	}
	return *pat == '\0' && *path == '\0';
}

int
route_match(const struct route *tbl, size_t n, struct req *r,
    const struct route **out)
{
	enum http_method m = r->method == HTTP_HEAD ? HTTP_GET : r->method;
	size_t i;

	r->allow_mask = 0;
	*out = NULL;
	for (i = 0; i < n; i++) {
		if (!route_path_match(tbl[i].pattern, r->path, r))
			continue;
		if (tbl[i].method == m) {
			/* Match again so the arguments are this route's. */
			route_path_match(tbl[i].pattern, r->path, r);
			*out = &tbl[i];
			return 0;
		}
		r->allow_mask |= 1 << tbl[i].method;
	}
	if (r->allow_mask & (1 << HTTP_GET))
		r->allow_mask |= 1 << HTTP_HEAD;
	return r->allow_mask ? 405 : 404;
}

int
route_dispatch(const struct route *tbl, size_t n, struct req *r)
{
	const struct route *rt;
	int rc;

	rc = route_match(tbl, n, r, &rt);
	if (rc == 404)
		return req_error(r, 404, "Err.notfound");
	if (rc == 405)
		return req_error(r, 405, "Err.method");
	r->route = rt;
	if (!(rt->roles & ROLE_BIT(r->user.role))) {
		if (r->user.role == ROLE_ANON) {
			/* Back to this page after login; only GETs are worth returning to. */
			const char *next = r->method == HTTP_POST ? "/" : r->path;
			const char *enc = req_urlencode(r, next);
			const char *loc = enc ? arena_printf(&r->arena, "/login?next=%s", enc) : NULL;
			return req_redirect(r, loc != NULL ? loc : "/login");
		}
		return req_error(r, 403, "Err.forbidden");
	}
	if (rt->csrf && !csrf_check(r))
		return req_error(r, 403, "Err.csrf");
	rc = form_validate(r, rt->form, rt->method == HTTP_POST ? &r->body : &r->query);
	if (rc != 0)
		return req_error(r, rc, rc == 400 ? "Err.duplicate" : "Err.internal");
	r->status = 200;
	return rt->fn(r);
}
