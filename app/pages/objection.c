/* objection.c — objections (异议, Art. 36): the subject objects to one of its
 * records; staff mark it (异议标注, shown to everyone) within 1 working day,
 * then decide within 5, or forward it to the providing agency within 2 and
 * enter the agency's decision within 5 working days of forwarding. The
 * applicant may send a reminder (催办) once a deadline has passed. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/reqview.h"
#include "rules/requests.h"
#include "rules/window.h"
#include "store/calendar.h"
#include "store/requests.h"


static const char *const obj_statuses[] = {
	"submitted", "marked", "forwarded", "decided", "closed", NULL
};
static const char *const due_choices[] = { "overdue", "week", NULL };
static const char *const decisions[] = { "correct", "do_not_correct", NULL };

enum { ON_RECORD };
static const struct field objection_query_fields[] = {
	[ON_RECORD] = { "record", FT_INT, 0, 1, 9007199254740991LL, NULL },
};
const struct form objection_query_form = { objection_query_fields, 1 };

enum { OF_RECORD, OF_STATEMENT, OF_DOCUMENT, OF_N };
static const struct field objection_fields[OF_N] = {
	[OF_RECORD]    = { "record", FT_INT, FF_REQUIRED, 1, 9007199254740991LL, NULL },
	[OF_STATEMENT] = { "statement", FT_MULTILINE, FF_REQUIRED | FF_TRIM, 2, 2000, NULL },
	[OF_DOCUMENT]  = { "document", FT_FILE, FF_MULTI, 0, 0, NULL },
};
const struct form objection_form = { objection_fields, OF_N };

static const struct upspec objection_files[] = {
	{ "document", "document", OF_DOCUMENT, 0 },
};

enum { QF_STATUS, QF_DUE };
static const struct field queue_fields[] = {
	[QF_STATUS] = { "status", FT_ENUM, 0, 0, 0, obj_statuses },
	[QF_DUE]    = { "due", FT_ENUM, 0, 0, 0, due_choices },
};
const struct form objection_queue_form = { queue_fields, 2 };

enum { FF_AGENCY };
static const struct field forward_fields[] = {
	[FF_AGENCY] = { "agency", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
};
const struct form objection_forward_form = { forward_fields, 1 };

/* grade: the corrected environmental grade, when an objection to a round
 * grade is decided "correct" (env_objection.c). */
static const char *const grades[] = { "green", "blue", "yellow", "red", "black", NULL };
/* summary, ended_on, is_public: the corrected record, when an objection to
 * a credit record is decided "correct" (prefilled with the record as it is). */
static const char *const public_choices[] = { "1", "0", NULL };
enum { DF_DECISION, DF_REASON, DF_GRADE, DF_SUMMARY, DF_ENDED, DF_PUBLIC, DF_N };
static const struct field decide_fields[DF_N] = {
	[DF_DECISION] = { "decision", FT_ENUM, FF_REQUIRED, 0, 0, decisions },
	[DF_REASON]   = { "reason", FT_MULTILINE, FF_REQUIRED | FF_TRIM, 2, 1000, NULL },
	[DF_GRADE]    = { "grade", FT_ENUM, 0, 0, 0, grades },
	[DF_SUMMARY]  = { "summary", FT_MULTILINE, FF_TRIM, 2, 1000, NULL },
	[DF_ENDED]    = { "ended_on", FT_DATE, 0, 0, 0, NULL },
	[DF_PUBLIC]   = { "is_public", FT_ENUM, 0, 0, 0, public_choices },
};
const struct form objection_decide_form = { decide_fields, DF_N };

/* What a "correct" decision changes in the credit record. */
struct correction {
	const char *summary, *ended_on;
	int         is_public;          /* -1: unchanged */
	const char *changed;            /* "summary, ended_on" for the history */
};

static int
differs(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") != 0;
}

/*
 * A "correct" decision on a credit record must change it: the fields that
 * differ from the record as it is become the correction. Marks the form
 * when nothing differs or the dates do not fit. Returns 1, 0 (record gone:
 * nothing to check, the statement finds it) or the error.
 */
