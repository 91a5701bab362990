/*
 * The template engine (http/template.h): tables of templates with the
 * data they render and the output they must give, and of templates that
 * must not load, with the message that says why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <jansson.h>

#include "util/buf.h"
#include "http/template.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Every case is loaded as "t" next to these two. */
static const char layout[] =
    "<html><title>{{titel}}</title><main>{{@content}}</main></html>";
static const char kop[] =
    "<h1>{{titel}}</h1>";

static struct tmpl_set *
load(const char *t, char *err, size_t errsz)
{
	struct tmpl_src	 src[3] = {
		{ "t", "t.html", t, strlen(t) },
		{ "layout", "layout.html", layout, sizeof(layout) - 1 },
		{ "kop", "kop.html", kop, sizeof(kop) - 1 },
	};

	return tmpl_load_mem(src, NELEM(src), err, errsz);
}

static json_t *
data_of(const char *s)
{
	json_error_t	 je;
	json_t		*j;

	j = json_loads(s, JSON_DECODE_ANY, &je);
	ck_assert_msg(j != NULL, "bad test data %s: %s", s, je.text);
	return j;
}

static const struct {
	const char	*tmpl;
	const char	*data;
	const char	*want;
} renders[] = {
	/* Text and values. */
	{ "gewoon tekst", "{}", "gewoon tekst" },
	{ "", "{}", "" },
	{ "{{naam}}", "{\"naam\":\"Jan\"}", "Jan" },
	{ "{{ naam }}", "{\"naam\":\"Jan\"}", "Jan" },
	{ "{{leerling.naam}}", "{\"leerling\":{\"naam\":\"Fatima\"}}",
	    "Fatima" },
	{ "{{lijst.1}}", "{\"lijst\":[\"a\",\"b\"]}", "b" },
	{ "[{{nope}}][{{a.nope}}][{{a.b.c}}][{{lijst.9}}]",
	    "{\"a\":{\"b\":1},\"lijst\":[]}", "[][][][]" },
	{ "{{n}} {{min}} {{r}} {{ja}} {{nee}} [{{niets}}] [{{obj}}]",
	    "{\"n\":42,\"min\":-7,\"r\":2.5,\"ja\":true,\"nee\":false,"
	    "\"niets\":null,\"obj\":{\"a\":1}}",
	    "42 -7 2.5 true false [] []" },
	{ "{{big}}", "{\"big\":9007199254740993}", "9007199254740993" },
	/* Escaped by default, in text and in quoted attributes. */
	{ "<p>{{x}}</p>", "{\"x\":\"<script>alert(1)</script>\"}",
	    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" },
	{ "<input value=\"{{x}}\">", "{\"x\":\"\\\" onmouseover=\\\"alert(1)\"}",
	    "<input value=\"&quot; onmouseover=&quot;alert(1)\">" },
	{ "<a title='{{x}}'>", "{\"x\":\"' onmouseover='alert(1)\"}",
	    "<a title='&#39; onmouseover=&#39;alert(1)'>" },
	{ "{{x}}", "{\"x\":\"Tom & Jerry &amp;\"}", "Tom &amp; Jerry &amp;amp;" },
	/* Raw only when asked for. */
	{ "{{{html}}}|{{html}}", "{\"html\":\"<b>vet</b>\"}",
	    "<b>vet</b>|&lt;b&gt;vet&lt;/b&gt;" },
	{ "{{{ n }}}", "{\"n\":3}", "3" },
	/* URL components. */
	{ "<a href=\"/zoek?q={{url q}}&amp;p={{url p}}\">",
	    "{\"q\":\"a b&c=d/\\\"<\",\"p\":7}",
	    "<a href=\"/zoek?q=a%20b%26c%3Dd%2F%22%3C&amp;p=7\">" },
	/* Loops. */
	{ "{{#each l}}<li>{{naam}}</li>{{/each}}",
	    "{\"l\":[{\"naam\":\"a\"},{\"naam\":\"<b>\"}]}",
	    "<li>a</li><li>&lt;b&gt;</li>" },
	{ "{{#each l}}{{@index}}/{{@number}}:{{.}} {{/each}}",
	    "{\"l\":[\"x\",\"y\",3]}", "0/1:x 1/2:y 2/3:3 " },
	{ "{{#each l}}{{#if @first}}[{{/if}}{{.}}{{#unless @last}},"
	    "{{/unless}}{{#if @last}}]{{/if}}{{/each}}",
	    "{\"l\":[1,2,3]}", "[1,2,3]" },
	{ "{{#each l}}x{{else}}geen{{/each}}", "{\"l\":[]}", "geen" },
	{ "{{#each l}}x{{else}}geen{{/each}}", "{}", "geen" },
	{ "{{#each l}}x{{else}}geen{{/each}}", "{\"l\":{\"a\":1}}", "geen" },
	{ "{{@index}}{{@number}}{{.}}", "\"top\"", "top" },
	/* Names fall back to outer scopes; inner ones win. */
	{ "{{#each l}}<input name=csrf value=\"{{csrf}}\">{{id}};{{/each}}",
	    "{\"csrf\":\"k<1\",\"l\":[{\"id\":1},{\"id\":2}]}",
	    "<input name=csrf value=\"k&lt;1\">1;"
	    "<input name=csrf value=\"k&lt;1\">2;" },
	{ "{{#each l}}{{naam}}{{/each}}|{{naam}}",
	    "{\"naam\":\"buiten\",\"l\":[{\"naam\":\"binnen\"},{}]}",
	    "binnenbuiten|buiten" },
	{ "{{#each a}}{{#each b}}{{x}}{{y}}{{@index}} {{/each}}{{/each}}",
	    "{\"y\":\"Y\",\"a\":[{\"x\":1,\"b\":[{},{\"y\":\"z\"}]}]}",
	    "1Y0 1z1 " },
	/* Truthiness. */
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":false}", "nee" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":null}", "nee" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{}", "nee" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":\"\"}", "nee" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":0}", "nee" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":0.0}", "nee" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":[]}", "nee" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":{}}", "nee" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":true}", "ja" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":\"0\"}", "ja" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":-1}", "ja" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":[0]}", "ja" },
	{ "{{#if v}}ja{{else}}nee{{/if}}", "{\"v\":{\"a\":null}}", "ja" },
	{ "{{#if v}}ja{{/if}}", "{\"v\":false}", "" },
	{ "{{#unless v}}leeg{{else}}{{v}}{{/unless}}", "{\"v\":\"\"}",
	    "leeg" },
	{ "{{#unless v}}leeg{{else}}{{v}}{{/unless}}", "{\"v\":\"x\"}", "x" },
	{ "{{#if a.b}}{{#if c}}1{{else}}2{{/if}}{{/if}}",
	    "{\"a\":{\"b\":1}}", "2" },
	/* Comments. */
	{ "a{{! een opmerking }}b{{!-- met {{tags}} erin --}}c", "{}",
	    "abc" },
	/* Partials see the current scope. */
	{ "{{> kop}}", "{\"titel\":\"Verzuim\"}", "<h1>Verzuim</h1>" },
	{ "{{#each l}}{{> kop}}{{/each}}",
	    "{\"titel\":\"T\",\"l\":[{\"titel\":\"<i>\"},{}]}",
	    "<h1>&lt;i&gt;</h1><h1>T</h1>" },
	/* A page placed into its layout. */
	{ "{{! layout: layout }}\n<p>{{tekst}}</p>",
	    "{\"titel\":\"Melding & co\",\"tekst\":\"hallo\"}",
	    "<html><title>Melding &amp; co</title>"
	    "<main><p>hallo</p></main></html>" },
	{ "  {{!layout:layout}}\r\nx", "{}",
	    "<html><title></title><main>x</main></html>" },
	/* Outside a layout there is no content. */
	{ "[{{@content}}][{{{@content}}}]", "{}", "[][]" },
	/* What is not a tag. */
	{ "a { b } {x} }} c", "{}", "a { b } {x} }} c" },
};

