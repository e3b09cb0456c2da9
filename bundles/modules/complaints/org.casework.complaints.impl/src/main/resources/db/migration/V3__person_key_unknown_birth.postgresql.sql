-- The prior-complaint lookup takes, per blocking key, the newest complaints whose detainee's date
-- of birth is unknown. PostgreSQL cannot read those in case order from (blocking_key,
-- date_of_birth, case_id), as "IS NULL" does not fix the column for ordering: it sorted every
-- such row of a key, a number that grows with the office's complaints. This partial index holds
-- only those rows (about one in twenty), in the order the lookup reads them.
CREATE INDEX cmp_person_key_unknown_birth_ix ON cmp_person_key (blocking_key, case_id) WHERE date_of_birth IS NULL;
