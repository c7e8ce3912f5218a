/* common.c — the few steps every page that changes credit data shares:
 * marking a form field, writing the audit row of a change, and ending the
 * transaction with a redirect or the error page; and what the layout shows
 * on every page (the staff navigation's counts). */
#include "pages/pages.h"

#include <stdio.h>

#include "core/db.h"
#include "core/log.h"
#include "core/view.h"
#include "rules/window.h"
#include "store/audit.h"
#include "store/requests.h"

void
page_field_fail(struct req *r, int i, const char *key)
{
	/* The first problem found with a field is the one shown. */
	if (r->ferr[i] == NULL)
		r->ferr[i] = key;
	r->form_invalid = 1;
}

int
page_audit(struct req *r, long long subject_id, const char *action, const char *detail)
{
	struct audit_event ev = {
		.actor_id = r->user.id, .actor_role = role_names[r->user.role],
		.subject_id = subject_id, .action = action, .detail = detail,
		.addr = r->remote_addr,
	};

	return audit_append(&r->arena, &ev);
}

void
page_set_list(struct req *r, const char *prefix, const char *const *items)
{
	char name[64];
	int i;

	for (i = 0; items[i] != NULL; i++) {
		snprintf(name, sizeof(name), "%s.%d", prefix, i);
		view_set(r, name, items[i]);
	}
}

int
page_finish(struct req *r, int rc, const char *done_path)
{
	if (rc >= 0 && (rc = db_commit()) > 0)
		return req_redirect(r, done_path);
	db_rollback();
	return req_dberr(r, rc < 0 ? rc : DB_ERR);
}

int
page_form(struct req *r, const char *title, const char *nav, const char *tmpl, int status)
{
	view_set(r, "Page.title", title);
	view_set(r, "Page.nav", nav);
	form_to_hdf(r);
	r->tmpl = tmpl;
	r->no_store = 1;
	return r->status = status;
}

void
page_layout(struct req *r)
{
	struct request_counts c;
	struct ymd t;
	char today[11];
	int rc;

	/* Only staff work the queues: no query for anyone else. */
	if (r->user.role != ROLE_STAFF && r->user.role != ROLE_ADMIN)
		return;
	ymd_today(&t);
	ymd_format(&t, today);
	/* The page itself is done: counts that cannot be read are left out
	 * rather than turning it into an error. */
	if ((rc = request_counts(&r->arena, today, &c)) <= 0) {
		log_msg(LL_ERR, "layout: request counts unavailable (%d)", rc);
		return;
	}
	view_set_int(r, "Nav.n_repairs", c.repairs);
	view_set_int(r, "Nav.late_repairs", c.repairs_late);
	view_set_int(r, "Nav.n_objections", c.objections);
	view_set_int(r, "Nav.late_objections", c.objections_late);
}
