/*
 * The desk's rules of SPEC §6 — which status change and which MAS action an officer may record —
 * and the small time and wording helpers of the desk pages. Pure: no I/O, no globals but tables.
 */
#include <stdio.h>
#include <string.h>
#include "pages/desk.h"
#include "rules/rules.h"

const char *const desk_status_names[DESK_STATUS__MAX] = {
	"geregistreerd",	/* DESK_GEREGISTREERD */
	"in_behandeling",	/* DESK_IN_BEHANDELING */
	"afgesloten",		/* DESK_AFGESLOTEN */
	"ter_kennisgeving",	/* DESK_TER_KENNISGEVING */
	"ingetrokken",		/* DESK_INGETROKKEN */
};

const char *const desk_status_labels[DESK_STATUS__MAX] = {
	"Geregistreerd",	/* DESK_GEREGISTREERD */
	"In behandeling",	/* DESK_IN_BEHANDELING */
	"Afgesloten",		/* DESK_AFGESLOTEN */
	"Ter kennisgeving",	/* DESK_TER_KENNISGEVING */
	"Ingetrokken",		/* DESK_INGETROKKEN */
};

const char *const desk_closing_names[DESK_CLOSE__MAX] = {
	"terug_naar_school",	/* DESK_CLOSE_TERUG_NAAR_SCHOOL */
	"ander_onderwijs",	/* DESK_CLOSE_ANDER_ONDERWIJS */
	"werk",			/* DESK_CLOSE_WERK */
	"langdurig_ziek",	/* DESK_CLOSE_LANGDURIG_ZIEK */
	"geoorloofd_afwezig",	/* DESK_CLOSE_GEOORLOOFD_AFWEZIG */
	"overleden",		/* DESK_CLOSE_OVERLEDEN */
	"overig",		/* DESK_CLOSE_OVERIG */
};

const char *const desk_closing_labels[DESK_CLOSE__MAX] = {
	"Terug naar school",		/* DESK_CLOSE_TERUG_NAAR_SCHOOL */
	"Naar ander onderwijs",		/* DESK_CLOSE_ANDER_ONDERWIJS */
	"Aan het werk",			/* DESK_CLOSE_WERK */
	"Langdurig ziek",		/* DESK_CLOSE_LANGDURIG_ZIEK */
	"Geoorloofd afwezig",		/* DESK_CLOSE_GEOORLOOFD_AFWEZIG */
	"Overleden",			/* DESK_CLOSE_OVERLEDEN */
	"Overige reden",		/* DESK_CLOSE_OVERIG */
};

const char *const desk_mas_names[DESK_MAS__MAX] = {
	"kennisgevingsbrief",		/* DESK_MAS_KENNISGEVINGSBRIEF */
	"verzuimspreekuur",		/* DESK_MAS_VERZUIMSPREEKUUR */
	"oproep",			/* DESK_MAS_OPROEP */
	"aangetekende_brief",		/* DESK_MAS_AANGETEKENDE_BRIEF */
	"huisbezoek",			/* DESK_MAS_HUISBEZOEK */
	"officiele_waarschuwing",	/* DESK_MAS_OFFICIELE_WAARSCHUWING */
	"jeugdhulp",			/* DESK_MAS_JEUGDHULP */
	"halt",				/* DESK_MAS_HALT */
	"jeugdbeschermingstafel",	/* DESK_MAS_JEUGDBESCHERMINGSTAFEL */
	"proces_verbaal",		/* DESK_MAS_PROCES_VERBAAL */
	"veilig_thuis",			/* DESK_MAS_VEILIG_THUIS */
};

const char *const desk_mas_labels[DESK_MAS__MAX] = {
	"Kennisgevingsbrief verstuurd",		/* DESK_MAS_KENNISGEVINGSBRIEF */
	"Verzuimspreekuur",			/* DESK_MAS_VERZUIMSPREEKUUR */
	"Oproep voor een gesprek",		/* DESK_MAS_OPROEP */
	"Aangetekende brief",			/* DESK_MAS_AANGETEKENDE_BRIEF */
	"Huisbezoek",				/* DESK_MAS_HUISBEZOEK */
	"Officiële waarschuwing",		/* DESK_MAS_OFFICIELE_WAARSCHUWING */
	"Vrijwillige (jeugd)hulp",		/* DESK_MAS_JEUGDHULP */
	"Halt-straf schoolverzuim",		/* DESK_MAS_HALT */
	"Jeugdbeschermingstafel",		/* DESK_MAS_JEUGDBESCHERMINGSTAFEL */
	"Proces-verbaal",			/* DESK_MAS_PROCES_VERBAAL */
	"Melding Veilig Thuis",			/* DESK_MAS_VEILIG_THUIS */
};

