/* env.c — all SQL for the environmental grade tables (env_*). Counts and
 * shares are aggregated here in SQL; the grade rules themselves live in
 * rules/grades.c, which the pages apply to what these functions return. */
#include "store/env.h"

#include <string.h>

#include "core/db.h"
#include "core/shared.h"

enum env_stmt {
	EV_SETTINGS, EV_SETTINGS_UPD,
	EV_IND_LIST, EV_VETO_LIST, EV_TYPE_LIST, EV_IND_UPSERT, EV_VETO_UPSERT, EV_TYPE_UPSERT,
	EV_ROUNDS, EV_ROUNDS_COUNT, EV_ROUND_YEARS, EV_ROUND, EV_ROUND_LOCK, EV_ROUND_INSERT, EV_ROUND_PUBLICIZE, EV_ROUND_PUBLISH,
	EV_ROUND_PREV, EV_ROUND_COUNTS, EV_ROUND_DISTRICTS,
	EV_ENTRIES, EV_ENTRIES_COUNT, EV_ENTRY, EV_ENTRY_OF, EV_ENTRY_INSERT, EV_ENTRY_UPDATE, EV_HIST_INSERT,
	EV_DED_LIST, EV_DED_INSERT, EV_DED_DELETE, EV_DED_SUM,
	EV_SUBJ_ENTRIES, EV_SUBJ_HIST,
	EV_ENROLLED, EV_DYNAMIC, EV_ENROL, EV_ENROLLED_LIST, EV_EVENTS, EV_EVENTS_ALL, EV_EVENT_INSERT,
	EV_EVENT, EV_EVENT_VOID, EV_VOIDS_OF, EV_ENROL_DROP, EV_ENROL_MOVE,
	EV_LATEST, EV_EVENTS_BATCH, EV_LATEST_AS_OF,
	EV_SNAP_NEXT, EV_SNAP_INSERT, EV_SNAP_ROW, EV_SNAPS, EV_SNAP_VERSIONS, EV_SNAP, EV_SNAP_COUNTS,
	EV_SNAP_LIST, EV_SNAP_PREV,
	EV_MAX
};

#define D(x) "DATE_FORMAT(" x ", '%Y-%m-%d')"
#define CST(x) "DATE_FORMAT(FROM_UNIXTIME(" x " + 28800), '%Y-%m-%d %H:%i')"
#define ROUND_COLS "r.id, r.year, (SELECT COUNT(*) FROM env_entries e WHERE e.round_id = r.id), " \
	"r.scope, " D("r.period_from") ", " D("r.period_to") ", r.status, " D("r.publicity_from") ", " \
	D("r.publicity_to") ", " D("r.published_on") " "
#define ENTRY_COLS "e.id, e.round_id, e.subject_id, IFNULL(e.score, 0), e.score IS NOT NULL, " \
	"IFNULL(e.veto_id, 0), s.uscc, s.name, IFNULL(e.district, s.district), e.source, " \
	"e.base_grade, e.grade, v.code, v.name_zh, v.name_en, e.veto_note, r.year, r.scope, " \
	"r.status, " D("r.published_on") " "
#define ENTRY_FROM "FROM env_entries e JOIN subjects s ON s.id = e.subject_id " \
	"JOIN env_rounds r ON r.id = e.round_id LEFT JOIN env_veto_rules v ON v.id = e.veto_id "
#define EVENT_COLS "x.id, x.subject_id, x.type_id, x.points, t.code, t.name_zh, t.name_en, " \
	D("x.decided_on") ", " D("x.until_on") ", x.doc_no, x.note "
#define IN20 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
/* An event counts unless it was voided (or corrected: voided and replaced). */
#define VALID(x) "NOT EXISTS (SELECT 1 FROM env_event_voids vd WHERE vd.event_id = " x ".id)"
#define ROUNDS_WHERE "WHERE (? = 1 OR r.status <> 'draft') AND (? = 0 OR r.year = ?) "
#define ENTRIES_WHERE "WHERE e.round_id = ? AND (? IS NULL OR e.grade = ?) " \
	"AND (? IS NULL OR IFNULL(e.district, s.district) = ?) "
/* Every version of a day is kept; current = the day's highest version. */
#define SNAP_COLS "n.id, (SELECT COUNT(*) FROM env_snapshot_rows w WHERE w.snapshot_id = n.id), " \
	"n.version, (SELECT MAX(m.version) FROM env_snapshots m WHERE m.as_of = n.as_of), " \
	D("n.as_of") ", CAST(n.red_price AS CHAR), CAST(n.black_price AS CHAR), " CST("n.created_at") \
	", n.reason, u.display_name FROM env_snapshots n LEFT JOIN users u ON u.id = n.created_by "

