/* requests.c — all SQL for repair_applications, objections and
 * request_events, the record facts they are judged on, and the Art. 37
 * deletion. Times are shown in China Standard Time (the connection runs
 * in UTC). */
#include "store/requests.h"

#include <string.h>

#include "core/db.h"

#define CST(x) "DATE_FORMAT(FROM_UNIXTIME(" x " + 28800), '%Y-%m-%d %H:%i')"

enum rq_stmt {
	RQ_FACTS, RQ_R_INSERT, RQ_R_BY_ID, RQ_R_LIST, RQ_R_REVIEW, RQ_R_DECIDE, RQ_R_WITHDRAW,
	RQ_R_RECORD, RQ_O_INSERT, RQ_O_BY_ID, RQ_O_LIST, RQ_O_MARK, RQ_O_FLAG,
	RQ_O_FORWARD, RQ_O_DECIDE, RQ_O_REMIND, RQ_COUNTS, RQ_EV_ADD, RQ_EV_LIST, RQ_DELETE,
	RQ_R_OPEN_OF, RQ_O_OPEN_OF, RQ_R_CLOSE, RQ_O_CLOSE, RQ_O_ENV_INSERT, RQ_O_ENV_OPEN, RQ_CORRECT, RQ_MAX
};

/* The statuses waiting for a decision (rules/requests.c, *_is_open). */
#define REPAIR_OPEN "('submitted','under_review')"
#define OBJ_OPEN    "('submitted','marked','forwarded')"

/* The columns of struct request_row, for both tables. */
#define REPAIR_COLS "a.id, a.record_id, a.subject_id, a.due_assumed, 0, 'repair', a.status, " \
	"a.reason, " CST("a.filed_at") ", DATE_FORMAT(a.due_on, '%Y-%m-%d'), NULL, " \
	"a.decision_reason, " CST("a.decided_at") ", NULL, NULL, s.name, s.uscc, u.display_name, " \
	"c.name_zh, c.name_en, r.doc_no, 0, 0, NULL "
#define REPAIR_FROM "FROM repair_applications a JOIN subjects s ON s.id = a.subject_id " \
	"JOIN users u ON u.id = a.applicant_id LEFT JOIN credit_records r ON r.id = a.record_id " \
	"LEFT JOIN catalog_items c ON c.id = r.item_id "
/* The deadline that runs now: marking, then the decision. */
#define OBJ_DUE "IF(o.status = 'submitted', o.mark_due, o.decision_due)"
#define OBJ_COLS "o.id, o.record_id, o.subject_id, o.due_assumed, o.reminders, 'objection', " \
	"o.status, o.statement, " CST("o.filed_at") ", DATE_FORMAT(" OBJ_DUE ", '%Y-%m-%d'), " \
	"o.decision, o.decision_reason, " CST("o.decided_at") ", o.forwarded_to, " \
	CST("o.last_reminder_at") ", s.name, s.uscc, u.display_name, c.name_zh, c.name_en, r.doc_no, " \
	"IFNULL(o.env_entry_id, 0), IFNULL(o.env_event_id, 0), " \
	"IF(o.status = 'marked', DATE_FORMAT(o.forward_due, '%Y-%m-%d'), NULL) "
#define OBJ_FROM "FROM objections o JOIN subjects s ON s.id = o.subject_id " \
	"JOIN users u ON u.id = o.applicant_id LEFT JOIN credit_records r ON r.id = o.record_id " \
	"LEFT JOIN catalog_items c ON c.id = r.item_id "
#define FILTER(t, due) "WHERE (? = 0 OR " t ".subject_id = ?) AND (? IS NULL OR " t ".status = ?) " \
	"AND (? IS NULL OR " due " >= ?) AND (? IS NULL OR " due " <= ?) "

