/* credctl.c — account administration from the command line, using the same
 * configuration (CREDIT_* variables) and data modules as the server.
 *   credctl user-add LOGIN ROLE DISPLAY-NAME [--subject-id N] [--association-id N]
 *   credctl passwd LOGIN          (ends every session of the account)
 *   credctl users
 *   credctl audit-verify [APP-LOG]  (recomputes every audit hash chain)
 * Passwords are read from standard input (first line), never from argv. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/db.h"
#include "core/log.h"
#include "core/pwhash.h"
#include "core/req.h"
#include "core/secret.h"
#include "core/session.h"
#include "store/audit.h"
#include "store/users.h"

static void
usage(void)
{
	fprintf(stderr,
	    "usage: credctl user-add LOGIN ROLE DISPLAY-NAME [--subject-id N] [--association-id N]\n"
	    "       credctl passwd LOGIN\n"
	    "       credctl users\n"
	    "       credctl audit-verify [APP-LOG]\n"
	    "roles: enterprise association env_agency staff admin; the password is read from stdin\n");
}

static int
read_password(char *buf, size_t cap)
{
	size_t n;

	if (isatty(0))
		fprintf(stderr, "password: ");
	if (fgets(buf, (int)cap, stdin) == NULL)
		return -1;
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	if (n < PWHASH_MIN_LEN || n > PWHASH_MAX_LEN || !utf8_valid(buf, n)) {
		fprintf(stderr, "credctl: a password has %d to %d bytes of UTF-8\n",
		    PWHASH_MIN_LEN, PWHASH_MAX_LEN);
		return -1;
	}
	return 0;
}

static int
parse_id(const char *s, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	return (errno == 0 && *end == '\0' && *out > 0) ? 0 : -1;
}

static int
login_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || strchr("._@-", s[i]) != NULL))
			return 0;
	return 1;
}

static int
cmd_user_add(struct arena *a, int argc, char **argv)
{
	char pw[PWHASH_MAX_LEN + 2], hash[crypto_pwhash_STRBYTES];
	long long subject = 0, assoc = 0, id;
	int i;

	if (argc < 5)
		return usage(), 2;
	for (i = 5; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--subject-id") == 0 && parse_id(argv[i + 1], &subject) == 0)
			continue;
		if (strcmp(argv[i], "--association-id") == 0 && parse_id(argv[i + 1], &assoc) == 0)
			continue;
		return usage(), 2;
	}
	if (i != argc)
		return usage(), 2;
	if (!login_ok(argv[2]) || role_from_name(argv[3]) <= ROLE_ANON ||
	    strlen(argv[4]) == 0 || strlen(argv[4]) > 300 || !utf8_valid(argv[4], strlen(argv[4]))) {
		fprintf(stderr, "credctl: bad login, role or display name\n");
		return 2;
	}
	if ((strcmp(argv[3], "enterprise") == 0) != (subject > 0) ||
	    (strcmp(argv[3], "association") == 0) != (assoc > 0)) {
		fprintf(stderr, "credctl: an enterprise account needs --subject-id, an association "
		    "account --association-id, and no other role takes either\n");
		return 2;
	}
	if (read_password(pw, sizeof(pw)) != 0 || pwhash_hash(pw, strlen(pw), hash) != 0)
		return 1;
	sodium_memzero(pw, sizeof(pw));
	id = users_insert(a, argv[2], argv[4], argv[3], hash, subject, assoc);
	if (id == DB_DUP) {
		fprintf(stderr, "credctl: login %s already exists\n", argv[2]);
		return 1;
	}
	if (id <= 0) {
		fprintf(stderr, "credctl: could not create the account (see the log)\n");
		return 1;
	}
	printf("created user %lld (%s, %s)\n", id, argv[2], argv[3]);
	return 0;
}

static int
cmd_passwd(struct arena *a, int argc, char **argv)
{
	char pw[PWHASH_MAX_LEN + 2], hash[crypto_pwhash_STRBYTES];
	struct user_row u;
	int rc;

	if (argc != 3)
		return usage(), 2;
	rc = users_by_login(a, argv[2], &u);
	if (rc <= 0) {
		fprintf(stderr, "credctl: no account %s\n", argv[2]);
		return 1;
	}
	if (read_password(pw, sizeof(pw)) != 0 || pwhash_hash(pw, strlen(pw), hash) != 0)
		return 1;
	sodium_memzero(pw, sizeof(pw));
	if (users_set_hash(a, u.id, hash) < 0 || session_destroy_user(a, u.id) < 0 ||
	    login_failures_clear(a, u.login) < 0) {
		fprintf(stderr, "credctl: could not update the password\n");
		return 1;
	}
	printf("password changed for %s; all its sessions ended\n", u.login);
	return 0;
}

static int
cmd_users(struct arena *a)
{
	struct user_row rows[100];
	long long off = 0;
	int n, i;

	do {
		n = users_list(a, off, 100, rows);
		if (n < 0)
			return 1;
		for (i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s\t%s\n", rows[i].id, rows[i].login, rows[i].role,
			    rows[i].display_name, rows[i].org_name ? rows[i].org_name : "-");
		off += n;
		arena_reset(a);
	} while (n == 100);
	return 0;
}

int
main(int argc, char **argv)
{
	struct arena a;
	int rc;

	if (argc < 2)
		return usage(), 2;
	if (sodium_init() < 0 || config_load() != 0)
		return 2;
	if (secret_load(cfg.secret_file, 1) != 0 || pwhash_init(0) != 0 || db_init() != 0)
		return 1;
	if (db_connect() < 0) {
		fprintf(stderr, "credctl: cannot reach MariaDB\n");
		return 1;
	}
	arena_init(&a, 0);
	if (strcmp(argv[1], "user-add") == 0)
		rc = cmd_user_add(&a, argc, argv);
	else if (strcmp(argv[1], "passwd") == 0)
		rc = cmd_passwd(&a, argc, argv);
	else if (strcmp(argv[1], "users") == 0 && argc == 2)
		rc = cmd_users(&a);
	else if (strcmp(argv[1], "audit-verify") == 0 && argc <= 3) {
		long problems = audit_verify(&a, stdout, argc == 3 ? argv[2] : cfg.log_path);
		rc = problems == 0 ? 0 : 1;
	}
	else {
		usage();
		rc = 2;
	}
	arena_free(&a);
	db_close();
	return rc;
}