static const char *const env_sql[EV_MAX] = {
	[EV_SETTINGS] = "SELECT annual_green_min, annual_blue_min, annual_yellow_min, annual_red_min, "
	    "dyn_green_min, dyn_blue_min, dyn_yellow_min, dyn_red_min, dyn_base, dyn_max, "
	    "publicity_days, CAST(red_price AS CHAR), CAST(black_price AS CHAR) FROM env_settings WHERE id = 1",
	[EV_SETTINGS_UPD] = "UPDATE env_settings SET annual_green_min = ?, annual_blue_min = ?, "
	    "annual_yellow_min = ?, annual_red_min = ?, dyn_green_min = ?, dyn_blue_min = ?, "
	    "dyn_yellow_min = ?, dyn_red_min = ?, dyn_base = ?, dyn_max = ?, publicity_days = ?, "
	    "red_price = ?, black_price = ?, updated_by = ?, updated_at = UNIX_TIMESTAMP() WHERE id = 1",
	[EV_IND_LIST] = "SELECT id, max_points, 0, active, code, name_zh, name_en, NULL FROM env_indicators "
	    "WHERE active >= ? ORDER BY id LIMIT ?",
	[EV_VETO_LIST] = "SELECT id, 0, 0, active, code, name_zh, name_en, grade FROM env_veto_rules "
	    "WHERE active >= ? ORDER BY id LIMIT ?",
	[EV_TYPE_LIST] = "SELECT id, points, months, active, code, name_zh, name_en, NULL FROM env_event_types "
	    "WHERE active >= ? ORDER BY points, id LIMIT ?",
	[EV_IND_UPSERT] = "INSERT INTO env_indicators (code, name_zh, name_en, max_points, active) "
	    "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE name_zh = VALUES(name_zh), "
	    "name_en = VALUES(name_en), max_points = VALUES(max_points), active = VALUES(active)",
	[EV_VETO_UPSERT] = "INSERT INTO env_veto_rules (code, name_zh, name_en, grade, active) "
	    "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE name_zh = VALUES(name_zh), "
	    "name_en = VALUES(name_en), grade = VALUES(grade), active = VALUES(active)",
	[EV_TYPE_UPSERT] = "INSERT INTO env_event_types (code, name_zh, name_en, points, months, active) "
	    "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE name_zh = VALUES(name_zh), "
	    "name_en = VALUES(name_en), points = VALUES(points), months = VALUES(months), "
	    "active = VALUES(active)",
	[EV_ROUNDS] = "SELECT " ROUND_COLS "FROM env_rounds r " ROUNDS_WHERE
	    "ORDER BY r.year DESC, r.id DESC LIMIT ? OFFSET ?",
	[EV_ROUNDS_COUNT] = "SELECT COUNT(*) FROM env_rounds r " ROUNDS_WHERE,
	[EV_ROUND_YEARS] = "SELECT DISTINCT year FROM env_rounds WHERE (? = 1 OR status <> 'draft') "
	    "AND (? = 0 OR status = 'published') ORDER BY year DESC LIMIT ?",
	[EV_ROUND] = "SELECT " ROUND_COLS "FROM env_rounds r WHERE r.id = ?",
	[EV_ROUND_LOCK] = "SELECT status FROM env_rounds WHERE id = ? FOR UPDATE",
	[EV_ROUND_INSERT] = "INSERT INTO env_rounds (year, scope, period_from, period_to, status, "
	    "created_by, created_at) VALUES (?, ?, ?, ?, 'draft', ?, UNIX_TIMESTAMP())",
	[EV_ROUND_PUBLICIZE] = "UPDATE env_rounds SET status = 'publicity', publicity_from = ?, "
	    "publicity_to = ? WHERE id = ? AND status = 'draft'",
	[EV_ROUND_PUBLISH] = "UPDATE env_rounds SET status = 'published', published_on = ? "
	    "WHERE id = ? AND status = 'publicity' AND publicity_to < ?",
	[EV_ROUND_PREV] = "SELECT " ROUND_COLS "FROM env_rounds r WHERE r.status = 'published' "
	    "AND r.scope = ? AND r.year < ? ORDER BY r.year DESC, r.id DESC LIMIT 1",
	[EV_ROUND_COUNTS] = "SELECT grade, COUNT(*) FROM env_entries WHERE round_id = ? GROUP BY grade",
	[EV_ROUND_DISTRICTS] = "SELECT DISTINCT IFNULL(e.district, s.district) d FROM env_entries e "
	    "JOIN subjects s ON s.id = e.subject_id WHERE e.round_id = ? "
	    "AND IFNULL(e.district, s.district) IS NOT NULL ORDER BY d LIMIT ?",
	[EV_ENTRIES] = "SELECT " ENTRY_COLS ENTRY_FROM ENTRIES_WHERE
	    "ORDER BY e.grade, s.name, e.id LIMIT ? OFFSET ?",
	[EV_ENTRIES_COUNT] = "SELECT COUNT(*) FROM env_entries e JOIN subjects s ON s.id = e.subject_id "
	    ENTRIES_WHERE,
	[EV_ENTRY] = "SELECT " ENTRY_COLS ENTRY_FROM "WHERE e.id = ?",
	[EV_ENTRY_OF] = "SELECT " ENTRY_COLS ENTRY_FROM "WHERE e.round_id = ? AND e.subject_id = ?",
	[EV_ENTRY_INSERT] = "INSERT INTO env_entries (round_id, subject_id, source, score, base_grade, "
	    "veto_id, veto_note, grade, district, created_by, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UNIX_TIMESTAMP(), UNIX_TIMESTAMP())",
	[EV_ENTRY_UPDATE] = "UPDATE env_entries SET source = ?, score = ?, base_grade = ?, veto_id = ?, "
	    "veto_note = ?, grade = ?, updated_at = UNIX_TIMESTAMP() WHERE id = ?",
	[EV_HIST_INSERT] = "INSERT INTO env_grade_history (entry_id, round_id, subject_id, grade, score, "
	    "veto_id, reason, objection_id, replaced_by, replaced_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, UNIX_TIMESTAMP())",
	[EV_DED_LIST] = "SELECT d.id, d.entry_id, d.points, i.code, i.name_zh, i.name_en, d.note, "
	    CST("d.created_at") " FROM env_deductions d JOIN env_indicators i ON i.id = d.indicator_id "
	    "WHERE d.entry_id = ? ORDER BY d.id LIMIT ?",
	[EV_DED_INSERT] = "INSERT INTO env_deductions (entry_id, indicator_id, points, note, created_by, "
	    "created_at) VALUES (?, ?, ?, ?, ?, UNIX_TIMESTAMP())",
	[EV_DED_DELETE] = "DELETE FROM env_deductions WHERE id = ? AND entry_id = ?",
	[EV_DED_SUM] = "SELECT IFNULL(SUM(points), 0) FROM env_deductions WHERE entry_id = ?",
	[EV_SUBJ_ENTRIES] = "SELECT " ENTRY_COLS ENTRY_FROM "WHERE e.subject_id = ? "
	    "AND (? = 1 OR r.status = 'published') ORDER BY r.year DESC, r.id DESC LIMIT ?",
	[EV_SUBJ_HIST] = "SELECT h.id, h.entry_id, r.year, IFNULL(h.score, 0), h.score IS NOT NULL, "
	    "IFNULL(h.objection_id, 0), h.grade, h.reason, "
	    CST("h.replaced_at") ", u.display_name, v.name_zh, v.name_en, r.scope "
	    "FROM env_grade_history h JOIN env_rounds r ON r.id = h.round_id "
	    "LEFT JOIN users u ON u.id = h.replaced_by LEFT JOIN env_veto_rules v ON v.id = h.veto_id "
	    /* Outside the agency, only corrections of a grade once public:
	     * from the first day of its publicity (CST). */
	    "WHERE h.subject_id = ? AND (? = 1 OR (r.status <> 'draft' "
	    "AND h.replaced_at >= UNIX_TIMESTAMP(r.publicity_from) - 28800)) ORDER BY h.id DESC LIMIT ?",
	[EV_ENROLLED] = "SELECT " D("enrolled_on") " FROM env_dynamic_subjects WHERE subject_id = ?",
	/* Enrolment and the valid events in one statement: no row when the
	 * subject is not enrolled, one with a NULL event when it has none. */
	[EV_DYNAMIC] = "SELECT " D("d.enrolled_on") ", " EVENT_COLS "FROM env_dynamic_subjects d "
	    "LEFT JOIN (env_events x JOIN env_event_types t ON t.id = x.type_id) "
	    "ON x.subject_id = d.subject_id AND " VALID("x") " "
	    "WHERE d.subject_id = ? ORDER BY x.decided_on, x.id LIMIT ?",
	[EV_ENROL] = "INSERT IGNORE INTO env_dynamic_subjects (subject_id, enrolled_on, created_by, "
	    "created_at) VALUES (?, ?, ?, UNIX_TIMESTAMP())",
	[EV_ENROLLED_LIST] = "SELECT d.subject_id, s.uscc, s.name, s.district, " D("d.enrolled_on")
	    " FROM env_dynamic_subjects d JOIN subjects s ON s.id = d.subject_id "
	    "ORDER BY d.subject_id LIMIT ?",
	[EV_EVENTS] = "SELECT " EVENT_COLS "FROM env_events x JOIN env_event_types t ON t.id = x.type_id "
	    "WHERE x.subject_id = ? AND " VALID("x") " ORDER BY x.decided_on, x.id LIMIT ?",
	[EV_EVENTS_ALL] = "SELECT " EVENT_COLS "FROM env_events x JOIN env_event_types t ON t.id = x.type_id "
	    "WHERE " VALID("x") " ORDER BY x.subject_id, x.decided_on, x.id LIMIT ?",
	[EV_EVENT_INSERT] = "INSERT INTO env_events (subject_id, type_id, points, decided_on, until_on, "
	    "doc_no, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, UNIX_TIMESTAMP())",
	[EV_EVENT] = "SELECT " EVENT_COLS ", vd.action FROM env_events x "
	    "JOIN env_event_types t ON t.id = x.type_id "
	    "LEFT JOIN env_event_voids vd ON vd.event_id = x.id WHERE x.id = ?",
	/* The subject in the WHERE: an event is voided only for its own enterprise. */
	[EV_EVENT_VOID] = "INSERT INTO env_event_voids (event_id, subject_id, action, replacement_id, "
	    "reason, objection_id, voided_by, voided_at) SELECT x.id, x.subject_id, ?, ?, ?, ?, ?, "
	    "UNIX_TIMESTAMP() FROM env_events x WHERE x.id = ? AND x.subject_id = ?",
	[EV_VOIDS_OF] = "SELECT " EVENT_COLS ", NULL, IFNULL(vd.replacement_id, 0), "
	    "IFNULL(vd.objection_id, 0), vd.action, vd.reason, " CST("vd.voided_at") ", u.display_name "
	    "FROM env_event_voids vd JOIN env_events x ON x.id = vd.event_id "
	    "JOIN env_event_types t ON t.id = x.type_id LEFT JOIN users u ON u.id = vd.voided_by "
	    "WHERE vd.subject_id = ? ORDER BY vd.voided_at DESC, vd.event_id DESC LIMIT ?",
	[EV_ENROL_DROP] = "DELETE FROM env_dynamic_subjects WHERE subject_id = ? AND NOT EXISTS "
	    "(SELECT 1 FROM env_events x WHERE x.subject_id = ? AND " VALID("x") ")",
	[EV_ENROL_MOVE] = "UPDATE env_dynamic_subjects d JOIN (SELECT MIN(x.decided_on) m FROM env_events x "
	    "WHERE x.subject_id = ? AND " VALID("x") ") f ON f.m IS NOT NULL "
	    "SET d.enrolled_on = f.m WHERE d.subject_id = ?",
	/* One IN list of 20 (DB_MAX_BIND): the latest published entry is the
	 * correlated subquery's pick. */
	[EV_LATEST] = "SELECT s.id, IFNULL(e.score, 0), e.score IS NOT NULL, IFNULL(r.year, 0), "
	    "d.subject_id IS NOT NULL, e.grade, " D("d.enrolled_on") " FROM subjects s "
	    "LEFT JOIN env_dynamic_subjects d ON d.subject_id = s.id "
	    "LEFT JOIN env_entries e ON e.subject_id = s.id AND e.id = (SELECT e2.id FROM env_entries e2 "
	    "JOIN env_rounds r2 ON r2.id = e2.round_id AND r2.status = 'published' "
	    "WHERE e2.subject_id = s.id ORDER BY r2.year DESC, r2.id DESC LIMIT 1) "
	    "LEFT JOIN env_rounds r ON r.id = e.round_id "
	    "WHERE s.id IN " IN20 " AND (e.id IS NOT NULL OR d.subject_id IS NOT NULL)",
	[EV_EVENTS_BATCH] = "SELECT " EVENT_COLS "FROM env_events x JOIN env_event_types t ON t.id = x.type_id "
	    "WHERE x.subject_id IN " IN20 " AND " VALID("x") " ORDER BY x.subject_id, x.decided_on, x.id LIMIT ?",
	[EV_LATEST_AS_OF] = "SELECT e.subject_id, IFNULL(e.score, 0), e.score IS NOT NULL, r.year, 0, e.grade, NULL "
	    "FROM env_entries e JOIN env_rounds r ON r.id = e.round_id AND r.status = 'published' "
	    "AND r.published_on <= ? WHERE NOT EXISTS (SELECT 1 FROM env_entries e2 "
	    "JOIN env_rounds r2 ON r2.id = e2.round_id AND r2.status = 'published' AND r2.published_on <= ? "
	    "WHERE e2.subject_id = e.subject_id AND (r2.year > r.year OR (r2.year = r.year AND r2.id > r.id))) "
	    "ORDER BY e.subject_id LIMIT ?",
	[EV_SNAP_NEXT] = "SELECT IFNULL(MAX(version), 0) + 1 FROM env_snapshots WHERE as_of = ?",
	[EV_SNAP_INSERT] = "INSERT INTO env_snapshots (as_of, version, reason, red_price, black_price, "
	    "created_by, created_at) SELECT ?, ?, ?, red_price, black_price, ?, UNIX_TIMESTAMP() "
	    "FROM env_settings WHERE id = 1",
	[EV_SNAP_ROW] = "INSERT INTO env_snapshot_rows (snapshot_id, subject_id, uscc, name, district, grade, "
	    "score, basis) SELECT ?, id, uscc, name, district, ?, ?, ? FROM subjects WHERE id = ?",
	[EV_SNAPS] = "SELECT " SNAP_COLS "WHERE n.version = (SELECT MAX(m.version) FROM env_snapshots m "
	    "WHERE m.as_of = n.as_of) ORDER BY n.as_of DESC LIMIT ?",
	[EV_SNAP_VERSIONS] = "SELECT " SNAP_COLS "WHERE n.as_of = ? ORDER BY n.version DESC LIMIT ?",
	[EV_SNAP] = "SELECT " SNAP_COLS "WHERE n.id = ?",
	[EV_SNAP_COUNTS] = "SELECT grade, COUNT(*) FROM env_snapshot_rows WHERE snapshot_id = ? GROUP BY grade",
	[EV_SNAP_LIST] = "SELECT subject_id, IFNULL(score, 0), score IS NOT NULL, uscc, name, district, grade, "
	    "basis FROM env_snapshot_rows WHERE snapshot_id = ? AND grade IN ('red', 'black') "
	    "AND (? IS NULL OR grade = ?) AND (? IS NULL OR district = ?) "
	    "ORDER BY grade DESC, district, name LIMIT ?",
	/* The current version of the latest day before as_of (statistics). */
	[EV_SNAP_PREV] = "SELECT " SNAP_COLS "WHERE n.as_of < ? AND n.version = (SELECT MAX(m.version) "
	    "FROM env_snapshots m WHERE m.as_of = n.as_of) ORDER BY n.as_of DESC LIMIT 1",
};
DB_SET(env_set, env_sql, EV_MAX);

