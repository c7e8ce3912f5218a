/* entity.c — search and the subject profile /entity/{USCC}: registration
 * data and the credit file, shown to each viewer exactly as the law allows
 * (Art. 17, 35): the public sees public records, the enterprise its whole
 * file, staff everything, a third party non-public records only under a
 * valid written authorisation. Every profile view is audited. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "core/db.h"
#include "core/shared.h"
#include "core/view.h"
#include "rules/grams.h"
#include "rules/requests.h"
#include "rules/grades.h"
#include "rules/uscc.h"
#include "rules/window.h"
#include "store/audit.h"
#include "store/env.h"
#include "store/records.h"
#include "store/subjects.h"

#define SEARCH_PER_PAGE 20
#define PROFILE_MAX_RECORDS 200
#define PROFILE_MAX_SERIOUS 20
#define PROFILE_MAX_COMMITMENTS 20
#define PROFILE_MAX_VIEWS 50
#define SEARCH_MAX_YEARS 50
#define SEARCH_MAX_DISTRICTS 100


/* grade, year and district narrow a search, or list without a name. */
enum { SQ_Q, SQ_PAGE, SQ_GRADE, SQ_YEAR, SQ_DISTRICT, SQ_N };
static const struct field search_fields[SQ_N] = {
	[SQ_Q]        = { "q", FT_TEXT, FF_TRIM, 1, 50, NULL },
	[SQ_PAGE]     = { "page", FT_INT, 0, 1, 50, NULL },
	[SQ_GRADE]    = { "grade", FT_ENUM, 0, 0, 0, grade_codes },
	[SQ_YEAR]     = { "year", FT_INT, FF_TRIM, 2000, 2100, NULL },
	[SQ_DISTRICT] = { "district", FT_TEXT, FF_TRIM, 1, 50, NULL },
};
const struct form search_form = { search_fields, SQ_N };

static void
set_subject(struct req *r, const char *prefix, const struct subject *s)
{
	char name[96];

#define SETF(field, val) do { snprintf(name, sizeof(name), "%s.%s", prefix, field); \
	view_set(r, name, val); } while (0)
	snprintf(name, sizeof(name), "%s.id", prefix);
	view_set_int(r, name, s->id);
	SETF("uscc", s->uscc);
	SETF("name", s->name);
	SETF("kind", s->kind);
	SETF("legal_rep", s->legal_rep);
	SETF("address", s->address);
	SETF("district", s->district);
	SETF("industry", s->industry);
	SETF("established", s->established);
	SETF("reg_status", s->reg_status);
	SETF("serious", s->serious ? "1" : NULL);
	SETF("override", s->uscc_override ? "1" : NULL);
#undef SETF
}

/* The filter choices: years of published rounds, registered districts.
 * Each worker keeps a copy (two statements, one of them prepared afresh
 * each time, saved on every search) and reloads it when a commit on this
 * server changed them or after SHARED_MAX_AGE seconds (core/shared.h). */
#define DISTRICT_BYTES (50 * 4 + 1)   /* subjects.district: VARCHAR(50) */
static struct {
	struct shared_copy copy;
	int           nyears, ndistricts;
	long long     years[SEARCH_MAX_YEARS];
	char          districts[SEARCH_MAX_DISTRICTS][DISTRICT_BYTES];
} choices;

static int
choices_load(struct req *r)
{
	char *d[SEARCH_MAX_DISTRICTS];
	int n, i;

	if (shared_copy_fresh(&choices.copy, SG_CHOICES))
		return 1;
	shared_copy_begin(&choices.copy, SG_CHOICES);
	if ((n = env_round_years(&r->arena, 0, 1, choices.years, SEARCH_MAX_YEARS)) < 0)
		return n;
	choices.nyears = n;
	if ((n = subjects_districts(&r->arena, d, SEARCH_MAX_DISTRICTS)) < 0)
		return n;
	for (i = 0; i < n; i++)
		snprintf(choices.districts[i], DISTRICT_BYTES, "%s", d[i]);
	choices.ndistricts = n;
	shared_copy_done(&choices.copy);
	return 1;
}

static int
search_choices(struct req *r)
{
	char name[32];
	int i, rc;

	view_set(r, "Search.filters_ui", "1");
	page_set_list(r, "Search.grades", grade_codes);
	if ((rc = choices_load(r)) < 0)
		return rc;
	for (i = 0; i < choices.nyears; i++) {
		snprintf(name, sizeof(name), "Search.years.%d", i);
		view_set_int(r, name, choices.years[i]);
	}
	for (i = 0; i < choices.ndistricts; i++) {
		snprintf(name, sizeof(name), "Search.districts.%d", i);
		view_set(r, name, choices.districts[i]);
	}
	return 1;
}

