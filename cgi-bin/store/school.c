/* The school area of the store: students, registrations, signal input, meldingen and events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "store/store.h"
#include "store/internal.h"
#include "store/school.h"
#include "util/user.h"

static int
is_staff(const struct user *u)
{
	return (u->role == ROLE_SCHOOL || u->role == ROLE_DIRECTEUR) && u->school_id > 0;
}

static void
bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

static void
bind_id_or_null(sqlite3_stmt *st, int i, int64_t v)
{
	if (v <= 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

static enum rules_school_sort
sort_parse(const char *s)
{
	for (int i = 0; i < RULES_SORT__MAX; i++)
		if (strcmp(s, rules_sort_names[i]) == 0)
			return (enum rules_school_sort)i;
	return RULES_SORT_VO;
}

static rules_date
date_col(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	rules_date d;

	if (t == NULL || rules_date_parse(t, strlen(t), &d) != 0)
		return RULES_NO_DATE;
	return d;
}

int
store_school_of(struct store *s, const struct user *u, struct school_info *si)
{
	sqlite3_stmt *st;
	char sort[8];
	int rc = 1;

	if (!is_staff(u))
		return 1;
	st = stmt_get(s, STMT_SCHOOL_GET);
	sqlite3_bind_int64(st, 1, u->school_id);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		memset(si, 0, sizeof(*si));
		si->id = sqlite3_column_int64(st, 0);
		col_text(st, 1, si->brin, sizeof(si->brin));
		col_text(st, 2, si->name, sizeof(si->name));
		col_text(st, 3, sort, sizeof(sort));
		si->sort = sort_parse(sort);
		col_text(st, 4, si->region, sizeof(si->region));
		si->calendar_id = sqlite3_column_int64(st, 5);
		col_text(st, 7, si->phone, sizeof(si->phone));
		col_text(st, 8, si->email, sizeof(si->email));
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

int
store_school_vacations(struct store *s, int64_t calendar_id, struct rules_vacation **out,
    size_t *n)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_VACATIONS);
	struct rules_vacation *v = NULL, *nv;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	sqlite3_bind_int64(st, 1, calendar_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rules_date a = date_col(st, 0), b = date_col(st, 1);
		if (a == RULES_NO_DATE || b == RULES_NO_DATE || a > b)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
				free(v);
				sqlite3_reset(st);
				return -1;
			}
			v = nv;
		}
		v[*n].start = a;
		v[(*n)++].end = b;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(v);
		*n = 0;
		return -1;
	}
	*out = v;
	return 0;
}

/* ---------------------------------------------------------------- students */

/*
 * A total and one page of rows from a pair of statements that both take (school_id, filter)
 * and the list also (limit, offset): the student list and the melding list.
 */
static json_t *
school_page(struct store *s, enum stmt count, enum stmt list, int64_t school_id,
    const char *filter, int limit, int offset, int *total)
{
	sqlite3_stmt *st = stmt_get(s, count);

	sqlite3_bind_int64(st, 1, school_id);
	sqlite3_bind_text(st, 2, filter ? filter : "", -1, SQLITE_STATIC);
	*total = (int)int1(st, 0);
	st = stmt_get(s, list);
	sqlite3_bind_int64(st, 1, school_id);
	sqlite3_bind_text(st, 2, filter ? filter : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, limit);
	sqlite3_bind_int(st, 4, offset);
	return rows_json(st);
}

json_t *
store_school_students(struct store *s, const struct user *u, const char *q, int limit, int offset,
    int *total)
{
	*total = 0;
	if (!is_staff(u))
		return json_array();
	return school_page(s, STMT_SCHOOL_STUDENT_COUNT, STMT_SCHOOL_STUDENT_LIST, u->school_id, q,
	    limit, offset, total);
}

json_t *
store_school_student(struct store *s, const struct user *u, int64_t id)
{
	sqlite3_stmt *st;

	if (!is_staff(u))
		return NULL;
	st = stmt_get(s, STMT_SCHOOL_STUDENT_GET);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, u->school_id);
	return row1_json(st);
}

static int
kind_parse(const char *k)
{
	for (int i = 0; i < RULES_REG__MAX; i++)
		if (strcmp(k, rules_reg_kind_names[i]) == 0)
			return i;
	return -1;
}

