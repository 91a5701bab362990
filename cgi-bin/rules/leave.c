/* Leave requests under Leerplichtwet art. 11 f and g (SPEC §8). */
#include "rules/rules.h"

#define LEAVE_MAX_11F 10
#define LEAVE_MAX_11G_DIRECTEUR 10

const char *const rules_ground_names[RULES_GROUND__MAX] = {
	"11f",                  /* RULES_GROUND_11F */
	"11g",                  /* RULES_GROUND_11G */
};

const char *const rules_category_names[RULES_CAT__MAX] = {
	"huwelijk",             /* RULES_CAT_HUWELIJK */
	"overlijden",           /* RULES_CAT_OVERLIJDEN */
	"jubileum",             /* RULES_CAT_JUBILEUM */
	"verhuizing",           /* RULES_CAT_VERHUIZING */
	"ziekte_familie",       /* RULES_CAT_ZIEKTE_FAMILIE */
	"wettelijk",            /* RULES_CAT_WETTELIJK */
	"overig",               /* RULES_CAT_OVERIG */
};

const char *const rules_place_names[RULES_WAAR__MAX] = {
	NULL,                   /* RULES_WAAR_NONE */
	"regio",                /* RULES_WAAR_REGIO */
	"nederland",            /* RULES_WAAR_NEDERLAND */
	"buitenland",           /* RULES_WAAR_BUITENLAND */
};

const char *const rules_refusal_names[RULES_REFUSAL__MAX] = {
	"familiebezoek_buitenland",     /* RULES_REFUSAL_FAMILIEBEZOEK_BUITENLAND */
	"goedkope_tickets",             /* RULES_REFUSAL_GOEDKOPE_TICKETS */
	"tickets_gekocht",              /* RULES_REFUSAL_TICKETS_GEKOCHT */
	"vakantiespreiding",            /* RULES_REFUSAL_VAKANTIESPREIDING */
	"broers_zussen_vrij",           /* RULES_REFUSAL_BROERS_ZUSSEN_VRIJ */
	"verkeersdrukte",               /* RULES_REFUSAL_VERKEERSDRUKTE */
	"konvooi",                      /* RULES_REFUSAL_KONVOOI */
	"kroonjaren",                   /* RULES_REFUSAL_KROONJAREN */
	"sabbatical",                   /* RULES_REFUSAL_SABBATICAL */
	"wereldreis",                   /* RULES_REFUSAL_WERELDREIS */
};

const char *const rules_refusal_texts[RULES_REFUSAL__MAX] = {
	"familiebezoek in het buitenland",
	"goedkope tickets in het laagseizoen",
	"tickets al gekocht of geen tickets meer in de vakantieperiode",
	"vakantiespreiding",
	"andere kinderen uit het gezin zijn al of nog vrij",
	"eerder vertrek of latere terugkomst wegens verkeersdrukte",
	"samen reizen of in konvooi rijden",
	"kroonjaren",
	"sabbatical",
	"wereldreis of verre reis",
};

const char *const rules_objection_names[RULES_OBJ__MAX] = {
	"max_overschreden",             /* RULES_OBJ_MAX_OVERSCHREDEN */
	"eerste_twee_lesweken",         /* RULES_OBJ_EERSTE_TWEE_LESWEKEN */
	"al_11f_dit_schooljaar",        /* RULES_OBJ_AL_11F_DIT_SCHOOLJAAR */
	"verklaring_ontbreekt",         /* RULES_OBJ_VERKLARING_ONTBREEKT */
	"graad_buiten_categorie",       /* RULES_OBJ_GRAAD_BUITEN_CATEGORIE */
	"niet_leerplichtig",            /* RULES_OBJ_NIET_LEERPLICHTIG */
};

const char *const rules_objection_texts[RULES_OBJ__MAX] = {
	"het gevraagde aantal schooldagen is groter dan het maximum",
	"verlof wegens de specifieke aard van het beroep kan niet in de eerste twee lesweken van het schooljaar",
	"verlof wegens de specifieke aard van het beroep is dit schooljaar al eerder verleend",
	"de vereiste verklaring of bewijsstukken ontbreken",
	"de graad van verwantschap valt buiten deze omstandigheid",
	"de leerling is op de eerste verlofdag niet leerplichtig of kwalificatieplichtig",
};

const char *const rules_decider_names[RULES_DECIDER__MAX] = {
	"directeur",            /* RULES_DECIDER_DIRECTEUR */
	"leerplicht",           /* RULES_DECIDER_LEERPLICHT */
};

int
rules_leave_max_needs(enum rules_leave_category cat)
{
	switch (cat) {
	case RULES_CAT_HUWELIJK:
		return RULES_NEEDS_WAAR;
	case RULES_CAT_OVERLIJDEN:
		return RULES_NEEDS_GRAAD;
	default:
		return 0;
	}
}

