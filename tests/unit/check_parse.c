/*
 * Parsers of untrusted input (cgi-bin/parse) and the escaping functions
 * (http/html.h): tables of valid inputs with the fields they give and of
 * invalid inputs with the error they give.
 */
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "parse/fields.h"
#include "parse/csv.h"
#include "parse/text.h"
#include "util/buf.h"
#include "http/html.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define BYTES(s)	s, sizeof(s) - 1

struct kv {
	const char	*name;
	const char	*value;
	size_t		 valsz;		/* 0: strlen(value) */
	const char	*filename;
	const char	*ctype;
};

static const struct parse_limits small = {
	4,	/* max_fields */
	8,	/* max_name */
	16,	/* max_value */
	32,	/* max_file */
};

static void
expect_fields(const struct fields *f, const struct kv *want, size_t n,
    const char *input)
{
	size_t	 i, sz;

	ck_assert_msg(f->n == n, "%s: %zu fields, want %zu", input, f->n, n);
	for (i = 0; i < n; i++) {
		sz = want[i].valsz ? want[i].valsz : strlen(want[i].value);
		ck_assert_str_eq(f->v[i].name, want[i].name);
		ck_assert_uint_eq(f->v[i].valsz, sz);
		ck_assert_msg(memcmp(f->v[i].value, want[i].value, sz) == 0,
		    "%s: field %s has the wrong value", input, want[i].name);
		ck_assert_int_eq(f->v[i].value[sz], '\0');
		if (want[i].filename == NULL)
			ck_assert_ptr_null(f->v[i].filename);
		else
			ck_assert_str_eq(f->v[i].filename, want[i].filename);
		if (want[i].ctype == NULL)
			ck_assert_ptr_null(f->v[i].ctype);
		else
			ck_assert_str_eq(f->v[i].ctype, want[i].ctype);
	}
}

/* ---------------------------------------------------------------- */
/* application/x-www-form-urlencoded                                */

static const struct {
	const char	*in;
	size_t		 n;
	struct kv	 f[4];
} urlenc_valids[] = {
	{ "", 0, {{ 0 }} },
	{ "a=1", 1, {{ "a", "1", 0, NULL, NULL }} },
	{ "a=1&b=2", 2, {{ "a", "1", 0, NULL, NULL },
	    { "b", "2", 0, NULL, NULL }} },
	{ "naam=Jan+de+Vries", 1, {{ "naam", "Jan de Vries", 0, NULL, NULL }} },
	{ "q=a%2Bb%26c%3Dd", 1, {{ "q", "a+b&c=d", 0, NULL, NULL }} },
	{ "r=%c3%a9%C3%AB", 1, {{ "r", "\xc3\xa9\xc3\xab", 0, NULL, NULL }} },
	{ "t=%0D%0Aregel", 1, {{ "t", "\r\nregel", 0, NULL, NULL }} },
	{ "a&b=", 2, {{ "a", "", 0, NULL, NULL }, { "b", "", 0, NULL, NULL }} },
	{ "&&a=1&&", 1, {{ "a", "1", 0, NULL, NULL }} },
	{ "=zonder-naam&a=1", 1, {{ "a", "1", 0, NULL, NULL }} },
	{ "a=b=c", 1, {{ "a", "b=c", 0, NULL, NULL }} },
	{ "a=1&a=2", 2, {{ "a", "1", 0, NULL, NULL },
	    { "a", "2", 0, NULL, NULL }} },
	{ "%E2%82%AC=euro", 1, {{ "\xe2\x82\xac", "euro", 0, NULL, NULL }} },
	{ "k=0123456789abcdef", 1,	/* exactly max_value */
	    {{ "k", "0123456789abcdef", 0, NULL, NULL }} },
	{ "a=1&b=2&c=3&d=4", 4, {{ "a", "1", 0, NULL, NULL },
	    { "b", "2", 0, NULL, NULL }, { "c", "3", 0, NULL, NULL },
	    { "d", "4", 0, NULL, NULL }} },
};

