/* subjects.c — all SQL for subjects, subject_grams and gram_counts. */
#include "store/subjects.h"

#include <string.h>

#include "core/db.h"
#include "core/shared.h"
#include "rules/grams.h"

enum subj_stmt {
	SU_BY_USCC, SU_BY_ID, SU_PICK, SU_SEARCH, SU_COUNT, SU_INSERT, SU_GRAM, SU_GRAM_COUNT,
	SU_UPDATE, SU_GRAMS_DROP, SU_BY_USCC_F, SU_LIST_ENV, SU_COUNT_ENV, SU_LIST_DISTRICT,
	SU_COUNT_DISTRICT, SU_DISTRICTS, SU_PROFILE, SU_COUNT_GRAM, SU_SEARCH_PLAIN, SU_COUNT_PLAIN,
	SU_MAX
};

#define PICK_SLOTS 8
#define DISTRICTS_MAX_S "100"   /* SUBJECTS_DISTRICTS_MAX as text */

#define SUBJ_COLS SUBJECTS_COLS

/* The environmental filter (struct subject_filter): a published round entry
 * of the subject with the grade and in the year asked for; without a year,
 * only its latest published round counts. Binds: year, year, grade, grade,
 * year. Evaluated per candidate through ix_env_entries_subject. */
#define LATER_ROUND "NOT EXISTS (SELECT 1 FROM env_entries e2 JOIN env_rounds r2 " \
	"ON r2.id = e2.round_id AND r2.status = 'published' WHERE e2.subject_id = e.subject_id " \
	"AND (r2.year > r.year OR (r2.year = r.year AND r2.id > r.id)))"
#define ENV_COND "(? = 0 OR r.year = ?) AND (? IS NULL OR e.grade = ?) AND (? <> 0 OR " LATER_ROUND ")"
#define ENV_MATCH "EXISTS (SELECT 1 FROM env_entries e JOIN env_rounds r ON r.id = e.round_id " \
	"AND r.status = 'published' WHERE e.subject_id = s.id AND " ENV_COND ")"
/* Binds: district, district, env filter on (0/1), then ENV_MATCH's. */
#define FILTERS "AND (? IS NULL OR s.district = ?) AND (? = 0 OR " ENV_MATCH ") "
/* No name: the published rounds (ix_env_rounds_status) and their entries
 * ((round_id, grade)) give the candidates. Binds: ENV_COND's. */
#define ENV_IDS "s.id IN (SELECT e.subject_id FROM env_rounds r JOIN env_entries e " \
	"ON e.round_id = r.id WHERE r.status = 'published' AND " ENV_COND ") "

#define PROFILE_COLS SUBJECTS_PROFILE_COLS

