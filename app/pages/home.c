/* home.c — the portal's front page. */
#include "pages/pages.h"

#include "core/db.h"
#include "core/view.h"

int
home_get(struct req *r)
{
	view_set(r, "Page.title", view_str(r, "Home.title"));
	view_set(r, "Page.nav", "home");
	r->tmpl = "home.cs";
	return 200;
}

/* The one plain-text line both checks answer with. */
static int
answer_ok(struct req *r)
{
	static const char ok[] = "ok\n";

	r->ctype_out = "text/plain; charset=utf-8";
	r->body_out = ok;
	r->body_out_len = sizeof(ok) - 1;
	r->no_store = 1;
	return 200;
}

/* GET /healthz: answers "ok" without a template or the database, for load
 * balancers (a worker that accepts is alive) and as the benchmark's floor
 * of the framework (tests/bench). */
int
healthz_get(struct req *r)
{
	return answer_ok(r);
}

/* GET /readyz: "ok" when this worker's database connection answers one
 * prepared statement, 503 otherwise: a load balancer's readiness check
 * (/healthz says only that the worker lives). The benchmark measures it
 * as the floor plus one database round trip, the most any page that reads
 * the database can reach (tests/bench). */
int
readyz_get(struct req *r)
{
	if (db_ping(&r->arena) <= 0)
		return req_error(r, 503, "Err.unavailable");
	return answer_ok(r);
}
