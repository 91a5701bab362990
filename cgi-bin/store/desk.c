/* The desk's queries (issue 6): scoped to the officer's desk, statements in store/stmt_desk.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "rules/rules.h"
#include "store/store.h"
#include "store/internal.h"
#include "store/desk.h"
#include "util/user.h"

/* Only officers have a desk; anyone else sees nothing. */
static int
desk_of(const struct user *u, int64_t *loket)
{
	if ((u->role != ROLE_LEERPLICHT && u->role != ROLE_RMC) || u->loket_id <= 0)
		return -1;
	*loket = u->loket_id;
	return 0;
}

static const char *
or_empty(const char *s)
{
	return s ? s : "";
}

static void
bind_filter(sqlite3_stmt *st, int64_t loket, const struct desk_filter *f)
{
	sqlite3_bind_int64(st, 1, loket);
	sqlite3_bind_int64(st, 2, f->school_id);
	sqlite3_bind_text(st, 3, or_empty(f->soort), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, or_empty(f->age_group), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, or_empty(f->status), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 11, f->status_rank >= 0 ? f->status_rank : 0);
	sqlite3_bind_int(st, 12, f->status_rank >= 0 ? f->status_rank : 4);
}

json_t *
store_desk_inbox(struct store *s, const struct user *u, const struct desk_filter *f, int64_t *total)
{
	sqlite3_stmt *st;
	int64_t loket;

	*total = 0;
	if (desk_of(u, &loket) != 0)
		return json_array();
	st = stmt_get(s, STMT_DESK_INBOX_COUNT);
	bind_filter(st, loket, f);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return NULL;
	}
	*total = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	st = stmt_get(s, f->direction > 0 ? STMT_DESK_INBOX_AFTER : f->direction < 0 ?
	    STMT_DESK_INBOX_BEFORE : STMT_DESK_INBOX);
	bind_filter(st, loket, f);
	sqlite3_bind_int64(st, 6, f->overdue_before);
	sqlite3_bind_int64(st, 7, f->limit);
	if (f->direction == 0)
		sqlite3_bind_int64(st, 8, f->offset);
	else {
		sqlite3_bind_int64(st, 8, f->key_rank);
		sqlite3_bind_int64(st, 9, f->key_filed_at);
		sqlite3_bind_int64(st, 10, f->key_id);
	}
	return rows_json(st);
}