static const struct {
	const char	*in;
	enum parse_err	 want;
} urlenc_invalids[] = {
	{ "a=%", PARSE_MALFORMED },
	{ "a=%4", PARSE_MALFORMED },
	{ "a=%zz", PARSE_MALFORMED },
	{ "a=%4g", PARSE_MALFORMED },
	{ "%=1", PARSE_MALFORMED },
	{ "ok=1&a=%00", PARSE_MALFORMED },
	{ "a=%C3", PARSE_MALFORMED },			/* cut short */
	{ "a=%C3%28", PARSE_MALFORMED },		/* bad continuation */
	{ "a=%C0%AF", PARSE_MALFORMED },		/* overlong '/' */
	{ "a=%ED%A0%80", PARSE_MALFORMED },		/* surrogate */
	{ "a=%F4%90%80%80", PARSE_MALFORMED },		/* above U+10FFFF */
	{ "a=%FF", PARSE_MALFORMED },
	{ "a=\xe9t\xe9", PARSE_MALFORMED },		/* Latin-1 */
	{ "a=1&b=2&c=3&d=4&e=5", PARSE_TOO_MANY },
	{ "k=0123456789abcdefX", PARSE_TOO_LONG },
	{ "naamveld9=1", PARSE_TOO_LONG },
	{ "k=%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41",
	    PARSE_TOO_LONG },
};

START_TEST(test_urlenc_valid)
{
	struct fields	 f = FIELDS_INIT;
	const char	*in = urlenc_valids[_i].in;

	ck_assert_int_eq(urlenc_parse(in, strlen(in), &small, &f), PARSE_OK);
	expect_fields(&f, urlenc_valids[_i].f, urlenc_valids[_i].n, in);
	fields_free(&f);
}
END_TEST

START_TEST(test_urlenc_invalid)
{
	struct fields	 f = FIELDS_INIT;
	const char	*in = urlenc_invalids[_i].in;

	ck_assert_msg(urlenc_parse(in, strlen(in), &small, &f) ==
	    urlenc_invalids[_i].want, "%s: want %s", in,
	    parse_errs[urlenc_invalids[_i].want]);
	ck_assert_uint_eq(f.n, 0);
	fields_free(&f);
}
END_TEST

START_TEST(test_urlenc_raw_nul)
{
	struct fields	 f = FIELDS_INIT;

	ck_assert_int_eq(urlenc_parse(BYTES("a=x\0y"), NULL, &f),
	    PARSE_MALFORMED);
	ck_assert_uint_eq(f.n, 0);
	fields_free(&f);
}
END_TEST

/* A failed parse leaves what was there before. */
START_TEST(test_urlenc_append)
{
	struct fields	 f = FIELDS_INIT;

	ck_assert_int_eq(urlenc_parse(BYTES("a=1"), NULL, &f), PARSE_OK);
	ck_assert_int_eq(urlenc_parse(BYTES("b=2&c=%"), NULL, &f),
	    PARSE_MALFORMED);
	ck_assert_uint_eq(f.n, 1);
	ck_assert_int_eq(urlenc_parse(BYTES("b=2&a=3"), NULL, &f), PARSE_OK);
	ck_assert_uint_eq(f.n, 3);
	ck_assert_str_eq(fields_str(&f, "a"), "1");
	ck_assert_str_eq(fields_str(&f, "b"), "2");
	ck_assert_ptr_null(fields_str(&f, "c"));
	ck_assert_ptr_null(fields_get(&f, "A"));
	ck_assert_uint_eq(fields_count(&f, "a"), 2);
	fields_free(&f);
	ck_assert_uint_eq(f.n, 0);
	ck_assert_ptr_null(f.v);
}
END_TEST

/* ---------------------------------------------------------------- */
/* multipart/form-data                                              */

#define CT	"multipart/form-data; boundary=XyZ"

