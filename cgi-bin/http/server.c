/*
 * The FastCGI server: a master that opens the Unix socket, forks the workers, restarts any that
 * dies and on SIGTERM lets them finish their requests and stop. Workers accept on the shared socket.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcgiapp.h>
#include <sodium.h>
#include "http/app.h"
#include "http/auditor.h"
#include "http/template.h"
#include "store/store.h"
#include "store/admin.h"

#define STOP_GRACE_MS	30000	/* how long a stop waits for busy workers */

static volatile sig_atomic_t stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;	/* workers see it when epoll_pwait returns EINTR (worker_main) */
}

static void
on_chld(int sig)
{
	(void)sig;	/* only to interrupt waitpid/pause */
}

static int
set_signal(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: waitpid and epoll_pwait return on SIGTERM */
	return sigaction(sig, &sa, NULL);
}

static int
load_key(const char *path, unsigned char key[32])
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL) {
		fprintf(stderr, "verzuimd: cannot open key file %s: %s\n", path, strerror(errno));
		return -1;
	}
	n = fread(key, 1, 32, f);
	fclose(f);
	if (n != 32) {
		fprintf(stderr, "verzuimd: key file %s is not 32 bytes\n", path);
		return -1;
	}
	return 0;
}

/*
 * The policies of SPEC §4 as the protocols give them: sql/policies.csv, the one source also built
 * into verzuimctl. server_run gives a region without a row in the database these values
 * (store_policies_seed); from then on the database's row counts (beheer may change it), and the
 * workers keep the file's values only for when the rows cannot be read.
 */
static int
load_policies(struct app *app)
{
	char path[1024], text[8192];
	size_t len, errline = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/policies.csv", app->cfg->sql_dir);
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "verzuimd: cannot open %s\n", path);
		return -1;
	}
	len = fread(text, 1, sizeof(text), f);
	fclose(f);
	if (rules_policies_parse(text, len, app->policies, sizeof(app->policies) /
	    sizeof(app->policies[0]), &app->npolicies, &errline) != RULES_OK) {
		fprintf(stderr, "verzuimd: %s:%zu: bad policy line\n", path, errline);
		return -1;
	}
	return 0;
}

/*
 * The response's end (FCGX_Finish_r). libfcgi closes a connection with a lingering close:
 * shutdown, then wait in poll for nginx to close its end, and read what is left, so that unread
 * input can never cut off the response. On this Unix socket that wait costs a wake-up per
 * request; when nothing of the request is left unread (every request this server reads to the
 * end), a plain close is just as safe, and the lingering close stays for any other case.
 */
static void
finish(FCGX_Request *fr)
{
	int unread = -1;

	if (fr->ipcFd >= 0 && ioctl(fr->ipcFd, FIONREAD, &unread) == 0 && unread == 0)
		FCGX_Detach(fr);	/* libfcgi 2.4: "detached" closes without the lingering wait */
	FCGX_Finish_r(fr);
}

/*
 * A worker keeps SIGTERM and SIGINT blocked except while it waits for a connection in epoll_pwait,
 * so a stop never interrupts a read or write of the request it is in. EPOLLEXCLUSIVE wakes one
 * idle worker per connection, as a blocking accept would. The listening socket is non-blocking:
 * another worker may still take the connection first (-EAGAIN, wait again). Once stopping, the
 * worker answers the connections nginx already has queued, then exits.
 */
