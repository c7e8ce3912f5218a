/* cert.c — the public side of association ratings: anyone checks a
 * certificate number (genuine or not, valid, expired, not yet in force or
 * superseded; the check is audited like a profile view), and the profile
 * shows each association's current rating (the enterprise its history). */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/assoc_int.h"
#include "store/audit.h"

static const struct field cert_fields[] = {
	{ "no", FT_TEXT, FF_TRIM, 1, 40, NULL },
};
const struct form cert_form = { cert_fields, 1 };

/* ---- the public certificate check ---- */

int
cert_get(struct req *r)
{
	struct rating x;
	struct cert c;
	struct audit_event ev;
	char today[11], no[CERT_LEN + 1];
	int rc;

	assoc_page(r, "Cert.title", "cert.cs");
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
	assoc_today_plus(0, today);
	assoc_set_rating(r, "Cert.rating", &x);
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

	if ((x = arena_alloc(&r->arena, sizeof(*x) * ASSOC_MAX_HISTORY)) == NULL)
		return DB_ERR;
	assoc_today_plus(0, today);
	if ((n = ratings_current_of_subject(&r->arena, subject_id, today, x, ASSOC_MAX_HISTORY)) < 0)
		return n;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Ratings.%d", i);
		assoc_set_rating(r, name, &x[i]);
	}
	if (!self)
		return 1;
	if ((n = ratings_history_of_subject(&r->arena, subject_id, x, ASSOC_MAX_HISTORY)) < 0)
		return n;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "RatingHistory.%d", i);
		assoc_set_rating(r, name, &x[i]);
	}
	return 1;
}