int64_t
store_desk_version(struct store *s, const struct user *u, int *bevrijdingsdag)
{
	sqlite3_stmt *st;
	int64_t loket, v = -1;

	*bevrijdingsdag = 1;
	if (desk_of(u, &loket) != 0)
		return -1;
	st = stmt_get(s, STMT_DESK_VERSION);
	sqlite3_bind_int64(st, 1, loket);
	if (sqlite3_step(st) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		*bevrijdingsdag = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	return v;
}

json_t *
store_desk_schools(struct store *s, const struct user *u)
{
	sqlite3_stmt *st;
	int64_t loket;

	if (desk_of(u, &loket) != 0)
		return json_array();
	st = stmt_get(s, STMT_DESK_SCHOOLS);
	sqlite3_bind_int64(st, 1, loket);
	return rows_json(st);
}

/* A statement with ?1 = id, ?2 = desk, all rows. */
static json_t *
scoped_rows(struct store *s, const struct user *u, enum stmt id, int64_t melding)
{
	sqlite3_stmt *st;
	int64_t loket;

	if (desk_of(u, &loket) != 0)
		return json_array();
	st = stmt_get(s, id);
	sqlite3_bind_int64(st, 1, melding);
	sqlite3_bind_int64(st, 2, loket);
	return rows_json(st);
}

json_t *
store_desk_melding(struct store *s, const struct user *u, int64_t id)
{
	json_t *rows = scoped_rows(s, u, STMT_DESK_MELDING, id), *m = NULL;

	if (rows != NULL && json_array_size(rows) == 1)
		m = json_incref(json_array_get(rows, 0));
	json_decref(rows);
	return m;
}

json_t *
store_desk_events(struct store *s, const struct user *u, int64_t id)
{
	return scoped_rows(s, u, STMT_DESK_EVENTS, id);
}

json_t *
store_desk_attachments(struct store *s, const struct user *u, int64_t id)
{
	return scoped_rows(s, u, STMT_DESK_ATTACHMENTS, id);
}

int
store_desk_attachment(struct store *s, const struct user *u, int64_t melding_id, int64_t aid,
    char *filename, size_t fnsz, char *ctype, size_t ctsz, void **data, size_t *len)
{
	sqlite3_stmt *st;
	int64_t loket;
	int rc = 1;

	*data = NULL;
	*len = 0;
	if (desk_of(u, &loket) != 0)
		return 1;
	st = stmt_get(s, STMT_DESK_ATTACHMENT);
	sqlite3_bind_int64(st, 1, aid);
	sqlite3_bind_int64(st, 2, melding_id);
	sqlite3_bind_int64(st, 3, loket);
	if (sqlite3_step(st) == SQLITE_ROW) {
		int n = sqlite3_column_bytes(st, 2);
		col_text(st, 0, filename, fnsz);
		col_text(st, 1, ctype, ctsz);
		*data = malloc(n > 0 ? (size_t)n : 1);
		if (*data == NULL)
			rc = -1;
		else {
			if (n > 0)
				memcpy(*data, sqlite3_column_blob(st, 2), (size_t)n);
			*len = (size_t)n;
			rc = 0;
		}
	}
	sqlite3_reset(st);
	return rc;
}

int
store_desk_has_waarschuwing(struct store *s, int64_t student_id)
{
	sqlite3_stmt *st = stmt_get(s, STMT_DESK_HAS_WAARSCHUWING);
	int rc = -1;

	sqlite3_bind_int64(st, 1, student_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = sqlite3_column_int64(st, 0) > 0;
	sqlite3_reset(st);
	return rc;
}

/* Append an event inside the caller's transaction: 0, 1 not in scope, -1 error. */
static int
event_add(struct store *s, int64_t loket, const struct user *u, int64_t id, int64_t at,
    const char *kind, const char *status, const char *mas, const char *text)
{
	sqlite3_stmt *st = stmt_get(s, STMT_DESK_EVENT_ADD);

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, loket);
	sqlite3_bind_int64(st, 3, at);
	sqlite3_bind_int64(st, 4, u->id);
	sqlite3_bind_text(st, 5, kind, -1, SQLITE_STATIC);
	if (status != NULL)
		sqlite3_bind_text(st, 6, status, -1, SQLITE_STATIC);
	if (mas != NULL)
		sqlite3_bind_text(st, 7, mas, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, or_empty(text), -1, SQLITE_STATIC);
	if (stmt_exec(s, st) != 0)
		return -1;
	return sqlite3_changes(s->db) == 1 ? 0 : 1;
}

int
store_desk_set_status(struct store *s, const struct user *u, int64_t id, const char *from,
    const char *to, const char *closing_reason, const char *note, const char *feedback)
{
	sqlite3_stmt *st;
	int64_t loket, now = store_now();
	int rc;

	if (desk_of(u, &loket) != 0)
		return 1;
	if (store_begin(s) != 0)
		return -1;
	st = stmt_get(s, STMT_DESK_SET_STATUS);
	sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
	if (closing_reason != NULL)
		sqlite3_bind_text(st, 2, closing_reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_int64(st, 4, id);
	sqlite3_bind_int64(st, 5, loket);
	sqlite3_bind_text(st, 6, from, -1, SQLITE_STATIC);
	if (stmt_exec(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) != 1) {
		store_rollback(s);
		return 1;
	}
	if ((rc = event_add(s, loket, u, id, now, "status", to, NULL, note)) != 0)
		goto fail;
	if (feedback != NULL && feedback[0] != '\0' &&
	    event_add(s, loket, u, id, now, "terugkoppeling", NULL, NULL, feedback) != 0)
		goto fail;
	return store_commit(s) == 0 ? 0 : -1;
fail:
	store_rollback(s);
	return -1;
}

int
store_desk_event(struct store *s, const struct user *u, int64_t id, const char *kind,
    const char *mas_action, const char *text)
{
	int64_t loket;
	int rc;

	if (desk_of(u, &loket) != 0)
		return 1;
	if (store_begin(s) != 0)
		return -1;
	rc = event_add(s, loket, u, id, store_now(), kind, NULL, mas_action, text);
	if (rc != 0) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s) == 0 ? 0 : -1;
}

json_t *
store_desk_count_by(struct store *s, const struct user *u, int by_soort)
{
	sqlite3_stmt *st;
	int64_t loket;

	if (desk_of(u, &loket) != 0)
		return json_array();
	st = stmt_get(s, by_soort ? STMT_DESK_BY_SOORT : STMT_DESK_BY_STATUS);
	sqlite3_bind_int64(st, 1, loket);
	return rows_json(st);
}

int
store_desk_treat_stats(struct store *s, const struct user *u, struct desk_treat_stats *t)
{
	sqlite3_stmt *st;
	int64_t loket, a = 0, b = 0;
	int got = 0;

	memset(t, 0, sizeof(*t));
	if (desk_of(u, &loket) != 0)
		return -1;
	st = stmt_get(s, STMT_DESK_TREAT_STATS);
	sqlite3_bind_int64(st, 1, loket);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return -1;
	}
	t->n = sqlite3_column_int64(st, 0);
	t->worst = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	if (t->n == 0)
		return 0;
	st = stmt_get(s, STMT_DESK_TREAT_MEDIAN);
	sqlite3_bind_int64(st, 1, loket);
	sqlite3_bind_int64(st, 2, (t->n - 1) / 2);
	while (got < 2 && sqlite3_step(st) == SQLITE_ROW) {
		if (got == 0)
			a = sqlite3_column_int64(st, 0);
		else
			b = sqlite3_column_int64(st, 0);
		got++;
	}
	sqlite3_reset(st);
	/* An even count has two middle values: their mean. */
	t->median = t->n % 2 == 0 && got == 2 ? (a + b) / 2 : a;
	return 0;
}

