/*
 * The HTTP layer: one request as a handler sees it, the response it builds, and the helpers every
 * page uses. A worker owns one struct app (database, templates) and one struct req it reuses.
 */
#ifndef HTTP_HTTP_H
#define HTTP_HTTP_H

#include <stdint.h>
#include <jansson.h>
#include "parse/fields.h"
#include "util/buf.h"
#include "util/user.h"

/* Hard limits on input; nginx's client_max_body_size is rendered from BODY_MAX. */
#define BODY_MAX	(12u * 1024 * 1024)	/* 12 MiB: attachments included */
#define FIELDS_MAX	400
#define NAME_MAX_LEN	100
#define VALUE_MAX_LEN	(64u * 1024)
#define FILE_MAX	(10u * 1024 * 1024)
#define PATH_MAX_LEN	512

enum method { METHOD_GET, METHOD_POST, METHOD_HEAD, METHOD__MAX };
extern const char *const methods[METHOD__MAX];

struct app;

struct req {
	struct app	*app;
	void		*fcgi;		/* FCGX_Request * */
	enum method	 method;
	char		 path[PATH_MAX_LEN];
	int64_t		 ids[2];	/* numeric path segments matched by the route, in order */
	struct fields	 query;
	struct fields	 form;		/* urlencoded or multipart body */
	struct fields	 cookies;
	char		 addr[64];	/* REMOTE_ADDR */
	int		 tls;
	/* session */
	int		 logged_in;
	struct user	 user;
	int64_t		 session_id;
	char		 csrf[65];	/* hex token for forms */
	/* response */
	int		 status;
	const char	*ctype;
	struct buf	 headers;	/* extra header lines, each ending in \r\n */
	struct buf	 body;
	int		 done;		/* a response has been made */
};

typedef void (*handler_fn)(struct req *);

/* Responses. Each sets r->status and the body; none writes to the network. */
void	http_error(struct req *, int status);
void	http_redirect(struct req *, const char *location);	/* 303 See Other */
/*
 * A form posted after the session ran out: nothing of it is done; a 401 page says so and shows
 * the text that was typed (never a password, token or file), to copy before logging in again.
 * With nothing typed (log-out, a button) it sends to the log-in page, which says why.
 */
void	http_expired_post(struct req *);
void	http_text(struct req *, int status, const char *ctype, const char *body, size_t len);
void	http_header(struct req *, const char *name, const char *value);
/* Render template `page` with data (reference stolen) into the site layout. */
void	page_render(struct req *, int status, const char *page, json_t *data);
void	page_render_title(struct req *, int status, const char *page, const char *title, json_t *data);

/* Form helpers */
const char *form_str(const struct req *, const char *name);	/* NULL when absent */
const char *query_str(const struct req *, const char *name);
int	csrf_ok(const struct req *);

/*
 * Audit (SPEC §1): every read and write of a child's data. action is e.g. "lees", "wijzig";
 * object names the thing, e.g. "leerling:12". Never pass secrets, tokens or BSNs.
 */
void	audit(struct req *, const char *action, const char *objfmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* The same for an entry about another user than the session's (log-in, password reset). */
void	audit_user(struct req *, int64_t user_id, const char *action, const char *object);

/* The §4 policy of a region as it is now (region_policy; beheer may change it), or NULL. */
const struct rules_policy *app_policy(const struct req *, const char *region);

#endif /* HTTP_HTTP_H */
