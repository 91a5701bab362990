/* Users, schools, desks and one-time links for the beheer pages. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "store/store.h"
#include "store/internal.h"
#include "rules/rules.h"
#include "store/admin.h"
#include "util/secret.h"

static void
bind_id_or_null(sqlite3_stmt *st, int i, int64_t id)
{
	if (id > 0)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

json_t *
store_admin_users(struct store *s, const char *search, int64_t limit, int64_t offset,
    int64_t *total)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_USER_COUNT);
	char pat[2 * 128 + 3];
	size_t n = 0;

	/* "%text%", with the LIKE wildcards in the text escaped */
	if (search != NULL && *search != '\0') {
		pat[n++] = '%';
		for (const char *p = search; *p != '\0' && n < sizeof(pat) - 3; p++) {
			if (*p == '%' || *p == '_' || *p == '\\')
				pat[n++] = '\\';
			pat[n++] = *p;
		}
		pat[n++] = '%';
	}
	pat[n] = '\0';
	sqlite3_bind_text(st, 3, pat, -1, SQLITE_TRANSIENT);
	*total = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	st = stmt_get(s, STMT_ADMIN_USERS);
	sqlite3_bind_int64(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	sqlite3_bind_text(st, 3, pat, -1, SQLITE_TRANSIENT);
	return rows_json(st);
}

json_t *
store_admin_user(struct store *s, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_USER);

	sqlite3_bind_int64(st, 1, id);
	return row1_json(st);
}

int64_t
store_admin_user_insert(struct store *s, const char *email, const char *name, const char *role,
    int64_t school_id, int64_t loket_id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_EMAIL_EXISTS);
	int taken;

	sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC);
	taken = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (taken)
		return 0;
	st = stmt_get(s, STMT_ADMIN_USER_INSERT);
	sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
	bind_id_or_null(st, 4, school_id);
	bind_id_or_null(st, 5, loket_id);
	if (stmt_exec(s, st) != 0)
		return -1;
	return sqlite3_last_insert_rowid(s->db);
}

int
store_admin_user_update(struct store *s, int64_t id, const char *name, const char *role,
    int64_t school_id, int64_t loket_id, int disabled)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_USER_UPDATE);

	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	bind_id_or_null(st, 3, school_id);
	bind_id_or_null(st, 4, loket_id);
	sqlite3_bind_int(st, 5, disabled ? 1 : 0);
	sqlite3_bind_int64(st, 6, id);
	if (stmt_exec(s, st) != 0)
		return -1;
	/* A changed role or scope takes effect now: end the user's sessions. */
	return store_user_sessions_delete(s, id);
}

int
store_user_sessions_delete(struct store *s, int64_t user_id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_USER_SESSIONS_DELETE);

	sqlite3_bind_int64(st, 1, user_id);
	return stmt_exec(s, st);
}

json_t *store_admin_schools(struct store *s) { return rows_json(stmt_get(s, STMT_ADMIN_SCHOOLS)); }
json_t *store_admin_calendars(struct store *s) { return rows_json(stmt_get(s, STMT_ADMIN_CALENDARS)); }
json_t *store_admin_gemeenten(struct store *s) { return rows_json(stmt_get(s, STMT_ADMIN_GEMEENTEN)); }

json_t *
store_admin_calendar_list(struct store *s)
{
	json_t *cals = rows_json(stmt_get(s, STMT_ADMIN_CALENDAR_LIST)), *c;
	size_t i;

	json_array_foreach(cals, i, c) {
		sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_VACATIONS);
		sqlite3_bind_int64(st, 1, json_integer_value(json_object_get(c, "id")));
		json_object_set_new(c, "vakanties", rows_json(st));
	}
	return cals;
}
json_t *
store_outbox_list(struct store *s, const unsigned char key[32])
{
	sqlite3_stmt *st = stmt_get(s, STMT_OUTBOX_LIST);
	json_t *a = json_array(), *o;

	while (sqlite3_step(st) == SQLITE_ROW) {
		o = row_json(st);
		json_object_del(o, "body_sealed");
		if (sqlite3_column_type(st, 4) == SQLITE_BLOB) {
			char *body = secret_open_buf(key, sqlite3_column_blob(st, 4),
			    (size_t)sqlite3_column_bytes(st, 4));
			json_object_set_new(o, "body", json_string(body ? body : "(onleesbaar)"));
			free(body);
		}
		json_array_append_new(a, o);
	}
	sqlite3_reset(st);
	return a;
}

/* A school's changeable columns as ?1..?7 of STMT_ADMIN_SCHOOL_INSERT and _UPDATE. */
static void
bind_school(sqlite3_stmt *st, const struct admin_school *a)
{
	sqlite3_bind_text(st, 1, a->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->sort, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->region, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, a->calendar_id);
	bind_id_or_null(st, 5, a->gemeente_id);
	sqlite3_bind_text(st, 6, a->phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, a->email, -1, SQLITE_STATIC);
}

