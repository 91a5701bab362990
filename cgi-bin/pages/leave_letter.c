/* The decision letter (SPEC §8): a printable Dutch letter with the decision, its reasons, the
 * period and days, who decided, and how to lodge an objection (bezwaar) within six weeks. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "http/app.h"
#include "pages/leave.h"
#include "store/store.h"
#include "store/leave.h"

static json_t *
long_date_json(const char *iso)
{
	rules_date d;
	char buf[40];

	if (iso == NULL || leave_parse_date(iso, &d) != 0)
		return json_string(iso ? iso : "");
	rules_date_long(d, buf);
	return json_string(buf);
}

void
page_leave_letter(struct req *r)
{
	int64_t id = r->ids[0];
	json_t *req = store_leave_get(r->app->store, &r->user, id), *dec, *d, *codes;
	char buf[40];
	int64_t at;
	rules_date day, deadline;

	if (req == NULL || (dec = store_leave_decision(r->app->store, id)) == NULL) {
		json_decref(req);
		http_error(r, 404);
		return;
	}
	audit(r, "lees", "verlofaanvraag:%lld:brief", (long long)id);
	codes = json_loads(json_string_value(json_object_get(dec, "reasons")) ?
	    json_string_value(json_object_get(dec, "reasons")) : "[]", 0, NULL);
	json_object_set_new(dec, "redenen", leave_reason_texts(codes));
	json_decref(codes);
	json_object_set_new(dec, "toegekend", json_boolean(strcmp(json_string_value(
	    json_object_get(dec, "decision")), "toegekend") == 0));
	json_object_set_new(dec, "door_directeur", json_boolean(strcmp(json_string_value(
	    json_object_get(dec, "decider_role")), "directeur") == 0));
	/* Dated in Europe/Amsterdam; bezwaar within six weeks after the day of the letter. */
	at = (int64_t)json_integer_value(json_object_get(dec, "decided_at"));
	day = rules_nl_date(at);
	rules_date_long(day, buf);
	json_object_set_new(dec, "datum", json_string(buf));
	deadline = day + 42;
	rules_date_long(deadline, buf);
	json_object_set_new(dec, "bezwaar_tot", json_string(buf));
	json_object_set_new(req, "van_lang", long_date_json(json_string_value(json_object_get(req,
	    "start_date"))));
	json_object_set_new(req, "tot_lang", long_date_json(json_string_value(json_object_get(req,
	    "end_date"))));
	json_object_set_new(req, "grond_label", json_string(leave_label("grond",
	    json_string_value(json_object_get(req, "ground")))));
	json_object_set_new(req, "categorie_label", json_string(leave_label("categorie",
	    json_string_value(json_object_get(req, "category")))));
	{
		int64_t n = (int64_t)json_integer_value(json_object_get(req, "school_days"));
		char t[40];
		snprintf(t, sizeof(t), "%lld schooldag%s", (long long)n, n == 1 ? "" : "en");
		json_object_set_new(req, "dagen_tekst", json_string(t));
	}
	d = json_pack("{s:s,s:o,s:o}", "title", "Besluit op verlofaanvraag", "r", req, "b", dec);
	page_render(r, 200, "verlof_brief", d);
}
