/* repair.c — credit repair (信用修复, Art. 38): the enterprise applies for
 * one of its own dishonesty records with proof documents, staff review and
 * approve or reject with a reason, approval removes the record from every
 * public read path in the same transaction. Also the enterprise's list of
 * its requests, proof downloads, and the Art. 37 revocation. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/log.h"
#include "core/view.h"
#include "pages/reqview.h"
#include "rules/requests.h"
#include "rules/sniff.h"
#include "rules/window.h"
#include "store/calendar.h"
#include "store/requests.h"
#include "store/uploads.h"

#define LIST_MAX 100

static const char *const repair_statuses[] = {
	"submitted", "under_review", "approved", "rejected", "withdrawn", "closed", NULL
};
static const char *const due_choices[] = { "overdue", "week", NULL };
static const char *const decisions[] = { "approve", "reject", NULL };

enum { RN_RECORD };
static const struct field repair_query_fields[] = {
	[RN_RECORD] = { "record", FT_INT, 0, 1, 9007199254740991LL, NULL },
};
const struct form repair_query_form = { repair_query_fields, 1 };

enum { RF_RECORD, RF_REASON, RF_APPLICATION, RF_COMMITMENT, RF_PROOF, RF_N };
static const struct field repair_fields[RF_N] = {
	[RF_RECORD]      = { "record", FT_INT, FF_REQUIRED, 1, 9007199254740991LL, NULL },
	[RF_REASON]      = { "reason", FT_MULTILINE, FF_REQUIRED | FF_TRIM, 2, 2000, NULL },
	[RF_APPLICATION] = { "application", FT_FILE, 0, 0, 0, NULL },
	[RF_COMMITMENT]  = { "commitment", FT_FILE, 0, 0, 0, NULL },
	[RF_PROOF]       = { "proof", FT_FILE, FF_MULTI, 0, 0, NULL },
};
const struct form repair_form = { repair_fields, RF_N };

static const struct upspec repair_files[] = {
	{ "application", "application", RF_APPLICATION, 1 },
	{ "commitment", "commitment", RF_COMMITMENT, 1 },
	{ "proof", "proof", RF_PROOF, 1 },
};

enum { QF_STATUS, QF_DUE };
static const struct field queue_fields[] = {
	[QF_STATUS] = { "status", FT_ENUM, 0, 0, 0, repair_statuses },
	[QF_DUE]    = { "due", FT_ENUM, 0, 0, 0, due_choices },
};
const struct form repair_queue_form = { queue_fields, 2 };

enum { DF_DECISION, DF_REASON };
static const struct field decide_fields[] = {
	[DF_DECISION] = { "decision", FT_ENUM, FF_REQUIRED, 0, 0, decisions },
	[DF_REASON]   = { "reason", FT_MULTILINE, FF_REQUIRED | FF_TRIM, 2, 1000, NULL },
};
const struct form repair_decide_form = { decide_fields, 2 };

enum { VF_DOC, VF_ON, VF_REASON };
static const struct field revoke_fields[] = {
	[VF_DOC]    = { "doc_no", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
	[VF_ON]     = { "revoked_on", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[VF_REASON] = { "reason", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 300, NULL },
};
const struct form revoke_form = { revoke_fields, 3 };

static const char *
today_str(struct req *r)
{
	struct ymd t;
	char buf[11];

	ymd_today(&t);
	ymd_format(&t, buf);
	return arena_strdup(&r->arena, buf);
}

/*
 * Whether this enterprise may apply for record f now. Returns NULL, or the
 * language key of the refusal; *from gets the first day it will be accepted
 * when the waiting period is what is missing.
 */
