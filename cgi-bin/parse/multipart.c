/*
 * multipart/form-data bodies (RFC 7578 over RFC 2046 §5.1).
 * Strict: lines end in CRLF, every part names itself in a
 * Content-Disposition: form-data header, the body ends with the close
 * delimiter. A part with a filename parameter is a file part (any bytes,
 * max_file); any other is a text part (UTF-8 without NUL, max_value).
 */
#include <string.h>
#include <strings.h>

#include "parse/fields.h"
#include "parse/extern.h"

#define BOUNDARY_MAX	70
#define FILENAME_MAX_	255
#define CTYPE_MAX	255

struct span {
	const char	*p;
	size_t		 n;
};

struct part {
	struct span	 name;
	struct span	 filename;	/* p == NULL: a text part */
	struct span	 ctype;		/* p == NULL: no Content-Type */
	int		 has_disp;
};

/* memmem is a GNU extension in this libc: a portable one. */
static const char *
find(const char *h, size_t hn, const char *nd, size_t nn)
{
	const char	*p, *end;

	if (nn == 0 || hn < nn)
		return NULL;
	end = h + (hn - nn) + 1;
	for (p = h; p < end; p++) {
		if ((p = memchr(p, nd[0], (size_t)(end - p))) == NULL)
			return NULL;
		if (memcmp(p, nd, nn) == 0)
			return p;
	}
	return NULL;
}

static int
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

static int
is_tchar(unsigned char c)
{
	if (c <= 0x20 || c >= 0x7f)
		return 0;
	return strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

/* RFC 2046 bchars, less the space that may not end a boundary. */
static int
is_bchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || strchr("'()+_,-./:=? ", c) != NULL;
}

static void
skip_ows(const char **p, const char *end)
{
	while (*p < end && is_ows(**p))
		(*p)++;
}

/*
 * Read one parameter "; name=value" starting at *p (at the ';').
 * The value is a token or a quoted string; quoted strings end at the
 * next '"' (browsers percent-encode quotes in names, they do not use
 * backslash escapes). Returns 1 with a parameter, 0 at the end,
 * -1 when malformed.
 */
static int
next_param(const char **p, const char *end, struct span *k, struct span *v)
{
	const char	*s = *p, *q;

	skip_ows(&s, end);
	if (s == end) {
		*p = s;
		return 0;
	}
	if (*s != ';')
		return -1;
	s++;
	skip_ows(&s, end);
	for (k->p = s; s < end && is_tchar((unsigned char)*s); s++)
		continue;
	if ((k->n = (size_t)(s - k->p)) == 0)
		return -1;
	skip_ows(&s, end);
	if (s == end || *s != '=')
		return -1;
	s++;
	skip_ows(&s, end);
	if (s < end && *s == '"') {
		s++;
		if ((q = memchr(s, '"', (size_t)(end - s))) == NULL)
			return -1;
		v->p = s;
		v->n = (size_t)(q - s);
		s = q + 1;
	} else {
		for (v->p = s; s < end && is_tchar((unsigned char)*s); s++)
			continue;
		v->n = (size_t)(s - v->p);
	}
	*p = s;
	return 1;
}

static int
span_is(const struct span *s, const char *lit)
{
	return s->n == strlen(lit) && strncasecmp(s->p, lit, s->n) == 0;
}

/* Starts with the case-insensitive literal; advance past it. */
static int
eat(const char **p, const char *end, const char *lit)
{
	size_t	 n = strlen(lit);

	if ((size_t)(end - *p) < n || strncasecmp(*p, lit, n) != 0)
		return 0;
	*p += n;
	return 1;
}

