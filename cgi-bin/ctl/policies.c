/* The region policies of SPEC §4, built in from sql/policies.csv (see ctl.mk). */
#include "ctl/ctl.h"

static const char policies_csv[] = {
#include "ctl/policies_csv.inc"
	'\0'
};

const char *
ctl_policies_csv(size_t *len)
{
	*len = sizeof(policies_csv) - 1;
	return policies_csv;
}
