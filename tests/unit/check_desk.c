/*
 * The desk's rules of SPEC §6 (pages/desk_rules.c), table-driven: status changes with their
 * preconditions, MAS actions with theirs, the ordinal words, and the Europe/Amsterdam time helpers.
 */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "pages/desk.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------- status changes */

static const struct status_case {
	enum desk_status from;
	const char	*to;
	int		 staat;
	const char	*reason;
	const char	*feedback;
	int		 end_date;
	enum desk_refusal want;
} status_cases[] = {
	/* geregistreerd → in_behandeling needs the verzuimstaat */
	{ DESK_GEREGISTREERD, "in_behandeling", 1, NULL, NULL, 0, DESK_OK },
	{ DESK_GEREGISTREERD, "in_behandeling", 0, NULL, NULL, 1, DESK_ERR_NO_VERZUIMSTAAT },
	/* ter_kennisgeving instead of treatment, only from geregistreerd */
	{ DESK_GEREGISTREERD, "ter_kennisgeving", 0, NULL, NULL, 0, DESK_OK },
	{ DESK_IN_BEHANDELING, "ter_kennisgeving", 1, NULL, NULL, 0, DESK_ERR_TRANSITION },
	/* afgesloten: from in_behandeling, with reason, terugkoppeling and the school's end date */
	{ DESK_IN_BEHANDELING, "afgesloten", 1, "terug_naar_school", "Gesprek gevoerd.", 1, DESK_OK },
	{ DESK_IN_BEHANDELING, "afgesloten", 1, "overleden", "x", 1, DESK_OK },
	{ DESK_IN_BEHANDELING, "afgesloten", 1, NULL, "Gesprek gevoerd.", 1, DESK_ERR_NO_REASON },
	{ DESK_IN_BEHANDELING, "afgesloten", 1, "", "Gesprek gevoerd.", 1, DESK_ERR_NO_REASON },
	{ DESK_IN_BEHANDELING, "afgesloten", 1, "vakantie", "Gesprek gevoerd.", 1, DESK_ERR_NO_REASON },
	{ DESK_IN_BEHANDELING, "afgesloten", 1, "werk", NULL, 1, DESK_ERR_NO_FEEDBACK },
	{ DESK_IN_BEHANDELING, "afgesloten", 1, "werk", " \r\n\t", 1, DESK_ERR_NO_FEEDBACK },
	{ DESK_IN_BEHANDELING, "afgesloten", 1, "werk", "Aan het werk.", 0, DESK_ERR_NO_END_DATE },
	{ DESK_GEREGISTREERD, "afgesloten", 1, "werk", "Aan het werk.", 1, DESK_ERR_TRANSITION },
	/* nothing moves out of a final status */
	{ DESK_AFGESLOTEN, "in_behandeling", 1, NULL, NULL, 1, DESK_ERR_TRANSITION },
	{ DESK_TER_KENNISGEVING, "in_behandeling", 1, NULL, NULL, 1, DESK_ERR_TRANSITION },
	{ DESK_INGETROKKEN, "in_behandeling", 1, NULL, NULL, 1, DESK_ERR_TRANSITION },
	{ DESK_INGETROKKEN, "afgesloten", 1, "werk", "x", 1, DESK_ERR_TRANSITION },
	{ DESK_IN_BEHANDELING, "in_behandeling", 1, NULL, NULL, 1, DESK_ERR_TRANSITION },
	/* statuses the desk never sets, and nonsense */
	{ DESK_IN_BEHANDELING, "geregistreerd", 1, NULL, NULL, 1, DESK_ERR_UNKNOWN_STATUS },
	{ DESK_GEREGISTREERD, "ingetrokken", 1, NULL, NULL, 1, DESK_ERR_UNKNOWN_STATUS },
	{ DESK_GEREGISTREERD, "", 1, NULL, NULL, 1, DESK_ERR_UNKNOWN_STATUS },
	{ DESK_GEREGISTREERD, NULL, 1, NULL, NULL, 1, DESK_ERR_UNKNOWN_STATUS },
	{ DESK_GEREGISTREERD, "In_behandeling", 1, NULL, NULL, 1, DESK_ERR_UNKNOWN_STATUS },
};