START_TEST(test_render)
{
	struct tmpl_set	*set;
	struct buf	 out = BUF_INIT;
	json_t		*d;
	char		 err[256];

	set = load(renders[_i].tmpl, err, sizeof(err));
	ck_assert_msg(set != NULL, "%s: %s", renders[_i].tmpl, err);
	d = data_of(renders[_i].data);
	ck_assert_int_eq(tmpl_render(set, "t", d, &out), 0);
	ck_assert_str_eq(out.p, renders[_i].want);
	json_decref(d);
	buf_free(&out);
	tmpl_free(set);
}
END_TEST

static const struct {
	const char	*tmpl;
	const char	*err;
} bad[] = {
	{ "abc {{naam", "t.html:1: tag is not closed" },
	{ "\n\n{{{naam}}", "t.html:3: tag is not closed" },
	{ "{{!-- x }}", "t.html:1: tag is not closed" },
	{ "a\n{{#if a}}\nx", "t.html:3: {{#if}} of line 2 is not closed" },
	{ "{{#if a}}\n{{/each}}", "t.html:2: {{/each}} closes {{#if}} of line 1" },
	{ "x\n{{/if}}", "t.html:2: {{/if}} without an opening tag" },
	{ "{{else}}", "t.html:1: {{else}} outside a section" },
	{ "{{#if a}}1{{else}}2\n{{else}}3{{/if}}",
	    "t.html:2: second {{else}} in {{#if}} of line 1" },
	{ "{{#with a}}{{/with}}", "t.html:1: unknown section {{#with}}" },
	{ "{{#each}}{{/each}}", "t.html:1: bad name in {{#each}}" },
	{ "{{#if a b}}{{/if}}", "t.html:1: bad name in {{#if}}" },
	{ "{{a b}}", "t.html:1: bad tag {{a b}}" },
	{ "{{a..b}}", "t.html:1: bad tag {{a..b}}" },
	{ "{{a.}}", "t.html:1: bad tag {{a.}}" },
	{ "{{}}", "t.html:1: bad tag {{}}" },
	{ "{{@nope}}", "t.html:1: bad tag {{@nope}}" },
	{ "{{a.b.c.d.e.f.g.h.i}}", "t.html:1: bad tag {{a.b.c.d.e.f.g.h.i}}" },
	{ "{{{a b}}}", "t.html:1: bad name in {{{a b}}}" },
	{ "{{url @content}}", "t.html:1: {{url @content}} makes no sense" },
	{ "{{> }}", "t.html:1: bad partial name in {{> }}" },
	{ "\n{{> nope}}", "t.html:2: no template \"nope\"" },
	{ "{{! layout: nope }}", "t.html:1: no layout \"nope\"" },
	{ "x{{! layout: layout }}",
	    "t.html:1: a layout is named only in the first tag of a page" },
	{ "{{#if a}}{{! layout: layout }}{{/if}}",
	    "t.html:1: a layout is named only in the first tag of a page" },
	{ "{{! layout: la yout }}", "t.html:1: bad layout name" },
	{ "{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}"
	    "{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}"
	    "{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}"
	    "{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}{{#if a}}"
	    "{{#if a}}{{#if a}}{{#if a}}{{#if a}}",
	    "t.html:1: sections nested too deeply" },
};

