/*
 * The domain rules (cgi-bin/rules): one table per table of SPEC §3, §4, §5 and §8, each row
 * with its expected answer written out by hand from the SPEC — never computed by the rules.
 *
 * Shorthand in the tables:
 *   registrations  "2026-03-02..2026-03-06 o 300; 2026-03-07 t 10": a range means every
 *                  Monday–Friday in it (holidays are avoided by the ranges themselves);
 *                  o ongeoorloofd, t te_laat, z ziek, v verlof, s schorsing.
 *   vacations      "2026-02-14..2026-02-22; ..."
 *   signals        "16uur 2026-03-05 2026-03-12 V leerplicht; licht 2026-03-20 - O leerplicht":
 *                  signal, datum, uiterlijk_melden (- null), V verplicht / O not, loket (- null).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "rules/rules.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* SPEC §4 table, written out again here so the tests do not depend on sql/policies.csv. */
static const char POLICIES[] =
    "regio,uren_16uur,licht_uren,te_laat_aantal,ziek_dagen,ziek_meldingen,schorsing_max,dag_minuten\n"
    "haaglanden,16,8,9,7,4,5,300\n"
    "rivierenland,16,1,12,7,4,5,300\n"
    "landelijk,16,8,9,7,5,5,300\n";

/* A school calendar 2025–2026 used by several tables. */
#define ZOMER25 "2025-07-12..2025-08-24"
#define HERFST25 "2025-10-18..2025-10-26"
#define KERST25 "2025-12-20..2026-01-04"
#define VOORJAAR26 "2026-02-14..2026-02-22"
#define MEI26 "2026-04-25..2026-05-03"
#define ZOMER26 "2026-07-11..2026-08-23"
#define JAAR2526 ZOMER25 "; " HERFST25 "; " KERST25 "; " VOORJAAR26 "; " MEI26 "; " ZOMER26

static rules_date
date_of(const char *s)
{
	rules_date d = 0;
	ck_assert_msg(rules_date_parse(s, strlen(s), &d) == 0, "test date %s", s);
	return d;
}

static const char *
fmt(rules_date d, char buf[11])
{
	if (d == RULES_NO_DATE)
		return "-";
	rules_date_format(d, buf);
	return buf;
}

/* Parses "a..b; c" into vacations; returns the count. */
static size_t
parse_vacations(const char *spec, struct rules_vacation *out, size_t max)
{
	size_t n = 0;
	char buf[1024], *save = NULL;

	if (spec == NULL)
		return 0;
	snprintf(buf, sizeof(buf), "%s", spec);
	for (char *t = strtok_r(buf, ";", &save); t != NULL; t = strtok_r(NULL, ";", &save)) {
		while (*t == ' ')
			t++;
		ck_assert_uint_lt(n, max);
		ck_assert_msg(strlen(t) == 22 && t[10] == '.' && t[11] == '.', "vacation %s", t);
		t[10] = '\0';
		out[n].start = date_of(t);
		out[n].end = date_of(t + 12);
		n++;
	}
	return n;
}

static void
make_calendar(struct rules_calendar *cal, const char *vac, int bevrijdingsdag)
{
	struct rules_vacation v[32];
	size_t n = parse_vacations(vac, v, NELEM(v));
	ck_assert_int_eq(rules_calendar_init(cal, v, n, bevrijdingsdag, date_of("2023-01-01"),
	    date_of("2028-12-31")), RULES_OK);
}

static size_t
parse_regs(const char *spec, struct rules_registration *out, size_t max)
{
	size_t n = 0;
	char buf[2048], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", spec);
	for (char *t = strtok_r(buf, ";", &save); t != NULL; t = strtok_r(NULL, ";", &save)) {
		char range[32], kind;
		int minutes;
		rules_date a, b;
		while (*t == ' ')
			t++;
		ck_assert_msg(sscanf(t, "%31s %c %d", range, &kind, &minutes) == 3, "reg %s", t);
		if (strlen(range) == 22) {
			range[10] = '\0';
			a = date_of(range);
			b = date_of(range + 12);
		} else
			a = b = date_of(range);
		const char *kinds = "otzvs";
		const char *k = strchr(kinds, kind);
		ck_assert_msg(k != NULL, "kind %c", kind);
		for (rules_date d = a; d <= b; d++) {
			if (a != b && rules_weekday(d) > 5)
				continue;
			ck_assert_uint_lt(n, max);
			out[n].datum = d;
			out[n].soort = (enum rules_reg_kind)(k - kinds);
			out[n].minuten = minutes;
			n++;
		}
	}
	return n;
}

/* ---------------------------------------------------------------- §3 dates */

static const struct {
	const char *s;
	int ok;
} date_parses[] = {
	{ "2026-12-18", 1 }, { "2024-02-29", 1 }, { "2000-02-29", 1 }, { "2023-02-29", 0 },
	{ "1900-02-29", 0 }, { "2027-02-30", 0 }, { "2026-04-31", 0 }, { "2026-13-01", 0 },
	{ "2026-00-10", 0 }, { "2026-01-00", 0 }, { "2026-1-05", 0 }, { "2026-01-5 ", 0 },
	{ "26-01-05", 0 }, { "2026/01/05", 0 }, { "", 0 }, { "2026-01-05x", 0 },
	{ "+026-01-05", 0 }, { "2026-12-31", 1 },
};

START_TEST(test_date_parse)
{
	rules_date d;
	const char *s = date_parses[_i].s;
	int ok = rules_date_parse(s, strlen(s), &d) == 0;
	ck_assert_msg(ok == date_parses[_i].ok, "%s: parse %d, want %d", s, ok, date_parses[_i].ok);
	if (ok) {
		char buf[11];
		rules_date_format(d, buf);
		ck_assert_str_eq(buf, s);
	}
}
END_TEST

START_TEST(test_date_basics)
{
	ck_assert_int_eq(date_of("1970-01-01"), 0);
	ck_assert_int_eq(date_of("2026-12-18") - date_of("2026-11-18"), 30);
	ck_assert_int_eq(rules_weekday(date_of("2026-12-18")), 5);   /* Friday */
	ck_assert_int_eq(rules_weekday(date_of("2026-03-29")), 7);   /* Sunday */
	ck_assert_int_eq(rules_weekday(date_of("1969-12-29")), 1);   /* Monday, before 1970 */
	ck_assert_int_eq(rules_monday_of(date_of("2026-03-29")), date_of("2026-03-23"));
	ck_assert_int_eq(rules_school_year_start(date_of("2026-07-31")), date_of("2025-08-01"));
	ck_assert_int_eq(rules_school_year_start(date_of("2026-08-01")), date_of("2026-08-01"));
	ck_assert_int_eq(rules_school_year_start(date_of("2026-01-15")), date_of("2025-08-01"));
}
END_TEST

static const struct {
	int year;
	const char *easter;
} easters[] = {
	{ 2019, "2019-04-21" }, { 2024, "2024-03-31" }, { 2025, "2025-04-20" },
	{ 2026, "2026-04-05" }, { 2027, "2027-03-28" }, { 2028, "2028-04-16" },
	{ 2038, "2038-04-25" }, { 2285, "2285-03-22" }, { 2000, "2000-04-23" },
};

START_TEST(test_easter)
{
	char buf[11];
	ck_assert_str_eq(fmt(rules_easter(easters[_i].year), buf), easters[_i].easter);
}
END_TEST

/* Dutch civil time: the change-overs at 01:00 UTC on the last Sundays of March and October. */
static const struct {
	int64_t ts;
	int offset;
	const char *date;
} nl_times[] = {
	{ 1774745999, 3600, "2026-03-29" },     /* 29 Mar 2026 00:59:59 UTC: 01:59:59 CET */
	{ 1774746000, 7200, "2026-03-29" },     /* 01:00 UTC: 03:00 CEST */
	{ 1792889999, 7200, "2026-10-25" },     /* 25 Oct 2026 00:59:59 UTC: 02:59:59 CEST */
	{ 1792890000, 3600, "2026-10-25" },     /* 01:00 UTC: 02:00 CET */
	{ 1795476600, 3600, "2026-11-24" },     /* 23 Nov 23:30 UTC: 00:30 on the 24th */
	{ 1782858600, 7200, "2026-07-01" },     /* 30 Jun 22:30 UTC: 00:30 on 1 July */
	{ 1782855000, 7200, "2026-06-30" },     /* 30 Jun 21:30 UTC: 23:30 still */
	{ 1798758000, 3600, "2027-01-01" },     /* 31 Dec 23:00 UTC: new year */
	{ 1806195599, 3600, "2027-03-28" },     /* 2027: last Sunday of March is the 28th */
	{ 1806195600, 7200, "2027-03-28" },
	{ -1800, 3600, "1970-01-01" },          /* before the epoch: 31 Dec 1969 23:30 UTC */
};

START_TEST(test_nl_time)
{
	char buf[11];

	ck_assert_int_eq(rules_nl_offset(nl_times[_i].ts), nl_times[_i].offset);
	ck_assert_str_eq(fmt(rules_nl_date(nl_times[_i].ts), buf), nl_times[_i].date);
}
END_TEST

static const struct {
	const char *date;       /* NULL: RULES_NO_DATE */
	const char *text;
} long_dates[] = {
	{ "2026-09-07", "7 september 2026" }, { "2026-11-29", "29 november 2026" },
	{ "2027-01-01", "1 januari 2027" }, { "2028-02-29", "29 februari 2028" },
	{ "2026-05-31", "31 mei 2026" }, { NULL, "" },
};