/* The highest degree of kinship a category covers (4 = all). */
static int
category_max_graad(enum rules_leave_category cat)
{
	switch (cat) {
	case RULES_CAT_HUWELIJK:
	case RULES_CAT_ZIEKTE_FAMILIE:
		return 3;
	case RULES_CAT_JUBILEUM:
		return 2;       /* parents (1st degree) or grandparents (2nd degree) */
	default:
		return 4;
	}
}

/* The category's maximum in school days, -1 for none. */
static int
category_max(const struct rules_leave_request *r)
{
	switch (r->categorie) {
	case RULES_CAT_HUWELIJK:
		return r->waar == RULES_WAAR_BUITENLAND ? 5 : r->waar == RULES_WAAR_NEDERLAND ? 2 : 1;
	case RULES_CAT_OVERLIJDEN:
		if (r->waar == RULES_WAAR_BUITENLAND)
			return 5;
		return r->graad == 1 ? 5 : r->graad == 2 ? 2 : 1;
	case RULES_CAT_JUBILEUM:
	case RULES_CAT_VERHUIZING:
		return 1;
	default:
		return -1;
	}
}

static void
object(struct rules_leave_verdict *v, enum rules_objection o)
{
	v->bezwaren[v->nbezwaren++] = o;
}

int
rules_leave_evaluate(const struct rules_calendar *cal, const struct rules_leave_request *r,
    struct rules_leave_verdict *v)
{
	int is11f = r->grond == RULES_GROUND_11F;
	int graad_out = 0;

	v->nbezwaren = 0;
	v->nweigergronden = 0;
	if (r->grond >= RULES_GROUND__MAX || r->van > r->tot || r->dagen_per_week < 1 ||
	    r->dagen_per_week > 5 || r->graad < 0 || r->graad > 4 || r->eerder_11g_dagen < 0 ||
	    r->waar >= RULES_WAAR__MAX || r->nredenen > RULES_REFUSAL__MAX)
		return RULES_EINVAL;
	if (!is11f) {
		int needs;
		if (r->categorie >= RULES_CAT__MAX)
			return RULES_EINVAL;
		needs = rules_leave_max_needs(r->categorie);
		if (((needs & RULES_NEEDS_GRAAD) && r->graad == 0) ||
		    ((needs & RULES_NEEDS_WAAR) && r->waar == RULES_WAAR_NONE))
			return RULES_EINVAL;
		graad_out = r->graad > category_max_graad(r->categorie);
	}

	enum rules_plicht plicht = rules_plicht_on(&r->student, r->van);
	v->schooldagen = rules_school_days(cal, r->van, r->tot);
	if (is11f) {
		v->max_dagen = plicht == RULES_PLICHT_KWALIFICATIEPLICHT ?
		    LEAVE_MAX_11F * r->dagen_per_week / 5 : LEAVE_MAX_11F;
		v->beslisser = RULES_DECIDER_DIRECTEUR;
	} else {
		v->max_dagen = category_max(r);
		v->beslisser = (int64_t)r->eerder_11g_dagen + v->schooldagen > LEAVE_MAX_11G_DIRECTEUR ?
		    RULES_DECIDER_LEERPLICHT : RULES_DECIDER_DIRECTEUR;
	}

	if (v->max_dagen >= 0 && v->schooldagen > v->max_dagen)
		object(v, RULES_OBJ_MAX_OVERSCHREDEN);
	if (is11f) {
		rules_date first, last;
		rules_first_two_school_weeks(cal, r->van, &first, &last);
		rules_date a = r->van > first ? r->van : first;
		rules_date b = r->tot < last ? r->tot : last;
		if (a <= b && rules_school_days(cal, a, b) > 0)
			object(v, RULES_OBJ_EERSTE_TWEE_LESWEKEN);
		if (r->eerder_11f)
			object(v, RULES_OBJ_AL_11F_DIT_SCHOOLJAAR);
	}
	if (!r->verklaring)
		object(v, RULES_OBJ_VERKLARING_ONTBREEKT);
	if (graad_out)
		object(v, RULES_OBJ_GRAAD_BUITEN_CATEGORIE);
	if (plicht != RULES_PLICHT_LEERPLICHT && plicht != RULES_PLICHT_KWALIFICATIEPLICHT)
		object(v, RULES_OBJ_NIET_LEERPLICHTIG);

	for (size_t i = 0; i < r->nredenen; i++) {
		int dup = 0;
		if (r->redenen[i] >= RULES_REFUSAL__MAX)
			return RULES_EINVAL;
		for (size_t j = 0; j < v->nweigergronden; j++)
			dup |= v->weigergronden[j] == r->redenen[i];
		if (!dup)
			v->weigergronden[v->nweigergronden++] = r->redenen[i];
	}
	v->toegestaan = v->nbezwaren == 0 && v->nweigergronden == 0;
	return RULES_OK;
}