START_TEST(test_bad)
{
	char	 err[256];

	ck_assert_ptr_null(load(bad[_i].tmpl, err, sizeof(err)));
	ck_assert_str_eq(err, bad[_i].err);
}
END_TEST

/* A second template of one name, a layout that has a layout. */
START_TEST(test_bad_set)
{
	struct tmpl_src	 dup[2] = {
		{ "a", "a.html", "x", 1 },
		{ "a", "a2.html", "y", 1 },
	};
	struct tmpl_src	 nest[3] = {
		{ "p", "p.html", "{{! layout: l1 }}", 17 },
		{ "l1", "l1.html", "{{! layout: l2 }}", 17 },
		{ "l2", "l2.html", "{{@content}}", 12 },
	};
	char		 err[256];

	ck_assert_ptr_null(tmpl_load_mem(dup, 2, err, sizeof(err)));
	ck_assert_str_eq(err, "a2.html:1: second template named \"a\"");
	ck_assert_ptr_null(tmpl_load_mem(nest, 3, err, sizeof(err)));
	ck_assert_str_eq(err, "p.html:1: layout \"l1\" has a layout itself");
	/* A short error buffer is cut, not overrun. */
	ck_assert_ptr_null(tmpl_load_mem(dup, 2, err, 6));
	ck_assert_str_eq(err, "a2.ht");
}
END_TEST

