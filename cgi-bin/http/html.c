#include <string.h>

#include "util/buf.h"
#include "http/html.h"

int
html_escape(struct buf *b, const char *s, size_t n)
{
	size_t		 i, start;
	const char	*rep;

	for (i = start = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		if (buf_put(b, s + start, i - start) == -1 ||
		    buf_puts(b, rep) == -1)
			return -1;
		start = i + 1;
	}
	return buf_put(b, s + start, n - start);
}

int
html_escape_str(struct buf *b, const char *s)
{
	return html_escape(b, s, strlen(s));
}

static int
url_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') ||
	    c == '-' || c == '.' || c == '_' || c == '~';
}

int
url_escape_n(struct buf *b, const char *s, size_t n)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 i, start;
	unsigned char		 c;
	char			 esc[3];

	for (i = start = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (url_unreserved(c))
			continue;
		esc[0] = '%';
		esc[1] = hex[c >> 4];
		esc[2] = hex[c & 0xf];
		if (buf_put(b, s + start, i - start) == -1 ||
		    buf_put(b, esc, 3) == -1)
			return -1;
		start = i + 1;
	}
	return buf_put(b, s + start, n - start);
}

int
url_escape(struct buf *b, const char *s)
{
	return url_escape_n(b, s, strlen(s));
}
