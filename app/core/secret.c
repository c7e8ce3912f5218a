/* secret.c — master secret file and libsodium KDF subkeys. */
#include "secret.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "log.h"

static unsigned char subkeys[KEY_MAX][SECRET_KEYBYTES];

static int
read_full(int fd, unsigned char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		got += (size_t)r;
	}
	return 0;
}

int
secret_load(const char *path, int create)
{
	unsigned char master[crypto_kdf_KEYBYTES];
	struct stat st;
	int fd, i;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && create) {
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0) {
			log_msg(LL_ERR, "secret: cannot create %s: %s", path, strerror(errno));
			return -1;
		}
		crypto_kdf_keygen(master);
		if (write(fd, master, sizeof(master)) != (ssize_t)sizeof(master) ||
		    fsync(fd) != 0) {
			log_msg(LL_ERR, "secret: cannot write %s", path);
			close(fd);
			unlink(path);
			return -1;
		}
		close(fd);
		fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0) {
		log_msg(LL_ERR, "secret: cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || (st.st_mode & 077) != 0) {
		log_msg(LL_ERR, "secret: %s must be mode 0600", path);
		close(fd);
		return -1;
	}
	if (read_full(fd, master, sizeof(master)) != 0) {
		log_msg(LL_ERR, "secret: %s is shorter than %zu bytes", path, sizeof(master));
		close(fd);
		return -1;
	}
	close(fd);
	for (i = 1; i < KEY_MAX; i++)
		crypto_kdf_derive_from_key(subkeys[i], SECRET_KEYBYTES, (uint64_t)i,
		    "credprtl", master);
	sodium_memzero(master, sizeof(master));
	return 0;
}

const unsigned char *
secret_key(enum secret_purpose p)
{
	return subkeys[p];
}
