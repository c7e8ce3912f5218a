/* assoc_scale.c — an association's own ordered rating scale: a preset
 * (the national pilot's nine levels, the common five, 一级…四级) while it is
 * empty, levels appended at the bottom (ranks and grade codes of levels in
 * use never move), the description of each level, and removal of a level
 * only while no rating uses it. Every change is audited. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/assoc_int.h"

/* ---- forms ---- */

static const char *const preset_keys[] = { "pilot9", "common5", "grade4", NULL };

static const struct field preset_fields[] = {
	{ "preset", FT_ENUM, FF_REQUIRED, 0, 0, preset_keys },
};
const struct form preset_form = { preset_fields, 1 };

enum { LF_CODE, LF_DESC, LF_N };
static const struct field level_fields[LF_N] = {
	[LF_CODE] = { "code", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 20, NULL },
	[LF_DESC] = { "description", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 300, NULL },
};
const struct form level_form = { level_fields, LF_N };

static const struct field level_desc_fields[] = {
	{ "description", FT_TEXT, FF_REQUIRED | FF_TRIM, 1, 300, NULL },
};
const struct form level_desc_form = { level_desc_fields, 1 };

/* ---- the scale ---- */

int
assoc_load_levels(struct req *r, struct level *lv, int publish)
{
	char name[48];
	int n, i;

	if ((n = assoc_levels(&r->arena, ASSOC_ID(r), lv, RATING_MAX_LEVELS)) < 0 || !publish)
		return n;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Levels.%d.id", i);
		view_set_int(r, name, lv[i].id);
		snprintf(name, sizeof(name), "Levels.%d.rank", i);
		view_set_int(r, name, lv[i].rank);
		snprintf(name, sizeof(name), "Levels.%d.code", i);
		view_set(r, name, lv[i].code);
		snprintf(name, sizeof(name), "Levels.%d.grade", i);
		view_set(r, name, lv[i].grade_code);
		snprintf(name, sizeof(name), "Levels.%d.description", i);
		view_set(r, name, lv[i].description);
		snprintf(name, sizeof(name), "Levels.%d.used", i);
		view_set_int(r, name, lv[i].n_ratings);
	}
	view_set_int(r, "Scale.n", n);
	return n;
}

static int
scale_page(struct req *r, int status)
{
	struct level lv[RATING_MAX_LEVELS];
	int n;

	if ((n = assoc_load_levels(r, lv, 1)) < 0)
		return req_dberr(r, n);
	if (r->form == &level_form || r->form == &preset_form)
		form_to_hdf(r);
	assoc_page(r, "Assoc.scale.title", "assoc_scale.cs");
	return r->status = status;
}

int
assoc_scale_get(struct req *r)
{
	return scale_page(r, 200);
}

int
assoc_scale_preset(struct req *r)
{
	const struct rating_preset *p = rating_preset(r->f[0]);
	struct level lv[RATING_MAX_LEVELS];
	char grade[4];
	long long id;
	int n, i, rc;

	if ((n = assoc_load_levels(r, lv, 0)) < 0)
		return req_dberr(r, n);
	if (p == NULL)
		page_field_fail(r, 0, "Err.field.choice");
	else if (n > 0)
		page_field_fail(r, 0, "Assoc.err.scale_exists");
	if (r->form_invalid)
		return scale_page(r, 422);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	for (i = 0; i < p->n; i++) {
		if (rating_grade_code(p->codes[i], i + 1, grade) != 0)
			return page_finish(r, DB_ERR, "/");
		id = assoc_level_insert(&r->arena, ASSOC_ID(r), i + 1, p->codes[i], grade, p->desc[i]);
		if (id < 0) {
			db_rollback();
			if (id == DB_DUP) {
				/* Another request set the scale meanwhile. */
				page_field_fail(r, 0, "Assoc.err.scale_exists");
				return scale_page(r, 422);
			}
			return req_dberr(r, (int)id);
		}
	}
	rc = page_audit(r, 0, "scale", arena_printf(&r->arena,
	    "association %lld adopted the %s scale", ASSOC_ID(r), p->key));
	return page_finish(r, rc, "/assoc/scale");
}

