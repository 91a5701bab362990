/*
 * Verzuimmeldingen, school side (SPEC §5, §6): the form per soort with the required fields of the
 * Besluit verzuimmelding, routing to the desk of §5 shown before filing, the generated
 * verzuimstaat, attachments checked by content; after filing the melding's page with its
 * timeline, where the school adds information, gives the end date or withdraws it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "parse/text.h"
#include "http/app.h"
#include "pages/pages.h"
#include "pages/desk.h"
#include "store/store.h"

#define ATTACH_MAX	(5u * 1024 * 1024)	/* per file */
#define ATTACH_COUNT	5
#define TEXT_MAX	4000
#define LINE_MAX_LEN	200
#define MELDINGEN_PER_PAGE 50

enum soort { S_16UUR, S_LUXE, S_LRV, S_OVERIG, S_RMC18, S_SCHORSING, S_VERWIJDERING, S__MAX };
static const char *const soorten[S__MAX] = {
	"16uur", "luxe", "lrv", "overig", "rmc18", "schorsing", "verwijdering",
};
static const char *const soort_labels[S__MAX] = {
	"16 uur ongeoorloofd verzuim in 4 lesweken",			/* S_16UUR */
	"Luxeverzuim (verlof buiten de vakanties zonder toestemming)",	/* S_LUXE */
	"Langdurig relatief verzuim (4 weken of langer afwezig)",	/* S_LRV */
	"Overig verzuim (licht verzuim, te laat, zorgelijk of twijfelachtig ziek)", /* S_OVERIG */
	"RMC-melding: 18 jaar of ouder, 4 weken afwezig",		/* S_RMC18 */
	"Schorsing (langer dan 1 dag)",					/* S_SCHORSING */
	"Verwijdering",							/* S_VERWIJDERING */
};
/* Werkdagen after the start of the period within which the melding must be made (§6). */
static const int soort_deadline[S__MAX] = { 5, 5, 5, -1, 5, 5, 1 };

struct option {
	const char	*value;
	const char	*label;
};
static const struct option functies[] = {
	{ "mentor", "Mentor" }, { "decaan", "Decaan" },
	{ "verzuimcoordinator", "Verzuimcoördinator" }, { "zorgcoordinator", "Zorgcoördinator" },
	{ "afdelingsleider", "Afdelingsleider" }, { NULL, NULL },
};
static const struct option vermoedens[] = {
	{ "spijbelen", "Spijbelen (ongeoorloofd afwezig)" }, { "luxe", "Luxeverzuim" },
	{ "twijfelachtig_ziek", "Twijfelachtig ziekteverzuim" },
	{ "thuiszitten", "Thuiszitten of schoolweigering" }, { "te_laat", "Structureel te laat" },
	{ "schorsing", "Schorsing" }, { "verwijdering", "Verwijdering" }, { "anders", "Anders" },
	{ NULL, NULL },
};
static const struct option ja_nee[] = { { "ja", "Ja" }, { "nee", "Nee" }, { NULL, NULL } };

enum ftype { F_TEXT, F_TEXTAREA, F_DATE, F_EMAIL, F_PHONE, F_SELECT, F_RADIO };
enum freq {
	Q_OPT,		/* optional */
	Q_ALL,		/* required */
	Q_18,		/* required for rmc18 and students of 18 or older, else not shown */
	Q_NO_ACTION,	/* required when loket_actie = nee */
	Q_END,		/* required for schorsing, optional otherwise */
};

struct mfield {
	const char	*name;
	const char	*label;
	enum ftype	 type;
	enum freq	 req;
	const struct option *options;
	const char	*section;	/* starts a new fieldset */
	const char	*hint;
};

static const struct mfield mfields[] = {
	{ "melder_naam", "Naam melder", F_TEXT, Q_ALL, NULL, "Melder", NULL },
	{ "melder_functie", "Functie", F_SELECT, Q_ALL, functies, NULL, NULL },
	{ "melder_telefoon", "Telefoonnummer melder", F_PHONE, Q_ALL, NULL, NULL, NULL },
	{ "melder_email", "E-mailadres melder", F_EMAIL, Q_ALL, NULL, NULL, NULL },
	{ "leerling_adres", "Adres leerling (straat, postcode, plaats)", F_TEXT, Q_ALL, NULL,
	    "Leerling en ouders/verzorgers", NULL },
	{ "leerling_telefoon", "Telefoonnummer leerling", F_PHONE, Q_OPT, NULL, NULL, NULL },
	{ "leerling_email", "E-mailadres leerling", F_EMAIL, Q_OPT, NULL, NULL, NULL },
	{ "ouder_naam", "Naam ouder/verzorger", F_TEXT, Q_ALL, NULL, NULL, NULL },
	{ "ouder_telefoon", "Telefoonnummer ouder/verzorger", F_PHONE, Q_ALL, NULL, NULL, NULL },
	{ "ouder_email", "E-mailadres ouder/verzorger", F_EMAIL, Q_OPT, NULL, NULL, NULL },
	{ "verblijfadres", "Ander adres waar de leerling verblijft", F_TEXT, Q_OPT, NULL, NULL,
	    "Alleen invullen als de leerling ergens anders woont of verblijft." },
	{ "periode_start", "Eerste dag van het verzuim", F_DATE, Q_ALL, NULL, "Periode",
	    "jjjj-mm-dd. Deze datum bepaalt naar welk loket de melding gaat." },
	{ "periode_eind", "Laatste dag van het verzuim", F_DATE, Q_END, NULL, NULL,
	    "jjjj-mm-dd. Leeg laten als het verzuim nog doorgaat." },
	{ "vermoedelijke_soort", "Vermoedelijke soort verzuim", F_SELECT, Q_ALL, vermoedens,
	    "Het verzuim", NULL },
	{ "vermoedelijke_reden", "Vermoedelijke reden van het verzuim", F_TEXTAREA, Q_ALL, NULL,
	    NULL, NULL },
	{ "alle_lessen", "Heeft de leerling alle lessen gemist?", F_RADIO, Q_ALL, ja_nee, NULL,
	    NULL },
	{ "lesplaats", "Lesplaats (vestiging)", F_TEXT, Q_ALL, NULL, NULL, NULL },
	{ "dagen_uren", "Dagen en uren van het verzuim", F_TEXTAREA, Q_ALL, NULL, NULL,
	    "Ingevuld uit de registraties; vul aan waar nodig." },
	{ "toelichting", "Toelichting op de achtergrond", F_TEXTAREA, Q_ALL, NULL, "Aanpak",
	    NULL },
	{ "acties_school", "Wat heeft de school gedaan, en met welk resultaat?", F_TEXTAREA, Q_ALL,
	    NULL, NULL, NULL },
	{ "loket_actie", "Moet het loket actie ondernemen?", F_RADIO, Q_ALL, ja_nee, NULL, NULL },
	{ "geen_actie_reden", "Zo nee: waarom niet?", F_TEXTAREA, Q_NO_ACTION, NULL, NULL, NULL },
	{ "problematiek", "Is er sprake van onderwijsoverstijgende problematiek?", F_RADIO, Q_18,
	    ja_nee, "18 jaar en ouder (RMC)", NULL },
	{ "sk_gevaar", "Is de startkwalificatie in gevaar?", F_RADIO, Q_18, ja_nee, NULL, NULL },
	{ "dreigt_vsv", "Dreigt de student voortijdig de school te verlaten?", F_RADIO, Q_18, ja_nee,
	    NULL, NULL },
	{ "afspraken", "Afspraken die met de student zijn gemaakt", F_TEXTAREA, Q_18, NULL, NULL,
	    NULL },
};
#define NFIELDS (sizeof(mfields) / sizeof(mfields[0]))

