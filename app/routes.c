/* routes.c — the application's whole HTTP surface, as data. Every route
 * names its method, pattern, handler, the roles allowed and whether the CSRF
 * token is checked (all POSTs). Tests derive the access-control matrix from
 * this table. */
#include "core/route.h"
#include "pages/pages.h"

#define ANY    ROLES_ALL
#define USERS  ROLES_USERS
#define ADMIN  ROLE_BIT(ROLE_ADMIN)
#define STAFF  (ROLE_BIT(ROLE_STAFF) | ROLE_BIT(ROLE_ADMIN))
#define ENTERPRISE ROLE_BIT(ROLE_ENTERPRISE)

const struct route app_routes[] = {
	{ HTTP_GET,  "/",            home_get,        ANY,   0, NULL },
	{ HTTP_GET,  "/login",       login_get,       ANY,   0, &login_query_form },
	{ HTTP_POST, "/login",       login_post,      ANY,   1, &login_form },
	{ HTTP_POST, "/logout",      logout_post,     USERS, 1, NULL },
	{ HTTP_GET,  "/me",          me_get,          USERS, 0, NULL },
	{ HTTP_POST, "/lang",        lang_post,       ANY,   1, &lang_form },
	{ HTTP_GET,  "/search",      search_get,      ANY,   0, &search_form },
	{ HTTP_GET,  "/entity/{uscc}", entity_get,    ANY,   0, NULL },
	{ HTTP_GET,  "/staff",       staff_home_get,  STAFF, 0, NULL },
	{ HTTP_GET,  "/staff/subjects/new",       staff_subject_new_get,  STAFF, 0, NULL },
	{ HTTP_POST, "/staff/subjects",           staff_subject_create,   STAFF, 1, &subject_form },
	{ HTTP_GET,  "/staff/subjects/{id}/edit", staff_subject_edit_get, STAFF, 0, NULL },
	{ HTTP_POST, "/staff/subjects/{id}",      staff_subject_update,   STAFF, 1, &subject_form },
	{ HTTP_GET,  "/staff/records/new",        staff_record_new_get,   STAFF, 0, &record_query_form },
	{ HTTP_POST, "/staff/records",            staff_record_create,    STAFF, 1, &record_form },
	{ HTTP_GET,  "/staff/records/{id}/edit",  staff_record_edit_get,  STAFF, 0, NULL },
	{ HTTP_POST, "/staff/records/{id}",       staff_record_update,    STAFF, 1, &record_form },
	{ HTTP_GET,  "/staff/import",             staff_import_get,       STAFF, 0, NULL },
	{ HTTP_POST, "/staff/import",             staff_import_post,      STAFF, 1, &import_form },
	{ HTTP_GET,  "/staff/authorizations/new", staff_auth_new_get,     STAFF, 0, NULL },
	{ HTTP_POST, "/staff/authorizations",     staff_auth_create,      STAFF, 1, &auth_form },
	{ HTTP_GET,  "/staff/serious/new",        staff_serious_new_get,  STAFF, 0, NULL },
	{ HTTP_POST, "/staff/serious",            staff_serious_create,   STAFF, 1, &serious_form },
	{ HTTP_POST, "/staff/serious/{id}/remove", staff_serious_remove,  STAFF, 1, &serious_remove_form },
	{ HTTP_GET,  "/report",      report_get,      ENTERPRISE, 0, NULL },
	{ HTTP_GET,  "/report.pdf",  report_pdf_get,  ENTERPRISE, 0, NULL },
	{ HTTP_GET,  "/verify",      verify_get,      ANY,   0, &verify_form },
	{ HTTP_GET,  "/me/commitments/new", commitment_new_get, ENTERPRISE, 0, NULL },
	{ HTTP_POST, "/me/commitments",     commitment_post,    ENTERPRISE, 1, &commitment_form },
	{ HTTP_GET,  "/admin/calendar",         admin_calendar_get,         ADMIN, 0, &calendar_query_form },
	{ HTTP_POST, "/admin/calendar/days",    admin_calendar_day_post,    ADMIN, 1, &calendar_day_form },
	{ HTTP_POST, "/admin/calendar/days/{id}/remove", admin_calendar_day_remove, ADMIN, 1, &calendar_remove_form },
	{ HTTP_POST, "/admin/calendar/import",  admin_calendar_import_post, ADMIN, 1, &calendar_import_form },
	{ HTTP_GET,  "/admin/users", admin_users_get, ADMIN, 0, &admin_users_form },
};
const size_t app_nroutes = sizeof(app_routes) / sizeof(app_routes[0]);
