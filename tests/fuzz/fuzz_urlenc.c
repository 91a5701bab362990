/* libFuzzer: urlenc_parse on any bytes, with small and default limits. */
#include <stdint.h>
#include <string.h>

#include "parse/fields.h"

static const struct parse_limits small = { 8, 16, 64, 0 };

static void
check(const struct fields *f)
{
	size_t	 i;

	for (i = 0; i < f->n; i++)
		if (strlen(f->v[i].value) != f->v[i].valsz ||
		    !utf8_valid(f->v[i].name, strlen(f->v[i].name)) ||
		    !utf8_valid(f->v[i].value, f->v[i].valsz) ||
		    f->v[i].name[0] == '\0' || f->v[i].filename != NULL)
			__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fields	 f = FIELDS_INIT;
	enum parse_err	 e;

	e = urlenc_parse((const char *)data, size, &small, &f);
	if ((e != PARSE_OK && f.n != 0) || f.n > small.max_fields)
		__builtin_trap();
	check(&f);
	fields_free(&f);
	urlenc_parse((const char *)data, size, NULL, &f);
	check(&f);
	fields_free(&f);
	return 0;
}
