/* report.c — the enterprise's own credit report (Art. 34), organised like
 * the national portal's public credit summary, and the public page that
 * verifies a report by serial and code. One builder produces the report as
 * a list of lines; the same lines become the HTML page, the PDF and the
 * stored text the verification page shows, and are hashed and signed
 * (Ed25519) when the report is issued. */
#include "pages/pages.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "core/config.h"
#include "core/db.h"
#include "core/log.h"
#include "core/secret.h"
#include "core/view.h"
#include "pages/pdf.h"
#include "rules/window.h"
#include "store/audit.h"
#include "store/records.h"
#include "store/reports.h"
#include "store/subjects.h"

#define REPORT_MAX_LINES   1200
#define REPORT_MAX_RECORDS 300
#define REPORT_MAX_CHANGES 100
#define REPORT_MAX_VIEWS   50
#define SERIAL_LEN         20
#define CODE_LEN           8

struct builder {
	struct req      *r;
	struct pdf_line  lines[REPORT_MAX_LINES];
	int              n;
};

static void
add(struct builder *b, enum pdf_style style, const char *text)
{
	if (b->n >= REPORT_MAX_LINES || text == NULL)
		return;
	b->lines[b->n].style = style;
	b->lines[b->n].text = text;
	b->n++;
}

static void
addf(struct builder *b, enum pdf_style style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
addf(struct builder *b, enum pdf_style style, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	add(b, style, arena_strdup(&b->r->arena, buf));
}

static const char *
L(struct builder *b, const char *key)
{
	return view_str(b->r, key);
}

static const char *
or_dash(const char *s)
{
	return s != NULL && *s != '\0' ? s : "—";
}

/* The report sections, in the order of the national credit summary. */
static const char *const categories[] = {
	"admin", "serious", "commitment", "judicial", "keep_faith", "anomaly", "rating", "other"
};
#define NCAT (sizeof(categories) / sizeof(categories[0]))

static int
build(struct builder *b, const struct subject *s, const char *serial, const char *issued)
{
	struct req *r = b->r;
	struct record *rec;
	struct serious_entry ser[20];
	struct commitment com[50];
	struct audit_change ch[REPORT_MAX_CHANGES];
	struct audit_view views[REPORT_MAX_VIEWS];
	struct record_scope sc;
	struct ymd today, cut;
	char cut_s[11], key[64];
	int nrec, nser, ncom, nch, nv, i, c, count[NCAT] = { 0 };
	int en = strcmp(r->lang, "en") == 0;

	ymd_today(&today);
	window_cutoff(&today, cfg.window_years, &cut);
	ymd_format(&cut, cut_s);
	sc.cutoff = cut_s;
	sc.non_public = 1;
	sc.repaired = 0;   /* a repaired record is no longer part of the file shown */
	if ((rec = arena_alloc(&r->arena, sizeof(*rec) * REPORT_MAX_RECORDS)) == NULL)
		return DB_ERR;
	if ((nrec = records_for_subject(&r->arena, s->id, &sc, rec, REPORT_MAX_RECORDS)) < 0)
		return nrec;
	if ((nser = serious_for_subject(&r->arena, s->id, ser, 20)) < 0)
		return nser;
	if ((ncom = commitments_for_subject(&r->arena, s->id, com, 50)) < 0)
		return ncom;
	if ((nch = audit_changes_of(&r->arena, s->id, ch, REPORT_MAX_CHANGES)) < 0)
		return nch;
	if ((nv = audit_views_of(&r->arena, s->id, views, REPORT_MAX_VIEWS)) < 0)
		return nv;
	for (i = 0; i < nrec; i++)
		for (c = 0; c < (int)NCAT; c++)
			if (strcmp(rec[i].category, categories[c]) == 0)
				count[c]++;
	count[1] += nser;
	count[2] += ncom;

	add(b, PDF_TITLE, L(b, "Report.heading"));
	addf(b, PDF_TEXT, "%s %s", L(b, "Report.serial"), serial);
	addf(b, PDF_TEXT, "%s %s", L(b, "Report.issued"), issued);
	add(b, PDF_RULE, "");
	add(b, PDF_H2, L(b, "Report.basic"));
	addf(b, PDF_TEXT, "%s：%s", L(b, "Entity.name"), s->name);
	addf(b, PDF_TEXT, "%s：%s", L(b, "Entity.uscc"), s->uscc);
	addf(b, PDF_TEXT, "%s：%s", L(b, "Entity.legal_rep"), or_dash(s->legal_rep));
	addf(b, PDF_TEXT, "%s：%s", L(b, "Entity.address"), or_dash(s->address));
	addf(b, PDF_TEXT, "%s：%s", L(b, "Entity.industry"), or_dash(s->industry));
	addf(b, PDF_TEXT, "%s：%s", L(b, "Entity.established"), or_dash(s->established));
	snprintf(key, sizeof(key), "RegStatus.%s", s->reg_status);
	addf(b, PDF_TEXT, "%s：%s", L(b, "Entity.status"), L(b, key));

	add(b, PDF_H2, L(b, "Report.tags"));
	addf(b, PDF_TEXT, "%s%s%s", L(b, key),
	    nser > 0 ? " · " : "", nser > 0 ? L(b, "Entity.serious_flag") : "");
	add(b, PDF_H2, L(b, "Report.summary"));
	for (c = 0; c < (int)NCAT; c++) {
		snprintf(key, sizeof(key), "Report.cat.%s", categories[c]);
		addf(b, PDF_TEXT, "%s：%d", L(b, key), count[c]);
	}

	for (c = 0; c < (int)NCAT; c++) {
		if (count[c] == 0)
			continue;
		snprintf(key, sizeof(key), "Report.cat.%s", categories[c]);
		add(b, PDF_H2, L(b, key));
		if (c == 1)
			for (i = 0; i < nser; i++) {
				addf(b, PDF_TEXT, "%s（%s %s，%s %s）", ser[i].reason, ser[i].agency,
				    ser[i].doc_no, L(b, "Entity.included_on"), ser[i].included_on);
				addf(b, PDF_SMALL, "%s：%s", L(b, "Entity.removal"), ser[i].removal_conditions);
				addf(b, PDF_SMALL, "%s：%s", L(b, "Entity.remedy"), ser[i].remedy);
				addf(b, PDF_SMALL, "%s：%s", L(b, "Entity.responsible"),
				    or_dash(ser[i].responsible_persons));
			}
		if (c == 2)
			for (i = 0; i < ncom; i++) {
				snprintf(key, sizeof(key), "Commitment.%s", com[i].kind);
				addf(b, PDF_TEXT, "%s：%s（%s）", L(b, key), com[i].title, com[i].published_on);
			}
		for (i = 0; i < nrec; i++) {
			const struct record *x = &rec[i];
			if (strcmp(x->category, categories[c]) != 0)
				continue;
			/* "来源：机关" in Chinese, "source: agency" in English. */
			addf(b, PDF_TEXT, "%s · %s %s · %s%s%s%s", en ? x->item_en : x->item_zh,
			    L(b, "Entity.decided_on"), x->decided_on, L(b, "Report.source"), en ? " " : "",
			    x->agency, x->is_public ? "" : L(b, "Report.non_public_mark"));
			addf(b, PDF_SMALL, "%s %s；%s %s。%s", L(b, "Entity.doc_no"), x->doc_no,
			    L(b, "Entity.ended_on"), x->ended_on ? x->ended_on : L(b, "Entity.not_ended"),
			    x->summary);
		}
	}

	add(b, PDF_H2, L(b, "Report.changes"));
	if (nch == 0)
		add(b, PDF_SMALL, L(b, "Report.none"));
	for (i = 0; i < nch; i++) {
		snprintf(key, sizeof(key), "Report.action.%s", ch[i].action);
		addf(b, PDF_SMALL, "%s · %s · %s", ch[i].at, L(b, key), or_dash(ch[i].detail));
	}
	add(b, PDF_H2, L(b, "Report.queries"));
	if (nv == 0)
		add(b, PDF_SMALL, L(b, "Report.none"));
	for (i = 0; i < nv; i++) {
		snprintf(key, sizeof(key), "Role.%s", views[i].actor_role);
		addf(b, PDF_SMALL, "%s · %s · %lld", views[i].at,
		    views[i].actor_name ? views[i].actor_name : L(b, "Entity.anonymous"), views[i].n);
	}
	add(b, PDF_RULE, "");
	addf(b, PDF_SMALL, "%s %d %s", L(b, "Entity.window_before"), cfg.window_years,
	    L(b, "Entity.window_after"));
	return 1;
}

/* The stored text: one line per report line, its style as a prefix. */
static char *
serialise(struct builder *b, size_t *len)
{
	static const char prefix[PDF_STYLE_MAX] = { '#', '=', '-', '.', '_' };
	size_t total = 0;
	char *out, *p;
	int i;

	for (i = 0; i < b->n; i++)
		total += strlen(b->lines[i].text) + 2;
	if ((out = arena_alloc(&b->r->arena, total + 1)) == NULL)
		return NULL;
	for (p = out, i = 0; i < b->n; i++) {
		size_t n = strlen(b->lines[i].text);
		*p++ = prefix[b->lines[i].style];
		memcpy(p, b->lines[i].text, n);
		p += n;
		*p++ = '\n';
	}
	*p = '\0';
	*len = (size_t)(p - out);
	return out;
}

static void
report_keypair(unsigned char pk[crypto_sign_PUBLICKEYBYTES], unsigned char sk[crypto_sign_SECRETKEYBYTES])
{
	crypto_sign_seed_keypair(pk, sk, secret_key(KEY_REPORT));
}

/* Crockford base32 (no I, L, O, U), for serials and codes people type. */
static void
b32(const unsigned char *in, size_t n, char *out, size_t chars)
{
	static const char abc[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	unsigned long long acc = 0;
	int bits = 0;
	size_t o = 0, i = 0;

	while (o < chars) {
		if (bits < 5) {
			acc = (acc << 8) | (i < n ? in[i] : 0);
			i++;
			bits += 8;
		}
		out[o++] = abc[(acc >> (bits - 5)) & 31];
		bits -= 5;
	}
	out[o] = '\0';
}

static void
verification_code(const unsigned char sig[64], char code[CODE_LEN + 1])
{
	b32(sig, 64, code, CODE_LEN);
}

static void
sign_report(const char *serial, const unsigned char hash[32], unsigned char sig[64])
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	unsigned char msg[16 + SERIAL_LEN + 32];

	memcpy(msg, "credit-report-v1", 16);
	memcpy(msg + 16, serial, SERIAL_LEN);
	memcpy(msg + 16 + SERIAL_LEN, hash, 32);
	report_keypair(pk, sk);
	crypto_sign_detached(sig, NULL, msg, sizeof(msg), sk);
	sodium_memzero(sk, sizeof(sk));
}

static int
signature_ok(const char *serial, const unsigned char hash[32], const unsigned char sig[64])
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	unsigned char msg[16 + SERIAL_LEN + 32];

	if (strlen(serial) != SERIAL_LEN)
		return 0;
	memcpy(msg, "credit-report-v1", 16);
	memcpy(msg + 16, serial, SERIAL_LEN);
	memcpy(msg + 16 + SERIAL_LEN, hash, 32);
	report_keypair(pk, sk);
	sodium_memzero(sk, sizeof(sk));
	return crypto_sign_verify_detached(sig, msg, sizeof(msg), pk) == 0;
}

