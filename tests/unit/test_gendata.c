/* test_gendata.c — the synthetic-data generator (app/tools/gendata.c, built
 * in without its main): valid and unique USCCs, the TSV format LOAD DATA
 * reads, exact row counts, the name index against rules/grams.c, and the
 * same bytes for the same options. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#define GENDATA_NO_MAIN
#include "tools/gendata.c"

#include "rules/grams.h"

static const char *const demo_codes[] = {
	"91320506AY4CL12THL", "913205053BJ1XG612A", "91320507DD272HD1TH",
	"91320508J3Y7LLJY1F", "91320571JJC171HU49", "913205839D4H3J9HT5",
};

static char *
slurp(const char *dir, const char *name, size_t *len)
{
	char path[512];
	FILE *f;
	long n;
	char *buf;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len != NULL)
		*len = (size_t)n;
	return buf;
}

/* Splits line (modified in place) at tabs; returns the field count. */
static int
fields(char *line, char **f, int max)
{
	int n = 0;

	f[n++] = line;
	for (; *line != '\0'; line++) {
		if (*line == '\t') {
			*line = '\0';
			if (n < max)
				f[n++] = line + 1;
			else
				return max + 1;
		}
	}
	return n;
}

static int
run(const char *dir, const char *first_id, const char *extra)
{
	char *argv[20];
	int argc = 0;

	argv[argc++] = (char *)"gendata";
	argv[argc++] = (char *)"--subjects"; argv[argc++] = (char *)"600";
	argv[argc++] = (char *)"--records"; argv[argc++] = (char *)"3001";
	argv[argc++] = (char *)"--seed"; argv[argc++] = (char *)"42";
	argv[argc++] = (char *)"--first-id"; argv[argc++] = (char *)first_id;
	argv[argc++] = (char *)"--first-record-id"; argv[argc++] = (char *)"100";
	argv[argc++] = (char *)"--today"; argv[argc++] = (char *)"2026-03-15";
	argv[argc++] = (char *)"--out"; argv[argc++] = (char *)dir;
	if (extra != NULL)
		argv[argc++] = (char *)extra;
	argv[argc] = NULL;
	return gendata_main(argc, argv);
}

