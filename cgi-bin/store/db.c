/* Opening the database, migrations, the prepared statements and row helpers. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include "store/store.h"
#include "store/internal.h"

/*
 * Waiting for another worker's write lock: SQLite's own busy handler sleeps a whole millisecond
 * at the first try, longer than most write transactions here take. Wait 20 us, doubling up to
 * 1 ms, and give up after 5 s.
 */
static int
busy_wait(void *arg, int tries)
{
	struct timespec ts;
	long us = tries < 6 ? 20L << tries : 1000;

	(void)arg;
	if ((long)tries * 1000 > 5000000L)
		return 0;
	ts.tv_sec = 0;
	ts.tv_nsec = us * 1000;
	nanosleep(&ts, NULL);
	return 1;
}

/* wal: switch the file to WAL mode, a write; a read-only connection leaves the mode as it is. */
static int
pragmas(sqlite3 *db, int wal, char *err, size_t errsz)
{
	char *msg = NULL;

	sqlite3_busy_handler(db, busy_wait, NULL);
	if ((wal && sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, &msg) != SQLITE_OK) ||
	    sqlite3_exec(db, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
	    "PRAGMA temp_store=MEMORY;", NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errsz, "instellen van de database mislukt: %s", msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

void
store_audit_path(const char *dbpath, char *out, size_t outsz)
{
	size_t n = strlen(dbpath);

	if (n > 3 && strcmp(dbpath + n - 3, ".db") == 0)
		snprintf(out, outsz, "%.*s-audit.db", (int)(n - 3), dbpath);
	else
		snprintf(out, outsz, "%s-audit", dbpath);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (p = malloc((size_t)n + 1)) != NULL) {
		if (fread(p, 1, (size_t)n, f) != (size_t)n) {
			free(p);
			p = NULL;
		} else
			p[n] = '\0';
	}
	fclose(f);
	return p;
}

/*
 * The audit file's schema (sql/audit.sql) is idempotent (CREATE ... IF NOT EXISTS): applied at
 * every migration, before the database's own files, which may move rows into it.
 */
static int
audit_file_schema(const char *apath, const char *sqldir, char *err, size_t errsz)
{
	sqlite3 *db = NULL;
	char path[1024], *sql, *msg = NULL;
	int rc = -1;

	snprintf(path, sizeof(path), "%s/audit.sql", sqldir);
	if ((sql = slurp(path)) == NULL) {
		snprintf(err, errsz, "kan %s niet lezen", path);
		return -1;
	}
	if (sqlite3_open(apath, &db) != SQLITE_OK || pragmas(db, 1, err, errsz) != 0 ||
	    sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		snprintf(err, errsz, "%s: %s", apath, msg ? msg : sqlite3_errmsg(db));
	else
		rc = 0;
	sqlite3_free(msg);
	sqlite3_close(db);
	free(sql);
	return rc;
}

/*
 * What a migration may create: the database, the audit file and their -wal, -shm and -journal.
 * A failed migration removes what it created, so it leaves nothing behind (a mistyped --db, a
 * file that is no database); of a file that was there before, nothing is touched. An audit file
 * created next to an existing database stays once a migration has been committed: it may hold
 * rows that migration moved there (007).
 */
static const char *const file_suffix[] = { "", "-wal", "-shm", "-journal" };
#define NSUFFIX (sizeof(file_suffix) / sizeof(file_suffix[0]))

struct created {
	char	 path[2][NSUFFIX][1040];
	int	 existed[2][NSUFFIX];
};

static int
path_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 || errno != ENOENT;
}

static void
created_note(struct created *c, const char *dbpath, const char *apath)
{
	for (size_t i = 0; i < NSUFFIX; i++) {
		snprintf(c->path[0][i], sizeof(c->path[0][i]), "%s%s", dbpath, file_suffix[i]);
		snprintf(c->path[1][i], sizeof(c->path[1][i]), "%s%s", apath, file_suffix[i]);
		c->existed[0][i] = path_exists(c->path[0][i]);
		c->existed[1][i] = path_exists(c->path[1][i]);
	}
}

/* Only a file this run created, with the companions it created: no one else can have it open. */
static void
created_remove(const struct created *c)
{
	for (int f = 0; f < 2; f++)
		for (size_t i = 0; !c->existed[f][0] && i < NSUFFIX; i++)
			if (!c->existed[f][i])
				unlink(c->path[f][i]);
}

/* Migrations are the files sql/NNN_name.sql, applied in order, each in its own transaction. */
int
store_migrate(const char *dbpath, const char *sqldir, char *err, size_t errsz)
{
	sqlite3 *db = NULL;
	DIR *d = NULL;
	struct dirent *de;
	struct created made;
	char *names[512], *msg = NULL;
	size_t n = 0;
	int rc = -1, committed = 0;
	char apath[1024];

	store_audit_path(dbpath, apath, sizeof(apath));
	created_note(&made, dbpath, apath);
	if (sqlite3_open(dbpath, &db) != SQLITE_OK) {
		snprintf(err, errsz, "kan %s niet openen: %s", dbpath, sqlite3_errmsg(db));
		goto out;
	}
	/* The database first: a file that is none gets no audit file next to it. */
	if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
		if (sqlite3_errcode(db) == SQLITE_NOTADB)
			snprintf(err, errsz, "%s is geen SQLite-database", dbpath);
		else
			snprintf(err, errsz, "kan %s niet openen: %s", dbpath, sqlite3_errmsg(db));
		goto out;
	}
	if (pragmas(db, 1, err, errsz) != 0 || audit_file_schema(apath, sqldir, err, errsz) != 0)
		goto out;
	/* A migration may move rows into the audit file (007): it is there as audit_file. */
	{
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, "ATTACH DATABASE ? AS audit_file", -1, &st, NULL) !=
		    SQLITE_OK)
			goto sqlerr;
		sqlite3_bind_text(st, 1, apath, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			goto sqlerr;
		rc = -1;
	}
	if (sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
	    "name TEXT NOT NULL, applied_at INTEGER NOT NULL)", NULL, NULL, &msg) != SQLITE_OK)
		goto sqlerr;
	if ((d = opendir(sqldir)) == NULL) {
		snprintf(err, errsz, "kan de map %s niet openen", sqldir);
		goto out;
	}
	while ((de = readdir(d)) != NULL && n < 512) {
		size_t len = strlen(de->d_name);
		if (len > 8 && de->d_name[0] >= '0' && de->d_name[0] <= '9' &&
		    de->d_name[3] == '_' && strcmp(de->d_name + len - 4, ".sql") == 0)
			names[n++] = strdup(de->d_name);
	}
	qsort(names, n, sizeof(names[0]), cmp_names);
	for (size_t i = 0; i < n; i++) {
		int version = atoi(names[i]), done = 0;
		sqlite3_stmt *st;
		char path[1024], *sql;

		if (sqlite3_prepare_v2(db, "SELECT 1 FROM schema_version WHERE version = ?", -1, &st,
		    NULL) != SQLITE_OK)
			goto sqlerr;
		sqlite3_bind_int(st, 1, version);
		done = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (done)
			continue;
		snprintf(path, sizeof(path), "%s/%s", sqldir, names[i]);
		if ((sql = slurp(path)) == NULL) {
			snprintf(err, errsz, "kan %s niet lezen", path);
			goto out;
		}
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
			snprintf(err, errsz, "%s: %s", names[i], msg ? msg : sqlite3_errmsg(db));
			free(sql);
			sqlite3_free(msg);
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			goto out;
		}
		free(sql);
		if (sqlite3_prepare_v2(db, "INSERT INTO schema_version VALUES (?, ?, ?)", -1, &st,
		    NULL) != SQLITE_OK)
			goto sqlerr;
		sqlite3_bind_int(st, 1, version);
		sqlite3_bind_text(st, 2, names[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE || sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK)
			goto sqlerr;
		committed = 1;
	}
	rc = 0;
	goto out;
