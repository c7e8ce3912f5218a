/* test_csv.c — the import CSV reader: encodings as Excel saves them (UTF-8
 * with and without BOM, GB18030), line ends, RFC 4180 quoting, line numbers
 * in errors, limits at and past the boundary, and header lookup. */
#include <iconv.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rules/csv.h"

static const struct csv_limits wide = { 1000, 64, 4096 };

static int
setup(void **state)
{
	struct arena *a = malloc(sizeof(*a));

	if (a == NULL)
		return -1;
	arena_init(a, 0);
	*state = a;
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	free(*state);
	return 0;
}

/* Parses an exact-size heap copy of s[0..len), so ASan catches any read
 * past the end (the reader must not rely on a terminating NUL). */
static int
rdn(void **state, const char *s, size_t len, const struct csv_limits *lim,
    struct csv_doc *d, int *line)
{
	char *copy = malloc(len ? len : 1);
	int rc;

	assert_non_null(copy);
	memcpy(copy, s, len);
	*line = -1;
	rc = csv_read(*state, copy, len, lim, d, line);
	free(copy);	/* fields must live in the arena, not in buf */
	return rc;
}

static int
rdl(void **state, const char *s, const struct csv_limits *lim,
    struct csv_doc *d, int *line)
{
	return rdn(state, s, strlen(s), lim, d, line);
}

static int
rd(void **state, const char *s, struct csv_doc *d, int *line)
{
	return rdl(state, s, &wide, d, line);
}

/* UTF-8 to GB18030 with iconv, as Excel on a Chinese Windows would save. */
static size_t
to_gb(const char *utf8, char *out, size_t outsz)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	char *ip = (char *)(uintptr_t)utf8, *op = out;
	size_t il = strlen(utf8), ol = outsz;

	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
	assert_int_equal(il, 0);
	iconv_close(cd);
	return outsz - ol;
}

static void
assert_row(const struct csv_row *r, int line, int n)
{
	int i;

	assert_int_equal(r->line, line);
	assert_int_equal(r->n, n);
	for (i = 0; i < n; i++) {
		assert_non_null(r->f[i]);
		assert_int_equal(strlen(r->f[i]), r->len[i]);
	}
}

static void
test_plain_utf8(void **state)
{
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state, "名称,代码\n苏州甲公司,123\nB,456\n", &d,
	    &line), CSV_OK);
	assert_int_equal(line, 0);
	assert_string_equal(d.encoding, "UTF-8");
	assert_row(&d.header, 1, 2);
	assert_string_equal(d.header.f[0], "名称");
	assert_string_equal(d.header.f[1], "代码");
	assert_int_equal(d.nrows, 2);
	assert_row(&d.rows[0], 2, 2);
	assert_string_equal(d.rows[0].f[0], "苏州甲公司");
	assert_int_equal(d.rows[0].len[0], 15);
	assert_string_equal(d.rows[0].f[1], "123");
	assert_row(&d.rows[1], 3, 2);
	assert_string_equal(d.rows[1].f[0], "B");
	assert_string_equal(d.rows[1].f[1], "456");
}

static void
test_bom(void **state)
{
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state, "\xEF\xBB\xBF统一社会信用代码,名称\r\n"
	    "91320506AY4CL12THL,苏州吴中精密机械有限公司\r\n", &d, &line),
	    CSV_OK);
	assert_string_equal(d.encoding, "UTF-8");
	assert_string_equal(d.header.f[0], "统一社会信用代码");
	assert_int_equal(csv_col(&d, "统一社会信用代码"), 0);
	assert_int_equal(d.nrows, 1);
	assert_row(&d.rows[0], 2, 2);
	assert_string_equal(d.rows[0].f[1], "苏州吴中精密机械有限公司");

	/* Only a BOM, or a BOM and blank lines: no header. */
	assert_int_equal(rd(state, "\xEF\xBB\xBF", &d, &line), CSV_EMPTY);
	assert_int_equal(rd(state, "\xEF\xBB\xBF\r\n  \r\n", &d, &line),
	    CSV_EMPTY);
	/* A BOM says UTF-8: a bad byte after it is reported, not
	 * reinterpreted as GB18030 (CB D5 D6 DD would decode to 苏州). */
	assert_int_equal(rd(state, "\xEF\xBB\xBFh\r\nok\r\n\xCB\xD5\xD6\xDD\r\n",
	    &d, &line), CSV_BAD_ENCODING);
	assert_int_equal(line, 3);
	/* Half a BOM is not a BOM: EF BB is bad UTF-8 but GB18030 锘. */
	assert_int_equal(rd(state, "\xEF\xBB,x", &d, &line), CSV_OK);
	assert_string_equal(d.encoding, "GB18030");
	assert_string_equal(d.header.f[0], "锘");
}

