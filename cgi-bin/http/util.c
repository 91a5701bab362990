/* Small services every page uses: the audit entry and the region policy. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "http/app.h"
#include "store/store.h"

void
audit(struct req *r, const char *action, const char *objfmt, ...)
{
	char object[200];
	va_list ap;

	va_start(ap, objfmt);
	vsnprintf(object, sizeof(object), objfmt, ap);
	va_end(ap);
	store_audit(r->app->store, r->logged_in ? r->user.id : 0, action, object, r->addr);
}

const struct rules_policy *
app_policy(const struct req *r, const char *region)
{
	return rules_policy_find(r->app->policies, r->app->npolicies, region);
}
