/*
 * The desk's inbox and melding page (issue 6, SPEC §6, §7): what arrived for the officer's desk,
 * its status changes, MAS actions and terugkoppeling. Every object is read through the store with
 * the session's user; a melding of another desk answers 404.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "http/app.h"
#include "pages/pages.h"
#include "store/store.h"
#include "store/desk.h"
#include "pages/page_cache.h"
#include "http/template.h"

#define INBOX_PAGE	25
#define TEXT_MAX	10000	/* characters of a terugkoppeling or note */

/* Parse a positive decimal of at most 18 digits; 0 when absent or malformed. */
static int64_t
parse_id(const char *s)
{
	int64_t v = 0;
	int n = 0;

	if (s == NULL)
		return 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++n > 18)
			return 0;
		v = v * 10 + (*s - '0');
	}
	return *s == '\0' ? v : 0;
}

/* ---------------------------------------------------------------- inbox */

static json_t *
options(const char *const *names, const char *const *labels, int n, const char *selected)
{
	json_t *a = json_array();

	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s,s:s,s:b}", "value", names[i], "label",
		    labels[i], "selected", selected != NULL && strcmp(selected, names[i]) == 0));
	return a;
}

/* A keyset position "rank.filed_at.id" from a page link; 0, or -1 when malformed. */
static int
parse_key(const char *s, int64_t *rank, int64_t *filed, int64_t *id)
{
	long long a, b, c;
	int n = 0;

	if (s == NULL || sscanf(s, "%lld.%lld.%lld%n", &a, &b, &c, &n) != 3 || s[n] != '\0' ||
	    a < 0 || a > 4 || b < 0 || c < 1)
		return -1;
	*rank = a;
	*filed = b;
	*id = c;
	return 0;
}

/* The link to the page before or after this one: keyset from its first or last row. */
static void
page_link(char *out, size_t sz, const char *filters, json_t *row, const char *dir, int64_t page)
{
	if (row == NULL || page <= 1)
		snprintf(out, sz, "%s&pagina=%lld", filters, (long long)page);
	else
		snprintf(out, sz, "%s&%s=%lld.%lld.%lld&pagina=%lld", filters, dir,
		    (long long)json_integer_value(json_object_get(row, "inbox_rank")),
		    (long long)json_integer_value(json_object_get(row, "filed_at")),
		    (long long)json_integer_value(json_object_get(row, "id")), (long long)page);
}

static const char *const age_groups[] = { "5-18", "18-23" };
static const char *const age_labels[] = { "5 tot 18 jaar (leerplicht)", "18 tot 23 jaar (RMC)" };

/*
 * The inbox's content (templates/loket_inbox.html, without the layout) for filter f into out, in
 * the caller's read transaction. -1 on a database error.
 */
static int
inbox_render(struct req *r, struct desk_filter *f, int64_t page, struct buf *out)
{
	json_t *rows, *schools, *d, *row, *loket;
	char q[300], prev_q[400], next_q[400];
	int64_t total = 0, pages;
	size_t i;
	int rc;

	rows = store_desk_inbox(r->app->store, &r->user, f, &total);
	if (rows != NULL && json_array_size(rows) == 0 && total > 0 && f->direction == 0 &&
	    f->offset >= total) {
		/* A page number past the end (an edited link): the last page. */
		page = (total + INBOX_PAGE - 1) / INBOX_PAGE;
		f->offset = (page - 1) * INBOX_PAGE;
		json_decref(rows);
		rows = store_desk_inbox(r->app->store, &r->user, f, &total);
	}
	if (rows == NULL)
		return -1;
	json_array_foreach(rows, i, row)
		desk_decorate_inbox_row(row);
	schools = store_desk_schools(r->app->store, &r->user);
	json_array_foreach(schools, i, row)
		json_object_set_new(row, "selected",
		    json_boolean(json_integer_value(json_object_get(row, "id")) == f->school_id));
	pages = total == 0 ? 1 : (total + INBOX_PAGE - 1) / INBOX_PAGE;
	/* The filters, carried over to the page links. */
	snprintf(q, sizeof(q), "school=%lld&soort=%s&leeftijd=%s&status=%s",
	    (long long)f->school_id, f->soort, f->age_group, f->status);
	if (page > pages)
		page = pages;	/* a page label from an edited link: shown within bounds */
	page_link(prev_q, sizeof(prev_q), q, json_array_get(rows, 0), "voor", page - 1);
	page_link(next_q, sizeof(next_q), q, json_array_get(rows, json_array_size(rows) - 1), "na",
	    page + 1);
	loket = store_desk_loket(r->app->store, &r->user);
	d = json_pack("{s:o,s:o,s:o,s:o,s:o,s:I,s:I,s:I,s:s,s:b,s:b,s:s,s:s,s:o}",
	    "meldingen", rows,
	    "schools", schools,
	    "soorten", options(desk_soort_names, desk_soort_labels, DESK_SOORT__MAX, f->soort),
	    "leeftijden", options(age_groups, age_labels, 2, f->age_group),
	    "statussen", options(desk_status_names, desk_status_labels, DESK_STATUS__MAX, f->status),
	    "total", (json_int_t)total, "page", (json_int_t)page, "pages", (json_int_t)pages,
	    "filter_query", q,
	    "has_prev", page > 1, "has_next", page < pages && json_array_size(rows) > 0,
	    "prev", prev_q, "next", next_q,
	    "loket", loket ? loket : json_null());
	json_object_set_new(d, "one", json_boolean(total == 1));
	json_object_set_new(d, "filtered", json_boolean(f->school_id || *f->soort ||
	    *f->age_group || *f->status));
	rc = tmpl_render(r->app->tmpl, "loket_inbox", d, out);
	json_decref(d);
	return rc;
}

