/* What the school pages share: the school context, today, signals as template data, dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "http/app.h"
#include "pages/school.h"
#include "pages/desk.h"
#include "store/store.h"

const char *const school_reg_labels[RULES_REG__MAX] = {
	"Ongeoorloofd",		/* RULES_REG_ONGEOORLOOFD */
	"Te laat",		/* RULES_REG_TE_LAAT */
	"Ziek",			/* RULES_REG_ZIEK */
	"Verlof",		/* RULES_REG_VERLOF */
	"Schorsing",		/* RULES_REG_SCHORSING */
};

static const char *const signal_labels[RULES_SIGNAL__MAX] = {
	"16 uur ongeoorloofd verzuim in 4 lesweken",	/* RULES_SIGNAL_16UUR */
	"Licht verzuim",				/* RULES_SIGNAL_LICHT */
	"Vaak te laat",					/* RULES_SIGNAL_TE_LAAT */
	"Langdurig relatief verzuim (4 weken)",		/* RULES_SIGNAL_LRV */
	"Zorgelijk ziekteverzuim",			/* RULES_SIGNAL_ZORGELIJK_ZIEK */
	"RMC: 4 weken afwezig (18+)",			/* RULES_SIGNAL_RMC18 */
	"Meer dan 5 weken afwezig (melding DUO)",	/* RULES_SIGNAL_AFWEZIG5W */
};

/* The short word on a signal's badge, and the RMC overview's column (school_signal_badge). */
static const char *const signal_badges[RULES_SIGNAL__MAX] = {
	"16 uur",		/* RULES_SIGNAL_16UUR */
	"Licht verzuim",	/* RULES_SIGNAL_LICHT */
	"Vaak te laat",		/* RULES_SIGNAL_TE_LAAT */
	"LRV",			/* RULES_SIGNAL_LRV */
	"Zorgelijk ziek",	/* RULES_SIGNAL_ZORGELIJK_ZIEK */
	"RMC 18+",		/* RULES_SIGNAL_RMC18 */
	"Afwezig 5 weken",	/* RULES_SIGNAL_AFWEZIG5W */
};

const char *const school_plicht_labels[RULES_PLICHT__MAX] = {
	"Geen (niet leerplichtig, niet kwalificatieplichtig, geen RMC)",	/* GEEN */
	"Leerplicht",								/* LEERPLICHT */
	"Kwalificatieplicht",							/* KWALIFICATIEPLICHT */
	"RMC (18 tot 23 jaar zonder startkwalificatie)",			/* RMC */
};

/* Where a melding goes (melding.routed_to, a signal's loket): the kind of desk, or the Inspectie. */
static const char *const loket_kinds[] = { "leerplicht", "rmc", "inspectie" };
static const char *const loket_kind_labels[] = {
	"Leerplichtloket", "RMC-loket", "Inspectie van het Onderwijs",
};

const char *
school_loket_label(const char *kind)
{
	int i = desk_lookup(loket_kinds, (int)(sizeof(loket_kinds) / sizeof(loket_kinds[0])), kind);

	return i < 0 ? (kind ? kind : "") : loket_kind_labels[i];
}

static const char *const signal_soorten[RULES_SIGNAL__MAX] = {
	"16uur",	/* RULES_SIGNAL_16UUR */
	"overig",	/* RULES_SIGNAL_LICHT */
	"overig",	/* RULES_SIGNAL_TE_LAAT */
	"lrv",		/* RULES_SIGNAL_LRV */
	"overig",	/* RULES_SIGNAL_ZORGELIJK_ZIEK */
	"rmc18",	/* RULES_SIGNAL_RMC18 */
	NULL,		/* RULES_SIGNAL_AFWEZIG5W: the DUO form, not a verzuimmelding */
};

const char *school_signal_soort(enum rules_signal_kind k) { return signal_soorten[k]; }
const char *school_signal_label(enum rules_signal_kind k) { return signal_labels[k]; }
const char *school_signal_badge(enum rules_signal_kind k) { return signal_badges[k]; }

rules_date
school_today(void)
{
	return rules_nl_date((int64_t)time(NULL));
}

