/*
 * The desk's overviews (SPEC §7): the desk's own figures, and for a desk that covers RMC the
 * monthly overview of all signals and meldingen of the mbo schools in its region (seed 002), as a
 * page with a server-side SVG chart and as a CSV download for spreadsheets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "http/app.h"
#include "pages/pages.h"
#include "rules/rules.h"
#include "store/store.h"
#include "store/desk.h"

#define OVERDUE_SHOWN	50
#define CHART_MONTHS	12

static const char *const month_short[12] = {
	"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
};

/* A month of the overview: its first day and the local instants that bound it. */
struct month {
	int	 y, m;
	int64_t	 from, to;
	char	 key[12];	/* "YYYY-MM" */
};

static void
month_set(struct month *mo, int y, int m)
{
	while (m < 1) {
		m += 12;
		y--;
	}
	while (m > 12) {
		m -= 12;
		y++;
	}
	mo->y = y;
	mo->m = m;
	mo->from = desk_local_midnight(y, m, 1);
	mo->to = m == 12 ? desk_local_midnight(y + 1, 1, 1) : desk_local_midnight(y, m + 1, 1);
	snprintf(mo->key, sizeof(mo->key), "%04d-%02d", y % 10000, m);
}

/* ?maand=YYYY-MM, or the current month; 0, or -1 when given and malformed (mo: current month). */
static int
month_param(const struct req *r, struct month *mo)
{
	const char *q = query_str(r, "maand");
	char today[11], buf[11];
	rules_date d;
	int y, m, dd;

	desk_local_date(store_now(), today);
	if (rules_date_parse(today, 10, &d) != 0)
		d = 0;
	rules_date_to_ymd(d, &y, &m, &dd);
	month_set(mo, y, m);
	if (q == NULL || q[0] == '\0')
		return 0;
	if (strlen(q) != 7)
		return -1;
	snprintf(buf, sizeof(buf), "%s-01", q);
	if (rules_date_parse(buf, 10, &d) != 0)
		return -1;
	rules_date_to_ymd(d, &y, &m, &dd);
	if (y < 2000 || y > 2100)
		return -1;
	month_set(mo, y, m);
	return 0;
}

static json_t *
counts_table(json_t *rows, const char *key, const char *const *names, const char *const *labels,
    int n)
{
	json_t *out = json_array(), *row;
	size_t i;

	for (int k = 0; k < n; k++) {
		json_int_t c = 0;
		json_array_foreach(rows, i, row)
			if (json_is_string(json_object_get(row, key)) &&
			    strcmp(json_string_value(json_object_get(row, key)), names[k]) == 0)
				c = json_integer_value(json_object_get(row, "n"));
		json_array_append_new(out, json_pack("{s:s,s:s,s:I}", "value", names[k], "label",
		    labels[k], "n", c));
	}
	return out;
}

/* ---------------------------------------------------------------- the RMC monthly overview */

/* Per school of the region: meldingen per soort and signals per kind of one month. */
struct school_counts {
	int64_t		 id;
	const char	*brin, *name, *gemeente;
	int64_t		 meldingen[DESK_SOORT__MAX], signals[RULES_SIGNAL__MAX];
	int64_t		 mtotal, stotal;
};

struct rmc {
	json_t			*schools;	/* owns the strings below */
	struct school_counts	*sc;
	size_t			 n;
	struct school_counts	 total;
	int64_t			 month_meldingen[CHART_MONTHS], month_signals[CHART_MONTHS];
	struct month		 months[CHART_MONTHS];	/* oldest first; the last is the chosen */
};

static void
rmc_free(struct rmc *x)
{
	free(x->sc);
	json_decref(x->schools);
}

static struct school_counts *
school_find(struct rmc *x, int64_t id)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->sc[i].id == id)
			return &x->sc[i];
	return NULL;
}

