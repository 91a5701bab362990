/* The signals of the verzuimkaart (SPEC §4) for one student on one date. */
#include <stdlib.h>

#include "rules/rules.h"

#define ZIEK_VENSTER_DAGEN 84   /* "sick reports in 12 weeks" */
#define LRV_DAGEN 28

const char *const rules_reg_kind_names[RULES_REG__MAX] = {
	"ongeoorloofd",         /* RULES_REG_ONGEOORLOOFD */
	"te_laat",              /* RULES_REG_TE_LAAT */
	"ziek",                 /* RULES_REG_ZIEK */
	"verlof",               /* RULES_REG_VERLOF */
	"schorsing",            /* RULES_REG_SCHORSING */
};

const char *const rules_signal_names[RULES_SIGNAL__MAX] = {
	"16uur",                /* RULES_SIGNAL_16UUR */
	"licht",                /* RULES_SIGNAL_LICHT */
	"te_laat",              /* RULES_SIGNAL_TE_LAAT */
	"lrv",                  /* RULES_SIGNAL_LRV */
	"zorgelijk_ziek",       /* RULES_SIGNAL_ZORGELIJK_ZIEK */
	"rmc18",                /* RULES_SIGNAL_RMC18 */
	"afwezig5w",            /* RULES_SIGNAL_AFWEZIG5W */
};

static int
cmp_reg(const void *a, const void *b)
{
	const struct rules_registration *x = a, *y = b;
	return (x->datum > y->datum) - (x->datum < y->datum);
}

void
rules_registrations_sort(struct rules_registration *regs, size_t n)
{
	if (n > 1)
		qsort(regs, n, sizeof(*regs), cmp_reg);
}

static int
unauthorised(const struct rules_registration *r)
{
	return r->soort == RULES_REG_ONGEOORLOOFD || r->soort == RULES_REG_TE_LAAT;
}

/* Collects signals into the caller's array, counting those that do not fit. */
struct sink {
	const struct rules_calendar *cal;
	const struct rules_student *st;
	struct rules_signal *out;
	size_t max;
	size_t n;
};

static void
emit(struct sink *s, enum rules_signal_kind kind, rules_date datum, rules_date begin)
{
	struct rules_signal sig;

	sig.kind = kind;
	sig.datum = datum;
	sig.begin = begin;
	sig.verplicht = kind == RULES_SIGNAL_16UUR || kind == RULES_SIGNAL_LRV ||
	    kind == RULES_SIGNAL_RMC18;
	sig.uiterlijk_melden = sig.verplicht ?
	    rules_werkdagen_add(datum, 5, s->cal->bevrijdingsdag) : RULES_NO_DATE;
	sig.loket = kind == RULES_SIGNAL_AFWEZIG5W ? RULES_LOKET_NONE :
	    rules_loket_for(rules_plicht_on(s->st, datum));
	if (s->n < s->max)
		s->out[s->n] = sig;
	s->n++;
}

static int
cmp_signal(const void *a, const void *b)
{
	const struct rules_signal *x = a, *y = b;

	if (x->datum != y->datum)
		return x->datum < y->datum ? -1 : 1;
	return (x->kind > y->kind) - (x->kind < y->kind);
}

static int
policy_ok(const struct rules_policy *p)
{
	return p->uren_16uur >= 1 && p->uren_16uur <= 1000 && p->licht_uren >= 1 &&
	    p->licht_uren <= p->uren_16uur && p->te_laat_aantal >= 1 && p->ziek_dagen >= 1 &&
	    p->ziek_meldingen >= 1 && p->ziek_meldingen <= RULES_ZIEK_MELDINGEN_MAX &&
	    p->dag_minuten >= 1;
}

/*
 * The first school day F of the run of whole days absent that contains every school day from F
 * through d, or RULES_NO_DATE when the last school day on or before d is not a whole day absent.
 */