static int
soort_parse(const char *s)
{
	for (int i = 0; s != NULL && i < S__MAX; i++)
		if (strcmp(s, soorten[i]) == 0)
			return i;
	return -1;
}

/* The Dutch label of a status (desk_status_labels), or the value itself. */
static const char *
status_label(const char *v)
{
	int i = desk_lookup(desk_status_names, DESK_STATUS__MAX, v);

	return i >= 0 ? desk_status_labels[i] : v ? v : "";
}

const char *
school_melding_soort_label(const char *soort)
{
	int i = soort_parse(soort);

	return i >= 0 ? soort_labels[i] : soort ? soort : "";
}

void
school_melding_row(json_t *m)
{
	char fd[11];

	/* The day it was filed in Europe/Amsterdam: a melding of 00:30 is of that day, and the
	 * deadline it is held against is a Dutch date. */
	desk_local_date(json_integer_value(json_object_get(m, "filed_at")), fd);
	json_object_set_new(m, "filed_date", json_string(fd));
	json_object_set_new(m, "soort_label", json_string(school_melding_soort_label(
	    json_string_value(json_object_get(m, "soort")))));
	json_object_set_new(m, "status_label", json_string(status_label(
	    json_string_value(json_object_get(m, "status")))));
	school_date_text(m, "period_start", "period_start_text");
	school_date_text(m, "period_end", "period_end_text");
	school_date_text(m, "filed_date", "filed_text");
}

/* ---------------------------------------------------------------- routing (§5) */

struct route_result {
	enum rules_plicht plicht;
	const char	*routed_to;	/* leerplicht, rmc, inspectie */
	const char	*age_group;
	int64_t		 loket_id;
	char		 error[300];	/* why it cannot be filed */
};

/*
 * §5: the desk of the woongemeente that covers the student's age on the first day of the period;
 * for a melding that answers a signal, on the signal's datum (on_signal), which is where §4 says
 * the signal's melding goes: a 16uur signal of a student who turned 18 during its window goes to
 * RMC (the harmonisation of seeds 000 and 002), as the signal showed. rmc18 is only for a student
 * whose plicht is rmc on that day, lrv only for a leerplichtige or kwalificatieplichtige.
 */
static int
route_melding(struct req *r, const struct school_ctx *c, const json_t *student,
    enum soort soort, rules_date start, rules_date end, rules_date on_signal,
    struct route_result *rr)
{
	struct rules_student st;
	enum rules_loket lk;
	int64_t gid = json_integer_value(json_object_get(student, "gemeente_id"));
	char ds[32];

	rules_date on = on_signal != RULES_NO_DATE ? on_signal : start;

	memset(rr, 0, sizeof(*rr));
	school_rules_student(c, student, &st);
	rr->plicht = rules_plicht_on(&st, on);
	rules_date_long(on, ds);
	if (rr->plicht == RULES_PLICHT_GEEN) {
		snprintf(rr->error, sizeof(rr->error), "Deze melding kan niet worden gedaan: de "
		    "leerling was op %s niet leerplichtig of kwalificatieplichtig en valt niet onder "
		    "RMC (18 tot 23 jaar zonder startkwalificatie).", ds);
		return -1;
	}
	if (soort == S_RMC18 && rr->plicht != RULES_PLICHT_RMC) {
		snprintf(rr->error, sizeof(rr->error), "Een RMC-melding is voor leerlingen van 18 tot "
		    "23 jaar zonder startkwalificatie. Deze leerling was op %s %s: kies een "
		    "16-urenmelding of een LRV-melding.", ds, rr->plicht == RULES_PLICHT_LEERPLICHT ?
		    "leerplichtig" : "kwalificatieplichtig");
		return -1;
	}
	if (soort == S_LRV && rr->plicht == RULES_PLICHT_RMC) {
		snprintf(rr->error, sizeof(rr->error), "Een LRV-melding is voor leerplichtigen en "
		    "kwalificatieplichtigen. Deze leerling was op %s 18 jaar of ouder zonder "
		    "startkwalificatie: kies een RMC-melding.", ds);
		return -1;
	}
	lk = rules_loket_for(rr->plicht);
	rr->age_group = lk == RULES_LOKET_RMC ? "18-23" : "5-18";
	rr->routed_to = rules_loket_names[lk];
	if ((soort == S_SCHORSING && (end == RULES_NO_DATE ||
	    rules_school_days(&c->cal, start, end) > 1)) || soort == S_VERWIJDERING) {
		/*
		 * To the Inspectie; the desk of the woongemeente is informed: the leerplicht desk,
		 * or for an 18-23 year-old the RMC desk, since a leerplicht desk never sees RMC age
		 * groups (§1) and has no powers over a student who is no longer kwalificatieplichtig.
		 */
		rr->routed_to = "inspectie";
	}
	rr->loket_id = store_school_loket_for(r->app->store, gid, rules_loket_names[lk]);
	if (rr->loket_id == 0) {
		snprintf(rr->error, sizeof(rr->error), "Voor de woongemeente van deze leerling is "
		    "geen %s-loket bekend. Neem contact op met de functioneel beheerder.",
		    rules_loket_names[lk]);
		return -1;
	}
	return 0;
}

static json_t *
route_json(struct req *r, const struct route_result *rr)
{
	json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "routed_to", rr->routed_to ? rr->routed_to : "",
	    "routed_label", school_loket_label(rr->routed_to), "plicht",
	    rules_plicht_names[rr->plicht], "plicht_label", school_plicht_labels[rr->plicht]);
	json_t *l = rr->loket_id ? store_school_loket(r->app->store, rr->loket_id) : NULL;

	if (l != NULL)
		json_object_set_new(o, "loket", l);
	if (rr->routed_to != NULL && strcmp(rr->routed_to, "inspectie") == 0)
		json_object_set_new(o, "inspectie", json_true());
	return o;
}

/* ---------------------------------------------------------------- the form */

static int
is_adult_form(const struct school_ctx *c, const json_t *student, enum soort soort)
{
	struct rules_student st;

	if (soort == S_RMC18)
		return 1;
	school_rules_student(c, student, &st);
	return rules_age_on(st.geboren, c->today) >= 18;
}

const char *
school_melding_field_label(const char *name, int *is_date)
{
	for (size_t i = 0; i < NFIELDS; i++)
		if (strcmp(mfields[i].name, name) == 0) {
			*is_date = mfields[i].type == F_DATE;
			return mfields[i].label;
		}
	return NULL;
}

