/*
 * application/x-www-form-urlencoded bodies and query strings.
 */
#include <string.h>

#include "parse/fields.h"
#include "parse/extern.h"

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode n bytes of src into dst (room for n bytes): '+' is a space,
 * %XX a byte. Returns the decoded length, or DECODE_BAD for a bad escape, a NUL
 * (raw or decoded) or bytes that are not UTF-8.
 */
#define DECODE_BAD ((size_t)-1)

static size_t
decode(char *dst, const char *src, size_t n)
{
	size_t		 i, o;
	int		 hi, lo;
	unsigned char	 c;

	for (i = o = 0; i < n; i++) {
		c = (unsigned char)src[i];
		if (c == '+')
			c = ' ';
		else if (c == '%') {
			if (n - i < 3 ||
			    (hi = hexval((unsigned char)src[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)src[i + 2])) < 0)
				return DECODE_BAD;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		}
		if (c == '\0')
			return DECODE_BAD;
		dst[o++] = (char)c;
	}
	if (!utf8_valid(dst, o))
		return DECODE_BAD;
	return o;
}

static enum parse_err
add_pair(const char *name, size_t namesz, const char *val, size_t valsz,
    const struct parse_limits *lim, struct fields *out)
{
	struct field	*f;
	size_t		 dn, dv;

	if (out->n >= lim->max_fields)
		return PARSE_TOO_MANY;
	if ((f = fields_add(out, namesz + valsz + 2)) == NULL)
		return PARSE_NOMEM;
	if ((dn = decode(f->name, name, namesz)) == DECODE_BAD)
		return PARSE_MALFORMED;
	f->name[dn] = '\0';
	f->value = f->name + dn + 1;
	if ((dv = decode(f->value, val, valsz)) == DECODE_BAD)
		return PARSE_MALFORMED;
	f->value[dv] = '\0';
	f->valsz = dv;
	if (dn > lim->max_name || dv > lim->max_value)
		return PARSE_TOO_LONG;
	return PARSE_OK;
}

enum parse_err
urlenc_parse(const char *buf, size_t len, const struct parse_limits *limits,
    struct fields *out)
{
	const struct parse_limits *lim = limits_or_default(limits);
	const char	*p, *end, *amp, *eq;
	size_t		 start = out->n;
	enum parse_err	 er;

	if (buf == NULL)
		return PARSE_OK;
	for (p = buf, end = buf + len; p < end; p = amp + 1) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		if ((eq = memchr(p, '=', (size_t)(amp - p))) == NULL)
			eq = amp;
		if (eq == p) {
			if (amp == end)
				break;
			continue;	/* empty pair or empty name */
		}
		er = add_pair(p, (size_t)(eq - p),
		    eq < amp ? eq + 1 : amp,
		    eq < amp ? (size_t)(amp - eq - 1) : 0, lim, out);
		if (er != PARSE_OK) {
			fields_truncate(out, start);
			return er;
		}
		if (amp == end)
			break;
	}
	return PARSE_OK;
}
