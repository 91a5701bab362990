/*
 * libFuzzer: the keyword matcher over a parent's explanation of a leave request
 * (pages/leave_keywords.c) — free text straight from the form. Each reason is found at most
 * once, in code order, and a reason is reported exactly when its keyword lookup finds a word
 * whose first letters occur in the text (ignoring ASCII case).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pages/leave_keywords.c"	/* the unit under test */

static int
has_ci(const char *text, const char *word)
{
	size_t n = strcspn(word, " ");	/* the keyword's first word */

	for (const char *p = text; *p; p++)
		if (strncasecmp(p, word, n) == 0)
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum rules_refusal out[RULES_REFUSAL__MAX + 1], few[2];
	char *text;
	size_t n, m;

	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	n = leave_refusals_in_text(text, out, RULES_REFUSAL__MAX);
	if (n > RULES_REFUSAL__MAX)
		__builtin_trap();
	for (size_t i = 0; i < n; i++) {
		const char *w;
		if ((int)out[i] < 0 || out[i] >= RULES_REFUSAL__MAX || (i > 0 && out[i] <= out[i - 1]))
			__builtin_trap();
		if ((w = leave_refusal_keyword(text, out[i])) == NULL || !has_ci(text, w))
			__builtin_trap();
	}
	/* A smaller buffer gets the first reasons of the same list. */
	m = leave_refusals_in_text(text, few, 2);
	if (m != (n < 2 ? n : 2) || (m > 0 && memcmp(few, out, m * sizeof(few[0])) != 0))
		__builtin_trap();
	if (leave_refusals_in_text(NULL, out, RULES_REFUSAL__MAX) != 0)
		__builtin_trap();
	free(text);
	return 0;
}
