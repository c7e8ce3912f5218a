/* secret.h — the master secret (a 0600 file under var/, never in the
 * repository) and the subkeys derived from it, one per purpose. */
#ifndef CORE_SECRET_H
#define CORE_SECRET_H

enum secret_purpose { KEY_SESSION = 1, KEY_CSRF, KEY_AUDIT, KEY_REPORT, KEY_MAX };

#define SECRET_KEYBYTES 32

/* Loads the master secret, creating it (mode 0600) when create is set and
 * the file does not exist. Returns 0 or -1. */
int secret_load(const char *path, int create);
const unsigned char *secret_key(enum secret_purpose);

#endif
