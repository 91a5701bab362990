-- Leave requests (verlofaanvragen, SPEC §8): the request, its append-only history and its
-- written decision. Attachments live in attachment (sql/002_school.sql, leave_request_id).

CREATE TABLE leave_request (
	id		INTEGER PRIMARY KEY,
	student_id	INTEGER NOT NULL REFERENCES student(id),
	school_id	INTEGER NOT NULL REFERENCES school(id),	-- the school when requested
	requested_by	INTEGER NOT NULL REFERENCES app_user(id),
	ground		TEXT NOT NULL CHECK (ground IN ('11f', '11g', 'religieus', 'ziekte')),
	category	TEXT CHECK (category IS NULL OR category IN ('huwelijk', 'overlijden',
			'jubileum', 'verhuizing', 'ziekte_familie', 'wettelijk', 'overig')),
	degree		INTEGER CHECK (degree IS NULL OR degree BETWEEN 1 AND 4),
	place		TEXT CHECK (place IS NULL OR place IN ('regio', 'nederland', 'buitenland')),
	start_date	TEXT NOT NULL,
	end_date	TEXT NOT NULL,
	school_days	INTEGER NOT NULL,
	explanation	TEXT NOT NULL DEFAULT '',
	-- religieus and ziekte are notifications (kennisgeving): no decision.
	status		TEXT NOT NULL DEFAULT 'ingediend' CHECK (status IN ('ingediend', 'in_behandeling',
			'doorgestuurd', 'toegekend', 'afgewezen', 'ingetrokken', 'kennisgeving')),
	loket_id	INTEGER REFERENCES loket(id),		-- the leerplicht desk it was forwarded to
	verdict		TEXT NOT NULL DEFAULT '{}',		-- the §8 verdict shown at submission (JSON)
	school_year	TEXT NOT NULL,				-- e.g. 2026-2027
	created_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	client_token	TEXT UNIQUE,				-- one form submission → one request
	CHECK (start_date <= end_date)
);
CREATE INDEX leave_request_school ON leave_request(school_id, status, created_at);
CREATE INDEX leave_request_student ON leave_request(student_id, school_year);
CREATE INDEX leave_request_loket ON leave_request(loket_id, status, created_at);

CREATE TABLE leave_event (
	id		INTEGER PRIMARY KEY,
	leave_request_id INTEGER NOT NULL REFERENCES leave_request(id),
	at		INTEGER NOT NULL DEFAULT (unixepoch()),
	user_id		INTEGER REFERENCES app_user(id),
	kind		TEXT NOT NULL CHECK (kind IN ('ingediend', 'kennisgeving', 'voorbereid',
			'doorgestuurd', 'besluit', 'ingetrokken')),
	status		TEXT NOT NULL,				-- the status after the event
	text		TEXT NOT NULL DEFAULT ''
);
CREATE INDEX leave_event_request ON leave_event(leave_request_id, at);
CREATE TRIGGER leave_event_no_update BEFORE UPDATE ON leave_event
	BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER leave_event_no_delete BEFORE DELETE ON leave_event
	BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- The written decision: one per request, never changed (a new decision would be a new request).
CREATE TABLE leave_decision (
	id		INTEGER PRIMARY KEY,
	leave_request_id INTEGER NOT NULL UNIQUE REFERENCES leave_request(id),
	decision	TEXT NOT NULL CHECK (decision IN ('toegekend', 'afgewezen')),
	reasons		TEXT NOT NULL DEFAULT '[]',		-- codes: objection names, weigergrond:<code>
	reason_text	TEXT NOT NULL DEFAULT '',		-- the decider's own words
	decided_by	INTEGER NOT NULL REFERENCES app_user(id),
	decider_role	TEXT NOT NULL CHECK (decider_role IN ('directeur', 'leerplicht')),
	decider_name	TEXT NOT NULL,
	decider_org	TEXT NOT NULL,				-- school name, or gemeente and desk
	decider_contact	TEXT NOT NULL DEFAULT '',		-- where to send a bezwaarschrift
	decided_at	INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE TRIGGER leave_decision_no_update BEFORE UPDATE ON leave_decision
	BEGIN SELECT RAISE(ABORT, 'decisions are final'); END;
CREATE TRIGGER leave_decision_no_delete BEFORE DELETE ON leave_decision
	BEGIN SELECT RAISE(ABORT, 'decisions are final'); END;
