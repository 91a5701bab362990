/*
 * Issue 5, acceptance 4: the school's signals overview for a school of 2,000 students with a
 * school year of registrations renders in under 200 ms. Builds such a database (generated, not
 * timed), then times the real handler page_school_signals — store query, calendar, rules_signals
 * per student, template rendering into the layout — as a worker runs it, without the network.
 * Run from anywhere: paths are found from argv[0] (tests/bench/bench_school → the tree's root).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include "http/app.h"
#include "http/template.h"
#include "pages/pages.h"
#include "store/store.h"

#define STUDENTS	2000
#define RUNS		15
#define LIMIT_MS	200.0

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static uint32_t
next(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int
exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "bench_school: %s: %s\n", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* One school (mbo, Haaglanden, the demo calendar) with STUDENTS students and a year of absence. */
static int
populate(const char *path, size_t *nregs)
{
	static const struct { const char *s, *e; } vac[] = {
		{ "2025-10-18", "2025-10-26" }, { "2025-12-20", "2026-01-04" },
		{ "2026-02-14", "2026-02-22" }, { "2026-04-25", "2026-05-10" },
		{ "2026-07-18", "2026-08-30" }, { "2026-10-17", "2026-10-25" },
		{ "2026-12-19", "2027-01-03" }, { "2027-02-20", "2027-02-28" },
		{ "2027-04-24", "2027-05-09" }, { "2027-07-17", "2027-08-29" },
	};
	sqlite3 *db;
	sqlite3_stmt *st, *rg;
	struct rules_vacation v[sizeof(vac) / sizeof(vac[0])];
	struct rules_calendar cal;
	rules_date today = school_today(), d;
	uint32_t seed = 2463534242u;
	char sql[512], ds[11];

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	if (exec(db, "BEGIN") || exec(db, "INSERT INTO gemeente (id, name, region) VALUES (8, "
	    "'Zoetermeer', 'haaglanden')") || exec(db, "INSERT INTO loket (id, gemeente_id, name, "
	    "department, phone, email, covers_leerplicht, covers_rmc) VALUES (10, 8, 'Leerplicht', "
	    "'x', 'x', 'x', 1, 0), (11, 8, 'RMC', 'x', 'x', 'x', 0, 1)") ||
	    exec(db, "INSERT INTO calendar (id, name) VALUES (1, 'Regio midden')") ||
	    exec(db, "INSERT INTO school (id, brin, name, sort, region, calendar_id, gemeente_id) "
	    "VALUES (1, '99ZM', 'Bench College', 'mbo', 'haaglanden', 1, 8)") ||
	    exec(db, "INSERT INTO app_user (id, email, name, role, school_id) VALUES (2, "
	    "'school@bench.nl', 'Bench', 'school', 1)"))
		return -1;
	for (size_t i = 0; i < sizeof(vac) / sizeof(vac[0]); i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO vacation (calendar_id, start_date, end_date, "
		    "name) VALUES (1, '%s', '%s', 'vakantie')", vac[i].s, vac[i].e);
		if (exec(db, sql))
			return -1;
		rules_date_parse(vac[i].s, 10, &v[i].start);
		rules_date_parse(vac[i].e, 10, &v[i].end);
	}
	if (rules_calendar_init(&cal, v, sizeof(v) / sizeof(v[0]), 1, today - 400, today) != 0)
		return -1;
	sqlite3_prepare_v2(db, "INSERT INTO student (id, school_id, number, first_name, last_name, "
	    "birth_date, gemeente_id, class_name) VALUES (?, 1, ?, 'Leerling', ?, ?, 8, 'K1')", -1,
	    &st, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO registration (student_id, date, kind, minutes, "
	    "created_by, source) VALUES (?, ?, ?, ?, 2, 'import')", -1, &rg, NULL);
	*nregs = 0;
	for (int s = 1; s <= STUDENTS; s++) {
		char num[16], name[32], born[11];
		int profile = (int)(next(&seed) % 100);
		rules_date b;

		/* Ages 12 to 22: leerplicht, kwalificatieplicht and RMC students. */
		rules_date_from_ymd(2004 + (int)(next(&seed) % 11), 1 + (int)(next(&seed) % 12),
		    1 + (int)(next(&seed) % 28), &b);
		rules_date_format(b, born);
		snprintf(num, sizeof(num), "%d", 100000 + s);
		snprintf(name, sizeof(name), "Bench%04d", s);
		sqlite3_bind_int(st, 1, s);
		sqlite3_bind_text(st, 2, num, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, born, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			return -1;
		sqlite3_reset(st);
		/* The last 365 days: most students now and then absent, late or ill; some often; a
		 * few away for weeks on end. */
		for (d = today - 365; d <= today; d++) {
			uint32_t x = next(&seed) % 1000;
			const char *kind = NULL;
			int min = 0;

			if (!rules_is_school_day(&cal, d))
				continue;
			if (profile < 3 && d > today - 60)
				kind = "ongeoorloofd", min = 300;
			else if (x < (profile < 20 ? 60u : 15u))
				kind = "ongeoorloofd", min = 50 * (1 + (int)(next(&seed) % 6));
			else if (x < 60 + 30u)
				kind = "te_laat", min = 5 + (int)(next(&seed) % 30);
			else if (x < 90 + 35u)
				kind = "ziek", min = 300;
			if (kind == NULL)
				continue;
			rules_date_format(d, ds);
			sqlite3_bind_int(rg, 1, s);
			sqlite3_bind_text(rg, 2, ds, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(rg, 3, kind, -1, SQLITE_STATIC);
			sqlite3_bind_int(rg, 4, min);
			if (sqlite3_step(rg) != SQLITE_DONE)
				return -1;
			sqlite3_reset(rg);
			(*nregs)++;
		}
	}
	sqlite3_finalize(st);
	sqlite3_finalize(rg);
	rules_calendar_free(&cal);
	if (exec(db, "COMMIT") || exec(db, "ANALYZE"))
		return -1;
	sqlite3_close(db);
	return 0;
}

int
main(int argc, char *argv[])
{
	char root[1024], dir[] = "/tmp/bench-school-XXXXXX", db[1200], sqldir[1200], tdir[1200];
	char pol[1200], err[512], text[8192];
	struct config cfg = { .socket = "", .key_file = "", .workers = 1 };
	struct app app;
	struct req r;
	size_t nregs = 0, errline, len;
	double t[RUNS];
	FILE *f;
	char *slash;

	(void)argc;
	snprintf(root, sizeof(root), "%s", argv[0]);
	if ((slash = strrchr(root, '/')) != NULL)
		*slash = '\0';
	else
		snprintf(root, sizeof(root), ".");
	strncat(root, "/../..", sizeof(root) - strlen(root) - 1);
	snprintf(sqldir, sizeof(sqldir), "%s/sql", root);
	snprintf(tdir, sizeof(tdir), "%s/templates", root);
	snprintf(pol, sizeof(pol), "%s/sql/policies.csv", root);
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(db, sizeof(db), "%s/verzuim.db", dir);
	cfg.db = db;
	cfg.sql_dir = sqldir;
	cfg.tmpl_dir = tdir;

	memset(&app, 0, sizeof(app));
	app.cfg = &cfg;
	if (store_migrate(db, sqldir, err, sizeof(err)) != 0 || populate(db, &nregs) != 0 ||
	    (app.store = store_open(db, err, sizeof(err))) == NULL ||
	    (app.tmpl = tmpl_load_dir(tdir, err, sizeof(err))) == NULL ||
	    (f = fopen(pol, "rb")) == NULL) {
		fprintf(stderr, "bench_school: set-up failed: %s\n", err);
		return 1;
	}
	len = fread(text, 1, sizeof(text), f);
	fclose(f);
	if (rules_policies_parse(text, len, app.policies, 8, &app.npolicies, &errline) != 0) {
		fprintf(stderr, "bench_school: policies\n");
		return 1;
	}
	for (int i = 0; i < RUNS; i++) {
		double t0;
		memset(&r, 0, sizeof(r));
		r.app = &app;
		r.method = METHOD_GET;
		snprintf(r.path, sizeof(r.path), "/school/signalen");
		r.logged_in = 1;
		r.user.id = 2;
		r.user.role = ROLE_SCHOOL;
		r.user.school_id = 1;
		t0 = now_ms();
		page_school_signals(&r);
		t[i] = now_ms() - t0;
		if (r.status != 200 || r.body.len == 0 || strstr(r.body.p, "data-signaal=") == NULL) {
			fprintf(stderr, "bench_school: the page did not render signals (status %d)\n",
			    r.status);
			return 1;
		}
		if (i == RUNS - 1) {
			const char *p = strstr(r.body.p, "open signaal");
			printf("bench_school: %.60s...\n", p ? p - 40 : "");
		}
		buf_free(&r.body);
		buf_free(&r.headers);
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	printf("bench_school: signals overview, %d students, %zu registrations in the last 365 days: "
	    "median %.1f ms, max %.1f ms over %d runs (limit %.0f ms)\n", STUDENTS, nregs,
	    t[RUNS / 2], t[RUNS - 1], RUNS, LIMIT_MS);
	store_close(app.store);
	unlink(db);
	{
		char p2[1300];
		snprintf(p2, sizeof(p2), "%s-wal", db);
		unlink(p2);
		snprintf(p2, sizeof(p2), "%s-shm", db);
		unlink(p2);
	}
	rmdir(dir);
	if (t[RUNS / 2] > LIMIT_MS) {
		printf("FAIL: bench_school: median %.1f ms over the %.0f ms limit\n", t[RUNS / 2],
		    LIMIT_MS);
		return 1;
	}
	printf("PASS: bench_school: signals overview under %.0f ms\n", LIMIT_MS);
	return 0;
}
