/*
 * Sensitive identifiers (BSN, onderwijsnummer): sealed with crypto_secretbox_easy under a subkey
 * of the application key, with a keyed BLAKE2b beside it for exact look-up. No I/O.
 */
#ifndef UTIL_SECRET_H
#define UTIL_SECRET_H

#include <stddef.h>

#define SECRET_SEALED_MAX	(24 + 16 + 64)	/* nonce + MAC + at most 64 bytes */

/* out holds nonce || ciphertext; returns its length or -1. */
int	secret_seal(const unsigned char key[32], const char *plain, unsigned char *out, size_t outsz);
/* Into plain (NUL-terminated); 0 or -1 when forged or too long. */
int	secret_open(const unsigned char key[32], const unsigned char *sealed, size_t len,
	    char *plain, size_t plainsz);
void	secret_lookup_hash(const unsigned char key[32], const char *plain, unsigned char out[32]);
/* The same for texts of any length: malloc'ed result (free it); NULL on failure. */
unsigned char *secret_seal_buf(const unsigned char key[32], const char *plain, size_t *outlen);
char	*secret_open_buf(const unsigned char key[32], const unsigned char *sealed, size_t len);

/* Whether s is a valid BSN: 9 digits passing the elfproef. */
int	bsn_valid(const char *s);

#endif