static int
field_shown(const struct mfield *f, int adult)
{
	return f->req != Q_18 || adult;
}

static int
field_required(const struct mfield *f, enum soort soort, int adult, const json_t *values)
{
	switch (f->req) {
	case Q_ALL: return 1;
	case Q_18: return adult;
	case Q_END: return soort == S_SCHORSING;
	case Q_NO_ACTION: {
		const char *a = json_string_value(json_object_get(values, "loket_actie"));
		return a != NULL && strcmp(a, "nee") == 0;
	}
	default: return 0;
	}
}

/* The form fields with their values and errors, grouped into sections, for the template. */
static json_t *
form_sections(enum soort soort, int adult, const json_t *values, const json_t *errors)
{
	json_t *sections = json_array(), *cur = NULL;

	for (size_t i = 0; i < NFIELDS; i++) {
		const struct mfield *f = &mfields[i];
		const char *v = json_string_value(json_object_get(values, f->name));
		json_t *o, *err = json_object_get(errors, f->name);

		if (!field_shown(f, adult))
			continue;
		if (f->section != NULL || cur == NULL) {
			cur = json_array();
			json_array_append_new(sections, json_pack("{s:s,s:o}", "legend",
			    f->section ? f->section : "", "fields", cur));
		}
		o = json_pack("{s:s,s:s,s:s,s:b,s:s?,s:O?}", "name", f->name, "label", f->label,
		    "value", v ? v : "", "required", f->req == Q_ALL || (f->req == Q_18 && adult) ||
		    (f->req == Q_END && soort == S_SCHORSING), "hint", f->hint, "error", err);
		json_object_set_new(o, f->type == F_TEXTAREA ? "is_textarea" : f->type == F_SELECT ?
		    "is_select" : f->type == F_RADIO ? "is_radio" : "is_input", json_true());
		json_object_set_new(o, "input_type", json_string(f->type == F_DATE ? "date" :
		    f->type == F_EMAIL ? "email" : f->type == F_PHONE ? "tel" : "text"));
		if (f->req == Q_NO_ACTION)
			json_object_set_new(o, "conditional", json_string(
			    "Verplicht als het loket geen actie hoeft te ondernemen."));
		if (f->options != NULL) {
			json_t *opts = json_array();
			for (const struct option *op = f->options; op->value != NULL; op++)
				json_array_append_new(opts, json_pack("{s:s,s:s,s:b,s:s}", "value",
				    op->value, "label", op->label, "selected",
				    v != NULL && strcmp(v, op->value) == 0, "name", f->name));
			json_object_set_new(o, "options", opts);
		}
		json_array_append_new(cur, o);
	}
	return sections;
}

/* The registrations of [from, to] as the verzuimstaat (JSON) and its totals. */
static json_t *
verzuimstaat(struct req *r, int64_t student_id, const char *from, const char *to,
    int *unauthorised)
{
	json_t *h = store_school_reg_history(r->app->store, student_id, from, to), *rows, *e;
	int64_t per[RULES_REG__MAX] = { 0 };
	size_t i;

	rows = json_array();
	*unauthorised = 0;
	for (i = json_array_size(h); i-- > 0;) {	/* oldest first */
		const char *k;
		int kind = -1;
		e = json_array_get(h, i);
		if (!json_integer_value(json_object_get(e, "active")))
			continue;
		k = json_string_value(json_object_get(e, "kind"));
		for (int j = 0; k != NULL && j < RULES_REG__MAX; j++)
			if (strcmp(k, rules_reg_kind_names[j]) == 0)
				kind = j;
		if (kind < 0)
			continue;
		per[kind] += json_integer_value(json_object_get(e, "minutes"));
		json_array_append_new(rows, json_pack("{s:O,s:s,s:O,s:O}", "datum",
		    json_object_get(e, "date"), "soort", school_reg_labels[kind], "minuten",
		    json_object_get(e, "minutes"), "opmerking", json_object_get(e, "note")));
	}
	json_decref(h);
	*unauthorised = (int)(per[RULES_REG_ONGEOORLOOFD] + per[RULES_REG_TE_LAAT]);
	e = json_pack("{s:s,s:s,s:o,s:I,s:I,s:I,s:I,s:I,s:I}", "van", from, "tot", to,
	    "regels", rows, "ongeoorloofd_minuten", (json_int_t)per[RULES_REG_ONGEOORLOOFD],
	    "te_laat_minuten", (json_int_t)per[RULES_REG_TE_LAAT], "ziek_minuten",
	    (json_int_t)per[RULES_REG_ZIEK], "verlof_minuten", (json_int_t)per[RULES_REG_VERLOF],
	    "schorsing_minuten", (json_int_t)per[RULES_REG_SCHORSING], "ongeoorloofd_totaal",
	    (json_int_t)*unauthorised);
	return e;
}

/* "7 september 2026: Ongeoorloofd 240 min" lines, to pre-fill days and hours. */
static char *
staat_text(const json_t *staat)
{
	struct buf b = BUF_INIT;
	size_t i;
	json_t *e;

	json_array_foreach(json_object_get(staat, "regels"), i, e) {
		char nl[48];

		desk_date_day(json_string_value(json_object_get(e, "datum")), nl, sizeof(nl));
		buf_printf(&b, "%s: %s %lld min\n", nl, json_string_value(json_object_get(e, "soort")),
		    (long long)json_integer_value(json_object_get(e, "minuten")));
		if (b.len > TEXT_MAX - 200) {
			buf_puts(&b, "... (zie de verzuimstaat)\n");
			break;
		}
	}
	if (b.p == NULL)
		return strdup("");
	return b.p;
}

/* The signal of this student on datum that a melding of this soort answers, if any. */
static int
find_signal(struct req *r, const struct school_ctx *c, const json_t *student, int64_t id,
    enum soort soort, const char *datum, struct rules_signal *out)
{
	struct rules_registration *regs = NULL;
	struct rules_signal *sig = NULL;
	struct rules_student st;
	size_t nregs = 0, nsig = 0;
	rules_date d;
	int found = 0;

	if (school_date_arg(datum, &d) != 0)
		return 0;
	school_rules_student(c, student, &st);
	if (store_school_student_regs(r->app->store, id, &regs, &nregs) == 0 &&
	    school_signals(c, &st, regs, nregs, c->today, &sig, &nsig) == 0)
		for (size_t i = 0; i < nsig && !found; i++) {
			const char *s = school_signal_soort(sig[i].kind);
			if (sig[i].datum == d && s != NULL && strcmp(s, soorten[soort]) == 0) {
				*out = sig[i];
				found = 1;
			}
		}
	free(sig);
	free(regs);
	return found;
}