const char *const desk_refusal_texts[DESK_REFUSAL__MAX] = {
	"",	/* DESK_OK */
	"Kies een geldige nieuwe status.",	/* DESK_ERR_UNKNOWN_STATUS */
	"Deze statuswijziging is vanuit de huidige status niet mogelijk.",	/* DESK_ERR_TRANSITION */
	"De melding kan pas in behandeling worden genomen als de verzuimstaat er is. Vraag de "
	    "school om de verzuimstaat aan te vullen.",	/* DESK_ERR_NO_VERZUIMSTAAT */
	"Kies een reden van afsluiten.",	/* DESK_ERR_NO_REASON */
	"Schrijf een terugkoppeling aan de melder; zonder terugkoppeling kan de melding niet "
	    "worden afgesloten.",		/* DESK_ERR_NO_FEEDBACK */
	"De school heeft nog geen einddatum van het verzuim doorgegeven. Een melding kan pas "
	    "worden afgesloten als de school de einddatum heeft ingevuld.",	/* DESK_ERR_NO_END_DATE */
	"Deze melding is niet meer open; er kan niets meer aan worden toegevoegd.",	/* DESK_ERR_NOT_OPEN */
	"Neem de melding eerst in behandeling voordat u een actie vastlegt.",	/* DESK_ERR_NOT_IN_TREATMENT */
	"Kies een actie uit de lijst.",		/* DESK_ERR_UNKNOWN_MAS */
	"Bij een RMC-melding (18 tot 23 jaar) en door een RMC-loket kan geen officiële "
	    "waarschuwing, Halt-verwijzing of proces-verbaal worden vastgelegd: de leerling is niet "
	    "meer leerplichtig of kwalificatieplichtig en RMC heeft geen sanctiebevoegdheid.",	/* DESK_ERR_RMC_SANCTION */
	"Een proces-verbaal kan pas worden opgemaakt nadat er voor deze leerling een officiële "
	    "waarschuwing is gegeven. Leg eerst een officiële waarschuwing vast.",	/* DESK_ERR_NO_WAARSCHUWING */
	"Halt is alleen mogelijk bij 9 tot en met 60 uur ongeoorloofd verzuim in de periode van "
	    "de melding.",			/* DESK_ERR_HALT_HOURS */
	"Een schorsing of verwijdering is geen verzuim van de leerling (de melding ging naar de "
	    "Inspectie): hierbij hoort geen officiële waarschuwing, Halt-verwijzing of "
	    "proces-verbaal.",			/* DESK_ERR_NO_VERZUIM */
};

int
desk_lookup(const char *const *names, int n, const char *s)
{
	if (s == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* Text that is more than white space. */
static int
has_text(const char *s)
{
	if (s == NULL)
		return 0;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 1;
	return 0;
}

/*
 * The national chain geregistreerd → in_behandeling → afgesloten; ter_kennisgeving instead of
 * taking a melding into treatment. Closed, noted and withdrawn meldingen stay as they are.
 */
enum desk_refusal
desk_status_check(const struct desk_status_change *c)
{
	int to = desk_lookup(desk_status_names, DESK_STATUS__MAX, c->to);

	switch (to) {
	case DESK_IN_BEHANDELING:
		if (c->from != DESK_GEREGISTREERD)
			return DESK_ERR_TRANSITION;
		if (!c->has_verzuimstaat)
			return DESK_ERR_NO_VERZUIMSTAAT;
		return DESK_OK;
	case DESK_TER_KENNISGEVING:
		return c->from == DESK_GEREGISTREERD ? DESK_OK : DESK_ERR_TRANSITION;
	case DESK_AFGESLOTEN:
		if (c->from != DESK_IN_BEHANDELING)
			return DESK_ERR_TRANSITION;
		if (desk_lookup(desk_closing_names, DESK_CLOSE__MAX, c->closing_reason) < 0)
			return DESK_ERR_NO_REASON;
		if (!has_text(c->feedback))
			return DESK_ERR_NO_FEEDBACK;
		if (!c->has_school_end_date)
			return DESK_ERR_NO_END_DATE;
		return DESK_OK;
	default:
		/* geregistreerd and ingetrokken are never set by the desk. */
		return DESK_ERR_UNKNOWN_STATUS;
	}
}

enum desk_refusal
desk_mas_check(const struct desk_mas_request *q)
{
	int a = desk_lookup(desk_mas_names, DESK_MAS__MAX, q->action), sanction;

	if (a < 0)
		return DESK_ERR_UNKNOWN_MAS;
	/* The lack of powers first: no status change would make the action possible. */
	sanction = a == DESK_MAS_OFFICIELE_WAARSCHUWING || a == DESK_MAS_HALT ||
	    a == DESK_MAS_PROCES_VERBAAL;
	if (sanction && q->rmc_case)
		return DESK_ERR_RMC_SANCTION;
	if (sanction && q->inspectie)
		return DESK_ERR_NO_VERZUIM;
	if (q->status != DESK_GEREGISTREERD && q->status != DESK_IN_BEHANDELING)
		return DESK_ERR_NOT_OPEN;
	if (q->status != DESK_IN_BEHANDELING)
		return DESK_ERR_NOT_IN_TREATMENT;
	if (a == DESK_MAS_PROCES_VERBAAL && !q->has_waarschuwing)
		return DESK_ERR_NO_WAARSCHUWING;
	if (a == DESK_MAS_HALT && (q->unauthorised_minutes < DESK_HALT_MIN_MINUTES ||
	    q->unauthorised_minutes > DESK_HALT_MAX_MINUTES))
		return DESK_ERR_HALT_HOURS;
	return DESK_OK;
}

const char *
desk_ordinal_label(int64_t ordinal)
{
	if (ordinal < 1)
		return "";
	return ordinal == 1 ? "eerste" : ordinal == 2 ? "tweede" : "volgende";
}

/* ---------------------------------------------------------------- Europe/Amsterdam time */

static void
local_parts(int64_t ts, int *y, int *mo, int *d, int *h, int *mi)
{
	int64_t local = ts + rules_nl_offset(ts), secs;
	rules_date day = rules_nl_date(ts);

	secs = local - (int64_t)day * 86400;
	rules_date_to_ymd(day, y, mo, d);
	*h = (int)(secs / 3600);
	*mi = (int)(secs % 3600 / 60);
}

void
desk_local_date(int64_t ts, char out[11])
{
	int y, mo, d, h, mi;

	local_parts(ts, &y, &mo, &d, &h, &mi);
	/* The moduli only bound the widths for the compiler: the parts are in range already. */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)mo % 100u,
	    (unsigned)d % 100u);
}