static const char *const grade_order[5] = { "green", "blue", "yellow", "red", "black" };

int
env_settings_get(struct arena *a, struct env_settings *s)
{
	struct db_q q;
	int rc, i;

	memset(s, 0, sizeof(*s));
	if ((rc = db_q_start(&q, a, &env_set, EV_SETTINGS)) < 0)
		return rc;
	for (i = 0; i < 4; i++)
		db_out_int(&q, &s->annual_min[i]);
	for (i = 0; i < 4; i++)
		db_out_int(&q, &s->dyn_min[i]);
	db_out_int(&q, &s->dyn_base);
	db_out_int(&q, &s->dyn_max);
	db_out_int(&q, &s->publicity_days);
	db_out_str(&q, &s->red_price);
	db_out_str(&q, &s->black_price);
	return db_one(&q);
}

int
env_settings_update(struct arena *a, const struct env_settings *s, long long by)
{
	struct db_q q;
	int rc, i;

	if ((rc = db_q_start(&q, a, &env_set, EV_SETTINGS_UPD)) < 0)
		return rc;
	for (i = 0; i < 4; i++)
		db_in_int(&q, s->annual_min[i]);
	for (i = 0; i < 4; i++)
		db_in_int(&q, s->dyn_min[i]);
	db_in_int(&q, s->dyn_base);
	db_in_int(&q, s->dyn_max);
	db_in_int(&q, s->publicity_days);
	db_in_str(&q, s->red_price);
	db_in_str(&q, s->black_price);
	db_in_int(&q, by);
	if (db_write(&q) < 0)
		return DB_ERR;
	db_changed(SG_ENV_SCHEME);   /* the pages' copy of the scheme */
	return 1;
}

