-- Desk side (issue 6). The inbox of a desk must render a page in under 50 ms with 100,000
-- meldingen (acceptance 4), whatever the page number or filter.

-- The inbox order: status (geregistreerd first), then oldest first. The index also holds every
-- filter column, so a page is read from the index alone and OFFSET skips index entries only.
-- The CASE must stay identical to DESK_RANK in cgi-bin/store/stmt_desk.h.
CREATE INDEX melding_inbox ON melding(loket_id,
	(CASE status WHEN 'geregistreerd' THEN 0 WHEN 'in_behandeling' THEN 1
	 WHEN 'ter_kennisgeving' THEN 2 WHEN 'afgesloten' THEN 3 ELSE 4 END),
	filed_at, id, school_id, soort, age_group, status);
-- MAS actions per melding (the proces-verbaal rule looks for an earlier officiële waarschuwing).
CREATE INDEX melding_event_mas ON melding_event(mas_action, melding_id) WHERE kind = 'mas';

-- How many meldingen a desk has per school, soort, age group and status, kept by triggers, so
-- that "N meldingen, pagina X van Y" and the desk's figures need no count over all rows.
CREATE TABLE desk_count (
	loket_id	INTEGER NOT NULL,
	school_id	INTEGER NOT NULL,
	soort		TEXT NOT NULL,
	age_group	TEXT NOT NULL,
	status		TEXT NOT NULL,
	n		INTEGER NOT NULL,
	PRIMARY KEY (loket_id, school_id, soort, age_group, status)
) WITHOUT ROWID;
INSERT INTO desk_count SELECT loket_id, school_id, soort, age_group, status, count(*)
	FROM melding WHERE loket_id IS NOT NULL GROUP BY loket_id, school_id, soort, age_group, status;

CREATE TRIGGER desk_count_insert AFTER INSERT ON melding WHEN NEW.loket_id IS NOT NULL BEGIN
	INSERT INTO desk_count VALUES (NEW.loket_id, NEW.school_id, NEW.soort, NEW.age_group, NEW.status, 1)
	ON CONFLICT (loket_id, school_id, soort, age_group, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER desk_count_update AFTER UPDATE OF loket_id, school_id, soort, age_group, status ON melding
BEGIN
	UPDATE desk_count SET n = n - 1 WHERE OLD.loket_id IS NOT NULL AND loket_id = OLD.loket_id
	AND school_id = OLD.school_id AND soort = OLD.soort AND age_group = OLD.age_group
	AND status = OLD.status;
	INSERT INTO desk_count SELECT NEW.loket_id, NEW.school_id, NEW.soort, NEW.age_group, NEW.status, 1
	WHERE NEW.loket_id IS NOT NULL
	ON CONFLICT (loket_id, school_id, soort, age_group, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER desk_count_delete AFTER DELETE ON melding WHEN OLD.loket_id IS NOT NULL BEGIN
	UPDATE desk_count SET n = n - 1 WHERE loket_id = OLD.loket_id AND school_id = OLD.school_id
	AND soort = OLD.soort AND age_group = OLD.age_group AND status = OLD.status;
END;
