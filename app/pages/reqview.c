/* reqview.c — helpers shared by the repair and objection pages (see
 * reqview.h): upload checking and storage, deadline display in working
 * days, file lists and timelines. */
#include "pages/reqview.h"
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "core/db.h"
#include "core/view.h"
#include "rules/requests.h"
#include "rules/sniff.h"
#include "rules/window.h"
#include "store/audit.h"
#include "store/calendar.h"
#include "store/records.h"
#include "store/uploads.h"

/* Rows on a staff queue page. */
#define QUEUE_MAX 100

#define MAX_EVENTS 100

int
reqview_take_files(struct req *r, const struct upspec *spec, int nspec, struct upfile *out,
    int max)
{
	const struct param *p;
	int n = 0, i, seen;

	for (i = 0; i < nspec; i++) {
		seen = 0;
		for (p = r->body.head; p != NULL; p = p->next) {
			const char *why;
			struct upfile *u;
			enum sniff_type t;

			if (strcmp(p->key, spec[i].key) != 0 || !p->is_file)
				continue;
			/* A browser sends an empty, nameless part for an input left empty. */
			if (p->len == 0 && (p->filename == NULL || *p->filename == '\0'))
				continue;
			seen++;
			if (n >= max) {
				page_field_fail(r, spec[i].field, "Upload.err.too_many");
				continue;
			}
			u = &out[n];
			memset(u, 0, sizeof(*u));
			u->p = p;
			u->role = spec[i].role;
			if (p->len > 0 && req_file_bytes(r, p, &u->buf, &u->len) != 0)
				return -1;
			t = sniff_file((const unsigned char *)u->buf, p->len, p->filename, &why);
			if (t == SNIFF_NONE) {
				page_field_fail(r, spec[i].field, why);
				continue;
			}
			u->len = p->len;
			u->ftype = sniff_names[t];
			n++;
		}
		if (seen == 0 && spec[i].required)
			page_field_fail(r, spec[i].field, "Err.field.required");
	}
	return n;
}

int
reqview_store_files(struct req *r, struct upfile *u, int n)
{
	int i, rc;

	for (i = 0; i < n; i++)
		if ((rc = uploads_write_blob(u[i].buf, u[i].len, u[i].sha, &u[i].created)) != 0) {
			reqview_discard_files(r, u, i);
			/* 507 (RFC 4918): the server cannot store what a valid
			 * request asks it to; nothing of the request is kept. */
			return rc == UPLOADS_FULL ? req_error(r, 507, "Err.upload.full") :
			    req_error(r, 500, "Err.upload.io");
		}
	return 0;
}

int
reqview_link_files(struct req *r, struct upfile *u, int n, long long subject_id,
    const char *kind, long long request_id)
{
	struct upload_in in;
	long long id;
	int i, rc;

	for (i = 0; i < n; i++) {
		const char *name = u[i].p->filename != NULL && *u[i].p->filename ?
		    u[i].p->filename : "file";
		char cut[256];

		/* Display only; cut at a character boundary to fit the column. */
		snprintf(cut, sizeof(cut), "%s", name);
		if (strlen(name) >= sizeof(cut)) {
			size_t k = sizeof(cut) - 1;
			while (k > 0 && ((unsigned char)cut[k] & 0xc0) == 0x80)
				k--;
			cut[k] = '\0';
		}
		memset(&in, 0, sizeof(in));
		in.sha256 = u[i].sha;
		in.filename = cut;
		in.ftype = u[i].ftype;
		in.size = u[i].len;
		in.subject_id = subject_id;
		in.by = r->user.id;
		if ((id = uploads_insert(&r->arena, &in)) < 0)
			return (int)id;
		if ((rc = uploads_link(&r->arena, kind, request_id, id, u[i].role)) < 0)
			return rc;
	}
	return 1;
}

void
reqview_discard_files(struct req *r, struct upfile *u, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (u[i].created)
			uploads_discard_blob(&r->arena, u[i].sha);
}

int
reqview_row_open(const struct request_row *x)
{
	if (x->kind == NULL || x->status == NULL)
		return 0;
	return strcmp(x->kind, "repair") == 0 ? repair_is_open(repair_status_from(x->status)) :
	    objection_is_open(objection_status_from(x->status));
}

int
reqview_cal_load(struct req *r, const struct request_row *rows, int n, struct reqview_cal *c)
{
	struct ymd d;
	long t, lo, hi, day;
	int i;

	memset(c, 0, sizeof(*c));
	ymd_today(&c->today);
	t = lo = hi = ymd_to_days(&c->today);
	for (i = 0; i < n; i++) {
		if (!reqview_row_open(&rows[i]) || rows[i].due_on == NULL ||
		    ymd_parse(rows[i].due_on, &d) != 0)
			continue;
		day = ymd_to_days(&d);
		if (day < lo)
			lo = day;
		if (day > hi)
			hi = day;
	}
	/* Everything due today (or nothing open): nothing to count over. */
	if (lo == hi) {
		c->cal.lo = t + 1;
		c->cal.hi = t;
		return 1;
	}
	/* A count looks at the days after the earlier date up to the later. */
	return calendar_load(&r->arena, lo + 1, hi, &c->cal);
}