static const char *const subj_sql[SU_MAX] = {
	[SU_BY_USCC] = "SELECT " SUBJ_COLS "FROM subjects s " SUBJECTS_PARTS "WHERE s.uscc = ?",
	[SU_BY_ID] = "SELECT " SUBJ_COLS "FROM subjects s " SUBJECTS_PARTS "WHERE s.id = ?",
	[SU_PICK] = "SELECT gram, n FROM gram_counts WHERE gram IN (?, ?, ?, ?, ?, ?, ?, ?)",
	[SU_SEARCH] = "SELECT " SUBJ_COLS "FROM subject_grams g JOIN subjects s ON s.id = g.subject_id "
	    SUBJECTS_PARTS
	    "WHERE g.gram = ? AND s.name LIKE ? ESCAPE '!' " FILTERS
	    "ORDER BY g.subject_id LIMIT ? OFFSET ?",
	[SU_COUNT] = "SELECT COUNT(*) FROM (SELECT 1 FROM subject_grams g "
	    "JOIN subjects s ON s.id = g.subject_id "
	    "WHERE g.gram = ? AND s.name LIKE ? ESCAPE '!' " FILTERS "LIMIT 1001) t",
	[SU_INSERT] = "INSERT INTO subjects (uscc, name, kind, legal_rep, address, district, industry, "
	    "established, reg_status, uscc_override, created_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UNIX_TIMESTAMP())",
	[SU_GRAM] = "INSERT IGNORE INTO subject_grams (gram, subject_id) VALUES (?, ?)",
	[SU_GRAM_COUNT] = "INSERT INTO gram_counts (gram, n) VALUES (?, 1) "
	    "ON DUPLICATE KEY UPDATE n = n + 1",
	[SU_UPDATE] = "UPDATE subjects SET name = ?, kind = ?, legal_rep = ?, address = ?, "
	    "district = ?, industry = ?, established = ?, reg_status = ? WHERE id = ?",
	[SU_GRAMS_DROP] = "DELETE FROM subject_grams WHERE subject_id = ?",
	[SU_BY_USCC_F] = "SELECT " SUBJ_COLS "FROM subjects s " SUBJECTS_PARTS "WHERE s.uscc = ? " FILTERS,
	[SU_LIST_ENV] = "SELECT " SUBJ_COLS "FROM subjects s " SUBJECTS_PARTS "WHERE " ENV_IDS
	    "AND (? IS NULL OR s.district = ?) ORDER BY s.id LIMIT ? OFFSET ?",
	[SU_COUNT_ENV] = "SELECT COUNT(*) FROM (SELECT 1 FROM subjects s WHERE " ENV_IDS
	    "AND (? IS NULL OR s.district = ?) LIMIT 1001) t",
	[SU_LIST_DISTRICT] = "SELECT " SUBJ_COLS "FROM subjects s " SUBJECTS_PARTS "WHERE s.district = ? "
	    "ORDER BY s.id LIMIT ? OFFSET ?",
	[SU_COUNT_DISTRICT] = "SELECT COUNT(*) FROM (SELECT 1 FROM subjects WHERE district = ? LIMIT 1001) t",
	/* A loose index scan over ix_subjects_district: one entry per
	 * district. MariaDB 10.11 chooses it only at a prepared statement's
	 * first execution and reads the whole index at later ones (250 ms
	 * on 1M subjects instead of 0.3), so subjects_districts() prepares
	 * it again every time. */
	[SU_DISTRICTS] = "SELECT DISTINCT district FROM subjects WHERE district IS NOT NULL "
	    "ORDER BY district LIMIT " DISTRICTS_MAX_S,
	/* A query that is exactly one gram: every subject indexed under it
	 * matches, so the count is an index-only range of the primary key. */
	[SU_COUNT_GRAM] = "SELECT COUNT(*) FROM (SELECT 1 FROM subject_grams WHERE gram = ? LIMIT 1001) t",
	/* SU_SEARCH and SU_COUNT without the filters, for a search by name
	 * alone (nearly all of them): MariaDB optimises the filters' EXISTS
	 * subqueries at every execution even when their parameters switch
	 * them off. */
	[SU_SEARCH_PLAIN] = "SELECT " SUBJ_COLS "FROM subject_grams g JOIN subjects s ON s.id = g.subject_id "
	    SUBJECTS_PARTS
	    "WHERE g.gram = ? AND s.name LIKE ? ESCAPE '!' ORDER BY g.subject_id LIMIT ? OFFSET ?",
	[SU_COUNT_PLAIN] = "SELECT COUNT(*) FROM (SELECT 1 FROM subject_grams g "
	    "JOIN subjects s ON s.id = g.subject_id "
	    "WHERE g.gram = ? AND s.name LIKE ? ESCAPE '!' LIMIT 1001) t",
	/* The subject and which parts of its file have rows (struct
	 * subject_parts, from the table the triggers of 0012 keep). */
	[SU_PROFILE] = "SELECT " PROFILE_COLS "FROM subjects s " SUBJECTS_PARTS "WHERE s.uscc = ?",
};
DB_SET(subj_set, subj_sql, SU_MAX);

