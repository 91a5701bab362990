/* The rule subcommands of verzuimctl (SPEC §9): plicht, werkdagen, schooldagen, signalen, verlof. */
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl.h"
#include "parse/csvread.h"
#include "ctl/verlofjson.h"

#define CTL_BEVRIJDINGSDAG 1            /* §9: the CLI counts Bevrijdingsdag as a holiday */
#define CTL_TABLE_DAYS_MAX (60 * 366)   /* beyond this the calendar answers without a table */
#define NOPTS(a) (sizeof(a) / sizeof((a)[0]))

/* Reads --vakanties FILE (if given) and builds the calendar with a table for [from, to]. */
static int
load_calendar(const char *cmd, const char *path, rules_date from, rules_date to,
    struct rules_calendar *cal)
{
	struct rules_vacation *vac = NULL;
	size_t nvac = 0;
	char q[80];
	int rc;

	if (path != NULL) {
		char *buf;
		size_t len;
		struct csv_error err;
		if (ctl_read_file(path, &buf, &len) != 0)
			return ctl_error("%s: --vakanties: kan '%s' niet lezen", cmd,
			    ctl_quote(path, q, sizeof(q)));
		rc = csv_read_vacations(buf, len, &vac, &nvac, &err);
		free(buf);
		if (rc != 0) {
			if (err.line > 0)
				return ctl_error("%s: %s regel %zu: %s", cmd, ctl_quote(path, q, sizeof(q)),
				    err.line, err.msg);
			return ctl_error("%s: %s: %s", cmd, ctl_quote(path, q, sizeof(q)), err.msg);
		}
	}
	if ((int64_t)to - from > CTL_TABLE_DAYS_MAX)
		from = to + 1;
	rc = rules_calendar_init(cal, vac, nvac, CTL_BEVRIJDINGSDAG, from, to);
	free(vac);
	if (rc != RULES_OK) {
		fprintf(stderr, "verzuimctl: %s: kalender: %s\n", cmd, rules_status_names[rc]);
		return CTL_EXIT_FAIL;
	}
	return 0;
}

int
cmd_plicht(int argc, char **argv)
{
	struct rules_student st = { 0, 0, 0, RULES_SORT_VO };
	rules_date op = 0;
	struct ctl_opt opts[] = {
		{ "--geboren", CTL_OPT_DATE, &st.geboren, 1, 0 },
		{ "--op", CTL_OPT_DATE, &op, 1, 0 },
		{ "--startkwalificatie", CTL_OPT_FLAG, &st.startkwalificatie, 0, 0 },
		{ "--vrijgesteld", CTL_OPT_FLAG, &st.vrijgesteld, 0, 0 },
	};
	int rc;

	if ((rc = ctl_parse_opts("plicht", argc, argv, opts, NOPTS(opts))) != 0)
		return rc;
	rules_date vanaf = rules_leerplicht_vanaf(st.geboren), tot = rules_leerplicht_tot(st.geboren);
	int y, m, d;
	rules_date_to_ymd(tot, &y, &m, &d);
	if (y > RULES_YEAR_MAX)
		return ctl_error("plicht: --geboren ligt na het laatste ondersteunde jaar");
	enum rules_plicht p = rules_plicht_on(&st, op);
	const char *loket = rules_loket_names[rules_loket_for(p)];
	json_t *o = json_object();
	json_object_set_new(o, "plicht", json_string(rules_plicht_names[p]));
	json_object_set_new(o, "loket", loket ? json_string(loket) : json_null());
	json_object_set_new(o, "leerplicht_vanaf", ctl_json_date(vanaf));
	json_object_set_new(o, "leerplicht_tot", ctl_json_date(tot));
	return ctl_print_json(o);
}

int
cmd_werkdagen(int argc, char **argv)
{
	rules_date vanaf = 0, r;
	long plus = 0;
	int y, m, d, rc;
	struct ctl_opt opts[] = {
		{ "--vanaf", CTL_OPT_DATE, &vanaf, 1, 0 },
		{ "--plus", CTL_OPT_INT, &plus, 1, 0 },
	};

	if ((rc = ctl_parse_opts("werkdagen", argc, argv, opts, NOPTS(opts))) != 0)
		return rc;
	if (plus < 0 || plus > 100000)
		return ctl_error("werkdagen: --plus moet een geheel getal van 0 tot en met 100000 zijn");
	r = rules_werkdagen_add(vanaf, (int)plus, CTL_BEVRIJDINGSDAG);
	rules_date_to_ymd(r, &y, &m, &d);
	if (y > RULES_YEAR_MAX)
		return ctl_error("werkdagen: de uitkomst ligt na het jaar %d", RULES_YEAR_MAX);
	json_t *o = json_object();
	json_object_set_new(o, "datum", ctl_json_date(r));
	return ctl_print_json(o);
}