/*
 * The inbox is the desk's busiest page. Its content is the same for every officer of the desk
 * and changes only with the desk's data (store_desk_version) and, once a day, with what counts
 * as overdue: a worker keeps the rendering for those inputs (pages/page_cache.h) and only the
 * layout (the officer's name, the form token) is rendered each time.
 */
void
page_desk_inbox(struct req *r)
{
	struct desk_filter f;
	const char *soort = query_str(r, "soort"), *leeftijd = query_str(r, "leeftijd");
	const char *status = query_str(r, "status");
	int64_t page = parse_id(query_str(r, "pagina")), version;
	struct buf fresh = BUF_INIT;
	const struct buf *html;
	char key[PAGE_CACHE_KEY];
	int sr, bev;

	if (desk_lookup(desk_soort_names, DESK_SOORT__MAX, soort) < 0)
		soort = "";
	if (desk_lookup(age_groups, 2, leeftijd) < 0)
		leeftijd = "";
	if ((sr = desk_lookup(desk_status_names, DESK_STATUS__MAX, status)) < 0)
		status = "";
	if (page < 1)
		page = 1;
	memset(&f, 0, sizeof(f));
	f.school_id = parse_id(query_str(r, "school"));
	f.soort = soort;
	f.age_group = leeftijd;
	f.status = status;
	/* The inbox order of the statuses (DESK_RANK in store/stmt_desk.h). */
	f.status_rank = sr < 0 ? -1 : sr == DESK_GEREGISTREERD ? 0 : sr == DESK_IN_BEHANDELING ? 1 :
	    sr == DESK_TER_KENNISGEVING ? 2 : sr == DESK_AFGESLOTEN ? 3 : 4;
	f.limit = INBOX_PAGE;
	f.offset = (page - 1) * INBOX_PAGE;
	if (f.offset > INT64_MAX / 2)
		f.offset = 0;
	if (page > 1 && parse_key(query_str(r, "na"), &f.key_rank, &f.key_filed_at, &f.key_id) == 0)
		f.direction = 1;
	else if (page > 1 && parse_key(query_str(r, "voor"), &f.key_rank, &f.key_filed_at,
	    &f.key_id) == 0)
		f.direction = -1;
	store_read_begin(r->app->store);
	version = store_desk_version(r->app->store, &r->user, &bev);
	f.overdue_before = desk_overdue_before(store_now(), bev);
	/* Every input of inbox_render, so one key never stands for two renderings. */
	snprintf(key, sizeof(key), "inbox %lld %lld %s %s %s %lld %d %lld.%lld.%lld %lld",
	    (long long)r->user.loket_id, (long long)f.school_id, soort, leeftijd, status,
	    (long long)page, f.direction, (long long)f.key_rank, (long long)f.key_filed_at,
	    (long long)f.key_id, (long long)f.overdue_before);
	if (version < 0 || (html = page_cache_get(key, version)) == NULL) {
		if (inbox_render(r, &f, page, &fresh) != 0) {
			store_read_end(r->app->store);
			buf_free(&fresh);
			http_error(r, 500);
			return;
		}
		if (version >= 0)
			page_cache_put(key, version, &fresh);
		html = &fresh;
	}
	store_read_end(r->app->store);
	audit(r, "lees", "loket:%lld:inbox", (long long)r->user.loket_id);
	page_render(r, 200, "fragment", json_pack("{s:s,s:o}", "title", "Inbox meldingen",
	    "fragment", json_stringn_nocheck(html->p ? html->p : "", html->len)));
	buf_free(&fresh);
}

