/* env_objection.c — objections (异议, Art. 36) against an environmental
 * grade: from its own breakdown an enterprise objects to its grade in an
 * annual round (once the round has left the draft) or to a dynamic-scoring
 * event. The objection joins the credit office's queue with the same
 * deadlines (objection.c); a "correct" decision corrects the grade in the
 * same transaction (a round grade set to the grade decided, an event
 * voided), the earlier state kept in the history with the reason and the
 * objection's number. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/env_int.h"
#include "pages/reqview.h"
#include "rules/requests.h"
#include "store/calendar.h"
#include "store/requests.h"

#define CHOOSE_MAX 50

enum { EQ_ENTRY, EQ_EVENT, EQ_N };
static const struct field env_objection_query_fields[EQ_N] = {
	[EQ_ENTRY] = { "entry", FT_INT, 0, 1, 9007199254740991LL, NULL },
	[EQ_EVENT] = { "event", FT_INT, 0, 1, 9007199254740991LL, NULL },
};
const struct form env_objection_query_form = { env_objection_query_fields, EQ_N };

enum { EO_ENTRY, EO_EVENT, EO_STATEMENT, EO_DOCUMENT, EO_N };
static const struct field env_objection_fields[EO_N] = {
	[EO_ENTRY]     = { "entry", FT_INT, 0, 1, 9007199254740991LL, NULL },
	[EO_EVENT]     = { "event", FT_INT, 0, 1, 9007199254740991LL, NULL },
	[EO_STATEMENT] = { "statement", FT_MULTILINE, FF_REQUIRED | FF_TRIM, 2, 2000, NULL },
	[EO_DOCUMENT]  = { "document", FT_FILE, FF_MULTI, 0, 0, NULL },
};
const struct form env_objection_form = { env_objection_fields, EO_N };

static const struct upspec env_objection_files[] = {
	{ "document", "document", EO_DOCUMENT, 0 },
};

/* The target of an objection, as the enterprise and staff see it. */
struct target {
	struct env_entry e;
	struct env_event v;
	int              is_entry;
};

/* Loads entry or event id; > 0 when it exists and is open to an objection
 * by subject_id (0 = anyone, for staff): a round entry out of the draft, an
 * event that still counts. 0 otherwise, < 0 on error. */
static int
target_load(struct req *r, long long entry, long long event, long long subject_id, struct target *t)
{
	int rc;

	memset(t, 0, sizeof(*t));
	if (entry > 0) {
		t->is_entry = 1;
		if ((rc = env_entry_get(&r->arena, entry, &t->e)) <= 0)
			return rc;
		if (subject_id > 0 && (t->e.subject_id != subject_id ||
		    strcmp(t->e.round_status, "draft") == 0))
			return 0;
		return 1;
	}
	if ((rc = env_event_get(&r->arena, event, &t->v)) <= 0)
		return rc;
	if (subject_id > 0 && (t->v.subject_id != subject_id || t->v.void_action != NULL))
		return 0;
	return 1;
}

/* prefix.{kind,entry,round_id,year,scope,grade,score,veto,...} or the
 * event's {event,type,points,decided_on,until_on,doc_no,void}. */
static void
target_set(struct req *r, const char *prefix, const struct target *t)
{
	char name[64];

	if (t->is_entry) {
		snprintf(name, sizeof(name), "%s.kind", prefix);
		view_set(r, name, "entry");
		env_set_entry(r, prefix, &t->e);
		return;
	}
#define SETT(f, val) do { snprintf(name, sizeof(name), "%s.%s", prefix, f); view_set(r, name, val); } while (0)
	SETT("kind", "event");
	snprintf(name, sizeof(name), "%s.event", prefix);
	view_set_int(r, name, t->v.id);
	SETT("type", env_lname(r, t->v.name_zh, t->v.name_en));
	snprintf(name, sizeof(name), "%s.points", prefix);
	view_setf(r, name, "%+lld", t->v.points);
	SETT("decided_on", t->v.decided_on);
	SETT("until_on", t->v.until_on);
	SETT("doc_no", t->v.doc_no);
	SETT("void", t->v.void_action);
#undef SETT
}

/* The enterprise's grades it may object to: round entries out of the
 * draft, events that still count. */
static int
set_choices(struct req *r)
{
	struct env_entry e[CHOOSE_MAX];
	struct env_event v[CHOOSE_MAX];
	char name[48];
	int n, i, k = 0;

	if ((n = env_entries_of_subject(&r->arena, r->user.subject_id, 1, e, CHOOSE_MAX)) < 0)
		return n;
	for (i = 0; i < n; i++) {
		if (strcmp(e[i].round_status, "draft") == 0)
			continue;
		snprintf(name, sizeof(name), "EnvChoose.entries.%d", k++);
		env_set_entry(r, name, &e[i]);
	}
	if ((n = env_events_of(&r->arena, r->user.subject_id, v, CHOOSE_MAX)) < 0)
		return n;
	for (i = 0; i < n; i++) {
		struct target t;

		memset(&t, 0, sizeof(t));
		t.v = v[i];
		snprintf(name, sizeof(name), "EnvChoose.events.%d", i);
		target_set(r, name, &t);
	}
	return 1;
}

