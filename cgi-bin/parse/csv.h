/*
 * A strict CSV reader for imports (RFC 4180): comma-separated (or another
 * separator), fields optionally in double quotes with "" for a quote,
 * records ending in CRLF or LF, an optional UTF-8 byte order mark at the
 * start. Fields must be UTF-8 without NUL. Blank lines are skipped.
 *
 *	struct csv_reader r;
 *	struct csv_row row;
 *	size_t line;
 *	enum parse_err e;
 *
 *	csv_init(&r, buf, len);
 *	while ((e = csv_next(&r, &row, &line)) == PARSE_OK && row.n > 0)
 *		... row.v[i].p, row.v[i].len: record on line `line` ...
 *	if (e != PARSE_OK)
 *		... error `parse_errs[e]` on line `line` ...
 *	csv_free(&r);
 *
 * Fields point into the input or into the reader's scratch space and
 * stay valid until the next csv_next or csv_free; they are not
 * NUL-terminated. The reader allocates a few arrays that it reuses for
 * every record, never memory per field.
 */
#ifndef PARSE_CSV_H
#define PARSE_CSV_H

#include <stddef.h>

#include "parse/fields.h"

#define CSV_MAX_FIELDS	64
#define CSV_MAX_FIELD	8192

struct csv_field {
	const char	*p;
	size_t		 len;
};

struct csv_row {
	const struct csv_field	*v;
	size_t			 n;	/* 0: end of input */
};

struct csv_reader {			/* private: use the functions */
	const char		*pos, *end;
	size_t			 line;
	size_t			 max_fields, max_field;
	char			 sep;
	enum parse_err		 err;	/* sticky */
	size_t			 errline;
	struct csv_field	*fv;
	size_t			*off;	/* into scratch, or SIZE_MAX */
	size_t			 fcap;
	char			*scratch;
	size_t			 slen, scap;
};

void		 csv_init(struct csv_reader *, const char *buf, size_t len);
void		 csv_limits(struct csv_reader *, size_t max_fields,
		    size_t max_field);
void		 csv_separator(struct csv_reader *, char);  /* e.g. ';' */
/* ';' when the first line has more semicolons than commas (a Dutch spreadsheet's CSV), else ','. */
char		 csv_guess_separator(const char *buf, size_t len);

/*
 * The next record, with the number of the line it starts on (1-based)
 * in *lineno. PARSE_OK with row->n == 0 at the end of the input. On an
 * error *lineno is the line of the error, and every later call returns
 * the same error: PARSE_MALFORMED (stray quote, unclosed quote, lone CR,
 * NUL, not UTF-8), PARSE_TOO_MANY (fields in a record), PARSE_TOO_LONG
 * (bytes in a field), PARSE_NOMEM.
 */
enum parse_err	 csv_next(struct csv_reader *, struct csv_row *,
		    size_t *lineno);
void		 csv_free(struct csv_reader *);

#endif /* PARSE_CSV_H */