json_t *
store_desk_overdue(struct store *s, const struct user *u, int64_t before, int64_t limit,
    int64_t *total)
{
	sqlite3_stmt *st;
	int64_t loket;

	*total = 0;
	if (desk_of(u, &loket) != 0)
		return json_array();
	st = stmt_get(s, STMT_DESK_OVERDUE_COUNT);
	sqlite3_bind_int64(st, 1, loket);
	sqlite3_bind_int64(st, 2, before);
	if (sqlite3_step(st) == SQLITE_ROW)
		*total = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	st = stmt_get(s, STMT_DESK_OVERDUE);
	sqlite3_bind_int64(st, 1, loket);
	sqlite3_bind_int64(st, 2, before);
	sqlite3_bind_int64(st, 3, limit);
	return rows_json(st);
}

json_t *
store_desk_loket(struct store *s, const struct user *u)
{
	sqlite3_stmt *st;
	json_t *rows, *l = NULL;
	int64_t loket;

	if (desk_of(u, &loket) != 0)
		return NULL;
	st = stmt_get(s, STMT_DESK_LOKET);
	sqlite3_bind_int64(st, 1, loket);
	rows = rows_json(st);
	if (json_array_size(rows) == 1)
		l = json_incref(json_array_get(rows, 0));
	json_decref(rows);
	return l;
}

/* The region of the officer's desk when it covers RMC; 0 or -1. */
static int
rmc_region(struct store *s, const struct user *u, char *region, size_t sz)
{
	json_t *l = store_desk_loket(s, u);
	int rc = -1;

	if (l != NULL && json_integer_value(json_object_get(l, "covers_rmc")) == 1 &&
	    json_is_string(json_object_get(l, "region"))) {
		snprintf(region, sz, "%s", json_string_value(json_object_get(l, "region")));
		rc = 0;
	}
	json_decref(l);
	return rc;
}

json_t *
store_desk_region_schools(struct store *s, const struct user *u)
{
	sqlite3_stmt *st;
	char region[64];

	if (rmc_region(s, u, region, sizeof(region)) != 0)
		return NULL;
	st = stmt_get(s, STMT_DESK_RMC_SCHOOLS);
	sqlite3_bind_text(st, 1, region, -1, SQLITE_TRANSIENT);
	return rows_json(st);
}

