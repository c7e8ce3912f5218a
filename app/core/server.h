/* server.h — the prefork FastCGI server: a master that owns the socket and
 * supervises N workers, each serving requests one at a time. */
#ifndef CORE_SERVER_H
#define CORE_SERVER_H

#include <stddef.h>

#include "route.h"

/* Work each worker starts after its own initialisation (start; a failure
 * is logged and the worker goes on) and finishes before it exits (stop),
 * e.g. the audit log's flusher thread. Call before server_run. */
void server_on_worker(int (*start)(void), void (*stop)(void));

/* Runs until SIGTERM/SIGINT; returns the exit status. */
int server_run(const struct route *tbl, size_t n);

#endif
