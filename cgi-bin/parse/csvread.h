/*
 * csvread.h — the CSV files of the rule subcommands and the calendar import: registrations (datum,soort,minuten) and
 * vacations (start,end,name), each with a header line. Pure: a buffer in, a malloc'ed array out
 * (free it), or an error with its 1-based line number. The CSV grammar is parse/csv.h (RFC 4180).
 */
#ifndef PARSE_CSVREAD_H
#define PARSE_CSVREAD_H

#include <stddef.h>

#include "rules/rules.h"

struct csv_error {
	size_t line;            /* 0 when the error has no line */
	char msg[200];
};

int csv_read_registrations(const char *buf, size_t len, struct rules_registration **out,
    size_t *n, struct csv_error *err);
int csv_read_vacations(const char *buf, size_t len, struct rules_vacation **out, size_t *n,
    struct csv_error *err);

/* The same, keeping each vacation's name (1 to 120 bytes) for the calendar import. */
#define CSV_VACATION_NAME_MAX 120
struct csv_vacation_name {
	char name[CSV_VACATION_NAME_MAX + 1];
};
int csv_read_vacations_named(const char *buf, size_t len, struct rules_vacation **out,
    struct csv_vacation_name **names, size_t *n, struct csv_error *err);

#endif
