/* Demo mode (SPEC §11): the demo data of sql/demo.sql and the demo accounts' password. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <sqlite3.h>
#include "store/store.h"
#include "store/internal.h"

#define DEMO_PASSWORD "demo-wachtwoord"

int
store_demo(struct store *s, const char *sqldir, char *err, size_t errsz)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_COUNT);
	int schools = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	char path[1024], *sql = NULL, *msg = NULL, hash[crypto_pwhash_STRBYTES];
	int64_t ids[64];
	size_t n = 0;
	FILE *f;
	long len;

	sqlite3_reset(st);
	if (schools < 0)
		goto fail;
	if (schools == 0) {
		snprintf(path, sizeof(path), "%s/demo.sql", sqldir);
		if ((f = fopen(path, "rb")) == NULL) {
			snprintf(err, errsz, "cannot open %s", path);
			return -1;
		}
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		fseek(f, 0, SEEK_SET);
		if (len < 0 || (sql = malloc((size_t)len + 1)) == NULL ||
		    fread(sql, 1, (size_t)len, f) != (size_t)len) {
			fclose(f);
			free(sql);
			snprintf(err, errsz, "cannot read %s", path);
			return -1;
		}
		fclose(f);
		sql[len] = '\0';
		if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
			snprintf(err, errsz, "demo.sql: %s", msg ? msg : "?");
			sqlite3_free(msg);
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			free(sql);
			return -1;
		}
		free(sql);
	}
	st = stmt_get(s, STMT_USERS_WITHOUT_PW);
	while (n < 64 && sqlite3_step(st) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	for (size_t i = 0; i < n; i++) {
		if (crypto_pwhash_str(hash, DEMO_PASSWORD, strlen(DEMO_PASSWORD),
		    crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
			goto fail;
		st = stmt_get(s, STMT_USER_SET_PW);
		sqlite3_bind_text(st, 1, hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, ids[i]);
		if (stmt_exec(s, st) != 0)
			goto fail;
	}
	return 0;
fail:
	snprintf(err, errsz, "demo: %s", sqlite3_errmsg(s->db));
	return -1;
}
