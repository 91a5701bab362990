/*
 * verzuimd: the Verzuimloket FastCGI application. Applies the migrations, in demo mode loads the
 * demo data, then serves FastCGI on a Unix socket with a pool of worker processes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sodium.h>
#include "http/app.h"
#include "store/store.h"

static void
usage(void)
{
	fprintf(stderr, "usage: verzuimd -s socket -d database -t templates -q sqldir -k keyfile "
	    "[-u base-url] [-w workers] [--demo]\n");
}

/* The key file is made once, mode 0600; it never goes into the database. */
static int
ensure_key(const char *path)
{
	unsigned char key[32];
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);

	if (fd < 0)
		return errno == EEXIST ? 0 : -1;
	randombytes_buf(key, sizeof(key));
	if (write(fd, key, sizeof(key)) != (ssize_t)sizeof(key)) {
		close(fd);
		return -1;
	}
	sodium_memzero(key, sizeof(key));
	return close(fd);
}

int
main(int argc, char *argv[])
{
	struct config cfg = { NULL, NULL, "templates", "sql", NULL, "http://127.0.0.1:8080", 4, 0 };
	struct store *s;
	char err[512];

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--demo") == 0) {
			cfg.demo = 1;
			continue;
		}
		if (v == NULL || a[0] != '-' || a[1] == '\0' || a[2] != '\0') {
			usage();
			return 2;
		}
		switch (a[1]) {
		case 's': cfg.socket = v; break;
		case 'd': cfg.db = v; break;
		case 't': cfg.tmpl_dir = v; break;
		case 'q': cfg.sql_dir = v; break;
		case 'k': cfg.key_file = v; break;
		case 'u': cfg.base_url = v; break;
		case 'w': cfg.workers = atoi(v); break;
		default: usage(); return 2;
		}
		i++;
	}
	if (cfg.socket == NULL || cfg.db == NULL || cfg.key_file == NULL || cfg.workers < 1 ||
	    cfg.workers > 64) {
		usage();
		return 2;
	}
	if (sodium_init() < 0 || ensure_key(cfg.key_file) != 0) {
		fprintf(stderr, "verzuimd: cannot create key file %s\n", cfg.key_file);
		return 1;
	}
	if (store_migrate(cfg.db, cfg.sql_dir, err, sizeof(err)) != 0) {
		fprintf(stderr, "verzuimd: %s\n", err);
		return 1;
	}
	if (cfg.demo) {
		unsigned char key[32];
		FILE *kf = fopen(cfg.key_file, "rb");
		size_t kn = kf ? fread(key, 1, sizeof(key), kf) : 0;
		if (kf)
			fclose(kf);
		if (kn != sizeof(key)) {
			fprintf(stderr, "verzuimd: cannot read key file %s\n", cfg.key_file);
			return 1;
		}
		if ((s = store_open(cfg.db, err, sizeof(err))) == NULL ||
		    store_demo(s, cfg.sql_dir, key, err, sizeof(err)) != 0) {
			fprintf(stderr, "verzuimd: %s\n", err);
			store_close(s);
			return 1;
		}
		store_close(s);
		sodium_memzero(key, sizeof(key));
	}
	return server_run(&cfg);
}
