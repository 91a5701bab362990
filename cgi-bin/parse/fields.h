/*
 * The parsed form input shared by every parser of untrusted input:
 * urlencoded bodies and query strings, multipart bodies, cookies.
 *
 * Parsers append to a struct fields (start from a zeroed one); on error
 * they remove what they appended, so out is as before the call.
 * Each field's strings live in one allocation that starts at name:
 * only fields_free releases them.
 */
#ifndef PARSE_FIELDS_H
#define PARSE_FIELDS_H

#include <stddef.h>

struct field {
	char	*name;		/* NUL-terminated, valid UTF-8 */
	char	*value;		/* NUL-terminated; valsz bytes */
	size_t	 valsz;		/* text fields: valid UTF-8 without NUL */
	char	*filename;	/* multipart file part: client's file name */
	char	*ctype;		/* multipart part Content-Type, else NULL */
};

struct fields {
	struct field	*v;
	size_t		 n, cap;
};

#define FIELDS_INIT { NULL, 0, 0 }

/*
 * Upper bounds, in bytes after decoding. max_fields counts all fields in
 * the struct fields, including those already there. A bound of 0 means
 * zero: max_file = 0 refuses every file part. A NULL limits pointer
 * means parse_limits_default.
 */
struct parse_limits {
	size_t	 max_fields;
	size_t	 max_name;
	size_t	 max_value;	/* text fields */
	size_t	 max_file;	/* multipart file parts */
};

extern const struct parse_limits parse_limits_default;

enum parse_err {
	PARSE_OK = 0,
	PARSE_MALFORMED,
	PARSE_TOO_MANY,
	PARSE_TOO_LONG,
	PARSE_NOMEM,
	PARSE__MAX
};

extern const char *const parse_errs[PARSE__MAX];

void		 fields_free(struct fields *);
const struct field *fields_get(const struct fields *, const char *name);
const char	*fields_str(const struct fields *, const char *name);
size_t		 fields_count(const struct fields *, const char *name);

/*
 * The parsers. All are pure: no I/O, no globals written.
 */
enum parse_err	 urlenc_parse(const char *buf, size_t len,
		    const struct parse_limits *, struct fields *out);
enum parse_err	 multipart_parse(const char *buf, size_t len,
		    const char *content_type_header,
		    const struct parse_limits *, struct fields *out);
enum parse_err	 cookie_parse(const char *header,
		    const struct parse_limits *, struct fields *out);

/* Whether [s, s+n) is well-formed UTF-8 (no overlongs, surrogates). */
int		 utf8_valid(const char *s, size_t n);

#endif /* PARSE_FIELDS_H */
