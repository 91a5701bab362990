/*
 * The school area's own date helpers (cgi-bin/pages/school_common.c): "today" is the date in
 * Europe/Amsterdam (SPEC §3) around both daylight-saving switches and the turn of the year, and
 * the school year of a date runs from 1 August to 31 July.
 */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "pages/school.h"

static rules_date
ymd(int y, int m, int d)
{
	rules_date r;
	ck_assert_int_eq(rules_date_from_ymd(y, m, d, &r), 0);
	return r;
}

/* Seconds since the epoch of a UTC date and time. */
static int64_t
utc(int y, int m, int d, int hh, int mm)
{
	return (int64_t)ymd(y, m, d) * 86400 + hh * 3600 + mm * 60;
}

static const struct {
	int y, m, d, hh, mm;	/* UTC */
	int ly, lm, ld;		/* Amsterdam date */
} dates[] = {
	{ 2026, 1, 15, 12, 0, 2026, 1, 15 },
	{ 2026, 12, 31, 22, 59, 2026, 12, 31 },	/* 23:59 CET */
	{ 2026, 12, 31, 23, 0, 2027, 1, 1 },	/* 00:00 CET */
	{ 2026, 3, 28, 23, 0, 2026, 3, 29 },	/* before the switch: CET */
	{ 2026, 3, 29, 0, 59, 2026, 3, 29 },
	{ 2026, 6, 30, 21, 59, 2026, 6, 30 },	/* 23:59 CEST */
	{ 2026, 6, 30, 22, 0, 2026, 7, 1 },	/* 00:00 CEST */
	{ 2026, 10, 24, 22, 0, 2026, 10, 25 },	/* 00:00 CEST, the night of the switch back */
	{ 2026, 10, 25, 22, 59, 2026, 10, 25 },	/* 23:59 CET */
	{ 2026, 10, 25, 23, 0, 2026, 10, 26 },
};

START_TEST(test_date_at)
{
	int i = _i;
	rules_date got = rules_nl_date(utc(dates[i].y, dates[i].m, dates[i].d, dates[i].hh,
	    dates[i].mm));

	ck_assert_int_eq(got, ymd(dates[i].ly, dates[i].lm, dates[i].ld));
}
END_TEST

START_TEST(test_school_year)
{
	char buf[16];

	school_year_of(ymd(2026, 7, 31), buf);
	ck_assert_str_eq(buf, "2025-2026");
	school_year_of(ymd(2026, 8, 1), buf);
	ck_assert_str_eq(buf, "2026-2027");
	school_year_of(ymd(2027, 2, 28), buf);
	ck_assert_str_eq(buf, "2026-2027");
}
END_TEST

START_TEST(test_signal_soort)
{
	ck_assert_str_eq(school_signal_soort(RULES_SIGNAL_16UUR), "16uur");
	ck_assert_str_eq(school_signal_soort(RULES_SIGNAL_LRV), "lrv");
	ck_assert_str_eq(school_signal_soort(RULES_SIGNAL_RMC18), "rmc18");
	ck_assert_str_eq(school_signal_soort(RULES_SIGNAL_LICHT), "overig");
	ck_assert_str_eq(school_signal_soort(RULES_SIGNAL_TE_LAAT), "overig");
	ck_assert_str_eq(school_signal_soort(RULES_SIGNAL_ZORGELIJK_ZIEK), "overig");
	ck_assert_ptr_null(school_signal_soort(RULES_SIGNAL_AFWEZIG5W));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("school");
	TCase *tc = tcase_create("dates");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, test_date_at, 0, (int)(sizeof(dates) / sizeof(dates[0])));
	tcase_add_test(tc, test_school_year);
	tcase_add_test(tc, test_signal_soort);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
