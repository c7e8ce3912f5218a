/* env.c — environmental credit grades, annual rounds: the public list of
 * rounds (by year, a page at a time), a round's grades (filtered by grade
 * and district, a page at a time), its statistics with an SVG bar chart and
 * CSV, and the agency's work on a round (create, add enterprises,
 * deductions, vetoes, publicity, publication, corrections that keep the
 * earlier grade, a grade corrected outright with its reason). */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/db.h"
#include "core/shared.h"
#include "core/view.h"
#include "pages/env_int.h"
#include "rules/uscc.h"
#include "store/audit.h"
#include "store/subjects.h"

#define ROUNDS_PER_PAGE  50
#define ENTRIES_PER_PAGE 100
#define MAX_YEARS      50
#define MAX_ITEMS      64
#define MAX_DEDUCTIONS 64
#define MAX_HISTORY    50
#define MAX_DISTRICTS  100
#define MAX_EVENTS     200
#define BAR_HEIGHT     200


enum { RF_YEAR, RF_SCOPE, RF_FROM, RF_TO, RF_N };
static const struct field round_fields[RF_N] = {
	[RF_YEAR]  = { "year", FT_INT, FF_REQUIRED | FF_TRIM, 2000, 2100, NULL },
	[RF_SCOPE] = { "scope", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
	[RF_FROM]  = { "period_from", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[RF_TO]    = { "period_to", FT_DATE, FF_REQUIRED, 0, 0, NULL },
};
const struct form env_round_form = { round_fields, RF_N };

enum { HF_YEAR, HF_PAGE, HF_N };
static const struct field home_fields[HF_N] = {
	[HF_YEAR] = { "year", FT_INT, FF_TRIM, 2000, 2100, NULL },
	[HF_PAGE] = { "page", FT_INT, 0, 1, 10000, NULL },
};
const struct form env_home_form = { home_fields, HF_N };

enum { FL_GRADE, FL_DISTRICT, FL_PAGE, FL_N };
static const struct field filter_fields[FL_N] = {
	[FL_GRADE]    = { "grade", FT_ENUM, 0, 0, 0, grade_codes },
	[FL_DISTRICT] = { "district", FT_TEXT, FF_TRIM, 1, 50, NULL },
	[FL_PAGE]     = { "page", FT_INT, 0, 1, 100000, NULL },
};
const struct form env_filter_form = { filter_fields, FL_N };

/* A grade corrected outright: an imported grade word that was wrong, or a
 * scored grade the agency corrects after the draft. */
enum { GF_GRADE, GF_SCORE, GF_REASON, GF_N };
static const struct field grade_fields[GF_N] = {
	[GF_GRADE]  = { "grade", FT_ENUM, FF_REQUIRED, 0, 0, grade_codes },
	[GF_SCORE]  = { "score", FT_INT, FF_TRIM, 0, 100, NULL },
	[GF_REASON] = { "reason", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 300, NULL },
};
const struct form env_grade_form = { grade_fields, GF_N };

enum { EF_USCC, EF_N };
static const struct field entry_fields[EF_N] = {
	[EF_USCC] = { "uscc", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 40, NULL },
};
const struct form env_entry_form = { entry_fields, EF_N };

enum { PF_DAYS, PF_N };
static const struct field publicize_fields[PF_N] = {
	[PF_DAYS] = { "days", FT_INT, FF_TRIM, 1, 60, NULL },
};
const struct form env_publicize_form = { publicize_fields, PF_N };

enum { DF_INDICATOR, DF_POINTS, DF_NOTE, DF_REASON, DF_N };
static const struct field deduction_fields[DF_N] = {
	[DF_INDICATOR] = { "indicator", FT_TOKEN, FF_REQUIRED, 1, 32, NULL },
	[DF_POINTS]    = { "points", FT_INT, FF_REQUIRED | FF_TRIM, 1, 100, NULL },
	[DF_NOTE]      = { "note", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 300, NULL },
	[DF_REASON]    = { "reason", FT_TEXT, FF_TRIM, 2, 300, NULL },
};
const struct form env_deduction_form = { deduction_fields, DF_N };

enum { XF_REASON, XF_N };
static const struct field reason_fields[XF_N] = {
	[XF_REASON] = { "reason", FT_TEXT, FF_TRIM, 2, 300, NULL },
};
const struct form env_reason_form = { reason_fields, XF_N };

enum { VF_VETO, VF_NOTE, VF_REASON, VF_N };
static const struct field veto_fields[VF_N] = {
	[VF_VETO]   = { "veto", FT_TOKEN, FF_REQUIRED, 1, 32, NULL },
	[VF_NOTE]   = { "note", FT_TEXT, FF_TRIM, 2, 300, NULL },
	[VF_REASON] = { "reason", FT_TEXT, FF_TRIM, 2, 300, NULL },
};
const struct form env_veto_form = { veto_fields, VF_N };

/* ---- shared helpers (env_int.h) ---- */

int
env_manager(const struct req *r)
{
	return r->user.role == ROLE_ENV_AGENCY || r->user.role == ROLE_ADMIN;
}

int
env_scheme_load(struct req *r, struct env_scheme *sc)
{
	int rc, i;

	if ((rc = env_settings_get(&r->arena, &sc->s)) <= 0)
		return rc < 0 ? rc : DB_ERR;
	for (i = 0; i < 4; i++) {
		sc->annual.min[i] = (int)sc->s.annual_min[i];
		sc->dyn.t.min[i] = (int)sc->s.dyn_min[i];
	}
	sc->dyn.base = (int)sc->s.dyn_base;
	sc->dyn.max = (int)sc->s.dyn_max;
	return 1;
}

/* The scheme as pages show it (a profile's current grade and measures,
 * search badges): each worker keeps a copy, read again after a commit on
 * this server changed the settings or after SHARED_MAX_AGE seconds (a
 * statement saved on every view of a graded subject). Changes to grades
 * read the settings afresh (env_scheme_load). */
static struct {
	struct shared_copy copy;
	struct env_scheme  sc;
	char               red[16], black[16];   /* env_settings prices, DECIMAL(5,2) */
} shown;

int
env_scheme_shown(struct req *r, struct env_scheme *sc)
{
	int rc;

	if (!shared_copy_fresh(&shown.copy, SG_ENV_SCHEME)) {
		shared_copy_begin(&shown.copy, SG_ENV_SCHEME);
		if ((rc = env_scheme_load(r, &shown.sc)) < 0)
			return rc;
		snprintf(shown.red, sizeof(shown.red), "%s", shown.sc.s.red_price ? shown.sc.s.red_price : "");
		snprintf(shown.black, sizeof(shown.black), "%s",
		    shown.sc.s.black_price ? shown.sc.s.black_price : "");
		shown.sc.s.red_price = shown.red;
		shown.sc.s.black_price = shown.black;
		shared_copy_done(&shown.copy);
	}
	*sc = shown.sc;
	return 1;
}

int
env_dyn_score(const struct env_scheme *sc, const struct env_event *x, int n,
    const struct ymd *on, int *score)
{
	struct dyn_event ev[MAX_EVENTS];
	int i, k = 0;

	for (i = 0; i < n && k < MAX_EVENTS; i++) {
		if (ymd_parse(x[i].decided_on, &ev[k].from) != 0 ||
		    ymd_parse(x[i].until_on, &ev[k].until) != 0)
			continue;
		ev[k].points = (int)x[i].points;
		ev[k].type = x[i].type_id;
		k++;
	}
	*score = dyn_score_on(&sc->dyn, ev, k, on);
	return grade_from_score(&sc->dyn.t, *score);
}

void
env_set_counts(struct req *r, const char *prefix, const long long counts[5])
{
	char name[64], share[8];
	long long total = 0, maxc = 1;
	int g;

	for (g = 0; g < GRADE_MAX; g++) {
		total += counts[g];
		if (counts[g] > maxc)
			maxc = counts[g];
	}
	for (g = 0; g < GRADE_MAX; g++) {
		long long h = counts[g] * BAR_HEIGHT / maxc;
#define SETI(f, v) do { snprintf(name, sizeof(name), "%s.rows.%d.%s", prefix, g, f); view_set_int(r, name, v); } while (0)
		snprintf(name, sizeof(name), "%s.rows.%d.grade", prefix, g);
		view_set(r, name, grade_codes[g]);
		SETI("count", counts[g]);
		grade_share(counts[g], total, share);
		snprintf(name, sizeof(name), "%s.rows.%d.share", prefix, g);
		view_set(r, name, share);
		SETI("h", h);
		SETI("y", 20 + BAR_HEIGHT - h);
		SETI("x", 40 + g * 100);
		SETI("tx", 75 + g * 100);
		SETI("ty", 20 + BAR_HEIGHT - h - 4);
#undef SETI
	}
	snprintf(name, sizeof(name), "%s.total", prefix);
	view_set_int(r, name, total);
	grade_share(counts[GRADE_GREEN] + counts[GRADE_BLUE], total, share);
	snprintf(name, sizeof(name), "%s.good_share", prefix);
	view_set(r, name, share);
}

/* ---- local helpers ---- */

const char *
env_lname(const struct req *r, const char *zh, const char *en)
{
	return strcmp(r->lang, "en") == 0 ? en : zh;
}

static void
set_round(struct req *r, const char *prefix, const struct env_round *x)
{
	char name[64];

#define SETR(f, v) do { snprintf(name, sizeof(name), "%s.%s", prefix, f); view_set(r, name, v); } while (0)
	snprintf(name, sizeof(name), "%s.id", prefix);
	view_set_int(r, name, x->id);
	snprintf(name, sizeof(name), "%s.year", prefix);
	view_set_int(r, name, x->year);
	snprintf(name, sizeof(name), "%s.n", prefix);
	view_set_int(r, name, x->n_entries);
	SETR("scope", x->scope);
	SETR("period_from", x->period_from);
	SETR("period_to", x->period_to);
	SETR("status", x->status);
	SETR("publicity_from", x->publicity_from);
	SETR("publicity_to", x->publicity_to);
	SETR("published_on", x->published_on);
#undef SETR
}

void
env_set_entry(struct req *r, const char *prefix, const struct env_entry *e)
{
	char name[64];

#define SETE(f, v) do { snprintf(name, sizeof(name), "%s.%s", prefix, f); view_set(r, name, v); } while (0)
#define SETI(f, v) do { snprintf(name, sizeof(name), "%s.%s", prefix, f); view_set_int(r, name, v); } while (0)
	SETI("id", e->id);
	SETI("round_id", e->round_id);
	SETI("subject_id", e->subject_id);
	SETI("year", e->year);
	if (e->has_score)
		SETI("score", e->score);
	SETE("uscc", e->uscc);
	SETE("name", e->name);
	SETE("district", e->district);
	SETE("source", e->source);
	SETE("base_grade", e->base_grade);
	SETE("grade", e->grade);
	SETE("scope", e->scope);
	SETE("round_status", e->round_status);
	SETE("published_on", e->published_on);
	if (e->veto_id > 0) {
		SETE("veto", env_lname(r, e->veto_zh, e->veto_en));
		SETE("veto_code", e->veto_code);
		SETE("veto_note", e->veto_note);
	}
#undef SETE
#undef SETI
}

/* The round, or an error status: drafts exist only for the agency. */
static int
visible_round(struct req *r, long long id, struct env_round *x)
{
	int rc = env_round_get(&r->arena, id, x);

	if (rc < 0)
		return req_dberr(r, rc);
	if (rc == 0 || (strcmp(x->status, "draft") == 0 && !env_manager(r)))
		return req_error(r, 404, "Err.notfound");
	return 0;
}

static int
today_str(char out[11])
{
	struct ymd t;

	ymd_today(&t);
	ymd_format(&t, out);
	return 0;
}

/* ---- public pages ---- */

/* Pager.page/.pages/.prev/.next for `total` rows, `per` a page. */
static void
set_pager(struct req *r, long long page, long long total, int per)
{
	long long pages = total > 0 ? (total + per - 1) / per : 1;

	view_set_int(r, "Pager.page", page);
	view_set_int(r, "Pager.pages", pages);
	if (page > 1)
		view_set_int(r, "Pager.prev", page - 1 < pages ? page - 1 : pages);
	if (page < pages)
		view_set_int(r, "Pager.next", page + 1);
}

int
env_home_get(struct req *r)
{
	struct env_round x[ROUNDS_PER_PAGE];
	struct env_snapshot snaps[50];
	long long years[MAX_YEARS], year = 0, page = 1, total;
	char name[48];
	int n, i, all = env_manager(r);

	if (r->form == &env_home_form && !r->form_invalid) {
		year = r->f[HF_YEAR] != NULL ? form_int(r, HF_YEAR) : 0;
		page = r->f[HF_PAGE] != NULL ? form_int(r, HF_PAGE) : 1;
	}
	/* A page of rounds: a city grades every year for decades. */
	if ((n = env_rounds_count(&r->arena, all, year, &total)) < 0)
		return req_dberr(r, n);
	if ((n = env_rounds_list(&r->arena, all, year, (page - 1) * ROUNDS_PER_PAGE, x,
	    ROUNDS_PER_PAGE)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Rounds.%d", i);
		set_round(r, name, &x[i]);
	}
	view_set_int(r, "RoundList.total", total);
	if (year > 0) {
		view_set_int(r, "RoundList.year", year);
		view_setf(r, "Pager.filters", "&year=%lld", year);
	}
	set_pager(r, page, total, ROUNDS_PER_PAGE);
	if ((n = env_round_years(&r->arena, all, 0, years, MAX_YEARS)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Years.%d", i);
		view_set_int(r, name, years[i]);
	}
	if ((n = env_snapshots_list(&r->arena, snaps, 50)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Snapshots.%d.id", i);
		view_set_int(r, name, snaps[i].id);
		snprintf(name, sizeof(name), "Snapshots.%d.as_of", i);
		view_set(r, name, snaps[i].as_of);
		snprintf(name, sizeof(name), "Snapshots.%d.n", i);
		view_set_int(r, name, snaps[i].n_total);
		snprintf(name, sizeof(name), "Snapshots.%d.version", i);
		view_set_int(r, name, snaps[i].version);
	}
	if (env_manager(r))
		view_set(r, "Env.manager", "1");
	form_to_hdf(r);
	view_set(r, "Page.title", view_str(r, "Env.title"));
	view_set(r, "Page.nav", "env");
	r->tmpl = "env_home.cs";
	if (r->user.role != ROLE_ANON)
		r->no_store = 1;
	if (r->form == &env_home_form && r->form_invalid)
		return r->status = 422;
	return r->status ? r->status : 200;
}

int
env_round_create(struct req *r)
{
	long long id;
	int rc;

	if (!r->form_invalid && strcmp(r->f[RF_TO], r->f[RF_FROM]) < 0)
		page_field_fail(r, RF_TO, "Env.err.period");
	if (r->form_invalid) {
		r->status = 422;
		return env_home_get(r);
	}
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = env_round_insert(&r->arena, form_int(r, RF_YEAR), r->f[RF_SCOPE], r->f[RF_FROM],
	    r->f[RF_TO], r->user.id);
	if (id < 0)
		return page_finish(r, (int)id, "/env");
	rc = page_audit(r, 0, "env_round", arena_printf(&r->arena, "round %lld created (%s %s)",
	    id, r->f[RF_YEAR], r->f[RF_SCOPE]));
	return page_finish(r, rc, arena_printf(&r->arena, "/env/rounds/%lld", id));
}

static int
round_page(struct req *r, int status, const struct env_round *x)
{
	struct env_entry e[ENTRIES_PER_PAGE];
	char *districts[MAX_DISTRICTS], name[48];
	const char *grade = NULL, *district = NULL;
	long long page = 1, total;
	int n, i;

	if (r->form == &env_filter_form && !r->form_invalid) {
		grade = r->f[FL_GRADE];
		district = r->f[FL_DISTRICT];
		page = r->f[FL_PAGE] != NULL ? form_int(r, FL_PAGE) : 1;
	}
	/* A page at a time: a city-wide round has thousands of enterprises. */
	if ((n = env_entries_count(&r->arena, x->id, grade, district, &total)) < 0)
		return req_dberr(r, n);
	n = env_entries_of_round(&r->arena, x->id, grade, district, (page - 1) * ENTRIES_PER_PAGE,
	    e, ENTRIES_PER_PAGE);
	if (n < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Entries.%d", i);
		env_set_entry(r, name, &e[i]);
	}
	view_set_int(r, "Round.shown", n);
	view_set_int(r, "Round.matching", total);
	set_pager(r, page, total, ENTRIES_PER_PAGE);
	view_set(r, "Pager.filters", arena_printf(&r->arena, "%s%s%s%s",
	    grade ? "&grade=" : "", grade ? grade : "", district ? "&district=" : "",
	    district ? req_urlencode(r, district) : ""));
	if (r->user.role == ROLE_ENTERPRISE)
		view_set_int(r, "Env.self", r->user.subject_id);
	if ((n = env_round_districts(&r->arena, x->id, districts, MAX_DISTRICTS)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Districts.%d", i);
		view_set(r, name, districts[i]);
	}
	set_round(r, "Round", x);
	if (env_manager(r))
		view_set(r, "Env.manager", "1");
	form_to_hdf(r);
	view_set(r, "Page.title", arena_printf(&r->arena, "%lld %s", x->year, x->scope));
	view_set(r, "Page.nav", "env");
	r->tmpl = "env_round.cs";
	if (r->user.role != ROLE_ANON)
		r->no_store = 1;
	return r->status = status;
}

int
env_round_page_get(struct req *r)
{
	struct env_round x;
	int rc;

	if ((rc = visible_round(r, r->pathids[0], &x)) != 0)
		return rc;
	return round_page(r, r->form_invalid ? 422 : 200, &x);
}

/* Subject of a USCC form field (valid check character or a registered
 * pilot code), or marks the field. */
static int
subject_of(struct req *r, int i, struct subject *s)
{
	char norm[USCC_LEN + 1], want;
	int pos, err, rc;

	err = uscc_normalize(r->f[i], r->flen[i], norm, &pos, &want);
	if (err != USCC_OK && err != USCC_CHECK) {
		page_field_fail(r, i, uscc_errkey(err));
		return 0;
	}
	if ((rc = subjects_by_uscc(&r->arena, norm, s)) == 0)
		page_field_fail(r, i, err == USCC_CHECK ? "Err.uscc.check" : "Err.subject.notfound");
	return rc;
}

int
env_entry_create(struct req *r)
{
	struct env_scheme sc;
	struct env_round x;
	struct env_entry e;
	struct subject s;
	char *status;
	long long id;
	int rc;

	if ((rc = visible_round(r, r->pathids[0], &x)) != 0)
		return rc;
	if (!r->form_invalid && (rc = subject_of(r, EF_USCC, &s)) < 0)
		return req_dberr(r, rc);
	if (!r->form_invalid && strcmp(x.status, "draft") != 0)
		page_field_fail(r, EF_USCC, "Env.err.not_draft");
	if (r->form_invalid)
		return round_page(r, 422, &x);
	if ((rc = env_scheme_load(r, &sc)) < 0)
		return req_dberr(r, rc);
	memset(&e, 0, sizeof(e));
	e.round_id = x.id;
	e.subject_id = s.id;
	e.source = "form";
	e.has_score = 1;
	e.score = ANNUAL_FULL;
	e.base_grade = e.grade = (char *)grade_codes[grade_from_score(&sc.annual, ANNUAL_FULL)];
	e.district = s.district;
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	/* The round's row lock orders this against publicity and publication. */
	if ((rc = env_round_lock(&r->arena, x.id, &status)) <= 0 || strcmp(status, "draft") != 0) {
		db_rollback();
		if (rc < 0)
			return req_dberr(r, rc);
		page_field_fail(r, EF_USCC, "Env.err.not_draft");
		return round_page(r, 422, &x);
	}
	id = env_entry_insert(&r->arena, &e, r->user.id);
	if (id == DB_DUP) {
		db_rollback();
		page_field_fail(r, EF_USCC, "Env.err.duplicate");
		return round_page(r, 422, &x);
	}
	if (id < 0)
		return page_finish(r, (int)id, "/env");
	rc = page_audit(r, s.id, "env_grade", arena_printf(&r->arena,
	    "added to environmental round %lld (%lld %s), starting at 100", x.id, x.year, x.scope));
	return page_finish(r, rc, arena_printf(&r->arena, "/env/entries/%lld", id));
}

int
env_round_publicize_post(struct req *r)
{
	struct env_scheme sc;
	struct env_round x;
	struct ymd t;
	char from[11], to[11];
	long long days;
	int rc;

	if ((rc = visible_round(r, r->pathids[0], &x)) != 0)
		return rc;
	if (r->form_invalid)
		return round_page(r, 422, &x);
	if ((rc = env_scheme_load(r, &sc)) < 0)
		return req_dberr(r, rc);
	/* Calendar days, as the notices count them ("公示期15天"). */
	days = r->f[PF_DAYS] ? form_int(r, PF_DAYS) : sc.s.publicity_days;
	ymd_today(&t);
	ymd_format(&t, from);
	ymd_from_days(ymd_to_days(&t) + days - 1, &t);
	ymd_format(&t, to);
	if (x.n_entries == 0) {
		view_set(r, "Env.error", view_str(r, "Env.err.empty"));
		return round_page(r, 409, &x);
	}
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	if ((rc = env_round_publicize(&r->arena, x.id, from, to)) == 0) {
		db_rollback();
		view_set(r, "Env.error", view_str(r, "Env.err.not_draft"));
		return round_page(r, 409, &x);
	}
	if (rc > 0)
		rc = page_audit(r, 0, "env_round", arena_printf(&r->arena,
		    "round %lld publicised for objections %s to %s", x.id, from, to));
	return page_finish(r, rc, arena_printf(&r->arena, "/env/rounds/%lld", x.id));
}

int
env_round_publish_post(struct req *r)
{
	struct env_round x;
	char today[11];
	int rc;

	if ((rc = visible_round(r, r->pathids[0], &x)) != 0)
		return rc;
	today_str(today);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	if ((rc = env_round_publish(&r->arena, x.id, today)) == 0) {
		db_rollback();
		view_set(r, "Env.error", view_str(r, strcmp(x.status, "publicity") == 0 ?
		    "Env.err.publicity_running" : "Env.err.not_publicity"));
		return round_page(r, 409, &x);
	}
	if (rc > 0)
		rc = page_audit(r, 0, "env_round", arena_printf(&r->arena,
		    "round %lld (%lld %s) published", x.id, x.year, x.scope));
	return page_finish(r, rc, arena_printf(&r->arena, "/env/rounds/%lld", x.id));
}

/* ---- one entry: deductions, veto, corrections ---- */

static int
entry_page(struct req *r, int status, long long id)
{
	struct env_entry e;
	struct env_deduction d[MAX_DEDUCTIONS];
	struct env_item items[MAX_ITEMS];
	struct env_hist h[MAX_HISTORY];
	char name[64];
	int n, i, k, rc;

	if ((rc = env_entry_get(&r->arena, id, &e)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	env_set_entry(r, "Entry", &e);
	if ((n = env_deductions_of(&r->arena, e.id, d, MAX_DEDUCTIONS)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Deductions.%d.id", i);
		view_set_int(r, name, d[i].id);
		snprintf(name, sizeof(name), "Deductions.%d.points", i);
		view_set_int(r, name, d[i].points);
		snprintf(name, sizeof(name), "Deductions.%d.indicator", i);
		view_set(r, name, env_lname(r, d[i].name_zh, d[i].name_en));
		snprintf(name, sizeof(name), "Deductions.%d.note", i);
		view_set(r, name, d[i].note);
	}
	for (k = 0; k < 2; k++) {
		if ((n = env_items(&r->arena, k == 0 ? ENV_INDICATOR : ENV_VETO, 1, items, MAX_ITEMS)) < 0)
			return req_dberr(r, n);
		for (i = 0; i < n; i++) {
			const char *list = k == 0 ? "Indicators" : "Vetoes";
			snprintf(name, sizeof(name), "%s.%d.code", list, i);
			view_set(r, name, items[i].code);
			snprintf(name, sizeof(name), "%s.%d.name", list, i);
			view_set(r, name, env_lname(r, items[i].name_zh, items[i].name_en));
			snprintf(name, sizeof(name), "%s.%d.points", list, i);
			view_set_int(r, name, items[i].points);
			snprintf(name, sizeof(name), "%s.%d.grade", list, i);
			view_set(r, name, items[i].grade);
		}
	}
	if ((n = env_history_of_subject(&r->arena, e.subject_id, 1, h, MAX_HISTORY)) < 0)
		return req_dberr(r, n);
	for (i = 0, k = 0; i < n; i++) {
		if (h[i].entry_id != e.id)
			continue;
		if (h[i].objection_id > 0) {
			snprintf(name, sizeof(name), "History.%d.objection", k);
			view_set_int(r, name, h[i].objection_id);
		}
		snprintf(name, sizeof(name), "History.%d.grade", k);
		view_set(r, name, h[i].grade);
		if (h[i].has_score) {
			snprintf(name, sizeof(name), "History.%d.score", k);
			view_set_int(r, name, h[i].score);
		}
		snprintf(name, sizeof(name), "History.%d.reason", k);
		view_set(r, name, h[i].reason);
		snprintf(name, sizeof(name), "History.%d.at", k);
		view_set(r, name, h[i].at);
		snprintf(name, sizeof(name), "History.%d.who", k);
		view_set(r, name, h[i].who);
		k++;
	}
	/* A scored grade follows its deductions while the round is a draft. */
	if (strcmp(e.source, "form") != 0 || strcmp(e.round_status, "draft") != 0)
		view_set(r, "Entry.correctable", "1");
	page_set_list(r, "Grades", grade_codes);
	return page_form(r, e.name, "env", "env_entry.cs", status);
}

int
env_entry_page_get(struct req *r)
{
	return entry_page(r, 200, r->pathids[0]);
}

enum change_op { OP_DEDUCT, OP_REMOVE, OP_VETO };

/* Applies one change to an entry under the round's lock, recomputes its
 * score and grade, keeps the earlier grade in the history when the round
 * has left the draft, and audits it — all in one transaction. */
static int
entry_change(struct req *r, enum change_op op, int reason_field)
{
	struct env_scheme sc;
	struct env_item items[MAX_ITEMS];
	struct env_entry old, e;
	const char *reason = r->f[reason_field], *detail = "";
	char *status;
	long long id = r->pathids[0], sum, item = 0;
	int rc, n, i, veto = -1;

	if ((rc = env_entry_get(&r->arena, id, &old)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((rc = env_scheme_load(r, &sc)) < 0)
		return req_dberr(r, rc);
	/* Resolve codes before the transaction. */
	if (op == OP_DEDUCT || op == OP_VETO) {
		const char *code = r->f[op == OP_DEDUCT ? DF_INDICATOR : VF_VETO];
		if ((n = env_items(&r->arena, op == OP_DEDUCT ? ENV_INDICATOR : ENV_VETO, 1,
		    items, MAX_ITEMS)) < 0)
			return req_dberr(r, n);
		for (i = 0; code != NULL && i < n && strcmp(items[i].code, code) != 0; i++)
			;
		if (op == OP_VETO && code != NULL && strcmp(code, "none") == 0)
			item = 0;
		else if (code == NULL || i == n)
			page_field_fail(r, op == OP_DEDUCT ? DF_INDICATOR : VF_VETO, "Err.field.choice");
		else {
			item = items[i].id;
			if (op == OP_DEDUCT && !r->form_invalid && form_int(r, DF_POINTS) > items[i].points)
				page_field_fail(r, DF_POINTS, "Env.err.points");
			if (op == OP_VETO)
				veto = grade_from_code(items[i].grade);
		}
		if (op == OP_VETO && item > 0 && r->f[VF_NOTE] == NULL)
			page_field_fail(r, VF_NOTE, "Err.field.required");
	}
	if (op == OP_DEDUCT && strcmp(old.source, "form") != 0)
		page_field_fail(r, DF_INDICATOR, strcmp(old.source, "import") == 0 ?
		    "Env.err.imported" : "Env.err.corrected");
	if (strcmp(old.round_status, "draft") != 0 && reason == NULL)
		page_field_fail(r, reason_field, "Env.err.reason");
	if (r->form_invalid)
		return entry_page(r, 422, id);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	if ((rc = env_round_lock(&r->arena, old.round_id, &status)) <= 0)
		goto fail;
	/* Re-read under the lock: every change takes the round's lock first. */
	if ((rc = env_entry_get(&r->arena, id, &old)) <= 0)
		goto fail;
	if (strcmp(status, "draft") != 0 && reason == NULL) {
		db_rollback();
		page_field_fail(r, reason_field, "Env.err.reason");
		return entry_page(r, 422, id);
	}
	e = old;
	switch (op) {
	case OP_DEDUCT:
		rc = (int)env_deduction_insert(&r->arena, id, item, form_int(r, DF_POINTS),
		    r->f[DF_NOTE], r->user.id);
		detail = arena_printf(&r->arena, "deduction %s -%s (%s)", r->f[DF_INDICATOR],
		    r->f[DF_POINTS], r->f[DF_NOTE]);
		break;
	case OP_REMOVE:
		rc = env_deduction_delete(&r->arena, id, r->pathids[1]);
		if (rc == 0) {
			db_rollback();
			return req_error(r, 404, "Err.notfound");
		}
		detail = arena_printf(&r->arena, "deduction %lld removed", r->pathids[1]);
		break;
	case OP_VETO:
		e.veto_id = item;
		e.veto_note = item > 0 ? (char *)r->f[VF_NOTE] : NULL;
		detail = item > 0 ? arena_printf(&r->arena, "veto %s (%s)", r->f[VF_VETO], r->f[VF_NOTE]) :
		    "veto cleared";
		rc = 1;
		break;
	}
	if (rc < 0)
		goto fail;
	if (op == OP_VETO && item == 0)
		veto = -1;
	else if (op != OP_VETO && e.veto_id > 0) {
		/* Keep the entry's veto: find its grade. */
		if ((n = env_items(&r->arena, ENV_VETO, 0, items, MAX_ITEMS)) < 0) {
			rc = n;
			goto fail;
		}
		for (i = 0; i < n; i++)
			if (items[i].id == e.veto_id)
				veto = grade_from_code(items[i].grade);
	}
	if (strcmp(e.source, "form") == 0) {
		int d;
		if ((rc = env_deduction_sum(&r->arena, id, &sum)) < 0)
			goto fail;
		d = sum > ANNUAL_FULL ? ANNUAL_FULL : (int)sum;
		e.score = annual_score(&d, 1);
		e.has_score = 1;
		e.base_grade = (char *)grade_codes[grade_from_score(&sc.annual, (int)e.score)];
	}
	e.grade = (char *)grade_codes[grade_with_veto(grade_from_code(e.base_grade), veto)];
	if ((rc = env_entry_update(&r->arena, &e)) < 0)
		goto fail;
	if (strcmp(status, "draft") != 0 && (rc = env_history_insert(&r->arena, &old, reason, 0,
	    r->user.id)) < 0)
		goto fail;
	rc = page_audit(r, e.subject_id, strcmp(status, "draft") == 0 ? "env_grade" : "env_correct",
	    arena_printf(&r->arena, "round %lld: %s; grade %s -> %s%s%s", e.round_id, detail,
	    old.grade, e.grade, reason ? "; reason: " : "", reason ? reason : ""));
	return page_finish(r, rc, arena_printf(&r->arena, "/env/entries/%lld", id));
fail:
	db_rollback();
	return req_dberr(r, rc < 0 ? rc : DB_ERR);
}

int
env_deduction_create(struct req *r)
{
	return entry_change(r, OP_DEDUCT, DF_REASON);
}

int
env_deduction_remove(struct req *r)
{
	return entry_change(r, OP_REMOVE, XF_REASON);
}

int
env_veto_post(struct req *r)
{
	return entry_change(r, OP_VETO, VF_REASON);
}

int
env_entry_correct(struct req *r, long long id, long long subject_id, int g, int has_score,
    long long score, const char *reason, long long objection_id)
{
	struct env_entry old, e;
	char *status;
	int rc;

	if ((rc = env_entry_get(&r->arena, id, &old)) <= 0)
		return rc;
	if ((rc = env_round_lock(&r->arena, old.round_id, &status)) <= 0)
		return rc < 0 ? rc : 0;
	/* Re-read under the lock: every change takes the round's lock first. */
	if ((rc = env_entry_get(&r->arena, id, &old)) <= 0)
		return rc;
	if (subject_id > 0 && old.subject_id != subject_id)
		return 0;
	e = old;
	/* The corrected grade is final: it replaces the score's grade and any
	 * veto (both stay in the history); a scored entry stops following its
	 * deductions. */
	if (strcmp(old.source, "form") == 0)
		e.source = "correction";
	if (has_score) {
		e.score = score;
		e.has_score = 1;
	}
	e.base_grade = e.grade = (char *)grade_codes[g];
	e.veto_id = 0;
	e.veto_note = NULL;
	if ((rc = env_entry_update(&r->arena, &e)) < 0)
		return rc;
	if ((rc = env_history_insert(&r->arena, &old, reason, objection_id, r->user.id)) < 0)
		return rc;
	return page_audit(r, e.subject_id, "env_correct", arena_printf(&r->arena,
	    "round %lld: grade corrected %s -> %s%s%s; reason: %s", e.round_id, old.grade, e.grade,
	    objection_id > 0 ? " on objection #" : "",
	    objection_id > 0 ? arena_printf(&r->arena, "%lld", objection_id) : "", reason));
}

int
env_grade_post(struct req *r)
{
	struct env_entry e;
	long long id = r->pathids[0];
	int rc, g;

	if ((rc = env_entry_get(&r->arena, id, &e)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if (!r->form_invalid && strcmp(e.source, "form") == 0 && strcmp(e.round_status, "draft") == 0)
		page_field_fail(r, GF_GRADE, "Env.err.form_draft");
	if (!r->form_invalid && strcmp(e.grade, r->f[GF_GRADE]) == 0 &&
	    (r->f[GF_SCORE] == NULL || (e.has_score && e.score == form_int(r, GF_SCORE))))
		page_field_fail(r, GF_GRADE, "Env.err.same_grade");
	if (r->form_invalid)
		return entry_page(r, 422, id);
	g = grade_from_code(r->f[GF_GRADE]);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = env_entry_correct(r, id, 0, g, r->f[GF_SCORE] != NULL,
	    r->f[GF_SCORE] != NULL ? form_int(r, GF_SCORE) : 0, r->f[GF_REASON], 0);
	if (rc == 0) {
		db_rollback();
		return req_error(r, 404, "Err.notfound");
	}
	return page_finish(r, rc, arena_printf(&r->arena, "/env/entries/%lld", id));
}

/* ---- statistics ---- */

/* The statistics of a published round are the same for every visitor and
 * change only when a grade is corrected: each worker keeps the last few it
 * served for STATS_TTL seconds, so a busy statistics page costs no query
 * (a correction shows within STATS_TTL). */
#define STATS_SLOTS 8
#define STATS_TTL   5

static struct stats_slot {
	long long        id;        /* round id; 0 = empty */
	time_t           at;        /* when loaded */
	int              ready;     /* mem initialised */
	struct arena     mem;       /* the copied strings */
	struct env_round x, prev;
	long long        c[5], pc[5];
	int              has_prev;
} stats_cache[STATS_SLOTS];

static char *
stats_dup(struct arena *a, const char *s)
{
	return s != NULL ? arena_strdup(a, s) : NULL;
}

static void
stats_copy_round(struct arena *a, struct env_round *dst, const struct env_round *src)
{
	*dst = *src;
	dst->scope = stats_dup(a, src->scope);
	dst->period_from = stats_dup(a, src->period_from);
	dst->period_to = stats_dup(a, src->period_to);
	dst->status = stats_dup(a, src->status);
	dst->publicity_from = stats_dup(a, src->publicity_from);
	dst->publicity_to = stats_dup(a, src->publicity_to);
	dst->published_on = stats_dup(a, src->published_on);
}

static void
stats_keep(const struct env_round *x, const struct env_round *prev, const long long c[5],
    const long long pc[5], int has_prev, time_t now)
{
	struct stats_slot *k = &stats_cache[0];
	int i;

	for (i = 0; i < STATS_SLOTS; i++) {
		struct stats_slot *t = &stats_cache[i];
		if (t->id == x->id || t->id == 0) {
			k = t;
			break;
		}
		if (t->at < k->at)
			k = t;
	}
	if (!k->ready) {
		arena_init(&k->mem, 64 * 1024);
		k->ready = 1;
	}
	arena_reset(&k->mem);
	k->id = x->id;
	k->at = now;
	stats_copy_round(&k->mem, &k->x, x);
	if ((k->has_prev = has_prev))
		stats_copy_round(&k->mem, &k->prev, prev);
	memcpy(k->c, c, sizeof(k->c));
	memcpy(k->pc, pc, sizeof(k->pc));
}

/* Counts of the round and of the previous round of the same scope. */
static int
stats_load(struct req *r, struct env_round *x, struct env_round *prev, long long c[5],
    long long pc[5], int *has_prev)
{
	time_t now = time(NULL);
	int rc, i;

	for (i = 0; i < STATS_SLOTS; i++) {
		const struct stats_slot *k = &stats_cache[i];
		if (k->id == r->pathids[0] && now - k->at < STATS_TTL && now >= k->at) {
			*x = k->x;
			*prev = k->prev;
			memcpy(c, k->c, sizeof(k->c));
			memcpy(pc, k->pc, sizeof(k->pc));
			*has_prev = k->has_prev;
			return 0;
		}
	}
	if ((rc = visible_round(r, r->pathids[0], x)) != 0)
		return rc;
	if ((rc = env_round_counts(&r->arena, x->id, c)) < 0)
		return req_dberr(r, rc);
	if ((rc = env_round_previous(&r->arena, x, prev)) < 0)
		return req_dberr(r, rc);
	*has_prev = rc > 0;
	memset(pc, 0, sizeof(long long) * 5);
	if (*has_prev && (rc = env_round_counts(&r->arena, prev->id, pc)) < 0)
		return req_dberr(r, rc);
	if (strcmp(x->status, "published") == 0)
		stats_keep(x, prev, c, pc, *has_prev, now);
	return 0;
}

/* "+1.5" / "-0.3" / "0.0": a difference of tenths as percentage points. */
static const char *
delta_text(struct req *r, int tenths)
{
	int a = tenths < 0 ? -tenths : tenths;

	return arena_printf(&r->arena, "%s%d.%d", tenths > 0 ? "+" : tenths < 0 ? "-" : "",
	    a / 10, a % 10);
}

void
env_set_changes(struct req *r, const long long c[5], const long long pc[5])
{
	long long tot = 0, ptot = 0;
	char name[64], s[8];
	int g;

	for (g = 0; g < GRADE_MAX; g++) {
		tot += c[g];
		ptot += pc[g];
	}
	for (g = 0; g < GRADE_MAX; g++) {
		int t = grade_share(c[g], tot, s), pt = grade_share(pc[g], ptot, s);
		snprintf(name, sizeof(name), "Stats.rows.%d.delta_count", g);
		view_set(r, name, arena_printf(&r->arena, "%s%lld", c[g] > pc[g] ? "+" : "",
		    c[g] - pc[g]));
		snprintf(name, sizeof(name), "Stats.rows.%d.delta_share", g);
		view_set(r, name, delta_text(r, t - pt));
	}
	view_set(r, "Stats.delta_good", delta_text(r,
	    grade_share(c[0] + c[1], tot, s) - grade_share(pc[0] + pc[1], ptot, s)));
}

char *
env_stats_csv_text(struct req *r, const long long c[5], const long long pc[5], int has_prev,
    const char *as_of, const char *prev_as_of)
{
	long long tot = 0, ptot = 0;
	char sh[8], ps[8], *body;
	int g;

	for (g = 0; g < GRADE_MAX; g++) {
		tot += c[g];
		ptot += pc[g];
	}
	/* A BOM so that Excel on a Chinese Windows reads UTF-8. */
	body = arena_printf(&r->arena, "\xEF\xBB\xBFgrade,%s,count,share_percent,previous_count,"
	    "previous_share_percent%s\r\n", env_csv_cell(r, view_str(r, "Env.grade")),
	    as_of != NULL ? ",as_of,previous_as_of" : "");
	for (g = 0; g < GRADE_MAX && body != NULL; g++) {
		grade_share(c[g], tot, sh);
		grade_share(pc[g], ptot, ps);
		body = arena_printf(&r->arena, "%s%s,%s,%lld,%s,%s,%s%s\r\n", body, grade_codes[g],
		    env_csv_cell(r, view_str(r, arena_printf(&r->arena, "Grade.%s", grade_codes[g]))),
		    c[g], sh, has_prev ? arena_printf(&r->arena, "%lld", pc[g]) : "",
		    has_prev ? ps : "", as_of != NULL ? arena_printf(&r->arena, ",%s,%s", as_of,
		    has_prev && prev_as_of != NULL ? prev_as_of : "") : "");
	}
	if (body != NULL)
		body = arena_printf(&r->arena, "%stotal,,%lld,%s,%s,%s%s\r\n", body, tot,
		    tot > 0 ? "100.0" : "0.0",
		    has_prev ? arena_printf(&r->arena, "%lld", ptot) : "",
		    !has_prev ? "" : ptot > 0 ? "100.0" : "0.0",
		    as_of != NULL ? arena_printf(&r->arena, ",%s,%s", as_of,
		    has_prev && prev_as_of != NULL ? prev_as_of : "") : "");
	return body;
}

int
env_stats_get(struct req *r)
{
	struct env_round x, prev;
	long long c[5], pc[5];
	int rc, has_prev;

	if ((rc = stats_load(r, &x, &prev, c, pc, &has_prev)) != 0)
		return rc;
	set_round(r, "Round", &x);
	env_set_counts(r, "Stats", c);
	if (has_prev) {
		set_round(r, "Prev", &prev);
		env_set_counts(r, "PrevStats", pc);
		env_set_changes(r, c, pc);
	}
	view_set(r, "Page.title", arena_printf(&r->arena, "%lld %s · %s", x.year, x.scope,
	    view_str(r, "Env.stats.title")));
	view_set(r, "Page.nav", "env");
	r->tmpl = "env_stats.cs";
	return 200;
}

const char *
env_csv_cell(struct req *r, const char *s)
{
	size_t n, i, o = 0;
	char *out;

	if (s == NULL)
		return "";
	if (strpbrk(s, ",\"\r\n") == NULL)
		return s;
	n = strlen(s);
	if ((out = arena_alloc(&r->arena, n * 2 + 3)) == NULL)
		return "";
	out[o++] = '"';
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			out[o++] = '"';
		out[o++] = s[i];
	}
	out[o++] = '"';
	return out;
}

int
env_stats_csv(struct req *r)
{
	struct env_round x, prev;
	long long c[5], pc[5];
	char *body;
	int rc, has_prev;

	if ((rc = stats_load(r, &x, &prev, c, pc, &has_prev)) != 0)
		return rc;
	body = env_stats_csv_text(r, c, pc, has_prev, NULL, NULL);
	if (body == NULL)
		return req_error(r, 500, "Err.internal");
	r->body_out = body;
	r->body_out_len = strlen(body);
	r->ctype_out = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"env-stats-%lld-round%lld.csv\"", x.year, x.id));
	return 200;
}
