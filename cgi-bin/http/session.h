/* Sessions (SPEC §11 cookie) and CSRF tokens. */
#ifndef HTTP_SESSION_H
#define HTTP_SESSION_H

#include "http/http.h"

#define SESSION_COOKIE	"vl_sessie"
#define PRE_COOKIE	"vl_pre"	/* anonymous visitor: binds the log-in form's CSRF token */
#define SESSION_IDLE	(30 * 60)
#define SESSION_ABSOLUTE (12 * 60 * 60)

void	session_load(struct req *);		/* fills r->logged_in, r->user, r->csrf */
int	session_start(struct req *, int64_t user_id);	/* new token at log-in */
void	session_end(struct req *);
/* Keyed BLAKE2b of data under the app key with a purpose label. */
void	keyed_hash(const struct req *, const char *purpose, const void *data, size_t len,
	    unsigned char out[32]);

#endif /* HTTP_SESSION_H */
