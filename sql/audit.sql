-- The audit log's own file (store_audit_path: verzuim.db -> verzuim-audit.db), applied at every
-- start, so everything here is IF NOT EXISTS. A file of its own: appending a row for every page
-- view must not take the main database's write lock, nor make every worker drop its cache of
-- the main database (SQLite does that whenever the file changed). 007_audit_own_file.sql moved
-- the rows an earlier version kept in the main database.
-- Append-only; each row's hash chains to the previous row's (verzuimctl audit verify).
CREATE TABLE IF NOT EXISTS audit (
	id		INTEGER PRIMARY KEY,
	at		INTEGER NOT NULL,
	user_id		INTEGER,
	action		TEXT NOT NULL,
	object		TEXT NOT NULL,
	address		TEXT NOT NULL,
	hash		BLOB NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
