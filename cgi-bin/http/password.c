#define _GNU_SOURCE
#include <ctype.h>
#include <string.h>
#include <stddef.h>
#include <crack.h>
#include <sodium.h>
#include "http/password.h"

const char *
password_problem(const char *pw, const char *email)
{
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
	/* cracklib: common passwords, dictionary words and simple patterns. */
	if (FascistCheck(pw, GetDefaultCracklibDict()) != NULL)
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
