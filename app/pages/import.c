/* import.c — staff imports of subject and record lists as CSV (formats in
 * README.md, "CSV formats"). Every row is checked first, with the same
 * field rules as the forms; if any row is bad, the page lists every bad row
 * with its line number and reason and nothing is written. Otherwise all rows
 * go in in one transaction, each with its audit row. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "rules/csv.h"
#include "rules/uscc.h"
#include "store/audit.h"
#include "store/records.h"
#include "store/subjects.h"

#define IMPORT_MAX_ROWS   5000
#define IMPORT_MAX_ERRORS 200
#define MAX_CATALOG       64

static const char *const kinds_choice[] = { "subjects", "records", NULL };
enum { IF_KIND, IF_FILE };
static const struct field import_fields[] = {
	[IF_KIND] = { "kind", FT_ENUM, FF_REQUIRED, 0, 0, kinds_choice },
	[IF_FILE] = { "file", FT_FILE, FF_REQUIRED, 0, 0, NULL },
};
const struct form import_form = { import_fields, 2 };

/* A column: its English and Chinese header names and the rule for a cell. */
struct column {
	const char  *en, *zh;
	struct field rule;
};

static const char *const subj_kinds[] = {
	"enterprise", "social_org", "institution", "individual_business", "other", NULL
};
static const char *const reg_statuses[] = { "active", "revoked", "cancelled", "moved_out", NULL };
static const char *const publicity[] = { "1", "0", NULL };

enum { SC_USCC, SC_NAME, SC_KIND, SC_LEGAL_REP, SC_ADDRESS, SC_DISTRICT, SC_INDUSTRY,
	SC_ESTABLISHED, SC_STATUS, SC_N };
static const struct column subject_cols[SC_N] = {
	[SC_USCC]        = { "uscc", "统一社会信用代码", { "uscc", FT_TEXT, FF_REQUIRED, 1, 40, NULL } },
	[SC_NAME]        = { "name", "名称", { "name", FT_TEXT, FF_REQUIRED, 2, 200, NULL } },
	[SC_KIND]        = { "kind", "主体类型", { "kind", FT_ENUM, 0, 0, 0, subj_kinds } },
	[SC_LEGAL_REP]   = { "legal_rep", "法定代表人", { "legal_rep", FT_TEXT, 0, 1, 100, NULL } },
	[SC_ADDRESS]     = { "address", "住所", { "address", FT_TEXT, 0, 1, 300, NULL } },
	[SC_DISTRICT]    = { "district", "所属区县", { "district", FT_TEXT, 0, 1, 50, NULL } },
	[SC_INDUSTRY]    = { "industry", "行业", { "industry", FT_TEXT, 0, 1, 100, NULL } },
	[SC_ESTABLISHED] = { "established", "成立日期", { "established", FT_DATE, 0, 0, 0, NULL } },
	[SC_STATUS]      = { "reg_status", "登记状态", { "reg_status", FT_ENUM, 0, 0, 0, reg_statuses } },
};

enum { RC_USCC, RC_ITEM, RC_AGENCY, RC_DOC, RC_DECIDED, RC_ENDED, RC_SUMMARY, RC_PUBLIC, RC_N };
static const struct column record_cols[RC_N] = {
	[RC_USCC]    = { "uscc", "统一社会信用代码", { "uscc", FT_TEXT, FF_REQUIRED, 1, 40, NULL } },
	[RC_ITEM]    = { "item", "目录事项", { "item", FT_TOKEN, FF_REQUIRED, 1, 32, NULL } },
	[RC_AGENCY]  = { "agency", "信息提供单位", { "agency", FT_TEXT, FF_REQUIRED, 2, 100, NULL } },
	[RC_DOC]     = { "doc_no", "文书号", { "doc_no", FT_TEXT, FF_REQUIRED, 2, 100, NULL } },
	[RC_DECIDED] = { "decided_on", "决定日期", { "decided_on", FT_DATE, FF_REQUIRED, 0, 0, NULL } },
	[RC_ENDED]   = { "ended_on", "行为终止日期", { "ended_on", FT_DATE, 0, 0, 0, NULL } },
	[RC_SUMMARY] = { "summary", "内容", { "summary", FT_MULTILINE, FF_REQUIRED, 2, 1000, NULL } },
	[RC_PUBLIC]  = { "is_public", "是否公开", { "is_public", FT_ENUM, 0, 0, 0, publicity } },
};

struct import {
	struct req      *r;
	struct csv_doc   doc;
	int              map[16];      /* column index in the file, or -1 */
	int              nerr;
	const struct column *cols;
	int              ncols;
};

static void
row_error(struct import *im, int line, const char *what, const char *key)
{
	char name[48];

	if (im->nerr < IMPORT_MAX_ERRORS) {
		snprintf(name, sizeof(name), "Import.errors.%d.line", im->nerr);
		view_set_int(im->r, name, line);
		snprintf(name, sizeof(name), "Import.errors.%d.column", im->nerr);
		view_set(im->r, name, what);
		snprintf(name, sizeof(name), "Import.errors.%d.reason", im->nerr);
		view_set(im->r, name, view_str(im->r, key));
	}
	im->nerr++;
}

