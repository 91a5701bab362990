/*
 * A leave request after submission (SPEC §8): the list in the user's scope, the request page where
 * the parent withdraws, school staff prepare, the directeur decides or forwards and the leerplicht
 * officer decides forwarded requests; the attachments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "http/app.h"
#include "pages/desk.h"
#include "pages/leave.h"
#include "store/store.h"
#include "store/leave.h"
#include "util/user.h"

#define PAGE_SIZE 25

static const char *
jstr(const json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static int64_t
jint(const json_t *o, const char *k)
{
	return (int64_t)json_integer_value(json_object_get(o, k));
}

/* For links in mail; relative when no base URL is configured. */
static const char *
base_url(const struct req *r)
{
	return r->app->cfg->base_url != NULL ? r->app->cfg->base_url : "";
}

static void
label_rows(json_t *rows)
{
	json_t *row;
	size_t i;

	json_array_foreach(rows, i, row) {
		json_object_set_new(row, "status_label", json_string(leave_label("status",
		    jstr(row, "status"))));
		json_object_set_new(row, "grond_label", json_string(leave_label("grond",
		    jstr(row, "ground"))));
		json_object_set_new(row, "open", json_boolean(strcmp(jstr(row, "status"), "ingediend")
		    == 0 || strcmp(jstr(row, "status"), "in_behandeling") == 0 ||
		    strcmp(jstr(row, "status"), "doorgestuurd") == 0));
	}
}

void
page_leave_list(struct req *r)
{
	static const char *const filters[] = { "open", "toegekend", "afgewezen", "ingetrokken",
	    "kennisgeving" };
	const char *status = query_str(r, "status"), *p = query_str(r, "pagina");
	long page = p ? strtol(p, NULL, 10) : 1;
	int64_t total = 0;
	json_t *d = json_object(), *rows, *fl = json_array();
	int known = 0;

	for (size_t i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
		int cur = status != NULL && strcmp(status, filters[i]) == 0;
		known |= cur;
		json_array_append_new(fl, json_pack("{s:s,s:s,s:b}", "value", filters[i], "label",
		    strcmp(filters[i], "open") == 0 ? "Nog geen besluit" :
		    leave_label("status", filters[i]), "current", cur));
	}
	if (!known)
		status = NULL;
	if (page < 1 || page > 100000)
		page = 1;
	rows = store_leave_list(r->app->store, &r->user, status, PAGE_SIZE,
	    (int)((page - 1) * PAGE_SIZE), &total);
	label_rows(rows);
	audit(r, "lees", "verlofaanvragen:%s", status ? status : "alle");
	json_object_set_new(d, "title", json_string("Verlofaanvragen"));
	json_object_set_new(d, "rows", rows);
	json_object_set_new(d, "filters", fl);
	json_object_set_new(d, "status", status ? json_string(status) : json_null());
	json_object_set_new(d, "total", json_integer(total));
	json_object_set_new(d, "een", json_boolean(total == 1));
	if (page > 1)
		json_object_set_new(d, "prev", json_integer(page - 1));
	if (page * PAGE_SIZE < total)
		json_object_set_new(d, "next", json_integer(page + 1));
	json_object_set_new(d, "pagina", json_integer(page));
	json_object_set_new(d, "is_ouder", json_boolean(r->user.role == ROLE_OUDER));
	json_object_set_new(d, "is_staff", json_boolean(r->user.role == ROLE_SCHOOL ||
	    r->user.role == ROLE_DIRECTEUR));
	if (r->user.role == ROLE_SCHOOL || r->user.role == ROLE_DIRECTEUR)
		json_object_set_new(d, "luxe", store_luxe_signals(r->app->store, &r->user,
		    r->user.school_id));
	page_render(r, 200, "verlof_lijst", d);
}

