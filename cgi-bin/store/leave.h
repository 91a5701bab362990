/*
 * Leave requests (SPEC §8) in the store. Every function that reads or changes a request takes the
 * session's user and sees only what is in scope: a parent their own children's requests, school
 * staff their school's, a leerplicht officer the requests forwarded to their desk. Out of scope
 * and not found are the same answer (NULL or 1), so pages answer 404 for both.
 */
#ifndef STORE_LEAVE_H
#define STORE_LEAVE_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "rules/rules.h"

struct store;
struct user;

/* A student as the leave rules need them, with their school. */
struct leave_student {
	int64_t	 id;
	int64_t	 school_id;
	int64_t	 gemeente_id;		/* woongemeente: decides the desk */
	int64_t	 calendar_id;
	char	 name[256];		/* first and last name */
	char	 birth_date[11];
	int	 startkwalificatie;
	int	 exempt;
	int	 days_per_week;
	char	 school_name[256];
	char	 school_sort[8];
	char	 school_email[256];
	char	 region[32];
};

/* The parent's children: [{id, name, school}]; [] for every other role. */
json_t	*store_leave_children(struct store *, const struct user *);
/* A student the user may request leave for (ouder: own child); 0 found, 1 not in scope, -1 error. */
int	 store_leave_student(struct store *, const struct user *, int64_t student_id,
	    struct leave_student *);
/* The vacations of a calendar; *n set; at most max. */
int	 store_leave_vacations(struct store *, int64_t calendar_id, struct rules_vacation *out,
	    size_t max, size_t *n);
/* Granted leave of a student in a school year other than request except_id. */
int	 store_leave_prior(struct store *, int64_t student_id, const char *school_year,
	    int64_t except_id, int *days_11g, int *has_11f);
/* A request of the student, open or granted, that overlaps [van, tot]: its id, or 0. */
int64_t	 store_leave_overlap(struct store *, int64_t student_id, const char *van, const char *tot);
/* [{id, ground, category, start_date, end_date, school_days}] granted this school year. */
json_t	*store_leave_granted(struct store *, int64_t student_id, const char *school_year);

/* Attachments uploaded with a form that was not yet submitted: pending, owned by the user. */
int64_t	 store_leave_attachment_add(struct store *, const struct user *, const char *filename,
	    const char *ctype, const void *data, size_t size, const char *sha256hex);
/* Forgets this parent's pending attachments of forms never sent (older than a day). */
int	 store_leave_attachments_purge(struct store *, const struct user *);
/* The bytes of this user's attachments that belong to no request yet (-1: error). */
int64_t	 store_leave_attachments_pending_bytes(struct store *, const struct user *);
/* {id, filename, size, sha256} of a pending attachment of this user, or NULL. */
json_t	*store_leave_attachment_pending(struct store *, const struct user *, int64_t id);

struct leave_new {
	int64_t		 student_id;
	int64_t		 school_id;
	const char	*ground;	/* 11f, 11g, religieus, ziekte */
	const char	*category;	/* NULL unless 11g */
	int		 degree;	/* 0: none */
	const char	*place;		/* NULL: none */
	const char	*start_date, *end_date;
	int		 school_days;
	const char	*explanation;
	const char	*status;	/* ingediend or kennisgeving */
	const char	*verdict;	/* JSON text */
	const char	*school_year;
	const char	*client_token;
	const int64_t	*attachments;	/* pending attachment ids of this user */
	size_t		 nattachments;
	const char	*mail_to;	/* the school, told of the new request; may be NULL */
	const char	*mail_subject, *mail_body;
};
/* The request this user already made with this form token, or 0. */
int64_t	 store_leave_by_token(struct store *, const struct user *, const char *token);
/* Creates the request, links the attachments, writes the event and the mail in one transaction.
 * Returns the id; a repeated client_token returns the id made the first time. -1 on error. */
int64_t	 store_leave_create(struct store *, const struct user *, const struct leave_new *);

