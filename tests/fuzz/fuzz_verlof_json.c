/*
 * libFuzzer: the JSON leave request of `verzuimctl verlof` (ctl/verlofjson.c) and the leave
 * rules on every request it accepts.
 */
#include <stdint.h>
#include <string.h>

#include "ctl/verlofjson.h"
#include "rules/rules.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules_leave_request req;
	struct rules_leave_verdict v;
	struct rules_calendar cal;
	char err[256];

	err[0] = '\0';
	if (verlof_request_parse((const char *)data, size, &req, err, sizeof(err)) != 0) {
		if (err[0] == '\0' || memchr(err, '\n', strlen(err)) != NULL)
			__builtin_trap();
		return 0;
	}
	if (req.van > req.tot || req.dagen_per_week < 1 || req.dagen_per_week > 5)
		__builtin_trap();
	rules_date from = rules_school_year_start(req.van), to = req.tot;
	if ((int64_t)to - from > 3 * 366)
		from = to + 1;
	if (rules_calendar_init(&cal, NULL, 0, 1, from, to) != RULES_OK)
		__builtin_trap();
	if (rules_leave_evaluate(&cal, &req, &v) != RULES_OK)
		__builtin_trap();
	rules_calendar_free(&cal);
	if (v.toegestaan != (v.nbezwaren == 0 && v.nweigergronden == 0) ||
	    v.nbezwaren > RULES_OBJ__MAX || v.schooldagen < 0 ||
	    v.schooldagen > req.tot - req.van + 1 ||
	    (req.grond == RULES_GROUND_11F && v.beslisser != RULES_DECIDER_DIRECTEUR))
		__builtin_trap();
	return 0;
}
