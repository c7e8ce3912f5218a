/* server.c — master and workers.
 * Master: opens the unix socket (mode 0660, group = nginx's), writes the pid
 * file, forks workers and restarts any that dies, for ever. SIGHUP starts a
 * new generation of workers (templates re-read) and then asks the old one to
 * finish its requests and exit, so no request is dropped. SIGTERM/SIGINT:
 * workers finish in-flight requests and exit; stragglers are killed after a
 * grace period. Signal handlers only set flags. */
#include "server.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "config.h"
#include "db.h"
#include "http.h"
#include "log.h"
#include "pwhash.h"
#include "secret.h"
#include "shared.h"
#include "view.h"

#define MAX_WORKERS 256
#define GRACE_SECONDS 20

static volatile sig_atomic_t got_term, got_hup, got_chld;

struct worker {
	pid_t pid;
	int   gen;
};

static struct worker workers[MAX_WORKERS * 2];
static int listen_fd = -1;
static int  (*worker_start)(void);
static void (*worker_stop)(void);

void
server_on_worker(int (*start)(void), void (*stop)(void))
{
	worker_start = start;
	worker_stop = stop;
}

static void
on_term(int sig)
{
	(void)sig;
	got_term = 1;
	FCGX_ShutdownPending();
}

static void
on_hup(int sig)
{
	(void)sig;
	got_hup = 1;
}

static void
on_chld(int sig)
{
	(void)sig;
	got_chld = 1;
}

static void
set_signal(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: accept() must return EINTR so the loop sees the flag. */
	sa.sa_flags = 0;
	sigaction(sig, &sa, NULL);
}

static void
worker_loop(const struct route *tbl, size_t n)
{
	FCGX_Request fr;
	struct req r;
	int backoff_ms = 0;

	sigset_t none;

	log_forked();
	/* The master forks with its signals blocked; a worker wants them. */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	set_signal(SIGTERM, on_term);
	set_signal(SIGINT, SIG_IGN);
	set_signal(SIGHUP, SIG_IGN);
	set_signal(SIGCHLD, SIG_DFL);
	set_signal(SIGPIPE, SIG_IGN);
	if (sodium_init() < 0 || db_init() != 0 || view_init(cfg.template_dir) != 0) {
		log_msg(LL_ERR, "worker: initialisation failed");
		_exit(3);
	}
	db_ensure();
	if (worker_start != NULL && worker_start() != 0)
		log_msg(LL_ERR, "worker: start hook failed");
	http_req_init(&r);
	FCGX_InitRequest(&fr, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR);
	while (!got_term) {
		if (FCGX_Accept_r(&fr) < 0) {
			/* Interrupted, a protocol error from a bad peer, or out of
			 * descriptors: none of these ends the worker. */
			if (got_term)
				break;
			if (errno == EMFILE || errno == ENFILE) {
				backoff_ms = backoff_ms ? (backoff_ms * 2 > 1000 ? 1000 : backoff_ms * 2) : 10;
				usleep((useconds_t)backoff_ms * 1000);
			}
			continue;
		}
		backoff_ms = 0;
		http_serve(&r, &fr, tbl, n);
		http_finish(&fr);
	}
	FCGX_Free(&fr, 1);
	if (worker_stop != NULL)
		worker_stop();
	http_req_free(&r);
	view_free();
	db_close();
	_exit(0);
}

static pid_t
spawn(const struct route *tbl, size_t n, int gen)
{
	pid_t pid = fork();
	int i;

	if (pid == 0) {
		worker_loop(tbl, n);
		_exit(0);
	}
	if (pid < 0) {
		log_msg(LL_ERR, "master: fork failed: %s", strerror(errno));
		return -1;
	}
	for (i = 0; i < MAX_WORKERS * 2; i++)
		if (workers[i].pid == 0) {
			workers[i].pid = pid;
			workers[i].gen = gen;
			break;
		}
	return pid;
}

static int
count_gen(int gen)
{
	int i, c = 0;

	for (i = 0; i < MAX_WORKERS * 2; i++)
		if (workers[i].pid != 0 && workers[i].gen == gen)
			c++;
	return c;
}

static int
count_all(void)
{
	int i, c = 0;

	for (i = 0; i < MAX_WORKERS * 2; i++)
		if (workers[i].pid != 0)
			c++;
	return c;
}

/* Reaps dead workers; returns the generation of each through the callback. */
static void
reap(int cur_gen, int respawn, const struct route *tbl, size_t n)
{
	pid_t pid;
	int status, i;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < MAX_WORKERS * 2; i++) {
			if (workers[i].pid != pid)
				continue;
			workers[i].pid = 0;
			if (workers[i].gen == cur_gen && respawn) {
				if (WIFSIGNALED(status))
					log_msg(LL_WARN, "master: worker %ld died (signal %d), restarting",
					    (long)pid, WTERMSIG(status));
				else
					log_msg(LL_WARN, "master: worker %ld exited (%d), restarting",
					    (long)pid, WEXITSTATUS(status));
			}
			break;
		}
	}
	/* The master never gives up on restarting workers (SECURITY.md §3). */
	while (respawn && count_gen(cur_gen) < cfg.workers) {
		if (spawn(tbl, n, cur_gen) < 0) {
			sleep(1);
			break;
		}
		/* A worker that dies at once (bad config) must not spin the CPU. */
		usleep(50 * 1000);
	}
}