int
cmd_schooldagen(int argc, char **argv)
{
	rules_date van = 0, tot = 0;
	const char *vakanties = NULL;
	struct rules_calendar cal;
	int rc;
	struct ctl_opt opts[] = {
		{ "--van", CTL_OPT_DATE, &van, 1, 0 },
		{ "--tot", CTL_OPT_DATE, &tot, 1, 0 },
		{ "--vakanties", CTL_OPT_STRING, &vakanties, 0, 0 },
	};

	if ((rc = ctl_parse_opts("schooldagen", argc, argv, opts, NOPTS(opts))) != 0)
		return rc;
	if (van > tot)
		return ctl_error("schooldagen: --van ligt na --tot");
	if ((rc = load_calendar("schooldagen", vakanties, van, tot, &cal)) != 0)
		return rc;
	int32_t n = rules_school_days(&cal, van, tot);
	rules_calendar_free(&cal);
	json_t *o = json_object();
	json_object_set_new(o, "schooldagen", json_integer(n));
	return ctl_print_json(o);
}

static int
load_policy(const char *regio, struct rules_policy *out)
{
	struct rules_policy pols[16];
	size_t n, line, len;
	const char *csv = ctl_policies_csv(&len);
	const struct rules_policy *p;
	char q[80];

	if (rules_policies_parse(csv, len, pols, 16, &n, &line) != RULES_OK) {
		fprintf(stderr, "verzuimctl: ingebouwde policies.csv regel %zu is ongeldig\n", line);
		return CTL_EXIT_FAIL;
	}
	if ((p = rules_policy_find(pols, n, regio)) == NULL)
		return ctl_error("signalen: --regio: onbekende regio '%s' (haaglanden, rivierenland, "
		    "landelijk)", ctl_quote(regio, q, sizeof(q)));
	*out = *p;
	return 0;
}

