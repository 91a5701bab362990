/*
 * The school area of the store: students, absence registrations, the input of the signals, and
 * verzuimmeldingen with their events. Every function takes the session's user and sees only what
 * is in that user's scope: school staff their own school, desks the meldingen routed to them.
 * Functions that return an int answer 0 (done / found), 1 (not found or not in scope, the
 * caller answers 404) or -1 (database error).
 */
#ifndef STORE_SCHOOL_H
#define STORE_SCHOOL_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "rules/rules.h"

struct store;
struct user;

struct school_info {
	int64_t		 id;
	char		 brin[16];
	char		 name[160];
	enum rules_school_sort sort;
	char		 region[RULES_REGIO_LEN];
	int64_t		 calendar_id;
	char		 phone[64];
	char		 email[128];
};

/* The staff user's own school. */
int	 store_school_of(struct store *, const struct user *, struct school_info *);
/* The vacations of a calendar; *out is malloc'ed (free it), *n may be 0. */
int	 store_school_vacations(struct store *, int64_t calendar_id, struct rules_vacation **out,
	    size_t *n);

/* Students (a page of them, searched by name, number or class); *total is the number found. */
json_t	*store_school_students(struct store *, const struct user *, const char *q, int limit,
	    int offset, int *total);
/* One student of the user's school as a JSON object, or NULL when out of scope. */
json_t	*store_school_student(struct store *, const struct user *, int64_t id);
/* The student's active registrations sorted by date; *out malloc'ed. */
int	 store_school_student_regs(struct store *, int64_t student_id,
	    struct rules_registration **out, size_t *n);
/* Every registration of the student in [from, to] ('' for open), corrections included. */
json_t	*store_school_reg_history(struct store *, int64_t student_id, const char *from,
	    const char *to);
/* A registration of the user's school, or NULL. */
json_t	*store_school_reg(struct store *, const struct user *, int64_t id);

struct reg_new {
	int64_t		 student_id;
	char		 date[11];
	const char	*kind;		/* rules_reg_kind_names */
	int		 minutes;
	const char	*note;
	const char	*source;	/* formulier, import */
	int64_t		 corrects_id;	/* 0: none */
	int		 voided;	/* a correction that only says "vervallen": stored inactive */
};
/* Adds one registration (the caller checked the student's scope). */
int	 store_school_reg_add(struct store *, const struct user *, const struct reg_new *);
/* Replaces registration old_id by a correction; 1 when it is not active any more. */
int	 store_school_reg_correct(struct store *, const struct user *, int64_t old_id,
	    const struct reg_new *);

/* An active registration with the same student, date, kind and minutes exists (re-import). */
int	 store_school_reg_exists(struct store *, const struct reg_new *);

/* The student import: one row; 1 when the number is already in use. */
struct student_new {
	const char	*number, *first_name, *last_name, *birth_date;
	int64_t		 gemeente_id;
	int		 startkwalificatie, exempt, days_per_week;
	const char	*class_name, *address, *postcode, *city, *phone, *email;
	const char	*parent_name, *parent_phone, *parent_email, *stay_address;
};
int	 store_school_student_add(struct store *, const struct user *, const struct student_new *);
int64_t	 store_school_gemeente_id(struct store *, const char *name);	/* 0: unknown */
/* The student with this number in the user's school: id or 0. */
int64_t	 store_school_student_by_number(struct store *, const struct user *, const char *number);
/* The same, with the student's date of birth (YYYY-MM-DD) in born ("" when none is found). */
int64_t	 store_school_student_by_number_born(struct store *, const struct user *,
	    const char *number, char born[11]);

/* The input of the signals overview: every student of the school and all active registrations,
 * read in one pass ordered by student and date. */
