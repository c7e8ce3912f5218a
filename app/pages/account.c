/* account.c — log in, log out, who am I, language switch. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/config.h"
#include "core/db.h"
#include "core/log.h"
#include "core/pwhash.h"
#include "core/session.h"
#include "core/view.h"
#include "store/users.h"

enum { LF_LOGIN, LF_PASSWORD, LF_NEXT };
static const struct field login_fields[] = {
	[LF_LOGIN]    = { "login", FT_LOGIN, FF_REQUIRED | FF_TRIM, 1, 64, NULL },
	[LF_PASSWORD] = { "password", FT_PASSWORD, FF_REQUIRED, 1, PWHASH_MAX_LEN, NULL },
	[LF_NEXT]     = { "next", FT_LOCALPATH, 0, 1, 512, NULL },
};
const struct form login_form = { login_fields, 3 };

enum { LQ_NEXT };
static const struct field login_query_fields[] = {
	[LQ_NEXT] = { "next", FT_LOCALPATH, 0, 1, 512, NULL },
};
const struct form login_query_form = { login_query_fields, 1 };

static const char *const lang_choices[] = { "zh-CN", "en", NULL };
enum { LG_LANG, LG_NEXT };
static const struct field lang_fields[] = {
	[LG_LANG] = { "lang", FT_ENUM, FF_REQUIRED, 0, 0, lang_choices },
	[LG_NEXT] = { "next", FT_LOCALPATH, 0, 1, 512, NULL },
};
const struct form lang_form = { lang_fields, 2 };

static int
login_page(struct req *r, int status)
{
	return page_form(r, view_str(r, "Login.title"), "login", "login.cs", status);
}

int
login_get(struct req *r)
{
	if (r->user.role != ROLE_ANON)
		return req_redirect(r, "/me");
	/* A bad "next" is simply dropped on the login page. */
	if (r->ferr[LQ_NEXT] != NULL) {
		r->ferr[LQ_NEXT] = NULL;
		r->f[LQ_NEXT] = NULL;
	}
	return login_page(r, 200);
}

static int
login_fail(struct req *r, int status, const char *key)
{
	view_set(r, "Page.error", view_str(r, key));
	return login_page(r, status);
}

int
login_post(struct req *r)
{
	const char *login = r->f[LF_LOGIN], *pw = r->f[LF_PASSWORD];
	long long now = (long long)time(NULL), by_login, by_addr;
	struct user_row u;
	int rc, ok;

	if (r->form_invalid)
		return login_fail(r, 422, "Login.invalid");
	rc = login_failures_count(&r->arena, login, r->remote_addr,
	    now - cfg.login_window, &by_login, &by_addr);
	if (rc < 0)
		return req_dberr(r, rc);
	if (by_login >= cfg.login_account_max || by_addr >= cfg.login_address_max) {
		log_msg(LL_WARN, "login throttled for %s", login);
		view_set_int(r, "Page.retry_minutes", (cfg.login_window + 59) / 60);
		return login_fail(r, 429, "Login.throttled");
	}
	rc = users_by_login(&r->arena, login, &u);
	if (rc < 0)
		return req_dberr(r, rc);
	/* Unknown and disabled accounts verify against the dummy hash, so every
	 * failure costs the same time and says the same thing. */
	ok = pwhash_verify(rc > 0 && !u.disabled ? u.password_hash : NULL, pw, r->flen[LF_PASSWORD]);
	if (ok != 1) {
		login_failures_add(&r->arena, login, r->remote_addr, now);
		if ((now & 63) == 0)
			login_failures_purge(&r->arena, now - 2L * cfg.login_window);
		log_msg(LL_INFO, "login failed for %s", login);
		return login_fail(r, 422, "Login.failed");
	}
	if (pwhash_needs_rehash(u.password_hash)) {
		char h[crypto_pwhash_STRBYTES];
		if (pwhash_hash(pw, r->flen[LF_PASSWORD], h) == 0)
			users_set_hash(&r->arena, u.id, h);
	}
	login_failures_clear(&r->arena, login);
	if ((rc = session_create(r, u.id)) < 0)
		return req_dberr(r, rc);
	users_note_login(&r->arena, u.id, now);
	log_msg(LL_INFO, "login ok for user %lld", u.id);
	return req_redirect(r, r->f[LF_NEXT] != NULL ? r->f[LF_NEXT] : "/me");
}

int
logout_post(struct req *r)
{
	int rc = session_destroy(r);

	if (rc < 0)
		return req_dberr(r, rc);
	return req_redirect(r, "/");
}

int
me_get(struct req *r)
{
	struct user_row u;
	char when[32] = "";
	int rc;

	rc = users_by_id(&r->arena, r->user.id, &u);
	if (rc <= 0)
		return req_dberr(r, rc == 0 ? DB_ERR : rc);
	view_set(r, "Me.login", u.login);
	view_set(r, "Me.name", u.display_name);
	view_set(r, "Me.role", u.role);
	view_set(r, "Me.org", u.org_name);
	view_set(r, "Me.uscc", u.subject_uscc);
	/* The login before this session's: the one the user did not just do. */
	if (u.prev_login > 0) {
		time_t t = (time_t)u.prev_login;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm);
		view_set(r, "Me.last_login", when);
	}
	view_set_int(r, "Me.idle_minutes", cfg.session_idle / 60);
	view_set_int(r, "Me.absolute_hours", cfg.session_absolute / 3600);
	view_set(r, "Page.title", view_str(r, "Me.title"));
	view_set(r, "Page.nav", "me");
	r->tmpl = "me.cs";
	return 200;
}

int
lang_post(struct req *r)
{
	if (r->form_invalid)
		return req_error(r, 422, "Err.parse.bad");
	req_cookie(r, "lang", r->f[LG_LANG], 365L * 86400);
	return req_redirect(r, r->f[LG_NEXT] != NULL ? r->f[LG_NEXT] : "/");
}
