/* requests.c — transition tables of the repair and objection workflows. A
 * table cell is the next status or a refusal with its reason, so every
 * illegal move has its own message and the unit test walks the whole table. */
#include "rules/requests.h"

#include <string.h>

const char *const repair_status_names[RS_MAX] = {
	"submitted", "under_review", "approved", "rejected", "withdrawn", "closed"
};
const char *const repair_action_names[RA_MAX] = {
	"review", "approve", "reject", "withdraw", "close"
};
const char *const objection_status_names[OS_MAX] = {
	"submitted", "marked", "forwarded", "decided", "closed"
};
const char *const objection_action_names[OA_MAX] = {
	"mark", "forward", "decide", "remind", "close"
};

/* A cell: next >= 0, or -1 and the reason. */
struct cell { int next; const char *why; };

#define NO(key) { -1, key }

static const struct cell repair_table[RS_MAX][RA_MAX] = {
	[RS_SUBMITTED] = {
		[RA_REVIEW] = { RS_UNDER_REVIEW, NULL },
		[RA_APPROVE] = NO("Req.err.not_reviewed"),
		[RA_REJECT] = NO("Req.err.not_reviewed"),
		[RA_WITHDRAW] = { RS_WITHDRAWN, NULL },
		[RA_CLOSE] = { RS_CLOSED, NULL },
	},
	[RS_UNDER_REVIEW] = {
		[RA_REVIEW] = NO("Req.err.already_review"),
		[RA_APPROVE] = { RS_APPROVED, NULL },
		[RA_REJECT] = { RS_REJECTED, NULL },
		[RA_WITHDRAW] = { RS_WITHDRAWN, NULL },
		[RA_CLOSE] = { RS_CLOSED, NULL },
	},
	[RS_APPROVED] = {
		[RA_REVIEW] = NO("Req.err.decided"), [RA_APPROVE] = NO("Req.err.decided"),
		[RA_REJECT] = NO("Req.err.decided"), [RA_WITHDRAW] = NO("Req.err.decided"),
		[RA_CLOSE] = NO("Req.err.decided"),
	},
	[RS_REJECTED] = {
		[RA_REVIEW] = NO("Req.err.decided"), [RA_APPROVE] = NO("Req.err.decided"),
		[RA_REJECT] = NO("Req.err.decided"), [RA_WITHDRAW] = NO("Req.err.decided"),
		[RA_CLOSE] = NO("Req.err.decided"),
	},
	[RS_WITHDRAWN] = {
		[RA_REVIEW] = NO("Req.err.withdrawn"), [RA_APPROVE] = NO("Req.err.withdrawn"),
		[RA_REJECT] = NO("Req.err.withdrawn"), [RA_WITHDRAW] = NO("Req.err.withdrawn"),
		[RA_CLOSE] = NO("Req.err.withdrawn"),
	},
	[RS_CLOSED] = {
		[RA_REVIEW] = NO("Req.err.closed"), [RA_APPROVE] = NO("Req.err.closed"),
		[RA_REJECT] = NO("Req.err.closed"), [RA_WITHDRAW] = NO("Req.err.closed"),
		[RA_CLOSE] = NO("Req.err.closed"),
	},
};

static const struct cell objection_table[OS_MAX][OA_MAX] = {
	[OS_SUBMITTED] = {
		[OA_MARK] = { OS_MARKED, NULL },
		[OA_FORWARD] = NO("Req.err.not_marked"),
		[OA_DECIDE] = NO("Req.err.not_marked"),
		[OA_REMIND] = { OS_SUBMITTED, NULL },
		[OA_CLOSE] = { OS_CLOSED, NULL },
	},
	[OS_MARKED] = {
		[OA_MARK] = NO("Req.err.already_marked"),
		[OA_FORWARD] = { OS_FORWARDED, NULL },
		[OA_DECIDE] = { OS_DECIDED, NULL },
		[OA_REMIND] = { OS_MARKED, NULL },
		[OA_CLOSE] = { OS_CLOSED, NULL },
	},
	[OS_FORWARDED] = {
		[OA_MARK] = NO("Req.err.already_marked"),
		[OA_FORWARD] = NO("Req.err.already_forwarded"),
		[OA_DECIDE] = { OS_DECIDED, NULL },
		[OA_REMIND] = { OS_FORWARDED, NULL },
		[OA_CLOSE] = { OS_CLOSED, NULL },
	},
	[OS_DECIDED] = {
		[OA_MARK] = NO("Req.err.decided"), [OA_FORWARD] = NO("Req.err.decided"),
		[OA_DECIDE] = NO("Req.err.decided"), [OA_REMIND] = NO("Req.err.decided"),
		[OA_CLOSE] = NO("Req.err.decided"),
	},
	[OS_CLOSED] = {
		[OA_MARK] = NO("Req.err.closed"), [OA_FORWARD] = NO("Req.err.closed"),
		[OA_DECIDE] = NO("Req.err.closed"), [OA_REMIND] = NO("Req.err.closed"),
		[OA_CLOSE] = NO("Req.err.closed"),
	},
};

static int
lookup(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

int
repair_status_from(const char *s)
{
	return lookup(repair_status_names, RS_MAX, s);
}

int
objection_status_from(const char *s)
{
	return lookup(objection_status_names, OS_MAX, s);
}

int
repair_is_open(int st)
{
	return st == RS_SUBMITTED || st == RS_UNDER_REVIEW;
}

int
objection_is_open(int st)
{
	return st == OS_SUBMITTED || st == OS_MARKED || st == OS_FORWARDED;
}

int
repair_next(int from, int action, const char **why)
{
	*why = "Req.err.state";
	if (from < 0 || from >= RS_MAX || action < 0 || action >= RA_MAX)
		return -1;
	*why = repair_table[from][action].why;
	return repair_table[from][action].next;
}

int
objection_next(int from, int action, const char **why)
{
	*why = "Req.err.state";
	if (from < 0 || from >= OS_MAX || action < 0 || action >= OA_MAX)
		return -1;
	*why = objection_table[from][action].why;
	return objection_table[from][action].next;
}

int
repair_accept_from(const struct ymd *decided_on, long min_public_days, struct ymd *out)
{
	if (!ymd_valid(decided_on) || min_public_days < 0 || min_public_days > 36600)
		return -1;
	ymd_from_days(ymd_to_days(decided_on) + min_public_days, out);
	return 0;
}
