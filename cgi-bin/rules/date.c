/* Dates as day numbers, Dutch civil time, public holidays and werkdagen (SPEC §3). */
#include <stdio.h>
#include "rules/rules.h"

const char *const rules_month_names[12] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
	"oktober", "november", "december",
};

const char *const rules_status_names[RULES_STATUS__MAX] = {
	"ok",           /* RULES_OK */
	"einval",       /* RULES_EINVAL */
	"espace",       /* RULES_ESPACE */
	"enomem",       /* RULES_ENOMEM */
	"eunsorted",    /* RULES_EUNSORTED */
};

const char *const rules_holiday_names[RULES_HOLIDAY__MAX] = {
	NULL,                   /* RULES_HOLIDAY_NONE */
	"Nieuwjaarsdag",        /* RULES_HOLIDAY_NIEUWJAARSDAG */
	"Goede Vrijdag",        /* RULES_HOLIDAY_GOEDE_VRIJDAG */
	"Tweede Paasdag",       /* RULES_HOLIDAY_TWEEDE_PAASDAG */
	"Koningsdag",           /* RULES_HOLIDAY_KONINGSDAG */
	"Bevrijdingsdag",       /* RULES_HOLIDAY_BEVRIJDINGSDAG */
	"Hemelvaartsdag",       /* RULES_HOLIDAY_HEMELVAARTSDAG */
	"Tweede Pinksterdag",   /* RULES_HOLIDAY_TWEEDE_PINKSTERDAG */
	"Eerste Kerstdag",      /* RULES_HOLIDAY_EERSTE_KERSTDAG */
	"Tweede Kerstdag",      /* RULES_HOLIDAY_TWEEDE_KERSTDAG */
};

/* Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian. */
static rules_date
days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
rules_date_to_ymd(rules_date date, int *y, int *m, int *d)
{
	int z = date + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

int
rules_is_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && rules_is_leap_year(y) ? 29 : mdays[m - 1];
}

