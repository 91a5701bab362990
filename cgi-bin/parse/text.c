/* Checks of single text values from outside; see text.h. */
#include <string.h>
#include "parse/text.h"

int
text_is_line(const char *v)
{
	for (; *v != '\0'; v++)
		if ((unsigned char)*v < 0x20 || (unsigned char)*v == 0x7f)
			return 0;
	return 1;
}

int
text_is_email(const char *v)
{
	const char *at = strchr(v, '@'), *dot;

	if (at == NULL || at == v || strchr(at + 1, '@') != NULL || strpbrk(v, " <>\"',;") != NULL ||
	    strlen(v) > 254 || !text_is_line(v))
		return 0;
	dot = strrchr(at + 1, '.');
	return dot != NULL && dot != at + 1 && dot[1] != '\0';
}
