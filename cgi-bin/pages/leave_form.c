/*
 * The parent's leave form (GET/POST /verlof/nieuw). A first submit checks: field errors next to
 * the fields, and what §8 says about the request next to the fields it concerns; every entry and
 * every uploaded attachment is kept. The parent then submits (or changes and checks again).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "http/app.h"
#include "pages/leave.h"
#include "store/store.h"
#include "store/leave.h"
#include "util/user.h"

#define ATTACHMENTS_MAX 5
/* The bytes of pending attachments (not yet part of a request) one parent may have: two full forms. */
#define PENDING_BYTES_MAX (24 * 1024 * 1024)
#define EXPLANATION_MAX 4000

static const char *const grounds[] = { "11g", "11f", "religieus", "ziekte" };

static json_t *
options(const char *kind, const char *const *values, size_t n, const char *selected)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s,s:s,s:b}", "value", values[i], "label",
		    leave_label(kind, values[i]), "selected",
		    selected != NULL && strcmp(selected, values[i]) == 0));
	return a;
}

static const char *
val(struct req *r, const char *name)
{
	const char *v = form_str(r, name);
	return v == NULL ? "" : v;
}

/* The form's data: values, option lists, children. */
static json_t *
form_data(struct req *r, json_t *fouten)
{
	static const char *const cats[] = { "overlijden", "huwelijk", "jubileum", "verhuizing",
	    "ziekte_familie", "wettelijk", "overig" };
	static const char *const places[] = { "regio", "nederland", "buitenland" };
	static const char *const degrees[] = { "1", "2", "3", "4" };
	static const char *const degree_labels[] = { "1e graad (ouder, kind)",
	    "2e graad (grootouder, broer, zus, kleinkind)", "3e graad (oom, tante, neef, nicht)",
	    "4e graad (achterneef, achternicht, oudoom)" };
	const char *child = r->method == METHOD_POST ? val(r, "leerling") : query_str(r, "leerling");
	json_t *d = json_object(), *children, *c, *graden = json_array();
	size_t i;

	children = store_leave_children(r->app->store, &r->user);
	json_array_foreach(children, i, c) {
		char id[32];
		snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(json_object_get(c, "id")));
		json_object_set_new(c, "selected", json_boolean((child != NULL && strcmp(child, id) == 0)
		    || json_array_size(children) == 1));
	}
	for (i = 0; i < 4; i++)
		json_array_append_new(graden, json_pack("{s:s,s:s,s:b}", "value", degrees[i], "label",
		    degree_labels[i], "selected", strcmp(val(r, "graad"), degrees[i]) == 0));
	json_object_set_new(d, "title", json_string("Verlof aanvragen"));
	json_object_set_new(d, "children", children);
	json_object_set_new(d, "gronden", options("grond", grounds, 4, r->method == METHOD_POST ?
	    val(r, "grond") : "11g"));
	json_object_set_new(d, "categorieen", options("categorie", cats, 7, val(r, "categorie")));
	json_object_set_new(d, "plaatsen", options("waar", places, 3, val(r, "waar")));
	json_object_set_new(d, "graden", graden);
	json_object_set_new(d, "v", json_pack("{s:s,s:s,s:s}", "van", val(r, "van"), "tot",
	    val(r, "tot"), "toelichting", val(r, "toelichting")));
	json_object_set_new(d, "fouten", fouten ? fouten : json_object());
	return d;
}

static void
new_token(char out[33])
{
	unsigned char b[16];

	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(out, 33, b, sizeof(b));
}

void
page_leave_form(struct req *r)
{
	json_t *d = form_data(r, NULL);
	char tok[33];

	store_leave_attachments_purge(r->app->store, &r->user);

	if (json_array_size(json_object_get(d, "children")) == 0)
		json_object_set_new(d, "geen_kinderen", json_true());
	new_token(tok);
	json_object_set_new(d, "token", json_string(tok));
	json_object_set_new(d, "bijlagen", json_array());
	page_render(r, 200, "verlof_nieuw", d);
}