START_TEST(test_status)
{
	const struct status_case *t = &status_cases[_i];
	struct desk_status_change c = { t->from, t->to, t->staat, t->reason, t->feedback,
	    t->end_date };

	ck_assert_msg(desk_status_check(&c) == t->want, "case %d: got %d, want %d", _i,
	    desk_status_check(&c), t->want);
}
END_TEST

/* ---------------------------------------------------------------- MAS actions */

static const struct mas_case {
	enum desk_status status;
	const char	*action;
	int		 rmc;
	int		 warned;
	int64_t		 minutes;
	enum desk_refusal want;
	int		 inspectie;	/* a schorsing or verwijdering, to the Inspectie */
} mas_cases[] = {
	{ DESK_IN_BEHANDELING, "kennisgevingsbrief", 0, 0, 0, DESK_OK, 0 },
	{ DESK_IN_BEHANDELING, "oproep", 1, 0, 0, DESK_OK, 0 },
	{ DESK_IN_BEHANDELING, "veilig_thuis", 1, 0, 0, DESK_OK, 0 },
	{ DESK_IN_BEHANDELING, "jeugdbeschermingstafel", 0, 0, 0, DESK_OK, 0 },
	/* proces-verbaal only after an officiële waarschuwing for the student */
	{ DESK_IN_BEHANDELING, "proces_verbaal", 0, 0, 2000, DESK_ERR_NO_WAARSCHUWING, 0 },
	{ DESK_IN_BEHANDELING, "proces_verbaal", 0, 1, 2000, DESK_OK, 0 },
	{ DESK_IN_BEHANDELING, "officiele_waarschuwing", 0, 0, 0, DESK_OK, 0 },
	/* Halt: 9 to 60 unauthorised hours, both included */
	{ DESK_IN_BEHANDELING, "halt", 0, 0, 9 * 60 - 1, DESK_ERR_HALT_HOURS, 0 },
	{ DESK_IN_BEHANDELING, "halt", 0, 0, 9 * 60, DESK_OK, 0 },
	{ DESK_IN_BEHANDELING, "halt", 0, 0, 30 * 60, DESK_OK, 0 },
	{ DESK_IN_BEHANDELING, "halt", 0, 0, 60 * 60, DESK_OK, 0 },
	{ DESK_IN_BEHANDELING, "halt", 0, 0, 60 * 60 + 1, DESK_ERR_HALT_HOURS, 0 },
	{ DESK_IN_BEHANDELING, "halt", 0, 0, 0, DESK_ERR_HALT_HOURS, 0 },
	/* RMC has no sanction powers, whatever else holds */
	{ DESK_IN_BEHANDELING, "officiele_waarschuwing", 1, 0, 0, DESK_ERR_RMC_SANCTION, 0 },
	{ DESK_IN_BEHANDELING, "halt", 1, 0, 20 * 60, DESK_ERR_RMC_SANCTION, 0 },
	{ DESK_IN_BEHANDELING, "proces_verbaal", 1, 1, 20 * 60, DESK_ERR_RMC_SANCTION, 0 },
	{ DESK_GEREGISTREERD, "proces_verbaal", 1, 1, 20 * 60, DESK_ERR_RMC_SANCTION, 0 },
	/* a schorsing or verwijdering is no verzuim: no sanctions, other actions are fine */
	{ DESK_IN_BEHANDELING, "officiele_waarschuwing", 0, 0, 0, DESK_ERR_NO_VERZUIM, 1 },
	{ DESK_IN_BEHANDELING, "halt", 0, 0, 20 * 60, DESK_ERR_NO_VERZUIM, 1 },
	{ DESK_IN_BEHANDELING, "proces_verbaal", 0, 1, 20 * 60, DESK_ERR_NO_VERZUIM, 1 },
	{ DESK_IN_BEHANDELING, "huisbezoek", 0, 0, 0, DESK_OK, 1 },
	{ DESK_IN_BEHANDELING, "jeugdhulp", 1, 0, 0, DESK_OK, 1 },
	/* only on a melding in treatment */
	{ DESK_GEREGISTREERD, "kennisgevingsbrief", 0, 0, 0, DESK_ERR_NOT_IN_TREATMENT, 0 },
	{ DESK_AFGESLOTEN, "kennisgevingsbrief", 0, 0, 0, DESK_ERR_NOT_OPEN, 0 },
	{ DESK_TER_KENNISGEVING, "oproep", 0, 0, 0, DESK_ERR_NOT_OPEN, 0 },
	{ DESK_INGETROKKEN, "oproep", 0, 0, 0, DESK_ERR_NOT_OPEN, 0 },
	/* unknown actions */
	{ DESK_IN_BEHANDELING, "", 0, 0, 0, DESK_ERR_UNKNOWN_MAS, 0 },
	{ DESK_IN_BEHANDELING, NULL, 0, 0, 0, DESK_ERR_UNKNOWN_MAS, 0 },
	{ DESK_IN_BEHANDELING, "boete", 0, 0, 0, DESK_ERR_UNKNOWN_MAS, 0 },
	{ DESK_IN_BEHANDELING, "halt ", 0, 0, 20 * 60, DESK_ERR_UNKNOWN_MAS, 0 },
};

