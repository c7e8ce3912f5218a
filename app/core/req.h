/* req.h — the request a handler sees and the response it builds. One struct
 * per worker, reset at the end of every request; all memory comes from its
 * arena. Nothing per-request lives in globals. */
#ifndef CORE_REQ_H
#define CORE_REQ_H

#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "parse.h"

struct _hdf;

enum http_method { HTTP_GET, HTTP_HEAD, HTTP_POST, HTTP_OTHER, HTTP_METHOD_MAX };

/* ROLE_ANON is the visitor without a session; the others are users.role. */
enum role {
	ROLE_ANON, ROLE_ENTERPRISE, ROLE_ASSOCIATION, ROLE_ENV_AGENCY,
	ROLE_STAFF, ROLE_ADMIN, ROLE_MAX
};
#define ROLE_BIT(r)   (1u << (r))
#define ROLES_USERS   (ROLE_BIT(ROLE_ENTERPRISE) | ROLE_BIT(ROLE_ASSOCIATION) | \
                       ROLE_BIT(ROLE_ENV_AGENCY) | ROLE_BIT(ROLE_STAFF) | ROLE_BIT(ROLE_ADMIN))
#define ROLES_ALL     (ROLE_BIT(ROLE_ANON) | ROLES_USERS)

extern const char *const role_names[ROLE_MAX];   /* "anon", "enterprise", ... */
int role_from_name(const char *);                 /* -1 if unknown */

struct user {
	long long   id;
	const char *login;
	const char *display_name;
	enum role   role;
	long long   subject_id;      /* enterprise users, else 0 */
	long long   association_id;  /* association users, else 0 */
};

#define REQ_MAX_PATHARGS 4
#define REQ_MAX_FIELDS   32

struct form;
struct route;

struct req {
	struct arena       arena;
	void              *fcgi;          /* FCGX_Request *, NULL in unit tests */
	enum http_method   method;
	const char        *method_name;
	const char        *path;          /* as received (already checked) */
	const char        *remote_addr;
	const char        *reqid;
	const char        *ctype;         /* request Content-Type or "" */
	struct param_list  query, body, cookies;

	const struct route *route;
	const char        *pathargs[REQ_MAX_PATHARGS];  /* typed path parameters */
	long long          pathids[REQ_MAX_PATHARGS];   /* numeric ones, else 0 */

	/* Declared form fields after validation (route's form, same order). */
	const struct form *form;
	const char        *f[REQ_MAX_FIELDS];
	size_t             flen[REQ_MAX_FIELDS];
	const struct param *ffile[REQ_MAX_FIELDS];      /* file fields */
	const char        *ferr[REQ_MAX_FIELDS];        /* language key of the problem */
	int                form_invalid;

	struct user        user;          /* role ROLE_ANON when not logged in */
	unsigned char      sess_hash[32]; /* keyed hash of the session token */
	int                has_session;
	int                touch_session; /* last_seen needs a refresh */
	const char        *csrf;          /* token to embed in forms */
	const char        *lang;          /* "zh-CN" or "en" */

	struct _hdf       *hdf;           /* data for the template */

	/* Response. */
	int                status;
	const char        *tmpl;          /* template to render, or NULL */
	const char        *location;      /* redirect target */
	const char        *ctype_out;     /* default text/html; charset=utf-8 */
	const char        *body_out;      /* raw body instead of a template */
	size_t             body_out_len;
	char              *headers;       /* extra header lines, CRLF-terminated */
	size_t             headers_len;
	int                no_store;      /* Cache-Control: no-store */
	int                allow_mask;    /* 405: methods that would match */
	struct timespec    t0;
};

/* Adds one response header; name and value must not contain CR/LF (values
 * with them are refused and logged). */
int  req_header(struct req *, const char *name, const char *value);
/* Adds a Set-Cookie header with the house flags (HttpOnly, SameSite=Lax,
 * Path=/, Secure when configured). max_age < 0 means a session cookie;
 * 0 deletes it. */
int  req_cookie(struct req *, const char *name, const char *value, long max_age);
const char *req_cookie_get(const struct req *, const char *name);
/* The bytes of an uploaded file part (read from the spool file when it
 * was large), in the arena. Returns 0 or -1. */
int  req_file_bytes(struct req *, const struct param *, const char **buf, size_t *len);
/* Percent-encodes everything outside [A-Za-z0-9/._~-]. */
const char *req_urlencode(struct req *, const char *s);
const char *req_query(const struct req *, const char *key);
/* Ends the request with a 303 to a local path. */
int  req_redirect(struct req *, const char *path);
/* Sets status and the error template (message key from the language file). */
int  req_error(struct req *, int status, const char *msg_key);
/* The error page for a DB return code (< 0): 503 when the server is gone. */
int  req_dberr(struct req *, int rc);

#endif