int64_t
store_admin_school_insert(struct store *s, const char *brin, const struct admin_school *a)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_BRIN_EXISTS);
	int taken;

	sqlite3_bind_text(st, 1, brin, -1, SQLITE_STATIC);
	taken = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (taken)
		return 0;
	st = stmt_get(s, STMT_ADMIN_SCHOOL_INSERT);
	bind_school(st, a);
	sqlite3_bind_text(st, 8, brin, -1, SQLITE_STATIC);
	if (stmt_exec(s, st) != 0)
		return -1;
	return sqlite3_last_insert_rowid(s->db);
}

/* A desk's changeable columns as ?1..?6 of STMT_ADMIN_LOKET_INSERT and _UPDATE. */
static void
bind_loket(sqlite3_stmt *st, const char *name, const char *department, const char *phone,
    const char *email, int leerplicht, int rmc)
{
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, department, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, email, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, leerplicht ? 1 : 0);
	sqlite3_bind_int(st, 6, rmc ? 1 : 0);
}

int64_t
store_admin_loket_insert(struct store *s, int64_t gemeente_id, const char *name,
    const char *department, const char *phone, const char *email, int leerplicht, int rmc)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_LOKET_INSERT);

	bind_loket(st, name, department, phone, email, leerplicht, rmc);
	sqlite3_bind_int64(st, 7, gemeente_id);
	if (stmt_exec(s, st) != 0)
		return -1;
	return sqlite3_last_insert_rowid(s->db);
}

json_t *
store_admin_school(struct store *s, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_SCHOOL);

	sqlite3_bind_int64(st, 1, id);
	return row1_json(st);
}

int
store_admin_school_update(struct store *s, int64_t id, const struct admin_school *a)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_SCHOOL_UPDATE);

	bind_school(st, a);
	sqlite3_bind_int64(st, 8, id);
	return stmt_exec(s, st);
}

json_t *
store_admin_loket(struct store *s, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_LOKET);

	sqlite3_bind_int64(st, 1, id);
	return row1_json(st);
}

int
store_admin_loket_update(struct store *s, int64_t id, const char *name, const char *department,
    const char *phone, const char *email, int leerplicht, int rmc)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_LOKET_UPDATE);

	bind_loket(st, name, department, phone, email, leerplicht, rmc);
	sqlite3_bind_int64(st, 7, id);
	return stmt_exec(s, st);
}

int64_t
store_admin_loket_users(struct store *s, int64_t id, const char *role)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_LOKET_USERS_OF_ROLE);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	return int1(st, -1);
}

int
store_admin_exists(struct store *s, const char *what, int64_t id)
{
	enum stmt q;
	sqlite3_stmt *st;
	int found;

	if (strcmp(what, "school") == 0)
		q = STMT_ADMIN_EXISTS_SCHOOL;
	else if (strcmp(what, "loket") == 0)
		q = STMT_ADMIN_EXISTS_LOKET;
	else if (strcmp(what, "loket_leerplicht") == 0)
		q = STMT_ADMIN_EXISTS_LOKET_LEERPLICHT;
	else if (strcmp(what, "loket_rmc") == 0)
		q = STMT_ADMIN_EXISTS_LOKET_RMC;
	else if (strcmp(what, "gemeente") == 0)
		q = STMT_ADMIN_EXISTS_GEMEENTE;
	else if (strcmp(what, "calendar") == 0)
		q = STMT_ADMIN_EXISTS_CALENDAR;
	else
		return 0;
	st = stmt_get(s, q);
	sqlite3_bind_int64(st, 1, id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

int
store_token_insert(struct store *s, const unsigned char hash[32], int64_t user_id,
    const char *purpose, int64_t expires_at)
{
	sqlite3_stmt *st = stmt_get(s, STMT_TOKEN_INSERT);

	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_text(st, 3, purpose, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, expires_at);
	return stmt_exec(s, st);
}

int
store_token_find(struct store *s, const unsigned char hash[32], int64_t now, int64_t *id,
    int64_t *user_id, char purpose[16], char email[256])
{
	sqlite3_stmt *st = stmt_get(s, STMT_TOKEN_FIND);
	int rc = 1;

	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*user_id = sqlite3_column_int64(st, 1);
		col_text(st, 2, purpose, 16);
		col_text(st, 3, email, 256);
		rc = 0;
	}
	sqlite3_reset(st);
	return rc;
}

int
store_token_use(struct store *s, int64_t id, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_TOKEN_USE);

	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, id);
	if (stmt_exec(s, st) != 0)
		return -1;
	return sqlite3_changes(s->db) == 1 ? 0 : 1;
}

