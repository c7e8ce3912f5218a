/* test_ratings.c — the rules of association ratings: preset scales and
 * their grade codes, certificate numbers both ways (with malformed input),
 * validity overlap and default end, measures, and rating CSV files through
 * the shared reader (quotes, BOM, GB18030, blank lines, CRLF). */
#include <setjmp.h>
#include <stdio.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rules/csv.h"
#include "rules/ratings.h"
#include "rules/uscc.h"
#include "rules/window.h"

static void
grade(const char *level, int rank, const char *want)
{
	char out[4];

	assert_int_equal(rating_grade_code(level, rank, out), 0);
	assert_string_equal(out, want);
}

static void
test_pilot_codes(void **state)
{
	(void)state;
	/* The published examples. */
	grade("AAA", 1, "111");
	grade("AA", 2, "011");
	grade("A", 3, "001");
	grade("BBB", 4, "222");
	grade("C", 9, "003");
	/* The rest of the nine, by the same rule. */
	grade("BB", 5, "022");
	grade("B", 6, "002");
	grade("CCC", 7, "333");
	grade("CC", 8, "033");
	/* Letter codes do not depend on the rank (common five: B is 4th). */
	grade("B", 4, "002");
}

static void
test_other_codes(void **state)
{
	char out[4];

	(void)state;
	grade("一级", 1, "901");
	grade("四级", 4, "904");
	grade("AAAA", 10, "910");     /* not a pilot letter level */
	grade("AB", 3, "903");
	grade("D", 99, "999");
	assert_int_equal(rating_grade_code("D", 0, out), -1);
	assert_int_equal(rating_grade_code("D", 100, out), -1);
	assert_int_equal(rating_grade_code("", 0, out), -1);
}

static void
test_presets(void **state)
{
	const struct rating_preset *p;
	char codes[RATING_MAX_LEVELS][4];
	int i, j, k;

	(void)state;
	assert_int_equal(rating_npresets, 3);
	assert_int_equal(rating_preset("pilot9")->n, 9);
	assert_int_equal(rating_preset("common5")->n, 5);
	assert_int_equal(rating_preset("grade4")->n, 4);
	assert_null(rating_preset("nope"));
	assert_null(rating_preset(NULL));
	assert_string_equal(rating_preset("grade4")->codes[0], "一级");
	/* The three scales of the issue, best first, in full. */
	{
		static const char *const want[3][10] = {
			{ "AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", NULL },
			{ "AAA", "AA", "A", "B", "C", NULL },
			{ "一级", "二级", "三级", "四级", NULL },
		};
		static const char *const keys[3] = { "pilot9", "common5", "grade4" };

		for (k = 0; k < 3; k++) {
			p = rating_preset(keys[k]);
			for (i = 0; want[k][i] != NULL; i++)
				assert_string_equal(p->codes[i], want[k][i]);
			assert_int_equal(p->n, i);
		}
	}
	/* Within every preset, grade codes are unique and every level has a
	 * description. */
	for (k = 0; k < rating_npresets; k++) {
		p = &rating_presets[k];
		for (i = 0; i < p->n; i++) {
			assert_int_equal(rating_grade_code(p->codes[i], i + 1, codes[i]), 0);
			assert_true(strlen(p->desc[i]) > 0);
			for (j = 0; j < i; j++)
				assert_string_not_equal(codes[i], codes[j]);
		}
	}
}

static void
test_cert_build_parse(void **state)
{
	struct cert c = { 2026, 1, "111", 42 }, back;
	char out[CERT_LEN + 1];

	(void)state;
	assert_int_equal(cert_build(&c, out), 0);
	assert_string_equal(out, "202600111100042");
	assert_int_equal(cert_parse(out, &back), 0);
	assert_int_equal(back.year, 2026);
	assert_int_equal(back.assoc_no, 1);
	assert_string_equal(back.grade, "111");
	assert_int_equal(back.serial, 42);
	/* As people type it. */
	assert_int_equal(cert_parse(" 2026-001-111-00042 ", &back), 0);
	assert_int_equal(back.serial, 42);
	c.assoc_no = 999;
	c.serial = 99999;
	assert_int_equal(cert_build(&c, out), 0);
	assert_string_equal(out, "202699911199999");
}