static void
lines_to_hdf(struct req *r, const struct pdf_line *lines, int n)
{
	static const char *const styles[PDF_STYLE_MAX] = { "title", "h2", "text", "small", "rule" };
	char name[48];
	int i;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Report.lines.%d.style", i);
		view_set(r, name, styles[lines[i].style]);
		snprintf(name, sizeof(name), "Report.lines.%d.text", i);
		view_set(r, name, lines[i].text);
	}
}

/* Builds, signs, stores and audits one report for the logged-in enterprise. */
static int
issue(struct req *r, struct builder *b, char serial[SERIAL_LEN + 1], char code[CODE_LEN + 1])
{
	unsigned char rnd[8], hash[32], sig[64];
	struct subject s;
	struct ymd today;
	char date[11], issued[32], *content;
	size_t clen;
	time_t now = time(NULL);
	struct tm tm;
	struct audit_event ev;
	int rc;

	rc = subjects_by_id(&r->arena, r->user.subject_id, &s);
	if (rc <= 0)
		return rc < 0 ? rc : DB_ERR;
	ymd_today(&today);
	ymd_format(&today, date);
	randombytes_buf(rnd, sizeof(rnd));
	serial[0] = 'R';
	memcpy(serial + 1, date, 4);
	memcpy(serial + 5, date + 5, 2);
	memcpy(serial + 7, date + 8, 2);
	b32(rnd, sizeof(rnd), serial + 9, SERIAL_LEN - 9);
	{
		time_t cst = now + 8 * 3600;
		gmtime_r(&cst, &tm);
		strftime(issued, sizeof(issued), "%Y-%m-%d %H:%M (UTC+8)", &tm);
	}
	b->r = r;
	b->n = 0;
	if ((rc = build(b, &s, serial, issued)) < 0)
		return rc;
	if ((content = serialise(b, &clen)) == NULL)
		return DB_ERR;
	crypto_generichash(hash, 32, (const unsigned char *)content, clen, NULL, 0);
	sign_report(serial, hash, sig);
	verification_code(sig, code);
	addf(b, PDF_SMALL, "%s %s · %s /verify", L(b, "Report.code"), code, L(b, "Report.verify_at"));
	if ((rc = db_begin()) < 0)
		return rc;
	rc = reports_insert(&r->arena, serial, s.id, (long long)now, r->user.id, r->lang,
	    content, hash, sig);
	if (rc >= 0) {
		memset(&ev, 0, sizeof(ev));
		ev.actor_id = r->user.id;
		ev.actor_role = role_names[r->user.role];
		ev.subject_id = s.id;
		ev.action = "report";
		ev.detail = serial;
		ev.addr = r->remote_addr;
		rc = audit_append(&r->arena, &ev);
	}
	if (rc < 0 || (rc = db_commit()) < 0) {
		db_rollback();
		return rc < 0 ? rc : DB_ERR;
	}
	view_set(r, "Report.subject", s.name);
	return 1;
}

