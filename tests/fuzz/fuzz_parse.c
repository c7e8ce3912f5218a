/* fuzz_parse.c — libFuzzer harness for app/core/parse.c: one input goes to
 * all three parsers with small limits, and every returned field is checked
 * against the promises in parse.h (key rule, UTF-8, NUL termination).
 *
 * clang-14 -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -Iapp -Iapp/core tests/fuzz/fuzz_parse.c app/core/parse.c app/rules/utf8.c app/core/arena.c \
 *     -o /tmp/fuzz_parse && /tmp/fuzz_parse -max_total_time=60 /tmp/corpus
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct arena fz_arena;
static char         fz_dir[] = "/tmp/fuzz_parse.XXXXXX";
static int          fz_ready;

static void
fz_cleanup(void)
{
	arena_free(&fz_arena);	/* unlinks any spooled file left */
	(void)rmdir(fz_dir);
}

static int
fz_keyok(const char *k)
{
	size_t i, n = strlen(k);

	if (n == 0 || n > 16)
		return 0;
	for (i = 0; i < n; i++)
		if (!((k[i] >= 'A' && k[i] <= 'Z') ||
		    (k[i] >= 'a' && k[i] <= 'z') ||
		    (k[i] >= '0' && k[i] <= '9') ||
		    k[i] == '_' || k[i] == '.' || k[i] == '-'))
			return 0;
	return 1;
}

static void
fz_check(const struct param_list *l, int rc, const struct parse_limits *lim)
{
	const struct param *p;
	struct stat st;
	size_t n = 0;

	if (rc < PARSE_OK || rc >= PARSE_ERR_MAX)
		abort();
	if (parse_strerror(rc) == NULL)
		abort();
	for (p = l->head; p != NULL; p = p->next) {
		n++;
		if (p->next == NULL && p != l->tail)
			abort();
		if (!fz_keyok(p->key))
			abort();
		if (p->filename != NULL &&
		    (!utf8_valid(p->filename, strlen(p->filename)) ||
		    strchr(p->filename, '/') || strchr(p->filename, '\\')))
			abort();
		if (p->ctype != NULL && !utf8_valid(p->ctype, strlen(p->ctype)))
			abort();
		if (p->spool_path != NULL) {
			if (!p->is_file || p->val != NULL ||
			    p->len <= lim->spool_threshold ||
			    stat(p->spool_path, &st) == -1 ||
			    (size_t)st.st_size != p->len ||
			    (st.st_mode & 0777) != 0600)
				abort();
			continue;
		}
		if (p->val == NULL || p->val[p->len] != '\0')
			abort();
		if (p->is_file) {
			if (p->len > lim->max_file || p->filename == NULL)
				abort();
		} else if (p->len > lim->max_value ||
		    !utf8_valid(p->val, p->len) || strlen(p->val) != p->len)
			abort();
	}
	if (n != l->n || n > lim->max_fields)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct parse_limits lim = { 8, 16, 64, 512, 32, fz_dir };
	struct param_list l;
	const char *nl;
	char *s, *ct;
	size_t ctlen;
	int rc;

	if (!fz_ready) {
		if (mkdtemp(fz_dir) == NULL)
			abort();
		arena_init(&fz_arena, 1 << 20);
		atexit(fz_cleanup);
		fz_ready = 1;
	}

	/* An exact-size heap copy, so ASan sees any read past size. */
	if ((s = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(s, data, size);

	rc = parse_urlencoded(&fz_arena, s, size, &lim, &l);
	fz_check(&l, rc, &lim);
	arena_reset(&fz_arena);

	rc = parse_multipart(&fz_arena, "multipart/form-data; boundary=b",
	    s, size, &lim, &l);
	fz_check(&l, rc, &lim);
	arena_reset(&fz_arena);

	/* First line as the Content-Type, the rest as the body. */
	if ((nl = memchr(s, '\n', size)) != NULL) {
		ctlen = (size_t)(nl - s);
		if ((ct = malloc(ctlen + 1)) != NULL) {
			memcpy(ct, s, ctlen);
			ct[ctlen] = '\0';
			rc = parse_multipart(&fz_arena, ct, s + ctlen + 1,
			    size - ctlen - 1, &lim, &l);
			fz_check(&l, rc, &lim);
			arena_reset(&fz_arena);
			free(ct);
		}
	}

	/* Cookies are a C string: stops at the first NUL. */
	if ((ct = malloc(size + 1)) != NULL) {
		memcpy(ct, s, size);
		ct[size] = '\0';
		rc = parse_cookies(&fz_arena, ct, &lim, &l);
		fz_check(&l, rc, &lim);
		arena_reset(&fz_arena);
		free(ct);
	}

	free(s);
	return 0;
}
