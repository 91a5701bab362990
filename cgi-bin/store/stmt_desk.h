/* Statements of the desk area: desks: inbox, handling, MAS actions, overviews. Same X(id, sql) form as stmt.h. */
#ifndef STORE_STMT_DESK_H
#define STORE_STMT_DESK_H

/*
 * Every statement that reads a melding is scoped by the desk: m.loket_id = the officer's desk.
 * DESK_RANK is the inbox order by status; it must stay identical to the expression of the index
 * melding_inbox (sql/004_desk.sql) so that the inbox is read straight from that index: the page's
 * ids come from the index alone, and only those 25 rows are joined. The counts come from
 * desk_count, which triggers keep (same file). The page links carry the position of the first or
 * last row shown (keyset), so paging on costs the same on page 4,000 as on page 2; a page number
 * alone (a typed address) falls back to OFFSET over the covering index.
 */
#define DESK_RANK \
  "(CASE m.status WHEN 'geregistreerd' THEN 0 WHEN 'in_behandeling' THEN 1 " \
  "WHEN 'ter_kennisgeving' THEN 2 WHEN 'afgesloten' THEN 3 ELSE 4 END)"

/*
 * The melding's ordinal (MELDING_ORDINAL in stmt.h), capped at 3: the officer's steps only tell
 * first, second and next apart (§6).
 */
#define DESK_ORDINAL MELDING_ORDINAL(" LIMIT 3")

/*
 * ?1 loket, ?2 school (0: all), ?3 soort ('' all), ?4 age group, ?5 status; ?11..?12 the ranks
 * the status filter allows (0..4 for all), a range the index can seek to.
 */
#define DESK_FILTER_BASE \
  "m.loket_id = ?1 AND (?2 = 0 OR m.school_id = ?2) " \
  "AND (?3 = '' OR m.soort = ?3) AND (?4 = '' OR m.age_group = ?4) AND (?5 = '' OR m.status = ?5)"
#define DESK_FILTER DESK_FILTER_BASE " AND " DESK_RANK " BETWEEN ?11 AND ?12"

/*
 * The rows of one inbox page, given the CTE page(id); ?6 is the overdue instant (a melding to the
 * Inspectie, of which the desk is only informed, is never overdue for it). Only the
 * columns the inbox shows (templates/loket_inbox.html, desk_decorate_inbox_row) and its page
 * links need: the busiest page of the portal.
 */
#define DESK_INBOX_ROWS \
  "SELECT m.id, m.soort, m.status, m.age_group, m.routed_to, " \
  "m.filed_at, m.school_year, s.first_name || ' ' || s.last_name AS leerling, " \
  "s.birth_date, sc.name AS school, " DESK_ORDINAL " AS ordinal, " \
  "(m.status = 'geregistreerd' AND m.filed_at < ?6 AND m.routed_to <> 'inspectie') AS overdue, " DESK_RANK " AS inbox_rank " \
  "FROM page JOIN melding m ON m.id = page.id JOIN student s ON s.id = m.student_id " \
  "JOIN school sc ON sc.id = m.school_id ORDER BY " DESK_RANK ", m.filed_at, m.id"

#define STMT_LIST_DESK \
X(STMT_DESK_INBOX, \
  "WITH page(id) AS (SELECT m.id FROM melding m WHERE " DESK_FILTER \
  " ORDER BY " DESK_RANK ", m.filed_at, m.id LIMIT ?7 OFFSET ?8) " DESK_INBOX_ROWS) \
X(STMT_DESK_INBOX_AFTER, \
  "WITH page(id) AS (SELECT id FROM (" \
  "SELECT * FROM (SELECT m.id, " DESK_RANK " AS r, m.filed_at FROM melding m WHERE " DESK_FILTER_BASE \
  " AND " DESK_RANK " = ?8 AND (m.filed_at, m.id) > (?9, ?10) ORDER BY m.filed_at, m.id LIMIT ?7) " \
  "UNION ALL SELECT * FROM (SELECT m.id, " DESK_RANK " AS r, m.filed_at FROM melding m WHERE " \
  DESK_FILTER_BASE " AND " DESK_RANK " > ?8 AND " DESK_RANK " <= ?12 ORDER BY " DESK_RANK ", m.filed_at, m.id LIMIT ?7)) " \
  "ORDER BY r, filed_at, id LIMIT ?7) " DESK_INBOX_ROWS) \
