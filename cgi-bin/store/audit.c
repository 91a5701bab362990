/*
 * The audit log: append-only, each entry's hash = BLAKE2b(previous hash || the entry's fields), so
 * a changed or removed row breaks the chain from there on (verzuimctl audit verify).
 */
#include <string.h>
#include <sodium.h>
#include <sqlite3.h>
#include "store/store.h"
#include "store/internal.h"
#include "store/audit.h"

void
audit_hash(const unsigned char prev[32], int64_t id, int64_t at, int64_t user_id,
    const char *action, const char *object, const char *addr, unsigned char out[32])
{
	crypto_generichash_state h;
	unsigned char nums[24];

	for (int i = 0; i < 8; i++) {
		nums[i] = (unsigned char)((uint64_t)id >> (8 * i));
		nums[8 + i] = (unsigned char)((uint64_t)at >> (8 * i));
		nums[16 + i] = (unsigned char)((uint64_t)user_id >> (8 * i));
	}
	crypto_generichash_init(&h, NULL, 0, 32);
	crypto_generichash_update(&h, prev, 32);
	crypto_generichash_update(&h, nums, sizeof(nums));
	/* Each text with its terminating NUL, so fields cannot shift into each other. */
	crypto_generichash_update(&h, (const unsigned char *)action, strlen(action) + 1);
	crypto_generichash_update(&h, (const unsigned char *)object, strlen(object) + 1);
	crypto_generichash_update(&h, (const unsigned char *)addr, strlen(addr) + 1);
	crypto_generichash_final(&h, out, 32);
}

int
store_audit(struct store *s, int64_t user_id, const char *action, const char *object,
    const char *addr)
{
	struct audit_entry e = { user_id, store_now(), action, object, addr };

	return store_audit_many(s, &e, 1);
}

int
store_audit_many(struct store *s, const struct audit_entry *e, size_t n)
{
	unsigned char prev[32], hash[32];
	sqlite3_stmt *st;
	int64_t id;
	int rc = 0;

	/*
	 * The chain needs the previous row: read and append in one write transaction of the audit
	 * file's own connection, apart from whatever the caller has open on the main database. A
	 * batch (the auditor process, http/auditor.c) shares that transaction's cost.
	 */
	if (stmt_exec(s, stmt_get(s, STMT_AUDIT_BEGIN)) != 0)
		return -1;
	memset(prev, 0, sizeof(prev));
	id = 1;
	st = stmt_get(s, STMT_AUDIT_LAST);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0) + 1;
		if (sqlite3_column_bytes(st, 1) == 32)
			memcpy(prev, sqlite3_column_blob(st, 1), 32);
	}
	sqlite3_reset(st);
	for (size_t i = 0; i < n && rc == 0; i++, id++) {
		audit_hash(prev, id, e[i].at, e[i].user_id, e[i].action, e[i].object, e[i].addr,
		    hash);
		st = stmt_get(s, STMT_AUDIT_INSERT);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, e[i].at);
		if (e[i].user_id > 0)
			sqlite3_bind_int64(st, 3, e[i].user_id);
		else
			sqlite3_bind_null(st, 3);
		sqlite3_bind_text(st, 4, e[i].action, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, e[i].object, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, e[i].addr, -1, SQLITE_STATIC);
		sqlite3_bind_blob(st, 7, hash, 32, SQLITE_STATIC);
		rc = stmt_exec(s, st);
		memcpy(prev, hash, 32);
	}
	if (rc == 0)
		rc = stmt_exec(s, stmt_get(s, STMT_AUDIT_COMMIT));
	else
		stmt_exec(s, stmt_get(s, STMT_AUDIT_ROLLBACK));
	return rc;
}

/*
 * Whether a row is stored the way store_audit_many writes it: the hash covers values, not how
 * SQLite stores them, so a row changed without changing its hash input (user_id 0 for NULL, a
 * number stored as text, text with a NUL and more after it, a blob for a text) is a change too.
 */
static int
audit_row_canonical(sqlite3_stmt *st)
{
	if (sqlite3_column_type(st, 0) != SQLITE_INTEGER ||
	    sqlite3_column_type(st, 1) != SQLITE_INTEGER ||
	    (sqlite3_column_type(st, 2) != SQLITE_NULL &&
	    (sqlite3_column_type(st, 2) != SQLITE_INTEGER || sqlite3_column_int64(st, 2) <= 0)) ||
	    sqlite3_column_type(st, 6) != SQLITE_BLOB || sqlite3_column_bytes(st, 6) != 32)
		return 0;
	for (int c = 3; c <= 5; c++) {
		const unsigned char *t;
		if (sqlite3_column_type(st, c) != SQLITE_TEXT ||
		    (t = sqlite3_column_text(st, c)) == NULL ||
		    strlen((const char *)t) != (size_t)sqlite3_column_bytes(st, c))
			return 0;
	}
	return 1;
}

int
store_audit_verify(struct store *s, int64_t *n, int64_t *first_bad)
{
	sqlite3_stmt *st = stmt_get(s, STMT_AUDIT_ALL);
	unsigned char prev[32], want[32];
	int64_t expect = 0;
	int step, rc = 0;

	*n = 0;
	*first_bad = 0;
	memset(prev, 0, sizeof(prev));
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		/* First, before any sqlite3_column_text may convert a value. */
		int canonical = audit_row_canonical(st);
		int64_t id = sqlite3_column_int64(st, 0);
		const char *action = (const char *)sqlite3_column_text(st, 3);
		const char *object = (const char *)sqlite3_column_text(st, 4);
		const char *addr = (const char *)sqlite3_column_text(st, 5);

		audit_hash(prev, id, sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
		    action ? action : "", object ? object : "", addr ? addr : "", want);
		if ((expect != 0 && id != expect) || !canonical ||
		    sodium_memcmp(want, sqlite3_column_blob(st, 6), 32) != 0) {
			*first_bad = id;
			rc = 1;
			break;
		}
		memcpy(prev, sqlite3_column_blob(st, 6), 32);
		expect = id + 1;
		(*n)++;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = -1;
	sqlite3_reset(st);
	return rc;
}
