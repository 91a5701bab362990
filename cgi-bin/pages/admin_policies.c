/*
 * Beheer: the verzuimbeleid of each region (SPEC §1: beheer manages policies; §4: thresholds
 * are a policy row, never literals; §3: whether Bevrijdingsdag is a holiday for the werkdagen
 * of the region's deadlines, default on). The values start as the protocols give them
 * (sql/policies.csv); a change counts for every school of the region from the next page on,
 * after the administrator confirms it, and is audited.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "http/app.h"
#include "pages/admin.h"
#include "pages/desk.h"
#include "rules/rules.h"
#include "store/admin.h"
#include "store/store.h"

struct policy_field {
	const char	*name;		/* column of sql/policies.csv and region_policy */
	const char	*label;
	size_t		 offset;	/* into struct rules_policy */
};

#define FIELD(n, l) { #n, l, offsetof(struct rules_policy, n) }
static const struct policy_field fields[] = {
	FIELD(uren_16uur, "Wettelijk verzuim: uren ongeoorloofd in 4 lesweken"),
	FIELD(licht_uren, "Licht verzuim vanaf (uren ongeoorloofd in 4 lesweken)"),
	FIELD(te_laat_aantal, "Te laat: aantal keer per schooljaar dat een signaal geeft"),
	FIELD(ziek_dagen, "Zorgelijk ziekteverzuim: aaneengesloten schooldagen ziek"),
	FIELD(ziek_meldingen, "Zorgelijk ziekteverzuim: aantal ziekmeldingen in 12 weken"),
	FIELD(schorsing_max, "Schorsing: hoogstens zoveel schooldagen"),
	FIELD(dag_minuten, "Minuten ongeoorloofd die een hele schooldag afwezig maken"),
};
#undef FIELD
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

/*
 * The page. For the region whose form failed: its values as typed (v) and errors, so the
 * administrator's input stays; the other regions show their stored values.
 */
static void
policies_page(struct req *r, int status, const char *region, json_t *v, json_t *errors,
    const char *notice)
{
	json_t *list = store_policy_list(r->app->store), *p;
	size_t i;

	json_array_foreach(list, i, p) {
		const char *reg = json_string_value(json_object_get(p, "region"));
		int mine = region != NULL && reg != NULL && strcmp(reg, region) == 0;
		json_t *rows = json_array();
		for (size_t k = 0; k < NFIELDS; k++) {
			json_t *val = mine ? json_object_get(v, fields[k].name) :
			    json_object_get(p, fields[k].name);
			json_t *err = mine ? json_object_get(errors, fields[k].name) : NULL;
			/* "error" always present: the template must not find another field's. */
			json_array_append_new(rows, json_pack("{s:s,s:s,s:O,s:i,s:O}", "name",
			    fields[k].name, "label", fields[k].label, "value", val ? val : json_null(),
			    "max", rules_policy_max(fields[k].name), "error", err ? err : json_null()));
		}
		json_object_set_new(p, "fields", rows);
		/* §3: Bevrijdingsdag a holiday (1) or a werkdag (0); as typed for the failed form. */
		{
			const char *t = mine ? json_string_value(json_object_get(v,
			    "bevrijdingsdag")) : NULL;
			int on = mine ? t != NULL && strcmp(t, "ja") == 0 :
			    json_integer_value(json_object_get(p, "bevrijdingsdag")) != 0;
			int off = mine ? t != NULL && strcmp(t, "nee") == 0 : !on;
			json_object_set_new(p, "bev_ja", json_boolean(on));
			json_object_set_new(p, "bev_nee", json_boolean(off));
		}
		json_object_set_new(p, "errors", mine ? json_incref(errors) : json_object());
		json_object_set_new(p, "one_school",
		    json_boolean(json_integer_value(json_object_get(p, "schools")) == 1));
		if (json_integer_value(json_object_get(p, "changed_at")) > 0) {
			char t[17];
			desk_local_text(json_integer_value(json_object_get(p, "changed_at")), t);
			json_object_set_new(p, "changed_text", json_string(t));
		}
	}
	json_decref(v);
	json_decref(errors);
	page_render(r, status, "beheer_beleid", json_pack("{s:s,s:o,s:s*}", "title",
	    "Verzuimbeleid", "regions", list, "notice", notice));
}

