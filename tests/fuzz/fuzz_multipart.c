/*
 * libFuzzer: multipart_parse. The input's first line is the Content-Type
 * header, the rest the body.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/fields.h"

static const struct parse_limits small = { 8, 16, 64, 256 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fields	 f = FIELDS_INIT;
	const uint8_t	*nl;
	char		*ct;
	size_t		 ctlen, i;
	enum parse_err	 e;

	if ((nl = memchr(data, '\n', size)) == NULL)
		return 0;
	ctlen = (size_t)(nl - data);
	if ((ct = malloc(ctlen + 1)) == NULL)
		return 0;
	memcpy(ct, data, ctlen);
	ct[ctlen] = '\0';
	e = multipart_parse((const char *)nl + 1, size - ctlen - 1, ct,
	    &small, &f);
	if ((e != PARSE_OK && f.n != 0) || f.n > small.max_fields)
		__builtin_trap();
	for (i = 0; i < f.n; i++) {
		if (f.v[i].name[0] == '\0' || f.v[i].value[f.v[i].valsz] != '\0')
			__builtin_trap();
		if (f.v[i].filename == NULL &&
		    (strlen(f.v[i].value) != f.v[i].valsz ||
		    f.v[i].valsz > small.max_value ||
		    !utf8_valid(f.v[i].value, f.v[i].valsz)))
			__builtin_trap();
		if (f.v[i].filename != NULL &&
		    (f.v[i].valsz > small.max_file ||
		    strpbrk(f.v[i].filename, "/\\") != NULL))
			__builtin_trap();
	}
	fields_free(&f);
	free(ct);
	return 0;
}
