/* uploads.h — uploaded proof documents: the uploads and request_files tables
 * and the bytes on disk under CREDIT_VAR/uploads/<sha256>, outside the web
 * root. A file is written under a temporary name, fsynced and renamed, so no
 * partial file ever has a final name. < 0 error, 0 none, > 0 success. */
#ifndef STORE_UPLOADS_H
#define STORE_UPLOADS_H

#include <stddef.h>

#include "core/arena.h"

struct upload {
	long long id;
	char     *sha256;
	char     *filename;
	char     *ftype;        /* pdf | png | jpeg */
	long long size;
	long long subject_id;
	char     *role;         /* for uploads_for_request: application, commitment, proof, document */
};

struct upload_in {
	const char *sha256, *filename, *ftype;
	size_t      size;
	long long   subject_id, by;
};

/* uploads_write_blob's answer when the disk is full (ENOSPC, EDQUOT). */
#define UPLOADS_FULL (-2)

/*
 * Stores buf as CREDIT_VAR/uploads/<hex sha256>; *created is 1 when this
 * call wrote the file (0: the same content was already there). sha_hex gets
 * the name. 0 done, UPLOADS_FULL when the disk is full, -1 on another I/O
 * error (both logged); on failure no file, partial or temporary, is left.
 */
int  uploads_write_blob(const void *buf, size_t len, char sha_hex[65], int *created);
/* After a rolled-back transaction: removes the file when this request
 * created it and no uploads row refers to it. */
void uploads_discard_blob(struct arena *, const char *sha_hex);
/* The bytes of a stored file, in the arena; > 0 done, 0 missing, < 0 error. */
int  uploads_read_blob(struct arena *, const char *sha_hex, size_t expect, const char **buf);

long long uploads_insert(struct arena *, const struct upload_in *);
/* Links a file to a request (kind "repair" or "objection"). > 0 done. */
int  uploads_link(struct arena *, const char *kind, long long request_id, long long upload_id,
    const char *role);
int  uploads_by_id(struct arena *, long long id, struct upload *out);
int  uploads_for_request(struct arena *, const char *kind, long long request_id,
    struct upload *rows, int max);

#endif