static int
correction_check(struct req *r, const struct request_row *x, struct correction *c)
{
	struct record_facts f;
	const char *names[3];
	int rc, n = 0;

	memset(c, 0, sizeof(*c));
	c->is_public = -1;
	if (r->form_invalid || x->env_entry_id > 0 || x->env_event_id > 0 || x->doc_no == NULL ||
	    strcmp(r->f[DF_DECISION], "correct") != 0)
		return 1;
	if ((rc = request_record_facts(&r->arena, x->record_id, &f)) <= 0)
		return rc;
	if (r->f[DF_SUMMARY] != NULL && differs(r->f[DF_SUMMARY], f.summary)) {
		c->summary = r->f[DF_SUMMARY];
		names[n++] = "summary";
	}
	if (r->f[DF_ENDED] != NULL && differs(r->f[DF_ENDED], f.ended_on)) {
		if (strcmp(r->f[DF_ENDED], f.decided_on) < 0) {
			page_field_fail(r, DF_ENDED, "Err.record.ended_before");
			return 1;
		}
		c->ended_on = r->f[DF_ENDED];
		names[n++] = "ended_on";
	}
	if (r->f[DF_PUBLIC] != NULL && (r->f[DF_PUBLIC][0] == '1') != (f.is_public != 0)) {
		c->is_public = r->f[DF_PUBLIC][0] == '1';
		names[n++] = "is_public";
	}
	if (n == 0) {
		page_field_fail(r, DF_SUMMARY, "Objection.err.correction");
		return 1;
	}
	c->changed = arena_printf(&r->arena, "%s%s%s%s%s", names[0], n > 1 ? ", " : "",
	    n > 1 ? names[1] : "", n > 2 ? ", " : "", n > 2 ? names[2] : "");
	return 1;
}

/* The decide form starts from the record as it is. */
static int
correction_prefill(struct req *r, const struct request_row *x)
{
	struct record_facts f;
	int rc;

	if (x->env_entry_id > 0 || x->env_event_id > 0 || x->doc_no == NULL ||
	    r->f[DF_DECISION] != NULL)
		return 1;
	if ((rc = request_record_facts(&r->arena, x->record_id, &f)) <= 0)
		return rc;
	view_set(r, "Form.summary.value", f.summary);
	view_set(r, "Form.ended_on.value", f.ended_on);
	view_set(r, "Form.is_public.value", f.is_public ? "1" : "0");
	return 1;
}

static int
objection_page(struct req *r, int status, long long record_id)
{
	struct record_facts f;
	int rc;

	view_set(r, "Page.title", view_str(r, "Objection.new_title"));
	view_set(r, "Page.nav", "requests");
	r->tmpl = "objection_new.cs";
	r->no_store = 1;
	form_to_hdf(r);
	rc = request_record_facts(&r->arena, record_id, &f);
	if (rc < 0)
		return req_dberr(r, rc);
	if (rc == 0 || f.subject_id != r->user.subject_id)
		return req_error(r, 404, "Err.notfound");
	view_set_int(r, "Record.id", f.id);
	view_set(r, "Record.item", strcmp(r->lang, "en") == 0 ? f.item_en : f.item_zh);
	view_set(r, "Record.doc_no", f.doc_no);
	view_set(r, "Record.agency", f.agency);
	view_set(r, "Record.decided_on", f.decided_on);
	return r->status = status;
}

int
objection_new_get(struct req *r)
{
	if (r->form_invalid)
		return req_error(r, 404, "Err.notfound");
	if (r->f[ON_RECORD] != NULL)
		return objection_page(r, 200, form_int(r, ON_RECORD));
	return reqview_pick_page(r, "Objection.new_title", "objection_new.cs");
}