int
store_school_student_regs(struct store *s, int64_t student_id, struct rules_registration **out,
    size_t *n)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_REGS_OF_STUDENT);
	struct rules_registration *v = NULL, *nv;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	sqlite3_bind_int64(st, 1, student_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rules_date d = date_col(st, 0);
		int k = kind_parse((const char *)sqlite3_column_text(st, 1));
		if (d == RULES_NO_DATE || k < 0)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
				free(v);
				sqlite3_reset(st);
				*n = 0;
				return -1;
			}
			v = nv;
		}
		v[*n].datum = d;
		v[*n].soort = (enum rules_reg_kind)k;
		v[(*n)++].minuten = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(v);
		*n = 0;
		return -1;
	}
	*out = v;
	return 0;
}

json_t *
store_school_reg_history(struct store *s, int64_t student_id, const char *from, const char *to)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_REG_HISTORY);

	sqlite3_bind_int64(st, 1, student_id);
	sqlite3_bind_text(st, 2, from ? from : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to ? to : "", -1, SQLITE_STATIC);
	return rows_json(st);
}

json_t *
store_school_reg(struct store *s, const struct user *u, int64_t id)
{
	sqlite3_stmt *st;

	if (!is_staff(u))
		return NULL;
	st = stmt_get(s, STMT_SCHOOL_REG_GET);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, u->school_id);
	return row1_json(st);
}

static int
reg_insert(struct store *s, const struct user *u, const struct reg_new *rn)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_REG_INSERT);

	sqlite3_bind_int64(st, 1, rn->student_id);
	sqlite3_bind_text(st, 2, rn->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, rn->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, rn->minutes);
	sqlite3_bind_text(st, 5, rn->note ? rn->note : "", -1, SQLITE_STATIC);
	bind_id_or_null(st, 6, u->id);	/* 0: imported with verzuimctl */
	sqlite3_bind_int64(st, 7, store_now());
	bind_id_or_null(st, 8, rn->corrects_id);
	sqlite3_bind_text(st, 9, rn->source ? rn->source : "formulier", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, !rn->voided);
	return stmt_exec(s, st);
}

int
store_school_reg_add(struct store *s, const struct user *u, const struct reg_new *rn)
{
	if (!is_staff(u))
		return 1;
	return reg_insert(s, u, rn);
}

int
store_school_reg_exists(struct store *s, const struct reg_new *rn)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_REG_EXISTS);
	int found;

	sqlite3_bind_int64(st, 1, rn->student_id);
	sqlite3_bind_text(st, 2, rn->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, rn->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, rn->minutes);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

int
store_school_reg_correct(struct store *s, const struct user *u, int64_t old_id,
    const struct reg_new *rn)
{
	sqlite3_stmt *st;
	struct reg_new c = *rn;

	if (!is_staff(u))
		return 1;
	if (store_begin(s) != 0)
		return -1;
	st = stmt_get(s, STMT_SCHOOL_REG_DEACTIVATE);
	sqlite3_bind_int64(st, 1, old_id);
	if (stmt_exec(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) != 1) {
		store_rollback(s);
		return 1;
	}
	c.corrects_id = old_id;
	if (reg_insert(s, u, &c) != 0 || store_commit(s) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int64_t
store_school_gemeente_id(struct store *s, const char *name)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_GEMEENTE_BY_NAME);
	int64_t id = 0;

	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	id = int1(st, id);
	return id;
}

int64_t
store_school_student_by_number(struct store *s, const struct user *u, const char *number)
{
	char born[11];

	return store_school_student_by_number_born(s, u, number, born);
}

int64_t
store_school_student_by_number_born(struct store *s, const struct user *u, const char *number,
    char born[11])
{
	sqlite3_stmt *st;
	int64_t id = 0;

	born[0] = '\0';
	if (!is_staff(u) || *number == '\0')
		return 0;
	st = stmt_get(s, STMT_SCHOOL_STUDENT_BY_NUMBER);
	sqlite3_bind_int64(st, 1, u->school_id);
	sqlite3_bind_text(st, 2, number, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		col_text(st, 1, born, 11);
	}
	sqlite3_reset(st);
	return id;
}

