/* Readers for the registration and vacation CSV files of verzuimctl. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/csvread.h"

#define FIELD_MAX 4             /* more fields than this is an error anyway */
#define FIELD_LEN 64            /* longer values are kept truncated and flagged */

struct field {
	char text[FIELD_LEN];
	size_t len;             /* full length, may exceed FIELD_LEN - 1 */
	int quoted;
};

struct reader {
	const char *p;
	size_t len, pos;
	size_t line;            /* line the current record starts on */
	size_t next_line;
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
put(struct field *f, char c)
{
	if (f->len < FIELD_LEN - 1)
		f->text[f->len] = c;
	f->len++;
}

static void
finish(struct field *f)
{
	f->text[f->len < FIELD_LEN - 1 ? f->len : FIELD_LEN - 1] = '\0';
	/* Unquoted values are trimmed of surrounding blanks. */
	if (!f->quoted && f->len < FIELD_LEN - 1) {
		size_t a = 0, b = f->len;
		while (a < b && (f->text[a] == ' ' || f->text[a] == '\t'))
			a++;
		while (b > a && (f->text[b - 1] == ' ' || f->text[b - 1] == '\t'))
			b--;
		memmove(f->text, f->text + a, b - a);
		f->len = b - a;
		f->text[f->len] = '\0';
	}
}

/*
 * Reads one record. Returns the number of fields, 0 at the end of the input, -1 on error.
 * Blank lines are skipped.
 */
static int
read_record(struct reader *r, struct field *fields, struct csv_error *err)
{
	int nf;

	for (;;) {
		if (r->pos >= r->len)
			return 0;
		r->line = r->next_line;
		size_t s = r->pos;
		while (s < r->len && (r->p[s] == ' ' || r->p[s] == '\t' || r->p[s] == '\r'))
			s++;
		if (s < r->len && r->p[s] != '\n')
			break;
		r->pos = s + 1;
		r->next_line++;
	}
	nf = 0;
	for (;;) {
		struct field *f;
		if (nf == FIELD_MAX)
			return fail(err, r->line, "te veel velden");
		f = &fields[nf++];
		f->len = 0;
		f->quoted = 0;
		while (r->pos < r->len && (r->p[r->pos] == ' ' || r->p[r->pos] == '\t'))
			put(f, r->p[r->pos++]);
		if (r->pos < r->len && r->p[r->pos] == '"') {
			f->len = 0;     /* blanks before an opening quote are not content */
			f->quoted = 1;
			r->pos++;
			for (;;) {
				if (r->pos >= r->len)
					return fail(err, r->line, "aanhalingsteken niet gesloten");
				char c = r->p[r->pos++];
				if (c == '"') {
					if (r->pos < r->len && r->p[r->pos] == '"') {
						put(f, '"');
						r->pos++;
						continue;
					}
					break;
				}
				if (c == '\0')
					return fail(err, r->next_line, "NUL-teken in de invoer");
				if (c == '\n')
					r->next_line++;
				put(f, c);
			}
			while (r->pos < r->len && (r->p[r->pos] == ' ' || r->p[r->pos] == '\t' ||
			    r->p[r->pos] == '\r'))
				r->pos++;
			if (r->pos < r->len && r->p[r->pos] != ',' && r->p[r->pos] != '\n')
				return fail(err, r->next_line, "tekst na een gesloten aanhalingsteken");
		} else {
			while (r->pos < r->len && r->p[r->pos] != ',' && r->p[r->pos] != '\n') {
				char c = r->p[r->pos++];
				if (c == '"')
					return fail(err, r->line, "aanhalingsteken midden in een veld");
				if (c == '\0')
					return fail(err, r->line, "NUL-teken in de invoer");
				/* A CR ending the line (CRLF) is not content. */
				if (c == '\r' && (r->pos == r->len || r->p[r->pos] == '\n'))
					continue;
				put(f, c);
			}
		}
		finish(f);
		if (r->pos >= r->len) {
			r->next_line++;
			return nf;
		}
		if (r->p[r->pos++] == '\n') {
			r->next_line++;
			return nf;
		}
	}
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
shown(const struct field *f, char *buf, size_t n)
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
read_header(struct reader *r, const char *const names[3], int map[3], struct csv_error *err)
{
	struct field f[FIELD_MAX];
	int nf;
	unsigned seen = 0;

	if (r->len >= 3 && memcmp(r->p, "\xef\xbb\xbf", 3) == 0)
		r->pos = 3;
	if ((nf = read_record(r, f, err)) <= 0)
		return nf;
	if (nf != 3)
		goto bad;
	for (int i = 0; i < 3; i++) {
		int c;
		lower(f[i].text);
		for (c = 0; c < 3; c++)
			if (strcmp(f[i].text, names[c]) == 0)
				break;
		if (c == 3 || (seen & (1u << c)))
			goto bad;
		seen |= 1u << c;
		map[i] = c;
	}
	return 1;
bad:
	return fail(err, r->line, "kopregel moet de kolommen %s,%s,%s noemen", names[0], names[1],
	    names[2]);
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
field_date(const struct field *f, rules_date *d)
{
	return f->len >= FIELD_LEN - 1 ? -1 : rules_date_parse(f->text, f->len, d);
}

int
csv_read_registrations(const char *buf, size_t len, struct rules_registration **out,
    size_t *n, struct csv_error *err)
{
	static const char *const names[3] = { "datum", "soort", "minuten" };
	struct reader r = { buf, len, 0, 1, 1 };
	struct rules_registration *arr = NULL;
	size_t cap = 0, cnt = 0;
	int map[3], nf;
	char q[80];

	*out = NULL;
	*n = 0;
	err->line = 0;
	err->msg[0] = '\0';
	if ((nf = read_header(&r, names, map, err)) <= 0)
		return nf;
	for (;;) {
		struct field f[FIELD_MAX], *by[3];
		struct rules_registration reg;
		if ((nf = read_record(&r, f, err)) == 0)
			break;
		if (nf < 0)
			goto out_fail;
		if (nf != 3) {
			fail(err, r.line, "verwacht 3 velden (datum,soort,minuten), gevonden %d", nf);
			goto out_fail;
		}
		for (int i = 0; i < 3; i++)
			by[map[i]] = &f[i];
		if (field_date(by[0], &reg.datum) != 0) {
			fail(err, r.line, "ongeldige datum '%s'", shown(by[0], q, sizeof(q)));
			goto out_fail;
		}
		int k;
		for (k = 0; k < RULES_REG__MAX; k++)
			if (strcmp(by[1]->text, rules_reg_kind_names[k]) == 0)
				break;
		if (k == RULES_REG__MAX) {
			fail(err, r.line, "onbekende soort '%s' (ongeoorloofd, te_laat, ziek, verlof, "
			    "schorsing)", shown(by[1], q, sizeof(q)));
			goto out_fail;
		}
		reg.soort = (enum rules_reg_kind)k;
		long m = 0;
		const char *s = by[2]->text;
		if (*s == '\0' || by[2]->len > 5)
			m = -1;
		for (; m >= 0 && *s != '\0'; s++)
			m = *s >= '0' && *s <= '9' ? m * 10 + (*s - '0') : -1;
		if (m < 0 || m > 1440) {
			fail(err, r.line, "ongeldig aantal minuten '%s' (0 tot en met 1440)",
			    shown(by[2], q, sizeof(q)));
			goto out_fail;
		}
		reg.minuten = (int32_t)m;
		if (grow((void **)&arr, &cap, cnt, sizeof(*arr)) != 0) {
			fail(err, 0, "geen geheugen");
			goto out_fail;
		}
		arr[cnt++] = reg;
	}
	*out = arr;
	*n = cnt;
	return 0;
out_fail:
	free(arr);
	return -1;
}

int
csv_read_vacations(const char *buf, size_t len, struct rules_vacation **out, size_t *n,
    struct csv_error *err)
{
	static const char *const names[3] = { "start", "end", "name" };
	struct reader r = { buf, len, 0, 1, 1 };
	struct rules_vacation *arr = NULL;
	size_t cap = 0, cnt = 0;
	int map[3], nf;
	char q[80];

	*out = NULL;
	*n = 0;
	err->line = 0;
	err->msg[0] = '\0';
	if ((nf = read_header(&r, names, map, err)) <= 0)
		return nf;
	for (;;) {
		struct field f[FIELD_MAX], *by[3];
		struct rules_vacation v;
		if ((nf = read_record(&r, f, err)) == 0)
			break;
		if (nf < 0)
			goto out_fail;
		if (nf != 3) {
			fail(err, r.line, "verwacht 3 velden (start,end,name), gevonden %d", nf);
			goto out_fail;
		}
		for (int i = 0; i < 3; i++)
			by[map[i]] = &f[i];
		if (field_date(by[0], &v.start) != 0) {
			fail(err, r.line, "ongeldige begindatum '%s'", shown(by[0], q, sizeof(q)));
			goto out_fail;
		}
		if (field_date(by[1], &v.end) != 0) {
			fail(err, r.line, "ongeldige einddatum '%s'", shown(by[1], q, sizeof(q)));
			goto out_fail;
		}
		if (v.end < v.start) {
			fail(err, r.line, "einddatum ligt voor de begindatum");
			goto out_fail;
		}
		if (grow((void **)&arr, &cap, cnt, sizeof(*arr)) != 0) {
			fail(err, 0, "geen geheugen");
			goto out_fail;
		}
		arr[cnt++] = v;
	}
	*out = arr;
	*n = cnt;
	return 0;
out_fail:
	free(arr);
	return -1;
}
