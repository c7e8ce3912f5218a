/* test_pdf.c — the credit report PDF: a well-formed file, page breaks,
 * bad input, and the embedded font subset really holding every glyph that
 * the Chinese characters are built from (the libharu 2.3.0 bug). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "pages/pdf.h"

/* Characters that WQY Micro Hei draws as composites of high-numbered
 * glyphs, plus the ASCII and full-width punctuation of real reports. */
#define CN_TEXT	"苏州市公共信用信息平台：统一社会信用代码 91320506AY4CL12THL，" \
		"苏市监罚〔2023〕12号，行政处罚决定书。"

static size_t
count(const unsigned char *buf, size_t len, const char *needle)
{
	size_t n = 0, nl = strlen(needle), i;

	for (i = 0; i + nl <= len; i++)
		if (memcmp(buf + i, needle, nl) == 0)
			n++;
	return n;
}

static const unsigned char *
find(const unsigned char *buf, size_t len, size_t from, const char *needle)
{
	size_t nl = strlen(needle), i;

	for (i = from; i + nl <= len; i++)
		if (memcmp(buf + i, needle, nl) == 0)
			return buf + i;
	return NULL;
}

/* "/Type /Page" objects, not "/Type /Pages". */
static int
page_objects(const unsigned char *buf, size_t len)
{
	static const char key[] = "/Type /Page";
	size_t i, kl = sizeof(key) - 1;
	int n = 0;

	for (i = 0; i + kl < len; i++)
		if (memcmp(buf + i, key, kl) == 0 && buf[i + kl] != 's')
			n++;
	return n;
}

/* The /Count of the page tree (the only /Count: there are no outlines). */
static int
page_count(const unsigned char *buf, size_t len)
{
	const unsigned char *p = find(buf, len, 0, "/Count ");

	assert_non_null(p);
	return (int)strtol((const char *)p + 7, NULL, 10);
}

/* Well-formed enough: header, trailer, and the two page counts agree. */
static int
check_pdf(const unsigned char *buf, size_t len)
{
	size_t end = len;

	assert_true(len > 100);
	assert_memory_equal(buf, "%PDF-", 5);
	while (end > 0 && (buf[end - 1] == '\n' || buf[end - 1] == '\r'))
		end--;
	assert_true(end >= 5);
	assert_memory_equal(buf + end - 5, "%%EOF", 5);
	assert_int_equal(page_objects(buf, len), page_count(buf, len));
	return page_count(buf, len);
}

static void
test_report(void **state)
{
	const struct pdf_line lines[] = {
		{ PDF_TITLE, "企业公共信用信息报告" },
		{ PDF_SMALL, "依据《上海市社会信用条例》第三十四条" },
		{ PDF_RULE, NULL },
		{ PDF_H2, "一、基本信息" },
		{ PDF_TEXT, CN_TEXT },
		{ PDF_TEXT, "" },
		{ PDF_TEXT, "第一行\n第二行" },
	};
	unsigned char *out = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(pdf_render(lines, 7, "苏州市公共信用信息平台", &out,
	    &len), 0);
	assert_non_null(out);
	assert_int_equal(check_pdf(out, len), 1);
	/* The Chinese text is in the embedded TrueType font, Unicode-mapped. */
	assert_int_equal(count(out, len, "/FontFile2"), 1);
	assert_non_null(find(out, len, 0, "+WenQuanYiMicroHei"));
	assert_non_null(find(out, len, 0, "/Encoding /Identity-H"));
	assert_non_null(find(out, len, 0, "/ToUnicode"));
	/* Document info in UTF-16BE: the title line, and the platform as
	 * creator ("苏州市公共信用信息平台"). */
	assert_non_null(find(out, len, 0,
	    "/Title <FEFF4F014E1A516C51714FE175284FE1606F62A5544A>"));
	assert_non_null(find(out, len, 0,
	    "/Creator <FEFF82CF5DDE5E02516C51714FE175284FE1606F5E7353F0>"));
	free(out);
}

static void
test_empty(void **state)
{
	const struct pdf_line nulltext[] = { { PDF_TEXT, NULL }, { PDF_H2, NULL } };
	unsigned char *out = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(pdf_render(NULL, 0, NULL, &out, &len), 0);
	assert_int_equal(check_pdf(out, len), 1);
	free(out);
	assert_int_equal(pdf_render(nulltext, 2, "", &out, &len), 0);
	assert_int_equal(check_pdf(out, len), 1);
	free(out);
}

