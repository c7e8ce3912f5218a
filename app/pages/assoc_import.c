/* assoc_import.c — an association uploads ratings as CSV (format in
 * README.md, "Association ratings"): every row is checked first (member of
 * this association, level on its scale, validity, overlaps, duplicates,
 * measures), then all rows go in in one transaction or none does, and the
 * page lists every bad row with its line number and reason. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/assoc_int.h"
#include "rules/csv.h"
#include "rules/uscc.h"
#include "rules/window.h"
#include "store/subjects.h"

#define IMPORT_ROWS   2000
#define IMPORT_ERRORS 200

/* ---- the form ---- */

enum { IF_FILE, IF_REASON };
static const struct field rating_import_fields[] = {
	[IF_FILE]   = { "file", FT_FILE, FF_REQUIRED, 0, 0, NULL },
	[IF_REASON] = { "reason", FT_TEXT, FF_TRIM, 2, 300, NULL },
};
const struct form rating_import_form = { rating_import_fields, 2 };

/* ---- the columns ---- */

enum { CC_USCC, CC_LEVEL, CC_FROM, CC_TO, CC_BASIS, CC_MEASURES, CC_N };
static const struct { const char *en, *zh; struct field rule; } rating_cols[CC_N] = {
	[CC_USCC]     = { "uscc", "统一社会信用代码", { "uscc", FT_TEXT, FF_REQUIRED, 1, 40, NULL } },
	[CC_LEVEL]    = { "level", "信用等级", { "level", FT_TEXT, FF_REQUIRED, 1, 20, NULL } },
	[CC_FROM]     = { "valid_from", "有效期起", { "valid_from", FT_DATE, FF_REQUIRED, 0, 0, NULL } },
	[CC_TO]       = { "valid_to", "有效期止", { "valid_to", FT_DATE, 0, 0, 0, NULL } },
	[CC_BASIS]    = { "basis", "评价依据", { "basis", FT_TEXT, FF_REQUIRED, 2, 300, NULL } },
	[CC_MEASURES] = { "measures", "奖惩措施", { "measures", FT_TEXT, 0, 1, 200, NULL } },
};

struct upload {
	struct req    *r;
	struct csv_doc doc;
	int            map[CC_N];
	int            nerr;
};

static void
row_error(struct upload *u, int line, const char *col, const char *key)
{
	char name[48];

	if (u->nerr < IMPORT_ERRORS) {
		snprintf(name, sizeof(name), "Import.errors.%d.line", u->nerr);
		view_set_int(u->r, name, line);
		snprintf(name, sizeof(name), "Import.errors.%d.column", u->nerr);
		view_set(u->r, name, col);
		snprintf(name, sizeof(name), "Import.errors.%d.reason", u->nerr);
		view_set(u->r, name, view_str(u->r, key));
	}
	u->nerr++;
}

static const char *
cell(const struct upload *u, const struct csv_row *row, int c)
{
	int k = u->map[c];

	if (k < 0 || k >= row->n || row->len[k] == 0)
		return NULL;
	return row->f[k];
}

static int
upload_read(struct upload *u)
{
	static const struct csv_limits lim = { IMPORT_ROWS, 16, 1000 };
	const char *buf;
	size_t len;
	int line = 0, rc, c, k;

	if (req_file_bytes(u->r, u->r->ffile[IF_FILE], &buf, &len) != 0)
		return -1;
	if ((rc = csv_read(&u->r->arena, buf, len, &lim, &u->doc, &line)) != CSV_OK) {
		row_error(u, line, "", csv_errkey(rc));
		return 0;
	}
	for (c = 0; c < CC_N; c++) {
		u->map[c] = -1;
		for (k = 0; k < u->doc.header.n; k++)
			if (strcasecmp(u->doc.header.f[k], rating_cols[c].en) == 0 ||
			    strcmp(u->doc.header.f[k], rating_cols[c].zh) == 0)
				u->map[c] = k;
		if (u->map[c] < 0 && (rating_cols[c].rule.flags & FF_REQUIRED))
			row_error(u, u->doc.header.line, rating_cols[c].en, "Import.missing_column");
	}
	if (u->nerr == 0 && u->doc.nrows == 0)
		row_error(u, u->doc.header.line, "", "Import.no_rows");
	return 1;
}

