#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* Make room for extra more bytes plus the terminating NUL. */
int
buf_reserve(struct buf *b, size_t extra)
{
	size_t	 need, ncap;
	char	*np;

	if (extra > SIZE_MAX - b->len - 1)
		return -1;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 64;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2) {
			ncap = need;
			break;
		}
		ncap *= 2;
	}
	if ((np = realloc(b->p, ncap)) == NULL)
		return -1;
	b->p = np;
	b->cap = ncap;
	return 0;
}

int
buf_put(struct buf *b, const char *s, size_t n)
{
	if (buf_reserve(b, n) == -1)
		return -1;
	if (n > 0)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

int
buf_puts(struct buf *b, const char *s)
{
	return buf_put(b, s, strlen(s));
}

int
buf_putc(struct buf *b, char c)
{
	return buf_put(b, &c, 1);
}

int
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	size_t	 room;

	room = b->cap > b->len ? b->cap - b->len : 0;
	va_start(ap, fmt);
	n = vsnprintf(room ? b->p + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < room) {
		b->len += (size_t)n;
		return 0;
	}
	if (buf_reserve(b, (size_t)n) == -1) {
		if (b->p != NULL && b->len < b->cap)
			b->p[b->len] = '\0';
		return -1;
	}
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->p[b->len] = '\0';
		return -1;
	}
	b->len += (size_t)n;
	return 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

int
buf_csv(struct buf *b, const char *s, char sep, int last)
{
	char special[] = { sep, '"', '\r', '\n', '\0' };
	int quote = strpbrk(s, special) != NULL, rc = 0;
	size_t lead = strspn(s, " ");

	if (quote)
		rc |= buf_putc(b, '"');
	/* A cell a spreadsheet would take for a formula (OWASP: = + - @, tab, CR, also after
	 * spaces) starts with a quote, so it stays text. */
	if (strchr("=+-@", s[lead]) != NULL && s[lead] != '\0')
		rc |= buf_putc(b, '\'');
	else if (s[0] == '\t' || s[0] == '\r')
		rc |= buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			rc |= buf_putc(b, '"');
		rc |= buf_putc(b, *s);
	}
	if (quote)
		rc |= buf_putc(b, '"');
	rc |= last ? buf_puts(b, "\r\n") : buf_putc(b, sep);
	return rc ? -1 : 0;
}