static void
render_form(struct req *r, int status, const struct school_ctx *c, json_t *student,
    enum soort soort, json_t *values, json_t *errors, const char *token, const char *signaal,
    const char *general)
{
	int adult = is_adult_form(c, student, soort);
	json_t *d = json_pack("{s:s,s:O,s:s,s:s,s:s,s:s,s:s,s:b}", "title", "Verzuimmelding",
	    "student", student, "soort", soorten[soort], "soort_label", soort_labels[soort],
	    "token", token, "signaal", signaal ? signaal : "", "today", c->today_s, "adult", adult);
	const char *ps = json_string_value(json_object_get(values, "periode_start"));
	const char *pe = json_string_value(json_object_get(values, "periode_eind"));
	rules_date start, end = RULES_NO_DATE;
	struct route_result rr;

	json_object_set_new(d, "sections", form_sections(soort, adult, values, errors));
	school_date_text(json_object_get(d, "student"), "birth_date", "birth_text");
	school_date_text(d, "signaal", "signaal_text");
	if (school_date_arg(ps, &start) == 0) {
		if (school_date_arg(pe, &end) != 0)
			end = RULES_NO_DATE;
		rules_date on = RULES_NO_DATE;
		if (signaal == NULL || school_date_arg(signaal, &on) != 0)
			on = RULES_NO_DATE;
		json_object_set_new(d, "op_signaal", json_boolean(on != RULES_NO_DATE));
		if (soort_deadline[soort] > 0) {
			/* §6: the deadline, from the signal's datum or the first day (as when sent). */
			rules_date dl = rules_werkdagen_add(on != RULES_NO_DATE ? on : start,
			    soort_deadline[soort], c->pol.bevrijdingsdag);
			char dn[32];
			rules_date_long(dl, dn);
			json_object_set_new(d, "uiterlijk", json_string(dn));
			json_object_set_new(d, "te_laat", json_boolean(c->today > dl));
		}
		if (route_melding(r, c, student, soort, start, end, on, &rr) == 0)
			json_object_set_new(d, "route", route_json(r, &rr));
		else
			json_object_set_new(d, "refused", json_string(rr.error));
	}
	if (general != NULL)
		json_object_set_new(d, "general_error", json_string(general));
	if (json_object_size(errors) > 0) {
		json_t *list = json_array();
		const char *k;
		json_t *v;
		for (size_t i = 0; i < NFIELDS; i++)
			if ((v = json_object_get(errors, mfields[i].name)) != NULL)
				json_array_append_new(list, json_pack("{s:s,s:s,s:O}", "name",
				    mfields[i].name, "label", mfields[i].label, "error", v));
		json_object_foreach(errors, k, v)
			if (strcmp(k, "bijlage") == 0)
				json_array_append_new(list, json_pack("{s:s,s:s,s:O}", "name", k,
				    "label", "Bijlage", "error", v));
		json_object_set_new(d, "error_list", list);
	}
	if (json_object_get(errors, "bijlage") != NULL)
		json_object_set(d, "bijlage_error", json_object_get(errors, "bijlage"));
	json_decref(values);
	json_decref(errors);
	page_render(r, status, "melding_formulier", d);
}

static void
soort_chooser(struct req *r, json_t *student)
{
	json_t *list = json_array();

	for (int i = 0; i < S__MAX; i++)
		json_array_append_new(list, json_pack("{s:s,s:s}", "soort", soorten[i], "label",
		    soort_labels[i]));
	page_render(r, 200, "melding_kiezen", json_pack("{s:s,s:o,s:o}", "title",
	    "Verzuimmelding: kies de soort", "student", student, "soorten", list));
}

void
page_school_melding_form(struct req *r)
{
	struct school_ctx c;
	struct rules_signal sig;
	json_t *s, *v, *staat;
	const char *signaal = query_str(r, "signaal");
	int soort, has_signal = 0, unauth;
	char token[33], start[11], end[11], addr[600], *text;
	unsigned char rnd[16];

	if (school_ctx_load(r, &c) != 0)
		return;
	if ((s = store_school_student(r->app->store, &r->user, r->ids[0])) == NULL) {
		school_ctx_free(&c);
		http_error(r, 404);
		return;
	}
	audit(r, "lees", "leerling:%lld:meldingformulier", (long long)r->ids[0]);
	if ((soort = soort_parse(query_str(r, "soort"))) < 0) {
		school_ctx_free(&c);
		soort_chooser(r, s);
		return;
	}
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(token, sizeof(token), rnd, sizeof(rnd));
	rules_date_format(c.today, start);
	end[0] = '\0';
	if (signaal != NULL && find_signal(r, &c, s, r->ids[0], (enum soort)soort, signaal, &sig)) {
		has_signal = 1;
		rules_date_format(sig.begin != RULES_NO_DATE ? sig.begin : sig.datum, start);
		if (sig.kind == RULES_SIGNAL_16UUR)
			rules_date_format(sig.datum, end);
		/*
		 * The verzuimstaat shows what made the signal: the late arrivals of the school year,
		 * the sick reports of the 84 days (12 weeks) ending at the signal's datum.
		 */
		if (sig.kind == RULES_SIGNAL_TE_LAAT || sig.kind == RULES_SIGNAL_ZORGELIJK_ZIEK) {
			rules_date sy = rules_school_year_start(sig.datum), f = sig.datum - 83;
			rules_date_format(sig.kind == RULES_SIGNAL_TE_LAAT || f < sy ? sy : f, start);
			rules_date_format(sig.datum, end);
		}
		if (sig.kind == RULES_SIGNAL_LRV) {
			/* §4: the day after the end of the last 16uur melding, or F. */
			char last[11];
			rules_date f = sig.datum - 27, e;
			rules_date_format(f, start);
			if (store_school_last_16uur(r->app->store, r->ids[0], last) > 0 &&
			    school_date_arg(last, &e) == 0 && e >= f && e < sig.datum)
				rules_date_format(e + 1, start);
		}
	}
	staat = verzuimstaat(r, r->ids[0], start, end[0] ? end : c.today_s, &unauth);
	text = staat_text(staat);
	json_decref(staat);
	snprintf(addr, sizeof(addr), "%s, %s %s",
	    json_string_value(json_object_get(s, "address")),
	    json_string_value(json_object_get(s, "postcode")),
	    json_string_value(json_object_get(s, "city")));
	v = json_pack("{s:s,s:s,s:s,s:s,s:s,s:O,s:O,s:O,s:O,s:O,s:O,s:s,s:s,s:s,s:s}",
	    "melder_naam", r->user.name, "melder_email", r->user.email,
	    "melder_telefoon", c.school.phone, "leerling_adres", addr,
	    "lesplaats", c.school.name,
	    "leerling_telefoon", json_object_get(s, "phone"),
	    "leerling_email", json_object_get(s, "email"),
	    "ouder_naam", json_object_get(s, "parent_name"),
	    "ouder_telefoon", json_object_get(s, "parent_phone"),
	    "ouder_email", json_object_get(s, "parent_email"),
	    "verblijfadres", json_object_get(s, "stay_address"),
	    "periode_start", start, "periode_eind", end, "dagen_uren", text,
	    "vermoedelijke_soort", soort == S_LUXE ? "luxe" : soort == S_SCHORSING ? "schorsing" :
	    soort == S_VERWIJDERING ? "verwijdering" : "");
	free(text);
	render_form(r, 200, &c, s, (enum soort)soort, v, json_object(), token,
	    has_signal ? signaal : NULL, NULL);
	json_decref(s);
	school_ctx_free(&c);
}