static const char *
sniff(const struct field *f)
{
	const unsigned char *p = (const unsigned char *)f->value;

	if (f->valsz >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "application/pdf";
	if (f->valsz >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (f->valsz >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return "image/jpeg";
	return NULL;
}

/* A file name safe to show and to offer for download: no path, no control characters. */
static void
clean_filename(const char *in, char *out, size_t outsz)
{
	const char *base = in;
	size_t j = 0;

	for (const char *p = in; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	for (; *base && j + 1 < outsz && j < 120; base++)
		if ((unsigned char)*base >= 0x20 && *base != '"' && *base != 0x7f)
			out[j++] = *base;
	out[j] = '\0';
	if (j == 0)
		snprintf(out, outsz, "bijlage");
}

/* Whether a file with this SHA-256 is among the attachments collected so far. */
static int
already_attached(const json_t *bijlagen, const char *hex)
{
	size_t i;
	json_t *a;

	json_array_foreach(bijlagen, i, a) {
		const char *h = json_string_value(json_object_get(a, "sha256"));
		if (h != NULL && strcmp(h, hex) == 0)
			return 1;
	}
	return 0;
}

/* Stores the files of this submit as pending attachments and collects the earlier ones. */
static int
collect_attachments(struct req *r, json_t *bijlagen, int64_t *ids, size_t *nids, json_t *fouten)
{
	for (size_t i = 0; i < r->form.n; i++) {
		const struct field *f = &r->form.v[i];
		if (strcmp(f->name, "bijlage_id") == 0) {
			char *end;
			long long id = strtoll(f->value, &end, 10);
			json_t *a;
			if (*end != '\0' || id <= 0 || *nids >= ATTACHMENTS_MAX)
				continue;
			if ((a = store_leave_attachment_pending(r->app->store, &r->user, id)) == NULL)
				continue;
			ids[(*nids)++] = id;
			json_array_append_new(bijlagen, a);
		}
	}
	for (size_t i = 0; i < r->form.n; i++) {
		const struct field *f = &r->form.v[i];
		unsigned char hash[crypto_hash_sha256_BYTES];
		char hex[crypto_hash_sha256_BYTES * 2 + 1], name[128];
		const char *ctype;
		int64_t id, pending;

		if (strcmp(f->name, "bijlage") != 0 || f->filename == NULL || f->valsz == 0)
			continue;
		clean_filename(f->filename, name, sizeof(name));
		if ((ctype = sniff(f)) == NULL) {
			char msg[300];
			snprintf(msg, sizeof(msg), "%s is geen PDF, PNG of JPEG. Kies een ander bestand.",
			    name);
			json_object_set_new(fouten, "bijlage", json_string(msg));
			continue;
		}
		if (*nids >= ATTACHMENTS_MAX) {
			json_object_set_new(fouten, "bijlage", json_string("U kunt hoogstens 5 bijlagen "
			    "meesturen."));
			continue;
		}
		/* Files of forms not (yet) sent are kept a day; a parent cannot pile up more. */
		pending = store_leave_attachments_pending_bytes(r->app->store, &r->user);
		if (pending < 0 || pending + (int64_t)f->valsz > PENDING_BYTES_MAX) {
			json_object_set_new(fouten, "bijlage", json_string("U hebt vandaag al veel "
			    "bijlagen klaargezet voor aanvragen die nog niet zijn ingediend. Dien eerst een "
			    "aanvraag in met de bijlagen die er al staan, of probeer het morgen opnieuw."));
			continue;
		}
		crypto_hash_sha256(hash, (const unsigned char *)f->value, f->valsz);
		sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
		if (already_attached(bijlagen, hex))
			continue;	/* the same file chosen again after an error: kept once */
		if ((id = store_leave_attachment_add(r->app->store, &r->user, name, ctype, f->value,
		    f->valsz, hex)) < 0)
			return -1;
		ids[(*nids)++] = id;
		json_array_append_new(bijlagen, json_pack("{s:I,s:s,s:I,s:s}", "id", (json_int_t)id,
		    "filename", name, "size", (json_int_t)f->valsz, "sha256", hex));
	}
	return 0;
}

/* A fingerprint of what was checked, so a changed form is checked again before it is sent. */
static void
fingerprint(struct req *r, const int64_t *ids, size_t nids, char out[33])
{
	static const char *const names[] = { "leerling", "grond", "categorie", "graad", "waar",
	    "van", "tot", "toelichting" };
	crypto_generichash_state h;
	unsigned char b[16];

	crypto_generichash_init(&h, NULL, 0, sizeof(b));
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *v = val(r, names[i]);
		crypto_generichash_update(&h, (const unsigned char *)v, strlen(v) + 1);
	}
	crypto_generichash_update(&h, (const unsigned char *)ids, nids * sizeof(*ids));
	crypto_generichash_update(&h, (const unsigned char *)r->csrf, strlen(r->csrf));
	crypto_generichash_final(&h, b, sizeof(b));
	sodium_bin2hex(out, 33, b, sizeof(b));
}

static int
in_list(const char *v, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v, list[i]) == 0)
			return 1;
	return 0;
}

/* n werkdagen before d (d itself not counted); bev: 5 May is no werkdag (§3). */
static rules_date
werkdagen_before(rules_date d, int n, int bev)
{
	while (n > 0) {
		d--;
		if (rules_is_werkdag(d, bev))
			n--;
	}
	return d;
}

/* A warning next to a field, for the rules of §8 on notifications (not in the rules library). */
static void
warn_add(json_t *regels, const char *field, const char *msg)
{
	json_t *warn = json_object_get(regels, "warn"), *a = json_object_get(warn, field);

	if (a == NULL) {
		a = json_array();
		json_object_set_new(warn, field, a);
	}
	json_array_append_new(a, json_string(msg));
	json_object_set_new(regels, "has_warn", json_true());
}

static void
render_again(struct req *r, int status, json_t *fouten, json_t *regels, json_t *bijlagen,
    const char *tok, const char *checked)
{
	json_t *d = form_data(r, fouten);

	json_object_set_new(d, "regels", regels ? regels : json_null());
	json_object_set_new(d, "bijlagen", bijlagen);
	json_object_set_new(d, "token", json_string(tok));
	if (checked != NULL)
		json_object_set_new(d, "gecontroleerd", json_string(checked));
	json_object_set_new(d, "has_errors", json_boolean(json_object_size(fouten) > 0));
	page_render(r, status, "verlof_nieuw", d);
}

void
page_leave_submit(struct req *r)
{
	static const char *const places[] = { "regio", "nederland", "buitenland" };
	struct leave_student st;
	struct leave_input in;
	struct leave_check chk;
	json_t *fouten = json_object(), *bijlagen = json_array(), *regels = NULL;
	int64_t ids[ATTACHMENTS_MAX], student_id = 0, id;
	size_t nids = 0;
	const char *ground = val(r, "grond"), *cat = val(r, "categorie"), *place = val(r, "waar");
	const char *graad = val(r, "graad"), *expl = val(r, "toelichting"), *tok = val(r, "token");
	char tokbuf[33], fp[33], *end;
	rules_date today = leave_today();
	int have_student = 0, have_dates = 0, is_decision, bev = 1;

	memset(&in, 0, sizeof(in));
	if (strlen(tok) != 32 || strspn(tok, "0123456789abcdef") != 32) {
		new_token(tokbuf);
		tok = tokbuf;
	} else if ((id = store_leave_by_token(r->app->store, &r->user, tok)) > 0) {
		/* Sent twice (a double tap, a reload): the request made the first time. */
		char loc[64];
		json_decref(fouten);
		json_decref(bijlagen);
		snprintf(loc, sizeof(loc), "/verlof/%lld?ingediend=1", (long long)id);
		http_redirect(r, loc);
		return;
	}
	student_id = strtoll(val(r, "leerling"), &end, 10);
	if (*end != '\0' || student_id <= 0 ||
	    store_leave_student(r->app->store, &r->user, student_id, &st) != 0)
		json_object_set_new(fouten, "leerling", json_string("Kies voor welk kind u verlof "
		    "aanvraagt."));
	else {
		have_student = 1;
		bev = leave_bevrijdingsdag(r, st.region);
	}
	if (!in_list(ground, grounds, 4)) {
		json_object_set_new(fouten, "grond", json_string("Kies de reden van uw aanvraag."));
		ground = "";
	}
	is_decision = strcmp(ground, "11f") == 0 || strcmp(ground, "11g") == 0;
	in.ground = ground;
	if (strcmp(ground, "11g") == 0) {
		int k = -1, needs;
		for (int i = 0; i < RULES_CAT__MAX; i++)
			if (strcmp(cat, rules_category_names[i]) == 0)
				k = i;
		if (k < 0)
			json_object_set_new(fouten, "categorie", json_string("Kies de omstandigheid."));
		else {
			in.category = cat;
			needs = rules_leave_max_needs((enum rules_leave_category)k);
			if (graad[0] != '\0') {
				if (strlen(graad) == 1 && graad[0] >= '1' && graad[0] <= '4')
					in.degree = graad[0] - '0';
				else
					json_object_set_new(fouten, "graad", json_string("Kies de graad "
					    "van verwantschap uit de lijst."));
			}
			if ((needs & RULES_NEEDS_GRAAD) && in.degree == 0 &&
			    json_object_get(fouten, "graad") == NULL)
				json_object_set_new(fouten, "graad", json_string("Kies de graad van "
				    "verwantschap: daarvan hangt het aantal dagen af."));
			if (place[0] != '\0') {
				if (in_list(place, places, 3))
					in.place = place;
				else
					json_object_set_new(fouten, "waar", json_string("Kies waar het "
					    "plaatsvindt uit de lijst."));
			}
			if ((needs & RULES_NEEDS_WAAR) && in.place == NULL &&
			    json_object_get(fouten, "waar") == NULL)
				json_object_set_new(fouten, "waar", json_string("Kies waar het huwelijk "
				    "plaatsvindt: daarvan hangt het aantal dagen af."));
		}
	}
	if (val(r, "van")[0] == '\0')
		json_object_set_new(fouten, "van", json_string("Vul de eerste dag in."));
	else if (leave_parse_date(val(r, "van"), &in.van) != 0)
		json_object_set_new(fouten, "van", json_string("Vul een bestaande datum in, "
		    "bijvoorbeeld 03-02-2027."));
	if (val(r, "tot")[0] == '\0' && strcmp(ground, "religieus") == 0 &&
	    json_object_get(fouten, "van") == NULL)
		in.tot = in.van;
	else if (val(r, "tot")[0] == '\0')
		json_object_set_new(fouten, "tot", json_string("Vul de laatste dag in (dezelfde dag "
		    "als de eerste bij één dag)."));
	else if (leave_parse_date(val(r, "tot"), &in.tot) != 0)
		json_object_set_new(fouten, "tot", json_string("Vul een bestaande datum in, "
		    "bijvoorbeeld 05-02-2027."));
	if (json_object_get(fouten, "van") == NULL && json_object_get(fouten, "tot") == NULL) {
		if (in.tot < in.van)
			json_object_set_new(fouten, "tot", json_string("De laatste dag ligt vóór de "
			    "eerste dag."));
		else if (rules_school_year_start(in.van) != rules_school_year_start(in.tot))
			json_object_set_new(fouten, "tot", json_string("De periode moet binnen één "
			    "schooljaar vallen (een schooljaar loopt tot en met 31 juli). Vraag voor het "
			    "nieuwe schooljaar apart verlof aan."));
		else if (strcmp(ground, "religieus") == 0 && in.tot != in.van)
			json_object_set_new(fouten, "tot", json_string("Voor een religieuze verplichting "
			    "bent u één dag vrij: de laatste dag is dezelfde als de eerste."));
		else if (in.van > today + 400)
			json_object_set_new(fouten, "van", json_string("Vraag verlof aan voor een periode "
			    "binnen een jaar vanaf vandaag."));
		else if (strcmp(ground, "11f") == 0 && in.van <= today)
			json_object_set_new(fouten, "van", json_string("Verlof wegens het beroep vraagt u "
			    "vooraf aan: de eerste dag moet na vandaag liggen."));
		else if (strcmp(ground, "11g") == 0 && in.van < werkdagen_before(today, 2, bev))
			json_object_set_new(fouten, "van", json_string("Verlof vraagt u vooraf aan. Alleen "
			    "bij een onvoorziene omstandigheid kan het nog binnen 2 dagen na het begin; "
			    "die termijn is voorbij."));
		else if (strcmp(ground, "religieus") == 0 && in.van < today)
			json_object_set_new(fouten, "van", json_string("Deze dag is al voorbij. Een "
			    "religieuze verplichting meldt u vooraf."));
		else if (strcmp(ground, "ziekte") == 0 && in.van > today)
			json_object_set_new(fouten, "van", json_string("Een ziekmelding doet u vanaf de "
			    "eerste ziektedag, niet vooraf."));
		else
			have_dates = 1;
	}
	if (have_dates && have_student) {
		char a[11], b[11], msg[600];
		int64_t other;
		rules_date_format(in.van, a);
		rules_date_format(in.tot, b);
		if ((other = store_leave_overlap(r->app->store, st.id, a, b)) > 0) {
			snprintf(msg, sizeof(msg), "Voor %s loopt al een aanvraag of kennisgeving voor "
			    "(een deel van) deze periode: nr. %lld. Kies een andere periode, of trek die "
			    "aanvraag eerst in.", st.name, (long long)other);
			json_object_set_new(fouten, "van", json_string(msg));
			have_dates = 0;
		}
	}
	if (is_decision && expl[0] == '\0')
		json_object_set_new(fouten, "toelichting", json_string("Leg in een paar zinnen uit "
		    "waarom u verlof vraagt."));
	else if (strlen(expl) > EXPLANATION_MAX)
		json_object_set_new(fouten, "toelichting", json_string("De toelichting is te lang "
		    "(hoogstens 4000 tekens)."));
	in.explanation = expl;
	if (collect_attachments(r, bijlagen, ids, &nids, fouten) != 0) {
		json_decref(fouten);
		json_decref(bijlagen);
		http_error(r, 500);
		return;
	}
	in.verklaring = nids > 0;
	if (have_student && have_dates && ground[0] != '\0' &&
	    (!is_decision || strcmp(ground, "11f") == 0 || in.category != NULL) &&
	    json_object_get(fouten, "graad") == NULL && json_object_get(fouten, "waar") == NULL) {
		if (leave_check_run(r, &st, &in, 0, &chk) != 0) {
			json_decref(fouten);
			json_decref(bijlagen);
			http_error(r, 500);
			return;
		}
		regels = leave_check_json(&in, &chk);
		if (chk.schooldagen == 0)
			json_object_set_new(fouten, "van", json_string("In deze periode vallen geen "
			    "schooldagen (weekend, feestdag of schoolvakantie): u hoeft geen verlof aan "
			    "te vragen."));
		if (strcmp(ground, "religieus") == 0 && in.van < today + 2)
			warn_add(regels, "grond", "U meldt dit minder dan 2 dagen van tevoren; de "
			    "school kan u daarop aanspreken.");
		/* "within 2 days" counted as for an unforeseen 11g absence: in werkdagen (§3) */
		if (strcmp(ground, "ziekte") == 0 && in.van < werkdagen_before(today, 2, bev))
			warn_add(regels, "grond", "U meldt de ziekte later dan 2 dagen na de eerste "
			    "ziektedag. Meld ziekte voortaan op de eerste dag.");
	}
	if (json_object_size(fouten) > 0) {
		render_again(r, 422, fouten, regels, bijlagen, tok, NULL);
		return;
	}
	fingerprint(r, ids, nids, fp);
	if (strcmp(val(r, "gecontroleerd"), fp) != 0) {
		/* Show what the rules say before it is sent. */
		render_again(r, 200, fouten, regels, bijlagen, tok, fp);
		return;
	}
	{
		struct leave_new n;
		char *verdict = json_dumps(regels, JSON_COMPACT), subject[200], body[1200], from[11],
		    to[11];
		int is_notice = !is_decision;

		rules_date_format(in.van, from);
		rules_date_format(in.tot, to);
		memset(&n, 0, sizeof(n));
		n.student_id = st.id;
		n.school_id = st.school_id;
		n.ground = ground;
		n.category = in.category;
		n.degree = in.degree;
		n.place = in.place;
		n.start_date = from;
		n.end_date = to;
		n.school_days = chk.schooldagen;
		n.explanation = expl;
		n.status = is_notice ? "kennisgeving" : "ingediend";
		n.verdict = verdict ? verdict : "{}";
		n.school_year = chk.school_year;
		n.client_token = tok;
		n.attachments = ids;
		n.nattachments = nids;
		n.mail_to = st.school_email;
		snprintf(subject, sizeof(subject), is_notice ? "Nieuwe kennisgeving van een ouder" :
		    "Nieuwe verlofaanvraag");
		snprintf(body, sizeof(body), "Beste collega,\n\nIn het Verzuimloket staat een nieuwe %s "
		    "(%s) voor een leerling van %s, voor %d schooldag%s.\n\nLog in op het Verzuimloket "
		    "en open Verlofaanvragen om de %s te bekijken.\n\nDit bericht is automatisch "
		    "verstuurd.\n", is_notice ? "kennisgeving" : "verlofaanvraag",
		    leave_label("grond", ground), st.school_name, (int)chk.schooldagen,
		    chk.schooldagen == 1 ? "" : "en", is_notice ? "kennisgeving" : "aanvraag");
		/* The request's number is not known before it is stored: the list is the link. */
		if (r->app->cfg->base_url != NULL && r->app->cfg->base_url[0] != '\0') {
			size_t len = strlen(body);
			snprintf(body + len, sizeof(body) - len, "\n%s/verlof\n",
			    r->app->cfg->base_url);
		}
		n.mail_subject = subject;
		n.mail_body = body;
		id = store_leave_create(r->app->store, &r->user, &n);
		free(verdict);
		json_decref(regels);
		json_decref(fouten);
		json_decref(bijlagen);
		if (id < 0) {
			http_error(r, 500);
			return;
		}
		audit(r, "nieuw", "verlofaanvraag:%lld", (long long)id);
		{
			char loc[64];
			snprintf(loc, sizeof(loc), "/verlof/%lld?ingediend=1", (long long)id);
			http_redirect(r, loc);
		}
	}
}
