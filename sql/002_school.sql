-- Absence registrations and verzuimmeldingen (SPEC §2, §6). Append-only history: corrections and
-- events are new rows, nothing is overwritten.

CREATE TABLE registration (
	id		INTEGER PRIMARY KEY,
	student_id	INTEGER NOT NULL REFERENCES student(id),
	date		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('ongeoorloofd', 'te_laat', 'ziek', 'verlof', 'schorsing')),
	minutes		INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
	note		TEXT NOT NULL DEFAULT '',
	created_by	INTEGER REFERENCES app_user(id),
	created_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	corrects_id	INTEGER REFERENCES registration(id),	-- this row corrects that one
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),	-- 0: corrected later
	source		TEXT NOT NULL DEFAULT 'formulier',	-- formulier, import, verlof
	leave_request_id INTEGER					-- set for verlof rows from a granted request
);
CREATE INDEX registration_student ON registration(student_id, active, date);

CREATE TABLE melding (
	id		INTEGER PRIMARY KEY,
	student_id	INTEGER NOT NULL REFERENCES student(id),
	school_id	INTEGER NOT NULL REFERENCES school(id),
	soort		TEXT NOT NULL CHECK (soort IN ('16uur', 'luxe', 'lrv', 'overig', 'rmc18', 'schorsing', 'verwijdering')),
	status		TEXT NOT NULL DEFAULT 'geregistreerd'
			CHECK (status IN ('geregistreerd', 'in_behandeling', 'afgesloten', 'ter_kennisgeving', 'ingetrokken')),
	routed_to	TEXT NOT NULL CHECK (routed_to IN ('leerplicht', 'rmc', 'inspectie')),
	loket_id	INTEGER REFERENCES loket(id),		-- the desk that handles it (or is informed)
	age_group	TEXT NOT NULL CHECK (age_group IN ('5-18', '18-23')),
	period_start	TEXT NOT NULL,
	period_end	TEXT,					-- end date, when known
	school_end_date	TEXT,					-- the end date the school gave (needed to close)
	signal_datum	TEXT,					-- the signal this melding answers
	deadline	TEXT,					-- uiterlijk melden
	lrv_begin	TEXT,					-- LRV: day after the last 16uur melding, or F
	previous_id	INTEGER REFERENCES melding(id),	-- vervolgmelding of
	unauthorised_minutes INTEGER NOT NULL DEFAULT 0,	-- in the period (Halt rule)
	has_verzuimstaat INTEGER NOT NULL DEFAULT 0,
	verzuimstaat	TEXT NOT NULL DEFAULT '',		-- generated statement (JSON)
	details		TEXT NOT NULL DEFAULT '{}',		-- the form's fields (JSON)
	closing_reason	TEXT CHECK (closing_reason IS NULL OR closing_reason IN ('terug_naar_school',
			'ander_onderwijs', 'werk', 'langdurig_ziek', 'geoorloofd_afwezig', 'overleden', 'overig')),
	school_year	TEXT NOT NULL,				-- e.g. 2026-2027, for the ordinal
	filed_by	INTEGER NOT NULL REFERENCES app_user(id),
	filed_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	treated_at	INTEGER,				-- first in_behandeling
	client_token	TEXT UNIQUE				-- idempotency: one form submission → one melding
);
CREATE INDEX melding_loket ON melding(loket_id, status, filed_at);
CREATE INDEX melding_school ON melding(school_id, status, filed_at);
CREATE INDEX melding_student ON melding(student_id, school_year, filed_at);

CREATE TABLE melding_event (
	id		INTEGER PRIMARY KEY,
	melding_id	INTEGER NOT NULL REFERENCES melding(id),
	at		INTEGER NOT NULL DEFAULT (unixepoch()),
	user_id		INTEGER REFERENCES app_user(id),
	kind		TEXT NOT NULL CHECK (kind IN ('ingediend', 'status', 'informatie', 'terugkoppeling',
			'mas', 'bijlage', 'einddatum', 'ouders_geinformeerd', 'vervolg')),
	status		TEXT,			-- new status for kind status
	mas_action	TEXT,			-- for kind mas
	text		TEXT NOT NULL DEFAULT ''
);
CREATE INDEX melding_event_melding ON melding_event(melding_id, at);
CREATE TRIGGER melding_event_no_update BEFORE UPDATE ON melding_event
	BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER melding_event_no_delete BEFORE DELETE ON melding_event
	BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Uploaded documents (PDF or image), checked by content, stored with their SHA-256.
CREATE TABLE attachment (
	id		INTEGER PRIMARY KEY,
	melding_id	INTEGER REFERENCES melding(id),
	leave_request_id INTEGER,
	filename	TEXT NOT NULL,
	ctype		TEXT NOT NULL CHECK (ctype IN ('application/pdf', 'image/png', 'image/jpeg')),
	size		INTEGER NOT NULL,
	sha256		TEXT NOT NULL,
	data		BLOB NOT NULL,
	uploaded_by	INTEGER REFERENCES app_user(id),
	at		INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX attachment_melding ON attachment(melding_id);
CREATE INDEX attachment_leave ON attachment(leave_request_id);
