/*
 * Beheer: schools and desks (SPEC §1, §2): the lists, adding one, and changing one. A school
 * keeps its BRIN code and a desk its gemeente: imports name the school by BRIN, and meldingen
 * are routed to the desks of the student's woongemeente. Every change is audited.
 */
#include <stdio.h>
#include <string.h>
#include "parse/text.h"
#include "http/app.h"
#include "pages/pages.h"
#include "store/admin.h"
#include "store/store.h"

static const char *const school_sorts[] = { "po", "vo", "mbo", "vso", "pro" };

/* The schools page: the list and a form, to add (edit NULL) or to change the school edit. */
static void
schools_page(struct req *r, int status, json_t *v, json_t *errors, const char *notice,
    const json_t *edit)
{
	json_t *sorts = json_array(), *regions = json_array(),
	    *cals = store_admin_calendars(r->app->store), *gems = store_admin_gemeenten(r->app->store);

	for (size_t i = 0; i < sizeof(school_sorts) / sizeof(school_sorts[0]); i++)
		json_array_append_new(sorts, json_pack("{s:s}", "value", school_sorts[i]));
	app_policies_refresh(r->app);
	for (size_t i = 0; i < r->app->npolicies; i++)
		json_array_append_new(regions, json_pack("{s:s}", "value", r->app->policies[i].regio));
	/* The choices made (or the school's own) stay chosen. */
	options_select(sorts, "value", json_object_get(v, "soort"));
	options_select(regions, "value", json_object_get(v, "regio"));
	options_select(cals, "id", json_object_get(v, "kalender"));
	options_select(gems, "id", json_object_get(v, "gemeente"));
	page_render(r, status, "beheer_scholen", json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:s*,s:O*}",
	    "title", edit ? "School wijzigen" : "Scholen", "rows", store_admin_schools(r->app->store),
	    "sorts", sorts, "regions", regions, "calendars", cals, "gemeenten", gems, "v", v,
	    "errors", errors, "notice", notice, "edit", edit));
}

void
page_admin_schools(struct req *r)
{
	schools_page(r, 200, json_object(), json_object(), query_str(r, "klaar") ? "Opgeslagen." :
	    NULL, NULL);
}

/* The posted school fields, checked; the BRIN code only when adding. */
static void
school_form(struct req *r, struct admin_school *a, json_t *errors, int adding)
{
	const char *brin = admin_form_text(r, "brin");
	int sort_ok = 0;

	a->name = admin_form_text(r, "naam");
	a->sort = admin_form_text(r, "soort");
	a->region = admin_form_text(r, "regio");
	a->phone = admin_form_text(r, "telefoon");
	a->email = admin_form_text(r, "email");
	a->calendar_id = admin_form_id(form_str(r, "kalender"));
	a->gemeente_id = admin_form_id(form_str(r, "gemeente"));
	for (size_t i = 0; i < sizeof(school_sorts) / sizeof(school_sorts[0]); i++)
		sort_ok |= strcmp(a->sort, school_sorts[i]) == 0;
	if (adding && (strlen(brin) != 4 || strspn(brin, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 4))
		json_object_set_new(errors, "brin", json_string("Een BRIN-code heeft 4 tekens: "
		    "cijfers en hoofdletters, bijvoorbeeld 12AB."));
	if (strlen(a->name) < 2 || strlen(a->name) > 120 || !text_is_line(a->name))
		json_object_set_new(errors, "naam", json_string("Vul de naam van de school in."));
	if (!sort_ok)
		json_object_set_new(errors, "soort", json_string("Kies de soort school."));
	if (app_policy(r, a->region) == NULL)
		json_object_set_new(errors, "regio", json_string("Kies het verzuimbeleid (regio)."));
	if (a->calendar_id <= 0 || !store_admin_exists(r->app->store, "calendar", a->calendar_id))
		json_object_set_new(errors, "kalender", json_string("Kies de vakantiekalender."));
	if (a->gemeente_id < 0 || (a->gemeente_id > 0 &&
	    !store_admin_exists(r->app->store, "gemeente", a->gemeente_id)))
		json_object_set_new(errors, "gemeente", json_string("Kies een bestaande gemeente."));
	if (strlen(a->phone) > 40 || !text_is_line(a->phone))
		json_object_set_new(errors, "telefoon", json_string("Het telefoonnummer is te lang."));
	if (*a->email != '\0' && !text_is_email(a->email))
		json_object_set_new(errors, "email", json_string("Vul een geldig e-mailadres in, of "
		    "laat het leeg."));
}

static json_t *
school_values(const char *brin, const struct admin_school *a)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:I,s:I,s:s,s:s}", "brin", brin, "naam", a->name,
	    "soort", a->sort, "regio", a->region, "kalender", (json_int_t)a->calendar_id,
	    "gemeente", (json_int_t)a->gemeente_id, "telefoon", a->phone, "email", a->email);
}