static void
test_gb18030_iconv(void **state)
{
	const char *src = "统一社会信用代码,名称\r\n"
	    "91320506AY4CL12THL,苏州吴中精密机械有限公司\r\n";
	char gb[256];
	size_t n;
	struct csv_doc d;
	int line;

	n = to_gb(src, gb, sizeof(gb));
	assert_true(n < strlen(src));	/* 2 bytes a character, not 3 */
	assert_int_equal(rdn(state, gb, n, &wide, &d, &line), CSV_OK);
	assert_string_equal(d.encoding, "GB18030");
	assert_row(&d.header, 1, 2);
	assert_string_equal(d.header.f[0], "统一社会信用代码");
	assert_string_equal(d.header.f[1], "名称");
	assert_int_equal(d.nrows, 1);
	assert_row(&d.rows[0], 2, 2);
	assert_string_equal(d.rows[0].f[0], "91320506AY4CL12THL");
	assert_string_equal(d.rows[0].f[1], "苏州吴中精密机械有限公司");

	/* U+20000 is four bytes in GB18030 (95 32 82 36); € and é are two. */
	n = to_gb("名称\n\xF0\xA0\x80\x80,\xE2\x82\xAC,\xC3\xA9\n", gb,
	    sizeof(gb));
	assert_int_equal(rdn(state, gb, n, &wide, &d, &line), CSV_OK);
	assert_string_equal(d.encoding, "GB18030");
	assert_string_equal(d.rows[0].f[0], "\xF0\xA0\x80\x80");
	assert_string_equal(d.rows[0].f[1], "€");
	assert_string_equal(d.rows[0].f[2], "é");
}

static void
test_gb18030_literal(void **state)
{
	struct csv_doc d;
	int line;

	/* 苏州 = CB D5 D6 DD in GB2312/GBK/GB18030. */
	assert_int_equal(rd(state, "city,code\r\n\xCB\xD5\xD6\xDD,320500\r\n",
	    &d, &line), CSV_OK);
	assert_string_equal(d.encoding, "GB18030");
	assert_int_equal(d.nrows, 1);
	assert_string_equal(d.rows[0].f[0], "苏州");
	assert_int_equal(d.rows[0].len[0], 6);
	assert_string_equal(d.rows[0].f[1], "320500");

	/* Quoted, with a comma and an embedded line end, in GB18030. */
	assert_int_equal(rd(state, "a\n\"\xCB\xD5,\r\n\xD6\xDD\"\nz\n", &d,
	    &line), CSV_OK);
	assert_string_equal(d.rows[0].f[0], "苏,\r\n州");
	assert_int_equal(d.rows[1].line, 4);

	/* The GB18030 "BOM" (U+FEFF as 84 31 95 33) is dropped too. */
	assert_int_equal(rd(state, "\x84\x31\x95\x33\xC3\xFB\xB3\xC6\n"
	    "\xCB\xD5\xD6\xDD\n", &d, &line), CSV_OK);
	assert_string_equal(d.header.f[0], "名称");
	assert_int_equal(csv_col(&d, "名称"), 0);

	/* Bad GB18030 reports the line of the bad byte. */
	assert_int_equal(rd(state, "h\r\n\xCB\xD5\r\n\r\nx,\xFF\xFF\r\n", &d,
	    &line), CSV_BAD_ENCODING);
	assert_int_equal(line, 4);
	/* A lead byte cut off at the end of the file. */
	assert_int_equal(rd(state, "h\n\xCB\xD5\n\x81", &d, &line),
	    CSV_BAD_ENCODING);
	assert_int_equal(line, 3);
	/* 81 30 needs 2 more bytes; 81 7F is no GB18030 character. */
	assert_int_equal(rd(state, "h\n\x81\x30\n", &d, &line),
	    CSV_BAD_ENCODING);
	assert_int_equal(line, 2);
	assert_int_equal(rd(state, "h\n\x81\x7F\n", &d, &line),
	    CSV_BAD_ENCODING);
	assert_int_equal(line, 2);
}