/* Checks every row; fills x[i] (x[i].line 0 = row skipped after an error). */
static int
upload_check(struct upload *u, struct rate_row *x, const struct level *lv, int n,
    const char *reason)
{
	struct req *r = u->r;
	struct subject s;
	char (*codes)[USCC_LEN + 1];
	const char *why, *col, *bad;
	unsigned mask;
	int i, j, rc, pos, ok;
	char want;

	if ((codes = arena_alloc(&r->arena, sizeof(*codes) * (size_t)u->doc.nrows)) == NULL)
		return DB_ERR;
	for (i = 0; i < u->doc.nrows; i++) {
		const struct csv_row *row = &u->doc.rows[i];
		const char *v, *level = cell(u, row, CC_LEVEL);

		memset(&x[i], 0, sizeof(x[i]));
		for (ok = 1, j = 0; j < CC_N; j++) {
			v = cell(u, row, j);
			if (v == NULL) {
				if (rating_cols[j].rule.flags & FF_REQUIRED) {
					row_error(u, row->line, rating_cols[j].en, "Err.field.required");
					ok = 0;
				}
			} else if (!field_check(&rating_cols[j].rule, v, strlen(v), &why)) {
				row_error(u, row->line, rating_cols[j].en, why);
				ok = 0;
			}
		}
		if (!ok)
			continue;
		v = cell(u, row, CC_USCC);
		if ((rc = uscc_normalize(v, strlen(v), codes[i], &pos, &want)) != USCC_OK) {
			row_error(u, row->line, "uscc", uscc_errkey(rc));
			continue;
		}
		if (measures_parse(cell(u, row, CC_MEASURES), &mask, &bad) != 0) {
			row_error(u, row->line, "measures", "Assoc.err.measure");
			continue;
		}
		measures_format(mask, x[i].measures, sizeof(x[i].measures));
		if ((rc = subjects_by_uscc(&r->arena, codes[i], &s)) < 0)
			return rc;
		if (rc == 0) {
			row_error(u, row->line, "uscc", "Err.subject.notfound");
			continue;
		}
		if ((rc = assoc_member_of_subject(&r->arena, ASSOC_ID(r), s.id, &x[i].m)) < 0)
			return rc;
		if (rc == 0) {
			row_error(u, row->line, "uscc", "Assoc.err.not_member");
			continue;
		}
		/* A former member keeps its ratings and gets no new one. */
		if (x[i].m.ended_on != NULL) {
			row_error(u, row->line, "uscc", "Assoc.err.former_member");
			continue;
		}
		x[i].expels = (mask & (1u << RM_EXPEL)) != 0;
		x[i].uscc = codes[i];
		x[i].from = cell(u, row, CC_FROM);
		x[i].to = cell(u, row, CC_TO);
		x[i].basis = cell(u, row, CC_BASIS);
		if ((why = assoc_check_row(r, &x[i], lv, n, level, &col)) != NULL) {
			if (strcmp(why, "Err.internal") == 0)
				return DB_ERR;
			row_error(u, row->line, col, why);
			continue;
		}
		for (j = 0; j < i; j++) {
			if (x[j].line == 0 || strcmp(x[j].uscc, x[i].uscc) != 0)
				continue;
			if (x[j].lv == x[i].lv && strcmp(x[j].from, x[i].from) == 0 &&
			    strcmp(x[j].to_buf, x[i].to_buf) == 0) {
				row_error(u, row->line, "", "Assoc.err.duplicate_row");
				break;
			}
			if (validity_overlaps(x[j].from, x[j].to_buf, x[i].from, x[i].to_buf)) {
				row_error(u, row->line, "valid_from", "Assoc.err.overlap_file");
				break;
			}
			/* 取消会员资格 ends the membership: nothing may follow it. */
			if ((x[j].expels && strcmp(x[i].from, x[j].from) > 0) ||
			    (x[i].expels && strcmp(x[j].from, x[i].from) > 0)) {
				row_error(u, row->line, "measures", "Assoc.err.after_expel");
				break;
			}
		}
		if (j < i)
			continue;
		/* Still compared with later rows: only the reason is missing. */
		x[i].line = row->line;
		if (x[i].m.rating_id > 0 && reason == NULL)
			row_error(u, row->line, "reason", "Assoc.err.reason");
	}
	return 1;
}