int
store_user_set_password(struct store *s, int64_t user_id, const char *pw_hash)
{
	sqlite3_stmt *st = stmt_get(s, STMT_USER_SET_PW);

	sqlite3_bind_text(st, 1, pw_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	return stmt_exec(s, st);
}

int64_t
store_user_id_by_email(struct store *s, const char *email)
{
	struct login_user lu;

	return store_user_for_login(s, email, &lu) == 0 && !lu.disabled ? lu.id : 0;
}

int64_t
store_admin_school_by_brin(struct store *s, const char *brin)
{
	sqlite3_stmt *st = stmt_get(s, STMT_ADMIN_SCHOOL_BY_BRIN);

	sqlite3_bind_text(st, 1, brin, -1, SQLITE_STATIC);
	return int1(st, 0);
}

int64_t
store_calendar_id(struct store *s, const char *name)
{
	sqlite3_stmt *st = stmt_get(s, STMT_CALENDAR_FIND);

	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	return int1(st, 0);
}

int
store_calendar_name(struct store *s, int64_t id, char *out, size_t outsz)
{
	sqlite3_stmt *st = stmt_get(s, STMT_CALENDAR_NAME);
	int rc = 1;

	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		col_text(st, 0, out, outsz);
		rc = 0;
	}
	sqlite3_reset(st);
	return rc;
}

int64_t
store_calendar_replace(struct store *s, const char *name, const struct vacation_row *v, size_t n)
{
	sqlite3_stmt *st;
	int64_t id;

	if (store_begin(s) != 0)
		return -1;
	if ((id = store_calendar_id(s, name)) == 0) {
		st = stmt_get(s, STMT_CALENDAR_INSERT);
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (stmt_exec(s, st) != 0)
			goto fail;
		id = sqlite3_last_insert_rowid(s->db);
	}
	st = stmt_get(s, STMT_VACATIONS_DELETE);
	sqlite3_bind_int64(st, 1, id);
	if (stmt_exec(s, st) != 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		st = stmt_get(s, STMT_VACATION_INSERT);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, v[i].start, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, v[i].end, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, v[i].name, -1, SQLITE_STATIC);
		if (stmt_exec(s, st) != 0)
			goto fail;
	}
	if (store_commit(s) != 0)
		goto fail;
	return id;
fail:
	store_rollback(s);
	return -1;
}

/* ---------------------------------------------------------------- region policies */

static void
bind_policy(sqlite3_stmt *st, const struct rules_policy *p)
{
	sqlite3_bind_text(st, 1, p->regio, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, p->uren_16uur);
	sqlite3_bind_int(st, 3, p->licht_uren);
	sqlite3_bind_int(st, 4, p->te_laat_aantal);
	sqlite3_bind_int(st, 5, p->ziek_dagen);
	sqlite3_bind_int(st, 6, p->ziek_meldingen);
	sqlite3_bind_int(st, 7, p->schorsing_max);
	sqlite3_bind_int(st, 8, p->dag_minuten);
}

int
store_policies_seed(struct store *s, const struct rules_policy *defaults, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = stmt_get(s, STMT_POLICY_SEED);
		bind_policy(st, &defaults[i]);
		if (stmt_exec(s, st) != 0)
			return -1;
	}
	return 0;
}

int
store_policies_load(struct store *s, struct rules_policy *out, size_t max, size_t *n)
{
	sqlite3_stmt *st = stmt_get(s, STMT_POLICY_ALL);
	int rc;

	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		struct rules_policy *p = &out[(*n)++];
		col_text(st, 0, p->regio, sizeof(p->regio));
		p->uren_16uur = sqlite3_column_int(st, 1);
		p->licht_uren = sqlite3_column_int(st, 2);
		p->te_laat_aantal = sqlite3_column_int(st, 3);
		p->ziek_dagen = sqlite3_column_int(st, 4);
		p->ziek_meldingen = sqlite3_column_int(st, 5);
		p->schorsing_max = sqlite3_column_int(st, 6);
		p->dag_minuten = sqlite3_column_int(st, 7);
		p->bevrijdingsdag = sqlite3_column_int(st, 8) != 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

json_t *
store_policy_list(struct store *s)
{
	return rows_json(stmt_get(s, STMT_POLICY_LIST));
}

int
store_policy_update(struct store *s, const struct rules_policy *p, int64_t user_id, int64_t now)
{
	sqlite3_stmt *st = stmt_get(s, STMT_POLICY_UPDATE);

	bind_policy(st, p);
	sqlite3_bind_int64(st, 9, now);
	sqlite3_bind_int64(st, 10, user_id);
	sqlite3_bind_int(st, 11, p->bevrijdingsdag != 0);
	if (stmt_exec(s, st) != 0)
		return -1;
	return sqlite3_changes(s->db) == 1 ? 0 : 1;
}

int
store_export_meldingen(struct store *s, int64_t from, int64_t to, int64_t loket,
    void (*row)(void *arg, const char *const cols[13]), void *arg)
{
	sqlite3_stmt *st = stmt_get(s, STMT_EXPORT_MELDINGEN);
	const char *cols[13];
	int rc;

	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	sqlite3_bind_int64(st, 3, loket);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < 13; i++) {
			const unsigned char *t = sqlite3_column_text(st, i);
			cols[i] = t ? (const char *)t : "";
		}
		row(arg, cols);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}
