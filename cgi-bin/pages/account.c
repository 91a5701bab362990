/*
 * One-time links: activating a new account and resetting a password. The link carries a 256-bit
 * random token; only its keyed hash is stored; it is valid 24 hours and works once. The demo
 * outbox page shows the mail that would have been sent (demo mode only).
 */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "http/app.h"
#include "http/password.h"
#include "http/session.h"
#include "pages/pages.h"
#include "store/admin.h"
#include "store/store.h"

#define TOKEN_VALID	(24 * 60 * 60)

int
onetime_link_send(struct req *r, int64_t user_id, const char *email, const char *purpose)
{
	unsigned char tok[32], hash[32];
	char hex[65], body[1024];
	const char *subject;
	int rc;

	randombytes_buf(tok, sizeof(tok));
	keyed_hash(r, "onetime", tok, 32, hash);
	sodium_bin2hex(hex, sizeof(hex), tok, 32);
	if (store_token_insert(r->app->store, hash, user_id, purpose,
	    store_now() + TOKEN_VALID) != 0)
		return -1;
	if (strcmp(purpose, "activeren") == 0) {
		subject = "Uw account voor het Verzuimloket";
		snprintf(body, sizeof(body), "Goedendag,\n\nEr is voor u een account aangemaakt in het "
		    "Verzuimloket. Kies uw wachtwoord via deze link (24 uur geldig, één keer te "
		    "gebruiken):\n\n%s/activeren?token=%s\n\nMet vriendelijke groet,\nVerzuimloket\n",
		    r->app->cfg->base_url, hex);
	} else {
		subject = "Nieuw wachtwoord voor het Verzuimloket";
		snprintf(body, sizeof(body), "Goedendag,\n\nEr is een nieuw wachtwoord voor uw account "
		    "bij het Verzuimloket aangevraagd, door u of door de beheerder. Kies het via deze link (24 uur geldig, één keer te gebruiken):\n\n"
		    "%s/activeren?token=%s\n\nHebt u hier niet om gevraagd, dan kunt u deze e-mail "
		    "negeren: uw huidige wachtwoord blijft geldig.\n\nMet vriendelijke groet,\nVerzuimloket\n", r->app->cfg->base_url, hex);
	}
	sodium_memzero(hex, sizeof(hex));
	rc = store_outbox_add_sealed(r->app->store, r->app->key, email, subject, body);
	sodium_memzero(body, sizeof(body));
	return rc;
}

static void
activate_form(struct req *r, int status, const char *token, const char *email, const char *error)
{
	page_render(r, status, "activeren", json_pack("{s:s,s:s,s:s,s:s*}", "title",
	    "Wachtwoord kiezen", "token", token, "email", email, "error", error));
}

/* The token in the link: 64 hex digits → its keyed hash. */
static int
token_hash(struct req *r, const char *hex, unsigned char hash[32])
{
	unsigned char tok[32];
	size_t n;

	if (hex == NULL || strlen(hex) != 64 ||
	    sodium_hex2bin(tok, 32, hex, 64, NULL, &n, NULL) != 0 || n != 32)
		return -1;
	keyed_hash(r, "onetime", tok, 32, hash);
	return 0;
}

static const char expired[] = "Deze link is verlopen of al gebruikt. Vraag een nieuwe aan via "
    "'Wachtwoord vergeten' of bij uw beheerder.";

void
page_activate_form(struct req *r)
{
	const char *hex = query_str(r, "token");
	unsigned char hash[32];
	int64_t id, uid;
	char purpose[16], email[256];

	if (token_hash(r, hex, hash) != 0 ||
	    store_token_find(r->app->store, hash, store_now(), &id, &uid, purpose, email) != 0) {
		page_render(r, 404, "melding", json_pack("{s:s,s:s}", "title", "Link ongeldig",
		    "message", expired));
		return;
	}
	activate_form(r, 200, hex, email, NULL);
}

void
page_activate(struct req *r)
{
	const char *hex = form_str(r, "token"), *pw = form_str(r, "wachtwoord"),
	    *pw2 = form_str(r, "wachtwoord2"), *problem;
	unsigned char hash[32];
	int64_t id, uid;
	char purpose[16], email[256], pwhash[128];

	if (token_hash(r, hex, hash) != 0 ||
	    store_token_find(r->app->store, hash, store_now(), &id, &uid, purpose, email) != 0) {
		page_render(r, 404, "melding", json_pack("{s:s,s:s}", "title", "Link ongeldig",
		    "message", expired));
		return;
	}
	if (pw == NULL || pw2 == NULL || strcmp(pw, pw2) != 0) {
		activate_form(r, 422, hex, email, "De twee wachtwoorden zijn niet gelijk.");
		return;
	}
	if ((problem = password_problem(pw, email)) != NULL) {
		activate_form(r, 422, hex, email, problem);
		return;
	}
	if (password_hash(pw, pwhash) != 0 || store_begin(r->app->store) != 0) {
		http_error(r, 500);
		return;
	}
	if (store_token_use(r->app->store, id, store_now()) != 0 ||
	    store_user_set_password(r->app->store, uid, pwhash) != 0 ||
	    store_user_sessions_delete(r->app->store, uid) != 0 ||
	    store_commit(r->app->store) != 0) {
		store_rollback(r->app->store);
		page_render(r, 404, "melding", json_pack("{s:s,s:s}", "title", "Link ongeldig",
		    "message", expired));
		return;
	}
	audit_user(r, uid, strcmp(purpose, "activeren") == 0 ? "account_geactiveerd" :
	    "wachtwoord_hersteld", "gebruiker");
	page_render(r, 200, "melding", json_pack("{s:s,s:s,s:b}", "title", "Wachtwoord ingesteld",
	    "message", "Uw wachtwoord is ingesteld. U kunt nu inloggen.", "login", 1));
}

void
page_reset_form(struct req *r)
{
	page_render(r, 200, "wachtwoord_vergeten", json_pack("{s:s,s:s}", "title",
	    "Wachtwoord vergeten", "email", ""));
}

void
page_reset(struct req *r)
{
	const char *email = form_str(r, "email");
	int64_t uid;

	if (email == NULL || strlen(email) == 0 || strlen(email) > 254 || strchr(email, '@') == NULL) {
		page_render(r, 422, "wachtwoord_vergeten", json_pack("{s:s,s:s,s:s}", "title",
		    "Wachtwoord vergeten", "email", email && strlen(email) <= 254 ? email : "",
		    "error", "Vul een geldig e-mailadres in."));
		return;
	}
	/* Same answer whether the account exists or not. */
	if ((uid = store_user_id_by_email(r->app->store, email)) > 0) {
		onetime_link_send(r, uid, email, "herstel");
		audit_user(r, uid, "herstel_aangevraagd", "gebruiker");
	}
	page_render(r, 200, "melding", json_pack("{s:s,s:s}", "title", "Controleer uw e-mail",
	    "message", "Als dit e-mailadres bij ons bekend is, ontvangt u binnen enkele minuten een "
	    "e-mail met een link om een nieuw wachtwoord te kiezen."));
}

void
page_demo_outbox(struct req *r)
{
	if (!r->app->cfg->demo) {
		http_error(r, 404);
		return;
	}
	page_render(r, 200, "postvak", json_pack("{s:s,s:o}", "title", "Postvak (demo)",
	    "mails", store_outbox_list(r->app->store, r->app->key)));
}