static const char *
repair_refusal(struct req *r, const struct record_facts *f, char from[11])
{
	struct ymd d, acc, today;

	from[0] = '\0';
	if (f->subject_id != r->user.subject_id)
		return "Repair.err.not_yours";
	if (strcmp(f->kind, "dishonesty") != 0)
		return "Repair.err.not_dishonesty";
	if (strcmp(f->status, "active") != 0)
		return "Repair.err.repaired";
	if (!f->repairable)
		return "Repair.err.not_repairable";
	if (ymd_parse(f->decided_on, &d) != 0 || repair_accept_from(&d, f->min_public_days, &acc) != 0)
		return "Err.internal";
	ymd_today(&today);
	if (ymd_cmp(&today, &acc) < 0) {
		ymd_format(&acc, from);
		return "Repair.err.too_early";
	}
	return NULL;
}

static void
set_facts(struct req *r, const struct record_facts *f)
{
	view_set_int(r, "Record.id", f->id);
	view_set(r, "Record.item", strcmp(r->lang, "en") == 0 ? f->item_en : f->item_zh);
	view_set(r, "Record.doc_no", f->doc_no);
	view_set(r, "Record.agency", f->agency);
	view_set(r, "Record.decided_on", f->decided_on);
}

/* The form page, or the refusal on it (record not eligible). */
static int
repair_page(struct req *r, int status, long long record_id)
{
	struct record_facts f;
	const char *why;
	char from[11];
	int rc;

	view_set(r, "Page.title", view_str(r, "Repair.new_title"));
	view_set(r, "Page.nav", "requests");
	r->tmpl = "repair_new.cs";
	r->no_store = 1;
	form_to_hdf(r);
	rc = request_record_facts(&r->arena, record_id, &f);
	if (rc < 0)
		return req_dberr(r, rc);
	/* Someone else's record is not found, not described. */
	if (rc == 0 || f.subject_id != r->user.subject_id)
		return req_error(r, 404, "Err.notfound");
	set_facts(r, &f);
	if ((why = repair_refusal(r, &f, from)) != NULL) {
		view_set(r, "Repair.refused", view_str(r, why));
		if (from[0])
			view_set(r, "Repair.accept_from", from);
		return r->status = 409;
	}
	return r->status = status;
}

int
repair_new_get(struct req *r)
{
	if (r->form_invalid)
		return req_error(r, 404, "Err.notfound");
	if (r->f[RN_RECORD] != NULL)
		return repair_page(r, 200, form_int(r, RN_RECORD));
	return reqview_pick_page(r, "Repair.new_title", "repair_new.cs");
}

int
repair_post(struct req *r)
{
	struct upfile files[REQ_MAX_FILES];
	struct record_facts f;
	struct repair_in in;
	const char *today;
	char from[11], due[11];
	long long id;
	int nf, rc, assumed = 0;

	if (r->f[RF_RECORD] == NULL)
		return req_error(r, 404, "Err.notfound");
	rc = request_record_facts(&r->arena, form_int(r, RF_RECORD), &f);
	if (rc < 0)
		return req_dberr(r, rc);
	if (rc == 0 || f.subject_id != r->user.subject_id)
		return req_error(r, 403, "Repair.err.not_yours");
	if (repair_refusal(r, &f, from) != NULL)
		return repair_page(r, 409, f.id);
	nf = reqview_take_files(r, repair_files, 3, files, REQ_MAX_FILES);
	if (nf < 0)
		return req_error(r, 500, "Err.internal");
	if (r->form_invalid)
		return repair_page(r, 422, f.id);
	today = today_str(r);
	rc = calendar_deadline(&r->arena, today, REPAIR_DUE_WD, due, &assumed);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 500, "Err.internal");
	if ((rc = reqview_store_files(r, files, nf)) != 0)
		return rc;
	memset(&in, 0, sizeof(in));
	in.record_id = f.id;
	in.subject_id = f.subject_id;
	in.applicant_id = r->user.id;
	in.reason = r->f[RF_REASON];
	in.proof_on = today;
	in.due_on = due;
	in.due_assumed = assumed;
	if ((rc = db_begin()) < 0) {
		reqview_discard_files(r, files, nf);
		return req_dberr(r, rc);
	}
	id = repair_insert(&r->arena, &in);
	if (id == DB_DUP || id == 0) {
		db_rollback();
		reqview_discard_files(r, files, nf);
		/* 0: repaired or deleted (Art. 37) since we read it; the page
		 * reads it again and says which (or answers 404). */
		if (id == DB_DUP)
			view_set(r, "Repair.refused", view_str(r, "Repair.err.open"));
		return repair_page(r, 409, f.id);
	}
	return reqview_filed(r, "repair", id, f.subject_id, files, nf, "repair_apply",
	    arena_printf(&r->arena, "credit repair application #%lld for record #%lld with %d file(s)",
	    id, f.id, nf));
}

