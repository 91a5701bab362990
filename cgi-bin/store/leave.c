/* Leave requests (SPEC §8): scoped reads, the request's life from submission to decision. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "store/store.h"
#include "store/internal.h"
#include "store/leave.h"
#include "util/user.h"

static void
bind_name_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0) {
		if (v == NULL)
			sqlite3_bind_null(st, i);
		else
			sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	}
}

static void
bind_name_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

/* The scope of LEAVE_SCOPE: from the session's user only. */
static void
bind_scope(sqlite3_stmt *st, const struct user *u)
{
	bind_name_text(st, ":role", roles[u->role]);
	bind_name_int(st, ":uid", u->id);
	bind_name_int(st, ":school", u->school_id);
	bind_name_int(st, ":loket", u->loket_id);
}

static void
bind_opt_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

json_t *
store_leave_children(struct store *s, const struct user *u)
{
	sqlite3_stmt *st;

	if (u->role != ROLE_OUDER)
		return json_array();
	st = stmt_get(s, STMT_LEAVE_CHILDREN);
	sqlite3_bind_int64(st, 1, u->id);
	return rows_json(st);
}

int
store_leave_student(struct store *s, const struct user *u, int64_t id, struct leave_student *out)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_STUDENT);
	int rc;

	bind_name_int(st, ":id", id);
	bind_scope(st, u);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof(*out));
		out->id = sqlite3_column_int64(st, 0);
		out->school_id = sqlite3_column_int64(st, 1);
		out->gemeente_id = sqlite3_column_int64(st, 2);
		out->calendar_id = sqlite3_column_int64(st, 3);
		col_text(st, 4, out->name, sizeof(out->name));
		col_text(st, 5, out->birth_date, sizeof(out->birth_date));
		out->startkwalificatie = sqlite3_column_int(st, 6);
		out->exempt = sqlite3_column_int(st, 7);
		out->days_per_week = sqlite3_column_int(st, 8);
		col_text(st, 9, out->school_name, sizeof(out->school_name));
		col_text(st, 10, out->school_sort, sizeof(out->school_sort));
		col_text(st, 11, out->school_email, sizeof(out->school_email));
		col_text(st, 12, out->region, sizeof(out->region));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
store_leave_vacations(struct store *s, int64_t calendar_id, struct rules_vacation *out, size_t max,
    size_t *n)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_VACATIONS);
	int rc;

	*n = 0;
	sqlite3_bind_int64(st, 1, calendar_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		const char *a = (const char *)sqlite3_column_text(st, 0);
		const char *b = (const char *)sqlite3_column_text(st, 1);
		if (a == NULL || b == NULL || rules_date_parse(a, strlen(a), &out[*n].start) != 0 ||
		    rules_date_parse(b, strlen(b), &out[*n].end) != 0)
			continue;
		(*n)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
store_leave_prior(struct store *s, int64_t student_id, const char *school_year, int64_t except_id,
    int *days_11g, int *has_11f)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_PRIOR);
	int rc;

	*days_11g = 0;
	*has_11f = 0;
	sqlite3_bind_int64(st, 1, student_id);
	sqlite3_bind_text(st, 2, school_year, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, except_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *g = (const char *)sqlite3_column_text(st, 0);
		if (g != NULL && strcmp(g, "11g") == 0)
			*days_11g = sqlite3_column_int(st, 1);
		else if (g != NULL && strcmp(g, "11f") == 0)
			*has_11f = sqlite3_column_int(st, 2) > 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int64_t
store_leave_overlap(struct store *s, int64_t student_id, const char *van, const char *tot)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_OVERLAP);
	int64_t id = 0;

	sqlite3_bind_int64(st, 1, student_id);
	sqlite3_bind_text(st, 2, tot, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, van, -1, SQLITE_STATIC);
	id = int1(st, id);
	return id;
}

json_t *
store_leave_granted(struct store *s, int64_t student_id, const char *school_year)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_GRANTED);

	sqlite3_bind_int64(st, 1, student_id);
	sqlite3_bind_text(st, 2, school_year, -1, SQLITE_STATIC);
	return rows_json(st);
}