static int
valid_phone(const char *v)
{
	int digits = 0;

	for (; *v; v++) {
		if (*v >= '0' && *v <= '9')
			digits++;
		else if (strchr(" -+()/", *v) == NULL)
			return 0;
	}
	return digits >= 10 && digits <= 15;
}

/* Content sniffing: the type is what the bytes say, never what the browser claims. */
static const char *
sniff(const unsigned char *p, size_t n)
{
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "application/pdf";
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
		return "image/jpeg";
	return NULL;
}

static void
safe_filename(const char *in, char *out, size_t outsz)
{
	const char *b = in;
	size_t o = 0;

	for (const char *p = in; *p; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	for (; *b && o + 1 < outsz && o < 120; b++)
		out[o++] = (unsigned char)*b < 0x20 || *b == '"' ? '_' : *b;
	out[o] = '\0';
	if (o == 0)
		snprintf(out, outsz, "bijlage");
}

/* The attachments of the form: checked, hashed. *n files; 0 or -1 with errors["bijlage"]. */
static int
collect_attachments(struct req *r, struct attachment_new *att, char names[][128], size_t *n,
    json_t *errors)
{
	*n = 0;
	for (size_t i = 0; i < r->form.n; i++) {
		const struct field *f = &r->form.v[i];
		unsigned char h[crypto_hash_sha256_BYTES];
		const char *ct;

		if (strcmp(f->name, "bijlage") != 0 || f->filename == NULL || f->valsz == 0)
			continue;
		if (*n == ATTACH_COUNT) {
			json_object_set_new(errors, "bijlage", json_string(
			    "U kunt hoogstens 5 bijlagen tegelijk meesturen."));
			return -1;
		}
		if (f->valsz > ATTACH_MAX) {
			json_object_set_new(errors, "bijlage", json_sprintf("Het bestand '%.80s' is "
			    "te groot: een bijlage mag hoogstens 5 MB zijn.", f->filename));
			return -1;
		}
		if ((ct = sniff((const unsigned char *)f->value, f->valsz)) == NULL) {
			json_object_set_new(errors, "bijlage", json_sprintf("Het bestand '%.80s' is "
			    "geen PDF, PNG of JPEG. Alleen die soorten bestanden zijn toegestaan.",
			    f->filename));
			return -1;
		}
		safe_filename(f->filename, names[*n], 128);
		att[*n].filename = names[*n];
		att[*n].ctype = ct;
		att[*n].data = f->value;
		att[*n].size = f->valsz;
		crypto_hash_sha256(h, (const unsigned char *)f->value, f->valsz);
		sodium_bin2hex(att[*n].sha256, sizeof(att[*n].sha256), h, sizeof(h));
		(*n)++;
	}
	return 0;
}

static int
valid_token(const char *t)
{
	if (t == NULL || strlen(t) != 32)
		return 0;
	for (; *t; t++)
		if (!((*t >= '0' && *t <= '9') || (*t >= 'a' && *t <= 'f')))
			return 0;
	return 1;
}

void
page_school_melding_file(struct req *r)
{
	struct school_ctx c;
	struct rules_signal sig;
	struct route_result rr;
	struct melding_new mn;
	struct attachment_new att[ATTACH_COUNT];
	char names[ATTACH_COUNT][128], token[33], loc[64], subject[300], sname[200];
	const char *signaal = form_str(r, "signaal"), *tok = form_str(r, "token");
	json_t *s, *values, *errors, *details, *staat;
	rules_date start = RULES_NO_DATE, end = RULES_NO_DATE;
	size_t natt = 0;
	int soort, adult, grown, has_signal = 0, unauth = 0, rc;
	char *staat_s = NULL, *details_s = NULL;
	struct buf body = BUF_INIT;

	if (school_ctx_load(r, &c) != 0)
		return;
	if ((s = store_school_student(r->app->store, &r->user, r->ids[0])) == NULL) {
		school_ctx_free(&c);
		http_error(r, 404);
		return;
	}
	if ((soort = soort_parse(form_str(r, "soort"))) < 0) {
		school_ctx_free(&c);
		soort_chooser(r, s);
		return;
	}
	if (valid_token(tok))
		memcpy(token, tok, 33);
	else {
		unsigned char rnd[16];
		randombytes_buf(rnd, sizeof(rnd));
		sodium_bin2hex(token, sizeof(token), rnd, sizeof(rnd));
	}
	adult = is_adult_form(&c, s, (enum soort)soort);
	values = json_object();
	errors = json_object();
	for (size_t i = 0; i < NFIELDS; i++) {
		const char *v = form_str(r, mfields[i].name);
		size_t len;
		if (v == NULL)
			v = "";
		v += strspn(v, " \t\r\n");
		len = strlen(v);
		json_object_set_new(values, mfields[i].name, json_stringn(v, len < 20000 ? len : 0));
	}
	for (size_t i = 0; i < NFIELDS; i++) {
		const struct mfield *f = &mfields[i];
		const char *v = json_string_value(json_object_get(values, f->name));
		size_t max = f->type == F_TEXTAREA ? TEXT_MAX : LINE_MAX_LEN;
		const char *msg = NULL;
		rules_date d;

		if (!field_shown(f, adult))
			continue;
		if (*v == '\0') {
			if (field_required(f, (enum soort)soort, adult, values))
				msg = f->type == F_SELECT || f->type == F_RADIO ? "Maak een keuze." :
				    "Dit veld is verplicht.";
		} else if (strlen(v) > max)
			msg = f->type == F_TEXTAREA ? "De tekst is te lang (hoogstens 4000 tekens)." :
			    "De tekst is te lang (hoogstens 200 tekens).";
		else if (f->type == F_EMAIL && !text_is_email(v))
			msg = "Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.";
		else if (f->type == F_PHONE && !valid_phone(v))
			msg = "Vul een geldig telefoonnummer in (10 cijfers), bijvoorbeeld 079 123 45 67.";
		else if (f->type == F_DATE && school_date_arg(v, &d) != 0)
			msg = "Vul een geldige datum in (jjjj-mm-dd).";
		else if (f->type == F_DATE && d > c.today)
			msg = "De datum ligt in de toekomst.";
		else if (f->options != NULL) {
			int ok = 0;
			for (const struct option *op = f->options; op->value != NULL; op++)
				ok |= strcmp(op->value, v) == 0;
			if (!ok)
				msg = "Maak een keuze uit de lijst.";
		}
		if (msg != NULL)
			json_object_set_new(errors, f->name, json_string(msg));
		else if (f->type == F_DATE && *v != '\0')
			*(strcmp(f->name, "periode_start") == 0 ? &start : &end) = d;
	}
	if (start != RULES_NO_DATE && end != RULES_NO_DATE && end < start)
		json_object_set_new(errors, "periode_eind", json_string(
		    "De laatste dag ligt vóór de eerste dag."));
	if (soort == S_SCHORSING && start != RULES_NO_DATE && end != RULES_NO_DATE && end >= start &&
	    rules_school_days(&c.cal, start, end) > c.policy->schorsing_max)
		json_object_set_new(errors, "periode_eind", json_sprintf("Een schorsing duurt "
		    "hoogstens %d schooldagen.", c.policy->schorsing_max));
	collect_attachments(r, att, names, &natt, errors);
	if (json_object_size(errors) > 0) {
		const char *general = natt > 0 || json_object_get(errors, "bijlage") ?
		    "Niet alle gegevens zijn goed ingevuld; zie de meldingen bij de velden. Kies de "
		    "bijlagen opnieuw: bestanden kunnen niet worden bewaard tot de melding is "
		    "verstuurd." : "Niet alle gegevens zijn goed ingevuld; zie de meldingen bij de "
		    "velden. Wat u invulde is bewaard.";
		render_form(r, 422, &c, s, (enum soort)soort, values, errors, token,
		    signaal, general);
		json_decref(s);
		school_ctx_free(&c);
		return;
	}
	if (signaal != NULL && find_signal(r, &c, s, r->ids[0], (enum soort)soort, signaal, &sig))
		has_signal = 1;
	if (has_signal) {
		/* One melding per signal: a second one would count as the next melding (§6). */
		char sd[11], msg[300];
		int64_t dup;
		rules_date_format(sig.datum, sd);
		if ((dup = store_school_signal_melding(r->app->store, r->ids[0], sd, soorten[soort],
		    token)) > 0) {
			snprintf(msg, sizeof(msg), "Voor dit signaal is al een melding gedaan: melding "
			    "%lld. Vul die zo nodig aan met informatie; een vervolgmelding hoort bij een "
			    "volgend signaal.", (long long)dup);
			render_form(r, 409, &c, s, (enum soort)soort, values, errors, token, signaal,
			    msg);
			json_decref(s);
			school_ctx_free(&c);
			return;
		}
	}
	if (route_melding(r, &c, s, (enum soort)soort, start, end, has_signal ? sig.datum :
	    RULES_NO_DATE, &rr) != 0) {
		render_form(r, 422, &c, s, (enum soort)soort, values, errors, token, signaal,
		    rr.error);
		json_decref(s);
		school_ctx_free(&c);
		return;
	}

	memset(&mn, 0, sizeof(mn));
	mn.student_id = r->ids[0];
	mn.soort = soorten[soort];
	mn.routed_to = rr.routed_to;
	mn.loket_id = rr.loket_id;
	mn.age_group = rr.age_group;
	rules_date_format(start, mn.period_start);
	if (end != RULES_NO_DATE)
		rules_date_format(end, mn.period_end);
	if (has_signal) {
		rules_date_format(sig.datum, mn.signal_datum);
		if (sig.uiterlijk_melden != RULES_NO_DATE)
			rules_date_format(sig.uiterlijk_melden, mn.deadline);
	}
	if (!has_signal && soort_deadline[soort] > 0)
		rules_date_format(rules_werkdagen_add(start, soort_deadline[soort],
		    c.pol.bevrijdingsdag), mn.deadline);
	if (soort == S_16UUR || soort == S_LRV) {
		char last[11];
		int64_t prev = store_school_last_16uur(r->app->store, r->ids[0], last);
		rules_date e;
		if (soort == S_16UUR)
			mn.previous_id = prev;
		else {
			/* §4: the LRV melding begins the day after the last 16uur melding, or F. */
			rules_date f = has_signal ? sig.datum - 27 : start;
			if (prev > 0 && school_date_arg(last, &e) == 0 && e >= f)
				f = e + 1;
			rules_date_format(f, mn.lrv_begin);
		}
	}
	staat = verzuimstaat(r, r->ids[0], mn.period_start, mn.period_end[0] ? mn.period_end :
	    c.today_s, &unauth);
	mn.unauthorised_minutes = unauth;
	mn.has_verzuimstaat = json_array_size(json_object_get(staat, "regels")) > 0 || natt > 0;
	staat_s = json_dumps(staat, JSON_COMPACT);
	json_decref(staat);
	details = json_object();
	for (size_t i = 0; i < NFIELDS; i++)
		if (field_shown(&mfields[i], adult))
			json_object_set(details, mfields[i].name,
			    json_object_get(values, mfields[i].name));
	details_s = json_dumps(details, JSON_COMPACT);
	json_decref(details);
	mn.verzuimstaat = staat_s ? staat_s : "{}";
	mn.details = details_s ? details_s : "{}";
	school_year_of(start, mn.school_year);
	mn.client_token = token;
	mn.attachments = att;
	mn.nattachments = natt;

	/* The parents are told (§6); a student of 18 or older is told in person. */
	snprintf(sname, sizeof(sname), "%s %s", json_string_value(json_object_get(s, "first_name")),
	    json_string_value(json_object_get(s, "last_name")));
	{
		json_t *l = store_school_loket(r->app->store, rr.loket_id);
		const char *lname = json_string_value(json_object_get(l, "name"));
		const char *lgem = json_string_value(json_object_get(l, "gemeente"));
		char sd[32];
		rules_date_long(start, sd);
		/*
		 * §6: the parents are notified. A melding about an 18-23 year-old (the RMC age group,
		 * as routed: the age on the first day of the period) goes to the adult student; one
		 * about a leerplicht or kwalificatieplicht period goes to the parents, also when the
		 * student has turned 18 since.
		 */
		grown = strcmp(rr.age_group, "18-23") == 0;
		mn.parent_email = json_string_value(json_object_get(s, grown ? "email" :
		    "parent_email"));
		snprintf(subject, sizeof(subject), "Verzuimmelding over %s", sname);
		buf_printf(&body, "%s,\n\n%s heeft vandaag een verzuimmelding gedaan over %s "
		    "(soort: %s, vanaf %s).\n", grown ? "Beste student" : "Beste ouder/verzorger",
		    c.school.name, grown ? "u" : sname, soort_labels[soort], sd);
		if (strcmp(rr.routed_to, "inspectie") == 0)
			buf_printf(&body, "De melding gaat naar de Inspectie van het Onderwijs; het "
			    "loket %s van de gemeente %s wordt geïnformeerd.\n", lname ? lname : "",
			    lgem ? lgem : "");
		else
			buf_printf(&body, "De melding gaat naar %s van de gemeente %s. Een "
			    "medewerker van dat loket kan contact met %s opnemen.\n", lname ? lname : "",
			    lgem ? lgem : "", grown ? "u" : "u en uw kind");
		buf_printf(&body, "\nHebt u vragen, neem dan contact op met de school: %s, %s.\n\n"
		    "Met vriendelijke groet,\n%s\n", c.school.phone, c.school.email, c.school.name);
		mn.mail_subject = subject;
		mn.mail_body = body.p ? body.p : "";
		json_decref(l);
	}

	int64_t id = 0;
	rc = store_school_melding_file(r->app->store, &r->user, &mn, &id);
	free(staat_s);
	free(details_s);
	buf_free(&body);
	json_decref(values);
	json_decref(errors);
	json_decref(s);
	school_ctx_free(&c);
	if (rc < 0) {
		http_error(r, 500);
		return;
	}
	if (rc == 0)
		audit(r, "wijzig", "leerling:%lld:melding:%lld", (long long)r->ids[0], (long long)id);
	snprintf(loc, sizeof(loc), "/school/meldingen/%lld", (long long)id);
	http_redirect(r, loc);
}

/* ---------------------------------------------------------------- after filing */

static void
decorate_melding(json_t *m)
{
	const char *soort = json_string_value(json_object_get(m, "soort"));
	const char *status = json_string_value(json_object_get(m, "status"));
	int si = soort_parse(soort);
	json_t *e, *details, *list;
	size_t i;
	char when[17];
	static const char *const dates[] = { "period_start", "period_end", "school_end_date",
	    "signal_datum", "deadline", "lrv_begin", "birth_date" };

	json_object_set_new(m, "soort_label", json_string(si >= 0 ? soort_labels[si] : ""));
	json_object_set_new(m, "status_label", json_string(status_label(status)));
	if (json_is_string(json_object_get(m, "routed_to")))
		json_object_set_new(m, "routed_label", json_string(school_loket_label(
		    json_string_value(json_object_get(m, "routed_to")))));
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		char key[40];
		snprintf(key, sizeof(key), "%s_text", dates[i]);
		school_date_text(m, dates[i], key);
	}
	if (json_integer_value(json_object_get(m, "filed_at")) > 0) {
		desk_local_text(json_integer_value(json_object_get(m, "filed_at")), when);
		json_object_set_new(m, "filed_text", json_string(when));
	}
	if (status != NULL && strcmp(status, "geregistreerd") == 0)
		json_object_set_new(m, "can_withdraw", json_true());
	if (status != NULL && strcmp(status, "afgesloten") != 0 &&
	    strcmp(status, "ingetrokken") != 0)
		json_object_set_new(m, "is_open", json_true());
	json_array_foreach(json_object_get(m, "events"), i, e) {
		const char *k = json_string_value(json_object_get(e, "kind"));
		desk_local_text(json_integer_value(json_object_get(e, "at")), when);
		json_object_set_new(e, "at_text", json_string(when));
		json_object_set_new(e, "kind_label", json_string(desk_event_label(k)));
		if (json_is_string(json_object_get(e, "status")))
			json_object_set_new(e, "status_label", json_string(status_label(
			    json_string_value(json_object_get(e, "status")))));
		if (json_is_string(json_object_get(e, "mas_action"))) {
			int a = desk_lookup(desk_mas_names, DESK_MAS__MAX,
			    json_string_value(json_object_get(e, "mas_action")));
			if (a >= 0)
				json_object_set_new(e, "mas_label", json_string(desk_mas_labels[a]));
		}
	}
	details = json_loads(json_string_value(json_object_get(m, "details")), 0, NULL);
	list = json_array();
	for (i = 0; details != NULL && i < NFIELDS; i++) {
		json_t *v = json_object_get(details, mfields[i].name);
		const char *s = json_string_value(v);
		char day[32];
		if (v == NULL)
			continue;
		if (mfields[i].type == F_DATE && s != NULL && *s != '\0') {
			desk_date_long(s, day, sizeof(day));
			if (day[0] != '\0')
				s = day;
		}
		if (mfields[i].options != NULL)
			for (const struct option *op = mfields[i].options; op->value; op++)
				if (s != NULL && strcmp(s, op->value) == 0)
					s = op->label;
		json_array_append_new(list, json_pack("{s:s,s:s}", "label", mfields[i].label,
		    "value", s ? s : ""));
	}
	json_decref(details);
	json_object_set_new(m, "detail_list", list);
	json_object_del(m, "details");
	json_object_del(m, "verzuimstaat");
}

