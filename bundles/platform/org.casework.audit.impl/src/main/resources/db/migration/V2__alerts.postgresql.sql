-- Misuse alerts raised by the alert rules over the audit trail (see docs/audit.md). Unlike the
-- trail itself an alert changes once: a security officer acknowledges it.
CREATE SEQUENCE cw_alert_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE cw_alert (
    id BIGINT NOT NULL,
    rule_key VARCHAR(40) NOT NULL,
    username VARCHAR(64),
    source_address VARCHAR(64),
    raised_at TIMESTAMP WITH TIME ZONE NOT NULL,
    summary VARCHAR(400) NOT NULL,
    detail VARCHAR(4000),
    status VARCHAR(16) NOT NULL,
    acknowledged_by VARCHAR(64),
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    ack_comment VARCHAR(2000),
    version BIGINT NOT NULL,
    CONSTRAINT cw_alert_pk PRIMARY KEY (id)
);
CREATE INDEX cw_alert_raised_ix ON cw_alert (raised_at);
CREATE INDEX cw_alert_status_ix ON cw_alert (status, raised_at);
