/*
 * verzuimctl leerlingen | registraties --db FILE --school BRIN < file.csv: the school imports of
 * sql/IMPORT.md from a script (SPEC §9), through the same code as the school's Importeren page:
 * every line checked first, all or nothing, audited. Refused: each bad line on stderr
 * ("verzuimctl: registraties: regel N: ..."), exit 2; imported: one JSON summary on stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ctl/ctl.h"
#include "pages/school.h"
#include "store/admin.h"
#include "store/store.h"
#include "util/user.h"

#define CTL_POLICIES_MAX 8

/* cmd: "registraties" or "leerlingen", also the audit object's last part. */
static int
import_cmd(const char *cmd, school_import_fn import, int argc, char **argv)
{
	const char *db = NULL, *brin = NULL, *text;
	struct ctl_opt opts[] = {
		{ "--db", CTL_OPT_STRING, &db, 1, 0 },
		{ "--school", CTL_OPT_STRING, &brin, 1, 0 },
	};
	struct rules_policy builtin[CTL_POLICIES_MAX], pol[CTL_POLICIES_MAX];
	size_t nbuiltin = 0, npol = 0, len, errline, csvlen;
	struct school_ctx c;
	struct user u;
	struct store *s;
	json_t *res = NULL, *e;
	char *buf, object[80];
	int rc;

	if (ctl_parse_opts(cmd, argc, argv, opts, 2) != 0)
		return CTL_EXIT_USAGE;
	if (ctl_read_stream(stdin, &buf, &len) != 0)
		return ctl_error("%s: kan de invoer niet lezen", cmd);
	text = ctl_policies_csv(&csvlen);
	if (rules_policies_parse(text, csvlen, builtin, CTL_POLICIES_MAX, &nbuiltin, &errline) !=
	    RULES_OK) {
		free(buf);
		return ctl_error("%s: het ingebouwde beleid is onleesbaar", cmd);
	}
	if ((s = ctl_open_db(NULL, db)) == NULL) {
		free(buf);
		return CTL_EXIT_FAIL;
	}
	/* The region's policy as the portal has it (beheer may have changed it). */
	if (store_policies_seed(s, builtin, nbuiltin) != 0 ||
	    store_policies_load(s, pol, CTL_POLICIES_MAX, &npol) != 0 || npol == 0) {
		memcpy(pol, builtin, sizeof(builtin));
		npol = nbuiltin;
	}
	/* Acting for the school: its scope, as a staff member of it; no account (created_by NULL). */
	memset(&u, 0, sizeof(u));
	u.role = ROLE_SCHOOL;
	if ((u.school_id = store_admin_school_by_brin(s, brin)) <= 0) {
		store_close(s);
		free(buf);
		return ctl_error("%s: onbekende school '%s' (BRIN)", cmd, brin);
	}
	if (school_ctx_open(s, &u, pol, npol, &c) != 0) {
		store_close(s);
		free(buf);
		fprintf(stderr, "verzuimctl: %s: de database kan niet worden gelezen\n", cmd);
		return CTL_EXIT_FAIL;
	}
	rc = import(s, &u, &c, buf, len, &res);
	school_ctx_free(&c);
	free(buf);
	snprintf(object, sizeof(object), "school:%lld:%s", (long long)u.school_id, cmd);
	if (rc != 0) {
		size_t i;
		(void)ctl_audit(s, cmd, "import_geweigerd", object);	/* exit 2 either way */
		json_array_foreach(json_object_get(res, "errors"), i, e) {
			json_int_t line = json_integer_value(json_object_get(e, "regel"));
			const char *msg = json_string_value(json_object_get(e, "fout"));
			if (line > 0)
				fprintf(stderr, "verzuimctl: %s: regel %lld: %s\n", cmd, (long long)line,
				    msg);
			else
				fprintf(stderr, "verzuimctl: %s: %s\n", cmd, msg);
		}
		if ((json_int_t)json_array_size(json_object_get(res, "errors")) <
		    json_integer_value(json_object_get(res, "nerrors")))
			fprintf(stderr, "verzuimctl: %s: %lld fouten in totaal; niets geïmporteerd\n",
			    cmd, (long long)json_integer_value(json_object_get(res, "nerrors")));
		json_decref(res);
		store_close(s);
		return CTL_EXIT_USAGE;
	}
	snprintf(object + strlen(object), sizeof(object) - strlen(object), ":%lld",
	    (long long)json_integer_value(json_object_get(res, "imported")));
	if (ctl_audit(s, cmd, "import", object) != 0) {
		json_decref(res);
		store_close(s);
		return CTL_EXIT_FAIL;
	}
	store_close(s);
	return ctl_print_json(res) == 0 ? CTL_EXIT_OK : CTL_EXIT_FAIL;
}

int
cmd_registraties(int argc, char **argv)
{
	return import_cmd("registraties", school_import_registrations, argc, argv);
}

int
cmd_leerlingen(int argc, char **argv)
{
	return import_cmd("leerlingen", school_import_students, argc, argv);
}
