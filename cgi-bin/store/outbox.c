/* The outbox: mail is queued here in the same transaction as the change it tells about. */
#include <stdlib.h>
#include <sqlite3.h>
#include "util/secret.h"
#include "store/store.h"
#include "store/internal.h"

int
store_outbox_add(struct store *s, const char *to, const char *subject, const char *body)
{
	sqlite3_stmt *st = stmt_get(s, STMT_OUTBOX_ADD);

	sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
	return stmt_exec(s, st);
}

int
store_outbox_add_sealed(struct store *s, const unsigned char key[32], const char *to,
    const char *subject, const char *body)
{
	sqlite3_stmt *st;
	unsigned char *sealed;
	size_t n;
	int rc;

	if ((sealed = secret_seal_buf(key, body, &n)) == NULL)
		return -1;
	st = stmt_get(s, STMT_OUTBOX_ADD_SEALED);
	sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, subject, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, sealed, (int)n, SQLITE_STATIC);
	rc = stmt_exec(s, st);
	free(sealed);
	return rc;
}