int
requests_me_get(struct req *r)
{
	struct request_row *rows;
	struct request_filter f;
	int n, rc;

	if ((rows = arena_alloc(&r->arena, sizeof(*rows) * LIST_MAX)) == NULL)
		return req_error(r, 500, "Err.internal");
	memset(&f, 0, sizeof(f));
	f.subject_id = r->user.subject_id;
	if (f.subject_id <= 0)
		return req_error(r, 403, "Err.forbidden");
	if ((n = repair_list(&r->arena, &f, rows, LIST_MAX)) < 0)
		return req_dberr(r, n);
	if ((rc = reqview_set_rows(r, "Repairs", rows, n)) < 0)
		return req_dberr(r, rc);
	if ((n = objection_list(&r->arena, &f, rows, LIST_MAX)) < 0)
		return req_dberr(r, n);
	if ((rc = reqview_set_rows(r, "Objections", rows, n)) < 0)
		return req_dberr(r, rc);
	view_set(r, "Page.title", view_str(r, "Req.my_title"));
	view_set(r, "Page.nav", "requests");
	r->tmpl = "me_requests.cs";
	r->no_store = 1;
	return 200;
}

int
repair_withdraw_post(struct req *r)
{
	struct request_row x;
	const char *why;
	int rc, st;

	rc = repair_by_id(&r->arena, r->pathids[0], &x);
	if (rc < 0)
		return req_dberr(r, rc);
	if (rc == 0 || x.subject_id != r->user.subject_id)
		return req_error(r, 404, "Err.notfound");
	st = repair_status_from(x.status);
	if (repair_next(st, RA_WITHDRAW, &why) < 0)
		return req_error(r, 409, why);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	/* Conditioned on the subject and on the status just read. */
	rc = repair_withdraw(&r->arena, x.id, r->user.subject_id, x.status);
	return reqview_acted(r, rc, "repair", &x, "withdrawn", "withdraw", NULL, "repair_withdraw",
	    arena_printf(&r->arena, "credit repair application #%lld withdrawn", x.id),
	    "/me/requests");
}

/* ---- staff ---- */

int
staff_repairs_get(struct req *r)
{
	return reqview_queue_page(r, "repair", repair_list, QF_STATUS, QF_DUE,
	    "Repair.queue_title", "repairs");
}

int
staff_repair_get(struct req *r)
{
	struct request_row x;
	int rc;

	rc = repair_by_id(&r->arena, r->pathids[0], &x);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	return reqview_detail_page(r, "repair", &x, repair_is_open(repair_status_from(x.status)),
	    "Repair.detail_title", "repairs");
}

/* One staff action on an application: check the table, change the row only
 * if it still has the status we read, log the event and the audit row. */