int
store_school_student_add(struct store *s, const struct user *u, const struct student_new *n)
{
	sqlite3_stmt *st;
	int rc;

	if (!is_staff(u))
		return -1;
	st = stmt_get(s, STMT_SCHOOL_STUDENT_INSERT);
	sqlite3_bind_int64(st, 1, u->school_id);
	sqlite3_bind_text(st, 2, n->number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, n->first_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, n->last_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, n->birth_date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, n->gemeente_id);
	sqlite3_bind_int(st, 7, n->startkwalificatie);
	sqlite3_bind_int(st, 8, n->exempt);
	sqlite3_bind_text(st, 9, n->class_name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, n->days_per_week);
	sqlite3_bind_text(st, 11, n->address, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, n->postcode, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, n->city, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, n->phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, n->email, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, n->parent_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, n->parent_phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, n->parent_email, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, n->stay_address, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_CONSTRAINT ? 1 : -1;
}

/* ---------------------------------------------------------------- signal input */

void
signal_input_free(struct signal_input *in)
{
	free(in->students);
	free(in->regs);
	memset(in, 0, sizeof(*in));
}

int
store_school_signal_input(struct store *s, const struct user *u, enum rules_school_sort sort,
    struct signal_input *in)
{
	sqlite3_stmt *st;
	size_t cap = 0, rcap = 0, si = 0;
	int rc;

	memset(in, 0, sizeof(*in));
	if (!is_staff(u))
		return 1;
	st = stmt_get(s, STMT_SCHOOL_STUDENTS_ALL);
	sqlite3_bind_int64(st, 1, u->school_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct signal_student *ss;
		if (in->nstudents == cap) {
			cap = cap ? cap * 2 : 256;
			ss = realloc(in->students, cap * sizeof(*ss));
			if (ss == NULL)
				goto fail;
			in->students = ss;
		}
		ss = &in->students[in->nstudents++];
		memset(ss, 0, sizeof(*ss));
		ss->id = sqlite3_column_int64(st, 0);
		col_text(st, 1, ss->name, sizeof(ss->name));
		col_text(st, 2, ss->class_name, sizeof(ss->class_name));
		ss->st.geboren = date_col(st, 3);
		ss->st.startkwalificatie = sqlite3_column_int(st, 4);
		ss->st.vrijgesteld = sqlite3_column_int(st, 5);
		ss->st.sort = sort;
	}
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_reset(st);

	/* Both lists are ordered by student id: walk them together. */
	st = stmt_get(s, STMT_SCHOOL_REGS_OF_SCHOOL);
	sqlite3_bind_int64(st, 1, u->school_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t sid = sqlite3_column_int64(st, 0);
		rules_date d = date_col(st, 1);
		int k = kind_parse((const char *)sqlite3_column_text(st, 2));
		struct rules_registration *nr;

		while (si < in->nstudents && in->students[si].id < sid)
			si++;
		if (si == in->nstudents || in->students[si].id != sid || d == RULES_NO_DATE || k < 0)
			continue;
		if (in->nregs == rcap) {
			rcap = rcap ? rcap * 2 : 4096;
			if ((nr = realloc(in->regs, rcap * sizeof(*nr))) == NULL)
				goto fail;
			in->regs = nr;
		}
		if (in->students[si].n == 0)
			in->students[si].first = in->nregs;
		in->students[si].n++;
		in->regs[in->nregs].datum = d;
		in->regs[in->nregs].soort = (enum rules_reg_kind)k;
		in->regs[in->nregs++].minuten = sqlite3_column_int(st, 3);
	}
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_reset(st);
	return 0;
fail:
	sqlite3_reset(st);
	signal_input_free(in);
	return -1;
}

int
store_school_answered(struct store *s, const struct user *u, struct answered **out, size_t *n)
{
	sqlite3_stmt *st;
	struct answered *v = NULL, *nv;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!is_staff(u))
		return 1;
	st = stmt_get(s, STMT_SCHOOL_ANSWERED);
	sqlite3_bind_int64(st, 1, u->school_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
				free(v);
				sqlite3_reset(st);
				*n = 0;
				return -1;
			}
			v = nv;
		}
		v[*n].student_id = sqlite3_column_int64(st, 0);
		v[*n].datum = date_col(st, 1);
		col_text(st, 2, v[*n].soort, sizeof(v[*n].soort));
		(*n)++;
	}
	sqlite3_reset(st);
	*out = v;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* ---------------------------------------------------------------- desks */

