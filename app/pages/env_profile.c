/* env_profile.c — the environmental grade where people look for it: on the
 * subject's profile (current grade, veto reason, measures for red and black,
 * 异议标注 while an objection runs; breakdown and history for the enterprise
 * itself, with the links that raise an objection) and as a badge in search
 * results (two queries per page, never one per row). */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/view.h"
#include "pages/env_int.h"
#include "store/requests.h"

#define MAX_EVENTS     200
#define MAX_DEDUCTIONS 64
#define MAX_HISTORY    50
#define MAX_VOIDS      50
#define MAX_OPEN       50

/* The open objection on an entry or event, if any: its status. */
static const char *
open_on(const struct objection_target *o, int n, long long entry, long long event)
{
	int i;

	for (i = 0; i < n; i++)
		if ((entry > 0 && o[i].env_entry_id == entry) || (event > 0 && o[i].env_event_id == event))
			return o[i].status;
	return NULL;
}

/* 异议标注: marked (or forwarded) objections are shown to everyone. */
static int
is_marked(const char *status)
{
	return status != NULL && strcmp(status, "submitted") != 0;
}

/* The subject's current grade: the dynamic score today when it is under
 * dynamic scoring, else its latest published round. */
int
env_profile_grades(struct req *r, long long subject_id, int self)
{
	struct env_scheme sc;
	struct env_entry *e;
	struct env_event ev[MAX_EVENTS];
	struct env_deduction d[MAX_DEDUCTIONS];
	struct env_hist h[MAX_HISTORY];
	struct env_void vo[MAX_VOIDS];
	struct objection_target op[MAX_OPEN];
	struct ymd today;
	char *enrolled, name[64];
	const char *st;
	int n, i, rc, score, g, full, nop, dyn = 0;
	const char *cur = NULL;

	/* The breakdown is the enterprise's own, and the agency's and staff's. */
	full = self || env_manager(r) || r->user.role == ROLE_STAFF;
	if ((rc = env_scheme_shown(r, &sc)) < 0)
		return rc;
	/* Objections running on its grades (one indexed read). */
	if ((nop = objection_env_open(&r->arena, subject_id, op, MAX_OPEN)) < 0)
		return nop;
	if (self)
		view_set(r, "EnvCurrent.self", "1");
	if ((e = arena_alloc(&r->arena, sizeof(*e) * MAX_HISTORY)) == NULL)
		return DB_ERR;
	if ((n = env_entries_of_subject(&r->arena, subject_id, 0, e, MAX_HISTORY)) < 0)
		return n;
	if (n > 0) {
		env_set_entry(r, "EnvRound", &e[0]);
		if (is_marked(open_on(op, nop, e[0].id, 0)))
			view_set(r, "EnvRound.objection", "1");
		cur = e[0].grade;
		view_set(r, "EnvCurrent.basis", "round");
		if (e[0].has_score)
			view_set_int(r, "EnvCurrent.score", e[0].score);
		view_set_int(r, "EnvCurrent.year", e[0].year);
	}
	if (full) {
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "EnvRounds.%d", i);
			env_set_entry(r, name, &e[i]);
			if ((st = open_on(op, nop, e[i].id, 0)) != NULL) {
				snprintf(name, sizeof(name), "EnvRounds.%d.objection", i);
				view_set(r, name, st);
			}
		}
		if (n > 0) {
			int k = env_deductions_of(&r->arena, e[0].id, d, MAX_DEDUCTIONS);
			if (k < 0)
				return k;
			for (i = 0; i < k; i++) {
				snprintf(name, sizeof(name), "EnvDeductions.%d.indicator", i);
				view_set(r, name, env_lname(r, d[i].name_zh, d[i].name_en));
				snprintf(name, sizeof(name), "EnvDeductions.%d.points", i);
				view_set_int(r, name, d[i].points);
				snprintf(name, sizeof(name), "EnvDeductions.%d.note", i);
				view_set(r, name, d[i].note);
			}
		}
		if ((n = env_history_of_subject(&r->arena, subject_id, 0, h, MAX_HISTORY)) < 0)
			return n;
		for (i = 0; i < n; i++) {
#define SETH(f, v) do { snprintf(name, sizeof(name), "EnvHistory.%d.%s", i, f); view_set(r, name, v); } while (0)
			snprintf(name, sizeof(name), "EnvHistory.%d.year", i);
			view_set_int(r, name, h[i].year);
			if (h[i].has_score) {
				snprintf(name, sizeof(name), "EnvHistory.%d.score", i);
				view_set_int(r, name, h[i].score);
			}
			SETH("grade", h[i].grade);
			SETH("reason", h[i].reason);
			SETH("at", h[i].at);
			SETH("veto", env_lname(r, h[i].veto_zh, h[i].veto_en));
#undef SETH
			if (h[i].objection_id > 0) {
				snprintf(name, sizeof(name), "EnvHistory.%d.objection", i);
				view_set_int(r, name, h[i].objection_id);
			}
		}
		/* Events voided or corrected, with the reasons. */
		if ((n = env_voids_of(&r->arena, subject_id, vo, MAX_VOIDS)) < 0)
			return n;
		env_set_voids(r, "EnvVoids", vo, n);
	}
	if ((n = env_dynamic_of(&r->arena, subject_id, &enrolled, ev, MAX_EVENTS)) < 0)
		return n;
	if (enrolled != NULL) {
		ymd_today(&today);
		g = env_dyn_score(&sc, ev, n, &today, &score);
		cur = grade_codes[g];
		dyn = 1;
		view_set(r, "EnvCurrent.basis", "dynamic");
		view_set_int(r, "EnvCurrent.score", score);
		view_set(r, "EnvDynamic.enrolled_on", enrolled);
		view_set_int(r, "EnvDynamic.score", score);
		view_set(r, "EnvDynamic.grade", grade_codes[g]);
		view_set_int(r, "EnvDynamic.subject_id", subject_id);
		for (i = 0; full && i < n; i++) {
#define SETV(f, v) do { snprintf(name, sizeof(name), "EnvEvents.%d.%s", i, f); view_set(r, name, v); } while (0)
			snprintf(name, sizeof(name), "EnvEvents.%d.id", i);
			view_set_int(r, name, ev[i].id);
			SETV("objection", open_on(op, nop, 0, ev[i].id));
			SETV("type", env_lname(r, ev[i].name_zh, ev[i].name_en));
			snprintf(name, sizeof(name), "EnvEvents.%d.points", i);
			view_setf(r, name, "%+lld", ev[i].points);
			SETV("decided_on", ev[i].decided_on);
			SETV("until_on", ev[i].until_on);
			SETV("doc_no", ev[i].doc_no);
#undef SETV
			{
				struct dyn_event one;
				if (ymd_parse(ev[i].decided_on, &one.from) == 0 &&
				    ymd_parse(ev[i].until_on, &one.until) == 0 && dyn_in_force(&one, &today)) {
					snprintf(name, sizeof(name), "EnvEvents.%d.active", i);
					view_set(r, name, "1");
				}
			}
		}
	}
	/* A marked objection on any event counts against today's score. */
	for (i = 0; i < nop; i++)
		if (op[i].env_event_id > 0 && is_marked(op[i].status) && dyn)
			view_set(r, "EnvCurrent.objection", "1");
	if (cur != NULL) {
		view_set(r, "EnvCurrent.grade", cur);
		if (strcmp(cur, "red") == 0)
			view_set(r, "EnvCurrent.price", sc.s.red_price);
		else if (strcmp(cur, "black") == 0)
			view_set(r, "EnvCurrent.price", sc.s.black_price);
	}
	if (full)
		view_set(r, "EnvCurrent.full", "1");
	return 1;
}

