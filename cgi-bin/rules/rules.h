/*
 * rules.h — the domain rules of SPEC §3 (calendar), §4 (signals), §5 (plicht and routing) and
 * §8 (leave requests) as a pure library: dates and registrations in, verdicts out.
 *
 * No I/O, no globals (only constant tables), no allocation except the documented pair
 * rules_calendar_init / rules_calendar_free. Every function is safe to call from any thread.
 */
#ifndef RULES_RULES_H
#define RULES_RULES_H

#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------- errors */

enum rules_status {
	RULES_OK = 0,
	RULES_EINVAL,     /* an argument is out of its domain */
	RULES_ESPACE,     /* the output array is too small; the count needed is reported */
	RULES_ENOMEM,     /* allocation failed (rules_calendar_init only) */
	RULES_EUNSORTED,  /* registrations are not sorted by date */
	RULES_STATUS__MAX
};
extern const char *const rules_status_names[RULES_STATUS__MAX];

/* ---------------------------------------------------------------- dates (§3) */

/* A calendar date without time zone: days since 1970-01-01 (a Thursday). */
typedef int32_t rules_date;
#define RULES_NO_DATE INT32_MIN

#define RULES_YEAR_MIN 1583   /* first full Gregorian year */
#define RULES_YEAR_MAX 9999

/* 0 and *out set when y-m-d is a real date within the year bounds; -1 otherwise. */
int rules_date_from_ymd(int y, int m, int d, rules_date *out);
void rules_date_to_ymd(rules_date date, int *y, int *m, int *d);
/* Strict ISO "YYYY-MM-DD" of exactly len bytes (2027-02-30 and 2026-1-5 are refused). */
int rules_date_parse(const char *s, size_t len, rules_date *out);
/* Writes "YYYY-MM-DD" and a NUL: buf needs 11 bytes. */
void rules_date_format(rules_date date, char buf[11]);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int rules_weekday(rules_date date);
rules_date rules_monday_of(rules_date date);
/* 1 August that starts the school year containing date (school years run 1 Aug – 31 Jul). */
rules_date rules_school_year_start(rules_date date);
int rules_is_leap_year(int y);
/* Easter Sunday by the Gregorian computus. */
rules_date rules_easter(int year);

/*
 * Dutch civil time (Europe/Amsterdam): CET, UTC+1, and CEST, UTC+2, from the last Sunday of
 * March to the last Sunday of October, both at 01:00 UTC (EU rule since 1996). ts: seconds since
 * the epoch. rules_nl_offset: seconds to add to UTC at ts; rules_nl_date: the Dutch calendar day
 * of ts (a melding filed at 00:30 in the Netherlands is of that day, not of the UTC one).
 */
int64_t rules_nl_offset(int64_t ts);
rules_date rules_nl_date(int64_t ts);
/* "januari" ... "december" */
extern const char *const rules_month_names[12];
/* "24 november 2026" and a NUL: buf needs 32 bytes; "" for RULES_NO_DATE or out of range. */
void rules_date_long(rules_date date, char buf[32]);

/* ---------------------------------------------------------------- holidays, werkdagen (§3) */

enum rules_holiday {
	RULES_HOLIDAY_NONE = 0,
	RULES_HOLIDAY_NIEUWJAARSDAG,
	RULES_HOLIDAY_GOEDE_VRIJDAG,
	RULES_HOLIDAY_TWEEDE_PAASDAG,
	RULES_HOLIDAY_KONINGSDAG,
	RULES_HOLIDAY_BEVRIJDINGSDAG,
	RULES_HOLIDAY_HEMELVAARTSDAG,
	RULES_HOLIDAY_TWEEDE_PINKSTERDAG,
	RULES_HOLIDAY_EERSTE_KERSTDAG,
	RULES_HOLIDAY_TWEEDE_KERSTDAG,
	RULES_HOLIDAY__MAX
};
extern const char *const rules_holiday_names[RULES_HOLIDAY__MAX];

/* The public holiday on date, or RULES_HOLIDAY_NONE. Bevrijdingsdag only when bevrijdingsdag != 0. */
enum rules_holiday rules_holiday_on(rules_date date, int bevrijdingsdag);
/* Monday–Friday and not a public holiday. */
int rules_is_werkdag(rules_date date, int bevrijdingsdag);
/* Werkdagen in [from, to], both included; 0 when from > to. */
int64_t rules_werkdagen_count(rules_date from, rules_date to, int bevrijdingsdag);
/* The n-th werkdag after date (date itself not counted); n >= 0, n = 0 gives date. */
rules_date rules_werkdagen_add(rules_date date, int n, int bevrijdingsdag);

