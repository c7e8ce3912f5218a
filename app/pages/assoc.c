/* assoc.c — industry associations (Art. 27): staff register them; an
 * association's dashboard (members with their current levels, ratings
 * expiring soon, the distribution of levels) and adding a member. One
 * member's page, its edits and the end of a membership are in
 * assoc_member.c; ratings in assoc_rating.c, the scale in assoc_scale.c,
 * the CSV upload in assoc_import.c, the public side in cert.c. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/assoc_int.h"
#include "rules/uscc.h"
#include "rules/window.h"
#include "store/subjects.h"

#define MAX_ASSOCS    200
#define MAX_MEMBERS   1000
#define MAX_EXPIRING  100
#define EXPIRY_DAYS   30
#define ASSOC_NO_MAX  999  /* 3 digits in a certificate number */

/* ---- forms ---- */

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

/* ---- helpers ---- */

void
assoc_today_plus(int days, char out[11])
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

void
assoc_set_rating(struct req *r, const char *prefix, const struct rating *x)
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

void
assoc_page(struct req *r, const char *title_key, const char *tmpl)
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
	return page_form(r, view_str(r, "Assoc.staff.title"), "staff", "staff_assoc.cs", status);
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
	/* The id is the 3-digit association number of every certificate it
	 * issues (README, "Association ratings"): past 999 numbers would
	 * repeat, so the registration is refused rather than a rating later. */
	if (id > ASSOC_NO_MAX) {
		db_rollback();
		view_set(r, "Staff.assoc_error", view_str(r, "Assoc.err.assoc_no_full"));
		return staff_assoc_page(r, 409);
	}
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
	int n, i, rc, now = 0;

	if ((rc = assoc_by_id(&r->arena, ASSOC_ID(r), &a)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	m = arena_alloc(&r->arena, sizeof(*m) * MAX_MEMBERS);
	exp = arena_alloc(&r->arena, sizeof(*exp) * MAX_EXPIRING);
	if (m == NULL || exp == NULL)
		return req_error(r, 500, "Err.internal");
	assoc_today_plus(0, today);
	assoc_today_plus(EXPIRY_DAYS, until);
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
		SETM("ended_on", m[i].ended_on);
		SETM("end_reason", m[i].end_reason);
		SETM("end_cert", m[i].end_cert);
#undef SETM
		now += m[i].ended_on == NULL;
	}
	view_set_int(r, "Dash.n_members", now);
	view_set_int(r, "Dash.n_former", n - now);
	if ((n = assoc_expiring(&r->arena, a.id, today, until, exp, MAX_EXPIRING)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Expiring.%d", i);
		assoc_set_rating(r, name, &exp[i]);
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
	assoc_page(r, "Assoc.title", "assoc.cs");
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
		struct member old;

		/* A former member stays in the list with its ratings; it is not
		 * added a second time. */
		db_rollback();
		if ((rc = assoc_member_of_subject(&r->arena, ASSOC_ID(r), s.id, &old)) < 0)
			return req_dberr(r, rc);
		page_field_fail(r, MF_USCC, rc > 0 && old.ended_on != NULL ?
		    "Assoc.err.member_former" : "Assoc.err.member_exists");
		return dashboard(r, 422);
	}
	if (id < 0)
		return page_finish(r, (int)id, "/");
	rc = page_audit(r, s.id, "member_add", arena_printf(&r->arena,
	    "member %lld of association %lld since %s (%s)", id, ASSOC_ID(r), r->f[MF_JOINED],
	    r->f[MF_LEVEL]));
	return page_finish(r, rc, arena_printf(&r->arena, "/assoc/members/%lld", id));
}