static int
staff_act(struct req *r, int action)
{
	struct request_row x;
	const char *why, *to_name, *reason = NULL;
	int rc, from, to;

	rc = repair_by_id(&r->arena, r->pathids[0], &x);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	from = repair_status_from(x.status);
	if ((to = repair_next(from, action, &why)) < 0)
		return req_error(r, 409, why);
	to_name = repair_status_names[to];
	if (action != RA_REVIEW) {
		reason = r->f[DF_REASON];
		if (r->form_invalid || reason == NULL) {
			r->status = 422;
			return staff_repair_get(r);
		}
	}
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = action == RA_REVIEW ? repair_review(&r->arena, x.id) :
	    repair_decide(&r->arena, x.id, to_name, r->user.id, reason);
	/* Art. 38: the record leaves every public read path with the decision. */
	if (rc > 0 && action == RA_APPROVE &&
	    (rc = repair_record_repaired(&r->arena, x.record_id, x.subject_id)) == 0) {
		db_rollback();
		return req_error(r, 409, "Repair.err.record_gone");
	}
	return reqview_acted(r, rc, "repair", &x, to_name, repair_action_names[action], reason,
	    action == RA_APPROVE ? "repair" : "repair_review",
	    arena_printf(&r->arena, "credit repair application #%lld for record #%lld: %s%s%s",
	    x.id, x.record_id, to_name, reason ? "; reason: " : "", reason ? reason : ""),
	    arena_printf(&r->arena, "/staff/repairs/%lld", x.id));
}

int
staff_repair_review(struct req *r)
{
	return staff_act(r, RA_REVIEW);
}

int
staff_repair_decide(struct req *r)
{
	int action = r->f[DF_DECISION] != NULL && strcmp(r->f[DF_DECISION], "approve") == 0 ?
	    RA_APPROVE : RA_REJECT;

	if (r->f[DF_DECISION] == NULL) {
		r->form_invalid = 1;
		r->status = 422;
		return staff_repair_get(r);
	}
	return staff_act(r, action);
}

/* ---- downloads ---- */

/* RFC 5987 attr-chars pass, everything else is percent-encoded. */
static const char *
rfc5987(struct req *r, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s), o = 0, i;
	char *out = arena_alloc(&r->arena, n * 3 + 1);

	if (out == NULL)
		return "file";
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    strchr("!#$&+-.^_`|~", c) != NULL) {
			out[o++] = (char)c;
		} else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
	return out;
}

int
file_get(struct req *r)
{
	struct upload u;
	const char *buf, *ext;
	int rc, t;

	rc = uploads_by_id(&r->arena, r->pathids[0], &u);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	/* Staff see every proof; an enterprise only its own subject's. */
	if (r->user.role != ROLE_STAFF && r->user.role != ROLE_ADMIN &&
	    (r->user.role != ROLE_ENTERPRISE || r->user.subject_id != u.subject_id))
		return req_error(r, 403, "Err.forbidden");
	for (t = SNIFF_PDF; t < SNIFF_MAX; t++)
		if (strcmp(sniff_names[t], u.ftype) == 0)
			break;
	if (t == SNIFF_MAX)
		return req_error(r, 500, "Err.internal");
	rc = uploads_read_blob(&r->arena, u.sha256, (size_t)u.size, &buf);
	if (rc <= 0)
		return req_error(r, rc == 0 ? 404 : 500, rc == 0 ? "Err.notfound" : "Err.internal");
	ext = t == SNIFF_JPEG ? "jpg" : sniff_names[t];
	r->tmpl = NULL;
	r->body_out = buf;
	r->body_out_len = (size_t)u.size;
	r->ctype_out = sniff_mime[t];
	r->no_store = 1;
	/* Always a download (RFC 6266); the ASCII fallback name is ours, the
	 * client's name travels only percent-encoded. */
	req_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"proof-%lld.%s\"; filename*=UTF-8''%s", u.id, ext,
	    rfc5987(r, u.filename)));
	req_header(r, "Content-Security-Policy", "sandbox");
	return 200;
}

/* ---- Art. 37: revocation ---- */

int
staff_revoke_get(struct req *r)
{
	struct record_facts f;
	int rc = request_record_facts(&r->arena, r->pathids[0], &f);

	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	set_facts(r, &f);
	form_to_hdf(r);
	view_set(r, "Page.title", view_str(r, "Revoke.title"));
	view_set(r, "Page.nav", "staff");
	r->tmpl = "staff_revoke.cs";
	r->no_store = 1;
	return r->status ? r->status : 200;
}