void
page_admin_school_new(struct req *r)
{
	const char *brin = admin_form_text(r, "brin");
	struct admin_school a;
	json_t *errors = json_object();
	int64_t id;

	school_form(r, &a, errors, 1);
	if (json_object_size(errors) == 0) {
		id = store_admin_school_insert(r->app->store, brin, &a);
		if (id == 0)
			json_object_set_new(errors, "brin", json_string("Deze BRIN-code bestaat al."));
		else if (id < 0) {
			json_decref(errors);
			http_error(r, 500);
			return;
		}
	}
	if (json_object_size(errors) > 0) {
		schools_page(r, 422, school_values(brin, &a), errors, NULL, NULL);
		return;
	}
	json_decref(errors);
	audit(r, "school_toegevoegd", "school:%s", brin);
	http_redirect(r, "/beheer/scholen?klaar=1");
}

void
page_admin_school(struct req *r)
{
	json_t *s = store_admin_school(r->app->store, r->ids[0]);

	if (s == NULL) {
		http_error(r, 404);
		return;
	}
	schools_page(r, 200, json_pack("{s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:O}", "brin",
	    json_object_get(s, "brin"), "naam", json_object_get(s, "name"), "soort",
	    json_object_get(s, "sort"), "regio", json_object_get(s, "region"), "kalender",
	    json_object_get(s, "calendar_id"), "gemeente", json_object_get(s, "gemeente_id"),
	    "telefoon", json_object_get(s, "phone"), "email", json_object_get(s, "email")),
	    json_object(), NULL, s);
	json_decref(s);
}

void
page_admin_school_save(struct req *r)
{
	json_t *s = store_admin_school(r->app->store, r->ids[0]), *errors = json_object();
	struct admin_school a;
	char loc[64];

	if (s == NULL) {
		json_decref(errors);
		http_error(r, 404);
		return;
	}
	school_form(r, &a, errors, 0);
	if (json_object_size(errors) > 0) {
		schools_page(r, 422, school_values(json_string_value(json_object_get(s, "brin")), &a),
		    errors, NULL, s);
		json_decref(s);
		return;
	}
	json_decref(errors);
	if (store_admin_school_update(r->app->store, r->ids[0], &a) != 0) {
		json_decref(s);
		http_error(r, 500);
		return;
	}
	audit(r, "school_gewijzigd", "school:%s", json_string_value(json_object_get(s, "brin")));
	json_decref(s);
	snprintf(loc, sizeof(loc), "/beheer/scholen/%lld?klaar=1", (long long)r->ids[0]);
	http_redirect(r, loc);
}

/* ---------------------------------------------------------------- desks */

static void
desks_page(struct req *r, int status, json_t *v, json_t *errors, const char *notice,
    const json_t *edit)
{
	json_t *gems = store_admin_gemeenten(r->app->store);

	options_select(gems, "id", json_object_get(v, "gemeente"));	/* kept after an error */
	page_render(r, status, "beheer_loketten", json_pack("{s:s,s:o,s:o,s:o,s:o,s:s*,s:O*}",
	    "title", edit ? "Loket wijzigen" : "Loketten", "rows", store_loketten(r->app->store),
	    "gemeenten", gems, "v", v, "errors", errors, "notice", notice, "edit", edit));
}

void
page_admin_desks(struct req *r)
{
	desks_page(r, 200, json_object(), json_object(), query_str(r, "klaar") ? "Opgeslagen." :
	    NULL, NULL);
}

struct desk_form {
	const char	*name, *dept, *phone, *email;
	int64_t		 gemeente;
	int		 lp, rmc;
};

