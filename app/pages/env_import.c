/* env_import.c — a round's results by CSV (format in README.md,
 * "Environmental grades"): USCC, name, grade as the Chinese or English
 * word, optional score and district. Enterprises not yet registered are
 * created from the row. All rows or none: every bad row is reported. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/env_int.h"
#include "rules/csv.h"
#include "rules/uscc.h"
#include "store/subjects.h"

#define ENV_IMPORT_MAX_ROWS   5000
#define ENV_IMPORT_MAX_ERRORS 200

enum { IM_FILE, IM_N };
static const struct field import_fields[IM_N] = {
	[IM_FILE] = { "file", FT_FILE, FF_REQUIRED, 0, 0, NULL },
};
const struct form env_import_form = { import_fields, IM_N };

struct column {
	const char  *en, *zh;
	struct field rule;
};

enum { C_USCC, C_NAME, C_GRADE, C_SCORE, C_DISTRICT, C_N };
static const struct column cols[C_N] = {
	[C_USCC]     = { "uscc", "统一社会信用代码", { "uscc", FT_TEXT, FF_REQUIRED, 1, 40, NULL } },
	[C_NAME]     = { "name", "名称", { "name", FT_TEXT, FF_REQUIRED, 2, 200, NULL } },
	[C_GRADE]    = { "grade", "环保信用等级", { "grade", FT_TEXT, FF_REQUIRED, 1, 20, NULL } },
	[C_SCORE]    = { "score", "得分", { "score", FT_INT, 0, 0, 100, NULL } },
	[C_DISTRICT] = { "district", "所属区县", { "district", FT_TEXT, 0, 1, 50, NULL } },
};

struct row {
	char        uscc[USCC_LEN + 1];
	const char *name, *district;
	long long   subject_id, score;
	int         grade, has_score, ok;
};

struct import {
	struct req    *r;
	struct csv_doc doc;
	int            map[C_N];
	int            nerr;
};

static void
row_error(struct import *im, int line, const char *col, const char *key)
{
	char name[48];

	if (im->nerr < ENV_IMPORT_MAX_ERRORS) {
		snprintf(name, sizeof(name), "Import.errors.%d.line", im->nerr);
		view_set_int(im->r, name, line);
		snprintf(name, sizeof(name), "Import.errors.%d.column", im->nerr);
		view_set(im->r, name, col);
		snprintf(name, sizeof(name), "Import.errors.%d.reason", im->nerr);
		view_set(im->r, name, view_str(im->r, key));
	}
	im->nerr++;
}

static const char *
cell(const struct import *im, const struct csv_row *row, int c)
{
	int k = im->map[c];

	if (k < 0 || k >= row->n || row->len[k] == 0)
		return NULL;
	return row->f[k];
}

static int
import_page(struct req *r, int status, const struct env_round *x)
{
	view_set_int(r, "Round.id", x->id);
	view_set_int(r, "Round.year", x->year);
	view_set(r, "Round.scope", x->scope);
	view_set(r, "Round.status", x->status);
	return page_form(r, view_str(r, "Env.import.title"), "env", "env_import.cs", status);
}

static int
load_round(struct req *r, struct env_round *x)
{
	int rc = env_round_get(&r->arena, r->pathids[0], x);

	if (rc <= 0)
		return rc < 0 ? req_dberr(r, rc) : req_error(r, 404, "Err.notfound");
	return 0;
}

int
env_import_get(struct req *r)
{
	struct env_round x;
	int rc;

	if ((rc = load_round(r, &x)) != 0)
		return rc;
	return import_page(r, 200, &x);
}

/* Checks every row; fills rows[]. Returns 0 or < 0 (DB error). */
static int
check_rows(struct import *im, long long round_id, struct row *rows)
{
	struct req *r = im->r;
	struct subject s;
	struct env_entry e;
	const char *why, *v;
	char want;
	int i, j, c, rc, pos, bad;

	for (i = 0; i < im->doc.nrows; i++) {
		const struct csv_row *row = &im->doc.rows[i];
		struct row *w = &rows[i];

		memset(w, 0, sizeof(*w));
		bad = 0;
		for (c = 0; c < C_N; c++) {
			v = cell(im, row, c);
			if (v == NULL) {
				if (cols[c].rule.flags & FF_REQUIRED) {
					row_error(im, row->line, cols[c].en, "Err.field.required");
					bad = 1;
				}
				continue;
			}
			if (c != C_GRADE && !field_check(&cols[c].rule, v, strlen(v), &why)) {
				row_error(im, row->line, cols[c].en, why);
				bad = 1;
			}
		}
		if ((v = cell(im, row, C_GRADE)) != NULL &&
		    (w->grade = grade_parse_word(v, strlen(v))) < 0) {
			row_error(im, row->line, "grade", "Env.import.unknown_grade");
			bad = 1;
		}
		if ((v = cell(im, row, C_USCC)) == NULL)
			continue;
		/* Imports never override a check character. */
		rc = uscc_normalize(v, strlen(v), w->uscc, &pos, &want);
		if (rc != USCC_OK) {
			row_error(im, row->line, "uscc", uscc_errkey(rc));
			continue;
		}
		for (j = 0; j < i; j++)
			if (rows[j].uscc[0] != '\0' && strcmp(rows[j].uscc, w->uscc) == 0) {
				row_error(im, row->line, "uscc", "Env.import.duplicate_row");
				bad = 1;
				break;
			}
		if ((rc = subjects_by_uscc(&r->arena, w->uscc, &s)) < 0)
			return rc;
		if (rc > 0) {
			w->subject_id = s.id;
			if ((rc = env_entry_of(&r->arena, round_id, s.id, &e)) < 0)
				return rc;
			if (rc > 0) {
				row_error(im, row->line, "uscc", "Env.err.duplicate");
				bad = 1;
			}
		}
		w->name = cell(im, row, C_NAME);
		w->district = cell(im, row, C_DISTRICT);
		if ((v = cell(im, row, C_SCORE)) != NULL && !bad) {
			w->has_score = 1;
			w->score = strtoll(v, NULL, 10);   /* checked by field_check above */
		}
		w->ok = !bad;
	}
	return 0;
}

