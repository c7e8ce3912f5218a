/* pwhash.c — Argon2id hashing with a cross-process concurrency limit. */
#include "pwhash.h"

#include <errno.h>
#include <semaphore.h>
#include <string.h>
#include <sys/mman.h>

#include "log.h"

static sem_t *slots_sem;
static char   dummy_hash[crypto_pwhash_STRBYTES];

int
pwhash_init(int slots)
{
	static const char dummy_pw[] = "dummy password for unknown accounts";

	if (slots > 0) {
		void *m = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (m == MAP_FAILED)
			return -1;
		slots_sem = m;
		if (sem_init(slots_sem, 1, (unsigned)slots) != 0)
			return -1;
	}
	return crypto_pwhash_str(dummy_hash, dummy_pw, sizeof(dummy_pw) - 1,
	    PWHASH_OPSLIMIT, PWHASH_MEMLIMIT) == 0 ? 0 : -1;
}

static void
slot_take(void)
{
	if (slots_sem == NULL)
		return;
	while (sem_wait(slots_sem) != 0 && errno == EINTR)
		;
}

static void
slot_give(void)
{
	if (slots_sem != NULL)
		sem_post(slots_sem);
}

int
pwhash_hash(const char *pw, size_t len, char out[crypto_pwhash_STRBYTES])
{
	int rc;

	slot_take();
	rc = crypto_pwhash_str(out, pw, len, PWHASH_OPSLIMIT, PWHASH_MEMLIMIT);
	slot_give();
	return rc == 0 ? 0 : -1;
}

int
pwhash_verify(const char *hash, const char *pw, size_t len)
{
	int rc;

	slot_take();
	rc = crypto_pwhash_str_verify(hash != NULL ? hash : dummy_hash, pw, len);
	slot_give();
	if (hash == NULL)
		return 0;
	return rc == 0 ? 1 : 0;
}

int
pwhash_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, PWHASH_OPSLIMIT, PWHASH_MEMLIMIT) != 0;
}
