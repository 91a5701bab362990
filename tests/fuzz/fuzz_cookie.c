/* libFuzzer: cookie_parse on any NUL-terminated header. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/fields.h"

static const struct parse_limits small = { 8, 16, 64, 0 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fields	 f = FIELDS_INIT;
	char		*hdr;
	size_t		 i;
	enum parse_err	 e;

	if ((hdr = malloc(size + 1)) == NULL)
		return 0;
	memcpy(hdr, data, size);
	hdr[size] = '\0';
	e = cookie_parse(hdr, &small, &f);
	if ((e != PARSE_OK && f.n != 0) || f.n > small.max_fields)
		__builtin_trap();
	for (i = 0; i < f.n; i++)
		if (strlen(f.v[i].value) != f.v[i].valsz ||
		    f.v[i].valsz > small.max_value ||
		    strlen(f.v[i].name) > small.max_name ||
		    f.v[i].name[0] == '\0' ||
		    strpbrk(f.v[i].value, " ;\",") != NULL)
			__builtin_trap();
	fields_free(&f);
	free(hdr);
	return 0;
}
