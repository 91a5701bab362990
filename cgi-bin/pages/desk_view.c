/* Dutch labels and local times for the desk's templates: rows from the store, decorated in place. */
#include <stdio.h>
#include <string.h>
#include "pages/desk.h"
#include "pages/school.h"

const char *const desk_soort_names[DESK_SOORT__MAX] = {
	"16uur",	/* DESK_SOORT_16UUR */
	"luxe",		/* DESK_SOORT_LUXE */
	"lrv",		/* DESK_SOORT_LRV */
	"overig",	/* DESK_SOORT_OVERIG */
	"rmc18",	/* DESK_SOORT_RMC18 */
	"schorsing",	/* DESK_SOORT_SCHORSING */
	"verwijdering",	/* DESK_SOORT_VERWIJDERING */
};

const char *const desk_soort_labels[DESK_SOORT__MAX] = {
	"16 uur in 4 weken",		/* DESK_SOORT_16UUR */
	"Luxe verzuim",			/* DESK_SOORT_LUXE */
	"Langdurig relatief verzuim",	/* DESK_SOORT_LRV */
	"Overig verzuim",		/* DESK_SOORT_OVERIG */
	"RMC verzuim 18+",		/* DESK_SOORT_RMC18 */
	"Schorsing",			/* DESK_SOORT_SCHORSING */
	"Verwijdering",			/* DESK_SOORT_VERWIJDERING */
};

struct kind_label {
	const char	*kind;
	const char	*label;
};

static const struct kind_label event_kinds[] = {
	{ "ingediend", "Melding ingediend" },
	{ "status", "Status gewijzigd" },
	{ "informatie", "Informatie van de school" },
	{ "terugkoppeling", "Terugkoppeling van het loket" },
	{ "mas", "Actie van het loket" },
	{ "bijlage", "Bijlage toegevoegd" },
	{ "einddatum", "Einddatum verzuim doorgegeven" },
	{ "ouders_geinformeerd", "Ouders/verzorgers geïnformeerd" },
	{ "vervolg", "Vervolgmelding" },
};

static const char *
label_of(const char *const *names, const char *const *labels, int n, json_t *v)
{
	int i = desk_lookup(names, n, json_string_value(v));

	return i < 0 ? (json_is_string(v) ? json_string_value(v) : "") : labels[i];
}

static void
set_str(json_t *o, const char *key, const char *s)
{
	json_object_set_new(o, key, json_string(s));
}

static void
set_time(json_t *o, const char *key, const char *textkey)
{
	json_t *v = json_object_get(o, key);
	char t[17];

	if (json_is_integer(v)) {
		desk_local_text(json_integer_value(v), t);
		set_str(o, textkey, t);
	}
}

/* "Ouder naam" from "ouder_naam": the form's field names, readable. */
static void
key_label(const char *key, char *out, size_t sz)
{
	size_t i;

	for (i = 0; key[i] != '\0' && i + 1 < sz; i++)
		out[i] = key[i] == '_' ? ' ' : key[i];
	out[i] = '\0';
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

static void
detail_add(json_t *list, const char *label, json_t *v, int is_date)
{
	char num[40];
	const char *s = NULL;

	if (json_is_string(v) && is_date) {
		desk_date_long(json_string_value(v), num, sizeof(num));
		s = num[0] ? num : json_string_value(v);
	} else if (json_is_string(v))
		s = json_string_value(v);
	else if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		s = num;
	} else if (json_is_boolean(v))
		s = json_is_true(v) ? "ja" : "nee";
	if (s != NULL && s[0] != '\0')
		json_array_append_new(list, json_pack("{s:s,s:s}", "label", label, "value", s));
}

/* The melding form's fields as a list of {label, value}, one nesting level flattened. */
static json_t *
details_list(const char *text)
{
	json_t *d = text ? json_loads(text, 0, NULL) : NULL, *list = json_array(), *v, *w;
	const char *k, *k2;
	char label[200], sub[100];

	if (json_is_object(d)) {
		json_object_foreach(d, k, v) {
			/* The question as the school's form asked it (school_melding.c). */
			int is_date = 0;
			const char *q = school_melding_field_label(k, &is_date);
			if (q != NULL)
				snprintf(label, sizeof(label), "%s", q);
			else
				key_label(k, label, sizeof(label));
			if (json_is_object(v)) {
				json_object_foreach(v, k2, w) {
					size_t n = strlen(label);
					key_label(k2, sub, sizeof(sub));
					snprintf(label + n, sizeof(label) - n, " – %s", sub);
					detail_add(list, label, w, 0);
					label[n] = '\0';
				}
			} else
				detail_add(list, label, v, is_date);
		}
	}
	json_decref(d);
	return list;
}