static int
boundary_of(const char *hdr, struct span *b)
{
	const char	*p, *end;
	struct span	 k, v;
	size_t		 i;
	int		 rc, found = 0;

	if (hdr == NULL)
		return -1;
	p = hdr;
	end = hdr + strlen(hdr);
	skip_ows(&p, end);
	if (!eat(&p, end, "multipart/form-data"))
		return -1;
	while ((rc = next_param(&p, end, &k, &v)) == 1) {
		if (!span_is(&k, "boundary"))
			continue;
		if (found++)
			return -1;
		*b = v;
	}
	if (rc == -1 || !found || b->n == 0 || b->n > BOUNDARY_MAX ||
	    b->p[b->n - 1] == ' ')
		return -1;
	for (i = 0; i < b->n; i++)
		if (!is_bchar((unsigned char)b->p[i]))
			return -1;
	return 0;
}

static enum parse_err
disposition(const char *p, const char *end, struct part *pt)
{
	struct span	 k, v;
	int		 rc;

	if (pt->has_disp++)
		return PARSE_MALFORMED;
	if (!eat(&p, end, "form-data"))
		return PARSE_MALFORMED;
	while ((rc = next_param(&p, end, &k, &v)) == 1) {
		if (span_is(&k, "name")) {
			if (pt->name.p != NULL)
				return PARSE_MALFORMED;
			pt->name = v;
		} else if (span_is(&k, "filename")) {
			if (pt->filename.p != NULL)
				return PARSE_MALFORMED;
			pt->filename = v;
		}
	}
	if (rc == -1 || pt->name.p == NULL || pt->name.n == 0)
		return PARSE_MALFORMED;
	return PARSE_OK;
}

/*
 * Part headers from *p up to and including the empty line.
 */
static enum parse_err
headers(const char **p, const char *end, struct part *pt)
{
	const char	*s = *p, *eol, *colon, *v;
	enum parse_err	 er;
	size_t		 i;

	for (;;) {
		if ((eol = find(s, (size_t)(end - s), "\r\n", 2)) == NULL)
			return PARSE_MALFORMED;
		if (eol == s)
			break;
		if (memchr(s, '\0', (size_t)(eol - s)) != NULL ||
		    (colon = memchr(s, ':', (size_t)(eol - s))) == NULL ||
		    colon == s || is_ows(*s))
			return PARSE_MALFORMED;
		v = colon + 1;
		skip_ows(&v, eol);
		if ((size_t)(colon - s) == strlen("Content-Disposition") &&
		    strncasecmp(s, "Content-Disposition", colon - s) == 0) {
			if ((er = disposition(v, eol, pt)) != PARSE_OK)
				return er;
		} else if ((size_t)(colon - s) == strlen("Content-Type") &&
		    strncasecmp(s, "Content-Type", colon - s) == 0) {
			if (pt->ctype.p != NULL)
				return PARSE_MALFORMED;
			pt->ctype.p = v;
			for (pt->ctype.n = (size_t)(eol - v);
			    pt->ctype.n > 0 && is_ows(v[pt->ctype.n - 1]);
			    pt->ctype.n--)
				continue;
			if (pt->ctype.n > CTYPE_MAX)
				return PARSE_TOO_LONG;
			for (i = 0; i < pt->ctype.n; i++)
				if ((unsigned char)v[i] < 0x20 ||
				    (unsigned char)v[i] >= 0x7f)
					return PARSE_MALFORMED;
		}
		s = eol + 2;
	}
	if (!pt->has_disp)
		return PARSE_MALFORMED;
	*p = eol + 2;
	return PARSE_OK;
}

/* Client file names may carry a path (old browsers): keep the last part. */
static void
basename_of(struct span *f)
{
	size_t	 i;

	for (i = f->n; i > 0; i--)
		if (f->p[i - 1] == '/' || f->p[i - 1] == '\\')
			break;
	f->p += i;
	f->n -= i;
}

