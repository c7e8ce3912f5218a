/* test_parse.c — cmocka tests for app/core/parse.c: urlencoded forms,
 * cookies, multipart bodies (in memory and spooled) and UTF-8 validation.
 * Inputs are copied into exact-size heap buffers so overreads trip ASan. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse.h"

#define BND	"----WebKitFormBoundary7MA4YWxkTrZu0gW"
#define CT	"multipart/form-data; boundary=" BND
#define DISP	"Content-Disposition: form-data"
#define CD(n)	DISP "; name=\"" n "\"\r\n"

static char             tmpdir[64];
static struct arena     A;
static struct parse_limits lim;

struct buf {
	char   *p;
	size_t  n, cap;
};

static void
bput(struct buf *b, const void *data, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2 + 64;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->n, data, n);
	b->n += n;
}

static void
bputs(struct buf *b, const char *s)
{
	bput(b, s, strlen(s));
}

static void
bfill(struct buf *b, char c, size_t n)
{
	for (; n > 0; n--)
		bput(b, &c, 1);
}

/* One part: delimiter line, header lines (each with CRLF), blank line,
 * content, and the CRLF that belongs to the next delimiter. */
static void
mp_part(struct buf *b, const char *hdrs, const void *data, size_t n)
{
	bputs(b, "--" BND "\r\n");
	bputs(b, hdrs);
	bputs(b, "\r\n");
	bput(b, data, n);
	bputs(b, "\r\n");
}

static void
mp_close(struct buf *b)
{
	bputs(b, "--" BND "--\r\n");
}

static int
url(const char *s, struct param_list *out)
{
	size_t n = strlen(s);
	char *copy = malloc(n ? n : 1);
	int rc;

	assert_non_null(copy);
	memcpy(copy, s, n);
	rc = parse_urlencoded(&A, copy, n, &lim, out);
	free(copy);
	return rc;
}

static int
mpn(const char *ct, const void *body, size_t n, struct param_list *out)
{
	char *copy = malloc(n ? n : 1);
	int rc;

	assert_non_null(copy);
	memcpy(copy, body, n);
	rc = parse_multipart(&A, ct, copy, n, &lim, out);
	free(copy);
	return rc;
}

static int
mps(const char *ct, const char *body, struct param_list *out)
{
	return mpn(ct, body, strlen(body), out);
}

static int
mpb(struct buf *b, struct param_list *out)
{
	int rc = mpn(CT, b->p, b->n, out);

	free(b->p);
	memset(b, 0, sizeof(*b));
	return rc;
}

