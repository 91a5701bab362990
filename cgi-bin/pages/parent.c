/* The parent's start page (GET /ouder): their children, the children's leave requests, and that a
 * verzuimmelding about a child was filed (SPEC §1: only that, never its contents). */
#include <string.h>
#include "http/app.h"
#include "pages/desk.h"
#include "pages/leave.h"
#include "store/store.h"
#include "store/leave.h"

void
page_parent_home(struct req *r)
{
	json_t *d = json_object(), *rows, *row, *meldingen;
	int64_t total = 0;
	size_t i;

	rows = store_leave_list(r->app->store, &r->user, NULL, 10, 0, &total);
	json_array_foreach(rows, i, row) {
		const char *st = json_string_value(json_object_get(row, "status"));
		json_object_set_new(row, "status_label", json_string(leave_label("status", st)));
		json_object_set_new(row, "grond_label", json_string(leave_label("grond",
		    json_string_value(json_object_get(row, "ground")))));
	}
	meldingen = store_parent_meldingen(r->app->store, &r->user);
	json_array_foreach(meldingen, i, row) {
		char when[17];
		desk_local_text((int64_t)json_integer_value(json_object_get(row, "filed_at")), when);
		when[10] = '\0';	/* the date only */
		json_object_set_new(row, "datum", json_string(when));
	}
	audit(r, "lees", "ouder:%lld", (long long)r->user.id);
	json_object_set_new(d, "title", json_string("Mijn kinderen"));
	json_object_set_new(d, "children", store_leave_children(r->app->store, &r->user));
	json_object_set_new(d, "aanvragen", rows);
	json_object_set_new(d, "meer", json_boolean(total > 10));
	json_object_set_new(d, "meldingen", meldingen);
	page_render(r, 200, "ouder_start", d);
}
