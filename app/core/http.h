/* http.h — one FastCGI request from accept to response: read and check the
 * parameters and body, load the session, dispatch, render, write, log. */
#ifndef CORE_HTTP_H
#define CORE_HTTP_H

#include "req.h"
#include "route.h"

/* Limits for query strings, cookies and bodies, shared with tests. */
extern const struct parse_limits http_query_limits;
extern const struct parse_limits http_cookie_limits;

void http_req_init(struct req *);
/* Serves one accepted FastCGI request (fcgi is an FCGX_Request *). */
void http_serve(struct req *, void *fcgi, const struct route *tbl, size_t n);
void http_req_free(struct req *);

#endif