static void
test_many_pages(void **state)
{
	static const enum pdf_style cycle[] = {
		PDF_H2, PDF_TEXT, PDF_TEXT, PDF_SMALL, PDF_RULE, PDF_TEXT,
	};
	enum { N = 2000 };
	struct pdf_line *lines;
	unsigned char *out = NULL;
	size_t len = 0;
	int i, pages;

	(void)state;
	lines = calloc(N, sizeof(*lines));
	assert_non_null(lines);
	for (i = 0; i < N; i++) {
		lines[i].style = cycle[i % 6];
		lines[i].text = i % 3 ? CN_TEXT CN_TEXT : "Decision No. SZ-2022-0098";
	}
	lines[0].style = PDF_TITLE;
	assert_int_equal(pdf_render(lines, N, "第 1 页以后的每页都有页脚", &out,
	    &len), 0);
	pages = check_pdf(out, len);
	/* 2000 lines of 17 pt or more on ~718 pt of text height. */
	assert_true(pages > 40);
	/* One font for all pages, however many. */
	assert_int_equal(count(out, len, "/FontFile2"), 1);
	free(out);
	free(lines);
}

static void
test_long_lines(void **state)
{
	enum { REP = 3000 };
	static const char han[] = "信", piece[] = "word 信，";
	char *cjk, *word, *mixed;
	struct pdf_line lines[3];
	unsigned char *out = NULL;
	size_t len = 0, i, hl = strlen(han), pl = strlen(piece);

	(void)state;
	/* One paragraph of 3000 Chinese characters, no spaces. */
	cjk = malloc(REP * hl + 1);
	assert_non_null(cjk);
	for (i = 0; i < REP; i++)
		memcpy(cjk + i * hl, han, hl);
	cjk[REP * hl] = '\0';
	/* One ASCII "word" far wider than a line. */
	word = malloc(REP + 1);
	assert_non_null(word);
	memset(word, 'W', REP);
	word[REP] = '\0';
	/* Words, and CJK punctuation that must not start a line. */
	mixed = malloc(REP * pl + 1);
	assert_non_null(mixed);
	for (i = 0; i < REP; i++)
		memcpy(mixed + i * pl, piece, pl);
	mixed[REP * pl] = '\0';
	lines[0] = (struct pdf_line){ PDF_TITLE, cjk };
	lines[1] = (struct pdf_line){ PDF_TEXT, word };
	lines[2] = (struct pdf_line){ PDF_SMALL, mixed };
	assert_int_equal(pdf_render(lines, 3, word, &out, &len), 0);
	assert_true(check_pdf(out, len) >= 2);
	free(out);
	free(cjk);
	free(word);
	free(mixed);
}

static void
test_bad_utf8(void **state)
{
	static const char *const bad[] = {
		"\xff\xfe\xfd",			/* never valid */
		"\xe4\xb8",			/* truncated 信-like sequence */
		"\xe4\xb8\xad\xe4",		/* 中 then a truncated one */
		"\xc0\xaf\xe0\x80\xaf",		/* overlong '/' */
		"\xed\xa0\x80",			/* UTF-16 surrogate */
		"\xf4\x90\x80\x80",		/* beyond U+10FFFF */
		"\xf0\x9f\x98\x80 \xf0\xa0\x80\x80",	/* outside the BMP */
		"\x80\x80\x80\xbf",		/* lone continuation bytes */
		"ctrl\x01\x02\x1b[31m\x7f\xc2\x85\r\ttab",
		"\xe4\xb8\xad\xe6\x96\x87\xe4",	/* trailing lead byte at NUL */
	};
	struct pdf_line lines[2 * sizeof(bad) / sizeof(bad[0])];
	unsigned char *out = NULL;
	size_t len = 0, i, n = sizeof(bad) / sizeof(bad[0]);

	(void)state;
	for (i = 0; i < n; i++) {
		lines[2 * i] = (struct pdf_line){ PDF_TITLE, bad[i] };
		lines[2 * i + 1] = (struct pdf_line){ PDF_TEXT, bad[i] };
	}
	assert_int_equal(pdf_render(lines, (int)(2 * n), "\xff\xe4\xb8", &out,
	    &len), 0);
	assert_int_equal(check_pdf(out, len), 1);
	/* The title in the info dictionary was sanitised too: "???" */
	assert_non_null(find(out, len, 0, "/Title <FEFF003F003F003F>"));
	free(out);
}

