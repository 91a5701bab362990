/*
 * The desk area (issue 6): the leerplicht and RMC officers' inbox, the melding page with its
 * status changes and MAS actions (SPEC §6), the letters, and the overviews (§7).
 *
 * The rules of §6 the desk enforces are pure functions here (pages/desk_rules.c), tested by
 * tests/unit/check_desk.c; the handlers only gather the facts and show the verdict.
 */
#ifndef PAGES_DESK_H
#define PAGES_DESK_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "http/http.h"

void	page_desk_inbox(struct req *);
void	page_desk_melding(struct req *);
void	page_desk_status(struct req *);
void	page_desk_mas(struct req *);
void	page_desk_feedback(struct req *);
void	page_desk_letter_kennisgeving(struct req *);
void	page_desk_letter_oproep(struct req *);
void	page_desk_letter_waarschuwing(struct req *);
void	page_desk_attachment(struct req *);
void	page_desk_overview(struct req *);
void	page_desk_overview_csv(struct req *);

/* ---------------------------------------------------------------- presentation (desk_view.c) */

enum desk_soort {
	DESK_SOORT_16UUR,
	DESK_SOORT_LUXE,
	DESK_SOORT_LRV,
	DESK_SOORT_OVERIG,
	DESK_SOORT_RMC18,
	DESK_SOORT_SCHORSING,
	DESK_SOORT_VERWIJDERING,
	DESK_SOORT__MAX
};
extern const char *const desk_soort_names[DESK_SOORT__MAX];
extern const char *const desk_soort_labels[DESK_SOORT__MAX];

/* A melding row about an 18-23 year-old (the RMC age group); one routed to the Inspectie. */
int	desk_melding_adult(const json_t *m);
int	desk_melding_to_inspectie(const json_t *m);
/* Adds the Dutch labels and local times a template shows to a melding row (in place). */
void	desk_decorate_melding(json_t *m);
/* Only what an inbox row shows: labels, the filing time, the birth date, the Inspectie badge. */
void	desk_decorate_inbox_row(json_t *m);
/* The same for a melding_event row. */
void	desk_decorate_event(json_t *e);
/* The rows of a verzuimstaat ("regels"): each gets datum_text, its day with the weekday. */
void	desk_staat_days(json_t *regels);
/* The words for a timeline event's kind (melding_event.kind), the same for school and desk. */
const char *desk_event_label(const char *kind);

/* ---------------------------------------------------------------- rules of §6 (desk_rules.c) */

enum desk_status {
	DESK_GEREGISTREERD,
	DESK_IN_BEHANDELING,
	DESK_AFGESLOTEN,
	DESK_TER_KENNISGEVING,
	DESK_INGETROKKEN,
	DESK_STATUS__MAX
};
extern const char *const desk_status_names[DESK_STATUS__MAX];
extern const char *const desk_status_labels[DESK_STATUS__MAX];

enum desk_closing {
	DESK_CLOSE_TERUG_NAAR_SCHOOL,
	DESK_CLOSE_ANDER_ONDERWIJS,
	DESK_CLOSE_WERK,
	DESK_CLOSE_LANGDURIG_ZIEK,
	DESK_CLOSE_GEOORLOOFD_AFWEZIG,
	DESK_CLOSE_OVERLEDEN,
	DESK_CLOSE_OVERIG,
	DESK_CLOSE__MAX
};
extern const char *const desk_closing_names[DESK_CLOSE__MAX];
extern const char *const desk_closing_labels[DESK_CLOSE__MAX];

enum desk_mas {
	DESK_MAS_KENNISGEVINGSBRIEF,
	DESK_MAS_VERZUIMSPREEKUUR,
	DESK_MAS_OPROEP,
	DESK_MAS_AANGETEKENDE_BRIEF,
	DESK_MAS_HUISBEZOEK,
	DESK_MAS_OFFICIELE_WAARSCHUWING,
	DESK_MAS_JEUGDHULP,
	DESK_MAS_HALT,
	DESK_MAS_JEUGDBESCHERMINGSTAFEL,
	DESK_MAS_PROCES_VERBAAL,
	DESK_MAS_VEILIG_THUIS,
	DESK_MAS__MAX
};
extern const char *const desk_mas_names[DESK_MAS__MAX];
extern const char *const desk_mas_labels[DESK_MAS__MAX];

/* Index in names[0..n) of s, or -1 (also for NULL). */
int	desk_lookup(const char *const *names, int n, const char *s);

