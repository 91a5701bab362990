/*
 * A growable byte buffer. All output (HTML, headers, CSV) is built in one.
 * Every function returns 0 on success and -1 when memory runs out; on
 * failure the buffer keeps its previous contents.
 * The contents are always NUL-terminated once anything has been put in
 * (p[len] == '\0'), so p can be used as a C string if it holds no NUL.
 */
#ifndef UTIL_BUF_H
#define UTIL_BUF_H

#include <stddef.h>

struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

int	buf_put(struct buf *, const char *s, size_t n);
int	buf_puts(struct buf *, const char *s);
int	buf_putc(struct buf *, char c);
int	buf_printf(struct buf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	buf_reserve(struct buf *, size_t extra);
void	buf_reset(struct buf *);	/* len = 0, keep the memory */
/*
 * One CSV field for a spreadsheet: quoted when it holds sep, a quote or a line break (quotes
 * doubled), a leading = + - @ defused with ', then sep, or CRLF when last.
 */
int	buf_csv(struct buf *, const char *s, char sep, int last);
void	buf_free(struct buf *);		/* release and zero */

#endif /* UTIL_BUF_H */