int
env_items(struct arena *a, int kind, int active_only, struct env_item *rows, int max)
{
	static const int stmt[ENV_KIND_MAX] = { EV_IND_LIST, EV_VETO_LIST, EV_TYPE_LIST };
	struct env_item x;
	struct db_q q;
	int rc;

	if (kind < 0 || kind >= ENV_KIND_MAX)
		return DB_ERR;
	if ((rc = db_q_start(&q, a, &env_set, stmt[kind])) < 0)
		return rc;
	db_in_int(&q, active_only ? 1 : 0);
	db_in_int(&q, max);
	db_out_int(&q, &x.id);
	db_out_int(&q, &x.points);
	db_out_int(&q, &x.months);
	db_out_int(&q, &x.active);
	db_out_str(&q, &x.code);
	db_out_str(&q, &x.name_zh);
	db_out_str(&q, &x.name_en);
	db_out_str(&q, &x.grade);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_item_upsert(struct arena *a, int kind, const struct env_item *x)
{
	static const int stmt[ENV_KIND_MAX] = { EV_IND_UPSERT, EV_VETO_UPSERT, EV_TYPE_UPSERT };
	struct db_q q;
	long long n;
	int rc;

	if (kind < 0 || kind >= ENV_KIND_MAX)
		return DB_ERR;
	if ((rc = db_q_start(&q, a, &env_set, stmt[kind])) < 0)
		return rc;
	db_in_str(&q, x->code);
	db_in_str(&q, x->name_zh);
	db_in_str(&q, x->name_en);
	if (kind == ENV_VETO)
		db_in_str(&q, x->grade);
	else
		db_in_int(&q, x->points);
	if (kind == ENV_TYPE)
		db_in_int(&q, x->months);
	db_in_int(&q, x->active);
	n = db_write(&q);
	return n < 0 ? (int)n : 1;
}

static void
bind_round(struct db_q *q, struct env_round *r)
{
	db_out_int(q, &r->id);
	db_out_int(q, &r->year);
	db_out_int(q, &r->n_entries);
	db_out_str(q, &r->scope);
	db_out_str(q, &r->period_from);
	db_out_str(q, &r->period_to);
	db_out_str(q, &r->status);
	db_out_str(q, &r->publicity_from);
	db_out_str(q, &r->publicity_to);
	db_out_str(q, &r->published_on);
}

int
env_rounds_list(struct arena *a, int all, long long year, long long offset, struct env_round *rows,
    int max)
{
	struct env_round x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ROUNDS)) < 0)
		return rc;
	db_in_int(&q, all ? 1 : 0);
	db_in_int(&q, year);
	db_in_int(&q, year);
	db_in_int(&q, max);
	db_in_int(&q, offset);
	bind_round(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_rounds_count(struct arena *a, int all, long long year, long long *n)
{
	struct db_q q;
	int rc;

	*n = 0;
	if ((rc = db_q_start(&q, a, &env_set, EV_ROUNDS_COUNT)) < 0)
		return rc;
	db_in_int(&q, all ? 1 : 0);
	db_in_int(&q, year);
	db_in_int(&q, year);
	db_out_int(&q, n);
	return db_one(&q);
}

int
env_round_years(struct arena *a, int all, int published, long long *rows, int max)
{
	struct db_q q;
	long long y;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ROUND_YEARS)) < 0)
		return rc;
	db_in_int(&q, all ? 1 : 0);
	db_in_int(&q, published ? 1 : 0);
	db_in_int(&q, max);
	db_out_int(&q, &y);
	return db_collect(&q, &y, rows, sizeof(y), max);
}