/* 0, 1 when the desk does not cover RMC, -1 on error. */
static int
rmc_load(struct req *r, const struct month *chosen, struct rmc *x)
{
	json_t *rows, *row;
	char from_date[11], to_date[11], today[11];
	size_t i;

	memset(x, 0, sizeof(*x));
	if ((x->schools = store_desk_region_schools(r->app->store, &r->user)) == NULL)
		return 1;
	x->n = json_array_size(x->schools);
	if ((x->sc = calloc(x->n ? x->n : 1, sizeof(*x->sc))) == NULL) {
		json_decref(x->schools);
		return -1;
	}
	json_array_foreach(x->schools, i, row) {
		x->sc[i].id = json_integer_value(json_object_get(row, "id"));
		x->sc[i].brin = json_string_value(json_object_get(row, "brin"));
		x->sc[i].name = json_string_value(json_object_get(row, "name"));
		x->sc[i].gemeente = json_string_value(json_object_get(row, "gemeente"));
	}
	for (int k = 0; k < CHART_MONTHS; k++)
		month_set(&x->months[k], chosen->y, chosen->m - (CHART_MONTHS - 1 - k));
	for (int k = 0; k < CHART_MONTHS; k++) {
		rows = store_desk_region_meldingen(r->app->store, &r->user, x->months[k].from,
		    x->months[k].to);
		json_array_foreach(rows, i, row) {
			int64_t n = json_integer_value(json_object_get(row, "n"));
			int s = desk_lookup(desk_soort_names, DESK_SOORT__MAX,
			    json_string_value(json_object_get(row, "soort")));
			struct school_counts *c = school_find(x,
			    json_integer_value(json_object_get(row, "school_id")));
			x->month_meldingen[k] += n;
			if (k == CHART_MONTHS - 1 && c != NULL && s >= 0) {
				c->meldingen[s] += n;
				c->mtotal += n;
				x->total.meldingen[s] += n;
				x->total.mtotal += n;
			}
		}
		json_decref(rows);
	}
	/* Signals: each month as on its last day; the chosen month up to its end or today. */
	snprintf(from_date, sizeof(from_date), "%04d-%02d-01", x->months[0].y, x->months[0].m);
	desk_local_date(chosen->to - 1, to_date);
	desk_local_date(store_now(), today);
	if (strcmp(today, to_date) < 0)
		memcpy(to_date, today, sizeof(to_date));
	if (strcmp(from_date, to_date) > 0)
		return 0;
	app_policies_refresh(r->app);
	rows = store_desk_region_signals(r->app->store, &r->user, r->app->policies,
	    r->app->npolicies, from_date, to_date);
	json_array_foreach(rows, i, row) {
		const char *maand = json_string_value(json_object_get(row, "maand"));
		int64_t n = json_integer_value(json_object_get(row, "n"));
		struct school_counts *c = school_find(x,
		    json_integer_value(json_object_get(row, "school_id")));
		int kind = desk_lookup(rules_signal_names, RULES_SIGNAL__MAX,
		    json_string_value(json_object_get(row, "signaal")));
		for (int k = 0; maand != NULL && k < CHART_MONTHS; k++) {
			if (strcmp(maand, x->months[k].key) != 0)
				continue;
			x->month_signals[k] += n;
			if (k == CHART_MONTHS - 1 && c != NULL && kind >= 0) {
				c->signals[kind] += n;
				c->stotal += n;
				x->total.signals[kind] += n;
				x->total.stotal += n;
			}
		}
	}
	json_decref(rows);
	return 0;
}

static json_t *
counts_json(const struct school_counts *c)
{
	json_t *m = json_array(), *s = json_array();

	for (int k = 0; k < DESK_SOORT__MAX; k++)
		json_array_append_new(m, json_integer(c->meldingen[k]));
	for (int k = 0; k < RULES_SIGNAL__MAX; k++)
		json_array_append_new(s, json_integer(c->signals[k]));
	return json_pack("{s:s,s:s,s:s,s:o,s:o,s:I,s:I}", "brin", c->brin ? c->brin : "",
	    "name", c->name ? c->name : "Totaal", "gemeente", c->gemeente ? c->gemeente : "",
	    "meldingen", m, "signalen", s, "mtotal", (json_int_t)c->mtotal,
	    "stotal", (json_int_t)c->stotal);
}

/* The chart as numbers for the template's <svg>: two bars per month, scaled to the highest. */
#define CH_W		720
#define CH_H		260
#define CH_LEFT		40
#define CH_BOTTOM	40
#define CH_TOP		20