sqlerr:
	snprintf(err, errsz, "migrate: %s", msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	rc = -1;
out:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	if (d != NULL)
		closedir(d);
	sqlite3_close(db);
	if (rc != 0 && (!made.existed[0][0] || !committed))
		created_remove(&made);
	return rc;
}

/* Whether this process may write path: allowed, and not a file without any write bit (0444). */
static int
may_write(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && (st.st_mode & 0222) != 0 && access(path, W_OK) == 0;
}

/* Whether a file's directory exists and may be written (to create a -wal or -shm in). */
static int
may_write_dir(const char *path)
{
	char dir[1040];
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return may_write(".");
	if (slash == path)
		return may_write("/");
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	return may_write(dir);
}

/*
 * A read-only command reads a file as immutable (no locks, no -shm) when there is no -wal or
 * -journal next to it and it or its directory may not be written: a backup copy. SQLite would
 * otherwise create a -wal and -shm next to a WAL-mode file, which a read-only connection cannot
 * remove again, and fails where the directory cannot be written. A connection that writes the
 * file keeps its -wal while it is open, so no one is writing it. A live database (a -wal next to
 * it, or one that may be written) is read through an ordinary read-only connection.
 */
static int
read_immutable(const char *path)
{
	char wal[1040], journal[1040];

	snprintf(wal, sizeof(wal), "%s-wal", path);
	snprintf(journal, sizeof(journal), "%s-journal", path);
	if (path_exists(wal) || path_exists(journal))
		return 0;
	return !may_write(path) || !may_write_dir(path);
}