int
rules_date_from_ymd(int y, int m, int d, rules_date *out)
{
	if (y < RULES_YEAR_MIN || y > RULES_YEAR_MAX || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	*out = days_from_civil(y, m, d);
	return 0;
}

static int
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int
rules_date_parse(const char *s, size_t len, rules_date *out)
{
	int y, m, d;

	if (s == NULL || len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return -1;
	return rules_date_from_ymd(y, m, d, out);
}

void
rules_date_format(rules_date date, char buf[11])
{
	int y, m, d;

	rules_date_to_ymd(date, &y, &m, &d);
	if (y < 0 || y > 9999) {
		buf[0] = '\0';
		return;
	}
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

int
rules_weekday(rules_date date)
{
	int r = (int)(((int64_t)date + 3) % 7);
	if (r < 0)
		r += 7;
	return r + 1;
}

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The instant of 01:00 UTC on the last Sunday of month (March or October: 31 days) of y. */
static int64_t
last_sunday_0100(int y, int month)
{
	rules_date d;

	if (rules_date_from_ymd(y, month, 31, &d) != 0)
		return 0;
	d -= rules_weekday(d) % 7;	/* Sunday is 7: stays */
	return (int64_t)d * 86400 + 3600;
}

int64_t
rules_nl_offset(int64_t ts)
{
	int y, m, d;

	rules_date_to_ymd((rules_date)floor_div(ts, 86400), &y, &m, &d);
	if (y < RULES_YEAR_MIN || y > RULES_YEAR_MAX)
		return 3600;
	return ts >= last_sunday_0100(y, 3) && ts < last_sunday_0100(y, 10) ? 7200 : 3600;
}

rules_date
rules_nl_date(int64_t ts)
{
	return (rules_date)floor_div(ts + rules_nl_offset(ts), 86400);
}

void
rules_date_long(rules_date date, char buf[32])
{
	int y, m, d;

	buf[0] = '\0';
	if (date == RULES_NO_DATE)
		return;
	rules_date_to_ymd(date, &y, &m, &d);
	if (y < RULES_YEAR_MIN || y > RULES_YEAR_MAX)
		return;
	snprintf(buf, 32, "%d %s %d", d, rules_month_names[(m - 1) % 12], y);
}

rules_date
rules_monday_of(rules_date date)
{
	return date - (rules_weekday(date) - 1);
}

rules_date
rules_school_year_start(rules_date date)
{
	int y, m, d;

	rules_date_to_ymd(date, &y, &m, &d);
	return days_from_civil(m >= 8 ? y : y - 1, 8, 1);
}

rules_date
rules_easter(int year)
{
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;
	return days_from_civil(year, month, day);
}

enum rules_holiday
rules_holiday_on(rules_date date, int bevrijdingsdag)
{
	int y, m, d;

	rules_date_to_ymd(date, &y, &m, &d);
	if (m == 1 && d == 1)
		return RULES_HOLIDAY_NIEUWJAARSDAG;
	if (m == 12 && d == 25)
		return RULES_HOLIDAY_EERSTE_KERSTDAG;
	if (m == 12 && d == 26)
		return RULES_HOLIDAY_TWEEDE_KERSTDAG;
	if (m == 4 && (d == 26 || d == 27)) {
		/* 27 April, or the 26th when the 27th is a Sunday. */
		int sunday27 = rules_weekday(date + (27 - d)) == 7;
		if ((d == 27 && !sunday27) || (d == 26 && sunday27))
			return RULES_HOLIDAY_KONINGSDAG;
	}
	if (m == 5 && d == 5 && bevrijdingsdag)
		return RULES_HOLIDAY_BEVRIJDINGSDAG;
	if (m >= 3 && m <= 6) {
		rules_date e = rules_easter(y);
		if (date == e - 2)
			return RULES_HOLIDAY_GOEDE_VRIJDAG;
		if (date == e + 1)
			return RULES_HOLIDAY_TWEEDE_PAASDAG;
		if (date == e + 39)
			return RULES_HOLIDAY_HEMELVAARTSDAG;
		if (date == e + 50)
			return RULES_HOLIDAY_TWEEDE_PINKSTERDAG;
	}
	return RULES_HOLIDAY_NONE;
}

int
rules_is_werkdag(rules_date date, int bevrijdingsdag)
{
	return rules_weekday(date) <= 5 &&
	    rules_holiday_on(date, bevrijdingsdag) == RULES_HOLIDAY_NONE;
}

rules_date
rules_werkdagen_add(rules_date date, int n, int bevrijdingsdag)
{
	while (n > 0) {
		date++;
		if (rules_is_werkdag(date, bevrijdingsdag))
			n--;
	}
	return date;
}

/* The public holidays of year y, without duplicates (Hemelvaartsdag can fall on 5 May). */
static int
holidays_of_year(int y, int bevrijdingsdag, rules_date out[9])
{
	rules_date e = rules_easter(y), cand[9];
	int n = 0, k = 0;

	cand[k++] = days_from_civil(y, 1, 1);
	cand[k++] = e - 2;
	cand[k++] = e + 1;
	rules_date kd = days_from_civil(y, 4, 27);
	cand[k++] = rules_weekday(kd) == 7 ? kd - 1 : kd;
	if (bevrijdingsdag)
		cand[k++] = days_from_civil(y, 5, 5);
	cand[k++] = e + 39;
	cand[k++] = e + 50;
	cand[k++] = days_from_civil(y, 12, 25);
	cand[k++] = days_from_civil(y, 12, 26);
	for (int i = 0; i < k; i++) {
		int dup = 0;
		for (int j = 0; j < n; j++)
			dup |= out[j] == cand[i];
		if (!dup)
			out[n++] = cand[i];
	}
	return n;
}

int64_t
rules_werkdagen_count(rules_date from, rules_date to, int bevrijdingsdag)
{
	int64_t n;
	int y0, y1, m, d;

	if (from > to)
		return 0;
	/* Weekdays: whole weeks, then the remaining days one by one. */
	int64_t days = (int64_t)to - from + 1;
	n = days / 7 * 5;
	for (rules_date x = (rules_date)(from + days / 7 * 7); x <= to; x++)
		n += rules_weekday(x) <= 5;
	rules_date_to_ymd(from, &y0, &m, &d);
	rules_date_to_ymd(to, &y1, &m, &d);
	for (int y = y0; y <= y1; y++) {
		rules_date h[9];
		int k = holidays_of_year(y, bevrijdingsdag, h);
		for (int i = 0; i < k; i++)
			if (h[i] >= from && h[i] <= to && rules_weekday(h[i]) <= 5)
				n--;
	}
	return n;
}
