/* The region policies of SPEC §4 as data: a parser for sql/policies.csv. */
#include <string.h>

#include "rules/rules.h"

enum column {
	COL_REGIO,
	COL_UREN_16UUR,
	COL_LICHT_UREN,
	COL_TE_LAAT_AANTAL,
	COL_ZIEK_DAGEN,
	COL_ZIEK_MELDINGEN,
	COL_SCHORSING_MAX,
	COL_DAG_MINUTEN,
	COL__MAX
};

static const char *const column_names[COL__MAX] = {
	"regio",                /* COL_REGIO */
	"uren_16uur",           /* COL_UREN_16UUR */
	"licht_uren",           /* COL_LICHT_UREN */
	"te_laat_aantal",       /* COL_TE_LAAT_AANTAL */
	"ziek_dagen",           /* COL_ZIEK_DAGEN */
	"ziek_meldingen",       /* COL_ZIEK_MELDINGEN */
	"schorsing_max",        /* COL_SCHORSING_MAX */
	"dag_minuten",          /* COL_DAG_MINUTEN */
};

/* Upper bounds that keep minute sums far from overflow; lower bound is 1 for all. */
static const int column_max[COL__MAX] = {
	0, 1000, 1000, 10000, 1000, RULES_ZIEK_MELDINGEN_MAX, 1000, 1440,
};

struct span {
	const char *p;
	size_t n;
};

static struct span
trim(const char *p, size_t n)
{
	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
		n--;
	return (struct span){ p, n };
}

/* Splits one line into at most max comma-separated fields; returns the count or -1 if more. */
static int
split(const char *p, size_t n, struct span *f, int max)
{
	int k = 0;
	size_t start = 0;

	for (size_t i = 0; i <= n; i++)
		if (i == n || p[i] == ',') {
			if (k == max)
				return -1;
			f[k++] = trim(p + start, i - start);
			start = i + 1;
		}
	return k;
}

static int
span_eq(struct span s, const char *lit)
{
	return strlen(lit) == s.n && memcmp(s.p, lit, s.n) == 0;
}

static int
span_int(struct span s, int lo, int hi, int *out)
{
	int v = 0;

	if (s.n == 0 || s.n > 6)
		return -1;
	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return -1;
		v = v * 10 + (s.p[i] - '0');
	}
	if (v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int
set_field(struct rules_policy *pol, enum column c, struct span s)
{
	int *slot[COL__MAX] = {
		NULL, &pol->uren_16uur, &pol->licht_uren, &pol->te_laat_aantal, &pol->ziek_dagen,
		&pol->ziek_meldingen, &pol->schorsing_max, &pol->dag_minuten,
	};

	if (c == COL_REGIO) {
		if (s.n == 0 || s.n >= RULES_REGIO_LEN)
			return -1;
		for (size_t i = 0; i < s.n; i++)
			if (!((s.p[i] >= 'a' && s.p[i] <= 'z') || s.p[i] == '_' || s.p[i] == '-'))
				return -1;
		memcpy(pol->regio, s.p, s.n);
		pol->regio[s.n] = '\0';
		return 0;
	}
	return span_int(s, 1, column_max[c], slot[c]);
}

int
rules_policies_parse(const char *text, size_t len, struct rules_policy *out, size_t max,
    size_t *n, size_t *errline)
{
	int map[COL__MAX];      /* field index -> column */
	int have_header = 0;
	size_t line = 0, pos = 0;

	*n = 0;
	*errline = 0;
	while (pos < len) {
		const char *p = text + pos;
		const char *nl = memchr(p, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - p) : len - pos;
		struct span f[COL__MAX];
		struct span whole = trim(p, ll);

		pos += ll + (nl != NULL);
		line++;
		if (memchr(p, '\0', ll) != NULL)
			goto bad;
		if (whole.n == 0 || whole.p[0] == '#')
			continue;
		int k = split(p, ll, f, COL__MAX);
		if (k != COL__MAX)
			goto bad;
		if (!have_header) {
			unsigned seen = 0;
			for (int i = 0; i < k; i++) {
				int c;
				for (c = 0; c < COL__MAX; c++)
					if (span_eq(f[i], column_names[c]))
						break;
				if (c == COL__MAX || (seen & (1u << c)))
					goto bad;
				seen |= 1u << c;
				map[i] = c;
			}
			have_header = 1;
			continue;
		}
		if (*n == max) {
			*errline = line;
			return RULES_ESPACE;
		}
		struct rules_policy pol;
		memset(&pol, 0, sizeof(pol));
		pol.bevrijdingsdag = 1;	/* §3: default on; not a column of the CSV */
		for (int i = 0; i < k; i++)
			if (set_field(&pol, (enum column)map[i], f[i]) != 0)
				goto bad;
		if (pol.licht_uren > pol.uren_16uur)
			goto bad;
		for (size_t j = 0; j < *n; j++)
			if (strcmp(out[j].regio, pol.regio) == 0)
				goto bad;
		out[(*n)++] = pol;
	}
	if (!have_header) {
		*errline = line > 0 ? line : 1;
		return RULES_EINVAL;
	}
	return RULES_OK;
bad:
	*errline = line;
	return RULES_EINVAL;
}

int
rules_policy_max(const char *column)
{
	for (int c = COL_UREN_16UUR; c < COL__MAX; c++)
		if (strcmp(column_names[c], column) == 0)
			return column_max[c];
	return 0;
}

const struct rules_policy *
rules_policy_find(const struct rules_policy *policies, size_t n, const char *regio)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(policies[i].regio, regio) == 0)
			return &policies[i];
	return NULL;
}
