/* requests.h — the state machines of credit repair (Art. 38) and objections
 * (Art. 36) as transition tables, and the repair waiting period. Pure: the
 * pages ask here whether an action is allowed from a status and which status
 * follows; the store then changes the row only if it is still in that status. */
#ifndef RULES_REQUESTS_H
#define RULES_REQUESTS_H

#include "window.h"

/* Repair application statuses (repair_applications.status, same order). */
enum repair_status {
	RS_SUBMITTED, RS_UNDER_REVIEW, RS_APPROVED, RS_REJECTED, RS_WITHDRAWN, RS_CLOSED, RS_MAX
};
/* RA_CLOSE / OA_CLOSE: the record's legal basis was revoked and the record
 * deleted (Art. 37); an undecided request ends without a decision. */
enum repair_action { RA_REVIEW, RA_APPROVE, RA_REJECT, RA_WITHDRAW, RA_CLOSE, RA_MAX };

/* Objection statuses (objections.status). */
enum objection_status {
	OS_SUBMITTED, OS_MARKED, OS_FORWARDED, OS_DECIDED, OS_CLOSED, OS_MAX
};
enum objection_action { OA_MARK, OA_FORWARD, OA_DECIDE, OA_REMIND, OA_CLOSE, OA_MAX };

extern const char *const repair_status_names[RS_MAX];
extern const char *const repair_action_names[RA_MAX];
extern const char *const objection_status_names[OS_MAX];
extern const char *const objection_action_names[OA_MAX];

/* The enum value of a status name, or -1. */
int repair_status_from(const char *);
int objection_status_from(const char *);
/* 1 while a decision is pending (submitted or under review). */
int repair_is_open(int status);
int objection_is_open(int status);

/*
 * The status after `action` from `from`, or -1 with *why set to the language
 * key explaining the refusal (already decided, withdrawn, not under review
 * yet...). For OA_REMIND the status does not change: the next status is
 * `from` itself when a reminder is allowed (the request is still open).
 */
int repair_next(int from, int action, const char **why);
int objection_next(int from, int action, const char **why);

/*
 * The first day a repair may be applied for: the record's decision date plus
 * the catalog item's minimum publicity period (days). 0, or -1 on a bad date.
 */
int repair_accept_from(const struct ymd *decided_on, long min_public_days, struct ymd *out);

/* Working days of the Art. 36-38 deadlines. */
#define REPAIR_DUE_WD        3   /* from the day the proof was received */
#define REVOKE_DUE_WD        3   /* from the written notice of revocation */
#define OBJECTION_MARK_WD    1
#define OBJECTION_FORWARD_WD 2
#define OBJECTION_DECIDE_WD  5   /* from filing, or from forwarding */

#endif
