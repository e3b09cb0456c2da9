-- The complaints module's own rows. A complaint itself is a case of type "complaint" in the case
-- engine's tables; cmp_complaint keeps, per case, what the engine does not: the queue's view of it
-- (status, assignee, emergency, when it arrived), the detainee index for prior-complaint matching,
-- the privacy statement accepted on the portal, destruction of the original, and the outcomes of
-- triage and resolution. A CaseListener keeps it in step with the case in the saving transaction.

CREATE TABLE cmp_complaint (
    case_id BIGINT NOT NULL,
    case_number VARCHAR(40) NOT NULL,
    status VARCHAR(40) NOT NULL,
    closed BOOLEAN NOT NULL,
    assignee VARCHAR(64),
    created_by VARCHAR(64) NOT NULL,
    owner_division VARCHAR(64),
    channel VARCHAR(20),
    emergency BOOLEAN NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    a_number CHAR(9),
    date_of_birth DATE,
    detainee_names VARCHAR(4000),
    privacy_version VARCHAR(40),
    privacy_accepted_at TIMESTAMP WITH TIME ZONE,
    remote_address VARCHAR(64),
    destruction_due DATE,
    destroyed_at TIMESTAMP WITH TIME ZONE,
    destroyed_by VARCHAR(64),
    destruction_note VARCHAR(500),
    triage_outcome VARCHAR(20),
    referred_to VARCHAR(20),
    triage_note VARCHAR(2000),
    triaged_by VARCHAR(64),
    triaged_at TIMESTAMP WITH TIME ZONE,
    resolution_outcome VARCHAR(40),
    resolved_at TIMESTAMP WITH TIME ZONE,
    version BIGINT NOT NULL,
    CONSTRAINT cmp_complaint_pk PRIMARY KEY (case_id)
);

CREATE INDEX cmp_complaint_a_number_ix ON cmp_complaint (a_number);
CREATE INDEX cmp_complaint_queue_ix ON cmp_complaint (closed, emergency, received_at);
CREATE INDEX cmp_complaint_assignee_ix ON cmp_complaint (assignee, closed);

-- EclipseLink preallocates ids in blocks of 50: sequences start at 50 and step by 50.
CREATE SEQUENCE cmp_person_key_seq AS BIGINT START WITH 50 INCREMENT BY 50;

-- The blocking keys of the detainee's names (org.casework.matching): candidates share a key.
CREATE TABLE cmp_person_key (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    blocking_key VARCHAR(255) NOT NULL,
    CONSTRAINT cmp_person_key_pk PRIMARY KEY (id),
    CONSTRAINT cmp_person_key_case_fk FOREIGN KEY (case_id) REFERENCES cmp_complaint (case_id) ON DELETE CASCADE
);

CREATE INDEX cmp_person_key_key_ix ON cmp_person_key (blocking_key);
CREATE INDEX cmp_person_key_case_ix ON cmp_person_key (case_id);

-- Complaint categories: shipped defaults plus those an administrator adds. Never deleted, only
-- deactivated, so old complaints still name theirs.
CREATE TABLE cmp_category (
    category_key VARCHAR(40) NOT NULL,
    label VARCHAR(120) NOT NULL,
    active BOOLEAN NOT NULL,
    built_in BOOLEAN NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT cmp_category_pk PRIMARY KEY (category_key)
);

INSERT INTO cmp_category (category_key, label, active, built_in, version) VALUES ('abuse', 'Abuse', TRUE, TRUE, 0);
INSERT INTO cmp_category (category_key, label, active, built_in, version) VALUES ('disability-accommodation', 'Disability accommodation', TRUE, TRUE, 0);
INSERT INTO cmp_category (category_key, label, active, built_in, version) VALUES ('language-access', 'Language access', TRUE, TRUE, 0);
INSERT INTO cmp_category (category_key, label, active, built_in, version) VALUES ('legal-representation', 'Legal representation', TRUE, TRUE, 0);
INSERT INTO cmp_category (category_key, label, active, built_in, version) VALUES ('personal-property', 'Personal property', TRUE, TRUE, 0);
INSERT INTO cmp_category (category_key, label, active, built_in, version) VALUES ('medical', 'Medical', TRUE, TRUE, 0);
INSERT INTO cmp_category (category_key, label, active, built_in, version) VALUES ('religious-accommodation', 'Religious accommodation', TRUE, TRUE, 0);

CREATE SEQUENCE cmp_engagement_seq AS BIGINT START WITH 50 INCREMENT BY 50;

-- Contacts with ICE, CBP, their offices and others about a complaint.
CREATE TABLE cmp_engagement (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    contacted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    party VARCHAR(200) NOT NULL,
    channel VARCHAR(20) NOT NULL,
    summary VARCHAR(4000) NOT NULL,
    follow_up_on DATE,
    reminded_at TIMESTAMP WITH TIME ZONE,
    recorded_by VARCHAR(64) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cmp_engagement_pk PRIMARY KEY (id),
    CONSTRAINT cmp_engagement_case_fk FOREIGN KEY (case_id) REFERENCES cmp_complaint (case_id) ON DELETE CASCADE
);

CREATE INDEX cmp_engagement_case_ix ON cmp_engagement (case_id);
CREATE INDEX cmp_engagement_follow_up_ix ON cmp_engagement (follow_up_on, reminded_at);

CREATE SEQUENCE cmp_correspondence_seq AS BIGINT START WITH 50 INCREMENT BY 50;

-- Everything sent to the submitter, detainee, representative or a facility's point of contact.
CREATE TABLE cmp_correspondence (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recipient_kind VARCHAR(20) NOT NULL,
    medium VARCHAR(20) NOT NULL,
    recipient VARCHAR(320),
    subject VARCHAR(300) NOT NULL,
    attachment_id BIGINT,
    recorded_by VARCHAR(64) NOT NULL,
    CONSTRAINT cmp_correspondence_pk PRIMARY KEY (id),
    CONSTRAINT cmp_correspondence_case_fk FOREIGN KEY (case_id) REFERENCES cmp_complaint (case_id) ON DELETE CASCADE
);

CREATE INDEX cmp_correspondence_case_ix ON cmp_correspondence (case_id);