static void
student_from(const json_t *req, struct leave_student *st)
{
	memset(st, 0, sizeof(*st));
	st->id = jint(req, "student_id");
	st->school_id = jint(req, "school_id");
	st->gemeente_id = jint(req, "gemeente_id");
	st->calendar_id = jint(req, "calendar_id");
	snprintf(st->name, sizeof(st->name), "%s", jstr(req, "student"));
	snprintf(st->birth_date, sizeof(st->birth_date), "%s", jstr(req, "birth_date"));
	st->startkwalificatie = (int)jint(req, "startkwalificatie");
	st->exempt = (int)jint(req, "exempt");
	st->days_per_week = (int)jint(req, "days_per_week");
	snprintf(st->school_name, sizeof(st->school_name), "%s", jstr(req, "school"));
	snprintf(st->school_sort, sizeof(st->school_sort), "%s", jstr(req, "school_sort"));
	snprintf(st->school_email, sizeof(st->school_email), "%s", jstr(req, "school_email"));
	snprintf(st->region, sizeof(st->region), "%s", jstr(req, "region"));
}

/* Whether evidence is there counts for the rules (verklaring_ontbreekt). */
static void
count_attachments(struct req *r, json_t *req, int64_t id)
{
	json_t *atts = store_leave_attachments(r->app->store, id);

	json_object_set_new(req, "attachments_n", json_integer((json_int_t)json_array_size(atts)));
	json_decref(atts);
}

/* The rules' verdict on a stored request, as of now (earlier leave may have changed). */
static json_t *
check_request(struct req *r, const json_t *req, struct leave_check *chk)
{
	struct leave_student st;
	struct leave_input in;

	memset(chk, 0, sizeof(*chk));
	student_from(req, &st);
	memset(&in, 0, sizeof(in));
	in.ground = jstr(req, "ground");
	in.category = json_string_value(json_object_get(req, "category"));
	in.degree = (int)jint(req, "degree");
	in.place = json_string_value(json_object_get(req, "place"));
	in.explanation = jstr(req, "explanation");
	in.verklaring = jint(req, "attachments_n") > 0;
	if (leave_parse_date(jstr(req, "start_date"), &in.van) != 0 ||
	    leave_parse_date(jstr(req, "end_date"), &in.tot) != 0 ||
	    leave_check_run(r, &st, &in, jint(req, "id"), chk) != 0)
		return NULL;
	return leave_check_json(&in, chk);
}

/*
 * Whether a rule of §8 can be a reason for this ground: the first two school weeks and once a
 * school year are rules of 11f only (READINGS 19), the degree one of 11g only.
 */
static int
reason_fits(int objection, const char *ground)
{
	int is11f = strcmp(ground, "11f") == 0;

	if (objection == RULES_OBJ_EERSTE_TWEE_LESWEKEN || objection == RULES_OBJ_AL_11F_DIT_SCHOOLJAAR)
		return is11f;
	if (objection == RULES_OBJ_GRAAD_BUITEN_CATEGORIE)
		return !is11f;
	return 1;
}

/* The reasons a decider can cite: the hard rules of §8 that fit the ground and the refusal
 * reasons, pre-checked as the verdict has them (or as the decider's form had them). */
