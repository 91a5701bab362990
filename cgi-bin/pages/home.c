/* Health check and the start page, which sends each role to its own page. */
#include <string.h>
#include "http/app.h"
#include "pages/pages.h"
#include "store/store.h"

void
page_gezond(struct req *r)
{
	if (store_ping(r->app->store) == 0)
		http_text(r, 200, "text/plain; charset=utf-8", "ok", 2);
	else
		http_text(r, 503, "text/plain; charset=utf-8", "database onbereikbaar", 21);
}

/* The start page of each role (SPEC §11: GET / → the role's own start page). */
static const char *const start_pages[ROLE__MAX] = {
	"/inloggen",	/* ROLE_NONE */
	"/ouder",	/* ROLE_OUDER */
	"/school",	/* ROLE_SCHOOL */
	"/school",	/* ROLE_DIRECTEUR */
	"/loket",	/* ROLE_LEERPLICHT */
	"/loket",	/* ROLE_RMC */
	"/beheer",	/* ROLE_BEHEER */
};

void
page_home(struct req *r)
{
	http_redirect(r, r->logged_in ? start_pages[r->user.role] : "/inloggen");
}
