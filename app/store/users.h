/* users.h — accounts and login failures (tables users, login_failures).
 * Return convention: < 0 system error (DB_GONE, DB_ERR, DB_DUP), 0 not
 * found, > 0 success. */
#ifndef STORE_USERS_H
#define STORE_USERS_H

#include "core/arena.h"

struct user_row {
	long long id;
	char     *login;
	char     *display_name;
	char     *role;
	char     *password_hash;
	long long subject_id;       /* 0 when none */
	long long association_id;   /* 0 when none */
	long long disabled;
	long long last_login;       /* unix time, 0 = never */
	long long prev_login;       /* the login before the last one, 0 = none */
	char     *org_name;         /* subject or association name, or NULL */
	char     *subject_uscc;     /* the enterprise's USCC, or NULL */
};

int users_by_login(struct arena *, const char *login, struct user_row *out);
int users_by_id(struct arena *, long long id, struct user_row *out);
int users_set_hash(struct arena *, long long id, const char *hash);
int users_note_login(struct arena *, long long id, long long when);
/* Returns the new id (> 0), DB_DUP when the login exists, or < 0. */
long long users_insert(struct arena *, const char *login, const char *name,
    const char *role, const char *hash, long long subject_id, long long association_id);
/* Fills up to max rows ordered by id from offset; returns the count or < 0. */
int users_list(struct arena *, long long offset, int max, struct user_row *rows);
long long users_count(struct arena *);

/* Failures since `since` for the login name and for the client address. */
int login_failures_count(struct arena *, const char *login, const char *addr,
    long long since, long long *by_login, long long *by_addr);
int login_failures_add(struct arena *, const char *login, const char *addr, long long when);
int login_failures_clear(struct arena *, const char *login);
int login_failures_purge(struct arena *, long long before);

#endif
