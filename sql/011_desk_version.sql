-- A version number per desk that changes whenever anything its inbox shows may have changed, so
-- a worker can keep a rendered inbox page and reuse it while the number stays the same
-- (cgi-bin/pages/page_cache.c). Kept by triggers, in the same transaction as the change:
--   - a melding of the desk (any column), or any melding of a student who has meldingen at the
--     desk (the ordinal "eerste, tweede, volgende" counts the student's other meldingen);
--   - a student's name or date of birth;
--   - a school's name (the school filter and the rows);
--   - the desk itself and its gemeente (the page's heading).
-- Registrations, leave requests, sessions and the like do not touch it.
CREATE TABLE desk_version (
	loket_id	INTEGER PRIMARY KEY REFERENCES loket(id),
	v		INTEGER NOT NULL DEFAULT 0
);
INSERT INTO desk_version (loket_id) SELECT id FROM loket;

CREATE TRIGGER desk_version_loket_insert AFTER INSERT ON loket BEGIN
	INSERT OR IGNORE INTO desk_version (loket_id) VALUES (NEW.id);
END;
CREATE TRIGGER desk_version_loket_update AFTER UPDATE ON loket BEGIN
	UPDATE desk_version SET v = v + 1 WHERE loket_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER desk_version_gemeente_update AFTER UPDATE ON gemeente BEGIN
	UPDATE desk_version SET v = v + 1
	WHERE loket_id IN (SELECT id FROM loket WHERE gemeente_id IN (OLD.id, NEW.id));
END;

CREATE TRIGGER desk_version_melding_insert AFTER INSERT ON melding BEGIN
	UPDATE desk_version SET v = v + 1
	WHERE loket_id IN (SELECT loket_id FROM melding WHERE student_id = NEW.student_id);
END;
CREATE TRIGGER desk_version_melding_update AFTER UPDATE ON melding BEGIN
	UPDATE desk_version SET v = v + 1
	WHERE loket_id IN (OLD.loket_id, NEW.loket_id)
	OR loket_id IN (SELECT loket_id FROM melding WHERE student_id IN (OLD.student_id, NEW.student_id));
END;
CREATE TRIGGER desk_version_melding_delete AFTER DELETE ON melding BEGIN
	UPDATE desk_version SET v = v + 1
	WHERE loket_id = OLD.loket_id
	OR loket_id IN (SELECT loket_id FROM melding WHERE student_id = OLD.student_id);
END;

CREATE TRIGGER desk_version_student_update AFTER UPDATE OF first_name, last_name, birth_date
ON student BEGIN
	UPDATE desk_version SET v = v + 1
	WHERE loket_id IN (SELECT loket_id FROM melding WHERE student_id IN (OLD.id, NEW.id));
END;
CREATE TRIGGER desk_version_school_update AFTER UPDATE OF name ON school BEGIN
	UPDATE desk_version SET v = v + 1
	WHERE loket_id IN (SELECT loket_id FROM desk_count WHERE school_id IN (OLD.id, NEW.id));
END;