/* ---------------------------------------------------------------- melding page */

/* Which statuses the form offers from the current one (the rules still decide on POST). */
static json_t *
status_choices(enum desk_status from, const char *selected)
{
	json_t *a = json_array();

	for (int to = 0; to < DESK_STATUS__MAX; to++) {
		struct desk_status_change c = { from, desk_status_names[to], 1, "overig", "x", 1 };
		if (desk_status_check(&c) != DESK_OK)
			continue;
		json_array_append_new(a, json_pack("{s:s,s:s,s:b}", "value", desk_status_names[to],
		    "label", desk_status_labels[to], "selected",
		    selected != NULL && strcmp(selected, desk_status_names[to]) == 0));
	}
	return a;
}

/*
 * No sanctions (officiële waarschuwing, Halt, proces-verbaal) by an RMC officer (§1), nor on a
 * melding about an 18-23 year-old at any desk (§6: RMC has no sanction powers; such a student is
 * no longer leerplichtig or kwalificatieplichtig), e.g. at a desk covering 5-23 or a schorsing.
 */
static int
rmc_case(const struct req *r, const json_t *m)
{
	return r->user.role == ROLE_RMC || desk_melding_adult(m);
}

static json_t *
mas_choices(int rmc, int inspectie, int has_waarschuwing, int64_t minutes, const char *selected)
{
	json_t *a = json_array();

	for (int i = 0; i < DESK_MAS__MAX; i++) {
		struct desk_mas_request q = { DESK_IN_BEHANDELING, desk_mas_names[i],
		    rmc, has_waarschuwing, minutes, inspectie };
		enum desk_refusal why = desk_mas_check(&q);
		if (why == DESK_ERR_RMC_SANCTION || why == DESK_ERR_NO_VERZUIM)
			continue;	/* never possible for this melding: not offered */
		json_array_append_new(a, json_pack("{s:s,s:s,s:b,s:s}", "value", desk_mas_names[i],
		    "label", desk_mas_labels[i], "selected",
		    selected != NULL && strcmp(selected, desk_mas_names[i]) == 0,
		    "hint", why == DESK_ERR_NO_WAARSCHUWING ? " (pas na een officiële waarschuwing)" :
		    why == DESK_ERR_HALT_HOURS ? " (alleen bij 9 tot en met 60 uur verzuim)" : ""));
	}
	return a;
}

/* Messages after a successful POST (303 to the page with ?gedaan=...): fixed texts only. */
static const char *const done_keys[] = { "status", "mas", "terugkoppeling" };
static const char *const done_texts[] = {
	"De status is gewijzigd. De school ziet de wijziging bij de melding.",
	"De actie is vastgelegd. De school ziet de actie bij de melding.",
	"De terugkoppeling is verstuurd. De school ziet haar bij de melding.",
};

/* What a re-shown form holds: the officer's input and the messages next to the fields. */
struct form_state {
	const char	*status, *reason, *note, *feedback, *confirm;
	const char	*mas, *mas_note;
	const char	*text;
	const char	*error;		/* the top message */
	const char	*field_error[8];	/* by field below */
};
enum { F_STATUS, F_REASON, F_FEEDBACK, F_CONFIRM, F_MAS, F_TEXT, F__MAX };
static const char *const field_keys[F__MAX] = {
	"err_status", "err_reden", "err_terugkoppeling", "err_bevestigd", "err_actie", "err_tekst",
};

