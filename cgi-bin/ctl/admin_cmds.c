/*
 * Database subcommands for administrators (SPEC §9): run the migrations, create a user, import a
 * calendar's vacations. All SQL is the store's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "ctl/ctl.h"
#include "parse/csv.h"
#include "parse/fields.h"
#include "store/admin.h"
#include "store/store.h"
#include "util/user.h"

#define VACATIONS_MAX 1000

static struct store *
open_db(const char *db)
{
	struct store *s;
	char err[512];

	if ((s = store_open(db, err, sizeof(err))) == NULL)
		fprintf(stderr, "verzuimctl: %s\n", err);
	return s;
}

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
	if (strchr(email, '@') == NULL || strlen(email) > 254)
		return ctl_error("gebruiker: --email: geen geldig e-mailadres");
	if (strlen(name) < 2 || strlen(name) > 120)
		return ctl_error("gebruiker: --naam: 2 tot 120 tekens");
	if ((role == ROLE_SCHOOL || role == ROLE_DIRECTEUR) != (brin != NULL))
		return ctl_error("gebruiker: --school BRIN hoort bij de rollen school en directeur");
	if ((role == ROLE_LEERPLICHT || role == ROLE_RMC) != (loket > 0))
		return ctl_error("gebruiker: --loket ID hoort bij de rollen leerplicht en rmc");
	if ((s = open_db(db)) == NULL)
		return CTL_EXIT_FAIL;
	if (brin != NULL && (school = store_admin_school_by_brin(s, brin)) == 0) {
		store_close(s);
		return ctl_error("gebruiker: --school: geen school met BRIN '%s'", brin);
	}
	if (loket > 0 && !store_admin_exists(s, "loket", loket)) {
		store_close(s);
		return ctl_error("gebruiker: --loket: geen loket %ld", loket);
	}
	id = store_admin_user_insert(s, email, name, roles[role], school, loket);
	if (id == 0)
		fprintf(stderr, "verzuimctl: gebruiker: %s bestaat al\n", email);
	else if (id > 0) {
		store_audit(s, 0, "gebruiker_aangemaakt_cli", "gebruiker", "verzuimctl");
		printf("{\"id\":%lld}\n", (long long)id);
		rc = CTL_EXIT_OK;
	}
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
	struct vacation_row *v;
	struct csv_reader rd;
	struct csv_row row;
	struct store *s;
	enum parse_err e;
	size_t n = 0, line = 0;
	char *buf;
	size_t len;
	int rc = CTL_EXIT_USAGE, header = 1;
	int64_t id;

	if (ctl_parse_opts("vakanties", argc, argv, opts, 2) != 0)
		return CTL_EXIT_USAGE;
	if (strlen(cal) < 1 || strlen(cal) > 100)
		return ctl_error("vakanties: --kalender: 1 tot 100 tekens");
	if (ctl_read_stream(stdin, &buf, &len) != 0)
		return ctl_error("vakanties: kan de invoer niet lezen");
	if ((v = calloc(VACATIONS_MAX, sizeof(*v))) == NULL) {
		free(buf);
		return CTL_EXIT_FAIL;
	}
	csv_init(&rd, buf, len);
	while ((e = csv_next(&rd, &row, &line)) == PARSE_OK && row.n > 0) {
		rules_date a, b;
		if (header) {
			header = 0;
			if (row.n == 3 && row.v[0].len == 5 && memcmp(row.v[0].p, "start", 5) == 0)
				continue;
			ctl_error("vakanties: regel %zu: de kopregel moet start,end,name zijn", line);
			goto out;
		}
		if (row.n != 3 || rules_date_parse(row.v[0].p, row.v[0].len, &a) != RULES_OK ||
		    rules_date_parse(row.v[1].p, row.v[1].len, &b) != RULES_OK || b < a ||
		    row.v[2].len == 0 || row.v[2].len > 120) {
			ctl_error("vakanties: regel %zu: verwacht start,end,name met geldige datums "
			    "(start niet na end) en een naam", line);
			goto out;
		}
		if (n == VACATIONS_MAX) {
			ctl_error("vakanties: regel %zu: meer dan %d vakanties", line, VACATIONS_MAX);
			goto out;
		}
		rules_date_format(a, v[n].start);
		rules_date_format(b, v[n].end);
		memcpy(v[n].name, row.v[2].p, row.v[2].len);
		v[n++].name[row.v[2].len] = '\0';
	}
	if (e != PARSE_OK) {
		ctl_error("vakanties: regel %zu: %s", line, parse_errs[e]);
		goto out;
	}
	rc = CTL_EXIT_FAIL;
	if ((s = open_db(db)) == NULL)
		goto out;
	if ((id = store_calendar_replace(s, cal, v, n)) > 0) {
		printf("{\"kalender\":%lld,\"vakanties\":%zu}\n", (long long)id, n);
		rc = CTL_EXIT_OK;
	} else
		fprintf(stderr, "verzuimctl: vakanties: database error\n");
	store_close(s);
out:
	csv_free(&rd);
	free(v);
	free(buf);
	return rc;
}
