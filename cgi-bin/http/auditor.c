/* The auditor process and the worker's side of it (see http/auditor.h). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "http/app.h"
#include "http/auditor.h"
#include "store/store.h"

#define RETRY_MS	100	/* after a failed commit: try again, the entries stay queued */

void
auditor_send(int fd, struct store *s, int64_t user_id, const char *action, const char *object,
    const char *addr)
{
	struct audit_msg m;

	memset(&m, 0, sizeof(m));
	m.user_id = user_id;
	m.at = store_now();
	snprintf(m.action, sizeof(m.action), "%s", action);
	snprintf(m.object, sizeof(m.object), "%s", object);
	snprintf(m.addr, sizeof(m.addr), "%s", addr);
	/* Never block: a full queue means the auditor is stuck, and the entry is written here. */
	if (fd <= 0 || send(fd, &m, sizeof(m), MSG_DONTWAIT | MSG_NOSIGNAL) != (ssize_t)sizeof(m))
		store_audit(s, m.user_id, m.action, m.object, m.addr);
}

static volatile sig_atomic_t quit;

static void
on_quit(int sig)
{
	(void)sig;
	quit = 1;
}

/*
 * Write the entries queued on socks until told to stop (quit), then what is still queued. The
 * first entry of each queue is read without taking it off; it is taken off once committed.
 */
static void
serve(struct store *s, const int *socks, int n, struct audit_msg *msg, struct audit_entry *e,
    struct pollfd *p, int *from)
{
	for (;;) {
		int k = 0, rc;

		for (int i = 0; i < n; i++) {
			p[i].fd = socks[i];
			p[i].events = POLLIN;
		}
		/* Once told to stop: write what is queued, without waiting for more. */
		rc = poll(p, (nfds_t)n, quit ? 0 : -1);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc < 0)
			return;
		for (int i = 0; i < n; i++)
			if ((p[i].revents & POLLIN) && recv(socks[i], &msg[k], sizeof(msg[k]),
			    MSG_PEEK | MSG_DONTWAIT) == (ssize_t)sizeof(msg[k]))
				from[k++] = i;
		if (k == 0) {
			if (quit)
				return;
			continue;
		}
		for (int j = 0; j < k; j++) {
			msg[j].action[sizeof(msg[j].action) - 1] = '\0';
			msg[j].object[sizeof(msg[j].object) - 1] = '\0';
			msg[j].addr[sizeof(msg[j].addr) - 1] = '\0';
			e[j] = (struct audit_entry){ msg[j].user_id, msg[j].at, msg[j].action,
			    msg[j].object, msg[j].addr };
		}
		if (store_audit_many(s, e, (size_t)k) != 0) {
			if (quit) {
				fprintf(stderr, "verzuimd auditor: stopping with audit entries that "
				    "cannot be written\n");
				return;
			}
			fprintf(stderr, "verzuimd auditor: cannot write the audit log; trying again\n");
			nanosleep(&(struct timespec){ .tv_nsec = RETRY_MS * 1000000L }, NULL);
			continue;
		}
		for (int j = 0; j < k; j++)
			recv(socks[from[j]], &msg[j], sizeof(msg[j]), MSG_DONTWAIT);
	}
}

/* Open the audit file and serve; stop_now: only write what is queued (auditor_drain). */
static void
run(const struct config *cfg, const int *socks, int n, int stop_now)
{
	struct audit_msg *msg = calloc((size_t)n, sizeof(*msg));
	struct audit_entry *e = calloc((size_t)n, sizeof(*e));
	struct pollfd *p = calloc((size_t)n, sizeof(*p));
	int *from = calloc((size_t)n, sizeof(*from));
	struct store *s = NULL;
	char err[256];

	if (stop_now)
		quit = 1;
	if (msg == NULL || e == NULL || p == NULL || from == NULL ||
	    (s = store_open(cfg->db, err, sizeof(err))) == NULL)
		fprintf(stderr, "verzuimd auditor: %s\n", s == NULL ? err : "out of memory");
	else
		serve(s, socks, n, msg, e, p, from);
	store_close(s);
	free(msg);
	free(e);
	free(p);
	free(from);
}

void
auditor_main(const struct config *cfg, const int *socks, int n)
{
	struct sigaction sa;

	prctl(PR_SET_NAME, "verzuimd-audit");	/* tells it from the workers in ps and pgrep */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_quit;	/* no SA_RESTART: poll returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGINT, SIG_IGN);	/* a Ctrl-C stops the master, which stops us last */
	signal(SIGCHLD, SIG_DFL);
	run(cfg, socks, n, 0);
	_exit(quit ? 0 : 1);
}

void
auditor_drain(const struct config *cfg, const int *socks, int n)
{
	struct pollfd *p = calloc((size_t)n, sizeof(*p));
	int queued = 0;

	for (int i = 0; p != NULL && i < n; i++) {
		p[i].fd = socks[i];
		p[i].events = POLLIN;
	}
	if (p != NULL && poll(p, (nfds_t)n, 0) > 0)
		for (int i = 0; i < n; i++)
			queued |= p[i].revents & POLLIN;
	free(p);
	if (queued)
		run(cfg, socks, n, 1);
}
