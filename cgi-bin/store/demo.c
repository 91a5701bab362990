/* Demo mode (SPEC §11): the demo data of sql/demo.sql and the demo accounts' password. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <sqlite3.h>
#include "store/store.h"
#include "store/internal.h"
#include "util/secret.h"

#define DEMO_PASSWORD "demo-wachtwoord"

/* Demo BSNs (sql/demo_bsn.csv: student_id,bsn), stored sealed with a keyed hash beside them. */
static int
demo_bsns(struct store *s, const char *sqldir, const unsigned char key[32])
{
	char path[1024], line[128], bsn[16];
	unsigned char sealed[SECRET_SEALED_MAX], hash[32];
	long long id;
	FILE *f;
	int n, rc = 0;

	snprintf(path, sizeof(path), "%s/demo_bsn.csv", sqldir);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
		sqlite3_stmt *st;
		if (sscanf(line, "%lld,%9[0-9]", &id, bsn) != 2 || !bsn_valid(bsn))
			continue;
		if ((n = secret_seal(key, bsn, sealed, sizeof(sealed))) < 0) {
			rc = -1;
			break;
		}
		secret_lookup_hash(key, bsn, hash);
		st = stmt_get(s, STMT_STUDENT_SET_BSN);
		sqlite3_bind_blob(st, 1, sealed, n, SQLITE_STATIC);
		sqlite3_bind_blob(st, 2, hash, 32, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, id);
		rc = stmt_exec(s, st);
	}
	fclose(f);
	return rc;
}

int
store_demo(struct store *s, const char *sqldir, const unsigned char key[32], char *err,
    size_t errsz)
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
	if (demo_bsns(s, sqldir, key) != 0)
		goto fail;
	return 0;
fail:
	snprintf(err, errsz, "demo: %s", sqlite3_errmsg(s->db));
	return -1;
}
