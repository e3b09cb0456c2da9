-- Calendar, workload, reminders and the iCalendar feed (issue 5, items 7 and 8).
-- V2 is left to the litigation case records added beside this change.

-- What litigation needs to know of each of its cases to list them by attorney (the engine's
-- assignee) and office (the owning division) without reading the engine's tables: kept in step
-- by a case listener inside the engine's own transaction.
CREATE TABLE lit_case (
    case_id BIGINT NOT NULL,
    case_type VARCHAR(64) NOT NULL,
    case_number VARCHAR(64) NOT NULL,
    title VARCHAR(500),
    status VARCHAR(64) NOT NULL,
    closed BOOLEAN NOT NULL,
    assignee VARCHAR(64),
    division VARCHAR(64),
    created_by VARCHAR(64),
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT lit_case_pk PRIMARY KEY (case_id)
);

CREATE INDEX lit_case_div_ix ON lit_case (division, closed);

CREATE INDEX lit_case_asg_ix ON lit_case (assignee, closed);

-- Hearings and due dates carry their case's type, attorney, office, creator and open flag, so
-- that the calendar of one office or one attorney is one index range scan in the list's own order
-- (date, time, id), never a sort of the whole office; the
-- listener rewrites them when a case is assigned, transferred, closed or reopened.
ALTER TABLE lit_hearing ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE lit_hearing ADD COLUMN case_type VARCHAR(64);

ALTER TABLE lit_hearing ADD COLUMN division VARCHAR(64);

ALTER TABLE lit_hearing ADD COLUMN assignee VARCHAR(64);

ALTER TABLE lit_hearing ADD COLUMN case_creator VARCHAR(64);

ALTER TABLE lit_hearing ADD COLUMN case_open BOOLEAN DEFAULT TRUE NOT NULL;

CREATE INDEX lit_hearing_div_ix ON lit_hearing (division, hearing_date, hearing_time, id);

CREATE INDEX lit_hearing_asg_ix ON lit_hearing (assignee, hearing_date, hearing_time, id);

ALTER TABLE lit_due_date ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE lit_due_date ADD COLUMN completed BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE lit_due_date ADD COLUMN case_type VARCHAR(64);

ALTER TABLE lit_due_date ADD COLUMN division VARCHAR(64);

ALTER TABLE lit_due_date ADD COLUMN assignee VARCHAR(64);

ALTER TABLE lit_due_date ADD COLUMN case_creator VARCHAR(64);

ALTER TABLE lit_due_date ADD COLUMN case_open BOOLEAN DEFAULT TRUE NOT NULL;

CREATE INDEX lit_due_date_div_ix ON lit_due_date (division, due_date, id);

CREATE INDEX lit_due_date_asg_ix ON lit_due_date (assignee, due_date, id);

-- the reminder run looks for due dates a few days ahead, whoever holds them
CREATE INDEX lit_due_date_date_ix ON lit_due_date (due_date);

-- One row per reminder sent: the unique key is what makes each reminder go out once, also when
-- several nodes run the reminder job at the same moment.
CREATE SEQUENCE lit_reminder_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE lit_reminder (
    id BIGINT NOT NULL,
    due_date_id BIGINT NOT NULL,
    recipient VARCHAR(64) NOT NULL,
    days_before INTEGER NOT NULL,
    case_id BIGINT NOT NULL,
    case_number VARCHAR(64) NOT NULL,
    due_type VARCHAR(32) NOT NULL,
    due_on DATE NOT NULL,
    description VARCHAR(1000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    emailed BOOLEAN NOT NULL,
    CONSTRAINT lit_reminder_pk PRIMARY KEY (id),
    CONSTRAINT lit_reminder_once_uq UNIQUE (due_date_id, recipient, days_before)
);

CREATE INDEX lit_reminder_recipient_ix ON lit_reminder (recipient, created_at);

-- Per-user iCalendar feed tokens, stored only as their SHA-256.
CREATE SEQUENCE lit_feed_token_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE lit_feed_token (
    id BIGINT NOT NULL,
    username VARCHAR(64) NOT NULL,
    token_hash CHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT lit_feed_token_pk PRIMARY KEY (id),
    CONSTRAINT lit_feed_token_hash_uq UNIQUE (token_hash)
);

CREATE INDEX lit_feed_token_user_ix ON lit_feed_token (username);
