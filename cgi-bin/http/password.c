#define _GNU_SOURCE
#include <ctype.h>
#include <string.h>
#include <stddef.h>
#include <crack.h>
#include <sodium.h>
#include "http/password.h"

/* Words Dutch users often build a password on, beside cracklib's (English) dictionary. */
static const char *const common_stems[] = {
	"wachtwoord", "welkom", "geheim", "voetbal", "ajax", "feyenoord", "psv", "zomer", "winter",
	"lente", "herfst", "schatje", "liefde", "nederland", "holland", "amsterdam", "rotterdam",
	"denhaag", "zoetermeer", "school", "verzuim", "leerplicht", "verzuimloket", "qwerty",
	"azerty", "password", "passw", "letmein", "admin", "welcome", "iloveyou", "abcdef",
};

/*
 * The stem of a password: lower-case letters only. "Password1234!" and "Wachtwoord2024" are a
 * common word with digits added; the stem shows that.
 */
static void
stem_of(const char *pw, char *out, size_t outsz)
{
	size_t j = 0;

	for (; *pw != '\0' && j + 1 < outsz; pw++)
		if (isalpha((unsigned char)*pw))
			out[j++] = (char)tolower((unsigned char)*pw);
	out[j] = '\0';
}

const char *
password_problem(const char *pw, const char *email)
{
	char stem[256];
	const char *why;
	size_t n = strlen(pw), chars = 0;
	char local[256];
	const char *at;

	for (const unsigned char *p = (const unsigned char *)pw; *p; p++)
		if ((*p & 0xc0) != 0x80)	/* count characters, not UTF-8 bytes */
			chars++;
	if (chars < PASSWORD_MIN)
		return "Het wachtwoord moet minstens 12 tekens lang zijn.";
	if (n > PASSWORD_MAX)
		return "Het wachtwoord is te lang (hoogstens 1024 tekens).";
	if (email != NULL && (at = strchr(email, '@')) != NULL && at - email < (long)sizeof(local)) {
		memcpy(local, email, (size_t)(at - email));
		local[at - email] = '\0';
		if (strlen(local) >= 4 && strcasestr(pw, local) != NULL)
			return "Het wachtwoord mag uw e-mailadres niet bevatten.";
	}
	/* cracklib: common passwords, dictionary words and simple patterns; also on the stem. */
	stem_of(pw, stem, sizeof(stem));
	for (size_t i = 0; i < sizeof(common_stems) / sizeof(common_stems[0]); i++)
		if (strcmp(stem, common_stems[i]) == 0)
			return "Dit wachtwoord is te bekend of te eenvoudig. Kies een langere zin of een "
			    "combinatie van woorden die niet voor de hand ligt.";
	if (FascistCheck(pw, GetDefaultCracklibDict()) != NULL ||
	    ((why = FascistCheck(stem, GetDefaultCracklibDict())) != NULL &&
	    strstr(why, "dictionary") != NULL))
		return "Dit wachtwoord is te bekend of te eenvoudig. Kies een langere zin of een "
		    "combinatie van woorden die niet voor de hand ligt.";
	return NULL;
}

int
password_hash(const char *pw, char out[128])
{
	return crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
}
