/* common.c — the few steps every page that changes credit data shares:
 * marking a form field, writing the audit row of a change, and ending the
 * transaction with a redirect or the error page. */
#include "pages/pages.h"

#include "core/db.h"
#include "store/audit.h"

void
page_field_fail(struct req *r, int i, const char *key)
{
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

int
page_finish(struct req *r, int rc, const char *done_path)
{
	if (rc >= 0 && (rc = db_commit()) > 0)
		return req_redirect(r, done_path);
	db_rollback();
	return req_dberr(r, rc < 0 ? rc : DB_ERR);
}
