/*
 * libFuzzer: the registration and vacation CSV readers of verzuimctl and the calendar page (parse/csvread.c), and the
 * signal rules on whatever they accept. The input is "registrations%%\nvacations"; the first
 * byte picks the region, the student's age and the evaluation date.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/csvread.h"
#include "rules/rules.h"

static const char POLICIES[] =
    "regio,uren_16uur,licht_uren,te_laat_aantal,ziek_dagen,ziek_meldingen,schorsing_max,dag_minuten\n"
    "haaglanden,16,8,9,7,4,5,300\n"
    "rivierenland,16,1,12,7,4,5,300\n"
    "landelijk,16,8,9,7,5,5,300\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules_registration *regs;
	struct rules_vacation *vac = NULL;
	struct rules_policy pols[3];
	struct rules_calendar cal;
	struct rules_signal sig[64];
	struct csv_error err;
	size_t nregs, nvac = 0, npol, line, nsig;
	const char *buf, *sep;
	size_t len, rlen;

	if (size < 1)
		return 0;
	buf = (const char *)data + 1;
	len = size - 1;
	sep = NULL;
	for (size_t i = 0; i + 3 <= len; i++)
		if (memcmp(buf + i, "%%\n", 3) == 0) {
			sep = buf + i;
			break;
		}
	rlen = sep ? (size_t)(sep - buf) : len;

	if (csv_read_registrations(buf, rlen, &regs, &nregs, &err) != 0) {
		if (err.msg[0] == '\0' || regs != NULL || err.line > rlen + 1)
			__builtin_trap();
		return 0;
	}
	if (sep != NULL &&
	    csv_read_vacations(sep + 3, len - rlen - 3, &vac, &nvac, &err) != 0) {
		if (err.msg[0] == '\0' || vac != NULL)
			__builtin_trap();
		free(regs);
		return 0;
	}
	for (size_t i = 0; i < nregs; i++)
		if (regs[i].minuten < 0 || regs[i].minuten > 1440 || regs[i].soort >= RULES_REG__MAX)
			__builtin_trap();
	for (size_t i = 0; i < nvac; i++)
		if (vac[i].start > vac[i].end)
			__builtin_trap();

	rules_registrations_sort(regs, nregs);
	rules_date d;
	if (nregs > 0)
		d = regs[nregs - 1].datum - (data[0] & 0x3);
	else if (rules_date_from_ymd(2026, 3, 20, &d) != 0)
		__builtin_trap();
	if (rules_policies_parse(POLICIES, sizeof(POLICIES) - 1, pols, 3, &npol, &line) != RULES_OK)
		__builtin_trap();
	rules_date from = nregs > 0 ? regs[0].datum : d;
	if ((int64_t)d - from > 20 * 366)
		from = d + 1;   /* only the slow path */
	if (rules_calendar_init(&cal, vac, nvac, data[0] & 0x80, from - 120, d + 14) != RULES_OK)
		__builtin_trap();
	struct rules_student st = { d - 365 * (5 + (data[0] >> 2 & 0x1f)), data[0] & 0x40, 0,
		(enum rules_school_sort)(data[0] % RULES_SORT__MAX) };
	int rc = rules_signals(&cal, &pols[(data[0] >> 4) % 3], &st, regs, nregs, d, sig, 64, &nsig);
	if (rc != RULES_OK && rc != RULES_ESPACE)
		__builtin_trap();
	for (size_t i = 0; rc == RULES_OK && i < nsig; i++) {
		if (sig[i].datum > d || sig[i].kind >= RULES_SIGNAL__MAX ||
		    (i > 0 && sig[i].datum < sig[i - 1].datum))
			__builtin_trap();
	}
	rules_calendar_free(&cal);
	free(regs);
	free(vac);
	return 0;
}
