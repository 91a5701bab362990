/*
 * CSV imports of the school (columns in sql/IMPORT.md): absence registrations and students as a
 * school administration system exports them. Every line is checked first; one bad line imports
 * nothing and every bad line is named with every reason it is refused for. A good file is
 * written in one transaction.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "parse/text.h"
#include "http/app.h"
#include "pages/pages.h"
#include "parse/csv.h"
#include "store/store.h"

#define ERRORS_SHOWN	200
#define IMPORT_LINES_MAX 200000
#define IMPORT_BYTES_MAX (10u * 1024 * 1024)

enum reg_col { RC_NUMMER, RC_DATUM, RC_SOORT, RC_MINUTEN, RC_OPMERKING, RC__MAX };
static const char *const reg_cols[RC__MAX] = {
	"leerlingnummer",	/* RC_NUMMER */
	"datum",		/* RC_DATUM */
	"soort",		/* RC_SOORT */
	"minuten",		/* RC_MINUTEN */
	"opmerking",		/* RC_OPMERKING, optional */
};

enum st_col { SC_NUMMER, SC_VOORNAAM, SC_ACHTERNAAM, SC_GEBOORTEDATUM, SC_WOONGEMEENTE,
	SC_STARTKWALIFICATIE, SC_VRIJGESTELD, SC_KLAS, SC_DAGEN, SC_ADRES, SC_POSTCODE,
	SC_WOONPLAATS, SC_TELEFOON, SC_EMAIL, SC_OUDER_NAAM, SC_OUDER_TELEFOON, SC_OUDER_EMAIL,
	SC_VERBLIJFADRES, SC__MAX };
static const char *const st_cols[SC__MAX] = {
	"leerlingnummer", "voornaam", "achternaam", "geboortedatum", "woongemeente",
	"startkwalificatie", "vrijgesteld", "klas", "dagen_per_week", "adres", "postcode",
	"woonplaats", "telefoon", "email", "ouder_naam", "ouder_telefoon", "ouder_email",
	"verblijfadres",
};
#define ST_REQUIRED 5	/* the first five columns must be present and filled */
static const int email_cols[] = { SC_EMAIL, SC_OUDER_EMAIL };	/* checked as addresses */

static void
import_form(struct req *r, int status, json_t *extra)
{
	json_t *d = json_pack("{s:s}", "title", "Importeren");

	if (extra != NULL) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	page_render(r, status, "school_import", d);
}

void
page_school_import_form(struct req *r)
{
	struct school_info si;

	if (store_school_of(r->app->store, &r->user, &si) != 0) {
		http_error(r, 404);
		return;
	}
	import_form(r, 200, NULL);
}

/* One CSV field as a NUL-terminated copy in buf. */
static const char *
field(const struct csv_row *row, int col, char *buf, size_t bufsz)
{
	size_t n;

	if (col < 0 || (size_t)col >= row->n) {
		buf[0] = '\0';
		return buf;
	}
	n = row->v[col].len < bufsz - 1 ? row->v[col].len : bufsz - 1;
	memcpy(buf, row->v[col].p, n);
	buf[n] = '\0';
	/* Trim the spaces spreadsheet exports leave around values. */
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
		buf[--n] = '\0';
	return buf + strspn(buf, " \t");
}

/* Maps the header line to column positions; names are case-insensitive, in any order. */
static int
map_header(const struct csv_row *row, const char *const *names, int ncols, int *pos,
    int nrequired, char *err, size_t errsz)
{
	char name[64];

	for (int i = 0; i < ncols; i++)
		pos[i] = -1;
	for (size_t j = 0; j < row->n; j++) {
		const char *h = field(row, (int)j, name, sizeof(name));
		int known = 0;
		for (int i = 0; i < ncols; i++)
			if (strcasecmp(h, names[i]) == 0) {
				if (pos[i] >= 0) {
					snprintf(err, errsz, "De kolom '%s' staat twee keer in de kopregel.",
					    names[i]);
					return -1;
				}
				pos[i] = (int)j;
				known = 1;
			}
		if (!known) {
			snprintf(err, errsz, "Onbekende kolom '%.40s' in de kopregel.", h);
			return -1;
		}
	}
	for (int i = 0; i < nrequired; i++)
		if (pos[i] < 0) {
			snprintf(err, errsz, "De kolom '%s' ontbreekt in de kopregel.", names[i]);
			return -1;
		}
	return 0;
}