static void
test_cert_bad(void **state)
{
	struct cert c = { 2026, 1, "111", 0 }, back;
	char out[CERT_LEN + 1];

	(void)state;
	assert_int_equal(cert_build(&c, out), -1);          /* serial 0 */
	c.serial = 100000;
	assert_int_equal(cert_build(&c, out), -1);
	c.serial = 1;
	c.assoc_no = 1000;
	assert_int_equal(cert_build(&c, out), -1);
	c.assoc_no = 1;
	memcpy(c.grade, "1a1", 4);
	assert_int_equal(cert_build(&c, out), -1);
	memcpy(c.grade, "11", 3);
	assert_int_equal(cert_build(&c, out), -1);
	c.year = 999;
	assert_int_equal(cert_build(&c, out), -1);
	assert_int_equal(cert_parse(NULL, &back), -1);
	assert_int_equal(cert_parse("", &back), -1);
	assert_int_equal(cert_parse("20260011110004", &back), -1);     /* 14 */
	assert_int_equal(cert_parse("2026001111000421", &back), -1);   /* 16 */
	assert_int_equal(cert_parse("2026001111O0042", &back), -1);    /* letter O */
	assert_int_equal(cert_parse("202600111100000", &back), -1);    /* serial 0 */
	assert_int_equal(cert_parse("000100111100001", &back), -1);    /* year 0001 */
	assert_int_equal(cert_parse("２０２６00111100042", &back), -1); /* full-width */
}

static void
test_overlap(void **state)
{
	(void)state;
	assert_true(validity_overlaps("2025-01-01", "2027-12-31", "2027-12-31", "2030-12-30"));
	assert_false(validity_overlaps("2025-01-01", "2027-12-30", "2027-12-31", "2030-12-30"));
	assert_true(validity_overlaps("2026-01-01", "2026-01-01", "2025-01-01", "2027-01-01"));
	assert_false(validity_overlaps("2028-01-01", "2029-01-01", "2025-01-01", "2027-01-01"));
	assert_true(validity_overlaps("2025-06-01", "2026-06-01", "2025-01-01", "2025-06-01"));
}

static void
test_default_to(void **state)
{
	char out[11];

	(void)state;
	assert_int_equal(validity_default_to("2026-03-01", out), 0);
	assert_string_equal(out, "2029-02-28");
	assert_int_equal(validity_default_to("2026-01-01", out), 0);
	assert_string_equal(out, "2028-12-31");
	assert_int_equal(validity_default_to("2024-02-29", out), 0);
	assert_string_equal(out, "2027-02-28");
	assert_int_equal(validity_default_to("2025-03-01", out), 0);
	assert_string_equal(out, "2028-02-29");
	assert_int_equal(validity_default_to("2026-02-30", out), -1);
	assert_int_equal(validity_default_to("soon", out), -1);
	/* No 5-digit years, and no wrapping to 0002 (fuzz_cert). */
	assert_int_equal(validity_default_to("9999-12-31", out), -1);
	assert_int_equal(validity_default_to("9997-01-01", out), -1);
	assert_int_equal(validity_default_to("9996-12-31", out), 0);
	assert_string_equal(out, "9999-12-30");
}

