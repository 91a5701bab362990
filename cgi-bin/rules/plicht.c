/* Leerplicht, kwalificatieplicht, RMC and the desk a melding goes to (SPEC §5). */
#include "rules/rules.h"

const char *const rules_plicht_names[RULES_PLICHT__MAX] = {
	"geen",                 /* RULES_PLICHT_GEEN */
	"leerplicht",           /* RULES_PLICHT_LEERPLICHT */
	"kwalificatieplicht",   /* RULES_PLICHT_KWALIFICATIEPLICHT */
	"rmc",                  /* RULES_PLICHT_RMC */
};

const char *const rules_loket_names[RULES_LOKET__MAX] = {
	NULL,                   /* RULES_LOKET_NONE */
	"leerplicht",           /* RULES_LOKET_LEERPLICHT */
	"rmc",                  /* RULES_LOKET_RMC */
};

const char *const rules_sort_names[RULES_SORT__MAX] = {
	"po",                   /* RULES_SORT_PO */
	"vo",                   /* RULES_SORT_VO */
	"mbo",                  /* RULES_SORT_MBO */
	"vso",                  /* RULES_SORT_VSO */
	"pro",                  /* RULES_SORT_PRO */
};

rules_date
rules_birthday(rules_date geboren, int age)
{
	int y, m, d;
	rules_date out;

	rules_date_to_ymd(geboren, &y, &m, &d);
	y += age;
	if (m == 2 && d == 29 && !rules_is_leap_year(y)) {
		m = 3;
		d = 1;
	}
	if (rules_date_from_ymd(y, m, d, &out) != 0) {
		/* Beyond the supported years: approximate, never used for real people. */
		return geboren + age * 365 + age / 4;
	}
	return out;
}

int
rules_age_on(rules_date geboren, rules_date date)
{
	int by, bm, bd, y, m, d;

	rules_date_to_ymd(geboren, &by, &bm, &bd);
	rules_date_to_ymd(date, &y, &m, &d);
	int age = y - by;
	if (age > 0 && date < rules_birthday(geboren, age))
		age--;
	return age;
}

rules_date
rules_leerplicht_vanaf(rules_date geboren)
{
	int y, m, d;
	rules_date out;

	rules_date_to_ymd(rules_birthday(geboren, 5), &y, &m, &d);
	if (++m > 12) {
		m = 1;
		y++;
	}
	if (rules_date_from_ymd(y, m, 1, &out) != 0)
		return rules_birthday(geboren, 5);
	return out;
}

rules_date
rules_leerplicht_tot(rules_date geboren)
{
	/* The school year of the 16th birthday ends on the 31 July before the next 1 August. */
	rules_date start = rules_school_year_start(rules_birthday(geboren, 16));
	return rules_birthday(start, 1) - 1;
}

enum rules_plicht
rules_plicht_on(const struct rules_student *st, rules_date date)
{
	if (date < rules_leerplicht_vanaf(st->geboren))
		return RULES_PLICHT_GEEN;
	if (date <= rules_leerplicht_tot(st->geboren))
		return RULES_PLICHT_LEERPLICHT;
	if (st->startkwalificatie)
		return RULES_PLICHT_GEEN;
	if (date < rules_birthday(st->geboren, 18))
		return st->vrijgesteld ? RULES_PLICHT_GEEN : RULES_PLICHT_KWALIFICATIEPLICHT;
	if (date < rules_birthday(st->geboren, 23))
		return RULES_PLICHT_RMC;
	return RULES_PLICHT_GEEN;
}

enum rules_loket
rules_loket_for(enum rules_plicht plicht)
{
	switch (plicht) {
	case RULES_PLICHT_LEERPLICHT:
	case RULES_PLICHT_KWALIFICATIEPLICHT:
		return RULES_LOKET_LEERPLICHT;
	case RULES_PLICHT_RMC:
		return RULES_LOKET_RMC;
	default:
		return RULES_LOKET_NONE;
	}
}
