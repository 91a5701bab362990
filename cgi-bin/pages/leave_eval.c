/*
 * The §8 rules applied to a leave request for the pages: the school calendar and the student's
 * earlier leave from the store, the verdict from the rules library, and the Dutch words for it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "http/app.h"
#include "pages/leave.h"
#include "store/leave.h"

#define VACATIONS_MAX 512

rules_date
leave_today(void)
{
	return rules_nl_date((int64_t)time(NULL));
}

int
leave_parse_date(const char *s, rules_date *out)
{
	size_t n;
	char iso[11];

	if (s == NULL)
		return -1;
	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 10 && s[2] == '-' && s[5] == '-') {
		/* DD-MM-YYYY, as people write dates here */
		memcpy(iso, s + 6, 4);
		iso[4] = '-';
		memcpy(iso + 5, s + 3, 2);
		iso[7] = '-';
		memcpy(iso + 8, s, 2);
		iso[10] = '\0';
		return rules_date_parse(iso, 10, out);
	}
	return rules_date_parse(s, n, out);
}

int
leave_bevrijdingsdag(struct req *r, const char *region)
{
	const struct rules_policy *p = region != NULL ? app_policy(r, region) : NULL;

	return p != NULL ? p->bevrijdingsdag : 1;
}

static int
load_calendar(struct req *r, int64_t calendar_id, const char *region, rules_date from,
    rules_date to, struct rules_calendar *cal)
{
	struct rules_vacation *vac = calloc(VACATIONS_MAX, sizeof(*vac));
	size_t n = 0;
	int rc = -1;

	if (vac == NULL)
		return -1;
	if (store_leave_vacations(r->app->store, calendar_id, vac, VACATIONS_MAX, &n) == 0 &&
	    rules_calendar_init(cal, vac, n, leave_bevrijdingsdag(r, region), from, to) == RULES_OK)
		rc = 0;
	free(vac);
	return rc;
}

