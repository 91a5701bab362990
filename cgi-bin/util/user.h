/* Roles of SPEC §1 and the session's user, shared by the HTTP layer, the store and the pages. */
#ifndef UTIL_USER_H
#define UTIL_USER_H

#include <stdint.h>

enum role { ROLE_NONE, ROLE_OUDER, ROLE_SCHOOL, ROLE_DIRECTEUR, ROLE_LEERPLICHT, ROLE_RMC,
	ROLE_BEHEER, ROLE__MAX };
extern const char *const roles[ROLE__MAX];
extern const char *const role_labels[ROLE__MAX];
#define R(x)		(1u << (x))
#define R_ANON		R(ROLE_NONE)
#define R_STAFF		(R(ROLE_SCHOOL) | R(ROLE_DIRECTEUR))
#define R_DESK		(R(ROLE_LEERPLICHT) | R(ROLE_RMC))
#define R_USERS		(R(ROLE_OUDER) | R_STAFF | R_DESK | R(ROLE_BEHEER))
#define R_ALL		(R_ANON | R_USERS)

/* The session's user: filled per request from the session, never from input. */
struct user {
	int64_t		 id;
	enum role	 role;
	int64_t		 school_id;	/* school, directeur */
	int64_t		 loket_id;	/* leerplicht, rmc */
	char		 email[256];
	char		 name[128];
};

enum role role_parse(const char *);	/* ROLE_NONE when unknown */

#endif /* UTIL_USER_H */
