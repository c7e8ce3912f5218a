/* admin.c — operator pages: the list of accounts. */
#include "pages/pages.h"

#include <stdio.h>
#include <time.h>

#include "core/view.h"
#include "store/users.h"

#define USERS_PER_PAGE 50

enum { AU_PAGE };
static const struct field admin_users_fields[] = {
	[AU_PAGE] = { "page", FT_INT, 0, 1, 100000, NULL },
};
const struct form admin_users_form = { admin_users_fields, 1 };

int
admin_users_get(struct req *r)
{
	struct user_row rows[USERS_PER_PAGE];
	long long page = 1, total;
	char name[64], when[32];
	int n, i;

	if (r->form_invalid)
		return req_error(r, 400, "Err.parse.bad");
	if (r->f[AU_PAGE] != NULL)
		page = form_int(r, AU_PAGE);
	total = users_count(&r->arena);
	if (total < 0)
		return req_dberr(r, (int)total);
	n = users_list(&r->arena, (page - 1) * USERS_PER_PAGE, USERS_PER_PAGE, rows);
	if (n < 0)
		return req_dberr(r, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Users.%d.login", i);
		view_set(r, name, rows[i].login);
		snprintf(name, sizeof(name), "Users.%d.name", i);
		view_set(r, name, rows[i].display_name);
		snprintf(name, sizeof(name), "Users.%d.role", i);
		view_set(r, name, rows[i].role);
		snprintf(name, sizeof(name), "Users.%d.org", i);
		view_set(r, name, rows[i].org_name);
		snprintf(name, sizeof(name), "Users.%d.disabled", i);
		view_set_int(r, name, rows[i].disabled);
		if (rows[i].last_login > 0) {
			time_t t = (time_t)rows[i].last_login;
			struct tm tm;
			gmtime_r(&t, &tm);
			strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
			snprintf(name, sizeof(name), "Users.%d.last_login", i);
			view_set(r, name, when);
		}
	}
	view_set_int(r, "Pager.page", page);
	view_set_int(r, "Pager.total", total);
	view_set_int(r, "Pager.pages", (total + USERS_PER_PAGE - 1) / USERS_PER_PAGE);
	if (page > 1)
		view_set_int(r, "Pager.prev", page - 1);
	if (page * USERS_PER_PAGE < total)
		view_set_int(r, "Pager.next", page + 1);
	view_set(r, "Page.title", view_str(r, "Admin.users.title"));
	view_set(r, "Page.nav", "admin");
	r->tmpl = "admin_users.cs";
	return 200;
}
