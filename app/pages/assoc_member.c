/* assoc_member.c — one member of an association: its page (membership,
 * rating history, the rating form), changes to its join date and membership
 * level, and the end of the membership. A membership is never deleted: a
 * former member keeps its ratings but gets no new ones. Every statement
 * that acts carries the association's id; every change is audited. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/assoc_int.h"

/* ---- forms ---- */

enum { ME_JOINED, ME_LEVEL, ME_N };
static const struct field member_edit_fields[ME_N] = {
	[ME_JOINED] = { "joined_on", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[ME_LEVEL]  = { "member_level", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 50, NULL },
};
const struct form member_edit_form = { member_edit_fields, ME_N };

/* "end_reason", not "reason": the rating form on the same page has one. */
enum { MX_ON, MX_REASON, MX_N };
static const struct field member_end_fields[MX_N] = {
	[MX_ON]     = { "ended_on", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[MX_REASON] = { "end_reason", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 300, NULL },
};
const struct form member_end_form = { member_end_fields, MX_N };

/* ---- the page ---- */

int
assoc_member_page(struct req *r, int status, const struct member *m, long long focus)
{
	struct level lv[RATING_MAX_LEVELS];
	struct rating *h;
	char name[48], today[11];
	int n, i;

	if ((h = arena_alloc(&r->arena, sizeof(*h) * ASSOC_MAX_HISTORY)) == NULL)
		return req_error(r, 500, "Err.internal");
	if ((n = assoc_load_levels(r, lv, 1)) < 0)
		return req_dberr(r, n);
	if ((n = assoc_member_ratings(&r->arena, ASSOC_ID(r), m->id, h, ASSOC_MAX_HISTORY)) < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "History.%d", i);
		assoc_set_rating(r, name, &h[i]);
	}
	view_set_int(r, "Member.id", m->id);
	view_set(r, "Member.uscc", m->uscc);
	view_set(r, "Member.name", m->name);
	view_set(r, "Member.joined_on", m->joined_on);
	view_set(r, "Member.member_level", m->member_level);
	view_set(r, "Member.level", m->level);
	if (m->rating_id > 0)
		view_set_int(r, "Member.rating_id", m->rating_id);
	view_set(r, "Member.ended_on", m->ended_on);
	view_set(r, "Member.end_reason", m->end_reason);
	view_set(r, "Member.ended_by", m->ended_by);
	view_set(r, "Member.ended_at", m->ended_at);
	view_set(r, "Member.end_cert", m->end_cert);
	if (m->end_rating_id > 0)
		view_set_int(r, "Member.end_rating_id", m->end_rating_id);
	if (focus > 0)
		view_set_int(r, "Member.focus", focus);
	view_set_int(r, "Rating.default_years", RATING_VALID_YEARS);
	assoc_today_plus(0, today);
	/* Each form shows what was posted to it, the others their defaults. */
	if (r->form == &rating_form || r->form == &member_edit_form || r->form == &member_end_form)
		form_to_hdf(r);
	if (r->form != &rating_form)
		view_set(r, "Form.valid_from.value", today);
	if (r->form != &member_edit_form) {
		view_set(r, "Form.joined_on.value", m->joined_on);
		view_set(r, "Form.member_level.value", m->member_level);
	}
	if (r->form != &member_end_form)
		view_set(r, "Form.ended_on.value", today);
	assoc_page(r, "Assoc.member.title", "assoc_member.cs");
	view_set(r, "Page.title", m->name);
	return r->status = status;
}

int
assoc_member_get(struct req *r)
{
	struct member m;
	int rc = assoc_member(&r->arena, ASSOC_ID(r), r->pathids[0], &m);

	/* Another association's member and an id that does not exist get the
	 * same answer, so ids cannot be probed. */
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	return assoc_member_page(r, 200, &m, 0);
}

/* A change to a membership that has ended meanwhile. */
static int
member_ended(struct req *r, const struct member *m)
{
	view_set(r, "Member.error", view_str(r, "Assoc.err.member_ended"));
	return assoc_member_page(r, 409, m, 0);
}

/* ---- join date and membership level ---- */

int
assoc_member_edit_post(struct req *r)
{
	struct member m;
	const char *joined = r->f[ME_JOINED], *level = r->f[ME_LEVEL];
	int rc = assoc_member(&r->arena, ASSOC_ID(r), r->pathids[0], &m);

	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	if (m.ended_on != NULL)
		return member_ended(r, &m);
	if (r->form_invalid)
		return assoc_member_page(r, 422, &m, 0);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	/* Locked and read again, so the audit row names the values replaced. */
	if ((rc = assoc_member_lock(&r->arena, ASSOC_ID(r), m.id)) <= 0 ||
	    (rc = assoc_member(&r->arena, ASSOC_ID(r), m.id, &m)) <= 0) {
		db_rollback();
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	}
	if (strcmp(joined, m.joined_on) == 0 && strcmp(level, m.member_level) == 0) {
		db_rollback();
		return req_redirect(r, arena_printf(&r->arena, "/assoc/members/%lld", m.id));
	}
	rc = assoc_member_update(&r->arena, ASSOC_ID(r), m.id, joined, level, r->user.id);
	if (rc == 0) {
		db_rollback();
		return member_ended(r, &m);
	}
	if (rc > 0)
		rc = page_audit(r, m.subject_id, "member_update", arena_printf(&r->arena,
		    "member %lld of association %lld: joined %s (was %s), "
		    "membership level %s (was %s)", m.id, ASSOC_ID(r), joined, m.joined_on, level,
		    m.member_level));
	return page_finish(r, rc, arena_printf(&r->arena, "/assoc/members/%lld", m.id));
}

/* ---- the end of a membership ---- */

int
assoc_member_end_post(struct req *r)
{
	struct member m;
	char today[11];
	const char *on = r->f[MX_ON], *reason = r->f[MX_REASON];
	int rc = assoc_member(&r->arena, ASSOC_ID(r), r->pathids[0], &m);

	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	if (m.ended_on != NULL)
		return member_ended(r, &m);
	assoc_today_plus(0, today);
	/* An end recorded today takes effect today: a later date would leave
	 * a member that can no longer be rated. */
	if (on != NULL && strcmp(on, m.joined_on) < 0)
		page_field_fail(r, MX_ON, "Assoc.err.end_before_join");
	else if (on != NULL && strcmp(on, today) > 0)
		page_field_fail(r, MX_ON, "Assoc.err.end_future");
	if (r->form_invalid)
		return assoc_member_page(r, 422, &m, 0);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	/* Acts only on a current member of this association, and never ends
	 * it before it began. */
	rc = assoc_member_end(&r->arena, ASSOC_ID(r), m.id, on, reason, 0, r->user.id);
	if (rc == 0) {
		db_rollback();
		if ((rc = assoc_member(&r->arena, ASSOC_ID(r), m.id, &m)) <= 0)
			return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
		if (m.ended_on != NULL)
			return member_ended(r, &m);
		/* The join date was moved past the end meanwhile. */
		page_field_fail(r, MX_ON, "Assoc.err.end_before_join");
		return assoc_member_page(r, 422, &m, 0);
	}
	if (rc > 0)
		rc = page_audit(r, m.subject_id, "member_end", arena_printf(&r->arena,
		    "membership %lld of association %lld ended on %s; reason: %s", m.id,
		    ASSOC_ID(r), on, reason));
	return page_finish(r, rc, arena_printf(&r->arena, "/assoc/members/%lld", m.id));
}
