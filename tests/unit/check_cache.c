/*
 * The per-worker cache of rendered page parts (cgi-bin/pages/page_cache.c): a part is served only
 * for its own key at the version it was made at; the least recently used part goes first; what
 * does not fit is not kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "pages/page_cache.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void
put(const char *key, int64_t version, const char *html)
{
	struct buf b = BUF_INIT;

	ck_assert_int_eq(buf_puts(&b, html), 0);
	page_cache_put(key, version, &b);
	buf_free(&b);	/* the cache keeps its own copy */
}

/* What key at version gives: its text, or NULL. */
static const char *
get(const char *key, int64_t version)
{
	const struct buf *b = page_cache_get(key, version);

	return b == NULL ? NULL : b->p;
}

/* One step: put (html != NULL) or get (want: the text, or NULL for none). */
static const struct step {
	const char	*key;
	int64_t		 version;
	const char	*html;
	const char	*want;
} steps[][6] = {
	{ { "a", 1, NULL, NULL } },						/* empty */
	{ { "a", 1, "<p>1</p>", NULL }, { "a", 1, NULL, "<p>1</p>" } },
	{ { "a", 1, "<p>1</p>", NULL }, { "a", 2, NULL, NULL } },		/* newer data */
	{ { "a", 2, "<p>2</p>", NULL }, { "a", 1, NULL, NULL } },		/* older version */
	{ { "a", 1, "<p>1</p>", NULL }, { "b", 1, NULL, NULL } },		/* other inputs */
	{ { "a", 1, "<p>1</p>", NULL }, { "a", 2, "<p>2</p>", NULL },
	  { "a", 2, NULL, "<p>2</p>" }, { "a", 1, NULL, NULL } },		/* replaced */
	{ { "a", 1, "<p>a</p>", NULL }, { "b", 1, "<p>b</p>", NULL },
	  { "a", 1, NULL, "<p>a</p>" }, { "b", 1, NULL, "<p>b</p>" } },
	{ { "a", -1, "<p>x</p>", NULL }, { "a", 0, NULL, NULL } },
};

START_TEST(test_steps)
{
	page_cache_clear();
	for (size_t i = 0; i < NELEM(steps[_i]) && steps[_i][i].key != NULL; i++) {
		const struct step *s = &steps[_i][i];

		if (s->html != NULL)
			put(s->key, s->version, s->html);
		else if (s->want == NULL)
			ck_assert_ptr_null(get(s->key, s->version));
		else
			ck_assert_str_eq(get(s->key, s->version), s->want);
	}
}
END_TEST

START_TEST(test_least_recently_used_goes)
{
	char key[32];

	page_cache_clear();
	for (int i = 0; i < PAGE_CACHE_SLOTS; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		put(key, 1, key);
	}
	ck_assert_str_eq(get("k0", 1), "k0");	/* k0 used again: k1 is now the oldest */
	put("new", 1, "new");
	ck_assert_str_eq(get("new", 1), "new");
	ck_assert_str_eq(get("k0", 1), "k0");
	ck_assert_ptr_null(get("k1", 1));
	for (int i = 2; i < PAGE_CACHE_SLOTS; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		ck_assert_str_eq(get(key, 1), key);
	}
}
END_TEST

START_TEST(test_too_large_is_not_kept)
{
	char key[PAGE_CACHE_KEY + 1];
	struct buf big = BUF_INIT;

	page_cache_clear();
	memset(key, 'k', sizeof(key) - 1);
	key[sizeof(key) - 1] = '\0';
	put(key, 1, "x");
	ck_assert_ptr_null(get(key, 1));
	key[PAGE_CACHE_KEY - 1] = '\0';	/* the longest key that fits */
	put(key, 1, "x");
	ck_assert_str_eq(get(key, 1), "x");
	ck_assert_int_eq(buf_reserve(&big, PAGE_CACHE_MAX + 1), 0);
	memset(big.p, 'x', PAGE_CACHE_MAX + 1);
	big.len = PAGE_CACHE_MAX + 1;
	page_cache_put("big", 1, &big);
	ck_assert_ptr_null(get("big", 1));
	big.len = PAGE_CACHE_MAX;
	page_cache_put("big", 1, &big);
	ck_assert_int_eq(page_cache_get("big", 1)->len, PAGE_CACHE_MAX);
	buf_free(&big);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("page_cache");
	TCase *tc = tcase_create("cache");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, test_steps, 0, NELEM(steps));
	tcase_add_test(tc, test_least_recently_used_goes);
	tcase_add_test(tc, test_too_large_is_not_kept);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
