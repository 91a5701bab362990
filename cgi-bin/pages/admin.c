/*
 * Beheer: users (invite, change role and scope, disable). Schools and desks: admin_places.c.
 * Never shows a melding, leave request or absence data (SPEC §1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse/text.h"
#include "http/app.h"
#include "pages/pages.h"
#include "store/admin.h"
#include "store/store.h"

#define PAGE_SIZE 50

int64_t
admin_form_id(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 ? (int64_t)v : -1;
}

const char *
admin_form_text(const struct req *r, const char *name)
{
	const char *v = form_str(r, name);
	return v == NULL ? "" : v;
}

void
page_admin_home(struct req *r)
{
	int64_t total;
	json_t *users = store_admin_users(r->app->store, NULL, 1, 0, &total);

	json_decref(users);
	page_render(r, 200, "beheer", json_pack("{s:s,s:I,s:o,s:o}", "title", "Beheer",
	    "users", (json_int_t)total, "schools", store_admin_schools(r->app->store),
	    "gemeenten", store_admin_gemeenten(r->app->store)));
}

void
page_admin_users(struct req *r)
{
	int64_t page = admin_form_id(query_str(r, "pagina")), total, pages;
	const char *q = query_str(r, "zoek");
	json_t *d;

	if (q == NULL || strlen(q) > 128)
		q = "";
	if (page <= 0 || page > INT64_MAX / PAGE_SIZE)
		page = 1;
	d = json_pack("{s:s,s:s}", "title", "Gebruikers", "zoek", q);
	json_object_set_new(d, "rows", store_admin_users(r->app->store, q, PAGE_SIZE,
	    (page - 1) * PAGE_SIZE, &total));
	pages = total == 0 ? 1 : (total + PAGE_SIZE - 1) / PAGE_SIZE;
	if (page > pages) {	/* a page number from an edited link: the last page */
		page = pages;
		json_object_set_new(d, "rows", store_admin_users(r->app->store, q, PAGE_SIZE,
		    (page - 1) * PAGE_SIZE, &total));
	}
	json_object_set_new(d, "page", json_integer(page));
	json_object_set_new(d, "pages", json_integer(pages));
	if (page > 1)
		json_object_set_new(d, "prev", json_integer(page - 1));
	if (page < pages)
		json_object_set_new(d, "next", json_integer(page + 1));
	json_object_set_new(d, "notice", json_string(query_str(r, "klaar") ? "Opgeslagen." : ""));
	page_render(r, 200, "beheer_gebruikers", d);
}

/* Mark the option whose key equals the value as selected (templates have no comparison). */
void
options_select(json_t *options, const char *key, const json_t *value)
{
	size_t i;
	json_t *o;

	json_array_foreach(options, i, o)
		if (value != NULL && json_equal(json_object_get(o, key), value))
			json_object_set_new(o, "selected", json_true());
}

/* Form data for the user form: the options and what was entered. */
static json_t *
user_form(struct req *r, const char *title, json_t *values, json_t *errors)
{
	json_t *roles_a = json_array(), *schools = store_admin_schools(r->app->store),
	    *desks = store_loketten(r->app->store);

	for (int i = 1; i < ROLE__MAX; i++)
		json_array_append_new(roles_a, json_pack("{s:s,s:s}", "value", roles[i], "label",
		    role_labels[i]));
	options_select(roles_a, "value", json_object_get(values, "role"));
	options_select(schools, "id", json_object_get(values, "school_id"));
	options_select(desks, "id", json_object_get(values, "loket_id"));
	return json_pack("{s:s,s:o,s:o,s:o,s:o,s:o}", "title", title, "roles", roles_a,
	    "schools", schools, "loketten", desks, "v", values, "errors", errors);
}