int
reqview_set_due(struct req *r, const char *prefix, const char *due, long long assumed, int open,
    const struct reqview_cal *c)
{
	struct ymd d;
	char name[96];
	int left = 0, now_assumed = 0;

	if (due == NULL)
		return 0;
	snprintf(name, sizeof(name), "%s.due", prefix);
	view_set(r, name, due);
	if (assumed) {
		snprintf(name, sizeof(name), "%s.assumed", prefix);
		view_set(r, name, "1");
	}
	if (!open || ymd_parse(due, &d) != 0)
		return 0;
	if (workdays_between(&c->cal, &c->today, &d, &left, &now_assumed) != WD_OK)
		return DB_ERR;
	if (now_assumed) {
		snprintf(name, sizeof(name), "%s.assumed", prefix);
		view_set(r, name, "1");
	}
	if (left > 0) {
		snprintf(name, sizeof(name), "%s.left", prefix);
		view_set_int(r, name, left);
	} else if (ymd_cmp(&d, &c->today) < 0) {
		/* Past its date: late, as the queue's overdue filter and the
		 * navigation count it, even when no working day has followed
		 * yet (a Friday deadline seen at the weekend). The working days
		 * since, when there are any, are what a reminder waits for. */
		snprintf(name, sizeof(name), "%s.late", prefix);
		view_set(r, name, "1");
		if (left < 0) {
			snprintf(name, sizeof(name), "%s.overdue", prefix);
			view_set_int(r, name, -left);
		}
	} else {
		snprintf(name, sizeof(name), "%s.today", prefix);
		view_set(r, name, "1");
	}
	return 1;
}

int
reqview_set_rows(struct req *r, const char *list, const struct request_row *rows, int n)
{
	struct reqview_cal c;
	char name[64];
	int i, rc;

	if ((rc = reqview_cal_load(r, rows, n, &c)) < 0)
		return rc;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "%s.%d", list, i);
		reqview_set_row(r, name, &rows[i]);
		if ((rc = reqview_set_due(r, name, rows[i].due_on, rows[i].due_assumed,
		    reqview_row_open(&rows[i]), &c)) < 0)
			return rc;
	}
	return 1;
}

int
reqview_set_files(struct req *r, const char *prefix, const char *kind, long long id)
{
	struct upload rows[REQ_MAX_FILES * 2];
	char name[96];
	int n, i;

	if ((n = uploads_for_request(&r->arena, kind, id, rows, REQ_MAX_FILES * 2)) < 0)
		return n;
	for (i = 0; i < n; i++) {
#define SETF(f, v) do { snprintf(name, sizeof(name), "%s.%d.%s", prefix, i, f); view_set(r, name, v); } while (0)
		snprintf(name, sizeof(name), "%s.%d.id", prefix, i);
		view_set_int(r, name, rows[i].id);
		snprintf(name, sizeof(name), "%s.%d.size", prefix, i);
		view_set_int(r, name, rows[i].size);
		SETF("name", rows[i].filename);
		SETF("type", rows[i].ftype);
		SETF("role", rows[i].role);
#undef SETF
	}
	return 1;
}

int
reqview_set_timeline(struct req *r, const char *kind, long long id)
{
	struct request_event ev[MAX_EVENTS];
	char name[64];
	int n, i;

	if ((n = request_events_of(&r->arena, kind, id, ev, MAX_EVENTS)) < 0)
		return n;
	for (i = 0; i < n; i++) {
#define SETE(f, v) do { snprintf(name, sizeof(name), "Timeline.%d.%s", i, f); view_set(r, name, v); } while (0)
		SETE("at", ev[i].at);
		SETE("action", ev[i].action);
		SETE("from", ev[i].from_status);
		SETE("to", ev[i].to_status);
		SETE("actor", ev[i].actor);
		SETE("role", ev[i].actor_role);
		SETE("note", ev[i].note);
#undef SETE
	}
	return 1;
}

