/* Accounts, sessions and failed log-ins. */
#include <string.h>
#include <sqlite3.h>
#include "store/store.h"
#include "store/internal.h"
#include "util/user.h"

int
store_user_for_login(struct store *s, const char *email, struct login_user *lu)
{
	sqlite3_stmt *st = stmt_get(s, STMT_USER_FOR_LOGIN);
	int rc = 1;

	memset(lu, 0, sizeof(*lu));
	sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		lu->id = sqlite3_column_int64(st, 0);
		col_text(st, 1, lu->pw_hash, sizeof(lu->pw_hash));
		lu->disabled = sqlite3_column_int(st, 2);
		rc = 0;
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = -1;
	}
	sqlite3_reset(st);
	return rc;
}

static void
fill_user(sqlite3_stmt *st, int c, struct user *u)
{
	char role[32];

	u->id = sqlite3_column_int64(st, c);
	col_text(st, c + 1, role, sizeof(role));
	u->role = role_parse(role);
	u->school_id = sqlite3_column_int64(st, c + 2);
	u->loket_id = sqlite3_column_int64(st, c + 3);
	col_text(st, c + 4, u->email, sizeof(u->email));
	col_text(st, c + 5, u->name, sizeof(u->name));
}

int
store_user_load(struct store *s, int64_t id, struct user *u)
{
	sqlite3_stmt *st = stmt_get(s, STMT_USER_LOAD);
	int rc = 1;

	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		fill_user(st, 0, u);
		rc = 0;
	}
	sqlite3_reset(st);
	return rc;
}

int64_t
store_session_create(struct store *s, const unsigned char hash[32], int64_t user_id,
    const char *csrf, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_INSERT);

	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int64(st, 5, now);
	if (stmt_exec(s, st) != 0)
		return -1;
	return sqlite3_last_insert_rowid(s->db);
}

int
store_session_find(struct store *s, const unsigned char hash[32], int64_t now, int64_t idle,
    int64_t absolute, int64_t *sid, struct user *u, char csrf[65])
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_FIND);
	int64_t created, seen;
	int rc = 1;

	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*sid = sqlite3_column_int64(st, 0);
		col_text(st, 1, csrf, 65);
		created = sqlite3_column_int64(st, 2);
		seen = sqlite3_column_int64(st, 3);
		fill_user(st, 4, u);
		rc = (now - seen > idle || now - created > absolute) ? 2 : 0;
	}
	sqlite3_reset(st);
	if (rc == 2) {
		store_session_delete(s, *sid);
		return 1;
	}
	if (rc == 0 && now - seen >= 60) {
		/* Touch at most once a minute: most requests stay read-only (an UPDATE, even one that
		 * changes nothing, would take the database's write lock). */
		st = stmt_get(s, STMT_SESSION_TOUCH);
		sqlite3_bind_int64(st, 1, now);
		sqlite3_bind_int64(st, 2, *sid);
		sqlite3_bind_int64(st, 3, now - 60);
		stmt_exec(s, st);
	}
	return rc;
}

int
store_session_delete(struct store *s, int64_t sid)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SESSION_DELETE);

	sqlite3_bind_int64(st, 1, sid);
	return stmt_exec(s, st);
}

int
store_login_failures(struct store *s, const unsigned char ehash[32], const char *addr,
    int64_t since, int counts[3])
{
	sqlite3_stmt *st = stmt_get(s, STMT_LOGIN_FAILURES);
	int rc = -1;

	counts[0] = counts[1] = counts[2] = 0;
	sqlite3_bind_blob(st, 1, ehash, 32, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, addr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, since);
	if (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < 3; i++)
			counts[i] = sqlite3_column_int(st, i);
		rc = 0;
	}
	sqlite3_reset(st);
	return rc;
}

int
store_login_failure_add(struct store *s, const unsigned char ehash[32], const char *addr,
    int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LOGIN_FAILURE_ADD);

	sqlite3_bind_blob(st, 1, ehash, 32, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, addr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	return stmt_exec(s, st);
}