static void
test_measures(void **state)
{
	const char *bad;
	unsigned m;
	char buf[96];

	(void)state;
	assert_int_equal(measures_parse("", &m, &bad), 0);
	assert_int_equal(m, 0);
	assert_int_equal(measures_parse(NULL, &m, &bad), 0);
	assert_int_equal(measures_parse("重点推荐；提升会员级别", &m, &bad), 0);
	assert_int_equal(m, (1u << RM_RECOMMEND) | (1u << RM_PROMOTE));
	assert_int_equal(measures_parse(" warning ; Criticism、取消会员资格 ", &m, &bad), 0);
	assert_int_equal(m, (1u << RM_WARNING) | (1u << RM_CRITICISM) | (1u << RM_EXPEL));
	measures_format(m, buf, sizeof(buf));
	assert_string_equal(buf, "warning,criticism,expel");
	assert_int_equal(measures_parse("demote|重点推荐,", &m, &bad), 0);
	assert_int_equal(m, (1u << RM_DEMOTE) | (1u << RM_RECOMMEND));
	assert_int_equal(measures_parse("warning;罚款", &m, &bad), -1);
	assert_string_equal(bad, "罚款");
	assert_int_equal(measures_parse("warn", &m, &bad), -1);
	measures_format(0, buf, sizeof(buf));
	assert_string_equal(buf, "");
	measures_format((1u << RM_MAX) - 1, buf, 10);    /* truncated, still a string */
	assert_true(strlen(buf) < 10);
}

/* ---- rating CSV files through the shared reader ---- */

static struct arena A;