static int
import_page(struct req *r, int status)
{
	form_to_hdf(r);
	assoc_page(r, "Assoc.import.title", "assoc_import.cs");
	return r->status = status;
}

int
assoc_import_get(struct req *r)
{
	return import_page(r, 200);
}

/* Rows of one member go in in order of validity, so a later row supersedes
 * an earlier one of the same file. */
static int
by_from(const void *a, const void *b)
{
	const struct rate_row *x = a, *y = b;
	int c = x->m.id < y->m.id ? -1 : x->m.id > y->m.id;

	return c != 0 ? c : strcmp(x->from, y->from);
}

int
assoc_import_post(struct req *r)
{
	struct level lv[RATING_MAX_LEVELS];
	struct upload u;
	struct rate_row *x = NULL;
	long long id = 0, prev_member = 0, prev_id = 0;
	int n, i, rc;

	if (r->form_invalid)
		return import_page(r, 422);
	memset(&u, 0, sizeof(u));
	u.r = r;
	if ((rc = upload_read(&u)) < 0)
		return req_error(r, 500, "Err.upload.io");
	if (u.nerr == 0) {
		if ((n = assoc_load_levels(r, lv, 0)) < 0)
			return req_dberr(r, n);
		x = arena_alloc(&r->arena, sizeof(*x) * (size_t)u.doc.nrows);
		if (x == NULL)
			return req_error(r, 500, "Err.internal");
		if ((rc = upload_check(&u, x, lv, n, r->f[IF_REASON])) < 0)
			return req_dberr(r, rc);
	}
	if (u.nerr > 0) {
		view_set_int(r, "Import.nerrors", u.nerr);
		if (u.nerr > IMPORT_ERRORS)
			view_set_int(r, "Import.shown", IMPORT_ERRORS);
		return import_page(r, 422);
	}
	qsort(x, (size_t)u.doc.nrows, sizeof(*x), by_from);
	if ((rc = db_begin()) < 0)
		return req_dberr(r, rc);
	for (i = 0; i < u.doc.nrows; i++) {
		/* A second row of the same member supersedes the first. */
		if (x[i].m.id == prev_member)
			x[i].m.rating_id = prev_id;
		id = assoc_write_row(r, &x[i], r->f[IF_REASON] != NULL ? r->f[IF_REASON] :
		    "superseded by a later row of the same upload");
		if (id <= 0) {
			db_rollback();
			if (id == 0) {
				row_error(&u, x[i].line, "", "Assoc.err.conflict");
				view_set_int(r, "Import.nerrors", u.nerr);
				return import_page(r, 409);
			}
			return req_dberr(r, (int)id);
		}
		prev_member = x[i].m.id;
		prev_id = id;
	}
	for (i = 0; i < u.doc.nrows; i++)
		if ((rc = assoc_audit_row(r, &x[i], r->f[IF_REASON] != NULL ? r->f[IF_REASON] :
		    "superseded by a later row of the same upload")) < 0) {
			db_rollback();
			return req_dberr(r, rc);
		}
	if ((rc = db_commit()) < 0) {
		db_rollback();
		return req_dberr(r, rc);
	}
	view_set_int(r, "Import.done", u.doc.nrows);
	view_set(r, "Import.encoding", u.doc.encoding);
	return import_page(r, 200);
}
