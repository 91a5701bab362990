/* The outbox as the mail sender (verzuimctl mail) sees it: what is due, and how a try went. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "store/store.h"
#include "store/internal.h"
#include "store/leave.h"
#include "util/secret.h"

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return strdup(t ? (const char *)t : "");
}

int
store_outbox_due(struct store *s, const unsigned char *key, int64_t now, struct outbox_mail *out,
    size_t max, size_t *n)
{
	sqlite3_stmt *st = stmt_get(s, STMT_OUTBOX_DUE);
	int rc;

	*n = 0;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		struct outbox_mail *m = &out[*n];
		m->id = sqlite3_column_int64(st, 0);
		m->to = col_dup(st, 1);
		m->subject = col_dup(st, 2);
		m->tries = sqlite3_column_int(st, 4);
		if (sqlite3_column_type(st, 5) == SQLITE_BLOB)
			m->body = key == NULL ? NULL : secret_open_buf(key, sqlite3_column_blob(st, 5),
			    (size_t)sqlite3_column_bytes(st, 5));
		else
			m->body = col_dup(st, 3);
		(*n)++;
		if (m->to == NULL || m->subject == NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_outbox_free(out, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void
store_outbox_free(struct outbox_mail *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].to);
		free(m[i].subject);
		free(m[i].body);
		m[i].to = m[i].subject = m[i].body = NULL;
	}
}

int
store_outbox_sent(struct store *s, int64_t id, int tries)
{
	sqlite3_stmt *st = stmt_get(s, STMT_OUTBOX_SENT);

	sqlite3_bind_int(st, 1, tries);
	sqlite3_bind_int64(st, 2, id);
	return stmt_exec(s, st);
}

int
store_outbox_failed(struct store *s, int64_t id, int tries, int64_t next_try_at, int final,
    const char *error)
{
	sqlite3_stmt *st = stmt_get(s, STMT_OUTBOX_FAILED);

	sqlite3_bind_text(st, 1, final ? "mislukt" : "wachtend", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, tries);
	sqlite3_bind_int64(st, 3, next_try_at);
	sqlite3_bind_text(st, 4, error, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, id);
	return stmt_exec(s, st);
}