START_TEST(test_date_long)
{
	char buf[32];

	rules_date_long(long_dates[_i].date ? date_of(long_dates[_i].date) : RULES_NO_DATE, buf);
	ck_assert_str_eq(buf, long_dates[_i].text);
}
END_TEST

/* §3 werkdagen: every holiday of the list, and the days around them. */
static const struct {
	const char *date;
	int bevrijdingsdag;
	const char *holiday;    /* NULL: none */
} holidays[] = {
	{ "2026-01-01", 1, "Nieuwjaarsdag" },
	{ "2026-04-03", 1, "Goede Vrijdag" },
	{ "2026-04-05", 1, NULL },                      /* Eerste Paasdag: a Sunday anyway */
	{ "2026-04-06", 1, "Tweede Paasdag" },
	{ "2026-04-27", 1, "Koningsdag" },
	{ "2025-04-26", 1, "Koningsdag" },              /* 27 April 2025 is a Sunday */
	{ "2025-04-27", 1, NULL },
	{ "2026-04-26", 1, NULL },
	{ "2026-05-05", 1, "Bevrijdingsdag" },
	{ "2026-05-05", 0, NULL },                      /* configurable */
	{ "2026-05-14", 1, "Hemelvaartsdag" },          /* Easter + 39 */
	{ "2026-05-25", 1, "Tweede Pinksterdag" },      /* Easter + 50 */
	{ "2026-12-25", 1, "Eerste Kerstdag" },
	{ "2026-12-26", 1, "Tweede Kerstdag" },
	{ "2027-03-26", 1, "Goede Vrijdag" },
	{ "2027-03-29", 1, "Tweede Paasdag" },
	{ "2027-05-06", 1, "Hemelvaartsdag" },
	{ "2027-05-17", 1, "Tweede Pinksterdag" },
	{ "2038-06-14", 1, "Tweede Pinksterdag" },      /* latest Easter: 25 April */
	{ "2026-12-24", 1, NULL },
	{ "2026-05-04", 1, NULL },
};

START_TEST(test_holidays)
{
	enum rules_holiday h = rules_holiday_on(date_of(holidays[_i].date),
	    holidays[_i].bevrijdingsdag);
	const char *name = rules_holiday_names[h];
	if (holidays[_i].holiday == NULL)
		ck_assert_msg(name == NULL, "%s: %s, want none", holidays[_i].date, name);
	else
		ck_assert_msg(name != NULL && strcmp(name, holidays[_i].holiday) == 0,
		    "%s: %s, want %s", holidays[_i].date, name ? name : "none", holidays[_i].holiday);
}
END_TEST

static const struct {
	const char *from;
	int n;
	int bevrijdingsdag;
	const char *want;
} werkdagen[] = {
	{ "2026-12-18", 5, 1, "2026-12-28" },   /* over Christmas */
	{ "2026-12-18", 0, 1, "2026-12-18" },
	{ "2026-12-18", 1, 1, "2026-12-21" },   /* over a weekend */
	{ "2026-12-31", 1, 1, "2027-01-04" },   /* Nieuwjaarsdag on Friday */
	{ "2025-12-24", 1, 1, "2025-12-29" },
	{ "2026-04-02", 1, 1, "2026-04-07" },   /* Goede Vrijdag, Tweede Paasdag */
	{ "2026-04-24", 1, 1, "2026-04-28" },   /* Koningsdag */
	{ "2026-05-04", 1, 1, "2026-05-06" },   /* Bevrijdingsdag */
	{ "2026-05-04", 1, 0, "2026-05-05" },
	{ "2026-05-13", 1, 1, "2026-05-15" },   /* Hemelvaartsdag */
	{ "2026-05-22", 1, 1, "2026-05-26" },   /* Tweede Pinksterdag */
	{ "2026-03-27", 5, 1, "2026-04-07" },
	{ "2026-04-26", 5, 1, "2026-05-04" },
	{ "2026-01-01", 20, 1, "2026-01-29" },
};

START_TEST(test_werkdagen)
{
	char buf[11];
	rules_date r = rules_werkdagen_add(date_of(werkdagen[_i].from), werkdagen[_i].n,
	    werkdagen[_i].bevrijdingsdag);
	ck_assert_msg(strcmp(fmt(r, buf), werkdagen[_i].want) == 0, "%s + %d: %s, want %s",
	    werkdagen[_i].from, werkdagen[_i].n, buf, werkdagen[_i].want);
}
END_TEST

/* ---------------------------------------------------------------- §3 school days and weeks */

static const struct {
	const char *vac;
	const char *from, *to;
	int want;
} schooldagen[] = {
	{ NULL, "2026-01-01", "2026-12-31", 253 },     /* 261 weekdays, 8 holidays on weekdays */
	{ NULL, "2026-04-27", "2026-05-08", 8 },       /* Koningsdag, Bevrijdingsdag */
	{ MEI26, "2026-04-27", "2026-05-08", 4 },      /* vacation, then Bevrijdingsdag */
	{ NULL, "2026-03-07", "2026-03-08", 0 },       /* a weekend */
	{ NULL, "2026-03-09", "2026-03-09", 1 },
	{ NULL, "2026-03-10", "2026-03-09", 0 },       /* empty range */
	{ JAAR2526, "2025-08-01", "2026-07-31", 200 },    /* 41 weeks, 5 holidays on school days */
	{ VOORJAAR26, "2026-02-09", "2026-02-27", 10 },
	{ NULL, "2024-02-26", "2024-03-04", 6 },       /* over a leap day (Thursday) */
	{ NULL, "2022-12-19", "2022-12-30", 9 },       /* partly before the calendar table */
	{ NULL, "2028-12-25", "2029-01-05", 7 },       /* partly after it: Kerst, Nieuwjaar */
	{ NULL, "2016-05-02", "2016-05-06", 4 },       /* Hemelvaartsdag on Bevrijdingsdag */
	{ "2026-02-14..2026-02-22; 2026-02-20..2026-03-01", "2026-02-09", "2026-03-06", 10 },
	{ "2026-03-02..2026-03-03; 2026-03-04..2026-03-04", "2026-03-02", "2026-03-06", 2 },
};

START_TEST(test_schooldagen)
{
	struct rules_calendar cal;
	make_calendar(&cal, schooldagen[_i].vac, 1);
	int n = rules_school_days(&cal, date_of(schooldagen[_i].from), date_of(schooldagen[_i].to));
	ck_assert_msg(n == schooldagen[_i].want, "%s..%s: %d, want %d", schooldagen[_i].from,
	    schooldagen[_i].to, n, schooldagen[_i].want);
	rules_calendar_free(&cal);

	/* The same answer without a precomputed table. */
	struct rules_vacation v[32];
	size_t nv = parse_vacations(schooldagen[_i].vac, v, NELEM(v));
	ck_assert_int_eq(rules_calendar_init(&cal, v, nv, 1, 1, 0), RULES_OK);
	n = rules_school_days(&cal, date_of(schooldagen[_i].from), date_of(schooldagen[_i].to));
	ck_assert_int_eq(n, schooldagen[_i].want);
	rules_calendar_free(&cal);
}
END_TEST

static const struct {
	const char *from, *to;
	int bevrijdingsdag;
	int want;
} werkdagen_counts[] = {
	{ "2026-01-01", "2026-12-31", 1, 253 },
	{ "2026-01-01", "2026-12-31", 0, 254 },
	{ "2016-05-02", "2016-05-06", 1, 4 },
	{ "2016-05-02", "2016-05-06", 0, 4 },
	{ "2026-12-19", "2026-12-27", 1, 4 },
	{ "2026-03-07", "2026-03-07", 1, 0 },
	{ "2026-03-09", "2026-03-08", 1, 0 },
};

START_TEST(test_werkdagen_count)
{
	ck_assert_int_eq(rules_werkdagen_count(date_of(werkdagen_counts[_i].from),
	    date_of(werkdagen_counts[_i].to), werkdagen_counts[_i].bevrijdingsdag),
	    werkdagen_counts[_i].want);
}
END_TEST

/* §4 Window(d): Monday of the earliest of the 4 school weeks. */
static const struct {
	const char *vac;
	const char *d;
	const char *want;
} windows[] = {
	{ NULL, "2026-03-02", "2026-02-09" },
	{ NULL, "2026-03-08", "2026-02-09" },          /* a Sunday: its week counts */
	{ VOORJAAR26, "2026-03-02", "2026-02-02" },    /* the vacation week is skipped */
	{ VOORJAAR26, "2026-02-18", "2026-01-19" },    /* d inside a vacation: 4 weeks before */
	{ KERST25, "2026-01-05", "2025-12-01" },       /* two vacation weeks skipped */
	{ ZOMER25, "2025-08-25", "2025-06-23" },       /* over the summer */
	{ NULL, "2026-04-06", "2026-03-16" },          /* Tweede Paasdag: the week holds school days */
	{ MEI26, "2026-05-04", "2026-04-06" },
};

