#include <string.h>
#include "util/user.h"

const char *const roles[ROLE__MAX] = {
	"",		/* ROLE_NONE */
	"ouder",	/* ROLE_OUDER */
	"school",	/* ROLE_SCHOOL */
	"directeur",	/* ROLE_DIRECTEUR */
	"leerplicht",	/* ROLE_LEERPLICHT */
	"rmc",		/* ROLE_RMC */
	"beheer",	/* ROLE_BEHEER */
};

const char *const role_labels[ROLE__MAX] = {
	"Bezoeker",			/* ROLE_NONE */
	"Ouder/verzorger",		/* ROLE_OUDER */
	"Schoolmedewerker",		/* ROLE_SCHOOL */
	"Directeur",			/* ROLE_DIRECTEUR */
	"Leerplichtambtenaar",		/* ROLE_LEERPLICHT */
	"RMC-trajectbegeleider",	/* ROLE_RMC */
	"Functioneel beheerder",	/* ROLE_BEHEER */
};

enum role
role_parse(const char *s)
{
	for (int i = 1; i < ROLE__MAX; i++)
		if (strcmp(s, roles[i]) == 0)
			return (enum role)i;
	return ROLE_NONE;
}