X(STMT_DESK_INBOX_BEFORE, \
  "WITH page(id) AS (SELECT id FROM (" \
  "SELECT * FROM (SELECT m.id, " DESK_RANK " AS r, m.filed_at FROM melding m WHERE " DESK_FILTER_BASE \
  " AND " DESK_RANK " = ?8 AND (m.filed_at, m.id) < (?9, ?10) ORDER BY m.filed_at DESC, m.id DESC " \
  "LIMIT ?7) UNION ALL SELECT * FROM (SELECT m.id, " DESK_RANK " AS r, m.filed_at FROM melding m " \
  "WHERE " DESK_FILTER_BASE " AND " DESK_RANK " < ?8 AND " DESK_RANK " >= ?11 ORDER BY " DESK_RANK " DESC, m.filed_at DESC, " \
  "m.id DESC LIMIT ?7)) ORDER BY r DESC, filed_at DESC, id DESC LIMIT ?7) " DESK_INBOX_ROWS) \
X(STMT_DESK_INBOX_COUNT, "SELECT IFNULL(sum(m.n), 0) FROM desk_count m WHERE " DESK_FILTER) \
X(STMT_DESK_VERSION, \
  "SELECT v.v, IFNULL(p.bevrijdingsdag, 1) FROM desk_version v JOIN loket l ON l.id = v.loket_id " \
  "JOIN gemeente g ON g.id = l.gemeente_id LEFT JOIN region_policy p ON p.region = g.region " \
  "WHERE v.loket_id = ?1") \
X(STMT_DESK_SCHOOLS, \
  "SELECT sc.id, sc.name FROM school sc WHERE sc.id IN (SELECT c.school_id FROM desk_count c " \
  "WHERE c.loket_id = ?1 AND c.n > 0) ORDER BY sc.name") \
X(STMT_DESK_MELDING, \
  "SELECT m.id, m.student_id, m.school_id, m.soort, m.status, m.routed_to, m.age_group, " \
  "m.period_start, m.period_end, m.school_end_date, m.signal_datum, m.deadline, m.lrv_begin, " \
  "m.previous_id, m.unauthorised_minutes, m.has_verzuimstaat, m.verzuimstaat, m.details, " \
  "m.closing_reason, m.school_year, m.filed_at, m.treated_at, " \
  "s.first_name, s.last_name, s.birth_date, s.class_name, s.address, s.postcode, s.city, " \
  "s.phone, s.email, s.parent_name, s.parent_phone, s.parent_email, s.stay_address, " \
  "sc.name AS school, sc.brin, sc.sort AS school_sort, sc.phone AS school_phone, " \
  "sc.email AS school_email, l.name AS loket, l.department AS loket_department, " \
  "l.phone AS loket_phone, l.email AS loket_email, g.name AS gemeente, " \
  "u.name AS filed_by_name, u.email AS filed_by_email, " DESK_ORDINAL " AS ordinal " \
  "FROM melding m JOIN student s ON s.id = m.student_id JOIN school sc ON sc.id = m.school_id " \
  "JOIN loket l ON l.id = m.loket_id JOIN gemeente g ON g.id = l.gemeente_id " \
  "LEFT JOIN app_user u ON u.id = m.filed_by WHERE m.id = ?1 AND m.loket_id = ?2") \
X(STMT_DESK_EVENTS, \
  "SELECT e.id, e.at, e.kind, e.status, e.mas_action, e.text, u.name AS author, " \
  "u.role AS author_role FROM melding_event e JOIN melding m ON m.id = e.melding_id " \
  "LEFT JOIN app_user u ON u.id = e.user_id WHERE e.melding_id = ?1 AND m.loket_id = ?2 " \
  "ORDER BY e.at, e.id") \
X(STMT_DESK_ATTACHMENTS, \
  "SELECT a.id, a.filename, a.ctype, a.size, a.at FROM attachment a " \
  "JOIN melding m ON m.id = a.melding_id WHERE a.melding_id = ?1 AND m.loket_id = ?2 ORDER BY a.id") \
X(STMT_DESK_ATTACHMENT, \
  "SELECT a.filename, a.ctype, a.data FROM attachment a JOIN melding m ON m.id = a.melding_id " \
  "WHERE a.id = ?1 AND a.melding_id = ?2 AND m.loket_id = ?3") \
X(STMT_DESK_HAS_WAARSCHUWING, \
  "SELECT count(*) FROM melding_event e JOIN melding m ON m.id = e.melding_id " \
  "WHERE m.student_id = ?1 AND e.kind = 'mas' AND e.mas_action = 'officiele_waarschuwing'") \
