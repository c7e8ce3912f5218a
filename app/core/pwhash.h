/* pwhash.h — Argon2id password hashing (libsodium crypto_pwhash_str,
 * opslimit 3, 64 MiB). A process-shared semaphore keeps at most one hash per
 * core running, so logins cannot exhaust memory or starve other pages. */
#ifndef CORE_PWHASH_H
#define CORE_PWHASH_H

#include <stddef.h>

#include <sodium.h>

#define PWHASH_OPSLIMIT 3
#define PWHASH_MEMLIMIT (64UL * 1024 * 1024)
#define PWHASH_MIN_LEN  8
#define PWHASH_MAX_LEN  1024

/* Before forking: creates the shared semaphore with `slots` permits and the
 * dummy hash used for unknown accounts. slots == 0: no limit (tools). */
int  pwhash_init(int slots);
int  pwhash_hash(const char *pw, size_t len, char out[crypto_pwhash_STRBYTES]);
/* 1 match, 0 no match, -1 error. A NULL hash verifies against the dummy hash
 * (same cost) and returns 0, so unknown users take as long as real ones. */
int  pwhash_verify(const char *hash, const char *pw, size_t len);
int  pwhash_needs_rehash(const char *hash);

#endif
