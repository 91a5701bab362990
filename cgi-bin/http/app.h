/* What one worker process holds for its whole life: configuration, database, templates, keys. */
#ifndef HTTP_APP_H
#define HTTP_APP_H

#include <stddef.h>
#include "http/http.h"
#include "rules/rules.h"

struct config {
	const char	*socket;	/* Unix socket path */
	const char	*db;		/* SQLite file */
	const char	*tmpl_dir;
	const char	*sql_dir;
	const char	*key_file;	/* 32-byte secret key, mode 0600 */
	const char	*base_url;	/* for links in mail, e.g. https://verzuimloket.example.nl */
	int		 workers;
	int		 demo;		/* demo mode: demo accounts, outbox page */
};

struct store;
struct tmpl_set;

struct app {
	const struct config	*cfg;
	struct store		*store;
	const struct tmpl_set	*tmpl;
	unsigned char		 key[32];	/* from key_file: keyed hashes, encryption */
	struct rules_policy	 policies[8];	/* region_policy, defaults sql/policies.csv */
	size_t			 npolicies;
	json_t			*loketten;	/* the footer's desk contacts, refreshed each minute */
	int64_t			 loketten_at;
	int			 audit_sock;	/* > 0: the channel to the auditor (http/auditor.h) */
};

struct route {
	enum method	 method;
	const char	*pattern;	/* "/leerlingen/#": # matches a positive integer */
	handler_fn	 fn;
	unsigned	 roles;		/* R(...) bits of who may use it; R_ANON: no session needed */
};
extern const struct route routes[];
extern const size_t routes_n;

/* The region policies from the database into app->policies (kept as they are on error). */
void	app_policies_refresh(struct app *);

/* One request, start to end: parse, session, route, handle, write. */
void	request_handle(struct app *, struct req *, void *fcgi);
/* The route for method and path, or NULL; *path_known tells 404 from 405. */
const struct route *route_match(const char *path, enum method, int64_t ids[2], int *path_known);
int	server_run(const struct config *);

#endif /* HTTP_APP_H */
