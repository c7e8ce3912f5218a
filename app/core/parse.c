/* parse.c — query string, urlencoded, multipart and Cookie parsers (see
 * parse.h). Written from scratch for hostile input: every read is bounded by
 * an explicit length, and size limits are checked before anything is copied. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* memmem, mkostemp */
#endif
#include "parse.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MP_MAX_LINE	1024	/* bytes in a part header line, without CRLF */
#define MP_MAX_HEADERS	8	/* header lines per part */
#define MP_MAX_BOUNDARY	70	/* RFC 2046 section 5.1.1 */

/* What one part's headers told us; pointers are into the request body. */
struct mp_part {
	const char *name;
	size_t      namelen;
	const char *filename;
	size_t      fnlen;
	const char *ctype;
	size_t      ctlen;
	int         has_disp, has_name, has_filename, has_ctype;
};

/* A spooled upload, shared with the arena cleanup so a failed write can
 * disarm it (the name could otherwise be reused by another request). */
struct mp_spool {
	char *path;
};

static const char *const parse_errstr[PARSE_ERR_MAX] = {
	[PARSE_OK] = "ok",
	[PARSE_BAD_ESCAPE] = "bad percent escape",
	[PARSE_BAD_UTF8] = "invalid UTF-8 or NUL byte",
	[PARSE_BAD_KEY] = "bad field name",
	[PARSE_FIELD_TOO_LONG] = "field name or value too long",
	[PARSE_TOO_MANY] = "too many fields",
	[PARSE_FILE_TOO_LARGE] = "uploaded file too large",
	[PARSE_BAD_MULTIPART] = "malformed multipart body",
	[PARSE_NOMEM] = "request memory limit reached",
	[PARSE_IO] = "spooling upload to disk failed",
	[PARSE_NO_SPACE] = "spooling upload to disk failed: no space left",
};

/* Helpers shared by all three parsers. */

static void
parse_list_init(struct param_list *out)
{
	out->head = out->tail = NULL;
	out->n = 0;
}

static void
parse_list_link(struct param_list *out, struct param *p)
{
	p->next = NULL;
	if (out->tail == NULL)
		out->head = p;
	else
		out->tail->next = p;
	out->tail = p;
	out->n++;
}