/* Validates role and scope from the form; fills errors. */
static void
check_role_scope(struct req *r, json_t *errors, enum role *role, int64_t *school, int64_t *loket)
{
	*role = role_parse(admin_form_text(r, "rol"));
	*school = admin_form_id(form_str(r, "school"));
	*loket = admin_form_id(form_str(r, "loket"));
	if (*role == ROLE_NONE)
		json_object_set_new(errors, "rol", json_string("Kies een rol."));
	if ((*role == ROLE_SCHOOL || *role == ROLE_DIRECTEUR) &&
	    (*school <= 0 || !store_admin_exists(r->app->store, "school", *school)))
		json_object_set_new(errors, "school", json_string("Kies de school van deze gebruiker."));
	if ((*role == ROLE_LEERPLICHT || *role == ROLE_RMC) &&
	    (*loket <= 0 || !store_admin_exists(r->app->store, "loket", *loket)))
		json_object_set_new(errors, "loket", json_string("Kies het loket van deze gebruiker."));
	else if (*role == ROLE_LEERPLICHT &&
	    !store_admin_exists(r->app->store, "loket_leerplicht", *loket))
		json_object_set_new(errors, "loket", json_string("Dit loket doet geen leerplicht "
		    "(5-18): kies een leerplichtloket, of de rol RMC."));
	else if (*role == ROLE_RMC && !store_admin_exists(r->app->store, "loket_rmc", *loket))
		json_object_set_new(errors, "loket", json_string("Dit loket doet geen RMC (18-23): "
		    "kies een RMC-loket, of de rol leerplicht."));
	if (*role != ROLE_SCHOOL && *role != ROLE_DIRECTEUR)
		*school = 0;
	if (*role != ROLE_LEERPLICHT && *role != ROLE_RMC)
		*loket = 0;
}

void
page_admin_user_new_form(struct req *r)
{
	page_render(r, 200, "beheer_gebruiker", user_form(r, "Gebruiker uitnodigen",
	    json_pack("{s:s,s:s,s:s}", "email", "", "name", "", "role", ""), json_object()));
}


void
page_admin_user_new(struct req *r)
{
	const char *email = admin_form_text(r, "email"), *name = admin_form_text(r, "naam");
	json_t *errors = json_object();
	enum role role;
	int64_t school, loket, id = -1;
	char loc[64];

	check_role_scope(r, errors, &role, &school, &loket);
	if (!text_is_email(email))
		json_object_set_new(errors, "email", json_string("Vul een geldig e-mailadres in."));
	if (strlen(name) < 2 || strlen(name) > 120)
		json_object_set_new(errors, "naam", json_string("Vul de naam in (2 tot 120 tekens)."));
	if (json_object_size(errors) == 0) {
		if (store_begin(r->app->store) != 0) {
			http_error(r, 500);
			json_decref(errors);
			return;
		}
		id = store_admin_user_insert(r->app->store, email, name, roles[role], school, loket);
		if (id == 0)
			json_object_set_new(errors, "email",
			    json_string("Er bestaat al een gebruiker met dit e-mailadres."));
		if (id <= 0 || onetime_link_send(r, id, email, "activeren") != 0 ||
		    store_commit(r->app->store) != 0) {
			store_rollback(r->app->store);
			if (id < 0) {
				http_error(r, 500);
				json_decref(errors);
				return;
			}
		}
	}
	if (json_object_size(errors) > 0) {
		page_render(r, 422, "beheer_gebruiker", user_form(r, "Gebruiker uitnodigen",
		    json_pack("{s:s,s:s,s:s,s:I,s:I}", "email", email, "name", name, "role",
		    role == ROLE_NONE ? "" : roles[role], "school_id", (json_int_t)school,
		    "loket_id", (json_int_t)loket), errors));
		return;
	}
	audit(r, "gebruiker_uitgenodigd", "gebruiker:%lld", (long long)id);
	snprintf(loc, sizeof(loc), "/beheer/gebruikers/%lld?uitgenodigd=1", (long long)id);
	http_redirect(r, loc);
}

void
page_admin_user(struct req *r)
{
	json_t *u = store_admin_user(r->app->store, r->ids[0]), *d;

	if (u == NULL) {
		http_error(r, 404);
		return;
	}
	d = user_form(r, "Gebruiker wijzigen", u, json_object());
	json_object_set_new(d, "edit", json_true());
	if (query_str(r, "uitgenodigd"))
		json_object_set_new(d, "notice", json_string("De uitnodiging is verstuurd."));
	if (query_str(r, "herstel"))
		json_object_set_new(d, "notice", json_string("De link voor een nieuw wachtwoord is "
		    "verstuurd."));
	if (query_str(r, "klaar"))
		json_object_set_new(d, "notice", json_string("Opgeslagen."));
	page_render(r, 200, "beheer_gebruiker", d);
}