static void
test_invalid_both(void **state)
{
	struct csv_doc d;
	int line;

	/* FF is neither a UTF-8 nor a GB18030 byte. */
	assert_int_equal(rd(state, "h\nabc\xFF\xFF", &d, &line),
	    CSV_BAD_ENCODING);
	assert_int_equal(line, 2);
	assert_int_equal(rd(state, "\xFF\xFF", &d, &line), CSV_BAD_ENCODING);
	assert_int_equal(line, 1);
	assert_int_equal(rd(state, "\x80", &d, &line), CSV_BAD_ENCODING);
	assert_int_equal(line, 1);
}

static void
test_nul(void **state)
{
	struct csv_doc d;
	int line;

	assert_int_equal(rdn(state, "h\na\0b\n", 6, &wide, &d, &line),
	    CSV_BAD_ENCODING);
	assert_int_equal(line, 2);
	/* Inside quotes, or in a GB18030 file, it is still refused. */
	assert_int_equal(rdn(state, "h\r\n\"a\r\n\0\"\n", 10, &wide, &d,
	    &line), CSV_BAD_ENCODING);
	assert_int_equal(line, 3);
	assert_int_equal(rdn(state, "\xCB\xD5\n\0", 4, &wide, &d, &line),
	    CSV_BAD_ENCODING);
	assert_int_equal(line, 2);
	/* UTF-16LE, as Excel's "Unicode text" export writes it. */
	assert_int_equal(rdn(state, "\xFF\xFEh\0\n\0", 6, &wide, &d, &line),
	    CSV_BAD_ENCODING);
	assert_int_equal(line, 1);
}