/* The request with student, school and desk names, or NULL when not in scope. */
json_t	*store_leave_get(struct store *, const struct user *, int64_t id);
/* How many requests are in scope; status as for store_leave_list. */
int64_t	 store_leave_count(struct store *, const struct user *, const char *status);
/* Requests in scope, newest first; status NULL for all, "open" for undecided ones. */
json_t	*store_leave_list(struct store *, const struct user *, const char *status, int limit,
	    int offset, int64_t *total);
/* Of a request already fetched in scope with store_leave_get: */
json_t	*store_leave_events(struct store *, int64_t id);
json_t	*store_leave_attachments(struct store *, int64_t id);
json_t	*store_leave_decision(struct store *, int64_t id);	/* NULL when none */
json_t	*store_leave_registrations(struct store *, int64_t id);	/* its verlof registrations */
/* An attachment of a request in scope: its data in *data (free with free()), or -1/1. */
int	 store_leave_attachment_get(struct store *, const struct user *, int64_t req_id,
	    int64_t att_id, char *filename, size_t fnsz, char *ctype, size_t ctsz, void **data,
	    size_t *size);

/* The parent withdraws before a decision: 0 done, 1 not possible (status), -1 error. */
int	 store_leave_withdraw(struct store *, const struct user *, int64_t id);
/* School staff prepare: in_behandeling with a note. 0, 1 (status), -1. */
int	 store_leave_prepare(struct store *, const struct user *, int64_t id, const char *note);
/* The leerplicht desk (covers_leerplicht) of a gemeente: id, or 0 when none; email copied. */
int64_t	 store_leave_desk_for(struct store *, int64_t gemeente_id, char *email, size_t emailsz);
/* The directeur forwards to the desk: 0, 1 (status), -1. The desk is told by mail. */
int	 store_leave_forward(struct store *, const struct user *, int64_t id, int64_t loket_id,
	    const char *note, const char *mail_to, const char *mail_subject, const char *mail_body);

struct leave_decide {
	const char	*decision;	/* toegekend or afgewezen */
	const char	*reasons;	/* JSON array text of codes */
	const char	*reason_text;
	const char	*decider_role;	/* directeur or leerplicht */
	const char	*decider_org;
	const char	*decider_contact;
	const char	*const *dates;	/* toegekend: the school days to register as verlof */
	size_t		 ndates;
	int		 minutes;	/* per verlof registration */
	const char	*mail_to, *mail_subject, *mail_body;	/* the parent */
};
/* Records the decision (directeur: status ingediend or in_behandeling, own school; leerplicht:
 * status doorgestuurd, own desk). 0, 1 (not possible in this status or scope), -1. */
int	 store_leave_decide(struct store *, const struct user *, int64_t id,
	    const struct leave_decide *);

/*
 * §8 luxe verzuim: refused requests of the school in whose period the student has absence
 * registrations other than verlof and ziek on a weekday. [{leave_request_id, student_id, student,
 * start_date, end_date, dagen, eerste}]. Staff of that school only; [] otherwise.
 */
json_t	*store_luxe_signals(struct store *, const struct user *, int64_t school_id);
/* The absent dates in the period of a refused request (already fetched in scope). */
json_t	*store_leave_luxe_dates(struct store *, int64_t id);

/* The parent's start page: that a verzuimmelding about a child was filed, nothing more (§1):
 * [{student, filed_at}], withdrawn ones left out. */
json_t	*store_parent_meldingen(struct store *, const struct user *);

/* The mail sender (verzuimctl mail). */
struct outbox_mail {
	int64_t	 id;
	char	*to;
	char	*subject;
	char	*body;		/* NULL when sealed and the key cannot open it */
	int	 tries;
};
/* Mails due (status wachtend, next_try_at <= now), at most max; sealed bodies are opened with
 * key (the application key; NULL: left NULL). Free with store_outbox_free. */
int	 store_outbox_due(struct store *, const unsigned char *key, int64_t now,
	    struct outbox_mail *out, size_t max, size_t *n);
void	 store_outbox_free(struct outbox_mail *, size_t n);
int	 store_outbox_sent(struct store *, int64_t id, int tries);
/* A failed try: wachtend again at next_try_at, or mislukt when final. */
int	 store_outbox_failed(struct store *, int64_t id, int tries, int64_t next_try_at, int final,
	    const char *error);

#endif /* STORE_LEAVE_H */
