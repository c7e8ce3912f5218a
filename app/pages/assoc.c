/* assoc.c — industry associations (Art. 27): staff register them; an
 * association keeps its member list and rating scale and enters ratings by
 * form or CSV (all rows or none). A new rating supersedes the current one;
 * the old one stays with who replaced it and why. Every change is audited. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "rules/csv.h"
#include "rules/ratings.h"
#include "rules/uscc.h"
#include "rules/window.h"
#include "store/assoc.h"
#include "store/audit.h"
#include "store/subjects.h"

#define MAX_ASSOCS    200
#define MAX_MEMBERS   1000
#define MAX_HISTORY   100
#define MAX_EXPIRING  100
#define IMPORT_ROWS   2000
#define IMPORT_ERRORS 200
#define EXPIRY_DAYS   30

#define ASSOC_ID(r) ((r)->user.association_id)

/* ---- forms ---- */

static const char *const yes[] = { "1", NULL };
static const char *const preset_keys[] = { "pilot9", "common5", "grade4", NULL };

enum { GF_USCC, GF_NAME, GF_INDUSTRY, GF_N };
static const struct field assoc_reg_fields[GF_N] = {
	[GF_USCC]     = { "uscc", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 40, NULL },
	[GF_NAME]     = { "name", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 200, NULL },
	[GF_INDUSTRY] = { "industry", FT_TEXT, FF_TRIM, 1, 100, NULL },
};
const struct form assoc_reg_form = { assoc_reg_fields, GF_N };