static const char *const rq_sql[RQ_MAX] = {
	[RQ_FACTS] = "SELECT r.id, r.subject_id, c.min_public_days, c.repairable, r.objection_flag, "
	    "c.kind, r.status, DATE_FORMAT(r.decided_on, '%Y-%m-%d'), c.name_zh, c.name_en, r.doc_no, "
	    "r.agency, r.summary, DATE_FORMAT(r.ended_on, '%Y-%m-%d'), r.is_public "
	    "FROM credit_records r JOIN catalog_items c ON c.id = r.item_id WHERE r.id = ?",
	/* Only for an active record of the applying subject: the row read is
	 * share-locked, so a concurrent Art. 37 deletion waits or wins. */
	[RQ_R_INSERT] = "INSERT INTO repair_applications (record_id, subject_id, applicant_id, reason, "
	    "status, filed_at, proof_received_on, due_on, due_assumed) "
	    "SELECT r.id, r.subject_id, ?, ?, 'submitted', UNIX_TIMESTAMP(), ?, ?, ? "
	    "FROM credit_records r WHERE r.id = ? AND r.subject_id = ? AND r.status = 'active'",
	[RQ_R_BY_ID] = "SELECT " REPAIR_COLS REPAIR_FROM "WHERE a.id = ?",
	[RQ_R_LIST] = "SELECT " REPAIR_COLS REPAIR_FROM FILTER("a", "a.due_on")
	    "AND (? = 0 OR a.status IN " REPAIR_OPEN ") "
	    "ORDER BY a.status IN " REPAIR_OPEN " DESC, a.due_on, a.id LIMIT ?",
	[RQ_R_REVIEW] = "UPDATE repair_applications SET status = 'under_review' "
	    "WHERE id = ? AND status = 'submitted'",
	[RQ_R_DECIDE] = "UPDATE repair_applications SET status = ?, decided_by = ?, "
	    "decided_at = UNIX_TIMESTAMP(), decision_reason = ? WHERE id = ? AND status = 'under_review'",
	[RQ_R_WITHDRAW] = "UPDATE repair_applications SET status = 'withdrawn', "
	    "decided_at = UNIX_TIMESTAMP() WHERE id = ? AND subject_id = ? AND status = ?",
	[RQ_R_RECORD] = "UPDATE credit_records SET status = 'repaired', repaired_at = UNIX_TIMESTAMP(), "
	    "updated_at = UNIX_TIMESTAMP() WHERE id = ? AND subject_id = ? AND status = 'active'",
	[RQ_O_INSERT] = "INSERT INTO objections (record_id, subject_id, applicant_id, statement, status, "
	    "filed_at, filed_on, mark_due, forward_due, decision_due, due_assumed) "
	    "SELECT r.id, r.subject_id, ?, ?, 'submitted', UNIX_TIMESTAMP(), ?, ?, ?, ?, ? "
	    "FROM credit_records r WHERE r.id = ? AND r.subject_id = ?",
	[RQ_O_BY_ID] = "SELECT " OBJ_COLS OBJ_FROM "WHERE o.id = ?",
	[RQ_O_LIST] = "SELECT " OBJ_COLS OBJ_FROM FILTER("o", OBJ_DUE)
	    "AND (? = 0 OR o.status IN " OBJ_OPEN ") "
	    "ORDER BY o.status IN " OBJ_OPEN " DESC, " OBJ_DUE ", o.id LIMIT ?",
	[RQ_O_MARK] = "UPDATE objections SET status = 'marked', marked_at = UNIX_TIMESTAMP() "
	    "WHERE id = ? AND status = 'submitted'",
	[RQ_O_FLAG] = "UPDATE credit_records SET objection_flag = ?, updated_at = UNIX_TIMESTAMP() "
	    "WHERE id = ? AND subject_id = ?",
	[RQ_O_FORWARD] = "UPDATE objections SET status = 'forwarded', forwarded_to = ?, "
	    "forwarded_at = UNIX_TIMESTAMP(), decision_due = ? WHERE id = ? AND status = 'marked'",
	[RQ_O_DECIDE] = "UPDATE objections SET status = 'decided', decision = ?, decision_reason = ?, "
	    "decided_by = ?, decided_at = UNIX_TIMESTAMP() WHERE id = ? AND status = ?",
	[RQ_O_REMIND] = "UPDATE objections SET reminders = reminders + 1, "
	    "last_reminder_at = UNIX_TIMESTAMP() WHERE id = ? AND subject_id = ? AND status IN " OBJ_OPEN,
	/* The staff navigation on every page: two index range scans over the
	 * open requests (ix_repair_queue, ix_objection_queue), one round trip. */
	[RQ_COUNTS] = "SELECT rc.n, rc.late, oc.n, oc.late FROM "
	    "(SELECT COUNT(*) AS n, CAST(IFNULL(SUM(a.due_on < ?), 0) AS SIGNED) AS late "
	    "FROM repair_applications a WHERE a.status IN " REPAIR_OPEN ") rc, "
	    "(SELECT COUNT(*) AS n, CAST(IFNULL(SUM(" OBJ_DUE " < ?), 0) AS SIGNED) AS late "
	    "FROM objections o WHERE o.status IN " OBJ_OPEN ") oc",
	[RQ_EV_ADD] = "INSERT INTO request_events (kind, request_id, from_status, to_status, action, "
	    "actor_id, actor_role, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, UNIX_TIMESTAMP(), ?)",
	[RQ_EV_LIST] = "SELECT " CST("e.at") ", e.action, e.from_status, e.to_status, u.display_name, "
	    "e.actor_role, e.note FROM request_events e JOIN users u ON u.id = e.actor_id "
	    "WHERE e.kind = ? AND e.request_id = ? ORDER BY e.id LIMIT ?",
	[RQ_DELETE] = "DELETE FROM credit_records WHERE id = ? AND subject_id = ?",
	/* The open request of a record, through the unique open_record key,
	 * locked until the revocation commits. */
	[RQ_R_OPEN_OF] = "SELECT id, status FROM repair_applications "
	    "WHERE open_record = ? AND subject_id = ? LIMIT ? FOR UPDATE",
	[RQ_O_OPEN_OF] = "SELECT id, status FROM objections "
	    "WHERE open_record = ? AND subject_id = ? LIMIT ? FOR UPDATE",
	[RQ_R_CLOSE] = "UPDATE repair_applications SET status = 'closed', decided_by = ?, "
	    "decided_at = UNIX_TIMESTAMP(), decision_reason = ? WHERE id = ? AND status = ?",
	[RQ_O_CLOSE] = "UPDATE objections SET status = 'closed', decided_by = ?, "
	    "decided_at = UNIX_TIMESTAMP(), decision_reason = ? WHERE id = ? AND status = ?",
	/* Environmental grades: the target must be the applicant's, a round
	 * entry out of the draft or an event not voided (checked here, in the
	 * statement that files it). */
	[RQ_O_ENV_INSERT] = "INSERT INTO objections (env_entry_id, env_event_id, subject_id, applicant_id, "
	    "statement, status, filed_at, filed_on, mark_due, forward_due, decision_due, due_assumed) "
	    "SELECT ?, ?, s.id, ?, ?, 'submitted', UNIX_TIMESTAMP(), ?, ?, ?, ?, ? FROM subjects s "
	    "WHERE s.id = ? AND (EXISTS (SELECT 1 FROM env_entries e JOIN env_rounds n ON n.id = e.round_id "
	    "WHERE e.id = ? AND e.subject_id = s.id AND n.status <> 'draft') OR EXISTS (SELECT 1 "
	    "FROM env_events x WHERE x.id = ? AND x.subject_id = s.id AND NOT EXISTS "
	    "(SELECT 1 FROM env_event_voids v WHERE v.event_id = x.id)))",
	[RQ_O_ENV_OPEN] = "SELECT IFNULL(env_entry_id, 0), IFNULL(env_event_id, 0), status FROM objections "
	    "WHERE subject_id = ? AND record_id IS NULL AND status IN " OBJ_OPEN " LIMIT ?",
	/* The correction an objection's "correct" decision makes (Art. 36). */
	[RQ_CORRECT] = "UPDATE credit_records SET summary = IFNULL(?, summary), "
	    "ended_on = IFNULL(?, ended_on), is_public = IFNULL(?, is_public), "
	    "updated_at = UNIX_TIMESTAMP() WHERE id = ? AND subject_id = ?",
};
DB_SET(rq_set, rq_sql, RQ_MAX);