static int
parse_is_keychar(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* The one key rule for forms, cookies and multipart names. Length is
 * checked first so an overlong key reports as such whatever its bytes. */
static int
parse_check_key(const char *k, size_t n, size_t max)
{
	size_t i;

	if (n == 0)
		return PARSE_BAD_KEY;
	if (n > max)
		return PARSE_FIELD_TOO_LONG;
	for (i = 0; i < n; i++)
		if (!parse_is_keychar((unsigned char)k[i]))
			return PARSE_BAD_KEY;
	return PARSE_OK;
}

static int
parse_is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* RFC 7230 tchar, for header names and parameter names. */
static int
parse_is_tchar(unsigned char c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

static unsigned char
parse_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* ASCII case-insensitive s[0..n) == lit; no locale involved. */
static int
parse_ieq(const char *s, size_t n, const char *lit)
{
	size_t i;

	if (strlen(lit) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (parse_lower((unsigned char)s[i]) !=
		    parse_lower((unsigned char)lit[i]))
			return 0;
	return 1;
}

const struct param *
param_find(const struct param_list *l, const char *key)
{
	const struct param *p;

	if (l == NULL || key == NULL)
		return NULL;
	for (p = l->head; p != NULL; p = p->next)
		if (strcmp(p->key, key) == 0)
			return p;
	return NULL;
}

const char *
parse_strerror(int err)
{
	if (err < 0 || err >= PARSE_ERR_MAX || parse_errstr[err] == NULL)
		return "unknown parse error";
	return parse_errstr[err];
}

/* application/x-www-form-urlencoded */

static int
url_hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* First pass: validate escapes and measure, so limits are enforced before
 * anything is allocated for a field. */
static int
url_measure(const char *s, size_t n, size_t *declen)
{
	size_t i, d = 0;

	for (i = 0; i < n; i++, d++) {
		if (s[i] != '%')
			continue;
		if (n - i < 3 || url_hexval((unsigned char)s[i + 1]) < 0 ||
		    url_hexval((unsigned char)s[i + 2]) < 0)
			return PARSE_BAD_ESCAPE;
		i += 2;
	}
	*declen = d;
	return PARSE_OK;
}

/* Second pass over input already checked by url_measure(). */
static char *
url_decode(struct arena *a, const char *s, size_t n, size_t declen)
{
	const unsigned char *u = (const unsigned char *)s;
	char *dst;
	size_t i, d = 0;

	if ((dst = arena_alloc(a, declen + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (s[i] == '+')
			dst[d++] = ' ';
		else if (s[i] == '%') {
			dst[d++] = (char)(url_hexval(u[i + 1]) << 4 |
			    url_hexval(u[i + 2]));
			i += 2;
		} else
			dst[d++] = s[i];
	}
	dst[d] = '\0';
	return dst;
}

int
parse_urlencoded(struct arena *a, const char *buf, size_t len,
    const struct parse_limits *lim, struct param_list *out)
{
	const char *seg, *amp, *eq;
	size_t pos, segend, slen, kraw, voff, klen, vlen;
	struct param *p;
	char *key, *val;
	int rc;

	parse_list_init(out);
	if (buf == NULL)
		len = 0;
	for (pos = 0; pos < len; pos = segend + 1) {
		amp = memchr(buf + pos, '&', len - pos);
		segend = amp != NULL ? (size_t)(amp - buf) : len;
		if (segend == pos)
			continue;	/* "a=1&&b=2" */
		seg = buf + pos;
		slen = segend - pos;
		eq = memchr(seg, '=', slen);
		kraw = eq != NULL ? (size_t)(eq - seg) : slen;
		voff = eq != NULL ? kraw + 1 : slen;

		if (out->n >= lim->max_fields)
			return PARSE_TOO_MANY;
		if ((rc = url_measure(seg, kraw, &klen)) != PARSE_OK)
			return rc;
		if ((rc = url_measure(seg + voff, slen - voff, &vlen)) !=
		    PARSE_OK)
			return rc;
		if (klen == 0)
			return PARSE_BAD_KEY;
		if (klen > lim->max_key || vlen > lim->max_value)
			return PARSE_FIELD_TOO_LONG;
		key = url_decode(a, seg, kraw, klen);
		val = url_decode(a, seg + voff, slen - voff, vlen);
		if (key == NULL || val == NULL)
			return PARSE_NOMEM;
		/* The key rule applies to the decoded key: "a%5Fb" is "a_b". */
		if ((rc = parse_check_key(key, klen, lim->max_key)) != PARSE_OK)
			return rc;
		if (!utf8_valid(val, vlen))
			return PARSE_BAD_UTF8;
		if ((p = arena_alloc(a, sizeof(*p))) == NULL)
			return PARSE_NOMEM;
		p->key = key;
		p->val = val;
		p->len = vlen;
		parse_list_link(out, p);
	}
	return PARSE_OK;
}

/* Cookie header */

int
parse_cookies(struct arena *a, const char *hdr,
    const struct parse_limits *lim, struct param_list *out)
{
	const char *semi, *eq;
	size_t len, pos, segend, s, e, ne, vs, ve;
	struct param *p;

	parse_list_init(out);
	if (hdr == NULL)
		return PARSE_OK;
	len = strlen(hdr);
	for (pos = 0; pos < len; pos = segend + 1) {
		semi = memchr(hdr + pos, ';', len - pos);
		segend = semi != NULL ? (size_t)(semi - hdr) : len;
		s = pos;
		e = segend;
		while (s < e && parse_is_ows(hdr[s]))
			s++;
		while (e > s && parse_is_ows(hdr[e - 1]))
			e--;
		/* Anything malformed is someone else's cookie: skip it. */
		if (s == e || (eq = memchr(hdr + s, '=', e - s)) == NULL)
			continue;
		ne = (size_t)(eq - hdr);
		vs = ne + 1;
		while (ne > s && parse_is_ows(hdr[ne - 1]))
			ne--;
		while (vs < e && parse_is_ows(hdr[vs]))
			vs++;
		ve = e;
		if (parse_check_key(hdr + s, ne - s, lim->max_key) != PARSE_OK)
			continue;
		if (ve - vs >= 2 && hdr[vs] == '"' && hdr[ve - 1] == '"') {
			vs++;
			ve--;
		}
		if (ve - vs > lim->max_value || !utf8_valid(hdr + vs, ve - vs))
			continue;
		if (out->n >= lim->max_fields)
			return PARSE_TOO_MANY;
		if ((p = arena_alloc(a, sizeof(*p))) == NULL ||
		    (p->key = arena_strndup(a, hdr + s, ne - s)) == NULL ||
		    (p->val = arena_strndup(a, hdr + vs, ve - vs)) == NULL)
			return PARSE_NOMEM;
		p->len = ve - vs;
		parse_list_link(out, p);
	}
	return PARSE_OK;
}

/* multipart/form-data (RFC 7578 over RFC 2046) */

static int
mp_is_bchar(unsigned char c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9'))
		return 1;
	return c != '\0' && strchr("'()+_,-./:=? ", c) != NULL;
}

/* Finds the boundary parameter of a multipart/form-data Content-Type.
 * Other parameters are skipped but must be well-formed, so a quoted ";"
 * cannot smuggle in a second boundary. */
static int
mp_boundary(const char *ct, const char **bp, size_t *blp)
{
	size_t n = strlen(ct), i = 0, ts, ns, ne, vs, ve, k;
	const char *b = NULL;
	size_t bl = 0;

	while (i < n && parse_is_ows(ct[i]))
		i++;
	ts = i;
	while (i < n && ct[i] != ';' && !parse_is_ows(ct[i]))
		i++;
	if (!parse_ieq(ct + ts, i - ts, "multipart/form-data"))
		return PARSE_BAD_MULTIPART;
	for (;;) {
		while (i < n && parse_is_ows(ct[i]))
			i++;
		if (i == n)
			break;
		if (ct[i] != ';')
			return PARSE_BAD_MULTIPART;
		i++;
		while (i < n && parse_is_ows(ct[i]))
			i++;
		if (i == n || ct[i] == ';')
			continue;	/* stray or trailing ";" */
		ns = i;
		while (i < n && parse_is_tchar((unsigned char)ct[i]))
			i++;
		ne = i;
		if (ne == ns || i == n || ct[i] != '=')
			return PARSE_BAD_MULTIPART;
		i++;
		if (i < n && ct[i] == '"') {
			vs = ++i;
			while (i < n && ct[i] != '"') {
				if (ct[i] == '\\' && ++i == n)
					return PARSE_BAD_MULTIPART;
				i++;
			}
			if (i == n)
				return PARSE_BAD_MULTIPART;
			ve = i++;
		} else {
			/* Lenient about unquoted bchars like "=" that some
			 * clients forget to quote; checked below anyway. */
			vs = i;
			while (i < n && ct[i] != ';' && ct[i] != '"' &&
			    !parse_is_ows(ct[i]))
				i++;
			ve = i;
		}
		if (!parse_ieq(ct + ns, ne - ns, "boundary"))
			continue;
		if (b != NULL)
			return PARSE_BAD_MULTIPART;	/* ambiguous */
		b = ct + vs;
		bl = ve - vs;
	}
	if (b == NULL || bl == 0 || bl > MP_MAX_BOUNDARY || b[bl - 1] == ' ')
		return PARSE_BAD_MULTIPART;
	for (k = 0; k < bl; k++)
		if (!mp_is_bchar((unsigned char)b[k]))
			return PARSE_BAD_MULTIPART;
	*bp = b;
	*blp = bl;
	return PARSE_OK;
}

/* Content-Disposition: form-data; name="x"; filename="y". Quoted values end
 * at the next quote with no backslash escapes, as browsers send them
 * (they percent-encode '"' instead): "C:\x\a.pdf" must survive intact. */
static int
mp_disposition(const char *v, size_t n, struct mp_part *pt)
{
	size_t i = 0, ns, ne, vs, ve;
	const char *q;

	while (i < n && parse_is_tchar((unsigned char)v[i]))
		i++;
	if (!parse_ieq(v, i, "form-data"))
		return PARSE_BAD_MULTIPART;
	for (;;) {
		while (i < n && parse_is_ows(v[i]))
			i++;
		if (i == n)
			break;
		if (v[i] != ';')
			return PARSE_BAD_MULTIPART;
		i++;
		while (i < n && parse_is_ows(v[i]))
			i++;
		if (i == n)
			break;
		ns = i;
		while (i < n && parse_is_tchar((unsigned char)v[i]))
			i++;
		ne = i;
		if (ne == ns || i == n || v[i] != '=')
			return PARSE_BAD_MULTIPART;
		i++;
		if (i < n && v[i] == '"') {
			vs = ++i;
			if ((q = memchr(v + i, '"', n - i)) == NULL)
				return PARSE_BAD_MULTIPART;
			ve = (size_t)(q - v);
			i = ve + 1;
		} else {
			vs = i;
			while (i < n && v[i] != ';' && v[i] != '"' &&
			    !parse_is_ows(v[i]))
				i++;
			ve = i;
			if (ve == vs)
				return PARSE_BAD_MULTIPART;
		}
		if (parse_ieq(v + ns, ne - ns, "name")) {
			if (pt->has_name)
				return PARSE_BAD_MULTIPART;
			pt->has_name = 1;
			pt->name = v + vs;
			pt->namelen = ve - vs;
		} else if (parse_ieq(v + ns, ne - ns, "filename")) {
			if (pt->has_filename)
				return PARSE_BAD_MULTIPART;
			pt->has_filename = 1;
			pt->filename = v + vs;
			pt->fnlen = ve - vs;
		}
		/* Other parameters (filename* among them, which RFC 7578
		 * forbids) are ignored. */
	}
	return PARSE_OK;
}

static int
mp_header_line(const char *line, size_t n, struct mp_part *pt)
{
	size_t i, vs, ve;
	const char *colon;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)line[i];
		if ((c < 0x20 && c != '\t') || c == 0x7F)
			return PARSE_BAD_MULTIPART;
	}
	/* A name of tchars right up to the colon; this also rejects obsolete
	 * line folding, which starts with whitespace. */
	if ((colon = memchr(line, ':', n)) == NULL || colon == line)
		return PARSE_BAD_MULTIPART;
	for (i = 0; line + i < colon; i++)
		if (!parse_is_tchar((unsigned char)line[i]))
			return PARSE_BAD_MULTIPART;
	vs = (size_t)(colon - line) + 1;
	ve = n;
	while (vs < ve && parse_is_ows(line[vs]))
		vs++;
	while (ve > vs && parse_is_ows(line[ve - 1]))
		ve--;

	if (parse_ieq(line, (size_t)(colon - line), "content-disposition")) {
		if (pt->has_disp)
			return PARSE_BAD_MULTIPART;
		pt->has_disp = 1;
		return mp_disposition(line + vs, ve - vs, pt);
	}
	if (parse_ieq(line, (size_t)(colon - line), "content-type")) {
		if (pt->has_ctype || ve == vs)
			return PARSE_BAD_MULTIPART;
		/* Printable ASCII only, so ctype is safe to log and echo. */
		for (i = vs; i < ve; i++)
			if ((unsigned char)line[i] > 0x7E)
				return PARSE_BAD_MULTIPART;
		pt->has_ctype = 1;
		pt->ctype = line + vs;
		pt->ctlen = ve - vs;
	}
	return PARSE_OK;
}

/* Reads part headers up to and including the blank line. */
static int
mp_headers(const char *body, size_t len, size_t *posp, struct mp_part *pt)
{
	size_t pos = *posp, nhdr = 0, scan, eol;
	const char *line, *crlf;
	int rc;

	memset(pt, 0, sizeof(*pt));
	for (;;) {
		line = body + pos;
		scan = len - pos;
		if (scan > MP_MAX_LINE + 2)
			scan = MP_MAX_LINE + 2;
		/* No CRLF within the limit: too long or truncated. */
		if ((crlf = memmem(line, scan, "\r\n", 2)) == NULL)
			return PARSE_BAD_MULTIPART;
		eol = (size_t)(crlf - line);
		pos += eol + 2;
		if (eol == 0)
			break;
		if (++nhdr > MP_MAX_HEADERS)
			return PARSE_BAD_MULTIPART;
		if ((rc = mp_header_line(line, eol, pt)) != PARSE_OK)
			return rc;
	}
	if (!pt->has_disp || !pt->has_name)
		return PARSE_BAD_MULTIPART;
	*posp = pos;
	return PARSE_OK;
}

static void
mp_spool_cleanup(void *arg)
{
	struct mp_spool *sp = arg;

	if (sp->path != NULL)
		(void)unlink(sp->path);
}

/* A full disk is told apart from other I/O errors: the server answers it
 * with 507 (a condition of the server, not of the request). */
static int
spool_err(int err)
{
	return err == ENOSPC || err == EDQUOT ? PARSE_NO_SPACE : PARSE_IO;
}

/* Writes a large file part to spool_dir; the arena unlinks it at reset. */
static int
mp_spool(struct arena *a, const char *dir, const char *data, size_t n,
    struct param *p)
{
	struct mp_spool *sp;
	char *path;
	size_t off = 0;
	ssize_t w;
	int fd, err;

	if (dir == NULL || *dir == '\0')
		return PARSE_IO;
	if ((sp = arena_alloc(a, sizeof(*sp))) == NULL ||
	    (path = arena_printf(a, "%s/upload-XXXXXX", dir)) == NULL)
		return PARSE_NOMEM;
	/* mkostemp creates the file 0600; O_CLOEXEC keeps it out of any
	 * child process the application might spawn. */
	if ((fd = mkostemp(path, O_CLOEXEC)) == -1)
		return spool_err(errno);
	sp->path = path;
	if (arena_on_reset(a, mp_spool_cleanup, sp) == -1) {
		(void)close(fd);
		(void)unlink(path);
		return PARSE_NOMEM;
	}
	while (off < n) {
		w = write(fd, data + off, n - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	p->spool_path = path;
	p->val = NULL;
	p->len = n;
	return PARSE_OK;
fail:
	err = errno;
	if (fd != -1)
		(void)close(fd);
	(void)unlink(path);
	sp->path = NULL;
	return spool_err(err);
}

/* Checks one parsed part against the limits and appends it to out. */
static int
mp_store(struct arena *a, const struct parse_limits *lim,
    const struct mp_part *pt, const char *data, size_t n,
    struct param_list *out)
{
	const char *fn;
	size_t fnlen, k;
	struct param *p;
	int rc;

	if ((rc = parse_check_key(pt->name, pt->namelen, lim->max_key)) !=
	    PARSE_OK)
		return rc;
	fn = pt->filename;
	fnlen = pt->fnlen;
	if (!pt->has_filename) {
		if (n > lim->max_value)
			return PARSE_FIELD_TOO_LONG;
		if (!utf8_valid(data, n))
			return PARSE_BAD_UTF8;
	} else {
		if (!utf8_valid(fn, fnlen))
			return PARSE_BAD_UTF8;
		/* Old browsers send the client's full path; keep the base. */
		for (k = fnlen; k > 0; k--)
			if (fn[k - 1] == '/' || fn[k - 1] == '\\')
				break;
		fn += k;
		fnlen -= k;
		if (n > lim->max_file)
			return PARSE_FILE_TOO_LARGE;
	}

	if ((p = arena_alloc(a, sizeof(*p))) == NULL ||
	    (p->key = arena_strndup(a, pt->name, pt->namelen)) == NULL)
		return PARSE_NOMEM;
	if (pt->has_ctype &&
	    (p->ctype = arena_strndup(a, pt->ctype, pt->ctlen)) == NULL)
		return PARSE_NOMEM;
	if (pt->has_filename) {
		p->is_file = 1;
		if ((p->filename = arena_strndup(a, fn, fnlen)) == NULL)
			return PARSE_NOMEM;
		if (n > lim->spool_threshold) {
			if ((rc = mp_spool(a, lim->spool_dir, data, n, p)) !=
			    PARSE_OK)
				return rc;
			parse_list_link(out, p);
			return PARSE_OK;
		}
	}
	if ((p->val = arena_strndup(a, data, n)) == NULL)
		return PARSE_NOMEM;
	p->len = n;
	parse_list_link(out, p);
	return PARSE_OK;
}

int
parse_multipart(struct arena *a, const char *content_type,
    const char *body, size_t len, const struct parse_limits *lim,
    struct param_list *out)
{
	char delim[4 + MP_MAX_BOUNDARY];	/* CRLF "--" boundary */
	const char *b, *hit;
	size_t blen, dlen, pos;
	struct mp_part pt;
	int rc;

	parse_list_init(out);
	if (content_type == NULL || body == NULL)
		return PARSE_BAD_MULTIPART;
	if ((rc = mp_boundary(content_type, &b, &blen)) != PARSE_OK)
		return rc;
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, b, blen);
	dlen = 4 + blen;

	/* The first delimiter has no CRLF when there is no preamble. */
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		pos = dlen - 2;
	else if ((hit = memmem(body, len, delim, dlen)) != NULL)
		pos = (size_t)(hit - body) + dlen;
	else
		return PARSE_BAD_MULTIPART;

	/* Each search resumes past the previous delimiter and the input is
	 * never rescanned, so the work stays linear in len. */
	for (;;) {
		/* A close delimiter ends the body; the epilogue is ignored. */
		if (len - pos >= 2 && body[pos] == '-' && body[pos + 1] == '-')
			return PARSE_OK;
		while (pos < len && parse_is_ows(body[pos]))
			pos++;	/* transport padding */
		if (len - pos < 2 || body[pos] != '\r' || body[pos + 1] != '\n')
			return PARSE_BAD_MULTIPART;
		pos += 2;
		if (out->n >= lim->max_fields)
			return PARSE_TOO_MANY;
		if ((rc = mp_headers(body, len, &pos, &pt)) != PARSE_OK)
			return rc;
		if ((hit = memmem(body + pos, len - pos, delim, dlen)) == NULL)
			return PARSE_BAD_MULTIPART;
		if ((rc = mp_store(a, lim, &pt, body + pos,
		    (size_t)(hit - (body + pos)), out)) != PARSE_OK)
			return rc;
		pos = (size_t)(hit - body) + dlen;
	}
}
