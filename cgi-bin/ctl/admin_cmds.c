/*
 * Database subcommands for administrators (SPEC §9): run the migrations, create a user, import a
 * calendar's vacations. All SQL is the store's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "ctl/ctl.h"
#include "parse/csvread.h"
#include "parse/text.h"
#include "store/admin.h"
#include "store/store.h"
#include "util/user.h"

#define VACATIONS_MAX 1000

_Static_assert(sizeof(((struct vacation_row *)0)->name) ==
    sizeof(((struct csv_vacation_name *)0)->name), "vacation names: one bound");

int
cmd_migrate(int argc, char **argv)
{
	const char *db = NULL, *sql = "sql";
	struct ctl_opt opts[] = {
		{ "--db", CTL_OPT_STRING, &db, 1, 0 },
		{ "--sql", CTL_OPT_STRING, &sql, 0, 0 },
	};
	char err[512];

	if (ctl_parse_opts("migrate", argc, argv, opts, 2) != 0)
		return CTL_EXIT_USAGE;
	if (store_migrate(db, sql, err, sizeof(err)) != 0) {
		fprintf(stderr, "verzuimctl: migrate: %s\n", err);
		return CTL_EXIT_FAIL;
	}
	printf("{\"ok\":true}\n");
	return CTL_EXIT_OK;
}

/*
 * A new account has no password: the user chooses one through "Wachtwoord vergeten" (or a
 * beheerder sends a link), so no password ever passes through a command line.
 */
int
cmd_gebruiker(int argc, char **argv)
{
	const char *db = NULL, *email = NULL, *name = NULL, *role_s = NULL, *brin = NULL;
	long loket = 0;
	struct ctl_opt opts[] = {
		{ "--db", CTL_OPT_STRING, &db, 1, 0 },
		{ "--email", CTL_OPT_STRING, &email, 1, 0 },
		{ "--naam", CTL_OPT_STRING, &name, 1, 0 },
		{ "--rol", CTL_OPT_STRING, &role_s, 1, 0 },
		{ "--school", CTL_OPT_STRING, &brin, 0, 0 },
		{ "--loket", CTL_OPT_INT, &loket, 0, 0 },
	};
	enum role role;
	struct store *s;
	int64_t school = 0, id;
	int rc = CTL_EXIT_FAIL;

	if (ctl_parse_opts("gebruiker", argc, argv, opts, 6) != 0)
		return CTL_EXIT_USAGE;
	if ((role = role_parse(role_s)) == ROLE_NONE)
		return ctl_error("gebruiker: --rol: onbekende rol '%s'", role_s);
	if (!text_is_email(email))
		return ctl_error("gebruiker: --email: geen geldig e-mailadres");
	if (strlen(name) < 2 || strlen(name) > 120 || !text_is_line(name))
		return ctl_error("gebruiker: --naam: 2 tot 120 tekens, op één regel");
	if ((role == ROLE_SCHOOL || role == ROLE_DIRECTEUR) != (brin != NULL))
		return ctl_error("gebruiker: --school BRIN hoort bij de rollen school en directeur");
	if ((role == ROLE_LEERPLICHT || role == ROLE_RMC) != (loket > 0))
		return ctl_error("gebruiker: --loket ID hoort bij de rollen leerplicht en rmc");
	if ((s = ctl_open_db(NULL, db)) == NULL)
		return CTL_EXIT_FAIL;
	if (brin != NULL && (school = store_admin_school_by_brin(s, brin)) == 0) {
		store_close(s);
		return ctl_error("gebruiker: --school: geen school met BRIN '%s'", brin);
	}
	if (loket > 0 && !store_admin_exists(s, "loket", loket)) {
		store_close(s);
		return ctl_error("gebruiker: --loket: geen loket %ld", loket);
	}
	/* As on the beheer page: an officer's desk covers the role's age group. */
	if (loket > 0 && !store_admin_exists(s, role == ROLE_RMC ? "loket_rmc" : "loket_leerplicht",
	    loket)) {
		store_close(s);
		return ctl_error("gebruiker: --loket: loket %ld doet geen %s", loket,
		    role == ROLE_RMC ? "RMC (18-23)" : "leerplicht (5-18)");
	}
	id = store_admin_user_insert(s, email, name, roles[role], school, loket);
	if (id == 0) {
		fprintf(stderr, "verzuimctl: gebruiker: %s bestaat al\n", email);
		rc = CTL_EXIT_USAGE;
	} else if (id > 0) {
		char object[40];
		snprintf(object, sizeof(object), "gebruiker:%lld", (long long)id);
		printf("{\"id\":%lld}\n", (long long)id);
		rc = ctl_audit(s, "gebruiker", "gebruiker_aangemaakt_cli", object) == 0 ?
		    CTL_EXIT_OK : CTL_EXIT_FAIL;
	} else
		fprintf(stderr, "verzuimctl: gebruiker: opslaan in de database is mislukt\n");
	store_close(s);
	return rc;
}

