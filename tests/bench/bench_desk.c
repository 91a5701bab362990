/*
 * Issue 6, acceptance 4: the inbox of a desk with 100,000 meldingen renders a page in under 50 ms.
 * A fresh database (the migrations and demo data of sql/) gets 100,000 meldingen at the Zoetermeer
 * leerplicht desk; then the inbox handler itself (store query, template, layout, audit entry) is
 * timed for the first page, a deep page and a filtered page. The data is generated, not timed.
 * Run from the source root (make bench does); VERZUIM_ROOT overrides. Exit 1 when over 50 ms.
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
#include "store/internal.h"
#include "util/user.h"

#define MELDINGEN	100000
#define LIMIT_MS	50.0
#define ROUNDS		20

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *p;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	if (n < 0 || (p = malloc((size_t)n + 1)) == NULL) {
		fclose(f);
		return NULL;
	}
	if (fread(p, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(p);
		return NULL;
	}
	p[n] = '\0';
	fclose(f);
	return p;
}

static const char GEN[] =
    "BEGIN;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
    "INSERT INTO melding (student_id, school_id, soort, status, routed_to, loket_id, age_group, "
    "period_start, unauthorised_minutes, has_verzuimstaat, school_year, filed_by, filed_at, "
    "treated_at) SELECT 1 + i % 20, 1, "
    "CASE i % 4 WHEN 0 THEN '16uur' WHEN 1 THEN 'luxe' WHEN 2 THEN 'lrv' ELSE 'overig' END, "
    "CASE WHEN i % 10 = 0 THEN 'geregistreerd' WHEN i % 10 < 4 THEN 'in_behandeling' "
    "WHEN i % 10 < 9 THEN 'afgesloten' ELSE 'ter_kennisgeving' END, 'leerplicht', 10, "
    "CASE WHEN i % 3 = 0 THEN '18-23' ELSE '5-18' END, '2026-09-01', 960, 1, '2026-2027', 2, "
    "1780000000 + i * 60, CASE WHEN i % 10 <> 0 THEN 1780000000 + i * 60 + 86400 END FROM n;"
    "COMMIT;";

struct run {
	const char	*name;
	const char	*query;	/* urlencoded */
};

static const struct run runs[] = {
	{ "eerste pagina", "" },
	{ "pagina 2000 (diep)", "pagina=2000" },
	{ "gefilterd (soort, leeftijd, status)", "soort=luxe&leeftijd=18-23&status=afgesloten" },
	{ "gefilterd op school", "school=1&pagina=3" },
};

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(void)
{
	const char *root = getenv("VERZUIM_ROOT") ? getenv("VERZUIM_ROOT") : ".";
	char dir[] = "/tmp/bench-desk.XXXXXX", db[300], sqldir[300], tdir[300], err[400], *demo;
	struct config cfg;
	struct app app;
	struct req *r;
	struct tmpl_set *tmpl;
	double t0, times[ROUNDS], worst_median = 0;
	int failed = 0;

	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(db, sizeof(db), "%s/verzuim.db", dir);
	snprintf(sqldir, sizeof(sqldir), "%.280s/sql", root);
	snprintf(tdir, sizeof(tdir), "%.280s/templates", root);
	memset(&cfg, 0, sizeof(cfg));
	memset(&app, 0, sizeof(app));
	cfg.db = db;
	cfg.sql_dir = sqldir;
	cfg.tmpl_dir = tdir;
	app.cfg = &cfg;
	if (store_migrate(db, sqldir, err, sizeof(err)) != 0 ||
	    (app.store = store_open(db, err, sizeof(err))) == NULL ||
	    (tmpl = tmpl_load_dir(tdir, err, sizeof(err))) == NULL) {
		fprintf(stderr, "bench_desk: %s\n", err);
		return 2;
	}
	app.tmpl = tmpl;
	snprintf(err, sizeof(err), "%s/demo.sql", sqldir);
	if ((demo = slurp(err)) == NULL || sqlite3_exec(app.store->db, demo, NULL, NULL, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "bench_desk: demo data: %s\n", sqlite3_errmsg(app.store->db));
		return 2;
	}
	free(demo);
	t0 = now_ms();
	if (sqlite3_exec(app.store->db, GEN, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_desk: %s\n", sqlite3_errmsg(app.store->db));
		return 2;
	}
	printf("bench_desk: %d meldingen at desk 10 generated in %.0f ms\n", MELDINGEN, now_ms() - t0);

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return 2;
	r->app = &app;
	r->method = METHOD_GET;
	r->logged_in = 1;
	r->user.id = 4;
	r->user.role = ROLE_LEERPLICHT;
	r->user.loket_id = 10;
	snprintf(r->user.name, sizeof(r->user.name), "Lotte Leerplichtambtenaar");
	snprintf(r->user.email, sizeof(r->user.email), "leerplicht@demo.nl");
	snprintf(r->path, sizeof(r->path), "/loket");
	snprintf(r->addr, sizeof(r->addr), "127.0.0.1");
	memset(r->csrf, 'a', 64);

	for (size_t k = 0; k < sizeof(runs) / sizeof(runs[0]); k++) {
		double med;
		fields_free(&r->query);
		if (runs[k].query[0] != '\0' &&
		    urlenc_parse(runs[k].query, strlen(runs[k].query), NULL, &r->query) != PARSE_OK) {
			fprintf(stderr, "bench_desk: bad query %s\n", runs[k].query);
			return 2;
		}
		for (int i = 0; i < ROUNDS; i++) {
			buf_reset(&r->body);
			buf_reset(&r->headers);
			r->done = 0;
			t0 = now_ms();
			page_desk_inbox(r);
			times[i] = now_ms() - t0;
			if (r->status != 200 || strstr(r->body.p, "/loket/meldingen/") == NULL) {
				fprintf(stderr, "bench_desk: %s answered %d without meldingen\n",
				    runs[k].name, r->status);
				return 2;
			}
		}
		qsort(times, ROUNDS, sizeof(times[0]), cmp_double);
		med = times[ROUNDS / 2];
		if (med > worst_median)
			worst_median = med;
		printf("bench_desk: inbox %-40s median %6.2f ms, max %6.2f ms, %zu bytes\n",
		    runs[k].name, med, times[ROUNDS - 1], r->body.len);
		if (med > LIMIT_MS)
			failed = 1;
	}
	printf("bench_desk: inbox of a desk with %d meldingen: %.2f ms per page (limit %.0f ms): %s\n",
	    MELDINGEN, worst_median, LIMIT_MS, failed ? "TOO SLOW" : "ok");
	fields_free(&r->query);
	buf_free(&r->body);
	buf_free(&r->headers);
	free(r);
	store_close(app.store);
	tmpl_free(tmpl);
	unlink(db);
	snprintf(err, sizeof(err), "%s/verzuim.db-wal", dir);
	unlink(err);
	snprintf(err, sizeof(err), "%s/verzuim.db-shm", dir);
	unlink(err);
	rmdir(dir);
	return failed;
}