/* rows matched → 1 / 0, or the error. */
static int
matched(struct db_q *q)
{
	long long n = db_write(q);

	return n < 0 ? (int)n : n > 0;
}

int
request_record_facts(struct arena *a, long long record_id, struct record_facts *f)
{
	struct db_q q;
	int rc;

	memset(f, 0, sizeof(*f));
	if ((rc = db_q_start(&q, a, &rq_set, RQ_FACTS)) < 0)
		return rc;
	db_in_int(&q, record_id);
	db_out_int(&q, &f->id);
	db_out_int(&q, &f->subject_id);
	db_out_int(&q, &f->min_public_days);
	db_out_int(&q, &f->repairable);
	db_out_int(&q, &f->objection_flag);
	db_out_str(&q, &f->kind);
	db_out_str(&q, &f->status);
	db_out_str(&q, &f->decided_on);
	db_out_str(&q, &f->item_zh);
	db_out_str(&q, &f->item_en);
	db_out_str(&q, &f->doc_no);
	db_out_str(&q, &f->agency);
	db_out_str(&q, &f->summary);
	db_out_str(&q, &f->ended_on);
	db_out_int(&q, &f->is_public);
	return db_one(&q);
}

int
request_record_correct(struct arena *a, long long record_id, long long subject_id,
    const char *summary, const char *ended_on, int is_public)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_CORRECT)) < 0)
		return rc;
	db_in_str(&q, summary);
	db_in_str(&q, ended_on);
	if (is_public >= 0)
		db_in_int(&q, is_public);
	else
		db_in_null(&q);
	db_in_int(&q, record_id);
	db_in_int(&q, subject_id);
	return matched(&q);
}

