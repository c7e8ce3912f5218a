/* main.c — credit-portal: the FastCGI application server. Configuration
 * comes from the environment (README.md, "Configuration"). */
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "core/log.h"
#include "core/route.h"
#include "core/server.h"

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
	return server_run(app_routes, app_nroutes);
}
