/* Password policy and hashing (libsodium Argon2id, cracklib for the common-password check). */
#ifndef HTTP_PASSWORD_H
#define HTTP_PASSWORD_H

#define PASSWORD_MIN	12
#define PASSWORD_MAX	1024

/* NULL when acceptable, else a Dutch message saying why not. */
const char *password_problem(const char *pw, const char *email);
/* crypto_pwhash_str with at least the interactive limits; 0 or -1. */
int	password_hash(const char *pw, char out[128]);

#endif
