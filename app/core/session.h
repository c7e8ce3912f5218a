/* session.h — login sessions (sessions table) and CSRF tokens.
 * The cookie holds 32 random bytes (URL-safe base64); MariaDB holds only
 * their BLAKE2b hash keyed with a server secret, so a DB dump cannot be
 * replayed. CSRF tokens are derived from the session (or, before login,
 * from a random pre-session cookie) and checked in constant time. */
#ifndef CORE_SESSION_H
#define CORE_SESSION_H

#include "req.h"

/* Reads the session cookie and fills r->user. Returns 1 logged in, 0
 * anonymous (no, unknown or expired session), DB_GONE/DB_ERR on failure. */
int  session_load(struct req *);
/* Replaces any current session with a new one for user_id and sets the
 * cookie. Returns 1 or < 0. */
int  session_create(struct req *, long long user_id);
/* Ends the current session server-side and clears the cookie. */
int  session_destroy(struct req *);
/* Refreshes last_seen when it is more than a minute old. */
void session_touch(struct req *);
/* Ends every session of a user (password reset, disabling). */
int  session_destroy_user(struct arena *, long long user_id);

/* The token for forms on this page; sets the pre-session cookie if needed. */
const char *csrf_token(struct req *);
/* 1 if the request's "csrf" body field matches. */
int  csrf_check(struct req *);

const char *session_cookie_name(void);
/* 1 when a session created at `created` and last seen at `seen` has passed
 * its idle or absolute timeout at `now` (seconds). */
int  session_expired(long long now, long long created, long long seen, int idle, int absolute);

#endif