static const struct {
	const char	*ctype;
	const char	*body;
	size_t		 len;
	size_t		 n;
	struct kv	 f[3];
} multipart_valids[] = {
	{ CT, BYTES("--XyZ--\r\n"), 0, {{ 0 }} },
	{ CT, BYTES(
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"naam\"\r\n"
	    "\r\n"
	    "Jan de Vries\r\n"
	    "--XyZ--\r\n"),
	    1, {{ "naam", "Jan de Vries", 0, NULL, NULL }} },
	/* A file with bytes that look like line ends, NUL and the boundary
	   without its leading CRLF; the path in its name is dropped. */
	{ "Multipart/Form-Data; charset=utf-8; boundary=\"a b'c\"", BYTES(
	    "preamble\r\n"
	    "--a b'c\r\n"
	    "content-disposition: form-data; name=\"bestand\"; "
	    "filename=\"C:\\\\Users\\\\jan\\\\leerlingen.csv\"\r\n"
	    "Content-Type: text/csv\r\n"
	    "\r\n"
	    "\x00\x01\xff\r\n--a b'\n\r\r\n"
	    "\r\n"
	    "--a b'c\r\n"
	    "Content-Disposition: form-data; name=\"uitleg\"\r\n"
	    "\r\n"
	    "r\xc3\xa9gel\r\nregel\r\n"
	    "--a b'c--\r\nepilogue"),
	    2, {{ "bestand", "\x00\x01\xff\r\n--a b'\n\r\r\n", 15,
		"leerlingen.csv", "text/csv" },
		{ "uitleg", "r\xc3\xa9gel\r\nregel", 0, NULL,
		NULL }} },
	/* An empty file input: a file part with an empty name. */
	{ CT, BYTES(
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n"
	    "\r\n"
	    "\r\n"
	    "--XyZ \t\r\n"
	    "Content-Disposition: form-data; name=leeg\r\n"
	    "\r\n"
	    "\r\n"
	    "--XyZ--"),
	    2, {{ "f", "", 0, "", "application/octet-stream" },
		{ "leeg", "", 0, NULL, NULL }} },
};

static const struct {
	const char	*ctype;
	const char	*body;
	size_t		 len;
	enum parse_err	 want;
} multipart_invalids[] = {
	/* No or a bad boundary. */
	{ "multipart/form-data", BYTES("--XyZ--\r\n"), PARSE_MALFORMED },
	{ NULL, BYTES("--XyZ--\r\n"), PARSE_MALFORMED },
	{ "text/plain; boundary=XyZ", BYTES("--XyZ--\r\n"), PARSE_MALFORMED },
	{ "multipart/form-data; boundary=", BYTES("----\r\n"),
	    PARSE_MALFORMED },
	{ "multipart/form-data; boundary=\"XyZ", BYTES("--XyZ--\r\n"),
	    PARSE_MALFORMED },
	{ "multipart/form-data; boundary=\"a<b\"", BYTES("--a<b--\r\n"),
	    PARSE_MALFORMED },
	{ "multipart/form-data; boundary=XyZ; boundary=XyZ",
	    BYTES("--XyZ--\r\n"), PARSE_MALFORMED },
	{ "multipart/form-data; boundary=0123456789012345678901234567890123"
	    "4567890123456789012345678901234567890",	/* 71 */
	    BYTES("--X--\r\n"), PARSE_MALFORMED },
	/* Truncated bodies. */
	{ CT, BYTES(""), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\r\n"), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
	    "\r\nhalf"), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
	    "\r\nx\r\n--XyZ"), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"),
	    PARSE_MALFORMED },
	/* Bad parts. */
	{ CT, BYTES("--XyZ\r\n\r\nx\r\n--XyZ--"), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n"
	    "\r\nx\r\n--XyZ--"), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data\r\n"
	    "\r\nx\r\n--XyZ--"), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n"
	    "\r\nx\r\n--XyZ--"), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=a; "
	    "name=b\r\n\r\nx\r\n--XyZ--"), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\nContent-Disposition: form-data; name=a\n"
	    "\nx\n--XyZ--"), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "\r\nx\r\n--XyZjunk\r\n--XyZ--"), PARSE_MALFORMED },
	/* Text parts: UTF-8 without NUL. */
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "\r\nx\x00y\r\n--XyZ--"), PARSE_MALFORMED },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "\r\n\xe9t\xe9\r\n--XyZ--"), PARSE_MALFORMED },
	/* Limits of `small`. */
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "\r\n0123456789abcdefX\r\n--XyZ--"), PARSE_TOO_LONG },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=a; "
	    "filename=x\r\n\r\n0123456789abcdef0123456789abcdefX\r\n--XyZ--"),
	    PARSE_TOO_LONG },
	{ CT, BYTES("--XyZ\r\nContent-Disposition: form-data; name=abcdefghi"
	    "\r\n\r\nx\r\n--XyZ--"), PARSE_TOO_LONG },
	{ CT, BYTES(
	    "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=b\r\n\r\n2\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=c\r\n\r\n3\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=d\r\n\r\n4\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=e\r\n\r\n5\r\n"
	    "--XyZ--"), PARSE_TOO_MANY },
};