/* Matches the header against the columns (English or Chinese names). */
static int
map_header(struct import *im)
{
	int c, k, ok = 1;

	for (c = 0; c < im->ncols; c++) {
		im->map[c] = -1;
		for (k = 0; k < im->doc.header.n; k++) {
			const char *h = im->doc.header.f[k];
			if (strcasecmp(h, im->cols[c].en) == 0 || strcmp(h, im->cols[c].zh) == 0)
				im->map[c] = k;
		}
		if (im->map[c] < 0 && (im->cols[c].rule.flags & FF_REQUIRED)) {
			row_error(im, im->doc.header.line, im->cols[c].en, "Import.missing_column");
			ok = 0;
		}
	}
	return ok;
}

/* The cell of column c in row, or NULL when absent or empty. */
static const char *
cell(const struct import *im, const struct csv_row *row, int c)
{
	int k = im->map[c];

	if (k < 0 || k >= row->n || row->len[k] == 0)
		return NULL;
	return row->f[k];
}

/* Checks every cell of a row against its column rule. */
static int
check_cells(struct import *im, const struct csv_row *row)
{
	const char *why, *v;
	int c, ok = 1;

	for (c = 0; c < im->ncols; c++) {
		v = cell(im, row, c);
		if (v == NULL) {
			if (im->cols[c].rule.flags & FF_REQUIRED) {
				row_error(im, row->line, im->cols[c].en, "Err.field.required");
				ok = 0;
			}
			continue;
		}
		if (!field_check(&im->cols[c].rule, v, strlen(v), &why)) {
			row_error(im, row->line, im->cols[c].en, why);
			ok = 0;
		}
	}
	return ok;
}

static int
read_file(struct import *im)
{
	struct req *r = im->r;
	const struct csv_limits lim = { IMPORT_MAX_ROWS, 32, 4000 };
	const char *buf;
	size_t len;
	int line = 0, rc;

	if (req_file_bytes(r, r->ffile[IF_FILE], &buf, &len) != 0)
		return -1;
	rc = csv_read(&r->arena, buf, len, &lim, &im->doc, &line);
	if (rc != CSV_OK) {
		row_error(im, line, "", csv_errkey(rc));
		return 0;
	}
	return map_header(im);
}

static int
import_subjects(struct import *im)
{
	struct req *r = im->r;
	struct subject *s;
	char (*codes)[USCC_LEN + 1];
	struct subject existing;
	int i, j, rc, pos;
	char want;

	s = arena_alloc(&r->arena, sizeof(*s) * (size_t)(im->doc.nrows + 1));
	codes = arena_alloc(&r->arena, sizeof(*codes) * (size_t)(im->doc.nrows + 1));
	if (s == NULL || codes == NULL)
		return DB_ERR;
	for (i = 0; i < im->doc.nrows; i++) {
		const struct csv_row *row = &im->doc.rows[i];
		const char *u = cell(im, row, SC_USCC);

		memset(&s[i], 0, sizeof(s[i]));
		if (!check_cells(im, row) || u == NULL)
			continue;
		/* Imports never override a check character: that is a form
		 * decision staff make one code at a time. */
		rc = uscc_normalize(u, strlen(u), codes[i], &pos, &want);
		if (rc != USCC_OK) {
			row_error(im, row->line, "uscc", uscc_errkey(rc));
			continue;
		}
		for (j = 0; j < i; j++)
			if (strcmp(codes[j], codes[i]) == 0) {
				row_error(im, row->line, "uscc", "Import.duplicate_row");
				break;
			}
		if ((rc = subjects_by_uscc(&r->arena, codes[i], &existing)) < 0)
			return rc;
		if (rc > 0)
			row_error(im, row->line, "uscc", "Err.uscc.exists");
		s[i].uscc = codes[i];
		s[i].name = (char *)cell(im, row, SC_NAME);
		s[i].kind = (char *)cell(im, row, SC_KIND);
		s[i].legal_rep = (char *)cell(im, row, SC_LEGAL_REP);
		s[i].address = (char *)cell(im, row, SC_ADDRESS);
		s[i].district = (char *)cell(im, row, SC_DISTRICT);
		s[i].industry = (char *)cell(im, row, SC_INDUSTRY);
		s[i].established = (char *)cell(im, row, SC_ESTABLISHED);
		s[i].reg_status = (char *)cell(im, row, SC_STATUS);
	}
	if (im->nerr > 0)
		return 0;
	if ((rc = db_begin()) < 0)
		return rc;
	for (i = 0; i < im->doc.nrows; i++) {
		long long id = subjects_insert(&r->arena, &s[i]);
		if (id < 0 || (rc = page_audit(r, id, "create", "subject registered by CSV import")) < 0) {
			db_rollback();
			if (id == DB_DUP) {
				row_error(im, im->doc.rows[i].line, "uscc", "Err.uscc.exists");
				return 0;
			}
			return id < 0 ? (int)id : rc;
		}
	}
	if ((rc = db_commit()) < 0) {
		db_rollback();
		return rc;
	}
	return 1;
}

