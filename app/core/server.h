/* server.h — the prefork FastCGI server: a master that owns the socket and
 * supervises N workers, each serving requests one at a time. */
#ifndef CORE_SERVER_H
#define CORE_SERVER_H

#include <stddef.h>

#include "route.h"

/* Runs until SIGTERM/SIGINT; returns the exit status. */
int server_run(const struct route *tbl, size_t n);

#endif