json_t *
store_desk_region_meldingen(struct store *s, const struct user *u, int64_t from, int64_t to)
{
	sqlite3_stmt *st;
	char region[64];

	if (rmc_region(s, u, region, sizeof(region)) != 0)
		return NULL;
	st = stmt_get(s, STMT_DESK_RMC_MONTH);
	sqlite3_bind_text(st, 1, region, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	return rows_json(st);
}

/* A school calendar from the vacations of calendar_id, covering [from, to]. */
static int
calendar_load(struct store *s, int64_t calendar_id, int bev, rules_date from, rules_date to,
    struct rules_calendar *cal)
{
	struct rules_vacation *v = NULL, *nv;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st = stmt_get(s, STMT_DESK_VACATIONS);
	int rc;

	sqlite3_bind_int64(st, 1, calendar_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(st, 0);
		const char *b = (const char *)sqlite3_column_text(st, 1);
		rules_date da, db;
		if (a == NULL || b == NULL || rules_date_parse(a, strlen(a), &da) != 0 ||
		    rules_date_parse(b, strlen(b), &db) != 0 || da > db)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
				sqlite3_reset(st);
				free(v);
				return -1;
			}
			v = nv;
		}
		v[n].start = da;
		v[n].end = db;
		n++;
	}
	sqlite3_reset(st);
	rc = rules_calendar_init(cal, v, n, bev, from, to) == RULES_OK ? 0 : -1;
	free(v);
	return rc;
}

/* The school calendars met while streaming, loaded once each. */
#define CALENDARS_MAX	32
struct calendars {
	int64_t			 id[CALENDARS_MAX];
	int			 bev[CALENDARS_MAX];	/* the region's Bevrijdingsdag (§3) */
	int			 ok[CALENDARS_MAX];
	struct rules_calendar	 cal[CALENDARS_MAX];
	size_t			 n;
};

static const struct rules_calendar *
calendar_get(struct store *s, struct calendars *c, int64_t id, int bev, rules_date from,
    rules_date to)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->id[i] == id && c->bev[i] == bev)
			return c->ok[i] ? &c->cal[i] : NULL;
	if (c->n == CALENDARS_MAX)
		return NULL;
	c->id[c->n] = id;
	c->bev[c->n] = bev;
	c->ok[c->n] = calendar_load(s, id, bev, from, to, &c->cal[c->n]) == 0;
	c->n++;
	return c->ok[c->n - 1] ? &c->cal[c->n - 1] : NULL;
}

/* One student's registrations as they stream by, and what the signals need besides. */
struct streamed {
	int64_t			 id, school_id, calendar_id;
	struct rules_student	 st;
	int			 born_ok;
	char			 region[RULES_REGIO_LEN];
	struct rules_registration *regs;
	size_t			 n, cap;
};

static void
count_signals(struct store *s, struct streamed *x, struct calendars *cals,
    const struct rules_policy *pol, size_t npol, rules_date from, rules_date to, json_t *out)
{
	const struct rules_policy *p = rules_policy_find(pol, npol, x->region);
	const struct rules_calendar *cal;
	struct rules_signal sig[64];
	size_t nsig = 0;
	char key[64];
	int y, m, d;

	if (x->n == 0 || p == NULL || !x->born_ok ||
	    (cal = calendar_get(s, cals, x->calendar_id, p->bevrijdingsdag,
	    rules_school_year_start(from) - 400, to)) == NULL)
		return;
	rules_registrations_sort(x->regs, x->n);
	/*
	 * Each month as it stood on its last day (the last one: on to): the signals dated in it.
	 * So a month's figures do not depend on which month the overview shows (a te-laat signal
	 * fires once per school year, a licht signal is one of that day), and licht counts the
	 * students in licht verzuim on the month's last day.
	 */
	for (rules_date ms = from; ms <= to;) {
		rules_date next, me;
		rules_date_to_ymd(ms, &y, &m, &d);
		if (rules_date_from_ymd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1, &next) != 0)
			break;
		me = next - 1 < to ? next - 1 : to;
		if (rules_signals(cal, p, &x->st, x->regs, x->n, me, sig, sizeof(sig) / sizeof(sig[0]),
		    &nsig) != RULES_OK)
			return;
		for (size_t k = 0; k < nsig; k++) {
			json_t *c;
			if (sig[k].datum < ms || sig[k].datum > me)
				continue;
			snprintf(key, sizeof(key), "%lld/%04d-%02d/%s", (long long)x->school_id, y, m,
			    rules_signal_names[sig[k].kind]);
			c = json_object_get(out, key);
			json_object_set_new(out, key, json_integer(json_integer_value(c) + 1));
		}
		ms = next;
	}
}