int
school_ctx_open(struct store *s, const struct user *u, const struct rules_policy *policies,
    size_t npolicies, struct school_ctx *c)
{
	struct rules_vacation *vac = NULL;
	const struct rules_policy *p;
	size_t nvac = 0;
	int rc;

	memset(c, 0, sizeof(*c));
	if ((rc = store_school_of(s, u, &c->school)) != 0)
		return rc > 0 ? 1 : -1;
	if ((p = rules_policy_find(policies, npolicies, c->school.region)) == NULL &&
	    (p = rules_policy_find(policies, npolicies, "landelijk")) == NULL)
		return -1;
	c->pol = *p;
	c->policy = &c->pol;
	c->today = school_today();
	rules_date_format(c->today, c->today_s);
	if (store_school_vacations(s, c->school.calendar_id, &vac, &nvac) != 0 ||
	    rules_calendar_init(&c->cal, vac, nvac, c->pol.bevrijdingsdag, c->today - 3 * 366,
	    c->today + 400) != RULES_OK) {
		free(vac);
		return -1;
	}
	free(vac);
	return 0;
}

int
school_ctx_load(struct req *r, struct school_ctx *c)
{
	int rc;

	app_policies_refresh(r->app);
	if ((rc = school_ctx_open(r->app->store, &r->user, r->app->policies, r->app->npolicies,
	    c)) != 0) {
		http_error(r, rc > 0 ? 404 : 500);
		return -1;
	}
	return 0;
}

void
school_ctx_free(struct school_ctx *c)
{
	rules_calendar_free(&c->cal);
}

int
school_signals(const struct school_ctx *c, const struct rules_student *st,
    const struct rules_registration *regs, size_t nregs, rules_date d, struct rules_signal **out,
    size_t *n)
{
	size_t max = 16;
	int rc;

	*out = NULL;
	for (int tries = 0; tries < 2; tries++) {
		if ((*out = malloc(max * sizeof(**out))) == NULL)
			return -1;
		rc = rules_signals(&c->cal, c->policy, st, regs, nregs, d, *out, max, n);
		if (rc == RULES_OK)
			return 0;
		free(*out);
		*out = NULL;
		if (rc != RULES_ESPACE)
			return -1;
		max = *n;
	}
	return -1;
}

/*
 * Whether a melding answers signal s of student sid. ans is sorted by student and signal datum
 * (store_school_answered). A signal is answered by a melding of its soort filed for that signal,
 * i.e. with its datum. A licht signal's datum is always the day it is looked at (§4: at D only),
 * so for licht a melding overig for any licht, te-laat or zorgelijk-ziek signal within the
 * current window counts: the desk knows of the student's absence of these four school weeks.
 */
int
school_signal_answered(const struct school_ctx *c, const struct answered *ans, size_t n,
    int64_t sid, const struct rules_signal *s)
{
	const char *soort = school_signal_soort(s->kind);
	rules_date lo = s->kind == RULES_SIGNAL_LICHT ? rules_window_start(&c->cal, s->datum) :
	    s->datum;
	size_t a = 0, b = n;

	if (soort == NULL)
		return 0;
	while (a < b) {	/* the first entry not before (sid, lo) */
		size_t m = a + (b - a) / 2;
		if (ans[m].student_id < sid || (ans[m].student_id == sid && ans[m].datum < lo))
			a = m + 1;
		else
			b = m;
	}
	for (; a < n && ans[a].student_id == sid && ans[a].datum <= s->datum; a++)
		if (strcmp(ans[a].soort, soort) == 0)
			return 1;
	return 0;
}