static int
lookup(const char *const *names, int n, const char *v)
{
	if (v == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (names[i] != NULL && strcmp(names[i], v) == 0)
			return i;
	return -1;
}

int
leave_check_run(struct req *r, const struct leave_student *st, const struct leave_input *in,
    int64_t except_id, struct leave_check *out)
{
	struct rules_calendar cal;
	struct rules_leave_request q;
	rules_date ys = rules_school_year_start(in->van);
	int y, m, d, rc = 0;

	memset(out, 0, sizeof(*out));
	rules_date_to_ymd(ys, &y, &m, &d);
	snprintf(out->school_year, sizeof(out->school_year), "%04u-%04u", (unsigned)y % 10000u,
	    (unsigned)(y + 1) % 10000u);
	if (load_calendar(r, st->calendar_id, st->region, ys, in->tot, &cal) != 0)
		return -1;
	out->schooldagen = rules_school_days(&cal, in->van, in->tot);
	rules_first_two_school_weeks(&cal, in->van, &out->first_weeks[0], &out->first_weeks[1]);
	if (store_leave_prior(r->app->store, st->id, out->school_year, except_id,
	    &out->eerder_11g_dagen, &out->eerder_11f) != 0) {
		rules_calendar_free(&cal);
		return -1;
	}
	if (strcmp(in->ground, "11f") == 0 || strcmp(in->ground, "11g") == 0) {
		int c;
		memset(&q, 0, sizeof(q));
		q.grond = strcmp(in->ground, "11f") == 0 ? RULES_GROUND_11F : RULES_GROUND_11G;
		c = lookup(rules_category_names, RULES_CAT__MAX, in->category);
		q.categorie = c < 0 ? RULES_CAT_OVERIG : (enum rules_leave_category)c;
		q.graad = in->degree;
		c = lookup(rules_place_names, RULES_WAAR__MAX, in->place);
		q.waar = c < 0 ? RULES_WAAR_NONE : (enum rules_place)c;
		q.van = in->van;
		q.tot = in->tot;
		if (rules_date_parse(st->birth_date, strlen(st->birth_date), &q.student.geboren) != 0) {
			rules_calendar_free(&cal);
			return -1;
		}
		q.student.startkwalificatie = st->startkwalificatie;
		q.student.vrijgesteld = st->exempt;
		c = lookup(rules_sort_names, RULES_SORT__MAX, st->school_sort);
		q.student.sort = c < 0 ? RULES_SORT_VO : (enum rules_school_sort)c;
		q.dagen_per_week = st->days_per_week >= 1 && st->days_per_week <= 5 ?
		    st->days_per_week : 5;
		q.eerder_11g_dagen = out->eerder_11g_dagen;
		q.eerder_11f = out->eerder_11f;
		q.verklaring = in->verklaring;
		q.nredenen = leave_refusals_in_text(in->explanation, q.redenen, RULES_REFUSAL__MAX);
		if (rules_leave_evaluate(&cal, &q, &out->v) != RULES_OK)
			rc = -1;
		else
			out->evaluated = 1;
	}
	rules_calendar_free(&cal);
	return rc;
}

json_t *
leave_school_days(struct req *r, int64_t calendar_id, const char *region, rules_date van,
    rules_date tot)
{
	struct rules_calendar cal;
	json_t *a = json_array();
	char buf[11];

	if (load_calendar(r, calendar_id, region, van, tot, &cal) != 0)
		return a;
	for (rules_date d = van; d <= tot; d++)
		if (rules_is_school_day(&cal, d)) {
			rules_date_format(d, buf);
			json_array_append_new(a, json_string(buf));
		}
	rules_calendar_free(&cal);
	return a;
}

static void
add_msg(json_t *o, const char *field, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
add_msg(json_t *o, const char *field, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	json_t *a = json_object_get(o, field);

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (a == NULL) {
		a = json_array();
		json_object_set_new(o, field, a);
	}
	json_array_append_new(a, json_string(msg));
}

static void
fmt_nl(rules_date d, char out[11])
{
	int y, m, dd;

	rules_date_to_ymd(d, &y, &m, &dd);
	snprintf(out, 11, "%02u-%02u-%04u", (unsigned)dd % 100u, (unsigned)m % 100u,
	    (unsigned)y % 10000u);
}

/*
 * warn: messages about a rule the request breaks; info: what the rules say anyway. Both keyed by
 * the form field they belong next to: periode, grond, categorie, bijlage, toelichting, algemeen.
 */
json_t *
leave_check_json(const struct leave_input *in, const struct leave_check *c)
{
	json_t *o = json_object(), *warn = json_object(), *info = json_object();
	json_t *bezwaren = json_array(), *weiger = json_array();
	int is11f = strcmp(in->ground, "11f") == 0, is11g = strcmp(in->ground, "11g") == 0;
	char a[11], b[11];

	json_object_set_new(o, "schooldagen", json_integer(c->schooldagen));
	json_object_set_new(o, "schoolyear", json_string(c->school_year));
	add_msg(info, "periode", "In deze periode vallen %d schooldag%s.", (int)c->schooldagen,
	    c->schooldagen == 1 ? "" : "en");
	if (!c->evaluated) {
		json_object_set_new(o, "kennisgeving", json_true());
		json_object_set_new(o, "beslisser", json_string("geen besluit nodig: dit is een "
		    "kennisgeving aan de school"));
		json_object_set_new(o, "toegestaan", json_true());
		if (strcmp(in->ground, "religieus") == 0)
			add_msg(info, "grond", "Voor een religieuze verplichting is uw kind één dag vrij, "
			    "de dag van de verplichting. Meld dit ten minste 2 dagen van tevoren.");
		else
			add_msg(info, "grond", "Een ziekmelding doet u binnen 2 dagen; de school "
			    "registreert de ziekte.");
		goto done;
	}
	json_object_set_new(o, "toegestaan", json_boolean(c->v.toegestaan));
	json_object_set_new(o, "max_dagen", c->v.max_dagen < 0 ? json_null() :
	    json_integer(c->v.max_dagen));
	json_object_set_new(o, "max_een", json_boolean(c->v.max_dagen == 1));
	json_object_set_new(o, "beslisser", json_string(c->v.beslisser == RULES_DECIDER_LEERPLICHT ?
	    "de leerplichtambtenaar van de woongemeente (meer dan 10 dagen verlof in dit schooljaar)" :
	    "de directeur van de school"));
	json_object_set_new(o, "doorsturen", json_boolean(c->v.beslisser == RULES_DECIDER_LEERPLICHT));
	if (c->v.max_dagen >= 0)
		add_msg(info, is11f ? "grond" : "categorie", "Het maximum is %d schooldag%s%s.",
		    c->v.max_dagen, c->v.max_dagen == 1 ? "" : "en",
		    is11f ? " per schooljaar" : " voor deze omstandigheid");
	else
		add_msg(info, "categorie", "Voor deze omstandigheid geldt geen vast maximum; de "
		    "beslisser weegt de situatie.");
	fmt_nl(c->first_weeks[0], a);
	fmt_nl(c->first_weeks[1], b);
	if (is11f) {
		add_msg(info, "grond", "Verlof wegens het beroep van een ouder kan één keer per "
		    "schooljaar en niet in de eerste twee lesweken (%s t/m %s).", a, b);
		if (c->eerder_11f)
			add_msg(info, "grond", "Dit schooljaar (%s) is al eerder verlof wegens het beroep "
			    "toegekend.", c->school_year);
	}
	if (is11g && c->eerder_11g_dagen > 0)
		add_msg(info, "categorie", "Dit schooljaar is al %d schooldag%s verlof voor gewichtige "
		    "omstandigheden toegekend.", c->eerder_11g_dagen,
		    c->eerder_11g_dagen == 1 ? "" : "en");
	for (size_t i = 0; i < c->v.nbezwaren; i++) {
		enum rules_objection ob = c->v.bezwaren[i];
		json_array_append_new(bezwaren, json_pack("{s:s,s:s}", "code",
		    rules_objection_names[ob], "text", rules_objection_texts[ob]));
		switch (ob) {
		case RULES_OBJ_MAX_OVERSCHREDEN:
			add_msg(warn, is11f ? "periode" : "categorie", "U vraagt %d schooldagen, maar het "
			    "maximum is %d. Verlof boven het maximum wordt niet toegekend.",
			    (int)c->schooldagen, c->v.max_dagen);
			break;
		case RULES_OBJ_EERSTE_TWEE_LESWEKEN:
			add_msg(warn, "periode", "Verlof wegens het beroep kan niet in de eerste twee "
			    "lesweken van het schooljaar (%s t/m %s).", a, b);
			break;
		case RULES_OBJ_AL_11F_DIT_SCHOOLJAAR:
			add_msg(warn, "grond", "Verlof wegens het beroep kan één keer per schooljaar; het "
			    "is dit schooljaar al toegekend.");
			break;
		case RULES_OBJ_VERKLARING_ONTBREEKT:
			add_msg(warn, "bijlage", is11f ? "Voeg een verklaring van de werkgever of "
			    "accountant toe: zonder verklaring kan dit verlof niet worden toegekend." :
			    "Voeg een bewijsstuk toe (bijvoorbeeld een rouwkaart, uitnodiging of "
			    "verklaring van een arts): zonder bewijs kan dit verlof niet worden toegekend.");
			break;
		case RULES_OBJ_GRAAD_BUITEN_CATEGORIE:
			add_msg(warn, "categorie", "Let op: %s.", rules_objection_texts[ob]);
			break;
		default:
			add_msg(warn, "algemeen", "Let op: %s.", rules_objection_texts[ob]);
			break;
		}
	}
	for (size_t i = 0; i < c->v.nweigergronden; i++) {
		enum rules_refusal rf = c->v.weigergronden[i];
		const char *kw = leave_refusal_keyword(in->explanation ? in->explanation : "", rf);
		char code[64];
		snprintf(code, sizeof(code), "weigergrond:%s", rules_refusal_names[rf]);
		json_array_append_new(weiger, json_pack("{s:s,s:s}", "code", code, "text",
		    rules_refusal_texts[rf]));
		add_msg(warn, "toelichting", "Uw toelichting noemt \u2018%s\u2019. Dit is nooit een "
		    "reden voor verlof: %s. De aanvraag wordt dan afgewezen.", kw ? kw : "",
		    rules_refusal_texts[rf]);
	}
done:
	json_object_set_new(o, "bezwaren", bezwaren);
	json_object_set_new(o, "weigergronden", weiger);
	json_object_set_new(o, "warn", warn);
	json_object_set_new(o, "info", info);
	json_object_set_new(o, "has_warn", json_boolean(json_object_size(warn) > 0));
	return o;
}

struct label {
	const char	*kind, *value, *text;
};

static const struct label labels[] = {
	{ "grond", "11f", "Vakantie buiten de schoolvakanties wegens het beroep van een ouder (art. 11 f)" },
	{ "grond", "11g", "Gewichtige omstandigheden (art. 11 g)" },
	{ "grond", "religieus", "Religieuze verplichting (kennisgeving)" },
	{ "grond", "ziekte", "Ziekmelding (kennisgeving)" },
	{ "categorie", "huwelijk", "Huwelijk van een familielid" },
	{ "categorie", "overlijden", "Overlijden van een familielid" },
	{ "categorie", "jubileum", "Ambts- of huwelijksjubileum van ouders of grootouders" },
	{ "categorie", "verhuizing", "Verhuizing" },
	{ "categorie", "ziekte_familie", "Ernstige, levensbedreigende ziekte van een familielid" },
	{ "categorie", "wettelijk", "Wettelijke verplichting die niet buiten schooltijd kan" },
	{ "categorie", "overig", "Andere gewichtige omstandigheid" },
	{ "waar", "regio", "In de eigen regio" },
	{ "waar", "nederland", "Elders in Nederland" },
	{ "waar", "buitenland", "In het buitenland" },
	{ "status", "ingediend", "Ingediend" },
	{ "status", "in_behandeling", "In behandeling" },
	{ "status", "doorgestuurd", "Doorgestuurd naar leerplicht" },
	{ "status", "toegekend", "Toegekend" },
	{ "status", "afgewezen", "Afgewezen" },
	{ "status", "ingetrokken", "Ingetrokken" },
	{ "status", "kennisgeving", "Kennisgeving ontvangen" },
	{ "event", "ingediend", "Aanvraag ingediend" },
	{ "event", "kennisgeving", "Kennisgeving ingediend" },
	{ "event", "voorbereid", "In behandeling genomen" },
	{ "event", "doorgestuurd", "Doorgestuurd naar de leerplichtambtenaar" },
	{ "event", "besluit", "Besluit genomen" },
	{ "event", "ingetrokken", "Ingetrokken door de ouder" },
};

const char *
leave_label(const char *kind, const char *value)
{
	if (value == NULL)
		return "";
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].kind, kind) == 0 && strcmp(labels[i].value, value) == 0)
			return labels[i].text;
	return value;
}

json_t *
leave_reason_texts(const json_t *codes)
{
	json_t *out = json_array(), *v;
	size_t i;

	json_array_foreach(codes, i, v) {
		const char *code = json_string_value(v), *text = NULL;
		if (code == NULL)
			continue;
		if (strncmp(code, "weigergrond:", 12) == 0) {
			int k = lookup(rules_refusal_names, RULES_REFUSAL__MAX, code + 12);
			if (k >= 0)
				text = rules_refusal_texts[k];
		} else {
			int k = lookup(rules_objection_names, RULES_OBJ__MAX, code);
			if (k >= 0)
				text = rules_objection_texts[k];
		}
		if (text != NULL)
			json_array_append_new(out, json_pack("{s:s,s:s,s:b}", "code", code, "text", text,
			    "weigergrond", strncmp(code, "weigergrond:", 12) == 0));
	}
	return out;
}
