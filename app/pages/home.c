/* home.c — the portal's front page. */
#include "pages/pages.h"

#include "core/view.h"

int
home_get(struct req *r)
{
	view_set(r, "Page.title", view_str(r, "Home.title"));
	view_set(r, "Page.nav", "home");
	r->tmpl = "home.cs";
	return 200;
}
