/*
 * ctl.h — verzuimctl: the command table, option parsing and the helpers every subcommand uses.
 * A subcommand is a function taking the arguments after its name and returning the exit status
 * (0 ok, 1 failure, 2 bad input). Add one: declare it here, add a line to the table in main.c.
 */
#ifndef CTL_CTL_H
#define CTL_CTL_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "rules/rules.h"
#include "store/store.h"

#define CTL_EXIT_OK 0
#define CTL_EXIT_FAIL 1
#define CTL_EXIT_USAGE 2

struct ctl_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;      /* arguments, for the usage text */
};

/* Rule subcommands (rules_cmds.c): pure, no database. */
int cmd_plicht(int argc, char **argv);
int cmd_werkdagen(int argc, char **argv);
int cmd_schooldagen(int argc, char **argv);
int cmd_signalen(int argc, char **argv);
int cmd_verlof(int argc, char **argv);

/* Database subcommands. */
int cmd_audit(int argc, char **argv);          /* audit_cmd.c: audit verify --db FILE */
int cmd_migrate(int argc, char **argv);        /* admin_cmds.c */
int cmd_gebruiker(int argc, char **argv);      /* admin_cmds.c */
int cmd_vakanties(int argc, char **argv);      /* admin_cmds.c */
int cmd_mail(int argc, char **argv);           /* mail_cmd.c: the outbox sender */
int cmd_leerlingen(int argc, char **argv);     /* import_cmds.c: the school's student CSV */
int cmd_registraties(int argc, char **argv);   /* import_cmds.c: the school's absence CSV */
int cmd_export(int argc, char **argv);         /* export_cmd.c: meldingen as CSV, no child named */

struct store;
/* The database (and its audit file) opened, or NULL after "verzuimctl: [cmd: ]why" on stderr. */
struct store *ctl_open_db(const char *cmd, const char *db);
/* The same in a mode of store.h: a read-only command opens with STORE_READONLY. */
struct store *ctl_open_db_mode(const char *cmd, const char *db, enum store_mode);
/* Writes an audit row (action, object) for verzuimctl; when that fails, says so on stderr and
 * returns -1: a command that changed or released personal data then exits 1. */
int ctl_audit(struct store *, const char *cmd, const char *action, const char *object);

/* Prints "verzuimctl: <message>" as one line on stderr; returns CTL_EXIT_USAGE. */
int ctl_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Copies s into buf (size n) with control characters replaced and at most 60 bytes. */
const char *ctl_quote(const char *s, char *buf, size_t n);

/* Options: "--name value" or "--name=value"; flags take no value. */
enum ctl_opt_type {
	CTL_OPT_FLAG,           /* int *: set to 1 */
	CTL_OPT_DATE,           /* rules_date * */
	CTL_OPT_INT,            /* long *: a decimal integer, sign allowed */
	CTL_OPT_STRING,         /* const char ** */
	CTL_OPT__MAX
};

struct ctl_opt {
	const char *name;       /* with the leading "--" */
	enum ctl_opt_type type;
	void *value;
	int required;
	int seen;               /* set by ctl_parse_opts */
};

/* Parses argv[0..argc) against opts; on error prints it and returns CTL_EXIT_USAGE. */
int ctl_parse_opts(const char *cmd, int argc, char **argv, struct ctl_opt *opts, size_t nopts);

/* Reads a whole stream or file (at most 64 MiB) into a NUL-terminated malloc'ed buffer. */
int ctl_read_stream(FILE *fp, char **buf, size_t *len);
int ctl_read_file(const char *path, char **buf, size_t *len);

/* Prints the object compactly with keys in insertion order and a newline, then frees it. */
int ctl_print_json(json_t *obj);
json_t *ctl_json_date(rules_date d);    /* "YYYY-MM-DD", or null for RULES_NO_DATE */

/* The policy CSV built into the binary from sql/policies.csv (policies.c). */
const char *ctl_policies_csv(size_t *len);

#endif
