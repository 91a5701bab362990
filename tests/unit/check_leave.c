/*
 * The leave pages' pure helpers (pages/leave.h): the refusal-reason keywords of §8 in a parent's
 * text, dates as parents type them, the labels and reason texts of a letter.
 */
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <jansson.h>

#include "pages/leave.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define NONE		RULES_REFUSAL__MAX

static const struct {
	const char		*text;
	enum rules_refusal	 want[3];	/* in code order, ended by NONE */
} texts[] = {
	{ "Begrafenis van opa in Groningen.", { NONE } },
	{ "De tickets zijn in het LAAGSEIZOEN veel goedkoper.", { RULES_REFUSAL_GOEDKOPE_TICKETS, NONE } },
	{ "goedkope\n  tickets", { RULES_REFUSAL_GOEDKOPE_TICKETS, NONE } },
	{ "Wij hebben de reis al geboekt", { RULES_REFUSAL_TICKETS_GEKOCHT, NONE } },
	{ "Familiebezoek in Marokko, samen reizen met de neven",
	  { RULES_REFUSAL_FAMILIEBEZOEK_BUITENLAND, RULES_REFUSAL_KONVOOI, NONE } },
	{ "Eerder vertrekken vanwege de files.", { RULES_REFUSAL_VERKEERSDRUKTE, NONE } },
	/* whole words only: a 'profile' is no 'file', 'zusjes' no 'zusje' */
	{ "Zie het profile van de werkgever; de zusjes", { NONE } },
	{ "Zijn broertje is ook vrij", { RULES_REFUSAL_BROERS_ZUSSEN_VRIJ, NONE } },
	/* a ground that mentions family abroad or a sister names no refusal reason */
	{ "Opa is ernstig ziek; hij woont met de rest van de familie in het buitenland", { NONE } },
	{ "Het zusje van mijn vrouw trouwt in Spanje", { NONE } },
	{ "De tickets zijn al gekocht", { RULES_REFUSAL_TICKETS_GEKOCHT, NONE } },
	{ "Opa viert zijn kroonjaar (80)", { RULES_REFUSAL_KROONJAREN, NONE } },
	{ "Een sabbatical en daarna een wereldreis",
	  { RULES_REFUSAL_SABBATICAL, RULES_REFUSAL_WERELDREIS, NONE } },
	{ "vakantiespreiding", { RULES_REFUSAL_VAKANTIESPREIDING, NONE } },
	{ "", { NONE } },
};

START_TEST(test_keywords)
{
	enum rules_refusal got[RULES_REFUSAL__MAX];
	size_t n = leave_refusals_in_text(texts[_i].text, got, NELEM(got)), want = 0;

	while (texts[_i].want[want] != NONE)
		want++;
	ck_assert_msg(n == want, "'%s': %zu reasons, want %zu", texts[_i].text, n, want);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(got[i], texts[_i].want[i]);
}
END_TEST

START_TEST(test_keyword_named)
{
	ck_assert_str_eq(leave_refusal_keyword("Tickets zijn GOEDKOPER dan", RULES_REFUSAL_GOEDKOPE_TICKETS),
	    "goedkoper");
	ck_assert_ptr_null(leave_refusal_keyword("Tickets", RULES_REFUSAL_GOEDKOPE_TICKETS));
	ck_assert_uint_eq(leave_refusals_in_text(NULL, NULL, 0), 0);
}
END_TEST

static const struct {
	const char	*in;
	int		 ok;
	const char	*iso;
} dates[] = {
	{ "2027-02-03", 1, "2027-02-03" },
	{ "03-02-2027", 1, "2027-02-03" },
	{ " 03-02-2027 ", 1, "2027-02-03" },
	{ "31-02-2027", 0, NULL },
	{ "2027-2-3", 0, NULL },
	{ "3-2-2027", 0, NULL },
	{ "", 0, NULL },
	{ "morgen", 0, NULL },
};

START_TEST(test_dates)
{
	rules_date d;
	char buf[11];
	int rc = leave_parse_date(dates[_i].in, &d);

	ck_assert_msg((rc == 0) == dates[_i].ok, "'%s'", dates[_i].in);
	if (rc == 0) {
		rules_date_format(d, buf);
		ck_assert_str_eq(buf, dates[_i].iso);
	}
}
END_TEST

START_TEST(test_labels_and_reasons)
{
	json_t *codes = json_pack("[s,s,s]", "max_overschreden", "weigergrond:goedkope_tickets",
	    "geen_code"), *out = leave_reason_texts(codes);

	ck_assert_str_eq(leave_label("status", "doorgestuurd"), "Doorgestuurd naar leerplicht");
	ck_assert_str_eq(leave_label("grond", "onbekend"), "onbekend");
	ck_assert_uint_eq(json_array_size(out), 2);	/* unknown codes are dropped */
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(out, 0), "text")),
	    rules_objection_texts[RULES_OBJ_MAX_OVERSCHREDEN]);
	ck_assert(json_is_true(json_object_get(json_array_get(out, 1), "weigergrond")));
	json_decref(codes);
	json_decref(out);
}
END_TEST

static Suite *
leave_suite(void)
{
	Suite	*s = suite_create("leave");
	TCase	*tc = tcase_create("pages");

	tcase_add_loop_test(tc, test_keywords, 0, NELEM(texts));
	tcase_add_test(tc, test_keyword_named);
	tcase_add_loop_test(tc, test_dates, 0, NELEM(dates));
	tcase_add_test(tc, test_labels_and_reasons);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(leave_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
