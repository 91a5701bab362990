/* Building responses: pages in the site layout, Dutch error pages, redirects, plain text. */
#include <stdio.h>
#include <string.h>
#include "http/app.h"
#include "http/template.h"
#include "store/store.h"

struct error_text {
	int		 status;
	const char	*title;
	const char	*message;
};

static const struct error_text error_texts[] = {
	{ 400, "Ongeldig verzoek", "Het verzoek kon niet worden gelezen. Controleer wat u hebt "
	    "ingevuld en probeer het opnieuw." },
	{ 403, "Geen toegang", "U hebt geen toegang tot deze pagina, of het formulier is verlopen. "
	    "Ga terug, laad de pagina opnieuw en probeer het nog eens." },
	{ 404, "Pagina niet gevonden", "De pagina die u zoekt bestaat niet of is niet (meer) "
	    "beschikbaar." },
	{ 405, "Methode niet toegestaan", "Deze pagina kan niet op deze manier worden opgevraagd." },
	{ 413, "Verzoek te groot", "Wat u wilt versturen is te groot. Bijlagen mogen samen "
	    "hoogstens 12 MB zijn." },
	{ 414, "Adres te lang", "Het adres van de pagina is te lang." },
	{ 429, "Te veel pogingen", "Er zijn te veel pogingen gedaan. Probeer het over een kwartier "
	    "opnieuw." },
	{ 500, "Er ging iets mis", "Er ging bij ons iets mis. Probeer het later opnieuw; blijft het "
	    "misgaan, neem dan contact op met de beheerder." },
	{ 503, "Tijdelijk niet beschikbaar", "Het verzuimloket is tijdelijk niet beschikbaar. "
	    "Probeer het later opnieuw." },
};

void
http_header(struct req *r, const char *name, const char *value)
{
	/* Header values never come from input unchecked: refuse CR/LF outright. */
	if (strpbrk(value, "\r\n") != NULL || strpbrk(name, "\r\n:") != NULL)
		return;
	buf_printf(&r->headers, "%s: %s\r\n", name, value);
}

void
http_text(struct req *r, int status, const char *ctype, const char *body, size_t len)
{
	r->status = status;
	r->ctype = ctype;
	buf_reset(&r->body);
	buf_put(&r->body, body, len);
	r->done = 1;
}

void
http_redirect(struct req *r, const char *location)
{
	r->status = 303;
	r->ctype = "text/plain; charset=utf-8";
	http_header(r, "Location", location);
	buf_reset(&r->body);
	r->done = 1;
}

/* Navigation follows the role. */
struct nav_item {
	unsigned	 roles;
	const char	*href;
	const char	*label;
};

static const struct nav_item nav[] = {
	{ R(ROLE_OUDER), "/ouder", "Mijn kinderen" },
	{ R(ROLE_OUDER), "/verlof", "Verlofaanvragen" },
	{ R_STAFF, "/school", "Overzicht" },
	{ R_STAFF, "/school/leerlingen", "Leerlingen" },
	{ R_STAFF, "/school/signalen", "Signalen" },
	{ R_STAFF, "/school/meldingen", "Meldingen" },
	{ R_STAFF, "/school/import", "Importeren" },
	{ R_STAFF, "/verlof", "Verlofaanvragen" },
	{ R_DESK, "/loket", "Inbox" },
	{ R_DESK, "/verlof", "Verlofaanvragen" },
	{ R_DESK, "/loket/overzicht", "Overzicht" },
	{ R(ROLE_BEHEER), "/beheer", "Beheer" },
	{ R(ROLE_BEHEER), "/beheer/gebruikers", "Gebruikers" },
	{ R(ROLE_BEHEER), "/beheer/scholen", "Scholen" },
	{ R(ROLE_BEHEER), "/beheer/loketten", "Loketten" },
	{ R(ROLE_BEHEER), "/beheer/kalenders", "Kalenders" },
	{ R(ROLE_BEHEER), "/beheer/beleid", "Verzuimbeleid" },
};