static void
line_error(json_t *errors, int *nerrors, size_t line, const char *msg)
{
	if (json_array_size(errors) < ERRORS_SHOWN)
		json_array_append_new(errors, json_pack("{s:I,s:s}", "regel", (json_int_t)line,
		    "fout", msg));
	(*nerrors)++;
}

/*
 * Adds a reason to the message of one line: every reason a line is refused for, in one go. A
 * reason that does not fit whole is left out (never cut inside a UTF-8 character).
 */
static void
reason_add(char *why, size_t whysz, const char *msg)
{
	size_t n = strlen(why);

	if (n + 1 + strlen(msg) < whysz)
		snprintf(why + n, whysz - n, "%s%s", n > 0 ? " " : "", msg);
}

static const struct field *
upload(struct req *r)
{
	const struct field *f = fields_get(&r->form, "bestand");

	return f != NULL && f->filename != NULL && f->valsz > 0 ? f : NULL;
}

/*
 * The uploaded file through an import; the page shows prefix_done, or prefix_errors,
 * prefix_nerrors and prefix_lines (prefix "regs" or "students", what "registraties" or
 * "leerlingen").
 */
static void
import_page(struct req *r, const char *prefix, const char *what, school_import_fn import)
{
	struct school_ctx c;
	const struct field *f = upload(r);
	char key[32], msg[80];
	json_t *res, *d;
	int rc;

	if (school_ctx_load(r, &c) != 0)
		return;
	if (f == NULL) {
		school_ctx_free(&c);
		snprintf(key, sizeof(key), "%s_error", prefix);
		snprintf(msg, sizeof(msg), "Kies een CSV-bestand met %s.", what);
		import_form(r, 422, json_pack("{s:s}", key, msg));
		return;
	}
	rc = import(r->app->store, &r->user, &c, f->value, f->valsz, &res);
	school_ctx_free(&c);
	if (rc != 0) {
		static const char *const keys[] = { "errors", "nerrors", "lines" };
		audit(r, "import_geweigerd", "school:%lld:%s", (long long)r->user.school_id, what);
		d = json_pack("{s:s}", "filename", f->filename);
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			snprintf(key, sizeof(key), "%s_%s", prefix, keys[i]);
			json_object_set(d, key, json_object_get(res, keys[i]));
		}
		snprintf(key, sizeof(key), "%s_nerrors_one", prefix);
		json_object_set_new(d, key, json_boolean(
		    json_integer_value(json_object_get(res, "nerrors")) == 1));
		json_decref(res);
		import_form(r, 422, d);
		return;
	}
	audit(r, "import", "school:%lld:%s:%lld", (long long)r->user.school_id, what,
	    (long long)json_integer_value(json_object_get(res, "imported")));
	json_object_set_new(res, "filename", json_string(f->filename));
	/* "1 regel", "2 regels": each count with whether it is one, for the words around it. */
	{
		static const char *const counts[] = { "lines", "imported", "skipped", "students" };
		for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
			json_t *n = json_object_get(res, counts[i]);
			snprintf(key, sizeof(key), "%s_one", counts[i]);
			if (n != NULL)
				json_object_set_new(res, key, json_boolean(json_integer_value(n) == 1));
		}
	}
	school_date_text(res, "first", "first_text");
	school_date_text(res, "last", "last_text");
	snprintf(key, sizeof(key), "%s_done", prefix);
	import_form(r, 200, json_pack("{s:o}", key, res));
}

/* A refused import's result (errors is taken): {errors, nerrors, lines}. Returns 1. */
static int
refused(json_t **result, json_t *errors, int nerrors, size_t lines)
{
	*result = json_pack("{s:o,s:i,s:I}", "errors", errors, "nerrors", nerrors, "lines",
	    (json_int_t)lines);
	return 1;
}

/* Files over IMPORT_BYTES_MAX are refused whole (sql/IMPORT.md), by the page and verzuimctl. */
static int
too_big(size_t len, json_t **result)
{
	json_t *errors;
	int nerrors = 0;

	if (len <= IMPORT_BYTES_MAX)
		return 0;
	errors = json_array();
	line_error(errors, &nerrors, 0, "Het bestand is groter dan 10 MB; splits het op in "
	    "kleinere bestanden. Er is niets geïmporteerd.");
	return refused(result, errors, nerrors, 0);
}

