/*
 * The desk's view of the store (issue 6). Every function takes the session's user and returns only
 * meldingen of the officer's own desk (melding.loket_id = user->loket_id); a melding outside that
 * scope is simply not found.
 */
#ifndef STORE_DESK_H
#define STORE_DESK_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct store;
struct user;

struct desk_filter {
	int64_t		 school_id;	/* 0: all */
	const char	*soort;		/* "" or NULL: all */
	const char	*age_group;
	const char	*status;
	int		 status_rank;	/* DESK_RANK of status (0..4), -1: all statuses */
	int64_t		 limit;
	int64_t		 offset;
	int64_t		 overdue_before;	/* geregistreerd and filed before this: overdue */
	/* Keyset: when direction != 0, the page after (1) or before (-1) this row, not offset. */
	int		 direction;
	int64_t		 key_rank, key_filed_at, key_id;
};

/* One page of the inbox; *total is the number of meldingen the filter matches. NULL on error. */
json_t	*store_desk_inbox(struct store *, const struct user *, const struct desk_filter *,
	    int64_t *total);
/* The schools that have meldingen at this desk: [{id, name}]. */
json_t	*store_desk_schools(struct store *, const struct user *);
/*
 * The version of everything the officer's inbox shows (sql/011_desk_version.sql): the same number
 * means the same inbox, so a rendering made at it can be reused. -1 when there is none.
 * *bevrijdingsdag: whether 5 May is no werkdag in the verzuimbeleid of the desk's region (§3;
 * 1 when unknown), for the desk's own term.
 */
int64_t	 store_desk_version(struct store *, const struct user *, int *bevrijdingsdag);

/* The melding with student, school and desk data, or NULL when not in scope. */
json_t	*store_desk_melding(struct store *, const struct user *, int64_t id);
json_t	*store_desk_events(struct store *, const struct user *, int64_t id);
json_t	*store_desk_attachments(struct store *, const struct user *, int64_t id);
/* An attachment of a melding in scope: 0 found (caller frees *data), 1 not found, -1 error. */
int	 store_desk_attachment(struct store *, const struct user *, int64_t melding_id,
	    int64_t attachment_id, char *filename, size_t fnsz, char *ctype, size_t ctsz,
	    void **data, size_t *len);
/* 1 when an officiële waarschuwing was recorded for the student on any melding, 0 if not, -1. */
int	 store_desk_has_waarschuwing(struct store *, int64_t student_id);

/*
 * Change the status from `from` to `to` and write its events, in one transaction: a 'status'
 * event (text: note) and, when feedback is given, a 'terugkoppeling' event.
 * 0 done, 1 the melding changed meanwhile (or is not in scope), -1 error.
 */
int	 store_desk_set_status(struct store *, const struct user *, int64_t id, const char *from,
	    const char *to, const char *closing_reason, const char *note, const char *feedback);
/* Append one event of kind 'mas' or 'terugkoppeling'. 0, 1 not in scope, -1 error. */
int	 store_desk_event(struct store *, const struct user *, int64_t id, const char *kind,
	    const char *mas_action, const char *text);

/* The desk's figures (§7): by status, by soort, treatment time, overdue ones. */
struct desk_treat_stats {
	int64_t	 n;		/* meldingen ever taken into treatment */
	int64_t	 median;	/* seconds from filed to in_behandeling */
	int64_t	 worst;
};
json_t	*store_desk_count_by(struct store *, const struct user *, int by_soort);
int	 store_desk_treat_stats(struct store *, const struct user *, struct desk_treat_stats *);
json_t	*store_desk_overdue(struct store *, const struct user *, int64_t before, int64_t limit,
	    int64_t *total);

/* The officer's desk: {id, name, covers_leerplicht, covers_rmc, gemeente, region}, or NULL. */
json_t	*store_desk_loket(struct store *, const struct user *);
/*
 * The RMC monthly overview (§7, seed 002): aggregate figures of the mbo schools in the region of
 * the officer's desk (gemeente.region), only for a desk that covers RMC; NULL otherwise.
 * Schools: [{id, brin, name, gemeente}]. Meldingen filed in [from, to): [{school_id, soort, n}].
 * Signals (rules_signals, §4) dated in [from_date, to_date] (evaluated on to_date):
 * [{school_id, maand: "YYYY-MM", signaal, n}]. No personal data leaves these functions.
 */
struct rules_policy;
json_t	*store_desk_region_schools(struct store *, const struct user *);
json_t	*store_desk_region_meldingen(struct store *, const struct user *, int64_t from, int64_t to);
json_t	*store_desk_region_signals(struct store *, const struct user *,
	    const struct rules_policy *policies, size_t npolicies, const char *from_date,
	    const char *to_date);

#endif