static void
rm_dir(const char *dir)
{
	static const char *const files[] = {
		"subjects.tsv", "records.tsv", "serious.tsv", "commitments.tsv", "grams.tsv", "gram_counts.tsv",
	};
	char path[512];
	size_t i;

	for (i = 0; i < NELEM(files); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_dates(void **state)
{
	int32_t d;
	int y, m, dd;

	(void)state;
	assert_int_equal(days_from_civil(1970, 1, 1), 0);
	assert_int_equal(days_from_civil(2000, 3, 1), 11017);
	for (d = days_from_civil(1990, 1, 1); d < days_from_civil(2040, 1, 1); d++) {
		civil_from_days(d, &y, &m, &dd);
		assert_int_equal(days_from_civil(y, m, dd), d);
	}
}

static void
test_feistel_is_a_bijection(void **state)
{
	static unsigned char seen[31 * 31];
	uint64_t x;

	(void)state;
	memset(seen, 0, sizeof(seen));
	for (x = 0; x < 31 * 31; x++) {
		uint64_t v = feistel(x, 31);
		assert_true(v < 31 * 31);
		assert_int_equal(seen[v], 0);
		seen[v] = 1;
	}
}

/* Codes of every family are valid, unique, and never a demo code. */
static void
test_uscc_unique(void **state)
{
	enum { N = 30000 };
	char **codes = malloc(N * sizeof(*codes));
	struct subject s;
	int i, pos;
	size_t k;
	char out[USCC_LEN + 1], want;
	static const uint64_t ids[] = { 1, 2, 99999999, 100000000, 100000001, MA_SPACE - 1 };

	(void)state;
	assert_non_null(codes);
	memset(&s, 0, sizeof(s));
	for (i = 0; i < N; i++) {
		/* Consecutive ids and ids far apart, all three families, all districts. */
		s.id = i % 2 ? (uint64_t)i / 2 : 1000000 + (uint64_t)i * 7919;
		s.kind = i % 5 == 0 ? K_SOCIAL : i % 7 == 0 ? K_INDIVIDUAL : K_ENTERPRISE;
		s.d = &districts[(size_t)i % NELEM(districts)];
		s.established = days_from_civil(i % 2 ? 2010 : 2020, 6, 1);
		make_uscc(&s);
		assert_int_equal(uscc_normalize(s.uscc, strlen(s.uscc), out, &pos, &want), USCC_OK);
		/* Same id, another district or kind: only the organisation code is unique. */
		codes[i] = strdup(s.uscc + 8);
		assert_non_null(codes[i]);
		for (k = 0; k < NELEM(demo_codes); k++)
			assert_memory_not_equal(s.uscc + 8, demo_codes[k] + 8, 8);
	}
	qsort(codes, N, sizeof(*codes), cmp_str);
	for (i = 1; i < N; i++)
		assert_string_not_equal(codes[i - 1], codes[i]);
	for (i = 0; i < N; i++)
		free(codes[i]);
	free(codes);
	for (k = 0; k < NELEM(ids); k++) {
		s.id = ids[k];
		s.kind = K_ENTERPRISE;
		s.established = days_from_civil(2001, 1, 1);
		make_uscc(&s);
		assert_int_equal(uscc_normalize(s.uscc, strlen(s.uscc), out, &pos, &want), USCC_OK);
	}
}

static void
test_escaping(void **state)
{
	char tmpl[] = "/tmp/gendata-test-XXXXXX";
	struct out o;
	char *buf, path[512];

	(void)state;
	assert_non_null(mkdtemp(tmpl));
	out_open(&o, tmpl, "subjects.tsv");
	out_text(&o, "a\tb\nc\\d\re");
	out_tab(&o);
	out_null(&o);
	out_nl(&o);
	out_close(&o);
	buf = slurp(tmpl, "subjects.tsv", NULL);
	assert_string_equal(buf, "a\\tb\\nc\\\\d\\re\t\\N\n");
	free(buf);
	snprintf(path, sizeof(path), "%s/subjects.tsv", tmpl);
	unlink(path);
	rmdir(tmpl);
}

struct parsed { char name[400]; };

static void
test_files(void **state)
{
	char dir[] = "/tmp/gendata-test-XXXXXX";
	char *buf, *line, *next, *f[20];
	struct parsed *subj;
	size_t len, i;
	int n, nrec = 0, pos;
	uint64_t id = 500, rid = 100;
	char out[USCC_LEN + 1], want;
	long ngram_lines = 0, ngram_counted = 0;
	char prev[64] = "";

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(run(dir, "500", "--grams"), 0);
	subj = calloc(600, sizeof(*subj));
	assert_non_null(subj);

	buf = slurp(dir, "subjects.tsv", &len);
	for (line = buf; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		assert_non_null(next);
		*next++ = '\0';
		n = fields(line, f, 20);
		assert_int_equal(n, 12);
		assert_int_equal(strtoull(f[0], NULL, 10), id);
		assert_int_equal(uscc_normalize(f[1], strlen(f[1]), out, &pos, &want), USCC_OK);
		assert_true(strlen(f[2]) > 0 && strlen(f[2]) < sizeof(subj[0].name));
		strcpy(subj[id - 500].name, f[2]);
		assert_true(strcmp(f[3], "enterprise") == 0 || strcmp(f[3], "individual_business") == 0 ||
		    strcmp(f[3], "social_org") == 0 || strcmp(f[3], "institution") == 0 || strcmp(f[3], "other") == 0);
		assert_int_equal(strlen(f[8]), 10);                  /* established */
		assert_true(strcmp(f[8], "1995-01-01") >= 0 && strcmp(f[8], "2026-03-15") <= 0);
		assert_string_equal(f[11], "0");
		id++;
	}
	assert_int_equal(id, 1100);
	free(buf);

	buf = slurp(dir, "records.tsv", NULL);
	for (line = buf; *line != '\0'; line = next) {
		long item;
		next = strchr(line, '\n');
		assert_non_null(next);
		*next++ = '\0';
		n = fields(line, f, 20);
		assert_int_equal(n, 14);
		assert_int_equal(strtoull(f[0], NULL, 10), rid++);
		assert_true(strtoull(f[1], NULL, 10) >= 500 && strtoull(f[1], NULL, 10) < 1100);
		item = strtol(f[2], NULL, 10);
		assert_true(item >= 1 && item <= 12);
		assert_true(strcmp(f[5], "2016-03-15") >= 0 && strcmp(f[5], "2026-03-15") <= 0);
		assert_true(strcmp(f[6], "\\N") == 0 || strcmp(f[6], "2026-03-15") <= 0);
		assert_true(strcmp(f[8], "0") == 0 || strcmp(f[8], "1") == 0);
		assert_true(strcmp(f[9], "active") == 0 ? strcmp(f[10], "\\N") == 0 :
		    strcmp(f[9], "repaired") == 0 && strcmp(f[10], "\\N") != 0);
		assert_string_equal(f[11], "\\N");
		nrec++;
	}
	assert_int_equal(nrec, 3001);
	free(buf);

	buf = slurp(dir, "serious.tsv", NULL);
	for (line = buf; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		assert_int_equal(fields(line, f, 20), 11);
	}
	free(buf);
	buf = slurp(dir, "commitments.tsv", NULL);
	for (line = buf; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		assert_int_equal(fields(line, f, 20), 8);
	}
	free(buf);

	/* The index: exactly the grams rules/grams.c gives each name, sorted. */
	{
		struct gram *want_g = calloc(600 * GRAMS_MAX, sizeof(*want_g));
		int *nwant = calloc(600, sizeof(*nwant)), *seen = calloc(600, sizeof(*seen));

		assert_non_null(want_g);
		assert_non_null(nwant);
		assert_non_null(seen);
		for (i = 0; i < 600; i++)
			nwant[i] = grams_of(subj[i].name, strlen(subj[i].name), 1, want_g + i * GRAMS_MAX, GRAMS_MAX);
		buf = slurp(dir, "grams.tsv", NULL);
		for (line = buf; *line != '\0'; line = next) {
			char key[64];
			size_t s;
			int k, found = 0;

			next = strchr(line, '\n');
			*next++ = '\0';
			assert_int_equal(fields(line, f, 20), 2);
			s = (size_t)strtoull(f[1], NULL, 10) - 500;
			assert_true(s < 600);
			for (k = 0; k < nwant[s]; k++)
				if (strcmp(want_g[s * GRAMS_MAX + (size_t)k].s, f[0]) == 0)
					found = 1;
			assert_true(found);
			seen[s]++;
			/* Primary-key order: by gram (bytes = code points here), then id. */
			snprintf(key, sizeof(key), "%s\t%08zu", f[0], s);
			assert_true(strcmp(prev, key) < 0);
			strcpy(prev, key);
			ngram_lines++;
		}
		free(buf);
		for (i = 0; i < 600; i++)
			assert_int_equal(seen[i], nwant[i]);
		free(want_g);
		free(nwant);
		free(seen);
	}
	buf = slurp(dir, "gram_counts.tsv", NULL);
	for (line = buf; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		assert_int_equal(fields(line, f, 20), 2);
		ngram_counted += strtol(f[1], NULL, 10);
	}
	free(buf);
	assert_int_equal(ngram_counted, ngram_lines);
	free(subj);
	rm_dir(dir);
}

static void
test_deterministic(void **state)
{
	char d1[] = "/tmp/gendata-test-XXXXXX", d2[] = "/tmp/gendata-test-XXXXXX";
	static const char *const names[] = { "subjects.tsv", "records.tsv", "serious.tsv", "commitments.tsv" };
	size_t i, l1, l2;

	(void)state;
	assert_non_null(mkdtemp(d1));
	assert_non_null(mkdtemp(d2));
	assert_int_equal(run(d1, "7", NULL), 0);
	assert_int_equal(run(d2, "7", NULL), 0);
	for (i = 0; i < NELEM(names); i++) {
		char *a = slurp(d1, names[i], &l1), *b = slurp(d2, names[i], &l2);
		assert_int_equal(l1, l2);
		assert_memory_equal(a, b, l1);
		free(a);
		free(b);
	}
	rm_dir(d1);
	rm_dir(d2);
}

/* Bad options end the program with a message and status 1 or 2. */
static void
test_bad_options(void **state)
{
	static const char *const bad[][8] = {
		{ "--subjects", "x", "--records", "1", NULL },
		{ "--subjects", "10", "--records", "-1", NULL },
		{ "--subjects", "0", "--records", "5", NULL },
		{ "--subjects", "1", "--records", "1", "--today", "2026-02-30", NULL },
		{ "--subjects", "1", "--records", "1", "--bogus", NULL },
		{ "--subjects", "1", "--records", "1", NULL },  /* the --out directory cannot be made */
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		pid_t pid;
		int status;

		fflush(stdout);
		fflush(stderr);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			char *argv[12];
			int argc = 0, k, devnull = open("/dev/null", O_WRONLY);

			if (devnull >= 0)
				dup2(devnull, 2);
			argv[argc++] = (char *)"gendata";
			for (k = 0; bad[i][k] != NULL; k++)
				argv[argc++] = (char *)bad[i][k];
			argv[argc++] = (char *)"--out";
			argv[argc++] = (char *)"/nonexistent/gendata-test";
			argv[argc] = NULL;
			_exit(gendata_main(argc, argv) == 0 ? 0 : 3);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_true(WEXITSTATUS(status) == 1 || WEXITSTATUS(status) == 2);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_feistel_is_a_bijection),
		cmocka_unit_test(test_uscc_unique),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_bad_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
