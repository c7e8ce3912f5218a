/* json.h — building a JSON array in an arena, for statements that take
 * many rows through one bound parameter (MariaDB's JSON_TABLE; the audit
 * flusher's batches in store/audit.c). Values go in with a trailing comma;
 * json_close turns the last comma into the closing bracket. Any allocation
 * failure is remembered and reported by json_failed. */
#ifndef CORE_JSON_H
#define CORE_JSON_H

#include <stddef.h>

#include "arena.h"

struct json {
	struct arena *a;
	char         *p;        /* the text so far, NUL-terminated */
	size_t        len, cap;
	int           failed;
};

void json_init(struct json *j, struct arena *a);
/* Raw text, e.g. "[" to open an array. */
void json_raw(struct json *j, const char *s, size_t n);
/* A number and a comma. */
void json_int(struct json *j, long long v);
/* A string (NULL = "") and a comma: quotes, backslashes and control
 * characters escaped, other bytes (UTF-8) copied as they are. */
void json_str(struct json *j, const char *s);
/* Closes an array ("]") or object ("}") opened with json_raw: the trailing
 * comma, if any, becomes c; then a comma follows when more comes (more=1). */
void json_close(struct json *j, char c, int more);
int  json_failed(const struct json *j);

#endif
