#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/fields.h"
#include "parse/extern.h"

const struct parse_limits parse_limits_default = {
	256,			/* max_fields */
	256,			/* max_name */
	64 * 1024,		/* max_value */
	10 * 1024 * 1024,	/* max_file */
};

const char *const parse_errs[PARSE__MAX] = {
	"ok",			/* PARSE_OK */
	"malformed",		/* PARSE_MALFORMED */
	"too many fields",	/* PARSE_TOO_MANY */
	"too long",		/* PARSE_TOO_LONG */
	"out of memory",	/* PARSE_NOMEM */
};

const struct parse_limits *
limits_or_default(const struct parse_limits *l)
{
	return l != NULL ? l : &parse_limits_default;
}

struct field *
fields_add(struct fields *f, size_t blocksz)
{
	struct field	*nv, *fl;
	size_t		 ncap;
	char		*block;

	if (f->n == f->cap) {
		ncap = f->cap ? f->cap * 2 : 8;
		if (ncap > SIZE_MAX / sizeof(*nv))
			return NULL;
		if ((nv = realloc(f->v, ncap * sizeof(*nv))) == NULL)
			return NULL;
		f->v = nv;
		f->cap = ncap;
	}
	if ((block = malloc(blocksz ? blocksz : 1)) == NULL)
		return NULL;
	fl = &f->v[f->n++];
	memset(fl, 0, sizeof(*fl));
	fl->name = block;
	return fl;
}

void
fields_truncate(struct fields *f, size_t n)
{
	while (f->n > n)
		free(f->v[--f->n].name);
}

void
fields_free(struct fields *f)
{
	fields_truncate(f, 0);
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}

const struct field *
fields_get(const struct fields *f, const char *name)
{
	size_t	 i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->v[i].name, name) == 0)
			return &f->v[i];
	return NULL;
}

const char *
fields_str(const struct fields *f, const char *name)
{
	const struct field *fl;

	return (fl = fields_get(f, name)) != NULL ? fl->value : NULL;
}

size_t
fields_count(const struct fields *f, const char *name)
{
	size_t	 i, n;

	for (i = n = 0; i < f->n; i++)
		if (strcmp(f->v[i].name, name) == 0)
			n++;
	return n;
}

int
utf8_valid(const char *str, size_t n)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, need;
	unsigned char		 c, lo, hi;

	while (i < n) {
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;	/* overlong */
			else if (c == 0xED)
				hi = 0x9F;	/* surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;	/* overlong */
			else if (c == 0xF4)
				hi = 0x8F;	/* above U+10FFFF */
		} else
			return 0;
		if (n - i - 1 < need)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (size_t k = 2; k <= need; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return 0;
		i += need + 1;
	}
	return 1;
}