int
desk_melding_adult(const json_t *m)
{
	const char *age = json_string_value(json_object_get(m, "age_group"));

	return age != NULL && strcmp(age, "18-23") == 0;
}

int
desk_melding_to_inspectie(const json_t *m)
{
	const char *to = json_string_value(json_object_get(m, "routed_to"));

	return to != NULL && strcmp(to, "inspectie") == 0;
}

/* What every melding row shows, the inbox's included. */
void
desk_decorate_inbox_row(json_t *m)
{
	json_t *ord = json_object_get(m, "ordinal");

	set_str(m, "status_label", label_of(desk_status_names, desk_status_labels, DESK_STATUS__MAX,
	    json_object_get(m, "status")));
	set_str(m, "soort_label", label_of(desk_soort_names, desk_soort_labels, DESK_SOORT__MAX,
	    json_object_get(m, "soort")));
	if (json_is_integer(ord))
		set_str(m, "ordinal_label", desk_ordinal_label(json_integer_value(ord)));
	set_time(m, "filed_at", "filed_text");
	school_date_text(m, "birth_date", "birth_text");
	json_object_set_new(m, "inspectie", json_boolean(desk_melding_to_inspectie(m)));
}

void
desk_staat_days(json_t *regels)
{
	size_t i;
	json_t *e;

	json_array_foreach(regels, i, e) {
		char t[48];

		desk_date_day(json_string_value(json_object_get(e, "datum")), t, sizeof(t));
		if (t[0] != '\0')
			set_str(e, "datum_text", t);
	}
}

void
desk_decorate_melding(json_t *m)
{
	json_t *min = json_object_get(m, "unauthorised_minutes");
	char t[40];

	desk_decorate_inbox_row(m);
	set_time(m, "treated_at", "treated_text");
	school_date_text(m, "period_start", "period_start_text");
	school_date_text(m, "period_end", "period_end_text");
	school_date_text(m, "school_end_date", "school_end_text");
	school_date_text(m, "deadline", "deadline_text");
	if (json_is_integer(min)) {
		int64_t v = json_integer_value(min);
		if (v % 60 == 0)
			snprintf(t, sizeof(t), "%lld uur", (long long)(v / 60));
		else
			snprintf(t, sizeof(t), "%lld uur en %lld minuten", (long long)(v / 60),
			    (long long)(v % 60));
		set_str(m, "unauthorised_text", t);
	}
	json_object_set_new(m, "adult", json_boolean(desk_melding_adult(m)));
	if (json_is_string(json_object_get(m, "closing_reason")))
		set_str(m, "closing_label", label_of(desk_closing_names, desk_closing_labels,
		    DESK_CLOSE__MAX, json_object_get(m, "closing_reason")));
	if (json_is_string(json_object_get(m, "verzuimstaat"))) {
		json_t *st = json_loads(json_string_value(json_object_get(m, "verzuimstaat")), 0, NULL);
		json_t *regels = json_object_get(st, "regels");
		desk_staat_days(regels);
		if (json_array_size(regels) > 0)
			json_object_set_new(m, "staat", json_incref(regels));
		json_decref(st);
		json_object_del(m, "verzuimstaat");
	}
	if (json_object_get(m, "details") != NULL) {
		json_object_set_new(m, "detail_list",
		    details_list(json_string_value(json_object_get(m, "details"))));
		json_object_del(m, "details");
	}
}

const char *
desk_event_label(const char *kind)
{
	for (size_t i = 0; kind != NULL && i < sizeof(event_kinds) / sizeof(event_kinds[0]); i++)
		if (strcmp(event_kinds[i].kind, kind) == 0)
			return event_kinds[i].label;
	return kind ? kind : "";
}

void
desk_decorate_event(json_t *e)
{
	set_str(e, "kind_label", desk_event_label(json_string_value(json_object_get(e, "kind"))));
	set_time(e, "at", "at_text");
	if (json_is_string(json_object_get(e, "status")))
		set_str(e, "status_label", label_of(desk_status_names, desk_status_labels,
		    DESK_STATUS__MAX, json_object_get(e, "status")));
	if (json_is_string(json_object_get(e, "mas_action")))
		set_str(e, "mas_label", label_of(desk_mas_names, desk_mas_labels, DESK_MAS__MAX,
		    json_object_get(e, "mas_action")));
}
