/* config.c — environment variables to struct config, with defaults that
 * describe the private development stack under ./var. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

struct config cfg;

static char path_buf[12][PATH_MAX];
static int  path_used;

static const char *
env_str(const char *name, const char *def)
{
	const char *v = getenv(name);

	return (v != NULL && *v != '\0') ? v : def;
}

/* A path below var_dir unless the variable overrides it. */
static const char *
env_path(const char *name, const char *rel)
{
	const char *v = getenv(name);
	char *buf;

	if (v != NULL && *v != '\0')
		return v;
	if (path_used >= (int)(sizeof(path_buf) / sizeof(path_buf[0])))
		return NULL;
	buf = path_buf[path_used++];
	if ((size_t)snprintf(buf, PATH_MAX, "%s/%s", cfg.var_dir, rel) >= PATH_MAX)
		return NULL;
	return buf;
}

static int
env_long(const char *name, long def, long min, long max, long *out)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (v == NULL || *v == '\0') {
		*out = def;
		return 0;
	}
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max) {
		log_msg(LL_ERR, "config: %s=%s is not a number in [%ld, %ld]", name, v, min, max);
		return -1;
	}
	*out = n;
	return 0;
}

int
config_load(void)
{
	long n, cores;
	int rc = 0;

	cores = sysconf(_SC_NPROCESSORS_ONLN);
	if (cores < 1)
		cores = 1;
	cfg.var_dir = env_str("CREDIT_VAR", "var");
	cfg.socket_path = env_path("CREDIT_SOCKET", "run/app.sock");
	cfg.socket_group = env_str("CREDIT_SOCKET_GROUP", "");
	cfg.template_dir = env_str("CREDIT_TEMPLATES", "templates");
	cfg.log_path = env_path("CREDIT_LOG", "log/app.log");
	cfg.pid_path = env_path("CREDIT_PID", "run/app.pid");
	cfg.secret_file = env_path("CREDIT_SECRET_FILE", "secrets/master.key");
	cfg.spool_dir = env_path("CREDIT_SPOOL", "tmp");
	cfg.db_socket = env_path("CREDIT_DB_SOCKET", "run/mysqld.sock");
	cfg.db_host = env_str("CREDIT_DB_HOST", "");
	cfg.db_name = env_str("CREDIT_DB_NAME", "credit");
	cfg.db_user = env_str("CREDIT_DB_USER", "credit_app");
	cfg.db_password_file = env_path("CREDIT_DB_PASSWORD_FILE", "secrets/db_app.pw");
	cfg.default_lang = env_str("CREDIT_LANG", "zh-CN");
	if (strcmp(cfg.default_lang, "zh-CN") != 0 && strcmp(cfg.default_lang, "en") != 0) {
		log_msg(LL_ERR, "config: CREDIT_LANG must be zh-CN or en");
		rc = -1;
	}
	if (cfg.socket_path == NULL || cfg.log_path == NULL || cfg.pid_path == NULL ||
	    cfg.secret_file == NULL || cfg.spool_dir == NULL || cfg.db_socket == NULL ||
	    cfg.db_password_file == NULL) {
		log_msg(LL_ERR, "config: CREDIT_VAR path too long");
		rc = -1;
	}
	rc |= env_long("CREDIT_DB_PORT", 3306, 1, 65535, &n);
	cfg.db_port = (unsigned)n;
	/* A worker waits for MariaDB (and its disk) during most of a page, so
	 * with one per core the CPU idles, and two logins (one Argon2id hash
	 * per core at most) take every worker. On 2 cores, 4 per core: profile
	 * pages 2,387 -> 2,516 a second with a warm database (1,058 -> 1,710
	 * with a cold one), and 522 -> 1,805 while logins run
	 * (docs/performance.md). */
	rc |= env_long("CREDIT_WORKERS", cores * 4 > 256 ? 256 : cores * 4, 1, 256, &n);
	cfg.workers = (int)n;
	rc |= env_long("CREDIT_SESSION_IDLE", 1800, 60, 86400, &n);
	cfg.session_idle = (int)n;
	rc |= env_long("CREDIT_SESSION_ABSOLUTE", 43200, 300, 7 * 86400, &n);
	cfg.session_absolute = (int)n;
	rc |= env_long("CREDIT_SECURE_COOKIES", 0, 0, 1, &n);
	cfg.secure_cookies = (int)n;
	rc |= env_long("CREDIT_DEBUG", 0, 0, 1, &n);
	cfg.debug = (int)n;
	rc |= env_long("CREDIT_MAX_BODY", 11L * 1024 * 1024, 4096, 64L * 1024 * 1024, &n);
	cfg.max_body = (size_t)n;
	cfg.max_form = 256 * 1024;
	rc |= env_long("CREDIT_LOGIN_ACCOUNT_MAX", 5, 1, 1000, &n);
	cfg.login_account_max = (int)n;
	rc |= env_long("CREDIT_LOGIN_ADDRESS_MAX", 20, 1, 100000, &n);
	cfg.login_address_max = (int)n;
	rc |= env_long("CREDIT_LOGIN_WINDOW", 900, 10, 86400, &n);
	cfg.login_window = (int)n;
	rc |= env_long("CREDIT_QUERY_WINDOW_YEARS", 5, 1, 50, &n);
	cfg.window_years = (int)n;
	rc |= env_long("CREDIT_AUDIT_FLUSH_MS", 100, 1, 5000, &n);
	cfg.audit_flush_ms = (int)n;
	return rc == 0 ? 0 : -1;
}