static void
bind_subject(struct db_q *q, struct subject *s)
{
	db_out_int(q, &s->id);
	db_out_str(q, &s->uscc);
	db_out_str(q, &s->name);
	db_out_str(q, &s->kind);
	db_out_str(q, &s->legal_rep);
	db_out_str(q, &s->address);
	db_out_str(q, &s->district);
	db_out_str(q, &s->industry);
	db_out_str(q, &s->established);
	db_out_str(q, &s->reg_status);
	db_out_int(q, &s->uscc_override);
	db_out_int(q, &s->serious);
	db_out_int(q, &s->env);
}

static int
env_on(const struct subject_filter *f)
{
	return f != NULL && (f->grade != NULL || f->year > 0);
}

static void
bind_env(struct db_q *q, const struct subject_filter *f)
{
	long long year = f != NULL ? f->year : 0;
	const char *grade = f != NULL ? f->grade : NULL;

	db_in_int(q, year);
	db_in_int(q, year);
	db_in_str(q, grade);
	db_in_str(q, grade);
	db_in_int(q, year);
}

static void
bind_filters(struct db_q *q, const struct subject_filter *f)
{
	const char *district = f != NULL ? f->district : NULL;

	db_in_str(q, district);
	db_in_str(q, district);
	db_in_int(q, env_on(f));
	bind_env(q, f);
}

static int
one(struct db_q *q, struct subject *out)
{
	memset(out, 0, sizeof(*out));
	bind_subject(q, out);
	return db_one(q);
}

int
subjects_by_uscc(struct arena *a, const char *uscc, struct subject *out)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &subj_set, SU_BY_USCC)) < 0)
		return rc;
	db_in_str(&q, uscc);
	return one(&q, out);
}

int
subjects_profile_by_uscc(struct arena *a, const char *uscc, struct subject *out,
    struct subject_parts *parts)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &subj_set, SU_PROFILE)) < 0)
		return rc;
	db_in_str(&q, uscc);
	subjects_bind_profile(&q, out, parts);
	return db_one(&q);
}

void
subjects_bind_profile(struct db_q *q, struct subject *out, struct subject_parts *parts)
{
	memset(out, 0, sizeof(*out));
	memset(parts, 0, sizeof(*parts));
	bind_subject(q, out);
	db_out_int(q, &parts->ratings);
	db_out_int(q, &parts->commitments);
}

int
subjects_by_uscc_filtered(struct arena *a, const char *uscc, const struct subject_filter *f,
    struct subject *out)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &subj_set, SU_BY_USCC_F)) < 0)
		return rc;
	db_in_str(&q, uscc);
	bind_filters(&q, f);
	return one(&q, out);
}

int
subjects_by_id(struct arena *a, long long id, struct subject *out)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &subj_set, SU_BY_ID)) < 0)
		return rc;
	db_in_int(&q, id);
	return one(&q, out);
}

/* The rarest gram of the query: the fewest index rows to confirm. Returns
 * 1 with *best set, 0 when some gram occurs in no name (no match at all). */
static int
pick_gram(struct arena *a, struct gram *g, int n, const char **best)
{
	long long cnt, min = -1;
	char *gram;
	struct db_q q;
	int rc, i, found = 0;

	if (n > PICK_SLOTS)
		n = PICK_SLOTS;
	if ((rc = db_q_start(&q, a, &subj_set, SU_PICK)) < 0)
		return rc;
	for (i = 0; i < PICK_SLOTS; i++)
		db_in_str(&q, g[i < n ? i : n - 1].s);
	if ((rc = db_exec(&q)) < 0) {
		db_q_end(&q);
		return rc;
	}
	db_out_str(&q, &gram);
	db_out_int(&q, &cnt);
	while ((rc = db_fetch(&q)) > 0) {
		found++;
		if (min < 0 || cnt < min) {
			min = cnt;
			*best = gram;
		}
	}
	db_q_end(&q);
	if (rc < 0)
		return rc;
	/* Every distinct gram must exist for the name to contain the query. */
	return found == n ? 1 : 0;
}