static json_t *
layout_data(struct req *r, const char *title)
{
	json_t *d = json_object(), *items = json_array();

	json_object_set_new(d, "title", json_string(title));
	json_object_set_new(d, "csrf", json_string(r->csrf));
	json_object_set_new(d, "demo", json_boolean(r->app->cfg->demo));
	if (r->logged_in) {
		json_object_set_new(d, "user", json_pack("{s:s,s:s,s:s}", "name", r->user.name,
		    "email", r->user.email, "role", role_labels[r->user.role]));
		for (size_t i = 0; i < sizeof(nav) / sizeof(nav[0]); i++)
			if (nav[i].roles & R(r->user.role))
				json_array_append_new(items, json_pack("{s:s,s:s,s:b}", "href",
				    nav[i].href, "label", nav[i].label, "current",
				    strcmp(r->path, nav[i].href) == 0));
	}
	json_object_set_new(d, "nav", items);
	/* The desks change seldom (beheer): one query a minute per worker, not one per page. */
	if (r->app->loketten == NULL || store_now() - r->app->loketten_at >= 60) {
		json_decref(r->app->loketten);
		r->app->loketten = store_loketten(r->app->store);
		r->app->loketten_at = store_now();
	}
	json_object_set(d, "loketten", r->app->loketten);
	return d;
}

void
page_render_title(struct req *r, int status, const char *page, const char *title, json_t *data)
{
	json_t *d = layout_data(r, title);

	if (data != NULL)
		json_object_update(d, data);
	json_decref(data);
	buf_reset(&r->body);
	r->ctype = "text/html; charset=utf-8";
	if (tmpl_render(r->app->tmpl, page, d, &r->body) != 0) {
		buf_reset(&r->body);
		r->status = 500;
		buf_puts(&r->body, "<!doctype html><html lang=\"nl\"><title>Fout</title>"
		    "<p>Er ging bij ons iets mis.</p></html>");
	} else
		r->status = status;
	json_decref(d);
	r->done = 1;
}

void
page_render(struct req *r, int status, const char *page, json_t *data)
{
	json_t *t = data ? json_object_get(data, "title") : NULL;
	char title[200];

	snprintf(title, sizeof(title), "%s", json_is_string(t) ? json_string_value(t) : "Verzuimloket");
	page_render_title(r, status, page, title, data);
}

void
http_error(struct req *r, int status)
{
	const struct error_text *e = &error_texts[7];	/* 500 */

	for (size_t i = 0; i < sizeof(error_texts) / sizeof(error_texts[0]); i++)
		if (error_texts[i].status == status)
			e = &error_texts[i];
	page_render_title(r, status, "fout", e->title, json_pack("{s:i,s:s}", "status", status,
	    "message", e->message));
}

/* Fields whose value is never shown back: secrets, tokens and what only a form's machinery sets. */
static int
field_hidden(const char *name)
{
	static const char *const exact[] = { "csrf", "token", "bevestig", "bevestigd" };

	for (size_t i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (strcmp(name, exact[i]) == 0)
			return 1;
	return strstr(name, "wachtwoord") != NULL || strstr(name, "password") != NULL;
}

void
http_expired_post(struct req *r)
{
	json_t *fields = json_array();
	struct buf files = BUF_INIT;

	for (size_t i = 0; i < r->form.n; i++) {
		const struct field *f = &r->form.v[i];
		char label[64];
		size_t k;

		if (f->filename != NULL) {
			if (*f->filename != '\0')
				buf_printf(&files, "%s%s", files.len ? ", " : "", f->filename);
			continue;
		}
		if (field_hidden(f->name) || f->valsz == 0 || json_array_size(fields) >= 64)
			continue;
		/* "vermoedelijke_reden" → "Vermoedelijke reden" */
		snprintf(label, sizeof(label), "%s", f->name);
		for (k = 0; label[k] != '\0'; k++)
			if (label[k] == '_')
				label[k] = ' ';
		if (label[0] >= 'a' && label[0] <= 'z')
			label[0] = (char)(label[0] - 'a' + 'A');
		json_array_append_new(fields, json_pack("{s:s,s:s,s:i}", "label", label, "value",
		    f->value, "n", (int)json_array_size(fields) + 1));
	}
	if (json_array_size(fields) == 0 && files.len == 0) {
		/* Nothing typed to keep (log-out, a button): the log-in page says why. */
		json_decref(fields);
		buf_free(&files);
		http_redirect(r, "/inloggen?verlopen=1");
		return;
	}
	page_render_title(r, 401, "sessie_verlopen", "Uw sessie is verlopen", json_pack(
	    "{s:o,s:s%}", "fields", fields, "files", files.p ? files.p : "", files.len));
	buf_free(&files);
}

const char *
form_str(const struct req *r, const char *name)
{
	return fields_str(&r->form, name);
}

const char *
query_str(const struct req *r, const char *name)
{
	return fields_str(&r->query, name);
}
