/*
 * verzuimctl audit verify --db FILE: recompute the audit chain and name the first entry whose
 * hash does not follow from its fields and the entry before it (changed, inserted or removed).
 * Only reads: it also checks a read-only backup copy (both files), and changes nothing on disk.
 */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "ctl/ctl.h"
#include "store/store.h"

int
cmd_audit(int argc, char **argv)
{
	const char *db = NULL;
	struct ctl_opt opts[] = {
		{ "--db", CTL_OPT_STRING, &db, 1, 0 },
	};
	struct store *s;
	int64_t n, bad;
	int rc;

	if (argc < 1 || strcmp(argv[0], "verify") != 0)
		return ctl_error("audit: onbekende opdracht (gebruik: audit verify --db BESTAND)");
	if (ctl_parse_opts("audit verify", argc - 1, argv + 1, opts, 1) != 0)
		return CTL_EXIT_USAGE;
	if (sodium_init() < 0)
		return CTL_EXIT_FAIL;
	if ((s = ctl_open_db_mode("audit verify", db, STORE_READONLY)) == NULL)
		return CTL_EXIT_FAIL;
	rc = store_audit_verify(s, &n, &bad);
	store_close(s);
	switch (rc) {
	case 0:
		printf("{\"ok\":true,\"regels\":%lld}\n", (long long)n);
		return CTL_EXIT_OK;
	case 1:
		printf("{\"ok\":false,\"eerste_fout\":%lld}\n", (long long)bad);
		fprintf(stderr, "verzuimctl: audit verify: regel %lld is gewijzigd of hoort niet in "
		    "de keten\n", (long long)bad);
		return CTL_EXIT_FAIL;
	default:
		fprintf(stderr, "verzuimctl: audit verify: het auditlogboek kan niet worden gelezen\n");
		return CTL_EXIT_FAIL;
	}
}