int64_t
store_leave_attachment_add(struct store *s, const struct user *u, const char *filename,
    const char *ctype, const void *data, size_t size, const char *sha256hex)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_ATT_ADD);

	sqlite3_bind_text(st, 1, filename, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ctype, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)size);
	sqlite3_bind_text(st, 4, sha256hex, -1, SQLITE_STATIC);
	sqlite3_bind_blob64(st, 5, data, size, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, u->id);
	if (stmt_exec(s, st) != 0)
		return -1;
	return sqlite3_last_insert_rowid(s->db);
}

int
store_leave_attachments_purge(struct store *s, const struct user *u)
{
	sqlite3_stmt *st;

	if (u->role != ROLE_OUDER)
		return 0;
	st = stmt_get(s, STMT_LEAVE_ATT_PURGE);
	sqlite3_bind_int64(st, 1, u->id);
	sqlite3_bind_int64(st, 2, store_now() - 86400);
	return stmt_exec(s, st);
}

int64_t
store_leave_attachments_pending_bytes(struct store *s, const struct user *u)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_ATT_PENDING_BYTES);

	sqlite3_bind_int64(st, 1, u->id);
	return int1(st, -1);
}

json_t *
store_leave_attachment_pending(struct store *s, const struct user *u, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_ATT_PENDING);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, u->id);
	return row1_json(st);
}

static int
event_add(struct store *s, int64_t id, int64_t user_id, const char *kind, const char *status,
    const char *text)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_EVENT_ADD);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, store_now());
	sqlite3_bind_int64(st, 3, user_id);
	sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, text ? text : "", -1, SQLITE_STATIC);
	return stmt_exec(s, st);
}

int64_t
store_leave_by_token(struct store *s, const struct user *u, const char *token)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_BY_TOKEN);
	int64_t id = 0;

	sqlite3_bind_text(st, 1, token, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, u->id);
	id = int1(st, id);
	return id;
}

int64_t
store_leave_create(struct store *s, const struct user *u, const struct leave_new *n)
{
	sqlite3_stmt *st;
	int64_t id;

	if (store_begin(s) != 0)
		return -1;
	if (n->client_token != NULL && (id = store_leave_by_token(s, u, n->client_token)) > 0) {
		store_rollback(s);
		return id;
	}
	st = stmt_get(s, STMT_LEAVE_INSERT);
	sqlite3_bind_int64(st, 1, n->student_id);
	sqlite3_bind_int64(st, 2, n->school_id);
	sqlite3_bind_int64(st, 3, u->id);
	sqlite3_bind_text(st, 4, n->ground, -1, SQLITE_STATIC);
	bind_opt_text(st, 5, n->category);
	if (n->degree > 0)
		sqlite3_bind_int(st, 6, n->degree);
	bind_opt_text(st, 7, n->place);
	sqlite3_bind_text(st, 8, n->start_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, n->end_date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, n->school_days);
	sqlite3_bind_text(st, 11, n->explanation, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, n->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, n->verdict, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, n->school_year, -1, SQLITE_STATIC);
	bind_opt_text(st, 15, n->client_token);
	if (stmt_exec(s, st) != 0)
		goto fail;
	id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < n->nattachments; i++) {
		st = stmt_get(s, STMT_LEAVE_ATT_LINK);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, n->attachments[i]);
		sqlite3_bind_int64(st, 3, u->id);
		if (stmt_exec(s, st) != 0)
			goto fail;
	}
	if (event_add(s, id, u->id, strcmp(n->status, "kennisgeving") == 0 ? "kennisgeving" :
	    "ingediend", n->status, "") != 0)
		goto fail;
	if (n->mail_to != NULL && n->mail_to[0] != '\0' &&
	    store_outbox_add(s, n->mail_to, n->mail_subject, n->mail_body) != 0)
		goto fail;
	if (store_commit(s) != 0)
		goto fail;
	return id;
fail:
	store_rollback(s);
	return -1;
}

json_t *
store_leave_get(struct store *s, const struct user *u, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_GET);

	bind_name_int(st, ":id", id);
	bind_scope(st, u);
	return row1_json(st);
}

int64_t
store_leave_count(struct store *s, const struct user *u, const char *status)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_COUNT);

	bind_scope(st, u);
	bind_name_text(st, ":status", status);
	return int1(st, 0);
}