int64_t
store_school_loket_for(struct store *s, int64_t gemeente_id, const char *kind)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_LOKET_FOR);
	int64_t id = 0;

	sqlite3_bind_int64(st, 1, gemeente_id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	id = int1(st, id);
	return id;
}

json_t *
store_school_loket(struct store *s, int64_t loket_id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_LOKET_GET);

	sqlite3_bind_int64(st, 1, loket_id);
	return row1_json(st);
}

/* ---------------------------------------------------------------- meldingen */

static int
event_add(struct store *s, int64_t melding_id, int64_t at, int64_t user_id, const char *kind,
    const char *status, const char *text)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_EVENT_INSERT);

	sqlite3_bind_int64(st, 1, melding_id);
	sqlite3_bind_int64(st, 2, at);
	bind_id_or_null(st, 3, user_id);
	sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
	bind_text_or_null(st, 5, status);
	sqlite3_bind_text(st, 6, text ? text : "", -1, SQLITE_STATIC);
	return stmt_exec(s, st);
}

static int
attachments_add(struct store *s, const struct user *u, int64_t melding_id, int64_t at,
    const struct attachment_new *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_ATTACHMENT_INSERT);
		char text[400];

		sqlite3_bind_int64(st, 1, melding_id);
		sqlite3_bind_text(st, 2, a[i].filename, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, a[i].ctype, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)a[i].size);
		sqlite3_bind_text(st, 5, a[i].sha256, -1, SQLITE_STATIC);
		sqlite3_bind_blob(st, 6, a[i].data, (int)a[i].size, SQLITE_STATIC);
		sqlite3_bind_int64(st, 7, u->id);
		sqlite3_bind_int64(st, 8, at);
		if (stmt_exec(s, st) != 0)
			return -1;
		snprintf(text, sizeof(text), "Bijlage toegevoegd: %s (%zu bytes, SHA-256 %.16s…)",
		    a[i].filename, a[i].size, a[i].sha256);
		if (event_add(s, melding_id, at, u->id, "bijlage", NULL, text) != 0)
			return -1;
	}
	return 0;
}

static int64_t
melding_by_token(struct store *s, const char *token)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_MELDING_BY_TOKEN);
	int64_t id = 0;

	sqlite3_bind_text(st, 1, token, -1, SQLITE_STATIC);
	id = int1(st, id);
	return id;
}

int64_t
store_school_signal_melding(struct store *s, int64_t student_id, const char *datum,
    const char *soort, const char *token)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_SIGNAL_MELDING);

	sqlite3_bind_int64(st, 1, student_id);
	sqlite3_bind_text(st, 2, datum, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, soort, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, token, -1, SQLITE_STATIC);
	return int1(st, 0);
}

int64_t
store_school_last_16uur(struct store *s, int64_t student_id, char end[11])
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_LAST_16UUR);
	int64_t id = 0;

	end[0] = '\0';
	sqlite3_bind_int64(st, 1, student_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		col_text(st, 1, end, 11);
	}
	sqlite3_reset(st);
	return id;
}