int
assoc_level_create(struct req *r)
{
	struct level lv[RATING_MAX_LEVELS];
	char grade[4];
	long long id;
	int n, rc;

	if ((n = assoc_load_levels(r, lv, 0)) < 0)
		return req_dberr(r, n);
	/* New levels go to the bottom: ranks of levels in use never move. */
	if (!r->form_invalid && (n >= RATING_MAX_LEVELS ||
	    rating_grade_code(r->f[LF_CODE], n > 0 ? (int)lv[n - 1].rank + 1 : 1, grade) != 0))
		page_field_fail(r, LF_CODE, "Assoc.err.scale_full");
	if (r->form_invalid)
		return scale_page(r, 422);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	id = assoc_level_insert(&r->arena, ASSOC_ID(r), n > 0 ? lv[n - 1].rank + 1 : 1,
	    r->f[LF_CODE], grade, r->f[LF_DESC]);
	if (id == DB_DUP) {
		db_rollback();
		page_field_fail(r, LF_CODE, "Assoc.err.level_exists");
		return scale_page(r, 422);
	}
	if (id < 0)
		return page_finish(r, (int)id, "/");
	rc = page_audit(r, 0, "scale", arena_printf(&r->arena,
	    "association %lld added level %s (grade code %s)", ASSOC_ID(r), r->f[LF_CODE], grade));
	return page_finish(r, rc, "/assoc/scale");
}

/* The level of the path ({id}) among this association's levels, *i its
 * index; 0, or the status of the error page (another association's level
 * is forbidden). */
static int
path_level(struct req *r, struct level lv[RATING_MAX_LEVELS], int *i)
{
	int n;

	if ((n = assoc_load_levels(r, lv, 0)) < 0)
		return req_dberr(r, n);
	for (*i = 0; *i < n && lv[*i].id != r->pathids[0]; (*i)++)
		;
	return *i < n ? 0 : req_error(r, 403, "Err.forbidden");
}

/* What a level means may change at any time, in use or not: its code,
 * rank and grade code (which certificates carry) stay as they are. */
int
assoc_level_update(struct req *r)
{
	struct level lv[RATING_MAX_LEVELS];
	const char *desc = r->f[0];
	int i, rc;

	if ((rc = path_level(r, lv, &i)) != 0)
		return rc;
	if (r->form_invalid) {
		view_set_int(r, "Scale.edit.id", lv[i].id);
		view_set(r, "Scale.edit.error", view_str(r, r->ferr[0] != NULL ? r->ferr[0] :
		    "Err.field.required"));
		return scale_page(r, 422);
	}
	if (strcmp(desc, lv[i].description) == 0)
		return req_redirect(r, "/assoc/scale");
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	/* The statement acts only on this association's level. */
	if ((rc = assoc_level_describe(&r->arena, ASSOC_ID(r), lv[i].id, desc)) == 0) {
		db_rollback();
		return req_error(r, 403, "Err.forbidden");
	}
	if (rc > 0)
		rc = page_audit(r, 0, "scale", arena_printf(&r->arena,
		    "association %lld changed the description of level %s from \"%s\" to \"%s\"",
		    ASSOC_ID(r), lv[i].code, lv[i].description, desc));
	return page_finish(r, rc, arena_printf(&r->arena, "/assoc/scale#level-%lld", lv[i].id));
}

int
assoc_level_remove(struct req *r)
{
	struct level lv[RATING_MAX_LEVELS];
	int i, rc;

	if ((rc = path_level(r, lv, &i)) != 0)
		return rc;
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	/* The statement itself refuses a level of another association or one
	 * that any rating uses, whatever was read above. */
	rc = assoc_level_delete(&r->arena, ASSOC_ID(r), lv[i].id);
	if (rc == 0) {
		db_rollback();
		view_set(r, "Scale.error", view_str(r, "Assoc.err.level_used"));
		return scale_page(r, 409);
	}
	if (rc > 0)
		rc = page_audit(r, 0, "scale", arena_printf(&r->arena,
		    "association %lld removed unused level %s", ASSOC_ID(r), lv[i].code));
	return page_finish(r, rc, "/assoc/scale");
}
