/* main.c — credit-portal: the FastCGI application server. Configuration
 * comes from the environment (README.md, "Configuration"). */
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "core/http.h"
#include "core/log.h"
#include "core/route.h"
#include "core/server.h"
#include "pages/pages.h"
#include "store/audit.h"

int
main(int argc, char **argv)
{
	if (argc > 1) {
		fprintf(stderr, "usage: %s (configured by CREDIT_* environment variables)\n", argv[0]);
		return 2;
	}
	if (config_load() != 0)
		return 2;
	if (log_open(cfg.log_path) != 0)
		fprintf(stderr, "credit-portal: cannot open log %s, logging to stderr\n", cfg.log_path);
	log_set_debug(cfg.debug);
	/* Each worker logs views through its own flusher thread (audit.h). */
	server_on_worker(audit_start, audit_stop);
	/* The staff navigation's counts on every page (pages/common.c). */
	http_set_layout_hook(page_layout);
	return server_run(app_routes, app_nroutes);
}
