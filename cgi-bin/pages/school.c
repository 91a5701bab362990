/* School staff: start page, the students of the school, one student, absence registration. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "http/app.h"
#include "pages/pages.h"
#include "store/store.h"
#include "store/leave.h"

#define STUDENTS_PER_PAGE	50
#define NOTE_MAX		500

static void
url_encode(const char *s, char *out, size_t outsz)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;

	for (; *s != '\0' && o + 4 < outsz; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.')
			out[o++] = (char)c;
		else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
}

void
page_school_home(struct req *r)
{
	struct school_ctx c;
	json_t *d;

	if (school_ctx_load(r, &c) != 0)
		return;
	d = json_pack("{s:s,s:s,s:s}", "title", "Overzicht school", "school", c.school.name,
	    "today", c.today_s);
	school_date_text(d, "today", "today_text");
	{
		json_t *counts = store_school_melding_counts(r->app->store, &r->user), *row;
		size_t i;
		json_array_foreach(counts, i, row) {
			int k = desk_lookup(desk_status_names, DESK_STATUS__MAX,
			    json_string_value(json_object_get(row, "status")));
			json_object_set_new(row, "status_label", json_string(k >= 0 ?
			    desk_status_labels[k] : json_string_value(json_object_get(row, "status"))));
		}
		json_object_set_new(d, "counts", counts);
	}
	{
		/* The leave requests of this school that wait for a decision. */
		int64_t open = store_leave_count(r->app->store, &r->user, "open");
		json_object_set_new(d, "verlof_open", json_integer(open));
		json_object_set_new(d, "verlof_een", json_boolean(open == 1));
		json_object_set_new(d, "is_directeur", json_boolean(r->user.role == ROLE_DIRECTEUR));
	}
	school_ctx_free(&c);
	audit(r, "lees", "school:%lld:overzicht", (long long)r->user.school_id);
	page_render(r, 200, "school_home", d);
}

/* The badges of a student: the signals on today that no melding answers yet. */
static json_t *
open_signals(struct req *r, const struct school_ctx *c, const json_t *student, int64_t id,
    const struct answered *ans, size_t nans, int all)
{
	struct rules_registration *regs = NULL;
	struct rules_signal *sig = NULL;
	struct rules_student st;
	size_t nregs = 0, nsig = 0;
	json_t *a = json_array();
	rules_date sy = rules_school_year_start(c->today);

	school_rules_student(c, student, &st);
	if (store_school_student_regs(r->app->store, id, &regs, &nregs) != 0 ||
	    school_signals(c, &st, regs, nregs, c->today, &sig, &nsig) != 0) {
		free(regs);
		return a;
	}
	for (size_t i = 0; i < nsig; i++) {
		json_t *o;
		int answered = school_signal_answered(c, ans, nans, id, &sig[i]);

		if (!all && (answered || (!sig[i].verplicht && sig[i].datum < sy)))
			continue;
		o = school_signal_json(c, &sig[i]);
		json_object_set_new(o, "answered", json_boolean(answered));
		json_array_append_new(a, o);
	}
	free(sig);
	free(regs);
	return a;
}

void
page_school_students(struct req *r)
{
	struct school_ctx c;
	struct answered *ans = NULL;
	size_t nans = 0;
	const char *q = query_str(r, "q");
	int page = school_page_arg(r), total = 0;
	char extra[400] = "", enc[300];
	json_t *d, *list, *row;
	size_t i;

	if (q == NULL || strlen(q) > 100)
		q = "";
	if (school_ctx_load(r, &c) != 0)
		return;
	list = store_school_students(r->app->store, &r->user, q, STUDENTS_PER_PAGE,
	    (page - 1) * STUDENTS_PER_PAGE, &total);
	store_school_answered(r->app->store, &r->user, &ans, &nans);
	json_array_foreach(list, i, row) {
		int64_t id = json_integer_value(json_object_get(row, "id"));
		json_object_set_new(row, "signals", open_signals(r, &c, row, id, ans, nans, 0));
		school_date_text(row, "birth_date", "birth_text");
	}
	free(ans);
	d = json_pack("{s:s,s:s,s:o}", "title", "Leerlingen", "q", q, "students", list);
	if (*q != '\0') {
		url_encode(q, enc, sizeof(enc));
		snprintf(extra, sizeof(extra), "&q=%s", enc);
	}
	school_pagination(d, page, STUDENTS_PER_PAGE, total, "/school/leerlingen", extra);
	json_object_set_new(d, "one", json_boolean(total == 1));
	school_ctx_free(&c);
	audit(r, "lees", "school:%lld:leerlingen", (long long)r->user.school_id);
	page_render(r, 200, "school_leerlingen", d);
}

