-- Users, their roles and divisions, and sessions/API tokens of org.casework.security.impl.
-- Dialect variants differ only in the timestamp type: PostgreSQL keeps instants with a zone.

CREATE TABLE cw_user (
    username VARCHAR(64) NOT NULL,
    full_name VARCHAR(200),
    email VARCHAR(254),
    password_hash VARCHAR(255) NOT NULL,
    active BOOLEAN NOT NULL,
    password_change_required BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT cw_user_pk PRIMARY KEY (username)
);

CREATE TABLE cw_user_role (
    username VARCHAR(64) NOT NULL,
    role VARCHAR(64) NOT NULL,
    CONSTRAINT cw_user_role_pk PRIMARY KEY (username, role),
    CONSTRAINT cw_user_role_user_fk FOREIGN KEY (username) REFERENCES cw_user (username) ON DELETE CASCADE
);

CREATE TABLE cw_user_division (
    username VARCHAR(64) NOT NULL,
    division VARCHAR(64) NOT NULL,
    CONSTRAINT cw_user_division_pk PRIMARY KEY (username, division),
    CONSTRAINT cw_user_division_user_fk FOREIGN KEY (username) REFERENCES cw_user (username) ON DELETE CASCADE
);

-- token_hash is the SHA-256 (hex) of the token: the token itself is never stored.
CREATE TABLE cw_session (
    token_hash CHAR(64) NOT NULL,
    username VARCHAR(64) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    csrf_token VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    remote_address VARCHAR(64),
    CONSTRAINT cw_session_pk PRIMARY KEY (token_hash),
    CONSTRAINT cw_session_user_fk FOREIGN KEY (username) REFERENCES cw_user (username) ON DELETE CASCADE
);

CREATE INDEX cw_session_user_ix ON cw_session (username);

CREATE INDEX cw_session_expires_ix ON cw_session (expires_at);
