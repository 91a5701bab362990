/*
 * The route table: method + path pattern → handler, and which roles may use it. The role check
 * here is only the first gate; every handler still checks the object's scope through the store.
 * tests/e2e/authz.py holds the expected answer for every route here and fails on a missing one.
 */
#include "http/app.h"
#include "pages/pages.h"

const struct route routes[] = {
	{ METHOD_GET,  "/gezond",	page_gezond,	 R_ALL },
	{ METHOD_GET,  "/",		page_home,	 R_ALL },
	{ METHOD_GET,  "/inloggen",	page_login_form, R_ALL },
	{ METHOD_POST, "/inloggen",	page_login,	 R_ALL },
	{ METHOD_POST, "/uitloggen",	page_logout,	 R_USERS },
#include "pages/routes_admin.inc"
#include "pages/routes_school.inc"
#include "pages/routes_leave.inc"
#include "pages/routes_desk.inc"
};

const size_t routes_n = sizeof(routes) / sizeof(routes[0]);