/* The month grid of a student's absence: weeks of Monday–Sunday. */
static json_t *
month_grid(const struct school_ctx *c, int y, int m, json_t *history)
{
	rules_date first, last, d;
	json_t *weeks = json_array(), *week = NULL;
	int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;

	rules_date_from_ymd(y, m, 1, &first);
	rules_date_from_ymd(ny, nm, 1, &last);
	last--;
	for (d = rules_monday_of(first); d <= last || rules_weekday(d) != 1; d++) {
		char ds[11];
		json_t *day, *regs = json_array(), *h;
		size_t i;
		int yy, mm, dd;

		if (rules_weekday(d) == 1) {
			week = json_array();
			json_array_append_new(weeks, json_pack("{s:o}", "days", week));
		}
		rules_date_format(d, ds);
		rules_date_to_ymd(d, &yy, &mm, &dd);
		json_array_foreach(history, i, h) {
			const char *hd = json_string_value(json_object_get(h, "date"));
			if (hd != NULL && strcmp(hd, ds) == 0 &&
			    json_integer_value(json_object_get(h, "active")))
				json_array_append(regs, h);
		}
		day = json_pack("{s:i,s:s,s:b,s:b,s:b,s:o}", "day", dd, "date", ds, "in_month",
		    mm == m, "school_day", rules_is_school_day(&c->cal, d), "today", d == c->today,
		    "regs", regs);
		json_array_append_new(week, day);
	}
	return weeks;
}

/* How a registration came in (registration.source). */
static const char *const reg_sources[] = { "formulier", "import", "verlof" };
static const char *const reg_source_labels[] = {
	"via het formulier", "via een import", "uit een verlofbesluit",
};

/* The Dutch words of a registration row: its date, kind and source. */
static void
reg_labels(json_t *h)
{
	const char *k = json_string_value(json_object_get(h, "kind"));
	int src = desk_lookup(reg_sources, (int)(sizeof(reg_sources) / sizeof(reg_sources[0])),
	    json_string_value(json_object_get(h, "source")));

	for (int j = 0; k != NULL && j < RULES_REG__MAX; j++)
		if (strcmp(k, rules_reg_kind_names[j]) == 0)
			json_object_set_new(h, "kind_label", json_string(school_reg_labels[j]));
	if (src >= 0)
		json_object_set_new(h, "source_label", json_string(reg_source_labels[src]));
	school_date_text(h, "date", "date_text");
}

static void
add_labels(json_t *history)
{
	size_t i;
	json_t *h;

	json_array_foreach(history, i, h) {
		char when[17];
		reg_labels(h);
		/* when it was registered, in Europe/Amsterdam: the history says who and when */
		desk_local_text(json_integer_value(json_object_get(h, "created_at")), when);
		json_object_set_new(h, "created_text", json_string(when));
	}
}

/* "december 2026" of "2026-12"; the text itself when it is no month. */
static void
month_text(const char *ym, char out[32])
{
	char iso[11];
	rules_date d;
	int y, m, dd;

	snprintf(iso, sizeof(iso), "%.7s-01", ym);
	if (rules_date_parse(iso, 10, &d) != 0) {
		snprintf(out, 32, "%s", ym);
		return;
	}
	rules_date_to_ymd(d, &y, &m, &dd);
	snprintf(out, 32, "%s %d", rules_month_names[m - 1], y);
}