static json_t *
reason_choices(const json_t *regels, struct req *r, const char *ground)
{
	json_t *a = json_array(), *v;
	int posted = r->method == METHOD_POST;

	for (int i = 0; i < RULES_OBJ__MAX; i++) {
		int on = 0;
		if (!reason_fits(i, ground))
			continue;
		size_t k;
		if (posted) {
			for (size_t j = 0; j < r->form.n; j++)
				if (strcmp(r->form.v[j].name, "reden") == 0 &&
				    strcmp(r->form.v[j].value, rules_objection_names[i]) == 0)
					on = 1;
		} else
			json_array_foreach(json_object_get(regels, "bezwaren"), k, v)
				if (strcmp(jstr(v, "code"), rules_objection_names[i]) == 0)
					on = 1;
		json_array_append_new(a, json_pack("{s:s,s:s,s:b,s:b}", "code",
		    rules_objection_names[i], "text", rules_objection_texts[i], "checked", on,
		    "weigergrond", 0));
	}
	for (int i = 0; i < RULES_REFUSAL__MAX; i++) {
		char code[64];
		int on = 0;
		size_t k;
		snprintf(code, sizeof(code), "weigergrond:%s", rules_refusal_names[i]);
		if (posted) {
			for (size_t j = 0; j < r->form.n; j++)
				if (strcmp(r->form.v[j].name, "reden") == 0 &&
				    strcmp(r->form.v[j].value, code) == 0)
					on = 1;
		} else
			json_array_foreach(json_object_get(regels, "weigergronden"), k, v)
				if (strcmp(jstr(v, "code"), code) == 0)
					on = 1;
		json_array_append_new(a, json_pack("{s:s,s:s,s:b,s:b}", "code", code, "text",
		    rules_refusal_texts[i], "checked", on, "weigergrond", 1));
	}
	return a;
}

/* Whether the request (in status st) waits for a decision by this role: the head's while it is
 * with the school, the desk's once forwarded. */
static int
decision_open(enum role role, const char *st)
{
	if (role == ROLE_DIRECTEUR)
		return strcmp(st, "ingediend") == 0 || strcmp(st, "in_behandeling") == 0;
	return role == ROLE_LEERPLICHT && strcmp(st, "doorgestuurd") == 0;
}

