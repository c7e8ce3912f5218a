/* reports.c — all SQL for reports. */
#include "store/reports.h"

#include <string.h>

#include "core/db.h"

enum rep_stmt { RP_INSERT, RP_BY_SERIAL, RP_MAX };

static const char *const rep_sql[RP_MAX] = {
	[RP_INSERT] = "INSERT INTO reports (serial, subject_id, issued_at, issued_to, language, "
	    "content, content_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[RP_BY_SERIAL] = "SELECT r.serial, r.subject_id, r.issued_at, r.issued_to, r.language, "
	    "r.content, r.content_hash, r.signature, s.name, s.uscc "
	    "FROM reports r JOIN subjects s ON s.id = r.subject_id WHERE r.serial = ?",
};
DB_SET(rep_set, rep_sql, RP_MAX);

int
reports_insert(struct arena *a, const char *serial, long long subject_id, long long issued_at,
    long long issued_to, const char *language, const char *content,
    const unsigned char hash[32], const unsigned char sig[64])
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rep_set, RP_INSERT)) < 0)
		return rc;
	db_in_str(&q, serial);
	db_in_int(&q, subject_id);
	db_in_int(&q, issued_at);
	db_in_int(&q, issued_to);
	db_in_str(&q, language);
	db_in_str(&q, content);
	db_in_strn(&q, hash, 32);
	db_in_strn(&q, sig, 64);
	rc = db_exec(&q);
	db_q_end(&q);
	return rc;
}

int
reports_by_serial(struct arena *a, const char *serial, struct report_row *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &rep_set, RP_BY_SERIAL)) < 0)
		return rc;
	db_in_str(&q, serial);
	if ((rc = db_exec(&q)) > 0) {
		db_out_str(&q, &out->serial);
		db_out_int(&q, &out->subject_id);
		db_out_int(&q, &out->issued_at);
		db_out_int(&q, &out->issued_to);
		db_out_str(&q, &out->language);
		db_out_str(&q, &out->content);
		db_out_str(&q, &out->content_hash);
		db_out_str(&q, &out->signature);
		db_out_str(&q, &out->subject_name);
		db_out_str(&q, &out->subject_uscc);
		rc = db_fetch(&q);
	}
	db_q_end(&q);
	return rc;
}