static void
melding_render(struct req *r, int status, int64_t id, const struct form_state *fs)
{
	json_t *m = store_desk_melding(r->app->store, &r->user, id), *d, *ev, *e;
	int64_t student, minutes;
	int waarschuwing, cur, rmc;
	const char *done = query_str(r, "gedaan");
	char title[160];
	size_t i;

	if (m == NULL) {
		http_error(r, 404);
		return;
	}
	audit(r, "lees", "melding:%lld", (long long)id);
	desk_decorate_melding(m);
	student = json_integer_value(json_object_get(m, "student_id"));
	minutes = json_integer_value(json_object_get(m, "unauthorised_minutes"));
	cur = desk_lookup(desk_status_names, DESK_STATUS__MAX,
	    json_string_value(json_object_get(m, "status")));
	waarschuwing = store_desk_has_waarschuwing(r->app->store, student) == 1;
	rmc = rmc_case(r, m);
	ev = store_desk_events(r->app->store, &r->user, id);
	json_array_foreach(ev, i, e)
		desk_decorate_event(e);
	snprintf(title, sizeof(title), "Melding %lld – %s %s", (long long)id,
	    json_string_value(json_object_get(m, "first_name")),
	    json_string_value(json_object_get(m, "last_name")));
	d = json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:b,s:b,s:b}",
	    "title", title,
	    "m", m,
	    "events", ev,
	    "attachments", store_desk_attachments(r->app->store, &r->user, id),
	    "status_choices", status_choices(cur < 0 ? DESK_INGETROKKEN : (enum desk_status)cur,
		fs ? fs->status : NULL),
	    "reasons", options(desk_closing_names, desk_closing_labels, DESK_CLOSE__MAX,
		fs ? fs->reason : NULL),
	    "mas_choices", mas_choices(rmc, desk_melding_to_inspectie(m), waarschuwing, minutes,
		fs ? fs->mas : NULL),
	    "open", cur == DESK_GEREGISTREERD || cur == DESK_IN_BEHANDELING,
	    "in_treatment", cur == DESK_IN_BEHANDELING,
	    "can_warn", !rmc && !desk_melding_to_inspectie(m));
	json_object_set_new(d, "has_waarschuwing", json_boolean(waarschuwing));
	if (fs != NULL) {
		json_object_set_new(d, "f", json_pack("{s:s,s:s,s:s,s:s,s:b}",
		    "toelichting", fs->note ? fs->note : "",
		    "terugkoppeling", fs->feedback ? fs->feedback : "",
		    "mas_toelichting", fs->mas_note ? fs->mas_note : "",
		    "tekst", fs->text ? fs->text : "",
		    "bevestigd", fs->confirm != NULL && strcmp(fs->confirm, "ja") == 0));
		if (fs->error != NULL)
			json_object_set_new(d, "error", json_string(fs->error));
		for (int k = 0; k < F__MAX; k++)
			if (fs->field_error[k] != NULL)
				json_object_set_new(d, field_keys[k], json_string(fs->field_error[k]));
	}
	for (size_t k = 0; done != NULL && k < sizeof(done_keys) / sizeof(done_keys[0]); k++)
		if (strcmp(done, done_keys[k]) == 0)
			json_object_set_new(d, "done", json_string(done_texts[k]));
	page_render(r, status, "loket_melding", d);
}

void
page_desk_melding(struct req *r)
{
	melding_render(r, 200, r->ids[0], NULL);
}

static int
too_long(const char *s)
{
	return s != NULL && strlen(s) > TEXT_MAX;
}

static void
redirect_done(struct req *r, int64_t id, const char *what)
{
	char loc[100];

	snprintf(loc, sizeof(loc), "/loket/meldingen/%lld?gedaan=%s#resultaat", (long long)id, what);
	http_redirect(r, loc);
}

/*
 * Tell the melder by mail that the desk took a step (SPEC §6: the school sees every event). The
 * mail names no child: only the melding's number and where to read it.
 */
static void
notify_melder(struct req *r, int64_t id, const char *to, const char *what)
{
	char subject[160], body[600];

	if (to == NULL || to[0] == '\0')
		return;
	snprintf(subject, sizeof(subject), "Melding %lld: %s", (long long)id, what);
	snprintf(body, sizeof(body), "Beste melder,\n\nHet loket leerplicht/RMC heeft een nieuwe stap "
	    "gezet bij melding %lld: %s.\n\nU leest de melding en de terugkoppeling in het "
	    "verzuimloket onder Meldingen (melding %lld).\n\nMet vriendelijke groet,\n%s\n",
	    (long long)id, what, (long long)id, r->user.name);
	if (store_outbox_add(r->app->store, to, subject, body) != 0)
		fprintf(stderr, "verzuimd: outbox: melding %lld not notified\n", (long long)id);
}

