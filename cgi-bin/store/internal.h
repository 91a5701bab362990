/* Private to the store: the statement table and the connection. */
#ifndef STORE_INTERNAL_H
#define STORE_INTERNAL_H

#include <sqlite3.h>
#include "store/stmt.h"

struct store {
	sqlite3		*db;
	sqlite3		*adb;		/* the audit log's own file */
	sqlite3_stmt	*stmt[STMT__MAX];
};

/* The statement, reset and with bindings cleared, ready to bind. */
sqlite3_stmt *stmt_get(struct store *, enum stmt);
/* Run a statement that returns no rows; 0 or -1. */
int	 stmt_exec(struct store *, sqlite3_stmt *);
/* Copy column i as text into dst (always NUL-terminated). */
void	 col_text(sqlite3_stmt *, int i, char *dst, size_t dstsz);
json_t	*col_json(sqlite3_stmt *, int i);
/* A JSON object of the current row, keyed by column name. */
json_t	*row_json(sqlite3_stmt *);
/* Step a bound statement once: its row as a JSON object, or NULL; the statement is reset. */
json_t	*row1_json(sqlite3_stmt *);
/* Step once: column 0 as an integer, or dflt when there is no row; the statement is reset. */
int64_t	 int1(sqlite3_stmt *, int64_t dflt);
/* All rows of a prepared and bound statement as a JSON array of objects. */
json_t	*rows_json(sqlite3_stmt *);

#endif /* STORE_INTERNAL_H */