START_TEST(test_multipart_valid)
{
	struct fields	 f = FIELDS_INIT;

	ck_assert_int_eq(multipart_parse(multipart_valids[_i].body,
	    multipart_valids[_i].len, multipart_valids[_i].ctype, &small, &f),
	    PARSE_OK);
	expect_fields(&f, multipart_valids[_i].f, multipart_valids[_i].n,
	    multipart_valids[_i].body);
	fields_free(&f);
}
END_TEST

START_TEST(test_multipart_invalid)
{
	struct fields	 f = FIELDS_INIT;
	enum parse_err	 e;

	e = multipart_parse(multipart_invalids[_i].body,
	    multipart_invalids[_i].len, multipart_invalids[_i].ctype,
	    &small, &f);
	ck_assert_msg(e == multipart_invalids[_i].want, "case %d: %s, want %s",
	    _i, parse_errs[e], parse_errs[multipart_invalids[_i].want]);
	ck_assert_uint_eq(f.n, 0);
	fields_free(&f);
}
END_TEST

/* ---------------------------------------------------------------- */
/* Cookie header                                                    */

static const struct {
	const char	*in;
	size_t		 n;
	struct kv	 f[4];
} cookie_valids[] = {
	{ "", 0, {{ 0 }} },
	{ "sid=abc123", 1, {{ "sid", "abc123", 0, NULL, NULL }} },
	{ "a=1; b=2", 2, {{ "a", "1", 0, NULL, NULL },
	    { "b", "2", 0, NULL, NULL }} },
	{ "  a = 1 ;b=2;  ", 2, {{ "a", "1", 0, NULL, NULL },
	    { "b", "2", 0, NULL, NULL }} },
	{ "q=\"quoted\"; e=", 2, {{ "q", "quoted", 0, NULL, NULL },
	    { "e", "", 0, NULL, NULL }} },
	/* Malformed pairs are skipped. */
	{ "novalue; =x; a b=1; ok=1", 1, {{ "ok", "1", 0, NULL, NULL }} },
	{ "s=has space; t=a\"b; u=a\\b; v=\xc3\xa9; w=1", 1,
	    {{ "w", "1", 0, NULL, NULL }} },
	/* So are pairs over the length limits of `small`. */
	{ "toolongname=1; v=0123456789abcdefX; k=0123456789abcdef", 1,
	    {{ "k", "0123456789abcdef", 0, NULL, NULL }} },
	{ "a=1; a=2", 2, {{ "a", "1", 0, NULL, NULL },
	    { "a", "2", 0, NULL, NULL }} },
	{ "pre=x=y==", 1, {{ "pre", "x=y==", 0, NULL, NULL }} },
};

static const struct {
	const char	*in;
	enum parse_err	 want;
} cookie_invalids[] = {
	{ "a=1; b=2; c=3; d=4; e=5", PARSE_TOO_MANY },
};

