-- Desk side (issue 6): the inbox reads a desk's meldingen ordered by status (geregistreerd first)
-- and then oldest first; this index serves that order directly, so a page costs the same with
-- 100,000 meldingen as with 100. The CASE must stay identical to the one in store/stmt_desk.h.
CREATE INDEX melding_inbox ON melding(loket_id,
	(CASE status WHEN 'geregistreerd' THEN 0 WHEN 'in_behandeling' THEN 1
	 WHEN 'ter_kennisgeving' THEN 2 WHEN 'afgesloten' THEN 3 ELSE 4 END), filed_at, id);
-- MAS actions per melding (the proces-verbaal rule looks for an earlier officiële waarschuwing).
CREATE INDEX melding_event_mas ON melding_event(mas_action, melding_id) WHERE kind = 'mas';