static void
bind_row(struct db_q *q, struct request_row *r)
{
	db_out_int(q, &r->id);
	db_out_int(q, &r->record_id);
	db_out_int(q, &r->subject_id);
	db_out_int(q, &r->due_assumed);
	db_out_int(q, &r->reminders);
	db_out_str(q, &r->kind);
	db_out_str(q, &r->status);
	db_out_str(q, &r->text);
	db_out_str(q, &r->filed_at);
	db_out_str(q, &r->due_on);
	db_out_str(q, &r->decision);
	db_out_str(q, &r->decision_reason);
	db_out_str(q, &r->decided_at);
	db_out_str(q, &r->forwarded_to);
	db_out_str(q, &r->last_reminder);
	db_out_str(q, &r->subject_name);
	db_out_str(q, &r->uscc);
	db_out_str(q, &r->applicant);
	db_out_str(q, &r->item_zh);
	db_out_str(q, &r->item_en);
	db_out_str(q, &r->doc_no);
	db_out_int(q, &r->env_entry_id);
	db_out_int(q, &r->env_event_id);
	db_out_str(q, &r->forward_due);
}

static void
bind_filter(struct db_q *q, const struct request_filter *f)
{
	db_in_int(q, f->subject_id);
	db_in_int(q, f->subject_id);
	db_in_str(q, f->status);
	db_in_str(q, f->status);
	db_in_str(q, f->due_from);
	db_in_str(q, f->due_from);
	db_in_str(q, f->due_to);
	db_in_str(q, f->due_to);
	db_in_int(q, f->open_only ? 1 : 0);
}

static int
by_id(struct arena *a, int stmt, long long id, struct request_row *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &rq_set, stmt)) < 0)
		return rc;
	db_in_int(&q, id);
	bind_row(&q, out);
	return db_one(&q);
}

static int
list(struct arena *a, int stmt, const struct request_filter *f, struct request_row *rows, int max)
{
	struct request_row r;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, stmt)) < 0)
		return rc;
	bind_filter(&q, f);
	db_in_int(&q, max);
	bind_row(&q, &r);
	return db_collect(&q, &r, rows, sizeof(r), max);
}

long long
repair_insert(struct arena *a, const struct repair_in *in)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_R_INSERT)) < 0)
		return rc;
	db_in_int(&q, in->applicant_id);
	db_in_str(&q, in->reason);
	db_in_str(&q, in->proof_on);
	db_in_str(&q, in->due_on);
	db_in_int(&q, in->due_assumed ? 1 : 0);
	db_in_int(&q, in->record_id);
	db_in_int(&q, in->subject_id);
	return db_insert(&q);
}

int
repair_by_id(struct arena *a, long long id, struct request_row *out)
{
	return by_id(a, RQ_R_BY_ID, id, out);
}

int
repair_list(struct arena *a, const struct request_filter *f, struct request_row *rows, int max)
{
	return list(a, RQ_R_LIST, f, rows, max);
}

