/* Readers for the registration and vacation CSV files of verzuimctl. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/csvread.h"
#include "parse/csv.h"

#define FIELD_LEN 128           /* longer values are kept truncated and flagged */

/* A field's value copied out, NUL-terminated and trimmed of surrounding blanks. */
struct cell {
	char text[FIELD_LEN];
	size_t len;             /* full trimmed length, may exceed FIELD_LEN - 1 */
};

static const char *const csv_errs[PARSE__MAX] = {
	"",                                                     /* PARSE_OK */
	"onjuiste CSV (aanhalingsteken, CR, NUL of geen UTF-8)", /* PARSE_MALFORMED */
	"te veel velden",                                       /* PARSE_TOO_MANY */
	"veld te lang",                                         /* PARSE_TOO_LONG */
	"geen geheugen",                                        /* PARSE_NOMEM */
};

static int
fail(struct csv_error *err, size_t line, const char *fmt, ...)
{
	va_list ap;

	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static void
copy_field(struct cell *f, const struct csv_field *c)
{
	const char *p = c->p;
	size_t n = c->len;

	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	f->len = n;
	if (n > FIELD_LEN - 1)
		n = FIELD_LEN - 1;
	memcpy(f->text, p, n);
	f->text[n] = '\0';
}

/*
 * Reads one record of exactly 3 fields into f: field i at f[map[i]], in the header's name order
 * (map NULL: as read). Returns 1, 0 at the end of the input, -1 on error.
 */
static int
read_record(struct csv_reader *r, const int *map, struct cell f[3], const char *columns,
    size_t *line, struct csv_error *err)
{
	struct csv_row row;
	enum parse_err e;

	if ((e = csv_next(r, &row, line)) != PARSE_OK)
		return fail(err, *line, "%s", csv_errs[e]);
	if (row.n == 0)
		return 0;
	if (row.n != 3)
		return fail(err, *line, "verwacht 3 velden (%s), gevonden %zu", columns, row.n);
	for (int i = 0; i < 3; i++)
		copy_field(&f[map ? map[i] : i], &row.v[i]);
	return 1;
}

static void
lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* Safe echo of a field value in a message. */
static const char *
shown(const struct cell *f, char *buf, size_t n)
{
	size_t j = 0;

	for (size_t i = 0; f->text[i] != '\0' && j + 4 < n; i++) {
		unsigned char c = (unsigned char)f->text[i];
		buf[j++] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	if (f->len >= FIELD_LEN - 1 && j + 4 < n) {
		memcpy(buf + j, "...", 3);
		j += 3;
	}
	buf[j] = '\0';
	return buf;
}

/*
 * Reads the header: exactly the three names in any order. map[i] is the column of field i.
 * Returns 0 at end of input without a header (an empty file), 1 with a header, -1 on error.
 */
static int
read_header(struct csv_reader *r, const char *const names[3], const char *columns, int map[3],
    struct csv_error *err)
{
	struct cell f[3];
	size_t line = 1;
	unsigned seen = 0;
	int rc;

	if ((rc = read_record(r, NULL, f, columns, &line, err)) <= 0) {
		if (rc < 0)
			fail(err, line, "kopregel moet de kolommen %s noemen", columns);
		return rc;
	}
	for (int i = 0; i < 3; i++) {
		int c;
		lower(f[i].text);
		for (c = 0; c < 3; c++)
			if (strcmp(f[i].text, names[c]) == 0)
				break;
		if (c == 3 || (seen & (1u << c)))
			return fail(err, line, "kopregel moet de kolommen %s noemen", columns);
		seen |= 1u << c;
		map[i] = c;
	}
	return 1;
}

/* Starts reading a file with the three named columns: 1 with a header, 0 empty, -1 error. */
static int
read_begin(struct csv_reader *r, const char *buf, size_t len, const char *const names[3],
    const char *columns, int map[3], struct csv_error *err)
{
	err->line = 0;
	err->msg[0] = '\0';
	csv_init(r, buf, len);
	return read_header(r, names, columns, map, err);
}

static int
grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 256;
	void *p = realloc(*arr, ncap * size);
	if (p == NULL)
		return -1;
	*arr = p;
	*cap = ncap;
	return 0;
}

static int
field_date(const struct cell *f, rules_date *d)
{
	return f->len >= FIELD_LEN - 1 ? -1 : rules_date_parse(f->text, f->len, d);
}

int
csv_read_registrations(const char *buf, size_t len, struct rules_registration **out,
    size_t *n, struct csv_error *err)
{
	static const char *const names[3] = { "datum", "soort", "minuten" };
	static const char columns[] = "datum,soort,minuten";
	struct csv_reader r;
	struct rules_registration *arr = NULL;
	size_t cap = 0, cnt = 0, line = 0;
	int map[3], rc;
	char q[80];

	*out = NULL;
	*n = 0;
	if ((rc = read_begin(&r, buf, len, names, columns, map, err)) <= 0)
		goto done;
	for (;;) {
		struct cell by[3];
		struct rules_registration reg;
		if ((rc = read_record(&r, map, by, columns, &line, err)) <= 0)
			break;
		rc = -1;
		if (field_date(&by[0], &reg.datum) != 0) {
			fail(err, line, "ongeldige datum '%s'", shown(&by[0], q, sizeof(q)));
			break;
		}
		int k;
		for (k = 0; k < RULES_REG__MAX; k++)
			if (strcmp(by[1].text, rules_reg_kind_names[k]) == 0)
				break;
		if (k == RULES_REG__MAX) {
			fail(err, line, "onbekende soort '%s' (ongeoorloofd, te_laat, ziek, verlof, "
			    "schorsing)", shown(&by[1], q, sizeof(q)));
			break;
		}
		reg.soort = (enum rules_reg_kind)k;
		long m = 0;
		const char *s = by[2].text;
		if (*s == '\0' || by[2].len > 5)
			m = -1;
		for (; m >= 0 && *s != '\0'; s++)
			m = *s >= '0' && *s <= '9' ? m * 10 + (*s - '0') : -1;
		if (m < 0 || m > 1440) {
			fail(err, line, "ongeldig aantal minuten '%s' (0 tot en met 1440)",
			    shown(&by[2], q, sizeof(q)));
			break;
		}
		reg.minuten = (int32_t)m;
		if (grow((void **)&arr, &cap, cnt, sizeof(*arr)) != 0) {
			fail(err, 0, "geen geheugen");
			break;
		}
		arr[cnt++] = reg;
	}
done:
	csv_free(&r);
	if (rc < 0) {
		free(arr);
		return -1;
	}
	*out = arr;
	*n = cnt;
	return 0;
}

/* The vacation reader; with names non-NULL it also keeps each name (1 to 120 bytes). */
static int
read_vacations(const char *buf, size_t len, struct rules_vacation **out,
    struct csv_vacation_name **vnames, size_t *n, struct csv_error *err)
{
	static const char *const names[3] = { "start", "end", "name" };
	static const char columns[] = "start,end,name";
	struct csv_reader r;
	struct rules_vacation *arr = NULL;
	struct csv_vacation_name *narr = NULL;
	size_t cap = 0, ncap = 0, cnt = 0, line = 0;
	int map[3], rc;
	char q[80];

	*out = NULL;
	if (vnames != NULL)
		*vnames = NULL;
	*n = 0;
	if ((rc = read_begin(&r, buf, len, names, columns, map, err)) <= 0)
		goto done;
	for (;;) {
		struct cell by[3];
		struct rules_vacation v;
		if ((rc = read_record(&r, map, by, columns, &line, err)) <= 0)
			break;
		rc = -1;
		if (field_date(&by[0], &v.start) != 0) {
			fail(err, line, "ongeldige begindatum '%s'", shown(&by[0], q, sizeof(q)));
			break;
		}
		if (field_date(&by[1], &v.end) != 0) {
			fail(err, line, "ongeldige einddatum '%s'", shown(&by[1], q, sizeof(q)));
			break;
		}
		if (v.end < v.start) {
			fail(err, line, "einddatum ligt voor de begindatum");
			break;
		}
		if (vnames != NULL && (by[2].len == 0 || by[2].len > CSV_VACATION_NAME_MAX)) {
			fail(err, line, "de naam moet 1 tot en met %d tekens hebben",
			    CSV_VACATION_NAME_MAX);
			break;
		}
		if (grow((void **)&arr, &cap, cnt, sizeof(*arr)) != 0 || (vnames != NULL &&
		    grow((void **)&narr, &ncap, cnt, sizeof(*narr)) != 0)) {
			fail(err, 0, "geen geheugen");
			break;
		}
		if (vnames != NULL) {
			memcpy(narr[cnt].name, by[2].text, by[2].len);
			narr[cnt].name[by[2].len] = '\0';
		}
		arr[cnt++] = v;
	}
done:
	csv_free(&r);
	if (rc < 0) {
		free(arr);
		free(narr);
		return -1;
	}
	*out = arr;
	if (vnames != NULL)
		*vnames = narr;
	*n = cnt;
	return 0;
}

int
csv_read_vacations(const char *buf, size_t len, struct rules_vacation **out, size_t *n,
    struct csv_error *err)
{
	return read_vacations(buf, len, out, NULL, n, err);
}

int
csv_read_vacations_named(const char *buf, size_t len, struct rules_vacation **out,
    struct csv_vacation_name **names, size_t *n, struct csv_error *err)
{
	return read_vacations(buf, len, out, names, n, err);
}