/* Renders the request page; errors and the posted form when an action failed. */
static void
show(struct req *r, int64_t id, int status, json_t *fouten, const char *melding)
{
	json_t *req = store_leave_get(r->app->store, &r->user, id), *d, *regels, *dec, *atts;
	struct leave_check chk;
	const char *st;
	int is_open, role = r->user.role;

	if (req == NULL) {
		json_decref(fouten);
		http_error(r, 404);
		return;
	}
	audit(r, "lees", "verlofaanvraag:%lld", (long long)id);
	atts = store_leave_attachments(r->app->store, id);
	json_object_set_new(req, "attachments_n", json_integer((json_int_t)json_array_size(atts)));
	st = jstr(req, "status");
	is_open = strcmp(st, "ingediend") == 0 || strcmp(st, "in_behandeling") == 0 ||
	    strcmp(st, "doorgestuurd") == 0;
	if ((regels = check_request(r, req, &chk)) == NULL) {
		json_decref(req);
		json_decref(atts);
		json_decref(fouten);
		http_error(r, 500);
		return;
	}
	d = json_object();
	json_object_set_new(d, "title", json_string("Verlofaanvraag"));
	json_object_set_new(req, "status_label", json_string(leave_label("status", st)));
	json_object_set_new(req, "grond_label", json_string(leave_label("grond",
	    jstr(req, "ground"))));
	json_object_set_new(req, "categorie_label", json_string(leave_label("categorie",
	    jstr(req, "category"))));
	json_object_set_new(req, "waar_label", json_string(leave_label("waar", jstr(req, "place"))));
	json_object_set_new(d, "bijlagen", atts);
	json_object_set_new(d, "regels", regels);
	{
		json_t *ev = store_leave_events(r->app->store, id), *e;
		size_t i;
		char when[20];
		json_array_foreach(ev, i, e) {
			json_object_set_new(e, "label", json_string(leave_label("event",
			    jstr(e, "kind"))));
			desk_local_text(jint(e, "at"), when);
			json_object_set_new(e, "when", json_string(when));
		}
		desk_local_text(jint(req, "created_at"), when);
		json_object_set_new(req, "ingediend_op", json_string(when));
		json_object_set_new(d, "events", ev);
	}
	if ((dec = store_leave_decision(r->app->store, id)) != NULL) {
		json_t *codes = json_loads(jstr(dec, "reasons"), 0, NULL);
		json_object_set_new(dec, "redenen", leave_reason_texts(codes));
		json_decref(codes);
		json_object_set_new(dec, "toegekend", json_boolean(strcmp(jstr(dec, "decision"),
		    "toegekend") == 0));
		json_object_set_new(d, "besluit", dec);
		json_object_set_new(d, "registraties", store_leave_registrations(r->app->store, id));
	}
	if (role != ROLE_OUDER) {
		json_t *eerder = store_leave_granted(r->app->store, jint(req, "student_id"),
		    jstr(req, "school_year")), *e;
		size_t i;
		json_array_foreach(eerder, i, e) {
			json_object_set_new(e, "grond_label", json_string(leave_label("grond",
			    jstr(e, "ground"))));
			if (jstr(e, "category")[0] != '\0')
				json_object_set_new(e, "categorie_label", json_string(leave_label(
				    "categorie", jstr(e, "category"))));
		}
		json_object_set_new(d, "eerder", eerder);
		if (strcmp(st, "afgewezen") == 0)
			json_object_set_new(d, "luxe", store_leave_luxe_dates(r->app->store, id));
	}
	json_object_set_new(d, "is_ouder", json_boolean(role == ROLE_OUDER));
	/* Earlier requests are linked only for the school: a desk sees those forwarded to it. */
	json_object_set_new(d, "is_staff", json_boolean(role == ROLE_SCHOOL || role == ROLE_DIRECTEUR));
	json_object_set_new(d, "kan_intrekken", json_boolean(role == ROLE_OUDER && is_open));
	/* The rules' warnings speak to an open request; after a decision they only confuse. */
	json_object_set_new(d, "is_open", json_boolean(is_open));
	json_object_set_new(d, "kan_voorbereiden", json_boolean((role == ROLE_SCHOOL ||
	    role == ROLE_DIRECTEUR) && (strcmp(st, "ingediend") == 0 ||
	    strcmp(st, "in_behandeling") == 0)));
	{
		int forward = chk.evaluated && chk.v.beslisser == RULES_DECIDER_LEERPLICHT;
		int head_open = strcmp(st, "ingediend") == 0 || strcmp(st, "in_behandeling") == 0;
		int decide = decision_open(role, st) && (role != ROLE_DIRECTEUR ||
		    (chk.evaluated && !forward));
		json_object_set_new(d, "kan_doorsturen", json_boolean(role == ROLE_DIRECTEUR &&
		    head_open && forward));
		json_object_set_new(d, "kan_beslissen", json_boolean(decide));
		json_object_set_new(d, "staff_wacht_op_directeur", json_boolean(role == ROLE_SCHOOL &&
		    head_open && chk.evaluated));
		if (decide)
			json_object_set_new(d, "redenkeuzes", reason_choices(regels, r, jstr(req, "ground")));
		/* A broken hard rule leaves only refusal (grant_refused). */
		json_object_set_new(d, "niet_toekenbaar", json_boolean(chk.evaluated &&
		    chk.v.nbezwaren > 0));
	}
	json_object_set_new(d, "r", req);
	json_object_set_new(d, "fouten", fouten ? fouten : json_object());
	json_object_set_new(d, "f", json_pack("{s:s,s:s,s:b,s:b}", "motivering",
	    r->method == METHOD_POST && form_str(r, "motivering") ? form_str(r, "motivering") : "",
	    "notitie", r->method == METHOD_POST && form_str(r, "notitie") ? form_str(r, "notitie") : "",
	    "toekennen", r->method == METHOD_POST && form_str(r, "besluit") &&
	    strcmp(form_str(r, "besluit"), "toegekend") == 0,
	    "afwijzen", r->method == METHOD_POST && form_str(r, "besluit") &&
	    strcmp(form_str(r, "besluit"), "afgewezen") == 0));
	if (melding != NULL)
		json_object_set_new(d, "melding", json_string(melding));
	else if (query_str(r, "ingediend") != NULL)
		json_object_set_new(d, "melding", json_string(strcmp(st, "kennisgeving") == 0 ?
		    "Uw kennisgeving is verstuurd naar de school." : "Uw aanvraag is ingediend. U krijgt "
		    "bericht zodra er een besluit is."));
	else if (query_str(r, "klaar") != NULL)
		json_object_set_new(d, "melding", json_string(
		    strcmp(st, "ingetrokken") == 0 ? "De aanvraag is ingetrokken." :
		    strcmp(st, "doorgestuurd") == 0 ? "De aanvraag is doorgestuurd naar de "
		    "leerplichtambtenaar. De ouder krijgt bericht van diens besluit." :
		    strcmp(st, "toegekend") == 0 || strcmp(st, "afgewezen") == 0 ? "Het besluit is "
		    "vastgelegd. De ouder krijgt er bericht van, met de brief." :
		    "Opgeslagen."));
	page_render(r, status, "verlof_aanvraag", d);
}