int
store_school_melding_file(struct store *s, const struct user *u, const struct melding_new *m,
    int64_t *id)
{
	sqlite3_stmt *st;
	int64_t now = store_now();
	int rc;

	*id = 0;
	if (!is_staff(u))
		return -1;
	if (store_begin(s) != 0)
		return -1;
	/* A second submission of the same form answers with the melding the first one made. */
	if ((*id = melding_by_token(s, m->client_token)) != 0) {
		store_rollback(s);
		return 2;
	}
	st = stmt_get(s, STMT_SCHOOL_MELDING_INSERT);
	sqlite3_bind_int64(st, 1, m->student_id);
	sqlite3_bind_int64(st, 2, u->school_id);
	sqlite3_bind_text(st, 3, m->soort, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, m->routed_to, -1, SQLITE_STATIC);
	bind_id_or_null(st, 5, m->loket_id);
	sqlite3_bind_text(st, 6, m->age_group, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, m->period_start, -1, SQLITE_STATIC);
	bind_text_or_null(st, 8, m->period_end);
	bind_text_or_null(st, 9, m->signal_datum);
	bind_text_or_null(st, 10, m->deadline);
	bind_text_or_null(st, 11, m->lrv_begin);
	bind_id_or_null(st, 12, m->previous_id);
	sqlite3_bind_int(st, 13, m->unauthorised_minutes);
	sqlite3_bind_int(st, 14, m->has_verzuimstaat);
	sqlite3_bind_text(st, 15, m->verzuimstaat, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, m->details, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, m->school_year, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 18, u->id);
	sqlite3_bind_int64(st, 19, now);
	sqlite3_bind_text(st, 20, m->client_token, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail;
	*id = sqlite3_last_insert_rowid(s->db);
	if (event_add(s, *id, now, u->id, "ingediend", "geregistreerd", "Melding ingediend") != 0)
		goto fail;
	if (m->previous_id > 0) {
		char text[120];
		snprintf(text, sizeof(text), "Vervolgmelding op melding %lld", (long long)m->previous_id);
		if (event_add(s, *id, now, u->id, "vervolg", NULL, text) != 0)
			goto fail;
	}
	if (attachments_add(s, u, *id, now, m->attachments, m->nattachments) != 0)
		goto fail;
	if (m->parent_email != NULL && *m->parent_email != '\0') {
		char text[400];
		if (store_outbox_add(s, m->parent_email, m->mail_subject, m->mail_body) != 0)
			goto fail;
		snprintf(text, sizeof(text), "Ouders/verzorgers per e-mail geïnformeerd (%s)",
		    m->parent_email);
		if (event_add(s, *id, now, u->id, "ouders_geinformeerd", NULL,
		    text) != 0)
			goto fail;
	}
	if (store_commit(s) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	*id = 0;
	return -1;
}

static void
bind_scope(sqlite3_stmt *st, const struct user *u)
{
	sqlite3_bind_text(st, 1, roles[u->role], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, u->school_id);
	sqlite3_bind_int64(st, 3, u->loket_id);
	sqlite3_bind_int64(st, 4, u->id);
}

json_t *
store_melding_get(struct store *s, const struct user *u, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_MELDING_GET);
	json_t *o = NULL;

	bind_scope(st, u);
	sqlite3_bind_int64(st, 5, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		o = row_json(st);
	sqlite3_reset(st);
	if (o == NULL)
		return NULL;
	st = stmt_get(s, STMT_SCHOOL_MELDING_EVENTS);
	sqlite3_bind_int64(st, 1, id);
	json_object_set_new(o, "events", rows_json(st));
	st = stmt_get(s, STMT_SCHOOL_MELDING_ATTACHMENTS);
	sqlite3_bind_int64(st, 1, id);
	json_object_set_new(o, "attachments", rows_json(st));
	return o;
}

int
store_melding_attachment(struct store *s, const struct user *u, int64_t melding_id,
    int64_t attachment_id, char *filename, size_t fnsz, char *ctype, size_t ctsz, void **data,
    size_t *size)
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_ATTACHMENT_GET);
	int rc = 1;

	*data = NULL;
	*size = 0;
	bind_scope(st, u);
	sqlite3_bind_int64(st, 5, melding_id);
	sqlite3_bind_int64(st, 6, attachment_id);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		col_text(st, 0, filename, fnsz);
		col_text(st, 1, ctype, ctsz);
		*size = (size_t)sqlite3_column_bytes(st, 2);
		if ((*data = malloc(*size ? *size : 1)) == NULL) {
			rc = -1;
			break;
		}
		if (*size)
			memcpy(*data, sqlite3_column_blob(st, 2), *size);
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

/* The status of a melding of the user's school, or 1 when out of scope. */
static int
melding_status(struct store *s, const struct user *u, int64_t id, char status[32])
{
	sqlite3_stmt *st = stmt_get(s, STMT_SCHOOL_MELDING_OPEN_CHECK);
	int rc = 1;

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, u->school_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		col_text(st, 0, status, 32);
		rc = 0;
	}
	sqlite3_reset(st);
	return rc;
}