json_t *
store_leave_list(struct store *s, const struct user *u, const char *status, int limit, int offset,
    int64_t *total)
{
	sqlite3_stmt *st;

	*total = store_leave_count(s, u, status);
	st = stmt_get(s, STMT_LEAVE_LIST);
	bind_scope(st, u);
	bind_name_text(st, ":status", status);
	bind_name_int(st, ":limit", limit);
	bind_name_int(st, ":offset", offset);
	return rows_json(st);
}

static json_t *
rows_by_id(struct store *s, enum stmt which, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, which);

	sqlite3_bind_int64(st, 1, id);
	return rows_json(st);
}

json_t *store_leave_events(struct store *s, int64_t id) { return rows_by_id(s, STMT_LEAVE_EVENTS, id); }
json_t *store_leave_attachments(struct store *s, int64_t id) { return rows_by_id(s, STMT_LEAVE_ATTACHMENTS, id); }
json_t *store_leave_registrations(struct store *s, int64_t id) { return rows_by_id(s, STMT_LEAVE_REGS, id); }
json_t *store_leave_luxe_dates(struct store *s, int64_t id) { return rows_by_id(s, STMT_LEAVE_LUXE_DATES, id); }

json_t *
store_leave_decision(struct store *s, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_DECISION);

	sqlite3_bind_int64(st, 1, id);
	return row1_json(st);
}

int
store_leave_attachment_get(struct store *s, const struct user *u, int64_t req_id, int64_t att_id,
    char *filename, size_t fnsz, char *ctype, size_t ctsz, void **data, size_t *size)
{
	json_t *req = store_leave_get(s, u, req_id);
	sqlite3_stmt *st;
	int rc = 1;

	if (req == NULL)
		return 1;
	json_decref(req);
	st = stmt_get(s, STMT_LEAVE_ATT_GET);
	sqlite3_bind_int64(st, 1, att_id);
	sqlite3_bind_int64(st, 2, req_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		int n = sqlite3_column_bytes(st, 2);
		col_text(st, 0, filename, fnsz);
		col_text(st, 1, ctype, ctsz);
		*size = (size_t)n;
		if ((*data = malloc(n > 0 ? (size_t)n : 1)) == NULL)
			rc = -1;
		else {
			if (n > 0)
				memcpy(*data, sqlite3_column_blob(st, 2), (size_t)n);
			rc = 0;
		}
	}
	sqlite3_reset(st);
	return rc;
}