static char *
like_pattern(struct arena *a, const char *q)
{
	size_t n = strlen(q), o = 0, i;
	char *p = arena_alloc(a, n * 2 + 3);

	if (p == NULL)
		return NULL;
	p[o++] = '%';
	for (i = 0; i < n; i++) {
		if (q[i] == '%' || q[i] == '_' || q[i] == '!')
			p[o++] = '!';
		p[o++] = q[i];
	}
	p[o++] = '%';
	p[o] = '\0';
	return p;
}

int
subjects_search(struct arena *a, const char *query, const struct subject_filter *f,
    long long offset, int max, struct subject *rows, long long *total)
{
	struct gram g[GRAMS_MAX];
	const char *best = NULL;
	char *pat;
	struct subject s;
	struct db_q q;
	size_t len = strlen(query);
	int n, ngrams, rc, filtered = env_on(f) || (f != NULL && f->district != NULL);

	*total = 0;
	ngrams = grams_of(query, len, utf8_count(query, len) == 1, g, GRAMS_MAX);
	if (ngrams == 0)
		return 0;
	/* One gram (two characters, the most common search) needs no
	 * choosing: the page below finds nothing if it occurs nowhere. */
	if (ngrams == 1)
		best = g[0].s;
	else if ((rc = pick_gram(a, g, ngrams, &best)) <= 0)
		return rc;
	if ((pat = like_pattern(a, query)) == NULL)
		return DB_ERR;
	/* The page first: a first page that is not full is the whole result
	 * and needs no count (about a quarter of the benchmark's searches). */
	if ((rc = db_q_start(&q, a, &subj_set, filtered ? SU_SEARCH : SU_SEARCH_PLAIN)) < 0)
		return rc;
	db_in_str(&q, best);
	db_in_str(&q, pat);
	if (filtered)
		bind_filters(&q, f);
	db_in_int(&q, max);
	db_in_int(&q, offset);
	bind_subject(&q, &s);
	if ((n = db_collect(&q, &s, rows, sizeof(s), max)) < 0)
		return n;
	if (offset == 0 && n < max) {
		*total = n;
		return n;
	}
	/* Two Chinese characters, the most common search, are one gram: no
	 * name needs checking with LIKE to count them (3 ms → 0.2 ms on 1M
	 * subjects for a common word). */
	if (ngrams == 1 && strcmp(g[0].s, query) == 0 && !filtered) {
		if ((rc = db_q_start(&q, a, &subj_set, SU_COUNT_GRAM)) < 0)
			return rc;
		db_in_str(&q, best);
	} else {
		if ((rc = db_q_start(&q, a, &subj_set, filtered ? SU_COUNT : SU_COUNT_PLAIN)) < 0)
			return rc;
		db_in_str(&q, best);
		db_in_str(&q, pat);
		if (filtered)
			bind_filters(&q, f);
	}
	db_out_int(&q, total);
	if ((rc = db_one(&q)) < 0)
		return rc;
	return n;
}

int
subjects_filter(struct arena *a, const struct subject_filter *f, long long offset, int max,
    struct subject *rows, long long *total)
{
	struct subject s;
	struct db_q q;
	int rc, env = env_on(f);

	*total = 0;
	if (!env && (f == NULL || f->district == NULL))
		return 0;
	if ((rc = db_q_start(&q, a, &subj_set, env ? SU_COUNT_ENV : SU_COUNT_DISTRICT)) < 0)
		return rc;
	if (env) {
		bind_env(&q, f);
		db_in_str(&q, f->district);
	}
	db_in_str(&q, f->district);
	db_out_int(&q, total);
	if ((rc = db_one(&q)) < 0)
		return rc;
	if (*total == 0 || offset >= *total)
		return 0;
	if ((rc = db_q_start(&q, a, &subj_set, env ? SU_LIST_ENV : SU_LIST_DISTRICT)) < 0)
		return rc;
	if (env) {
		bind_env(&q, f);
		db_in_str(&q, f->district);
	}
	db_in_str(&q, f->district);
	db_in_int(&q, max);
	db_in_int(&q, offset);
	bind_subject(&q, &s);
	return db_collect(&q, &s, rows, sizeof(s), max);
}

