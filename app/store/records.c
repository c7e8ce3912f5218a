/* records.c — all SQL for credit_records, catalog_items (reads),
 * serious_list, commitments and authorizations. */
#include "store/records.h"

#include <string.h>

#include "core/db.h"

enum rec_stmt { RE_FOR_SUBJECT, RE_SERIOUS, RE_COMMITMENTS, RE_AUTH, RE_MAX };

static const char *const rec_sql[RE_MAX] = {
	/* The Art. 35 window is the first condition: keep-faith items are
	 * not dishonesty information and are not cut off by it. */
	[RE_FOR_SUBJECT] = "SELECT r.id, c.code, c.name_zh, c.name_en, c.kind, c.category, r.agency, "
	    "r.doc_no, DATE_FORMAT(r.decided_on, '%Y-%m-%d'), DATE_FORMAT(r.ended_on, '%Y-%m-%d'), "
	    "r.summary, r.is_public, r.status "
	    "FROM credit_records r JOIN catalog_items c ON c.id = r.item_id "
	    "WHERE r.subject_id = ? "
	    "AND (c.kind = 'keep_faith' OR r.ended_on IS NULL OR r.ended_on >= ?) "
	    "AND (r.is_public = 1 OR ? = 1) AND (r.status = 'active' OR ? = 1) "
	    "ORDER BY r.decided_on DESC, r.id DESC LIMIT ?",
	[RE_SERIOUS] = "SELECT id, agency, doc_no, reason, removal_conditions, remedy, "
	    "responsible_persons, DATE_FORMAT(included_on, '%Y-%m-%d') FROM serious_list "
	    "WHERE subject_id = ? AND removed_on IS NULL ORDER BY included_on DESC LIMIT ?",
	[RE_COMMITMENTS] = "SELECT id, kind, title, body, DATE_FORMAT(published_on, '%Y-%m-%d') "
	    "FROM commitments WHERE subject_id = ? ORDER BY published_on DESC, id DESC LIMIT ?",
	[RE_AUTH] = "SELECT COUNT(*) FROM authorizations WHERE grantee_id = ? AND subject_id = ? "
	    "AND valid_from <= ? AND valid_to >= ?",
};
DB_SET(rec_set, rec_sql, RE_MAX);

int
records_for_subject(struct arena *a, long long subject_id, const struct record_scope *sc,
    struct record *rows, int max)
{
	struct record r;
	struct db_q q;
	int rc, n = 0;

	if ((rc = db_q_start(&q, a, &rec_set, RE_FOR_SUBJECT)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_str(&q, sc->cutoff);
	db_in_int(&q, sc->non_public ? 1 : 0);
	db_in_int(&q, sc->repaired ? 1 : 0);
	db_in_int(&q, max);
	if ((rc = db_exec(&q)) < 0) {
		db_q_end(&q);
		return rc;
	}
	db_out_int(&q, &r.id);
	db_out_str(&q, &r.item_code);
	db_out_str(&q, &r.item_zh);
	db_out_str(&q, &r.item_en);
	db_out_str(&q, &r.kind);
	db_out_str(&q, &r.category);
	db_out_str(&q, &r.agency);
	db_out_str(&q, &r.doc_no);
	db_out_str(&q, &r.decided_on);
	db_out_str(&q, &r.ended_on);
	db_out_str(&q, &r.summary);
	db_out_int(&q, &r.is_public);
	db_out_str(&q, &r.status);
	while (n < max && (rc = db_fetch(&q)) > 0)
		rows[n++] = r;
	db_q_end(&q);
	return rc < 0 ? rc : n;
}

int
serious_for_subject(struct arena *a, long long subject_id, struct serious_entry *rows, int max)
{
	struct serious_entry e;
	struct db_q q;
	int rc, n = 0;

	if ((rc = db_q_start(&q, a, &rec_set, RE_SERIOUS)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	if ((rc = db_exec(&q)) < 0) {
		db_q_end(&q);
		return rc;
	}
	db_out_int(&q, &e.id);
	db_out_str(&q, &e.agency);
	db_out_str(&q, &e.doc_no);
	db_out_str(&q, &e.reason);
	db_out_str(&q, &e.removal_conditions);
	db_out_str(&q, &e.remedy);
	db_out_str(&q, &e.responsible_persons);
	db_out_str(&q, &e.included_on);
	while (n < max && (rc = db_fetch(&q)) > 0)
		rows[n++] = e;
	db_q_end(&q);
	return rc < 0 ? rc : n;
}

int
commitments_for_subject(struct arena *a, long long subject_id, struct commitment *rows, int max)
{
	struct commitment c;
	struct db_q q;
	int rc, n = 0;

	if ((rc = db_q_start(&q, a, &rec_set, RE_COMMITMENTS)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	if ((rc = db_exec(&q)) < 0) {
		db_q_end(&q);
		return rc;
	}
	db_out_int(&q, &c.id);
	db_out_str(&q, &c.kind);
	db_out_str(&q, &c.title);
	db_out_str(&q, &c.body);
	db_out_str(&q, &c.published_on);
	while (n < max && (rc = db_fetch(&q)) > 0)
		rows[n++] = c;
	db_q_end(&q);
	return rc < 0 ? rc : n;
}

int
authorization_valid(struct arena *a, long long grantee, long long subject_id, const char *today)
{
	struct db_q q;
	long long n = 0;
	int rc;

	if ((rc = db_q_start(&q, a, &rec_set, RE_AUTH)) < 0)
		return rc;
	db_in_int(&q, grantee);
	db_in_int(&q, subject_id);
	db_in_str(&q, today);
	db_in_str(&q, today);
	if ((rc = db_exec(&q)) > 0) {
		db_out_int(&q, &n);
		rc = db_fetch(&q);
	}
	db_q_end(&q);
	if (rc < 0)
		return rc;
	return n > 0 ? 1 : 0;
}
