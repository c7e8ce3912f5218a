/* fuzz_csv.c — libFuzzer harness for app/rules/csv.c: every input is read
 * with small limits and the result is checked against the promises in
 * csv.h; inputs without quotes are also checked against a naive splitter.
 *
 * clang-14 -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -Iapp -Iapp/core tests/fuzz/fuzz_csv.c app/rules/csv.c \
 *     app/core/parse.c app/rules/utf8.c app/core/arena.c -o /tmp/fuzz_csv && \
 *     /tmp/fuzz_csv -max_total_time=60 /tmp/csv_corpus tests/fuzz/corpus/csv
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "rules/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct arena fz_arena;
static int          fz_ready;

static void
fz_cleanup(void)
{
	arena_free(&fz_arena);
}

static int
fz_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Physical lines in s: line ends plus one, as csv.c counts them. */
static int
fz_lines(const char *s, size_t n)
{
	size_t i;
	int lines = 1;

	for (i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n ||
		    s[i + 1] != '\n')))
			lines++;
	return lines;
}

static void
fz_row(const struct csv_row *r, const struct csv_limits *lim, int maxline)
{
	int i;

	if (r->n < 1 || r->n > lim->max_fields || r->f == NULL ||
	    r->len == NULL || r->line < 1 || r->line > maxline)
		abort();
	for (i = 0; i < r->n; i++) {
		if (r->f[i] == NULL || r->f[i][r->len[i]] != '\0' ||
		    strlen(r->f[i]) != r->len[i] || r->len[i] > lim->max_field ||
		    !utf8_valid(r->f[i], r->len[i]))
			abort();
	}
}

/*
 * Oracle for quote-free UTF-8 without BOM: split on CRLF/LF/CR, skip blank
 * lines, split on commas, trim blanks. The reader must agree exactly.
 */
static void
fz_oracle(const char *s, size_t n, const struct csv_doc *d)
{
	size_t pos = 0, e, fs, fe, b, k;
	int line = 1, row = -1, fi;
	const struct csv_row *r;

	while (pos <= n) {
		for (e = pos; e < n && s[e] != '\r' && s[e] != '\n'; e++)
			;
		for (b = pos; b < e && fz_blank(s[b]); b++)
			;
		if (b < e) {
			r = row < 0 ? &d->header : &d->rows[row];
			if (row >= d->nrows || r->line != line)
				abort();
			fi = 0;
			for (fs = pos; ; fs = fe + 1) {
				for (fe = fs; fe < e && s[fe] != ','; fe++)
					;
				for (b = fs; b < fe && fz_blank(s[b]); b++)
					;
				for (k = fe; k > b && fz_blank(s[k - 1]); k--)
					;
				if (fi >= r->n || r->len[fi] != k - b ||
				    memcmp(r->f[fi], s + b, k - b) != 0)
					abort();
				fi++;
				if (fe >= e)
					break;
			}
			if (fi != r->n)
				abort();
			row++;
		}
		if (e >= n)
			break;
		pos = e + 1;
		if (s[e] == '\r' && pos < n && s[pos] == '\n')
			pos++;
		line++;
	}
	if (row != d->nrows)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct csv_limits lim = { 16, 8, 32 };
	struct csv_doc d;
	char *s;
	int rc, line, maxline, prev, i;

	if (!fz_ready) {
		arena_init(&fz_arena, 1 << 20);
		atexit(fz_cleanup);
		fz_ready = 1;
	}
	/* An exact-size heap copy, so ASan sees any read past size. */
	if ((s = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	maxline = fz_lines(s, size);

	line = -1;
	rc = csv_read(&fz_arena, s, size, &lim, &d, &line);
	if (rc < CSV_OK || rc >= CSV_ERR_MAX || csv_errkey(rc) == NULL)
		abort();
	switch (rc) {
	case CSV_OK:
	case CSV_EMPTY:
	case CSV_NOMEM:
		if (line != 0)
			abort();
		break;
	default:
		if (line < 1 || line > maxline)
			abort();
	}
	if (rc == CSV_OK) {
		if (d.encoding == NULL || (strcmp(d.encoding, "UTF-8") != 0 &&
		    strcmp(d.encoding, "GB18030") != 0))
			abort();
		if (d.nrows < 0 || d.nrows > lim.max_rows ||
		    (d.nrows == 0) != (d.rows == NULL))
			abort();
		fz_row(&d.header, &lim, maxline);
		prev = d.header.line;
		for (i = 0; i < d.nrows; i++) {
			fz_row(&d.rows[i], &lim, maxline);
			/* Each row ends with a line end: strictly after. */
			if (d.rows[i].line <= prev)
				abort();
			prev = d.rows[i].line;
		}
		/* Every header cell is found, at its own index or an
		 * earlier duplicate. */
		for (i = 0; i < d.header.n; i++) {
			int c = csv_col(&d, d.header.f[i]);
			if (c < 0 || c > i)
				abort();
		}
		if (memchr(s, '"', size) == NULL &&
		    strcmp(d.encoding, "UTF-8") == 0 &&
		    (size < 3 || memcmp(s, "\xEF\xBB\xBF", 3) != 0))
			fz_oracle(s, size, &d);
	}
	arena_reset(&fz_arena);
	free(s);
	return 0;
}
