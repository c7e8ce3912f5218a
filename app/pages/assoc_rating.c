/* assoc_rating.c — ratings of an association's members: the rules shared
 * by the form and the CSV upload (level on the association's own scale,
 * validity, superseding the current rating), the certificate number, and
 * entry one at a time on a member's page. A new rating supersedes the
 * current one; the old one stays with who replaced it and why. The measure
 * 取消会员资格 ends the membership in the same transaction. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/assoc_int.h"
#include "rules/window.h"

/* ---- the form ---- */

static const char *const yes[] = { "1", NULL };

/* Measures are one checkbox each, in enum rating_measure order. */
enum { RF_LEVEL, RF_FROM, RF_TO, RF_BASIS, RF_REASON, RF_M0, RF_N = RF_M0 + RM_MAX };
static const struct field rating_fields[RF_N] = {
	[RF_LEVEL]  = { "level", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 20, NULL },
	[RF_FROM]   = { "valid_from", FT_DATE, FF_REQUIRED, 0, 0, NULL },
	[RF_TO]     = { "valid_to", FT_DATE, 0, 0, 0, NULL },
	[RF_BASIS]  = { "basis", FT_TEXT, FF_REQUIRED | FF_TRIM, 2, 300, NULL },
	[RF_REASON] = { "reason", FT_TEXT, FF_TRIM, 2, 300, NULL },
	[RF_M0 + RM_RECOMMEND] = { "m_recommend", FT_ENUM, 0, 0, 0, yes },
	[RF_M0 + RM_PROMOTE]   = { "m_promote", FT_ENUM, 0, 0, 0, yes },
	[RF_M0 + RM_WARNING]   = { "m_warning", FT_ENUM, 0, 0, 0, yes },
	[RF_M0 + RM_CRITICISM] = { "m_criticism", FT_ENUM, 0, 0, 0, yes },
	[RF_M0 + RM_DEMOTE]    = { "m_demote", FT_ENUM, 0, 0, 0, yes },
	[RF_M0 + RM_EXPEL]     = { "m_expel", FT_ENUM, 0, 0, 0, yes },
};
const struct form rating_form = { rating_fields, RF_N };

/* ---- the rules shared with the CSV upload ---- */

/* Checks validity, level and the current rating of one row. Returns the
 * language key of the first problem and sets *col, or NULL when fine.
 * The level must be on this association's scale (lv, n). */
const char *
assoc_check_row(struct req *r, struct rate_row *x, const struct level *lv, int n, const char *level,
    const char **col)
{
	struct rating cur;
	int i, rc;

	for (i = 0; i < n; i++)
		if (strcasecmp(lv[i].code, level) == 0)
			break;
	if (i == n) {
		*col = "level";
		return "Assoc.err.level";
	}
	x->lv = &lv[i];
	/* The end is kept in the row itself (to_buf): rows are sorted later,
	 * so nothing may point into another row. */
	if (x->to == NULL) {
		if (validity_default_to(x->from, x->to_buf) != 0) {
			*col = "valid_from";
			return "Err.field.date";
		}
	} else
		snprintf(x->to_buf, sizeof(x->to_buf), "%s", x->to);
	x->to = NULL;
	if (strcmp(x->to_buf, x->from) < 0) {
		*col = "valid_to";
		return "Assoc.err.to_before_from";
	}
	x->current_from = NULL;
	if (x->m.rating_id > 0) {
		rc = assoc_rating(&r->arena, ASSOC_ID(r), x->m.rating_id, &cur);
		if (rc < 0) {
			*col = "";
			return "Err.internal";
		}
		/* A new rating replaces the current one from its start on; one
		 * starting no later than the current one would overlap it. */
		if (rc > 0 && strcmp(x->from, cur.valid_from) <= 0) {
			*col = "valid_from";
			return "Assoc.err.overlap_current";
		}
		x->current_from = cur.valid_from;
	}
	return NULL;
}

/* Writes one checked row (inside the caller's transaction): locks the
 * membership, issues the certificate number, inserts, supersedes the
 * current rating and, for 取消会员资格, ends the membership (the caller
 * writes the audit rows: assoc_audit_row). Returns the new id, 0 when the
 * member changed or left meanwhile, or < 0. */