START_TEST(test_cookie_valid)
{
	struct fields	 f = FIELDS_INIT;

	ck_assert_int_eq(cookie_parse(cookie_valids[_i].in, &small, &f),
	    PARSE_OK);
	expect_fields(&f, cookie_valids[_i].f, cookie_valids[_i].n,
	    cookie_valids[_i].in);
	fields_free(&f);
}
END_TEST

START_TEST(test_cookie_invalid)
{
	struct fields	 f = FIELDS_INIT;

	ck_assert_int_eq(cookie_parse(cookie_invalids[_i].in, &small, &f),
	    cookie_invalids[_i].want);
	ck_assert_uint_eq(f.n, 0);
	fields_free(&f);
}
END_TEST

START_TEST(test_cookie_null)
{
	struct fields	 f = FIELDS_INIT;

	ck_assert_int_eq(cookie_parse(NULL, NULL, &f), PARSE_OK);
	ck_assert_uint_eq(f.n, 0);
}
END_TEST

/* ---------------------------------------------------------------- */
/* CSV                                                              */

/*
 * Records written as "[field][field]" per line, each line ending in
 * "\n", after the line number the record starts on: "1:[a][b]\n".
 */
static void
csv_dump(const char *in, size_t len, struct buf *b, enum parse_err *e,
    size_t *line)
{
	struct csv_reader	 r;
	struct csv_row		 row;
	size_t			 i;

	csv_init(&r, in, len);
	csv_limits(&r, 4, 16);
	while ((*e = csv_next(&r, &row, line)) == PARSE_OK && row.n > 0) {
		ck_assert_int_eq(buf_printf(b, "%zu:", *line), 0);
		for (i = 0; i < row.n; i++)
			ck_assert_int_eq(buf_printf(b, "[%.*s]",
			    (int)row.v[i].len, row.v[i].p), 0);
		ck_assert_int_eq(buf_putc(b, '\n'), 0);
	}
	/* Ended or failed: stays so. */
	ck_assert_int_eq(csv_next(&r, &row, line), *e);
	ck_assert_uint_eq(row.n, 0);
	csv_free(&r);
	if (b->p == NULL)
		ck_assert_int_eq(buf_puts(b, ""), 0);
}

static const struct {
	const char	*in;
	size_t		 len;
	const char	*want;
} csv_valids[] = {
	{ BYTES(""), "" },
	{ BYTES("a"), "1:[a]\n" },
	{ BYTES("a,b,c\n1,2,3\n"), "1:[a][b][c]\n2:[1][2][3]\n" },
	{ BYTES("a,b\r\n1,2\r\n"), "1:[a][b]\n2:[1][2]\n" },
	{ BYTES("\xef\xbb\xbf" "naam,klas\n"), "1:[naam][klas]\n" },
	{ BYTES("a,,c\n,\n"), "1:[a][][c]\n2:[][]\n" },
	{ BYTES("\"x\"\"y\",\"\"\"\",\"\"\n"), "1:[x\"y][\"][]\n" },
	{ BYTES("\"a,b\",\"twee\r\nregels\"\nvolgende\n"),
	    "1:[a,b][twee\r\nregels]\n3:[volgende]\n" },
	{ BYTES("\n\r\na\n\n\nb"), "3:[a]\n6:[b]\n" },
	{ BYTES("Jos\xc3\xa9,\xc3\xabn"), "1:[Jos\xc3\xa9][\xc3\xabn]\n" },
	{ BYTES("0123456789abcdef,\"0123456789\"\"bcdef\""),
	    "1:[0123456789abcdef][0123456789\"bcdef]\n" },
	{ BYTES("a,b,c,d"), "1:[a][b][c][d]\n" },
};

