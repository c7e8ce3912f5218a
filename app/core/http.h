/* http.h — one FastCGI request from accept to response: read and check the
 * parameters and body, load the session, dispatch, render, write, log. */
#ifndef CORE_HTTP_H
#define CORE_HTTP_H

#include "req.h"
#include "route.h"

/* Limits for query strings, cookies and bodies, shared with tests. */
extern const struct parse_limits http_query_limits;
extern const struct parse_limits http_cookie_limits;

/* Adds what the layout shows on every page of this request (the staff
 * navigation's counts): called before any template is rendered, except on
 * a 5xx page. Set once at start-up (main.c), before the workers fork; core
 * names no page. */
typedef void (*http_layout_fn)(struct req *);
void http_set_layout_hook(http_layout_fn);

void http_req_init(struct req *);
/* Serves one accepted FastCGI request (fcgi is an FCGX_Request *). */
void http_serve(struct req *, void *fcgi, const struct route *tbl, size_t n);
/* Ends the request served last (fcgi as above): its response is flushed
 * and the connection closed. */
void http_finish(void *fcgi);
void http_req_free(struct req *);

#endif