static enum parse_err
add_part(struct part *pt, const char *data, size_t datasz,
    const struct parse_limits *lim, struct fields *out)
{
	struct field	*f;
	size_t		 blocksz;
	char		*s;

	if (out->n >= lim->max_fields)
		return PARSE_TOO_MANY;
	if (memchr(pt->name.p, '\0', pt->name.n) != NULL ||
	    !utf8_valid(pt->name.p, pt->name.n))
		return PARSE_MALFORMED;
	if (pt->name.n > lim->max_name)
		return PARSE_TOO_LONG;
	if (pt->filename.p != NULL) {
		basename_of(&pt->filename);
		if (!utf8_valid(pt->filename.p, pt->filename.n))
			return PARSE_MALFORMED;
		if (pt->filename.n > FILENAME_MAX_ || datasz > lim->max_file)
			return PARSE_TOO_LONG;
	} else {
		if (memchr(data, '\0', datasz) != NULL ||
		    !utf8_valid(data, datasz))
			return PARSE_MALFORMED;
		if (datasz > lim->max_value)
			return PARSE_TOO_LONG;
	}

	blocksz = pt->name.n + 1 + datasz + 1 +
	    pt->filename.n + 1 + pt->ctype.n + 1;
	if ((f = fields_add(out, blocksz)) == NULL)
		return PARSE_NOMEM;
	s = f->name;
	memcpy(s, pt->name.p, pt->name.n);
	s[pt->name.n] = '\0';
	f->value = s += pt->name.n + 1;
	memcpy(s, data, datasz);
	s[datasz] = '\0';
	f->valsz = datasz;
	s += datasz + 1;
	if (pt->filename.p != NULL) {
		f->filename = s;
		memcpy(s, pt->filename.p, pt->filename.n);
		s[pt->filename.n] = '\0';
		s += pt->filename.n + 1;
	}
	if (pt->ctype.p != NULL) {
		f->ctype = s;
		memcpy(s, pt->ctype.p, pt->ctype.n);
		s[pt->ctype.n] = '\0';
	}
	return PARSE_OK;
}

/*
 * After a delimiter: "--" closes the body, else transport padding and
 * CRLF open a part. Returns 1 for a part, 0 for the close, -1 if neither.
 */
static int
after_delim(const char **p, const char *end)
{
	const char	*s = *p;

	if (end - s >= 2 && s[0] == '-' && s[1] == '-')
		return 0;
	skip_ows(&s, end);
	if (end - s < 2 || s[0] != '\r' || s[1] != '\n')
		return -1;
	*p = s + 2;
	return 1;
}

static enum parse_err
parse_body(const char *buf, size_t len, const struct span *b,
    const struct parse_limits *lim, struct fields *out)
{
	char		 delim[2 + 2 + BOUNDARY_MAX];
	size_t		 dlen;
	const char	*p, *end = buf + len, *hit;
	struct part	 pt;
	enum parse_err	 er;
	int		 rc;

	/* CRLF "--" boundary; the first may stand at the very start. */
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, b->p, b->n);
	dlen = 4 + b->n;

	if (len >= dlen - 2 && memcmp(buf, delim + 2, dlen - 2) == 0)
		p = buf + dlen - 2;
	else if ((hit = find(buf, len, delim, dlen)) != NULL)
		p = hit + dlen;
	else
		return PARSE_MALFORMED;

	while ((rc = after_delim(&p, end)) == 1) {
		memset(&pt, 0, sizeof(pt));
		if ((er = headers(&p, end, &pt)) != PARSE_OK)
			return er;
		if ((hit = find(p, (size_t)(end - p), delim, dlen)) == NULL)
			return PARSE_MALFORMED;
		if ((er = add_part(&pt, p, (size_t)(hit - p), lim, out)) !=
		    PARSE_OK)
			return er;
		p = hit + dlen;
	}
	return rc == 0 ? PARSE_OK : PARSE_MALFORMED;
}

enum parse_err
multipart_parse(const char *buf, size_t len, const char *content_type_header,
    const struct parse_limits *limits, struct fields *out)
{
	const struct parse_limits *lim = limits_or_default(limits);
	struct span	 b;
	size_t		 start = out->n;
	enum parse_err	 er;

	if (boundary_of(content_type_header, &b) == -1)
		return PARSE_MALFORMED;
	if (buf == NULL)
		return PARSE_MALFORMED;
	if ((er = parse_body(buf, len, &b, lim, out)) != PARSE_OK)
		fields_truncate(out, start);
	return er;
}
