#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/fields.h"
#include "parse/csv.h"

void
csv_init(struct csv_reader *r, const char *buf, size_t len)
{
	memset(r, 0, sizeof(*r));
	if (buf == NULL)
		buf = "";
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	r->pos = buf;
	r->end = buf + len;
	r->line = 1;
	r->max_fields = CSV_MAX_FIELDS;
	r->max_field = CSV_MAX_FIELD;
	r->sep = ',';
}

void
csv_limits(struct csv_reader *r, size_t max_fields, size_t max_field)
{
	r->max_fields = max_fields;
	r->max_field = max_field;
}

void
csv_separator(struct csv_reader *r, char sep)
{
	if (sep != '"' && sep != '\r' && sep != '\n' && sep != '\0')
		r->sep = sep;
}

char
csv_guess_separator(const char *buf, size_t len)
{
	size_t commas = 0, semis = 0;

	for (size_t i = 0; i < len && buf[i] != '\n'; i++) {
		commas += buf[i] == ',';
		semis += buf[i] == ';';
	}
	return semis > commas ? ';' : ',';
}

void
csv_free(struct csv_reader *r)
{
	free(r->fv);
	free(r->off);
	free(r->scratch);
	r->fv = NULL;
	r->off = NULL;
	r->scratch = NULL;
	r->fcap = r->slen = r->scap = 0;
}

static enum parse_err
fail(struct csv_reader *r, enum parse_err e, size_t line, size_t *lineno)
{
	r->err = e;
	r->errline = line;
	if (lineno != NULL)
		*lineno = line;
	return e;
}

static int
grow_fields(struct csv_reader *r)
{
	struct csv_field	*fv;
	size_t			*off, ncap;

	ncap = r->fcap ? r->fcap * 2 : 16;
	if (ncap > r->max_fields)
		ncap = r->max_fields;
	if (ncap > SIZE_MAX / sizeof(*fv))
		return -1;
	if ((fv = realloc(r->fv, ncap * sizeof(*fv))) == NULL)
		return -1;
	r->fv = fv;
	if ((off = realloc(r->off, ncap * sizeof(*off))) == NULL)
		return -1;
	r->off = off;
	r->fcap = ncap;
	return 0;
}

static int
scratch_put(struct csv_reader *r, const char *s, size_t n)
{
	char	*np;
	size_t	 ncap;

	if (n > SIZE_MAX / 2 - r->slen)
		return -1;
	if (r->slen + n > r->scap) {
		ncap = r->scap ? r->scap : 256;
		while (ncap < r->slen + n)
			ncap *= 2;
		if ((np = realloc(r->scratch, ncap)) == NULL)
			return -1;
		r->scratch = np;
		r->scap = ncap;
	}
	memcpy(r->scratch + r->slen, s, n);
	r->slen += n;
	return 0;
}

/* Field contents must be UTF-8 without NUL. */
static int
text_ok(const char *p, size_t n)
{
	return memchr(p, '\0', n) == NULL && utf8_valid(p, n);
}

/*
 * A quoted field from r->pos (just after the opening quote). Its bytes go
 * to *f, or, when it holds "" escapes, to scratch at offset *off.
 */
static enum parse_err
quoted(struct csv_reader *r, struct csv_field *f, size_t *off)
{
	const char	*seg = r->pos, *q, *nl;

	*off = SIZE_MAX;
	for (;;) {
		q = memchr(r->pos, '"', (size_t)(r->end - r->pos));
		if (q == NULL)
			return PARSE_MALFORMED;
		for (nl = r->pos; (nl = memchr(nl, '\n',
		    (size_t)(q - nl))) != NULL; nl++)
			r->line++;
		if (q + 1 < r->end && q[1] == '"') {
			if (*off == SIZE_MAX)
				*off = r->slen;
			if (scratch_put(r, seg, (size_t)(q + 1 - seg)) == -1)
				return PARSE_NOMEM;
			r->pos = seg = q + 2;
			if ((size_t)(r->slen - *off) > r->max_field)
				return PARSE_TOO_LONG;
			continue;
		}
		if (*off != SIZE_MAX) {
			if (scratch_put(r, seg, (size_t)(q - seg)) == -1)
				return PARSE_NOMEM;
			f->p = NULL;
			f->len = r->slen - *off;
		} else {
			f->p = seg;
			f->len = (size_t)(q - seg);
		}
		r->pos = q + 1;
		return PARSE_OK;
	}
}

