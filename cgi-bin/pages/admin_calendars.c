/*
 * Beheer: vacation calendars (SPEC §1: beheer manages calendars; §3: vacations are data, per
 * region or school, imported as CSV start,end,name). A calendar's vacations are replaced as a
 * whole, as verzuimctl vakanties does, after the administrator confirms it; a wrong line is
 * named on the form and nothing is written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "http/app.h"
#include "pages/admin.h"
#include "pages/desk.h"
#include "parse/csvread.h"
#include "store/admin.h"
#include "store/store.h"

#define CALENDAR_NAME_MAX	100
#define CALENDAR_VACATIONS_MAX	1000
#define CSV_HEADER		"start,end,name"

/* The CSV a calendar's form starts with: its vacations as they are. */
static json_t *
calendar_csv(json_t *vacations)
{
	struct buf b = { 0 };
	json_t *v, *s;
	size_t i;

	buf_puts(&b, CSV_HEADER "\n");
	json_array_foreach(vacations, i, v) {
		const char *name = json_string_value(json_object_get(v, "name"));
		char tstart[40], tend[40];

		buf_printf(&b, "%s,%s,", json_string_value(json_object_get(v, "start")),
		    json_string_value(json_object_get(v, "end")));
		/* RFC 4180: a name with a comma, quote or line break goes in quotes. */
		if (name != NULL && strpbrk(name, ",\"\r\n") != NULL) {
			buf_putc(&b, '"');
			for (const char *p = name; *p; p++) {
				if (*p == '"')
					buf_putc(&b, '"');
				buf_putc(&b, *p);
			}
			buf_putc(&b, '"');
		} else
			buf_puts(&b, name ? name : "");
		buf_putc(&b, '\n');
		desk_date_long(json_string_value(json_object_get(v, "start")), tstart, sizeof(tstart));
		desk_date_long(json_string_value(json_object_get(v, "end")), tend, sizeof(tend));
		json_object_set_new(v, "start_text", json_string(tstart));
		json_object_set_new(v, "end_text", json_string(tend));
	}
	s = json_string(b.p ? b.p : "");
	buf_free(&b);
	return s;
}

/*
 * The page. edit_id: the calendar whose form is shown again with text and error (0: none);
 * newv/newerr: the new-calendar form's values and errors.
 */
static void
calendars_page(struct req *r, int status, int64_t edit_id, const char *text, json_t *err,
    json_t *newv, json_t *newerr, const char *notice)
{
	json_t *cals = store_admin_calendar_list(r->app->store), *c;
	size_t i;

	json_array_foreach(cals, i, c) {
		json_t *csv = calendar_csv(json_object_get(c, "vakanties"));
		/* Each calendar has its own errors, so the template never sees the new form's. */
		if (json_integer_value(json_object_get(c, "id")) == edit_id) {
			json_decref(csv);
			csv = json_string(text);
			json_object_set(c, "errors", err);
		} else
			json_object_set_new(c, "errors", json_object());
		json_object_set_new(c, "csv", csv);
		json_object_set_new(c, "one_school",
		    json_boolean(json_integer_value(json_object_get(c, "schools")) == 1));
	}
	json_decref(err);
	page_render(r, status, "beheer_kalenders", json_pack("{s:s,s:o,s:o,s:o,s:s*}", "title",
	    "Vakantiekalenders", "calendars", cals, "v", newv ? newv : json_object(), "errors",
	    newerr ? newerr : json_object(), "notice", notice));
}

void
page_admin_calendars(struct req *r)
{
	calendars_page(r, 200, 0, NULL, NULL, NULL, NULL, query_str(r, "klaar") ?
	    "Opgeslagen: de vakanties van de kalender zijn vervangen." : NULL);
}

