/* staff.c — credit-office data entry: subjects, credit records and written
 * authorisations through forms. Every change runs in one transaction with
 * its audit row (who, what changed, why). */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "rules/uscc.h"
#include "store/audit.h"
#include "store/records.h"
#include "store/subjects.h"
#include "store/users.h"

#define MAX_CATALOG 64

static const char *const kinds[] = {
	"enterprise", "social_org", "institution", "individual_business", "other", NULL
};
static const char *const statuses[] = { "active", "revoked", "cancelled", "moved_out", NULL };
static const char *const yes[] = { "1", NULL };
static const char *const public_choices[] = { "1", "0", NULL };

enum { SF_USCC, SF_OVERRIDE, SF_NAME, SF_KIND, SF_LEGAL_REP, SF_ADDRESS, SF_DISTRICT,
	SF_INDUSTRY, SF_ESTABLISHED, SF_STATUS, SF_REASON, SF_N };
static const struct field subject_fields[SF_N] = {
	[SF_USCC]        = { "uscc", FT_TEXT, FF_TRIM, 1, 40, NULL },
	[SF_OVERRIDE]    = { "override", FT_ENUM, 0, 0, 0, yes },
	[SF_NAME]        = { "name", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 200, NULL },
	[SF_KIND]        = { "kind", FT_ENUM, FF_REQUIRED, 0, 0, kinds },
	[SF_LEGAL_REP]   = { "legal_rep", FT_TEXT, FF_TRIM, 1, 100, NULL },
	[SF_ADDRESS]     = { "address", FT_TEXT, FF_TRIM, 1, 300, NULL },
	[SF_DISTRICT]    = { "district", FT_TEXT, FF_TRIM, 1, 50, NULL },
	[SF_INDUSTRY]    = { "industry", FT_TEXT, FF_TRIM, 1, 100, NULL },
	[SF_ESTABLISHED] = { "established", FT_DATE, 0, 0, 0, NULL },
	[SF_STATUS]      = { "reg_status", FT_ENUM, FF_REQUIRED, 0, 0, statuses },
	[SF_REASON]      = { "reason", FT_TEXT, FF_TRIM, 2, 300, NULL },
};
const struct form subject_form = { subject_fields, SF_N };

enum { RF_USCC, RF_ITEM, RF_AGENCY, RF_DOC, RF_DECIDED, RF_ENDED, RF_SUMMARY, RF_PUBLIC,
	RF_REASON, RF_N };
