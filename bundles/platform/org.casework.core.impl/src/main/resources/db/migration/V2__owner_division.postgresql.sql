-- Need-to-know: the division that owns a case, so lists can be narrowed to the caller's divisions
-- in the query itself. Cases from before this migration belong to no division.
-- Keep in step with V2__owner_division.derby.sql.

ALTER TABLE cw_case ADD COLUMN owner_division VARCHAR(64);

CREATE INDEX cw_case_type_division_ix ON cw_case (case_type, owner_division);