static void
worker_main(const struct config *cfg, int sock, const struct tmpl_set *tmpl, int audit_sock)
{
	struct app app;
	struct req r;
	FCGX_Request fr;
	sigset_t stopsigs, waitmask;
	struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE };
	char err[256];
	int rc, ep;

	set_signal(SIGTERM, on_term);
	set_signal(SIGINT, on_term);
	signal(SIGCHLD, SIG_DFL);
	sigemptyset(&stopsigs);
	sigaddset(&stopsigs, SIGTERM);
	sigaddset(&stopsigs, SIGINT);
	sigprocmask(SIG_BLOCK, &stopsigs, &waitmask);
	sigdelset(&waitmask, SIGTERM);
	sigdelset(&waitmask, SIGINT);
	memset(&app, 0, sizeof(app));
	app.cfg = cfg;
	app.tmpl = tmpl;
	app.audit_sock = audit_sock;
	if (load_key(cfg->key_file, app.key) != 0 || load_policies(&app) != 0)
		_exit(1);
	if ((app.store = store_open(cfg->db, err, sizeof(err))) == NULL) {
		fprintf(stderr, "verzuimd[%d]: %s\n", (int)getpid(), err);
		_exit(1);
	}
	memset(&r, 0, sizeof(r));
	if (FCGX_InitRequest(&fr, sock, 0) != 0 || (ep = epoll_create1(EPOLL_CLOEXEC)) < 0 ||
	    epoll_ctl(ep, EPOLL_CTL_ADD, sock, &ev) != 0)
		_exit(1);
	for (;;) {
		if (!stopping && epoll_pwait(ep, &ev, 1, -1, &waitmask) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		rc = FCGX_Accept_r(&fr);
		if (rc == -EAGAIN || rc == -EWOULDBLOCK) {
			if (stopping)
				break;	/* nothing queued any more */
			continue;
		}
		if (rc < 0)
			break;
		request_handle(&app, &r, &fr);
		finish(&fr);
	}
	close(ep);
	buf_free(&r.body);
	buf_free(&r.headers);
	json_decref(app.loketten);
	store_close(app.store);
	sodium_memzero(app.key, sizeof(app.key));
	_exit(0);
}

/*
 * Slot i < cfg->workers is a worker, slot cfg->workers the auditor. pairs[i] is worker i's channel
 * to the auditor: [0] the worker's end, [1] the auditor's. The master keeps every end open, so a
 * restarted worker or auditor finds its channel, and what was queued on it, as it was.
 */
static pid_t
spawn(const struct config *cfg, int sock, const struct tmpl_set *tmpl, int (*pairs)[2], int slot)
{
	pid_t pid = fork();
	int *ends;

	if (pid != 0)
		return pid;
	if (slot == cfg->workers) {
		if ((ends = calloc((size_t)cfg->workers, sizeof(*ends))) == NULL)
			_exit(1);
		close(sock);
		for (int i = 0; i < cfg->workers; i++) {
			close(pairs[i][0]);
			ends[i] = pairs[i][1];
		}
		auditor_main(cfg, ends, cfg->workers);
	}
	for (int i = 0; i < cfg->workers; i++) {
		close(pairs[i][1]);
		if (i != slot)
			close(pairs[i][0]);
	}
	worker_main(cfg, sock, tmpl, pairs[slot][0]);
	_exit(0);
}

/*
 * Graceful stop of slots [from, to): each finishes what it is doing and exits. One that is still
 * busy after STOP_GRACE_MS (a request that never ends) is killed, so a stop never hangs.
 */
