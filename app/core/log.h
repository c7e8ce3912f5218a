/* log.h — one line per event: UTC time, level, pid, client address, user,
 * request id, message. Control characters in any field are escaped so that
 * input can never forge a log line. */
#ifndef CORE_LOG_H
#define CORE_LOG_H

enum log_level { LL_ERR, LL_WARN, LL_INFO, LL_DEBUG, LL_MAX };

/* Opens (appends to) path; NULL or failure keeps writing to stderr. */
int  log_open(const char *path);
void log_set_debug(int on);
/* This process's id, asked of the kernel once per process: a worker calls
 * log_forked() first thing after fork (two system calls fewer a request). */
long log_pid(void);
void log_forked(void);
/* Per-request context, copied; NULLs reset to "-". */
void log_set_context(const char *addr, const char *user, const char *reqid);
void log_msg(enum log_level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