void
reqview_set_row(struct req *r, const char *prefix, const struct request_row *x)
{
	char name[96];

#define SETR(f, v) do { snprintf(name, sizeof(name), "%s.%s", prefix, f); view_set(r, name, v); } while (0)
	snprintf(name, sizeof(name), "%s.id", prefix);
	view_set_int(r, name, x->id);
	snprintf(name, sizeof(name), "%s.record_id", prefix);
	view_set_int(r, name, x->record_id);
	snprintf(name, sizeof(name), "%s.reminders", prefix);
	view_set_int(r, name, x->reminders);
	SETR("kind", x->kind);
	SETR("status", x->status);
	SETR("text", x->text);
	SETR("filed_at", x->filed_at);
	SETR("decision", x->decision);
	SETR("decision_reason", x->decision_reason);
	SETR("decided_at", x->decided_at);
	SETR("forwarded_to", x->forwarded_to);
	SETR("last_reminder", x->last_reminder);
	SETR("subject", x->subject_name);
	SETR("uscc", x->uscc);
	SETR("applicant", x->applicant);
	SETR("item", strcmp(r->lang, "en") == 0 ? x->item_en : x->item_zh);
	SETR("doc_no", x->doc_no);
	/* An objection to an environmental grade names no record. */
	if (x->env_entry_id > 0 || x->env_event_id > 0) {
		snprintf(name, sizeof(name), "%s.env_entry", prefix);
		view_set_int(r, name, x->env_entry_id);
		snprintf(name, sizeof(name), "%s.env_event", prefix);
		view_set_int(r, name, x->env_event_id);
		SETR("env", x->env_entry_id > 0 ? "entry" : "event");
	} else if (x->doc_no == NULL)
		SETR("revoked", "1");
#undef SETR
}

void
reqview_filter(struct req *r, const char *status, const char *due, struct request_filter *f)
{
	struct ymd today, end;
	char buf[11];
	long d;

	ymd_today(&today);
	ymd_format(&today, buf);
	f->status = status;
	if (due == NULL)
		return;
	f->open_only = 1;
	if (strcmp(due, "overdue") == 0) {
		/* Due before today: overdue by the calendar date. */
		ymd_from_days(ymd_to_days(&today) - 1, &end);
		ymd_format(&end, buf);
		f->due_to = arena_strdup(&r->arena, buf);
	} else if (strcmp(due, "week") == 0) {
		/* From today to this week's Sunday (China's week starts Monday). */
		d = ymd_to_days(&today);
		f->due_from = arena_strdup(&r->arena, buf);
		ymd_from_days(d + (7 - workdays_iso_weekday(d)), &end);
		ymd_format(&end, buf);
		f->due_to = arena_strdup(&r->arena, buf);
	}
}

#define CHOOSE_MAX 200

/* Choose.N.*: the enterprise's own dishonesty records (reqview_pick_page). */
static int
set_own_records(struct req *r)
{
	struct record_scope sc = { NULL, 1, 0 };
	struct record *rec;
	struct ymd today, cut;
	char cut_s[11], name[64];
	int n, i, k = 0;

	if ((rec = arena_alloc(&r->arena, sizeof(*rec) * CHOOSE_MAX)) == NULL)
		return -1;
	ymd_today(&today);
	window_cutoff(&today, cfg.window_years, &cut);
	ymd_format(&cut, cut_s);
	sc.cutoff = cut_s;
	if ((n = records_for_subject(&r->arena, r->user.subject_id, &sc, rec, CHOOSE_MAX)) < 0)
		return n;
	for (i = 0; i < n; i++) {
		if (strcmp(rec[i].kind, "dishonesty") != 0)
			continue;
#define SETC(f, v) do { snprintf(name, sizeof(name), "Choose.%d.%s", k, f); view_set(r, name, v); } while (0)
		snprintf(name, sizeof(name), "Choose.%d.id", k);
		view_set_int(r, name, rec[i].id);
		SETC("item", strcmp(r->lang, "en") == 0 ? rec[i].item_en : rec[i].item_zh);
		SETC("doc_no", rec[i].doc_no);
		SETC("decided_on", rec[i].decided_on);
#undef SETC
		k++;
	}
	return 1;
}

int
reqview_filed(struct req *r, const char *kind, long long id, long long subject_id,
    struct upfile *files, int nf, const char *action, const char *detail)
{
	int rc = id < 0 ? (int)id : 1;

	if (rc > 0)
		rc = reqview_link_files(r, files, nf, subject_id, kind, id);
	if (rc > 0)
		rc = request_event_add(&r->arena, kind, id, NULL, "submitted", "file",
		    r->user.id, role_names[r->user.role], NULL);
	if (rc > 0)
		rc = page_audit(r, subject_id, action, detail);
	if (rc > 0 && (rc = db_commit()) > 0)
		return req_redirect(r, "/me/requests");
	db_rollback();
	reqview_discard_files(r, files, nf);
	return req_dberr(r, rc < 0 ? rc : DB_ERR);
}