int
env_round_get(struct arena *a, long long id, struct env_round *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &env_set, EV_ROUND)) < 0)
		return rc;
	db_in_int(&q, id);
	bind_round(&q, out);
	return db_one(&q);
}

int
env_round_lock(struct arena *a, long long id, char **status)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ROUND_LOCK)) < 0)
		return rc;
	db_in_int(&q, id);
	db_out_str(&q, status);
	return db_one(&q);
}

long long
env_round_insert(struct arena *a, long long year, const char *scope, const char *from,
    const char *to, long long by)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ROUND_INSERT)) < 0)
		return rc;
	db_in_int(&q, year);
	db_in_str(&q, scope);
	db_in_str(&q, from);
	db_in_str(&q, to);
	db_in_int(&q, by);
	return db_insert(&q);
}

int
env_round_publicize(struct arena *a, long long id, const char *from, const char *to)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ROUND_PUBLICIZE)) < 0)
		return rc;
	db_in_str(&q, from);
	db_in_str(&q, to);
	db_in_int(&q, id);
	return (int)db_write(&q);
}

int
env_round_publish(struct arena *a, long long id, const char *today)
{
	struct db_q q;
	int rc;

	long long n;

	if ((rc = db_q_start(&q, a, &env_set, EV_ROUND_PUBLISH)) < 0)
		return rc;
	db_in_str(&q, today);
	db_in_int(&q, id);
	db_in_str(&q, today);
	if ((n = db_write(&q)) > 0)
		db_changed(SG_CHOICES);   /* a year the search form offers */
	return (int)n;
}

int
env_round_previous(struct arena *a, const struct env_round *r, struct env_round *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &env_set, EV_ROUND_PREV)) < 0)
		return rc;
	db_in_str(&q, r->scope);
	db_in_int(&q, r->year);
	bind_round(&q, out);
	return db_one(&q);
}

/* grade, count rows into counts[] in grade order. */
static int
counts_of(struct arena *a, int stmt, long long id, long long counts[5])
{
	struct db_q q;
	char *g;
	long long n;
	int rc, i;

	memset(counts, 0, sizeof(long long) * 5);
	if ((rc = db_q_start(&q, a, &env_set, stmt)) < 0)
		return rc;
	db_in_int(&q, id);
	if ((rc = db_exec(&q)) < 0) {
		db_q_end(&q);
		return rc;
	}
	db_out_str(&q, &g);
	db_out_int(&q, &n);
	while ((rc = db_fetch(&q)) > 0)
		for (i = 0; i < 5; i++)
			if (g != NULL && strcmp(g, grade_order[i]) == 0)
				counts[i] = n;
	db_q_end(&q);
	return rc < 0 ? rc : 1;
}

int
env_round_counts(struct arena *a, long long round_id, long long counts[5])
{
	return counts_of(a, EV_ROUND_COUNTS, round_id, counts);
}

int
env_round_districts(struct arena *a, long long round_id, char **rows, int max)
{
	struct db_q q;
	char *d;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ROUND_DISTRICTS)) < 0)
		return rc;
	db_in_int(&q, round_id);
	db_in_int(&q, max);
	db_out_str(&q, &d);
	return db_collect(&q, &d, rows, sizeof(d), max);
}

static void
bind_entry(struct db_q *q, struct env_entry *e)
{
	db_out_int(q, &e->id);
	db_out_int(q, &e->round_id);
	db_out_int(q, &e->subject_id);
	db_out_int(q, &e->score);
	db_out_int(q, &e->has_score);
	db_out_int(q, &e->veto_id);
	db_out_str(q, &e->uscc);
	db_out_str(q, &e->name);
	db_out_str(q, &e->district);
	db_out_str(q, &e->source);
	db_out_str(q, &e->base_grade);
	db_out_str(q, &e->grade);
	db_out_str(q, &e->veto_code);
	db_out_str(q, &e->veto_zh);
	db_out_str(q, &e->veto_en);
	db_out_str(q, &e->veto_note);
	db_out_int(q, &e->year);
	db_out_str(q, &e->scope);
	db_out_str(q, &e->round_status);
	db_out_str(q, &e->published_on);
}

