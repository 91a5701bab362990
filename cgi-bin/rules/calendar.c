/* School days and school weeks of a school calendar (SPEC §3). */
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

#define WINDOW_SEARCH_WEEKS 520

static int
in_vacation(const struct rules_calendar *cal, rules_date date)
{
	size_t lo = 0, hi = cal->nvacations;

	/* Disjoint and sorted: the last vacation starting on or before date is the only candidate. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->vacations[mid].start <= date)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && date <= cal->vacations[lo - 1].end;
}

static int
cmp_vacation(const void *a, const void *b)
{
	const struct rules_vacation *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* Sorts v by start and merges overlapping and adjacent vacations; returns the new count. */
static size_t
merge_vacations(struct rules_vacation *v, size_t n)
{
	size_t k = 0;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_vacation);
	for (size_t i = 1; i < n; i++) {
		if ((int64_t)v[i].start <= (int64_t)v[k].end + 1) {
			if (v[i].end > v[k].end)
				v[k].end = v[i].end;
		} else
			v[++k] = v[i];
	}
	return k + 1;
}

/* School days in [from, to] without the table: werkdagen minus the werkdagen of vacations. */
static int64_t
school_days_slow(const struct rules_calendar *cal, rules_date from, rules_date to)
{
	int64_t n = rules_werkdagen_count(from, to, cal->bevrijdingsdag);

	for (size_t i = 0; i < cal->nvacations; i++) {
		rules_date a = cal->vacations[i].start, b = cal->vacations[i].end;
		if (b < from || a > to)
			continue;
		n -= rules_werkdagen_count(a > from ? a : from, b < to ? b : to, cal->bevrijdingsdag);
	}
	return n;
}

static int
school_day_slow(const struct rules_calendar *cal, rules_date date)
{
	return rules_is_werkdag(date, cal->bevrijdingsdag) && !in_vacation(cal, date);
}

static int
in_table(const struct rules_calendar *cal, rules_date date)
{
	return date >= cal->first && (int64_t)date - cal->first < cal->ndays;
}

int
rules_is_school_day(const struct rules_calendar *cal, rules_date date)
{
	if (in_table(cal, date))
		return cal->school[date - cal->first];
	return school_day_slow(cal, date);
}

int
rules_calendar_init(struct rules_calendar *cal, const struct rules_vacation *vacations,
    size_t nvacations, int bevrijdingsdag, rules_date from, rules_date to)
{
	size_t ndays = 0, nweeks, size;
	unsigned char *p;

	memset(cal, 0, sizeof(*cal));
	cal->bevrijdingsdag = bevrijdingsdag != 0;
	if (nvacations > SIZE_MAX / sizeof(*vacations) / 2)
		return RULES_ENOMEM;
	for (size_t i = 0; i < nvacations; i++)
		if (vacations[i].start > vacations[i].end)
			return RULES_EINVAL;
	if (from <= to) {
		from = rules_monday_of(from);
		to = rules_monday_of(to) + 6;
		if ((int64_t)to - from + 1 > 200 * 366)
			return RULES_EINVAL;
		ndays = (size_t)(to - from + 1);
	}
	nweeks = ndays / 7;
	/* One block: vacations, sd_date, sw_monday, sd_before, sw_before, school. */
	size = nvacations * sizeof(struct rules_vacation) + ndays * sizeof(rules_date) +
	    nweeks * sizeof(rules_date) + (ndays + 1) * sizeof(int32_t) +
	    (nweeks + 1) * sizeof(int32_t) + ndays + 1;
	if ((p = malloc(size)) == NULL)
		return RULES_ENOMEM;
	cal->block = p;
	cal->vacations = (struct rules_vacation *)p;
	if (nvacations > 0)
		memcpy(cal->vacations, vacations, nvacations * sizeof(*vacations));
	cal->nvacations = merge_vacations(cal->vacations, nvacations);
	p += nvacations * sizeof(struct rules_vacation);
	cal->sd_date = (rules_date *)p;
	p += ndays * sizeof(rules_date);
	cal->sw_monday = (rules_date *)p;
	p += nweeks * sizeof(rules_date);
	cal->sd_before = (int32_t *)p;
	p += (ndays + 1) * sizeof(int32_t);
	cal->sw_before = (int32_t *)p;
	p += (nweeks + 1) * sizeof(int32_t);
	cal->school = p;

	cal->first = from;
	cal->ndays = (int32_t)ndays;
	int32_t nsd = 0, nsw = 0;
	for (size_t w = 0; w < nweeks; w++) {
		int any = 0;
		cal->sw_before[w] = nsw;
		for (size_t i = w * 7; i < w * 7 + 7; i++) {
			rules_date date = from + (rules_date)i;
			cal->sd_before[i] = nsd;
			cal->school[i] = (unsigned char)school_day_slow(cal, date);
			if (cal->school[i]) {
				cal->sd_date[nsd++] = date;
				any = 1;
			}
		}
		if (any)
			cal->sw_monday[nsw++] = from + (rules_date)(w * 7);
	}
	cal->sd_before[ndays] = nsd;
	cal->sw_before[nweeks] = nsw;
	return RULES_OK;
}

