/* Handlers of the admin area: beheer pages, one-time links, demo outbox. */
#ifndef PAGES_ADMIN_H
#define PAGES_ADMIN_H

#include "http/http.h"

void	page_admin_home(struct req *);
void	page_admin_users(struct req *);
void	page_admin_user_new_form(struct req *);
void	page_admin_user_new(struct req *);
void	page_admin_user(struct req *);
void	page_admin_user_save(struct req *);
void	page_admin_user_reset(struct req *);
void	page_admin_schools(struct req *);
void	page_admin_school_new(struct req *);
void	page_admin_school(struct req *);
void	page_admin_school_save(struct req *);
void	page_admin_desks(struct req *);
void	page_admin_desk_new(struct req *);
void	page_admin_desk(struct req *);
void	page_admin_desk_save(struct req *);
void	page_admin_calendars(struct req *);
void	page_admin_calendar_save(struct req *);
void	page_admin_policies(struct req *);
void	page_admin_policy_save(struct req *);
void	page_activate_form(struct req *);
void	page_activate(struct req *);
void	page_reset_form(struct req *);
void	page_reset(struct req *);
void	page_demo_outbox(struct req *);
/* A positive id from a form or query value: 0 when empty, -1 when not a positive number. */
int64_t	admin_form_id(const char *);
/* A form value, "" when absent. */
const char *admin_form_text(const struct req *, const char *name);
/* Mark the element of options whose key equals value with "selected": true. */
void	options_select(json_t *options, const char *key, const json_t *value);
/* Create a one-time link (purpose "activeren" or "herstel") and queue its mail. */
int	onetime_link_send(struct req *, int64_t user_id, const char *email, const char *purpose);

#endif