int
report_get(struct req *r)
{
	struct builder *b = arena_alloc(&r->arena, sizeof(*b));
	char serial[SERIAL_LEN + 1], code[CODE_LEN + 1];
	int rc;

	if (b == NULL)
		return req_error(r, 500, "Err.internal");
	if ((rc = issue(r, b, serial, code)) < 0)
		return req_dberr(r, rc);
	lines_to_hdf(r, b->lines, b->n);
	view_set(r, "Report.serial", serial);
	view_set(r, "Report.code", code);
	view_set(r, "Page.title", view_str(r, "Report.heading"));
	view_set(r, "Page.nav", "report");
	r->tmpl = "report.cs";
	r->no_store = 1;
	return 200;
}

int
report_pdf_get(struct req *r)
{
	struct builder *b = arena_alloc(&r->arena, sizeof(*b));
	char serial[SERIAL_LEN + 1], code[CODE_LEN + 1], footer[128];
	unsigned char *pdf = NULL;
	size_t len = 0;
	char *body;
	int rc;

	if (b == NULL)
		return req_error(r, 500, "Err.internal");
	if ((rc = issue(r, b, serial, code)) < 0)
		return req_dberr(r, rc);
	snprintf(footer, sizeof(footer), "%s %s · %s %s", view_str(r, "Report.serial"), serial,
	    view_str(r, "Report.code"), code);
	if (pdf_render(b->lines, b->n, footer, &pdf, &len) != 0) {
		log_msg(LL_ERR, "report: PDF rendering failed for %s", serial);
		return req_error(r, 500, "Err.internal");
	}
	body = arena_alloc(&r->arena, len);
	if (body == NULL) {
		free(pdf);
		return req_error(r, 500, "Err.internal");
	}
	memcpy(body, pdf, len);
	free(pdf);
	r->tmpl = NULL;
	r->body_out = body;
	r->body_out_len = len;
	r->ctype_out = "application/pdf";
	r->no_store = 1;
	/* A download, never rendered inline (SECURITY.md, uploads and downloads). */
	req_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"credit-report-%s.pdf\"; filename*=UTF-8''credit-report-%s.pdf",
	    serial, serial));
	req_header(r, "Content-Security-Policy", "sandbox");
	return 200;
}