START_TEST(test_window)
{
	struct rules_calendar cal;
	char buf[11];

	make_calendar(&cal, windows[_i].vac, 1);
	rules_date w = rules_window_start(&cal, date_of(windows[_i].d));
	ck_assert_msg(strcmp(fmt(w, buf), windows[_i].want) == 0, "Window(%s) from %s, want %s",
	    windows[_i].d, buf, windows[_i].want);
	rules_calendar_free(&cal);

	struct rules_vacation v[32];
	size_t nv = parse_vacations(windows[_i].vac, v, NELEM(v));
	ck_assert_int_eq(rules_calendar_init(&cal, v, nv, 1, 1, 0), RULES_OK);
	ck_assert_str_eq(fmt(rules_window_start(&cal, date_of(windows[_i].d)), buf), windows[_i].want);
	rules_calendar_free(&cal);
}
END_TEST

/* §3: the first two school weeks of a school year, on or after 1 August. */
static const struct {
	const char *vac;
	const char *date;
	const char *first, *last;
} first_weeks[] = {
	{ ZOMER25, "2025-10-01", "2025-08-25", "2025-09-07" },
	{ NULL, "2025-10-01", "2025-08-01", "2025-08-10" },    /* 1 August 2025 is a Friday */
	{ NULL, "2026-03-01", "2025-08-01", "2025-08-10" },
	{ ZOMER26, "2026-09-01", "2026-08-24", "2026-09-06" },
	{ NULL, "2026-08-05", "2026-08-03", "2026-08-16" },    /* 1 August 2026 is a Saturday */
};

START_TEST(test_first_two_weeks)
{
	struct rules_calendar cal;
	rules_date a, b;
	char x[11], y[11];

	make_calendar(&cal, first_weeks[_i].vac, 1);
	rules_first_two_school_weeks(&cal, date_of(first_weeks[_i].date), &a, &b);
	ck_assert_str_eq(fmt(a, x), first_weeks[_i].first);
	ck_assert_str_eq(fmt(b, y), first_weeks[_i].last);
	rules_calendar_free(&cal);
}
END_TEST

/* ---------------------------------------------------------------- §5 plicht */

#define SK 1    /* startkwalificatie */
#define VR 2    /* vrijgesteld */

static const struct {
	const char *geboren, *op;
	int flags;
	const char *plicht, *loket, *vanaf, *tot;
} plichten[] = {
	/* Leerplicht from the first day of the month after the 5th birthday. */
	{ "2020-08-01", "2025-08-31", 0, "geen", NULL, "2025-09-01", "2037-07-31" },
	{ "2020-08-01", "2025-09-01", 0, "leerplicht", "leerplicht", "2025-09-01", "2037-07-31" },
	{ "2020-07-31", "2025-08-01", 0, "leerplicht", "leerplicht", "2025-08-01", "2036-07-31" },
	{ "2020-12-15", "2025-12-31", 0, "geen", NULL, "2026-01-01", "2037-07-31" },
	{ "2020-12-15", "2026-01-01", 0, "leerplicht", "leerplicht", "2026-01-01", "2037-07-31" },
	/* ... until 31 July of the school year of the 16th birthday: 31 July / 1 August. */
	{ "2010-07-31", "2026-07-31", 0, "leerplicht", "leerplicht", "2015-08-01", "2026-07-31" },
	{ "2010-07-31", "2026-08-01", 0, "kwalificatieplicht", "leerplicht", "2015-08-01",
	  "2026-07-31" },
	{ "2010-08-01", "2026-08-01", 0, "leerplicht", "leerplicht", "2015-09-01", "2027-07-31" },
	{ "2010-08-01", "2027-07-31", 0, "leerplicht", "leerplicht", "2015-09-01", "2027-07-31" },
	{ "2010-08-01", "2027-08-01", 0, "kwalificatieplicht", "leerplicht", "2015-09-01",
	  "2027-07-31" },
	/* Kwalificatieplicht through the day before the 18th birthday. */
	{ "2008-05-01", "2026-04-30", 0, "kwalificatieplicht", "leerplicht", "2013-06-01",
	  "2024-07-31" },
	{ "2008-05-01", "2026-05-01", 0, "rmc", "rmc", "2013-06-01", "2024-07-31" },
	/* 29 February: older on 1 March in non-leap years. */
	{ "2008-02-29", "2026-02-28", 0, "kwalificatieplicht", "leerplicht", "2013-04-01",
	  "2024-07-31" },
	{ "2008-02-29", "2026-03-01", 0, "rmc", "rmc", "2013-04-01", "2024-07-31" },
	{ "2020-02-29", "2025-03-01", 0, "geen", NULL, "2025-04-01", "2036-07-31" },
	{ "2020-02-29", "2025-04-01", 0, "leerplicht", "leerplicht", "2025-04-01", "2036-07-31" },
	/* Startkwalificatie ends kwalificatieplicht and RMC, not leerplicht. */
	{ "2009-01-15", "2026-03-01", SK, "geen", NULL, "2014-02-01", "2025-07-31" },
	{ "2009-01-15", "2026-03-01", 0, "kwalificatieplicht", "leerplicht", "2014-02-01",
	  "2025-07-31" },
	{ "2005-01-15", "2026-03-01", SK, "geen", NULL, "2010-02-01", "2021-07-31" },
	{ "2010-08-01", "2026-09-01", SK, "leerplicht", "leerplicht", "2015-09-01", "2027-07-31" },
	/* Exempt (pro certificate, vso dagbesteding/arbeid): no kwalificatieplicht. */
	{ "2009-01-15", "2026-03-01", VR, "geen", NULL, "2014-02-01", "2025-07-31" },
	{ "2010-08-01", "2026-09-01", VR, "leerplicht", "leerplicht", "2015-09-01", "2027-07-31" },
	{ "2005-01-15", "2026-03-01", VR, "rmc", "rmc", "2010-02-01", "2021-07-31" },
	/* RMC until the 23rd birthday. */
	{ "2003-05-01", "2026-04-30", 0, "rmc", "rmc", "2008-06-01", "2019-07-31" },
	{ "2003-05-01", "2026-05-01", 0, "geen", NULL, "2008-06-01", "2019-07-31" },
	{ "2000-01-01", "2026-03-01", 0, "geen", NULL, "2005-02-01", "2016-07-31" },
	/* Not born yet. */
	{ "2026-06-01", "2026-03-01", 0, "geen", NULL, "2031-07-01", "2042-07-31" },
};

START_TEST(test_plicht)
{
	struct rules_student st = { date_of(plichten[_i].geboren), plichten[_i].flags & SK,
		(plichten[_i].flags & VR) != 0, RULES_SORT_VO };
	enum rules_plicht p = rules_plicht_on(&st, date_of(plichten[_i].op));
	const char *loket = rules_loket_names[rules_loket_for(p)];
	char a[11], b[11];

	ck_assert_msg(strcmp(rules_plicht_names[p], plichten[_i].plicht) == 0,
	    "born %s on %s: %s, want %s", plichten[_i].geboren, plichten[_i].op,
	    rules_plicht_names[p], plichten[_i].plicht);
	if (plichten[_i].loket == NULL)
		ck_assert_ptr_null(loket);
	else
		ck_assert_str_eq(loket, plichten[_i].loket);
	ck_assert_str_eq(fmt(rules_leerplicht_vanaf(st.geboren), a), plichten[_i].vanaf);
	ck_assert_str_eq(fmt(rules_leerplicht_tot(st.geboren), b), plichten[_i].tot);
}
END_TEST

START_TEST(test_age)
{
	ck_assert_int_eq(rules_age_on(date_of("2008-02-29"), date_of("2026-02-28")), 17);
	ck_assert_int_eq(rules_age_on(date_of("2008-02-29"), date_of("2026-03-01")), 18);
	ck_assert_int_eq(rules_age_on(date_of("2008-02-29"), date_of("2028-02-29")), 20);
	ck_assert_int_eq(rules_age_on(date_of("2010-07-31"), date_of("2026-07-30")), 15);
	ck_assert_int_eq(rules_age_on(date_of("2010-07-31"), date_of("2026-07-31")), 16);
}
END_TEST

/* ---------------------------------------------------------------- §4 policies */

static const struct {
	const char *regio;
	int uren, licht, te_laat, ziek_dagen, ziek_meldingen, schorsing, dag_minuten;
} policy_rows[] = {
	{ "haaglanden", 16, 8, 9, 7, 4, 5, 300 },
	{ "rivierenland", 16, 1, 12, 7, 4, 5, 300 },
	{ "landelijk", 16, 8, 9, 7, 5, 5, 300 },
};

static void
check_policy_row(const struct rules_policy *p, size_t i)
{
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->uren_16uur, policy_rows[i].uren);
	ck_assert_int_eq(p->licht_uren, policy_rows[i].licht);
	ck_assert_int_eq(p->te_laat_aantal, policy_rows[i].te_laat);
	ck_assert_int_eq(p->ziek_dagen, policy_rows[i].ziek_dagen);
	ck_assert_int_eq(p->ziek_meldingen, policy_rows[i].ziek_meldingen);
	ck_assert_int_eq(p->schorsing_max, policy_rows[i].schorsing);
	ck_assert_int_eq(p->dag_minuten, policy_rows[i].dag_minuten);
	ck_assert_int_eq(p->bevrijdingsdag, 1);	/* §3: default on, every region */
}

START_TEST(test_policy_parse)
{
	struct rules_policy pols[8];
	size_t n, line;

	ck_assert_int_eq(rules_policies_parse(POLICIES, strlen(POLICIES), pols, 8, &n, &line),
	    RULES_OK);
	ck_assert_uint_eq(n, 3);
	check_policy_row(rules_policy_find(pols, n, policy_rows[_i].regio), _i);
}
END_TEST