X(STMT_DESK_SET_STATUS, \
  "UPDATE melding SET status = ?1, closing_reason = COALESCE(?2, closing_reason), " \
  "treated_at = CASE WHEN ?1 = 'in_behandeling' AND treated_at IS NULL THEN ?3 ELSE treated_at END " \
  "WHERE id = ?4 AND loket_id = ?5 AND status = ?6") \
X(STMT_DESK_EVENT_ADD, \
  "INSERT INTO melding_event (melding_id, at, user_id, kind, status, mas_action, text) " \
  "SELECT m.id, ?3, ?4, ?5, ?6, ?7, ?8 FROM melding m WHERE m.id = ?1 AND m.loket_id = ?2") \
X(STMT_DESK_BY_STATUS, \
  "SELECT m.status, sum(m.n) AS n FROM desk_count m WHERE m.loket_id = ?1 GROUP BY m.status") \
X(STMT_DESK_BY_SOORT, \
  "SELECT m.soort, sum(m.n) AS n FROM desk_count m WHERE m.loket_id = ?1 GROUP BY m.soort") \
X(STMT_DESK_TREAT_STATS, \
  "SELECT count(*), max(m.treated_at - m.filed_at) FROM melding m " \
  "WHERE m.loket_id = ?1 AND m.treated_at IS NOT NULL") \
X(STMT_DESK_TREAT_MEDIAN, \
  "SELECT m.treated_at - m.filed_at AS d FROM melding m WHERE m.loket_id = ?1 " \
  "AND m.treated_at IS NOT NULL ORDER BY d LIMIT 2 OFFSET ?2") \
X(STMT_DESK_OVERDUE, \
  "SELECT m.id, m.soort, m.filed_at, m.age_group, s.first_name || ' ' || s.last_name AS leerling, " \
  "sc.name AS school FROM melding m JOIN student s ON s.id = m.student_id " \
  "JOIN school sc ON sc.id = m.school_id WHERE m.loket_id = ?1 AND m.status = 'geregistreerd' " \
  "AND m.filed_at < ?2 AND m.routed_to <> 'inspectie' ORDER BY m.filed_at, m.id LIMIT ?3") \
X(STMT_DESK_OVERDUE_COUNT, \
  "SELECT count(*) FROM melding m WHERE m.loket_id = ?1 AND m.status = 'geregistreerd' " \
  "AND m.filed_at < ?2 AND m.routed_to <> 'inspectie'") \
X(STMT_DESK_LOKET, \
  "SELECT l.id, l.name, l.covers_leerplicht, l.covers_rmc, g.name AS gemeente, g.region " \
  "FROM loket l JOIN gemeente g ON g.id = l.gemeente_id WHERE l.id = ?1") \
X(STMT_DESK_RMC_SCHOOLS, \
  "SELECT sc.id, sc.brin, sc.name, g.name AS gemeente FROM school sc " \
  "JOIN gemeente g ON g.id = sc.gemeente_id WHERE sc.sort = 'mbo' AND g.region = ?1 " \
  "ORDER BY sc.name, sc.id") \
X(STMT_DESK_RMC_MONTH, \
  "SELECT m.school_id, m.soort, count(*) AS n FROM melding m JOIN school sc ON sc.id = m.school_id " \
  "JOIN gemeente g ON g.id = sc.gemeente_id WHERE sc.sort = 'mbo' AND g.region = ?1 " \
  "AND m.status <> 'ingetrokken' AND m.filed_at >= ?2 AND m.filed_at < ?3 " \
  "GROUP BY m.school_id, m.soort") \
X(STMT_DESK_RMC_REGISTRATIONS, \
  "SELECT st.id, st.school_id, st.birth_date, st.startkwalificatie, st.exempt, sc.region, " \
  "sc.calendar_id, r.date, r.kind, r.minutes FROM student st " \
  "JOIN school sc ON sc.id = st.school_id JOIN gemeente g ON g.id = sc.gemeente_id " \
  "JOIN registration r ON r.student_id = st.id AND r.active = 1 AND r.date <= ?2 " \
  "WHERE sc.sort = 'mbo' AND g.region = ?1 ORDER BY st.id, r.date") \
X(STMT_DESK_VACATIONS, \
  "SELECT start_date, end_date FROM vacation WHERE calendar_id = ?1 ORDER BY start_date")

#endif
