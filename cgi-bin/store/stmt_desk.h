/* Statements of the desk area: desks: inbox, handling, MAS actions, overviews. Same X(id, sql) form as stmt.h. */
#ifndef STORE_STMT_DESK_H
#define STORE_STMT_DESK_H

#define STMT_LIST_DESK \
X(STMT_DESK__NONE, "SELECT 1")

#endif