enum { VF_SERIAL, VF_CODE };
static const struct field verify_fields[] = {
	[VF_SERIAL] = { "serial", FT_TOKEN, FF_TRIM, SERIAL_LEN, SERIAL_LEN, NULL },
	[VF_CODE]   = { "code", FT_TOKEN, FF_TRIM, CODE_LEN, CODE_LEN, NULL },
};
const struct form verify_form = { verify_fields, 2 };

/* Parses the stored text back into lines for display. */
static int
parse_content(struct req *r, char *content, struct pdf_line *lines, int max)
{
	static const char prefix[] = "#=-._";
	int n = 0;
	char *line, *save = NULL;

	for (line = strtok_r(content, "\n", &save); line != NULL && n < max;
	    line = strtok_r(NULL, "\n", &save)) {
		const char *p = strchr(prefix, line[0]);
		if (p == NULL || line[0] == '\0')
			continue;
		lines[n].style = (enum pdf_style)(p - prefix);
		lines[n].text = line + 1;
		n++;
	}
	(void)r;
	return n;
}

int
verify_get(struct req *r)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES], hash[32];
	char pkhex[2 * crypto_sign_PUBLICKEYBYTES + 1], code[CODE_LEN + 1], serial[SERIAL_LEN + 1];
	struct report_row rep;
	struct pdf_line *lines;
	int rc, n, i;

	report_keypair(pk, sk);
	sodium_memzero(sk, sizeof(sk));
	sodium_bin2hex(pkhex, sizeof(pkhex), pk, sizeof(pk));
	view_set(r, "Verify.public_key", pkhex);
	view_set(r, "Page.title", view_str(r, "Verify.title"));
	r->tmpl = "verify.cs";
	form_to_hdf(r);
	if (r->form_invalid || r->f[VF_SERIAL] == NULL || r->f[VF_CODE] == NULL) {
		if (r->form_invalid || r->f[VF_SERIAL] != NULL || r->f[VF_CODE] != NULL)
			view_set(r, "Verify.result", "invalid");
		return r->status = r->form_invalid ? 422 : 200;
	}
	/* Codes are read back by people: accept lower case. */
	for (i = 0; i < SERIAL_LEN; i++)
		serial[i] = (char)(r->f[VF_SERIAL][i] >= 'a' && r->f[VF_SERIAL][i] <= 'z' ?
		    r->f[VF_SERIAL][i] - 32 : r->f[VF_SERIAL][i]);
	serial[SERIAL_LEN] = '\0';
	rc = reports_by_serial(&r->arena, serial, &rep);
	if (rc < 0)
		return req_dberr(r, rc);
	if (rc == 0) {
		view_set(r, "Verify.result", "unknown");
		return 200;
	}
	verification_code((const unsigned char *)rep.signature, code);
	crypto_generichash(hash, 32, (const unsigned char *)rep.content, strlen(rep.content), NULL, 0);
	{
		char given[CODE_LEN + 1];
		for (i = 0; i < CODE_LEN; i++)
			given[i] = (char)(r->f[VF_CODE][i] >= 'a' && r->f[VF_CODE][i] <= 'z' ?
			    r->f[VF_CODE][i] - 32 : r->f[VF_CODE][i]);
		given[CODE_LEN] = '\0';
		rc = sodium_memcmp(code, given, CODE_LEN);
	}
	if (rc != 0) {
		view_set(r, "Verify.result", "unknown");
		return 200;
	}
	if (sodium_memcmp(hash, rep.content_hash, 32) != 0 ||
	    !signature_ok(serial, hash, (const unsigned char *)rep.signature)) {
		view_set(r, "Verify.result", "altered");
		return 200;
	}
	view_set(r, "Verify.result", "genuine");
	view_set(r, "Verify.subject", rep.subject_name);
	view_set(r, "Verify.uscc", rep.subject_uscc);
	view_set(r, "Verify.serial", serial);
	if ((lines = arena_alloc(&r->arena, sizeof(*lines) * REPORT_MAX_LINES)) == NULL)
		return req_error(r, 500, "Err.internal");
	n = parse_content(r, rep.content, lines, REPORT_MAX_LINES);
	lines_to_hdf(r, lines, n);
	return 200;
}
