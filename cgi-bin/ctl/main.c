/* verzuimctl — the command line for administrators and scripts (SPEC §9). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl.h"
#include "store/store.h"

#define CTL_INPUT_MAX (64u * 1024 * 1024)

static const struct ctl_command commands[] = {
	{ "plicht", cmd_plicht,
	  "--geboren D --op D [--startkwalificatie] [--vrijgesteld]" },
	{ "werkdagen", cmd_werkdagen, "--vanaf D --plus N" },
	{ "schooldagen", cmd_schooldagen, "--van D --tot D [--vakanties FILE]" },
	{ "signalen", cmd_signalen,
	  "--regio haaglanden|rivierenland|landelijk --op D --geboren D [--startkwalificatie] "
	  "[--vrijgesteld] [--soort po|vo|mbo] [--vakanties FILE] < registraties.csv" },
	{ "verlof", cmd_verlof, "[--vakanties FILE] < aanvraag.json" },
	{ "audit", cmd_audit, "verify --db FILE" },
	{ "migrate", cmd_migrate, "--db FILE [--sql DIR]" },
	{ "gebruiker", cmd_gebruiker,
	  "--db FILE --email E --naam N --rol ROL [--school BRIN | --loket ID]" },
	{ "vakanties", cmd_vakanties, "--db FILE --kalender NAAM < vakanties.csv" },
	{ "leerlingen", cmd_leerlingen, "--db FILE --school BRIN < leerlingen.csv" },
	{ "registraties", cmd_registraties, "--db FILE --school BRIN < registraties.csv" },
	{ "export", cmd_export, "--db FILE --van D --tot D [--loket ID] > meldingen.csv" },
	{ "mail", cmd_mail, "--db FILE --smtp smtp://host:poort|--sendmail PAD [--van ADRES] [--sleutel FILE] [--loop SEC] [--backoff SEC] [--pogingen N]" },
};

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: verzuimctl <command> [options]\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  verzuimctl %s %s\n", commands[i].name, commands[i].usage);
}

const char *
ctl_quote(const char *s, char *buf, size_t n)
{
	size_t j = 0;

	if (n == 0)
		return "";
	for (size_t i = 0; s[i] != '\0' && j + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (i >= 60) {
			if (j + 4 < n) {
				memcpy(buf + j, "...", 3);
				j += 3;
			}
			break;
		}
		buf[j++] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	buf[j] = '\0';
	return buf;
}

struct store *
ctl_open_db(const char *cmd, const char *db)
{
	return ctl_open_db_mode(cmd, db, STORE_READWRITE);
}

struct store *
ctl_open_db_mode(const char *cmd, const char *db, enum store_mode mode)
{
	struct store *s;
	char err[512];

	if ((s = store_open_mode(db, mode, err, sizeof(err))) == NULL)
		fprintf(stderr, "verzuimctl: %s%s%s\n", cmd ? cmd : "", cmd ? ": " : "", err);
	return s;
}

int
ctl_audit(struct store *s, const char *cmd, const char *action, const char *object)
{
	if (store_audit(s, 0, action, object, "verzuimctl") == 0)
		return 0;
	fprintf(stderr, "verzuimctl: %s: kan het auditlogboek niet bijwerken (%s)\n", cmd,
	    action);
	return -1;
}

int
ctl_error(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	for (char *p = msg; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	fprintf(stderr, "verzuimctl: %s\n", msg);
	return CTL_EXIT_USAGE;
}

static int
parse_long(const char *s, long *out)
{
	long v = 0;
	int neg = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	if (*s == '\0' || strlen(s) > 9)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

int
ctl_parse_opts(const char *cmd, int argc, char **argv, struct ctl_opt *opts, size_t nopts)
{
	char q[80];

	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i], *eq = strchr(arg, '='), *val = NULL;
		size_t namelen = eq ? (size_t)(eq - arg) : strlen(arg);
		struct ctl_opt *o = NULL;

		if (strncmp(arg, "--", 2) != 0)
			return ctl_error("%s: onverwacht argument '%s'", cmd, ctl_quote(arg, q, sizeof(q)));
		for (size_t k = 0; k < nopts; k++)
			if (strlen(opts[k].name) == namelen && strncmp(opts[k].name, arg, namelen) == 0)
				o = &opts[k];
		if (o == NULL)
			return ctl_error("%s: onbekende optie '%s'", cmd, ctl_quote(arg, q, sizeof(q)));
		if (o->seen)
			return ctl_error("%s: optie %s staat er twee keer", cmd, o->name);
		o->seen = 1;
		if (o->type == CTL_OPT_FLAG) {
			if (eq != NULL)
				return ctl_error("%s: optie %s neemt geen waarde", cmd, o->name);
			*(int *)o->value = 1;
			continue;
		}
		if (eq != NULL)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else
			return ctl_error("%s: optie %s mist een waarde", cmd, o->name);
		switch (o->type) {
		case CTL_OPT_DATE:
			if (rules_date_parse(val, strlen(val), (rules_date *)o->value) != 0)
				return ctl_error("%s: %s: ongeldige datum '%s' (verwacht JJJJ-MM-DD)", cmd,
				    o->name, ctl_quote(val, q, sizeof(q)));
			break;
		case CTL_OPT_INT:
			if (parse_long(val, (long *)o->value) != 0)
				return ctl_error("%s: %s: ongeldig getal '%s'", cmd, o->name,
				    ctl_quote(val, q, sizeof(q)));
			break;
		default:
			*(const char **)o->value = val;
			break;
		}
	}
	for (size_t k = 0; k < nopts; k++)
		if (opts[k].required && !opts[k].seen)
			return ctl_error("%s: optie %s ontbreekt", cmd, opts[k].name);
	return 0;
}

int
ctl_read_stream(FILE *fp, char **buf, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *p = malloc(cap);

	if (p == NULL)
		return -1;
	for (;;) {
		if (n + 1 >= cap) {
			char *q;
			if (cap >= CTL_INPUT_MAX) {
				free(p);
				return -1;
			}
			cap *= 2;
			if ((q = realloc(p, cap)) == NULL) {
				free(p);
				return -1;
			}
			p = q;
		}
		size_t r = fread(p + n, 1, cap - n - 1, fp);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(fp)) {
		free(p);
		return -1;
	}
	p[n] = '\0';
	*buf = p;
	*len = n;
	return 0;
}

int
ctl_read_file(const char *path, char **buf, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	int rc;

	if (fp == NULL)
		return -1;
	rc = ctl_read_stream(fp, buf, len);
	fclose(fp);
	return rc;
}

int
ctl_print_json(json_t *obj)
{
	char *s = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);

	json_decref(obj);
	if (s == NULL) {
		fprintf(stderr, "verzuimctl: geen geheugen\n");
		return CTL_EXIT_FAIL;
	}
	puts(s);
	free(s);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "verzuimctl: schrijven naar stdout mislukt\n");
		return CTL_EXIT_FAIL;
	}
	return CTL_EXIT_OK;
}

json_t *
ctl_json_date(rules_date d)
{
	char buf[11];

	if (d == RULES_NO_DATE)
		return json_null();
	rules_date_format(d, buf);
	return json_string(buf);
}

int
main(int argc, char **argv)
{
	char q[80];

	if (argc < 2)
		return ctl_error("geen commando (zie verzuimctl --help)");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CTL_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 2, argv + 2);
	return ctl_error("onbekend commando '%s' (zie verzuimctl --help)",
	    ctl_quote(argv[1], q, sizeof(q)));
}
