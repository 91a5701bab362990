/*
 * The beheer area: users, schools and desks, one-time links. No function here reads a melding,
 * a leave request or absence data (SPEC §1: beheer may never).
 */
#ifndef STORE_ADMIN_H
#define STORE_ADMIN_H

#include <stdint.h>
#include <jansson.h>

struct store;

/* Users by e-mail address, those whose address or name contains search (NULL or "": all). */
json_t	*store_admin_users(struct store *, const char *search, int64_t limit, int64_t offset,
	    int64_t *total);
json_t	*store_admin_user(struct store *, int64_t id);			/* NULL: none */
int64_t	 store_admin_user_insert(struct store *, const char *email, const char *name,
	    const char *role, int64_t school_id, int64_t loket_id);	/* -1 error, 0 e-mail taken */
int	 store_admin_user_update(struct store *, int64_t id, const char *name, const char *role,
	    int64_t school_id, int64_t loket_id, int disabled);
json_t	*store_admin_schools(struct store *);
struct admin_school;
/* A new school: its id, 0 when the BRIN code is taken, -1 on error. */
int64_t	 store_admin_school_insert(struct store *, const char *brin, const struct admin_school *);
json_t	*store_admin_calendars(struct store *);
json_t	*store_admin_gemeenten(struct store *);
int64_t	 store_admin_loket_insert(struct store *, int64_t gemeente_id, const char *name,
	    const char *department, const char *phone, const char *email, int leerplicht, int rmc);
/* What beheer may change of a school: all but its BRIN code (imports and exports name it). */
struct admin_school {
	const char	*name, *sort, *region, *phone, *email;
	int64_t		 calendar_id, gemeente_id;	/* gemeente 0: none */
};
json_t	*store_admin_school(struct store *, int64_t id);
int	 store_admin_school_update(struct store *, int64_t id, const struct admin_school *);
/* A desk, with its gemeente's name; a desk keeps its gemeente (routing goes by it). */
json_t	*store_admin_loket(struct store *, int64_t id);
int	 store_admin_loket_update(struct store *, int64_t id, const char *name,
	    const char *department, const char *phone, const char *email, int leerplicht, int rmc);
/* Active users of a role at a desk (-1: error). */
int64_t	 store_admin_loket_users(struct store *, int64_t id, const char *role);
/* Whether a row with that id exists in school, loket, gemeente or calendar. */
int	 store_admin_exists(struct store *, const char *what, int64_t id);

int64_t	 store_admin_school_by_brin(struct store *, const char *brin);	/* 0: none */

/* A calendar's vacations, replaced as a whole (verzuimctl vakanties). */
struct vacation_row {
	char	 start[11], end[11], name[121];
};
/* Every calendar: [{id, name, schools (how many use it), vakanties: [{start, end, name}]}]. */
json_t	*store_admin_calendar_list(struct store *);
/* The calendar of that name: its id, or 0. The name of calendar id into out: 0, or 1 none. */
int64_t	 store_calendar_id(struct store *, const char *name);
int	 store_calendar_name(struct store *, int64_t id, char *out, size_t outsz);
/* Creates the calendar when it does not exist; returns its id, or -1. One transaction. */
int64_t	 store_calendar_replace(struct store *, const char *name, const struct vacation_row *,
	    size_t n);

/* The region policies of SPEC §4 (region_policy). */
struct rules_policy;
/* Adds the regions of defaults that have no row yet; 0 or -1. */
int	 store_policies_seed(struct store *, const struct rules_policy *defaults, size_t n);
/* Every region's current values into out (at most max); 0 or -1. */
int	 store_policies_load(struct store *, struct rules_policy *out, size_t max, size_t *n);
/* For the beheer page: [{region, the values, changed_at, changed_by (name), schools}]. */
json_t	*store_policy_list(struct store *);
/* 0 saved, 1 no such region, -1 error. */
int	 store_policy_update(struct store *, const struct rules_policy *, int64_t user_id, int64_t now);

/*
 * The meldingen filed in [from, to) (UTC seconds), of one desk (loket > 0) or all, oldest first,
 * without anything that names a child: for each, row() gets the columns id, filed_at, soort,
 * status, age_group, routed_to, loket, gemeente, school BRIN, school name, school_year,
 * closing_reason, treated_at (0: never) as text. 0, or -1 on error.
 */
int	 store_export_meldingen(struct store *, int64_t from, int64_t to, int64_t loket,
	    void (*row)(void *arg, const char *const cols[13]), void *arg);

/* One-time links (24 hours, single use; only the hash is stored). */
int	 store_token_insert(struct store *, const unsigned char hash[32], int64_t user_id,
	    const char *purpose, int64_t expires_at);
/* 0 found (fills id, user, purpose, email), 1 none/expired/used. */
int	 store_token_find(struct store *, const unsigned char hash[32], int64_t now, int64_t *id,
	    int64_t *user_id, char purpose[16], char email[256]);
int	 store_token_use(struct store *, int64_t id, int64_t now);	/* 0 ok, 1 already used */
int	 store_user_set_password(struct store *, int64_t user_id, const char *pw_hash);
int	 store_user_sessions_delete(struct store *, int64_t user_id);
int64_t	 store_user_id_by_email(struct store *, const char *email);	/* 0: none */
/* The newest mail of the outbox, sealed bodies opened with key (demo outbox page). */
json_t	*store_outbox_list(struct store *, const unsigned char key[32]);

#endif
