/* Matching a path against the route table (pages/routes.c). */
#include <string.h>
#include <stdlib.h>
#include "http/app.h"

/* Match one pattern; "#" matches a positive integer segment of at most 18 digits. */
static int
pattern_match(const char *pat, const char *path, int64_t ids[2])
{
	int nid = 0;

	while (*pat != '\0' && *path != '\0') {
		if (*pat == '#') {
			int64_t v = 0;
			int digits = 0;
			while (*path >= '0' && *path <= '9') {
				if (++digits > 18)
					return 0;
				v = v * 10 + (*path - '0');
				path++;
			}
			if (digits == 0 || v == 0 || (digits > 1 && path[-digits] == '0'))
				return 0;
			if (nid < 2)
				ids[nid++] = v;
			pat++;
			continue;
		}
		if (*pat != *path)
			return 0;
		pat++;
		path++;
	}
	return *pat == '\0' && *path == '\0';
}

const struct route *
route_match(const char *path, enum method m, int64_t ids[2], int *path_known)
{
	enum method want = m == METHOD_HEAD ? METHOD_GET : m;

	*path_known = 0;
	for (size_t i = 0; i < routes_n; i++) {
		int64_t tmp[2] = { 0, 0 };
		if (!pattern_match(routes[i].pattern, path, tmp))
			continue;
		*path_known = 1;
		if (routes[i].method == want) {
			ids[0] = tmp[0];
			ids[1] = tmp[1];
			return &routes[i];
		}
	}
	return NULL;
}