static rules_date
run_start(const struct rules_calendar *cal, const struct rules_policy *pol,
    const struct rules_registration *regs, size_t nr, rules_date d)
{
	rules_date floor, x, f = RULES_NO_DATE;
	size_t j = nr;

	if (nr == 0)
		return RULES_NO_DATE;
	floor = regs[0].datum;
	x = rules_is_school_day(cal, d) ? d : rules_prev_school_day(cal, d, floor);
	while (x != RULES_NO_DATE) {
		int64_t minutes = 0;
		while (j > 0 && regs[j - 1].datum > x)
			j--;
		while (j > 0 && regs[j - 1].datum == x) {
			if (unauthorised(&regs[j - 1]))
				minutes += regs[j - 1].minuten;
			j--;
		}
		if (minutes < pol->dag_minuten)
			break;
		f = x;
		x = rules_prev_school_day(cal, x, floor);
	}
	return f;
}

static void
signals_16uur(struct sink *s, const struct rules_policy *pol,
    const struct rules_registration *regs, size_t nr, rules_date suppress_from,
    rules_date *last_restart, rules_date *last_before_suppress)
{
	int64_t threshold = (int64_t)pol->uren_16uur * 60, sum = 0;
	rules_date restart = RULES_NO_DATE;
	size_t lo = 0, i = 0;

	*last_before_suppress = RULES_NO_DATE;
	while (i < nr) {
		rules_date d = regs[i].datum;
		int64_t add = 0;
		for (; i < nr && regs[i].datum == d; i++)
			if (unauthorised(&regs[i]))
				add += regs[i].minuten;
		if (add == 0)
			continue;
		sum += add;
		rules_date ws = rules_window_start(s->cal, d);
		if (restart != RULES_NO_DATE && ws <= restart)
			ws = restart + 1;
		for (; lo < i && regs[lo].datum < ws; lo++)
			if (unauthorised(&regs[lo]))
				sum -= regs[lo].minuten;
		if (sum >= threshold) {
			if (suppress_from == RULES_NO_DATE || d < suppress_from) {
				emit(s, RULES_SIGNAL_16UUR, d, ws);
				*last_before_suppress = d;
			}
			restart = d;
			sum = 0;
			lo = i;
		}
	}
	*last_restart = restart;
}

static int64_t
window_minutes(const struct rules_calendar *cal, const struct rules_registration *regs,
    size_t nr, rules_date d, rules_date restart, rules_date *start)
{
	rules_date ws = rules_window_start(cal, d);
	int64_t sum = 0;

	if (restart != RULES_NO_DATE && ws <= restart)
		ws = restart + 1;
	*start = ws;
	for (size_t i = nr; i > 0 && regs[i - 1].datum >= ws; i--)
		if (regs[i - 1].datum <= d && unauthorised(&regs[i - 1]))
			sum += regs[i - 1].minuten;
	return sum;
}

static void
signal_te_laat(struct sink *s, const struct rules_policy *pol,
    const struct rules_registration *regs, size_t nr, rules_date d)
{
	rules_date sy = rules_school_year_start(d);
	int count = 0;

	for (size_t i = 0; i < nr; i++)
		if (regs[i].soort == RULES_REG_TE_LAAT && regs[i].datum >= sy &&
		    ++count == pol->te_laat_aantal) {
			emit(s, RULES_SIGNAL_TE_LAAT, regs[i].datum, regs[i].datum);
			return;
		}
}

static void
signal_zorgelijk_ziek(struct sink *s, const struct rules_policy *pol,
    const struct rules_registration *regs, size_t nr, rules_date d)
{
	rules_date sy = rules_school_year_start(d);
	rules_date starts[RULES_ZIEK_MELDINGEN_MAX];   /* ring of the latest report starts */
	rules_date last = RULES_NO_DATE, run_first = RULES_NO_DATE;
	int nstarts = 0, run = 0, c = pol->ziek_meldingen, year_seen = 0;
	size_t i = 0;

	while (i <= nr) {
		rules_date x = i < nr ? regs[i].datum : d + 1;
		int ziek = 0;
		/*
		 * The first day of D's school year is itself a day d of §4: when the reports that
		 * started within the 84 days ending that day already number c, the signal is due then
		 * (the count "reaches" c on it, as Window minutes reach 16 hours for 16uur).
		 */
		if (!year_seen && x >= sy) {
			year_seen = 1;
			if (sy <= d && nstarts >= c && starts[(nstarts - c) % c] > sy - ZIEK_VENSTER_DAGEN) {
				emit(s, RULES_SIGNAL_ZORGELIJK_ZIEK, sy, starts[(nstarts - c) % c]);
				return;
			}
		}
		if (i == nr)
			break;
		for (; i < nr && regs[i].datum == x; i++)
			ziek |= regs[i].soort == RULES_REG_ZIEK;
		if (!ziek || !rules_is_school_day(s->cal, x))
			continue;
		int hit = 0;
		if (last != RULES_NO_DATE && rules_prev_school_day(s->cal, x, last) == last) {
			run++;
		} else {
			run = 1;
			run_first = x;
			starts[nstarts % c] = x;
			nstarts++;
			/* The c-th latest start, including this one, lies within the 84 days ending x. */
			if (nstarts >= c && starts[(nstarts - c) % c] > x - ZIEK_VENSTER_DAGEN)
				hit = 1;
		}
		last = x;
		if (run == pol->ziek_dagen)
			hit = 1;
		if (hit && x >= sy) {
			emit(s, RULES_SIGNAL_ZORGELIJK_ZIEK, x, run_first);
			return;
		}
	}
}

