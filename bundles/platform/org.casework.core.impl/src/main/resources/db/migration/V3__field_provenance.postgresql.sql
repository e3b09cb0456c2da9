-- Authoritative-source fields: where each such value of a case came from (the owning system and
-- when it gave the value, or who entered or corrected it and why), as JSON keyed by field, read
-- with the case so lists need no second query. History entries gain a detail: the reason of a
-- correction, or the source that gave a value. Rows from before this migration have neither.
-- Keep in step with V3__field_provenance.derby.sql.

ALTER TABLE cw_case ADD COLUMN provenance TEXT;

ALTER TABLE cw_case_history ADD COLUMN detail VARCHAR(2100);
