-- SPEC §3: Bevrijdingsdag (5 May) is a public holiday for werkdagen, "configurable, default on".
-- Per region, next to the other rules of its verzuimbeleid (Beheer → Verzuimbeleid): 1 counts
-- 5 May as no werkdag (every deadline in werkdagen: uiterlijk melden, the melding's deadline, the
-- desk's term, the leave request's notice), 0 counts it as an ordinary day. verzuimctl always
-- counts it (§9).
ALTER TABLE region_policy ADD COLUMN bevrijdingsdag INTEGER NOT NULL DEFAULT 1
	CHECK (bevrijdingsdag IN (0, 1));
