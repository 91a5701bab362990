/* Log-in and log-out (SPEC §11), with throttling of failed attempts per account and address. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "http/app.h"
#include "http/session.h"
#include "pages/pages.h"
#include "store/store.h"

/*
 * Failed log-ins within THROTTLE_WINDOW that make the next attempt wait (429): per account and
 * address (guessing one password), per address over all accounts (trying one password on many
 * accounts; high, since a whole school may share one address) and per account over all
 * addresses (guessing from many machines).
 */
#define THROTTLE_FAILURES	10
#define THROTTLE_ADDRESS	100
#define THROTTLE_ACCOUNT	50
#define THROTTLE_WINDOW		(15 * 60)
#define EMAIL_MAX		254
#define PASSWORD_MAX		1024

static const char bad_login[] = "Het e-mailadres of het wachtwoord is onjuist, of het account is "
    "niet actief.";

static void
login_form(struct req *r, int status, const char *email, const char *error)
{
	page_render(r, status, "inloggen", json_pack("{s:s,s:s,s:s*}", "title", "Inloggen",
	    "email", email ? email : "", "error", error));
}

void
page_login_form(struct req *r)
{
	if (r->logged_in) {
		http_redirect(r, "/");
		return;
	}
	login_form(r, 200, "", query_str(r, "verlopen") != NULL ? "U bent automatisch uitgelogd "
	    "omdat u een tijd niets hebt gedaan, of uw sessie is verlopen. Log opnieuw in." : NULL);
}

/* A hash to verify against when the account does not exist, so the time taken tells nothing. */
static const char *
dummy_hash(void)
{
	static char h[crypto_pwhash_STRBYTES];	/* per worker process, written once */

	if (h[0] == '\0' && crypto_pwhash_str(h, "geen-account-hier", 17,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		h[0] = '\0';
	return h;
}

void
page_login(struct req *r)
{
	const char *email = form_str(r, "email"), *pw = form_str(r, "wachtwoord");
	char norm[EMAIL_MAX + 1];
	unsigned char ehash[32];
	struct login_user lu;
	size_t n;
	int found, ok, fails[3];

	if (email == NULL || pw == NULL || (n = strlen(email)) == 0 || n > EMAIL_MAX ||
	    strlen(pw) > PASSWORD_MAX) {
		login_form(r, 401, email && strlen(email) <= EMAIL_MAX ? email : "",
		    "Vul uw e-mailadres en uw wachtwoord in.");
		return;
	}
	for (size_t i = 0; i <= n; i++)
		norm[i] = (char)tolower((unsigned char)email[i]);
	keyed_hash(r, "login", norm, n, ehash);
	if (store_login_failures(r->app->store, ehash, r->addr, store_now() - THROTTLE_WINDOW,
	    fails) == 0 && (fails[0] >= THROTTLE_FAILURES || fails[1] >= THROTTLE_ADDRESS ||
	    fails[2] >= THROTTLE_ACCOUNT)) {
		http_error(r, 429);
		return;
	}
	found = store_user_for_login(r->app->store, norm, &lu) == 0;
	if (found && !lu.disabled && lu.pw_hash[0] != '\0')
		ok = crypto_pwhash_str_verify(lu.pw_hash, pw, strlen(pw)) == 0;
	else {
		const char *d = dummy_hash();
		/* Spend the same time as for a real account; the answer is no either way. */
		if (d[0] != '\0' && crypto_pwhash_str_verify(d, pw, strlen(pw)) == 0)
			ok = 0;
		ok = 0;
	}
	if (!ok) {
		store_login_failure_add(r->app->store, ehash, r->addr, store_now());
		audit_user(r, found ? lu.id : 0, "inloggen_mislukt",
		    found ? "gebruiker" : "onbekend");
		login_form(r, 401, email, bad_login);
		return;
	}
	if (session_start(r, lu.id) != 0) {
		http_error(r, 500);
		return;
	}
	audit_user(r, lu.id, "inloggen", "sessie");
	http_redirect(r, "/");
}

void
page_logout(struct req *r)
{
	audit_user(r, r->user.id, "uitloggen", "sessie");
	session_end(r);
	http_redirect(r, "/inloggen");
}