START_TEST(test_mas)
{
	const struct mas_case *t = &mas_cases[_i];
	struct desk_mas_request q = { t->status, t->action, t->rmc, t->warned, t->minutes,
	    t->inspectie };

	ck_assert_msg(desk_mas_check(&q) == t->want, "case %d: got %d, want %d", _i,
	    desk_mas_check(&q), t->want);
}
END_TEST

START_TEST(test_every_refusal_has_dutch_text)
{
	for (int i = 1; i < DESK_REFUSAL__MAX; i++)
		ck_assert_msg(desk_refusal_texts[i] != NULL && strlen(desk_refusal_texts[i]) > 10,
		    "refusal %d", i);
	ck_assert_ptr_nonnull(strstr(desk_refusal_texts[DESK_ERR_NO_WAARSCHUWING],
	    "officiële waarschuwing"));
	ck_assert_ptr_nonnull(strstr(desk_refusal_texts[DESK_ERR_RMC_SANCTION], "RMC"));
}
END_TEST

/* ---------------------------------------------------------------- ordinal and time */

static const struct ordinal_case {
	int64_t		 n;
	const char	*want;
} ordinal_cases[] = {
	{ 0, "" }, { -1, "" }, { 1, "eerste" }, { 2, "tweede" }, { 3, "volgende" }, { 40, "volgende" },
};

START_TEST(test_ordinal)
{
	ck_assert_str_eq(desk_ordinal_label(ordinal_cases[_i].n), ordinal_cases[_i].want);
}
END_TEST

static const struct time_case {
	int64_t		 ts;
	const char	*want;
} time_cases[] = {
	{ 0, "01-01-1970 01:00" },
	{ 1795538700, "24-11-2026 17:45" },	/* winter: UTC + 1 */
	{ 1782044700, "21-06-2026 14:25" },	/* summer: UTC + 2 */
	/* 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC */
	{ 1774745999, "29-03-2026 01:59" },
	{ 1774746000, "29-03-2026 03:00" },
	{ 1792889999, "25-10-2026 02:59" },
	{ 1792890000, "25-10-2026 02:00" },
	{ 1798757999, "31-12-2026 23:59" },	/* year end in local time */
	{ 1798758000, "01-01-2027 00:00" },
};

START_TEST(test_local_time)
{
	char out[17];

	desk_local_text(time_cases[_i].ts, out);
	ck_assert_str_eq(out, time_cases[_i].want);
}
END_TEST

START_TEST(test_local_midnight)
{
	char d[11];

	/* 00:00 in winter is 23:00 UTC the day before, in summer 22:00 UTC. */
	ck_assert_int_eq(desk_local_midnight(2026, 11, 24), 1795474800);
	ck_assert_int_eq(desk_local_midnight(2026, 6, 21), 1781992800);
	desk_local_date(desk_local_midnight(2026, 3, 29), d);
	ck_assert_str_eq(d, "2026-03-29");
	desk_local_date(desk_local_midnight(2026, 3, 29) - 1, d);
	ck_assert_str_eq(d, "2026-03-28");
}
END_TEST

