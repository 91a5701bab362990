/* Statements of the school area: students, absence registrations, signals, meldingen (school side). Same X(id, sql) form as stmt.h. */
#ifndef STORE_STMT_SCHOOL_H
#define STORE_STMT_SCHOOL_H

#define STUDENT_COLS \
  "s.id, s.school_id, s.number, s.first_name, s.last_name, s.birth_date, s.gemeente_id, " \
  "g.name AS gemeente, s.startkwalificatie, s.exempt, s.class_name, s.days_per_week, s.address, " \
  "s.postcode, s.city, s.phone, s.email, s.parent_name, s.parent_phone, s.parent_email, " \
  "s.stay_address "

#define MELDING_COLS \
  "m.id, m.student_id, m.school_id, m.soort, m.status, m.routed_to, m.loket_id, m.age_group, " \
  "m.period_start, m.period_end, m.school_end_date, m.signal_datum, m.deadline, m.lrv_begin, " \
  "m.previous_id, m.unauthorised_minutes, m.has_verzuimstaat, m.verzuimstaat, m.details, " \
  "m.closing_reason, m.school_year, m.filed_by, m.filed_at, m.treated_at, " \
  "s.first_name || ' ' || s.last_name AS student_name, s.birth_date, sc.name AS school_name, " \
  "IFNULL(l.name, '') AS loket_name, IFNULL(lg.name, '') AS loket_gemeente, " \
  "IFNULL(l.phone, '') AS loket_phone, IFNULL(l.email, '') AS loket_email, " \
  "u.name AS filed_by_name, " \
  MELDING_ORDINAL("") " AS ordinal "

#define MELDING_FROM \
  "FROM melding m JOIN student s ON s.id = m.student_id JOIN school sc ON sc.id = m.school_id " \
  "LEFT JOIN loket l ON l.id = m.loket_id LEFT JOIN gemeente lg ON lg.id = l.gemeente_id " \
  "JOIN app_user u ON u.id = m.filed_by "

/* Scope of a melding: ?1 role, ?2 school_id, ?3 loket_id, ?4 user id (parents). */
#define MELDING_SCOPE \
  "((?1 IN ('school', 'directeur') AND m.school_id = ?2) " \
  " OR (?1 IN ('leerplicht', 'rmc') AND m.loket_id = ?3) " \
  " OR (?1 = 'ouder' AND EXISTS (SELECT 1 FROM guardian gd WHERE gd.user_id = ?4 " \
  "     AND gd.student_id = m.student_id))) "

#define STMT_LIST_SCHOOL \
X(STMT_SCHOOL_GET, \
  "SELECT id, brin, name, sort, region, calendar_id, IFNULL(gemeente_id, 0), phone, email " \
  "FROM school WHERE id = ?") \
X(STMT_SCHOOL_VACATIONS, \
  "SELECT start_date, end_date FROM vacation WHERE calendar_id = ? ORDER BY start_date") \
X(STMT_SCHOOL_STUDENT_COUNT, \
  "SELECT count(*) FROM student s WHERE s.school_id = ?1 AND (?2 = '' OR " \
  "s.last_name LIKE '%' || ?2 || '%' OR s.first_name LIKE '%' || ?2 || '%' OR " \
  "s.number = ?2 OR s.class_name = ?2)") \
X(STMT_SCHOOL_STUDENT_LIST, \
  "SELECT " STUDENT_COLS "FROM student s JOIN gemeente g ON g.id = s.gemeente_id " \
  "WHERE s.school_id = ?1 AND (?2 = '' OR " \
  "s.last_name LIKE '%' || ?2 || '%' OR s.first_name LIKE '%' || ?2 || '%' OR " \
  "s.number = ?2 OR s.class_name = ?2) " \
  "ORDER BY s.last_name, s.first_name, s.id LIMIT ?3 OFFSET ?4") \
X(STMT_SCHOOL_STUDENT_GET, \
  "SELECT " STUDENT_COLS "FROM student s JOIN gemeente g ON g.id = s.gemeente_id " \
  "WHERE s.id = ?1 AND s.school_id = ?2") \
X(STMT_SCHOOL_STUDENT_BY_NUMBER, \
  "SELECT id, birth_date, startkwalificatie, exempt FROM student WHERE school_id = ? AND number = ?") \
