/* test_requests.c — the repair and objection state machines, cell by cell
 * (including the closing of open requests by an Art. 37 revocation), and the
 * repair waiting period. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/requests.h"

static void
test_repair_table(void **state)
{
	/* Expected next status per (from, action); -1 = refused. */
	static const int want[RS_MAX][RA_MAX] = {
		/*               review           approve      reject       withdraw      close */
		[RS_SUBMITTED]    = { RS_UNDER_REVIEW, -1,          -1,          RS_WITHDRAWN, RS_CLOSED },
		[RS_UNDER_REVIEW] = { -1,              RS_APPROVED, RS_REJECTED, RS_WITHDRAWN, RS_CLOSED },
		[RS_APPROVED]     = { -1, -1, -1, -1, -1 },
		[RS_REJECTED]     = { -1, -1, -1, -1, -1 },
		[RS_WITHDRAWN]    = { -1, -1, -1, -1, -1 },
		[RS_CLOSED]       = { -1, -1, -1, -1, -1 },
	};
	const char *why;
	int s, a;

	(void)state;
	for (s = 0; s < RS_MAX; s++)
		for (a = 0; a < RA_MAX; a++) {
			int n = repair_next(s, a, &why);
			assert_int_equal(n, want[s][a]);
			if (n < 0)
				assert_non_null(why);
			else
				assert_null(why);
		}
	assert_int_equal(repair_next(RS_APPROVED, RA_APPROVE, &why), -1);
	assert_string_equal(why, "Req.err.decided");
	assert_int_equal(repair_next(RS_WITHDRAWN, RA_APPROVE, &why), -1);
	assert_string_equal(why, "Req.err.withdrawn");
	assert_int_equal(repair_next(RS_SUBMITTED, RA_APPROVE, &why), -1);
	assert_string_equal(why, "Req.err.not_reviewed");
	assert_int_equal(repair_next(-1, RA_APPROVE, &why), -1);
	assert_int_equal(repair_next(RS_SUBMITTED, RA_MAX, &why), -1);
	assert_true(repair_is_open(RS_SUBMITTED));
	assert_true(repair_is_open(RS_UNDER_REVIEW));
	assert_false(repair_is_open(RS_APPROVED));
	assert_false(repair_is_open(RS_WITHDRAWN));
	assert_false(repair_is_open(RS_CLOSED));
	assert_int_equal(repair_status_from("under_review"), RS_UNDER_REVIEW);
	assert_int_equal(repair_status_from("bogus"), -1);
	assert_int_equal(repair_status_from(NULL), -1);
}

/* A revocation closes what is still open; afterwards nothing moves, and the
 * refusal says why (closed, not "decided"). */
static void
test_repair_close(void **state)
{
	const char *why;
	int a;

	(void)state;
	assert_string_equal(repair_status_names[RS_CLOSED], "closed");
	assert_string_equal(repair_action_names[RA_CLOSE], "close");
	assert_int_equal(repair_status_from("closed"), RS_CLOSED);
	assert_int_equal(repair_next(RS_SUBMITTED, RA_CLOSE, &why), RS_CLOSED);
	assert_null(why);
	assert_int_equal(repair_next(RS_UNDER_REVIEW, RA_CLOSE, &why), RS_CLOSED);
	assert_int_equal(repair_next(RS_APPROVED, RA_CLOSE, &why), -1);
	assert_string_equal(why, "Req.err.decided");
	assert_int_equal(repair_next(RS_WITHDRAWN, RA_CLOSE, &why), -1);
	assert_string_equal(why, "Req.err.withdrawn");
	for (a = 0; a < RA_MAX; a++) {
		assert_int_equal(repair_next(RS_CLOSED, a, &why), -1);
		assert_string_equal(why, "Req.err.closed");
	}
}

static void
test_objection_table(void **state)
{
	static const int want[OS_MAX][OA_MAX] = {
		/*              mark       forward       decide      remind        close */
		[OS_SUBMITTED] = { OS_MARKED, -1,           -1,         OS_SUBMITTED, OS_CLOSED },
		[OS_MARKED]    = { -1,        OS_FORWARDED, OS_DECIDED, OS_MARKED,    OS_CLOSED },
		[OS_FORWARDED] = { -1,        -1,           OS_DECIDED, OS_FORWARDED, OS_CLOSED },
		[OS_DECIDED]   = { -1,        -1,           -1,         -1,           -1 },
		[OS_CLOSED]    = { -1,        -1,           -1,         -1,           -1 },
	};
	const char *why;
	int s, a;

	(void)state;
	for (s = 0; s < OS_MAX; s++)
		for (a = 0; a < OA_MAX; a++)
			assert_int_equal(objection_next(s, a, &why), want[s][a]);
	assert_int_equal(objection_next(OS_FORWARDED, OA_FORWARD, &why), -1);
	assert_string_equal(why, "Req.err.already_forwarded");
	assert_true(objection_is_open(OS_FORWARDED));
	assert_false(objection_is_open(OS_DECIDED));
	assert_int_equal(objection_status_from("forwarded"), OS_FORWARDED);
}

static void
test_objection_close(void **state)
{
	const char *why;
	int a;

	(void)state;
	assert_string_equal(objection_status_names[OS_CLOSED], "closed");
	assert_string_equal(objection_action_names[OA_CLOSE], "close");
	assert_int_equal(objection_status_from("closed"), OS_CLOSED);
	assert_true(objection_is_open(OS_SUBMITTED));
	assert_true(objection_is_open(OS_MARKED));
	assert_false(objection_is_open(OS_CLOSED));
	assert_false(objection_is_open(-1));
	assert_false(objection_is_open(OS_MAX));
	assert_int_equal(objection_next(OS_DECIDED, OA_CLOSE, &why), -1);
	assert_string_equal(why, "Req.err.decided");
	/* No reminder (催办) on a closed objection either. */
	for (a = 0; a < OA_MAX; a++) {
		assert_int_equal(objection_next(OS_CLOSED, a, &why), -1);
		assert_string_equal(why, "Req.err.closed");
	}
	assert_int_equal(objection_next(OS_CLOSED, OA_MAX, &why), -1);
	assert_string_equal(why, "Req.err.state");
}

static void
test_accept_from(void **state)
{
	struct ymd d, out;

	(void)state;
	assert_int_equal(ymd_parse("2025-11-30", &d), 0);
	assert_int_equal(repair_accept_from(&d, 90, &out), 0);
	assert_int_equal(out.y, 2026);
	assert_int_equal(out.m, 2);
	assert_int_equal(out.d, 28);
	assert_int_equal(ymd_parse("2024-01-01", &d), 0);
	assert_int_equal(repair_accept_from(&d, 0, &out), 0);
	assert_int_equal(ymd_cmp(&d, &out), 0);
	assert_int_equal(repair_accept_from(&d, 366, &out), 0);
	assert_int_equal(out.y, 2025);
	assert_int_equal(out.m, 1);
	assert_int_equal(out.d, 1);
	assert_int_equal(repair_accept_from(&d, -1, &out), -1);
	d.m = 13;
	assert_int_equal(repair_accept_from(&d, 1, &out), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_repair_table),
		cmocka_unit_test(test_repair_close),
		cmocka_unit_test(test_objection_table),
		cmocka_unit_test(test_objection_close),
		cmocka_unit_test(test_accept_from),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
