/* Routing: method + path → route, 404 vs 405, numeric segments. Table-driven. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "http/app.h"

struct route_case {
	const char	*method;
	const char	*path;
	int		 found;		/* a route for this method */
	int		 known;		/* the path exists for some method (405 rather than 404) */
	const char	*pattern;	/* expected route pattern when found */
	int64_t		 id0, id1;
};

static const struct route_case cases[] = {
	{ "GET",  "/gezond", 1, 1, "/gezond", 0, 0 },
	{ "HEAD", "/gezond", 1, 1, "/gezond", 0, 0 },
	{ "POST", "/gezond", 0, 1, NULL, 0, 0 },
	{ "GET",  "/", 1, 1, "/", 0, 0 },
	{ "GET",  "/inloggen", 1, 1, "/inloggen", 0, 0 },
	{ "POST", "/inloggen", 1, 1, "/inloggen", 0, 0 },
	{ "GET",  "/uitloggen", 0, 1, NULL, 0, 0 },
	{ "GET",  "/inloggen/", 0, 0, NULL, 0, 0 },
	{ "GET",  "/INLOGGEN", 0, 0, NULL, 0, 0 },
	{ "GET",  "/bestaat-niet", 0, 0, NULL, 0, 0 },
	{ "GET",  "/beheer/gebruikers/42", 1, 1, "/beheer/gebruikers/#", 42, 0 },
	{ "POST", "/beheer/gebruikers/42", 1, 1, "/beheer/gebruikers/#", 42, 0 },
	{ "POST", "/beheer/gebruikers/7/herstel", 1, 1, "/beheer/gebruikers/#/herstel", 7, 0 },
	{ "GET",  "/beheer/gebruikers/7/herstel", 0, 1, NULL, 0, 0 },
	{ "GET",  "/beheer/gebruikers/0", 0, 0, NULL, 0, 0 },		/* ids start at 1 */
	{ "GET",  "/beheer/gebruikers/007", 0, 0, NULL, 0, 0 },	/* no leading zeros */
	{ "GET",  "/beheer/gebruikers/-1", 0, 0, NULL, 0, 0 },
	{ "GET",  "/beheer/gebruikers/1x", 0, 0, NULL, 0, 0 },
	{ "GET",  "/beheer/gebruikers/1234567890123456789", 0, 0, NULL, 0, 0 },	/* 19 digits */
	{ "GET",  "/beheer/gebruikers/123456789012345678", 1, 1, "/beheer/gebruikers/#",
	    123456789012345678LL, 0 },
	{ "GET",  "/beheer/gebruikers/nieuw", 1, 1, "/beheer/gebruikers/nieuw", 0, 0 },
	{ "GET",  "/beheer/gebruikers/", 0, 0, NULL, 0, 0 },
};

START_TEST(test_route_table)
{
	const struct route_case *c = &cases[_i];
	enum method m = strcmp(c->method, "GET") == 0 ? METHOD_GET :
	    strcmp(c->method, "POST") == 0 ? METHOD_POST : METHOD_HEAD;
	int64_t ids[2] = { -1, -1 };
	int known = -1;
	const struct route *rt = route_match(c->path, m, ids, &known);

	ck_assert_msg((rt != NULL) == c->found, "%s %s: found", c->method, c->path);
	ck_assert_msg(known == c->known, "%s %s: known %d", c->method, c->path, known);
	if (c->found) {
		ck_assert_str_eq(rt->pattern, c->pattern);
		ck_assert_int_eq(ids[0], c->id0 ? c->id0 : 0);
		ck_assert_int_eq(ids[1], c->id1);
	}
}
END_TEST

/* Every pattern is well-formed and no two routes share method and pattern. */
START_TEST(test_route_table_is_sane)
{
	for (size_t i = 0; i < routes_n; i++) {
		ck_assert_msg(routes[i].pattern[0] == '/', "%s starts with /", routes[i].pattern);
		ck_assert_msg(routes[i].fn != NULL, "%s has a handler", routes[i].pattern);
		ck_assert_msg(routes[i].roles != 0, "%s allows someone", routes[i].pattern);
		for (size_t j = i + 1; j < routes_n; j++)
			ck_assert_msg(!(routes[i].method == routes[j].method &&
			    strcmp(routes[i].pattern, routes[j].pattern) == 0),
			    "duplicate route %s", routes[i].pattern);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("router");
	TCase *tc = tcase_create("route_match");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, test_route_table, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_route_table_is_sane);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
