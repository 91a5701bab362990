/* Statements of the leave area: leave requests (verlofaanvragen) and decisions. Same X(id, sql) form as stmt.h. */
#ifndef STORE_STMT_LEAVE_H
#define STORE_STMT_LEAVE_H

#define STMT_LIST_LEAVE \
X(STMT_LEAVE__NONE, "SELECT 1")

#endif
