/* Small services every page uses: the audit entry and the region policy. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "http/app.h"
#include "http/auditor.h"
#include "store/store.h"
#include "store/admin.h"

void
audit(struct req *r, const char *action, const char *objfmt, ...)
{
	char object[200];
	va_list ap;

	va_start(ap, objfmt);
	vsnprintf(object, sizeof(object), objfmt, ap);
	va_end(ap);
	audit_user(r, r->logged_in ? r->user.id : 0, action, object);
}

void
audit_user(struct req *r, int64_t user_id, const char *action, const char *object)
{
	auditor_send(r->app->audit_sock, r->app->store, user_id, action, object, r->addr);
}

void
app_policies_refresh(struct app *app)
{
	struct rules_policy p[sizeof(app->policies) / sizeof(app->policies[0])];
	size_t n;

	/* A few rows, read each time: a change on the beheer page counts from the next page on. */
	if (store_policies_load(app->store, p, sizeof(p) / sizeof(p[0]), &n) == 0 && n > 0) {
		memcpy(app->policies, p, n * sizeof(p[0]));
		app->npolicies = n;
	}
}

const struct rules_policy *
app_policy(const struct req *r, const char *region)
{
	app_policies_refresh(r->app);
	return rules_policy_find(r->app->policies, r->app->npolicies, region);
}
