-- Core schema: organisation (gemeenten, desks, schools, calendars), people, accounts, audit.
-- Timestamps are INTEGER seconds since the epoch (UTC); dates are TEXT 'YYYY-MM-DD'.

CREATE TABLE gemeente (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	region		TEXT NOT NULL		-- policy of SPEC §4: haaglanden, rivierenland, landelijk
);

CREATE TABLE loket (
	id		INTEGER PRIMARY KEY,
	gemeente_id	INTEGER NOT NULL REFERENCES gemeente(id),
	name		TEXT NOT NULL,
	department	TEXT NOT NULL,
	phone		TEXT NOT NULL,
	email		TEXT NOT NULL,
	covers_leerplicht INTEGER NOT NULL CHECK (covers_leerplicht IN (0, 1)),	-- 5–18
	covers_rmc	INTEGER NOT NULL CHECK (covers_rmc IN (0, 1))			-- 18–23
);
CREATE INDEX loket_gemeente ON loket(gemeente_id);

CREATE TABLE calendar (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE
);

CREATE TABLE vacation (
	id		INTEGER PRIMARY KEY,
	calendar_id	INTEGER NOT NULL REFERENCES calendar(id),
	start_date	TEXT NOT NULL,
	end_date	TEXT NOT NULL,
	name		TEXT NOT NULL,
	CHECK (start_date <= end_date)
);
CREATE INDEX vacation_calendar ON vacation(calendar_id, start_date);

CREATE TABLE school (
	id		INTEGER PRIMARY KEY,
	brin		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	sort		TEXT NOT NULL CHECK (sort IN ('po', 'vo', 'mbo', 'vso', 'pro')),
	region		TEXT NOT NULL,
	calendar_id	INTEGER NOT NULL REFERENCES calendar(id),
	gemeente_id	INTEGER REFERENCES gemeente(id),	-- where the school is
	phone		TEXT NOT NULL DEFAULT '',
	email		TEXT NOT NULL DEFAULT ''
);

CREATE TABLE student (
	id		INTEGER PRIMARY KEY,
	school_id	INTEGER NOT NULL REFERENCES school(id),
	first_name	TEXT NOT NULL,
	last_name	TEXT NOT NULL,
	birth_date	TEXT NOT NULL,
	gemeente_id	INTEGER NOT NULL REFERENCES gemeente(id),	-- woongemeente: decides routing
	startkwalificatie INTEGER NOT NULL DEFAULT 0 CHECK (startkwalificatie IN (0, 1)),
	exempt		INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
	class_name	TEXT NOT NULL DEFAULT '',
	days_per_week	INTEGER NOT NULL DEFAULT 5 CHECK (days_per_week BETWEEN 1 AND 5),
	address		TEXT NOT NULL DEFAULT '',
	postcode	TEXT NOT NULL DEFAULT '',
	city		TEXT NOT NULL DEFAULT '',
	phone		TEXT NOT NULL DEFAULT '',
	email		TEXT NOT NULL DEFAULT '',
	parent_name	TEXT NOT NULL DEFAULT '',
	parent_phone	TEXT NOT NULL DEFAULT '',
	parent_email	TEXT NOT NULL DEFAULT '',
	stay_address	TEXT NOT NULL DEFAULT '',	-- a different address where the student stays
	bsn_enc		BLOB,				-- crypto_secretbox: nonce || ciphertext
	bsn_hash	BLOB,				-- keyed BLAKE2b for exact look-up
	created_at	INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX student_school ON student(school_id, last_name, first_name);
CREATE UNIQUE INDEX student_bsn ON student(bsn_hash) WHERE bsn_hash IS NOT NULL;

CREATE TABLE app_user (
	id		INTEGER PRIMARY KEY,
	email		TEXT NOT NULL UNIQUE COLLATE NOCASE,
	name		TEXT NOT NULL,
	role		TEXT NOT NULL CHECK (role IN ('ouder', 'school', 'directeur', 'leerplicht', 'rmc', 'beheer')),
	school_id	INTEGER REFERENCES school(id),
	loket_id	INTEGER REFERENCES loket(id),
	pw_hash		TEXT,				-- crypto_pwhash_str (Argon2id); NULL until set
	disabled	INTEGER NOT NULL DEFAULT 0,
	created_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	CHECK (role NOT IN ('school', 'directeur') OR school_id IS NOT NULL),
	CHECK (role NOT IN ('leerplicht', 'rmc') OR loket_id IS NOT NULL)
);

-- The children of a parent (role ouder).
CREATE TABLE guardian (
	user_id		INTEGER NOT NULL REFERENCES app_user(id),
	student_id	INTEGER NOT NULL REFERENCES student(id),
	PRIMARY KEY (user_id, student_id)
);
CREATE INDEX guardian_student ON guardian(student_id);

CREATE TABLE session (
	id		INTEGER PRIMARY KEY,
	token_hash	BLOB NOT NULL UNIQUE,		-- keyed BLAKE2b of the cookie token
	user_id		INTEGER NOT NULL REFERENCES app_user(id),
	csrf		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	seen_at		INTEGER NOT NULL
);
CREATE INDEX session_user ON session(user_id);

-- Failed log-ins, for throttling per account and address.
CREATE TABLE login_failure (
	id		INTEGER PRIMARY KEY,
	email_hash	BLOB NOT NULL,
	address		TEXT NOT NULL,
	at		INTEGER NOT NULL
);
CREATE INDEX login_failure_key ON login_failure(email_hash, address, at);

-- One-time links for new accounts and password resets: only the token's hash is kept.
CREATE TABLE onetime_token (
	id		INTEGER PRIMARY KEY,
	token_hash	BLOB NOT NULL UNIQUE,
	user_id		INTEGER NOT NULL REFERENCES app_user(id),
	purpose		TEXT NOT NULL CHECK (purpose IN ('activeren', 'herstel')),
	expires_at	INTEGER NOT NULL,
	used_at		INTEGER
);

-- Mail waiting for delivery (and, in demo mode, shown on the outbox page).
CREATE TABLE outbox (
	id		INTEGER PRIMARY KEY,
	to_addr		TEXT NOT NULL,
	subject		TEXT NOT NULL,
	body		TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'wachtend' CHECK (status IN ('wachtend', 'verzonden', 'mislukt')),
	tries		INTEGER NOT NULL DEFAULT 0,
	next_try_at	INTEGER NOT NULL DEFAULT 0,
	last_error	TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX outbox_due ON outbox(status, next_try_at);

-- Append-only audit log; each row's hash chains to the previous row's.
CREATE TABLE audit (
	id		INTEGER PRIMARY KEY,
	at		INTEGER NOT NULL,
	user_id		INTEGER,
	action		TEXT NOT NULL,
	object		TEXT NOT NULL,
	address		TEXT NOT NULL,
	hash		BLOB NOT NULL
);
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

-- Policies of SPEC §4, loaded from sql/policies.csv at start-up.
CREATE TABLE policy (
	region		TEXT PRIMARY KEY,
	body		TEXT NOT NULL
);
