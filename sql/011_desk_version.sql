-- A version number per desk that changes whenever anything its inbox shows may have changed, so
-- a worker can keep a rendered inbox page and reuse it while the number stays the same
-- (cgi-bin/pages/page_cache.c). Kept by triggers, in the same transaction as the change:
--   - a melding of the desk (any column), or a melding of a student who has a later melding of
--     the same school year at the desk (its ordinal "eerste, tweede, volgende" counts the
--     student's earlier meldingen);
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

-- A melding changes the ordinal of its student's meldingen of the same school year that come
-- after it in (filed_at, id) order (MELDING_ORDINAL in cgi-bin/store/stmt.h). Two ranges of the
-- index melding_student (which ends in the rowid): later seconds, and the same second with a
-- higher id. Both are empty for a melding filed now, however many were filed that second.
CREATE TRIGGER desk_version_melding_insert AFTER INSERT ON melding BEGIN
	UPDATE desk_version SET v = v + 1
	WHERE loket_id = NEW.loket_id
	OR loket_id IN (SELECT loket_id FROM melding WHERE student_id = NEW.student_id
		AND school_year = NEW.school_year AND filed_at > NEW.filed_at)
	OR loket_id IN (SELECT loket_id FROM melding WHERE student_id = NEW.student_id
		AND school_year = NEW.school_year AND filed_at = NEW.filed_at AND id > NEW.id);
END;
-- Changed from OLD to NEW: what came after either (the earlier filed_at of the two).
CREATE TRIGGER desk_version_melding_update AFTER UPDATE ON melding BEGIN
	UPDATE desk_version SET v = v + 1
	WHERE loket_id IN (OLD.loket_id, NEW.loket_id)
	OR loket_id IN (SELECT loket_id FROM melding WHERE student_id = OLD.student_id
		AND school_year = OLD.school_year AND filed_at > min(OLD.filed_at, NEW.filed_at))
	OR loket_id IN (SELECT loket_id FROM melding WHERE student_id = OLD.student_id
		AND school_year = OLD.school_year AND filed_at = min(OLD.filed_at, NEW.filed_at)
		AND id > OLD.id)
	OR loket_id IN (SELECT loket_id FROM melding WHERE student_id = NEW.student_id
		AND school_year = NEW.school_year AND filed_at > min(OLD.filed_at, NEW.filed_at))
	OR loket_id IN (SELECT loket_id FROM melding WHERE student_id = NEW.student_id
		AND school_year = NEW.school_year AND filed_at = min(OLD.filed_at, NEW.filed_at)
		AND id > NEW.id);
END;
CREATE TRIGGER desk_version_melding_delete AFTER DELETE ON melding BEGIN
	UPDATE desk_version SET v = v + 1
	WHERE loket_id = OLD.loket_id
	OR loket_id IN (SELECT loket_id FROM melding WHERE student_id = OLD.student_id
		AND school_year = OLD.school_year AND filed_at > OLD.filed_at)
	OR loket_id IN (SELECT loket_id FROM melding WHERE student_id = OLD.student_id
		AND school_year = OLD.school_year AND filed_at = OLD.filed_at AND id > OLD.id);
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
