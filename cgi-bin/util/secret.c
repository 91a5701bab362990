#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "util/secret.h"

static void
subkey(const unsigned char key[32], const char *label, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)label, strlen(label), key, 32);
}

int
secret_seal(const unsigned char key[32], const char *plain, unsigned char *out, size_t outsz)
{
	unsigned char k[32];
	size_t n = strlen(plain);

	if (n > 64 || outsz < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + n)
		return -1;
	subkey(key, "verzuimloket-secretbox", k);
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, (const unsigned char *)plain, n,
	    out, k);
	sodium_memzero(k, sizeof(k));
	return (int)(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + n);
}

int
secret_open(const unsigned char key[32], const unsigned char *sealed, size_t len, char *plain,
    size_t plainsz)
{
	unsigned char k[32];
	size_t n;
	int rc;

	if (len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
		return -1;
	n = len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
	if (n + 1 > plainsz)
		return -1;
	subkey(key, "verzuimloket-secretbox", k);
	rc = crypto_secretbox_open_easy((unsigned char *)plain, sealed + crypto_secretbox_NONCEBYTES,
	    len - crypto_secretbox_NONCEBYTES, sealed, k);
	sodium_memzero(k, sizeof(k));
	if (rc != 0)
		return -1;
	plain[n] = '\0';
	return 0;
}

void
secret_lookup_hash(const unsigned char key[32], const char *plain, unsigned char out[32])
{
	unsigned char k[32];

	subkey(key, "verzuimloket-lookup", k);
	crypto_generichash(out, 32, (const unsigned char *)plain, strlen(plain), k, 32);
	sodium_memzero(k, sizeof(k));
}

int
bsn_valid(const char *s)
{
	int sum = 0;

	if (strlen(s) != 9)
		return 0;
	for (int i = 0; i < 9; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		sum += (i < 8 ? 9 - i : -1) * (s[i] - '0');
	}
	return sum % 11 == 0 && strcmp(s, "000000000") != 0;
}

unsigned char *
secret_seal_buf(const unsigned char key[32], const char *plain, size_t *outlen)
{
	unsigned char k[32], *out;
	size_t n = strlen(plain);

	if ((out = malloc(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + n)) == NULL)
		return NULL;
	subkey(key, "verzuimloket-secretbox", k);
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, (const unsigned char *)plain, n,
	    out, k);
	sodium_memzero(k, sizeof(k));
	*outlen = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + n;
	return out;
}

char *
secret_open_buf(const unsigned char key[32], const unsigned char *sealed, size_t len)
{
	char *plain;
	size_t n;

	if (len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
		return NULL;
	n = len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
	if ((plain = malloc(n + 1)) == NULL)
		return NULL;
	if (secret_open(key, sealed, len, plain, n + 1) != 0) {
		free(plain);
		return NULL;
	}
	return plain;
}