static int
import_records(struct import *im)
{
	struct req *r = im->r;
	struct catalog_item cat[MAX_CATALOG];
	struct record_in *in;
	struct subject s;
	char code[USCC_LEN + 1], want;
	int i, k, ncat, rc, pos;

	if ((ncat = catalog_list(&r->arena, cat, MAX_CATALOG)) < 0)
		return ncat;
	if ((in = arena_alloc(&r->arena, sizeof(*in) * (size_t)(im->doc.nrows + 1))) == NULL)
		return DB_ERR;
	for (i = 0; i < im->doc.nrows; i++) {
		const struct csv_row *row = &im->doc.rows[i];
		const char *u = cell(im, row, RC_USCC), *item = cell(im, row, RC_ITEM);
		const char *decided = cell(im, row, RC_DECIDED), *ended = cell(im, row, RC_ENDED);
		const char *pub = cell(im, row, RC_PUBLIC);

		if (!check_cells(im, row) || u == NULL || item == NULL)
			continue;
		rc = uscc_normalize(u, strlen(u), code, &pos, &want);
		/* Registered pilot codes (override) fail the check but exist. */
		if (rc != USCC_OK && rc != USCC_CHECK) {
			row_error(im, row->line, "uscc", uscc_errkey(rc));
			continue;
		}
		if ((rc = subjects_by_uscc(&r->arena, code, &s)) < 0)
			return rc;
		if (rc == 0) {
			row_error(im, row->line, "uscc", "Err.subject.notfound");
			continue;
		}
		for (k = 0; k < ncat && strcmp(cat[k].code, item) != 0; k++)
			;
		if (k == ncat) {
			row_error(im, row->line, "item", "Import.unknown_item");
			continue;
		}
		if (ended != NULL && decided != NULL && strcmp(ended, decided) < 0) {
			row_error(im, row->line, "ended_on", "Err.record.ended_before");
			continue;
		}
		in[i].subject_id = s.id;
		in[i].item_id = cat[k].id;
		in[i].agency = cell(im, row, RC_AGENCY);
		in[i].doc_no = cell(im, row, RC_DOC);
		in[i].decided_on = decided;
		in[i].ended_on = ended;
		in[i].summary = cell(im, row, RC_SUMMARY);
		in[i].is_public = pub == NULL || strcmp(pub, "1") == 0;
		in[i].by = r->user.id;
	}
	if (im->nerr > 0)
		return 0;
	if ((rc = db_begin()) < 0)
		return rc;
	for (i = 0; i < im->doc.nrows; i++) {
		long long id = records_insert(&r->arena, &in[i]);
		/* Not the document number: see staff_record_create(). */
		if (id < 0 || (rc = page_audit(r, in[i].subject_id, "create", arena_printf(&r->arena,
		    "record %lld entered by CSV import", id))) < 0) {
			db_rollback();
			return id < 0 ? (int)id : rc;
		}
	}
	if ((rc = db_commit()) < 0) {
		db_rollback();
		return rc;
	}
	return 1;
}

static int
import_page(struct req *r, int status)
{
	return page_form(r, view_str(r, "Import.title"), "staff", "staff_import.cs", status);
}

int
staff_import_get(struct req *r)
{
	return import_page(r, 200);
}

int
staff_import_post(struct req *r)
{
	struct import im;
	int rc;

	if (r->form_invalid)
		return import_page(r, 422);
	memset(&im, 0, sizeof(im));
	im.r = r;
	if (strcmp(r->f[IF_KIND], "subjects") == 0) {
		im.cols = subject_cols;
		im.ncols = SC_N;
	} else {
		im.cols = record_cols;
		im.ncols = RC_N;
	}
	rc = read_file(&im);
	if (rc < 0)
		return req_error(r, 500, "Err.upload.io");
	if (rc > 0 && im.doc.nrows == 0)
		row_error(&im, im.doc.header.line, "", "Import.no_rows");
	if (im.nerr == 0)
		rc = im.cols == subject_cols ? import_subjects(&im) : import_records(&im);
	if (rc < 0)
		return req_dberr(r, rc);
	if (im.nerr > 0) {
		view_set_int(r, "Import.nerrors", im.nerr);
		if (im.nerr > IMPORT_MAX_ERRORS)
			view_set_int(r, "Import.shown", IMPORT_MAX_ERRORS);
		return import_page(r, 422);
	}
	view_set_int(r, "Import.done", im.doc.nrows);
	view_set(r, "Import.encoding", im.doc.encoding);
	return import_page(r, 200);
}
