/* uploads.c — all SQL for uploads and request_files, and the file store on
 * disk. Files are named by their SHA-256, so the same content uploaded twice
 * is stored once; the name never comes from the client. */
#include "store/uploads.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "core/config.h"
#include "core/db.h"
#include "core/log.h"

enum up_stmt { UP_INSERT, UP_LINK, UP_BY_ID, UP_FOR_REQUEST, UP_REFS, UP_MAX };

static const char *const up_sql[UP_MAX] = {
	[UP_INSERT] = "INSERT INTO uploads (sha256, filename, ftype, size, subject_id, uploaded_by, "
	    "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, UNIX_TIMESTAMP())",
	[UP_LINK] = "INSERT INTO request_files (kind, request_id, upload_id, role) VALUES (?, ?, ?, ?)",
	[UP_BY_ID] = "SELECT id, sha256, filename, ftype, size, subject_id, '' FROM uploads WHERE id = ?",
	[UP_FOR_REQUEST] = "SELECT u.id, u.sha256, u.filename, u.ftype, u.size, u.subject_id, f.role "
	    "FROM request_files f JOIN uploads u ON u.id = f.upload_id "
	    "WHERE f.kind = ? AND f.request_id = ? ORDER BY f.role, u.id LIMIT ?",
	[UP_REFS] = "SELECT COUNT(*) FROM uploads WHERE sha256 = ?",
};
DB_SET(up_set, up_sql, UP_MAX);

static int
valid_sha(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* CREDIT_VAR/uploads, created 0700 on first use. */
static int
store_dir(char *buf, size_t sz)
{
	if ((size_t)snprintf(buf, sz, "%s/uploads", cfg.var_dir) >= sz)
		return -1;
	if (mkdir(buf, 0700) != 0 && errno != EEXIST) {
		log_msg(LL_ERR, "uploads: cannot create %s: %s", buf, strerror(errno));
		return -1;
	}
	return 0;
}

int
uploads_write_blob(const void *buf, size_t len, char sha_hex[65], int *created)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char dir[512], final[600], tmp[640];
	const unsigned char *p = buf;
	size_t off = 0;
	int fd, dfd, err;

	*created = 0;
	crypto_hash_sha256(h, buf, len);
	sodium_bin2hex(sha_hex, 65, h, sizeof(h));
	if (store_dir(dir, sizeof(dir)) != 0)
		return -1;
	snprintf(final, sizeof(final), "%s/%s", dir, sha_hex);
	if (access(final, F_OK) == 0)
		return 0;
	snprintf(tmp, sizeof(tmp), "%s/.tmp-%s-%ld", dir, sha_hex, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0)
		goto fail;
	while (off < len) {
		ssize_t n = write(fd, p + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail_close;
		off += (size_t)n;
	}
	/* Some file systems report a full disk only at fsync or close. */
	if (fsync(fd) != 0)
		goto fail_close;
	if (close(fd) != 0 || rename(tmp, final) != 0)
		goto fail_unlink;
	/* The rename itself must survive a crash before the row commits. */
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	*created = 1;
	return 0;
fail_close:
	err = errno;
	close(fd);
	errno = err;
fail_unlink:
	err = errno;
	unlink(tmp);
	errno = err;
fail:
	err = errno;
	log_msg(LL_ERR, "uploads: cannot store a file: %s", strerror(err));
	return err == ENOSPC || err == EDQUOT ? UPLOADS_FULL : -1;
}

void
uploads_discard_blob(struct arena *a, const char *sha_hex)
{
	char path[600];
	struct db_q q;
	long long n = 1;

	if (!valid_sha(sha_hex) || db_q_start(&q, a, &up_set, UP_REFS) < 0)
		return;
	db_in_str(&q, sha_hex);
	db_out_int(&q, &n);
	/* When the database cannot tell, keep the file: an orphan costs disk
	 * space, a missing file loses a proof. */
	if (db_one(&q) < 0 || n != 0)
		return;
	snprintf(path, sizeof(path), "%s/uploads/%s", cfg.var_dir, sha_hex);
	unlink(path);
}

int
uploads_read_blob(struct arena *a, const char *sha_hex, size_t expect, const char **out)
{
	char path[600], *b;
	size_t got = 0;
	int fd;

	if (!valid_sha(sha_hex))
		return -1;
	snprintf(path, sizeof(path), "%s/uploads/%s", cfg.var_dir, sha_hex);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return errno == ENOENT ? 0 : -1;
	if ((b = arena_alloc(a, expect + 1)) == NULL) {
		close(fd);
		return -1;
	}
	while (got < expect) {
		ssize_t n = read(fd, b + got, expect - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != expect)
		return -1;
	*out = b;
	return 1;
}

long long
uploads_insert(struct arena *a, const struct upload_in *in)
{
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &up_set, UP_INSERT)) < 0)
		return rc;
	db_in_str(&q, in->sha256);
	db_in_str(&q, in->filename);
	db_in_str(&q, in->ftype);
	db_in_int(&q, (long long)in->size);
	db_in_int(&q, in->subject_id);
	db_in_int(&q, in->by);
	return db_insert(&q);
}

int
uploads_link(struct arena *a, const char *kind, long long request_id, long long upload_id,
    const char *role)
{
	struct db_q q;
	long long n;
	int rc;

	if ((rc = db_q_start(&q, a, &up_set, UP_LINK)) < 0)
		return rc;
	db_in_str(&q, kind);
	db_in_int(&q, request_id);
	db_in_int(&q, upload_id);
	db_in_str(&q, role);
	n = db_write(&q);
	return n < 0 ? (int)n : 1;
}

static void
bind_upload(struct db_q *q, struct upload *u)
{
	db_out_int(q, &u->id);
	db_out_str(q, &u->sha256);
	db_out_str(q, &u->filename);
	db_out_str(q, &u->ftype);
	db_out_int(q, &u->size);
	db_out_int(q, &u->subject_id);
	db_out_str(q, &u->role);
}

int
uploads_by_id(struct arena *a, long long id, struct upload *out)
{
	struct db_q q;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_q_start(&q, a, &up_set, UP_BY_ID)) < 0)
		return rc;
	db_in_int(&q, id);
	bind_upload(&q, out);
	return db_one(&q);
}

int
uploads_for_request(struct arena *a, const char *kind, long long request_id,
    struct upload *rows, int max)
{
	struct upload u;
	struct db_q q;
	int rc;

	if ((rc = db_q_start(&q, a, &up_set, UP_FOR_REQUEST)) < 0)
		return rc;
	db_in_str(&q, kind);
	db_in_int(&q, request_id);
	db_in_int(&q, max);
	bind_upload(&q, &u);
	return db_collect(&q, &u, rows, sizeof(u), max);
}
