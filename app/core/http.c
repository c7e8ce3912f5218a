/* http.c — the per-request pipeline over libfcgi (see http.h). Request
 * parsing is ours (parse.c); ClearSilver only renders. */
#include "http.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "session.h"
#include "view.h"

#define HTTP_MAX_PATH 1024

const struct parse_limits http_query_limits = {
	.max_fields = 64, .max_key = 64, .max_value = 4096,
};
const struct parse_limits http_cookie_limits = {
	.max_fields = 32, .max_key = 64, .max_value = 512,
};

const char *const role_names[ROLE_MAX] = {
	"anon", "enterprise", "association", "env_agency", "staff", "admin"
};

static const char *const method_names[HTTP_METHOD_MAX] = { "GET", "HEAD", "POST", "" };

int
role_from_name(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < ROLE_MAX; i++)
		if (strcmp(s, role_names[i]) == 0)
			return i;
	return -1;
}

static const char *
status_text(int st)
{
	switch (st) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	case 507: return "Insufficient Storage";
	default:  return st >= 500 ? "Internal Server Error" : "Status";
	}
}

void
http_req_init(struct req *r)
{
	memset(r, 0, sizeof(*r));
	arena_init(&r->arena, 64UL * 1024 * 1024);
}

/* libfcgi closes a connection by shutting it down and waiting for nginx to
 * close its end (a poll and a read more, and a switch to nginx and back
 * before this worker can accept again), so that input left unread cannot
 * make the kernel reset the connection under the response. When all input
 * has been read (the usual case: a GET, or a body read to its end) there
 * is nothing to reset: the request is detached first, and libfcgi then
 * only closes the socket (floor +16 %, docs/performance.md). A byte still
 * unread means input is pending, and the full close follows. */
void
http_finish(void *fcgi)
{
	FCGX_Request *fr = fcgi;

	if (fr->in != NULL && (FCGX_HasSeenEOF(fr->in) == EOF || FCGX_GetChar(fr->in) == EOF))
		FCGX_Detach(fr);
	FCGX_Finish_r(fr);
}

void
http_req_free(struct req *r)
{
	view_end(r);
	arena_free(&r->arena);
}

static int
has_crlf(const char *s)
{
	return strpbrk(s, "\r\n") != NULL;
}

int
req_header(struct req *r, const char *name, const char *value)
{
	char *line, *nb;
	size_t n;

	if (has_crlf(name) || has_crlf(value)) {
		log_msg(LL_ERR, "http: refused a header with CR/LF (%s)", name);
		return -1;
	}
	line = arena_printf(&r->arena, "%s: %s\r\n", name, value);
	if (line == NULL)
		return -1;
	n = strlen(line);
	nb = arena_alloc(&r->arena, r->headers_len + n + 1);
	if (nb == NULL)
		return -1;
	if (r->headers_len > 0)
		memcpy(nb, r->headers, r->headers_len);
	memcpy(nb + r->headers_len, line, n + 1);
	r->headers = nb;
	r->headers_len += n;
	return 0;
}

int
req_cookie(struct req *r, const char *name, const char *value, long max_age)
{
	char age[48] = "";
	const char *v;

	if (max_age >= 0)
		snprintf(age, sizeof(age), "; Max-Age=%ld", max_age);
	/* A response that sets a cookie is never stored by any cache. */
	r->no_store = 1;
	v = arena_printf(&r->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
	    name, value, cfg.secure_cookies ? "; Secure" : "", age);
	return v == NULL ? -1 : req_header(r, "Set-Cookie", v);
}

const char *
req_cookie_get(const struct req *r, const char *name)
{
	const struct param *p = param_find(&r->cookies, name);

	return p != NULL ? p->val : NULL;
}

const char *
req_query(const struct req *r, const char *key)
{
	const struct param *p = param_find(&r->query, key);

	return p != NULL ? p->val : NULL;
}

