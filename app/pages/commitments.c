/* commitments.c — an enterprise publishes its own credit commitments and
 * declarations on its profile (Art. 13: 声明, 自主申报, 社会承诺). The
 * subject is always the account's own: there is no id to tamper with. */
#include "pages/pages.h"

#include "core/db.h"
#include "core/view.h"
#include "store/audit.h"
#include "store/records.h"
#include "store/subjects.h"

static const char *const commitment_kinds[] = { "commitment", "declaration", "self_report", NULL };
enum { CF_KIND, CF_TITLE, CF_BODY };
static const struct field commitment_fields[] = {
	[CF_KIND]  = { "kind", FT_ENUM, FF_REQUIRED, 0, 0, commitment_kinds },
	[CF_TITLE] = { "title", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 200, NULL },
	[CF_BODY]  = { "body", FT_MULTILINE, FF_REQUIRED | FF_TRIM, 2, 4000, NULL },
};
const struct form commitment_form = { commitment_fields, 3 };

static int
commitment_page(struct req *r, int status)
{
	return page_form(r, view_str(r, "Commit.title"), "me", "commitment.cs", status);
}

int
commitment_new_get(struct req *r)
{
	view_set(r, "Form.kind.value", "commitment");
	return commitment_page(r, 200);
}

int
commitment_post(struct req *r)
{
	struct subject s;
	struct audit_event ev;
	long long id;
	int rc;

	if (r->form_invalid)
		return commitment_page(r, 422);
	rc = subjects_by_id(&r->arena, r->user.subject_id, &s);
	if (rc <= 0)
		return req_dberr(r, rc < 0 ? rc : DB_ERR);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = commitments_insert(&r->arena, s.id, r->f[CF_KIND], r->f[CF_TITLE], r->f[CF_BODY],
	    r->user.id);
	rc = id < 0 ? (int)id : 1;
	if (rc > 0) {
		ev = (struct audit_event){ .actor_id = r->user.id, .actor_role = role_names[r->user.role],
		    .subject_id = s.id, .action = "declare",
		    .detail = arena_printf(&r->arena, "%s published: %s", r->f[CF_KIND], r->f[CF_TITLE]),
		    .addr = r->remote_addr };
		rc = audit_append(&r->arena, &ev);
	}
	if (rc < 0 || (rc = db_commit()) < 0) {
		db_rollback();
		return req_dberr(r, rc);
	}
	return req_redirect(r, arena_printf(&r->arena, "/entity/%s#commitments", s.uscc));
}
