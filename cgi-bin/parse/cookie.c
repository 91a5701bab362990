/*
 * The Cookie request header (RFC 6265 §4.2): "a=b; c=d".
 * A browser sends whatever any site on the domain set, so a pair that is
 * malformed or over the length limits is skipped, not fatal; only too
 * many pairs or no memory fail the parse. Values are not decoded.
 */
#include <string.h>

#include "parse/fields.h"
#include "parse/extern.h"

static int
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* RFC 7230 tchar. */
static int
is_token(unsigned char c)
{
	if (c <= 0x20 || c >= 0x7f)
		return 0;
	return strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

/* RFC 6265 cookie-octet. */
static int
is_octet(unsigned char c)
{
	return c >= 0x21 && c <= 0x7e &&
	    c != '"' && c != ',' && c != ';' && c != '\\';
}

static int
all(const char *s, size_t n, int (*ok)(unsigned char))
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!ok((unsigned char)s[i]))
			return 0;
	return 1;
}

enum parse_err
cookie_parse(const char *header, const struct parse_limits *limits,
    struct fields *out)
{
	const struct parse_limits *lim = limits_or_default(limits);
	const char	*p, *semi, *eq, *n0, *n1, *v0, *v1;
	size_t		 start = out->n, nsz, vsz;
	struct field	*f;

	if (header == NULL)
		return PARSE_OK;
	for (p = header; *p != '\0'; p = *semi ? semi + 1 : semi) {
		if ((semi = strchr(p, ';')) == NULL)
			semi = p + strlen(p);
		if ((eq = memchr(p, '=', (size_t)(semi - p))) == NULL)
			continue;
		for (n0 = p; n0 < eq && is_ows(*n0); n0++)
			continue;
		for (n1 = eq; n1 > n0 && is_ows(n1[-1]); n1--)
			continue;
		for (v0 = eq + 1; v0 < semi && is_ows(*v0); v0++)
			continue;
		for (v1 = semi; v1 > v0 && is_ows(v1[-1]); v1--)
			continue;
		if (v1 - v0 >= 2 && *v0 == '"' && v1[-1] == '"') {
			v0++;
			v1--;
		}
		nsz = (size_t)(n1 - n0);
		vsz = (size_t)(v1 - v0);
		if (nsz == 0 || nsz > lim->max_name || vsz > lim->max_value ||
		    !all(n0, nsz, is_token) || !all(v0, vsz, is_octet))
			continue;
		if (out->n >= lim->max_fields) {
			fields_truncate(out, start);
			return PARSE_TOO_MANY;
		}
		if ((f = fields_add(out, nsz + vsz + 2)) == NULL) {
			fields_truncate(out, start);
			return PARSE_NOMEM;
		}
		memcpy(f->name, n0, nsz);
		f->name[nsz] = '\0';
		f->value = f->name + nsz + 1;
		memcpy(f->value, v0, vsz);
		f->value[vsz] = '\0';
		f->valsz = vsz;
	}
	return PARSE_OK;
}
