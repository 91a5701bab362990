/* Statements of the leave area: leave requests (verlofaanvragen) and decisions, the mail sender's
 * outbox queries. Same X(id, sql) form as stmt.h. Scoped statements bind :role, :uid, :school and
 * :loket from the session's user (store/leave.c, bind_scope). */
#ifndef STORE_STMT_LEAVE_H
#define STORE_STMT_LEAVE_H

#define LEAVE_SCOPE \
  "((:role = 'ouder' AND EXISTS (SELECT 1 FROM guardian g WHERE g.user_id = :uid " \
  "AND g.student_id = lr.student_id)) OR (:role IN ('school', 'directeur') AND " \
  "lr.school_id = :school) OR (:role = 'leerplicht' AND lr.loket_id = :loket))"

#define LEAVE_COLUMNS \
  "lr.id, lr.student_id, lr.school_id, lr.requested_by, lr.ground, lr.category, lr.degree, " \
  "lr.place, lr.start_date, lr.end_date, lr.school_days, lr.explanation, lr.status, lr.loket_id, " \
  "lr.verdict, lr.school_year, lr.created_at, strftime('%d-%m-%Y', lr.start_date) AS van_nl, " \
  "strftime('%d-%m-%Y', lr.end_date) AS tot_nl, " \
  "st.first_name || ' ' || st.last_name AS student, st.birth_date, st.startkwalificatie, " \
  "st.exempt, st.days_per_week, st.gemeente_id, st.class_name, st.parent_name AS parent_names, " \
  "st.address, st.postcode, st.city, " \
  "sc.name AS school, sc.sort AS school_sort, sc.region, sc.calendar_id, sc.email AS school_email, " \
  "sc.phone AS school_phone, u.name AS parent, u.email AS parent_email, " \
  "l.name AS loket, l.email AS loket_email, l.phone AS loket_phone, l.department AS loket_department, " \
  "gm.name AS loket_gemeente " \
  "FROM leave_request lr JOIN student st ON st.id = lr.student_id " \
  "JOIN school sc ON sc.id = lr.school_id JOIN app_user u ON u.id = lr.requested_by " \
  "LEFT JOIN loket l ON l.id = lr.loket_id LEFT JOIN gemeente gm ON gm.id = l.gemeente_id "

#define LEAVE_OPEN "('ingediend', 'in_behandeling', 'doorgestuurd')"

#define STMT_LIST_LEAVE \
X(STMT_LEAVE_CHILDREN, \
  "SELECT st.id, st.first_name || ' ' || st.last_name AS name, sc.name AS school " \
  "FROM guardian g JOIN student st ON st.id = g.student_id JOIN school sc ON sc.id = st.school_id " \
  "WHERE g.user_id = ? ORDER BY st.first_name, st.id") \
X(STMT_LEAVE_STUDENT, \
  "SELECT st.id, st.school_id, st.gemeente_id, sc.calendar_id, st.first_name || ' ' || st.last_name, " \
  "st.birth_date, st.startkwalificatie, st.exempt, st.days_per_week, sc.name, sc.sort, sc.email, " \
  "sc.region FROM student st JOIN school sc ON sc.id = st.school_id WHERE st.id = :id AND " \
  "((:role = 'ouder' AND EXISTS (SELECT 1 FROM guardian g WHERE g.user_id = :uid AND " \
  "g.student_id = st.id)) OR (:role IN ('school', 'directeur') AND st.school_id = :school))") \
X(STMT_LEAVE_VACATIONS, \
  "SELECT start_date, end_date FROM vacation WHERE calendar_id = ? ORDER BY start_date") \
X(STMT_LEAVE_PRIOR, \
  "SELECT ground, IFNULL(sum(school_days), 0), count(*) FROM leave_request WHERE student_id = ? " \
  "AND school_year = ? AND status = 'toegekend' AND id != ? GROUP BY ground") \
X(STMT_LEAVE_OVERLAP, \
  "SELECT id FROM leave_request WHERE student_id = ? AND status IN ('ingediend', " \
  "'in_behandeling', 'doorgestuurd', 'toegekend', 'kennisgeving') AND start_date <= ? " \
  "AND end_date >= ? ORDER BY id LIMIT 1") \
