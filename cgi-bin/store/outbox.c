/* The outbox: mail is queued here in the same transaction as the change it tells about. */
#include <sqlite3.h>
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