/* "&grade=red&year=2025&district=..." for the pager links. */
static const char *
filter_query(struct req *r, const struct subject_filter *f)
{
	return arena_printf(&r->arena, "%s%s%s%s%s",
	    f->grade ? "&grade=" : "", f->grade ? f->grade : "",
	    f->year ? arena_printf(&r->arena, "&year=%lld", f->year) : "",
	    f->district ? "&district=" : "", f->district ? req_urlencode(r, f->district) : "");
}

int
search_get(struct req *r)
{
	struct subject rows[SEARCH_PER_PAGE], one;
	struct subject_filter flt;
	char norm[USCC_LEN + 1], want, name[32];
	long long page = 1, total = 0;
	const char *q = r->f[SQ_Q];
	int n = 0, i, pos, rc, filtered;

	view_set(r, "Page.title", view_str(r, "Search.title"));
	view_set(r, "Page.nav", "home");
	r->tmpl = "search.cs";
	form_to_hdf(r);
	if ((rc = search_choices(r)) < 0)
		return req_dberr(r, rc);
	if (r->form_invalid)
		return r->status = 422;
	memset(&flt, 0, sizeof(flt));
	flt.grade = r->f[SQ_GRADE];
	flt.district = r->f[SQ_DISTRICT];
	flt.year = r->f[SQ_YEAR] != NULL ? form_int(r, SQ_YEAR) : 0;
	filtered = flt.grade != NULL || flt.year > 0 || flt.district != NULL;
	if (q == NULL && !filtered)
		return 200;
	if (r->f[SQ_PAGE] != NULL)
		page = form_int(r, SQ_PAGE);
	/* Something shaped like a USCC is looked up exactly. */
	rc = q != NULL ? uscc_normalize(q, strlen(q), norm, &pos, &want) : USCC_EMPTY;
	if (rc == USCC_OK || rc == USCC_CHECK) {
		rc = filtered ? subjects_by_uscc_filtered(&r->arena, norm, &flt, &one) :
		    subjects_by_uscc(&r->arena, norm, &one);
		if (rc < 0)
			return req_dberr(r, rc);
		if (rc > 0) {
			rows[0] = one;
			n = 1;
			total = 1;
		}
	} else if (q != NULL) {
		n = subjects_search(&r->arena, q, &flt, (page - 1) * SEARCH_PER_PAGE, SEARCH_PER_PAGE,
		    rows, &total);
		if (n < 0)
			return req_dberr(r, n);
	} else {
		/* No name: everything the filters select, a page at a time. */
		n = subjects_filter(&r->arena, &flt, (page - 1) * SEARCH_PER_PAGE, SEARCH_PER_PAGE,
		    rows, &total);
		if (n < 0)
			return req_dberr(r, n);
	}
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Results.%d", i);
		set_subject(r, name, &rows[i]);
	}
	/* Environmental grade badges: at most two queries for the whole page,
	 * none when no subject on it has grades (subject_parts). */
	{
		long long ids[SEARCH_PER_PAGE];

		for (i = 0; i < n; i++)
			ids[i] = rows[i].env ? rows[i].id : 0;
		if ((rc = env_search_badges(r, ids, n)) < 0)
			return req_dberr(r, rc);
	}
	view_set(r, "Search.done", "1");
	view_set(r, "Search.q", q);
	if (filtered)
		view_set(r, "Search.filtered", "1");
	view_set_int(r, "Search.shown", n);
	view_set_int(r, "Search.total", total > SEARCH_COUNT_CAP ? SEARCH_COUNT_CAP : total);
	if (total > SEARCH_COUNT_CAP)
		view_set(r, "Search.more", "1");
	view_set_int(r, "Pager.page", page);
	if (page > 1)
		view_set_int(r, "Pager.prev", page - 1);
	if (page * SEARCH_PER_PAGE < total && page < 50)
		view_set_int(r, "Pager.next", page + 1);
	view_set(r, "Pager.q", q != NULL ? req_urlencode(r, q) : "");
	view_set(r, "Pager.filters", filter_query(r, &flt));
	return 200;
}

