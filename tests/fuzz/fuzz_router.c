/*
 * libFuzzer: the router's path matching (http/router.c) — the request path comes straight from
 * the client. The first byte picks the method; the rest is the path. A route that matches must
 * give back the same path when its pattern is filled in with the ids it matched (so "#" took a
 * canonical positive number and nothing else), and a path that matches no pattern must say so.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/router.c"	/* the unit under test, linked against the table below */

static void h(struct req *r) { (void)r; }

/* Patterns of the shapes the real table has (pages/routes*.inc). */
const struct route routes[] = {
	{ METHOD_GET,  "/",			h, 0 },
	{ METHOD_GET,  "/inloggen",		h, 0 },
	{ METHOD_POST, "/inloggen",		h, 0 },
	{ METHOD_GET,  "/leerlingen/#",		h, 0 },
	{ METHOD_POST, "/leerlingen/#",		h, 0 },
	{ METHOD_GET,  "/leerlingen/#/verzuim",	h, 0 },
	{ METHOD_GET,  "/meldingen/#/bijlagen/#", h, 0 },
	{ METHOD_POST, "/meldingen/#/bijlagen/#/verwijderen", h, 0 },
	{ METHOD_GET,  "/#/#/#",		h, 0 },
	{ METHOD_GET,  "/x#y",			h, 0 },
};
const size_t routes_n = sizeof(routes) / sizeof(routes[0]);

/* The pattern with each "#" replaced by the next id; the third and later "#" are not kept. */
static int
fill(const char *pat, const int64_t ids[2], char *out, size_t outsz)
{
	size_t o = 0;
	int nid = 0;

	for (; *pat != '\0'; pat++) {
		if (*pat == '#') {
			if (nid >= 2)
				return -1;
			int n = snprintf(out + o, outsz - o, "%" PRId64, ids[nid++]);
			if (n < 0 || (size_t)n >= outsz - o)
				return -1;
			o += (size_t)n;
		} else {
			if (o + 1 >= outsz)
				return -1;
			out[o++] = *pat;
		}
	}
	out[o] = '\0';
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[PATH_MAX_LEN], again[PATH_MAX_LEN + 64];
	int64_t ids[2] = { -1, -1 };
	const struct route *rt;
	enum method m;
	int known;

	if (size < 1 || size - 1 >= sizeof(path))
		return 0;
	m = (enum method)(data[0] % METHOD__MAX);
	memcpy(path, data + 1, size - 1);
	path[size - 1] = '\0';

	rt = route_match(path, m, ids, &known);
	if (rt != NULL) {
		if (!known || rt < routes || rt >= routes + routes_n)
			__builtin_trap();
		if (rt->method != (m == METHOD_HEAD ? METHOD_GET : m))
			__builtin_trap();
		int nhash = 0;
		for (const char *p = rt->pattern; *p; p++)
			nhash += *p == '#';
		for (int i = 0; i < nhash && i < 2; i++)
			if (ids[i] <= 0)
				__builtin_trap();
		if (nhash <= 2) {
			if (fill(rt->pattern, ids, again, sizeof(again)) != 0 || strcmp(again, path) != 0)
				__builtin_trap();
		}
	} else if (ids[0] != -1 || ids[1] != -1) {
		__builtin_trap();	/* no match must leave the ids alone */
	}
	return 0;
}
