/*
 * libFuzzer: the CSV reader. The first byte picks the separator and the
 * limits; the rest is the file.
 */
#include <stdint.h>
#include <string.h>

#include "parse/fields.h"
#include "parse/csv.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader r;
	struct csv_row	 row;
	size_t		 i, line, last = 0, maxf, maxl;
	enum parse_err	 e;
	const char	*buf;

	if (size < 1)
		return 0;
	maxf = 1 + (data[0] & 7);
	maxl = (data[0] & 8) ? 8 : CSV_MAX_FIELD;
	buf = (const char *)data + 1;
	csv_init(&r, buf, size - 1);
	csv_limits(&r, maxf, maxl);
	if (data[0] & 0x10)
		csv_separator(&r, ';');
	while ((e = csv_next(&r, &row, &line)) == PARSE_OK && row.n > 0) {
		if (row.n > maxf || line <= last)
			__builtin_trap();
		last = line;
		for (i = 0; i < row.n; i++)
			if (row.v[i].len > maxl ||
			    memchr(row.v[i].p, '\0', row.v[i].len) != NULL ||
			    !utf8_valid(row.v[i].p, row.v[i].len))
				__builtin_trap();
	}
	if (csv_next(&r, &row, &line) != e || row.n != 0)
		__builtin_trap();
	csv_free(&r);
	return 0;
}