int
cmd_signalen(int argc, char **argv)
{
	struct rules_student st = { 0, 0, 0, RULES_SORT_VO };
	struct rules_policy pol;
	struct rules_calendar cal;
	struct rules_registration *regs = NULL;
	struct rules_signal *sig = NULL;
	const char *regio = NULL, *soort = NULL, *vakanties = NULL;
	rules_date op = 0;
	size_t nregs = 0, nsig = 0, len;
	char *buf, q[80];
	struct csv_error err;
	int rc;
	struct ctl_opt opts[] = {
		{ "--regio", CTL_OPT_STRING, &regio, 1, 0 },
		{ "--op", CTL_OPT_DATE, &op, 1, 0 },
		{ "--geboren", CTL_OPT_DATE, &st.geboren, 1, 0 },
		{ "--startkwalificatie", CTL_OPT_FLAG, &st.startkwalificatie, 0, 0 },
		{ "--vrijgesteld", CTL_OPT_FLAG, &st.vrijgesteld, 0, 0 },
		{ "--soort", CTL_OPT_STRING, &soort, 0, 0 },
		{ "--vakanties", CTL_OPT_STRING, &vakanties, 0, 0 },
	};

	if ((rc = ctl_parse_opts("signalen", argc, argv, opts, NOPTS(opts))) != 0)
		return rc;
	if (soort != NULL) {
		if (strcmp(soort, "po") == 0)
			st.sort = RULES_SORT_PO;
		else if (strcmp(soort, "vo") == 0)
			st.sort = RULES_SORT_VO;
		else if (strcmp(soort, "mbo") == 0)
			st.sort = RULES_SORT_MBO;
		else
			return ctl_error("signalen: --soort: onbekende soort '%s' (po, vo, mbo)",
			    ctl_quote(soort, q, sizeof(q)));
	}
	if ((rc = load_policy(regio, &pol)) != 0)
		return rc;
	if (ctl_read_stream(stdin, &buf, &len) != 0)
		return ctl_error("signalen: kan de registraties niet lezen van stdin");
	rc = csv_read_registrations(buf, len, &regs, &nregs, &err);
	free(buf);
	if (rc != 0) {
		if (err.line > 0)
			return ctl_error("signalen: registraties regel %zu: %s", err.line, err.msg);
		return ctl_error("signalen: registraties: %s", err.msg);
	}
	rules_registrations_sort(regs, nregs);

	rules_date from = nregs > 0 && regs[0].datum < op ? regs[0].datum : op;
	if ((rc = load_calendar("signalen", vakanties, from - 120, op + 14, &cal)) != 0) {
		free(regs);
		return rc;
	}
	for (size_t cap = 16;; cap = nsig) {
		struct rules_signal *p = realloc(sig, cap * sizeof(*sig));
		if (p == NULL) {
			rc = RULES_ENOMEM;
			break;
		}
		sig = p;
		if ((rc = rules_signals(&cal, &pol, &st, regs, nregs, op, sig, cap, &nsig)) !=
		    RULES_ESPACE)
			break;
	}
	rules_calendar_free(&cal);
	free(regs);
	if (rc != RULES_OK) {
		free(sig);
		fprintf(stderr, "verzuimctl: signalen: %s\n", rules_status_names[rc]);
		return CTL_EXIT_FAIL;
	}

	for (size_t i = 0; i < nsig; i++) {
		int y, m, d;
		if (sig[i].uiterlijk_melden == RULES_NO_DATE)
			continue;
		rules_date_to_ymd(sig[i].uiterlijk_melden, &y, &m, &d);
		if (y > RULES_YEAR_MAX) {
			free(sig);
			return ctl_error("signalen: de uiterste melddatum ligt na het jaar %d",
			    RULES_YEAR_MAX);
		}
	}
	json_t *list = json_array();
	for (size_t i = 0; i < nsig; i++) {
		json_t *s = json_object();
		const char *loket = rules_loket_names[sig[i].loket];
		json_object_set_new(s, "signaal", json_string(rules_signal_names[sig[i].kind]));
		json_object_set_new(s, "datum", ctl_json_date(sig[i].datum));
		json_object_set_new(s, "uiterlijk_melden", ctl_json_date(sig[i].uiterlijk_melden));
		json_object_set_new(s, "verplicht", json_boolean(sig[i].verplicht));
		json_object_set_new(s, "loket", loket ? json_string(loket) : json_null());
		json_array_append_new(list, s);
	}
	free(sig);
	json_t *o = json_object();
	json_object_set_new(o, "signalen", list);
	return ctl_print_json(o);
}

int
cmd_verlof(int argc, char **argv)
{
	const char *vakanties = NULL;
	struct rules_leave_request req;
	struct rules_leave_verdict v;
	struct rules_calendar cal;
	char *buf, msg[256];
	size_t len;
	int rc;
	struct ctl_opt opts[] = {
		{ "--vakanties", CTL_OPT_STRING, &vakanties, 0, 0 },
	};

	if ((rc = ctl_parse_opts("verlof", argc, argv, opts, NOPTS(opts))) != 0)
		return rc;
	if (ctl_read_stream(stdin, &buf, &len) != 0)
		return ctl_error("verlof: kan de aanvraag niet lezen van stdin");
	rc = verlof_request_parse(buf, len, &req, msg, sizeof(msg));
	free(buf);
	if (rc != 0)
		return ctl_error("verlof: %s", msg);
	rules_date sy = rules_school_year_start(req.van);
	if ((rc = load_calendar("verlof", vakanties, sy, req.tot, &cal)) != 0)
		return rc;
	rc = rules_leave_evaluate(&cal, &req, &v);
	rules_calendar_free(&cal);
	if (rc != RULES_OK)
		return ctl_error("verlof: ongeldige aanvraag");

	json_t *o = json_object(), *bez = json_array();
	json_object_set_new(o, "schooldagen", json_integer(v.schooldagen));
	json_object_set_new(o, "max_dagen", v.max_dagen < 0 ? json_null() : json_integer(v.max_dagen));
	json_object_set_new(o, "beslisser", json_string(rules_decider_names[v.beslisser]));
	json_object_set_new(o, "toegestaan", json_boolean(v.toegestaan));
	for (size_t i = 0; i < v.nbezwaren; i++)
		json_array_append_new(bez, json_string(rules_objection_names[v.bezwaren[i]]));
	for (size_t i = 0; i < v.nweigergronden; i++) {
		char code[64];
		snprintf(code, sizeof(code), "weigergrond:%s", rules_refusal_names[v.weigergronden[i]]);
		json_array_append_new(bez, json_string(code));
	}
	json_object_set_new(o, "bezwaren", bez);
	return ctl_print_json(o);
}