/* The form's CSV as rows for the store; NULL with msg set when a line is wrong. */
static struct vacation_row *
read_rows(const char *text, size_t *n, char *msg, size_t msgsz)
{
	struct rules_vacation *vac = NULL;
	struct csv_vacation_name *names = NULL;
	struct vacation_row *rows = NULL;
	struct csv_error err;

	*n = 0;
	if (strspn(text, " \t\r\n") == strlen(text)) {
		snprintf(msg, msgsz, "Vul de vakanties in, te beginnen met de kopregel %s.",
		    CSV_HEADER);
		return NULL;
	}
	if (csv_read_vacations_named(text, strlen(text), &vac, &names, n, &err) != 0) {
		if (err.line > 0)
			snprintf(msg, msgsz, "Regel %zu: %s.", err.line, err.msg);
		else
			snprintf(msg, msgsz, "%s.", err.msg);
		return NULL;
	}
	if (*n > CALENDAR_VACATIONS_MAX)
		snprintf(msg, msgsz, "Meer dan %d vakanties: splits de kalender.",
		    CALENDAR_VACATIONS_MAX);
	else if ((rows = calloc(*n ? *n : 1, sizeof(*rows))) == NULL)
		snprintf(msg, msgsz, "Er ging bij ons iets mis; probeer het opnieuw.");
	for (size_t i = 0; rows != NULL && i < *n; i++) {
		rules_date_format(vac[i].start, rows[i].start);
		rules_date_format(vac[i].end, rows[i].end);
		memcpy(rows[i].name, names[i].name, sizeof(rows[i].name));
	}
	free(vac);
	free(names);
	return rows;
}

void
page_admin_calendar_save(struct req *r)
{
	const char *text = form_str(r, "vakanties"), *name = form_str(r, "naam");
	const char *idtext = form_str(r, "kalender");
	int64_t id = 0, saved;
	json_t *errors = json_object();
	struct vacation_row *rows;
	char msg[300], where[64], stored[256];	/* names are at most 100 bytes */
	size_t n = 0;

	if (text == NULL)
		text = "";
	if (idtext != NULL && *idtext != '\0') {
		/* An existing calendar: its name comes from the database, not from the form. */
		char *end;
		id = strtoll(idtext, &end, 10);
		if (*end != '\0' || id <= 0 || store_calendar_name(r->app->store, id, stored,
		    sizeof(stored)) != 0) {
			json_decref(errors);
			http_error(r, 404);
			return;
		}
		name = stored;
		if (form_str(r, "bevestig") == NULL)
			json_object_set_new(errors, "bevestig", json_string("Vink aan dat u de "
			    "vakanties van deze kalender wilt vervangen."));
	} else {
		if (name == NULL)
			name = "";
		if (strlen(name) < 1 || strlen(name) > CALENDAR_NAME_MAX ||
		    strspn(name, " \t") == strlen(name))
			json_object_set_new(errors, "naam", json_string("Geef de kalender een naam "
			    "van 1 tot en met 100 tekens, bijvoorbeeld Regio Zuid 2026-2027."));
		else if (store_calendar_id(r->app->store, name) > 0)
			json_object_set_new(errors, "naam", json_string("Er is al een kalender met "
			    "deze naam: vervang de vakanties daar."));
	}
	if ((rows = read_rows(text, &n, msg, sizeof(msg))) == NULL)
		json_object_set_new(errors, "vakanties", json_string(msg));
	if (json_object_size(errors) > 0) {
		free(rows);
		if (id > 0)
			calendars_page(r, 422, id, text, errors, NULL, NULL, NULL);
		else
			calendars_page(r, 422, 0, NULL, NULL, json_pack("{s:s,s:s}", "naam", name,
			    "vakanties", text), errors, NULL);
		return;
	}
	json_decref(errors);
	saved = store_calendar_replace(r->app->store, name, rows, n);
	free(rows);
	if (saved < 0) {
		http_error(r, 500);
		return;
	}
	audit(r, "kalender_vervangen", "kalender:%lld:%zu", (long long)saved, n);
	snprintf(where, sizeof(where), "/beheer/kalenders?klaar=1#kalender-%lld", (long long)saved);
	http_redirect(r, where);
}