static enum parse_err
unquoted(struct csv_reader *r, struct csv_field *f)
{
	const char	*p = r->pos;
	const char	 sep = r->sep;
	unsigned char	 hi = 0, c;

	for (; p < r->end; p++) {
		c = (unsigned char)*p;
		if (c == (unsigned char)sep || c == '\n' || c == '\r')
			break;
		if (c == '"' || c == '\0')
			return PARSE_MALFORMED;
		hi |= c;
	}
	f->p = r->pos;
	f->len = (size_t)(p - r->pos);
	r->pos = p;
	if (f->len > r->max_field)
		return PARSE_TOO_LONG;
	if ((hi & 0x80) && !utf8_valid(f->p, f->len))
		return PARSE_MALFORMED;
	return PARSE_OK;
}

enum parse_err
csv_next(struct csv_reader *r, struct csv_row *row, size_t *lineno)
{
	struct csv_field	 f;
	size_t			 n, i, off, fline, rowline;
	enum parse_err		 e;

	row->v = NULL;
	row->n = 0;
	if (r->err != PARSE_OK) {
		if (lineno != NULL)
			*lineno = r->errline;
		return r->err;
	}
	/* Blank lines between records. */
	while (r->pos < r->end) {
		if (r->pos[0] == '\n')
			r->pos++;
		else if (r->pos[0] == '\r' && r->end - r->pos >= 2 &&
		    r->pos[1] == '\n')
			r->pos += 2;
		else
			break;
		r->line++;
	}
	rowline = r->line;
	if (lineno != NULL)
		*lineno = rowline;
	if (r->pos == r->end)
		return PARSE_OK;

	r->slen = 0;
	for (n = 0;; ) {
		if (n == r->max_fields)
			return fail(r, PARSE_TOO_MANY, r->line, lineno);
		if (n == r->fcap && grow_fields(r) == -1)
			return fail(r, PARSE_NOMEM, r->line, lineno);
		fline = r->line;
		if (r->pos < r->end && *r->pos == '"') {
			r->pos++;
			if ((e = quoted(r, &f, &off)) != PARSE_OK)
				return fail(r, e, fline, lineno);
			if (f.len > r->max_field)
				return fail(r, PARSE_TOO_LONG, fline, lineno);
			if (!text_ok(off == SIZE_MAX ? f.p :
			    r->scratch + off, f.len))
				return fail(r, PARSE_MALFORMED, fline, lineno);
		} else {
			off = SIZE_MAX;
			if ((e = unquoted(r, &f)) != PARSE_OK)
				return fail(r, e, fline, lineno);
		}
		r->fv[n] = f;
		r->off[n++] = off;

		if (r->pos == r->end)
			break;
		if (*r->pos == r->sep) {
			r->pos++;
			continue;
		}
		if (*r->pos == '\n') {
			r->pos++;
			r->line++;
			break;
		}
		if (*r->pos == '\r' && r->end - r->pos >= 2 &&
		    r->pos[1] == '\n') {
			r->pos += 2;
			r->line++;
			break;
		}
		/* Text after a closing quote, or a lone CR. */
		return fail(r, PARSE_MALFORMED, r->line, lineno);
	}
	/* Scratch has stopped moving: point its fields into it. */
	for (i = 0; i < n; i++)
		if (r->off[i] != SIZE_MAX)
			r->fv[i].p = r->scratch + r->off[i];
	row->v = r->fv;
	row->n = n;
	return PARSE_OK;
}
