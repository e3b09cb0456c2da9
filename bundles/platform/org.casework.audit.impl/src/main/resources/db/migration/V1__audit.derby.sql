-- The audit trail of org.casework.audit.impl. Entries are inserted unchained by the writer's
-- transaction; the chainer appends them to cw_audit_chain later. Every table here is append-only.
CREATE SEQUENCE cw_audit_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE cw_audit_entry (
    id BIGINT NOT NULL,
    at_time TIMESTAMP NOT NULL,
    actor VARCHAR(64) NOT NULL,
    system_caller BOOLEAN NOT NULL,
    remote_address VARCHAR(64),
    action VARCHAR(40) NOT NULL,
    record_type VARCHAR(64),
    record_id VARCHAR(64),
    outcome VARCHAR(16) NOT NULL,
    changes VARCHAR(32000),
    detail VARCHAR(2000),
    entry_hash VARCHAR(64) NOT NULL,
    CONSTRAINT cw_audit_entry_pk PRIMARY KEY (id)
);
CREATE INDEX cw_audit_entry_actor_ix ON cw_audit_entry (actor, id);
CREATE INDEX cw_audit_entry_record_ix ON cw_audit_entry (record_type, record_id, id);
CREATE INDEX cw_audit_entry_at_ix ON cw_audit_entry (at_time);

-- position is consecutive from 1; chain_hash = SHA-256(previous chain_hash || entry_hash).
CREATE TABLE cw_audit_chain (
    position BIGINT NOT NULL,
    entry_id BIGINT NOT NULL,
    chain_hash VARCHAR(64) NOT NULL,
    CONSTRAINT cw_audit_chain_pk PRIMARY KEY (position),
    CONSTRAINT cw_audit_chain_entry_uq UNIQUE (entry_id)
);

CREATE TABLE cw_audit_checkpoint (
    position BIGINT NOT NULL,
    chain_hash VARCHAR(64) NOT NULL,
    at_time TIMESTAMP NOT NULL,
    CONSTRAINT cw_audit_checkpoint_pk PRIMARY KEY (position)
);

-- Serialises chainers of several nodes (Derby); PostgreSQL uses an advisory lock instead.
CREATE TABLE cw_audit_lock (
    id INTEGER NOT NULL,
    runs BIGINT NOT NULL,
    CONSTRAINT cw_audit_lock_pk PRIMARY KEY (id)
);
INSERT INTO cw_audit_lock (id, runs) VALUES (1, 0);

-- Append-only: Derby has no way to raise an error from a trigger, so an update or delete fires a
-- trigger inserting into a table whose check constraint always fails, which undoes the statement.
CREATE TABLE cw_audit_refusal (
    refused INTEGER NOT NULL,
    CONSTRAINT cw_audit_rows_are_append_only CHECK (refused = 0)
);
CREATE TRIGGER cw_audit_entry_no_update AFTER UPDATE ON cw_audit_entry FOR EACH STATEMENT INSERT INTO cw_audit_refusal (refused) VALUES (1);
CREATE TRIGGER cw_audit_entry_no_delete AFTER DELETE ON cw_audit_entry FOR EACH STATEMENT INSERT INTO cw_audit_refusal (refused) VALUES (1);
CREATE TRIGGER cw_audit_chain_no_update AFTER UPDATE ON cw_audit_chain FOR EACH STATEMENT INSERT INTO cw_audit_refusal (refused) VALUES (1);
CREATE TRIGGER cw_audit_chain_no_delete AFTER DELETE ON cw_audit_chain FOR EACH STATEMENT INSERT INTO cw_audit_refusal (refused) VALUES (1);
CREATE TRIGGER cw_audit_checkpoint_no_update AFTER UPDATE ON cw_audit_checkpoint FOR EACH STATEMENT INSERT INTO cw_audit_refusal (refused) VALUES (1);
CREATE TRIGGER cw_audit_checkpoint_no_delete AFTER DELETE ON cw_audit_checkpoint FOR EACH STATEMENT INSERT INTO cw_audit_refusal (refused) VALUES (1);