json_t *
school_signal_json(const struct school_ctx *c, const struct rules_signal *s)
{
	char datum[11], dl[11] = "", nl[32], dlnl[32] = "";
	json_t *o;

	rules_date_format(s->datum, datum);
	rules_date_long(s->datum, nl);
	o = json_pack("{s:s,s:s,s:s,s:s,s:s,s:b,s:s?}", "signaal", rules_signal_names[s->kind],
	    "badge", signal_badges[s->kind], "label", signal_labels[s->kind], "datum", datum,
	    "datum_text", nl, "verplicht", s->verplicht, "soort", signal_soorten[s->kind]);
	/* The description next to the badge, where it says more than the badge. */
	if (strcmp(signal_badges[s->kind], signal_labels[s->kind]) != 0)
		json_object_set_new(o, "label_more", json_true());
	if (s->loket != RULES_LOKET_NONE) {
		json_object_set_new(o, "loket", json_string(rules_loket_names[s->loket]));
		json_object_set_new(o, "loket_label", json_string(school_loket_label(
		    rules_loket_names[s->loket])));
	}
	if (s->uiterlijk_melden != RULES_NO_DATE) {
		int64_t left;
		rules_date_format(s->uiterlijk_melden, dl);
		rules_date_long(s->uiterlijk_melden, dlnl);
		json_object_set_new(o, "uiterlijk_melden", json_string(dl));
		json_object_set_new(o, "uiterlijk_melden_text", json_string(dlnl));
		if (c->today > s->uiterlijk_melden) {
			left = -rules_werkdagen_count(s->uiterlijk_melden + 1, c->today,
			    c->pol.bevrijdingsdag);
			json_object_set_new(o, "overdue", json_true());
		} else
			left = rules_werkdagen_count(c->today + 1, s->uiterlijk_melden,
			    c->pol.bevrijdingsdag);
		json_object_set_new(o, "werkdagen_over", json_integer(left));
		json_object_set_new(o, "werkdagen_te_laat", json_integer(-left));
		json_object_set_new(o, "werkdagen_one", json_boolean(left == 1 || left == -1));
	}
	return o;
}

void
school_rules_student(const struct school_ctx *c, const json_t *s, struct rules_student *st)
{
	const char *b = json_string_value(json_object_get(s, "birth_date"));

	memset(st, 0, sizeof(*st));
	if (b == NULL || rules_date_parse(b, strlen(b), &st->geboren) != 0)
		st->geboren = c->today;		/* not born: plicht geen */
	st->startkwalificatie = json_integer_value(json_object_get(s, "startkwalificatie")) != 0;
	st->vrijgesteld = json_integer_value(json_object_get(s, "exempt")) != 0;
	st->sort = c->school.sort;
}

void
school_year_of(rules_date d, char out[16])
{
	int y, m, dd;

	rules_date_to_ymd(rules_school_year_start(d), &y, &m, &dd);
	snprintf(out, 16, "%04u-%04u", (unsigned)y % 10000u, (unsigned)(y + 1) % 10000u);
}

void
school_date_text(json_t *o, const char *key, const char *textkey)
{
	const char *iso = json_string_value(json_object_get(o, key));
	char t[32];

	if (iso == NULL || *iso == '\0')
		return;
	desk_date_long(iso, t, sizeof(t));
	json_object_set_new(o, textkey, json_string(t[0] ? t : iso));
}

int
school_date_arg(const char *s, rules_date *d)
{
	return s != NULL && rules_date_parse(s, strlen(s), d) == 0 ? 0 : -1;
}

int
school_page_arg(const struct req *r)
{
	const char *p = query_str(r, "pagina");
	long n;
	char *end;

	if (p == NULL || *p == '\0')
		return 1;
	n = strtol(p, &end, 10);
	return *end != '\0' || n < 1 || n > 100000 ? 1 : (int)n;
}

void
school_pagination(json_t *data, int page, int per_page, int total, const char *base,
    const char *extra)
{
	int pages = total > 0 ? (total + per_page - 1) / per_page : 1;
	char url[600];

	json_object_set_new(data, "page", json_integer(page));
	json_object_set_new(data, "pages", json_integer(pages));
	json_object_set_new(data, "total", json_integer(total));
	if (page > 1) {
		snprintf(url, sizeof(url), "%s?pagina=%d%s", base, page - 1, extra ? extra : "");
		json_object_set_new(data, "prev", json_string(url));
	}
	if (page < pages) {
		snprintf(url, sizeof(url), "%s?pagina=%d%s", base, page + 1, extra ? extra : "");
		json_object_set_new(data, "next", json_string(url));
	}
}