int
subjects_districts(struct arena *a, char **rows, int max)
{
	struct db_q q;
	char *d;
	int rc;

	if (max > SUBJECTS_DISTRICTS_MAX)
		max = SUBJECTS_DISTRICTS_MAX;
	if ((rc = db_q_start(&q, a, &subj_set, SU_DISTRICTS)) < 0)
		return rc;
	db_out_str(&q, &d);
	rc = db_collect(&q, &d, rows, sizeof(d), max);
	db_forget(&subj_set, SU_DISTRICTS);
	return rc;
}

static int
exec_simple(struct db_q *q)
{
	long long n = db_write(q);

	return n < 0 ? (int)n : 1;
}

static int index_name(struct arena *, long long, const char *);

long long
subjects_insert(struct arena *a, const struct subject *s)
{
	struct db_q q;
	long long id;
	int rc;

	if ((rc = db_q_start(&q, a, &subj_set, SU_INSERT)) < 0)
		return rc;
	db_in_str(&q, s->uscc);
	db_in_str(&q, s->name);
	db_in_str(&q, s->kind ? s->kind : "enterprise");
	db_in_str(&q, s->legal_rep);
	db_in_str(&q, s->address);
	db_in_str(&q, s->district);
	db_in_str(&q, s->industry);
	db_in_str(&q, s->established);
	db_in_str(&q, s->reg_status ? s->reg_status : "active");
	db_in_int(&q, s->uscc_override);
	if ((id = db_insert(&q)) < 0)
		return id;
	db_changed(SG_CHOICES);   /* maybe a district the search form offers */
	rc = index_name(a, id, s->name);
	return rc < 0 ? rc : id;
}

/* Adds the grams of a name to the index. */
static int
index_name(struct arena *a, long long id, const char *name)
{
	struct gram g[GRAMS_MAX];
	struct db_q q;
	int rc, n, i;

	n = grams_of(name, strlen(name), 1, g, GRAMS_MAX);
	for (i = 0; i < n; i++) {
		if ((rc = db_q_start(&q, a, &subj_set, SU_GRAM)) < 0)
			return rc;
		db_in_str(&q, g[i].s);
		db_in_int(&q, id);
		if ((rc = exec_simple(&q)) < 0)
			return rc;
		if ((rc = db_q_start(&q, a, &subj_set, SU_GRAM_COUNT)) < 0)
			return rc;
		db_in_str(&q, g[i].s);
		if ((rc = exec_simple(&q)) < 0)
			return rc;
	}
	return 1;
}

int
subjects_update(struct arena *a, const struct subject *s, int name_changed)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &subj_set, SU_UPDATE)) < 0)
		return rc;
	db_in_str(&q, s->name);
	db_in_str(&q, s->kind);
	db_in_str(&q, s->legal_rep);
	db_in_str(&q, s->address);
	db_in_str(&q, s->district);
	db_in_str(&q, s->industry);
	db_in_str(&q, s->established);
	db_in_str(&q, s->reg_status);
	db_in_int(&q, s->id);
	if ((rc = exec_simple(&q)) < 0)
		return rc;
	db_changed(SG_CHOICES);
	if (!name_changed)
		return 1;
	/* gram_counts only grows: it ranks grams, a stale count is harmless. */
	if ((rc = db_q_start(&q, a, &subj_set, SU_GRAMS_DROP)) < 0)
		return rc;
	db_in_int(&q, s->id);
	if ((rc = exec_simple(&q)) < 0)
		return rc;
	return index_name(a, s->id, s->name);
}