static void
melding_page(struct req *r, int status, json_t *errors, json_t *values)
{
	json_t *m = store_melding_get(r->app->store, &r->user, r->ids[0]), *d;
	int staff = r->user.role == ROLE_SCHOOL || r->user.role == ROLE_DIRECTEUR;

	if (m == NULL) {
		json_decref(errors);
		json_decref(values);
		http_error(r, 404);
		return;
	}
	audit(r, "lees", "melding:%lld", (long long)r->ids[0]);
	decorate_melding(m);
	d = json_pack("{s:s,s:o,s:b,s:s}", "title", "Verzuimmelding", "m", m, "staff", staff,
	    "base", staff ? "/school/meldingen" : "/meldingen");
	json_object_set_new(d, "e", errors ? errors : json_object());
	json_object_set_new(d, "v", values ? values : json_object());
	if (query_str(r, "ok") != NULL)
		json_object_set_new(d, "ok", json_string("Opgeslagen."));
	page_render(r, status, "melding_pagina", d);
}

void
page_melding(struct req *r)
{
	melding_page(r, 200, NULL, NULL);
}

void
page_melding_verzuimstaat(struct req *r)
{
	json_t *m = store_melding_get(r->app->store, &r->user, r->ids[0]), *staat;

	if (m == NULL) {
		http_error(r, 404);
		return;
	}
	audit(r, "lees", "melding:%lld:verzuimstaat", (long long)r->ids[0]);
	staat = json_loads(json_string_value(json_object_get(m, "verzuimstaat")), 0, NULL);
	if (staat == NULL)
		staat = json_object();
	desk_staat_days(json_object_get(staat, "regels"));
	school_date_text(staat, "van", "van_text");
	school_date_text(staat, "tot", "tot_text");
	decorate_melding(m);
	page_render(r, 200, "melding_verzuimstaat", json_pack("{s:s,s:o,s:o}", "title",
	    "Verzuimstaat", "m", m, "staat", staat));
}

