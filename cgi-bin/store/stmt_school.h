/* Statements of the school area: students, absence registrations, signals, meldingen (school side). Same X(id, sql) form as stmt.h. */
#ifndef STORE_STMT_SCHOOL_H
#define STORE_STMT_SCHOOL_H

#define STMT_LIST_SCHOOL \
X(STMT_SCHOOL__NONE, "SELECT 1")

#endif
