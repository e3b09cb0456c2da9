-- The audit trail of org.casework.audit.impl. Entries are inserted unchained by the writer's
-- transaction; the chainer appends them to cw_audit_chain later. Every table here is append-only.
CREATE SEQUENCE cw_audit_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE cw_audit_entry (
    id BIGINT NOT NULL,
    at_time TIMESTAMP WITH TIME ZONE NOT NULL,
    actor VARCHAR(64) NOT NULL,
    system_caller BOOLEAN NOT NULL,
    remote_address VARCHAR(64),
    action VARCHAR(40) NOT NULL,
    record_type VARCHAR(64),
    record_id VARCHAR(64),
    outcome VARCHAR(16) NOT NULL,
    changes TEXT,
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
    at_time TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cw_audit_checkpoint_pk PRIMARY KEY (position)
);

-- Serialises chainers of several nodes (Derby); PostgreSQL uses an advisory lock instead.
CREATE TABLE cw_audit_lock (
    id INTEGER NOT NULL,
    runs BIGINT NOT NULL,
    CONSTRAINT cw_audit_lock_pk PRIMARY KEY (id)
);
INSERT INTO cw_audit_lock (id, runs) VALUES (1, 0);

-- Append-only: the application's role may insert, never change or remove.
CREATE FUNCTION cw_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit trail rows cannot be changed or deleted (table %)', TG_TABLE_NAME; END $$;
CREATE TRIGGER cw_audit_entry_append_only BEFORE UPDATE OR DELETE ON cw_audit_entry FOR EACH ROW EXECUTE FUNCTION cw_audit_refuse_change();
CREATE TRIGGER cw_audit_chain_append_only BEFORE UPDATE OR DELETE ON cw_audit_chain FOR EACH ROW EXECUTE FUNCTION cw_audit_refuse_change();
CREATE TRIGGER cw_audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON cw_audit_checkpoint FOR EACH ROW EXECUTE FUNCTION cw_audit_refuse_change();