int
store_school_melding_info(struct store *s, const struct user *u, int64_t id, const char *text,
    const struct attachment_new *att, size_t natt)
{
	char status[32];
	int64_t now = store_now();
	sqlite3_stmt *st;
	int rc;

	if (!is_staff(u))
		return 1;
	if (store_begin(s) != 0)
		return -1;
	if ((rc = melding_status(s, u, id, status)) != 0) {
		store_rollback(s);
		return rc;
	}
	if (strcmp(status, "ingetrokken") == 0) {
		store_rollback(s);
		return 3;
	}
	if (text != NULL && *text != '\0' &&
	    event_add(s, id, now, u->id, "informatie", NULL, text) != 0)
		goto fail;
	if (attachments_add(s, u, id, now, att, natt) != 0)
		goto fail;
	if (natt > 0) {
		st = stmt_get(s, STMT_SCHOOL_MELDING_HAS_VERZUIMSTAAT);
		sqlite3_bind_int64(st, 1, id);
		if (stmt_exec(s, st) != 0)
			goto fail;
	}
	if (store_commit(s) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int
store_school_melding_withdraw(struct store *s, const struct user *u, int64_t id,
    const char *reason)
{
	char status[32];
	sqlite3_stmt *st;
	int rc;

	if (!is_staff(u))
		return 1;
	if (store_begin(s) != 0)
		return -1;
	if ((rc = melding_status(s, u, id, status)) != 0) {
		store_rollback(s);
		return rc;
	}
	st = stmt_get(s, STMT_SCHOOL_MELDING_WITHDRAW);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, u->school_id);
	if (stmt_exec(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) != 1) {
		store_rollback(s);
		return 3;
	}
	if (event_add(s, id, store_now(), u->id, "status", "ingetrokken", reason) != 0 ||
	    store_commit(s) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int
store_school_melding_end(struct store *s, const struct user *u, int64_t id, const char *date,
    const char *date_text, const char *text)
{
	char status[32], *msg = NULL;
	sqlite3_stmt *st;
	size_t n;
	int rc;

	if (!is_staff(u))
		return 1;
	if (store_begin(s) != 0)
		return -1;
	if ((rc = melding_status(s, u, id, status)) != 0) {
		store_rollback(s);
		return rc;
	}
	st = stmt_get(s, STMT_SCHOOL_MELDING_END);
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	sqlite3_bind_int64(st, 4, u->school_id);
	if (stmt_exec(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) != 1) {
		store_rollback(s);
		return 3;
	}
	/* The whole explanation: the page allows 4,000 characters, a fixed buffer would cut it. */
	n = strlen(date_text) + (text ? strlen(text) : 0) + 32;
	if ((msg = malloc(n)) == NULL)
		goto fail;
	snprintf(msg, n, "Einddatum verzuim: %s%s%s", date_text, text && *text ? ". " : "",
	    text ? text : "");
	if (event_add(s, id, store_now(), u->id, "einddatum", NULL, msg) != 0 ||
	    store_commit(s) != 0)
		goto fail;
	free(msg);
	return 0;
fail:
	free(msg);
	store_rollback(s);
	return -1;
}

json_t *
store_school_meldingen(struct store *s, const struct user *u, const char *status, int limit,
    int offset, int *total)
{
	*total = 0;
	if (!is_staff(u))
		return json_array();
	return school_page(s, STMT_SCHOOL_MELDINGEN_COUNT, STMT_SCHOOL_MELDINGEN, u->school_id,
	    status, limit, offset, total);
}

json_t *
store_school_melding_counts(struct store *s, const struct user *u)
{
	sqlite3_stmt *st;

	if (!is_staff(u))
		return json_array();
	st = stmt_get(s, STMT_SCHOOL_MELDINGEN_STATUS_COUNTS);
	sqlite3_bind_int64(st, 1, u->school_id);
	return rows_json(st);
}

json_t *
store_school_student_meldingen(struct store *s, const struct user *u, int64_t student_id)
{
	sqlite3_stmt *st;

	if (!is_staff(u))
		return json_array();
	st = stmt_get(s, STMT_SCHOOL_STUDENT_MELDINGEN);
	sqlite3_bind_int64(st, 1, student_id);
	sqlite3_bind_int64(st, 2, u->school_id);
	return rows_json(st);
}