enum { MF_USCC, MF_JOINED, MF_LEVEL, MF_N };
static const struct field member_fields[MF_N] = {
	[MF_USCC]   = { "uscc", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 40, NULL },
	[MF_JOINED] = { "joined_on", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[MF_LEVEL]  = { "member_level", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 50, NULL },
};
const struct form member_form = { member_fields, MF_N };

static const struct field preset_fields[] = {
	{ "preset", FT_ENUM, FF_REQUIRED, 0, 0, preset_keys },
};
const struct form preset_form = { preset_fields, 1 };

enum { LF_CODE, LF_DESC, LF_N };
static const struct field level_fields[LF_N] = {
	[LF_CODE] = { "code", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 20, NULL },
	[LF_DESC] = { "description", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 300, NULL },
};
const struct form level_form = { level_fields, LF_N };

/* Measures are one checkbox each, in enum rating_measure order. */
enum { RF_LEVEL, RF_FROM, RF_TO, RF_BASIS, RF_REASON, RF_M0, RF_N = RF_M0 + RM_MAX };
static const struct field rating_fields[RF_N] = {
	[RF_LEVEL]  = { "level", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 20, NULL },
	[RF_FROM]   = { "valid_from", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[RF_TO]     = { "valid_to", FT_DATE, 0, 0, 0, NULL },
	[RF_BASIS]  = { "basis", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 300, NULL },
	[RF_REASON] = { "reason", FT_TEXT, FF_TRIM, 2, 300, NULL },
	[RF_M0 + RM_RECOMMEND] = { "m_recommend", FT_ENUM, 0, 0, 0, yes },
	[RF_M0 + RM_PROMOTE]   = { "m_promote", FT_ENUM, 0, 0, 0, yes },
	[RF_M0 + RM_WARNING]   = { "m_warning", FT_ENUM, 0, 0, 0, yes },
	[RF_M0 + RM_CRITICISM] = { "m_criticism", FT_ENUM, 0, 0, 0, yes },
	[RF_M0 + RM_DEMOTE]    = { "m_demote", FT_ENUM, 0, 0, 0, yes },
	[RF_M0 + RM_EXPEL]     = { "m_expel", FT_ENUM, 0, 0, 0, yes },
};
const struct form rating_form = { rating_fields, RF_N };

enum { IF_FILE, IF_REASON };
static const struct field rating_import_fields[] = {
	[IF_FILE]   = { "file", FT_FILE, FF_REQUIRED, 0, 0, NULL },
	[IF_REASON] = { "reason", FT_TEXT, FF_TRIM, 2, 300, NULL },
};
const struct form rating_import_form = { rating_import_fields, 2 };

static const struct field cert_fields[] = {
	{ "no", FT_TEXT, FF_TRIM, 1, 40, NULL },
};
const struct form cert_form = { cert_fields, 1 };

/* ---- helpers ---- */

static void
today_plus(int days, char out[11])
{
	struct ymd t;

	ymd_today(&t);
	ymd_from_days(ymd_to_days(&t) + days, &t);
	ymd_format(&t, out);
}

/* "recommend,warning" -> prefix.measures.0 = recommend, ... */
static void
set_measures(struct req *r, const char *prefix, const char *set)
{
	char name[96];
	int i, n = 0;

	for (i = 0; set != NULL && i < RM_MAX; i++) {
		const char *c = rating_measure_codes[i], *p = strstr(set, c);
		size_t l = strlen(c);
		if (p != NULL && (p == set || p[-1] == ',') && (p[l] == '\0' || p[l] == ',')) {
			snprintf(name, sizeof(name), "%s.measures.%d", prefix, n++);
			view_set(r, name, c);
		}
	}
}

static void
set_rating(struct req *r, const char *prefix, const struct rating *x)
{
	char name[96];

#define SETR(f, v) do { snprintf(name, sizeof(name), "%s.%s", prefix, f); view_set(r, name, v); } while (0)
	snprintf(name, sizeof(name), "%s.id", prefix);
	view_set_int(r, name, x->id);
	snprintf(name, sizeof(name), "%s.member_id", prefix);
	view_set_int(r, name, x->member_id);
	SETR("assoc", x->assoc_name);
	SETR("uscc", x->uscc);
	SETR("subject", x->subject_name);
	SETR("level", x->level);
	SETR("level_desc", x->level_desc);
	SETR("valid_from", x->valid_from);
	SETR("valid_to", x->valid_to);
	SETR("cert_no", x->cert_no);
	SETR("basis", x->basis);
	SETR("status", x->status);
	SETR("created_by", x->created_by);
	SETR("created_at", x->created_at);
	SETR("superseded_at", x->superseded_at);
	SETR("supersede_user", x->supersede_user);
	SETR("supersede_reason", x->supersede_reason);
	if (x->superseded_by > 0) {
		snprintf(name, sizeof(name), "%s.superseded_by", prefix);
		view_set_int(r, name, x->superseded_by);
	}
#undef SETR
	set_measures(r, prefix, x->measures);
}

static void
page(struct req *r, const char *title_key, const char *tmpl)
{
	view_set(r, "Page.title", view_str(r, title_key));
	view_set(r, "Page.nav", "assoc");
	r->tmpl = tmpl;
	r->no_store = 1;
}

/* ---- staff: registering associations ---- */

static int
staff_assoc_page(struct req *r, int status)
{
	struct association *rows;
	char name[48];
	int n, i;

	if ((rows = arena_alloc(&r->arena, sizeof(*rows) * MAX_ASSOCS)) == NULL)
		return req_error(r, 500, "Err.internal");
	if ((n = assoc_list(&r->arena, rows, MAX_ASSOCS)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Assocs.%d.id", i);
		view_set_int(r, name, rows[i].id);
		snprintf(name, sizeof(name), "Assocs.%d.uscc", i);
		view_set(r, name, rows[i].uscc);
		snprintf(name, sizeof(name), "Assocs.%d.name", i);
		view_set(r, name, rows[i].name);
		snprintf(name, sizeof(name), "Assocs.%d.industry", i);
		view_set(r, name, rows[i].industry);
		snprintf(name, sizeof(name), "Assocs.%d.members", i);
		view_set_int(r, name, rows[i].n_members);
	}
	view_set(r, "Page.title", view_str(r, "Assoc.staff.title"));
	view_set(r, "Page.nav", "staff");
	form_to_hdf(r);
	r->tmpl = "staff_assoc.cs";
	r->no_store = 1;
	return r->status = status;
}

int
staff_assoc_get(struct req *r)
{
	return staff_assoc_page(r, 200);
}

int
staff_assoc_create(struct req *r)
{
	char norm[USCC_LEN + 1], want;
	long long id;
	int pos, err, rc;

	if (r->f[GF_USCC] != NULL) {
		err = uscc_normalize(r->f[GF_USCC], r->flen[GF_USCC], norm, &pos, &want);
		if (err != USCC_OK)
			page_field_fail(r, GF_USCC, uscc_errkey(err));
	}
	if (r->form_invalid)
		return staff_assoc_page(r, 422);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = assoc_insert(&r->arena, norm, r->f[GF_NAME], r->f[GF_INDUSTRY]);
	if (id == DB_DUP) {
		db_rollback();
		page_field_fail(r, GF_USCC, "Err.uscc.exists");
		return staff_assoc_page(r, 422);
	}
	if (id < 0)
		return page_finish(r, (int)id, "/");
	rc = page_audit(r, 0, "assoc_register", arena_printf(&r->arena,
	    "association %lld registered: %s (%s)", id, r->f[GF_NAME], norm));
	return page_finish(r, rc, "/staff/associations");
}

/* ---- the dashboard and members ---- */

static int
dashboard(struct req *r, int status)
{
	struct association a;
	struct member *m;
	struct rating *exp;
	struct level_count dist[RATING_MAX_LEVELS];
	char today[11], until[11], name[64];
	int n, i, rc;

	if ((rc = assoc_by_id(&r->arena, ASSOC_ID(r), &a)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	m = arena_alloc(&r->arena, sizeof(*m) * MAX_MEMBERS);
	exp = arena_alloc(&r->arena, sizeof(*exp) * MAX_EXPIRING);
	if (m == NULL || exp == NULL)
		return req_error(r, 500, "Err.internal");
	today_plus(0, today);
	today_plus(EXPIRY_DAYS, until);
	if ((n = assoc_members(&r->arena, a.id, m, MAX_MEMBERS)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
#define SETM(f, v) do { snprintf(name, sizeof(name), "Members.%d.%s", i, f); view_set(r, name, v); } while (0)
		snprintf(name, sizeof(name), "Members.%d.id", i);
		view_set_int(r, name, m[i].id);
		SETM("uscc", m[i].uscc);
		SETM("name", m[i].name);
		SETM("joined_on", m[i].joined_on);
		SETM("member_level", m[i].member_level);
		SETM("level", m[i].level);
		SETM("valid_to", m[i].valid_to);
		SETM("expired", m[i].valid_to && strcmp(m[i].valid_to, today) < 0 ? "1" : NULL);
#undef SETM
	}
	view_set_int(r, "Dash.n_members", n);
	if ((n = assoc_expiring(&r->arena, a.id, today, until, exp, MAX_EXPIRING)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Expiring.%d", i);
		set_rating(r, name, &exp[i]);
	}
	view_set_int(r, "Dash.n_expiring", n);
	if ((n = assoc_distribution(&r->arena, a.id, today, dist, RATING_MAX_LEVELS)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Dist.%d.level", i);
		view_set(r, name, dist[i].code);
		snprintf(name, sizeof(name), "Dist.%d.n", i);
		view_set_int(r, name, dist[i].n);
	}
	view_set(r, "Assoc.name", a.name);
	view_set(r, "Assoc.uscc", a.uscc);
	view_set(r, "Assoc.industry", a.industry);
	view_set_int(r, "Dash.days", EXPIRY_DAYS);
	if (r->form == &member_form)
		form_to_hdf(r);
	page(r, "Assoc.title", "assoc.cs");
	view_set(r, "Page.title", a.name);
	return r->status = status;
}

int
assoc_home_get(struct req *r)
{
	return dashboard(r, 200);
}

int
assoc_member_create(struct req *r)
{
	struct subject s;
	char norm[USCC_LEN + 1], want;
	long long id;
	int pos, err, rc;

	memset(&s, 0, sizeof(s));
	if (r->f[MF_USCC] != NULL) {
		err = uscc_normalize(r->f[MF_USCC], r->flen[MF_USCC], norm, &pos, &want);
		if (err != USCC_OK && err != USCC_CHECK)
			page_field_fail(r, MF_USCC, uscc_errkey(err));
		else if ((rc = subjects_by_uscc(&r->arena, norm, &s)) < 0)
			return req_dberr(r, rc);
		else if (rc == 0)
			page_field_fail(r, MF_USCC, "Err.subject.notfound");
	}
	if (r->form_invalid)
		return dashboard(r, 422);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = assoc_member_insert(&r->arena, ASSOC_ID(r), s.id, r->f[MF_JOINED], r->f[MF_LEVEL],
	    r->user.id);
	if (id == DB_DUP) {
		db_rollback();
		page_field_fail(r, MF_USCC, "Assoc.err.member_exists");
		return dashboard(r, 422);
	}
	if (id < 0)
		return page_finish(r, (int)id, "/");
	rc = page_audit(r, s.id, "member_add", arena_printf(&r->arena,
	    "member %lld of association %lld since %s (%s)", id, ASSOC_ID(r), r->f[MF_JOINED],
	    r->f[MF_LEVEL]));
	return page_finish(r, rc, arena_printf(&r->arena, "/assoc/members/%lld", id));
}

/* ---- the scale ---- */

static int
load_levels(struct req *r, struct level *lv, int publish)
{
	char name[48];
	int n, i;

	if ((n = assoc_levels(&r->arena, ASSOC_ID(r), lv, RATING_MAX_LEVELS)) < 0 || !publish)
		return n;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Levels.%d.id", i);
		view_set_int(r, name, lv[i].id);
		snprintf(name, sizeof(name), "Levels.%d.rank", i);
		view_set_int(r, name, lv[i].rank);
		snprintf(name, sizeof(name), "Levels.%d.code", i);
		view_set(r, name, lv[i].code);
		snprintf(name, sizeof(name), "Levels.%d.grade", i);
		view_set(r, name, lv[i].grade_code);
		snprintf(name, sizeof(name), "Levels.%d.description", i);
		view_set(r, name, lv[i].description);
		snprintf(name, sizeof(name), "Levels.%d.used", i);
		view_set_int(r, name, lv[i].n_ratings);
	}
	view_set_int(r, "Scale.n", n);
	return n;
}

static int
scale_page(struct req *r, int status)
{
	struct level lv[RATING_MAX_LEVELS];
	int n;

	if ((n = load_levels(r, lv, 1)) < 0)
		return req_dberr(r, n);
	if (r->form == &level_form || r->form == &preset_form)
		form_to_hdf(r);
	page(r, "Assoc.scale.title", "assoc_scale.cs");
	return r->status = status;
}

int
assoc_scale_get(struct req *r)
{
	return scale_page(r, 200);
}

int
assoc_scale_preset(struct req *r)
{
	const struct rating_preset *p = rating_preset(r->f[0]);
	struct level lv[RATING_MAX_LEVELS];
	char grade[4];
	long long id;
	int n, i, rc;

	if ((n = load_levels(r, lv, 0)) < 0)
		return req_dberr(r, n);
	if (p == NULL)
		page_field_fail(r, 0, "Err.field.choice");
	else if (n > 0)
		page_field_fail(r, 0, "Assoc.err.scale_exists");
	if (r->form_invalid)
		return scale_page(r, 422);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	for (i = 0; i < p->n; i++) {
		if (rating_grade_code(p->codes[i], i + 1, grade) != 0)
			return page_finish(r, DB_ERR, "/");
		id = assoc_level_insert(&r->arena, ASSOC_ID(r), i + 1, p->codes[i], grade, p->desc[i]);
		if (id < 0) {
			db_rollback();
			if (id == DB_DUP) {
				/* Another request set the scale meanwhile. */
				page_field_fail(r, 0, "Assoc.err.scale_exists");
				return scale_page(r, 422);
			}
			return req_dberr(r, (int)id);
		}
	}
	rc = page_audit(r, 0, "scale", arena_printf(&r->arena,
	    "association %lld adopted the %s scale", ASSOC_ID(r), p->key));
	return page_finish(r, rc, "/assoc/scale");
}

int
assoc_level_create(struct req *r)
{
	struct level lv[RATING_MAX_LEVELS];
	char grade[4];
	long long id;
	int n, rc;

	if ((n = load_levels(r, lv, 0)) < 0)
		return req_dberr(r, n);
	/* New levels go to the bottom: ranks of levels in use never move. */
	if (!r->form_invalid && (n >= RATING_MAX_LEVELS ||
	    rating_grade_code(r->f[LF_CODE], n > 0 ? (int)lv[n - 1].rank + 1 : 1, grade) != 0))
		page_field_fail(r, LF_CODE, "Assoc.err.scale_full");
	if (r->form_invalid)
		return scale_page(r, 422);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = assoc_level_insert(&r->arena, ASSOC_ID(r), n > 0 ? lv[n - 1].rank + 1 : 1,
	    r->f[LF_CODE], grade, r->f[LF_DESC]);
	if (id == DB_DUP) {
		db_rollback();
		page_field_fail(r, LF_CODE, "Assoc.err.level_exists");
		return scale_page(r, 422);
	}
	if (id < 0)
		return page_finish(r, (int)id, "/");
	rc = page_audit(r, 0, "scale", arena_printf(&r->arena,
	    "association %lld added level %s (grade code %s)", ASSOC_ID(r), r->f[LF_CODE], grade));
	return page_finish(r, rc, "/assoc/scale");
}

int
assoc_level_remove(struct req *r)
{
	struct level lv[RATING_MAX_LEVELS];
	int n, i, rc;

	if ((n = load_levels(r, lv, 0)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n && lv[i].id != r->pathids[0]; i++)
		;
	if (i == n)
		return req_error(r, 403, "Err.forbidden");
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	/* The statement itself refuses a level of another association or one
	 * that any rating uses, whatever was read above. */
	rc = assoc_level_delete(&r->arena, ASSOC_ID(r), lv[i].id);
	if (rc == 0) {
		db_rollback();
		view_set(r, "Scale.error", view_str(r, "Assoc.err.level_used"));
		return scale_page(r, 409);
	}
	if (rc > 0)
		rc = page_audit(r, 0, "scale", arena_printf(&r->arena,
		    "association %lld removed unused level %s", ASSOC_ID(r), lv[i].code));
	return page_finish(r, rc, "/assoc/scale");
}

/* ---- ratings: the rules shared by the form and the CSV upload ---- */

struct rate_row {
	int          line;
	const char  *uscc;              /* as normalised */
	struct member m;                /* with its current rating, if any */
	char        *current_from;      /* valid_from of the current rating */
	const struct level *lv;
	const char  *from, *to, *basis;
	char         to_buf[11];
	char         measures[96];
	char         cert[CERT_LEN + 1];  /* issued by write_row */
	long long    new_id;             /* the rating write_row inserted */
};

/* Checks validity, level and the current rating of one row. Returns the
 * language key of the first problem and sets *col, or NULL when fine.
 * The level must be on this association's scale (lv, n). */
static const char *
check_row(struct req *r, struct rate_row *x, const struct level *lv, int n, const char *level,
    const char **col)
{
	struct rating cur;
	int i, rc;

	for (i = 0; i < n; i++)
		if (strcasecmp(lv[i].code, level) == 0)
			break;
	if (i == n) {
		*col = "level";
		return "Assoc.err.level";
	}
	x->lv = &lv[i];
	/* The end is kept in the row itself (to_buf): rows are sorted later,
	 * so nothing may point into another row. */
	if (x->to == NULL) {
		if (validity_default_to(x->from, x->to_buf) != 0) {
			*col = "valid_from";
			return "Err.field.date";
		}
	} else
		snprintf(x->to_buf, sizeof(x->to_buf), "%s", x->to);
	x->to = NULL;
	if (strcmp(x->to_buf, x->from) < 0) {
		*col = "valid_to";
		return "Assoc.err.to_before_from";
	}
	x->current_from = NULL;
	if (x->m.rating_id > 0) {
		rc = assoc_rating(&r->arena, ASSOC_ID(r), x->m.rating_id, &cur);
		if (rc < 0) {
			*col = "";
			return "Err.internal";
		}
		/* A new rating replaces the current one from its start on; one
		 * starting no later than the current one would overlap it. */
		if (rc > 0 && strcmp(x->from, cur.valid_from) <= 0) {
			*col = "valid_from";
			return "Assoc.err.overlap_current";
		}
		x->current_from = cur.valid_from;
	}
	return NULL;
}

/* Writes one checked row (inside the caller's transaction): locks the
 * membership, issues the certificate number, inserts, supersedes the
 * current rating (the caller writes the audit row: audit_row). Returns the
 * new id, 0 when the member changed meanwhile, or < 0. */
static long long
write_row(struct req *r, struct rate_row *x, const char *reason)
{
	struct rating_in in;
	struct member now;
	struct cert c;
	char cert[CERT_LEN + 1];
	long long id, serial;
	int rc;

	if ((rc = assoc_member_lock(&r->arena, ASSOC_ID(r), x->m.id)) <= 0)
		return rc;
	if ((rc = assoc_member(&r->arena, ASSOC_ID(r), x->m.id, &now)) <= 0)
		return rc;
	if (now.rating_id != x->m.rating_id)
		return 0;
	memset(&c, 0, sizeof(c));
	c.year = (x->from[0] - '0') * 1000 + (x->from[1] - '0') * 100 + (x->from[2] - '0') * 10 +
	    (x->from[3] - '0');
	c.assoc_no = (int)(ASSOC_ID(r) % 1000);
	memcpy(c.grade, x->lv->grade_code, 4);
	if ((serial = assoc_next_serial(&r->arena, ASSOC_ID(r), c.year)) < 0)
		return serial;
	c.serial = (long)serial;
	if (cert_build(&c, cert) != 0)
		return DB_ERR;
	memset(&in, 0, sizeof(in));
	in.association_id = ASSOC_ID(r);
	in.member_id = x->m.id;
	in.level_id = x->lv->id;
	in.by = r->user.id;
	in.valid_from = x->from;
	in.valid_to = x->to_buf;
	in.cert_no = cert;
	in.basis = x->basis;
	in.measures = x->measures;
	if ((id = assoc_rating_insert(&r->arena, &in)) <= 0)
		return id;
	if (x->m.rating_id > 0 &&
	    (rc = assoc_rating_supersede(&r->arena, ASSOC_ID(r), x->m.rating_id, id, r->user.id,
	    reason)) <= 0)
		return rc;
	memcpy(x->cert, cert, sizeof(x->cert));
	x->new_id = id;
	return id;
}

/* The audit row of a rating write_row entered. Written after every row of
 * an upload is in, so a conflict found midway rolls back no audit rows
 * (a rolled-back row would leave a gap in the worker's hash chain). */
static int
audit_row(struct req *r, const struct rate_row *x, const char *reason)
{
	return page_audit(r, x->m.subject_id, x->m.rating_id > 0 ? "rating_supersede" : "rating",
	    x->m.rating_id > 0 ?
	    arena_printf(&r->arena, "rating %lld (%s, certificate %s, %s to %s) supersedes rating "
	    "%lld; reason: %s", x->new_id, x->lv->code, x->cert, x->from, x->to_buf,
	    x->m.rating_id, reason) :
	    arena_printf(&r->arena, "rating %lld (%s, certificate %s, %s to %s) entered",
	    x->new_id, x->lv->code, x->cert, x->from, x->to_buf));
}

/* ---- one member's page and the rating form ---- */

static int
member_page(struct req *r, int status, const struct member *m, long long focus)
{
	struct level lv[RATING_MAX_LEVELS];
	struct rating *h;
	char name[48];
	int n, i;

	if ((h = arena_alloc(&r->arena, sizeof(*h) * MAX_HISTORY)) == NULL)
		return req_error(r, 500, "Err.internal");
	if ((n = load_levels(r, lv, 1)) < 0)
		return req_dberr(r, n);
	if ((n = assoc_member_ratings(&r->arena, ASSOC_ID(r), m->id, h, MAX_HISTORY)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "History.%d", i);
		set_rating(r, name, &h[i]);
	}
	view_set_int(r, "Member.id", m->id);
	view_set(r, "Member.uscc", m->uscc);
	view_set(r, "Member.name", m->name);
	view_set(r, "Member.joined_on", m->joined_on);
	view_set(r, "Member.member_level", m->member_level);
	view_set(r, "Member.level", m->level);
	if (m->rating_id > 0)
		view_set_int(r, "Member.rating_id", m->rating_id);
	if (focus > 0)
		view_set_int(r, "Member.focus", focus);
	view_set_int(r, "Rating.default_years", RATING_VALID_YEARS);
	if (r->form == &rating_form)
		form_to_hdf(r);
	else {
		char today[11];
		today_plus(0, today);
		view_set(r, "Form.valid_from.value", today);
	}
	page(r, "Assoc.member.title", "assoc_member.cs");
	view_set(r, "Page.title", m->name);
	return r->status = status;
}

int
assoc_member_get(struct req *r)
{
	struct member m;
	int rc = assoc_member(&r->arena, ASSOC_ID(r), r->pathids[0], &m);

	/* Another association's member and an id that does not exist get the
	 * same answer, so ids cannot be probed. */
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	return member_page(r, 200, &m, 0);
}

int
assoc_rating_get(struct req *r)
{
	struct rating x;
	struct member m;
	int rc = assoc_rating(&r->arena, ASSOC_ID(r), r->pathids[0], &x);

	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	if ((rc = assoc_member(&r->arena, ASSOC_ID(r), x.member_id, &m)) <= 0)
		return req_dberr(r, rc < 0 ? rc : DB_ERR);
	return member_page(r, 200, &m, x.id);
}

int
assoc_rating_create(struct req *r)
{
	struct level lv[RATING_MAX_LEVELS];
	struct rate_row x;
	const char *why, *col;
	unsigned mask = 0;
	long long id;
	int n, i, rc;

	memset(&x, 0, sizeof(x));
	rc = assoc_member(&r->arena, ASSOC_ID(r), r->pathids[0], &x.m);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	if ((n = load_levels(r, lv, 0)) < 0)
		return req_dberr(r, n);
	if (!r->form_invalid) {
		x.from = r->f[RF_FROM];
		x.to = r->f[RF_TO];
		x.basis = r->f[RF_BASIS];
		why = check_row(r, &x, lv, n, r->f[RF_LEVEL], &col);
		if (why != NULL && strcmp(why, "Err.internal") == 0)
			return req_error(r, 500, why);
		if (why != NULL)
			page_field_fail(r, strcmp(col, "level") == 0 ? RF_LEVEL :
			    strcmp(col, "valid_to") == 0 ? RF_TO : RF_FROM, why);
		else if (x.m.rating_id > 0 && r->f[RF_REASON] == NULL)
			page_field_fail(r, RF_REASON, "Assoc.err.reason");
	}
	if (r->form_invalid)
		return member_page(r, 422, &x.m, 0);
	for (i = 0; i < RM_MAX; i++)
		if (r->f[RF_M0 + i] != NULL)
			mask |= 1u << i;
	measures_format(mask, x.measures, sizeof(x.measures));
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = write_row(r, &x, r->f[RF_REASON]);
	if (id == 0) {
		db_rollback();
		view_set(r, "Rating.conflict", "1");
		return member_page(r, 409, &x.m, 0);
	}
	rc = id < 0 ? (int)id : audit_row(r, &x, r->f[RF_REASON]);
	return page_finish(r, rc, arena_printf(&r->arena, "/assoc/ratings/%lld", id));
}

/* ---- CSV upload ---- */

enum { CC_USCC, CC_LEVEL, CC_FROM, CC_TO, CC_BASIS, CC_MEASURES, CC_N };
static const struct { const char *en, *zh; struct field rule; } rating_cols[CC_N] = {
	[CC_USCC]     = { "uscc", "统一社会信用代码", { "uscc", FT_TEXT, FF_REQUIRED, 1, 40, NULL } },
	[CC_LEVEL]    = { "level", "信用等级", { "level", FT_TEXT, FF_REQUIRED, 1, 20, NULL } },
	[CC_FROM]     = { "valid_from", "有效期起", { "valid_from", FT_DATE, FF_REQUIRED, 0, 0, NULL } },
	[CC_TO]       = { "valid_to", "有效期止", { "valid_to", FT_DATE, 0, 0, 0, NULL } },
	[CC_BASIS]    = { "basis", "评价依据", { "basis", FT_TEXT, FF_REQUIRED, 2, 300, NULL } },
	[CC_MEASURES] = { "measures", "奖惩措施", { "measures", FT_TEXT, 0, 1, 200, NULL } },
};

struct upload {
	struct req    *r;
	struct csv_doc doc;
	int            map[CC_N];
	int            nerr;
};

static void
row_error(struct upload *u, int line, const char *col, const char *key)
{
	char name[48];

	if (u->nerr < IMPORT_ERRORS) {
		snprintf(name, sizeof(name), "Import.errors.%d.line", u->nerr);
		view_set_int(u->r, name, line);
		snprintf(name, sizeof(name), "Import.errors.%d.column", u->nerr);
		view_set(u->r, name, col);
		snprintf(name, sizeof(name), "Import.errors.%d.reason", u->nerr);
		view_set(u->r, name, view_str(u->r, key));
	}
	u->nerr++;
}

static const char *
cell(const struct upload *u, const struct csv_row *row, int c)
{
	int k = u->map[c];

	if (k < 0 || k >= row->n || row->len[k] == 0)
		return NULL;
	return row->f[k];
}

static int
upload_read(struct upload *u)
{
	static const struct csv_limits lim = { IMPORT_ROWS, 16, 1000 };
	const char *buf;
	size_t len;
	int line = 0, rc, c, k;

	if (req_file_bytes(u->r, u->r->ffile[IF_FILE], &buf, &len) != 0)
		return -1;
	if ((rc = csv_read(&u->r->arena, buf, len, &lim, &u->doc, &line)) != CSV_OK) {
		row_error(u, line, "", csv_errkey(rc));
		return 0;
	}
	for (c = 0; c < CC_N; c++) {
		u->map[c] = -1;
		for (k = 0; k < u->doc.header.n; k++)
			if (strcasecmp(u->doc.header.f[k], rating_cols[c].en) == 0 ||
			    strcmp(u->doc.header.f[k], rating_cols[c].zh) == 0)
				u->map[c] = k;
		if (u->map[c] < 0 && (rating_cols[c].rule.flags & FF_REQUIRED))
			row_error(u, u->doc.header.line, rating_cols[c].en, "Import.missing_column");
	}
	if (u->nerr == 0 && u->doc.nrows == 0)
		row_error(u, u->doc.header.line, "", "Import.no_rows");
	return 1;
}

/* Checks every row; fills x[i] (x[i].line 0 = row skipped after an error). */
static int
upload_check(struct upload *u, struct rate_row *x, const struct level *lv, int n,
    const char *reason)
{
	struct req *r = u->r;
	struct subject s;
	char (*codes)[USCC_LEN + 1];
	const char *why, *col, *bad;
	unsigned mask;
	int i, j, rc, pos, ok;
	char want;

	if ((codes = arena_alloc(&r->arena, sizeof(*codes) * (size_t)u->doc.nrows)) == NULL)
		return DB_ERR;
	for (i = 0; i < u->doc.nrows; i++) {
		const struct csv_row *row = &u->doc.rows[i];
		const char *v, *level = cell(u, row, CC_LEVEL);

		memset(&x[i], 0, sizeof(x[i]));
		for (ok = 1, j = 0; j < CC_N; j++) {
			v = cell(u, row, j);
			if (v == NULL) {
				if (rating_cols[j].rule.flags & FF_REQUIRED) {
					row_error(u, row->line, rating_cols[j].en, "Err.field.required");
					ok = 0;
				}
			} else if (!field_check(&rating_cols[j].rule, v, strlen(v), &why)) {
				row_error(u, row->line, rating_cols[j].en, why);
				ok = 0;
			}
		}
		if (!ok)
			continue;
		v = cell(u, row, CC_USCC);
		if ((rc = uscc_normalize(v, strlen(v), codes[i], &pos, &want)) != USCC_OK) {
			row_error(u, row->line, "uscc", uscc_errkey(rc));
			continue;
		}
		if (measures_parse(cell(u, row, CC_MEASURES), &mask, &bad) != 0) {
			row_error(u, row->line, "measures", "Assoc.err.measure");
			continue;
		}
		measures_format(mask, x[i].measures, sizeof(x[i].measures));
		if ((rc = subjects_by_uscc(&r->arena, codes[i], &s)) < 0)
			return rc;
		if (rc == 0) {
			row_error(u, row->line, "uscc", "Err.subject.notfound");
			continue;
		}
		if ((rc = assoc_member_of_subject(&r->arena, ASSOC_ID(r), s.id, &x[i].m)) < 0)
			return rc;
		if (rc == 0) {
			row_error(u, row->line, "uscc", "Assoc.err.not_member");
			continue;
		}
		x[i].uscc = codes[i];
		x[i].from = cell(u, row, CC_FROM);
		x[i].to = cell(u, row, CC_TO);
		x[i].basis = cell(u, row, CC_BASIS);
		if ((why = check_row(r, &x[i], lv, n, level, &col)) != NULL) {
			if (strcmp(why, "Err.internal") == 0)
				return DB_ERR;
			row_error(u, row->line, col, why);
			continue;
		}
		for (j = 0; j < i; j++) {
			if (x[j].line == 0 || strcmp(x[j].uscc, x[i].uscc) != 0)
				continue;
			if (x[j].lv == x[i].lv && strcmp(x[j].from, x[i].from) == 0 &&
			    strcmp(x[j].to_buf, x[i].to_buf) == 0) {
				row_error(u, row->line, "", "Assoc.err.duplicate_row");
				break;
			}
			if (validity_overlaps(x[j].from, x[j].to_buf, x[i].from, x[i].to_buf)) {
				row_error(u, row->line, "valid_from", "Assoc.err.overlap_file");
				break;
			}
		}
		if (j < i)
			continue;
		/* Still compared with later rows: only the reason is missing. */
		x[i].line = row->line;
		if (x[i].m.rating_id > 0 && reason == NULL)
			row_error(u, row->line, "reason", "Assoc.err.reason");
	}
	return 1;
}

static int
import_page(struct req *r, int status)
{
	form_to_hdf(r);
	page(r, "Assoc.import.title", "assoc_import.cs");
	return r->status = status;
}

int
assoc_import_get(struct req *r)
{
	return import_page(r, 200);
}

/* Rows of one member go in in order of validity, so a later row supersedes
 * an earlier one of the same file. */
static int
by_from(const void *a, const void *b)
{
	const struct rate_row *x = a, *y = b;
	int c = x->m.id < y->m.id ? -1 : x->m.id > y->m.id;

	return c != 0 ? c : strcmp(x->from, y->from);
}

int
assoc_import_post(struct req *r)
{
	struct level lv[RATING_MAX_LEVELS];
	struct upload u;
	struct rate_row *x = NULL;
	long long id = 0, prev_member = 0, prev_id = 0;
	int n, i, rc;

	if (r->form_invalid)
		return import_page(r, 422);
	memset(&u, 0, sizeof(u));
	u.r = r;
	if ((rc = upload_read(&u)) < 0)
		return req_error(r, 500, "Err.upload.io");
	if (u.nerr == 0) {
		if ((n = load_levels(r, lv, 0)) < 0)
			return req_dberr(r, n);
		x = arena_alloc(&r->arena, sizeof(*x) * (size_t)u.doc.nrows);
		if (x == NULL)
			return req_error(r, 500, "Err.internal");
		if ((rc = upload_check(&u, x, lv, n, r->f[IF_REASON])) < 0)
			return req_dberr(r, rc);
	}
	if (u.nerr > 0) {
		view_set_int(r, "Import.nerrors", u.nerr);
		if (u.nerr > IMPORT_ERRORS)
			view_set_int(r, "Import.shown", IMPORT_ERRORS);
		return import_page(r, 422);
	}
	qsort(x, (size_t)u.doc.nrows, sizeof(*x), by_from);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	for (i = 0; i < u.doc.nrows; i++) {
		/* A second row of the same member supersedes the first. */
		if (x[i].m.id == prev_member)
			x[i].m.rating_id = prev_id;
		id = write_row(r, &x[i], r->f[IF_REASON] != NULL ? r->f[IF_REASON] :
		    "superseded by a later row of the same upload");
		if (id <= 0) {
			db_rollback();
			if (id == 0) {
				row_error(&u, x[i].line, "", "Assoc.err.conflict");
				view_set_int(r, "Import.nerrors", u.nerr);
				return import_page(r, 409);
			}
			return req_dberr(r, (int)id);
		}
		prev_member = x[i].m.id;
		prev_id = id;
	}
	for (i = 0; i < u.doc.nrows; i++)
		if ((rc = audit_row(r, &x[i], r->f[IF_REASON] != NULL ? r->f[IF_REASON] :
		    "superseded by a later row of the same upload")) < 0) {
			db_rollback();
			return req_dberr(r, rc);
		}
	if ((rc = db_commit()) < 0) {
		db_rollback();
		return req_dberr(r, rc);
	}
	view_set_int(r, "Import.done", u.doc.nrows);
	view_set(r, "Import.encoding", u.doc.encoding);
	return import_page(r, 200);
}

/* ---- the public certificate check ---- */

int
cert_get(struct req *r)
{
	struct rating x;
	struct cert c;
	struct audit_event ev;
	char today[11], no[CERT_LEN + 1];
	int rc;

	page(r, "Cert.title", "cert.cs");
	r->no_store = 0;
	view_set(r, "Page.nav", "home");
	form_to_hdf(r);
	if (r->form_invalid || r->f[0] == NULL)
		return r->status = r->form_invalid ? 422 : 200;
	if (cert_parse(r->f[0], &c) != 0) {
		view_set(r, "Cert.result", "format");
		return r->status = 422;
	}
	/* Normalised (spaces and hyphens dropped) before the lookup. */
	if (cert_build(&c, no) != 0) {
		view_set(r, "Cert.result", "format");
		return r->status = 422;
	}
	view_set(r, "Cert.no", no);
	if ((rc = rating_by_cert(&r->arena, no, &x)) < 0)
		return req_dberr(r, rc);
	if (rc == 0) {
		view_set(r, "Cert.result", "unknown");
		return 200;
	}
	today_plus(0, today);
	set_rating(r, "Cert.rating", &x);
	if (strcmp(x.status, "superseded") == 0)
		view_set(r, "Cert.result", "superseded");
	else if (strcmp(x.valid_to, today) < 0)
		view_set(r, "Cert.result", "expired");
	else if (strcmp(x.valid_from, today) > 0)
		view_set(r, "Cert.result", "pending");
	else
		view_set(r, "Cert.result", "valid");
	/* A rating is credit information about the subject: the check is a
	 * view of it and goes into the audit log like a profile view. */
	memset(&ev, 0, sizeof(ev));
	ev.actor_id = r->user.id;
	ev.actor_role = role_names[r->user.role];
	ev.subject_id = x.subject_id;
	ev.action = "cert_check";
	ev.detail = arena_printf(&r->arena, "certificate %s checked", x.cert_no);
	ev.addr = r->remote_addr;
	if ((rc = audit_append(&r->arena, &ev)) < 0)
		return req_dberr(r, rc);
	return 200;
}

/* ---- the subject profile (called by entity.c) ---- */

int
assoc_profile_ratings(struct req *r, long long subject_id, int self)
{
	struct rating *x;
	char today[11], name[48];
	int n, i;

	if ((x = arena_alloc(&r->arena, sizeof(*x) * MAX_HISTORY)) == NULL)
		return DB_ERR;
	today_plus(0, today);
	if ((n = ratings_current_of_subject(&r->arena, subject_id, today, x, MAX_HISTORY)) < 0)
		return n;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Ratings.%d", i);
		set_rating(r, name, &x[i]);
	}
	if (!self)
		return 1;
	if ((n = ratings_history_of_subject(&r->arena, subject_id, x, MAX_HISTORY)) < 0)
		return n;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "RatingHistory.%d", i);
		set_rating(r, name, &x[i]);
	}
	return 1;
}