/* The scope of records this viewer may see of subject s. */
static int
viewer_scope(struct req *r, const struct subject *s, const char *today, struct record_scope *sc)
{
	int rc;

	sc->non_public = 0;
	sc->repaired = 0;
	switch (r->user.role) {
	case ROLE_STAFF:
	case ROLE_ADMIN:
		sc->non_public = sc->repaired = 1;
		view_set(r, "Profile.scope", "staff");
		return 0;
	case ROLE_ENTERPRISE:
		if (r->user.subject_id == s->id) {
			sc->non_public = sc->repaired = 1;
			view_set(r, "Profile.scope", "self");
			return 0;
		}
		break;
	default:
		break;
	}
	if (r->user.role != ROLE_ANON) {
		rc = authorization_valid(&r->arena, r->user.id, s->id, today);
		if (rc < 0)
			return rc;
		if (rc > 0) {
			sc->non_public = 1;
			view_set(r, "Profile.scope", "authorized");
			return 0;
		}
	}
	view_set(r, "Profile.scope", "public");
	return 0;
}

static void
set_records(struct req *r, const struct record *rec, int n)
{
	char name[64];
	int i, dis = 0, keep = 0;

	for (i = 0; i < n; i++) {
		const struct record *x = &rec[i];
		int keepfaith = strcmp(x->kind, "keep_faith") == 0;
		const char *list = keepfaith ? "KeepFaith" : "Records";
		int k = keepfaith ? keep++ : dis++;

#define SETR(f, v) do { snprintf(name, sizeof(name), "%s.%d.%s", list, k, f); view_set(r, name, v); } while (0)
		snprintf(name, sizeof(name), "%s.%d.id", list, k);
		view_set_int(r, name, x->id);
		SETR("item", strcmp(r->lang, "en") == 0 ? x->item_en : x->item_zh);
		SETR("category", x->category);
		SETR("agency", x->agency);
		SETR("doc_no", x->doc_no);
		SETR("decided_on", x->decided_on);
		SETR("ended_on", x->ended_on);
		SETR("summary", x->summary);
		SETR("status", x->status);
		SETR("non_public", x->is_public ? NULL : "1");
		SETR("objection", x->objection_flag ? "1" : NULL);
		/* Whether repair is possible yet, and from which day (Art. 38). */
		if (!keepfaith && strcmp(x->status, "active") == 0) {
			struct ymd dec, from, today;
			char from_s[11];

			if (!x->repairable)
				SETR("not_repairable", "1");
			else if (ymd_parse(x->decided_on, &dec) == 0 &&
			    repair_accept_from(&dec, (long)x->min_public_days, &from) == 0) {
				ymd_today(&today);
				if (ymd_cmp(&today, &from) < 0) {
					ymd_format(&from, from_s);
					SETR("repair_from", from_s);
				}
			}
		}
#undef SETR
	}
	view_set_int(r, "Profile.n_records", dis);
	view_set_int(r, "Profile.n_keepfaith", keep);
}