int
env_search_badges(struct req *r, const long long *ids, int n)
{
	struct env_scheme sc;
	struct env_latest l[ENV_BATCH];
	struct env_event *ev;
	struct ymd today;
	char name[48];
	int nl, ne, i, k, j, score, any = 0;

	for (i = 0; i < n && ids[i] == 0; i++)
		;
	if (i == n)
		return 1;
	if (n > ENV_BATCH)
		n = ENV_BATCH;
	if ((nl = env_latest_of(&r->arena, ids, n, l)) < 0)
		return nl;
	for (k = 0; k < nl; k++)
		any |= l[k].enrolled != 0;
	if (nl == 0)
		return 1;
	if ((ev = arena_alloc(&r->arena, sizeof(*ev) * MAX_EVENTS * 4)) == NULL)
		return DB_ERR;
	ne = 0;
	if (any && (ne = env_events_of_batch(&r->arena, ids, n, ev, MAX_EVENTS * 4)) < 0)
		return ne;
	if (any && (k = env_scheme_shown(r, &sc)) < 0)
		return k;
	ymd_today(&today);
	for (i = 0; i < n; i++) {
		const char *g = NULL;
		for (k = 0; k < nl && l[k].subject_id != ids[i]; k++)
			;
		if (k == nl)
			continue;
		if (l[k].enrolled) {
			/* This subject's events are one run of the ordered list. */
			for (j = 0; j < ne && ev[j].subject_id != ids[i]; j++)
				;
			{
				int m = j;
				while (m < ne && ev[m].subject_id == ids[i])
					m++;
				g = grade_codes[env_dyn_score(&sc, ev + j, m - j, &today, &score)];
			}
		} else
			g = l[k].grade;
		snprintf(name, sizeof(name), "Results.%d.env_grade", i);
		view_set(r, name, g);
	}
	return 1;
}
