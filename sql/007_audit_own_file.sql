-- The audit log moves to its own file (sql/audit.sql, attached here as audit_file by
-- store_migrate). Rows an earlier version wrote into this database go along, ids and hashes
-- unchanged, so the chain still verifies; only when the audit file has none yet.
INSERT INTO audit_file.audit (id, at, user_id, action, object, address, hash)
	SELECT id, at, user_id, action, object, address, hash FROM main.audit
	WHERE NOT EXISTS (SELECT 1 FROM audit_file.audit) ORDER BY id;
DROP TABLE main.audit;