/* Signals counted per school, month and kind, in one pass over the region's registrations. */
json_t *
store_desk_region_signals(struct store *s, const struct user *u, const struct rules_policy *pol,
    size_t npol, const char *from_date, const char *to_date)
{
	struct calendars *cals;
	struct streamed x;
	sqlite3_stmt *st;
	json_t *out, *rows, *v;
	rules_date from, to;
	const char *key;
	char region[64];

	if (rmc_region(s, u, region, sizeof(region)) != 0)
		return NULL;
	if (rules_date_parse(from_date, strlen(from_date), &from) != 0 ||
	    rules_date_parse(to_date, strlen(to_date), &to) != 0)
		return NULL;
	if ((cals = calloc(1, sizeof(*cals))) == NULL)
		return NULL;
	memset(&x, 0, sizeof(x));
	x.id = -1;
	out = json_object();	/* "school_id/YYYY-MM/signal" → count */
	st = stmt_get(s, STMT_DESK_RMC_REGISTRATIONS);
	sqlite3_bind_text(st, 1, region, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to_date, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *dt = (const char *)sqlite3_column_text(st, 7);
		const char *kind = (const char *)sqlite3_column_text(st, 8);
		int k = -1;
		rules_date dd;

		if (id != x.id) {
			const char *born = (const char *)sqlite3_column_text(st, 2);
			count_signals(s, &x, cals, pol, npol, from, to, out);
			x.id = id;
			x.n = 0;
			x.school_id = sqlite3_column_int64(st, 1);
			x.calendar_id = sqlite3_column_int64(st, 6);
			x.born_ok = born != NULL && rules_date_parse(born, strlen(born), &x.st.geboren) == 0;
			x.st.startkwalificatie = sqlite3_column_int(st, 3);
			x.st.vrijgesteld = sqlite3_column_int(st, 4);
			x.st.sort = RULES_SORT_MBO;
			col_text(st, 5, x.region, sizeof(x.region));
		}
		for (int i = 0; kind != NULL && i < RULES_REG__MAX; i++)
			if (strcmp(rules_reg_kind_names[i], kind) == 0)
				k = i;
		if (dt == NULL || k < 0 || rules_date_parse(dt, strlen(dt), &dd) != 0)
			continue;
		if (x.n == x.cap) {
			size_t cap = x.cap ? x.cap * 2 : 64;
			struct rules_registration *nr = realloc(x.regs, cap * sizeof(*nr));
			if (nr == NULL)
				break;
			x.regs = nr;
			x.cap = cap;
		}
		x.regs[x.n].datum = dd;
		x.regs[x.n].soort = (enum rules_reg_kind)k;
		x.regs[x.n].minuten = (int32_t)sqlite3_column_int(st, 9);
		x.n++;
	}
	sqlite3_reset(st);
	count_signals(s, &x, cals, pol, npol, from, to, out);
	free(x.regs);
	for (size_t i = 0; i < cals->n; i++)
		if (cals->ok[i])
			rules_calendar_free(&cals->cal[i]);
	free(cals);
	rows = json_array();
	json_object_foreach(out, key, v) {
		const char *slash = strchr(key, '/');
		json_array_append_new(rows, json_pack("{s:I,s:s%,s:s,s:I}", "school_id",
		    (json_int_t)strtoll(key, NULL, 10), "maand", slash + 1, (size_t)7,
		    "signaal", slash + 9, "n", json_integer_value(v)));
	}
	json_decref(out);
	return rows;
}
