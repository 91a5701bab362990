#include "store/stmt.h"

const char *const stmts[STMT__MAX] = {
#define X(id, sql) sql,
	STMT_LIST
#undef X
};
