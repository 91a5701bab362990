/* Reads and checks the JSON leave request of `verzuimctl verlof`. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "ctl/verlofjson.h"

enum key {
	KEY_GROND,
	KEY_CATEGORIE,
	KEY_GRAAD,
	KEY_WAAR,
	KEY_VAN,
	KEY_TOT,
	KEY_GEBOREN,
	KEY_DAGEN_PER_WEEK,
	KEY_EERDER_11G_DAGEN,
	KEY_EERDER_11F,
	KEY_VERKLARING,
	KEY_REDENEN,
	KEY__MAX
};

static const char *const key_names[KEY__MAX] = {
	"grond",                /* KEY_GROND */
	"categorie",            /* KEY_CATEGORIE */
	"graad",                /* KEY_GRAAD */
	"waar",                 /* KEY_WAAR */
	"van",                  /* KEY_VAN */
	"tot",                  /* KEY_TOT */
	"geboren",              /* KEY_GEBOREN */
	"dagen_per_week",       /* KEY_DAGEN_PER_WEEK */
	"eerder_11g_dagen",     /* KEY_EERDER_11G_DAGEN */
	"eerder_11f",           /* KEY_EERDER_11F */
	"verklaring",           /* KEY_VERKLARING */
	"redenen",              /* KEY_REDENEN */
};

static int
fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	/* One line: jansson quotes the offending input, which may hold control characters. */
	for (char *p = err; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return -1;
}

