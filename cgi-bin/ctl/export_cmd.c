/*
 * verzuimctl export --db FILE --van D --tot D [--loket ID]: the meldingen filed from van through
 * tot (dates in Europe/Amsterdam) as CSV on stdout, for the municipality's reports (SPEC §9
 * "exports"). No column names a child: the melding's number, dates, soort, status, age group,
 * route, desk, school and closing reason. The export itself is written to the audit log.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ctl/ctl.h"
#include "pages/desk.h"
#include "store/admin.h"
#include "store/store.h"
#include "util/buf.h"

static const char *const header[] = {
	"melding", "ingediend", "soort", "status", "leeftijdsgroep", "route", "loket", "gemeente",
	"brin", "school", "schooljaar", "reden_afsluiting", "in_behandeling",
};
#define NCOLS (sizeof(header) / sizeof(header[0]))

struct out {
	struct buf	 b;
	size_t		 n;
	int		 failed;
	int		 count_only;	/* the first pass: rows counted for the audit entry */
};

/* A timestamp column as its Europe/Amsterdam date, or "" for 0. */
static void
put_date(struct buf *b, const char *ts, int last)
{
	char d[11] = "";
	long long t = strtoll(ts, NULL, 10);

	if (t > 0)
		desk_local_date((int64_t)t, d);
	buf_csv(b, d, ',', last);
}

static void
row(void *arg, const char *const cols[13])
{
	struct out *o = arg;

	o->n++;
	if (o->count_only)
		return;
	for (size_t i = 0; i < NCOLS; i++) {
		if (i == 1 || i == NCOLS - 1)
			put_date(&o->b, cols[i], i == NCOLS - 1);
		else
			buf_csv(&o->b, cols[i], ',', 0);
	}
	/* Written out as it grows: an export of a whole year stays small in memory. */
	if (o->b.len > 64 * 1024) {
		o->failed |= fwrite(o->b.p, 1, o->b.len, stdout) != o->b.len;
		buf_reset(&o->b);
	}
}

int
cmd_export(int argc, char **argv)
{
	const char *db = NULL;
	rules_date van = 0, tot = 0;
	long loket = 0;
	struct ctl_opt opts[] = {
		{ "--db", CTL_OPT_STRING, &db, 1, 0 },
		{ "--van", CTL_OPT_DATE, &van, 1, 0 },
		{ "--tot", CTL_OPT_DATE, &tot, 1, 0 },
		{ "--loket", CTL_OPT_INT, &loket, 0, 0 },
	};
	struct out o = { BUF_INIT, 0, 0, 1 };
	struct store *s;
	char object[120], vs[11], ts[11];
	int y, m, d, rc;
	int64_t from, to;

	if (ctl_parse_opts("export", argc, argv, opts, 4) != 0)
		return CTL_EXIT_USAGE;
	if (van > tot)
		return ctl_error("export: --van ligt na --tot");
	if (loket < 0)
		return ctl_error("export: --loket is een nummer van een loket");
	rules_date_to_ymd(van, &y, &m, &d);
	from = desk_local_midnight(y, m, d);
	rules_date_to_ymd(tot + 1, &y, &m, &d);
	to = desk_local_midnight(y, m, d);
	/* The database only read; the audit log appended to (a read-only copy: refused below). */
	if ((s = ctl_open_db_mode(NULL, db, STORE_READ_AUDIT)) == NULL)
		return CTL_EXIT_FAIL;
	if (loket > 0 && !store_admin_exists(s, "loket", loket)) {
		store_close(s);
		return ctl_error("export: geen loket met nummer %ld", loket);
	}
	/*
	 * The export is in the audit log before any of it leaves: a first pass counts the rows for
	 * the entry, the second writes them out as it goes. One snapshot for both, so the rows
	 * logged are the rows written.
	 */
	rc = store_read_begin(s) == 0 ? store_export_meldingen(s, from, to, loket, row, &o) : -1;
	rules_date_format(van, vs);
	rules_date_format(tot, ts);
	snprintf(object, sizeof(object), "meldingen:%s:%s:loket:%ld:%zu", vs, ts, loket, o.n);
	if (rc == 0 && ctl_audit(s, "export", "export", object) != 0) {
		store_read_end(s);
		store_close(s);
		return CTL_EXIT_FAIL;
	}
	if (rc == 0) {
		for (size_t i = 0; i < NCOLS; i++)
			buf_csv(&o.b, header[i], ',', i == NCOLS - 1);
		o.count_only = 0;
		o.n = 0;
		rc = store_export_meldingen(s, from, to, loket, row, &o);
	}
	if (rc == 0 && o.b.len > 0)
		o.failed |= fwrite(o.b.p, 1, o.b.len, stdout) != o.b.len;
	buf_free(&o.b);
	store_read_end(s);
	store_close(s);
	if (rc != 0 || o.failed || fflush(stdout) != 0) {
		fprintf(stderr, "verzuimctl: export: %s\n", rc != 0 ? "de database kan niet worden "
		    "gelezen" : "kan niet schrijven");
		return CTL_EXIT_FAIL;
	}
	return CTL_EXIT_OK;
}
