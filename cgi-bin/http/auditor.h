/*
 * The auditor: one process of verzuimd that writes every worker's audit entries, so that the
 * entries of many requests share one transaction of the audit file (group commit) instead of
 * each worker taking the file's write lock for one row.
 *
 * Each worker slot has its own SOCK_SEQPACKET pair, made once by the master, which keeps both
 * ends open: a queued entry outlives the worker that sent it and the auditor that was about to
 * write it. A worker hands its entry over before the page goes out and does not wait. The
 * auditor reads an entry without taking it off the queue, commits, and only then takes it off:
 * a killed auditor's successor writes what was not committed (an entry may then be written
 * twice, never lost). When an entry cannot be handed over (no auditor, a full queue), the
 * worker writes it itself (store_audit).
 */
#ifndef HTTP_AUDITOR_H
#define HTTP_AUDITOR_H

#include <stdint.h>

struct config;
struct store;

struct audit_msg {
	int64_t		 user_id;
	int64_t		 at;
	char		 action[32];
	char		 object[200];
	char		 addr[64];
};

/* The worker side: hand one entry to the auditor over fd (> 0), or write it with store_audit. */
void	auditor_send(int fd, struct store *, int64_t user_id, const char *action,
	    const char *object, const char *addr);

/* The auditor process: serve the n sockets until SIGTERM, then write what is queued and exit. */
void	auditor_main(const struct config *, const int *socks, int n);
/*
 * The master, once the workers and the auditor have stopped: write what is still queued (an
 * auditor stopped before the workers, as a signal to the whole process group does).
 */
void	auditor_drain(const struct config *, const int *socks, int n);

#endif /* HTTP_AUDITOR_H */
