/* csv.c — CSV reader for imports (see csv.h). Decodes the whole upload to
 * UTF-8 first, then scans it twice with the same code: once to find errors
 * and count rows, fields and bytes, once to fill exactly sized arena arrays. */
#include "csv.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#define CSV_ICONV_BUF 4096

static const char bom[3] = { '\xEF', '\xBB', '\xBF' };

struct csv_scan {
	const char              *t;   /* UTF-8 text, no BOM */
	size_t                   n;
	const struct csv_limits *lim;
	/* Counting pass: all NULL. Filling pass: sized from the counts. */
	struct csv_row          *rows; /* header first, then data rows */
	const char             **fv;   /* every field of every row, in order */
	size_t                  *lv;
	char                    *sb;   /* every field's bytes and NUL */
	/* Totals, produced by the counting pass. */
	int                      nrows; /* header included */
	size_t                   nfields;
	size_t                   nbytes;
	int                      err_line;
};

/* The 1-based line holding byte off of s[0..len). CRLF is one line end and
 * a lone CR is one too, as in the scanner. GB18030 never uses CR or LF
 * inside a multi-byte character, so this works on undecoded input too. */
static int
line_at(const char *s, size_t len, size_t off)
{
	size_t i;
	int line = 1;

	for (i = 0; i < off && i < len; i++)
		if ((s[i] == '\n' || (s[i] == '\r' &&
		    (i + 1 >= len || s[i + 1] != '\n'))) && line < INT_MAX)
			line++;
	return line;
}

/*
 * GB18030 (which covers GBK and GB2312) to UTF-8 into arena memory. The
 * first pass only measures, through a stack buffer, so that the arena holds
 * exactly the output and nothing is allocated for a file that fails.
 * On CSV_BAD_ENCODING, *bad is the input offset of the offending byte.
 */
static int
gb18030_decode(struct arena *a, const char *in, size_t len, char **out,
    size_t *outlen, size_t *bad)
{
	char tmp[CSV_ICONV_BUF], *ip, *op, *res;
	size_t il, ol, total = 0, r;
	iconv_t cd;
	int rc = CSV_OK;

	cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return CSV_NOMEM;	/* gconv modules missing: not the file's fault */
	ip = (char *)(uintptr_t)in;	/* iconv's prototype lacks const */
	il = len;
	while (il > 0) {
		op = tmp;
		ol = sizeof(tmp);
		r = iconv(cd, &ip, &il, &op, &ol);
		total += sizeof(tmp) - ol;
		if (r == (size_t)-1 && errno != E2BIG) {
			/* EILSEQ, or EINVAL for a character cut off at the end. */
			*bad = (size_t)(ip - in);
			rc = CSV_BAD_ENCODING;
			goto done;
		}
	}
	op = tmp;
	ol = sizeof(tmp);
	(void)iconv(cd, NULL, NULL, &op, &ol);
	total += sizeof(tmp) - ol;

	if (total == SIZE_MAX || (res = arena_alloc(a, total + 1)) == NULL) {
		rc = CSV_NOMEM;
		goto done;
	}
	(void)iconv(cd, NULL, NULL, NULL, NULL);
	ip = (char *)(uintptr_t)in;
	il = len;
	op = res;
	ol = total;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0 ||
	    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1 || ol != 0) {
		/* The same conversion gave a different answer: give up. */
		rc = CSV_NOMEM;
		goto done;
	}
	res[total] = '\0';
	*out = res;
	*outlen = total;
done:
	iconv_close(cd);
	return rc;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Consumes the line end at t[*pos] (CRLF, LF or CR), if any. */
static void
skip_eol(struct csv_scan *s, size_t *pos, int *line)
{
	if (*pos >= s->n)
		return;
	if (s->t[*pos] == '\r') {
		(*pos)++;
		if (*pos < s->n && s->t[*pos] == '\n')
			(*pos)++;
	} else if (s->t[*pos] == '\n')
		(*pos)++;
	else
		return;
	if (*line < INT_MAX)
		(*line)++;
}

/*
 * One field starting at t[*pos]. Sets *start and *raw to the bytes it spans in
 * t (content only), *flen to its decoded length and *quoted. Leaves *pos at
 * the delimiter after it (',', a line end, or n). Every byte is looked at a
 * constant number of times, so a whole scan stays linear.
 */