long long
assoc_write_row(struct req *r, struct rate_row *x, const char *reason)
{
	struct rating_in in;
	struct member now;
	struct cert c;
	char cert[CERT_LEN + 1];
	long long id, serial;
	int rc;

	if ((rc = assoc_member_lock(&r->arena, ASSOC_ID(r), x->m.id)) <= 0)
		return rc;
	if ((rc = assoc_member(&r->arena, ASSOC_ID(r), x->m.id, &now)) <= 0)
		return rc;
	if (now.rating_id != x->m.rating_id || now.ended_on != NULL)
		return 0;
	memset(&c, 0, sizeof(c));
	c.year = (x->from[0] - '0') * 1000 + (x->from[1] - '0') * 100 + (x->from[2] - '0') * 10 +
	    (x->from[3] - '0');
	c.assoc_no = (int)(ASSOC_ID(r) % 1000);
	memcpy(c.grade, x->lv->grade_code, 4);
	if ((serial = assoc_next_serial(&r->arena, ASSOC_ID(r), c.year)) < 0)
		return serial;
	c.serial = (long)serial;
	if (cert_build(&c, cert) != 0)
		return DB_ERR;
	memset(&in, 0, sizeof(in));
	in.association_id = ASSOC_ID(r);
	in.member_id = x->m.id;
	in.level_id = x->lv->id;
	in.by = r->user.id;
	in.valid_from = x->from;
	in.valid_to = x->to_buf;
	in.cert_no = cert;
	in.basis = x->basis;
	in.measures = x->measures;
	if ((id = assoc_rating_insert(&r->arena, &in)) <= 0)
		return id;
	if (x->m.rating_id > 0 &&
	    (rc = assoc_rating_supersede(&r->arena, ASSOC_ID(r), x->m.rating_id, id, r->user.id,
	    reason)) <= 0)
		return rc;
	/* The measure acts: the membership ends the day the rating takes
	 * effect (never before it began), with the rating's basis as reason. */
	if (x->expels) {
		snprintf(x->end_on, sizeof(x->end_on), "%s",
		    strcmp(x->from, now.joined_on) < 0 ? now.joined_on : x->from);
		if ((rc = assoc_member_end(&r->arena, ASSOC_ID(r), x->m.id, x->end_on, x->basis, id,
		    r->user.id)) <= 0)
			return rc;
	}
	memcpy(x->cert, cert, sizeof(x->cert));
	x->new_id = id;
	return id;
}

/* The audit rows of a rating assoc_write_row entered. Written after every
 * row of an upload is in, so a conflict found midway rolls back no audit
 * rows (a rolled-back row would leave a gap in the worker's hash chain). */
int
assoc_audit_row(struct req *r, const struct rate_row *x, const char *reason)
{
	int rc;

	if (x->expels && (rc = page_audit(r, x->m.subject_id, "member_end", arena_printf(&r->arena,
	    "membership %lld of association %lld ended on %s by the measure expel (取消会员资格) "
	    "of rating %lld (certificate %s)", x->m.id, ASSOC_ID(r), x->end_on, x->new_id,
	    x->cert))) < 0)
		return rc;
	return page_audit(r, x->m.subject_id, x->m.rating_id > 0 ? "rating_supersede" : "rating",
	    x->m.rating_id > 0 ?
	    arena_printf(&r->arena, "rating %lld (%s, certificate %s, %s to %s) supersedes rating "
	    "%lld; reason: %s", x->new_id, x->lv->code, x->cert, x->from, x->to_buf,
	    x->m.rating_id, reason) :
	    arena_printf(&r->arena, "rating %lld (%s, certificate %s, %s to %s) entered",
	    x->new_id, x->lv->code, x->cert, x->from, x->to_buf));
}

/* ---- entry on a member's page ---- */

int
assoc_rating_get(struct req *r)
{
	struct rating x;
	struct member m;
	int rc = assoc_rating(&r->arena, ASSOC_ID(r), r->pathids[0], &x);

	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	if ((rc = assoc_member(&r->arena, ASSOC_ID(r), x.member_id, &m)) <= 0)
		return req_dberr(r, rc < 0 ? rc : DB_ERR);
	return assoc_member_page(r, 200, &m, x.id);
}

int
assoc_rating_create(struct req *r)
{
	struct level lv[RATING_MAX_LEVELS];
	struct rate_row x;
	const char *why, *col;
	unsigned mask = 0;
	long long id;
	int n, i, rc;

	memset(&x, 0, sizeof(x));
	rc = assoc_member(&r->arena, ASSOC_ID(r), r->pathids[0], &x.m);
	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 403, "Err.forbidden");
	/* A former member keeps its ratings and gets no new one. */
	if (x.m.ended_on != NULL) {
		view_set(r, "Member.error", view_str(r, "Assoc.err.member_ended"));
		return assoc_member_page(r, 409, &x.m, 0);
	}
	if ((n = assoc_load_levels(r, lv, 0)) < 0)
		return req_dberr(r, n);
	if (!r->form_invalid) {
		x.from = r->f[RF_FROM];
		x.to = r->f[RF_TO];
		x.basis = r->f[RF_BASIS];
		why = assoc_check_row(r, &x, lv, n, r->f[RF_LEVEL], &col);
		if (why != NULL && strcmp(why, "Err.internal") == 0)
			return req_error(r, 500, why);
		if (why != NULL)
			page_field_fail(r, strcmp(col, "level") == 0 ? RF_LEVEL :
			    strcmp(col, "valid_to") == 0 ? RF_TO : RF_FROM, why);
		else if (x.m.rating_id > 0 && r->f[RF_REASON] == NULL)
			page_field_fail(r, RF_REASON, "Assoc.err.reason");
	}
	if (r->form_invalid)
		return assoc_member_page(r, 422, &x.m, 0);
	for (i = 0; i < RM_MAX; i++)
		if (r->f[RF_M0 + i] != NULL)
			mask |= 1u << i;
	measures_format(mask, x.measures, sizeof(x.measures));
	x.expels = (mask & (1u << RM_EXPEL)) != 0;
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = assoc_write_row(r, &x, r->f[RF_REASON]);
	if (id == 0) {
		db_rollback();
		view_set(r, "Rating.conflict", "1");
		return assoc_member_page(r, 409, &x.m, 0);
	}
	rc = id < 0 ? (int)id : assoc_audit_row(r, &x, r->f[RF_REASON]);
	return page_finish(r, rc, arena_printf(&r->arena, "/assoc/ratings/%lld", id));
}