static void
bind_entries_filter(struct db_q *q, long long round_id, const char *grade, const char *district)
{
	db_in_int(q, round_id);
	db_in_str(q, grade);
	db_in_str(q, grade);
	db_in_str(q, district);
	db_in_str(q, district);
}

int
env_entries_of_round(struct arena *a, long long round_id, const char *grade, const char *district,
    long long offset, struct env_entry *rows, int max)
{
	struct env_entry x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ENTRIES)) < 0)
		return rc;
	bind_entries_filter(&q, round_id, grade, district);
	db_in_int(&q, max);
	db_in_int(&q, offset);
	bind_entry(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_entries_count(struct arena *a, long long round_id, const char *grade, const char *district,
    long long *n)
{
	struct db_q q;
	int rc;

	*n = 0;
	if ((rc = db_q_start(&q, a, &env_set, EV_ENTRIES_COUNT)) < 0)
		return rc;
	bind_entries_filter(&q, round_id, grade, district);
	db_out_int(&q, n);
	return db_one(&q);
}

int
env_entry_get(struct arena *a, long long id, struct env_entry *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &env_set, EV_ENTRY)) < 0)
		return rc;
	db_in_int(&q, id);
	bind_entry(&q, out);
	return db_one(&q);
}

int
env_entry_of(struct arena *a, long long round_id, long long subject_id, struct env_entry *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &env_set, EV_ENTRY_OF)) < 0)
		return rc;
	db_in_int(&q, round_id);
	db_in_int(&q, subject_id);
	bind_entry(&q, out);
	return db_one(&q);
}

long long
env_entry_insert(struct arena *a, const struct env_entry *e, long long by)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ENTRY_INSERT)) < 0)
		return rc;
	db_in_int(&q, e->round_id);
	db_in_int(&q, e->subject_id);
	db_in_str(&q, e->source);
	if (e->has_score)
		db_in_int(&q, e->score);
	else
		db_in_null(&q);
	db_in_str(&q, e->base_grade);
	if (e->veto_id > 0)
		db_in_int(&q, e->veto_id);
	else
		db_in_null(&q);
	db_in_str(&q, e->veto_note);
	db_in_str(&q, e->grade);
	db_in_str(&q, e->district);
	db_in_int(&q, by);
	return db_insert(&q);
}

int
env_entry_update(struct arena *a, const struct env_entry *e)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ENTRY_UPDATE)) < 0)
		return rc;
	db_in_str(&q, e->source);
	if (e->has_score)
		db_in_int(&q, e->score);
	else
		db_in_null(&q);
	db_in_str(&q, e->base_grade);
	if (e->veto_id > 0)
		db_in_int(&q, e->veto_id);
	else
		db_in_null(&q);
	db_in_str(&q, e->veto_note);
	db_in_str(&q, e->grade);
	db_in_int(&q, e->id);
	return (int)db_write(&q);
}

int
env_history_insert(struct arena *a, const struct env_entry *old, const char *reason,
    long long objection_id, long long by)
{
	struct db_q q;
	long long id;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_HIST_INSERT)) < 0)
		return rc;
	db_in_int(&q, old->id);
	db_in_int(&q, old->round_id);
	db_in_int(&q, old->subject_id);
	db_in_str(&q, old->grade);
	if (old->has_score)
		db_in_int(&q, old->score);
	else
		db_in_null(&q);
	if (old->veto_id > 0)
		db_in_int(&q, old->veto_id);
	else
		db_in_null(&q);
	db_in_str(&q, reason);
	if (objection_id > 0)
		db_in_int(&q, objection_id);
	else
		db_in_null(&q);
	db_in_int(&q, by);
	id = db_insert(&q);
	return id < 0 ? (int)id : 1;
}

int
env_deductions_of(struct arena *a, long long entry_id, struct env_deduction *rows, int max)
{
	struct env_deduction x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_DED_LIST)) < 0)
		return rc;
	db_in_int(&q, entry_id);
	db_in_int(&q, max);
	db_out_int(&q, &x.id);
	db_out_int(&q, &x.entry_id);
	db_out_int(&q, &x.points);
	db_out_str(&q, &x.code);
	db_out_str(&q, &x.name_zh);
	db_out_str(&q, &x.name_en);
	db_out_str(&q, &x.note);
	db_out_str(&q, &x.at);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

long long
env_deduction_insert(struct arena *a, long long entry_id, long long indicator_id, long long points,
    const char *note, long long by)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_DED_INSERT)) < 0)
		return rc;
	db_in_int(&q, entry_id);
	db_in_int(&q, indicator_id);
	db_in_int(&q, points);
	db_in_str(&q, note);
	db_in_int(&q, by);
	return db_insert(&q);
}

int
env_deduction_delete(struct arena *a, long long entry_id, long long id)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_DED_DELETE)) < 0)
		return rc;
	db_in_int(&q, id);
	db_in_int(&q, entry_id);
	return (int)db_write(&q);
}

int
env_deduction_sum(struct arena *a, long long entry_id, long long *sum)
{
	struct db_q q;
	int rc;

	*sum = 0;
	if ((rc = db_q_start(&q, a, &env_set, EV_DED_SUM)) < 0)
		return rc;
	db_in_int(&q, entry_id);
	db_out_int(&q, sum);
	return db_one(&q);
}