/* vakanties --db F --kalender NAME < start,end,name: the calendar's vacations, replaced. */
int
cmd_vakanties(int argc, char **argv)
{
	const char *db = NULL, *cal = NULL;
	struct ctl_opt opts[] = {
		{ "--db", CTL_OPT_STRING, &db, 1, 0 },
		{ "--kalender", CTL_OPT_STRING, &cal, 1, 0 },
	};
	struct rules_vacation *vac = NULL;
	struct csv_vacation_name *names = NULL;
	struct vacation_row *rows = NULL;
	struct csv_error err;
	struct store *s;
	size_t n = 0, len;
	char *buf;
	int rc = CTL_EXIT_USAGE;
	int64_t id;

	if (ctl_parse_opts("vakanties", argc, argv, opts, 2) != 0)
		return CTL_EXIT_USAGE;
	cal += strspn(cal, " \t");
	if (strlen(cal) < 1 || strlen(cal) > 100 || !text_is_line(cal))
		return ctl_error("vakanties: --kalender: 1 tot 100 tekens, op één regel");
	if (ctl_read_stream(stdin, &buf, &len) != 0)
		return ctl_error("vakanties: kan de invoer niet lezen");
	if (strspn(buf, " \t\r\n") == len) {
		/* Replacing a calendar with nothing by accident would drop every vacation. */
		free(buf);
		return ctl_error("vakanties: de invoer is leeg; geef een CSV met de kopregel "
		    "start,end,name (alleen de kopregel: een kalender zonder vakanties)");
	}
	if (csv_read_vacations_named(buf, len, &vac, &names, &n, &err) != 0) {
		if (err.line > 0)
			ctl_error("vakanties: regel %zu: %s", err.line, err.msg);
		else
			ctl_error("vakanties: %s", err.msg);
		goto out;
	}
	if (n > VACATIONS_MAX) {
		ctl_error("vakanties: meer dan %d vakanties", VACATIONS_MAX);
		goto out;
	}
	rc = CTL_EXIT_FAIL;
	if (n > 0 && (rows = calloc(n, sizeof(*rows))) == NULL)
		goto out;
	for (size_t i = 0; i < n; i++) {
		rules_date_format(vac[i].start, rows[i].start);
		rules_date_format(vac[i].end, rows[i].end);
		memcpy(rows[i].name, names[i].name, sizeof(rows[i].name));
	}
	if ((s = ctl_open_db(NULL, db)) == NULL)
		goto out;
	if ((id = store_calendar_replace(s, cal, rows, n)) > 0) {
		char object[48];
		snprintf(object, sizeof(object), "kalender:%lld:%zu", (long long)id, n);
		printf("{\"kalender\":%lld,\"vakanties\":%zu}\n", (long long)id, n);
		rc = ctl_audit(s, "vakanties", "kalender_vervangen", object) == 0 ? CTL_EXIT_OK :
		    CTL_EXIT_FAIL;
	} else
		fprintf(stderr, "verzuimctl: vakanties: opslaan in de database is mislukt\n");
	store_close(s);
out:
	free(rows);
	free(names);
	free(vac);
	free(buf);
	return rc;
}