/* Opens one file of the store; what names it in messages ("de database", "het auditlogboek"). */
static int
open_file(const char *path, int writable, const char *what, const char *hint, sqlite3 **db,
    char *err, size_t errsz)
{
	/* A worker is one process with one thread: no mutexes needed on its connections. */
	int flags = SQLITE_OPEN_NOMUTEX;
	struct stat st;
	char uri[3200];
	size_t j = 0;

	*db = NULL;
	if (stat(path, &st) != 0) {
		snprintf(err, errsz, "%s %s %s%s", what, path, errno == ENOENT ? "bestaat niet" :
		    "kan niet worden geopend: ", errno == ENOENT ? hint : strerror(errno));
		return -1;
	}
	if (writable || !read_immutable(path)) {
		flags |= writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
		if (sqlite3_open_v2(path, db, flags, NULL) == SQLITE_OK)
			return 0;
	} else {
		/* file:PATH?immutable=1, the path percent-encoded but for its plain characters */
		static const char hex[] = "0123456789ABCDEF";
		j = (size_t)snprintf(uri, sizeof(uri), "file:");
		for (const unsigned char *p = (const unsigned char *)path; *p != '\0' &&
		    j + 4 < sizeof(uri); p++) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || strchr("/._-~", *p) != NULL)
				uri[j++] = (char)*p;
			else {
				uri[j++] = '%';
				uri[j++] = hex[*p >> 4];
				uri[j++] = hex[*p & 15];
			}
		}
		snprintf(uri + j, sizeof(uri) - j, "?immutable=1");
		flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
		if (sqlite3_open_v2(uri, db, flags, NULL) == SQLITE_OK)
			return 0;
	}
	snprintf(err, errsz, "kan %s %s niet openen: %s", what, path, sqlite3_errmsg(*db));
	return -1;
}

struct store *
store_open(const char *dbpath, char *err, size_t errsz)
{
	return store_open_mode(dbpath, STORE_READWRITE, err, errsz);
}