void
page_leave_show(struct req *r)
{
	show(r, r->ids[0], 200, NULL, NULL);
}

static void
back(struct req *r, int64_t id)
{
	char loc[64];

	snprintf(loc, sizeof(loc), "/verlof/%lld?klaar=1", (long long)id);
	http_redirect(r, loc);
}

void
page_leave_withdraw(struct req *r)
{
	int64_t id = r->ids[0];
	json_t *req;
	int rc;

	if ((req = store_leave_get(r->app->store, &r->user, id)) == NULL) {
		http_error(r, 404);
		return;
	}
	if (form_str(r, "bevestig") == NULL || strcmp(form_str(r, "bevestig"), "ja") != 0) {
		/* Ask first: withdrawing cannot be undone. */
		json_t *d = json_pack("{s:s,s:o}", "title", "Aanvraag intrekken", "r", req);
		audit(r, "lees", "verlofaanvraag:%lld", (long long)id);
		page_render(r, 200, "verlof_intrekken", d);
		return;
	}
	json_decref(req);
	rc = store_leave_withdraw(r->app->store, &r->user, id);
	if (rc < 0) {
		http_error(r, 500);
		return;
	}
	if (rc == 1) {
		show(r, id, 409, NULL, "Deze aanvraag kan niet meer worden ingetrokken: er is al een "
		    "besluit genomen.");
		return;
	}
	audit(r, "wijzig", "verlofaanvraag:%lld", (long long)id);
	back(r, id);
}

void
page_leave_prepare(struct req *r)
{
	int64_t id = r->ids[0];
	const char *note = form_str(r, "notitie");
	int rc;

	if (store_leave_get(r->app->store, &r->user, id) == NULL) {
		http_error(r, 404);
		return;
	}
	if (note == NULL || note[0] == '\0' || strlen(note) > 4000) {
		show(r, id, 422, json_pack("{s:s}", "notitie", note && note[0] ? "De notitie is te lang "
		    "(hoogstens 4000 tekens)." : "Schrijf een korte notitie voor de directeur."), NULL);
		return;
	}
	rc = store_leave_prepare(r->app->store, &r->user, id, note);
	if (rc < 0) {
		http_error(r, 500);
		return;
	}
	if (rc == 1) {
		show(r, id, 409, NULL, "Deze aanvraag is niet meer open.");
		return;
	}
	audit(r, "wijzig", "verlofaanvraag:%lld", (long long)id);
	back(r, id);
}