static int
scan_field(struct csv_scan *s, size_t *pos, int *line, size_t *start,
    size_t *raw, size_t *flen, int *quoted)
{
	const char *t = s->t;
	size_t p = *pos, n = s->n, esc = 0, end;
	int open_line;
	char c;

	while (p < n && is_blank(t[p]))
		p++;
	if (p < n && t[p] == '"') {
		open_line = *line;
		*start = ++p;
		for (;;) {
			if (p >= n) {
				s->err_line = open_line;
				return CSV_BAD_QUOTE;
			}
			c = t[p];
			if (c == '"') {
				if (p + 1 < n && t[p + 1] == '"') {
					esc++;
					p += 2;
					continue;
				}
				break;
			}
			/* Embedded line ends are kept as they are but
			 * counted, so later rows get their true line. */
			if (c == '\r') {
				if (p + 1 < n && t[p + 1] == '\n')
					p++;
				if (*line < INT_MAX)
					(*line)++;
			} else if (c == '\n' && *line < INT_MAX)
				(*line)++;
			p++;
		}
		*raw = p - *start;
		*flen = *raw - esc;
		*quoted = 1;
		p++;	/* closing quote */
		while (p < n && is_blank(t[p]))
			p++;
		if (p < n && t[p] != ',' && t[p] != '\r' && t[p] != '\n') {
			s->err_line = *line;
			return CSV_BAD_QUOTE;
		}
	} else {
		*start = p;
		while (p < n && t[p] != ',' && t[p] != '\r' && t[p] != '\n') {
			if (t[p] == '"') {
				s->err_line = *line;
				return CSV_BAD_QUOTE;
			}
			p++;
		}
		for (end = p; end > *start && is_blank(t[end - 1]); end--)
			;
		*raw = end - *start;
		*flen = *raw;
		*quoted = 0;
	}
	*pos = p;
	return CSV_OK;
}

/* Copies a field's decoded bytes to d and NUL-terminates them. */
static void
copy_field(char *d, const char *src, size_t raw, int quoted)
{
	size_t i;

	if (!quoted) {
		memcpy(d, src, raw);
		d += raw;
	} else {
		for (i = 0; i < raw; i++) {
			*d++ = src[i];
			if (src[i] == '"')
				i++;	/* the second of a "" pair */
		}
	}
	*d = '\0';
}

/*
 * The whole text, row by row. In the counting pass (s->rows == NULL) it
 * checks everything and fills in the totals; the filling pass sees the same
 * bytes, takes the same path and only stores.
 */
static int
scan(struct csv_scan *s)
{
	const struct csv_limits *lim = s->lim;
	size_t pos = 0, p, start, raw, flen, first, nbytes = 0;
	size_t max_field = lim->max_field;
	int max_rows = lim->max_rows < 0 ? 0 : lim->max_rows;
	int max_fields = lim->max_fields < 0 ? 0 : lim->max_fields;
	int line = 1, row_line, nrows = 0, nf, quoted, rc;
	size_t nfields = 0;

	while (pos < s->n) {
		for (p = pos; p < s->n && is_blank(s->t[p]); p++)
			;
		if (p == s->n)
			break;	/* trailing blanks, no line end */
		if (s->t[p] == '\r' || s->t[p] == '\n') {
			pos = p;
			skip_eol(s, &pos, &line);
			continue;
		}
		if (nrows > max_rows) {	/* header plus max_rows already */
			s->err_line = line;
			return CSV_TOO_MANY_ROWS;
		}
		row_line = line;
		first = nfields;
		nf = 0;
		for (;;) {
			if (nf >= max_fields) {
				s->err_line = row_line;
				return CSV_TOO_MANY_FIELDS;
			}
			/* Line before the field: for a quoted field spanning
			 * lines, the error is where the user sees it start. */
			s->err_line = line;
			rc = scan_field(s, &pos, &line, &start, &raw, &flen,
			    &quoted);
			if (rc != CSV_OK)
				return rc;
			if (flen > max_field)
				return CSV_FIELD_TOO_LONG;
			if (s->rows != NULL) {
				copy_field(s->sb + nbytes, s->t + start, raw,
				    quoted);
				s->fv[nfields] = s->sb + nbytes;
				s->lv[nfields] = flen;
			}
			nbytes += flen + 1;
			nfields++;
			nf++;
			if (pos < s->n && s->t[pos] == ',') {
				pos++;
				continue;
			}
			skip_eol(s, &pos, &line);
			break;
		}
		if (s->rows != NULL) {
			s->rows[nrows].line = row_line;
			s->rows[nrows].n = nf;
			s->rows[nrows].f = s->fv + first;
			s->rows[nrows].len = s->lv + first;
		}
		nrows++;
	}
	s->err_line = 0;
	s->nrows = nrows;
	s->nfields = nfields;
	s->nbytes = nbytes;
	return nrows == 0 ? CSV_EMPTY : CSV_OK;
}