/* Moves a request in scope from one of the statuses a..c to new, with its event. */
static int
transition(struct store *s, const struct user *u, int64_t id, const char *new, const char *a,
    const char *b, const char *c, const char *kind, const char *text)
{
	json_t *req;
	sqlite3_stmt *st;

	if (store_begin(s) != 0)
		return -1;
	if ((req = store_leave_get(s, u, id)) == NULL) {
		store_rollback(s);
		return 1;
	}
	json_decref(req);
	st = stmt_get(s, STMT_LEAVE_SET_STATUS);
	bind_name_text(st, ":new", new);
	bind_name_int(st, ":id", id);
	bind_name_text(st, ":a", a);
	bind_name_text(st, ":b", b);
	bind_name_text(st, ":c", c);
	if (stmt_exec(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) != 1) {
		store_rollback(s);
		return 1;
	}
	if (event_add(s, id, u->id, kind, new, text) != 0 || store_commit(s) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int
store_leave_withdraw(struct store *s, const struct user *u, int64_t id)
{
	if (u->role != ROLE_OUDER)
		return 1;
	return transition(s, u, id, "ingetrokken", "ingediend", "in_behandeling", "doorgestuurd",
	    "ingetrokken", "");
}

int
store_leave_prepare(struct store *s, const struct user *u, int64_t id, const char *note)
{
	if (u->role != ROLE_SCHOOL && u->role != ROLE_DIRECTEUR)
		return 1;
	return transition(s, u, id, "in_behandeling", "ingediend", "in_behandeling",
	    "in_behandeling", "voorbereid", note);
}

int64_t
store_leave_desk_for(struct store *s, int64_t gemeente_id, char *email, size_t emailsz)
{
	sqlite3_stmt *st = stmt_get(s, STMT_LEAVE_DESK_FOR);
	int64_t id = 0;

	email[0] = '\0';
	sqlite3_bind_int64(st, 1, gemeente_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		col_text(st, 1, email, emailsz);
	}
	sqlite3_reset(st);
	return id;
}

int
store_leave_forward(struct store *s, const struct user *u, int64_t id, int64_t loket_id,
    const char *note, const char *mail_to, const char *mail_subject, const char *mail_body)
{
	sqlite3_stmt *st;

	if (u->role != ROLE_DIRECTEUR)
		return 1;
	if (store_begin(s) != 0)
		return -1;
	st = stmt_get(s, STMT_LEAVE_FORWARD);
	sqlite3_bind_int64(st, 1, loket_id);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, u->school_id);
	if (stmt_exec(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) != 1) {
		store_rollback(s);
		return 1;
	}
	if (event_add(s, id, u->id, "doorgestuurd", "doorgestuurd", note) != 0)
		goto fail;
	if (mail_to != NULL && mail_to[0] != '\0' &&
	    store_outbox_add(s, mail_to, mail_subject, mail_body) != 0)
		goto fail;
	if (store_commit(s) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int
store_leave_decide(struct store *s, const struct user *u, int64_t id, const struct leave_decide *d)
{
	sqlite3_stmt *st;

	if (u->role != ROLE_DIRECTEUR && u->role != ROLE_LEERPLICHT)
		return 1;
	if (store_begin(s) != 0)
		return -1;
	if (u->role == ROLE_DIRECTEUR) {
		st = stmt_get(s, STMT_LEAVE_DECIDE_DIRECTEUR);
		sqlite3_bind_int64(st, 3, u->school_id);
	} else {
		st = stmt_get(s, STMT_LEAVE_DECIDE_DESK);
		sqlite3_bind_int64(st, 3, u->loket_id);
	}
	sqlite3_bind_text(st, 1, d->decision, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (stmt_exec(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) != 1) {
		store_rollback(s);
		return 1;
	}
	st = stmt_get(s, STMT_LEAVE_DECISION_ADD);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, d->decision, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->reasons, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->reason_text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, u->id);
	sqlite3_bind_text(st, 6, d->decider_role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, u->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, d->decider_org, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, d->decider_contact, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, store_now());
	if (stmt_exec(s, st) != 0)
		goto fail;
	for (size_t i = 0; i < d->ndates; i++) {
		st = stmt_get(s, STMT_LEAVE_REG_ADD);
		sqlite3_bind_text(st, 1, d->dates[i], -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, d->minutes);
		sqlite3_bind_int64(st, 3, u->id);
		sqlite3_bind_int64(st, 4, id);
		if (stmt_exec(s, st) != 0)
			goto fail;
		/* Leave granted afterwards (an unforeseen absence, §8): the day is no longer unauthorised. */
		st = stmt_get(s, STMT_LEAVE_REG_AUTHORISE);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, d->dates[i], -1, SQLITE_STATIC);
		if (stmt_exec(s, st) != 0)
			goto fail;
	}
	if (event_add(s, id, u->id, "besluit", d->decision, d->reason_text) != 0)
		goto fail;
	if (d->mail_to != NULL && d->mail_to[0] != '\0' &&
	    store_outbox_add(s, d->mail_to, d->mail_subject, d->mail_body) != 0)
		goto fail;
	if (store_commit(s) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

json_t *
store_luxe_signals(struct store *s, const struct user *u, int64_t school_id)
{
	sqlite3_stmt *st;

	if ((u->role != ROLE_SCHOOL && u->role != ROLE_DIRECTEUR) || u->school_id != school_id)
		return json_array();
	st = stmt_get(s, STMT_LEAVE_LUXE);
	sqlite3_bind_int64(st, 1, school_id);
	return rows_json(st);
}

json_t *
store_parent_meldingen(struct store *s, const struct user *u)
{
	sqlite3_stmt *st;

	if (u->role != ROLE_OUDER)
		return json_array();
	st = stmt_get(s, STMT_LEAVE_PARENT_MELDINGEN);
	sqlite3_bind_int64(st, 1, u->id);
	return rows_json(st);
}