/* ---------------------------------------------------------------- school calendar (§3) */

/* A vacation of a school calendar, both dates inclusive. */
struct rules_vacation {
	rules_date start;
	rules_date end;
};

/*
 * A school calendar: werkdagen minus vacations. rules_calendar_init copies the vacations (sorted,
 * overlapping ones merged) and
 * precomputes school days and school weeks for [from, to] (widened to whole weeks) so that the
 * questions below are answered in constant time there; outside that range the answers are the
 * same, only computed more slowly. The fields are private.
 */
struct rules_calendar {
	int bevrijdingsdag;
	struct rules_vacation *vacations;   /* sorted by start, disjoint */
	size_t nvacations;
	rules_date first;           /* a Monday; the table covers [first, first + ndays) */
	int32_t ndays;              /* a multiple of 7, may be 0 */
	unsigned char *school;      /* [ndays]: 1 if a school day */
	int32_t *sd_before;         /* [ndays + 1]: school days in [first, first + i) */
	rules_date *sd_date;        /* [number of school days] */
	int32_t *sw_before;         /* [ndays / 7 + 1]: school weeks among the first i weeks */
	rules_date *sw_monday;      /* [number of school weeks] */
	void *block;
};

/* Allocates; pair with rules_calendar_free. from > to gives an empty table (all slow path). */
int rules_calendar_init(struct rules_calendar *cal, const struct rules_vacation *vacations,
    size_t nvacations, int bevrijdingsdag, rules_date from, rules_date to);
void rules_calendar_free(struct rules_calendar *cal);

int rules_is_school_day(const struct rules_calendar *cal, rules_date date);
/* School days in [from, to], both included; 0 when from > to. */
int32_t rules_school_days(const struct rules_calendar *cal, rules_date from, rules_date to);
/* The ISO week (Mon–Sun) containing date holds at least one school day. */
int rules_is_school_week(const struct rules_calendar *cal, rules_date date);
/* The last school day before date, or RULES_NO_DATE if none on or after floor. */
rules_date rules_prev_school_day(const struct rules_calendar *cal, rules_date date, rules_date floor);
/*
 * §4 Window(d): the first day of the ISO week of d plus the three nearest school weeks before it
 * (or, if d's week holds no school day, the four nearest school weeks before d). Searching stops
 * after 520 weeks without school weeks, returning that week's Monday.
 */
rules_date rules_window_start(const struct rules_calendar *cal, rules_date d);
/* The first day of the first two school weeks on or after 1 August of date's school year, and
 * the last day (a Sunday) of the second; *first is 1 August when the first week starts earlier. */
void rules_first_two_school_weeks(const struct rules_calendar *cal, rules_date date,
    rules_date *first, rules_date *last);

/* ---------------------------------------------------------------- plicht and routing (§5) */

enum rules_plicht {
	RULES_PLICHT_GEEN,
	RULES_PLICHT_LEERPLICHT,
	RULES_PLICHT_KWALIFICATIEPLICHT,
	RULES_PLICHT_RMC,
	RULES_PLICHT__MAX
};
extern const char *const rules_plicht_names[RULES_PLICHT__MAX];

enum rules_loket {
	RULES_LOKET_NONE,         /* JSON null: no desk */
	RULES_LOKET_LEERPLICHT,
	RULES_LOKET_RMC,
	RULES_LOKET__MAX
};
extern const char *const rules_loket_names[RULES_LOKET__MAX];  /* [NONE] is NULL */

enum rules_school_sort {
	RULES_SORT_PO,
	RULES_SORT_VO,
	RULES_SORT_MBO,
	RULES_SORT_VSO,
	RULES_SORT_PRO,
	RULES_SORT__MAX
};
extern const char *const rules_sort_names[RULES_SORT__MAX];

struct rules_student {
	rules_date geboren;
	int startkwalificatie;          /* havo, vwo or mbo-2 diploma obtained */
	int vrijgesteld;                /* exempt from kwalificatieplicht (pro certificate, vso profile) */
	enum rules_school_sort sort;
};

/* The date on which someone born on geboren turns age (29 Feb → 1 Mar in non-leap years). */
rules_date rules_birthday(rules_date geboren, int age);
/* Completed years on date. */
int rules_age_on(rules_date geboren, rules_date date);
/* First day of the month after the month of the 5th birthday. */
rules_date rules_leerplicht_vanaf(rules_date geboren);
/* 31 July of the school year in which the 16th birthday falls. */
rules_date rules_leerplicht_tot(rules_date geboren);
enum rules_plicht rules_plicht_on(const struct rules_student *st, rules_date date);
enum rules_loket rules_loket_for(enum rules_plicht plicht);

