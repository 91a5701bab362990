/*
 * The one set of escaping functions: every byte of HTML the server
 * writes that did not come from a template file goes through these.
 * All return 0 on success, -1 when memory runs out.
 */
#ifndef HTTP_HTML_H
#define HTTP_HTML_H

#include <stddef.h>

struct buf;

/*
 * Escape & < > " ' as character references. The result is safe in
 * element text and inside a quoted attribute value ("..." or '...'),
 * never in an unquoted attribute, a <script> or a URL scheme position.
 */
int	html_escape(struct buf *, const char *s, size_t n);
int	html_escape_str(struct buf *, const char *s);

/*
 * Percent-encode for one URL query component (name or value) or path
 * segment: every byte except A-Z a-z 0-9 - . _ ~ becomes %XX, space
 * included (as %20). The result contains no HTML-special character, so it
 * may be written into a quoted href as is.
 */
int	url_escape(struct buf *, const char *s);
int	url_escape_n(struct buf *, const char *s, size_t n);

#endif /* HTTP_HTML_H */
