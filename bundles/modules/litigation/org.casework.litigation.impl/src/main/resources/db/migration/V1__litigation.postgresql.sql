-- Litigation's own tables. Cases themselves live in the case engine; these rows refer to them by
-- case id only (no foreign key: the engine's tables are the engine's).

-- One immigration case per A-Number. The primary key is what makes two simultaneous creates of
-- the same A-Number end with one case: the second insert waits for the first transaction and
-- then finds the row (see ANumberIndex).
CREATE TABLE lit_a_number (
    a_number CHAR(9) NOT NULL,
    case_id BIGINT NOT NULL,
    CONSTRAINT lit_a_number_pk PRIMARY KEY (a_number)
);

CREATE UNIQUE INDEX lit_a_number_case_ix ON lit_a_number (case_id);

-- EclipseLink preallocates ids in blocks of 50: the sequences start at 50 and step by 50.
CREATE SEQUENCE lit_hearing_seq AS BIGINT START WITH 50 INCREMENT BY 50;

-- hearing_time is HH:mm in the court's local time, or NULL while unknown.
CREATE TABLE lit_hearing (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    hearing_date DATE NOT NULL,
    hearing_time CHAR(5),
    location VARCHAR(200),
    hearing_type VARCHAR(32) NOT NULL,
    judge VARCHAR(200),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    CONSTRAINT lit_hearing_pk PRIMARY KEY (id)
);

CREATE INDEX lit_hearing_case_ix ON lit_hearing (case_id, hearing_date);

CREATE SEQUENCE lit_due_date_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE lit_due_date (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    due_type VARCHAR(32) NOT NULL,
    due_date DATE NOT NULL,
    description VARCHAR(1000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    CONSTRAINT lit_due_date_pk PRIMARY KEY (id)
);

CREATE INDEX lit_due_date_case_ix ON lit_due_date (case_id, due_date);