static int
form_page(struct req *r, int status, const struct target *t)
{
	if (t != NULL)
		target_set(r, "Target", t);
	return page_form(r, view_str(r, "EnvObj.title"), "requests", "env_objection.cs", status);
}

int
env_objection_new_get(struct req *r)
{
	struct target t;
	long long entry, event;
	int rc;

	if (r->form_invalid || (r->f[EQ_ENTRY] != NULL && r->f[EQ_EVENT] != NULL))
		return req_error(r, 404, "Err.notfound");
	entry = r->f[EQ_ENTRY] != NULL ? form_int(r, EQ_ENTRY) : 0;
	event = r->f[EQ_EVENT] != NULL ? form_int(r, EQ_EVENT) : 0;
	if (entry == 0 && event == 0) {
		/* Nothing named: the enterprise's grades to pick from. */
		if ((rc = set_choices(r)) < 0)
			return req_dberr(r, rc);
		return form_page(r, 200, NULL);
	}
	/* Only its own grades: anything else is not found. */
	if ((rc = target_load(r, entry, event, r->user.subject_id, &t)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	return form_page(r, 200, &t);
}

int
env_objection_post(struct req *r)
{
	struct upfile files[REQ_MAX_FILES];
	struct objection_in in;
	struct target t;
	long long id, entry, event;
	int nf, rc;

	entry = r->f[EO_ENTRY] != NULL && r->ferr[EO_ENTRY] == NULL ? form_int(r, EO_ENTRY) : 0;
	event = r->f[EO_EVENT] != NULL && r->ferr[EO_EVENT] == NULL ? form_int(r, EO_EVENT) : 0;
	/* Exactly one grade: a round entry or an event. */
	if ((entry > 0) == (event > 0))
		return req_error(r, 404, "Err.notfound");
	/* Another enterprise's grade (or one not open to objection) is refused
	 * before anything is read from the body. */
	if ((rc = target_load(r, entry, event, r->user.subject_id, &t)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "EnvObj.err.not_yours");
	nf = reqview_take_files(r, env_objection_files, 1, files, REQ_MAX_FILES);
	if (nf < 0)
		return req_error(r, 500, "Err.internal");
	if (r->form_invalid)
		return form_page(r, 422, &t);
	if (reqview_objection_filing(r, r->f[EO_STATEMENT], &in) != 0)
		return r->status;
	in.env_entry_id = entry;
	in.env_event_id = event;
	if (reqview_store_files(r, files, nf) != 0)
		return r->status;
	if ((rc = db_begin()) < 0) {
		reqview_discard_files(r, files, nf);
		return req_dberr(r, rc);
	}
	/* The statement checks again that the grade is this enterprise's. */
	id = objection_env_insert(&r->arena, &in);
	if (id == DB_DUP || id == 0) {
		db_rollback();
		reqview_discard_files(r, files, nf);
		if (id == 0)
			return req_error(r, 403, "EnvObj.err.not_yours");
		view_set(r, "EnvObj.refused", view_str(r, "Objection.err.open"));
		return form_page(r, 409, &t);
	}
	return reqview_filed(r, "objection", id, in.subject_id, files, nf, "objection",
	    arena_printf(&r->arena, "objection #%lld to environmental %s #%lld with %d file(s)", id,
	    entry > 0 ? "grade (round entry)" : "event", entry > 0 ? entry : event, nf));
}

/* ---- staff: the objection's page and its decision ---- */

int
env_objection_describe(struct req *r, const struct request_row *x)
{
	struct target t;
	int rc;

	if ((rc = target_load(r, x->env_entry_id, x->env_event_id, 0, &t)) < 0)
		return rc;
	if (rc > 0)
		target_set(r, "Req.env", &t);
	page_set_list(r, "Grades", grade_codes);
	return 1;
}

int
env_objection_check(struct req *r, const struct request_row *x, const char *decision,
    const char *grade, int grade_field)
{
	struct target t;
	int rc;

	if (decision == NULL || strcmp(decision, "correct") != 0 || x->env_entry_id <= 0)
		return 1;
	/* The decision names the grade the entry gets. */
	if (grade == NULL) {
		page_field_fail(r, grade_field, "EnvObj.err.grade");
		return 0;
	}
	if ((rc = target_load(r, x->env_entry_id, 0, 0, &t)) <= 0)
		return rc;
	if (strcmp(t.e.grade, grade) == 0) {
		page_field_fail(r, grade_field, "Env.err.same_grade");
		return 0;
	}
	return 1;
}

int
env_objection_apply(struct req *r, const struct request_row *x, const char *grade,
    const char *reason)
{
	int rc, g;

	if (x->env_entry_id > 0) {
		if (grade == NULL || (g = grade_from_code(grade)) < 0)
			return 0;
		return env_entry_correct(r, x->env_entry_id, x->subject_id, g, 0, 0, reason, x->id);
	}
	/* The event was wrong: it stops counting (already voided: nothing left
	 * to correct). */
	rc = env_event_voided(r, x->env_event_id, x->subject_id, reason, x->id);
	return rc == DB_DUP ? 1 : rc;
}
