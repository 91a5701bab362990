/*
 * Sessions: the cookie holds a 256-bit random token; the database holds only its keyed hash.
 * CSRF: a logged-in form carries the session's random token; the anonymous log-in form carries a
 * keyed hash of a random pre-session cookie. Both are compared in constant time.
 */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "http/app.h"
#include "http/session.h"
#include "store/store.h"

void
keyed_hash(const struct req *r, const char *purpose, const void *data, size_t len,
    unsigned char out[32])
{
	crypto_generichash_state h;

	crypto_generichash_init(&h, r->app->key, sizeof(r->app->key), 32);
	crypto_generichash_update(&h, (const unsigned char *)purpose, strlen(purpose) + 1);
	crypto_generichash_update(&h, data, len);
	crypto_generichash_final(&h, out, 32);
}

static void
set_cookie(struct req *r, const char *name, const char *value, int maxage)
{
	char line[256];

	if (maxage >= 0)
		snprintf(line, sizeof(line), "%s=%s; Path=/; HttpOnly; SameSite=Strict%s; Max-Age=%d",
		    name, value, r->tls ? "; Secure" : "", maxage);
	else
		snprintf(line, sizeof(line), "%s=%s; Path=/; HttpOnly; SameSite=Strict%s",
		    name, value, r->tls ? "; Secure" : "");
	http_header(r, "Set-Cookie", line);
}

/* A token in the cookie is 64 lowercase hex digits. */
static int
token_decode(const char *hex, unsigned char tok[32])
{
	size_t n;

	if (hex == NULL || strlen(hex) != 64)
		return -1;
	for (const char *p = hex; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return -1;
	return sodium_hex2bin(tok, 32, hex, 64, NULL, &n, NULL) == 0 && n == 32 ? 0 : -1;
}

static void
pre_csrf(struct req *r, const unsigned char pre[32])
{
	unsigned char h[32];

	keyed_hash(r, "csrf-pre", pre, 32, h);
	sodium_bin2hex(r->csrf, sizeof(r->csrf), h, 32);
}

void
session_load(struct req *r)
{
	unsigned char tok[32], hash[32];
	char hex[65];
	int rc;

	if (token_decode(fields_str(&r->cookies, SESSION_COOKIE), tok) == 0) {
		keyed_hash(r, "session", tok, 32, hash);
		rc = store_session_find(r->app->store, hash, store_now(), SESSION_IDLE,
		    SESSION_ABSOLUTE, &r->session_id, &r->user, r->csrf);
		if (rc == 0 && r->user.role != ROLE_NONE) {
			r->logged_in = 1;
			return;
		}
		memset(&r->user, 0, sizeof(r->user));
		r->csrf[0] = '\0';
	}
	/* Anonymous: make sure a pre-session cookie exists for the log-in form. */
	if (token_decode(fields_str(&r->cookies, PRE_COOKIE), tok) != 0) {
		randombytes_buf(tok, sizeof(tok));
		sodium_bin2hex(hex, sizeof(hex), tok, 32);
		set_cookie(r, PRE_COOKIE, hex, -1);
	}
	pre_csrf(r, tok);
}

int
session_start(struct req *r, int64_t user_id)
{
	unsigned char tok[32], hash[32], c[32];
	char hex[65], csrf[65];
	int64_t sid;

	if (r->logged_in)
		session_end(r);	/* never carry a token over a log-in */
	randombytes_buf(tok, sizeof(tok));
	randombytes_buf(c, sizeof(c));
	keyed_hash(r, "session", tok, 32, hash);
	sodium_bin2hex(csrf, sizeof(csrf), c, 32);
	if ((sid = store_session_create(r->app->store, hash, user_id, csrf, store_now())) < 0)
		return -1;
	sodium_bin2hex(hex, sizeof(hex), tok, 32);
	set_cookie(r, SESSION_COOKIE, hex, -1);
	sodium_memzero(tok, sizeof(tok));
	sodium_memzero(hex, sizeof(hex));
	r->session_id = sid;
	memcpy(r->csrf, csrf, sizeof(csrf));
	return 0;
}

void
session_end(struct req *r)
{
	if (r->session_id > 0)
		store_session_delete(r->app->store, r->session_id);
	set_cookie(r, SESSION_COOKIE, "", 0);
	r->logged_in = 0;
	r->session_id = 0;
}

int
csrf_ok(const struct req *r)
{
	const char *given = fields_str(&r->form, "csrf");

	if (given == NULL || r->csrf[0] == '\0' || strlen(given) != 64)
		return 0;
	return sodium_memcmp(given, r->csrf, 64) == 0;
}