/* ---------------------------------------------------------------- policies (§4) */

#define RULES_REGIO_LEN 32
#define RULES_ZIEK_MELDINGEN_MAX 64

struct rules_policy {
	char regio[RULES_REGIO_LEN];    /* haaglanden, rivierenland, landelijk */
	int uren_16uur;                 /* wettelijk verzuim: unauthorised hours in 4 school weeks */
	int licht_uren;                 /* licht verzuim lower bound, hours in 4 school weeks */
	int te_laat_aantal;             /* te laat registrations per school year that signal */
	int ziek_dagen;                 /* consecutive school days ill */
	int ziek_meldingen;             /* sick reports in 12 weeks (84 days) */
	int schorsing_max;              /* school days */
	int dag_minuten;                /* unauthorised minutes that make a whole day absent */
	int bevrijdingsdag;             /* §3: 5 May is no werkdag (1, the default) or is one (0);
	                                 * not a column of the CSV: beheer sets it */
};
/* The largest value the policy CSV allows in a numeric column (the smallest is 1); 0 for a
 * name that is not a numeric column. licht_uren must also stay <= uren_16uur. */
int rules_policy_max(const char *column);

/*
 * Parses the policy CSV (sql/policies.csv): a header naming the columns regio, uren_16uur,
 * licht_uren, te_laat_aantal, ziek_dagen, ziek_meldingen, schorsing_max, dag_minuten in any order,
 * then one row per region. On success *n rows are in out. On failure returns RULES_EINVAL and
 * *errline holds the 1-based line (RULES_ESPACE when more than max rows).
 */
int rules_policies_parse(const char *text, size_t len, struct rules_policy *out, size_t max,
    size_t *n, size_t *errline);
const struct rules_policy *rules_policy_find(const struct rules_policy *policies, size_t n,
    const char *regio);

/* ---------------------------------------------------------------- registrations and signals (§4) */

enum rules_reg_kind {
	RULES_REG_ONGEOORLOOFD,
	RULES_REG_TE_LAAT,
	RULES_REG_ZIEK,
	RULES_REG_VERLOF,
	RULES_REG_SCHORSING,
	RULES_REG__MAX
};
extern const char *const rules_reg_kind_names[RULES_REG__MAX];

struct rules_registration {
	rules_date datum;
	enum rules_reg_kind soort;
	int32_t minuten;
};

/* Sorts by date (stable for equal dates is not needed by the rules). */
void rules_registrations_sort(struct rules_registration *regs, size_t n);

/* In the order §9 prescribes for ties. */
enum rules_signal_kind {
	RULES_SIGNAL_16UUR,
	RULES_SIGNAL_LICHT,
	RULES_SIGNAL_TE_LAAT,
	RULES_SIGNAL_LRV,
	RULES_SIGNAL_ZORGELIJK_ZIEK,
	RULES_SIGNAL_RMC18,
	RULES_SIGNAL_AFWEZIG5W,
	RULES_SIGNAL__MAX
};
extern const char *const rules_signal_names[RULES_SIGNAL__MAX];

struct rules_signal {
	enum rules_signal_kind kind;
	rules_date datum;
	rules_date uiterlijk_melden;    /* RULES_NO_DATE when there is no deadline */
	int verplicht;
	enum rules_loket loket;
	rules_date begin;               /* start of the period a melding would cover (§4: the LRV
	                                   melding begins the day after the last 16uur, or F) */
};

/*
 * The signals of one student on date d from registrations sorted by date (entries after d are
 * ignored), ordered by datum and, on one datum, by kind. Writes at most max signals; *n is the
 * number there are. Returns RULES_ESPACE when max was too small (call again with *n),
 * RULES_EUNSORTED, RULES_EINVAL for a bad policy, RULES_OK otherwise.
 * Deadlines count werkdagen with the calendar's Bevrijdingsdag setting.
 */
int rules_signals(const struct rules_calendar *cal, const struct rules_policy *pol,
    const struct rules_student *st, const struct rules_registration *regs, size_t nregs,
    rules_date d, struct rules_signal *out, size_t max, size_t *n);

/* ---------------------------------------------------------------- leave requests (§8) */

enum rules_leave_ground {
	RULES_GROUND_11F,
	RULES_GROUND_11G,
	RULES_GROUND__MAX
};
extern const char *const rules_ground_names[RULES_GROUND__MAX];

