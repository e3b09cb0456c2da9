-- Fast prior-complaint lookup. Fuzzy blocking keys are shared by many people in a large index, so
-- the lookup narrows candidates in SQL by date of birth: each key row carries the detainee's date
-- of birth, and the composite index (blocking_key, date_of_birth, case_id) answers the candidate
-- query from the index alone. key_version records which PersonMatching.KEY_VERSION computed the
-- key; rows from an older version (0 = before this migration) are recomputed in the background
-- when the module starts (PersonKeyRefresher).
ALTER TABLE cmp_person_key ADD COLUMN date_of_birth DATE;
ALTER TABLE cmp_person_key ADD COLUMN key_version INTEGER NOT NULL DEFAULT 0;

CREATE INDEX cmp_person_key_lookup_ix ON cmp_person_key (blocking_key, date_of_birth, case_id);
DROP INDEX cmp_person_key_key_ix;
CREATE INDEX cmp_person_key_version_ix ON cmp_person_key (key_version, case_id);