static void
signal_gen(int gen, int sig)
{
	int i;

	for (i = 0; i < MAX_WORKERS * 2; i++)
		if (workers[i].pid != 0 && (gen < 0 || workers[i].gen == gen))
			kill(workers[i].pid, sig);
}

static int
pidfile_claim(void)
{
	char buf[32];
	FILE *f;
	long old;

	/* FCGX_OpenSocket unlinks the path first, so a second instance would
	 * silently steal the socket: refuse when the recorded pid lives. */
	f = fopen(cfg.pid_path, "re");
	if (f != NULL) {
		if (fgets(buf, sizeof(buf), f) != NULL) {
			char *end;
			old = strtol(buf, &end, 10);
			if (old > 0 && (*end == '\n' || *end == '\0') && kill((pid_t)old, 0) == 0) {
				fclose(f);
				log_msg(LL_ERR, "master: already running as pid %ld (%s)", old, cfg.pid_path);
				return -1;
			}
		}
		fclose(f);
	}
	f = fopen(cfg.pid_path, "we");
	if (f == NULL) {
		log_msg(LL_ERR, "master: cannot write %s: %s", cfg.pid_path, strerror(errno));
		return -1;
	}
	fprintf(f, "%ld\n", (long)getpid());
	fclose(f);
	return 0;
}

static int
socket_open(void)
{
	mode_t old = umask(0117);   /* socket created 0660 */

	listen_fd = FCGX_OpenSocket(cfg.socket_path, 1024);
	umask(old);
	if (listen_fd < 0) {
		log_msg(LL_ERR, "master: cannot open socket %s", cfg.socket_path);
		return -1;
	}
	fcntl(listen_fd, F_SETFD, 0);
	if (cfg.socket_group[0] != '\0') {
		struct group *g = getgrnam(cfg.socket_group);
		if (g == NULL || chown(cfg.socket_path, (uid_t)-1, g->gr_gid) != 0) {
			log_msg(LL_ERR, "master: cannot give %s to group %s",
			    cfg.socket_path, cfg.socket_group);
			return -1;
		}
	}
	chmod(cfg.socket_path, 0660);
	return 0;
}

int
server_run(const struct route *tbl, size_t n)
{
	int gen = 0, i;
	time_t deadline;
	sigset_t mask, old;

	if (cfg.workers > MAX_WORKERS)
		cfg.workers = MAX_WORKERS;
	if (sodium_init() < 0 || secret_load(cfg.secret_file, 1) != 0)
		return 1;
	/* Workers = cores by default, so one hash per core at most. */
	{
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		if (pwhash_init(cores > 0 ? (int)cores : 1) != 0) {
			log_msg(LL_ERR, "master: password hashing unavailable");
			return 1;
		}
	}
	/* Fail early on a broken template, before any worker starts. */
	if (view_init(cfg.template_dir) != 0)
		return 1;
	view_free();
	if (FCGX_Init() != 0 || pidfile_claim() != 0 || socket_open() != 0)
		return 1;
	if (shared_init() != 0) {
		log_msg(LL_ERR, "master: no shared memory for the change counters");
		return 1;
	}
	set_signal(SIGTERM, on_term);
	set_signal(SIGINT, on_term);
	set_signal(SIGHUP, on_hup);
	set_signal(SIGCHLD, on_chld);
	set_signal(SIGPIPE, SIG_IGN);
	log_msg(LL_INFO, "master: listening on %s with %d workers", cfg.socket_path, cfg.workers);

	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGCHLD);
	sigprocmask(SIG_BLOCK, &mask, &old);
	reap(gen, 1, tbl, n);
	while (!got_term) {
		/* Sleep until a signal; flags are checked with signals blocked so
		 * none can slip in between the check and the wait. */
		if (!got_hup && !got_chld)
			sigsuspend(&old);
		if (got_hup) {
			got_hup = 0;
			log_msg(LL_INFO, "master: SIGHUP, replacing workers");
			gen++;
			reap(gen, 1, tbl, n);
			signal_gen(gen - 1, SIGTERM);
		}
		if (got_chld) {
			got_chld = 0;
			reap(gen, !got_term, tbl, n);
		}
	}
	log_msg(LL_INFO, "master: shutting down, draining workers");
	signal_gen(-1, SIGTERM);
	deadline = time(NULL) + GRACE_SECONDS;
	sigprocmask(SIG_SETMASK, &old, NULL);
	while (count_all() > 0 && time(NULL) < deadline) {
		reap(gen, 0, tbl, n);
		if (count_all() > 0)
			usleep(50 * 1000);
	}
	signal_gen(-1, SIGKILL);
	for (i = 0; i < 50 && count_all() > 0; i++) {
		reap(gen, 0, tbl, n);
		usleep(20 * 1000);
	}
	close(listen_fd);
	unlink(cfg.socket_path);
	unlink(cfg.pid_path);
	log_msg(LL_INFO, "master: stopped");
	return 0;
}