void
desk_local_text(int64_t ts, char out[17])
{
	int y, mo, d, h, mi;

	local_parts(ts, &y, &mo, &d, &h, &mi);
	snprintf(out, 17, "%02u-%02u-%04u %02u:%02u", (unsigned)d % 100u, (unsigned)mo % 100u,
	    (unsigned)y % 10000u, (unsigned)h % 100u, (unsigned)mi % 100u);
}

int64_t
desk_local_midnight(int y, int m, int d)
{
	rules_date day;
	int64_t guess;

	if (rules_date_from_ymd(y, m, d, &day) != 0)
		return 0;
	/* Midnight is never inside a change-over hour (01:00 and 02:00 UTC), so one guess does. */
	guess = (int64_t)day * 86400 - 3600;
	return (int64_t)day * 86400 - rules_nl_offset(guess);
}

void
desk_duration_text(int64_t s, char *out, size_t outsz)
{
	int64_t days, hours, mins;

	if (s < 0)
		s = 0;
	days = s / 86400;
	hours = s % 86400 / 3600;
	mins = s % 3600 / 60;
	if (days > 0)
		snprintf(out, outsz, "%lld %s %lld uur", (long long)days, days == 1 ? "dag" : "dagen",
		    (long long)hours);
	else if (hours > 0)
		snprintf(out, outsz, "%lld uur %lld min", (long long)hours, (long long)mins);
	else
		snprintf(out, outsz, "%lld min", (long long)mins);
}

void
desk_date_long(const char *ymd, char *out, size_t outsz)
{
	rules_date d;
	char t[32] = "";

	if (ymd != NULL && rules_date_parse(ymd, strlen(ymd), &d) == 0)
		rules_date_long(d, t);
	snprintf(out, outsz, "%s", t);
}

void
desk_date_day(const char *ymd, char *out, size_t outsz)
{
	static const char *const days[7] = { "ma", "di", "wo", "do", "vr", "za", "zo" };
	rules_date d;
	char t[32] = "";

	if (ymd != NULL && rules_date_parse(ymd, strlen(ymd), &d) == 0)
		rules_date_long(d, t);
	if (t[0] == '\0')
		snprintf(out, outsz, "%s", t);
	else
		snprintf(out, outsz, "%s %s", days[rules_weekday(d) - 1], t);
}

int64_t
desk_overdue_before(int64_t now, int bevrijdingsdag)
{
	char today_s[11];
	rules_date today, c;
	int y, m, d;

	desk_local_date(now, today_s);
	if (rules_date_parse(today_s, 10, &today) != 0)
		return 0;
	/* The earliest filing day whose term has not yet run out; rules_werkdagen_add is monotone. */
	c = today;
	while (rules_werkdagen_add(c - 1, DESK_TREAT_WERKDAGEN, bevrijdingsdag) >= today)
		c--;
	rules_date_to_ymd(c, &y, &m, &d);
	return desk_local_midnight(y, m, d);
}
