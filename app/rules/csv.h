/* csv.h — the CSV reader behind every bulk import (subject and record lists,
 * association ratings, environmental grades, holiday calendars). Takes the
 * bytes as uploaded, usually saved by Excel as UTF-8 with a BOM or as GB18030,
 * and hands back rows of NUL-terminated UTF-8 fields. Pure logic, no I/O. */
#ifndef RULES_CSV_H
#define RULES_CSV_H

#include <stddef.h>

#include "arena.h"

enum csv_err {
	CSV_OK = 0,
	CSV_EMPTY,           /* no header row (empty, or only blank lines) */
	CSV_BAD_ENCODING,    /* neither UTF-8 nor GB18030, or a NUL byte */
	CSV_BAD_QUOTE,       /* stray or unterminated quote */
	CSV_TOO_MANY_ROWS,   /* more than max_rows data rows */
	CSV_TOO_MANY_FIELDS, /* a row with more than max_fields fields */
	CSV_FIELD_TOO_LONG,  /* a field longer than max_field bytes */
	CSV_NOMEM,           /* arena limit reached, or iconv unavailable */
	CSV_ERR_MAX
};

/* Limits are taken literally (max_rows 0 allows a header only); a negative
 * count behaves as 0. The header counts against max_fields and max_field. */
struct csv_limits {
	int    max_rows;   /* data rows, header excluded */
	int    max_fields; /* fields in any one row */
	size_t max_field;  /* bytes in one field, after decoding to UTF-8 */
};

struct csv_row {
	int            line; /* 1-based physical line where the row starts */
	int            n;    /* fields in this row; may differ from the header */
	const char   **f;    /* n NUL-terminated UTF-8 strings */
	const size_t  *len;  /* their lengths in bytes */
};

struct csv_doc {
	const char     *encoding; /* "UTF-8" or "GB18030": what the file was */
	struct csv_row  header;   /* first non-blank row */
	struct csv_row *rows;     /* data rows; NULL when nrows is 0 */
	int             nrows;
};

/*
 * Parses buf[0..len) (need not be NUL-terminated) into *out under the
 * limits (required), all memory from the arena. Encoding: a UTF-8 BOM is
 * dropped and the rest must be UTF-8; without a BOM, valid UTF-8 is taken
 * as such and anything else is decoded as GB18030 (whose BOM, U+FEFF, is
 * dropped too). Syntax is RFC 4180 with CRLF, LF or a lone CR ending a row.
 * Unquoted fields are trimmed of spaces and tabs; spaces and tabs around a
 * quoted field are ignored, those inside it are kept. Blank lines are
 * skipped but counted. Returns a csv_err; on an error tied to a place
 * in the file, *err_line (if not NULL) gets its 1-based line, else 0.
 */
int csv_read(struct arena *, const char *buf, size_t len,
    const struct csv_limits *, struct csv_doc *out, int *err_line);
/* names: NULL-terminated list of required column names, matched against the
 * header trimmed and ASCII case-insensitively. Returns -1 when all are
 * present, else the index in names of the first missing one. */
int csv_header_index(const struct csv_doc *, const char *const *names);
/* The header column called name (same matching), or -1; first one wins. */
int csv_col(const struct csv_doc *, const char *name);
/* The language key describing err ("Err.csv.quote", ...). */
const char *csv_errkey(int err);

#endif