/* The student page; with errors (registration form) it shows them next to the fields. */
static void
student_page(struct req *r, int status, json_t *errors, json_t *values)
{
	struct school_ctx c;
	struct rules_student st;
	struct answered *ans = NULL;
	size_t nans = 0;
	int64_t id = r->ids[0];
	json_t *s, *d, *history, *kinds;
	const char *maand = query_str(r, "maand");
	int y, m, dd;
	enum rules_plicht p;
	char from[32], to[32], ms[32], prev[32], next[32], vanaf[11], tot[11];
	rules_date mfirst;

	if (school_ctx_load(r, &c) != 0) {
		json_decref(errors);
		json_decref(values);
		return;
	}
	if ((s = store_school_student(r->app->store, &r->user, id)) == NULL) {
		school_ctx_free(&c);
		json_decref(errors);
		json_decref(values);
		http_error(r, 404);
		return;
	}
	rules_date_to_ymd(c.today, &y, &m, &dd);
	if (maand != NULL && strlen(maand) == 7) {
		char tmp[11];
		snprintf(tmp, sizeof(tmp), "%s-01", maand);
		if (rules_date_parse(tmp, 10, &mfirst) == 0)
			rules_date_to_ymd(mfirst, &y, &m, &dd);
	}
	snprintf(from, sizeof(from), "%04d-%02d-01", y, m);
	snprintf(to, sizeof(to), "%04d-%02d-31", y, m);
	snprintf(ms, sizeof(ms), "%04d-%02d", y, m);
	snprintf(prev, sizeof(prev), "%04d-%02d", m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1);
	snprintf(next, sizeof(next), "%04d-%02d", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
	history = store_school_reg_history(r->app->store, id, from, to);
	add_labels(history);

	school_rules_student(&c, s, &st);
	p = rules_plicht_on(&st, c.today);
	rules_date_format(rules_leerplicht_vanaf(st.geboren), vanaf);
	rules_date_format(rules_leerplicht_tot(st.geboren), tot);
	d = json_pack("{s:s,s:O,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "title", "Leerling",
	    "student", s, "plicht", rules_plicht_names[p], "plicht_label", school_plicht_labels[p],
	    "leerplicht_vanaf", vanaf, "leerplicht_tot", tot, "maand", ms, "prev", prev,
	    "next", next, "today", c.today_s);
	school_date_text(json_object_get(d, "student"), "birth_date", "birth_text");
	school_date_text(d, "leerplicht_vanaf", "leerplicht_vanaf_text");
	school_date_text(d, "leerplicht_tot", "leerplicht_tot_text");
	{
		char t[32];
		month_text(ms, t);
		json_object_set_new(d, "maand_text", json_string(t));
		month_text(prev, t);
		json_object_set_new(d, "prev_text", json_string(t));
		month_text(next, t);
		json_object_set_new(d, "next_text", json_string(t));
	}
	json_object_set_new(d, "age", json_integer(rules_age_on(st.geboren, c.today)));
	if (p != RULES_PLICHT_GEEN) {
		int64_t lid = store_school_loket_for(r->app->store,
		    json_integer_value(json_object_get(s, "gemeente_id")),
		    rules_loket_names[rules_loket_for(p)]);
		if (lid > 0)
			json_object_set_new(d, "loket", store_school_loket(r->app->store, lid));
	}
	store_school_answered(r->app->store, &r->user, &ans, &nans);
	json_object_set_new(d, "signals", open_signals(r, &c, s, id, ans, nans, 1));
	free(ans);
	json_object_set_new(d, "weeks", month_grid(&c, y, m, history));
	json_object_set_new(d, "history", history);
	{
		json_t *ml = store_school_student_meldingen(r->app->store, &r->user, id), *m;
		size_t i;
		json_array_foreach(ml, i, m)
			school_melding_row(m);
		json_object_set_new(d, "meldingen", ml);
	}
	kinds = json_array();
	for (int i = 0; i < RULES_REG__MAX; i++) {
		const char *sel = values ? json_string_value(json_object_get(values, "soort")) : NULL;
		json_array_append_new(kinds, json_pack("{s:s,s:s,s:b}", "value",
		    rules_reg_kind_names[i], "label", school_reg_labels[i], "selected",
		    sel != NULL && strcmp(sel, rules_reg_kind_names[i]) == 0));
	}
	json_object_set_new(d, "kinds", kinds);
	json_object_set_new(d, "dag_minuten", json_integer(c.policy->dag_minuten));
	if (values == NULL)
		values = json_pack("{s:s}", "datum", c.today_s);
	json_object_set_new(d, "v", values);
	json_object_set_new(d, "e", errors ? errors : json_object());
	if (errors != NULL)
		json_object_set_new(d, "has_errors", json_true());
	else if (query_str(r, "opgeslagen") != NULL)
		json_object_set_new(d, "saved", json_string(strcmp(query_str(r, "opgeslagen"),
		    "correctie") == 0 ? "De correctie is opgeslagen; de oude registratie blijft in de "
		    "geschiedenis, doorgestreept." : "De afwezigheid is geregistreerd. Ze staat in de "
		    "kalender en de geschiedenis hieronder."));
	json_decref(s);
	school_ctx_free(&c);
	audit(r, "lees", "leerling:%lld", (long long)id);
	page_render(r, status, "school_leerling", d);
}

void
page_school_student(struct req *r)
{
	student_page(r, 200, NULL, NULL);
}

/*
 * Checks the fields of a registration (form or import line) and fills rn. Dutch messages per
 * field go into errors (an object keyed by field name). 0 when valid.
 */
static int
reg_validate(const struct school_ctx *c, const char *datum, const char *soort,
    const char *minuten, int hele_dag, const char *note, struct reg_new *rn, json_t *errors)
{
	rules_date d;
	int kind = -1;
	long min = -1;
	char *end;

	if (school_date_arg(datum, &d) != 0)
		json_object_set_new(errors, "datum", json_string("Vul een geldige datum in (jjjj-mm-dd)."));
	else if (d > c->today)
		json_object_set_new(errors, "datum", json_string("De datum ligt in de toekomst."));
	else
		rules_date_format(d, rn->date);
	for (int i = 0; soort != NULL && i < RULES_REG__MAX; i++)
		if (strcmp(soort, rules_reg_kind_names[i]) == 0)
			kind = i;
	if (kind < 0)
		json_object_set_new(errors, "soort", json_string("Kies de soort afwezigheid."));
	else
		rn->kind = rules_reg_kind_names[kind];
	if (hele_dag)
		min = c->policy->dag_minuten;
	else if (minuten != NULL && *minuten != '\0') {
		min = strtol(minuten, &end, 10);
		if (*end != '\0')
			min = -1;
	}
	if (min < 0 || min > 1440 || (min == 0 && kind != RULES_REG_TE_LAAT))
		json_object_set_new(errors, "minuten", json_string(
		    "Vul het aantal minuten in (1 tot 1440), of een hele dag ('hele dag' op het "
		    "formulier, 'dag' in een import)."));
	else
		rn->minutes = (int)min;
	if (note != NULL && strlen(note) > NOTE_MAX)
		json_object_set_new(errors, "opmerking", json_string(
		    "De opmerking is te lang (hoogstens 500 tekens)."));
	rn->note = note ? note : "";
	return json_object_size(errors) == 0 ? 0 : -1;
}

static json_t *
reg_values(struct req *r)
{
	const char *k[] = { "datum", "soort", "minuten", "hele_dag", "opmerking" };
	json_t *v = json_object();

	for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		const char *x = form_str(r, k[i]);
		json_object_set_new(v, k[i], json_string(x && strlen(x) < 2000 ? x : ""));
	}
	return v;
}

