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
#define ASSOC  ROLE_BIT(ROLE_ASSOCIATION)

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
	{ HTTP_GET,  "/staff/associations",       staff_assoc_get,        STAFF, 0, NULL },
	{ HTTP_POST, "/staff/associations",       staff_assoc_create,     STAFF, 1, &assoc_reg_form },
	{ HTTP_GET,  "/assoc",                    assoc_home_get,         ASSOC, 0, NULL },
	{ HTTP_POST, "/assoc/members",            assoc_member_create,    ASSOC, 1, &member_form },
	{ HTTP_GET,  "/assoc/members/{id}",       assoc_member_get,       ASSOC, 0, NULL },
	{ HTTP_POST, "/assoc/members/{id}/ratings", assoc_rating_create,  ASSOC, 1, &rating_form },
	{ HTTP_GET,  "/assoc/ratings/{id}",       assoc_rating_get,       ASSOC, 0, NULL },
	{ HTTP_GET,  "/assoc/scale",              assoc_scale_get,        ASSOC, 0, NULL },
	{ HTTP_POST, "/assoc/scale/preset",       assoc_scale_preset,     ASSOC, 1, &preset_form },
	{ HTTP_POST, "/assoc/scale/levels",       assoc_level_create,     ASSOC, 1, &level_form },
	{ HTTP_POST, "/assoc/scale/levels/{id}/remove", assoc_level_remove, ASSOC, 1, NULL },
	{ HTTP_GET,  "/assoc/import",             assoc_import_get,       ASSOC, 0, NULL },
	{ HTTP_POST, "/assoc/import",             assoc_import_post,      ASSOC, 1, &rating_import_form },
	{ HTTP_GET,  "/cert",                     cert_get,               ANY,   0, &cert_form },
	{ HTTP_GET,  "/me/requests",              requests_me_get,        ENTERPRISE, 0, NULL },
	{ HTTP_GET,  "/me/repairs/new",           repair_new_get,         ENTERPRISE, 0, &repair_query_form },
	{ HTTP_POST, "/me/repairs",               repair_post,            ENTERPRISE, 1, &repair_form },
	{ HTTP_POST, "/me/repairs/{id}/withdraw", repair_withdraw_post,   ENTERPRISE, 1, NULL },
	{ HTTP_GET,  "/me/objections/new",        objection_new_get,      ENTERPRISE, 0, &objection_query_form },
	{ HTTP_POST, "/me/objections",            objection_post,         ENTERPRISE, 1, &objection_form },
	{ HTTP_POST, "/me/objections/{id}/remind", objection_remind_post, ENTERPRISE, 1, NULL },
	{ HTTP_GET,  "/files/{id}",               file_get,               (ENTERPRISE | STAFF), 0, NULL },
	{ HTTP_GET,  "/staff/repairs",            staff_repairs_get,      STAFF, 0, &repair_queue_form },
	{ HTTP_GET,  "/staff/repairs/{id}",       staff_repair_get,       STAFF, 0, NULL },
	{ HTTP_POST, "/staff/repairs/{id}/review", staff_repair_review,   STAFF, 1, NULL },
	{ HTTP_POST, "/staff/repairs/{id}/decide", staff_repair_decide,   STAFF, 1, &repair_decide_form },
	{ HTTP_GET,  "/staff/objections",         staff_objections_get,   STAFF, 0, &objection_queue_form },
	{ HTTP_GET,  "/staff/objections/{id}",    staff_objection_get,    STAFF, 0, NULL },
	{ HTTP_POST, "/staff/objections/{id}/mark", staff_objection_mark, STAFF, 1, NULL },
	{ HTTP_POST, "/staff/objections/{id}/forward", staff_objection_forward, STAFF, 1, &objection_forward_form },
	{ HTTP_POST, "/staff/objections/{id}/decide", staff_objection_decide, STAFF, 1, &objection_decide_form },
	{ HTTP_GET,  "/staff/records/{id}/revoke", staff_revoke_get,      STAFF, 0, NULL },
	{ HTTP_POST, "/staff/records/{id}/revoke", staff_revoke_post,     STAFF, 1, &revoke_form },
	{ HTTP_GET,  "/admin/users", admin_users_get, ADMIN, 0, &admin_users_form },
};
const size_t app_nroutes = sizeof(app_routes) / sizeof(app_routes[0]);