int
rules_signals(const struct rules_calendar *cal, const struct rules_policy *pol,
    const struct rules_student *st, const struct rules_registration *regs, size_t nregs,
    rules_date d, struct rules_signal *out, size_t max, size_t *n)
{
	struct sink s = { cal, st, out, max, 0 };
	size_t nr = 0;

	*n = 0;
	if (!policy_ok(pol))
		return RULES_EINVAL;
	for (size_t i = 0; i < nregs; i++) {
		if (i > 0 && regs[i].datum < regs[i - 1].datum)
			return RULES_EUNSORTED;
		if (regs[i].minuten < 0 || regs[i].soort >= RULES_REG__MAX)
			return RULES_EINVAL;
		if (regs[i].datum <= d)
			nr = i + 1;
	}
	if (rules_plicht_on(st, d) == RULES_PLICHT_GEEN)
		return RULES_OK;

	/* Continuous absence still going on at d: lrv, rmc18, afwezig5w. */
	rules_date f = run_start(cal, pol, regs, nr, d);
	rules_date suppress_from = RULES_NO_DATE, lrv_datum = RULES_NO_DATE;
	if (f != RULES_NO_DATE && d >= f + (LRV_DAGEN - 1)) {
		rules_date first = f + (LRV_DAGEN - 1);
		enum rules_plicht p = rules_plicht_on(st, first);
		if (p == RULES_PLICHT_LEERPLICHT || p == RULES_PLICHT_KWALIFICATIEPLICHT) {
			lrv_datum = first;
			suppress_from = first;
		} else if (p == RULES_PLICHT_RMC) {
			rules_date begin = f;
			for (rules_date x = first; x <= d; x += LRV_DAGEN) {
				emit(&s, RULES_SIGNAL_RMC18, x, begin);
				begin = x + 1;
			}
			suppress_from = first;
		}
	}
	if (f != RULES_NO_DATE && d >= f + 35 &&
	    (st->sort == RULES_SORT_VO || st->sort == RULES_SORT_MBO) &&
	    rules_plicht_on(st, f + 35) == RULES_PLICHT_RMC)
		emit(&s, RULES_SIGNAL_AFWEZIG5W, f + 35, f);

	rules_date restart, last16;
	signals_16uur(&s, pol, regs, nr, suppress_from, &restart, &last16);
	if (lrv_datum != RULES_NO_DATE)
		emit(&s, RULES_SIGNAL_LRV, lrv_datum,
		    last16 != RULES_NO_DATE && last16 >= f ? last16 + 1 : f);

	if (suppress_from == RULES_NO_DATE) {
		rules_date ws;
		int64_t m = window_minutes(cal, regs, nr, d, restart, &ws);
		if (m >= (int64_t)pol->licht_uren * 60 && m < (int64_t)pol->uren_16uur * 60)
			emit(&s, RULES_SIGNAL_LICHT, d, ws);
	}
	signal_te_laat(&s, pol, regs, nr, d);
	signal_zorgelijk_ziek(&s, pol, regs, nr, d);

	*n = s.n;
	if (s.n > max)
		return RULES_ESPACE;
	if (s.n > 1)
		qsort(out, s.n, sizeof(*out), cmp_signal);
	return RULES_OK;
}