struct store *
store_open_mode(const char *dbpath, enum store_mode mode, char *err, size_t errsz)
{
	struct store *s = calloc(1, sizeof(*s));
	char apath[1024];
	int rw = mode == STORE_READWRITE, audit_rw;

	if (s == NULL)
		return NULL;
	store_audit_path(dbpath, apath, sizeof(apath));
	/* The export appends to the audit log; where it may not, its entry will fail, not the open. */
	audit_rw = rw || (mode == STORE_READ_AUDIT && may_write(apath) && may_write_dir(apath));
	if (open_file(dbpath, rw, "de database", "", &s->db, err, errsz) != 0 ||
	    open_file(apath, audit_rw, "het auditlogboek", rw ? " (migreer eerst de database: "
	    "verzuimctl migrate --db BESTAND, of start verzuimd)" : " (het hoort naast de database; "
	    "kopieer bij een kopie beide bestanden)", &s->adb, err, errsz) != 0)
		goto fail;
	if (pragmas(s->db, rw, err, errsz) != 0 || pragmas(s->adb, rw, err, errsz) != 0)
		goto fail;
	for (int i = 0; i < STMT__MAX; i++) {
		sqlite3 *c = i >= STMT_AUDIT_BEGIN ? s->adb : s->db;
		if (sqlite3_prepare_v3(c, stmts[i], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[i],
		    NULL) != SQLITE_OK) {
			snprintf(err, errsz, "de database is geen (gemigreerde) Verzuimloket-database: "
			    "opdracht %d: %s", i, sqlite3_errmsg(c));
			goto fail;
		}
	}
	return s;
fail:
	store_close(s);
	return NULL;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	sqlite3_close(s->adb);
	free(s);
}

sqlite3_stmt *
stmt_get(struct store *s, enum stmt id)
{
	sqlite3_stmt *st = s->stmt[id];

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

int
stmt_exec(struct store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	(void)s;
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int
store_ping(struct store *s)
{
	sqlite3_stmt *st = stmt_get(s, STMT_PING);
	int rc = sqlite3_step(st) == SQLITE_ROW ? 0 : -1;

	sqlite3_reset(st);
	return rc;
}

int store_begin(struct store *s) { return stmt_exec(s, stmt_get(s, STMT_BEGIN)); }
int store_commit(struct store *s) { return stmt_exec(s, stmt_get(s, STMT_COMMIT)); }
int store_read_begin(struct store *s) { return stmt_exec(s, stmt_get(s, STMT_BEGIN_READ)); }

void
store_read_end(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		stmt_exec(s, stmt_get(s, STMT_COMMIT));
}
void store_rollback(struct store *s) { stmt_exec(s, stmt_get(s, STMT_ROLLBACK)); }
int64_t store_now(void) { return (int64_t)time(NULL); }

void
col_text(sqlite3_stmt *st, int i, char *dst, size_t dstsz)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	snprintf(dst, dstsz, "%s", t ? (const char *)t : "");
}

json_t *
col_json(sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER: return json_integer(sqlite3_column_int64(st, i));
	case SQLITE_FLOAT: return json_real(sqlite3_column_double(st, i));
	case SQLITE_TEXT: return json_stringn((const char *)sqlite3_column_text(st, i),
	    (size_t)sqlite3_column_bytes(st, i));
	default: return json_null();
	}
}

json_t *
row_json(sqlite3_stmt *st)
{
	json_t *o = json_object();
	int n = sqlite3_column_count(st);

	/* Column names are the statements' own (stmt*.h), valid UTF-8: no check needed. */
	for (int i = 0; i < n; i++)
		json_object_set_new_nocheck(o, sqlite3_column_name(st, i), col_json(st, i));
	return o;
}

json_t *
row1_json(sqlite3_stmt *st)
{
	json_t *o = sqlite3_step(st) == SQLITE_ROW ? row_json(st) : NULL;

	sqlite3_reset(st);
	return o;
}

int64_t
int1(sqlite3_stmt *st, int64_t dflt)
{
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : dflt;

	sqlite3_reset(st);
	return v;
}

json_t *
rows_json(sqlite3_stmt *st)
{
	json_t *a = json_array();

	while (sqlite3_step(st) == SQLITE_ROW)
		json_array_append_new(a, row_json(st));
	sqlite3_reset(st);
	return a;
}

json_t *
store_loketten(struct store *s)
{
	return rows_json(stmt_get(s, STMT_LOKETTEN));
}
