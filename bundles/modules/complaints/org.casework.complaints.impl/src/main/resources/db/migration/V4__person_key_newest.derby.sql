-- A detainee whose date of birth is unknown is compared with the newest complaints of each of
-- their blocking keys, whatever those complaints' dates of birth. (blocking_key, date_of_birth,
-- case_id) cannot give a key's rows in case order across dates, so every row of the key was read
-- and sorted. Derby reads an index in its own order only, hence case_id descending.
CREATE INDEX cmp_person_key_newest_ix ON cmp_person_key (blocking_key, case_id DESC);