struct signal_student {
	int64_t		 id;
	char		 name[160];
	char		 class_name[48];
	struct rules_student st;
	size_t		 first, n;	/* their registrations: regs[first .. first + n) */
};
struct signal_input {
	struct signal_student	*students;
	size_t			 nstudents;
	struct rules_registration *regs;
	size_t			 nregs;
};
int	 store_school_signal_input(struct store *, const struct user *, enum rules_school_sort,
	    struct signal_input *);
void	 signal_input_free(struct signal_input *);
/* The signals that a (not withdrawn) melding answers: student, signal date, soort. */
struct answered {
	int64_t		 student_id;
	rules_date	 datum;
	char		 soort[16];
};
int	 store_school_answered(struct store *, const struct user *, struct answered **, size_t *);

/* Desks (§5): the desk of a gemeente for kind "leerplicht" or "rmc": id or 0. */
int64_t	 store_school_loket_for(struct store *, int64_t gemeente_id, const char *kind);
json_t	*store_school_loket(struct store *, int64_t loket_id);

/* A new verzuimmelding, written with its events, attachments and the parents' mail at once. */
struct attachment_new {
	const char	*filename;
	const char	*ctype;
	const void	*data;
	size_t		 size;
	char		 sha256[65];
};
struct melding_new {
	int64_t		 student_id;
	const char	*soort;
	const char	*routed_to;	/* leerplicht, rmc, inspectie */
	int64_t		 loket_id;
	const char	*age_group;	/* 5-18, 18-23 */
	char		 period_start[11], period_end[11];	/* "" when unknown */
	char		 signal_datum[11], deadline[11], lrv_begin[11];
	int64_t		 previous_id;
	int		 unauthorised_minutes;
	int		 has_verzuimstaat;
	const char	*verzuimstaat;	/* JSON */
	const char	*details;	/* JSON */
	char		 school_year[16];
	const char	*client_token;
	const struct attachment_new *attachments;
	size_t		 nattachments;
	const char	*parent_email;	/* "" when none: no mail */
	const char	*mail_subject, *mail_body;
};
/* 0 filed (*id set), 2 the token was used before (*id is that melding), -1 error. */
int	 store_school_melding_file(struct store *, const struct user *, const struct melding_new *,
	    int64_t *id);
/* The last 16uur melding of a student (for vervolg and the LRV begin date): id or 0, and the
 * last day it covers. */
int64_t	 store_school_last_16uur(struct store *, int64_t student_id, char end[11]);
/* A melding (not withdrawn) of this soort that already answers the student's signal of datum,
 * other than the one sent with this form's token (the same form sent twice): its id, or 0. */
int64_t	 store_school_signal_melding(struct store *, int64_t student_id, const char *datum,
	    const char *soort, const char *token);

/* A melding with its events and attachments for any role in whose scope it is (school staff:
 * their school; leerplicht/rmc: their desk; ouder: their child), or NULL. */
json_t	*store_melding_get(struct store *, const struct user *, int64_t id);
/* An attachment of a melding in scope: 0 and the fields (caller frees *data), 1, -1. */
int	 store_melding_attachment(struct store *, const struct user *, int64_t melding_id,
	    int64_t attachment_id, char *filename, size_t fnsz, char *ctype, size_t ctsz,
	    void **data, size_t *size);
/* School actions on a melding of their school; 1 when not in scope, 3 when not allowed in its
 * current status. */
int	 store_school_melding_info(struct store *, const struct user *, int64_t id,
	    const char *text, const struct attachment_new *, size_t natt);
int	 store_school_melding_withdraw(struct store *, const struct user *, int64_t id,
	    const char *reason);
int	 store_school_melding_end(struct store *, const struct user *, int64_t id,
	    const char *date, const char *date_text, const char *text);

json_t	*store_school_meldingen(struct store *, const struct user *, const char *status, int limit,
	    int offset, int *total);
json_t	*store_school_melding_counts(struct store *, const struct user *);
json_t	*store_school_student_meldingen(struct store *, const struct user *, int64_t student_id);

#endif
