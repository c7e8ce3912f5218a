/* config.h — settings read once from the environment at start-up.
 * Every variable is documented in README.md ("Configuration"). */
#ifndef CORE_CONFIG_H
#define CORE_CONFIG_H

#include <stddef.h>

struct config {
	const char *var_dir;        /* CREDIT_VAR: runtime data (default ./var) */
	const char *socket_path;    /* CREDIT_SOCKET: FastCGI unix socket */
	const char *socket_group;   /* CREDIT_SOCKET_GROUP: group allowed to connect (nginx's) */
	const char *template_dir;   /* CREDIT_TEMPLATES */
	const char *log_path;       /* CREDIT_LOG */
	const char *pid_path;       /* CREDIT_PID */
	const char *secret_file;    /* CREDIT_SECRET_FILE: master secret, 0600 */
	const char *spool_dir;      /* CREDIT_SPOOL: large upload parts */
	const char *db_socket;      /* CREDIT_DB_SOCKET (used when db_host is empty) */
	const char *db_host;        /* CREDIT_DB_HOST */
	unsigned    db_port;        /* CREDIT_DB_PORT */
	const char *db_name;        /* CREDIT_DB_NAME */
	const char *db_user;        /* CREDIT_DB_USER */
	const char *db_password_file; /* CREDIT_DB_PASSWORD_FILE */
	const char *default_lang;   /* CREDIT_LANG: zh-CN or en */
	int         workers;        /* CREDIT_WORKERS: default = cores */
	int         session_idle;   /* CREDIT_SESSION_IDLE seconds */
	int         session_absolute; /* CREDIT_SESSION_ABSOLUTE seconds */
	int         secure_cookies; /* CREDIT_SECURE_COOKIES: 1 behind TLS */
	int         debug;          /* CREDIT_DEBUG: extra log lines, never shown to users */
	size_t      max_body;       /* CREDIT_MAX_BODY bytes (multipart) */
	size_t      max_form;       /* urlencoded body limit */
	int         login_account_max;  /* failures per account in the window */
	int         login_address_max;  /* failures per address in the window */
	int         login_window;       /* seconds */
	int         window_years;       /* CREDIT_QUERY_WINDOW_YEARS: Art. 35 query window */
	int         audit_flush_ms;     /* CREDIT_AUDIT_FLUSH_MS: longest a view waits to be logged */
};

extern struct config cfg;

/* Fills cfg from the environment; returns -1 (and logs why) on a bad value. */
int config_load(void);

#endif