void
rules_calendar_free(struct rules_calendar *cal)
{
	free(cal->block);
	memset(cal, 0, sizeof(*cal));
}

int32_t
rules_school_days(const struct rules_calendar *cal, rules_date from, rules_date to)
{
	int64_t n = 0;

	if (from > to)
		return 0;
	if (cal->ndays == 0 || to < cal->first || from >= cal->first + cal->ndays)
		return (int32_t)school_days_slow(cal, from, to);
	/* Before the table, inside it, after it. */
	if (from < cal->first) {
		n += school_days_slow(cal, from, cal->first - 1);
		from = cal->first;
	}
	rules_date end = cal->first + cal->ndays - 1;
	if (to > end)
		n += school_days_slow(cal, end + 1, to);
	else
		end = to;
	n += cal->sd_before[end - cal->first + 1] - cal->sd_before[from - cal->first];
	return (int32_t)n;
}

static int
school_week_slow(const struct rules_calendar *cal, rules_date monday)
{
	for (int i = 0; i < 5; i++)
		if (school_day_slow(cal, monday + i))
			return 1;
	return 0;
}

int
rules_is_school_week(const struct rules_calendar *cal, rules_date date)
{
	rules_date monday = rules_monday_of(date);

	if (in_table(cal, monday)) {
		int32_t w = (monday - cal->first) / 7;
		return cal->sw_before[w + 1] > cal->sw_before[w];
	}
	return school_week_slow(cal, monday);
}

rules_date
rules_prev_school_day(const struct rules_calendar *cal, rules_date date, rules_date floor)
{
	rules_date d = date;

	while (d > floor) {
		d--;
		if (in_table(cal, d)) {
			int32_t k = cal->sd_before[d - cal->first + 1];
			if (k > 0) {
				rules_date p = cal->sd_date[k - 1];
				return p >= floor ? p : RULES_NO_DATE;
			}
			d = cal->first;   /* nothing in the table before: continue below it */
			continue;
		}
		if (school_day_slow(cal, d))
			return d;
	}
	return RULES_NO_DATE;
}

rules_date
rules_window_start(const struct rules_calendar *cal, rules_date d)
{
	rules_date monday = rules_monday_of(d);
	int need = 4;

	if (in_table(cal, monday)) {
		int32_t w = (monday - cal->first) / 7;
		int32_t before = cal->sw_before[w];
		int own = cal->sw_before[w + 1] > before;
		/* own week is school week k = before; we need school weeks before - 3 .. before */
		int32_t k = own ? before - 3 : before - 4;
		if (k >= 0)
			return cal->sw_monday[k];
	}
	/* Slow path: walk back week by week. */
	rules_date m = monday;
	if (rules_is_school_week(cal, m))
		need = 3;
	for (int i = 0; need > 0 && i < WINDOW_SEARCH_WEEKS; i++) {
		m -= 7;
		if (rules_is_school_week(cal, m))
			need--;
	}
	return m;
}

void
rules_first_two_school_weeks(const struct rules_calendar *cal, rules_date date,
    rules_date *first, rules_date *last)
{
	rules_date aug1 = rules_school_year_start(date);
	rules_date d = aug1;
	int found = 0;

	/* The first school day on or after 1 August starts the first school week. */
	for (int i = 0; i < 366; i++, d++)
		if (rules_is_school_day(cal, d)) {
			found = 1;
			break;
		}
	if (!found) {
		*first = aug1;
		*last = aug1 - 1;
		return;
	}
	rules_date m = rules_monday_of(d);
	*first = m < aug1 ? aug1 : m;
	for (int i = 0; i < 53; i++) {
		m += 7;
		if (rules_is_school_week(cal, m)) {
			*last = m + 6;
			return;
		}
	}
	*last = rules_monday_of(d) + 6;
}