X(STMT_SCHOOL_GEMEENTE_BY_NAME, "SELECT id FROM gemeente WHERE name = ? COLLATE NOCASE") \
X(STMT_SCHOOL_STUDENT_INSERT, \
  "INSERT INTO student (school_id, number, first_name, last_name, birth_date, gemeente_id, " \
  "startkwalificatie, exempt, class_name, days_per_week, address, postcode, city, phone, email, " \
  "parent_name, parent_phone, parent_email, stay_address) " \
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") \
X(STMT_SCHOOL_REGS_OF_STUDENT, \
  "SELECT date, kind, minutes FROM registration WHERE student_id = ? AND active = 1 " \
  "ORDER BY date") \
X(STMT_SCHOOL_REG_HISTORY, \
  "SELECT r.id, r.date, r.kind, r.minutes, r.note, r.active, r.source, r.corrects_id, " \
  "r.created_at, IFNULL(u.name, '') AS created_by_name, " \
  "(SELECT c.id FROM registration c WHERE c.corrects_id = r.id) AS corrected_by " \
  "FROM registration r LEFT JOIN app_user u ON u.id = r.created_by " \
  "WHERE r.student_id = ? AND (?2 = '' OR r.date >= ?2) AND (?3 = '' OR r.date <= ?3) " \
  "ORDER BY r.date DESC, r.id DESC") \
X(STMT_SCHOOL_REG_GET, \
  "SELECT r.id, r.student_id, r.date, r.kind, r.minutes, r.note, r.active, r.source, " \
  "s.first_name || ' ' || s.last_name AS student_name FROM registration r " \
  "JOIN student s ON s.id = r.student_id WHERE r.id = ?1 AND s.school_id = ?2") \
X(STMT_SCHOOL_REG_INSERT, \
  "INSERT INTO registration (student_id, date, kind, minutes, note, created_by, created_at, " \
  "corrects_id, source, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") \
X(STMT_SCHOOL_REG_EXISTS, \
  "SELECT 1 FROM registration WHERE student_id = ? AND active = 1 AND date = ? AND kind = ? " \
  "AND minutes = ? LIMIT 1") \
X(STMT_SCHOOL_REG_DEACTIVATE, \
  "UPDATE registration SET active = 0 WHERE id = ? AND active = 1") \
X(STMT_SCHOOL_REGS_OF_SCHOOL, \
  "SELECT r.student_id, r.date, r.kind, r.minutes FROM student s " \
  "JOIN registration r ON r.student_id = s.id AND r.active = 1 " \
  "WHERE s.school_id = ? ORDER BY s.id, r.date") \
X(STMT_SCHOOL_STUDENTS_ALL, \
  "SELECT s.id, s.first_name || ' ' || s.last_name, s.class_name, s.birth_date, " \
  "s.startkwalificatie, s.exempt, s.gemeente_id FROM student s WHERE s.school_id = ? ORDER BY s.id") \
X(STMT_SCHOOL_ANSWERED, \
  "SELECT student_id, signal_datum, soort FROM melding WHERE school_id = ? " \
  "AND signal_datum IS NOT NULL AND status <> 'ingetrokken' ORDER BY student_id, signal_datum") \
X(STMT_SCHOOL_LOKET_FOR, \
  "SELECT id FROM loket WHERE gemeente_id = ?1 AND " \
  "((?2 = 'leerplicht' AND covers_leerplicht = 1) OR (?2 = 'rmc' AND covers_rmc = 1)) " \
  "ORDER BY covers_leerplicht + covers_rmc, id LIMIT 1") \
X(STMT_SCHOOL_LOKET_GET, \
  "SELECT l.id, l.name, g.name AS gemeente, l.department, l.phone, l.email FROM loket l " \
  "JOIN gemeente g ON g.id = l.gemeente_id WHERE l.id = ?") \
X(STMT_SCHOOL_MELDING_BY_TOKEN, "SELECT id FROM melding WHERE client_token = ?") \
X(STMT_SCHOOL_SIGNAL_MELDING, \
  "SELECT id FROM melding WHERE student_id = ?1 AND signal_datum = ?2 AND soort = ?3 " \
  "AND status <> 'ingetrokken' AND client_token IS NOT ?4 LIMIT 1") \
X(STMT_SCHOOL_MELDING_INSERT, \
  "INSERT INTO melding (student_id, school_id, soort, routed_to, loket_id, age_group, " \
  "period_start, period_end, signal_datum, deadline, lrv_begin, previous_id, " \
  "unauthorised_minutes, has_verzuimstaat, verzuimstaat, details, school_year, filed_by, " \
  "filed_at, client_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") \
X(STMT_SCHOOL_EVENT_INSERT, \
  "INSERT INTO melding_event (melding_id, at, user_id, kind, status, text) " \
  "VALUES (?, ?, ?, ?, ?, ?)") \
X(STMT_SCHOOL_ATTACHMENT_INSERT, \
  "INSERT INTO attachment (melding_id, filename, ctype, size, sha256, data, uploaded_by, at) " \
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
X(STMT_SCHOOL_LAST_16UUR, \
  "SELECT id, IFNULL(period_end, IFNULL(signal_datum, period_start)) FROM melding " \
  "WHERE student_id = ? AND soort = '16uur' AND status <> 'ingetrokken' " \
  "ORDER BY IFNULL(period_end, IFNULL(signal_datum, period_start)) DESC, id DESC LIMIT 1") \
X(STMT_SCHOOL_MELDING_GET, \
  "SELECT " MELDING_COLS MELDING_FROM "WHERE m.id = ?5 AND " MELDING_SCOPE) \
X(STMT_SCHOOL_MELDING_EVENTS, \
  "SELECT e.id, e.at, e.kind, e.status, e.mas_action, e.text, IFNULL(u.name, '') AS user_name, " \
  "IFNULL(u.role, '') AS user_role FROM melding_event e LEFT JOIN app_user u ON u.id = e.user_id " \
  "WHERE e.melding_id = ? ORDER BY e.at, e.id") \
X(STMT_SCHOOL_MELDING_ATTACHMENTS, \
  "SELECT id, filename, ctype, size, sha256, at FROM attachment WHERE melding_id = ? ORDER BY id") \
X(STMT_SCHOOL_ATTACHMENT_GET, \
  "SELECT a.filename, a.ctype, a.data FROM attachment a JOIN melding m ON m.id = a.melding_id " \
  "WHERE m.id = ?5 AND a.id = ?6 AND " MELDING_SCOPE) \
X(STMT_SCHOOL_MELDING_WITHDRAW, \
  "UPDATE melding SET status = 'ingetrokken' WHERE id = ? AND school_id = ? " \
  "AND status = 'geregistreerd'") \
X(STMT_SCHOOL_MELDING_END, \
  "UPDATE melding SET school_end_date = ?, period_end = IFNULL(period_end, ?) WHERE id = ? " \
  "AND school_id = ? AND status NOT IN ('afgesloten', 'ingetrokken')") \
X(STMT_SCHOOL_MELDING_OPEN_CHECK, \
  "SELECT status FROM melding WHERE id = ? AND school_id = ?") \
X(STMT_SCHOOL_MELDING_HAS_VERZUIMSTAAT, \
  "UPDATE melding SET has_verzuimstaat = 1 WHERE id = ?") \
X(STMT_SCHOOL_MELDINGEN_COUNT, \
  "SELECT count(*) FROM melding m WHERE m.school_id = ?1 AND (?2 = '' OR m.status = ?2)") \
X(STMT_SCHOOL_MELDINGEN, \
  "SELECT m.id, m.student_id, m.soort, m.status, m.routed_to, m.period_start, m.period_end, " \
  "m.deadline, m.signal_datum, m.filed_at, " \
  "s.first_name || ' ' || s.last_name AS student_name, IFNULL(l.name, '') AS loket_name, " \
  "IFNULL(lg.name, '') AS loket_gemeente, " \
  MELDING_ORDINAL("") " AS ordinal " \
  "FROM melding m JOIN student s ON s.id = m.student_id LEFT JOIN loket l ON l.id = m.loket_id " \
  "LEFT JOIN gemeente lg ON lg.id = l.gemeente_id " \
  "WHERE m.school_id = ?1 AND (?2 = '' OR m.status = ?2) " \
  "ORDER BY CASE m.status WHEN 'geregistreerd' THEN 0 WHEN 'in_behandeling' THEN 1 ELSE 2 END, " \
  "m.filed_at DESC, m.id DESC LIMIT ?3 OFFSET ?4") \
X(STMT_SCHOOL_MELDINGEN_STATUS_COUNTS, \
  "SELECT status, count(*) AS n FROM melding WHERE school_id = ? GROUP BY status") \
X(STMT_SCHOOL_STUDENT_MELDINGEN, \
  "SELECT m.id, m.soort, m.status, m.period_start, m.period_end, m.school_year, m.filed_at, " \
  MELDING_ORDINAL("") " AS ordinal " \
  "FROM melding m JOIN student s ON s.id = m.student_id " \
  "WHERE m.student_id = ?1 AND s.school_id = ?2 ORDER BY m.filed_at DESC, m.id DESC")

#endif