X(STMT_LEAVE_GRANTED, \
  "SELECT id, ground, category, start_date, end_date, school_days, " \
  "strftime('%d-%m-%Y', start_date) AS van_nl, strftime('%d-%m-%Y', end_date) AS tot_nl FROM leave_request " \
  "WHERE student_id = ? AND school_year = ? AND status = 'toegekend' ORDER BY start_date") \
X(STMT_LEAVE_ATT_ADD, \
  "INSERT INTO attachment (leave_request_id, filename, ctype, size, sha256, data, uploaded_by) " \
  "VALUES (NULL, ?, ?, ?, ?, ?, ?)") \
X(STMT_LEAVE_ATT_PENDING, \
  "SELECT id, filename, size, sha256 FROM attachment WHERE id = ? AND uploaded_by = ? " \
  "AND leave_request_id IS NULL AND melding_id IS NULL") \
X(STMT_LEAVE_ATT_PENDING_BYTES, \
  "SELECT IFNULL(sum(size), 0) FROM attachment WHERE leave_request_id IS NULL " \
  "AND melding_id IS NULL AND uploaded_by = ?") \
X(STMT_LEAVE_ATT_PURGE, \
  "DELETE FROM attachment WHERE uploaded_by = ? AND leave_request_id IS NULL " \
  "AND melding_id IS NULL AND at < ?") \
X(STMT_LEAVE_ATT_LINK, \
  "UPDATE attachment SET leave_request_id = ? WHERE id = ? AND uploaded_by = ? " \
  "AND leave_request_id IS NULL AND melding_id IS NULL") \
X(STMT_LEAVE_BY_TOKEN, "SELECT id FROM leave_request WHERE client_token = ? AND requested_by = ?") \
X(STMT_LEAVE_INSERT, \
  "INSERT INTO leave_request (student_id, school_id, requested_by, ground, category, degree, " \
  "place, start_date, end_date, school_days, explanation, status, verdict, school_year, " \
  "client_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") \
X(STMT_LEAVE_EVENT_ADD, \
  "INSERT INTO leave_event (leave_request_id, at, user_id, kind, status, text) " \
  "VALUES (?, ?, ?, ?, ?, ?)") \
X(STMT_LEAVE_GET, "SELECT " LEAVE_COLUMNS "WHERE lr.id = :id AND " LEAVE_SCOPE) \
X(STMT_LEAVE_LIST, \
  "SELECT " LEAVE_COLUMNS "WHERE " LEAVE_SCOPE " AND (:status IS NULL OR lr.status = :status " \
  "OR (:status = 'open' AND lr.status IN " LEAVE_OPEN ")) " \
  "ORDER BY lr.created_at DESC, lr.id DESC LIMIT :limit OFFSET :offset") \
X(STMT_LEAVE_COUNT, \
  "SELECT count(*) FROM leave_request lr WHERE " LEAVE_SCOPE " AND (:status IS NULL OR " \
  "lr.status = :status OR (:status = 'open' AND lr.status IN " LEAVE_OPEN "))") \
X(STMT_LEAVE_EVENTS, \
  "SELECT e.at, e.kind, e.status, e.text, IFNULL(u.name, '') AS who, IFNULL(u.role, '') AS role " \
  "FROM leave_event e LEFT JOIN app_user u ON u.id = e.user_id WHERE e.leave_request_id = ? " \
  "ORDER BY e.at, e.id") \
X(STMT_LEAVE_ATTACHMENTS, \
  "SELECT id, filename, ctype, size, at FROM attachment WHERE leave_request_id = ? ORDER BY id") \
X(STMT_LEAVE_ATT_GET, \
  "SELECT filename, ctype, data FROM attachment WHERE id = ? AND leave_request_id = ?") \
X(STMT_LEAVE_DECISION, \
  "SELECT decision, reasons, reason_text, decider_role, decider_name, decider_org, " \
  "decider_contact, decided_at FROM leave_decision WHERE leave_request_id = ?") \
X(STMT_LEAVE_REGS, \
  "SELECT date, strftime('%d-%m-%Y', date) AS datum, minutes FROM registration " \
  "WHERE leave_request_id = ? AND active = 1 " \
  "AND kind = 'verlof' ORDER BY date") \
X(STMT_LEAVE_SET_STATUS, \
  "UPDATE leave_request SET status = :new WHERE id = :id AND status IN (:a, :b, :c)") \
