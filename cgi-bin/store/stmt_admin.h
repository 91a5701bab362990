/* Statements of the admin area: accounts management (beheer), one-time links, outbox page. */
#ifndef STORE_STMT_ADMIN_H
#define STORE_STMT_ADMIN_H

/* ?3: '' for every user, else a LIKE pattern that the e-mail address or the name matches. */
#define ADMIN_USER_MATCH "(?3 = '' OR u.email LIKE ?3 ESCAPE '\\' OR u.name LIKE ?3 ESCAPE '\\')"

#define STMT_LIST_ADMIN \
X(STMT_ADMIN_USERS, \
  "SELECT u.id, u.email, u.name, u.role, u.disabled, IFNULL(s.name, '') AS school, " \
  "IFNULL(g.name || ' – ' || l.name, '') AS loket, u.pw_hash IS NULL AS pending " \
  "FROM app_user u LEFT JOIN school s ON s.id = u.school_id LEFT JOIN loket l ON l.id = u.loket_id " \
  "LEFT JOIN gemeente g ON g.id = l.gemeente_id WHERE " ADMIN_USER_MATCH \
  " ORDER BY u.email LIMIT ?1 OFFSET ?2") \
X(STMT_ADMIN_USER_COUNT, "SELECT count(*) FROM app_user u WHERE " ADMIN_USER_MATCH) \
X(STMT_ADMIN_USER, \
  "SELECT id, email, name, role, IFNULL(school_id, 0) AS school_id, IFNULL(loket_id, 0) AS loket_id, " \
  "disabled FROM app_user WHERE id = ?") \
X(STMT_ADMIN_USER_INSERT, \
  "INSERT INTO app_user (email, name, role, school_id, loket_id) VALUES (?, ?, ?, ?, ?)") \
X(STMT_ADMIN_USER_UPDATE, \
  "UPDATE app_user SET name = ?, role = ?, school_id = ?, loket_id = ?, disabled = ? WHERE id = ?") \
X(STMT_ADMIN_USER_SESSIONS_DELETE, "DELETE FROM session WHERE user_id = ?") \
X(STMT_ADMIN_EMAIL_EXISTS, "SELECT 1 FROM app_user WHERE email = ?") \
X(STMT_ADMIN_SCHOOLS, \
  "SELECT s.id, s.brin, s.name, s.sort, s.region, c.name AS calendar, IFNULL(g.name, '') AS gemeente " \
  "FROM school s JOIN calendar c ON c.id = s.calendar_id LEFT JOIN gemeente g ON g.id = s.gemeente_id " \
  "ORDER BY s.name") \
X(STMT_ADMIN_SCHOOL_INSERT, \
  "INSERT INTO school (name, sort, region, calendar_id, gemeente_id, phone, email, brin) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)") \
X(STMT_ADMIN_BRIN_EXISTS, "SELECT 1 FROM school WHERE brin = ?") \
X(STMT_ADMIN_SCHOOL, \
  "SELECT id, brin, name, sort, region, calendar_id, IFNULL(gemeente_id, 0) AS gemeente_id, " \
  "phone, email FROM school WHERE id = ?") \
X(STMT_ADMIN_SCHOOL_UPDATE, \
  "UPDATE school SET name = ?1, sort = ?2, region = ?3, calendar_id = ?4, gemeente_id = ?5, " \
  "phone = ?6, email = ?7 WHERE id = ?8") \
X(STMT_ADMIN_LOKET, \
  "SELECT l.id, l.gemeente_id, g.name AS gemeente, l.name, l.department, l.phone, l.email, " \
  "l.covers_leerplicht, l.covers_rmc FROM loket l JOIN gemeente g ON g.id = l.gemeente_id " \
  "WHERE l.id = ?") \
X(STMT_ADMIN_LOKET_UPDATE, \
  "UPDATE loket SET name = ?1, department = ?2, phone = ?3, email = ?4, covers_leerplicht = ?5, " \
  "covers_rmc = ?6 WHERE id = ?7") \
X(STMT_ADMIN_LOKET_USERS_OF_ROLE, \
  "SELECT count(*) FROM app_user WHERE loket_id = ? AND role = ? AND disabled = 0") \
X(STMT_ADMIN_CALENDARS, "SELECT id, name FROM calendar ORDER BY name") \
X(STMT_ADMIN_GEMEENTEN, "SELECT id, name, region FROM gemeente ORDER BY name") \
X(STMT_ADMIN_LOKET_INSERT, \
  "INSERT INTO loket (name, department, phone, email, covers_leerplicht, covers_rmc, gemeente_id) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)") \