void
page_school_reg_add(struct req *r)
{
	struct school_ctx c;
	struct reg_new rn;
	json_t *s, *errors = json_object();
	char loc[128];
	int rc;

	if (school_ctx_load(r, &c) != 0) {
		json_decref(errors);
		return;
	}
	if ((s = store_school_student(r->app->store, &r->user, r->ids[0])) == NULL) {
		school_ctx_free(&c);
		json_decref(errors);
		http_error(r, 404);
		return;
	}
	json_decref(s);
	memset(&rn, 0, sizeof(rn));
	rn.student_id = r->ids[0];
	rn.source = "formulier";
	rc = reg_validate(&c, form_str(r, "datum"), form_str(r, "soort"), form_str(r, "minuten"),
	    form_str(r, "hele_dag") != NULL, form_str(r, "opmerking"), &rn, errors);
	school_ctx_free(&c);
	if (rc != 0) {
		student_page(r, 422, errors, reg_values(r));
		return;
	}
	json_decref(errors);
	if (store_school_reg_add(r->app->store, &r->user, &rn) != 0) {
		http_error(r, 500);
		return;
	}
	audit(r, "wijzig", "leerling:%lld:registratie", (long long)r->ids[0]);
	snprintf(loc, sizeof(loc), "/school/leerlingen/%lld?maand=%.7s&opgeslagen=registratie"
	    "#afwezigheid", (long long)r->ids[0], rn.date);
	http_redirect(r, loc);
}

static void
correct_form(struct req *r, int status, json_t *reg, json_t *errors, json_t *values)
{
	json_t *kinds = json_array();
	const char *sel = json_string_value(json_object_get(values, "soort"));

	for (int i = 0; i < RULES_REG__MAX; i++)
		json_array_append_new(kinds, json_pack("{s:s,s:s,s:b}", "value",
		    rules_reg_kind_names[i], "label", school_reg_labels[i], "selected",
		    sel != NULL && strcmp(sel, rules_reg_kind_names[i]) == 0));
	reg_labels(reg);
	page_render(r, status, "school_correctie", json_pack("{s:s,s:o,s:o,s:o,s:o}", "title",
	    "Registratie corrigeren", "reg", reg, "kinds", kinds, "v", values, "e", errors));
}