void
page_melding_attachment(struct req *r)
{
	char fn[256], ct[64], disp[400], safe[200];
	void *data;
	size_t size;
	int rc = store_melding_attachment(r->app->store, &r->user, r->ids[0], r->ids[1], fn,
	    sizeof(fn), ct, sizeof(ct), &data, &size);

	if (rc != 0) {
		http_error(r, rc > 0 ? 404 : 500);
		return;
	}
	audit(r, "lees", "melding:%lld:bijlage:%lld", (long long)r->ids[0], (long long)r->ids[1]);
	safe_filename(fn, safe, sizeof(safe));
	for (char *p = safe; *p; p++)
		if ((unsigned char)*p >= 0x80 || *p == ';' || *p == '\\')
			*p = '_';
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"", safe);
	http_header(r, "Content-Disposition", disp);
	http_text(r, 200, strcmp(ct, "application/pdf") == 0 ? "application/pdf" :
	    strcmp(ct, "image/png") == 0 ? "image/png" : "image/jpeg", data, size);
	free(data);
}

static void
after_action(struct req *r, int rc, const char *field, const char *msg)
{
	char loc[64];

	if (rc == 1) {
		http_error(r, 404);
		return;
	}
	if (rc < 0) {
		http_error(r, 500);
		return;
	}
	if (rc == 3) {
		melding_page(r, 409, json_pack("{s:s}", field, msg), NULL);
		return;
	}
	snprintf(loc, sizeof(loc), "/school/meldingen/%lld?ok=1", (long long)r->ids[0]);
	http_redirect(r, loc);
}