static void
stop_slots(pid_t *pids, int from, int to)
{
	int alive;

	for (int i = from; i < to; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	for (int waited = 0;; waited += 20) {
		alive = 0;
		for (int i = from; i < to; i++) {
			if (pids[i] <= 0)
				continue;
			pid_t w = waitpid(pids[i], NULL, WNOHANG);
			if (w == pids[i] || (w < 0 && errno == ECHILD))
				pids[i] = 0;
			else if (waited >= STOP_GRACE_MS) {
				fprintf(stderr, "verzuimd: process %d still busy after %d s, killed\n",
				    (int)pids[i], STOP_GRACE_MS / 1000);
				kill(pids[i], SIGKILL);
				waitpid(pids[i], NULL, 0);
				pids[i] = 0;
			} else
				alive = 1;
		}
		if (!alive)
			break;
		nanosleep(&(struct timespec){ .tv_nsec = 20 * 1000 * 1000 }, NULL);
	}
}

int
server_run(const struct config *cfg)
{
	pid_t *pids;
	time_t *started;
	int (*pairs)[2], *ends;
	int sock, quick_deaths = 0;
	struct tmpl_set *tmpl;
	char err[512];

	if (sodium_init() < 0) {
		fprintf(stderr, "verzuimd: libsodium init failed\n");
		return 1;
	}
	/* Templates are parsed once, here, and shared with the workers. */
	if ((tmpl = tmpl_load_dir(cfg->tmpl_dir, err, sizeof(err))) == NULL) {
		fprintf(stderr, "verzuimd: templates: %s\n", err);
		return 1;
	}
	/* Once, before the workers: regions the database has no policy row for get the file's. */
	{
		struct app seed;
		memset(&seed, 0, sizeof(seed));
		seed.cfg = cfg;
		if (load_policies(&seed) != 0)
			return 1;
		if ((seed.store = store_open(cfg->db, err, sizeof(err))) == NULL) {
			fprintf(stderr, "verzuimd: %s\n", err);
			return 1;
		}
		if (store_policies_seed(seed.store, seed.policies, seed.npolicies) != 0)
			fprintf(stderr, "verzuimd: cannot write the region policies\n");
		store_close(seed.store);
	}
	if (FCGX_Init() != 0)
		return 1;
	unlink(cfg->socket);
	mode_t old = umask(0117);	/* socket rw for owner and group only */
	sock = FCGX_OpenSocket(cfg->socket, 4096);	/* nginx may queue many at once */
	umask(old);
	if (sock < 0) {
		fprintf(stderr, "verzuimd: cannot open socket %s\n", cfg->socket);
		return 1;
	}
	/* Workers wait in epoll_pwait and must never block in accept (worker_main). */
	if (fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK) != 0) {
		fprintf(stderr, "verzuimd: cannot make socket %s non-blocking\n", cfg->socket);
		return 1;
	}
	set_signal(SIGTERM, on_term);
	set_signal(SIGINT, on_term);
	set_signal(SIGCHLD, on_chld);
	signal(SIGPIPE, SIG_IGN);

	pids = calloc(cfg->workers + 1, sizeof(*pids));
	started = calloc(cfg->workers + 1, sizeof(*started));
	pairs = calloc(cfg->workers, sizeof(*pairs));
	ends = calloc(cfg->workers, sizeof(*ends));
	if (pids == NULL || started == NULL || pairs == NULL || ends == NULL)
		return 1;
	for (int i = 0; i < cfg->workers; i++)
		if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, pairs[i]) != 0) {
			fprintf(stderr, "verzuimd: socketpair: %s\n", strerror(errno));
			return 1;
		}
	for (int i = 0; i <= cfg->workers; i++) {
		pids[i] = spawn(cfg, sock, tmpl, pairs, i);
		started[i] = time(NULL);
	}
	fprintf(stderr, "verzuimd: %d workers and the auditor on %s\n", cfg->workers, cfg->socket);

	while (!stopping) {
		int status;
		pid_t pid = waitpid(-1, &status, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i <= cfg->workers; i++) {
			if (pids[i] != pid)
				continue;
			if (stopping) {
				pids[i] = 0;
				break;
			}
			if (WIFSIGNALED(status))
				fprintf(stderr, "verzuimd: %s %d killed by signal %d, restarting\n",
				    i < cfg->workers ? "worker" : "auditor", (int)pid, WTERMSIG(status));
			else
				fprintf(stderr, "verzuimd: %s %d exited (%d), restarting\n",
				    i < cfg->workers ? "worker" : "auditor", (int)pid,
				    WEXITSTATUS(status));
			/* A worker that cannot even start must not turn into a fork loop. */
			quick_deaths = time(NULL) - started[i] < 2 ? quick_deaths + 1 : 0;
			if (quick_deaths > 10) {
				fprintf(stderr, "verzuimd: workers keep dying at start, giving up\n");
				stopping = 1;
				pids[i] = 0;
				break;
			}
			pids[i] = spawn(cfg, sock, tmpl, pairs, i);
			started[i] = time(NULL);
			break;
		}
	}

	/* The workers first; then the auditor, which writes what they left queued. */
	stop_slots(pids, 0, cfg->workers);
	stop_slots(pids, cfg->workers, cfg->workers + 1);
	for (int i = 0; i < cfg->workers; i++) {
		close(pairs[i][0]);
		ends[i] = pairs[i][1];
	}
	auditor_drain(cfg, ends, cfg->workers);
	for (int i = 0; i < cfg->workers; i++)
		close(ends[i]);
	free(ends);
	free(pairs);
	close(sock);
	unlink(cfg->socket);
	tmpl_free(tmpl);
	free(pids);
	free(started);
	fprintf(stderr, "verzuimd: stopped\n");
	return 0;
}