const char *
req_urlencode(struct req *r, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s), o = 0, i;
	char *out = arena_alloc(&r->arena, n * 3 + 1);

	if (out == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/._~-", c) != NULL)
			out[o++] = (char)c;
		else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
	return out;
}

int
req_file_bytes(struct req *r, const struct param *p, const char **buf, size_t *len)
{
	char *b;
	size_t got = 0;
	int fd;

	if (p->spool_path == NULL) {
		*buf = p->val != NULL ? p->val : "";
		*len = p->len;
		return 0;
	}
	if ((b = arena_alloc(&r->arena, p->len + 1)) == NULL)
		return -1;
	if ((fd = open(p->spool_path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	while (got < p->len) {
		ssize_t n = read(fd, b + got, p->len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != p->len)
		return -1;
	*buf = b;
	*len = got;
	return 0;
}

int
req_redirect(struct req *r, const char *path)
{
	/* Only local targets: a redirect never leaves the site. */
	if (path == NULL || path[0] != '/' || path[1] == '/' || path[1] == '\\' ||
	    has_crlf(path))
		path = "/";
	r->status = 303;
	r->location = path;
	r->tmpl = NULL;
	return 303;
}

int
req_error(struct req *r, int status, const char *msg_key)
{
	r->status = status;
	r->tmpl = "error.cs";
	r->location = NULL;
	view_setf(r, "Page.status", "%d", status);
	view_set(r, "Page.error", view_str(r, msg_key));
	view_set(r, "Page.title", view_str(r, "Err.title"));
	return status;
}

int
req_dberr(struct req *r, int rc)
{
	if (rc == DB_GONE)
		return req_error(r, 503, "Err.unavailable");
	return req_error(r, 500, "Err.internal");
}

static const char *
env(FCGX_Request *fr, const char *name)
{
	const char *v = FCGX_GetParam(name, fr->envp);

	return v != NULL ? v : "";
}

/* The path must be short, valid UTF-8 and free of control characters; nginx
 * has already decoded and normalised it ($document_uri). */
static int
path_ok(const char *p)
{
	size_t n = strlen(p), i;

	if (n == 0 || n > HTTP_MAX_PATH || p[0] != '/' || !utf8_valid(p, n))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
			return 0;
	return 1;
}

static const char *
parse_errkey(int err)
{
	switch (err) {
	case PARSE_BAD_ESCAPE:     return "Err.parse.escape";
	case PARSE_BAD_UTF8:       return "Err.parse.utf8";
	case PARSE_BAD_KEY:        return "Err.parse.key";
	case PARSE_FIELD_TOO_LONG: return "Err.parse.long";
	case PARSE_TOO_MANY:       return "Err.parse.many";
	case PARSE_FILE_TOO_LARGE: return "Err.toolarge";
	case PARSE_IO:             return "Err.upload.io";
	case PARSE_NO_SPACE:       return "Err.upload.full";
	default:                   return "Err.parse.bad";
	}
}

static int
parse_status(int err)
{
	if (err == PARSE_FILE_TOO_LARGE)
		return 413;
	/* The server's disk is full, not the request too large: 507 (RFC 4918
	 * §11.5), a 5xx so that neither client nor user blames the file. */
	if (err == PARSE_NO_SPACE)
		return 507;
	if (err == PARSE_IO || err == PARSE_NOMEM)
		return 500;
	return 400;
}

/* Reads and parses the body; returns 0 or an HTTP status (error page set). */
static int
read_body(struct req *r, FCGX_Request *fr)
{
	const char *cl = env(fr, "CONTENT_LENGTH");
	struct parse_limits lim = {
		.max_fields = 64, .max_key = 64, .max_value = 64 * 1024,
		.max_file = 10UL * 1024 * 1024, .spool_threshold = 256 * 1024,
		.spool_dir = cfg.spool_dir,
	};
	int multipart, err;
	unsigned long long len = 0;
	char *end, *buf;
	size_t got = 0;

	multipart = strncasecmp(r->ctype, "multipart/form-data", 19) == 0;
	if (*cl != '\0') {
		errno = 0;
		len = strtoull(cl, &end, 10);
		if (errno != 0 || *end != '\0')
			return req_error(r, 400, "Err.parse.bad");
	}
	if (len == 0)
		return 0;
	if (len > (multipart ? cfg.max_body : cfg.max_form))
		return req_error(r, 413, "Err.toolarge");
	if (!multipart && strncasecmp(r->ctype, "application/x-www-form-urlencoded", 33) != 0)
		return req_error(r, 415, "Err.ctype");
	buf = arena_alloc(&r->arena, (size_t)len + 1);
	if (buf == NULL)
		return req_error(r, 413, "Err.toolarge");
	while (got < len) {
		int n = FCGX_GetStr(buf + got, (int)((len - got) > 65536 ? 65536 : len - got), fr->in);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got != len)
		return req_error(r, 400, "Err.parse.bad");
	if (multipart)
		err = parse_multipart(&r->arena, r->ctype, buf, got, &lim, &r->body);
	else
		err = parse_urlencoded(&r->arena, buf, got, &lim, &r->body);
	if (err != PARSE_OK) {
		/* A full or failing spool disk is the operator's problem. */
		log_msg(err == PARSE_IO || err == PARSE_NO_SPACE ? LL_ERR : LL_INFO,
		    "http: body rejected: %s", parse_strerror(err));
		return req_error(r, parse_status(err), parse_errkey(err));
	}
	return 0;
}

static http_layout_fn layout_hook;

void
http_set_layout_hook(http_layout_fn fn)
{
	layout_hook = fn;
}

/* Data every page's layout needs. */
static void
page_common(struct req *r)
{
	view_set(r, "Page.lang", r->lang);
	view_set(r, "Page.path", r->path);
	view_set(r, "Page.csrf", csrf_token(r));
	if (r->user.role != ROLE_ANON) {
		view_set(r, "User.login", r->user.login);
		view_set(r, "User.name", r->user.display_name);
		view_set(r, "User.role", role_names[r->user.role]);
	}
	/* Not on a 5xx page: the database may be what failed. */
	if (layout_hook != NULL && r->status < 500)
		layout_hook(r);
}

static void
write_response(struct req *r, FCGX_Request *fr)
{
	char head[512];
	const char *body = r->body_out;
	size_t blen = r->body_out_len;
	int n;

	if (r->tmpl != NULL) {
		page_common(r);
		if (view_render(r, &body, &blen) != 0) {
			/* Never show the template error; the error page itself is
			 * the last resort and is plain. */
			r->status = 500;
			r->tmpl = "error.cs";
			view_set(r, "Page.error", view_str(r, "Err.internal"));
			if (view_render(r, &body, &blen) != 0) {
				body = "Internal Server Error\n";
				blen = strlen(body);
			}
		}
	}
	if (body == NULL) {
		body = "";
		blen = 0;
	}
	n = snprintf(head, sizeof(head),
	    "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
	    "Cache-Control: %s\r\n",
	    r->status, status_text(r->status),
	    r->ctype_out ? r->ctype_out : "text/html; charset=utf-8", blen,
	    r->no_store ? "no-store" : "no-cache");
	if (n < 0 || (size_t)n >= sizeof(head))
		return;
	FCGX_PutStr(head, n, fr->out);
	if (r->location != NULL) {
		FCGX_PutStr("Location: ", 10, fr->out);
		FCGX_PutStr(r->location, (int)strlen(r->location), fr->out);
		FCGX_PutStr("\r\n", 2, fr->out);
	}
	if (r->status == 405) {
		char allow[64] = "";
		int m;
		for (m = 0; m < HTTP_OTHER; m++)
			if (r->allow_mask & (1 << m)) {
				if (allow[0] != '\0')
					strncat(allow, ", ", sizeof(allow) - strlen(allow) - 1);
				strncat(allow, method_names[m], sizeof(allow) - strlen(allow) - 1);
			}
		n = snprintf(head, sizeof(head), "Allow: %s\r\n", allow);
		FCGX_PutStr(head, n, fr->out);
	}
	if (r->headers_len > 0)
		FCGX_PutStr(r->headers, (int)r->headers_len, fr->out);
	FCGX_PutStr("\r\n", 2, fr->out);
	if (r->method != HTTP_HEAD && blen > 0)
		FCGX_PutStr(body, (int)blen, fr->out);
}

static void
pick_lang(struct req *r)
{
	const char *c = req_cookie_get(r, "lang");

	r->lang = view_lang_ok(c) ? c : cfg.default_lang;
}

static int
serve(struct req *r, FCGX_Request *fr, const struct route *tbl, size_t n)
{
	const char *m = env(fr, "REQUEST_METHOD");
	const char *path = env(fr, "DOCUMENT_URI");
	const char *qs = env(fr, "QUERY_STRING");
	int err, rc;

	r->method_name = m;
	r->method = strcmp(m, "GET") == 0 ? HTTP_GET : strcmp(m, "HEAD") == 0 ? HTTP_HEAD :
	    strcmp(m, "POST") == 0 ? HTTP_POST : HTTP_OTHER;
	r->remote_addr = env(fr, "REMOTE_ADDR");
	r->ctype = env(fr, "CONTENT_TYPE");
	if (*path == '\0')
		path = env(fr, "SCRIPT_NAME");
	r->path = path;
	log_set_context(r->remote_addr, NULL, r->reqid);
	/* Cookies first: the language of any error page comes from them, and
	 * the session, so that even a 400 page knows who is logged in. */
	parse_cookies(&r->arena, env(fr, "HTTP_COOKIE"), &http_cookie_limits, &r->cookies);
	pick_lang(r);
	if (view_begin(r) != 0)
		return r->status = 500;
	if ((rc = session_load(r)) < 0)
		return req_dberr(r, rc);
	if (r->user.role != ROLE_ANON) {
		char uid[24];
		snprintf(uid, sizeof(uid), "%lld", r->user.id);
		log_set_context(r->remote_addr, uid, r->reqid);
	}
	if (!path_ok(path)) {
		r->path = "/";
		return req_error(r, 400, "Err.parse.path");
	}
	if ((err = parse_urlencoded(&r->arena, qs, strlen(qs), &http_query_limits,
	    &r->query)) != PARSE_OK)
		return req_error(r, 400, parse_errkey(err));
	/* Methods we never serve still get 404 or 405 with the path's own
	 * Allow list from the route table. */
	if (r->method == HTTP_POST && (rc = read_body(r, fr)) != 0)
		return rc;
	rc = route_dispatch(tbl, n, r);
	session_touch(r);
	return rc;
}

void
http_serve(struct req *r, void *fcgi, const struct route *tbl, size_t n)
{
	static unsigned long seq;
	FCGX_Request *fr = fcgi;
	struct timespec t1;
	char reqid[32];
	long us;

	clock_gettime(CLOCK_MONOTONIC, &r->t0);
	snprintf(reqid, sizeof(reqid), "%lx-%lx", (unsigned long)log_pid(), ++seq);
	r->reqid = reqid;
	r->fcgi = fr;
	r->status = 500;
	serve(r, fr, tbl, n);
	write_response(r, fr);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	us = (t1.tv_sec - r->t0.tv_sec) * 1000000L + (t1.tv_nsec - r->t0.tv_nsec) / 1000;
	log_msg(LL_INFO, "%s %s %d %ld.%03ldms", r->method_name, r->path, r->status,
	    us / 1000, us % 1000);
	log_set_context(NULL, NULL, NULL);

	/* Reset for the next request; the arena keeps its first chunk. */
	view_end(r);
	arena_reset(&r->arena);
	{
		struct arena a = r->arena;
		memset(r, 0, sizeof(*r));
		r->arena = a;
	}
}