void
page_admin_policies(struct req *r)
{
	policies_page(r, 200, NULL, NULL, NULL, query_str(r, "klaar") ?
	    "Opgeslagen: het beleid geldt vanaf nu voor alle scholen van de regio." : NULL);
}

void
page_admin_policy_save(struct req *r)
{
	const char *region = form_str(r, "regio");
	struct rules_policy pol;
	json_t *v = json_object(), *errors = json_object();
	char where[80];
	int rc;

	memset(&pol, 0, sizeof(pol));
	if (region == NULL || strlen(region) >= sizeof(pol.regio) ||
	    app_policy(r, region) == NULL) {
		json_decref(v);
		json_decref(errors);
		http_error(r, 404);
		return;
	}
	memcpy(pol.regio, region, strlen(region) + 1);
	for (size_t k = 0; k < NFIELDS; k++) {
		const char *s = form_str(r, fields[k].name);
		int max = rules_policy_max(fields[k].name), *slot;
		char *end;
		long n;

		slot = (int *)(void *)((char *)&pol + fields[k].offset);
		json_object_set_new(v, fields[k].name, json_string(s ? s : ""));
		n = s != NULL && *s != '\0' ? strtol(s, &end, 10) : -1;
		if (s == NULL || *s == '\0' || *end != '\0' || n < 1 || n > max) {
			char msg[120];
			snprintf(msg, sizeof(msg), "Vul een heel getal in van 1 tot en met %d.", max);
			json_object_set_new(errors, fields[k].name, json_string(msg));
		} else
			*slot = (int)n;
	}
	{
		const char *b = form_str(r, "bevrijdingsdag");
		json_object_set_new(v, "bevrijdingsdag", json_string(b ? b : ""));
		if (b != NULL && strcmp(b, "ja") == 0)
			pol.bevrijdingsdag = 1;
		else if (b != NULL && strcmp(b, "nee") == 0)
			pol.bevrijdingsdag = 0;
		else
			json_object_set_new(errors, "bevrijdingsdag", json_string("Kies of "
			    "Bevrijdingsdag (5 mei) een vrije dag is."));
	}
	if (json_object_get(errors, "licht_uren") == NULL &&
	    json_object_get(errors, "uren_16uur") == NULL && pol.licht_uren > pol.uren_16uur)
		json_object_set_new(errors, "licht_uren", json_string("Licht verzuim begint niet "
		    "boven de grens van wettelijk verzuim."));
	if (form_str(r, "bevestig") == NULL)
		json_object_set_new(errors, "bevestig", json_string("Vink aan dat u het beleid van "
		    "deze regio wilt wijzigen."));
	if (json_object_size(errors) > 0) {
		policies_page(r, 422, region, v, errors, NULL);
		return;
	}
	json_decref(v);
	json_decref(errors);
	if ((rc = store_policy_update(r->app->store, &pol, r->user.id, store_now())) != 0) {
		http_error(r, rc > 0 ? 404 : 500);
		return;
	}
	audit(r, "beleid_gewijzigd", "beleid:%s:%d,%d,%d,%d,%d,%d,%d,bevrijdingsdag=%d", pol.regio,
	    pol.uren_16uur, pol.licht_uren, pol.te_laat_aantal, pol.ziek_dagen, pol.ziek_meldingen,
	    pol.schorsing_max, pol.dag_minuten, pol.bevrijdingsdag);
	snprintf(where, sizeof(where), "/beheer/beleid?klaar=1#beleid-%s", pol.regio);
	http_redirect(r, where);
}
