-- Sign-in hardening: consecutive failed sign-ins and the lock they cause, and an opaque id per
-- session so a user can list and end their own sessions without ever seeing a token or its hash.
-- Sessions from before this migration have no id: they are ended, everyone signs in once more.

ALTER TABLE cw_user ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE cw_user ADD COLUMN locked_until TIMESTAMP;

DELETE FROM cw_session;

ALTER TABLE cw_session ADD COLUMN session_id VARCHAR(32);

CREATE INDEX cw_session_id_ix ON cw_session (session_id);