void
page_admin_user_save(struct req *r)
{
	json_t *u = store_admin_user(r->app->store, r->ids[0]), *errors = json_object(), *d;
	const char *name = admin_form_text(r, "naam");
	enum role role;
	int64_t school, loket;
	int disable = form_str(r, "uitgeschakeld") != NULL;
	int was_disabled;
	char loc[64];

	if (u == NULL) {
		json_decref(errors);
		http_error(r, 404);
		return;
	}
	was_disabled = json_integer_value(json_object_get(u, "disabled")) != 0;
	check_role_scope(r, errors, &role, &school, &loket);
	if (strlen(name) < 2 || strlen(name) > 120)
		json_object_set_new(errors, "naam", json_string("Vul de naam in (2 tot 120 tekens)."));
	if (r->ids[0] == r->user.id && (disable || role != ROLE_BEHEER))
		json_object_set_new(errors, "rol", json_string("U kunt uw eigen account niet "
		    "uitschakelen of uw eigen beheerrol afnemen."));
	/* Disabling is destructive: it needs an explicit confirmation. */
	if (disable && !was_disabled && form_str(r, "bevestig") == NULL)
		json_object_set_new(errors, "bevestig", json_string("Bevestig dat u dit account wilt "
		    "uitschakelen: de gebruiker wordt direct uitgelogd en kan niet meer inloggen."));
	if (json_object_size(errors) > 0) {
		json_object_set_new(u, "name", json_string(name));
		json_object_set_new(u, "role", json_string(role == ROLE_NONE ? "" : roles[role]));
		json_object_set_new(u, "school_id", json_integer(school));
		json_object_set_new(u, "loket_id", json_integer(loket));
		json_object_set_new(u, "disabled", json_integer(disable));
		d = user_form(r, "Gebruiker wijzigen", u, errors);
		json_object_set_new(d, "edit", json_true());
		json_object_set_new(d, "confirm", json_boolean(json_object_get(errors, "bevestig") != NULL));
		page_render(r, 422, "beheer_gebruiker", d);
		return;
	}
	json_decref(u);
	json_decref(errors);
	if (store_admin_user_update(r->app->store, r->ids[0], name, roles[role], school, loket,
	    disable) != 0) {
		http_error(r, 500);
		return;
	}
	audit(r, disable ? "gebruiker_uitgeschakeld" : "gebruiker_gewijzigd", "gebruiker:%lld",
	    (long long)r->ids[0]);
	snprintf(loc, sizeof(loc), "/beheer/gebruikers/%lld?klaar=1", (long long)r->ids[0]);
	http_redirect(r, loc);
}

void
page_admin_user_reset(struct req *r)
{
	json_t *u = store_admin_user(r->app->store, r->ids[0]);
	char loc[64];

	if (u == NULL) {
		http_error(r, 404);
		return;
	}
	if (json_integer_value(json_object_get(u, "disabled")) != 0) {
		/* The link would not work for a disabled account: say so instead of sending it. */
		json_t *d = user_form(r, "Gebruiker wijzigen", u, json_object());
		json_object_set_new(d, "edit", json_true());
		json_object_set_new(d, "fout", json_string("Dit account is uitgeschakeld. Schakel het "
		    "eerst weer in; verstuur daarna een link voor een nieuw wachtwoord."));
		page_render(r, 409, "beheer_gebruiker", d);
		return;
	}
	if (onetime_link_send(r, r->ids[0], json_string_value(json_object_get(u, "email")),
	    "herstel") != 0) {
		json_decref(u);
		http_error(r, 500);
		return;
	}
	json_decref(u);
	audit(r, "herstel_verstuurd", "gebruiker:%lld", (long long)r->ids[0]);
	snprintf(loc, sizeof(loc), "/beheer/gebruikers/%lld?herstel=1", (long long)r->ids[0]);
	http_redirect(r, loc);
}