/* sql/policies.csv, the single source of the values, holds the §4 table. */
START_TEST(test_policy_file)
{
	char text[4096];
	struct rules_policy pols[8];
	size_t n, line, len;
	FILE *fp = fopen("sql/policies.csv", "r");

	if (fp == NULL)
		fp = fopen("../../sql/policies.csv", "r");
	ck_assert_msg(fp != NULL, "sql/policies.csv not found");
	len = fread(text, 1, sizeof(text), fp);
	fclose(fp);
	ck_assert_int_eq(rules_policies_parse(text, len, pols, 8, &n, &line), RULES_OK);
	check_policy_row(rules_policy_find(pols, n, policy_rows[_i].regio), _i);
}
END_TEST

static const struct {
	const char *text;
	size_t line;
} bad_policies[] = {
	{ "", 1 },
	{ "regio,uren_16uur\nx,16\n", 1 },
	{ "regio,uren_16uur,licht_uren,te_laat_aantal,ziek_dagen,ziek_meldingen,schorsing_max,"
	  "dag_minuten\nx,16,8,9,7,4,5\n", 2 },
	{ "regio,uren_16uur,licht_uren,te_laat_aantal,ziek_dagen,ziek_meldingen,schorsing_max,"
	  "dag_minuten\nx,16,8,9,7,4,5,abc\n", 2 },
	{ "regio,uren_16uur,licht_uren,te_laat_aantal,ziek_dagen,ziek_meldingen,schorsing_max,"
	  "dag_minuten\nx,16,8,9,7,4,5,300\nx,16,8,9,7,4,5,300\n", 3 },
	{ "regio,uren_16uur,licht_uren,te_laat_aantal,ziek_dagen,ziek_meldingen,schorsing_max,"
	  "dag_minuten\nx,16,17,9,7,4,5,300\n", 2 },
	{ "regio,regio,licht_uren,te_laat_aantal,ziek_dagen,ziek_meldingen,schorsing_max,"
	  "dag_minuten\n", 1 },
};

START_TEST(test_policy_bad)
{
	struct rules_policy pols[8];
	size_t n, line;
	const char *t = bad_policies[_i].text;

	ck_assert_int_eq(rules_policies_parse(t, strlen(t), pols, 8, &n, &line), RULES_EINVAL);
	ck_assert_uint_eq(line, bad_policies[_i].line);
}
END_TEST

/* ---------------------------------------------------------------- §4 signals */