static size_t
dir_count(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	size_t n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
assert_param(const struct param *p, const char *key, const char *val)
{
	assert_non_null(p);
	assert_string_equal(p->key, key);
	assert_non_null(p->val);
	assert_string_equal(p->val, val);
	assert_int_equal(p->len, strlen(val));
}

static int
group_setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_parse.XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
group_teardown(void **state)
{
	DIR *d;
	struct dirent *de;
	char path[512];

	(void)state;
	/* Leftovers mean a test failed; remove them anyway. */
	if ((d = opendir(tmpdir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", tmpdir,
			    de->d_name);
			unlink(path);
		}
		closedir(d);
	}
	return rmdir(tmpdir);
}

static int
setup(void **state)
{
	(void)state;
	arena_init(&A, 0);
	lim.max_fields = 16;
	lim.max_key = 16;
	lim.max_value = 64;
	lim.max_file = 4096;
	lim.spool_threshold = 256;
	lim.spool_dir = tmpdir;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

/* urlencoded */

static void
test_url_simple(void **state)
{
	struct param_list l;

	(void)state;
	assert_int_equal(url("a=1&b=two&c_d.e-f=3", &l), PARSE_OK);
	assert_int_equal(l.n, 3);
	assert_param(l.head, "a", "1");
	assert_param(l.head->next, "b", "two");
	assert_param(l.head->next->next, "c_d.e-f", "3");
	assert_ptr_equal(l.tail, l.head->next->next);
	assert_null(l.tail->next);
	assert_int_equal(l.head->is_file, 0);
	assert_null(l.head->filename);
	assert_null(l.head->ctype);
	assert_null(l.head->spool_path);
}

static void
test_url_plus_and_percent(void **state)
{
	struct param_list l;

	(void)state;
	assert_int_equal(url("q=hello+world%21&x=%41%42&y=%c3%a9"
	    "&z=a%2Bb%26c%3Dd", &l), PARSE_OK);
	assert_int_equal(l.n, 4);
	assert_param(param_find(&l, "q"), "q", "hello world!");
	assert_param(param_find(&l, "x"), "x", "AB");
	assert_param(param_find(&l, "y"), "y", "\xc3\xa9");
	assert_param(param_find(&l, "z"), "z", "a+b&c=d");
}

static void
test_url_chinese(void **state)
{
	struct param_list l;

	(void)state;
	assert_int_equal(url("city=%E8%8B%8F%E5%B7%9E"
	    "&raw=\xe8\x8b\x8f\xe5\xb7\x9e", &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_param(l.head, "city", "苏州");
	assert_int_equal(l.head->len, 6);
	assert_param(l.head->next, "raw", "苏州");
}

static void
test_url_empty_segments(void **state)
{
	struct param_list l;

	(void)state;
	assert_int_equal(url("&a=1&&b=2&", &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_param(l.head, "a", "1");
	assert_param(l.head->next, "b", "2");
	assert_int_equal(url("&&&", &l), PARSE_OK);
	assert_int_equal(l.n, 0);
	assert_null(l.head);
	assert_null(l.tail);
}

static void
test_url_missing_value(void **state)
{
	struct param_list l;

	(void)state;
	assert_int_equal(url("a&b=&c==&d=x=y", &l), PARSE_OK);
	assert_int_equal(l.n, 4);
	assert_param(l.head, "a", "");
	assert_param(l.head->next, "b", "");
	assert_param(l.head->next->next, "c", "=");
	assert_param(l.tail, "d", "x=y");
}

static void
test_url_empty_input(void **state)
{
	struct param_list l;

	(void)state;
	memset(&l, 0xA5, sizeof(l));	/* out must be initialised */
	assert_int_equal(url("", &l), PARSE_OK);
	assert_int_equal(l.n, 0);
	assert_null(l.head);
	assert_int_equal(parse_urlencoded(&A, NULL, 0, &lim, &l), PARSE_OK);
	assert_int_equal(l.n, 0);
	assert_null(l.head);
}

static void
test_url_not_nul_terminated(void **state)
{
	struct param_list l;
	const char buf[] = { 'a', '=', '1', '&', 'b', '=', '%', '4', '1', 'X',
	    'Y', 'Z' };

	(void)state;
	assert_int_equal(parse_urlencoded(&A, buf, 9, &lim, &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_param(l.tail, "b", "A");
	/* Cutting an escape short must not read the bytes past len. */
	assert_int_equal(parse_urlencoded(&A, buf, 8, &lim, &l),
	    PARSE_BAD_ESCAPE);
	assert_int_equal(parse_urlencoded(&A, buf, 7, &lim, &l),
	    PARSE_BAD_ESCAPE);
}

static void
test_url_bad_escapes(void **state)
{
	struct param_list l;
	const char *bad[] = { "a=%", "a=%4", "a=%zz", "a=%g1", "a=%1g",
	    "a=1%", "%zz=1", "a%=1", "ok=1&b=%%41", "a=%+1" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		print_message("input %s\n", bad[i]);
		assert_int_equal(url(bad[i], &l), PARSE_BAD_ESCAPE);
	}
}

static void
test_url_bad_utf8(void **state)
{
	struct param_list l;
	const char *bad[] = {
		"a=%C0%AF",		/* overlong '/' */
		"a=%ED%A0%80",		/* surrogate U+D800 */
		"a=%FF",
		"a=x%00y",		/* NUL */
		"a=%E8%8B",		/* truncated 3-byte */
		"a=%F4%90%80%80",	/* U+110000 */
		"a=%80",		/* lone continuation */
		"a=\xc0\xaf",		/* raw overlong */
		"a=\xff",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		print_message("input %s\n", bad[i]);
		assert_int_equal(url(bad[i], &l), PARSE_BAD_UTF8);
	}
}

static void
test_url_key_limits(void **state)
{
	struct param_list l;

	(void)state;
	/* max_key is 16 */
	assert_int_equal(url("abcdefghijklmnop=1", &l), PARSE_OK);
	assert_param(l.head, "abcdefghijklmnop", "1");
	assert_int_equal(url("abcdefghijklmnopq=1", &l), PARSE_FIELD_TOO_LONG);
	/* The limit applies to the decoded key. */
	assert_int_equal(url("%41bcdefghijklmno%50=1", &l), PARSE_OK);
	assert_param(l.head, "AbcdefghijklmnoP", "1");
	assert_int_equal(url("%41bcdefghijklmnop%51=1", &l),
	    PARSE_FIELD_TOO_LONG);
}

static void
test_url_value_limits(void **state)
{
	struct param_list l;
	struct buf b = { 0 };

	(void)state;
	/* max_value is 64 */
	bputs(&b, "v=");
	bfill(&b, 'x', 64);
	bput(&b, "", 1);
	assert_int_equal(url(b.p, &l), PARSE_OK);
	assert_int_equal(l.head->len, 64);
	b.n--;
	bputs(&b, "x");
	bput(&b, "", 1);
	assert_int_equal(url(b.p, &l), PARSE_FIELD_TOO_LONG);
	free(b.p);
	memset(&b, 0, sizeof(b));

	/* 64 escapes decode to exactly 64 bytes: raw length is no criterion. */
	bputs(&b, "v=");
	while (b.n < 2 + 64 * 3)
		bputs(&b, "%41");
	bput(&b, "", 1);
	assert_int_equal(url(b.p, &l), PARSE_OK);
	assert_int_equal(l.head->len, 64);
	b.n--;
	bputs(&b, "+");
	bput(&b, "", 1);
	assert_int_equal(url(b.p, &l), PARSE_FIELD_TOO_LONG);
	free(b.p);

	/* Multi-byte characters count in bytes: 21 x 3 = 63, +3 = 66. */
	memset(&b, 0, sizeof(b));
	bputs(&b, "v=");
	while (b.n < 2 + 21 * 3)
		bputs(&b, "\xe8\x8b\x8f");
	bput(&b, "", 1);
	assert_int_equal(url(b.p, &l), PARSE_OK);
	assert_int_equal(l.head->len, 63);
	b.n--;
	bputs(&b, "\xe8\x8b\x8f");
	bput(&b, "", 1);
	assert_int_equal(url(b.p, &l), PARSE_FIELD_TOO_LONG);
	free(b.p);
}

static void
test_url_bad_keys(void **state)
{
	struct param_list l;
	const char *bad[] = { "=1", "=", "a+b=1", "a%20b=1", "a/b=1",
	    "\xc3\xa4=1", "a%00=1", "a;b=1", "a[]=1", "ok=1&%3D=2",
	    "ok=1&=2" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		print_message("input %s\n", bad[i]);
		assert_int_equal(url(bad[i], &l), PARSE_BAD_KEY);
	}
	assert_int_equal(url("AZaz09_.-=1&a%5Fb=2", &l), PARSE_OK);
	assert_param(l.head, "AZaz09_.-", "1");
	assert_param(l.tail, "a_b", "2");
}

static void
test_url_too_many(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	int i;

	(void)state;
	for (i = 0; i < 16; i++)
		bputs(&b, "k=v&&");
	bput(&b, "", 1);
	assert_int_equal(url(b.p, &l), PARSE_OK);
	assert_int_equal(l.n, 16);
	b.n--;
	bputs(&b, "k=v");
	bput(&b, "", 1);
	assert_int_equal(url(b.p, &l), PARSE_TOO_MANY);
	free(b.p);

	lim.max_fields = 0;
	assert_int_equal(url("", &l), PARSE_OK);
	assert_int_equal(url("a", &l), PARSE_TOO_MANY);
}

static void
test_url_duplicates(void **state)
{
	struct param_list l;
	const struct param *p;

	(void)state;
	assert_int_equal(url("a=1&b=2&a=3", &l), PARSE_OK);
	assert_int_equal(l.n, 3);
	p = param_find(&l, "a");
	assert_param(p, "a", "1");
	assert_ptr_equal(p, l.head);
	assert_param(l.tail, "a", "3");
	assert_null(param_find(&l, "c"));
}

static void
test_url_nomem(void **state)
{
	struct param_list l;

	(void)state;
	arena_free(&A);
	arena_init(&A, 160);
	assert_int_equal(url("a=1&b=2&c=3&d=4&e=5", &l), PARSE_NOMEM);
	/* A fresh arena with room for it succeeds. */
	arena_free(&A);
	arena_init(&A, 4096);
	assert_int_equal(url("a=1&b=2&c=3&d=4&e=5", &l), PARSE_OK);
	assert_int_equal(l.n, 5);
}

/* cookies */

static void
test_cookie_basic(void **state)
{
	struct param_list l;

	(void)state;
	assert_int_equal(parse_cookies(&A, "a=1; b=\"x y\"; c=2", &lim, &l),
	    PARSE_OK);
	assert_int_equal(l.n, 3);
	assert_param(l.head, "a", "1");
	assert_param(l.head->next, "b", "x y");
	assert_param(l.tail, "c", "2");
}

static void
test_cookie_whitespace(void **state)
{
	struct param_list l;

	(void)state;
	assert_int_equal(parse_cookies(&A, "  a = 1 ;\tb=2\t;c=  \"q\"  ;",
	    &lim, &l), PARSE_OK);
	assert_int_equal(l.n, 3);
	assert_param(l.head, "a", "1");
	assert_param(l.head->next, "b", "2");
	assert_param(l.tail, "c", "q");
}

static void
test_cookie_junk_skipped(void **state)
{
	struct param_list l;

	(void)state;
	assert_int_equal(parse_cookies(&A,
	    "junk; =x; a b=1; ok=1; bad\x01=2; \xc3\xa9=3; d=\xff; "
	    "f=\xc0\xaf; $Path=/; e=ok; g[0]=1",
	    &lim, &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_param(l.head, "ok", "1");
	assert_param(l.tail, "e", "ok");
}

static void
test_cookie_null_empty(void **state)
{
	struct param_list l;

	(void)state;
	memset(&l, 0xA5, sizeof(l));
	assert_int_equal(parse_cookies(&A, NULL, &lim, &l), PARSE_OK);
	assert_int_equal(l.n, 0);
	assert_null(l.head);
	assert_int_equal(parse_cookies(&A, "", &lim, &l), PARSE_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(parse_cookies(&A, " ;; ;\t", &lim, &l), PARSE_OK);
	assert_int_equal(l.n, 0);
}

static void
test_cookie_too_many(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	int i;

	(void)state;
	for (i = 0; i < 16; i++)
		bputs(&b, "k=v; junk; ");
	bput(&b, "", 1);
	assert_int_equal(parse_cookies(&A, b.p, &lim, &l), PARSE_OK);
	assert_int_equal(l.n, 16);
	b.n--;
	bputs(&b, "k=v");
	bput(&b, "", 1);
	assert_int_equal(parse_cookies(&A, b.p, &lim, &l), PARSE_TOO_MANY);
	free(b.p);
}

static void
test_cookie_limits_skip(void **state)
{
	struct param_list l;
	struct buf b = { 0 };

	(void)state;
	bputs(&b, "big=");
	bfill(&b, 'x', 65);
	bputs(&b, "; ok=");
	bfill(&b, 'y', 64);
	bputs(&b, "; abcdefghijklmnopq=1; abcdefghijklmnop=2");
	bput(&b, "", 1);
	assert_int_equal(parse_cookies(&A, b.p, &lim, &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.head->key, "ok");
	assert_int_equal(l.head->len, 64);
	assert_param(l.tail, "abcdefghijklmnop", "2");
	free(b.p);
}

static void
test_cookie_values_raw(void **state)
{
	struct param_list l;

	(void)state;
	/* Not percent-decoded, '=' inside values kept, odd quotes kept. */
	assert_int_equal(parse_cookies(&A,
	    "a=%41; b=x=y; c=\"\"; d=\"; e=\"x; f=; g=\xe8\x8b\x8f", &lim, &l),
	    PARSE_OK);
	assert_int_equal(l.n, 7);
	assert_param(param_find(&l, "a"), "a", "%41");
	assert_param(param_find(&l, "b"), "b", "x=y");
	assert_param(param_find(&l, "c"), "c", "");
	assert_param(param_find(&l, "d"), "d", "\"");
	assert_param(param_find(&l, "e"), "e", "\"x");
	assert_param(param_find(&l, "f"), "f", "");
	assert_param(param_find(&l, "g"), "g", "苏");
}

static void
test_cookie_duplicates(void **state)
{
	struct param_list l;

	(void)state;
	assert_int_equal(parse_cookies(&A, "sid=new; sid=old", &lim, &l),
	    PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_param(param_find(&l, "sid"), "sid", "new");
	assert_param(l.tail, "sid", "old");
}

/* multipart */

static void
test_mp_text_fields(void **state)
{
	struct param_list l;
	struct buf b = { 0 };

	(void)state;
	mp_part(&b, CD("name"), "Zhang San", 9);
	mp_part(&b, CD("city"), "苏州", strlen("苏州"));
	mp_part(&b, CD("empty"), "", 0);
	mp_part(&b, CD("multi") "Content-Type: text/plain; charset=UTF-8\r\n",
	    "line1\r\nline2", 12);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_int_equal(l.n, 4);
	assert_param(l.head, "name", "Zhang San");
	assert_int_equal(l.head->is_file, 0);
	assert_null(l.head->filename);
	assert_null(l.head->ctype);
	assert_null(l.head->spool_path);
	assert_param(l.head->next, "city", "苏州");
	assert_param(l.head->next->next, "empty", "");
	assert_param(l.tail, "multi", "line1\r\nline2");
	assert_string_equal(l.tail->ctype, "text/plain; charset=UTF-8");
}

static void
test_mp_file_in_memory(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	const struct param *p;

	(void)state;
	mp_part(&b, CD("title"), "report", 6);
	mp_part(&b, "Content-Disposition: form-data; name=\"doc\"; "
	    "filename=\"a.txt\"\r\nContent-Type: text/plain\r\n", "hello", 5);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	p = param_find(&l, "doc");
	assert_param(p, "doc", "hello");
	assert_int_equal(p->is_file, 1);
	assert_string_equal(p->filename, "a.txt");
	assert_string_equal(p->ctype, "text/plain");
	assert_null(p->spool_path);
}

static void
test_mp_file_binary_nul(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	unsigned char bin[200];
	size_t i;

	(void)state;
	for (i = 0; i < 200; i++)
		bin[i] = (unsigned char)i;	/* NUL, CR, LF, bad UTF-8 */
	mp_part(&b, "Content-Disposition: form-data; name=\"bin\"; "
	    "filename=\"x.bin\"\r\nContent-Type: application/octet-stream\r\n",
	    bin, 200);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.head->is_file, 1);
	assert_int_equal(l.head->len, 200);
	assert_non_null(l.head->val);
	assert_memory_equal(l.head->val, bin, 200);
	assert_int_equal(l.head->val[200], '\0');
	assert_string_equal(l.head->ctype, "application/octet-stream");

	/* The same bytes in a text field are rejected (NUL byte). */
	mp_part(&b, CD("bin"), bin, 10);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_UTF8);
}

static void
test_mp_file_spooled(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	char data[1000], back[1001];
	const struct param *p;
	struct stat st;
	char path[256];
	ssize_t r;
	size_t i;
	int fd;

	(void)state;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (char)(i * 7);
	mp_part(&b, CD("a"), "1", 1);
	mp_part(&b, "Content-Disposition: form-data; name=\"up\"; "
	    "filename=\"big.bin\"\r\n", data, sizeof(data));
	mp_part(&b, CD("z"), "2", 1);
	mp_close(&b);
	assert_int_equal(dir_count(tmpdir), 0);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_int_equal(l.n, 3);
	p = param_find(&l, "up");
	assert_non_null(p);
	assert_int_equal(p->is_file, 1);
	assert_null(p->val);
	assert_int_equal(p->len, sizeof(data));
	assert_string_equal(p->filename, "big.bin");
	assert_null(p->ctype);
	assert_non_null(p->spool_path);
	snprintf(path, sizeof(path), "%s/upload-", tmpdir);
	assert_int_equal(strncmp(p->spool_path, path, strlen(path)), 0);
	assert_int_equal(strlen(p->spool_path), strlen(path) + 6);
	assert_int_equal(stat(p->spool_path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, sizeof(data));
	fd = open(p->spool_path, O_RDONLY);
	assert_true(fd >= 0);
	r = read(fd, back, sizeof(back));
	close(fd);
	assert_int_equal(r, sizeof(data));
	assert_memory_equal(back, data, sizeof(data));
	assert_param(l.tail, "z", "2");
	assert_int_equal(dir_count(tmpdir), 1);

	snprintf(path, sizeof(path), "%s", p->spool_path);
	arena_reset(&A);
	assert_int_equal(stat(path, &st), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(dir_count(tmpdir), 0);
}

static void
test_mp_spool_threshold(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	char data[257];

	(void)state;
	memset(data, 'q', sizeof(data));
	/* Exactly spool_threshold stays in memory... */
	mp_part(&b, "Content-Disposition: form-data; name=\"f\"; "
	    "filename=\"f\"\r\n", data, 256);
	/* ...one byte more goes to disk. */
	mp_part(&b, "Content-Disposition: form-data; name=\"g\"; "
	    "filename=\"g\"\r\n", data, 257);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_non_null(l.head->val);
	assert_null(l.head->spool_path);
	assert_int_equal(l.head->len, 256);
	assert_null(l.tail->val);
	assert_non_null(l.tail->spool_path);
	assert_int_equal(l.tail->len, 257);
	assert_int_equal(dir_count(tmpdir), 1);
	arena_reset(&A);
	assert_int_equal(dir_count(tmpdir), 0);
}

static void
test_mp_file_too_large(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	char *data = malloc(4097);

	(void)state;
	assert_non_null(data);
	memset(data, 'x', 4097);
	mp_part(&b, "Content-Disposition: form-data; name=\"f\"; "
	    "filename=\"f\"\r\n", data, 4096);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_int_equal(l.head->len, 4096);
	assert_non_null(l.head->spool_path);
	arena_reset(&A);

	mp_part(&b, "Content-Disposition: form-data; name=\"f\"; "
	    "filename=\"f\"\r\n", data, 4097);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_FILE_TOO_LARGE);
	assert_int_equal(dir_count(tmpdir), 0);

	/* In-memory limit applies too when max_file < spool_threshold. */
	lim.max_file = 10;
	mp_part(&b, "Content-Disposition: form-data; name=\"f\"; "
	    "filename=\"f\"\r\n", data, 11);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_FILE_TOO_LARGE);
	free(data);
}

static void
test_mp_boundary_param(void **state)
{
	struct param_list l;
	const char *body = "--xyz\r\n" CD("a") "\r\n1\r\n--xyz--\r\n";
	const char *qbody = "--a b:c=d\r\n" CD("a") "\r\n1\r\n--a b:c=d--";
	const char *good[] = {
		"multipart/form-data; boundary=xyz",
		"multipart/form-data;boundary=xyz",
		"Multipart/Form-Data; BOUNDARY=xyz",
		"multipart/form-data; boundary=\"xyz\"",
		"multipart/form-data; charset=utf-8; boundary=xyz",
		"multipart/form-data; foo=\"a;boundary=zzz\"; boundary=xyz;",
		"  multipart/form-data ; boundary=xyz  ",
	};
	const char *bad[] = {
		"multipart/form-data",
		"multipart/form-data; boundary=",
		"multipart/form-data; boundary=\"\"",
		"multipart/form-data; boundary=\"xyz",
		"multipart/form-data; boundary=xyz; boundary=xyz",
		"multipart/form-data; boundary=x\x01yz",
		"multipart/form-data; boundary=\"xy\\\"z\"",
		"multipart/form-data; boundary=\"xyz \"",
		"multipart/form-data; boundary=xy{z",
		"multipart/mixed; boundary=xyz",
		"text/plain; boundary=xyz",
		"multipart/form-data boundary=xyz",
		"multipart/form-data; boundary xyz",
		"",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		print_message("ct %s\n", good[i]);
		assert_int_equal(mps(good[i], body, &l), PARSE_OK);
		assert_int_equal(l.n, 1);
		assert_param(l.head, "a", "1");
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		print_message("ct %s\n", bad[i]);
		assert_int_equal(mps(bad[i], body, &l), PARSE_BAD_MULTIPART);
	}
	assert_int_equal(mps(NULL, body, &l), PARSE_BAD_MULTIPART);
	/* Quoted boundaries may hold RFC 2046 bchars like space and ':'. */
	assert_int_equal(mps("multipart/form-data; boundary=\"a b:c=d\"", qbody,
	    &l), PARSE_OK);
	assert_param(l.head, "a", "1");
}

static void
test_mp_boundary_length(void **state)
{
	struct param_list l;
	struct buf ct = { 0 }, b = { 0 };

	(void)state;
	/* 70 characters is the RFC 2046 maximum. */
	bputs(&ct, "multipart/form-data; boundary=");
	bfill(&ct, 'b', 70);
	bput(&ct, "", 1);
	bputs(&b, "--");
	bfill(&b, 'b', 70);
	bputs(&b, "\r\n" CD("a") "\r\nv\r\n--");
	bfill(&b, 'b', 70);
	bputs(&b, "--\r\n");
	assert_int_equal(mpn(ct.p, b.p, b.n, &l), PARSE_OK);
	assert_param(l.head, "a", "v");
	free(ct.p);
	free(b.p);

	memset(&ct, 0, sizeof(ct));
	memset(&b, 0, sizeof(b));
	bputs(&ct, "multipart/form-data; boundary=");
	bfill(&ct, 'b', 71);
	bput(&ct, "", 1);
	bputs(&b, "--");
	bfill(&b, 'b', 71);
	bputs(&b, "\r\n" CD("a") "\r\nv\r\n--");
	bfill(&b, 'b', 71);
	bputs(&b, "--\r\n");
	assert_int_equal(mpn(ct.p, b.p, b.n, &l), PARSE_BAD_MULTIPART);
	free(ct.p);
	free(b.p);
}

static void
test_mp_missing_close(void **state)
{
	struct param_list l;
	const char *bad[] = {
		"--" BND "\r\n" CD("a") "\r\n1",
		"--" BND "\r\n" CD("a") "\r\n1\r\n",
		"--" BND "\r\n" CD("a") "\r\n1\r\n--" BND,
		"--" BND "\r\n" CD("a") "\r\n1\r\n--" BND "\r\n",
		"--" BND "\r\n" CD("a") "\r\n1\r\n--" BND "-",
		"--" BND "\r\n" CD("a") "\r\n1\r\n--" BND "\r\n" CD("b"),
		"--" BND "\r\n" CD("a"),
		"--" BND "\r\n" CD("a") "\r",
		"--" BND "\r\nContent-Disposition: form-da",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		print_message("case %zu\n", i);
		assert_int_equal(mps(CT, bad[i], &l), PARSE_BAD_MULTIPART);
	}
}

static void
test_mp_garbage(void **state)
{
	struct param_list l;
	const char *bad[] = {
		"\n", "", "\r\n", "-", "--", "garbage", "--" BND,
		"--" BND "\r\n",
		"--" BND "X\r\n" CD("a") "\r\n1\r\n--" BND "--",
		"--" BND "\n" CD("a") "\r\n1\r\n--" BND "--",
		"--" BND "\r\n" DISP "; name=\"a\"\n\n1\n--" BND "--\n",
		"--" BND "\r\n\r\n1\r\n--" BND "--",
		"--" BND "\r\n: x\r\n" CD("a") "\r\n1\r\n--" BND "--",
		"--" BND "\r\nno colon\r\n" CD("a") "\r\n1\r\n--" BND "--",
		"--" BND "\r\nX Y: z\r\n" CD("a") "\r\n1\r\n--" BND "--",
		"--" BND "\r\nX: a\rb\r\n" CD("a") "\r\n1\r\n--" BND "--",
		"--" BND "\r\n" CD("a") " continued\r\n\r\n1\r\n--" BND "--",
		"--" BND "\r\n" DISP "; name=\"a\r\n\r\n1\r\n--" BND "--",
		"--" BND "\r\n" DISP "; name=a b\r\n\r\n1\r\n--" BND "--",
		"--" BND "\r\n" DISP " name=a\r\n\r\n1\r\n--" BND "--",
		"--" BND "\r\n" DISP "; name\r\n\r\n1\r\n--" BND "--",
		"--" BND "\r\n" DISP "; name=\r\n\r\n1\r\n--" BND "--",
		"--" BND "\r\nContent-Type:\r\n" CD("a") "\r\n1\r\n--" BND "--",
		"--" BND "\r\nContent-Type: t\xc3\xa9xt\r\n" CD("a")
		    "\r\n1\r\n--" BND "--",
		"--" BND "\r\n" CD("a") "\r\n1\r\n--" BND "X\r\n" CD("b")
		    "\r\n2\r\n--" BND "--",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		print_message("case %zu\n", i);
		assert_int_equal(mps(CT, bad[i], &l), PARSE_BAD_MULTIPART);
	}
	assert_int_equal(parse_multipart(&A, CT, NULL, 0, &lim, &l),
	    PARSE_BAD_MULTIPART);
	assert_int_equal(l.n, 0);
	/* "\n--boundary" is not a delimiter (it needs CRLF), so per RFC 2046
	 * everything up to the first real CRLF--boundary is preamble. */
	assert_int_equal(mps(CT, "\n--" BND "\r\n" CD("a") "\r\n1\r\n--" BND
	    "\r\n" CD("b") "\r\n2\r\n--" BND "--", &l), PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_param(l.head, "b", "2");
	assert_int_equal(mps(CT, "\n--" BND "\r\n" CD("a") "\r\n1\r\n--" BND
	    "--", &l), PARSE_OK);
	assert_int_equal(l.n, 0);
}

static void
test_mp_duplicate_headers(void **state)
{
	struct param_list l;
	struct buf b = { 0 };

	(void)state;
	mp_part(&b, CD("a") "Content-Type: text/plain\r\n"
	    "content-type: text/html\r\n", "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_MULTIPART);

	mp_part(&b, CD("a") CD("b"), "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_MULTIPART);

	mp_part(&b, "Content-Disposition: form-data; name=\"a\"; "
	    "name=\"b\"\r\n", "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_MULTIPART);

	mp_part(&b, "Content-Disposition: form-data; name=\"a\"; "
	    "filename=\"x\"; FILENAME=\"y\"\r\n", "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_MULTIPART);
}

static void
test_mp_missing_name(void **state)
{
	struct param_list l;
	struct buf b = { 0 };

	(void)state;
	mp_part(&b, "Content-Disposition: form-data; filename=\"a.txt\"\r\n",
	    "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_MULTIPART);

	mp_part(&b, "Content-Type: text/plain\r\n", "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_MULTIPART);

	mp_part(&b, "Content-Disposition: attachment; name=\"a\"\r\n", "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_MULTIPART);

	mp_part(&b, "Content-Disposition: form-data\r\n", "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_MULTIPART);
}

static void
test_mp_bad_name(void **state)
{
	struct param_list l;
	struct buf b = { 0 };

	(void)state;
	mp_part(&b, CD("a b"), "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_KEY);

	mp_part(&b, CD(""), "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_KEY);

	mp_part(&b, CD("a%5Fb"), "1", 1);	/* names are not decoded */
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_KEY);

	mp_part(&b, CD("\xe8\x8b\x8f"), "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_KEY);

	mp_part(&b, CD("abcdefghijklmnopq"), "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_FIELD_TOO_LONG);

	mp_part(&b, CD("abcdefghijklmnop"), "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_param(l.head, "abcdefghijklmnop", "1");
}

static void
test_mp_filename_path(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	const struct param *p;

	(void)state;
	mp_part(&b, "Content-Disposition: form-data; name=\"a\"; "
	    "filename=\"C:\\x\\a.pdf\"\r\n", "%PDF", 4);
	mp_part(&b, "Content-Disposition: form-data; name=\"b\"; "
	    "filename=\"/etc/passwd\"\r\n", "x", 1);
	mp_part(&b, "Content-Disposition: form-data; name=\"c\"; "
	    "filename=\"../d/sub\\f.txt\"\r\n", "x", 1);
	mp_part(&b, "Content-Disposition: form-data; name=\"d\"; "
	    "filename=\"\"\r\nContent-Type: application/octet-stream\r\n",
	    "", 0);
	mp_part(&b, "Content-Disposition: form-data; name=\"e\"; "
	    "filename=\"dir/\"\r\n", "", 0);
	mp_part(&b, "Content-Disposition: form-data; name=f; filename=plain.txt"
	    "\r\n", "y", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_int_equal(l.n, 6);
	p = param_find(&l, "a");
	assert_string_equal(p->filename, "a.pdf");
	assert_param(p, "a", "%PDF");
	assert_string_equal(param_find(&l, "b")->filename, "passwd");
	assert_string_equal(param_find(&l, "c")->filename, "f.txt");
	p = param_find(&l, "d");
	assert_int_equal(p->is_file, 1);
	assert_string_equal(p->filename, "");
	assert_param(p, "d", "");
	p = param_find(&l, "e");
	assert_int_equal(p->is_file, 1);
	assert_string_equal(p->filename, "");
	p = param_find(&l, "f");
	assert_int_equal(p->is_file, 1);
	assert_string_equal(p->filename, "plain.txt");
}

static void
test_mp_filename_utf8(void **state)
{
	struct param_list l;
	struct buf b = { 0 };

	(void)state;
	mp_part(&b, "Content-Disposition: form-data; name=\"a\"; "
	    "filename=\"苏州;报告.pdf\"\r\n", "x", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_string_equal(l.head->filename, "苏州;报告.pdf");

	mp_part(&b, "Content-Disposition: form-data; name=\"a\"; "
	    "filename=\"\xff.pdf\"\r\n", "x", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_UTF8);

	mp_part(&b, "Content-Disposition: form-data; name=\"a\"; "
	    "filename=\"\xed\xa0\x80.pdf\"\r\n", "x", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_UTF8);
}

static void
test_mp_value_limits(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	char data[65];

	(void)state;
	memset(data, 'v', sizeof(data));
	mp_part(&b, CD("a"), data, 64);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_int_equal(l.head->len, 64);

	mp_part(&b, CD("a"), data, 65);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_FIELD_TOO_LONG);

	mp_part(&b, CD("a"), "x\0y", 3);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_UTF8);

	mp_part(&b, CD("a"), "\xc0\xaf", 2);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_UTF8);

	/* Text fields are not percent-decoded. */
	mp_part(&b, CD("a"), "%zz+", 4);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_param(l.head, "a", "%zz+");
}

static void
test_mp_too_many(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	int i;

	(void)state;
	for (i = 0; i < 16; i++)
		mp_part(&b, CD("k"), "v", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_int_equal(l.n, 16);

	for (i = 0; i < 17; i++)
		mp_part(&b, CD("k"), "v", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_TOO_MANY);
}

static void
test_mp_header_limits(void **state)
{
	struct param_list l;
	struct buf b = { 0 }, h = { 0 };
	int i;

	(void)state;
	/* A 1024-byte header line (CRLF excluded) is accepted... */
	bputs(&h, CD("a") "X-Pad: ");
	bfill(&h, 'p', 1024 - strlen("X-Pad: "));
	bputs(&h, "\r\n");
	bput(&h, "", 1);
	mp_part(&b, h.p, "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	assert_param(l.head, "a", "1");
	/* ...1025 is not. */
	h.n -= 3;
	bputs(&h, "p\r\n");
	bput(&h, "", 1);
	mp_part(&b, h.p, "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_MULTIPART);
	free(h.p);

	/* Eight header lines are accepted, nine are not. */
	memset(&h, 0, sizeof(h));
	bputs(&h, CD("a"));
	for (i = 0; i < 7; i++)
		bputs(&h, "X-Other: 1\r\n");
	bput(&h, "", 1);
	mp_part(&b, h.p, "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_OK);
	h.n--;
	bputs(&h, "X-Other: 1\r\n");
	bput(&h, "", 1);
	mp_part(&b, h.p, "1", 1);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_BAD_MULTIPART);
	free(h.p);
}

static void
test_mp_framing_variants(void **state)
{
	struct param_list l;

	(void)state;
	/* Preamble and epilogue are ignored; padding after delimiters ok. */
	assert_int_equal(mps(CT, "This is a preamble.\r\n--" BND " \t\r\n"
	    CD("a") "\r\n1\r\n--" BND "--\r\nepilogue --" BND "\r\n junk",
	    &l), PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_param(l.head, "a", "1");
	/* A preamble that is just a CRLF. */
	assert_int_equal(mps(CT, "\r\n--" BND "\r\n" CD("a") "\r\n1\r\n--" BND
	    "--", &l), PARSE_OK);
	assert_param(l.head, "a", "1");
	/* An empty form. */
	assert_int_equal(mps(CT, "--" BND "--\r\n", &l), PARSE_OK);
	assert_int_equal(l.n, 0);
	/* Header names and form-data are case-insensitive, OWS is trimmed. */
	assert_int_equal(mps(CT, "--" BND "\r\ncontent-DISPOSITION:FORM-DATA ;"
	    "NAME=\"a\"  \r\nCONTENT-TYPE:   text/plain  \r\n\r\n1\r\n--" BND
	    "--", &l), PARSE_OK);
	assert_param(l.head, "a", "1");
	assert_string_equal(l.head->ctype, "text/plain");
	/* The boundary without its leading CRLF is content, not a delimiter. */
	assert_int_equal(mps(CT, "--" BND "\r\n" CD("a") "\r\nx--" BND "y\r\n--"
	    BND "--", &l), PARSE_OK);
	assert_param(l.head, "a", "x--" BND "y");
	/* Unknown headers and disposition parameters are ignored. */
	assert_int_equal(mps(CT, "--" BND "\r\nContent-Transfer-Encoding: 8bit"
	    "\r\nContent-Disposition: form-data; name=\"a\"; filename*=x; "
	    "size=3\r\n\r\nabc\r\n--" BND "--", &l), PARSE_OK);
	assert_param(l.head, "a", "abc");
	assert_int_equal(l.head->is_file, 0);
}

static void
test_mp_spool_io_error(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	char data[1000], missing[128];
	struct rlimit old, rl;
	void (*oldsig)(int);

	(void)state;
	memset(data, 'z', sizeof(data));

	/* Spool directory that does not exist. */
	snprintf(missing, sizeof(missing), "%s/nonexistent", tmpdir);
	lim.spool_dir = missing;
	mp_part(&b, "Content-Disposition: form-data; name=\"f\"; "
	    "filename=\"f\"\r\n", data, sizeof(data));
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_IO);
	lim.spool_dir = NULL;
	mp_part(&b, "Content-Disposition: form-data; name=\"f\"; "
	    "filename=\"f\"\r\n", data, sizeof(data));
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_IO);
	lim.spool_dir = tmpdir;

	/* A write that fails half way (EFBIG here, ENOSPC in production)
	 * leaves no partial file behind. */
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	oldsig = signal(SIGXFSZ, SIG_IGN);
	rl = old;
	rl.rlim_cur = 100;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &rl), 0);
	mp_part(&b, "Content-Disposition: form-data; name=\"f\"; "
	    "filename=\"f\"\r\n", data, sizeof(data));
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_IO);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, oldsig);
	assert_int_equal(dir_count(tmpdir), 0);
	arena_reset(&A);	/* the disarmed cleanup must not misbehave */
	assert_int_equal(dir_count(tmpdir), 0);
}

static void
test_mp_nomem(void **state)
{
	struct param_list l;
	struct buf b = { 0 };
	char data[600];

	(void)state;
	memset(data, 'n', sizeof(data));
	arena_free(&A);
	arena_init(&A, 256);
	mp_part(&b, CD("a"), "1", 1);
	mp_part(&b, CD("b"), "2", 1);
	mp_part(&b, "Content-Disposition: form-data; name=\"f\"; "
	    "filename=\"f\"\r\n", data, 200);
	mp_close(&b);
	assert_int_equal(mpb(&b, &l), PARSE_NOMEM);
	arena_free(&A);
	arena_init(&A, 0);
}

/* utf8_valid */

static void
test_utf8_valid(void **state)
{
	static const struct {
		const char *s;
		int ok;
	} c[] = {
		{ "", 1 },
		{ "plain ascii ~\x7f", 1 },
		{ "\xc2\x80", 1 },		/* U+0080 */
		{ "\xdf\xbf", 1 },		/* U+07FF */
		{ "\xc0\xaf", 0 },		/* overlong */
		{ "\xc1\xbf", 0 },		/* overlong */
		{ "\xe0\xa0\x80", 1 },		/* U+0800 */
		{ "\xe0\x80\x80", 0 },		/* overlong */
		{ "\xe0\x9f\xbf", 0 },		/* overlong */
		{ "\xed\x9f\xbf", 1 },		/* U+D7FF */
		{ "\xed\xa0\x80", 0 },		/* U+D800 */
		{ "\xed\xbf\xbf", 0 },		/* U+DFFF */
		{ "\xee\x80\x80", 1 },		/* U+E000 */
		{ "\xef\xbf\xbf", 1 },		/* U+FFFF */
		{ "苏州", 1 },
		{ "\xf0\x90\x80\x80", 1 },	/* U+10000 */
		{ "\xf0\x9d\x84\x9e", 1 },	/* U+1D11E */
		{ "\xf0\x80\x80\x80", 0 },	/* overlong */
		{ "\xf0\x8f\xbf\xbf", 0 },	/* overlong */
		{ "\xf4\x8f\xbf\xbf", 1 },	/* U+10FFFF */
		{ "\xf4\x90\x80\x80", 0 },	/* U+110000 */
		{ "\xf5\x80\x80\x80", 0 },
		{ "\xf8\x88\x80\x80\x80", 0 },
		{ "\xfe", 0 },
		{ "\xff", 0 },
		{ "\x80", 0 },			/* lone continuation */
		{ "a\xbf", 0 },
		{ "\xe8\x8b", 0 },		/* truncated */
		{ "\xf0\x9d\x84", 0 },		/* truncated */
		{ "\xc3", 0 },			/* truncated */
		{ "\xc3(", 0 },			/* bad continuation */
		{ "\xe8(\x8f", 0 },
		{ "\xf0\x9d(\x9e", 0 },
		{ "\xf0\x9d\x84(", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		print_message("case %zu\n", i);
		assert_int_equal(utf8_valid(c[i].s, strlen(c[i].s)), c[i].ok);
	}
	/* NUL anywhere is rejected; len is honoured exactly. */
	assert_int_equal(utf8_valid("a\0b", 3), 0);
	assert_int_equal(utf8_valid("\0", 1), 0);
	assert_int_equal(utf8_valid("ab\xff", 2), 1);
	assert_int_equal(utf8_valid("\xe8\x8b\x8f", 2), 0);
	assert_int_equal(utf8_valid(NULL, 0), 1);
}

/* misc */

static void
test_param_find(void **state)
{
	struct param_list l;

	(void)state;
	assert_int_equal(url("x=1&y=2&x=3", &l), PARSE_OK);
	assert_param(param_find(&l, "y"), "y", "2");
	assert_param(param_find(&l, "x"), "x", "1");
	assert_null(param_find(&l, "X"));
	assert_null(param_find(&l, ""));
	assert_null(param_find(&l, NULL));
	assert_null(param_find(NULL, "x"));
}

static void
test_strerror(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < PARSE_ERR_MAX; i++) {
		assert_non_null(parse_strerror(i));
		assert_true(strlen(parse_strerror(i)) > 0);
		for (j = 0; j < i; j++)
			assert_string_not_equal(parse_strerror(i),
			    parse_strerror(j));
	}
	assert_non_null(parse_strerror(-1));
	assert_non_null(parse_strerror(PARSE_ERR_MAX));
	assert_string_equal(parse_strerror(PARSE_ERR_MAX),
	    parse_strerror(1000));
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_url_simple),
		T(test_url_plus_and_percent),
		T(test_url_chinese),
		T(test_url_empty_segments),
		T(test_url_missing_value),
		T(test_url_empty_input),
		T(test_url_not_nul_terminated),
		T(test_url_bad_escapes),
		T(test_url_bad_utf8),
		T(test_url_key_limits),
		T(test_url_value_limits),
		T(test_url_bad_keys),
		T(test_url_too_many),
		T(test_url_duplicates),
		T(test_url_nomem),
		T(test_cookie_basic),
		T(test_cookie_whitespace),
		T(test_cookie_junk_skipped),
		T(test_cookie_null_empty),
		T(test_cookie_too_many),
		T(test_cookie_limits_skip),
		T(test_cookie_values_raw),
		T(test_cookie_duplicates),
		T(test_mp_text_fields),
		T(test_mp_file_in_memory),
		T(test_mp_file_binary_nul),
		T(test_mp_file_spooled),
		T(test_mp_spool_threshold),
		T(test_mp_file_too_large),
		T(test_mp_boundary_param),
		T(test_mp_boundary_length),
		T(test_mp_missing_close),
		T(test_mp_garbage),
		T(test_mp_duplicate_headers),
		T(test_mp_missing_name),
		T(test_mp_bad_name),
		T(test_mp_filename_path),
		T(test_mp_filename_utf8),
		T(test_mp_value_limits),
		T(test_mp_too_many),
		T(test_mp_header_limits),
		T(test_mp_framing_variants),
		T(test_mp_spool_io_error),
		T(test_mp_nomem),
		T(test_utf8_valid),
		T(test_param_find),
		T(test_strerror),
	};

	return cmocka_run_group_tests_name("parse", tests, group_setup,
	    group_teardown);
}
