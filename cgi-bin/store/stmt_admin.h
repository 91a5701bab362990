/* Statements of the admin area: accounts management (beheer), one-time links, outbox. Same X(id, sql) form as stmt.h. */
#ifndef STORE_STMT_ADMIN_H
#define STORE_STMT_ADMIN_H

#define STMT_LIST_ADMIN \
X(STMT_ADMIN__NONE, "SELECT 1")

#endif