static const struct field record_fields[RF_N] = {
	[RF_USCC]    = { "uscc", FT_TEXT, FF_TRIM, 1, 40, NULL },
	[RF_ITEM]    = { "item", FT_TOKEN, FF_REQUIRED, 1, 32, NULL },
	[RF_AGENCY]  = { "agency", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
	[RF_DOC]     = { "doc_no", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
	[RF_DECIDED] = { "decided_on", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[RF_ENDED]   = { "ended_on", FT_DATE, 0, 0, 0, NULL },
	[RF_SUMMARY] = { "summary", FT_MULTILINE, FF_REQUIRED | FF_TRIM, 2, 1000, NULL },
	[RF_PUBLIC]  = { "is_public", FT_ENUM, FF_REQUIRED, 0, 0, public_choices },
	[RF_REASON]  = { "reason", FT_TEXT, FF_TRIM, 2, 300, NULL },
};
const struct form record_form = { record_fields, RF_N };

enum { RQ_USCC };
static const struct field record_query_fields[] = {
	[RQ_USCC] = { "uscc", FT_TEXT, FF_TRIM, 1, 40, NULL },
};
const struct form record_query_form = { record_query_fields, 1 };

enum { AF_USCC, AF_GRANTEE, AF_PURPOSE, AF_DOC, AF_FROM, AF_TO, AF_N };
static const struct field auth_fields[AF_N] = {
	[AF_USCC]    = { "uscc", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 40, NULL },
	[AF_GRANTEE] = { "grantee", FT_LOGIN, FF_REQUIRED | FF_TRIM, 1, 64, NULL },
	[AF_PURPOSE] = { "purpose", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 300, NULL },
	[AF_DOC]     = { "doc_ref", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
	[AF_FROM]    = { "valid_from", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[AF_TO]      = { "valid_to", FT_DATE, FF_REQUIRED, 0, 0, NULL },
};
const struct form auth_form = { auth_fields, AF_N };

/* Checks the USCC in field i: on success writes the normalised code and
 * returns USCC_OK or USCC_CHECK (the caller decides whether an override is
 * allowed); on failure marks the field. */
static int
check_uscc(struct req *r, int i, char norm[USCC_LEN + 1])
{
	char want;
	int pos, err;

	if (r->f[i] == NULL) {
		page_field_fail(r, i, "Err.field.required");
		return -1;
	}
	err = uscc_normalize(r->f[i], r->flen[i], norm, &pos, &want);
	if (err == USCC_OK || err == USCC_CHECK) {
		if (err == USCC_CHECK)
			view_setf(r, "Form.uscc.want", "%c", want);
		return err;
	}
	if (pos > 0)
		view_set_int(r, "Form.uscc.pos", pos);
	page_field_fail(r, i, uscc_errkey(err));
	return -1;
}

/* Finds the subject named by the USCC in field i, or marks the field. */
static int
subject_of_field(struct req *r, int i, struct subject *s)
{
	char norm[USCC_LEN + 1];
	int rc, err = check_uscc(r, i, norm);

	if (err < 0)
		return 0;
	rc = subjects_by_uscc(&r->arena, norm, s);
	if (rc == 0)
		page_field_fail(r, i, err == USCC_CHECK ? "Err.uscc.check" : "Err.subject.notfound");
	return rc;
}

int
staff_home_get(struct req *r)
{
	view_set(r, "Page.title", view_str(r, "Staff.title"));
	view_set(r, "Page.nav", "staff");
	r->tmpl = "staff.cs";
	r->no_store = 1;
	return 200;
}

/* ---- subjects ---- */

static int
subject_page(struct req *r, int status, long long id)
{
	view_set(r, "Page.title", view_str(r, id ? "Staff.subject.edit" : "Staff.subject.new"));
	view_set(r, "Page.nav", "staff");
	if (id)
		view_set_int(r, "Edit.id", id);
	form_to_hdf(r);
	r->tmpl = "staff_subject.cs";
	r->no_store = 1;
	return r->status = status;
}

int
staff_subject_new_get(struct req *r)
{
	view_set(r, "Form.kind.value", "enterprise");
	view_set(r, "Form.reg_status.value", "active");
	return subject_page(r, 200, 0);
}

static void
subject_from_form(struct req *r, struct subject *s)
{
	s->name = (char *)r->f[SF_NAME];
	s->kind = (char *)r->f[SF_KIND];
	s->legal_rep = (char *)r->f[SF_LEGAL_REP];
	s->address = (char *)r->f[SF_ADDRESS];
	s->district = (char *)r->f[SF_DISTRICT];
	s->industry = (char *)r->f[SF_INDUSTRY];
	s->established = (char *)r->f[SF_ESTABLISHED];
	s->reg_status = (char *)r->f[SF_STATUS];
}

int
staff_subject_create(struct req *r)
{
	char norm[USCC_LEN + 1];
	struct subject s;
	long long id;
	int err, rc;

	err = check_uscc(r, SF_USCC, norm);
	/* A code failing its check character: only with the explicit,
	 * audited override (early pilot codes such as Xiamen's). */
	if (err == USCC_CHECK && r->f[SF_OVERRIDE] == NULL)
		page_field_fail(r, SF_USCC, "Err.uscc.check_override");
	if (r->form_invalid)
		return subject_page(r, 422, 0);
	memset(&s, 0, sizeof(s));
	subject_from_form(r, &s);
	s.uscc = norm;
	s.uscc_override = err == USCC_CHECK;
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = subjects_insert(&r->arena, &s);
	if (id == DB_DUP) {
		db_rollback();
		page_field_fail(r, SF_USCC, "Err.uscc.exists");
		return subject_page(r, 422, 0);
	}
	if (id < 0)
		return page_finish(r, (int)id, "/");
	rc = page_audit(r, id, "create", s.uscc_override ?
	    "subject registered with a USCC check-character override" : "subject registered");
	return page_finish(r, rc, arena_printf(&r->arena, "/entity/%s", norm));
}

static void
subject_to_form(struct req *r, const struct subject *s)
{
	view_set(r, "Form.uscc.value", s->uscc);
	view_set(r, "Form.name.value", s->name);
	view_set(r, "Form.kind.value", s->kind);
	view_set(r, "Form.legal_rep.value", s->legal_rep);
	view_set(r, "Form.address.value", s->address);
	view_set(r, "Form.district.value", s->district);
	view_set(r, "Form.industry.value", s->industry);
	view_set(r, "Form.established.value", s->established);
	view_set(r, "Form.reg_status.value", s->reg_status);
}

int
staff_subject_edit_get(struct req *r)
{
	struct subject s;
	int rc = subjects_by_id(&r->arena, r->pathids[0], &s);

	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	subject_to_form(r, &s);
	return subject_page(r, 200, s.id);
}

/* "name, address" — the fields that differ, for the audit row. */
static const char *
changed_fields(struct req *r, const char *const *names, const char *const *old,
    const char *const *new, int n)
{
	char buf[512] = "";
	size_t o = 0;
	int i;

	for (i = 0; i < n; i++) {
		const char *a = old[i] ? old[i] : "", *b = new[i] ? new[i] : "";
		if (strcmp(a, b) != 0 && o + strlen(names[i]) + 3 < sizeof(buf))
			o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s", o ? ", " : "", names[i]);
	}
	return arena_strdup(&r->arena, buf);
}

int
staff_subject_update(struct req *r)
{
	static const char *const names[] = { "name", "kind", "legal_rep", "address", "district",
		"industry", "established", "reg_status" };
	struct subject old, s;
	const char *changed;
	int rc;

	rc = subjects_by_id(&r->arena, r->pathids[0], &old);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if (r->f[SF_REASON] == NULL)
		page_field_fail(r, SF_REASON, "Err.field.required");
	if (r->form_invalid) {
		view_set(r, "Form.uscc.value", old.uscc);
		return subject_page(r, 422, old.id);
	}
	s = old;
	subject_from_form(r, &s);
	{
		const char *o[8] = { old.name, old.kind, old.legal_rep, old.address, old.district,
			old.industry, old.established, old.reg_status };
		const char *n[8] = { s.name, s.kind, s.legal_rep, s.address, s.district,
			s.industry, s.established, s.reg_status };
		changed = changed_fields(r, names, o, n, 8);
	}
	if (changed == NULL || *changed == '\0')
		return req_redirect(r, arena_printf(&r->arena, "/entity/%s", old.uscc));
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = subjects_update(&r->arena, &s, strcmp(old.name, s.name) != 0);
	if (rc >= 0)
		rc = page_audit(r, old.id, "update", arena_printf(&r->arena,
		    "changed: %s; reason: %s", changed, r->f[SF_REASON]));
	return page_finish(r, rc, arena_printf(&r->arena, "/entity/%s", old.uscc));
}

/* ---- records ---- */

static int
record_page(struct req *r, int status, long long id)
{
	struct catalog_item cat[MAX_CATALOG];
	char name[48];
	int n, i;

	n = catalog_list(&r->arena, cat, MAX_CATALOG);
	if (n < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Catalog.%d.code", i);
		view_set(r, name, cat[i].code);
		snprintf(name, sizeof(name), "Catalog.%d.name", i);
		view_set(r, name, strcmp(r->lang, "en") == 0 ? cat[i].name_en : cat[i].name_zh);
		snprintf(name, sizeof(name), "Catalog.%d.kind", i);
		view_set(r, name, cat[i].kind);
	}
	view_set(r, "Page.title", view_str(r, id ? "Staff.record.edit" : "Staff.record.new"));
	view_set(r, "Page.nav", "staff");
	if (id)
		view_set_int(r, "Edit.id", id);
	form_to_hdf(r);
	r->tmpl = "staff_record.cs";
	r->no_store = 1;
	return r->status = status;
}

int
staff_record_new_get(struct req *r)
{
	view_set(r, "Form.is_public.value", "1");
	return record_page(r, 200, 0);
}

/* Catalog id of a code from the form, or marks the field. */
static long long
item_of_field(struct req *r, int i)
{
	struct catalog_item cat[MAX_CATALOG];
	int n = catalog_list(&r->arena, cat, MAX_CATALOG), k;

	if (n < 0)
		return n;
	for (k = 0; k < n && r->f[i] != NULL; k++)
		if (strcmp(cat[k].code, r->f[i]) == 0)
			return cat[k].id;
	page_field_fail(r, i, "Err.field.choice");
	return 0;
}

static void
record_from_form(struct req *r, struct record_in *in, long long item)
{
	memset(in, 0, sizeof(*in));
	in->item_id = item;
	in->agency = r->f[RF_AGENCY];
	in->doc_no = r->f[RF_DOC];
	in->decided_on = r->f[RF_DECIDED];
	in->ended_on = r->f[RF_ENDED];
	in->summary = r->f[RF_SUMMARY];
	in->is_public = r->f[RF_PUBLIC] != NULL && strcmp(r->f[RF_PUBLIC], "1") == 0;
	in->by = r->user.id;
}

/* The behaviour cannot end before the decision that records it. */
static void
check_dates(struct req *r)
{
	if (r->f[RF_DECIDED] && r->f[RF_ENDED] && strcmp(r->f[RF_ENDED], "1900-01-01") > 0 &&
	    strcmp(r->f[RF_ENDED], r->f[RF_DECIDED]) < 0 && r->ferr[RF_ENDED] == NULL)
		page_field_fail(r, RF_ENDED, "Err.record.ended_before");
}

int
staff_record_create(struct req *r)
{
	struct subject s;
	struct record_in in;
	long long item, id;
	int rc;

	rc = subject_of_field(r, RF_USCC, &s);
	if (rc < 0)
		return req_dberr(r, rc);
	item = item_of_field(r, RF_ITEM);
	if (item < 0)
		return req_dberr(r, (int)item);
	check_dates(r);
	if (r->form_invalid)
		return record_page(r, 422, 0);
	record_from_form(r, &in, item);
	in.subject_id = s.id;
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = records_insert(&r->arena, &in);
	if (id < 0)
		return page_finish(r, (int)id, "/");
	/* Never the record's content (item, document): the audit log cannot
	 * forget it, and an Art. 37 deletion must leave only a tombstone. */
	rc = page_audit(r, s.id, "create", arena_printf(&r->arena, "record %lld entered", id));
	return page_finish(r, rc, arena_printf(&r->arena, "/entity/%s#record-%lld", s.uscc, id));
}

int
staff_record_edit_get(struct req *r)
{
	struct record x;
	struct subject s;
	long long sid = 0;
	int rc = record_by_id(&r->arena, r->pathids[0], &x, &sid);

	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((rc = subjects_by_id(&r->arena, sid, &s)) <= 0)
		return req_dberr(r, rc < 0 ? rc : DB_ERR);
	view_set(r, "Form.uscc.value", s.uscc);
	view_set(r, "Form.item.value", x.item_code);
	view_set(r, "Form.agency.value", x.agency);
	view_set(r, "Form.doc_no.value", x.doc_no);
	view_set(r, "Form.decided_on.value", x.decided_on);
	view_set(r, "Form.ended_on.value", x.ended_on);
	view_set(r, "Form.summary.value", x.summary);
	view_set(r, "Form.is_public.value", x.is_public ? "1" : "0");
	view_set(r, "Edit.subject", s.name);
	return record_page(r, 200, x.id);
}

int
staff_record_update(struct req *r)
{
	struct record x;
	struct subject s;
	struct record_in in;
	long long item, sid = 0;
	int rc = record_by_id(&r->arena, r->pathids[0], &x, &sid);

	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	if ((rc = subjects_by_id(&r->arena, sid, &s)) <= 0)
		return req_dberr(r, rc < 0 ? rc : DB_ERR);
	item = item_of_field(r, RF_ITEM);
	if (item < 0)
		return req_dberr(r, (int)item);
	if (r->f[RF_REASON] == NULL)
		page_field_fail(r, RF_REASON, "Err.field.required");
	check_dates(r);
	if (r->form_invalid) {
		view_set(r, "Form.uscc.value", s.uscc);
		view_set(r, "Edit.subject", s.name);
		return record_page(r, 422, x.id);
	}
	record_from_form(r, &in, item);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = records_update(&r->arena, x.id, &in);
	if (rc >= 0)
		rc = page_audit(r, s.id, "update", arena_printf(&r->arena,
		    "record %lld corrected; reason: %s", x.id, r->f[RF_REASON]));
	return page_finish(r, rc, arena_printf(&r->arena, "/entity/%s#record-%lld", s.uscc, x.id));
}

/* ---- written authorisations (Art. 17) ---- */

static int
auth_page(struct req *r, int status)
{
	return page_form(r, view_str(r, "Staff.auth.title"), "staff", "staff_auth.cs", status);
}

int
staff_auth_new_get(struct req *r)
{
	return auth_page(r, 200);
}

int
staff_auth_create(struct req *r)
{
	struct subject s;
	struct user_row u;
	long long id;
	int rc;

	rc = subject_of_field(r, AF_USCC, &s);
	if (rc < 0)
		return req_dberr(r, rc);
	if (r->f[AF_GRANTEE] != NULL) {
		rc = users_by_login(&r->arena, r->f[AF_GRANTEE], &u);
		if (rc < 0)
			return req_dberr(r, rc);
		if (rc == 0)
			page_field_fail(r, AF_GRANTEE, "Err.user.notfound");
	}
	if (r->f[AF_FROM] && r->f[AF_TO] && strcmp(r->f[AF_TO], r->f[AF_FROM]) < 0 &&
	    r->ferr[AF_TO] == NULL)
		page_field_fail(r, AF_TO, "Err.auth.to_before_from");
	if (r->form_invalid)
		return auth_page(r, 422);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = authorizations_insert(&r->arena, s.id, u.id, r->f[AF_PURPOSE], r->f[AF_DOC],
	    r->f[AF_FROM], r->f[AF_TO], r->user.id);
	if (id < 0)
		return page_finish(r, (int)id, "/");
	rc = page_audit(r, s.id, "authorize", arena_printf(&r->arena,
	    "written authorisation %s for user %s, %s to %s", r->f[AF_DOC], u.login,
	    r->f[AF_FROM], r->f[AF_TO]));
	return page_finish(r, rc, arena_printf(&r->arena, "/entity/%s", s.uscc));
}

/* ---- serious-dishonesty list (Art. 25, 33) ---- */

enum { XF_USCC, XF_AGENCY, XF_DOC, XF_REASON, XF_REMOVAL, XF_REMEDY, XF_PERSONS, XF_ON, XF_N };
static const struct field serious_fields[XF_N] = {
	[XF_USCC]    = { "uscc", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 40, NULL },
	[XF_AGENCY]  = { "agency", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
	[XF_DOC]     = { "doc_no", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 100, NULL },
	[XF_REASON]  = { "reason", FT_MULTILINE, FF_REQUIRED | FF_TRIM, 2, 500, NULL },
	[XF_REMOVAL] = { "removal_conditions", FT_MULTILINE, FF_REQUIRED | FF_TRIM, 2, 500, NULL },
	[XF_REMEDY]  = { "remedy", FT_MULTILINE, FF_REQUIRED | FF_TRIM, 2, 500, NULL },
	[XF_PERSONS] = { "responsible_persons", FT_TEXT, FF_TRIM, 2, 300, NULL },
	[XF_ON]      = { "included_on", FT_DATE, FF_REQUIRED, 0, 0, NULL },
};
const struct form serious_form = { serious_fields, XF_N };

enum { XR_USCC, XR_ON, XR_REASON };
static const struct field serious_remove_fields[] = {
	[XR_USCC]   = { "uscc", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 40, NULL },
	[XR_ON]     = { "removed_on", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[XR_REASON] = { "reason", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 300, NULL },
};
const struct form serious_remove_form = { serious_remove_fields, 3 };

static int
serious_page(struct req *r, int status)
{
	return page_form(r, view_str(r, "Staff.serious.title"), "staff", "staff_serious.cs", status);
}

int
staff_serious_new_get(struct req *r)
{
	return serious_page(r, 200);
}

int
staff_serious_create(struct req *r)
{
	struct serious_entry e;
	struct subject s;
	long long id;
	int rc;

	rc = subject_of_field(r, XF_USCC, &s);
	if (rc < 0)
		return req_dberr(r, rc);
	if (r->form_invalid)
		return serious_page(r, 422);
	memset(&e, 0, sizeof(e));
	e.agency = (char *)r->f[XF_AGENCY];
	e.doc_no = (char *)r->f[XF_DOC];
	e.reason = (char *)r->f[XF_REASON];
	e.removal_conditions = (char *)r->f[XF_REMOVAL];
	e.remedy = (char *)r->f[XF_REMEDY];
	e.responsible_persons = (char *)r->f[XF_PERSONS];
	e.included_on = (char *)r->f[XF_ON];
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = serious_insert(&r->arena, s.id, &e);
	rc = id < 0 ? (int)id : page_audit(r, s.id, "list", arena_printf(&r->arena,
	    "placed on the serious-dishonesty list (%s)", e.doc_no));
	return page_finish(r, rc, arena_printf(&r->arena, "/entity/%s#serious", s.uscc));
}

int
staff_serious_remove(struct req *r)
{
	struct subject s;
	int rc;

	rc = subject_of_field(r, XR_USCC, &s);
	if (rc < 0)
		return req_dberr(r, rc);
	if (r->form_invalid)
		return req_error(r, 422, "Err.parse.bad");
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	rc = serious_remove(&r->arena, r->pathids[0], s.id, r->f[XR_ON]);
	if (rc == 0) {
		db_rollback();
		return req_error(r, 404, "Err.notfound");
	}
	if (rc > 0)
		rc = page_audit(r, s.id, "unlist", arena_printf(&r->arena,
		    "removed from the serious-dishonesty list on %s; reason: %s", r->f[XR_ON],
		    r->f[XR_REASON]));
	return page_finish(r, rc, arena_printf(&r->arena, "/entity/%s", s.uscc));
}