void
page_school_reg_correct_form(struct req *r)
{
	json_t *reg = store_school_reg(r->app->store, &r->user, r->ids[0]), *v;

	if (reg == NULL) {
		http_error(r, 404);
		return;
	}
	v = json_pack("{s:O,s:O,s:s,s:O}", "datum", json_object_get(reg, "date"), "soort",
	    json_object_get(reg, "kind"), "minuten", "", "opmerking", json_object_get(reg, "note"));
	json_object_set_new(v, "minuten", json_sprintf("%lld",
	    (long long)json_integer_value(json_object_get(reg, "minutes"))));
	audit(r, "lees", "leerling:%lld:registratie:%lld",
	    (long long)json_integer_value(json_object_get(reg, "student_id")), (long long)r->ids[0]);
	correct_form(r, 200, reg, json_object(), v);
}

void
page_school_reg_correct(struct req *r)
{
	struct school_ctx c;
	struct reg_new rn;
	json_t *reg, *errors = json_object();
	const char *why = form_str(r, "reden");
	char loc[128];
	int rc;

	if ((reg = store_school_reg(r->app->store, &r->user, r->ids[0])) == NULL) {
		json_decref(errors);
		http_error(r, 404);
		return;
	}
	if (school_ctx_load(r, &c) != 0) {
		json_decref(reg);
		json_decref(errors);
		return;
	}
	memset(&rn, 0, sizeof(rn));
	rn.student_id = json_integer_value(json_object_get(reg, "student_id"));
	rn.source = "formulier";
	if (form_str(r, "vervalt") != NULL) {
		/* "Vervallen": the entry was wrong altogether (the wrong student, a day never missed). */
		snprintf(rn.date, sizeof(rn.date), "%s", json_string_value(json_object_get(reg,
		    "date")));
		rn.kind = json_string_value(json_object_get(reg, "kind"));
		rn.minutes = (int)json_integer_value(json_object_get(reg, "minutes"));
		rn.voided = 1;
		rc = 0;
		if (form_str(r, "bevestig") == NULL)
			json_object_set_new(errors, "bevestig", json_string("Bevestig dat deze "
			    "registratie vervalt: ze telt dan nergens meer mee."));
	} else
		rc = reg_validate(&c, form_str(r, "datum"), form_str(r, "soort"),
		    form_str(r, "minuten"), form_str(r, "hele_dag") != NULL,
		    form_str(r, "opmerking"), &rn, errors);
	school_ctx_free(&c);
	if (why == NULL || *why == '\0' || strlen(why) > NOTE_MAX)
		json_object_set_new(errors, "reden", json_string(
		    "Geef de reden van de correctie (hoogstens 500 tekens)."));
	if (!json_integer_value(json_object_get(reg, "active")))
		json_object_set_new(errors, "algemeen", json_string(
		    "Deze registratie is al gecorrigeerd; corrigeer de nieuwste versie."));
	if (json_object_size(errors) > 0 || rc != 0) {
		json_t *v = reg_values(r);
		json_object_set_new(v, "reden", json_string(why && strlen(why) < 2000 ? why : ""));
		correct_form(r, 422, reg, errors, v);
		return;
	}
	json_decref(errors);
	{
		char note[1100];
		if (rn.voided)
			snprintf(note, sizeof(note), "Vervallen: %s", why);
		else
			snprintf(note, sizeof(note), "%s%sCorrectie: %s", rn.note, *rn.note ? " — " : "",
			    why);
		rn.note = note;
		rc = store_school_reg_correct(r->app->store, &r->user, r->ids[0], &rn);
	}
	if (rc < 0) {
		json_decref(reg);
		http_error(r, 500);
		return;
	}
	audit(r, "wijzig", "leerling:%lld:registratie:%lld", (long long)rn.student_id,
	    (long long)r->ids[0]);
	snprintf(loc, sizeof(loc), "/school/leerlingen/%lld?maand=%.7s&opgeslagen=correctie"
	    "#afwezigheid", (long long)rn.student_id, rn.date);
	json_decref(reg);
	http_redirect(r, loc);
}

int
school_reg_validate(const struct school_ctx *c, const char *datum, const char *soort,
    const char *minuten, int hele_dag, const char *note, struct reg_new *rn, json_t *errors)
{
	return reg_validate(c, datum, soort, minuten, hele_dag, note, rn, errors);
}