void
page_leave_forward(struct req *r)
{
	int64_t id = r->ids[0], loket;
	json_t *req = store_leave_get(r->app->store, &r->user, id), *regels;
	struct leave_check chk;
	const char *note = form_str(r, "notitie");
	char email[256], body[1200];
	int rc;

	if (req == NULL) {
		http_error(r, 404);
		return;
	}
	count_attachments(r, req, id);
	regels = check_request(r, req, &chk);
	json_decref(regels);
	if (!chk.evaluated || chk.v.beslisser != RULES_DECIDER_LEERPLICHT) {
		json_decref(req);
		show(r, id, 409, NULL, "Over deze aanvraag beslist de directeur zelf: doorsturen is "
		    "alleen voor verlof boven de 10 schooldagen in een schooljaar.");
		return;
	}
	if (note != NULL && strlen(note) > 4000) {
		json_decref(req);
		show(r, id, 422, json_pack("{s:s}", "notitie", "Het advies is te lang (hoogstens 4000 "
		    "tekens)."), NULL);
		return;
	}
	if ((loket = store_leave_desk_for(r->app->store, jint(req, "gemeente_id"), email,
	    sizeof(email))) == 0) {
		json_decref(req);
		show(r, id, 409, NULL, "Voor de woongemeente van deze leerling is geen leerplichtloket "
		    "bekend. Neem contact op met de beheerder.");
		return;
	}
	snprintf(body, sizeof(body), "Beste leerplichtambtenaar,\n\n%s heeft een verlofaanvraag "
	    "(gewichtige omstandigheden, meer dan 10 schooldagen in dit schooljaar) naar u "
	    "doorgestuurd voor een besluit: aanvraag nr. %lld.\n\nLog in op het Verzuimloket en open "
	    "de aanvraag: %s/verlof/%lld\n\nDit bericht is automatisch verstuurd.\n",
	    jstr(req, "school"), (long long)id, base_url(r), (long long)id);
	json_decref(req);
	rc = store_leave_forward(r->app->store, &r->user, id, loket, note ? note : "", email,
	    "Verlofaanvraag doorgestuurd voor besluit", body);
	if (rc < 0) {
		http_error(r, 500);
		return;
	}
	if (rc == 1) {
		show(r, id, 409, NULL, "Deze aanvraag is niet meer open.");
		return;
	}
	audit(r, "wijzig", "verlofaanvraag:%lld", (long long)id);
	back(r, id);
}

static int
known_reason(const char *code, const char *ground)
{
	for (int i = 0; i < RULES_OBJ__MAX; i++)
		if (strcmp(code, rules_objection_names[i]) == 0)
			return reason_fits(i, ground);
	if (strncmp(code, "weigergrond:", 12) == 0)
		for (int i = 0; i < RULES_REFUSAL__MAX; i++)
			if (strcmp(code + 12, rules_refusal_names[i]) == 0)
				return 1;
	return 0;
}

/*
 * A hard rule of §8 that the request breaks (the maximum, the first two school weeks, 11f once a
 * year, the missing statement or evidence, a degree the category does not cover, no leerplicht)
 * makes granting impossible, for the head and for the desk alike: the form tells the parent so.
 * Only a refusal ground that the rules read in the parent's own words can be weighed by the
 * decider (granted with a motivation).
 */
static json_t *
grant_refused(const struct leave_check *chk)
{
	char msg[1024];
	size_t n;

	n = (size_t)snprintf(msg, sizeof(msg), "Dit verlof kan niet worden toegekend: ");
	for (size_t i = 0; i < chk->v.nbezwaren && n < sizeof(msg); i++)
		n += (size_t)snprintf(msg + n, sizeof(msg) - n, "%s%s", i > 0 ? "; " : "",
		    rules_objection_texts[chk->v.bezwaren[i]]);
	if (n < sizeof(msg))
		snprintf(msg + n, sizeof(msg) - n, ". Wijs de aanvraag af; de regel staat bij de "
		    "redenen al aangevinkt.");
	return json_string(msg);
}