static const struct sig_case {
	const char *name;
	const char *regio;
	const char *geboren;
	int flags;
	enum rules_school_sort sort;
	const char *vac;
	const char *op;
	const char *regs;
	const char *want;
} signals[] = {
	/* 16uur: 16 unauthorised hours in Window(d); datum the first such d. */
	{ "16uur", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL, "2026-03-20",
	  "2026-03-02..2026-03-06 o 300",
	  "16uur 2026-03-05 2026-03-12 V leerplicht" },
	{ "16uur rivierenland", "rivierenland", "2012-05-01", 0, RULES_SORT_VO, NULL, "2026-03-20",
	  "2026-03-02..2026-03-05 o 240",
	  "16uur 2026-03-05 2026-03-12 V leerplicht" },
	{ "16uur landelijk", "landelijk", "2012-05-01", 0, RULES_SORT_VO, NULL, "2026-03-20",
	  "2026-03-02..2026-03-05 o 240",
	  "16uur 2026-03-05 2026-03-12 V leerplicht" },
	{ "16uur te_laat counts", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL, "2026-03-20",
	  "2026-03-02..2026-03-05 t 240",
	  "16uur 2026-03-05 2026-03-12 V leerplicht" },
	{ "16uur vacation inside the window", "haaglanden", "2012-05-01", 0, RULES_SORT_VO,
	  VOORJAAR26, "2026-03-02",
	  "2026-02-02 o 240; 2026-02-09 o 240; 2026-02-23 o 240; 2026-03-02 o 240",
	  "16uur 2026-03-02 2026-03-09 V leerplicht" },
	{ "same without vacation: 12 hours, licht", "haaglanden", "2012-05-01", 0, RULES_SORT_VO,
	  NULL, "2026-03-02",
	  "2026-02-02 o 240; 2026-02-09 o 240; 2026-02-23 o 240; 2026-03-02 o 240",
	  "licht 2026-03-02 - O leerplicht" },
	{ "16uur restarts: a fresh 16 hours", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-06", "2026-03-02..2026-03-05 o 480",
	  "16uur 2026-03-03 2026-03-10 V leerplicht; 16uur 2026-03-05 2026-03-12 V leerplicht" },
	{ "after a restart only later minutes count for licht", "haaglanden", "2012-05-01", 0,
	  RULES_SORT_VO, NULL, "2026-03-04", "2026-03-02..2026-03-05 o 480",
	  "16uur 2026-03-03 2026-03-10 V leerplicht; licht 2026-03-04 - O leerplicht" },
	{ "registrations after D are ignored", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-02", "2026-03-02..2026-03-05 o 480",
	  "licht 2026-03-02 - O leerplicht" },
	{ "old minutes fall out of the window", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-02-09", "2026-01-05 o 480; 2026-02-09 o 480",
	  "licht 2026-02-09 - O leerplicht" },
	{ "minutes on a Saturday count", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-09", "2026-03-07 o 600; 2026-03-09 o 360",
	  "16uur 2026-03-09 2026-03-16 V leerplicht" },
	{ "16uur datum on a Saturday", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-09", "2026-03-02..2026-03-05 o 200; 2026-03-07 o 200",
	  "16uur 2026-03-07 2026-03-13 V leerplicht" },
	{ "16uur in the Easter week", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-04-03", "2026-03-30..2026-04-02 o 240",
	  "16uur 2026-04-02 2026-04-13 V leerplicht" },
	{ "window over the summer vacation", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, ZOMER25,
	  "2025-08-25", "2025-07-07 o 480; 2025-08-25 o 480",
	  "16uur 2025-08-25 2025-09-01 V leerplicht" },
	{ "ziek, verlof and schorsing are not unauthorised", "haaglanden", "2012-05-01", 0,
	  RULES_SORT_VO, NULL, "2026-03-13",
	  "2026-03-02..2026-03-06 v 300; 2026-03-09..2026-03-13 s 300", "" },
	{ "16uur for a kwalificatieplichtige goes to leerplicht", "haaglanden", "2009-01-15", 0,
	  RULES_SORT_MBO, NULL, "2026-03-06", "2026-03-02..2026-03-05 o 300",
	  "16uur 2026-03-05 2026-03-12 V leerplicht" },
	{ "16uur for an 18-year-old without startkwalificatie goes to rmc", "haaglanden",
	  "2007-01-15", 0, RULES_SORT_MBO, NULL, "2026-03-06", "2026-03-02..2026-03-05 o 300",
	  "16uur 2026-03-05 2026-03-12 V rmc" },

	/* licht: at D only, between the licht bound and 16 hours. */
	{ "licht rivierenland from 1 hour", "rivierenland", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-06", "2026-03-02 o 60", "licht 2026-03-06 - O leerplicht" },
	{ "no licht in haaglanden below 8 hours", "haaglanden", "2012-05-01", 0, RULES_SORT_VO,
	  NULL, "2026-03-06", "2026-03-02 o 60", "" },
	{ "licht landelijk: 7:59 is not enough", "landelijk", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-06", "2026-03-02 o 479", "" },
	{ "licht landelijk at 8 hours", "landelijk", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-06", "2026-03-02 o 480", "licht 2026-03-06 - O leerplicht" },
	{ "licht ends when the minutes leave the window", "haaglanden", "2012-05-01", 0,
	  RULES_SORT_VO, NULL, "2026-03-30", "2026-03-02 o 600", "" },

	/* te_laat: the policy count of te_laat registrations in D's school year. */
	{ "te_laat haaglanden: the 9th", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2025-09-12", "2025-09-01..2025-09-05 t 10; 2025-09-08..2025-09-11 t 10",
	  "te_laat 2025-09-11 - O leerplicht" },
	{ "te_laat landelijk: the 9th", "landelijk", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2025-09-12", "2025-09-01..2025-09-05 t 10; 2025-09-08..2025-09-11 t 10",
	  "te_laat 2025-09-11 - O leerplicht" },
	{ "te_laat rivierenland needs 12 (90 minutes: licht)", "rivierenland", "2012-05-01", 0,
	  RULES_SORT_VO, NULL, "2025-09-12",
	  "2025-09-01..2025-09-05 t 10; 2025-09-08..2025-09-11 t 10",
	  "licht 2025-09-12 - O leerplicht" },
	{ "te_laat rivierenland: the 12th", "rivierenland", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2025-10-10", "2025-09-01..2025-09-05 t 5; 2025-09-08..2025-09-12 t 5; "
	  "2025-09-15..2025-09-16 t 5", "te_laat 2025-09-16 - O leerplicht" },
	{ "te_laat: two on one date both count", "haaglanden", "2012-05-01", 0, RULES_SORT_VO,
	  NULL, "2025-09-30",
	  "2025-09-01..2025-09-05 t 10; 2025-09-08..2025-09-10 t 10; 2025-09-10 t 5",
	  "te_laat 2025-09-10 - O leerplicht" },
	{ "te_laat: the previous school year does not count", "haaglanden", "2012-05-01", 0,
	  RULES_SORT_VO, NULL, "2025-09-30",
	  "2025-07-07..2025-07-11 t 10; 2025-09-01..2025-09-04 t 10", "" },
	{ "te_laat: once per school year", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2025-10-31", "2025-09-01..2025-09-26 t 10",
	  "te_laat 2025-09-11 - O leerplicht" },

	/* zorgelijk_ziek: a sick report of 7 school days, or 4 (5) reports in 84 days. */
	{ "zorgelijk_ziek: 7 school days ill", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-20", "2026-03-02..2026-03-10 z 300",
	  "zorgelijk_ziek 2026-03-10 - O leerplicht" },
	{ "zorgelijk_ziek landelijk: 7 school days", "landelijk", "2012-05-01", 0, RULES_SORT_VO,
	  NULL, "2026-03-20", "2026-03-02..2026-03-10 z 300",
	  "zorgelijk_ziek 2026-03-10 - O leerplicht" },
	{ "6 school days ill is not enough", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-20", "2026-03-02..2026-03-09 z 300", "" },
	{ "a vacation does not break a sick report", "haaglanden", "2012-05-01", 0, RULES_SORT_VO,
	  VOORJAAR26, "2026-03-20", "2026-02-10..2026-02-13 z 300; 2026-02-23..2026-02-25 z 300",
	  "zorgelijk_ziek 2026-02-25 - O leerplicht" },
	{ "without the vacation the school days break it", "haaglanden", "2012-05-01", 0,
	  RULES_SORT_VO, NULL, "2026-03-20",
	  "2026-02-10..2026-02-13 z 300; 2026-02-23..2026-02-25 z 300", "" },
	{ "ziek on a Saturday is no school day", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-20", "2026-03-02..2026-03-06 z 300; 2026-03-07 z 300; 2026-03-09 z 300", "" },
	{ "4 sick reports in 12 weeks", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-20", "2026-01-12 z 300; 2026-02-02 z 300; 2026-02-23 z 300; 2026-03-16 z 300",
	  "zorgelijk_ziek 2026-03-16 - O leerplicht" },
	{ "4 sick reports rivierenland", "rivierenland", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-20", "2026-01-12 z 300; 2026-02-02 z 300; 2026-02-23 z 300; 2026-03-16 z 300",
	  "zorgelijk_ziek 2026-03-16 - O leerplicht" },
	{ "landelijk needs 5 sick reports", "landelijk", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-20", "2026-01-12 z 300; 2026-02-02 z 300; 2026-02-23 z 300; 2026-03-16 z 300",
	  "" },
	{ "landelijk: the 5th sick report", "landelijk", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-20", "2026-01-12 z 300; 2026-02-02 z 300; 2026-02-23 z 300; 2026-03-09 z 300; "
	  "2026-03-16 z 300", "zorgelijk_ziek 2026-03-16 - O leerplicht" },
	{ "a report 84 days back is outside the 12 weeks", "haaglanden", "2012-05-01", 0,
	  RULES_SORT_VO, NULL, "2026-02-27",
	  "2025-12-01 z 300; 2026-01-12 z 300; 2026-02-02 z 300; 2026-02-23 z 300", "" },
	{ "a report 83 days back is inside", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-02-27",
	  "2025-12-02 z 300; 2026-01-12 z 300; 2026-02-02 z 300; 2026-02-23 z 300",
	  "zorgelijk_ziek 2026-02-23 - O leerplicht" },
	{ "adjacent school days are one sick report", "haaglanden", "2012-05-01", 0, RULES_SORT_VO,
	  NULL, "2026-03-20",
	  "2026-01-09 z 300; 2026-01-12 z 300; 2026-02-02 z 300; 2026-02-23 z 300", "" },
	/* The first day of D's school year is a day like any other: reports carried over count. */
	{ "4 sick reports before 1 August: the signal of the old school year", "haaglanden",
	  "2012-05-01", 0, RULES_SORT_VO, NULL, "2024-07-31",
	  "2024-06-03 z 300; 2024-06-17 z 300; 2024-07-01 z 300; 2024-07-15 z 300",
	  "zorgelijk_ziek 2024-07-15 - O leerplicht" },
	{ "4 sick reports in the 84 days ending 1 August: due on 1 August", "haaglanden",
	  "2012-05-01", 0, RULES_SORT_VO, NULL, "2024-09-20",
	  "2024-06-03 z 300; 2024-06-17 z 300; 2024-07-01 z 300; 2024-07-15 z 300",
	  "zorgelijk_ziek 2024-08-01 - O leerplicht" },
	{ "on 1 August the oldest of 4 reports is 87 days back: no signal", "haaglanden",
	  "2012-05-01", 0, RULES_SORT_VO, NULL, "2024-09-20",
	  "2024-05-06 z 300; 2024-06-17 z 300; 2024-07-01 z 300; 2024-07-15 z 300", "" },
	{ "zorgelijk_ziek once per school year", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-06-30", "2026-03-02..2026-03-10 z 300; 2026-05-11..2026-05-20 z 300",
	  "zorgelijk_ziek 2026-03-10 - O leerplicht" },

	/* lrv: continuous absence, datum F + 27; 16uur suppressed from then on. */
	{ "continuous absence, day 27: no lrv yet", "haaglanden", "2012-05-01", 0, RULES_SORT_VO,
	  NULL, "2026-03-28", "2026-03-02..2026-03-27 o 300",
	  "16uur 2026-03-05 2026-03-12 V leerplicht; 16uur 2026-03-11 2026-03-18 V leerplicht; "
	  "16uur 2026-03-17 2026-03-24 V leerplicht; 16uur 2026-03-23 2026-03-30 V leerplicht; "
	  "16uur 2026-03-27 2026-04-07 V leerplicht" },
	{ "continuous absence, day 28: lrv", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-29", "2026-03-02..2026-03-27 o 300",
	  "16uur 2026-03-05 2026-03-12 V leerplicht; 16uur 2026-03-11 2026-03-18 V leerplicht; "
	  "16uur 2026-03-17 2026-03-24 V leerplicht; 16uur 2026-03-23 2026-03-30 V leerplicht; "
	  "16uur 2026-03-27 2026-04-07 V leerplicht; lrv 2026-03-29 2026-04-07 V leerplicht" },
	{ "continuous absence, day 29", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-30", "2026-03-02..2026-03-30 o 300",
	  "16uur 2026-03-05 2026-03-12 V leerplicht; 16uur 2026-03-11 2026-03-18 V leerplicht; "
	  "16uur 2026-03-17 2026-03-24 V leerplicht; 16uur 2026-03-23 2026-03-30 V leerplicht; "
	  "16uur 2026-03-27 2026-04-07 V leerplicht; lrv 2026-03-29 2026-04-07 V leerplicht" },
	{ "no 16uur after the lrv datum while the run lasts", "haaglanden", "2012-05-01", 0,
	  RULES_SORT_VO, NULL, "2026-04-02", "2026-03-02..2026-04-02 o 300",
	  "16uur 2026-03-05 2026-03-12 V leerplicht; 16uur 2026-03-11 2026-03-18 V leerplicht; "
	  "16uur 2026-03-17 2026-03-24 V leerplicht; 16uur 2026-03-23 2026-03-30 V leerplicht; "
	  "16uur 2026-03-27 2026-04-07 V leerplicht; lrv 2026-03-29 2026-04-07 V leerplicht" },
	{ "a school day present breaks the run", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL,
	  "2026-03-31",
	  "2026-03-02..2026-03-09 o 300; 2026-03-10 o 200; 2026-03-11..2026-03-31 o 300",
	  "16uur 2026-03-05 2026-03-12 V leerplicht; 16uur 2026-03-11 2026-03-18 V leerplicht; "
	  "16uur 2026-03-17 2026-03-24 V leerplicht; 16uur 2026-03-23 2026-03-30 V leerplicht; "
	  "16uur 2026-03-27 2026-04-07 V leerplicht; licht 2026-03-31 - O leerplicht" },
	{ "a vacation inside the run does not break it", "haaglanden", "2012-05-01", 0,
	  RULES_SORT_VO, VOORJAAR26, "2026-03-01",
	  "2026-02-02..2026-02-13 o 300; 2026-02-23..2026-02-27 o 300",
	  "16uur 2026-02-05 2026-02-12 V leerplicht; 16uur 2026-02-11 2026-02-18 V leerplicht; "
	  "16uur 2026-02-24 2026-03-03 V leerplicht; lrv 2026-03-01 2026-03-06 V leerplicht" },
	{ "a run that ended before D gives no lrv", "haaglanden", "2012-05-01", 0, RULES_SORT_VO,
	  NULL, "2026-04-01", "2026-03-02..2026-03-30 o 300",
	  "16uur 2026-03-05 2026-03-12 V leerplicht; 16uur 2026-03-11 2026-03-18 V leerplicht; "
	  "16uur 2026-03-17 2026-03-24 V leerplicht; 16uur 2026-03-23 2026-03-30 V leerplicht; "
	  "16uur 2026-03-27 2026-04-07 V leerplicht" },

	/* rmc18: 18–22 without startkwalificatie, F + 27 and every 28 days; afwezig5w F + 35. */
	{ "rmc18 and its vervolgmelding, afwezig5w", "haaglanden", "2006-05-01", 0, RULES_SORT_VO,
	  NULL, "2026-04-27", "2026-03-02..2026-04-02 o 300; 2026-04-07..2026-04-24 o 300",
	  "16uur 2026-03-05 2026-03-12 V rmc; 16uur 2026-03-11 2026-03-18 V rmc; "
	  "16uur 2026-03-17 2026-03-24 V rmc; 16uur 2026-03-23 2026-03-30 V rmc; "
	  "16uur 2026-03-27 2026-04-07 V rmc; rmc18 2026-03-29 2026-04-07 V rmc; "
	  "afwezig5w 2026-04-06 - O -; rmc18 2026-04-26 2026-05-04 V rmc" },
	{ "afwezig5w only in vo and mbo", "haaglanden", "2006-05-01", 0, RULES_SORT_PO,
	  NULL, "2026-04-27", "2026-03-02..2026-04-02 o 300; 2026-04-07..2026-04-24 o 300",
	  "16uur 2026-03-05 2026-03-12 V rmc; 16uur 2026-03-11 2026-03-18 V rmc; "
	  "16uur 2026-03-17 2026-03-24 V rmc; 16uur 2026-03-23 2026-03-30 V rmc; "
	  "16uur 2026-03-27 2026-04-07 V rmc; rmc18 2026-03-29 2026-04-07 V rmc; "
	  "rmc18 2026-04-26 2026-05-04 V rmc" },
	{ "afwezig5w: span 35 is not more than 35", "haaglanden", "2006-05-01", 0, RULES_SORT_MBO,
	  NULL, "2026-04-05", "2026-03-02..2026-04-02 o 300",
	  "16uur 2026-03-05 2026-03-12 V rmc; 16uur 2026-03-11 2026-03-18 V rmc; "
	  "16uur 2026-03-17 2026-03-24 V rmc; 16uur 2026-03-23 2026-03-30 V rmc; "
	  "16uur 2026-03-27 2026-04-07 V rmc; rmc18 2026-03-29 2026-04-07 V rmc" },
	{ "afwezig5w: span 36", "haaglanden", "2006-05-01", 0, RULES_SORT_MBO,
	  NULL, "2026-04-06", "2026-03-02..2026-04-02 o 300",
	  "16uur 2026-03-05 2026-03-12 V rmc; 16uur 2026-03-11 2026-03-18 V rmc; "
	  "16uur 2026-03-17 2026-03-24 V rmc; 16uur 2026-03-23 2026-03-30 V rmc; "
	  "16uur 2026-03-27 2026-04-07 V rmc; rmc18 2026-03-29 2026-04-07 V rmc; "
	  "afwezig5w 2026-04-06 - O -" },
	{ "turning 18 during the run: rmc18, 16uur routed by its own datum", "haaglanden",
	  "2008-03-10", 0, RULES_SORT_MBO, NULL, "2026-03-29", "2026-03-02..2026-03-27 o 300",
	  "16uur 2026-03-05 2026-03-12 V leerplicht; 16uur 2026-03-11 2026-03-18 V rmc; "
	  "16uur 2026-03-17 2026-03-24 V rmc; 16uur 2026-03-23 2026-03-30 V rmc; "
	  "16uur 2026-03-27 2026-04-07 V rmc; rmc18 2026-03-29 2026-04-07 V rmc" },

	/* plicht geen on D: no signals at all. */
	{ "startkwalificatie at 19: no signals", "haaglanden", "2006-05-01", SK, RULES_SORT_MBO,
	  NULL, "2026-04-27", "2026-03-02..2026-04-02 o 300; 2026-04-07..2026-04-24 o 300", "" },
	{ "23 or older: no signals", "haaglanden", "2000-01-01", 0, RULES_SORT_MBO, NULL,
	  "2026-03-20", "2026-03-02..2026-03-06 o 300", "" },
	{ "exempt 17-year-old: no signals", "haaglanden", "2009-01-15", VR, RULES_SORT_VO, NULL,
	  "2026-03-06", "2026-03-02..2026-03-05 o 300", "" },
	{ "no registrations", "haaglanden", "2012-05-01", 0, RULES_SORT_VO, NULL, "2026-03-06",
	  "", "" },
};

static void
format_signals(const struct rules_signal *s, size_t n, char *buf, size_t len)
{
	size_t off = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && off < len; i++) {
		char a[11], b[11];
		const char *loket = rules_loket_names[s[i].loket];
		off += (size_t)snprintf(buf + off, len - off, "%s%s %s %s %s %s", i ? "; " : "",
		    rules_signal_names[s[i].kind], fmt(s[i].datum, a), fmt(s[i].uiterlijk_melden, b),
		    s[i].verplicht ? "V" : "O", loket ? loket : "-");
	}
}

static void
run_signal_case(const struct sig_case *c, int with_table)
{
	struct rules_policy pols[8];
	struct rules_registration regs[1024];
	struct rules_signal sig[64];
	struct rules_calendar cal;
	struct rules_vacation v[32];
	size_t npol, line, nregs = 0, nsig;
	char got[4096];

	ck_assert_int_eq(rules_policies_parse(POLICIES, strlen(POLICIES), pols, 8, &npol, &line),
	    RULES_OK);
	const struct rules_policy *pol = rules_policy_find(pols, npol, c->regio);
	ck_assert_ptr_nonnull(pol);
	if (c->regs[0] != '\0')
		nregs = parse_regs(c->regs, regs, NELEM(regs));
	size_t nv = parse_vacations(c->vac, v, NELEM(v));
	if (with_table)
		ck_assert_int_eq(rules_calendar_init(&cal, v, nv, 1, date_of("2025-01-01"),
		    date_of("2026-12-31")), RULES_OK);
	else
		ck_assert_int_eq(rules_calendar_init(&cal, v, nv, 1, 1, 0), RULES_OK);
	struct rules_student st = { date_of(c->geboren), c->flags & SK, (c->flags & VR) != 0,
		c->sort };
	int rc = rules_signals(&cal, pol, &st, regs, nregs, date_of(c->op), sig, NELEM(sig), &nsig);
	rules_calendar_free(&cal);
	ck_assert_int_eq(rc, RULES_OK);
	format_signals(sig, nsig, got, sizeof(got));
	ck_assert_msg(strcmp(got, c->want) == 0, "%s%s:\n got  %s\n want %s", c->name,
	    with_table ? "" : " (no table)", got, c->want);
}

START_TEST(test_signals)
{
	run_signal_case(&signals[_i], 1);
}
END_TEST

START_TEST(test_signals_slow_calendar)
{
	run_signal_case(&signals[_i], 0);
}
END_TEST

START_TEST(test_signals_errors)
{
	struct rules_policy pols[8];
	struct rules_registration regs[64];
	struct rules_signal sig[2];
	struct rules_calendar cal;
	size_t npol, line, nsig;
	struct rules_student st = { date_of("2012-05-01"), 0, 0, RULES_SORT_VO };

	ck_assert_int_eq(rules_policies_parse(POLICIES, strlen(POLICIES), pols, 8, &npol, &line),
	    RULES_OK);
	make_calendar(&cal, NULL, 1);
	/* Too small an output array: the count needed is reported. */
	size_t n = parse_regs("2026-03-02..2026-03-27 o 300", regs, NELEM(regs));
	ck_assert_int_eq(rules_signals(&cal, &pols[0], &st, regs, n, date_of("2026-03-29"), sig,
	    NELEM(sig), &nsig), RULES_ESPACE);
	ck_assert_uint_eq(nsig, 6);
	/* Unsorted input. */
	n = parse_regs("2026-03-03 o 300; 2026-03-02 o 300", regs, NELEM(regs));
	ck_assert_int_eq(rules_signals(&cal, &pols[0], &st, regs, n, date_of("2026-03-29"), sig,
	    NELEM(sig), &nsig), RULES_EUNSORTED);
	rules_registrations_sort(regs, n);
	ck_assert_int_eq(rules_signals(&cal, &pols[0], &st, regs, n, date_of("2026-03-29"), sig,
	    NELEM(sig), &nsig), RULES_OK);
	rules_calendar_free(&cal);
}
END_TEST

/* ---------------------------------------------------------------- §8 leave */

static const struct leave_case {
	const char *name;
	const char *vac;
	enum rules_leave_ground grond;
	enum rules_leave_category cat;
	int graad;
	enum rules_place waar;
	const char *van, *tot, *geboren;
	int dagen_per_week, eerder_11g, eerder_11f, verklaring;
	const char *redenen;            /* space-separated codes */
	int rc;                         /* RULES_OK or RULES_EINVAL */
	int schooldagen, max_dagen;     /* -1: null */
	const char *beslisser;
	int toegestaan;
	const char *bezwaren;           /* space-separated */
} leaves[] = {
#define F11 RULES_GROUND_11F
#define G11 RULES_GROUND_11G
#define NO RULES_WAAR_NONE
#define LP "2012-05-01"         /* leerplichtig in 2025–2026 */
#define KP "2009-01-15"         /* kwalificatieplichtig in 2025–2026 */
	/* 11f: ≤ 10 school days, once per school year, directeur. */
	{ "11f within the limit", NULL, F11, 0, 0, NO, "2025-10-06", "2025-10-10", LP, 5, 0, 0, 1,
	  "", RULES_OK, 5, 10, "directeur", 1, "" },
	{ "11f 10 school days", NULL, F11, 0, 0, NO, "2025-10-06", "2025-10-17", LP, 5, 0, 0, 1,
	  "", RULES_OK, 10, 10, "directeur", 1, "" },
	{ "11f 11 school days: max_overschreden, never forwarded", NULL, F11, 0, 0, NO,
	  "2025-10-06", "2025-10-20", LP, 5, 0, 0, 1, "", RULES_OK, 11, 10, "directeur", 0,
	  "max_overschreden" },
	{ "11f counts school days only", HERFST25, F11, 0, 0, NO, "2025-10-13", "2025-10-31", LP,
	  5, 0, 0, 1, "", RULES_OK, 10, 10, "directeur", 1, "" },
	{ "11f in the first two school weeks", ZOMER25, F11, 0, 0, NO, "2025-09-05", "2025-09-05",
	  LP, 5, 0, 0, 1, "", RULES_OK, 1, 10, "directeur", 0, "eerste_twee_lesweken" },
	{ "11f from the third school week", ZOMER25, F11, 0, 0, NO, "2025-09-08", "2025-09-12",
	  LP, 5, 0, 0, 1, "", RULES_OK, 5, 10, "directeur", 1, "" },
	{ "11f ending in the first school week", ZOMER25, F11, 0, 0, NO, "2025-08-18",
	  "2025-08-25", LP, 5, 0, 0, 1, "", RULES_OK, 1, 10, "directeur", 0,
	  "eerste_twee_lesweken" },
	{ "11f without vacations: school starts 1 August", NULL, F11, 0, 0, NO, "2025-08-08",
	  "2025-08-08", LP, 5, 0, 0, 1, "", RULES_OK, 1, 10, "directeur", 0,
	  "eerste_twee_lesweken" },
	{ "11f once per school year", NULL, F11, 0, 0, NO, "2025-10-06", "2025-10-07", LP, 5, 0, 1,
	  1, "", RULES_OK, 2, 10, "directeur", 0, "al_11f_dit_schooljaar" },
	{ "11f needs the employer's statement", NULL, F11, 0, 0, NO, "2025-10-06", "2025-10-07",
	  LP, 5, 0, 0, 0, "", RULES_OK, 2, 10, "directeur", 0, "verklaring_ontbreekt" },
	{ "11f part-time kwalificatieplichtige: 3 days a week, 6", NULL, F11, 0, 0, NO,
	  "2025-10-06", "2025-10-14", KP, 3, 0, 0, 1, "", RULES_OK, 7, 6, "directeur", 0,
	  "max_overschreden" },
	{ "11f part-time kwalificatieplichtige: 4 days, 8", NULL, F11, 0, 0, NO, "2025-10-06",
	  "2025-10-15", KP, 4, 0, 0, 1, "", RULES_OK, 8, 8, "directeur", 1, "" },
	{ "11f part-time kwalificatieplichtige: 1 day, 2", NULL, F11, 0, 0, NO, "2025-10-06",
	  "2025-10-07", KP, 1, 0, 0, 1, "", RULES_OK, 2, 2, "directeur", 1, "" },
	{ "11f full-time kwalificatieplichtige: 10", NULL, F11, 0, 0, NO, "2025-10-06",
	  "2025-10-07", KP, 5, 0, 0, 1, "", RULES_OK, 2, 10, "directeur", 1, "" },
	{ "11f part-time leerplichtige keeps 10", NULL, F11, 0, 0, NO, "2025-10-06", "2025-10-07",
	  LP, 3, 0, 0, 1, "", RULES_OK, 2, 10, "directeur", 1, "" },
	{ "11f plicht on the first day decides the share", NULL, F11, 0, 0, NO, "2026-07-27",
	  "2026-08-04", "2010-07-31", 3, 0, 0, 1, "", RULES_OK, 7, 10, "directeur", 1, "" },
	{ "11f: the first two weeks of the school year of van", NULL, F11, 0, 0, NO, "2026-08-03",
	  "2026-08-04", "2010-07-31", 3, 0, 0, 1, "", RULES_OK, 2, 6, "directeur", 0,
	  "eerste_twee_lesweken" },
	{ "11f for an 18-year-old: niet_leerplichtig", NULL, F11, 0, 0, NO, "2025-10-06",
	  "2025-10-07", "2005-01-15", 5, 0, 0, 1, "", RULES_OK, 2, 10, "directeur", 0,
	  "niet_leerplichtig" },
	{ "11f: every code in order", NULL, F11, 0, 0, NO, "2025-08-04", "2025-08-19",
	  "2005-01-15", 5, 0, 1, 0, "sabbatical kroonjaren", RULES_OK, 12, 10, "directeur", 0,
	  "max_overschreden eerste_twee_lesweken al_11f_dit_schooljaar verklaring_ontbreekt "
	  "niet_leerplichtig weigergrond:sabbatical weigergrond:kroonjaren" },

	/* 11g categories and maxima. */
	{ "huwelijk in the region: 1", NULL, G11, RULES_CAT_HUWELIJK, 2, RULES_WAAR_REGIO,
	  "2026-03-06", "2026-03-06", LP, 5, 0, 0, 1, "", RULES_OK, 1, 1, "directeur", 1, "" },
	{ "huwelijk in the region: 2 days is too many", NULL, G11, RULES_CAT_HUWELIJK, 1,
	  RULES_WAAR_REGIO, "2026-03-05", "2026-03-06", LP, 5, 0, 0, 1, "", RULES_OK, 2, 1,
	  "directeur", 0, "max_overschreden" },
	{ "huwelijk elsewhere in NL: 2", NULL, G11, RULES_CAT_HUWELIJK, 3, RULES_WAAR_NEDERLAND,
	  "2026-03-05", "2026-03-06", LP, 5, 0, 0, 1, "", RULES_OK, 2, 2, "directeur", 1, "" },
	{ "huwelijk abroad: 5", NULL, G11, RULES_CAT_HUWELIJK, 1, RULES_WAAR_BUITENLAND,
	  "2026-03-02", "2026-03-06", LP, 5, 0, 0, 1, "", RULES_OK, 5, 5, "directeur", 1, "" },
	{ "huwelijk in the 4th degree", NULL, G11, RULES_CAT_HUWELIJK, 4, RULES_WAAR_REGIO,
	  "2026-03-06", "2026-03-06", LP, 5, 0, 0, 1, "", RULES_OK, 1, 1, "directeur", 0,
	  "graad_buiten_categorie" },
	{ "huwelijk without graad", NULL, G11, RULES_CAT_HUWELIJK, 0, RULES_WAAR_NEDERLAND,
	  "2026-03-06", "2026-03-06", LP, 5, 0, 0, 1, "", RULES_OK, 1, 2, "directeur", 1, "" },
	{ "huwelijk without waar is bad input", NULL, G11, RULES_CAT_HUWELIJK, 1, NO,
	  "2026-03-06", "2026-03-06", LP, 5, 0, 0, 1, "", RULES_EINVAL, 0, 0, NULL, 0, NULL },
	{ "overlijden 1st degree: 5", NULL, G11, RULES_CAT_OVERLIJDEN, 1, NO, "2026-03-02",
	  "2026-03-06", LP, 5, 0, 0, 1, "", RULES_OK, 5, 5, "directeur", 1, "" },
	{ "overlijden 2nd degree: 2", NULL, G11, RULES_CAT_OVERLIJDEN, 2, RULES_WAAR_NEDERLAND,
	  "2026-03-02", "2026-03-04", LP, 5, 0, 0, 1, "", RULES_OK, 3, 2, "directeur", 0,
	  "max_overschreden" },
	{ "overlijden 3rd degree: 1", NULL, G11, RULES_CAT_OVERLIJDEN, 3, RULES_WAAR_REGIO,
	  "2026-03-02", "2026-03-02", LP, 5, 0, 0, 1, "", RULES_OK, 1, 1, "directeur", 1, "" },
	{ "overlijden 4th degree: 1", NULL, G11, RULES_CAT_OVERLIJDEN, 4, NO, "2026-03-02",
	  "2026-03-02", LP, 5, 0, 0, 1, "", RULES_OK, 1, 1, "directeur", 1, "" },
	{ "overlijden abroad, 4th degree: 5", NULL, G11, RULES_CAT_OVERLIJDEN, 4,
	  RULES_WAAR_BUITENLAND, "2026-03-02", "2026-03-06", LP, 5, 0, 0, 1, "", RULES_OK, 5, 5,
	  "directeur", 1, "" },
	{ "overlijden without graad is bad input", NULL, G11, RULES_CAT_OVERLIJDEN, 0,
	  RULES_WAAR_NEDERLAND, "2026-03-02", "2026-03-02", LP, 5, 0, 0, 1, "", RULES_EINVAL, 0, 0,
	  NULL, 0, NULL },
	{ "jubileum of grandparents: 1", NULL, G11, RULES_CAT_JUBILEUM, 2, NO, "2026-03-02",
	  "2026-03-02", LP, 5, 0, 0, 1, "", RULES_OK, 1, 1, "directeur", 1, "" },
	{ "jubileum of an uncle: graad_buiten_categorie", NULL, G11, RULES_CAT_JUBILEUM, 3, NO,
	  "2026-03-02", "2026-03-02", LP, 5, 0, 0, 1, "", RULES_OK, 1, 1, "directeur", 0,
	  "graad_buiten_categorie" },
	{ "verhuizing: 1", NULL, G11, RULES_CAT_VERHUIZING, 0, NO, "2026-03-02", "2026-03-03", LP,
	  5, 0, 0, 1, "", RULES_OK, 2, 1, "directeur", 0, "max_overschreden" },
	{ "ziekte_familie: no maximum", NULL, G11, RULES_CAT_ZIEKTE_FAMILIE, 3, NO, "2026-03-02",
	  "2026-03-13", LP, 5, 0, 0, 1, "", RULES_OK, 10, -1, "directeur", 1, "" },
	{ "ziekte_familie in the 4th degree", NULL, G11, RULES_CAT_ZIEKTE_FAMILIE, 4, NO,
	  "2026-03-02", "2026-03-02", LP, 5, 0, 0, 1, "", RULES_OK, 1, -1, "directeur", 0,
	  "graad_buiten_categorie" },
	{ "wettelijk: no maximum", NULL, G11, RULES_CAT_WETTELIJK, 0, NO, "2026-03-02",
	  "2026-03-03", LP, 5, 0, 0, 1, "", RULES_OK, 2, -1, "directeur", 1, "" },
	{ "overig: no maximum, more than 10 days to leerplicht", NULL, G11, RULES_CAT_OVERIG, 0,
	  NO, "2026-03-02", "2026-03-16", LP, 5, 0, 0, 1, "", RULES_OK, 11, -1, "leerplicht", 1,
	  "" },

	/* 11g: the school year's total decides who decides. */
	{ "11g total 10: directeur", NULL, G11, RULES_CAT_VERHUIZING, 0, NO, "2026-03-02",
	  "2026-03-02", LP, 5, 9, 0, 1, "", RULES_OK, 1, 1, "directeur", 1, "" },
	{ "11g total 11: leerplicht", NULL, G11, RULES_CAT_VERHUIZING, 0, NO, "2026-03-02",
	  "2026-03-02", LP, 5, 10, 0, 1, "", RULES_OK, 1, 1, "leerplicht", 1, "" },
	{ "11g 8 earlier + 3: leerplicht", NULL, G11, RULES_CAT_OVERIG, 0, NO, "2026-03-02",
	  "2026-03-04", LP, 5, 8, 0, 1, "", RULES_OK, 3, -1, "leerplicht", 1, "" },
	{ "11g 7 earlier + 3: directeur", NULL, G11, RULES_CAT_OVERIG, 0, NO, "2026-03-02",
	  "2026-03-04", LP, 5, 7, 0, 1, "", RULES_OK, 3, -1, "directeur", 1, "" },
	{ "11g needs evidence", NULL, G11, RULES_CAT_OVERIG, 0, NO, "2026-03-02", "2026-03-02", LP,
	  5, 0, 0, 0, "", RULES_OK, 1, -1, "directeur", 0, "verklaring_ontbreekt" },
	{ "11g is allowed in the first two school weeks", ZOMER25, G11, RULES_CAT_OVERIG, 0, NO,
	  "2025-08-25", "2025-08-25", LP, 5, 0, 0, 1, "", RULES_OK, 1, -1, "directeur", 1, "" },
	{ "11g counts Koningsdag and Bevrijdingsdag out", NULL, G11, RULES_CAT_OVERIG, 0, NO,
	  "2026-04-27", "2026-05-08", LP, 5, 0, 0, 1, "", RULES_OK, 8, -1, "directeur", 1, "" },
	{ "11g: every code in order", NULL, G11, RULES_CAT_HUWELIJK, 4, RULES_WAAR_REGIO,
	  "2026-03-02", "2026-03-03", "2000-01-01", 5, 0, 1, 0,
	  "konvooi familiebezoek_buitenland konvooi", RULES_OK, 2, 1, "directeur", 0,
	  "max_overschreden verklaring_ontbreekt graad_buiten_categorie niet_leerplichtig "
	  "weigergrond:konvooi weigergrond:familiebezoek_buitenland" },

	/* Never a ground for leave: each refusal reason. */
	{ "weigergronden in input order", NULL, G11, RULES_CAT_OVERIG, 0, NO, "2026-03-02",
	  "2026-03-02", LP, 5, 0, 0, 1, "wereldreis familiebezoek_buitenland goedkope_tickets "
	  "tickets_gekocht vakantiespreiding broers_zussen_vrij verkeersdrukte konvooi kroonjaren "
	  "sabbatical", RULES_OK, 1, -1, "directeur", 0,
	  "weigergrond:wereldreis weigergrond:familiebezoek_buitenland weigergrond:goedkope_tickets "
	  "weigergrond:tickets_gekocht weigergrond:vakantiespreiding weigergrond:broers_zussen_vrij "
	  "weigergrond:verkeersdrukte weigergrond:konvooi weigergrond:kroonjaren "
	  "weigergrond:sabbatical" },
	{ "van after tot is bad input", NULL, G11, RULES_CAT_OVERIG, 0, NO, "2026-03-03",
	  "2026-03-02", LP, 5, 0, 0, 1, "", RULES_EINVAL, 0, 0, NULL, 0, NULL },
};

START_TEST(test_leave)
{
	const struct leave_case *c = &leaves[_i];
	struct rules_leave_request r;
	struct rules_leave_verdict v;
	struct rules_calendar cal;
	char got[1024], buf[512], *save = NULL;
	size_t off = 0;

	memset(&r, 0, sizeof(r));
	r.grond = c->grond;
	r.categorie = c->cat;
	r.graad = c->graad;
	r.waar = c->waar;
	r.van = date_of(c->van);
	r.tot = date_of(c->tot);
	r.student.geboren = date_of(c->geboren);
	r.student.sort = RULES_SORT_VO;
	r.dagen_per_week = c->dagen_per_week;
	r.eerder_11g_dagen = c->eerder_11g;
	r.eerder_11f = c->eerder_11f;
	r.verklaring = c->verklaring;
	snprintf(buf, sizeof(buf), "%s", c->redenen);
	for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		int k;
		for (k = 0; k < RULES_REFUSAL__MAX; k++)
			if (strcmp(t, rules_refusal_names[k]) == 0)
				break;
		ck_assert_msg(k < RULES_REFUSAL__MAX, "code %s", t);
		r.redenen[r.nredenen++] = (enum rules_refusal)k;
	}
	make_calendar(&cal, c->vac, 1);
	int rc = rules_leave_evaluate(&cal, &r, &v);
	rules_calendar_free(&cal);
	ck_assert_msg(rc == c->rc, "%s: rc %d, want %d", c->name, rc, c->rc);
	if (rc != RULES_OK)
		return;
	got[0] = '\0';
	for (size_t i = 0; i < v.nbezwaren; i++)
		off += (size_t)snprintf(got + off, sizeof(got) - off, "%s%s", off ? " " : "",
		    rules_objection_names[v.bezwaren[i]]);
	for (size_t i = 0; i < v.nweigergronden; i++)
		off += (size_t)snprintf(got + off, sizeof(got) - off, "%sweigergrond:%s",
		    off ? " " : "", rules_refusal_names[v.weigergronden[i]]);
	ck_assert_msg(v.schooldagen == c->schooldagen, "%s: schooldagen %d, want %d", c->name,
	    v.schooldagen, c->schooldagen);
	ck_assert_msg(v.max_dagen == c->max_dagen, "%s: max_dagen %d, want %d", c->name,
	    v.max_dagen, c->max_dagen);
	ck_assert_msg(strcmp(rules_decider_names[v.beslisser], c->beslisser) == 0,
	    "%s: beslisser %s", c->name, rules_decider_names[v.beslisser]);
	ck_assert_msg(strcmp(got, c->bezwaren) == 0, "%s:\n got  %s\n want %s", c->name, got,
	    c->bezwaren);
	ck_assert_msg(v.toegestaan == c->toegestaan, "%s: toegestaan %d", c->name, v.toegestaan);
}
END_TEST

static Suite *
rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc;

	tc = tcase_create("calendar");
	tcase_add_loop_test(tc, test_date_parse, 0, NELEM(date_parses));
	tcase_add_test(tc, test_date_basics);
	tcase_add_loop_test(tc, test_easter, 0, NELEM(easters));
	tcase_add_loop_test(tc, test_nl_time, 0, NELEM(nl_times));
	tcase_add_loop_test(tc, test_date_long, 0, NELEM(long_dates));
	tcase_add_loop_test(tc, test_holidays, 0, NELEM(holidays));
	tcase_add_loop_test(tc, test_werkdagen, 0, NELEM(werkdagen));
	tcase_add_loop_test(tc, test_schooldagen, 0, NELEM(schooldagen));
	tcase_add_loop_test(tc, test_werkdagen_count, 0, NELEM(werkdagen_counts));
	tcase_add_loop_test(tc, test_window, 0, NELEM(windows));
	tcase_add_loop_test(tc, test_first_two_weeks, 0, NELEM(first_weeks));
	suite_add_tcase(s, tc);

	tc = tcase_create("plicht");
	tcase_add_loop_test(tc, test_plicht, 0, NELEM(plichten));
	tcase_add_test(tc, test_age);
	suite_add_tcase(s, tc);

	tc = tcase_create("policy");
	tcase_add_loop_test(tc, test_policy_parse, 0, NELEM(policy_rows));
	tcase_add_loop_test(tc, test_policy_file, 0, NELEM(policy_rows));
	tcase_add_loop_test(tc, test_policy_bad, 0, NELEM(bad_policies));
	suite_add_tcase(s, tc);

	tc = tcase_create("signals");
	tcase_add_loop_test(tc, test_signals, 0, NELEM(signals));
	tcase_add_loop_test(tc, test_signals_slow_calendar, 0, NELEM(signals));
	tcase_add_test(tc, test_signals_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("leave");
	tcase_add_loop_test(tc, test_leave, 0, NELEM(leaves));
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(rules_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
