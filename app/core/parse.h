/* parse.h — our own request parsers, with explicit limits: query strings and
 * application/x-www-form-urlencoded bodies, multipart/form-data bodies and the
 * Cookie header. Pure functions over a buffer: no FastCGI, no globals; the only
 * I/O is spooling large file parts to disk. Every string handed out is
 * NUL-terminated, valid UTF-8 and free of NUL bytes (file contents excepted). */
#ifndef CORE_PARSE_H
#define CORE_PARSE_H

#include <stddef.h>

#include "arena.h"
#include "rules/utf8.h"

enum parse_err {
	PARSE_OK = 0,
	PARSE_BAD_ESCAPE,     /* "%" not followed by two hex digits */
	PARSE_BAD_UTF8,       /* invalid, overlong or surrogate UTF-8, or a NUL byte */
	PARSE_BAD_KEY,        /* empty key or a key outside [A-Za-z0-9_.-] */
	PARSE_FIELD_TOO_LONG, /* key or value longer than its limit */
	PARSE_TOO_MANY,       /* more fields than max_fields */
	PARSE_FILE_TOO_LARGE, /* a file part larger than max_file */
	PARSE_BAD_MULTIPART,  /* malformed multipart framing or headers */
	PARSE_NOMEM,          /* arena limit reached */
	PARSE_IO,             /* spooling a file part failed (an I/O error) */
	PARSE_NO_SPACE,       /* spooling a file part failed: disk full (ENOSPC, EDQUOT) */
	PARSE_ERR_MAX
};

struct parse_limits {
	size_t      max_fields;      /* fields (or cookies, or parts) per input */
	size_t      max_key;         /* bytes in a decoded key */
	size_t      max_value;       /* bytes in a decoded non-file value */
	size_t      max_file;        /* bytes in one file part */
	size_t      spool_threshold; /* file parts larger than this go to disk */
	const char *spool_dir;       /* where spooled parts are written */
};

struct param {
	struct param *next;
	const char   *key;
	const char   *val;       /* decoded value; for a spooled file part, NULL */
	size_t        len;       /* bytes in val, or in the spooled file */
	int           is_file;   /* multipart part with a filename= */
	const char   *filename;  /* as sent by the client (UTF-8 checked), or NULL */
	const char   *ctype;     /* part Content-Type as sent, or NULL */
	const char   *spool_path;/* file on disk for a spooled part, else NULL;
	                            unlinked automatically at arena_reset */
};

struct param_list {
	struct param *head, *tail;
	size_t        n;
};

/* Each returns PARSE_OK or a parse_err; on error *out may hold the fields
 * parsed so far, which the caller must ignore. */
int parse_urlencoded(struct arena *, const char *buf, size_t len,
    const struct parse_limits *, struct param_list *out);
/* "a=1; b=2": names follow RFC 6265 token rules loosely (the same key charset
 * as forms), values may be quoted; values are not percent-decoded. A malformed
 * cookie pair is skipped rather than failing the request (browsers send
 * cookies set by other apps on the same host). */
int parse_cookies(struct arena *, const char *hdr,
    const struct parse_limits *, struct param_list *out);
/* content_type is the whole Content-Type header (the boundary is taken from it). */
int parse_multipart(struct arena *, const char *content_type,
    const char *body, size_t len, const struct parse_limits *,
    struct param_list *out);


const struct param *param_find(const struct param_list *, const char *key);
const char *parse_strerror(int err);

#endif