static json_t *
chart_json(const struct rmc *x)
{
	json_t *groups = json_array(), *ticks = json_array();
	int64_t max = 1, step;
	int plot_h = CH_H - CH_BOTTOM - CH_TOP, slot = (CH_W - CH_LEFT) / CHART_MONTHS;
	int bar = (slot - 12) / 2;

	for (int k = 0; k < CHART_MONTHS; k++) {
		if (x->month_meldingen[k] > max)
			max = x->month_meldingen[k];
		if (x->month_signals[k] > max)
			max = x->month_signals[k];
	}
	/* Round the scale up to a readable step. */
	step = max <= 5 ? 1 : max <= 10 ? 2 : max <= 50 ? 10 : max <= 100 ? 20 : (max + 4) / 5;
	max = (max + step - 1) / step * step;
	for (int64_t v = 0; v <= max; v += step) {
		int y = CH_TOP + plot_h - (int)(v * plot_h / max);
		json_array_append_new(ticks, json_pack("{s:i,s:i,s:I}", "y", y, "ty", y + 4,
		    "value", (json_int_t)v));
	}
	for (int k = 0; k < CHART_MONTHS; k++) {
		int x0 = CH_LEFT + k * slot + 6;
		int hm = (int)(x->month_meldingen[k] * plot_h / max);
		int hs = (int)(x->month_signals[k] * plot_h / max);
		char label[16];
		snprintf(label, sizeof(label), "%s %02d", month_short[x->months[k].m - 1],
		    x->months[k].y % 100);
		json_array_append_new(groups, json_pack("{s:s,s:i,s:i,s:i,s:I,s:i,s:i,s:i,s:I,s:i,s:i,s:i}",
		    "label", label, "lx", x0 + bar, "ly", CH_H - CH_BOTTOM + 16,
		    "mx", x0, "mv", (json_int_t)x->month_meldingen[k], "my", CH_TOP + plot_h - hm,
		    "mh", hm, "sx", x0 + bar, "sv", (json_int_t)x->month_signals[k],
		    "sy", CH_TOP + plot_h - hs, "sh", hs, "tvy", CH_TOP + plot_h - (hm > hs ? hm : hs) - 4));
	}
	return json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:o,s:o}", "w", CH_W, "h", CH_H,
	    "bar", bar, "left", CH_LEFT, "base", CH_TOP + plot_h, "right", CH_W,
	    "groups", groups, "ticks", ticks);
}

static void
month_title(const struct month *mo, char *out, size_t sz)
{
	snprintf(out, sz, "%s %d", rules_month_names[mo->m - 1], mo->y);
}

void
page_desk_overview(struct req *r)
{
	struct desk_treat_stats ts;
	struct month mo;
	struct rmc x;
	json_t *d, *by_status, *by_soort, *overdue, *row, *loket;
	int64_t overdue_total = 0;
	char med[40], worst[40], title[40], prev[12], next[12];
	size_t i;
	int rc, bad_month, bev;

	bad_month = month_param(r, &mo) != 0;
	by_status = store_desk_count_by(r->app->store, &r->user, 0);
	by_soort = store_desk_count_by(r->app->store, &r->user, 1);
	store_desk_treat_stats(r->app->store, &r->user, &ts);
	store_desk_version(r->app->store, &r->user, &bev);
	overdue = store_desk_overdue(r->app->store, &r->user, desk_overdue_before(store_now(), bev),
	    OVERDUE_SHOWN, &overdue_total);
	json_array_foreach(overdue, i, row)
		desk_decorate_melding(row);
	audit(r, "lees", "loket:%lld:overzicht", (long long)r->user.loket_id);
	desk_duration_text(ts.median, med, sizeof(med));
	desk_duration_text(ts.worst, worst, sizeof(worst));
	loket = store_desk_loket(r->app->store, &r->user);
	d = json_pack("{s:s,s:o,s:o,s:o,s:I,s:s,s:s,s:o,s:I,s:b,s:I}",
	    "title", "Overzicht van het loket",
	    "by_status", counts_table(by_status, "status", desk_status_names, desk_status_labels,
		DESK_STATUS__MAX),
	    "by_soort", counts_table(by_soort, "soort", desk_soort_names, desk_soort_labels,
		DESK_SOORT__MAX),
	    "loket", loket ? loket : json_null(),
	    "treated", (json_int_t)ts.n, "median", med, "worst", worst,
	    "overdue", overdue, "overdue_total", (json_int_t)overdue_total,
	    "overdue_more", overdue_total > OVERDUE_SHOWN, "treat_days",
	    (json_int_t)DESK_TREAT_WERKDAGEN);
	json_decref(by_status);
	json_decref(by_soort);
	rc = rmc_load(r, &mo, &x);
	if (rc < 0) {
		json_decref(d);
		http_error(r, 500);
		return;
	}
	if (rc == 0) {
		json_t *rows = json_array(), *sl = json_array(), *ml = json_array();
		struct month pm, nm;
		for (size_t k = 0; k < x.n; k++)
			json_array_append_new(rows, counts_json(&x.sc[k]));
		for (int k = 0; k < DESK_SOORT__MAX; k++)
			json_array_append_new(ml, json_string(desk_soort_labels[k]));
		for (int k = 0; k < RULES_SIGNAL__MAX; k++)
			json_array_append_new(sl, json_string(school_signal_badge((enum rules_signal_kind)k)));
		month_title(&mo, title, sizeof(title));
		month_set(&pm, mo.y, mo.m - 1);
		month_set(&nm, mo.y, mo.m + 1);
		memcpy(prev, pm.key, sizeof(prev));
		memcpy(next, nm.key, sizeof(next));
		json_object_set_new(d, "rmc", json_pack("{s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o}",
		    "maand", mo.key, "maand_title", title, "prev", prev, "next", next,
		    "schools", rows, "total", counts_json(&x.total), "soort_labels", ml,
		    "signal_labels", sl, "chart", chart_json(&x), "months", json_array()));
		for (int k = 0; k < CHART_MONTHS; k++) {
			char t[40];
			month_title(&x.months[k], t, sizeof(t));
			json_array_append_new(json_object_get(json_object_get(d, "rmc"), "months"),
			    json_pack("{s:s,s:I,s:I}", "label", t,
			    "meldingen", (json_int_t)x.month_meldingen[k],
			    "signalen", (json_int_t)x.month_signals[k]));
		}
		rmc_free(&x);
	}
	if (bad_month)
		json_object_set_new(d, "maand_error", json_string("Kies een maand als jjjj-mm, "
		    "bijvoorbeeld 2026-11."));
	page_render(r, 200, "loket_overzicht", d);
}

