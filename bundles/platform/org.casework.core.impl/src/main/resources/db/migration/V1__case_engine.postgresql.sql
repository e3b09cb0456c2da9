-- Case engine tables (PostgreSQL). Keep in step with V1__case_engine.derby.sql.
-- EclipseLink preallocates ids in blocks of 50: it takes the sequence value as the end of a block,
-- so each sequence starts at 50 and steps by 50.
CREATE SEQUENCE cw_case_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE cw_core_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE TABLE cw_case (
  id BIGINT NOT NULL PRIMARY KEY,
  case_type VARCHAR(40) NOT NULL,
  case_number VARCHAR(40) NOT NULL,
  title VARCHAR(255),
  status VARCHAR(40) NOT NULL,
  closed BOOLEAN NOT NULL,
  assignee VARCHAR(64),
  team VARCHAR(64),
  data TEXT NOT NULL,
  search_text VARCHAR(8000),
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT cw_case_number_uk UNIQUE (case_number)
);
CREATE INDEX cw_case_type_created_ix ON cw_case (case_type, created_at);
CREATE INDEX cw_case_type_status_ix ON cw_case (case_type, status);
CREATE INDEX cw_case_assignee_ix ON cw_case (assignee);
CREATE TABLE cw_case_value (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL,
  field_key VARCHAR(64) NOT NULL,
  ordinal INTEGER NOT NULL,
  value_text VARCHAR(255),
  value_num DECIMAL(31, 6),
  CONSTRAINT cw_case_value_case_fk FOREIGN KEY (case_id) REFERENCES cw_case (id)
);
CREATE INDEX cw_case_value_lookup_ix ON cw_case_value (field_key, value_text);
CREATE INDEX cw_case_value_case_ix ON cw_case_value (case_id, field_key);
CREATE TABLE cw_case_history (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL,
  at_time TIMESTAMP NOT NULL,
  actor VARCHAR(64) NOT NULL,
  action VARCHAR(40) NOT NULL,
  field_key VARCHAR(64),
  old_value TEXT,
  new_value TEXT,
  CONSTRAINT cw_case_history_case_fk FOREIGN KEY (case_id) REFERENCES cw_case (id)
);
CREATE INDEX cw_case_history_case_ix ON cw_case_history (case_id, id);
CREATE TABLE cw_case_note (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL,
  body TEXT NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  CONSTRAINT cw_case_note_case_fk FOREIGN KEY (case_id) REFERENCES cw_case (id)
);
CREATE INDEX cw_case_note_case_ix ON cw_case_note (case_id, id);
CREATE TABLE cw_case_attachment (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  CONSTRAINT cw_case_attachment_case_fk FOREIGN KEY (case_id) REFERENCES cw_case (id)
);
CREATE INDEX cw_case_attachment_case_ix ON cw_case_attachment (case_id, id);
CREATE TABLE cw_case_attachment_content (
  attachment_id BIGINT NOT NULL PRIMARY KEY,
  content BYTEA NOT NULL,
  CONSTRAINT cw_case_attachment_content_fk FOREIGN KEY (attachment_id) REFERENCES cw_case_attachment (id)
);
CREATE TABLE cw_case_link (
  id BIGINT NOT NULL PRIMARY KEY,
  case_id BIGINT NOT NULL,
  other_case_id BIGINT NOT NULL,
  relation VARCHAR(40) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  CONSTRAINT cw_case_link_case_fk FOREIGN KEY (case_id) REFERENCES cw_case (id),
  CONSTRAINT cw_case_link_other_fk FOREIGN KEY (other_case_id) REFERENCES cw_case (id),
  CONSTRAINT cw_case_link_uk UNIQUE (case_id, other_case_id, relation)
);
CREATE INDEX cw_case_link_other_ix ON cw_case_link (other_case_id);
