/* Every SQL statement of the application, in one place. Handlers hold no SQL text. */
#ifndef STORE_STMT_H
#define STORE_STMT_H

#define STMT_LIST_CORE \
X(STMT_PING, "SELECT max(version) FROM schema_version") /* reads the file, not just the engine */ \
X(STMT_BEGIN, "BEGIN IMMEDIATE") \
X(STMT_BEGIN_READ, "BEGIN") \
X(STMT_COMMIT, "COMMIT") \
X(STMT_ROLLBACK, "ROLLBACK") \
X(STMT_LOKETTEN, \
  "SELECT l.id, g.name AS gemeente, l.name, l.department, l.phone, l.email, " \
  "l.covers_leerplicht, l.covers_rmc FROM loket l JOIN gemeente g ON g.id = l.gemeente_id " \
  "ORDER BY g.name, l.covers_rmc, l.id") \
X(STMT_USER_FOR_LOGIN, "SELECT id, pw_hash, disabled FROM app_user WHERE email = ?") \
X(STMT_USER_LOAD, \
  "SELECT id, role, IFNULL(school_id, 0), IFNULL(loket_id, 0), email, name FROM app_user " \
  "WHERE id = ? AND disabled = 0") \
X(STMT_SESSION_INSERT, \
  "INSERT INTO session (token_hash, user_id, csrf, created_at, seen_at) VALUES (?, ?, ?, ?, ?)") \
X(STMT_SESSION_FIND, \
  "SELECT s.id, s.csrf, s.created_at, s.seen_at, u.id, u.role, IFNULL(u.school_id, 0), " \
  "IFNULL(u.loket_id, 0), u.email, u.name FROM session s JOIN app_user u ON u.id = s.user_id " \
  "WHERE s.token_hash = ? AND u.disabled = 0") \
X(STMT_SESSION_TOUCH, "UPDATE session SET seen_at = ? WHERE id = ? AND seen_at < ?") \
X(STMT_SESSION_DELETE, "DELETE FROM session WHERE id = ?") \
X(STMT_SESSION_EXPIRE, "DELETE FROM session WHERE seen_at < ? OR created_at < ?") \
X(STMT_LOGIN_FAILURES, \
  "SELECT (SELECT count(*) FROM login_failure WHERE email_hash = ?1 AND address = ?2 AND at >= ?3), " \
  "(SELECT count(*) FROM login_failure WHERE address = ?2 AND at >= ?3), " \
  "(SELECT count(*) FROM login_failure WHERE email_hash = ?1 AND at >= ?3)") \
X(STMT_LOGIN_FAILURE_ADD, "INSERT INTO login_failure (email_hash, address, at) VALUES (?, ?, ?)") \
X(STMT_SCHOOL_COUNT, "SELECT count(*) FROM school") \
X(STMT_USERS_WITHOUT_PW, "SELECT id FROM app_user WHERE pw_hash IS NULL AND email LIKE '%@demo.nl'") \
X(STMT_USER_SET_PW, "UPDATE app_user SET pw_hash = ? WHERE id = ?") \
X(STMT_OUTBOX_ADD, "INSERT INTO outbox (to_addr, subject, body) VALUES (?, ?, ?)") \
X(STMT_OUTBOX_ADD_SEALED, \
  "INSERT INTO outbox (to_addr, subject, body, body_sealed) VALUES (?, ?, '', ?)") \
X(STMT_STUDENT_SET_BSN, "UPDATE student SET bsn_enc = ?, bsn_hash = ? WHERE id = ? AND bsn_enc IS NULL")

/*
 * The audit log lives in a file of its own (sql/audit.sql) with its own connection: a page view
 * appends a row there, which neither takes the main database's write lock nor makes the other
 * workers drop their page cache of the main database (SQLite drops it whenever the file changed).
 * These statements must stay last: store_open prepares every id from STMT_AUDIT_BEGIN on against
 * the audit connection.
 */
#define STMT_LIST_AUDIT \
X(STMT_AUDIT_BEGIN, "BEGIN IMMEDIATE") \
X(STMT_AUDIT_COMMIT, "COMMIT") \
X(STMT_AUDIT_ROLLBACK, "ROLLBACK") \
X(STMT_AUDIT_ALL, \
  "SELECT id, at, user_id, action, object, address, hash FROM audit ORDER BY id") \
X(STMT_AUDIT_LAST, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1") \
X(STMT_AUDIT_INSERT, \
  "INSERT INTO audit (id, at, user_id, action, object, address, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")

/*
 * The ordinal of melding m among its student's meldingen of the school year (§6: the officer's
 * steps depend on first, second, next), as a SELECT expression; cap is "" or " LIMIT n".
 * Withdrawn meldingen and those to the Inspectie (a schorsing or verwijdering, of which the desk
 * is only informed) are no verzuim meldingen in that count: they are not counted and get 0.
 */
#define MELDING_ORDINAL(cap) \
  "(CASE WHEN m.status = 'ingetrokken' OR m.routed_to = 'inspectie' THEN 0 ELSE " \
  "(SELECT count(*) FROM (SELECT 1 FROM melding o WHERE o.student_id = m.student_id " \
  "AND o.school_year = m.school_year AND o.status <> 'ingetrokken' AND o.routed_to <> 'inspectie' " \
  "AND (o.filed_at < m.filed_at OR (o.filed_at = m.filed_at AND o.id <= m.id))" cap ")) END)"

/* Each area keeps its statements in its own list, in the same form. */
#include "store/stmt_school.h"
#include "store/stmt_leave.h"
#include "store/stmt_desk.h"
#include "store/stmt_admin.h"

#define STMT_LIST STMT_LIST_CORE STMT_LIST_SCHOOL STMT_LIST_LEAVE STMT_LIST_DESK STMT_LIST_ADMIN \
	STMT_LIST_AUDIT

enum stmt {
#define X(id, sql) id,
	STMT_LIST
#undef X
	STMT__MAX
};

extern const char *const stmts[STMT__MAX];

#endif /* STORE_STMT_H */
