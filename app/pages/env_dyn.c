/* env_dyn.c — environmental grades: dynamic scoring (events that deduct or
 * add points for a limited time, the timeline and the grade on any date;
 * an event entered wrongly is voided or corrected with a reason, never
 * deleted), the half-year red/black snapshots behind the differential
 * electricity price (produced again for a day = a new version), and the
 * admin's scheme page (thresholds, indicators, vetoes, types). */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/env_int.h"
#include "rules/uscc.h"
#include "store/subjects.h"

#define MAX_ITEMS     64
#define MAX_EVENTS    200
#define MAX_ALL       20000
#define MAX_ENROLLED  5000
#define MAX_STEPS     120
#define MAX_SNAPROWS  5000
#define MAX_VOIDS     100
#define MAX_VERSIONS  20
#define DYN_PER_PAGE  100

static const char *const kind_choices[] = { "indicator", "veto", "type", NULL };
static const char *const active_choices[] = { "1", "0", NULL };

enum { VE_USCC, VE_TYPE, VE_DECIDED, VE_DOC, VE_NOTE, VE_N };
static const struct field event_fields[VE_N] = {
	[VE_USCC]    = { "uscc", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 40, NULL },
	[VE_TYPE]    = { "type", FT_TOKEN, FF_REQUIRED, 1, 32, NULL },
	[VE_DECIDED] = { "decided_on", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[VE_DOC]     = { "doc_no", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
	[VE_NOTE]    = { "note", FT_TEXT, FF_TRIM, 2, 300, NULL },
};
const struct form env_event_form = { event_fields, VE_N };

/* The dynamic list: grade (today's) and district, a page at a time. */
enum { DL_GRADE, DL_DISTRICT, DL_PAGE, DL_N };
static const struct field dyn_list_fields[DL_N] = {
	[DL_GRADE]    = { "grade", FT_ENUM, 0, 0, 0, grade_codes },
	[DL_DISTRICT] = { "district", FT_TEXT, FF_TRIM, 1, 50, NULL },
	[DL_PAGE]     = { "page", FT_INT, 0, 1, 10000, NULL },
};
const struct form env_dyn_list_form = { dyn_list_fields, DL_N };

/* Voiding an event needs its reason; correcting one records the event as it
 * should have been (same enterprise) and voids the wrong one. */
enum { VO_REASON, VO_N };
static const struct field void_fields[VO_N] = {
	[VO_REASON] = { "reason", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 300, NULL },
};
const struct form env_void_form = { void_fields, VO_N };

enum { FX_TYPE, FX_DECIDED, FX_DOC, FX_NOTE, FX_REASON, FX_N };
static const struct field fix_fields[FX_N] = {
	[FX_TYPE]    = { "type", FT_TOKEN, FF_REQUIRED, 1, 32, NULL },
	[FX_DECIDED] = { "decided_on", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[FX_DOC]     = { "doc_no", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
	[FX_NOTE]    = { "note", FT_TEXT, FF_TRIM, 2, 300, NULL },
	[FX_REASON]  = { "reason", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 300, NULL },
};
const struct form env_event_fix_form = { fix_fields, FX_N };

enum { ON_DATE, ON_N };
static const struct field on_fields[ON_N] = {
	[ON_DATE] = { "on", FT_DATE, 0, 0, 0, NULL },
};
const struct form env_on_form = { on_fields, ON_N };

/* A day produced again needs the reason for its new version. */
enum { SN_AS_OF, SN_REASON, SN_N };
static const struct field snapshot_fields[SN_N] = {
	[SN_AS_OF]  = { "as_of", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[SN_REASON] = { "reason", FT_TEXT, FF_TRIM, 2, 300, NULL },
};
const struct form env_snapshot_form = { snapshot_fields, SN_N };

/* The snapshot's price list narrowed by grade (red, black) and district. */
static const char *const redblack_choices[] = { "red", "black", NULL };
enum { SF_GRADE, SF_DISTRICT, SF_N };
static const struct field snap_filter_fields[SF_N] = {
	[SF_GRADE]    = { "grade", FT_ENUM, 0, 0, 0, redblack_choices },
	[SF_DISTRICT] = { "district", FT_TEXT, FF_TRIM, 1, 50, NULL },
};
const struct form env_snap_filter_form = { snap_filter_fields, SF_N };

enum { ST_A0, ST_A1, ST_A2, ST_A3, ST_D0, ST_D1, ST_D2, ST_D3, ST_BASE, ST_MAX, ST_DAYS,
	ST_RED, ST_BLACK, ST_N };
static const struct field settings_fields[ST_N] = {
	[ST_A0]    = { "annual_green_min", FT_INT, FF_REQUIRED | FF_TRIM, 0, 100, NULL },
	[ST_A1]    = { "annual_blue_min", FT_INT, FF_REQUIRED | FF_TRIM, 0, 100, NULL },
	[ST_A2]    = { "annual_yellow_min", FT_INT, FF_REQUIRED | FF_TRIM, 0, 100, NULL },
	[ST_A3]    = { "annual_red_min", FT_INT, FF_REQUIRED | FF_TRIM, 0, 100, NULL },
	[ST_D0]    = { "dyn_green_min", FT_INT, FF_REQUIRED | FF_TRIM, -20, 20, NULL },
	[ST_D1]    = { "dyn_blue_min", FT_INT, FF_REQUIRED | FF_TRIM, -20, 20, NULL },
	[ST_D2]    = { "dyn_yellow_min", FT_INT, FF_REQUIRED | FF_TRIM, -20, 20, NULL },
	[ST_D3]    = { "dyn_red_min", FT_INT, FF_REQUIRED | FF_TRIM, -20, 20, NULL },
	[ST_BASE]  = { "dyn_base", FT_INT, FF_REQUIRED | FF_TRIM, 1, 20, NULL },
	[ST_MAX]   = { "dyn_max", FT_INT, FF_REQUIRED | FF_TRIM, 1, 20, NULL },
	[ST_DAYS]  = { "publicity_days", FT_INT, FF_REQUIRED | FF_TRIM, 1, 60, NULL },
	[ST_RED]   = { "red_price", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 6, NULL },
	[ST_BLACK] = { "black_price", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 6, NULL },
};
const struct form env_settings_form = { settings_fields, ST_N };

enum { IT_KIND, IT_CODE, IT_ZH, IT_EN, IT_POINTS, IT_MONTHS, IT_GRADE, IT_ACTIVE, IT_N };
static const struct field item_fields[IT_N] = {
	[IT_KIND]   = { "kind", FT_ENUM, FF_REQUIRED, 0, 0, kind_choices },
	[IT_CODE]   = { "code", FT_TOKEN, FF_REQUIRED | FF_TRIM, 2, 32, NULL },
	[IT_ZH]     = { "name_zh", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
	[IT_EN]     = { "name_en", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 150, NULL },
	[IT_POINTS] = { "points", FT_INT, FF_TRIM, -12, 100, NULL },
	[IT_MONTHS] = { "months", FT_INT, FF_TRIM, 1, 60, NULL },
	[IT_GRADE]  = { "grade", FT_ENUM, 0, 0, 0, grade_codes },
	[IT_ACTIVE] = { "active", FT_ENUM, FF_REQUIRED, 0, 0, active_choices },
};
const struct form env_item_form = { item_fields, IT_N };

static void
set_items(struct req *r, const char *list, const struct env_item *x, int n)
{
	char name[64];
	int i;

	for (i = 0; i < n; i++) {
#define SETS(f, v) do { snprintf(name, sizeof(name), "%s.%d.%s", list, i, f); view_set(r, name, v); } while (0)
#define SETI(f, v) do { snprintf(name, sizeof(name), "%s.%d.%s", list, i, f); view_set_int(r, name, v); } while (0)
		SETS("code", x[i].code);
		SETS("name", env_lname(r, x[i].name_zh, x[i].name_en));
		SETS("name_zh", x[i].name_zh);
		SETS("name_en", x[i].name_en);
		SETS("grade", x[i].grade);
		SETI("points", x[i].points);
		SETI("months", x[i].months);
		SETI("active", x[i].active);
#undef SETS
#undef SETI
	}
}

/* ---- dynamic scoring ---- */

static int
dynamic_page(struct req *r, int status)
{
	struct env_scheme sc;
	struct env_enrolled *en;
	struct env_event *ev;
	struct env_item items[MAX_ITEMS];
	struct ymd today;
	char name[64];
	const char *want = NULL, *district = NULL;
	long long page = 1, from, shown = 0, matching = 0;
	int n, ne, i, j = 0, score, g, rc;

	if (r->form == &env_dyn_list_form && !r->form_invalid) {
		want = r->f[DL_GRADE];
		district = r->f[DL_DISTRICT];
		page = r->f[DL_PAGE] != NULL ? form_int(r, DL_PAGE) : 1;
	}
	from = (page - 1) * DYN_PER_PAGE;

	if ((rc = env_scheme_load(r, &sc)) < 0)
		return req_dberr(r, rc);
	en = arena_alloc(&r->arena, sizeof(*en) * MAX_ENROLLED);
	ev = arena_alloc(&r->arena, sizeof(*ev) * MAX_ALL);
	if (en == NULL || ev == NULL)
		return req_error(r, 500, "Err.internal");
	if ((n = env_enrolled_list(&r->arena, en, MAX_ENROLLED)) < 0)
		return req_dberr(r, n);
	/* One query for every event, in subject order: no query per row. */
	if ((ne = env_events_all(&r->arena, ev, MAX_ALL)) < 0)
		return req_dberr(r, ne);
	ymd_today(&today);
	for (i = 0; i < n; i++) {
		int k;
		while (j < ne && ev[j].subject_id < en[i].subject_id)
			j++;
		for (k = j; k < ne && ev[k].subject_id == en[i].subject_id; k++)
			;
		g = env_dyn_score(&sc, ev + j, k - j, &today, &score);
		j = k;
		/* Today's grade is computed here, so the grade filter is too. */
		if ((want != NULL && strcmp(grade_codes[g], want) != 0) ||
		    (district != NULL && (en[i].district == NULL || strcmp(en[i].district, district) != 0)))
			continue;
		if (matching++ < from || shown >= DYN_PER_PAGE)
			continue;
#define SETD(f, v) do { snprintf(name, sizeof(name), "Dynamic.%lld.%s", shown, f); view_set(r, name, v); } while (0)
		snprintf(name, sizeof(name), "Dynamic.%lld.id", shown);
		view_set_int(r, name, en[i].subject_id);
		snprintf(name, sizeof(name), "Dynamic.%lld.score", shown);
		view_set_int(r, name, score);
		SETD("grade", grade_codes[g]);
		SETD("uscc", en[i].uscc);
		SETD("name", en[i].name);
		SETD("district", en[i].district);
		SETD("enrolled_on", en[i].enrolled_on);
#undef SETD
		shown++;
	}
	view_set_int(r, "DynList.matching", matching);
	view_set_int(r, "Pager.page", page);
	if (page > 1)
		view_set_int(r, "Pager.prev", page - 1);
	if (page * DYN_PER_PAGE < matching)
		view_set_int(r, "Pager.next", page + 1);
	view_set(r, "Pager.filters", arena_printf(&r->arena, "%s%s%s%s",
	    want ? "&grade=" : "", want ? want : "", district ? "&district=" : "",
	    district ? req_urlencode(r, district) : ""));
	if ((n = env_items(&r->arena, ENV_TYPE, 1, items, MAX_ITEMS)) < 0)
		return req_dberr(r, n);
	set_items(r, "Types", items, n);
	view_set_int(r, "Scheme.base", sc.dyn.base);
	page_set_list(r, "Grades", grade_codes);
	return page_form(r, view_str(r, "Env.dyn.title"), "env", "env_dynamic.cs", status);
}

int
env_dynamic_get(struct req *r)
{
	return dynamic_page(r, r->form_invalid ? 422 : 200);
}

int
env_event_create(struct req *r)
{
	struct env_item items[MAX_ITEMS];
	struct env_event e;
	struct subject s;
	struct ymd d, until, today;
	char norm[USCC_LEN + 1], want, until_s[11];
	long long id;
	int n, i = 0, rc, pos, err;

	if ((n = env_items(&r->arena, ENV_TYPE, 1, items, MAX_ITEMS)) < 0)
		return req_dberr(r, n);
	if (r->f[VE_USCC] != NULL) {
		err = uscc_normalize(r->f[VE_USCC], r->flen[VE_USCC], norm, &pos, &want);
		if (err != USCC_OK && err != USCC_CHECK)
			page_field_fail(r, VE_USCC, uscc_errkey(err));
		else if ((rc = subjects_by_uscc(&r->arena, norm, &s)) < 0)
			return req_dberr(r, rc);
		else if (rc == 0)
			page_field_fail(r, VE_USCC, "Err.subject.notfound");
	}
	for (i = 0; r->f[VE_TYPE] != NULL && i < n && strcmp(items[i].code, r->f[VE_TYPE]) != 0; i++)
		;
	if (r->f[VE_TYPE] != NULL && i == n)
		page_field_fail(r, VE_TYPE, "Err.field.choice");
	ymd_today(&today);
	if (r->f[VE_DECIDED] != NULL && (ymd_parse(r->f[VE_DECIDED], &d) != 0 ||
	    ymd_cmp(&d, &today) > 0))
		page_field_fail(r, VE_DECIDED, "Env.err.future");
	if (r->form_invalid)
		return dynamic_page(r, 422);
	if (dyn_until(&d, (int)items[i].months, &until) != 0)
		return req_error(r, 500, "Err.internal");
	ymd_format(&until, until_s);
	memset(&e, 0, sizeof(e));
	e.subject_id = s.id;
	e.type_id = items[i].id;
	e.points = items[i].points;
	e.decided_on = (char *)r->f[VE_DECIDED];
	e.until_on = until_s;
	e.doc_no = (char *)r->f[VE_DOC];
	e.note = (char *)r->f[VE_NOTE];
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	/* The first event puts the enterprise under dynamic scoring from that
	 * day, at the base score. */
	if ((rc = env_enrol(&r->arena, s.id, r->f[VE_DECIDED], r->user.id)) < 0)
		return page_finish(r, rc, "/env/dynamic");
	if ((id = env_event_insert(&r->arena, &e, r->user.id)) < 0)
		return page_finish(r, (int)id, "/env/dynamic");
	rc = page_audit(r, s.id, "env_event", arena_printf(&r->arena,
	    "environmental event %lld: %s %+lld points from %s until %s (%s)%s", id, items[i].code,
	    e.points, e.decided_on, until_s, e.doc_no, rc > 0 ? "; enrolled in dynamic scoring" : ""));
	return page_finish(r, rc, arena_printf(&r->arena, "/env/dynamic/%lld", s.id));
}

int
env_dynamic_subject_get(struct req *r)
{
	struct env_scheme sc;
	struct env_event ev[MAX_EVENTS];
	struct dyn_event de[MAX_EVENTS];
	struct dyn_step st[MAX_STEPS];
	struct env_void vo[MAX_VOIDS];
	struct subject s;
	struct ymd today, start, on;
	char *enrolled, name[64], buf[11];
	long long id = r->pathids[0];
	int n, nv, i, k = 0, rc, score, g;

	/* An enterprise sees its own timeline only. */
	if (r->user.role == ROLE_ENTERPRISE && r->user.subject_id != id)
		return req_error(r, 403, "Err.forbidden");
	if ((rc = subjects_by_id(&r->arena, id, &s)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((rc = env_enrolled(&r->arena, id, &enrolled)) < 0)
		return req_dberr(r, rc);
	/* Voided and corrected events stay visible with their reasons, even
	 * when voiding ended the enrolment. */
	if ((nv = env_voids_of(&r->arena, id, vo, MAX_VOIDS)) < 0)
		return req_dberr(r, nv);
	env_set_voids(r, "Voids", vo, nv);
	if (env_manager(r))
		view_set(r, "Env.manager", "1");
	if (rc == 0) {
		if (nv == 0)
			return req_error(r, 404, "Env.err.not_enrolled");
		view_set(r, "Dyn.ended", "1");
		view_set(r, "Subject.name", s.name);
		view_set(r, "Subject.uscc", s.uscc);
		view_set_int(r, "Subject.id", s.id);
		view_set(r, "Page.title", s.name);
		view_set(r, "Page.nav", "env");
		r->tmpl = "env_subject.cs";
		r->no_store = 1;
		return 200;
	}
	if ((rc = env_scheme_load(r, &sc)) < 0)
		return req_dberr(r, rc);
	if ((n = env_events_of(&r->arena, id, ev, MAX_EVENTS)) < 0)
		return req_dberr(r, n);
	ymd_today(&today);
	for (i = 0; i < n; i++) {
		if (ymd_parse(ev[i].decided_on, &de[k].from) != 0 ||
		    ymd_parse(ev[i].until_on, &de[k].until) != 0)
			continue;
		de[k].points = (int)ev[i].points;
		de[k].type = ev[i].type_id;
		k++;
#define SETV(f, v) do { snprintf(name, sizeof(name), "Events.%d.%s", i, f); view_set(r, name, v); } while (0)
		snprintf(name, sizeof(name), "Events.%d.id", i);
		view_set_int(r, name, ev[i].id);
		SETV("type", env_lname(r, ev[i].name_zh, ev[i].name_en));
		snprintf(name, sizeof(name), "Events.%d.points", i);
		view_setf(r, name, "%+lld", ev[i].points);
		SETV("decided_on", ev[i].decided_on);
		SETV("until_on", ev[i].until_on);
		SETV("doc_no", ev[i].doc_no);
		SETV("note", ev[i].note);
		if (dyn_in_force(&de[k - 1], &today))
			SETV("active", "1");
#undef SETV
	}
	if (ymd_parse(enrolled, &start) != 0)
		start = today;
	n = dyn_timeline(&sc.dyn, de, k, &start, &today, st, MAX_STEPS);
	for (i = 0; i < n; i++) {
		ymd_format(&st[i].on, buf);
		snprintf(name, sizeof(name), "Timeline.%d.on", i);
		view_set(r, name, buf);
		snprintf(name, sizeof(name), "Timeline.%d.score", i);
		view_set_int(r, name, st[i].score);
		snprintf(name, sizeof(name), "Timeline.%d.grade", i);
		view_set(r, name, grade_codes[st[i].grade]);
	}
	score = dyn_score_on(&sc.dyn, de, k, &today);
	view_set_int(r, "Dyn.score", score);
	view_set(r, "Dyn.grade", grade_codes[grade_from_score(&sc.dyn.t, score)]);
	view_set(r, "Dyn.enrolled_on", enrolled);
	ymd_format(&today, buf);
	view_set(r, "Dyn.today", buf);
	/* The grade on any date asked for (before enrolment: not scored). */
	if (r->f[ON_DATE] != NULL && ymd_parse(r->f[ON_DATE], &on) == 0) {
		view_set(r, "Dyn.on", r->f[ON_DATE]);
		if (ymd_cmp(&on, &start) < 0)
			view_set(r, "Dyn.on_before", "1");
		else {
			int sc_on = dyn_score_on(&sc.dyn, de, k, &on);
			g = grade_from_score(&sc.dyn.t, sc_on);
			view_set_int(r, "Dyn.on_score", sc_on);
			view_set(r, "Dyn.on_grade", grade_codes[g]);
		}
	}
	view_set(r, "Subject.name", s.name);
	view_set(r, "Subject.uscc", s.uscc);
	view_set_int(r, "Subject.id", s.id);
	form_to_hdf(r);
	view_set(r, "Page.title", s.name);
	view_set(r, "Page.nav", "env");
	r->tmpl = "env_subject.cs";
	r->no_store = 1;
	return r->form_invalid ? (r->status = 422) : 200;
}

void
env_set_voids(struct req *r, const char *list, const struct env_void *v, int n)
{
	char name[64];
	int i;

	for (i = 0; i < n; i++) {
#define SETO(f, val) do { snprintf(name, sizeof(name), "%s.%d.%s", list, i, f); view_set(r, name, val); } while (0)
#define SETN(f, val) do { snprintf(name, sizeof(name), "%s.%d.%s", list, i, f); view_set_int(r, name, val); } while (0)
		SETN("id", v[i].ev.id);
		SETO("type", env_lname(r, v[i].ev.name_zh, v[i].ev.name_en));
		snprintf(name, sizeof(name), "%s.%d.points", list, i);
		view_setf(r, name, "%+lld", v[i].ev.points);
		SETO("decided_on", v[i].ev.decided_on);
		SETO("doc_no", v[i].ev.doc_no);
		SETO("action", v[i].action);
		SETO("reason", v[i].reason);
		SETO("at", v[i].at);
		SETO("who", v[i].who);
		if (v[i].replacement_id > 0)
			SETN("replacement", v[i].replacement_id);
		if (v[i].objection_id > 0)
			SETN("objection", v[i].objection_id);
#undef SETO
#undef SETN
	}
}

/* ---- an event entered wrongly: corrected or voided, never deleted ---- */

int
env_event_voided(struct req *r, long long id, long long subject_id, const char *reason,
    long long objection_id)
{
	struct env_event e;
	int rc;

	if ((rc = env_event_get(&r->arena, id, &e)) <= 0)
		return rc;
	if ((rc = env_event_void(&r->arena, id, subject_id, "void", 0, reason, objection_id,
	    r->user.id)) <= 0)
		return rc;
	if ((rc = env_enrol_refresh(&r->arena, subject_id)) < 0)
		return rc;
	return page_audit(r, subject_id, "env_event", arena_printf(&r->arena,
	    "environmental event %lld voided (%s %+lld points from %s, %s)%s%s%s; reason: %s", id,
	    e.code, e.points, e.decided_on, e.doc_no,
	    objection_id > 0 ? " on objection #" : "",
	    objection_id > 0 ? arena_printf(&r->arena, "%lld", objection_id) : "",
	    rc == 0 ? "; no event left: dynamic scoring ended" : "", reason));
}

static int
event_page(struct req *r, int status, long long id)
{
	struct env_item items[MAX_ITEMS];
	struct env_event e;
	struct subject s;
	int rc, n;

	if ((rc = env_event_get(&r->arena, id, &e)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((rc = subjects_by_id(&r->arena, e.subject_id, &s)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((n = env_items(&r->arena, ENV_TYPE, 1, items, MAX_ITEMS)) < 0)
		return req_dberr(r, n);
	set_items(r, "Types", items, n);
	view_set_int(r, "Event.id", e.id);
	view_set_int(r, "Event.subject_id", e.subject_id);
	view_set(r, "Event.type", env_lname(r, e.name_zh, e.name_en));
	view_set(r, "Event.code", e.code);
	view_setf(r, "Event.points", "%+lld", e.points);
	view_set(r, "Event.decided_on", e.decided_on);
	view_set(r, "Event.until_on", e.until_on);
	view_set(r, "Event.doc_no", e.doc_no);
	view_set(r, "Event.note", e.note);
	view_set(r, "Event.void", e.void_action);
	view_set(r, "Subject.name", s.name);
	view_set(r, "Subject.uscc", s.uscc);
	/* The correction form starts from the event as recorded. */
	if (status == 200 || r->form != &env_event_fix_form) {
		view_set(r, "Form.type.value", e.code);
		view_set(r, "Form.decided_on.value", e.decided_on);
		view_set(r, "Form.doc_no.value", e.doc_no);
		view_set(r, "Form.note.value", e.note);
	}
	if (status != 200)
		form_to_hdf(r);
	view_set(r, "Page.title", view_str(r, "Env.fix.title"));
	view_set(r, "Page.nav", "env");
	r->tmpl = "env_event.cs";
	r->no_store = 1;
	return r->status = status;
}

int
env_event_get_page(struct req *r)
{
	return event_page(r, 200, r->pathids[0]);
}

int
env_event_void_post(struct req *r)
{
	struct env_event e;
	long long id = r->pathids[0];
	int rc;

	if ((rc = env_event_get(&r->arena, id, &e)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if (!r->form_invalid && e.void_action != NULL)
		page_field_fail(r, VO_REASON, "Env.err.voided");
	if (r->form_invalid)
		return event_page(r, 422, id);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = env_event_voided(r, id, e.subject_id, r->f[VO_REASON], 0);
	if (rc == 0 || rc == DB_DUP) {
		/* Voided by someone else meanwhile: nothing changed. */
		db_rollback();
		page_field_fail(r, VO_REASON, "Env.err.voided");
		return event_page(r, 409, id);
	}
	return page_finish(r, rc, arena_printf(&r->arena, "/env/dynamic/%lld", e.subject_id));
}

int
env_event_fix_post(struct req *r)
{
	struct env_item items[MAX_ITEMS];
	struct env_event e, x;
	struct ymd d, until, today;
	char until_s[11];
	long long id = r->pathids[0], nid;
	int rc, n, i = 0;

	if ((rc = env_event_get(&r->arena, id, &e)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((n = env_items(&r->arena, ENV_TYPE, 1, items, MAX_ITEMS)) < 0)
		return req_dberr(r, n);
	for (i = 0; r->f[FX_TYPE] != NULL && i < n && strcmp(items[i].code, r->f[FX_TYPE]) != 0; i++)
		;
	if (r->f[FX_TYPE] != NULL && i == n)
		page_field_fail(r, FX_TYPE, "Err.field.choice");
	ymd_today(&today);
	if (r->f[FX_DECIDED] != NULL && (ymd_parse(r->f[FX_DECIDED], &d) != 0 ||
	    ymd_cmp(&d, &today) > 0))
		page_field_fail(r, FX_DECIDED, "Env.err.future");
	if (!r->form_invalid && e.void_action != NULL)
		page_field_fail(r, FX_REASON, "Env.err.voided");
	if (!r->form_invalid && strcmp(items[i].code, e.code) == 0 &&
	    strcmp(r->f[FX_DECIDED], e.decided_on) == 0 && strcmp(r->f[FX_DOC], e.doc_no) == 0 &&
	    ((r->f[FX_NOTE] == NULL && e.note == NULL) ||
	    (r->f[FX_NOTE] != NULL && e.note != NULL && strcmp(r->f[FX_NOTE], e.note) == 0)))
		page_field_fail(r, FX_REASON, "Env.err.unchanged");
	if (r->form_invalid)
		return event_page(r, 422, id);
	if (dyn_until(&d, (int)items[i].months, &until) != 0)
		return req_error(r, 500, "Err.internal");
	ymd_format(&until, until_s);
	memset(&x, 0, sizeof(x));
	x.subject_id = e.subject_id;
	x.type_id = items[i].id;
	x.points = items[i].points;
	x.decided_on = (char *)r->f[FX_DECIDED];
	x.until_on = until_s;
	x.doc_no = (char *)r->f[FX_DOC];
	x.note = (char *)r->f[FX_NOTE];
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	/* The corrected event in place of the wrong one, which stays (voided)
	 * in the history with the reason and a link to its replacement. */
	if ((nid = env_event_insert(&r->arena, &x, r->user.id)) < 0)
		return page_finish(r, (int)nid, "/env/dynamic");
	rc = env_event_void(&r->arena, id, e.subject_id, "correct", nid, r->f[FX_REASON], 0, r->user.id);
	if (rc == 0 || rc == DB_DUP) {
		db_rollback();
		page_field_fail(r, FX_REASON, "Env.err.voided");
		return event_page(r, 409, id);
	}
	if (rc > 0)
		rc = env_enrol_refresh(&r->arena, e.subject_id);
	if (rc >= 0)
		rc = page_audit(r, e.subject_id, "env_event", arena_printf(&r->arena,
		    "environmental event %lld corrected by event %lld: %s %+lld points from %s until %s (%s) "
		    "instead of %s %+lld points from %s (%s); reason: %s", id, nid, items[i].code, x.points,
		    x.decided_on, until_s, x.doc_no, e.code, e.points, e.decided_on, e.doc_no,
		    r->f[FX_REASON]));
	return page_finish(r, rc, arena_printf(&r->arena, "/env/dynamic/%lld", e.subject_id));
}

/* ---- half-year snapshots ---- */

int
env_snapshot_create(struct req *r)
{
	struct env_scheme sc;
	struct env_latest *lt;
	struct env_enrolled *en;
	struct env_event *ev;
	struct ymd as_of, today, start;
	long long snap, version = 1;
	int nl, n, ne, i, j = 0, k, rc, score, g;

	ymd_today(&today);
	if (r->f[SN_AS_OF] != NULL && (ymd_parse(r->f[SN_AS_OF], &as_of) != 0 ||
	    !((as_of.m == 6 && as_of.d == 30) || (as_of.m == 12 && as_of.d == 31)) ||
	    ymd_cmp(&as_of, &today) > 0))
		page_field_fail(r, SN_AS_OF, "Env.err.half_year");
	/* A day produced again is a new version; the earlier ones stay as
	 * they were, and the new one says why it was made. */
	if (!r->form_invalid && (rc = env_snapshot_next_version(&r->arena, r->f[SN_AS_OF], &version)) < 0)
		return req_dberr(r, rc);
	if (!r->form_invalid && version > 1 && r->f[SN_REASON] == NULL)
		page_field_fail(r, SN_REASON, "Env.err.snapshot_reason");
	if (r->form_invalid)
		return env_home_get(r) == 200 ? (r->status = 422) : r->status;
	if ((rc = env_scheme_load(r, &sc)) < 0)
		return req_dberr(r, rc);
	lt = arena_alloc(&r->arena, sizeof(*lt) * MAX_SNAPROWS);
	en = arena_alloc(&r->arena, sizeof(*en) * MAX_ENROLLED);
	ev = arena_alloc(&r->arena, sizeof(*ev) * MAX_ALL);
	if (lt == NULL || en == NULL || ev == NULL)
		return req_error(r, 500, "Err.internal");
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	snap = env_snapshot_insert(&r->arena, r->f[SN_AS_OF], version,
	    version > 1 ? r->f[SN_REASON] : NULL, r->user.id);
	if (snap == DB_DUP) {
		/* Another production of the same day took this version number. */
		db_rollback();
		page_field_fail(r, SN_AS_OF, "Env.err.snapshot_race");
		return env_home_get(r) == 200 ? (r->status = 409) : r->status;
	}
	if (snap < 0 || (nl = env_latest_as_of(&r->arena, r->f[SN_AS_OF], lt, MAX_SNAPROWS)) < 0 ||
	    (n = env_enrolled_list(&r->arena, en, MAX_ENROLLED)) < 0 ||
	    (ne = env_events_all(&r->arena, ev, MAX_ALL)) < 0) {
		db_rollback();
		return req_dberr(r, DB_ERR);
	}
	/* Dynamic scoring decides for the enterprises under it on the day;
	 * the latest published round for the others. */
	for (i = 0; i < n; i++) {
		while (j < ne && ev[j].subject_id < en[i].subject_id)
			j++;
		for (k = j; k < ne && ev[k].subject_id == en[i].subject_id; k++)
			;
		if (ymd_parse(en[i].enrolled_on, &start) == 0 && ymd_cmp(&start, &as_of) <= 0) {
			g = env_dyn_score(&sc, ev + j, k - j, &as_of, &score);
			if ((rc = env_snapshot_row(&r->arena, snap, en[i].subject_id, grade_codes[g],
			    score, 1, "dynamic")) < 0)
				goto fail;
			en[i].subject_id = -en[i].subject_id;   /* done */
		}
		j = k;
	}
	for (i = 0; i < nl; i++) {
		for (k = 0; k < n && en[k].subject_id != -lt[i].subject_id; k++)
			;
		if (k < n)
			continue;
		if ((rc = env_snapshot_row(&r->arena, snap, lt[i].subject_id, lt[i].grade, lt[i].score,
		    (int)lt[i].has_score, "round")) < 0)
			goto fail;
	}
	rc = page_audit(r, 0, "env_snapshot", arena_printf(&r->arena,
	    "half-year grade snapshot %lld as of %s, version %lld%s%s", snap, r->f[SN_AS_OF], version,
	    version > 1 ? "; reason: " : "", version > 1 ? r->f[SN_REASON] : ""));
	return page_finish(r, rc, arena_printf(&r->arena, "/env/snapshots/%lld", snap));
fail:
	db_rollback();
	return req_dberr(r, rc);
}

static int
snapshot_load(struct req *r, struct env_snapshot *s, struct env_snaprow **rows, int *n)
{
	const char *grade = NULL, *district = NULL;
	int rc;

	if (r->form == &env_snap_filter_form && !r->form_invalid) {
		grade = r->f[SF_GRADE];
		district = r->f[SF_DISTRICT];
	}
	if ((rc = env_snapshot_get(&r->arena, r->pathids[0], s)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((*rows = arena_alloc(&r->arena, sizeof(**rows) * MAX_SNAPROWS)) == NULL)
		return req_error(r, 500, "Err.internal");
	if ((*n = env_snapshot_list(&r->arena, s->id, grade, district, *rows, MAX_SNAPROWS)) < 0)
		return req_dberr(r, *n);
	return 0;
}

/* The snapshot's counts (Stats.*) and, against the current version of the
 * half-year before it (prev, id 0 without one) and its counts pc, all
 * zero without one. 0, or the error status already set. */
static int
snapshot_counts(struct req *r, const struct env_snapshot *s, long long c[5], long long pc[5],
    struct env_snapshot *prev)
{
	int rc;

	memset(pc, 0, sizeof(long long) * GRADE_MAX);
	if ((rc = env_snapshot_counts(&r->arena, s->id, c)) < 0)
		return req_dberr(r, rc);
	if ((rc = env_snapshot_prev(&r->arena, s->as_of, prev)) < 0)
		return req_dberr(r, rc);
	if (rc > 0 && (rc = env_snapshot_counts(&r->arena, prev->id, pc)) < 0)
		return req_dberr(r, rc);
	return 0;
}

/* Stats.*, and Prev.*, PrevStats.* and the changes against the half-year
 * before. 0, or the error status already set. */
static int
snapshot_stats(struct req *r, const struct env_snapshot *s, long long c[5])
{
	struct env_snapshot prev;
	long long pc[5];
	int rc;

	if ((rc = snapshot_counts(r, s, c, pc, &prev)) != 0)
		return rc;
	env_set_counts(r, "Stats", c);
	if (prev.id == 0)
		return 0;
	view_set_int(r, "Prev.id", prev.id);
	view_set(r, "Prev.as_of", prev.as_of);
	env_set_counts(r, "PrevStats", pc);
	env_set_changes(r, c, pc);
	return 0;
}

int
env_snapshot_page_get(struct req *r)
{
	struct env_snapshot s, v[MAX_VERSIONS];
	struct env_snaprow *x;
	long long c[5];
	char name[64];
	int n, i, rc;

	if ((rc = snapshot_load(r, &s, &x, &n)) != 0)
		return rc;
	/* Every version of the day, the current (highest) one marked. */
	if ((rc = env_snapshot_versions(&r->arena, s.as_of, v, MAX_VERSIONS)) < 0)
		return req_dberr(r, rc);
	for (i = 0; i < rc; i++) {
#define SETW(f, val) do { snprintf(name, sizeof(name), "Versions.%d.%s", i, f); view_set(r, name, val); } while (0)
		snprintf(name, sizeof(name), "Versions.%d.id", i);
		view_set_int(r, name, v[i].id);
		snprintf(name, sizeof(name), "Versions.%d.version", i);
		view_set_int(r, name, v[i].version);
		snprintf(name, sizeof(name), "Versions.%d.n", i);
		view_set_int(r, name, v[i].n_total);
		SETW("created_at", v[i].created_at);
		SETW("who", v[i].who);
		SETW("reason", v[i].reason);
		if (v[i].version == v[i].current)
			SETW("current", "1");
#undef SETW
	}
	if ((rc = snapshot_stats(r, &s, c)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
#define SETX(f, v) do { snprintf(name, sizeof(name), "List.%d.%s", i, f); view_set(r, name, v); } while (0)
		SETX("uscc", x[i].uscc);
		SETX("name", x[i].name);
		SETX("district", x[i].district);
		SETX("grade", x[i].grade);
		SETX("basis", x[i].basis);
		SETX("price", strcmp(x[i].grade, "black") == 0 ? s.black_price : s.red_price);
#undef SETX
	}
	view_set_int(r, "Snapshot.id", s.id);
	view_set_int(r, "Snapshot.version", s.version);
	view_set_int(r, "Snapshot.current", s.current);
	if (s.version == s.current)
		view_set(r, "Snapshot.is_current", "1");
	view_set(r, "Snapshot.reason", s.reason);
	view_set(r, "Snapshot.who", s.who);
	view_set(r, "Snapshot.as_of", s.as_of);
	view_set(r, "Snapshot.red_price", s.red_price);
	view_set(r, "Snapshot.black_price", s.black_price);
	view_set(r, "Snapshot.created_at", s.created_at);
	view_set_int(r, "Snapshot.n_list", n);
	view_set(r, "Page.title", arena_printf(&r->arena, "%s · %s", view_str(r, "Env.snap.title"), s.as_of));
	view_set(r, "Page.nav", "env");
	form_to_hdf(r);
	r->tmpl = "env_snapshot.cs";
	return r->form_invalid ? (r->status = 422) : 200;
}

int
env_snapshot_csv(struct req *r)
{
	struct env_snapshot s;
	struct env_snaprow *x;
	size_t cap, o = 0;
	char *body;
	int n, i, rc, w;

	if ((rc = snapshot_load(r, &s, &x, &n)) != 0)
		return rc;
	cap = 256 + (size_t)n * 800;
	if ((body = arena_alloc(&r->arena, cap)) == NULL)
		return req_error(r, 500, "Err.internal");
	w = snprintf(body, cap, "\xEF\xBB\xBFuscc,name,district,grade,surcharge_yuan_per_kwh,as_of\r\n");
	o = w > 0 ? (size_t)w : 0;
	for (i = 0; i < n && o < cap; i++) {
		w = snprintf(body + o, cap - o, "%s,%s,%s,%s,%s,%s\r\n", x[i].uscc,
		    env_csv_cell(r, x[i].name), env_csv_cell(r, x[i].district), x[i].grade,
		    strcmp(x[i].grade, "black") == 0 ? s.black_price : s.red_price, s.as_of);
		if (w < 0 || (size_t)w >= cap - o)
			break;
		o += (size_t)w;
	}
	r->body_out = body;
	r->body_out_len = o;
	r->ctype_out = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"env-red-black-%s-v%lld.csv\"", s.as_of, s.version));
	return 200;
}

/* The snapshot's statistics as CSV, as for a round: counts and shares per
 * colour, and those of the half-year before it when there is one. */
int
env_snapshot_stats_csv(struct req *r)
{
	struct env_snapshot s, prev;
	long long c[5], pc[5];
	char *body;
	int rc, has_prev;

	if ((rc = env_snapshot_get(&r->arena, r->pathids[0], &s)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((rc = snapshot_counts(r, &s, c, pc, &prev)) != 0)
		return rc;
	has_prev = prev.id != 0;
	body = env_stats_csv_text(r, c, pc, has_prev, s.as_of, prev.as_of);
	if (body == NULL)
		return req_error(r, 500, "Err.internal");
	r->body_out = body;
	r->body_out_len = strlen(body);
	r->ctype_out = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"env-stats-%s-v%lld.csv\"", s.as_of, s.version));
	return 200;
}

/* ---- the admin's scheme ---- */

static int
admin_page(struct req *r, int status)
{
	struct env_scheme sc;
	struct env_item items[MAX_ITEMS];
	static const char *const lists[ENV_KIND_MAX] = { "Indicators", "Vetoes", "Types" };
	int n, k, rc, i;
	char name[48];

	if ((rc = env_scheme_load(r, &sc)) < 0)
		return req_dberr(r, rc);
	for (k = 0; k < ENV_KIND_MAX; k++) {
		if ((n = env_items(&r->arena, k, 0, items, MAX_ITEMS)) < 0)
			return req_dberr(r, n);
		set_items(r, lists[k], items, n);
	}
	if (status == 200 || r->form != &env_settings_form) {
		for (i = 0; i < 4; i++) {
			snprintf(name, sizeof(name), "Form.%s.value", settings_fields[ST_A0 + i].name);
			view_set_int(r, name, sc.s.annual_min[i]);
			snprintf(name, sizeof(name), "Form.%s.value", settings_fields[ST_D0 + i].name);
			view_set_int(r, name, sc.s.dyn_min[i]);
		}
		view_set_int(r, "Form.dyn_base.value", sc.s.dyn_base);
		view_set_int(r, "Form.dyn_max.value", sc.s.dyn_max);
		view_set_int(r, "Form.publicity_days.value", sc.s.publicity_days);
		view_set(r, "Form.red_price.value", sc.s.red_price);
		view_set(r, "Form.black_price.value", sc.s.black_price);
	}
	if (r->form != NULL && status != 200)
		form_to_hdf(r);
	view_set(r, "Page.title", view_str(r, "Env.admin.title"));
	view_set(r, "Page.nav", "admin_env");
	r->tmpl = "admin_env.cs";
	r->no_store = 1;
	return r->status = status;
}

int
admin_env_get(struct req *r)
{
	return admin_page(r, 200);
}

/* "0.05": a price of at most 2 digits before and exactly 2 after the point. */
static int
price_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 4 || n > 5 || s[n - 3] != '.')
		return 0;
	for (i = 0; i < n; i++)
		if (i != n - 3 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

int
admin_env_settings_post(struct req *r)
{
	struct env_settings s;
	struct grade_thresholds a, d;
	int i, rc;

	if (r->form_invalid)
		return admin_page(r, 422);
	memset(&s, 0, sizeof(s));
	for (i = 0; i < 4; i++) {
		s.annual_min[i] = form_int(r, ST_A0 + i);
		s.dyn_min[i] = form_int(r, ST_D0 + i);
		a.min[i] = (int)s.annual_min[i];
		d.min[i] = (int)s.dyn_min[i];
	}
	s.dyn_base = form_int(r, ST_BASE);
	s.dyn_max = form_int(r, ST_MAX);
	s.publicity_days = form_int(r, ST_DAYS);
	s.red_price = (char *)r->f[ST_RED];
	s.black_price = (char *)r->f[ST_BLACK];
	if (!grade_thresholds_valid(&a))
		page_field_fail(r, ST_A0, "Env.err.thresholds");
	if (!grade_thresholds_valid(&d))
		page_field_fail(r, ST_D0, "Env.err.thresholds");
	if (s.dyn_base > s.dyn_max)
		page_field_fail(r, ST_BASE, "Env.err.base");
	if (!price_ok(s.red_price))
		page_field_fail(r, ST_RED, "Env.err.price");
	if (!price_ok(s.black_price))
		page_field_fail(r, ST_BLACK, "Env.err.price");
	if (r->form_invalid)
		return admin_page(r, 422);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = env_settings_update(&r->arena, &s, r->user.id);
	if (rc > 0)
		rc = page_audit(r, 0, "env_scheme", arena_printf(&r->arena,
		    "grade scheme: annual %lld/%lld/%lld/%lld, dynamic %lld/%lld/%lld/%lld base %lld max %lld, "
		    "publicity %lld days, prices %s/%s", s.annual_min[0], s.annual_min[1], s.annual_min[2],
		    s.annual_min[3], s.dyn_min[0], s.dyn_min[1], s.dyn_min[2], s.dyn_min[3], s.dyn_base,
		    s.dyn_max, s.publicity_days, s.red_price, s.black_price));
	return page_finish(r, rc, "/admin/env");
}

int
admin_env_item_post(struct req *r)
{
	struct env_item x;
	int kind = ENV_INDICATOR, rc;

	if (!r->form_invalid) {
		kind = strcmp(r->f[IT_KIND], "veto") == 0 ? ENV_VETO :
		    strcmp(r->f[IT_KIND], "type") == 0 ? ENV_TYPE : ENV_INDICATOR;
		if (kind == ENV_VETO && r->f[IT_GRADE] == NULL)
			page_field_fail(r, IT_GRADE, "Err.field.required");
		if (kind != ENV_VETO && r->f[IT_POINTS] == NULL)
			page_field_fail(r, IT_POINTS, "Err.field.required");
		if (kind == ENV_INDICATOR && r->f[IT_POINTS] != NULL && form_int(r, IT_POINTS) < 1)
			page_field_fail(r, IT_POINTS, "Err.field.range");
		if (kind == ENV_TYPE && r->f[IT_POINTS] != NULL && (form_int(r, IT_POINTS) == 0 ||
		    form_int(r, IT_POINTS) > 3))
			page_field_fail(r, IT_POINTS, "Env.err.type_points");
		if (kind == ENV_TYPE && r->f[IT_MONTHS] == NULL)
			page_field_fail(r, IT_MONTHS, "Err.field.required");
	}
	if (r->form_invalid)
		return admin_page(r, 422);
	memset(&x, 0, sizeof(x));
	x.code = (char *)r->f[IT_CODE];
	x.name_zh = (char *)r->f[IT_ZH];
	x.name_en = (char *)r->f[IT_EN];
	x.points = r->f[IT_POINTS] ? form_int(r, IT_POINTS) : 0;
	x.months = r->f[IT_MONTHS] ? form_int(r, IT_MONTHS) : 0;
	x.grade = (char *)r->f[IT_GRADE];
	x.active = strcmp(r->f[IT_ACTIVE], "1") == 0;
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = env_item_upsert(&r->arena, kind, &x);
	if (rc > 0)
		rc = page_audit(r, 0, "env_scheme", arena_printf(&r->arena, "%s %s set: %s / %s, points %lld, "
		    "months %lld, grade %s, active %lld", r->f[IT_KIND], x.code, x.name_zh, x.name_en,
		    x.points, x.months, x.grade ? x.grade : "-", x.active));
	return page_finish(r, rc, "/admin/env");
}