static const struct {
	const char	*in;
	size_t		 len;
	enum parse_err	 want;
	size_t		 line;
	const char	*before;	/* the records read before the error */
} csv_invalids[] = {
	{ BYTES("a,b\nc\"d,e\n"), PARSE_MALFORMED, 2, "1:[a][b]\n" },
	{ BYTES("a,\"b\"c\n"), PARSE_MALFORMED, 1, "" },
	{ BYTES("ok\n\"open\nx\ny\n"), PARSE_MALFORMED, 2, "1:[ok]\n" },
	{ BYTES("a\rb\n"), PARSE_MALFORMED, 1, "" },
	{ BYTES("a\n\nb\x00\n"), PARSE_MALFORMED, 3, "1:[a]\n" },
	{ BYTES("a\n\"x\ny\x00\"\n"), PARSE_MALFORMED, 2, "1:[a]\n" },
	{ BYTES("1\n2\n\xe9\xe9n\n"), PARSE_MALFORMED, 3,
	    "1:[1]\n2:[2]\n" },
	{ BYTES("\xef\xbb\n"), PARSE_MALFORMED, 1, "" },
	{ BYTES("a,b,c,d\na,b,c,d,e\n"), PARSE_TOO_MANY, 2,
	    "1:[a][b][c][d]\n" },
	{ BYTES("x\n\n0123456789abcdefX\n"), PARSE_TOO_LONG, 3, "1:[x]\n" },
	{ BYTES("\"0123456789\"\"bcdefX\""), PARSE_TOO_LONG, 1, "" },
};

START_TEST(test_csv_valid)
{
	struct buf	 b = BUF_INIT;
	enum parse_err	 e;
	size_t		 line;

	csv_dump(csv_valids[_i].in, csv_valids[_i].len, &b, &e, &line);
	ck_assert_int_eq(e, PARSE_OK);
	ck_assert_str_eq(b.p, csv_valids[_i].want);
	buf_free(&b);
}
END_TEST

START_TEST(test_csv_invalid)
{
	struct buf	 b = BUF_INIT;
	enum parse_err	 e;
	size_t		 line;

	csv_dump(csv_invalids[_i].in, csv_invalids[_i].len, &b, &e, &line);
	ck_assert_int_eq(e, csv_invalids[_i].want);
	ck_assert_uint_eq(line, csv_invalids[_i].line);
	ck_assert_str_eq(b.p, csv_invalids[_i].before);
	buf_free(&b);
}
END_TEST

/* Many records of escaped fields: scratch space moves, fields follow. */
START_TEST(test_csv_many)
{
	struct buf		 in = BUF_INIT;
	struct csv_reader	 r;
	struct csv_row		 row;
	size_t			 i, line, n = 0;

	for (i = 0; i < 5000; i++)
		ck_assert_int_eq(buf_printf(&in,
		    "%zu,\"een \"\"%zu\"\"\",\"twee \"\"x\"\" %zu\",plain\r\n",
		    i, i, i), 0);
	csv_init(&r, in.p, in.len);
	while (csv_next(&r, &row, &line) == PARSE_OK && row.n > 0) {
		ck_assert_uint_eq(line, n + 1);
		ck_assert_uint_eq(row.n, 4);
		ck_assert_int_eq(strncmp(row.v[1].p, "een \"", 5), 0);
		ck_assert_int_eq(strncmp(row.v[2].p, "twee \"x\" ", 9), 0);
		ck_assert_int_eq(strncmp(row.v[3].p, "plain", 5), 0);
		n++;
	}
	ck_assert_uint_eq(n, 5000);
	csv_free(&r);
	buf_free(&in);
}
END_TEST

START_TEST(test_csv_guess_separator)
{
	ck_assert_int_eq(csv_guess_separator(BYTES("leerlingnummer;datum;soort\n1,2;3")), ';');
	ck_assert_int_eq(csv_guess_separator(BYTES("leerlingnummer,datum,soort\n1;2;3;4")), ',');
	ck_assert_int_eq(csv_guess_separator(BYTES("\"a;b\",c,d")), ',');
	ck_assert_int_eq(csv_guess_separator(BYTES("")), ',');
}
END_TEST

