/* The audit chain's hash, shared by the writer (store/audit.c) and verzuimctl audit verify. */
#ifndef STORE_AUDIT_H
#define STORE_AUDIT_H
#include <stdint.h>
void	audit_hash(const unsigned char prev[32], int64_t id, int64_t at, int64_t user_id,
	    const char *action, const char *object, const char *addr, unsigned char out[32]);
#endif