enum rules_leave_category {
	RULES_CAT_HUWELIJK,
	RULES_CAT_OVERLIJDEN,
	RULES_CAT_JUBILEUM,
	RULES_CAT_VERHUIZING,
	RULES_CAT_ZIEKTE_FAMILIE,
	RULES_CAT_WETTELIJK,
	RULES_CAT_OVERIG,
	RULES_CAT__MAX
};
extern const char *const rules_category_names[RULES_CAT__MAX];

enum rules_place {
	RULES_WAAR_NONE,            /* not given */
	RULES_WAAR_REGIO,
	RULES_WAAR_NEDERLAND,
	RULES_WAAR_BUITENLAND,
	RULES_WAAR__MAX
};
extern const char *const rules_place_names[RULES_WAAR__MAX];   /* [NONE] is NULL */

enum rules_refusal {
	RULES_REFUSAL_FAMILIEBEZOEK_BUITENLAND,
	RULES_REFUSAL_GOEDKOPE_TICKETS,
	RULES_REFUSAL_TICKETS_GEKOCHT,
	RULES_REFUSAL_VAKANTIESPREIDING,
	RULES_REFUSAL_BROERS_ZUSSEN_VRIJ,
	RULES_REFUSAL_VERKEERSDRUKTE,
	RULES_REFUSAL_KONVOOI,
	RULES_REFUSAL_KROONJAREN,
	RULES_REFUSAL_SABBATICAL,
	RULES_REFUSAL_WERELDREIS,
	RULES_REFUSAL__MAX
};
extern const char *const rules_refusal_names[RULES_REFUSAL__MAX];  /* codes */
extern const char *const rules_refusal_texts[RULES_REFUSAL__MAX];  /* Dutch, for letters */

/* In the order §9 lists them; weigergronden follow separately. */
enum rules_objection {
	RULES_OBJ_MAX_OVERSCHREDEN,
	RULES_OBJ_EERSTE_TWEE_LESWEKEN,
	RULES_OBJ_AL_11F_DIT_SCHOOLJAAR,
	RULES_OBJ_VERKLARING_ONTBREEKT,
	RULES_OBJ_GRAAD_BUITEN_CATEGORIE,
	RULES_OBJ_NIET_LEERPLICHTIG,
	RULES_OBJ__MAX
};
extern const char *const rules_objection_names[RULES_OBJ__MAX];
extern const char *const rules_objection_texts[RULES_OBJ__MAX];   /* Dutch */

enum rules_decider {
	RULES_DECIDER_DIRECTEUR,
	RULES_DECIDER_LEERPLICHT,
	RULES_DECIDER__MAX
};
extern const char *const rules_decider_names[RULES_DECIDER__MAX];

struct rules_leave_request {
	enum rules_leave_ground grond;
	enum rules_leave_category categorie;    /* 11g only */
	int graad;                              /* 1..4, 0 = not given */
	enum rules_place waar;
	rules_date van, tot;
	struct rules_student student;           /* plicht on van decides 11f share, niet_leerplichtig */
	int dagen_per_week;                     /* 1..5 */
	int eerder_11g_dagen;                   /* 11g school days granted earlier this school year */
	int eerder_11f;                         /* an 11f leave was granted earlier this school year */
	int verklaring;                         /* employer's/accountant's statement or evidence */
	enum rules_refusal redenen[RULES_REFUSAL__MAX];
	size_t nredenen;                        /* no duplicates */
};

/* The result of rules_leave_max_needs: which fields the category's maximum needs. */
#define RULES_NEEDS_GRAAD 1
#define RULES_NEEDS_WAAR  2
int rules_leave_max_needs(enum rules_leave_category cat);

struct rules_leave_verdict {
	int32_t schooldagen;
	int max_dagen;                          /* -1: no maximum (JSON null) */
	enum rules_decider beslisser;
	int toegestaan;                         /* no hard rule broken: no bezwaren */
	enum rules_objection bezwaren[RULES_OBJ__MAX];
	size_t nbezwaren;
	enum rules_refusal weigergronden[RULES_REFUSAL__MAX];   /* the request's redenen, in order */
	size_t nweigergronden;
};

/*
 * Evaluates a leave request against §8. RULES_EINVAL when the request is malformed: van > tot,
 * dagen_per_week outside 1..5, graad outside 0..4, a negative count, or a category whose
 * maximum needs graad or waar without it.
 */
int rules_leave_evaluate(const struct rules_calendar *cal, const struct rules_leave_request *req,
    struct rules_leave_verdict *v);

#endif