int
reqview_detail_page(struct req *r, const char *kind, const struct request_row *x, int open,
    const char *title_key, const char *nav)
{
	struct reqview_cal c;
	struct request_row both[2];
	int rc;

	/* A marked objection has two deadlines at once (Art. 36): forward it
	 * to the agency within 2 working days, or decide within 5. */
	both[0] = both[1] = *x;
	both[1].due_on = x->forward_due;
	reqview_set_row(r, "Req", x);
	if ((rc = reqview_cal_load(r, both, x->forward_due != NULL ? 2 : 1, &c)) < 0 ||
	    (rc = reqview_set_due(r, "Req", x->due_on, x->due_assumed, open, &c)) < 0 ||
	    (x->forward_due != NULL &&
	    (rc = reqview_set_due(r, "Req.forward", x->forward_due, x->due_assumed, open, &c)) < 0) ||
	    (rc = reqview_set_files(r, "Files", kind, x->id)) < 0 ||
	    (rc = reqview_set_timeline(r, kind, x->id)) < 0)
		return req_dberr(r, rc);
	form_to_hdf(r);
	view_set(r, "Page.title", view_str(r, title_key));
	view_set(r, "Page.nav", nav);
	r->tmpl = "staff_request.cs";
	r->no_store = 1;
	return r->status ? r->status : 200;
}

/* A deadline n working days after from; accumulates *assumed. */
static int
deadline_after(struct req *r, const char *from, int n, char out[11], int *assumed)
{
	int a = 0, rc = calendar_deadline(&r->arena, from, n, out, &a);

	*assumed |= a;
	return rc;
}

int
reqview_objection_filing(struct req *r, const char *statement, struct objection_in *in)
{
	struct ymd t;
	char *d;
	int rc, assumed = 0;

	memset(in, 0, sizeof(*in));
	/* today, marking, forwarding, decision: four dates of 11 bytes. */
	if ((d = arena_alloc(&r->arena, 4 * 11)) == NULL)
		return req_error(r, 500, "Err.internal");
	ymd_today(&t);
	ymd_format(&t, d);
	if ((rc = deadline_after(r, d, OBJECTION_MARK_WD, d + 11, &assumed)) <= 0 ||
	    (rc = deadline_after(r, d, OBJECTION_FORWARD_WD, d + 22, &assumed)) <= 0 ||
	    (rc = deadline_after(r, d, OBJECTION_DECIDE_WD, d + 33, &assumed)) <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 500, "Err.internal");
	in->subject_id = r->user.subject_id;
	in->applicant_id = r->user.id;
	in->statement = statement;
	in->filed_on = d;
	in->mark_due = d + 11;
	in->forward_due = d + 22;
	in->decision_due = d + 33;
	in->due_assumed = assumed;
	return 0;
}

int
reqview_queue_page(struct req *r, const char *kind, reqview_list_fn list, int status_f, int due_f,
    const char *title_key, const char *nav)
{
	struct request_row *rows;
	struct request_filter f;
	int n, rc;

	if (r->form_invalid)
		return req_error(r, 400, "Err.parse.bad");
	if ((rows = arena_alloc(&r->arena, sizeof(*rows) * QUEUE_MAX)) == NULL)
		return req_error(r, 500, "Err.internal");
	memset(&f, 0, sizeof(f));
	reqview_filter(r, r->f[status_f], r->f[due_f], &f);
	if ((n = list(&r->arena, &f, rows, QUEUE_MAX)) < 0)
		return req_dberr(r, n);
	/* The counts above the queue are the navigation's (pages/common.c). */
	if ((rc = reqview_set_rows(r, "Rows", rows, n)) < 0)
		return req_dberr(r, rc);
	form_to_hdf(r);
	view_set(r, "Queue.kind", kind);
	view_set(r, "Page.title", view_str(r, title_key));
	view_set(r, "Page.nav", nav);
	r->tmpl = "staff_queue.cs";
	r->no_store = 1;
	return 200;
}

int
reqview_acted(struct req *r, int rc, const char *kind, const struct request_row *x, const char *to,
    const char *action, const char *note, const char *audit_action, const char *audit_detail,
    const char *done)
{
	if (rc == 0) {
		db_rollback();
		return req_error(r, 409, "Req.err.changed");
	}
	if (rc > 0)
		rc = request_event_add(&r->arena, kind, x->id, x->status, to, action, r->user.id,
		    role_names[r->user.role], note);
	if (rc > 0)
		rc = page_audit(r, x->subject_id, audit_action, audit_detail);
	return page_finish(r, rc == 0 ? DB_ERR : rc, done);
}

int
reqview_pick_page(struct req *r, const char *title_key, const char *tmpl)
{
	int rc;

	if ((rc = set_own_records(r)) < 0)
		return req_dberr(r, rc);
	view_set(r, "Page.title", view_str(r, title_key));
	view_set(r, "Page.nav", "requests");
	r->tmpl = tmpl;
	r->no_store = 1;
	return 200;
}
