-- Benchmark data at regional scale (make bench), loaded with the sqlite3 CLI into the database of
-- a stack started with the normal migrations and the demo data (sql/demo.sql):
--   200 more schools with one school account each; 100,000 more students, of whom 1,500 at demo
--   school 1 (so school@demo.nl sees a big school); a school year (2025-09-01 .. 2026-06-19) of
--   absence registrations, about ten per student; 50,000 meldingen routed the way SPEC §6 routes
--   them (woongemeente, age group → the desk of seed 001), each with its 'ingediend' event.
-- Ids of generated rows start at 1,000 (schools, users) and 100,000 (students) to stay clear of
-- the demo rows. One transaction; ANALYZE at the end so the planner knows the sizes.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = ON;
BEGIN;

CREATE TEMP TABLE first_names(i INTEGER PRIMARY KEY, v TEXT);
INSERT INTO first_names(v) VALUES ('Daan'),('Sem'),('Lucas'),('Noah'),('Levi'),('Finn'),('Mila'),
	('Emma'),('Julia'),('Tess'),('Sara'),('Yara'),('Liam'),('Noor'),('Zoë'),('Saar'),('Mohammed'),
	('Fatima'),('Ayoub'),('Nora'),('Jesse'),('Lotte'),('Milan'),('Anouk'),('Thijs'),('Sanne');
CREATE TEMP TABLE last_names(i INTEGER PRIMARY KEY, v TEXT);
INSERT INTO last_names(v) VALUES ('de Vries'),('Bakker'),('Visser'),('Smit'),('Meijer'),
	('de Boer'),('Mulder'),('de Groot'),('Bos'),('Vos'),('Peters'),('Hendriks'),('van Leeuwen'),
	('Dekker'),('Brouwer'),('de Wit'),('Dijkstra'),('Smits'),('de Graaf'),('van der Meer'),
	('Yilmaz'),('El Amrani'),('Kaya'),('Jansen'),('de Jong'),('van Dijk'),('Janssen');

-- Schools 1000..1199: vo and mbo across the eight gemeenten of the demo data.
INSERT INTO school (id, brin, name, sort, region, calendar_id, gemeente_id, phone, email)
SELECT value, 'B' || value, 'Bench school ' || value, CASE value % 3 WHEN 0 THEN 'mbo' ELSE 'vo' END,
	'haaglanden', 1, 1 + value % 8, '070 - 000 00 00', 'verzuim@school' || value || '.bench.nl'
FROM generate_series(1000, 1199);

INSERT INTO app_user (id, email, name, role, school_id, pw_hash)
SELECT value, 'school' || value || '@bench.nl', 'Verzuimcoördinator ' || value, 'school', value, NULL
FROM generate_series(1000, 1199);

-- Students 100000..199999: the first 1,500 at demo school 1, the rest spread over the others.
-- Ages 11 to 22 on 2026-01-01, so both leerplicht (5-18) and RMC (18-23) have work.
INSERT INTO student (id, school_id, first_name, last_name, birth_date, gemeente_id,
	startkwalificatie, class_name, address, postcode, city)
SELECT value,
	CASE WHEN value < 101500 THEN 1 ELSE 1000 + value % 200 END,
	(SELECT v FROM first_names WHERE i = 1 + value % 26),
	(SELECT v FROM last_names WHERE i = 1 + (value / 26) % 27),
	date('2004-01-01', '+' || (value * 7919 % 4380) || ' days'),
	1 + (value * 31) % 8,
	CASE WHEN value % 10 = 0 THEN 1 ELSE 0 END,
	'K' || (value % 40),
	'Bankastraat ' || (value % 300 + 1), (2500 + value % 200) || ' AB', 'Den Haag'
FROM generate_series(100000, 199999);

-- A school year of registrations: about ten per student on school days (Monday to Friday).
INSERT INTO registration (student_id, date, kind, minutes, note, created_by, created_at, source)
SELECT s, date('2025-09-01', '+' || ((d / 5) * 7 + d % 5) || ' days'),
	CASE WHEN k < 40 THEN 'ongeoorloofd' WHEN k < 70 THEN 'te_laat' WHEN k < 95 THEN 'ziek' ELSE 'verlof' END,
	CASE WHEN k >= 40 AND k < 70 THEN 5 + k % 26 ELSE 60 + (k * 37) % 241 END,
	'', 2, 1756684800 + d * 86400, CASE WHEN k % 7 = 0 THEN 'import' ELSE 'formulier' END
FROM (SELECT 100000 + value % 100000 AS s, (value * 2654435761) % 190 AS d, (value * 40503) % 100 AS k
      FROM generate_series(0, 999999));

-- The desk of each gemeente and age group (seed 001: Rijswijk, Westland and Zoetermeer have one
-- desk for leerplicht and another for RMC).
CREATE TEMP TABLE route(gemeente_id INTEGER, age_group TEXT, loket_id INTEGER);
INSERT INTO route SELECT g.id, '5-18', l.id FROM gemeente g JOIN loket l ON l.gemeente_id = g.id AND l.covers_leerplicht = 1;
INSERT INTO route SELECT g.id, '18-23', l.id FROM gemeente g JOIN loket l ON l.gemeente_id = g.id AND l.covers_rmc = 1;

-- 50,000 meldingen over the year, most of them handled, the newest ones still open.
INSERT INTO melding (id, student_id, school_id, soort, status, routed_to, loket_id, age_group,
	period_start, period_end, deadline, school_year, filed_by, filed_at, treated_at, details)
SELECT 100000 + m.n, st.id, st.school_id, m.soort,
	CASE WHEN m.n > 47000 THEN 'geregistreerd' WHEN m.n > 44000 THEN 'in_behandeling'
	     WHEN m.n % 25 = 0 THEN 'ingetrokken' ELSE 'afgesloten' END,
	CASE WHEN st.birth_date > '2008-01-01' THEN 'leerplicht' ELSE 'rmc' END,
	r.loket_id, r.age_group, m.day, NULL, date(m.day, '+5 days'), '2025-2026',
	CASE WHEN st.school_id = 1 THEN 2 ELSE st.school_id END,
	1756684800 + m.n * 470, CASE WHEN m.n > 47000 THEN NULL ELSE 1756684800 + m.n * 470 + 86400 END,
	'{"toelichting":"gegenereerd voor de benchmark"}'
FROM (SELECT value AS n, 100000 + (value * 7) % 100000 AS sid,
	     date('2025-09-01', '+' || (value * 190 / 50000 / 5 * 7 + (value * 190 / 50000) % 5) || ' days') AS day,
	     CASE value % 10 WHEN 0 THEN 'luxe' WHEN 1 THEN 'lrv' WHEN 2 THEN 'overig' ELSE '16uur' END AS soort
      FROM generate_series(1, 50000)) AS m
JOIN student st ON st.id = m.sid
JOIN route r ON r.gemeente_id = st.gemeente_id
	AND r.age_group = CASE WHEN st.birth_date > '2008-01-01' THEN '5-18' ELSE '18-23' END;

INSERT INTO melding_event (melding_id, at, user_id, kind, text)
SELECT id, filed_at, filed_by, 'ingediend', '' FROM melding WHERE id >= 100000;

COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SELECT 'gen_data: ' || (SELECT count(*) FROM student) || ' students, ' ||
	(SELECT count(*) FROM registration) || ' registrations, ' ||
	(SELECT count(*) FROM melding) || ' meldingen, ' ||
	(SELECT count(*) FROM melding WHERE loket_id = 10) || ' at desk 10 (Zoetermeer leerplicht)';