int
env_entries_of_subject(struct arena *a, long long subject_id, int all, struct env_entry *rows, int max)
{
	struct env_entry x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_SUBJ_ENTRIES)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, all ? 1 : 0);
	db_in_int(&q, max);
	bind_entry(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_history_of_subject(struct arena *a, long long subject_id, int all, struct env_hist *rows, int max)
{
	struct env_hist x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_SUBJ_HIST)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, all ? 1 : 0);
	db_in_int(&q, max);
	db_out_int(&q, &x.id);
	db_out_int(&q, &x.entry_id);
	db_out_int(&q, &x.year);
	db_out_int(&q, &x.score);
	db_out_int(&q, &x.has_score);
	db_out_int(&q, &x.objection_id);
	db_out_str(&q, &x.grade);
	db_out_str(&q, &x.reason);
	db_out_str(&q, &x.at);
	db_out_str(&q, &x.who);
	db_out_str(&q, &x.veto_zh);
	db_out_str(&q, &x.veto_en);
	db_out_str(&q, &x.scope);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_enrolled(struct arena *a, long long subject_id, char **enrolled_on)
{
	struct db_q q;
	int rc;

	*enrolled_on = NULL;
	if ((rc = db_q_start(&q, a, &env_set, EV_ENROLLED)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_out_str(&q, enrolled_on);
	return db_one(&q);
}

int
env_enrol(struct arena *a, long long subject_id, const char *on, long long by)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ENROL)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_str(&q, on);
	db_in_int(&q, by);
	n = db_write(&q);
	return n < 0 ? (int)n : n > 0;
}

int
env_enrolled_list(struct arena *a, struct env_enrolled *rows, int max)
{
	struct env_enrolled x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ENROLLED_LIST)) < 0)
		return rc;
	db_in_int(&q, max);
	db_out_int(&q, &x.subject_id);
	db_out_str(&q, &x.uscc);
	db_out_str(&q, &x.name);
	db_out_str(&q, &x.district);
	db_out_str(&q, &x.enrolled_on);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

static void
bind_event(struct db_q *q, struct env_event *x)
{
	/* Fields a statement does not select (void_action) read as NULL, not
	 * as whatever the stack held: db_collect copies the whole row. */
	memset(x, 0, sizeof(*x));
	db_out_int(q, &x->id);
	db_out_int(q, &x->subject_id);
	db_out_int(q, &x->type_id);
	db_out_int(q, &x->points);
	db_out_str(q, &x->code);
	db_out_str(q, &x->name_zh);
	db_out_str(q, &x->name_en);
	db_out_str(q, &x->decided_on);
	db_out_str(q, &x->until_on);
	db_out_str(q, &x->doc_no);
	db_out_str(q, &x->note);
}

int
env_events_of(struct arena *a, long long subject_id, struct env_event *rows, int max)
{
	struct env_event x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_EVENTS)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	bind_event(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_dynamic_of(struct arena *a, long long subject_id, char **enrolled_on, struct env_event *rows,
    int max)
{
	struct { char *enrolled; struct env_event ev; } x, *all;
	struct db_q q;
	int rc, n, i, k;

	*enrolled_on = NULL;
	if ((all = arena_alloc(a, sizeof(*all) * (size_t)max)) == NULL)
		return DB_ERR;
	if ((rc = db_q_start(&q, a, &env_set, EV_DYNAMIC)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	db_out_str(&q, &x.enrolled);
	bind_event(&q, &x.ev);
	if ((n = db_collect(&q, &x, all, sizeof(x), max)) <= 0)
		return n;
	*enrolled_on = all[0].enrolled;
	for (i = k = 0; i < n; i++)
		if (all[i].ev.id != 0)
			rows[k++] = all[i].ev;
	return k;
}

int
env_events_all(struct arena *a, struct env_event *rows, int max)
{
	struct env_event x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_EVENTS_ALL)) < 0)
		return rc;
	db_in_int(&q, max);
	bind_event(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

long long
env_event_insert(struct arena *a, const struct env_event *e, long long by)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_EVENT_INSERT)) < 0)
		return rc;
	db_in_int(&q, e->subject_id);
	db_in_int(&q, e->type_id);
	db_in_int(&q, e->points);
	db_in_str(&q, e->decided_on);
	db_in_str(&q, e->until_on);
	db_in_str(&q, e->doc_no);
	db_in_str(&q, e->note);
	db_in_int(&q, by);
	return db_insert(&q);
}

int
env_event_get(struct arena *a, long long id, struct env_event *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &env_set, EV_EVENT)) < 0)
		return rc;
	db_in_int(&q, id);
	bind_event(&q, out);
	db_out_str(&q, &out->void_action);
	return db_one(&q);
}

int
env_event_void(struct arena *a, long long id, long long subject_id, const char *action,
    long long replacement_id, const char *reason, long long objection_id, long long by)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_EVENT_VOID)) < 0)
		return rc;
	db_in_str(&q, action);
	if (replacement_id > 0)
		db_in_int(&q, replacement_id);
	else
		db_in_null(&q);
	db_in_str(&q, reason);
	if (objection_id > 0)
		db_in_int(&q, objection_id);
	else
		db_in_null(&q);
	db_in_int(&q, by);
	db_in_int(&q, id);
	db_in_int(&q, subject_id);
	n = db_write(&q);
	return n < 0 ? (int)n : n > 0;
}

int
env_voids_of(struct arena *a, long long subject_id, struct env_void *rows, int max)
{
	struct env_void x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_VOIDS_OF)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, max);
	bind_event(&q, &x.ev);
	db_out_str(&q, &x.ev.void_action);
	db_out_int(&q, &x.replacement_id);
	db_out_int(&q, &x.objection_id);
	db_out_str(&q, &x.action);
	db_out_str(&q, &x.reason);
	db_out_str(&q, &x.at);
	db_out_str(&q, &x.who);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_enrol_refresh(struct arena *a, long long subject_id)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_ENROL_DROP)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, subject_id);
	if ((n = db_write(&q)) < 0)
		return (int)n;
	if (n > 0)
		return 0;
	if ((rc = db_q_start(&q, a, &env_set, EV_ENROL_MOVE)) < 0)
		return rc;
	db_in_int(&q, subject_id);
	db_in_int(&q, subject_id);
	n = db_write(&q);
	return n < 0 ? (int)n : 1;
}