int
repair_review(struct arena *a, long long id)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_R_REVIEW)) < 0)
		return rc;
	db_in_int(&q, id);
	return matched(&q);
}

int
repair_decide(struct arena *a, long long id, const char *to, long long by, const char *reason)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_R_DECIDE)) < 0)
		return rc;
	db_in_str(&q, to);
	db_in_int(&q, by);
	db_in_str(&q, reason);
	db_in_int(&q, id);
	return matched(&q);
}

int
repair_withdraw(struct arena *a, long long id, long long subject_id, const char *from)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_R_WITHDRAW)) < 0)
		return rc;
	db_in_int(&q, id);
	db_in_int(&q, subject_id);
	db_in_str(&q, from);
	return matched(&q);
}

int
repair_record_repaired(struct arena *a, long long record_id, long long subject_id)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_R_RECORD)) < 0)
		return rc;
	db_in_int(&q, record_id);
	db_in_int(&q, subject_id);
	return matched(&q);
}

/* The filing's columns, in the order both INSERTs take them. */
static void
bind_filing(struct db_q *q, const struct objection_in *in)
{
	db_in_int(q, in->applicant_id);
	db_in_str(q, in->statement);
	db_in_str(q, in->filed_on);
	db_in_str(q, in->mark_due);
	db_in_str(q, in->forward_due);
	db_in_str(q, in->decision_due);
	db_in_int(q, in->due_assumed ? 1 : 0);
}

long long
objection_insert(struct arena *a, const struct objection_in *in)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_O_INSERT)) < 0)
		return rc;
	bind_filing(&q, in);
	db_in_int(&q, in->record_id);
	db_in_int(&q, in->subject_id);
	return db_insert(&q);
}

long long
objection_env_insert(struct arena *a, const struct objection_in *in)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_O_ENV_INSERT)) < 0)
		return rc;
	if (in->env_entry_id > 0)
		db_in_int(&q, in->env_entry_id);
	else
		db_in_null(&q);
	if (in->env_event_id > 0)
		db_in_int(&q, in->env_event_id);
	else
		db_in_null(&q);
	bind_filing(&q, in);
	db_in_int(&q, in->subject_id);
	db_in_int(&q, in->env_entry_id);
	db_in_int(&q, in->env_event_id);
	return db_insert(&q);
}

int
objection_env_open(struct arena *a, long long subject_id, struct objection_target *rows, int max)
{
	struct objection_target x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_O_ENV_OPEN)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	db_out_int(&q, &x.env_entry_id);
	db_out_int(&q, &x.env_event_id);
	db_out_str(&q, &x.status);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
objection_by_id(struct arena *a, long long id, struct request_row *out)
{
	return by_id(a, RQ_O_BY_ID, id, out);
}

int
objection_list(struct arena *a, const struct request_filter *f, struct request_row *rows, int max)
{
	return list(a, RQ_O_LIST, f, rows, max);
}

int
objection_mark(struct arena *a, long long id)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_O_MARK)) < 0)
		return rc;
	db_in_int(&q, id);
	return matched(&q);
}

int
objection_flag_record(struct arena *a, long long record_id, long long subject_id, int on)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_O_FLAG)) < 0)
		return rc;
	db_in_int(&q, on ? 1 : 0);
	db_in_int(&q, record_id);
	db_in_int(&q, subject_id);
	return matched(&q);
}

int
objection_forward(struct arena *a, long long id, const char *agency, const char *decision_due)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_O_FORWARD)) < 0)
		return rc;
	db_in_str(&q, agency);
	db_in_str(&q, decision_due);
	db_in_int(&q, id);
	return matched(&q);
}

int
objection_decide(struct arena *a, long long id, const char *from, const char *decision,
    const char *reason, long long by)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_O_DECIDE)) < 0)
		return rc;
	db_in_str(&q, decision);
	db_in_str(&q, reason);
	db_in_int(&q, by);
	db_in_int(&q, id);
	db_in_str(&q, from);
	return matched(&q);
}

int
objection_remind(struct arena *a, long long id, long long subject_id)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_O_REMIND)) < 0)
		return rc;
	db_in_int(&q, id);
	db_in_int(&q, subject_id);
	return matched(&q);
}