X(STMT_LEAVE_FORWARD, \
  "UPDATE leave_request SET status = 'doorgestuurd', loket_id = ? WHERE id = ? " \
  "AND school_id = ? AND status IN ('ingediend', 'in_behandeling')") \
X(STMT_LEAVE_DESK_FOR, \
  "SELECT id, email FROM loket WHERE gemeente_id = ? AND covers_leerplicht = 1 " \
  "ORDER BY covers_rmc, id LIMIT 1") \
X(STMT_LEAVE_DECISION_ADD, \
  "INSERT INTO leave_decision (leave_request_id, decision, reasons, reason_text, decided_by, " \
  "decider_role, decider_name, decider_org, decider_contact, decided_at) " \
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") \
X(STMT_LEAVE_DECIDE_DIRECTEUR, \
  "UPDATE leave_request SET status = ? WHERE id = ? AND school_id = ? " \
  "AND status IN ('ingediend', 'in_behandeling')") \
X(STMT_LEAVE_DECIDE_DESK, \
  "UPDATE leave_request SET status = ? WHERE id = ? AND loket_id = ? AND status = 'doorgestuurd'") \
X(STMT_LEAVE_REG_ADD, \
  "INSERT INTO registration (student_id, date, kind, minutes, note, created_by, source, " \
  "leave_request_id) SELECT student_id, ?, 'verlof', ?, 'Verlof toegekend (aanvraag ' || id || ')', " \
  "?, 'verlof', id FROM leave_request WHERE id = ?") \
X(STMT_LEAVE_REG_AUTHORISE, \
  "UPDATE registration SET active = 0 WHERE active = 1 AND kind = 'ongeoorloofd' AND date = ?2 " \
  "AND student_id = (SELECT student_id FROM leave_request WHERE id = ?1)") \
X(STMT_LEAVE_LUXE, \
  "SELECT lr.id AS leave_request_id, lr.student_id, st.first_name || ' ' || st.last_name AS student, " \
  "lr.start_date, lr.end_date, strftime('%d-%m-%Y', lr.start_date) AS van_nl, " \
  "strftime('%d-%m-%Y', lr.end_date) AS tot_nl, count(DISTINCT r.date) AS dagen, min(r.date) AS eerste " \
  "FROM leave_request lr JOIN student st ON st.id = lr.student_id JOIN registration r ON " \
  "r.student_id = lr.student_id AND r.active = 1 AND r.kind = 'ongeoorloofd' " \
  "AND r.date BETWEEN lr.start_date AND lr.end_date AND strftime('%w', r.date) NOT IN ('0', '6') " \
  "WHERE lr.school_id = ? AND lr.status = 'afgewezen' AND lr.ground IN ('11f', '11g') " \
  "GROUP BY lr.id ORDER BY eerste DESC, lr.id DESC") \
X(STMT_LEAVE_LUXE_DATES, \
  "SELECT DISTINCT r.date, strftime('%d-%m-%Y', r.date) AS datum, r.kind FROM leave_request lr " \
  "JOIN registration r ON " \
  "r.student_id = lr.student_id AND r.active = 1 AND r.kind = 'ongeoorloofd' " \
  "AND r.date BETWEEN lr.start_date AND lr.end_date AND strftime('%w', r.date) NOT IN ('0', '6') " \
  "WHERE lr.id = ? AND lr.status = 'afgewezen' ORDER BY r.date") \
X(STMT_LEAVE_PARENT_MELDINGEN, \
  "SELECT st.first_name || ' ' || st.last_name AS student, m.filed_at " \
  "FROM guardian g JOIN melding m ON m.student_id = g.student_id JOIN student st ON " \
  "st.id = m.student_id WHERE g.user_id = ? AND m.status != 'ingetrokken' " \
  "ORDER BY m.filed_at DESC LIMIT 50") \
X(STMT_OUTBOX_DUE, \
  "SELECT id, to_addr, subject, body, tries, body_sealed FROM outbox WHERE status = 'wachtend' " \
  "AND next_try_at <= ? ORDER BY next_try_at, id LIMIT ?") \
X(STMT_OUTBOX_SENT, \
  "UPDATE outbox SET status = 'verzonden', tries = ?, last_error = '' WHERE id = ?") \
X(STMT_OUTBOX_FAILED, \
  "UPDATE outbox SET status = ?, tries = ?, next_try_at = ?, last_error = ? WHERE id = ?")

#endif