/* Index of s in names[0..n) (entries may be NULL), or -1. */
static int
lookup(const char *s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (names[i] != NULL && strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static int
get_enum(json_t *v, const char *key, const char *const *names, int n, int *out, char *err,
    size_t errlen)
{
	int k;

	if (!json_is_string(v))
		return fail(err, errlen, "veld '%s' moet een tekst zijn", key);
	if ((k = lookup(json_string_value(v), names, n)) < 0)
		return fail(err, errlen, "veld '%s' heeft een onbekende waarde", key);
	*out = k;
	return 0;
}

static int
get_int(json_t *v, const char *key, long lo, long hi, int *out, char *err, size_t errlen)
{
	json_int_t x;

	if (!json_is_integer(v))
		return fail(err, errlen, "veld '%s' moet een geheel getal zijn", key);
	x = json_integer_value(v);
	if (x < lo || x > hi)
		return fail(err, errlen, "veld '%s' moet tussen %ld en %ld liggen", key, lo, hi);
	*out = (int)x;
	return 0;
}

static int
get_date(json_t *v, const char *key, rules_date *out, char *err, size_t errlen)
{
	if (!json_is_string(v) ||
	    rules_date_parse(json_string_value(v), json_string_length(v), out) != 0)
		return fail(err, errlen, "veld '%s' moet een datum JJJJ-MM-DD zijn", key);
	return 0;
}

static int
get_bool(json_t *v, const char *key, int *out, char *err, size_t errlen)
{
	if (!json_is_boolean(v))
		return fail(err, errlen, "veld '%s' moet true of false zijn", key);
	*out = json_is_true(v);
	return 0;
}

int
verlof_request_parse(const char *text, size_t len, struct rules_leave_request *req,
    char *err, size_t errlen)
{
	json_error_t jerr;
	json_t *root, *v, *val[KEY__MAX] = { NULL };
	const char *key;
	int rc = -1, k;

	memset(req, 0, sizeof(*req));
	req->dagen_per_week = 5;
	req->waar = RULES_WAAR_NONE;
	req->student.sort = RULES_SORT_VO;

	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		return fail(err, errlen, "ongeldige JSON op regel %d: %s", jerr.line, jerr.text);
	if (!json_is_object(root)) {
		fail(err, errlen, "de aanvraag moet een JSON-object zijn");
		goto done;
	}
	json_object_foreach(root, key, v) {
		if ((k = lookup(key, key_names, KEY__MAX)) < 0) {
			char q[64];
			size_t j = 0;
			for (const char *p = key; *p != '\0' && j < 40; p++)
				q[j++] = (unsigned char)*p < 0x20 ? '?' : *p;
			q[j] = '\0';
			fail(err, errlen, "onbekend veld '%s'", q);
			goto done;
		}
		/* null is the same as leaving a field out */
		val[k] = json_is_null(v) ? NULL : v;
	}

	int x;
	if (val[KEY_GROND] == NULL) {
		fail(err, errlen, "veld 'grond' ontbreekt");
		goto done;
	}
	if (get_enum(val[KEY_GROND], "grond", rules_ground_names, RULES_GROUND__MAX, &x, err,
	    errlen))
		goto done;
	req->grond = (enum rules_leave_ground)x;
	if (val[KEY_CATEGORIE] != NULL) {
		if (get_enum(val[KEY_CATEGORIE], "categorie", rules_category_names, RULES_CAT__MAX,
		    &x, err, errlen))
			goto done;
		req->categorie = (enum rules_leave_category)x;
	} else if (req->grond == RULES_GROUND_11G) {
		fail(err, errlen, "veld 'categorie' ontbreekt (nodig bij grond 11g)");
		goto done;
	}
	if (val[KEY_GRAAD] != NULL &&
	    get_int(val[KEY_GRAAD], "graad", 1, 4, &req->graad, err, errlen))
		goto done;
	if (val[KEY_WAAR] != NULL) {
		if (get_enum(val[KEY_WAAR], "waar", rules_place_names, RULES_WAAR__MAX, &x, err,
		    errlen))
			goto done;
		req->waar = (enum rules_place)x;
	}
	static const enum key dates[3] = { KEY_VAN, KEY_TOT, KEY_GEBOREN };
	rules_date *slots[3] = { &req->van, &req->tot, &req->student.geboren };
	for (int i = 0; i < 3; i++) {
		if (val[dates[i]] == NULL) {
			fail(err, errlen, "veld '%s' ontbreekt", key_names[dates[i]]);
			goto done;
		}
		if (get_date(val[dates[i]], key_names[dates[i]], slots[i], err, errlen))
			goto done;
	}
	if (req->van > req->tot) {
		fail(err, errlen, "'van' ligt na 'tot'");
		goto done;
	}
	if (val[KEY_DAGEN_PER_WEEK] != NULL && get_int(val[KEY_DAGEN_PER_WEEK],
	    "dagen_per_week", 1, 5, &req->dagen_per_week, err, errlen))
		goto done;
	if (val[KEY_EERDER_11G_DAGEN] != NULL && get_int(val[KEY_EERDER_11G_DAGEN],
	    "eerder_11g_dagen", 0, 1000000, &req->eerder_11g_dagen, err, errlen))
		goto done;
	if (val[KEY_EERDER_11F] != NULL &&
	    get_bool(val[KEY_EERDER_11F], "eerder_11f", &req->eerder_11f, err, errlen))
		goto done;
	if (val[KEY_VERKLARING] != NULL &&
	    get_bool(val[KEY_VERKLARING], "verklaring", &req->verklaring, err, errlen))
		goto done;
	if (val[KEY_REDENEN] != NULL) {
		size_t i;
		json_t *e;
		if (!json_is_array(val[KEY_REDENEN])) {
			fail(err, errlen, "veld 'redenen' moet een lijst zijn");
			goto done;
		}
		json_array_foreach(val[KEY_REDENEN], i, e) {
			int dup = 0;
			if (get_enum(e, "redenen", rules_refusal_names, RULES_REFUSAL__MAX, &x, err,
			    errlen))
				goto done;
			for (size_t j = 0; j < req->nredenen; j++)
				dup |= req->redenen[j] == (enum rules_refusal)x;
			if (!dup)
				req->redenen[req->nredenen++] = (enum rules_refusal)x;
		}
	}
	if (req->grond == RULES_GROUND_11G) {
		int needs = rules_leave_max_needs(req->categorie);
		if ((needs & RULES_NEEDS_GRAAD) && req->graad == 0) {
			fail(err, errlen, "categorie '%s' vraagt veld 'graad'",
			    rules_category_names[req->categorie]);
			goto done;
		}
		if ((needs & RULES_NEEDS_WAAR) && req->waar == RULES_WAAR_NONE) {
			fail(err, errlen, "categorie '%s' vraagt veld 'waar'",
			    rules_category_names[req->categorie]);
			goto done;
		}
	}
	rc = 0;
done:
	json_decref(root);
	return rc;
}