int
objection_post(struct req *r)
{
	struct upfile files[REQ_MAX_FILES];
	struct record_facts f;
	struct objection_in in;
	long long id;
	int nf, rc;

	if (r->f[OF_RECORD] == NULL)
		return req_error(r, 404, "Err.notfound");
	rc = request_record_facts(&r->arena, form_int(r, OF_RECORD), &f);
	if (rc < 0)
		return req_dberr(r, rc);
	if (rc == 0 || f.subject_id != r->user.subject_id)
		return req_error(r, 403, "Repair.err.not_yours");
	nf = reqview_take_files(r, objection_files, 1, files, REQ_MAX_FILES);
	if (nf < 0)
		return req_error(r, 500, "Err.internal");
	if (r->form_invalid)
		return objection_page(r, 422, f.id);
	if (reqview_objection_filing(r, r->f[OF_STATEMENT], &in) != 0)
		return r->status;
	in.record_id = f.id;
	if ((rc = reqview_store_files(r, files, nf)) != 0)
		return rc;
	if ((rc = db_begin()) < 0) {
		reqview_discard_files(r, files, nf);
		return req_dberr(r, rc);
	}
	id = objection_insert(&r->arena, &in);
	if (id == 0) {
		/* The record was deleted (Art. 37) since we read it. */
		db_rollback();
		reqview_discard_files(r, files, nf);
		return req_error(r, 404, "Err.notfound");
	}
	if (id == DB_DUP) {
		db_rollback();
		reqview_discard_files(r, files, nf);
		view_set(r, "Objection.refused", view_str(r, "Objection.err.open"));
		return objection_page(r, 409, f.id);
	}
	return reqview_filed(r, "objection", id, f.subject_id, files, nf, "objection",
	    arena_printf(&r->arena, "objection #%lld to record #%lld with %d file(s)", id, f.id, nf));
}

int
objection_remind_post(struct req *r)
{
	struct request_row x;
	const char *why;
	int rc, left = 0, assumed = 0;

	rc = objection_by_id(&r->arena, r->pathids[0], &x);
	if (rc < 0)
		return req_dberr(r, rc);
	if (rc == 0 || x.subject_id != r->user.subject_id)
		return req_error(r, 404, "Err.notfound");
	if (objection_next(objection_status_from(x.status), OA_REMIND, &why) < 0)
		return req_error(r, 409, why);
	/* 催办 only once the running deadline has passed. */
	if ((rc = calendar_days_left(&r->arena, x.due_on, &left, &assumed)) < 0)
		return req_dberr(r, rc);
	if (left >= 0)
		return req_error(r, 409, "Objection.err.not_overdue");
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = objection_remind(&r->arena, x.id, r->user.subject_id);
	return reqview_acted(r, rc, "objection", &x, x.status, "remind", NULL, "objection_remind",
	    arena_printf(&r->arena, "reminder on objection #%lld", x.id), "/me/requests");
}

/* ---- staff ---- */

int
staff_objections_get(struct req *r)
{
	return reqview_queue_page(r, "objection", objection_list, QF_STATUS, QF_DUE,
	    "Objection.queue_title", "objections");
}

int
staff_objection_get(struct req *r)
{
	struct request_row x;
	int rc;

	rc = objection_by_id(&r->arena, r->pathids[0], &x);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((x.env_entry_id > 0 || x.env_event_id > 0) && (rc = env_objection_describe(r, &x)) < 0)
		return req_dberr(r, rc);
	if (objection_is_open(objection_status_from(x.status)) && (rc = correction_prefill(r, &x)) < 0)
		return req_dberr(r, rc);
	return reqview_detail_page(r, "objection", &x, objection_is_open(objection_status_from(x.status)),
	    "Objection.detail_title", "objections");
}