static void
desk_form(struct req *r, struct desk_form *f, json_t *errors)
{
	f->name = admin_form_text(r, "naam");
	f->dept = admin_form_text(r, "afdeling");
	f->phone = admin_form_text(r, "telefoon");
	f->email = admin_form_text(r, "email");
	f->gemeente = admin_form_id(form_str(r, "gemeente"));
	f->lp = form_str(r, "leerplicht") != NULL;
	f->rmc = form_str(r, "rmc") != NULL;
	if (strlen(f->name) < 2 || strlen(f->name) > 120 || !text_is_line(f->name))
		json_object_set_new(errors, "naam", json_string("Vul de naam van het loket in."));
	if (strlen(f->dept) > 120 || !text_is_line(f->dept))
		json_object_set_new(errors, "afdeling", json_string("De afdeling is te lang."));
	if (strlen(f->phone) < 3 || strlen(f->phone) > 40 || !text_is_line(f->phone))
		json_object_set_new(errors, "telefoon", json_string("Vul een telefoonnummer in."));
	if (!text_is_email(f->email))
		json_object_set_new(errors, "email", json_string("Vul een geldig e-mailadres in."));
	if (!f->lp && !f->rmc)
		json_object_set_new(errors, "leeftijd", json_string("Kies voor welke leeftijden het "
		    "loket werkt: leerplicht (5–18), RMC (18–23) of beide."));
}

static json_t *
desk_values(const struct desk_form *f)
{
	return json_pack("{s:I,s:s,s:s,s:s,s:s,s:b,s:b}", "gemeente", (json_int_t)f->gemeente,
	    "naam", f->name, "afdeling", f->dept, "telefoon", f->phone, "email", f->email,
	    "leerplicht", f->lp, "rmc", f->rmc);
}

void
page_admin_desk_new(struct req *r)
{
	struct desk_form f;
	json_t *errors = json_object();

	desk_form(r, &f, errors);
	if (f.gemeente <= 0 || !store_admin_exists(r->app->store, "gemeente", f.gemeente))
		json_object_set_new(errors, "gemeente", json_string("Kies de gemeente."));
	if (json_object_size(errors) > 0) {
		desks_page(r, 422, desk_values(&f), errors, NULL, NULL);
		return;
	}
	json_decref(errors);
	if (store_admin_loket_insert(r->app->store, f.gemeente, f.name, f.dept, f.phone, f.email,
	    f.lp, f.rmc) < 0) {
		http_error(r, 500);
		return;
	}
	audit(r, "loket_toegevoegd", "gemeente:%lld", (long long)f.gemeente);
	http_redirect(r, "/beheer/loketten?klaar=1");
}

void
page_admin_desk(struct req *r)
{
	json_t *l = store_admin_loket(r->app->store, r->ids[0]);

	if (l == NULL) {
		http_error(r, 404);
		return;
	}
	desks_page(r, 200, json_pack("{s:O,s:O,s:O,s:O,s:O,s:b,s:b}", "gemeente",
	    json_object_get(l, "gemeente_id"), "naam", json_object_get(l, "name"), "afdeling",
	    json_object_get(l, "department"), "telefoon", json_object_get(l, "phone"), "email",
	    json_object_get(l, "email"), "leerplicht",
	    json_integer_value(json_object_get(l, "covers_leerplicht")) != 0, "rmc",
	    json_integer_value(json_object_get(l, "covers_rmc")) != 0), json_object(), NULL, l);
	json_decref(l);
}

void
page_admin_desk_save(struct req *r)
{
	json_t *l = store_admin_loket(r->app->store, r->ids[0]), *errors = json_object();
	struct desk_form f;
	char loc[64];

	if (l == NULL) {
		json_decref(errors);
		http_error(r, 404);
		return;
	}
	desk_form(r, &f, errors);
	f.gemeente = json_integer_value(json_object_get(l, "gemeente_id"));
	/* Officers of an age group the desk would no longer cover would lose their inbox. */
	if (!f.lp && store_admin_loket_users(r->app->store, r->ids[0], "leerplicht") != 0)
		json_object_set_new(errors, "leeftijd", json_string("Aan dit loket werken "
		    "leerplichtambtenaren: het blijft leerplicht (5–18) doen. Geef hen eerst een "
		    "ander loket."));
	if (!f.rmc && store_admin_loket_users(r->app->store, r->ids[0], "rmc") != 0)
		json_object_set_new(errors, "leeftijd", json_string("Aan dit loket werken "
		    "RMC-medewerkers: het blijft RMC (18–23) doen. Geef hen eerst een ander loket."));
	if (json_object_size(errors) > 0) {
		desks_page(r, 422, desk_values(&f), errors, NULL, l);
		json_decref(l);
		return;
	}
	json_decref(errors);
	json_decref(l);
	if (store_admin_loket_update(r->app->store, r->ids[0], f.name, f.dept, f.phone, f.email,
	    f.lp, f.rmc) != 0) {
		http_error(r, 500);
		return;
	}
	audit(r, "loket_gewijzigd", "loket:%lld", (long long)r->ids[0]);
	snprintf(loc, sizeof(loc), "/beheer/loketten/%lld?klaar=1", (long long)r->ids[0]);
	http_redirect(r, loc);
}