/*
 * Art. 37: the record's content is deleted, leaving the tombstone in the
 * audit log; in the same transaction every repair application and
 * objection still open on it is closed (the applicant sees why, staff can
 * no longer act on it). The deletion comes first: it locks the record's
 * row, so a request filed at the same moment either waits and finds the
 * record gone, or commits first and is closed here.
 */
int
staff_revoke_post(struct req *r)
{
	struct request_closed closed[4];
	struct record_facts f;
	struct ymd on, today;
	const char *note, *role = role_names[r->user.role];
	char due[11], today_s[11];
	int rc, n = 0, i, assumed = 0;

	rc = request_record_facts(&r->arena, r->pathids[0], &f);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	ymd_today(&today);
	ymd_format(&today, today_s);
	if (r->f[VF_ON] != NULL && ymd_parse(r->f[VF_ON], &on) == 0 && ymd_cmp(&on, &today) > 0) {
		r->ferr[VF_ON] = "Revoke.err.future";
		r->form_invalid = 1;
	}
	if (r->form_invalid) {
		r->status = 422;
		return staff_revoke_get(r);
	}
	/* The deletion is due 3 working days after the written notice; the
	 * tombstone records whether that was met. */
	rc = calendar_deadline(&r->arena, r->f[VF_ON], REVOKE_DUE_WD, due, &assumed);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 500, "Err.internal");
	/* What the applicant of a closed request is told. */
	note = arena_printf(&r->arena, "%s (%s): %s", r->f[VF_DOC], r->f[VF_ON], r->f[VF_REASON]);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = request_delete_record(&r->arena, f.id, f.subject_id);
	if (rc == 0) {
		db_rollback();
		return req_error(r, 404, "Err.notfound");
	}
	if (rc > 0) {
		n = request_close_for_record(&r->arena, f.id, f.subject_id, r->user.id, role, note,
		    closed, (int)(sizeof(closed) / sizeof(closed[0])));
		rc = n < 0 ? n : 1;
	}
	for (i = 0; rc > 0 && i < n; i++) {
		int is_repair = strcmp(closed[i].kind, "repair") == 0;
		const char *why;

		/* The store closes what its SQL calls open; the transition
		 * table must agree, or nothing is committed. */
		if ((is_repair ? repair_next(repair_status_from(closed[i].from), RA_CLOSE, &why) :
		    objection_next(objection_status_from(closed[i].from), OA_CLOSE, &why)) < 0) {
			log_msg(LL_ERR, "revoke: %s #%lld closed from %s: %s", closed[i].kind,
			    closed[i].id, closed[i].from, why);
			rc = DB_ERR;
			break;
		}
		rc = page_audit(r, f.subject_id, is_repair ? "repair_close" : "objection_close",
		    arena_printf(&r->arena, "%s #%lld closed (%s -> closed): record #%lld deleted "
		    "(Art. 37) by %s", is_repair ? "credit repair application" : "objection",
		    closed[i].id, closed[i].from, f.id, r->f[VF_DOC]));
	}
	/* The tombstone: that a record was deleted and why, never its content. */
	if (rc > 0)
		rc = page_audit(r, f.subject_id, "revoke", arena_printf(&r->arena,
		    "record #%lld deleted (Art. 37): legal basis revoked by %s on %s; "
		    "deletion due by %s%s%s; %d open request(s) closed; %s",
		    f.id, r->f[VF_DOC], r->f[VF_ON], due, assumed ? " (weekends only)" : "",
		    strcmp(today_s, due) > 0 ? ", done late" : "", n, r->f[VF_REASON]));
	if (rc > 0 && (rc = db_commit()) > 0)
		return req_redirect(r, "/staff?revoked=1");
	db_rollback();
	return req_dberr(r, rc < 0 ? rc : DB_ERR);
}
