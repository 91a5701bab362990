-- The policies of SPEC §4 as rows the administrator manages (Beheer → Verzuimbeleid).
-- sql/policies.csv holds the values of the protocols (seeds 000, 003, 004): a region that has
-- no row yet gets them at start (store_policies_seed); after that the row is what counts.
-- changed_by/changed_at: the last change through the beheer page (NULL: the protocol's values).
CREATE TABLE region_policy (
	region		TEXT PRIMARY KEY,
	uren_16uur	INTEGER NOT NULL,
	licht_uren	INTEGER NOT NULL,
	te_laat_aantal	INTEGER NOT NULL,
	ziek_dagen	INTEGER NOT NULL,
	ziek_meldingen	INTEGER NOT NULL,
	schorsing_max	INTEGER NOT NULL,
	dag_minuten	INTEGER NOT NULL,
	changed_at	INTEGER,
	changed_by	INTEGER REFERENCES app_user(id)
);
-- The table of 001 that held policies as text was never used.
DROP TABLE policy;