/* Why a status change is refused; DESK_OK when it may happen. */
enum desk_refusal {
	DESK_OK,
	DESK_ERR_UNKNOWN_STATUS,	/* not a status the desk can set */
	DESK_ERR_TRANSITION,		/* not from the current status */
	DESK_ERR_NO_VERZUIMSTAAT,	/* in_behandeling needs the verzuimstaat */
	DESK_ERR_NO_REASON,		/* afgesloten needs a closing reason of §6 */
	DESK_ERR_NO_FEEDBACK,		/* afgesloten needs a terugkoppeling text */
	DESK_ERR_NO_END_DATE,		/* afgesloten needs the school's end date */
	DESK_ERR_NOT_OPEN,		/* MAS actions and terugkoppeling only on an open melding */
	DESK_ERR_NOT_IN_TREATMENT,	/* MAS actions only once in_behandeling */
	DESK_ERR_UNKNOWN_MAS,
	DESK_ERR_RMC_SANCTION,		/* RMC desks have no sanction powers */
	DESK_ERR_NO_WAARSCHUWING,	/* proces-verbaal needs an earlier officiële waarschuwing */
	DESK_ERR_HALT_HOURS,		/* Halt only for 9–60 unauthorised hours */
	DESK_ERR_NO_VERZUIM,		/* no sanction on a schorsing or verwijdering (Inspectie) */
	DESK_REFUSAL__MAX
};
/* The Dutch sentence an officer reads next to the form. */
extern const char *const desk_refusal_texts[DESK_REFUSAL__MAX];

/* The facts a status change depends on. */
struct desk_status_change {
	enum desk_status from;
	const char	*to;		/* as posted */
	int		 has_verzuimstaat;
	const char	*closing_reason;	/* as posted, may be NULL */
	const char	*feedback;	/* terugkoppeling text, may be NULL */
	int		 has_school_end_date;
};
enum desk_refusal desk_status_check(const struct desk_status_change *);

/* The facts a MAS action depends on. */
struct desk_mas_request {
	enum desk_status status;
	const char	*action;	/* as posted */
	int		 rmc_case;	/* an RMC officer, or a melding about an 18-23 year-old */
	int		 has_waarschuwing;	/* an officiële waarschuwing for this student exists */
	int64_t		 unauthorised_minutes;	/* of the melding */
	int		 inspectie;	/* routed to the Inspectie: a schorsing or verwijdering */
};
enum desk_refusal desk_mas_check(const struct desk_mas_request *);

/* Halt: 9 to 60 unauthorised hours, both bounds included (SPEC §6, seed 000 "tussen 9 - 60 uur"). */
#define DESK_HALT_MIN_MINUTES	(9 * 60)
#define DESK_HALT_MAX_MINUTES	(60 * 60)
/* A melding still geregistreerd after this many werkdagen is overdue for the desk (§7). */
#define DESK_TREAT_WERKDAGEN	5

/*
 * The instant before which a melding still geregistreerd is overdue at time now: filed on a day
 * after which more than DESK_TREAT_WERKDAGEN werkdagen have passed by today (Europe/Amsterdam);
 * bevrijdingsdag: 5 May is no werkdag (§3, the desk's region).
 */
int64_t	desk_overdue_before(int64_t now, int bevrijdingsdag);

/* "eerste", "tweede", "volgende" for ordinal 1, 2, >= 3; "" for < 1. */
const char *desk_ordinal_label(int64_t ordinal);

/*
 * Europe/Amsterdam wall-clock time of a UTC timestamp (CET/CEST with the EU rule: summer time from
 * the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC).
 * desk_local_date: "YYYY-MM-DD"; desk_local_text: "24-11-2026 19:05".
 */
void	desk_local_date(int64_t ts, char out[11]);
void	desk_local_text(int64_t ts, char out[17]);
/* The UTC timestamp of 00:00 Europe/Amsterdam on the date y-m-d. */
int64_t	desk_local_midnight(int y, int m, int d);
/* "3 dagen 4 uur", "5 uur 10 min", "12 min". */
void	desk_duration_text(int64_t seconds, char *out, size_t outsz);
/* A date "YYYY-MM-DD" as "24 november 2026"; out is "" when the date is malformed. */
void	desk_date_long(const char *ymd, char *out, size_t outsz);
/* The same with the weekday, "di 27 oktober 2026": for lists of school days (a verzuimstaat),
 * where the day of the week tells a pattern. */
void	desk_date_day(const char *ymd, char *out, size_t outsz);

#endif
