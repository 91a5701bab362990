/* Checks of single text values from outside (forms, imports): pure, no I/O. */
#ifndef PARSE_TEXT_H
#define PARSE_TEXT_H

/* 1 when v holds no control characters (no CR, LF, TAB, NUL ... DEL): a one-line field. */
int	text_is_line(const char *v);
/* 1 when v looks like a plain e-mail address: one line of at most 254 bytes, none of the
 * characters space < > " ' , ;, "x@y.z" with text before the one @ and a dot in the domain,
 * neither first nor last. */
int	text_is_email(const char *v);

#endif
