/*
 * Words in a parent's explanation that name a refusal reason of §8 ("never a ground for leave").
 * The table is data: one row per keyword, matched case-insensitively as whole words (a keyword
 * may span several words). It only warns; the decider cites reasons, not this table. A keyword
 * must name the ground, not merely a word the ground uses: "familie in het buitenland" or
 * "zusje" also occur in requests for an illness or a wedding, which are grounds.
 */
#include <ctype.h>
#include <string.h>
#include "pages/leave.h"

struct keyword {
	enum rules_refusal	 code;
	const char		*word;	/* lower case */
};

static const struct keyword keywords[] = {
	{ RULES_REFUSAL_FAMILIEBEZOEK_BUITENLAND, "familiebezoek" },
	{ RULES_REFUSAL_FAMILIEBEZOEK_BUITENLAND, "familie bezoeken" },
	{ RULES_REFUSAL_FAMILIEBEZOEK_BUITENLAND, "bezoek aan familie" },
	{ RULES_REFUSAL_FAMILIEBEZOEK_BUITENLAND, "naar familie" },
	{ RULES_REFUSAL_FAMILIEBEZOEK_BUITENLAND, "naar het thuisland" },
	{ RULES_REFUSAL_GOEDKOPE_TICKETS, "goedkope tickets" },
	{ RULES_REFUSAL_GOEDKOPE_TICKETS, "goedkope vlucht" },
	{ RULES_REFUSAL_GOEDKOPE_TICKETS, "goedkope vliegtickets" },
	{ RULES_REFUSAL_GOEDKOPE_TICKETS, "goedkoper" },
	{ RULES_REFUSAL_GOEDKOPE_TICKETS, "laagseizoen" },
	{ RULES_REFUSAL_GOEDKOPE_TICKETS, "voordeliger" },
	{ RULES_REFUSAL_TICKETS_GEKOCHT, "tickets al gekocht" },
	{ RULES_REFUSAL_TICKETS_GEKOCHT, "tickets gekocht" },
	{ RULES_REFUSAL_TICKETS_GEKOCHT, "al gekocht" },
	{ RULES_REFUSAL_TICKETS_GEKOCHT, "al geboekt" },
	{ RULES_REFUSAL_TICKETS_GEKOCHT, "geen tickets meer" },
	{ RULES_REFUSAL_TICKETS_GEKOCHT, "uitverkocht" },
	{ RULES_REFUSAL_VAKANTIESPREIDING, "vakantiespreiding" },
	{ RULES_REFUSAL_VAKANTIESPREIDING, "hoogseizoen" },
	{ RULES_REFUSAL_VAKANTIESPREIDING, "buiten de vakantie" },
	{ RULES_REFUSAL_BROERS_ZUSSEN_VRIJ, "andere kinderen" },
	{ RULES_REFUSAL_BROERS_ZUSSEN_VRIJ, "broers en zussen" },
	{ RULES_REFUSAL_BROERS_ZUSSEN_VRIJ, "ook vrij" },
	{ RULES_REFUSAL_BROERS_ZUSSEN_VRIJ, "al vrij" },
	{ RULES_REFUSAL_VERKEERSDRUKTE, "verkeersdrukte" },
	{ RULES_REFUSAL_VERKEERSDRUKTE, "file" },
	{ RULES_REFUSAL_VERKEERSDRUKTE, "files" },
	{ RULES_REFUSAL_VERKEERSDRUKTE, "drukte op de weg" },
	{ RULES_REFUSAL_VERKEERSDRUKTE, "eerder vertrekken" },
	{ RULES_REFUSAL_VERKEERSDRUKTE, "eerder vertrek" },
	{ RULES_REFUSAL_VERKEERSDRUKTE, "later terugkomen" },
	{ RULES_REFUSAL_VERKEERSDRUKTE, "latere terugkomst" },
	{ RULES_REFUSAL_KONVOOI, "konvooi" },
	{ RULES_REFUSAL_KONVOOI, "samen reizen" },
	{ RULES_REFUSAL_KONVOOI, "samen rijden" },
	{ RULES_REFUSAL_KONVOOI, "samen met andere gezinnen" },
	{ RULES_REFUSAL_KROONJAREN, "kroonjaar" },
	{ RULES_REFUSAL_KROONJAREN, "kroonjaren" },
	{ RULES_REFUSAL_KROONJAREN, "verjaardag" },
	{ RULES_REFUSAL_SABBATICAL, "sabbatical" },
	{ RULES_REFUSAL_SABBATICAL, "sabbatsjaar" },
	{ RULES_REFUSAL_WERELDREIS, "wereldreis" },
	{ RULES_REFUSAL_WERELDREIS, "verre reis" },
	{ RULES_REFUSAL_WERELDREIS, "rondreis" },
	{ RULES_REFUSAL_WERELDREIS, "reis om de wereld" },
};

/* Letters and digits (and any byte of a UTF-8 sequence) belong to a word. */
static int
wordch(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Whether word occurs in text as whole words, ignoring ASCII case and runs of white space. */
static int
contains_word(const char *text, const char *word)
{
	for (const char *p = text; *p != '\0'; p++) {
		const char *t = p, *w = word;

		if (p != text && wordch((unsigned char)p[-1]))
			continue;
		while (*w != '\0' && *t != '\0') {
			if (*w == ' ' && isspace((unsigned char)*t)) {
				while (isspace((unsigned char)*t))
					t++;
				w++;
				continue;
			}
			if (tolower((unsigned char)*t) != (unsigned char)*w)
				break;
			t++;
			w++;
		}
		if (*w == '\0' && !wordch((unsigned char)*t))
			return 1;
	}
	return 0;
}

const char *
leave_refusal_keyword(const char *text, enum rules_refusal code)
{
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (keywords[i].code == code && contains_word(text, keywords[i].word))
			return keywords[i].word;
	return NULL;
}

size_t
leave_refusals_in_text(const char *text, enum rules_refusal *out, size_t max)
{
	size_t n = 0;

	if (text == NULL)
		return 0;
	for (int c = 0; c < RULES_REFUSAL__MAX && n < max; c++)
		if (leave_refusal_keyword(text, (enum rules_refusal)c) != NULL)
			out[n++] = (enum rules_refusal)c;
	return n;
}