X(STMT_ADMIN_EXISTS_SCHOOL, "SELECT 1 FROM school WHERE id = ?") \
X(STMT_ADMIN_EXISTS_LOKET, "SELECT 1 FROM loket WHERE id = ?") \
X(STMT_ADMIN_EXISTS_LOKET_LEERPLICHT, "SELECT 1 FROM loket WHERE id = ? AND covers_leerplicht = 1") \
X(STMT_ADMIN_EXISTS_LOKET_RMC, "SELECT 1 FROM loket WHERE id = ? AND covers_rmc = 1") \
X(STMT_ADMIN_EXISTS_GEMEENTE, "SELECT 1 FROM gemeente WHERE id = ?") \
X(STMT_ADMIN_EXISTS_CALENDAR, "SELECT 1 FROM calendar WHERE id = ?") \
X(STMT_TOKEN_INSERT, \
  "INSERT INTO onetime_token (token_hash, user_id, purpose, expires_at) VALUES (?, ?, ?, ?)") \
X(STMT_TOKEN_FIND, \
  "SELECT t.id, t.user_id, t.purpose, u.email FROM onetime_token t JOIN app_user u ON u.id = t.user_id " \
  "WHERE t.token_hash = ? AND t.used_at IS NULL AND t.expires_at > ? AND u.disabled = 0") \
X(STMT_TOKEN_USE, "UPDATE onetime_token SET used_at = ? WHERE id = ? AND used_at IS NULL") \
X(STMT_ADMIN_SCHOOL_BY_BRIN, "SELECT id FROM school WHERE brin = ?") \
X(STMT_CALENDAR_FIND, "SELECT id FROM calendar WHERE name = ?") \
X(STMT_CALENDAR_NAME, "SELECT name FROM calendar WHERE id = ?") \
X(STMT_EXPORT_MELDINGEN, \
  "SELECT m.id, m.filed_at, m.soort, m.status, m.age_group, m.routed_to, IFNULL(l.name, ''), " \
  "IFNULL(g.name, ''), sc.brin, sc.name, m.school_year, IFNULL(m.closing_reason, ''), " \
  "IFNULL(m.treated_at, 0) FROM melding m JOIN school sc ON sc.id = m.school_id " \
  "LEFT JOIN loket l ON l.id = m.loket_id LEFT JOIN gemeente g ON g.id = l.gemeente_id " \
  "WHERE m.filed_at >= ?1 AND m.filed_at < ?2 AND (?3 = 0 OR m.loket_id = ?3) " \
  "ORDER BY m.filed_at, m.id") \
X(STMT_POLICY_SEED, \
  "INSERT OR IGNORE INTO region_policy (region, uren_16uur, licht_uren, te_laat_aantal, " \
  "ziek_dagen, ziek_meldingen, schorsing_max, dag_minuten) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
X(STMT_POLICY_ALL, \
  "SELECT region, uren_16uur, licht_uren, te_laat_aantal, ziek_dagen, ziek_meldingen, " \
  "schorsing_max, dag_minuten, bevrijdingsdag FROM region_policy ORDER BY region") \
X(STMT_POLICY_LIST, \
  "SELECT p.region, p.uren_16uur, p.licht_uren, p.te_laat_aantal, p.ziek_dagen, " \
  "p.ziek_meldingen, p.schorsing_max, p.dag_minuten, p.bevrijdingsdag, p.changed_at, IFNULL(u.name, '') AS " \
  "changed_by, (SELECT count(*) FROM school s WHERE s.region = p.region) AS schools " \
  "FROM region_policy p LEFT JOIN app_user u ON u.id = p.changed_by ORDER BY p.region") \
X(STMT_POLICY_UPDATE, \
  "UPDATE region_policy SET uren_16uur = ?2, licht_uren = ?3, te_laat_aantal = ?4, " \
  "ziek_dagen = ?5, ziek_meldingen = ?6, schorsing_max = ?7, dag_minuten = ?8, " \
  "changed_at = ?9, changed_by = ?10, bevrijdingsdag = ?11 WHERE region = ?1") \
X(STMT_ADMIN_CALENDAR_LIST, \
  "SELECT c.id, c.name, (SELECT count(*) FROM school s WHERE s.calendar_id = c.id) AS schools " \
  "FROM calendar c ORDER BY c.name") \
X(STMT_ADMIN_VACATIONS, \
  "SELECT start_date AS start, end_date AS \"end\", name FROM vacation WHERE calendar_id = ? " \
  "ORDER BY start_date, end_date, id") \
X(STMT_CALENDAR_INSERT, "INSERT INTO calendar (name) VALUES (?)") \
X(STMT_VACATIONS_DELETE, "DELETE FROM vacation WHERE calendar_id = ?") \
X(STMT_VACATION_INSERT, \
  "INSERT INTO vacation (calendar_id, start_date, end_date, name) VALUES (?, ?, ?, ?)") \
X(STMT_OUTBOX_LIST, \
  "SELECT id, to_addr, subject, body, body_sealed, status, tries, created_at FROM outbox " \
  "ORDER BY id DESC LIMIT 50")

#endif