static int
setup(void **state)
{
	(void)state;
	arena_init(&A, 0);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static const struct csv_limits lim = { 100, 16, 1000 };
static const char *const cols[] = { "uscc", "level", "valid_from", "basis", NULL };

static void
parse(const char *buf, size_t len, struct csv_doc *d)
{
	char *copy = malloc(len ? len : 1);
	int line = -1;

	assert_non_null(copy);
	memcpy(copy, buf, len);
	assert_int_equal(csv_read(&A, copy, len, &lim, d, &line), CSV_OK);
	free(copy);
	assert_int_equal(csv_header_index(d, cols), -1);
}

static void
test_csv_utf8_bom_crlf_quotes(void **state)
{
	static const char f[] = "\xEF\xBB\xBFuscc,level,valid_from,valid_to,basis,measures\r\n"
	    "91320506AY4CL12THL,AA,2026-01-01,,\"年度评价, 含\"\"质量\"\"指标\",重点推荐\r\n"
	    "\r\n"
	    "  913205053BJ1XG612A , B ,2026-02-01,2027-01-31,复评,\"业内警告;通报批评\"\r\n";
	struct csv_doc d;
	unsigned m;
	const char *bad;

	(void)state;
	parse(f, sizeof(f) - 1, &d);
	assert_string_equal(d.encoding, "UTF-8");
	assert_int_equal(d.nrows, 2);
	assert_string_equal(d.header.f[0], "uscc");            /* BOM dropped */
	assert_int_equal(d.rows[0].line, 2);
	assert_string_equal(d.rows[0].f[4], "年度评价, 含\"质量\"指标");
	assert_string_equal(d.rows[0].f[3], "");
	assert_int_equal(d.rows[1].line, 4);                   /* blank line counted */
	assert_string_equal(d.rows[1].f[0], "913205053BJ1XG612A");
	assert_string_equal(d.rows[1].f[1], "B");
	assert_int_equal(measures_parse(d.rows[1].f[5], &m, &bad), 0);
	assert_int_equal(m, (1u << RM_WARNING) | (1u << RM_CRITICISM));
}

static void
test_csv_chinese_header(void **state)
{
	static const char f[] = "统一社会信用代码,信用等级,有效期起,有效期止,评价依据,奖惩措施\n"
	    "91320506AY4CL12THL,AAA,2026-01-01,2028-12-31,年度评价,\n";
	struct csv_doc d;
	int line = 0;

	(void)state;
	assert_int_equal(csv_read(&A, f, sizeof(f) - 1, &lim, &d, &line), CSV_OK);
	assert_int_equal(d.nrows, 1);
	assert_string_equal(d.header.f[1], "信用等级");
	assert_string_equal(d.rows[0].f[1], "AAA");
}

static void
test_csv_gb18030(void **state)
{
	/* "uscc,level,valid_from,basis\n…,一级,2026-01-01,评价\n" in GB18030:
	 * 一 = D2BB, 级 = BCB6, 评 = C6C0, 价 = BCDB. */
	static const char f[] = "uscc,level,valid_from,basis\r\n"
	    "91320506AY4CL12THL,\xD2\xBB\xBC\xB6,2026-01-01,\xC6\xC0\xBC\xDB\r\n";
	struct csv_doc d;

	(void)state;
	parse(f, sizeof(f) - 1, &d);
	assert_string_equal(d.encoding, "GB18030");
	assert_string_equal(d.rows[0].f[1], "一级");
	assert_string_equal(d.rows[0].f[3], "评价");
}

static void
test_csv_bad_quote_line(void **state)
{
	static const char f[] = "uscc,level,valid_from,basis\n"
	    "91320506AY4CL12THL,AA,2026-01-01,ok\n"
	    "91320506AY4CL12THL,AA,2026-01-01,\"open\n";
	struct csv_doc d;
	int line = 0;

	(void)state;
	assert_int_equal(csv_read(&A, f, sizeof(f) - 1, &lim, &d, &line), CSV_BAD_QUOTE);
	assert_int_equal(line, 3);
}

/* The README's example upload (docs/examples/ratings.csv, read from the
 * checkout root as tests/run.sh runs the tests) is a file every row of
 * which passes the checks that need no database: all columns, a valid USCC,
 * a level of the pilot scale, dates with the end not before the start,
 * known measures. */
static void
test_example_file(void **state)
{
	static const char *const need[] = { "uscc", "level", "valid_from", "valid_to", "basis",
	    "measures", NULL };
	const struct rating_preset *p = rating_preset("pilot9");
	char buf[8192], norm[USCC_LEN + 1], want;
	struct csv_doc d;
	struct ymd y;
	const char *bad;
	unsigned m;
	size_t len;
	int i, k, pos;
	FILE *f = fopen("docs/examples/ratings.csv", "rb");

	(void)state;
	assert_non_null(f);
	len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_true(len > 0 && len < sizeof(buf));
	parse(buf, len, &d);
	assert_int_equal(csv_header_index(&d, need), -1);
	assert_true(d.nrows >= 3);
	for (i = 0; i < d.nrows; i++) {
		const char *const *r = d.rows[i].f;
		const char *u, *lv, *from, *to;

		assert_int_equal(d.rows[i].n, d.header.n);
		u = r[csv_col(&d, "uscc")];
		lv = r[csv_col(&d, "level")];
		from = r[csv_col(&d, "valid_from")];
		to = r[csv_col(&d, "valid_to")];
		assert_int_equal(uscc_normalize(u, strlen(u), norm, &pos, &want), USCC_OK);
		for (k = 0; k < p->n && strcmp(p->codes[k], lv) != 0; k++)
			;
		assert_true(k < p->n);
		assert_int_equal(ymd_parse(from, &y), 0);
		if (to[0] != '\0') {
			assert_int_equal(ymd_parse(to, &y), 0);
			assert_true(strcmp(to, from) >= 0);
		}
		assert_true(strlen(r[csv_col(&d, "basis")]) >= 2);
		assert_int_equal(measures_parse(r[csv_col(&d, "measures")], &m, &bad), 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pilot_codes),
		cmocka_unit_test(test_other_codes),
		cmocka_unit_test(test_presets),
		cmocka_unit_test(test_cert_build_parse),
		cmocka_unit_test(test_cert_bad),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_default_to),
		cmocka_unit_test(test_measures),
		cmocka_unit_test_setup_teardown(test_csv_utf8_bom_crlf_quotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_chinese_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_gb18030, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_bad_quote_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_example_file, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