void
page_school_melding_info(struct req *r)
{
	const char *text = form_str(r, "informatie");
	struct attachment_new att[ATTACH_COUNT];
	char names[ATTACH_COUNT][128];
	size_t natt = 0;
	json_t *errors = json_object(), *m;
	int rc;

	if ((m = store_melding_get(r->app->store, &r->user, r->ids[0])) == NULL) {
		json_decref(errors);
		http_error(r, 404);
		return;
	}
	json_decref(m);
	collect_attachments(r, att, names, &natt, errors);
	if (text == NULL)
		text = "";
	if (strlen(text) > TEXT_MAX)
		json_object_set_new(errors, "informatie", json_string(
		    "De tekst is te lang (hoogstens 4000 tekens)."));
	else if (*text == '\0' && natt == 0 && json_object_size(errors) == 0)
		json_object_set_new(errors, "informatie", json_string(
		    "Vul de informatie in of kies een bijlage."));
	if (json_object_size(errors) > 0) {
		melding_page(r, 422, errors, json_pack("{s:s}", "informatie",
		    strlen(text) < 20000 ? text : ""));
		return;
	}
	json_decref(errors);
	rc = store_school_melding_info(r->app->store, &r->user, r->ids[0], text, att, natt);
	if (rc == 0)
		audit(r, "wijzig", "melding:%lld:informatie", (long long)r->ids[0]);
	after_action(r, rc, "informatie", "Aan een ingetrokken melding kan niets meer worden "
	    "toegevoegd.");
}

void
page_school_melding_withdraw(struct req *r)
{
	const char *reason = form_str(r, "reden");
	json_t *errors = json_object(), *m;
	int rc;

	if ((m = store_melding_get(r->app->store, &r->user, r->ids[0])) == NULL) {
		json_decref(errors);
		http_error(r, 404);
		return;
	}
	json_decref(m);
	if (reason == NULL || *reason == '\0' || strlen(reason) > TEXT_MAX)
		json_object_set_new(errors, "reden", json_string(
		    "Geef de reden van het intrekken (hoogstens 4000 tekens)."));
	if (form_str(r, "bevestig") == NULL)
		json_object_set_new(errors, "bevestig", json_string(
		    "Bevestig dat u de melding wilt intrekken."));
	if (json_object_size(errors) > 0) {
		melding_page(r, 422, errors, json_pack("{s:s}", "reden",
		    reason && strlen(reason) < 20000 ? reason : ""));
		return;
	}
	json_decref(errors);
	rc = store_school_melding_withdraw(r->app->store, &r->user, r->ids[0], reason);
	if (rc == 0)
		audit(r, "wijzig", "melding:%lld:ingetrokken", (long long)r->ids[0]);
	after_action(r, rc, "reden", "De melding kan niet meer worden ingetrokken: het loket "
	    "heeft haar al in behandeling genomen.");
}

void
page_school_melding_end(struct req *r)
{
	const char *date = form_str(r, "einddatum"), *text = form_str(r, "toelichting");
	json_t *errors = json_object(), *m;
	rules_date d, start;
	char date_text[32];
	int rc;

	if ((m = store_melding_get(r->app->store, &r->user, r->ids[0])) == NULL) {
		json_decref(errors);
		http_error(r, 404);
		return;
	}
	if (school_date_arg(date, &d) != 0)
		json_object_set_new(errors, "einddatum", json_string(
		    "Vul een geldige datum in (jjjj-mm-dd)."));
	else if (school_date_arg(json_string_value(json_object_get(m, "period_start")), &start) ==
	    0 && d < start)
		json_object_set_new(errors, "einddatum", json_string(
		    "De einddatum ligt vóór het begin van de melding."));
	else if (d > school_today())
		json_object_set_new(errors, "einddatum", json_string("De datum ligt in de toekomst."));
	if (text != NULL && strlen(text) > TEXT_MAX)
		json_object_set_new(errors, "toelichting", json_string(
		    "De tekst is te lang (hoogstens 4000 tekens)."));
	json_decref(m);
	if (json_object_size(errors) > 0) {
		melding_page(r, 422, errors, json_pack("{s:s,s:s}", "einddatum",
		    date && strlen(date) < 100 ? date : "", "toelichting",
		    text && strlen(text) < 20000 ? text : ""));
		return;
	}
	json_decref(errors);
	rules_date_long(d, date_text);	/* the timeline reads Dutch: "24 november 2026" */
	rc = store_school_melding_end(r->app->store, &r->user, r->ids[0], date, date_text, text);
	if (rc == 0)
		audit(r, "wijzig", "melding:%lld:einddatum", (long long)r->ids[0]);
	after_action(r, rc, "einddatum", "Deze melding is afgesloten of ingetrokken.");
}

void
page_school_meldingen(struct req *r)
{
	const char *status = query_str(r, "status");
	int page = school_page_arg(r), total = 0;
	json_t *list, *d, *m, *counts, *filters;
	char extra[64] = "";
	size_t i;

	if (status == NULL || desk_lookup(desk_status_names, DESK_STATUS__MAX, status) < 0)
		status = "";
	list = store_school_meldingen(r->app->store, &r->user, status, MELDINGEN_PER_PAGE,
	    (page - 1) * MELDINGEN_PER_PAGE, &total);
	json_array_foreach(list, i, m) {
		const char *dl = json_string_value(json_object_get(m, "deadline"));
		const char *to = json_string_value(json_object_get(m, "routed_to"));
		school_melding_row(m);
		if (to != NULL)
			json_object_set_new(m, "routed_label", json_string(school_loket_label(to)));
		school_date_text(m, "deadline", "deadline_text");
		if (dl != NULL && strcmp(json_string_value(json_object_get(m, "filed_date")), dl) > 0)
			json_object_set_new(m, "late", json_true());
	}
	counts = store_school_melding_counts(r->app->store, &r->user);
	filters = json_array();
	json_array_append_new(filters, json_pack("{s:s,s:s,s:b}", "value", "", "label", "Alle",
	    "current", *status == '\0'));
	for (int k = 0; k < DESK_STATUS__MAX; k++) {
		json_int_t n = 0;
		json_t *c;
		json_array_foreach(counts, i, c)
			if (strcmp(json_string_value(json_object_get(c, "status")),
			    desk_status_names[k]) == 0)
				n = json_integer_value(json_object_get(c, "n"));
		json_array_append_new(filters, json_pack("{s:s,s:s,s:I,s:b}", "value",
		    desk_status_names[k], "label", desk_status_labels[k], "n", n, "current",
		    strcmp(status, desk_status_names[k]) == 0));
	}
	json_decref(counts);
	d = json_pack("{s:s,s:o,s:o,s:s}", "title", "Meldingen", "meldingen", list, "filters",
	    filters, "status", status);
	if (*status)
		snprintf(extra, sizeof(extra), "&status=%s", status);
	school_pagination(d, page, MELDINGEN_PER_PAGE, total, "/school/meldingen", extra);
	audit(r, "lees", "school:%lld:meldingen", (long long)r->user.school_id);
	page_render(r, 200, "school_meldingen", d);
}
