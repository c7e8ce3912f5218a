/* audit.h — the append-only audit log (Art. 19, 20, 34): who viewed or
 * changed a subject's credit data. Each worker writes its own hash chain
 * (no global lock): row hash = keyed BLAKE2b(previous hash, the row's
 * fields). The app's DB user may only INSERT and SELECT the table; every
 * append also writes the chain head to the app log, outside the database,
 * so a truncated tail is detectable (credctl audit-verify). */
#ifndef STORE_AUDIT_H
#define STORE_AUDIT_H

#include <stdio.h>

#include "core/arena.h"

struct audit_event {
	long long   actor_id;     /* 0 = anonymous visitor or system */
	const char *actor_role;   /* role name at the time */
	long long   subject_id;   /* 0 = none */
	const char *action;       /* view, report, create, update, revoke, ... */
	const char *detail;       /* what changed and why (never revoked content) */
	const char *addr;         /* client address */
};

/* > 0 on success; on failure the worker starts a fresh chain next time. */
int audit_append(struct arena *, const struct audit_event *);

/* Views (reads of a subject's data) are logged in batches: audit_view()
 * queues the row and returns; the worker's flusher thread writes queued
 * rows on its own connection and chain, one transaction per batch, when
 * enough are waiting or the oldest has waited CREDIT_AUDIT_FLUSH_MS. A
 * clean shutdown (audit_stop) writes everything; a crash loses at most the
 * last CREDIT_AUDIT_FLUSH_MS of views. Inside a transaction, without a
 * flusher (tools, tests) or for rows too long to queue, it is
 * audit_append(). > 0 queued or written; < 0 when the queue stays full
 * (the database is away), so the view is refused rather than unlogged. */
int  audit_view(struct arena *, const struct audit_event *);
/* Starts this process's flusher (a worker, after fork); 0 or -1. */
int  audit_start(void);
/* Writes what is queued and ends the flusher. */
void audit_stop(void);

struct audit_view { char *at, *actor_role, *actor_name, *action; long long n; };
/* Who viewed a subject: the latest views by named organisations and users,
 * and counts of anonymous views (Art. 34). */
int audit_views_of(struct arena *, long long subject_id, struct audit_view *rows, int max);

struct audit_change { char *at, *action, *detail, *actor_role; };
/* Changes to a subject's data with their reasons, newest first (Art. 34). */
int audit_changes_of(struct arena *, long long subject_id, struct audit_change *rows, int max);

/* Recomputes every chain; prints each problem to out. Returns the number of
 * problems (0 = intact) or < 0 on a DB error. heads_log, when not NULL, is
 * the app log to compare the chain heads with. */
long audit_verify(struct arena *, FILE *out, const char *heads_log);

#endif