START_TEST(test_csv_separator)
{
	struct csv_reader	 r;
	struct csv_row		 row;
	size_t			 line;

	csv_init(&r, BYTES("naam;\"a;b,c\"\n"));
	csv_separator(&r, ';');
	ck_assert_int_eq(csv_next(&r, &row, &line), PARSE_OK);
	ck_assert_uint_eq(row.n, 2);
	ck_assert_int_eq(row.v[1].len, 5);
	ck_assert_int_eq(memcmp(row.v[1].p, "a;b,c", 5), 0);
	csv_free(&r);
}
END_TEST

/* ---------------------------------------------------------------- */
/* Escaping                                                         */

static const struct {
	const char	*in;
	const char	*html;
	const char	*url;
} escapes[] = {
	{ "", "", "" },
	{ "gewoon", "gewoon", "gewoon" },
	{ "<script>alert(1)</script>",
	    "&lt;script&gt;alert(1)&lt;/script&gt;",
	    "%3Cscript%3Ealert%281%29%3C%2Fscript%3E" },
	{ "\" onmouseover=\"x", "&quot; onmouseover=&quot;x",
	    "%22%20onmouseover%3D%22x" },
	{ "' onmouseover='x", "&#39; onmouseover=&#39;x",
	    "%27%20onmouseover%3D%27x" },
	{ "a&b=c d", "a&amp;b=c d", "a%26b%3Dc%20d" },
	{ "&amp;", "&amp;amp;", "%26amp%3B" },
	{ "Jos\xc3\xa9 +", "Jos\xc3\xa9 +", "Jos%C3%A9%20%2B" },
	{ "-._~/?#", "-._~/?#", "-._~%2F%3F%23" },
};

START_TEST(test_escape)
{
	struct buf	 b = BUF_INIT;

	ck_assert_int_eq(html_escape_str(&b, escapes[_i].in), 0);
	ck_assert_str_eq(b.p, escapes[_i].html);
	buf_reset(&b);
	ck_assert_int_eq(url_escape(&b, escapes[_i].in), 0);
	ck_assert_str_eq(b.p, escapes[_i].url);
	buf_free(&b);
}
END_TEST

START_TEST(test_escape_nul)
{
	struct buf	 b = BUF_INIT;

	ck_assert_int_eq(html_escape(&b, BYTES("a\0<")), 0);
	ck_assert_uint_eq(b.len, 6);
	ck_assert_int_eq(memcmp(b.p, "a\0&lt;", 6), 0);
	buf_free(&b);
}
END_TEST

START_TEST(test_buf)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(buf_printf(&b, "%zu,", i), 0);
	ck_assert_uint_eq(b.len, strlen(b.p));
	ck_assert_int_eq(strncmp(b.p, "0,1,2,", 6), 0);
	ck_assert_int_eq(strcmp(b.p + b.len - 4, "999,"), 0);
	buf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(b.p, "");
	ck_assert_int_eq(buf_puts(&b, "ab"), 0);
	ck_assert_int_eq(buf_put(&b, "cd", 1), 0);
	ck_assert_str_eq(b.p, "abc");
	buf_free(&b);
	ck_assert_ptr_null(b.p);
}
END_TEST

/* ---------------------------------------------------------------- text values */

static const struct {
	const char	*v;
	int		 line, email;
} texts[] = {
	{ "ouder@demo.nl", 1, 1 },
	{ "a.b-c+d@sub.gemeente.nl", 1, 1 },
	{ "Jansen", 1, 0 },
	{ "", 1, 0 },
	{ "@demo.nl", 1, 0 },
	{ "ouder@", 1, 0 },
	{ "ouder@demo", 1, 0 },
	{ "ouder@demo.", 1, 0 },
	{ "ouder@.nl", 1, 0 },
	{ "ou der@demo.nl", 1, 0 },
	{ "a@b@demo.nl", 1, 0 },
	{ "Piet <piet@demo.nl>", 1, 0 },
	{ "a@demo.nl,b@demo.nl", 1, 0 },
	{ "ouder@demo.nl\r\nBcc: x@evil.org", 0, 0 },
	{ "Piet\r\nBcc: evil@example.org", 0, 0 },
	{ "tab\there", 0, 0 },
	{ "del\x7f", 0, 0 },
	{ "Zo\xc3\xab de Vries", 1, 0 },	/* UTF-8 is text */
};

