/* log.c — structured, injection-safe log lines (see log.h). Each line goes
 * out in one write(2) on an O_APPEND descriptor, so lines from different
 * workers never interleave. */
#include "log.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int  log_fd = 2;
static int  log_debug;
/* Per thread: the request context belongs to the thread serving it. */
static _Thread_local char ctx_addr[64] = "-", ctx_user[64] = "-", ctx_req[40] = "-";

static const char *const level_names[LL_MAX] = { "error", "warn", "info", "debug" };

int
log_open(const char *path)
{
	int fd;

	if (path == NULL)
		return 0;
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0)
		return -1;
	if (log_fd > 2)
		close(log_fd);
	log_fd = fd;
	return 0;
}

static long cached_pid;

long
log_pid(void)
{
	if (cached_pid == 0)
		cached_pid = (long)getpid();
	return cached_pid;
}

void
log_forked(void)
{
	cached_pid = (long)getpid();
}

void
log_set_debug(int on)
{
	log_debug = on;
}

/* Copies src into dst, escaping control bytes, backslash and spaces so a
 * field stays one token. */
static size_t
escape_into(char *dst, size_t cap, const char *src, int keep_space)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	const unsigned char *s;

	if (cap == 0)
		return 0;
	for (s = (const unsigned char *)src; *s != '\0' && o + 5 < cap; s++) {
		if (*s < 0x20 || *s == 0x7f || *s == '\\' || (!keep_space && *s == ' ')) {
			dst[o++] = '\\';
			dst[o++] = 'x';
			dst[o++] = hex[*s >> 4];
			dst[o++] = hex[*s & 15];
		} else
			dst[o++] = (char)*s;
	}
	dst[o] = '\0';
	return o;
}

void
log_set_context(const char *addr, const char *user, const char *reqid)
{
	escape_into(ctx_addr, sizeof(ctx_addr), addr ? addr : "-", 0);
	escape_into(ctx_user, sizeof(ctx_user), user ? user : "-", 0);
	escape_into(ctx_req, sizeof(ctx_req), reqid ? reqid : "-", 0);
}

void
log_msg(enum log_level level, const char *fmt, ...)
{
	char msg[2048], line[4096 + 256];
	struct timespec ts;
	struct tm tm;
	va_list ap;
	int n;
	size_t o;

	if (level == LL_DEBUG && !log_debug)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = snprintf(line, sizeof(line),
	    "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ %s pid=%ld addr=%s user=%s req=%s ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	    tm.tm_sec, ts.tv_nsec / 1000000, level_names[level], log_pid(),
	    ctx_addr, ctx_user, ctx_req);
	if (n < 0 || (size_t)n >= sizeof(line))
		return;
	o = (size_t)n;
	o += escape_into(line + o, sizeof(line) - o - 1, msg, 1);
	line[o++] = '\n';
	/* A failed log write has nowhere better to go. */
	if (write(log_fd, line, o) < 0)
		return;
}