/* The melding's current facts, or 404 already answered. */
static json_t *
load_for_post(struct req *r, int64_t id, enum desk_status *cur)
{
	json_t *m = store_desk_melding(r->app->store, &r->user, id);
	int c;

	if (m == NULL) {
		http_error(r, 404);
		return NULL;
	}
	c = desk_lookup(desk_status_names, DESK_STATUS__MAX,
	    json_string_value(json_object_get(m, "status")));
	*cur = c < 0 ? DESK_INGETROKKEN : (enum desk_status)c;
	return m;
}

void
page_desk_status(struct req *r)
{
	int64_t id = r->ids[0];
	struct form_state fs;
	struct desk_status_change c;
	enum desk_status cur;
	enum desk_refusal why;
	const char *end;
	char melder[256], what[120];
	json_t *m;
	int rc, to;

	memset(&fs, 0, sizeof(fs));
	fs.status = form_str(r, "status");
	fs.reason = form_str(r, "reden");
	fs.note = form_str(r, "toelichting");
	fs.feedback = form_str(r, "terugkoppeling");
	fs.confirm = form_str(r, "bevestigd");
	if ((m = load_for_post(r, id, &cur)) == NULL)
		return;
	/* The school gave the end date: afterwards ("Einddatum doorgeven"), or on the form itself
	 * as the last day of the period. */
	end = json_string_value(json_object_get(m, "school_end_date"));
	if (end == NULL || end[0] == '\0')
		end = json_string_value(json_object_get(m, "period_end"));
	snprintf(melder, sizeof(melder), "%s", json_is_string(json_object_get(m, "filed_by_email")) ?
	    json_string_value(json_object_get(m, "filed_by_email")) : "");
	c.from = cur;
	c.to = fs.status;
	c.has_verzuimstaat = json_integer_value(json_object_get(m, "has_verzuimstaat")) == 1;
	c.closing_reason = fs.reason;
	c.feedback = fs.feedback;
	c.has_school_end_date = end != NULL && end[0] != '\0';
	json_decref(m);
	to = desk_lookup(desk_status_names, DESK_STATUS__MAX, fs.status);
	why = desk_status_check(&c);
	if (why == DESK_OK && (too_long(fs.note) || too_long(fs.feedback))) {
		fs.error = "De tekst is te lang (hoogstens 10.000 tekens).";
		fs.field_error[F_FEEDBACK] = fs.error;
		melding_render(r, 422, id, &fs);
		return;
	}
	/* Closing and noting are final: they need an explicit confirmation. */
	if (why == DESK_OK && (to == DESK_AFGESLOTEN || to == DESK_TER_KENNISGEVING) &&
	    (fs.confirm == NULL || strcmp(fs.confirm, "ja") != 0)) {
		fs.error = "Bevestig dat u de melding wilt afronden; daarna kan de status niet meer "
		    "worden gewijzigd.";
		fs.field_error[F_CONFIRM] = fs.error;
		melding_render(r, 422, id, &fs);
		return;
	}
	if (why != DESK_OK) {
		fs.error = desk_refusal_texts[why];
		fs.field_error[why == DESK_ERR_NO_REASON ? F_REASON :
		    why == DESK_ERR_NO_FEEDBACK ? F_FEEDBACK : F_STATUS] = fs.error;
		melding_render(r, 422, id, &fs);
		return;
	}
	rc = store_desk_set_status(r->app->store, &r->user, id, desk_status_names[cur],
	    desk_status_names[to], to == DESK_AFGESLOTEN ? fs.reason : NULL,
	    to == DESK_AFGESLOTEN ? desk_closing_labels[desk_lookup(desk_closing_names,
		DESK_CLOSE__MAX, fs.reason)] : fs.note,
	    to == DESK_AFGESLOTEN ? fs.feedback : NULL);
	if (rc == 1) {
		fs.error = "De melding is intussen gewijzigd. Bekijk de nieuwe stand en probeer het "
		    "opnieuw.";
		melding_render(r, 409, id, &fs);
		return;
	}
	if (rc != 0) {
		http_error(r, 500);
		return;
	}
	audit(r, "wijzig", "melding:%lld:status", (long long)id);
	snprintf(what, sizeof(what), "status %s%s", desk_status_labels[to],
	    to == DESK_AFGESLOTEN ? ", met terugkoppeling" : "");
	notify_melder(r, id, melder, what);
	redirect_done(r, id, "status");
}

