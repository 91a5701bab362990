/*
 * The signals overview (SPEC §4, §7): every student of the school with an open signal, the
 * required ones first by deadline, with the werkdagen left. Computed by the rules library from
 * the stored registrations and the school's vacations: one query for all registrations of the
 * school, one calendar per request, rules_signals per student.
 */
#include <stdlib.h>
#include <string.h>
#include "http/app.h"
#include "pages/pages.h"
#include "store/store.h"
#include "store/leave.h"

#define SIGNALS_PER_PAGE 100

struct open_signal {
	const struct signal_student *student;
	struct rules_signal sig;
};

static int
cmp_open(const void *a, const void *b)
{
	const struct open_signal *x = a, *y = b;

	if (x->sig.verplicht != y->sig.verplicht)
		return y->sig.verplicht - x->sig.verplicht;
	if (x->sig.verplicht && x->sig.uiterlijk_melden != y->sig.uiterlijk_melden)
		return x->sig.uiterlijk_melden < y->sig.uiterlijk_melden ? -1 : 1;
	if (x->sig.datum != y->sig.datum)
		return x->sig.datum > y->sig.datum ? -1 : 1;	/* newest first */
	if (x->student->id != y->student->id)
		return x->student->id < y->student->id ? -1 : 1;
	return (int)x->sig.kind - (int)y->sig.kind;
}

void
page_school_signals(struct req *r)
{
	struct school_ctx c;
	struct signal_input in;
	struct answered *ans = NULL;
	struct rules_signal buf[64];
	struct open_signal *open = NULL;
	size_t nans = 0, nopen = 0, cap = 0, nverplicht = 0, noverdue = 0;
	rules_date sy;
	int page = school_page_arg(r), from;
	json_t *d, *rows;

	if (school_ctx_load(r, &c) != 0)
		return;
	sy = rules_school_year_start(c.today);
	if (store_school_signal_input(r->app->store, &r->user, c.school.sort, &in) != 0 ||
	    store_school_answered(r->app->store, &r->user, &ans, &nans) != 0) {
		signal_input_free(&in);
		free(ans);
		school_ctx_free(&c);
		http_error(r, 500);
		return;
	}
	for (size_t i = 0; i < in.nstudents; i++) {
		const struct signal_student *ss = &in.students[i];
		struct rules_signal *sig = buf;
		size_t n = 0;
		int rc;

		if (ss->n == 0)
			continue;
		rc = rules_signals(&c.cal, c.policy, &ss->st, in.regs + ss->first, ss->n, c.today,
		    buf, sizeof(buf) / sizeof(buf[0]), &n);
		if (rc == RULES_ESPACE) {
			if (school_signals(&c, &ss->st, in.regs + ss->first, ss->n, c.today, &sig,
			    &n) != 0)
				continue;
		} else if (rc != RULES_OK)
			continue;
		for (size_t k = 0; k < n; k++) {
			/* Open: no melding answers it; optional ones only in this school year. */
			if ((!sig[k].verplicht && sig[k].datum < sy) ||
			    school_signal_answered(&c, ans, nans, ss->id, &sig[k]))
				continue;
			if (nopen == cap) {
				struct open_signal *no;
				cap = cap ? cap * 2 : 256;
				if ((no = realloc(open, cap * sizeof(*no))) == NULL)
					break;
				open = no;
			}
			open[nopen].student = ss;
			open[nopen++].sig = sig[k];
			if (sig[k].verplicht) {
				nverplicht++;
				if (sig[k].uiterlijk_melden < c.today)
					noverdue++;
			}
		}
		if (sig != buf)
			free(sig);
	}
	if (nopen > 1)
		qsort(open, nopen, sizeof(*open), cmp_open);
	rows = json_array();
	from = (page - 1) * SIGNALS_PER_PAGE;
	for (size_t i = (size_t)from; i < nopen && i < (size_t)from + SIGNALS_PER_PAGE; i++) {
		json_t *o = school_signal_json(&c, &open[i].sig);
		json_object_set_new(o, "student_id", json_integer(open[i].student->id));
		json_object_set_new(o, "student_name", json_string(open[i].student->name));
		json_object_set_new(o, "class_name", json_string(open[i].student->class_name));
		json_array_append_new(rows, o);
	}
	d = json_pack("{s:s,s:o,s:I,s:I,s:I,s:s,s:b}", "title", "Signalen", "signals", rows,
	    "nopen", (json_int_t)nopen, "nverplicht", (json_int_t)nverplicht, "noverdue",
	    (json_int_t)noverdue, "today", c.today_s, "een_open", nopen == 1);
	school_date_text(d, "today", "today_text");
	/* §8: absence in a refused leave period is luxe verzuim (a melding 'luxe' may follow). */
	{
		json_t *luxe = store_luxe_signals(r->app->store, &r->user, r->user.school_id), *l;
		size_t i;
		json_array_foreach(luxe, i, l) {
			school_date_text(l, "start_date", "van_text");
			school_date_text(l, "end_date", "tot_text");
			school_date_text(l, "eerste", "eerste_text");
		}
		json_object_set_new(d, "luxe", luxe);
	}
	school_pagination(d, page, SIGNALS_PER_PAGE, (int)nopen, "/school/signalen", NULL);
	free(open);
	free(ans);
	signal_input_free(&in);
	school_ctx_free(&c);
	audit(r, "lees", "school:%lld:signalen", (long long)r->user.school_id);
	page_render(r, 200, "school_signalen", d);
}