static void
test_line_ends(void **state)
{
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state, "h1,h2\r\na,b\rc,d\ne,f\r\n", &d, &line),
	    CSV_OK);
	assert_int_equal(d.nrows, 3);
	assert_row(&d.rows[0], 2, 2);
	assert_row(&d.rows[1], 3, 2);
	assert_row(&d.rows[2], 4, 2);
	assert_string_equal(d.rows[0].f[1], "b");
	assert_string_equal(d.rows[1].f[0], "c");
	assert_string_equal(d.rows[2].f[1], "f");

	/* Old Mac: CR only. */
	assert_int_equal(rd(state, "h\rx\ry\r", &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 2);
	assert_row(&d.rows[1], 3, 1);
	assert_string_equal(d.rows[1].f[0], "y");

	/* LF CR is two line ends, with a blank line between. */
	assert_int_equal(rd(state, "h\n\rx\n", &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 1);
	assert_row(&d.rows[0], 3, 1);

	/* No trailing newline, or one, or a CR at the very end. */
	assert_int_equal(rd(state, "h\nlast", &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 1);
	assert_string_equal(d.rows[0].f[0], "last");
	assert_int_equal(rd(state, "h\nlast\n", &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 1);
	assert_int_equal(rd(state, "h\r\nlast\r", &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 1);
	assert_string_equal(d.rows[0].f[0], "last");
}

static void
test_quoted(void **state)
{
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state,
	    "name,note,addr\r\n"                          /* 1 */
	    "\"Wu, Ltd\",\"say \"\"hi\"\"\",\"Line 1\r\n"  /* 2 */
	    "Line 2\n"                                    /* 3 */
	    "Line 3\"\r\n"                                /* 4 */
	    "plain,\"\",\"  kept  \"\r\n"                 /* 5 */
	    "\"a\rb\",\"\"\"\",x\r\n",                    /* 6, 7 */
	    &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 3);
	assert_row(&d.rows[0], 2, 3);
	assert_string_equal(d.rows[0].f[0], "Wu, Ltd");
	assert_string_equal(d.rows[0].f[1], "say \"hi\"");
	assert_int_equal(d.rows[0].len[1], 8);
	/* Embedded line ends are kept byte for byte. */
	assert_string_equal(d.rows[0].f[2], "Line 1\r\nLine 2\nLine 3");
	assert_row(&d.rows[1], 5, 3);
	assert_string_equal(d.rows[1].f[1], "");
	assert_string_equal(d.rows[1].f[2], "  kept  ");
	assert_row(&d.rows[2], 6, 3);
	assert_string_equal(d.rows[2].f[0], "a\rb");
	assert_string_equal(d.rows[2].f[1], "\"");

	/* A row after a multi-line field gets its physical line. */
	assert_int_equal(rd(state, "h\n\"1\n2\n3\"\nnext\n", &d, &line),
	    CSV_OK);
	assert_row(&d.rows[0], 2, 1);
	assert_row(&d.rows[1], 5, 1);
	assert_string_equal(d.rows[1].f[0], "next");

	/* Spaces around the quotes are ignored, inside they are kept. */
	assert_int_equal(rd(state, "h\n  \" a \" ,\t\"b\"\t\n", &d, &line),
	    CSV_OK);
	assert_row(&d.rows[0], 2, 2);
	assert_string_equal(d.rows[0].f[0], " a ");
	assert_string_equal(d.rows[0].f[1], "b");

	/* A quoted field that is the last thing in the file. */
	assert_int_equal(rd(state, "h\n\"end\"", &d, &line), CSV_OK);
	assert_string_equal(d.rows[0].f[0], "end");
	assert_int_equal(rd(state, "h\n\"\"", &d, &line), CSV_OK);
	assert_row(&d.rows[0], 2, 1);
	assert_string_equal(d.rows[0].f[0], "");
}

static void
test_blank_lines(void **state)
{
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state,
	    "\n"            /* 1 */
	    "  \r\n"        /* 2 */
	    "\tcode\t\n"    /* 3: header */
	    "\n"            /* 4 */
	    " \t\r\n"       /* 5 */
	    "A1\n"          /* 6 */
	    "\r"            /* 7 */
	    "A2\n"          /* 8 */
	    "   ",          /* 9: blanks without a line end */
	    &d, &line), CSV_OK);
	assert_row(&d.header, 3, 1);
	assert_string_equal(d.header.f[0], "code");
	assert_int_equal(d.nrows, 2);
	assert_row(&d.rows[0], 6, 1);
	assert_row(&d.rows[1], 8, 1);
	assert_string_equal(d.rows[1].f[0], "A2");

	/* A line of commas is not blank: it is a row of empty fields. */
	assert_int_equal(rd(state, "a,b\n,\n", &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 1);
	assert_row(&d.rows[0], 2, 2);
	assert_string_equal(d.rows[0].f[0], "");
	assert_string_equal(d.rows[0].f[1], "");
}

static void
test_trim(void **state)
{
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state, "h\n  a  ,\tb\t, c d ,,  \n", &d, &line),
	    CSV_OK);
	assert_row(&d.rows[0], 2, 5);
	assert_string_equal(d.rows[0].f[0], "a");
	assert_string_equal(d.rows[0].f[1], "b");
	assert_string_equal(d.rows[0].f[2], "c d");
	assert_string_equal(d.rows[0].f[3], "");
	assert_string_equal(d.rows[0].f[4], "");
	/* Only ASCII blanks: the ideographic space U+3000 is data. */
	assert_int_equal(rd(state, "h\n\xE3\x80\x80x\n", &d, &line), CSV_OK);
	assert_string_equal(d.rows[0].f[0], "\xE3\x80\x80x");
	/* A trailing comma makes a trailing empty field. */
	assert_int_equal(rd(state, "h\na,\n", &d, &line), CSV_OK);
	assert_row(&d.rows[0], 2, 2);
}

static void
test_short_rows(void **state)
{
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state, "a,b,c\n1\n1,2,3,4\n", &d, &line), CSV_OK);
	assert_int_equal(d.header.n, 3);
	assert_row(&d.rows[0], 2, 1);
	assert_row(&d.rows[1], 3, 4);
	assert_string_equal(d.rows[1].f[3], "4");
}