/* Binds 20 ids, repeating the last one (IN lists of a fixed size keep the
 * statement prepared once). */
static void
bind_ids(struct db_q *q, const long long *ids, int n)
{
	int i;

	for (i = 0; i < ENV_BATCH; i++)
		db_in_int(q, n > 0 ? ids[i < n ? i : n - 1] : 0);
}

int
env_latest_of(struct arena *a, const long long *ids, int n, struct env_latest *rows)
{
	struct env_latest x;
	struct db_q q;
	int rc;

	if (n <= 0)
		return 0;
	if (n > ENV_BATCH)
		n = ENV_BATCH;
	if ((rc = db_q_start(&q, a, &env_set, EV_LATEST)) < 0)
		return rc;
	bind_ids(&q, ids, n);
	db_out_int(&q, &x.subject_id);
	db_out_int(&q, &x.score);
	db_out_int(&q, &x.has_score);
	db_out_int(&q, &x.year);
	db_out_int(&q, &x.enrolled);
	db_out_str(&q, &x.grade);
	db_out_str(&q, &x.enrolled_on);
	return db_collect(&q, &x, rows, sizeof(x), ENV_BATCH);
}

int
env_events_of_batch(struct arena *a, const long long *ids, int n, struct env_event *rows, int max)
{
	struct env_event x;
	struct db_q q;
	int rc;

	if (n <= 0)
		return 0;
	if (n > ENV_BATCH)
		n = ENV_BATCH;
	if ((rc = db_q_start(&q, a, &env_set, EV_EVENTS_BATCH)) < 0)
		return rc;
	bind_ids(&q, ids, n);
	db_in_int(&q, max);
	bind_event(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_latest_as_of(struct arena *a, const char *as_of, struct env_latest *rows, int max)
{
	struct env_latest x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_LATEST_AS_OF)) < 0)
		return rc;
	db_in_str(&q, as_of);
	db_in_str(&q, as_of);
	db_in_int(&q, max);
	db_out_int(&q, &x.subject_id);
	db_out_int(&q, &x.score);
	db_out_int(&q, &x.has_score);
	db_out_int(&q, &x.year);
	db_out_int(&q, &x.enrolled);
	db_out_str(&q, &x.grade);
	db_out_str(&q, &x.enrolled_on);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_snapshot_next_version(struct arena *a, const char *as_of, long long *version)
{
	struct db_q q;
	int rc;

	*version = 1;
	if ((rc = db_q_start(&q, a, &env_set, EV_SNAP_NEXT)) < 0)
		return rc;
	db_in_str(&q, as_of);
	db_out_int(&q, version);
	return db_one(&q);
}

long long
env_snapshot_insert(struct arena *a, const char *as_of, long long version, const char *reason,
    long long by)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_SNAP_INSERT)) < 0)
		return rc;
	db_in_str(&q, as_of);
	db_in_int(&q, version);
	db_in_str(&q, reason);
	db_in_int(&q, by);
	return db_insert(&q);
}

int
env_snapshot_row(struct arena *a, long long snap, long long subject_id, const char *grade,
    long long score, int has_score, const char *basis)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_SNAP_ROW)) < 0)
		return rc;
	db_in_int(&q, snap);
	db_in_str(&q, grade);
	if (has_score)
		db_in_int(&q, score);
	else
		db_in_null(&q);
	db_in_str(&q, basis);
	db_in_int(&q, subject_id);
	n = db_write(&q);
	return n < 0 ? (int)n : n > 0;
}

static void
bind_snap(struct db_q *q, struct env_snapshot *s)
{
	db_out_int(q, &s->id);
	db_out_int(q, &s->n_total);
	db_out_int(q, &s->version);
	db_out_int(q, &s->current);
	db_out_str(q, &s->as_of);
	db_out_str(q, &s->red_price);
	db_out_str(q, &s->black_price);
	db_out_str(q, &s->created_at);
	db_out_str(q, &s->reason);
	db_out_str(q, &s->who);
}

int
env_snapshots_list(struct arena *a, struct env_snapshot *rows, int max)
{
	struct env_snapshot x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_SNAPS)) < 0)
		return rc;
	db_in_int(&q, max);
	bind_snap(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_snapshot_versions(struct arena *a, const char *as_of, struct env_snapshot *rows, int max)
{
	struct env_snapshot x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_SNAP_VERSIONS)) < 0)
		return rc;
	db_in_str(&q, as_of);
	db_in_int(&q, max);
	bind_snap(&q, &x);
	return db_collect(&q, &x, rows, sizeof(x), max);
}

int
env_snapshot_get(struct arena *a, long long id, struct env_snapshot *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &env_set, EV_SNAP)) < 0)
		return rc;
	db_in_int(&q, id);
	bind_snap(&q, out);
	return db_one(&q);
}

int
env_snapshot_prev(struct arena *a, const char *as_of, struct env_snapshot *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &env_set, EV_SNAP_PREV)) < 0)
		return rc;
	db_in_str(&q, as_of);
	bind_snap(&q, out);
	return db_one(&q);
}

int
env_snapshot_counts(struct arena *a, long long id, long long counts[5])
{
	return counts_of(a, EV_SNAP_COUNTS, id, counts);
}

int
env_snapshot_list(struct arena *a, long long id, const char *grade, const char *district,
    struct env_snaprow *rows, int max)
{
	struct env_snaprow x;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &env_set, EV_SNAP_LIST)) < 0)
		return rc;
	db_in_int(&q, id);
	db_in_str(&q, grade);
	db_in_str(&q, grade);
	db_in_str(&q, district);
	db_in_str(&q, district);
	db_in_int(&q, max);
	db_out_int(&q, &x.subject_id);
	db_out_int(&q, &x.score);
	db_out_int(&q, &x.has_score);
	db_out_str(&q, &x.uscc);
	db_out_str(&q, &x.name);
	db_out_str(&q, &x.district);
	db_out_str(&q, &x.grade);
	db_out_str(&q, &x.basis);
	return db_collect(&q, &x, rows, sizeof(x), max);
}