void
page_leave_decide(struct req *r)
{
	int64_t id = r->ids[0];
	json_t *req = store_leave_get(r->app->store, &r->user, id), *regels, *codes, *days = NULL;
	struct leave_check chk;
	struct leave_decide dd;
	const char *decision = form_str(r, "besluit"), *text = form_str(r, "motivering");
	const char **dates = NULL;
	char org[400], contact[600], body[1600], *reasons = NULL;
	int rc, granted;

	if (req == NULL) {
		http_error(r, 404);
		return;
	}
	count_attachments(r, req, id);
	if ((regels = check_request(r, req, &chk)) == NULL) {
		json_decref(req);
		http_error(r, 500);
		return;
	}
	/* Decided, withdrawn or (for the head) forwarded: answered before the form is checked. */
	if (!decision_open(r->user.role, jstr(req, "status"))) {
		json_decref(req);
		json_decref(regels);
		show(r, id, 409, NULL, "Op deze aanvraag kan nu geen besluit worden genomen (al "
		    "besloten, ingetrokken of doorgestuurd).");
		return;
	}
	if (r->user.role == ROLE_DIRECTEUR && chk.evaluated &&
	    chk.v.beslisser == RULES_DECIDER_LEERPLICHT) {
		json_decref(req);
		json_decref(regels);
		show(r, id, 409, NULL, "Deze aanvraag gaat over meer dan 10 schooldagen verlof in dit "
		    "schooljaar: daarover beslist de leerplichtambtenaar. Stuur de aanvraag door.");
		return;
	}
	if (text == NULL)
		text = "";
	codes = json_array();
	for (size_t i = 0; i < r->form.n; i++)
		if (strcmp(r->form.v[i].name, "reden") == 0 && known_reason(r->form.v[i].value, jstr(req, "ground")))
			json_array_append_new(codes, json_string(r->form.v[i].value));
	{
		json_t *fouten = json_object();
		if (decision == NULL || (strcmp(decision, "toegekend") != 0 &&
		    strcmp(decision, "afgewezen") != 0))
			json_object_set_new(fouten, "besluit", json_string("Kies: toekennen of afwijzen."));
		else if (strcmp(decision, "afgewezen") == 0 && json_array_size(codes) == 0 &&
		    text[0] == '\0')
			json_object_set_new(fouten, "redenen", json_string("Kies ten minste één reden of "
			    "schrijf de motivering van de afwijzing."));
		else if (strcmp(decision, "toegekend") == 0 && chk.evaluated && chk.v.nbezwaren > 0)
			json_object_set_new(fouten, "besluit", grant_refused(&chk));
		else if (strcmp(decision, "toegekend") == 0 && !json_is_true(json_object_get(regels,
		    "toegestaan")) && text[0] == '\0')
			json_object_set_new(fouten, "motivering", json_string("De toelichting van de ouder "
			    "noemt een reden die nooit een grond voor verlof is (zie hierboven). Motiveer "
			    "waarom u het verlof toch toekent."));
		if (strlen(text) > 4000)
			json_object_set_new(fouten, "motivering", json_string("De motivering is te lang "
			    "(hoogstens 4000 tekens)."));
		if (json_object_size(fouten) > 0) {
			json_decref(req);
			json_decref(regels);
			json_decref(codes);
			show(r, id, 422, fouten, NULL);
			return;
		}
		json_decref(fouten);
	}
	granted = strcmp(decision, "toegekend") == 0;
	if (granted)
		json_array_clear(codes);	/* the letter cites reasons of a refusal only */
	reasons = json_dumps(codes, JSON_COMPACT);
	json_decref(codes);
	if (r->user.role == ROLE_DIRECTEUR) {
		snprintf(org, sizeof(org), "%s", jstr(req, "school"));
		snprintf(contact, sizeof(contact), "de directeur van %s, %s%s%s", jstr(req, "school"),
		    jstr(req, "school_email"), jstr(req, "school_phone")[0] ? ", telefoon " : "",
		    jstr(req, "school_phone"));
	} else {
		snprintf(org, sizeof(org), "Gemeente %s, %s", jstr(req, "loket_gemeente"),
		    jstr(req, "loket_department"));
		snprintf(contact, sizeof(contact), "het college van burgemeester en wethouders van de "
		    "gemeente %s (leerplicht), %s, telefoon %s", jstr(req, "loket_gemeente"),
		    jstr(req, "loket_email"), jstr(req, "loket_phone"));
	}
	memset(&dd, 0, sizeof(dd));
	if (granted) {
		rules_date van, tot;
		if (leave_parse_date(jstr(req, "start_date"), &van) == 0 &&
		    leave_parse_date(jstr(req, "end_date"), &tot) == 0)
			days = leave_school_days(r, jint(req, "calendar_id"), jstr(req, "region"),
			    van, tot);
		if (days != NULL && json_array_size(days) > 0 &&
		    (dates = calloc(json_array_size(days), sizeof(*dates))) != NULL) {
			for (size_t i = 0; i < json_array_size(days); i++)
				dates[i] = json_string_value(json_array_get(days, i));
			dd.dates = dates;
			dd.ndates = json_array_size(days);
		}
	}
	{
		const struct rules_policy *pol = app_policy(r, jstr(req, "region"));
		dd.minutes = pol != NULL && pol->dag_minuten > 0 && pol->dag_minuten <= 1440 ?
		    pol->dag_minuten : 480;
	}
	dd.decision = decision;
	dd.reasons = reasons ? reasons : "[]";
	dd.reason_text = text;
	dd.decider_role = r->user.role == ROLE_DIRECTEUR ? "directeur" : "leerplicht";
	dd.decider_org = org;
	dd.decider_contact = contact;
	dd.mail_to = jstr(req, "parent_email");
	dd.mail_subject = "Besluit op uw verlofaanvraag";
	snprintf(body, sizeof(body), "Beste %s,\n\nEr is een besluit genomen op uw verlofaanvraag "
	    "voor %s (%s t/m %s): het verlof is %s.\n\nDe besluitbrief staat in het Verzuimloket "
	    "(log in): %s/verlof/%lld/brief\nIn de brief leest u ook hoe u bezwaar kunt maken als u "
	    "het niet eens bent met het besluit.\n\nMet vriendelijke groet,\n%s\n%s\n",
	    jstr(req, "parent"), jstr(req, "student"), jstr(req, "van_nl"), jstr(req, "tot_nl"),
	    granted ? "toegekend" : "afgewezen", base_url(r), (long long)id, r->user.name, org);
	dd.mail_body = body;
	rc = store_leave_decide(r->app->store, &r->user, id, &dd);
	free(dates);
	json_decref(days);
	free(reasons);
	json_decref(regels);
	json_decref(req);
	if (rc < 0) {
		http_error(r, 500);
		return;
	}
	if (rc == 1) {
		show(r, id, 409, NULL, "Op deze aanvraag kan nu geen besluit worden genomen (al besloten, "
		    "ingetrokken of doorgestuurd).");
		return;
	}
	audit(r, "wijzig", "verlofaanvraag:%lld", (long long)id);
	back(r, id);
}

void
page_leave_attachment(struct req *r)
{
	char filename[256], ctype[64], disp[400];
	void *data = NULL;
	size_t size = 0;
	int rc = store_leave_attachment_get(r->app->store, &r->user, r->ids[0], r->ids[1], filename,
	    sizeof(filename), ctype, sizeof(ctype), &data, &size);

	if (rc != 0) {
		http_error(r, rc < 0 ? 500 : 404);
		return;
	}
	audit(r, "lees", "verlofaanvraag:%lld:bijlage:%lld", (long long)r->ids[0],
	    (long long)r->ids[1]);
	for (char *p = filename; *p; p++)
		if ((unsigned char)*p >= 0x80 || *p == '"' || *p == '\\' || *p == ';')
			*p = '_';
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"", filename);
	http_header(r, "Content-Disposition", disp);
	http_text(r, 200, strcmp(ctype, "application/pdf") == 0 ? "application/pdf" :
	    strcmp(ctype, "image/png") == 0 ? "image/png" : "image/jpeg", data, size);
	free(data);
}