/* One CSV field: ; separated (what a Dutch spreadsheet expects), quoted when needed, and never
 * starting with a character a spreadsheet would take for a formula. */
static void
csv_field(struct buf *b, const char *s, int last)
{
	buf_csv(b, s, ';', last);
}

static void
csv_number(struct buf *b, int64_t n, int last)
{
	buf_printf(b, "%lld%s", (long long)n, last ? "\r\n" : ";");
}

static void
csv_row(struct buf *b, const char *maand, const struct school_counts *c)
{
	csv_field(b, maand, 0);
	csv_field(b, c->brin ? c->brin : "", 0);
	csv_field(b, c->name ? c->name : "Totaal", 0);
	csv_field(b, c->gemeente ? c->gemeente : "", 0);
	for (int k = 0; k < DESK_SOORT__MAX; k++)
		csv_number(b, c->meldingen[k], 0);
	csv_number(b, c->mtotal, 0);
	for (int k = 0; k < RULES_SIGNAL__MAX; k++)
		csv_number(b, c->signals[k], 0);
	csv_number(b, c->stotal, 1);
}

void
page_desk_overview_csv(struct req *r)
{
	struct buf b = BUF_INIT;
	struct month mo;
	struct rmc x;
	char disp[100], head[80];
	int rc;

	if (month_param(r, &mo) != 0) {
		http_error(r, 404);
		return;
	}
	rc = rmc_load(r, &mo, &x);
	if (rc != 0) {
		http_error(r, rc > 0 ? 404 : 500);
		return;
	}
	audit(r, "lees", "loket:%lld:maandoverzicht:%s", (long long)r->user.loket_id, mo.key);
	buf_puts(&b, "\xEF\xBB\xBF");	/* BOM: spreadsheets then read UTF-8 */
	buf_puts(&b, "Maand;BRIN;School;Gemeente;");
	for (int k = 0; k < DESK_SOORT__MAX; k++) {
		snprintf(head, sizeof(head), "Meldingen %s", desk_soort_labels[k]);
		csv_field(&b, head, 0);
	}
	buf_puts(&b, "Meldingen totaal;");
	for (int k = 0; k < RULES_SIGNAL__MAX; k++) {
		snprintf(head, sizeof(head), "Signalen %s", school_signal_badge((enum rules_signal_kind)k));
		csv_field(&b, head, 0);
	}
	buf_puts(&b, "Signalen totaal\r\n");
	for (size_t k = 0; k < x.n; k++)
		csv_row(&b, mo.key, &x.sc[k]);
	csv_row(&b, mo.key, &x.total);
	rmc_free(&x);
	snprintf(disp, sizeof(disp), "attachment; filename=\"rmc-maandoverzicht-%s.csv\"", mo.key);
	http_header(r, "Content-Disposition", disp);
	http_text(r, 200, "text/csv; charset=utf-8", b.p ? b.p : "", b.len);
	buf_free(&b);
}