/* Render errors leave the output as it was. */
START_TEST(test_render_errors)
{
	struct tmpl_src	 src[2] = {
		{ "ok", "ok.html", "fine", 4 },
		{ "loop", "loop.html", "x{{> loop}}", 11 },
	};
	struct tmpl_set	*set;
	struct buf	 out = BUF_INIT;
	json_t		*d = json_object();
	char		 err[256];

	ck_assert_ptr_nonnull(set = tmpl_load_mem(src, 2, err, sizeof(err)));
	ck_assert_int_eq(tmpl_has(set, "ok"), 1);
	ck_assert_int_eq(tmpl_has(set, "loop"), 1);
	ck_assert_int_eq(tmpl_has(set, "nope"), 0);
	ck_assert_int_eq(tmpl_has(set, "o"), 0);
	ck_assert_int_eq(tmpl_render(set, "ok", d, &out), 0);
	ck_assert_int_eq(tmpl_render(set, "nope", d, &out), -1);
	ck_assert_int_eq(tmpl_render(set, "loop", d, &out), -1);
	ck_assert_int_eq(tmpl_render(set, NULL, d, &out), -1);
	ck_assert_int_eq(tmpl_render(NULL, "ok", d, &out), -1);
	ck_assert_str_eq(out.p, "fine");
	ck_assert_int_eq(tmpl_render(set, "ok", NULL, &out), 0);
	ck_assert_str_eq(out.p, "finefine");
	json_decref(d);
	buf_free(&out);
	tmpl_free(set);
	tmpl_free(NULL);
}
END_TEST

static void
put_file(const char *dir, const char *name, const char *text)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	ck_assert_int_eq(fputs(text, f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
}

static void
rm_file(const char *dir, const char *name)
{
	char	 path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	unlink(path);
}

START_TEST(test_load_dir)
{
	char		 dir[] = "/tmp/check_template.XXXXXX";
	char		 err[512], want[600];
	struct tmpl_set	*set;
	struct buf	 out = BUF_INIT;
	json_t		*d;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	put_file(dir, "layout.html", "<body>{{> menu}}{{@content}}</body>");
	put_file(dir, "menu.html", "<nav>{{gebruiker}}</nav>");
	put_file(dir, "start.html", "{{! layout: layout }}\n<p>Welkom</p>");
	put_file(dir, "notes.txt", "{{not a template");
	put_file(dir, ".hidden.html", "{{not a template");
	set = tmpl_load_dir(dir, err, sizeof(err));
	ck_assert_msg(set != NULL, "%s", err);
	ck_assert_int_eq(tmpl_has(set, "start"), 1);
	ck_assert_int_eq(tmpl_has(set, "notes"), 0);
	ck_assert_int_eq(tmpl_has(set, ".hidden"), 0);
	d = data_of("{\"gebruiker\":\"<j.de.vries>\"}");
	ck_assert_int_eq(tmpl_render(set, "start", d, &out), 0);
	ck_assert_str_eq(out.p,
	    "<body><nav>&lt;j.de.vries&gt;</nav><p>Welkom</p></body>");
	tmpl_free(set);

	put_file(dir, "kapot.html", "a\nb\n{{#each x}}");
	ck_assert_ptr_null(tmpl_load_dir(dir, err, sizeof(err)));
	ck_assert_str_eq(err, "kapot.html:3: {{#each}} of line 3 is not closed");

	rm_file(dir, "kapot.html");
	rm_file(dir, "menu.html");
	ck_assert_ptr_null(tmpl_load_dir(dir, err, sizeof(err)));
	ck_assert_str_eq(err, "layout.html:1: no template \"menu\"");

	rm_file(dir, "layout.html");
	rm_file(dir, "start.html");
	rm_file(dir, "notes.txt");
	rm_file(dir, ".hidden.html");
	ck_assert_int_eq(rmdir(dir), 0);
	ck_assert_ptr_null(tmpl_load_dir(dir, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s:0: No such file or directory", dir);
	ck_assert_str_eq(err, want);
	json_decref(d);
	buf_free(&out);
}
END_TEST

static Suite *
template_suite(void)
{
	Suite	*s = suite_create("template");
	TCase	*tc;

	tc = tcase_create("render");
	tcase_add_loop_test(tc, test_render, 0, NELEM(renders));
	tcase_add_test(tc, test_render_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("load");
	tcase_add_loop_test(tc, test_bad, 0, NELEM(bad));
	tcase_add_test(tc, test_bad_set);
	tcase_add_test(tc, test_load_dir);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(template_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
