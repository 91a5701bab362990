-- Parents (role ouder) are linked to their children by the e-mail address the school registered
-- for the ouders/verzorgers (student.parent_email, from the school's import or administration):
-- an account for that address, invited by beheer and activated through a link sent to that
-- address, sees those children. Triggers keep the links whichever comes first, the account or
-- the student, and follow changes of either address or of the role. Links made otherwise
-- (via_email = 0, e.g. the demo data) are left alone.
ALTER TABLE guardian ADD COLUMN via_email INTEGER NOT NULL DEFAULT 0;
CREATE INDEX student_parent_email ON student(lower(parent_email)) WHERE parent_email <> '';

INSERT OR IGNORE INTO guardian (user_id, student_id, via_email)
	SELECT u.id, s.id, 1 FROM student s JOIN app_user u ON u.email = s.parent_email
	WHERE s.parent_email <> '' AND u.role = 'ouder';

CREATE TRIGGER guardian_user_insert AFTER INSERT ON app_user WHEN new.role = 'ouder' BEGIN
	INSERT OR IGNORE INTO guardian (user_id, student_id, via_email)
		SELECT new.id, s.id, 1 FROM student s
		WHERE lower(s.parent_email) = lower(new.email) AND s.parent_email <> '';
END;

CREATE TRIGGER guardian_user_update AFTER UPDATE OF email, role ON app_user BEGIN
	DELETE FROM guardian WHERE user_id = new.id AND via_email = 1;
	INSERT OR IGNORE INTO guardian (user_id, student_id, via_email)
		SELECT new.id, s.id, 1 FROM student s
		WHERE new.role = 'ouder' AND lower(s.parent_email) = lower(new.email)
		AND s.parent_email <> '';
END;

CREATE TRIGGER guardian_student_insert AFTER INSERT ON student WHEN new.parent_email <> '' BEGIN
	INSERT OR IGNORE INTO guardian (user_id, student_id, via_email)
		SELECT u.id, new.id, 1 FROM app_user u
		WHERE u.email = new.parent_email AND u.role = 'ouder';
END;

CREATE TRIGGER guardian_student_update AFTER UPDATE OF parent_email ON student BEGIN
	DELETE FROM guardian WHERE student_id = new.id AND via_email = 1;
	INSERT OR IGNORE INTO guardian (user_id, student_id, via_email)
		SELECT u.id, new.id, 1 FROM app_user u
		WHERE new.parent_email <> '' AND u.email = new.parent_email AND u.role = 'ouder';
END;
