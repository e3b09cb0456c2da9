-- Work on cases of any type (issue 5): time spent per person, the office-wide lock date that
-- freezes older time entries, the people working on a case in a role, and dated case events.
-- Plain SQL that Derby and PostgreSQL both accept. Ids come from cw_core_seq like the notes'.
CREATE TABLE cw_time_entry (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL,
  person VARCHAR(64) NOT NULL,
  work_date DATE NOT NULL,
  minutes INTEGER NOT NULL,
  activity VARCHAR(500) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT cw_time_entry_case_fk FOREIGN KEY (case_id) REFERENCES cw_case (id),
  CONSTRAINT cw_time_entry_minutes_ck CHECK (minutes > 0 AND minutes <= 1440)
);
CREATE INDEX cw_time_entry_case_ix ON cw_time_entry (case_id, work_date);
CREATE INDEX cw_time_entry_date_ix ON cw_time_entry (work_date);
-- One row: the lock date a manager set. A version column makes two managers' edits serialise.
CREATE TABLE cw_time_lock (
  lock_key VARCHAR(20) NOT NULL PRIMARY KEY,
  lock_date DATE,
  set_at TIMESTAMP,
  set_by VARCHAR(64),
  version BIGINT NOT NULL
);
INSERT INTO cw_time_lock (lock_key, lock_date, set_at, set_by, version) VALUES ('office', NULL, NULL, NULL, 0);
CREATE TABLE cw_case_member (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL,
  person VARCHAR(64) NOT NULL,
  member_role VARCHAR(40) NOT NULL,
  added_at TIMESTAMP NOT NULL,
  added_by VARCHAR(64) NOT NULL,
  CONSTRAINT cw_case_member_case_fk FOREIGN KEY (case_id) REFERENCES cw_case (id),
  CONSTRAINT cw_case_member_uk UNIQUE (case_id, person, member_role)
);
CREATE TABLE cw_case_event (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL,
  event_date DATE NOT NULL,
  kind VARCHAR(40) NOT NULL,
  description VARCHAR(2000) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  CONSTRAINT cw_case_event_case_fk FOREIGN KEY (case_id) REFERENCES cw_case (id)
);
CREATE INDEX cw_case_event_case_ix ON cw_case_event (case_id, event_date);