int
request_counts(struct arena *a, const char *today, struct request_counts *c)
{
	struct db_q q;
	int rc;

	memset(c, 0, sizeof(*c));
	if ((rc = db_q_start(&q, a, &rq_set, RQ_COUNTS)) < 0)
		return rc;
	db_in_str(&q, today);
	db_in_str(&q, today);
	db_out_int(&q, &c->repairs);
	db_out_int(&q, &c->repairs_late);
	db_out_int(&q, &c->objections);
	db_out_int(&q, &c->objections_late);
	return db_one(&q);
}

int
request_event_add(struct arena *a, const char *kind, long long id, const char *from,
    const char *to, const char *action, long long actor, const char *role, const char *note)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_EV_ADD)) < 0)
		return rc;
	db_in_str(&q, kind);
	db_in_int(&q, id);
	db_in_str(&q, from);
	db_in_str(&q, to);
	db_in_str(&q, action);
	db_in_int(&q, actor);
	db_in_str(&q, role);
	db_in_str(&q, note ? note : "");
	n = db_insert(&q);
	return n < 0 ? (int)n : 1;
}

int
request_events_of(struct arena *a, const char *kind, long long id, struct request_event *rows,
    int max)
{
	struct request_event e;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_EV_LIST)) < 0)
		return rc;
	db_in_str(&q, kind);
	db_in_int(&q, id);
	db_in_int(&q, max);
	db_out_str(&q, &e.at);
	db_out_str(&q, &e.action);
	db_out_str(&q, &e.from_status);
	db_out_str(&q, &e.to_status);
	db_out_str(&q, &e.actor);
	db_out_str(&q, &e.actor_role);
	db_out_str(&q, &e.note);
	return db_collect(&q, &e, rows, sizeof(e), max);
}

int
request_delete_record(struct arena *a, long long record_id, long long subject_id)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &rq_set, RQ_DELETE)) < 0)
		return rc;
	db_in_int(&q, record_id);
	db_in_int(&q, subject_id);
	return matched(&q);
}

#define CLOSE_MAX 4

struct open_row {
	long long id;
	char     *status;
};

/* Closes the open requests of one kind on the record; appends to out. */
static int
close_kind(struct arena *a, int sel, int upd, const char *kind, long long record_id,
    long long subject_id, long long by, const char *role, const char *reason,
    struct request_closed *out, int max, int *nout)
{
	struct open_row row, rows[CLOSE_MAX];
	struct db_q q;
	int n, i, rc;

	if ((rc = db_q_start(&q, a, &rq_set, sel)) < 0)
		return rc;
	db_in_int(&q, record_id);
	db_in_int(&q, subject_id);
	db_in_int(&q, CLOSE_MAX);
	db_out_int(&q, &row.id);
	db_out_str(&q, &row.status);
	if ((n = db_collect(&q, &row, rows, sizeof(row), CLOSE_MAX)) < 0)
		return n;
	for (i = 0; i < n; i++) {
		if ((rc = db_q_start(&q, a, &rq_set, upd)) < 0)
			return rc;
		db_in_int(&q, by);
		db_in_str(&q, reason);
		db_in_int(&q, rows[i].id);
		db_in_str(&q, rows[i].status);
		/* Locked above: it cannot have moved, and must not be skipped. */
		if ((rc = matched(&q)) <= 0)
			return rc < 0 ? rc : DB_ERR;
		if ((rc = request_event_add(a, kind, rows[i].id, rows[i].status, "closed", "close",
		    by, role, reason)) < 0)
			return rc;
		if (*nout < max) {
			out[*nout].kind = kind;
			out[*nout].id = rows[i].id;
			out[*nout].from = rows[i].status;
			(*nout)++;
		}
	}
	return 1;
}

int
request_close_for_record(struct arena *a, long long record_id, long long subject_id,
    long long by, const char *role, const char *reason, struct request_closed *out, int max)
{
	int n = 0, rc;

	if ((rc = close_kind(a, RQ_R_OPEN_OF, RQ_R_CLOSE, "repair", record_id, subject_id, by, role,
	    reason, out, max, &n)) < 0)
		return rc;
	if ((rc = close_kind(a, RQ_O_OPEN_OF, RQ_O_CLOSE, "objection", record_id, subject_id, by,
	    role, reason, out, max, &n)) < 0)
		return rc;
	return n;
}