int
entity_get(struct req *r)
{
	struct record *rec;
	struct serious_entry ser[PROFILE_MAX_SERIOUS];
	struct commitment com[PROFILE_MAX_COMMITMENTS];
	struct audit_view views[PROFILE_MAX_VIEWS];
	struct record_scope sc;
	struct subject s;
	struct subject_parts parts;
	struct ymd today, cut;
	char norm[USCC_LEN + 1], want, today_s[11], cut_s[11], name[64];
	struct audit_event ev;
	int rc, n, i, pos, err, self;

	err = uscc_normalize(r->pathargs[0], strlen(r->pathargs[0]), norm, &pos, &want);
	if (err != USCC_OK && err != USCC_CHECK) {
		view_set_int(r, "Page.detail", pos);
		return req_error(r, 404, uscc_errkey(err));
	}
	ymd_today(&today);
	window_cutoff(&today, cfg.window_years, &cut);
	ymd_format(&today, today_s);
	ymd_format(&cut, cut_s);
	if ((rec = arena_alloc_raw(&r->arena, sizeof(*rec) * PROFILE_MAX_RECORDS)) == NULL)
		return req_error(r, 500, "Err.internal");
	/* A code failing its check character may still be an early pilot code
	 * that staff registered on purpose: look it up before complaining. An
	 * anonymous visitor's page (most of the traffic) is one statement. */
	if (r->user.role == ROLE_ANON)
		rc = records_public_profile(&r->arena, norm, cut_s, &s, &parts, rec,
		    PROFILE_MAX_RECORDS, &n);
	else
		rc = subjects_profile_by_uscc(&r->arena, norm, &s, &parts);
	if (rc < 0)
		return req_dberr(r, rc);
	if (rc == 0) {
		if (err == USCC_CHECK) {
			view_setf(r, "Page.detail", "%c", want);
			return req_error(r, 404, "Err.uscc.check_notfound");
		}
		return req_error(r, 404, "Err.subject.notfound");
	}
	self = r->user.role == ROLE_ENTERPRISE && r->user.subject_id == s.id;
	sc.cutoff = cut_s;
	if ((rc = viewer_scope(r, &s, today_s, &sc)) < 0)
		return req_dberr(r, rc);
	if (r->user.role != ROLE_ANON &&
	    (n = records_for_subject(&r->arena, s.id, &sc, rec, PROFILE_MAX_RECORDS)) < 0)
		return req_dberr(r, n);
	set_records(r, rec, n);
	/* The optional parts are read only when the subject has any rows
	 * there (subject_parts), for every viewer: a part without rows has
	 * nothing to show, not even to the enterprise itself (no grade, no
	 * breakdown, no history, nothing to object to). A typical enterprise's
	 * own file is then 5 statements instead of 15. */
	n = 0;
	if (s.serious && (n = serious_for_subject(&r->arena, s.id, ser, PROFILE_MAX_SERIOUS)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
#define SETS(f, v) do { snprintf(name, sizeof(name), "Serious.%d.%s", i, f); view_set(r, name, v); } while (0)
		snprintf(name, sizeof(name), "Serious.%d.id", i);
		view_set_int(r, name, ser[i].id);
		SETS("agency", ser[i].agency);
		SETS("doc_no", ser[i].doc_no);
		SETS("reason", ser[i].reason);
		SETS("removal_conditions", ser[i].removal_conditions);
		SETS("remedy", ser[i].remedy);
		SETS("responsible_persons", ser[i].responsible_persons);
		SETS("included_on", ser[i].included_on);
#undef SETS
	}
	/* Association ratings (Art. 27): the current ones are public market
	 * information; the whole history is the enterprise's own. */
	if (parts.ratings && (rc = assoc_profile_ratings(r, s.id, self)) < 0)
		return req_dberr(r, rc);
	/* Environmental credit grade (issue 4): current grade and reasons for
	 * all; breakdown and history for the enterprise itself. */
	if (s.env && (rc = env_profile_grades(r, s.id, self)) < 0)
		return req_dberr(r, rc);
	n = 0;
	if (parts.commitments &&
	    (n = commitments_for_subject(&r->arena, s.id, com, PROFILE_MAX_COMMITMENTS)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
#define SETC(f, v) do { snprintf(name, sizeof(name), "Commitments.%d.%s", i, f); view_set(r, name, v); } while (0)
		SETC("kind", com[i].kind);
		SETC("title", com[i].title);
		SETC("body", com[i].body);
		SETC("published_on", com[i].published_on);
#undef SETC
	}
	/* Art. 34: the subject sees who used its information. */
	if (self) {
		if ((n = audit_views_of(&r->arena, s.id, views, PROFILE_MAX_VIEWS)) < 0)
			return req_dberr(r, n);
		for (i = 0; i < n; i++) {
#define SETV(f, v) do { snprintf(name, sizeof(name), "Views.%d.%s", i, f); view_set(r, name, v); } while (0)
			SETV("at", views[i].at);
			SETV("role", views[i].actor_role);
			SETV("who", views[i].actor_name);
			snprintf(name, sizeof(name), "Views.%d.n", i);
			view_set_int(r, name, views[i].n);
#undef SETV
		}
	}
	memset(&ev, 0, sizeof(ev));
	ev.actor_id = r->user.id;
	ev.actor_role = role_names[r->user.role];
	ev.subject_id = s.id;
	ev.action = "view";
	ev.addr = r->remote_addr;
	/* Queued and written by this worker's flusher within
	 * CREDIT_AUDIT_FLUSH_MS (audit.h): a synchronous, fsync'd insert per
	 * view would bound the whole site by the disk. */
	if ((rc = audit_view(&r->arena, &ev)) < 0)
		return req_dberr(r, rc);
	set_subject(r, "Subject", &s);
	view_set(r, "Profile.cutoff", cut_s);
	view_set_int(r, "Profile.window_years", cfg.window_years);
	view_set(r, "Page.title", s.name);
	view_set(r, "Page.nav", "home");
	r->tmpl = "entity.cs";
	if (r->user.role != ROLE_ANON)
		r->no_store = 1;
	return 200;
}