/* A line with more fields than the header has columns: a shifted or broken line, refused. */
static int
more_fields(json_t *errors, int *nerrors, size_t line, size_t n, size_t ncols)
{
	char msg[120];

	if (n <= ncols)
		return 0;
	snprintf(msg, sizeof(msg), "Deze regel heeft %zu velden, de kopregel %zu kolommen.", n,
	    ncols);
	line_error(errors, nerrors, line, msg);
	return 1;
}

int
school_import_registrations(struct store *s, const struct user *u, const struct school_ctx *c,
    const char *buf, size_t len, json_t **result)
{
	struct csv_reader cr;
	struct csv_row row;
	struct reg_new *regs = NULL;
	size_t nregs = 0, cap = 0, line = 0, lines = 0;
	int pos[RC__MAX], nerrors = 0, header = 1, skipped = 0;
	size_t ncols = 0;
	unsigned char *skip = NULL;	/* per line: already stored before this import */
	json_t *errors = json_array(), *students = json_object();
	char err[200], first[11] = "", last[11] = "";
	int64_t minutes[RULES_REG__MAX] = { 0 };
	enum parse_err pe;

	if (too_big(len, result)) {
		json_decref(errors);
		json_decref(students);
		return 1;
	}
	csv_init(&cr, buf, len);
	csv_separator(&cr, csv_guess_separator(buf, len));
	while ((pe = csv_next(&cr, &row, &line)) == PARSE_OK && row.n > 0) {
		char num[64], datum[32], soort[32], min[32], note[600], born[11], why[1200];
		struct reg_new rn;
		rules_date born_d, date_d;
		json_t *fe;
		int64_t sid;
		int kind_known;

		if (header) {
			header = 0;
			if (map_header(&row, reg_cols, RC__MAX, pos, RC__MAX - 1, err,
			    sizeof(err)) != 0) {
				line_error(errors, &nerrors, line, err);
				break;
			}
			ncols = row.n;
			continue;
		}
		if (more_fields(errors, &nerrors, line, row.n, ncols))
			continue;
		if (++lines > IMPORT_LINES_MAX) {
			line_error(errors, &nerrors, line, "Het bestand heeft te veel regels "
			    "(hoogstens 200.000); splits het op.");
			break;
		}
		memset(&rn, 0, sizeof(rn));
		rn.source = "import";
		why[0] = '\0';
		const char *n = field(&row, pos[RC_NUMMER], num, sizeof(num));
		const char *m = field(&row, pos[RC_MINUTEN], min, sizeof(min));
		if ((sid = store_school_student_by_number_born(s, u, n, born)) == 0) {
			snprintf(err, sizeof(err), "Onbekend leerlingnummer '%.30s'.", n);
			reason_add(why, sizeof(why), err);
		}
		rn.student_id = sid;
		/* "Te laat", "te-laat", "Ongeoorloofd": the kind as an administration system writes it */
		field(&row, pos[RC_SOORT], soort, sizeof(soort));
		for (char *p = soort; *p != '\0'; p++)
			*p = *p == ' ' || *p == '-' ? '_' : (char)tolower((unsigned char)*p);
		kind_known = desk_lookup(rules_reg_kind_names, RULES_REG__MAX, soort) >= 0;
		if (!kind_known) {
			snprintf(err, sizeof(err), "Onbekende soort '%.30s': gebruik ongeoorloofd, te_laat, "
			    "ziek, verlof of schorsing.", soort);
			reason_add(why, sizeof(why), err);
		}
		fe = json_object();
		if (school_reg_validate(c, field(&row, pos[RC_DATUM], datum, sizeof(datum)),
		    soort, m, strcasecmp(m, "dag") == 0,
		    field(&row, pos[RC_OPMERKING], note, sizeof(note)), &rn, fe) != 0) {
			const char *k;
			json_t *v;
			char msg[400];
			json_object_foreach(fe, k, v) {
				if (!kind_known && strcmp(k, "soort") == 0)
					continue;	/* said above, with the kind named */
				snprintf(msg, sizeof(msg), "%s: %s", k, json_string_value(v));
				reason_add(why, sizeof(why), msg);
			}
		}
		json_decref(fe);
		/*
		 * Absence is registered for days the student was alive: a date before the date of
		 * birth is a wrong date or a wrong student number. (A date in the future is refused
		 * by school_reg_validate: a registration records absence that took place, also
		 * verlof; leave granted ahead is a verlofaanvraag, SPEC §8.)
		 */
		if (sid != 0 && rn.date[0] != '\0' && school_date_arg(born, &born_d) == 0 &&
		    school_date_arg(rn.date, &date_d) == 0 && date_d < born_d) {
			snprintf(err, sizeof(err), "datum: De datum ligt vóór de geboortedatum van de "
			    "leerling (%s).", born);
			reason_add(why, sizeof(why), err);
		}
		if (why[0] != '\0') {
			line_error(errors, &nerrors, line, why);
			continue;
		}
		if (nerrors > 0)
			continue;	/* keep checking, stop collecting */
		if (nregs == cap) {
			struct reg_new *nr;
			cap = cap ? cap * 2 : 1024;
			if ((nr = realloc(regs, cap * sizeof(*nr))) == NULL) {
				line_error(errors, &nerrors, line, "Te weinig geheugen.");
				break;
			}
			regs = nr;
		}
		rn.note = NULL;		/* the note points into the reader: copied below */
		regs[nregs] = rn;
		{
			char *dup = strdup(note + strspn(note, " \t"));
			regs[nregs].note = dup ? dup : "";
		}
		nregs++;
	}
	if (pe != PARSE_OK) {
		snprintf(err, sizeof(err), "Het bestand is geen geldige CSV (%s).",
		    pe == PARSE_TOO_LONG ? "een veld is te lang" : pe == PARSE_TOO_MANY ?
		    "te veel kolommen" : "aanhalingstekens of tekens kloppen niet");
		line_error(errors, &nerrors, line, err);
	}
	csv_free(&cr);
	if (header && nerrors == 0)
		line_error(errors, &nerrors, 1, "Het bestand is leeg.");
	if (nerrors == 0 && (skip = calloc(nregs ? nregs : 1, 1)) == NULL)
		line_error(errors, &nerrors, 0, "Te weinig geheugen.");
	if (nerrors == 0 && store_begin(s) == 0) {
		int failed = 0;
		/* A line already registered before this import (the same file imported twice) is
		 * skipped; equal lines within one file all count (two late arrivals on one day). */
		for (size_t k = 0; skip != NULL && k < nregs; k++)
			if (store_school_reg_exists(s, &regs[k])) {
				skip[k] = 1;
				skipped++;
			}
		for (size_t k = 0; !failed && k < nregs; k++)
			if (!skip[k] && store_school_reg_add(s, u, &regs[k]) != 0)
				failed = 1;
		if (failed || store_commit(s) != 0) {
			store_rollback(s);
			line_error(errors, &nerrors, 0, "Opslaan is mislukt; er is niets geïmporteerd.");
		}
	} else if (nerrors == 0)
		line_error(errors, &nerrors, 0, "Opslaan is mislukt; er is niets geïmporteerd.");

	if (nerrors > 0) {
		for (size_t i = 0; i < nregs; i++)
			free((char *)regs[i].note);
		free(regs);
		free(skip);
		json_decref(students);
		return refused(result, errors, nerrors, lines);
	}
	/* The summary tells what was added: lines already stored are only counted as skipped. */
	for (size_t i = 0; i < nregs; i++) {
		char key[32];
		if (skip[i]) {
			free((char *)regs[i].note);
			continue;
		}
		for (int k = 0; k < RULES_REG__MAX; k++)
			if (strcmp(regs[i].kind, rules_reg_kind_names[k]) == 0)
				minutes[k] += regs[i].minutes;
		snprintf(key, sizeof(key), "%lld", (long long)regs[i].student_id);
		json_object_set_new(students, key, json_true());
		if (first[0] == '\0' || strcmp(regs[i].date, first) < 0)
			memcpy(first, regs[i].date, 11);
		if (strcmp(regs[i].date, last) > 0)
			memcpy(last, regs[i].date, 11);
		free((char *)regs[i].note);
	}
	free(regs);
	free(skip);
	{
		json_t *kinds = json_array();
		for (int k = 0; k < RULES_REG__MAX; k++)
			if (minutes[k] > 0)
				json_array_append_new(kinds, json_pack("{s:s,s:s,s:I}", "soort",
				    rules_reg_kind_names[k], "label", school_reg_labels[k], "minuten",
				    (json_int_t)minutes[k]));
		*result = json_pack("{s:I,s:I,s:i,s:I,s:s,s:s,s:o}", "lines", (json_int_t)lines,
		    "imported", (json_int_t)(nregs - (size_t)skipped), "skipped", skipped,
		    "students", (json_int_t)json_object_size(students), "first", first, "last", last,
		    "kinds", kinds);
	}
	json_decref(errors);
	json_decref(students);
	return 0;
}

