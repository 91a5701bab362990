/* Private declarations shared by the parsers in this directory. */
#ifndef PARSE_EXTERN_H
#define PARSE_EXTERN_H

/*
 * Append a field whose strings will share one block of blocksz bytes,
 * name at its start; the caller fills the block and sets the pointers.
 * NULL when memory runs out.
 */
struct field	*fields_add(struct fields *, size_t blocksz);

/* Drop the fields from index n on (undo a failed parse). */
void		 fields_truncate(struct fields *, size_t n);

const struct parse_limits *limits_or_default(const struct parse_limits *);

#endif /* PARSE_EXTERN_H */