static int
write_rows(struct import *im, const struct env_round *x, struct row *rows, int *created)
{
	struct req *r = im->r;
	struct env_entry e;
	struct subject s;
	char *status;
	long long id;
	int i, rc;

	if ((rc = db_begin()) < 0)
		return rc;
	if ((rc = env_round_lock(&r->arena, x->id, &status)) <= 0)
		goto fail;
	if (strcmp(status, "draft") != 0) {
		db_rollback();
		row_error(im, 0, "", "Env.err.not_draft");
		return 0;
	}
	for (i = 0; i < im->doc.nrows; i++) {
		struct row *w = &rows[i];
		if (w->subject_id == 0) {
			memset(&s, 0, sizeof(s));
			s.uscc = w->uscc;
			s.name = (char *)w->name;
			s.district = (char *)w->district;
			if ((id = subjects_insert(&r->arena, &s)) < 0) {
				rc = (int)id;
				goto fail;
			}
			w->subject_id = id;
			(*created)++;
			if ((rc = page_audit(r, id, "create", arena_printf(&r->arena,
			    "subject registered from the environmental grade import of round %lld", x->id))) < 0)
				goto fail;
		}
		memset(&e, 0, sizeof(e));
		e.round_id = x->id;
		e.subject_id = w->subject_id;
		e.source = "import";
		e.has_score = w->has_score;
		e.score = w->score;
		e.base_grade = e.grade = (char *)grade_codes[w->grade];
		e.district = (char *)w->district;
		if ((id = env_entry_insert(&r->arena, &e, r->user.id)) == DB_DUP) {
			db_rollback();
			row_error(im, im->doc.rows[i].line, "uscc", "Env.err.duplicate");
			return 0;
		}
		if (id < 0) {
			rc = (int)id;
			goto fail;
		}
		if ((rc = page_audit(r, w->subject_id, "env_grade", arena_printf(&r->arena,
		    "environmental grade %s imported into round %lld (%lld %s)", grade_codes[w->grade],
		    x->id, x->year, x->scope))) < 0)
			goto fail;
	}
	if ((rc = db_commit()) < 0)
		goto fail;
	return 1;
fail:
	db_rollback();
	return rc < 0 ? rc : DB_ERR;
}

int
env_import_post(struct req *r)
{
	const struct csv_limits lim = { ENV_IMPORT_MAX_ROWS, 16, 4000 };
	struct env_round x;
	struct import im;
	struct row *rows;
	const char *buf;
	size_t len;
	int rc, c, k, line = 0, created = 0;

	if ((rc = load_round(r, &x)) != 0)
		return rc;
	if (r->form_invalid)
		return import_page(r, 422, &x);
	memset(&im, 0, sizeof(im));
	im.r = r;
	if (strcmp(x.status, "draft") != 0) {
		row_error(&im, 0, "", "Env.err.not_draft");
		goto report;
	}
	if (req_file_bytes(r, r->ffile[IM_FILE], &buf, &len) != 0)
		return req_error(r, 500, "Err.upload.io");
	if ((rc = csv_read(&r->arena, buf, len, &lim, &im.doc, &line)) != CSV_OK) {
		row_error(&im, line, "", csv_errkey(rc));
		goto report;
	}
	for (c = 0; c < C_N; c++) {
		im.map[c] = -1;
		for (k = 0; k < im.doc.header.n; k++)
			if (strcasecmp(im.doc.header.f[k], cols[c].en) == 0 ||
			    strcmp(im.doc.header.f[k], cols[c].zh) == 0)
				im.map[c] = k;
		if (im.map[c] < 0 && (cols[c].rule.flags & FF_REQUIRED))
			row_error(&im, im.doc.header.line, cols[c].en, "Import.missing_column");
	}
	if (im.nerr == 0 && im.doc.nrows == 0)
		row_error(&im, im.doc.header.line, "", "Import.no_rows");
	if (im.nerr > 0)
		goto report;
	if ((rows = arena_alloc(&r->arena, sizeof(*rows) * (size_t)im.doc.nrows)) == NULL)
		return req_error(r, 500, "Err.internal");
	if ((rc = check_rows(&im, x.id, rows)) < 0)
		return req_dberr(r, rc);
	if (im.nerr > 0)
		goto report;
	if ((rc = write_rows(&im, &x, rows, &created)) < 0)
		return req_dberr(r, rc);
	if (im.nerr > 0)
		goto report;
	view_set_int(r, "Import.done", im.doc.nrows);
	view_set_int(r, "Import.created", created);
	view_set(r, "Import.encoding", im.doc.encoding);
	return import_page(r, 200, &x);
report:
	view_set_int(r, "Import.nerrors", im.nerr);
	if (im.nerr > ENV_IMPORT_MAX_ERRORS)
		view_set_int(r, "Import.shown", ENV_IMPORT_MAX_ERRORS);
	return import_page(r, 422, &x);
}