static void
test_bad_args(void **state)
{
	const struct pdf_line bad_style[] = {
		{ PDF_TEXT, "ok" }, { (enum pdf_style)PDF_STYLE_MAX, "x" },
	};
	static unsigned char sentinel[1];
	unsigned char *out = sentinel;
	size_t len = 7;

	(void)state;
	assert_int_equal(pdf_render(NULL, 1, NULL, &out, &len), -1);
	assert_int_equal(pdf_render(bad_style, -1, NULL, &out, &len), -1);
	assert_int_equal(pdf_render(bad_style, 1, NULL, NULL, &len), -1);
	assert_int_equal(pdf_render(bad_style, 1, NULL, &out, NULL), -1);
	assert_int_equal(pdf_render(bad_style, 2, NULL, &out, &len), -1);
	assert_null(out);
	assert_int_equal(len, 0);
}

/* Big-endian reads inside a buffer, failing the test if out of range. */
static unsigned
be16(const unsigned char *b, size_t len, size_t off)
{
	assert_true(off + 2 <= len);
	return (unsigned)b[off] << 8 | b[off + 1];
}

static uint32_t
be32(const unsigned char *b, size_t len, size_t off)
{
	assert_true(off + 4 <= len);
	return (uint32_t)b[off] << 24 | (uint32_t)b[off + 1] << 16 |
	    (uint32_t)b[off + 2] << 8 | b[off + 3];
}

static size_t
table(const unsigned char *f, size_t len, const char *tag)
{
	unsigned i, n = be16(f, len, 4);

	for (i = 0; i < n; i++)
		if (12 + 16 * i + 16 <= len &&
		    memcmp(f + 12 + 16 * i, tag, 4) == 0)
			return be32(f, len, 12 + 16 * i + 8);
	fail_msg("no %s table in the embedded font", tag);
	return 0;
}

/* Inflates the embedded TrueType font (FontFile2) into *font. */
static size_t
embedded_font(const unsigned char *pdf, size_t len, unsigned char **font)
{
	const unsigned char *p = find(pdf, len, 0, "/Length1 ");
	unsigned long ulen;
	z_stream z;

	assert_non_null(p);
	ulen = strtoul((const char *)p + 9, NULL, 10);
	assert_true(ulen > 0 && ulen < 64UL << 20);
	p = find(pdf, len, (size_t)(p - pdf), "stream");
	assert_non_null(p);
	p += 6;
	if (*p == '\r')
		p++;
	assert_int_equal(*p, '\n');
	p++;
	*font = malloc(ulen);
	assert_non_null(*font);
	memset(&z, 0, sizeof(z));
	assert_int_equal(inflateInit(&z), Z_OK);
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (uInt)(len - (size_t)(p - pdf));
	z.next_out = *font;
	z.avail_out = (uInt)ulen;
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	assert_int_equal(z.total_out, ulen);
	inflateEnd(&z);
	return ulen;
}

/*
 * Every component of every composite glyph in the subset has its outline
 * embedded: libharu 2.3.0 alone leaves out components above glyph 32767,
 * and then 信, 统, 码… come out blank in every viewer.
 */
static void
test_font_subset(void **state)
{
	const struct pdf_line lines[] = { { PDF_TEXT, CN_TEXT } };
	unsigned char *out = NULL, *f = NULL;
	size_t len = 0, flen, head, loca, glyf;
	unsigned ng, g, composites = 0, parts = 0;
	int longloca;

	(void)state;
	assert_int_equal(pdf_render(lines, 1, NULL, &out, &len), 0);
	flen = embedded_font(out, len, &f);
	head = table(f, flen, "head");
	loca = table(f, flen, "loca");
	glyf = table(f, flen, "glyf");
	longloca = be16(f, flen, head + 50) != 0;
	ng = be16(f, flen, table(f, flen, "maxp") + 4);
#define LOCA(i) (longloca ? be32(f, flen, loca + 4 * (size_t)(i)) : \
		2 * be16(f, flen, loca + 2 * (size_t)(i)))
	for (g = 0; g < ng; g++) {
		size_t off = glyf + LOCA(g), end = glyf + LOCA(g + 1), i;

		if (end <= off || !(f[off] & 0x80))	/* empty or simple */
			continue;
		composites++;
		for (i = off + 10; i + 4 <= end;) {
			unsigned flags = be16(f, flen, i);
			unsigned part = be16(f, flen, i + 2);

			assert_true(part < ng);
			if (LOCA(part + 1) <= LOCA(part))
				fail_msg("glyph %u: component %u not embedded",
				    g, part);
			parts++;
			i += 4 + ((flags & 1) ? 4 : 2);
			i += (flags & 8) ? 2 : (flags & 0x40) ? 4 :
			    (flags & 0x80) ? 8 : 0;
			if (!(flags & 0x20))
				break;
		}
	}
#undef LOCA
	/* The sample text does use composites: the check checked something. */
	assert_true(composites >= 5);
	assert_true(parts >= 10);
	free(f);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_many_pages),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_bad_args),
		cmocka_unit_test(test_font_subset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
