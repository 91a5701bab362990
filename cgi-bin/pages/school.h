/* Handlers of the school area, and what its page files share. */
#ifndef PAGES_SCHOOL_H
#define PAGES_SCHOOL_H

#include <jansson.h>
#include "http/http.h"
#include "rules/rules.h"
#include "store/school.h"

void	page_school_home(struct req *);
void	page_school_students(struct req *);
void	page_school_student(struct req *);
void	page_school_reg_add(struct req *);
void	page_school_reg_correct_form(struct req *);
void	page_school_reg_correct(struct req *);
void	page_school_import_form(struct req *);
void	page_school_import_regs(struct req *);
void	page_school_import_students(struct req *);
void	page_school_signals(struct req *);
void	page_school_melding_form(struct req *);
void	page_school_melding_file(struct req *);
void	page_school_meldingen(struct req *);
void	page_melding(struct req *);
void	page_melding_verzuimstaat(struct req *);
void	page_melding_attachment(struct req *);
void	page_school_melding_info(struct req *);
void	page_school_melding_withdraw(struct req *);
void	page_school_melding_end(struct req *);

/* What a school page needs: the school, its policy and calendar, and today. */
struct school_ctx {
	struct school_info	 school;
	const struct rules_policy *policy;	/* &pol */
	struct rules_policy	 pol;		/* the region's, else landelijk's */
	struct rules_calendar	 cal;
	rules_date		 today;		/* Europe/Amsterdam */
	char			 today_s[11];
};
/* 0, or an error response has been made. Pair with school_ctx_free. */
int	school_ctx_load(struct req *, struct school_ctx *);
/* The same without a request (verzuimctl): policies to choose from; 0, 1 no school, -1. */
int	school_ctx_open(struct store *, const struct user *, const struct rules_policy *policies,
	    size_t npolicies, struct school_ctx *);

/*
 * The CSV imports of sql/IMPORT.md for the school of u, all or nothing. 0: imported, *result
 * {lines, imported, skipped, students, first, last, kinds} (registrations) or {lines, imported}
 * (students); 1: refused, *result {errors: [{regel, fout}] (the first 200), nerrors, lines}.
 */
int	school_import_registrations(struct store *, const struct user *, const struct school_ctx *,
	    const char *buf, size_t len, json_t **result);
int	school_import_students(struct store *, const struct user *, const struct school_ctx *,
	    const char *buf, size_t len, json_t **result);
typedef int (*school_import_fn)(struct store *, const struct user *, const struct school_ctx *,
	    const char *, size_t, json_t **);
void	school_ctx_free(struct school_ctx *);

/* Today's date in Europe/Amsterdam (SPEC §3). */
rules_date school_today(void);
/* The signals of one student on d; *out is malloc'ed. 0 or -1. */
int	school_signals(const struct school_ctx *, const struct rules_student *,
	    const struct rules_registration *, size_t, rules_date d, struct rules_signal **out,
	    size_t *n);
/* A signal as JSON for the templates, with werkdagen left until its deadline. */
json_t	*school_signal_json(const struct school_ctx *, const struct rules_signal *);
/* The Dutch question of a melding form field by its name (as stored in the melding's details),
 * or NULL; *is_date tells whether its value is a date. */
const char *school_melding_field_label(const char *name, int *is_date);
/* Whether a melding answers the signal (ans sorted by student and datum, as the store gives). */
int	school_signal_answered(const struct school_ctx *, const struct answered *, size_t,
	    int64_t student_id, const struct rules_signal *);
/* The melding soort that answers a signal kind, or NULL (afwezig5w). */
const char *school_signal_soort(enum rules_signal_kind);
const char *school_signal_label(enum rules_signal_kind);
/* The short word: the badge on the school's signals, the column of the RMC overview. */
const char *school_signal_badge(enum rules_signal_kind);
/* The rules view of a student row of store_school_student. */
void	school_rules_student(const struct school_ctx *, const json_t *student,
	    struct rules_student *);
/* "2026-2027": the school year of a date. */
void	school_year_of(rules_date, char out[16]);
/* Sets o[textkey] to the Dutch date of the "YYYY-MM-DD" in o[key]; nothing when there is none.
 * The template shows <time datetime="{{key}}">{{textkey}}</time>. */
void	school_date_text(json_t *o, const char *key, const char *textkey);
/* "Leerplichtloket", "RMC-loket", "Inspectie van het Onderwijs" for leerplicht, rmc, inspectie. */
const char *school_loket_label(const char *kind);
/* Dutch labels of a plicht (rules_plicht_names). */
extern const char *const school_plicht_labels[RULES_PLICHT__MAX];
/* The Dutch label of a melding soort ("16uur": "16 uur ongeoorloofd verzuim in 4 lesweken"). */
const char *school_melding_soort_label(const char *soort);
/* A melding of a list (the school's meldingen, the student page): soort and status in words,
 * the day filed in Europe/Amsterdam (filed_date) and the Dutch dates (*_text). */
void	school_melding_row(json_t *m);
/* A strict ISO date of a form value; 0 or -1. */
int	school_date_arg(const char *, rules_date *);
/* Adds pagination data (page, pages, prev, next) to data. */
void	school_pagination(json_t *data, int page, int per_page, int total, const char *base,
	    const char *extra_query);
int	school_page_arg(const struct req *);
/* The checks of one registration (form or import line): fills rn, Dutch messages per field in
 * errors; 0 when valid. */
int	school_reg_validate(const struct school_ctx *, const char *datum, const char *soort,
	    const char *minuten, int hele_dag, const char *note, struct reg_new *, json_t *errors);
/* Kinds of registration with Dutch labels. */
extern const char *const school_reg_labels[RULES_REG__MAX];

#endif