void
page_school_import_regs(struct req *r)
{
	import_page(r, "regs", "registraties", school_import_registrations);
}

static int
yes_no(const char *v, int *out)
{
	if (*v == '\0' || strcasecmp(v, "nee") == 0 || strcmp(v, "0") == 0 || strcasecmp(v, "n") == 0)
		*out = 0;
	else if (strcasecmp(v, "ja") == 0 || strcmp(v, "1") == 0 || strcasecmp(v, "j") == 0)
		*out = 1;
	else
		return -1;
	return 0;
}

int
school_import_students(struct store *s, const struct user *u, const struct school_ctx *c,
    const char *buf, size_t len, json_t **result)
{
	struct csv_reader cr;
	struct csv_row row;
	size_t line = 0, lines = 0, imported = 0;
	int pos[SC__MAX], nerrors = 0, header = 1, pass;
	size_t ncols = 0;
	json_t *errors = json_array(), *seen = json_object();	/* numbers of this file */
	char err[300], why[2000];
	enum parse_err pe = PARSE_OK;

	if (too_big(len, result)) {
		json_decref(errors);
		json_decref(seen);
		return 1;
	}
	/* Pass 0 checks every line; pass 1 writes them, in one transaction. */
	for (pass = 0; pass < 2 && nerrors == 0; pass++) {
		if (pass == 1 && store_begin(s) != 0) {
			line_error(errors, &nerrors, 0, "Opslaan is mislukt; er is niets geïmporteerd.");
			break;
		}
		header = 1;
		lines = 0;
		csv_init(&cr, buf, len);
		csv_separator(&cr, csv_guess_separator(buf, len));
		while ((pe = csv_next(&cr, &row, &line)) == PARSE_OK && row.n > 0) {
			char v[SC__MAX][512];
			const char *p[SC__MAX];
			struct student_new sn;
			rules_date born;
			int dpw = 5;

			if (header) {
				header = 0;
				if (map_header(&row, st_cols, SC__MAX, pos, ST_REQUIRED, err,
				    sizeof(err)) != 0) {
					line_error(errors, &nerrors, line, err);
					break;
				}
				ncols = row.n;
				continue;
			}
			if (more_fields(errors, &nerrors, line, row.n, ncols))
				continue;
			if (++lines > IMPORT_LINES_MAX) {
				line_error(errors, &nerrors, line, "Het bestand heeft te veel regels.");
				break;
			}
			for (int i = 0; i < SC__MAX; i++)
				p[i] = field(&row, pos[i], v[i], sizeof(v[i]));
			memset(&sn, 0, sizeof(sn));
			why[0] = '\0';
			/* Every reason a line is refused for, so one round of corrections will do. */
			for (int i = 0; i < ST_REQUIRED; i++)
				if (*p[i] == '\0') {
					snprintf(err, sizeof(err), "%s is leeg.", st_cols[i]);
					reason_add(why, sizeof(why), err);
				}
			for (int i = 0; i < SC__MAX; i++)
				if (!text_is_line(p[i])) {
					snprintf(err, sizeof(err), "%s bevat een regelovergang of een ander "
					    "stuurteken.", st_cols[i]);
					reason_add(why, sizeof(why), err);
				}
			for (size_t k = 0; k < sizeof(email_cols) / sizeof(email_cols[0]); k++) {
				int i = email_cols[k];
				if (*p[i] != '\0' && text_is_line(p[i]) && !text_is_email(p[i])) {
					snprintf(err, sizeof(err), "%s '%.60s' is geen geldig e-mailadres.",
					    st_cols[i], p[i]);
					reason_add(why, sizeof(why), err);
				}
			}
			if (*p[SC_GEBOORTEDATUM] != '\0' && (school_date_arg(p[SC_GEBOORTEDATUM],
			    &born) != 0 || born > c->today)) {
				snprintf(err, sizeof(err), "geboortedatum '%.20s' is geen geldige datum "
				    "(jjjj-mm-dd).", p[SC_GEBOORTEDATUM]);
				reason_add(why, sizeof(why), err);
			}
			if (*p[SC_WOONGEMEENTE] != '\0' && (sn.gemeente_id =
			    store_school_gemeente_id(s, p[SC_WOONGEMEENTE])) == 0) {
				snprintf(err, sizeof(err), "onbekende woongemeente '%.60s'.",
				    p[SC_WOONGEMEENTE]);
				reason_add(why, sizeof(why), err);
			}
			if (yes_no(p[SC_STARTKWALIFICATIE], &sn.startkwalificatie) != 0 ||
			    yes_no(p[SC_VRIJGESTELD], &sn.exempt) != 0)
				reason_add(why, sizeof(why), "startkwalificatie en vrijgesteld zijn 'ja' "
				    "of 'nee'.");
			if (*p[SC_DAGEN] != '\0') {
				char *end;
				long n = strtol(p[SC_DAGEN], &end, 10);
				if (*end != '\0' || n < 1 || n > 5)
					reason_add(why, sizeof(why), "dagen_per_week is 1 tot 5.");
				else
					dpw = (int)n;
			}
			/* The number is checked whatever else is wrong with the line: a duplicate
			 * is named in the same round as the other errors. */
			if (pass == 0 && *p[SC_NUMMER] != '\0') {
				json_t *first = json_object_get(seen, p[SC_NUMMER]);
				if (store_school_student_by_number(s, u, p[SC_NUMMER]) != 0) {
					snprintf(err, sizeof(err), "leerlingnummer '%.30s' bestaat al.",
					    p[SC_NUMMER]);
					reason_add(why, sizeof(why), err);
				} else if (first != NULL) {
					snprintf(err, sizeof(err), "leerlingnummer '%.30s' staat ook op "
					    "regel %lld.", p[SC_NUMMER],
					    (long long)json_integer_value(first));
					reason_add(why, sizeof(why), err);
				}
				if (first == NULL)
					json_object_set_new(seen, p[SC_NUMMER],
					    json_integer((json_int_t)line));
			}
			if (why[0] != '\0') {
				line_error(errors, &nerrors, line, why);
				continue;
			}
			if (pass == 0)
				continue;
			sn.number = p[SC_NUMMER];
			sn.first_name = p[SC_VOORNAAM];
			sn.last_name = p[SC_ACHTERNAAM];
			sn.birth_date = p[SC_GEBOORTEDATUM];
			sn.days_per_week = dpw;
			sn.class_name = p[SC_KLAS];
			sn.address = p[SC_ADRES];
			sn.postcode = p[SC_POSTCODE];
			sn.city = p[SC_WOONPLAATS];
			sn.phone = p[SC_TELEFOON];
			sn.email = p[SC_EMAIL];
			sn.parent_name = p[SC_OUDER_NAAM];
			sn.parent_phone = p[SC_OUDER_TELEFOON];
			sn.parent_email = p[SC_OUDER_EMAIL];
			sn.stay_address = p[SC_VERBLIJFADRES];
			switch (store_school_student_add(s, u, &sn)) {
			case 0:
				imported++;
				break;
			case 1:
				snprintf(err, sizeof(err), "leerlingnummer '%.30s' staat twee keer in "
				    "het bestand.", p[SC_NUMMER]);
				line_error(errors, &nerrors, line, err);
				break;
			default:
				line_error(errors, &nerrors, line, "Opslaan is mislukt.");
			}
		}
		if (pe != PARSE_OK)
			line_error(errors, &nerrors, line, "Het bestand is geen geldige CSV.");
		if (header && nerrors == 0)
			line_error(errors, &nerrors, 1, "Het bestand is leeg.");
		csv_free(&cr);
		if (pass == 1) {
			if (nerrors > 0 || store_commit(s) != 0) {
				store_rollback(s);
				if (nerrors == 0)
					line_error(errors, &nerrors, 0, "Opslaan is mislukt.");
			}
		}
	}
	json_decref(seen);
	if (nerrors > 0) {
		return refused(result, errors, nerrors, lines);
	}
	json_decref(errors);
	*result = json_pack("{s:I,s:I}", "lines", (json_int_t)lines, "imported",
	    (json_int_t)imported);
	return 0;
}

void
page_school_import_students(struct req *r)
{
	import_page(r, "students", "leerlingen", school_import_students);
}
