/* Handlers of the leave area (SPEC §8): the parent's start page and form, the request, the
 * decision by the directeur or the leerplicht desk, the letter. */
#ifndef PAGES_LEAVE_H
#define PAGES_LEAVE_H

#include <stddef.h>
#include "http/http.h"
#include "rules/rules.h"

void	page_parent_home(struct req *);		/* GET /ouder */
void	page_leave_list(struct req *);		/* GET /verlof */
void	page_leave_form(struct req *);		/* GET /verlof/nieuw */
void	page_leave_submit(struct req *);	/* POST /verlof/nieuw */
void	page_leave_show(struct req *);		/* GET /verlof/# */
void	page_leave_withdraw(struct req *);	/* POST /verlof/#/intrekken */
void	page_leave_prepare(struct req *);	/* POST /verlof/#/voorbereiden */
void	page_leave_forward(struct req *);	/* POST /verlof/#/doorsturen */
void	page_leave_decide(struct req *);	/* POST /verlof/#/besluit */
void	page_leave_letter(struct req *);	/* GET /verlof/#/brief */
void	page_leave_attachment(struct req *);	/* GET /verlof/#/bijlage/# */

/*
 * The refusal reasons of §8 that a parent's free text names, by Dutch keywords (pages/
 * leave_keywords.c): case-insensitive, whole words. Writes each reason once, in code order;
 * returns how many.
 */
size_t	leave_refusals_in_text(const char *text, enum rules_refusal *out, size_t max);
/* The keyword that made reason code match in text, or NULL. */
const char *leave_refusal_keyword(const char *text, enum rules_refusal code);

/* ---- shared by the leave*.c page files ---- */
struct leave_student;

/* What a parent asked for, as the rules see it. */
struct leave_input {
	const char	*ground;	/* 11f, 11g, religieus, ziekte */
	const char	*category;	/* 11g; "" or NULL when none */
	int		 degree;	/* 0: none */
	const char	*place;		/* "" or NULL when none */
	rules_date	 van, tot;
	const char	*explanation;
	int		 verklaring;	/* an attachment is there */
};

/* What the rules say about it. */
struct leave_check {
	int32_t		 schooldagen;
	int		 evaluated;	/* 11f/11g: v holds the §8 verdict */
	struct rules_leave_verdict v;
	int		 eerder_11g_dagen;
	int		 eerder_11f;
	char		 school_year[16];
	rules_date	 first_weeks[2];	/* the first two school weeks of the year */
};

rules_date leave_today(void);	/* the date in Europe/Amsterdam */
/* "YYYY-MM-DD" or "DD-MM-YYYY"; 0 or -1. */
int	leave_parse_date(const char *s, rules_date *out);
/* Evaluates in against §8 for the student (prior leave except request except_id). 0, -1. */
int	leave_check_run(struct req *, const struct leave_student *, const struct leave_input *,
	    int64_t except_id, struct leave_check *);
/* The verdict as the pages show it, next to the fields. */
json_t	*leave_check_json(const struct leave_input *, const struct leave_check *);
/* The school days of [van, tot] as "YYYY-MM-DD" strings (a JSON array). */
json_t	*leave_school_days(struct req *, int64_t calendar_id, const char *region, rules_date van,
	    rules_date tot);
/* Whether 5 May is no werkdag in the region's verzuimbeleid (§3; 1 when the region is unknown). */
int	leave_bevrijdingsdag(struct req *, const char *region);
/* The Dutch label of a ground, category, place, status. */
const char *leave_label(const char *kind, const char *value);
/* The reason codes of a decision as [{code, text}]. */
json_t	*leave_reason_texts(const json_t *codes);

#endif