static void
test_bad_quote(void **state)
{
	struct csv_doc d;
	int line;

	/* A quote inside an unquoted field. */
	assert_int_equal(rd(state, "h\nok\nab\"c\n", &d, &line),
	    CSV_BAD_QUOTE);
	assert_int_equal(line, 3);
	assert_int_equal(rd(state, "h\nx, 12\"\n", &d, &line),
	    CSV_BAD_QUOTE);
	assert_int_equal(line, 2);
	/* Text after a closing quote, also after a multi-line field. */
	assert_int_equal(rd(state, "h\n\"a\"b\n", &d, &line), CSV_BAD_QUOTE);
	assert_int_equal(line, 2);
	assert_int_equal(rd(state, "h\r\n\"a\r\nb\" x\r\n", &d, &line),
	    CSV_BAD_QUOTE);
	assert_int_equal(line, 3);
	/* Unterminated: the line where the quote opened. */
	assert_int_equal(rd(state, "h\nx\n\"abc\ndef\n\nghi\n", &d, &line),
	    CSV_BAD_QUOTE);
	assert_int_equal(line, 3);
	assert_int_equal(rd(state, "h\ny,\"", &d, &line), CSV_BAD_QUOTE);
	assert_int_equal(line, 2);
	/* Ends on an escaped quote: still open. */
	assert_int_equal(rd(state, "h\n\"a\"\"", &d, &line), CSV_BAD_QUOTE);
	assert_int_equal(line, 2);
	/* In the header. */
	assert_int_equal(rd(state, "\"h\n", &d, &line), CSV_BAD_QUOTE);
	assert_int_equal(line, 1);
}

static void
test_limits_rows(void **state)
{
	struct csv_limits lim = { 2, 8, 64 };
	struct csv_doc d;
	int line;

	assert_int_equal(rdl(state, "h\n1\n2\n", &lim, &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 2);
	/* Trailing blank lines after the last allowed row are fine. */
	assert_int_equal(rdl(state, "h\n1\n2\n\n \n", &lim, &d, &line),
	    CSV_OK);
	assert_int_equal(rdl(state, "h\n1\n2\n\n3\n", &lim, &d, &line),
	    CSV_TOO_MANY_ROWS);
	assert_int_equal(line, 5);
	/* max_rows 0: a header alone. */
	lim.max_rows = 0;
	assert_int_equal(rdl(state, "h\r\n", &lim, &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 0);
	assert_int_equal(rdl(state, "h\r\n1", &lim, &d, &line),
	    CSV_TOO_MANY_ROWS);
	assert_int_equal(line, 2);
	lim.max_rows = -5;
	assert_int_equal(rdl(state, "h\r\n1", &lim, &d, &line),
	    CSV_TOO_MANY_ROWS);
}

static void
test_limits_fields(void **state)
{
	struct csv_limits lim = { 10, 3, 64 };
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state, "a,b,c\n1,2,3\n", &d, &line), CSV_OK);
	assert_int_equal(rdl(state, "a,b,c\n1,2,3\n", &lim, &d, &line),
	    CSV_OK);
	assert_int_equal(d.rows[0].n, 3);
	assert_int_equal(rdl(state, "a,b,c\n1,2,3\n1,2,3,\n", &lim, &d,
	    &line), CSV_TOO_MANY_FIELDS);
	assert_int_equal(line, 3);
	/* The header is limited too. */
	assert_int_equal(rdl(state, "a,b,c,d\n", &lim, &d, &line),
	    CSV_TOO_MANY_FIELDS);
	assert_int_equal(line, 1);
	/* The row's line, even when the extra field is further down. */
	assert_int_equal(rdl(state, "a\n\n\"1\n\",2,\"3\n\",4\n", &lim, &d,
	    &line), CSV_TOO_MANY_FIELDS);
	assert_int_equal(line, 3);
	lim.max_fields = 0;
	assert_int_equal(rdl(state, "a\n", &lim, &d, &line),
	    CSV_TOO_MANY_FIELDS);
	assert_int_equal(line, 1);
}

