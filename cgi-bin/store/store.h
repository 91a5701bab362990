/*
 * The store: SQLite in WAL mode. All SQL text lives in store/stmt.c, prepared once per connection.
 * Functions that read personal data take the session's user and return only what is in scope.
 */
#ifndef STORE_STORE_H
#define STORE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct store;
struct user;

/*
 * Apply sql/audit.sql to the audit file and sql/NNN_*.sql not yet applied to the database, in
 * order; 0 or -1 with err. Run once, before workers.
 */
int	 store_migrate(const char *dbpath, const char *sqldir, char *err, size_t errsz);
/* The audit log's file next to the database: "x.db" gives "x-audit.db", else "x-audit". */
void	 store_audit_path(const char *dbpath, char *out, size_t outsz);
/* How a command uses the files: verzuimd and the commands that change data open both for writing
 * (and set WAL mode); a read-only command changes nothing on disk, also on a read-only backup
 * copy; the export reads the database and appends its entry to the audit log. */
enum store_mode {
	STORE_READWRITE,	/* both files read and written */
	STORE_READONLY,		/* both read-only: no journal mode set, no -wal/-shm on a copy */
	STORE_READ_AUDIT,	/* the database read-only; the audit log written where it may be */
	STORE_MODE__MAX
};
/* Opens an existing, migrated database and its audit file; NULL with a Dutch err. */
struct store *store_open(const char *dbpath, char *err, size_t errsz);	/* STORE_READWRITE */
struct store *store_open_mode(const char *dbpath, enum store_mode, char *err, size_t errsz);
void	 store_close(struct store *);
int	 store_ping(struct store *);
int	 store_begin(struct store *);
/*
 * A read-only page: its queries see one snapshot, and the read lock is taken once, not once per
 * statement. Only reads in between (audit() is fine: its own file and connection); end with
 * store_read_end.
 */
int	 store_read_begin(struct store *);
void	 store_read_end(struct store *);
int	 store_commit(struct store *);
void	 store_rollback(struct store *);
int64_t	 store_now(void);

/* Demo mode: load sql/demo.sql into an empty database and set the demo accounts' password. */
int	 store_demo(struct store *, const char *sqldir, const unsigned char key[32], char *err,
	    size_t errsz);

/* Organisation, for the layout's footer and the beheer pages (no personal data). */
json_t	*store_loketten(struct store *);

/* Accounts and sessions (store/account.c) */
struct login_user {
	int64_t	 id;
	char	 pw_hash[256];
	int	 disabled;
};
int	 store_user_for_login(struct store *, const char *email, struct login_user *);
int	 store_user_load(struct store *, int64_t id, struct user *);
int64_t	 store_session_create(struct store *, const unsigned char hash[32], int64_t user_id,
	    const char *csrf, int64_t now);
/* Finds a live session by token hash; fills user and csrf; 0 found, 1 none, -1 error. */
int	 store_session_find(struct store *, const unsigned char hash[32], int64_t now,
	    int64_t idle, int64_t absolute, int64_t *sid, struct user *, char csrf[65]);
int	 store_session_delete(struct store *, int64_t sid);
/* Failed log-ins since a time: [0] this account from this address, [1] any account from this
 * address, [2] this account from any address. */
int	 store_login_failures(struct store *, const unsigned char ehash[32], const char *addr,
	    int64_t since, int counts[3]);
int	 store_login_failure_add(struct store *, const unsigned char ehash[32], const char *addr,
	    int64_t now);

/* Queue a mail in the outbox (delivered by the sender, shown on the demo outbox page). */
int	 store_outbox_add(struct store *, const char *to, const char *subject, const char *body);
/* The same for a mail that carries a secret (a one-time link): the body is stored sealed. */
int	 store_outbox_add_sealed(struct store *, const unsigned char key[32], const char *to,
	    const char *subject, const char *body);

/* Audit log (store/audit.c): append one entry, chained to the previous one. */
int	 store_audit(struct store *, int64_t user_id, const char *action, const char *object,
	    const char *addr);

/* One entry of a batch; at: its own time (the moment of access, not of writing). */
struct audit_entry {
	int64_t		 user_id;	/* 0: none */
	int64_t		 at;
	const char	*action;
	const char	*object;
	const char	*addr;
};

/* Append n entries in order, chained, in one transaction: all or none (-1). */
int	 store_audit_many(struct store *, const struct audit_entry *, size_t n);

/*
 * Recompute the audit chain. 0: intact (*n entries); 1: *first_bad is the first entry whose hash
 * does not follow from its fields and its predecessor (changed, inserted or one before removed);
 * -1: database error.
 */
int	 store_audit_verify(struct store *, int64_t *n, int64_t *first_bad);

#endif /* STORE_STORE_H */