START_TEST(test_overdue_before)
{
	char d[11];

	/* Tuesday 24 Nov 2026, noon: filed on Mon 16 Nov, the 5th werkdag after is Mon 23 Nov —
	 * passed; filed Tue 17 Nov, the 5th is Tue 24 Nov (today) — not yet overdue. */
	desk_local_date(desk_overdue_before(desk_local_midnight(2026, 11, 24) + 12 * 3600, 1), d);
	ck_assert_str_eq(d, "2026-11-17");
	/* Over a weekend and Kerst: on Mon 28 Dec 2026, 25 and 26 Dec are holidays. Filed Fri 18 Dec:
	 * werkdagen 21, 22, 23, 24, 28 → the 5th is 28 Dec (today): not overdue; 17 Dec is. */
	desk_local_date(desk_overdue_before(desk_local_midnight(2026, 12, 28) + 3600, 1), d);
	ck_assert_str_eq(d, "2026-12-18");
	/* §3 Bevrijdingsdag as the desk's region sets it. Wed 12 May 2027, Hemelvaart is Thu 6 May.
	 * On: filed Mon 3 May, werkdagen 4, 7, 10, 11, 12 → not overdue; Sun 2 May is (3, 4, 7,
	 * 10, 11).
	 * Off: 5 May counts, filed 3 May → 4, 5, 7, 10, 11: overdue; 4 May is not. */
	desk_local_date(desk_overdue_before(desk_local_midnight(2027, 5, 12) + 12 * 3600, 1), d);
	ck_assert_str_eq(d, "2027-05-03");
	desk_local_date(desk_overdue_before(desk_local_midnight(2027, 5, 12) + 12 * 3600, 0), d);
	ck_assert_str_eq(d, "2027-05-04");
}
END_TEST

START_TEST(test_duration_and_dates)
{
	char out[64];

	desk_duration_text(0, out, sizeof(out));
	ck_assert_str_eq(out, "0 min");
	desk_duration_text(3 * 86400 + 4 * 3600 + 59, out, sizeof(out));
	ck_assert_str_eq(out, "3 dagen 4 uur");
	desk_duration_text(86400, out, sizeof(out));
	ck_assert_str_eq(out, "1 dag 0 uur");
	desk_duration_text(5 * 3600 + 600, out, sizeof(out));
	ck_assert_str_eq(out, "5 uur 10 min");
	desk_date_long("2026-11-24", out, sizeof(out));
	ck_assert_str_eq(out, "24 november 2026");
	desk_date_long("2026-02-30", out, sizeof(out));
	ck_assert_str_eq(out, "");
	desk_date_long(NULL, out, sizeof(out));
	ck_assert_str_eq(out, "");
	desk_date_day("2026-11-24", out, sizeof(out));
	ck_assert_str_eq(out, "di 24 november 2026");
	desk_date_day("2026-11-29", out, sizeof(out));
	ck_assert_str_eq(out, "zo 29 november 2026");
	desk_date_day("2026-02-30", out, sizeof(out));
	ck_assert_str_eq(out, "");
	desk_date_day(NULL, out, sizeof(out));
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_tables_match)
{
	/* The enum tables are the schema's CHECK lists (sql/002_school.sql). */
	ck_assert_int_eq(desk_lookup(desk_closing_names, DESK_CLOSE__MAX, "geoorloofd_afwezig"),
	    DESK_CLOSE_GEOORLOOFD_AFWEZIG);
	ck_assert_int_eq(desk_lookup(desk_mas_names, DESK_MAS__MAX, "officiele_waarschuwing"),
	    DESK_MAS_OFFICIELE_WAARSCHUWING);
	ck_assert_int_eq(desk_lookup(desk_soort_names, DESK_SOORT__MAX, "verwijdering"),
	    DESK_SOORT_VERWIJDERING);
	ck_assert_int_eq(desk_lookup(desk_status_names, DESK_STATUS__MAX, "x"), -1);
	ck_assert_int_eq(desk_lookup(desk_status_names, DESK_STATUS__MAX, NULL), -1);
}
END_TEST

static Suite *
desk_suite(void)
{
	Suite *s = suite_create("desk");
	TCase *tc = tcase_create("rules");

	tcase_add_loop_test(tc, test_status, 0, NELEM(status_cases));
	tcase_add_loop_test(tc, test_mas, 0, NELEM(mas_cases));
	tcase_add_test(tc, test_every_refusal_has_dutch_text);
	tcase_add_loop_test(tc, test_ordinal, 0, NELEM(ordinal_cases));
	tcase_add_test(tc, test_tables_match);
	suite_add_tcase(s, tc);
	tc = tcase_create("time");
	tcase_add_loop_test(tc, test_local_time, 0, NELEM(time_cases));
	tcase_add_test(tc, test_local_midnight);
	tcase_add_test(tc, test_overdue_before);
	tcase_add_test(tc, test_duration_and_dates);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(desk_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