static void
test_limits_field_len(void **state)
{
	struct csv_limits lim = { 10, 10, 6 };
	struct csv_doc d;
	int line;

	/* Bytes after trimming: "abcdef" is 6. */
	assert_int_equal(rdl(state, "h\n  abcdef  \n", &lim, &d, &line),
	    CSV_OK);
	assert_int_equal(d.rows[0].len[0], 6);
	assert_int_equal(rdl(state, "h\nabcdefg\n", &lim, &d, &line),
	    CSV_FIELD_TOO_LONG);
	assert_int_equal(line, 2);
	/* Bytes after unescaping: """""""""""" is 5 quotes. */
	assert_int_equal(rdl(state, "h\n\"a\"\"\"\"\"\"\"\"\"\"\"\n", &lim,
	    &d, &line), CSV_OK);
	assert_string_equal(d.rows[0].f[0], "a\"\"\"\"\"");
	assert_int_equal(rdl(state, "h\n\"ab\"\"\"\"\"\"\"\"\"\"\"\n", &lim,
	    &d, &line), CSV_FIELD_TOO_LONG);
	assert_int_equal(line, 2);
	/* Bytes after decoding: 苏州 is 4 bytes of GB18030, 6 of UTF-8. */
	assert_int_equal(rdl(state, "h\n\xCB\xD5\xD6\xDD\n", &lim, &d,
	    &line), CSV_OK);
	lim.max_field = 5;
	assert_int_equal(rdl(state, "h\n\xCB\xD5\xD6\xDD\n", &lim, &d,
	    &line), CSV_FIELD_TOO_LONG);
	assert_int_equal(line, 2);
	/* A multi-line field: the line where it starts. */
	assert_int_equal(rdl(state, "h\nx,\"12\n34\n56\"\n", &lim, &d,
	    &line), CSV_FIELD_TOO_LONG);
	assert_int_equal(line, 2);
	/* The header too. */
	assert_int_equal(rdl(state, "header\n", &lim, &d, &line),
	    CSV_FIELD_TOO_LONG);
	assert_int_equal(line, 1);
	lim.max_field = 0;
	assert_int_equal(rdl(state, ",\"\"\n", &lim, &d, &line), CSV_OK);
	assert_int_equal(d.header.n, 2);
}

static void
test_header_lookup(void **state)
{
	const char *const all[] = { "统一社会信用代码", "name", "PHONE",
	    NULL };
	const char *const missing[] = { "name", "grade", "year", NULL };
	const char *const none[] = { NULL };
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state, "统一社会信用代码, Name ,\"  Phone \",Name\n"
	    "x\n", &d, &line), CSV_OK);
	assert_int_equal(csv_header_index(&d, all), -1);
	assert_int_equal(csv_header_index(&d, missing), 1);
	assert_int_equal(csv_header_index(&d, none), -1);
	assert_int_equal(csv_col(&d, "NAME"), 1);	/* the first one */
	assert_int_equal(csv_col(&d, "phone"), 2);
	assert_int_equal(csv_col(&d, " phone\t"), 2);
	assert_int_equal(csv_col(&d, "phon"), -1);
	assert_int_equal(csv_col(&d, ""), -1);
	assert_int_equal(csv_col(&d, "统一社会信用代码"), 0);
	/* Only ASCII folds: a different CJK character is a different name. */
	assert_int_equal(csv_col(&d, "统一社会信用代吗"), -1);
}

static void
test_empty(void **state)
{
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state, "", &d, &line), CSV_EMPTY);
	assert_int_equal(rd(state, "\r\n\n  \t\r", &d, &line), CSV_EMPTY);
	assert_int_equal(rd(state, "   ", &d, &line), CSV_EMPTY);
	assert_int_equal(csv_read(*state, NULL, 0, &wide, &d, &line),
	    CSV_EMPTY);
	/* err_line may be NULL. */
	assert_int_equal(csv_read(*state, "x\"", 2, &wide, &d, NULL),
	    CSV_BAD_QUOTE);
}

