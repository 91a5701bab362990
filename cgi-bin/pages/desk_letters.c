/*
 * Printable Dutch letters generated from a melding (issue 6): the kennisgevingsbrief to the
 * parents, the oproep (invitation to a conversation) and the officiële waarschuwing. Each is a page
 * in the site layout; static/print.css prints only the <article class="letter">.
 * A letter to an 18+ student is addressed to the student, otherwise to the parents.
 */
#include <stdio.h>
#include <string.h>
#include "http/app.h"
#include "pages/pages.h"
#include "pages/school.h"
#include "rules/rules.h"
#include "store/store.h"
#include "store/desk.h"

#define PLACE_MAX	200

/* The melding with what every letter shows; NULL after answering 404. */
static json_t *
letter_data(struct req *r, const char *kind)
{
	json_t *m = store_desk_melding(r->app->store, &r->user, r->ids[0]), *d;
	char today[11], today_long[40];

	if (m == NULL) {
		http_error(r, 404);
		return NULL;
	}
	{
		/* Letters about verzuim: not for a withdrawn melding, nor for one to the Inspectie. */
		const char *st = json_string_value(json_object_get(m, "status"));
		int gone = st != NULL && strcmp(st, "ingetrokken") == 0;
		if (gone || desk_melding_to_inspectie(m)) {
			json_decref(m);
			page_render_title(r, 409, "fout", "Geen brief", json_pack("{s:i,s:s}", "status",
			    409, "message", gone ? "De school heeft deze melding ingetrokken: er gaat "
			    "geen brief over uit." : "Deze melding ging naar de Inspectie van het "
			    "Onderwijs; dit loket is alleen geïnformeerd. Brieven over verzuim horen "
			    "bij een verzuimmelding."));
			return NULL;
		}
	}
	audit(r, "lees", "melding:%lld:brief:%s", (long long)r->ids[0], kind);
	desk_decorate_melding(m);
	desk_local_date(store_now(), today);
	desk_date_long(today, today_long, sizeof(today_long));
	d = json_pack("{s:o,s:s,s:s,s:s}", "m", m, "today", today_long, "officer", r->user.name,
	    "officer_role", r->user.role == ROLE_RMC ? "RMC-trajectbegeleider" :
	    "leerplichtambtenaar");
	return d;
}

void
page_desk_letter_kennisgeving(struct req *r)
{
	json_t *d = letter_data(r, "kennisgeving");

	if (d == NULL)
		return;
	json_object_set_new(d, "title", json_string("Kennisgevingsbrief"));
	page_render(r, 200, "brief_kennisgeving", d);
}

void
page_desk_letter_waarschuwing(struct req *r)
{
	json_t *d = letter_data(r, "waarschuwing");

	if (d == NULL)
		return;
	/* As for the MAS action (desk.c rmc_case): no warning to an 18-23 year-old (RMC). */
	if (desk_melding_adult(json_object_get(d, "m"))) {
		json_decref(d);
		page_render_title(r, 409, "fout", "Geen officiële waarschuwing", json_pack("{s:i,s:s}",
		    "status", 409, "message", "Deze melding gaat over een leerling van 18 tot 23 jaar "
		    "(RMC). Die is niet meer leerplichtig of kwalificatieplichtig: een officiële "
		    "waarschuwing is niet mogelijk."));
		return;
	}
	json_object_set_new(d, "title", json_string("Officiële waarschuwing"));
	page_render(r, 200, "brief_waarschuwing", d);
}

static int
valid_time(const char *t)
{
	return strlen(t) == 5 && t[0] >= '0' && t[0] <= '2' && t[1] >= '0' && t[1] <= '9' &&
	    t[2] == ':' && t[3] >= '0' && t[3] <= '5' && t[4] >= '0' && t[4] <= '9' &&
	    (t[0] - '0') * 10 + (t[1] - '0') < 24;
}

/* The appointment comes from a small form on the page itself (GET, no JavaScript needed). */
void
page_desk_letter_oproep(struct req *r)
{
	const char *datum = query_str(r, "datum"), *tijd = query_str(r, "tijd");
	const char *plaats = query_str(r, "plaats");
	json_t *d, *errs = json_object();
	rules_date dd;
	char longd[40];
	int status = 200;

	if ((d = letter_data(r, "oproep")) == NULL) {
		json_decref(errs);
		return;
	}
	json_object_set_new(d, "title", json_string("Oproep voor een gesprek"));
	json_object_set_new(d, "datum", json_string(datum ? datum : ""));
	json_object_set_new(d, "tijd", json_string(tijd ? tijd : ""));
	json_object_set_new(d, "plaats", json_string(plaats ? plaats : ""));
	if (plaats != NULL && plaats[0] != '\0' && strlen(plaats) <= PLACE_MAX)
		json_object_set_new(d, "plaats_text", json_string(plaats));
	if (datum != NULL && datum[0] != '\0') {
		if (rules_date_parse(datum, strlen(datum), &dd) != 0) {
			json_object_set_new(errs, "datum", json_string("Vul een geldige datum in, "
			    "bijvoorbeeld 2026-12-03."));
		} else if (dd < school_today()) {
			json_object_set_new(errs, "datum", json_string("Deze datum is al voorbij: kies "
			    "een dag vanaf vandaag."));
		} else {
			desk_date_long(datum, longd, sizeof(longd));
			json_object_set_new(d, "datum_text", json_string(longd));
		}
	}
	if (tijd != NULL && tijd[0] != '\0') {
		if (!valid_time(tijd))
			json_object_set_new(errs, "tijd", json_string("Vul een tijd in als uu:mm, "
			    "bijvoorbeeld 14:30."));
		else
			json_object_set_new(d, "tijd_text", json_string(tijd));
	}
	if (plaats != NULL && strlen(plaats) > PLACE_MAX)
		json_object_set_new(errs, "plaats", json_string("De plaats is te lang (hoogstens "
		    "200 tekens)."));
	if (json_object_size(errs) > 0)
		status = 422;
	json_object_set_new(d, "errors", errs);
	page_render(r, status, "brief_oproep", d);
}