static int
staff_act(struct req *r, int action)
{
	struct request_row x;
	struct correction fix;
	const char *why, *to_name, *note = NULL;
	char due[11];
	int rc, to, assumed = 0;

	rc = objection_by_id(&r->arena, r->pathids[0], &x);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((to = objection_next(objection_status_from(x.status), action, &why)) < 0)
		return req_error(r, 409, why);
	to_name = objection_status_names[to];
	/* A "correct" decision on an environmental grade carries its correction. */
	if (action == OA_DECIDE && !r->form_invalid && (x.env_entry_id > 0 || x.env_event_id > 0) &&
	    (rc = env_objection_check(r, &x, r->f[DF_DECISION], r->f[DF_GRADE], DF_GRADE)) < 0)
		return req_dberr(r, rc);
	memset(&fix, 0, sizeof(fix));
	fix.is_public = -1;
	if (action == OA_DECIDE && (rc = correction_check(r, &x, &fix)) < 0)
		return req_dberr(r, rc);
	if (r->form_invalid) {
		r->status = 422;
		return staff_objection_get(r);
	}
	if (action == OA_FORWARD) {
		struct ymd t;
		char today[11];

		ymd_today(&t);
		ymd_format(&t, today);
		if ((rc = calendar_deadline(&r->arena, today, OBJECTION_DECIDE_WD, due, &assumed)) <= 0)
			return rc < 0 ? req_dberr(r, rc) : req_error(r, 500, "Err.internal");
		note = r->f[FF_AGENCY];
	} else if (action == OA_DECIDE) {
		note = arena_printf(&r->arena, "%s: %s%s%s", r->f[DF_DECISION], r->f[DF_REASON],
		    fix.changed ? "; corrected: " : "", fix.changed ? fix.changed : "");
	}
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	switch (action) {
	case OA_MARK:
		rc = objection_mark(&r->arena, x.id);
		/* 异议标注: everyone sees the record is under objection. */
		if (rc > 0 && x.doc_no != NULL)
			rc = objection_flag_record(&r->arena, x.record_id, x.subject_id, 1);
		break;
	case OA_FORWARD:
		rc = objection_forward(&r->arena, x.id, r->f[FF_AGENCY], due);
		break;
	default:
		rc = objection_decide(&r->arena, x.id, x.status, r->f[DF_DECISION], r->f[DF_REASON],
		    r->user.id);
		if (rc > 0 && x.doc_no != NULL)
			rc = objection_flag_record(&r->arena, x.record_id, x.subject_id, 0);
		/* "Correct": the record changes in the same transaction; its
		 * history (the report's changes) keeps which fields and why,
		 * never the content (an Art. 37 deletion must leave none). */
		if (rc > 0 && fix.changed != NULL)
			rc = request_record_correct(&r->arena, x.record_id, x.subject_id, fix.summary,
			    fix.ended_on, fix.is_public);
		if (rc > 0 && fix.changed != NULL)
			rc = page_audit(r, x.subject_id, "update", arena_printf(&r->arena,
			    "record %lld corrected (objection #%lld); changed: %s; reason: %s",
			    x.record_id, x.id, fix.changed, r->f[DF_REASON]));
		if (rc > 0 && (x.env_entry_id > 0 || x.env_event_id > 0) &&
		    strcmp(r->f[DF_DECISION], "correct") == 0)
			rc = env_objection_apply(r, &x, r->f[DF_GRADE], r->f[DF_REASON]);
		break;
	}
	return reqview_acted(r, rc, "objection", &x, to_name, objection_action_names[action], note,
	    "objection", arena_printf(&r->arena, "objection #%lld to %s #%lld: %s%s%s", x.id,
	    x.env_entry_id > 0 ? "env entry" : x.env_event_id > 0 ? "env event" : "record",
	    x.env_entry_id > 0 ? x.env_entry_id : x.env_event_id > 0 ? x.env_event_id : x.record_id,
	    to_name, note ? "; " : "", note ? note : ""),
	    arena_printf(&r->arena, "/staff/objections/%lld", x.id));
}

int
staff_objection_mark(struct req *r)
{
	return staff_act(r, OA_MARK);
}

int
staff_objection_forward(struct req *r)
{
	return staff_act(r, OA_FORWARD);
}

int
staff_objection_decide(struct req *r)
{
	return staff_act(r, OA_DECIDE);
}