static void
test_header_only(void **state)
{
	struct csv_doc d;
	int line;

	assert_int_equal(rd(state, "a,b\r\n", &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 0);
	assert_null(d.rows);
	assert_row(&d.header, 1, 2);
	assert_string_equal(d.header.f[1], "b");
	assert_int_equal(rd(state, "a,b", &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 0);
}

static void
test_four_byte(void **state)
{
	struct csv_doc d;
	int line;

	/* U+1F600 and U+20000 (CJK Extension B, found in names). */
	assert_int_equal(rd(state, "h,i\n\xF0\x9F\x98\x80,\"\xF0\xA0\x80\x80\"\n",
	    &d, &line), CSV_OK);
	assert_string_equal(d.encoding, "UTF-8");
	assert_string_equal(d.rows[0].f[0], "\xF0\x9F\x98\x80");
	assert_int_equal(d.rows[0].len[0], 4);
	assert_int_equal(d.rows[0].len[1], 4);
}

static void
test_nomem(void **state)
{
	struct arena small;
	struct csv_doc d;
	char big[2048];
	int line, rc;

	(void)state;
	memset(big, 'x', sizeof(big));
	big[0] = 'h';
	big[1] = '\n';
	arena_init(&small, 512);
	rc = csv_read(&small, big, sizeof(big), &wide, &d, &line);
	assert_int_equal(rc, CSV_NOMEM);
	arena_reset(&small);
	/* GB18030 decoding allocates too. */
	memset(big, '\xB0', sizeof(big));
	big[0] = 'h';
	big[1] = '\n';
	big[2] = 'x';
	big[3] = '\n';	/* leaves an even number of B0 bytes */
	rc = csv_read(&small, big, sizeof(big), &wide, &d, &line);
	assert_int_equal(rc, CSV_NOMEM);
	arena_free(&small);
}

/* Adversarial shapes that would be quadratic in a naive reader; they must
 * finish quickly (the ctest timeout catches a regression). */
static void
test_big(void **state)
{
	struct csv_limits lim = { 1 << 20, (1 << 20) + 1, 1 << 22 };
	size_t n = 1 << 20, i;
	struct csv_doc d;
	char *s = malloc(n);
	int line;

	assert_non_null(s);
	/* One huge quoted field full of "" escapes. */
	memset(s, '"', n);
	s[n - 1] = 'x';
	assert_int_equal(rdn(state, s, n, &lim, &d, &line), CSV_BAD_QUOTE);
	memset(s, '"', n);
	assert_int_equal(rdn(state, s, n, &lim, &d, &line), CSV_OK);
	assert_int_equal(d.header.len[0], n / 2 - 1);
	/* One row of a million empty fields. */
	memset(s, ',', n);
	assert_int_equal(rdn(state, s, n, &lim, &d, &line), CSV_OK);
	assert_int_equal(d.header.n, (int)n + 1);
	/* Many short rows. */
	for (i = 0; i < n; i += 2) {
		s[i] = 'a';
		s[i + 1] = '\n';
	}
	assert_int_equal(rdn(state, s, n, &lim, &d, &line), CSV_OK);
	assert_int_equal(d.nrows, (int)(n / 2) - 1);
	assert_int_equal(d.rows[d.nrows - 1].line, (int)(n / 2));
	free(s);
}

static void
test_errkey(void **state)
{
	int i, j;

	(void)state;
	assert_string_equal(csv_errkey(CSV_BAD_QUOTE), "Err.csv.quote");
	assert_string_equal(csv_errkey(CSV_BAD_ENCODING), "Err.csv.encoding");
	for (i = CSV_EMPTY; i < CSV_ERR_MAX; i++) {
		assert_non_null(csv_errkey(i));
		assert_memory_equal(csv_errkey(i), "Err.csv.", 8);
		for (j = CSV_EMPTY; j < i; j++)
			assert_string_not_equal(csv_errkey(i), csv_errkey(j));
	}
	assert_non_null(csv_errkey(CSV_ERR_MAX));
	assert_non_null(csv_errkey(-1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_plain_utf8),
		T(test_bom),
		T(test_gb18030_iconv),
		T(test_gb18030_literal),
		T(test_invalid_both),
		T(test_nul),
		T(test_line_ends),
		T(test_quoted),
		T(test_blank_lines),
		T(test_trim),
		T(test_short_rows),
		T(test_bad_quote),
		T(test_limits_rows),
		T(test_limits_fields),
		T(test_limits_field_len),
		T(test_header_lookup),
		T(test_empty),
		T(test_header_only),
		T(test_four_byte),
		T(test_nomem),
		T(test_big),
		T(test_errkey),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