int
csv_read(struct arena *a, const char *buf, size_t len,
    const struct csv_limits *lim, struct csv_doc *out, int *err_line)
{
	struct csv_scan s;
	const char *nul;
	char *dec;
	size_t bad, declen;
	int rc, dummy, has_bom = 0;

	if (err_line == NULL)
		err_line = &dummy;
	*err_line = 0;
	memset(out, 0, sizeof(*out));
	out->encoding = "UTF-8";
	if (buf == NULL)
		len = 0;

	/* A NUL is never text: most likely a UTF-16 export or a binary. */
	if (len > 0 && (nul = memchr(buf, '\0', len)) != NULL) {
		*err_line = line_at(buf, len, (size_t)(nul - buf));
		return CSV_BAD_ENCODING;
	}
	if (len >= sizeof(bom) && memcmp(buf, bom, sizeof(bom)) == 0) {
		buf += sizeof(bom);
		len -= sizeof(bom);
		has_bom = 1;
	}
	bad = utf8_bad(buf, len);
	if (bad < len) {
		/* A BOM declares UTF-8; decoding such a file as GB18030
		 * would import mojibake instead of reporting the bad byte. */
		if (has_bom) {
			*err_line = line_at(buf, len, bad);
			return CSV_BAD_ENCODING;
		}
		rc = gb18030_decode(a, buf, len, &dec, &declen, &bad);
		if (rc == CSV_BAD_ENCODING)
			*err_line = line_at(buf, len, bad);
		if (rc != CSV_OK)
			return rc;
		/* Defence in depth: only promise what we checked. CR and
		 * LF map to themselves, so output lines are input lines. */
		if ((bad = utf8_bad(dec, declen)) < declen) {
			*err_line = line_at(dec, declen, bad);
			return CSV_BAD_ENCODING;
		}
		/* Some tools write U+FEFF (84 31 95 33) as a GB18030 BOM. */
		if (declen >= sizeof(bom) && memcmp(dec, bom, sizeof(bom)) == 0) {
			dec += sizeof(bom);
			declen -= sizeof(bom);
		}
		buf = dec;
		len = declen;
		out->encoding = "GB18030";
	}

	memset(&s, 0, sizeof(s));
	s.t = buf;
	s.n = len;
	s.lim = lim;
	rc = scan(&s);
	if (rc != CSV_OK) {
		*err_line = s.err_line;
		return rc;
	}

	if (s.nfields > SIZE_MAX / sizeof(*s.lv) ||
	    (size_t)s.nrows > SIZE_MAX / sizeof(*s.rows) ||
	    (s.rows = arena_alloc(a, (size_t)s.nrows * sizeof(*s.rows))) == NULL ||
	    (s.fv = arena_alloc(a, s.nfields * sizeof(*s.fv))) == NULL ||
	    (s.lv = arena_alloc(a, s.nfields * sizeof(*s.lv))) == NULL ||
	    (s.sb = arena_alloc(a, s.nbytes)) == NULL)
		return CSV_NOMEM;
	if (scan(&s) != CSV_OK)
		return CSV_NOMEM;	/* cannot happen: same input, same path */

	out->header = s.rows[0];
	out->nrows = s.nrows - 1;
	out->rows = out->nrows > 0 ? s.rows + 1 : NULL;
	return CSV_OK;
}

/* Compares a header cell, trimmed of spaces and tabs, with name (also
 * trimmed), ignoring ASCII case: Excel users retype headers freely. */
static int
cell_matches(const char *cell, size_t clen, const char *name)
{
	size_t nlen = strlen(name), i;
	char x, y;

	while (clen > 0 && is_blank(*cell)) {
		cell++;
		clen--;
	}
	while (clen > 0 && is_blank(cell[clen - 1]))
		clen--;
	while (nlen > 0 && is_blank(*name)) {
		name++;
		nlen--;
	}
	while (nlen > 0 && is_blank(name[nlen - 1]))
		nlen--;
	if (clen != nlen)
		return 0;
	for (i = 0; i < clen; i++) {
		x = cell[i];
		y = name[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return 1;
}

int
csv_col(const struct csv_doc *d, const char *name)
{
	int i;

	if (d == NULL || name == NULL)
		return -1;
	for (i = 0; i < d->header.n; i++)
		if (cell_matches(d->header.f[i], d->header.len[i], name))
			return i;
	return -1;
}

int
csv_header_index(const struct csv_doc *d, const char *const *names)
{
	int i;

	if (names == NULL)
		return -1;
	for (i = 0; names[i] != NULL; i++)
		if (csv_col(d, names[i]) < 0)
			return i;
	return -1;
}

const char *
csv_errkey(int err)
{
	switch (err) {
	case CSV_OK:              return "Csv.ok";
	case CSV_EMPTY:           return "Err.csv.empty";
	case CSV_BAD_ENCODING:    return "Err.csv.encoding";
	case CSV_BAD_QUOTE:       return "Err.csv.quote";
	case CSV_TOO_MANY_ROWS:   return "Err.csv.too_many_rows";
	case CSV_TOO_MANY_FIELDS: return "Err.csv.too_many_fields";
	case CSV_FIELD_TOO_LONG:  return "Err.csv.field_too_long";
	case CSV_NOMEM:           return "Err.csv.nomem";
	default:                  return "Err.csv.encoding";
	}
}
