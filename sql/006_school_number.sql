-- The school's own student number (leerlingnummer), as the school administration system exports
-- it: the key of the registration import (sql/IMPORT.md). Unique within a school when given.
ALTER TABLE student ADD COLUMN number TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX student_number ON student(school_id, number) WHERE number <> '';