void
page_desk_mas(struct req *r)
{
	int64_t id = r->ids[0];
	struct form_state fs;
	struct desk_mas_request q;
	enum desk_status cur;
	enum desk_refusal why;
	json_t *m;
	int rc;

	memset(&fs, 0, sizeof(fs));
	fs.mas = form_str(r, "actie");
	fs.mas_note = form_str(r, "toelichting");
	if ((m = load_for_post(r, id, &cur)) == NULL)
		return;
	q.status = cur;
	q.action = fs.mas;
	q.rmc_case = rmc_case(r, m);
	q.inspectie = desk_melding_to_inspectie(m);
	q.unauthorised_minutes = json_integer_value(json_object_get(m, "unauthorised_minutes"));
	q.has_waarschuwing = store_desk_has_waarschuwing(r->app->store,
	    json_integer_value(json_object_get(m, "student_id"))) == 1;
	json_decref(m);
	why = desk_mas_check(&q);
	if (why == DESK_OK && too_long(fs.mas_note))
		why = DESK_REFUSAL__MAX;
	if (why != DESK_OK) {
		fs.error = why == DESK_REFUSAL__MAX ? "De toelichting is te lang (hoogstens 10.000 "
		    "tekens)." : desk_refusal_texts[why];
		fs.field_error[F_MAS] = fs.error;
		melding_render(r, 422, id, &fs);
		return;
	}
	rc = store_desk_event(r->app->store, &r->user, id, "mas", fs.mas, fs.mas_note);
	if (rc != 0) {
		http_error(r, rc == 1 ? 404 : 500);
		return;
	}
	audit(r, "wijzig", "melding:%lld:mas", (long long)id);
	redirect_done(r, id, "mas");
}

void
page_desk_feedback(struct req *r)
{
	int64_t id = r->ids[0];
	struct form_state fs;
	enum desk_status cur;
	char melder[256];
	json_t *m;
	int rc;

	memset(&fs, 0, sizeof(fs));
	fs.text = form_str(r, "tekst");
	if ((m = load_for_post(r, id, &cur)) == NULL)
		return;
	snprintf(melder, sizeof(melder), "%s", json_is_string(json_object_get(m, "filed_by_email")) ?
	    json_string_value(json_object_get(m, "filed_by_email")) : "");
	json_decref(m);
	if (cur != DESK_GEREGISTREERD && cur != DESK_IN_BEHANDELING)
		fs.error = desk_refusal_texts[DESK_ERR_NOT_OPEN];
	else if (fs.text == NULL || strspn(fs.text, " \t\r\n") == strlen(fs.text))
		fs.error = "Schrijf de terugkoppeling aan de melder.";
	else if (too_long(fs.text))
		fs.error = "De terugkoppeling is te lang (hoogstens 10.000 tekens).";
	if (fs.error != NULL) {
		fs.field_error[F_TEXT] = fs.error;
		melding_render(r, 422, id, &fs);
		return;
	}
	rc = store_desk_event(r->app->store, &r->user, id, "terugkoppeling", NULL, fs.text);
	if (rc != 0) {
		http_error(r, rc == 1 ? 404 : 500);
		return;
	}
	audit(r, "wijzig", "melding:%lld:terugkoppeling", (long long)id);
	notify_melder(r, id, melder, "terugkoppeling van het loket");
	redirect_done(r, id, "terugkoppeling");
}

/* An attachment the school uploaded (the verzuimstaat, documents), downloaded by the officer. */
void
page_desk_attachment(struct req *r)
{
	char fn[256], ct[64], disp[400];
	void *data;
	size_t len;
	int rc;

	rc = store_desk_attachment(r->app->store, &r->user, r->ids[0], r->ids[1], fn, sizeof(fn),
	    ct, sizeof(ct), &data, &len);
	if (rc != 0) {
		http_error(r, rc == 1 ? 404 : 500);
		return;
	}
	audit(r, "lees", "melding:%lld:bijlage:%lld", (long long)r->ids[0], (long long)r->ids[1]);
	/* The stored name is the uploader's: keep only safe characters in the header. */
	for (char *p = fn; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '_'))
			*p = '_';
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"", fn);
	http_header(r, "Content-Disposition", disp);
	/* Only the three checked types are ever stored; the constant strings outlive the request. */
	http_text(r, 200, strcmp(ct, "application/pdf") == 0 ? "application/pdf" :
	    strcmp(ct, "image/png") == 0 ? "image/png" : "image/jpeg", data, len);
	free(data);
}