START_TEST(test_text_values)
{
	ck_assert_msg(text_is_line(texts[_i].v) == texts[_i].line, "line %s", texts[_i].v);
	ck_assert_msg(text_is_email(texts[_i].v) == texts[_i].email, "email %s", texts[_i].v);
}
END_TEST

/* ---------------------------------------------------------------- CSV cells out */

static const struct {
	const char	*in, *out;
} csv_cells[] = {
	{ "Zoetermeer", "Zoetermeer;" },
	{ "a;b", "\"a;b\";" },
	{ "zeg \"ja\"", "\"zeg \"\"ja\"\"\";" },
	{ "=1+2", "'=1+2;" },
	{ "+31 6", "'+31 6;" },
	{ "-2", "'-2;" },
	{ "@SUM(A1)", "'@SUM(A1);" },
	{ "  =cmd", "'  =cmd;" },
	{ "\t=1", "'\t=1;" },
	{ "\r=1", "\"'\r=1\";" },
	{ "a=b", "a=b;" },
	{ "", ";" },
};

START_TEST(test_csv_cell)
{
	struct buf b = { 0 };

	ck_assert_int_eq(buf_csv(&b, csv_cells[_i].in, ';', 0), 0);
	ck_assert_uint_eq(b.len, strlen(csv_cells[_i].out));
	ck_assert_msg(memcmp(b.p, csv_cells[_i].out, b.len) == 0, "cell %d", _i);
	buf_free(&b);
}
END_TEST

static Suite *
parse_suite(void)
{
	Suite	*s = suite_create("parse");
	TCase	*tc;

	tc = tcase_create("urlenc");
	tcase_add_loop_test(tc, test_urlenc_valid, 0, NELEM(urlenc_valids));
	tcase_add_loop_test(tc, test_urlenc_invalid, 0,
	    NELEM(urlenc_invalids));
	tcase_add_test(tc, test_urlenc_raw_nul);
	tcase_add_test(tc, test_urlenc_append);
	suite_add_tcase(s, tc);

	tc = tcase_create("multipart");
	tcase_add_loop_test(tc, test_multipart_valid, 0,
	    NELEM(multipart_valids));
	tcase_add_loop_test(tc, test_multipart_invalid, 0,
	    NELEM(multipart_invalids));
	suite_add_tcase(s, tc);

	tc = tcase_create("cookie");
	tcase_add_loop_test(tc, test_cookie_valid, 0, NELEM(cookie_valids));
	tcase_add_loop_test(tc, test_cookie_invalid, 0,
	    NELEM(cookie_invalids));
	tcase_add_test(tc, test_cookie_null);
	suite_add_tcase(s, tc);

	tc = tcase_create("csv_cell");
	tcase_add_loop_test(tc, test_csv_cell, 0, NELEM(csv_cells));
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_loop_test(tc, test_text_values, 0, NELEM(texts));
	suite_add_tcase(s, tc);

	tc = tcase_create("csv");
	tcase_add_loop_test(tc, test_csv_valid, 0, NELEM(csv_valids));
	tcase_add_loop_test(tc, test_csv_invalid, 0, NELEM(csv_invalids));
	tcase_add_test(tc, test_csv_many);
	tcase_add_test(tc, test_csv_separator);
	tcase_add_test(tc, test_csv_guess_separator);
	suite_add_tcase(s, tc);

	tc = tcase_create("escape");
	tcase_add_loop_test(tc, test_escape, 0, NELEM(escapes));
	tcase_add_test(tc, test_escape_nul);
	tcase_add_test(tc, test_buf);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(parse_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
