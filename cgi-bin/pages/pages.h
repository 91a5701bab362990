/* Every page handler; the route table is in pages/routes.c. */
#ifndef PAGES_PAGES_H
#define PAGES_PAGES_H

#include "http/http.h"

void	page_gezond(struct req *);
void	page_home(struct req *);
void	page_login_form(struct req *);
void	page_login(struct req *);
void	page_logout(struct req *);

/* Each area declares its handlers in its own header. */
#include "pages/admin.h"
#include "pages/school.h"
#include "pages/leave.h"
#include "pages/desk.h"

#endif /* PAGES_PAGES_H */
