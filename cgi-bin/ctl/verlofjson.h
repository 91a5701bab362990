/*
 * verlofjson.h — the leave request of `verzuimctl verlof` (SPEC §9) from JSON. Pure: text in,
 * a request out, or a one-line Dutch message (with the line number where JSON has one).
 */
#ifndef CTL_VERLOFJSON_H
#define CTL_VERLOFJSON_H

#include <stddef.h>

#include "rules/rules.h"

int verlof_request_parse(const char *text, size_t len, struct rules_leave_request *req,
    char *err, size_t errlen);

#endif
