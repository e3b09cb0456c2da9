-- The repeating records of a litigation case (CaseRecordsService). Every table shares the
-- columns id, case_id, version (optimistic lock) and the created/updated stamps; ids come from
-- one sequence, preallocated in blocks of 50 by EclipseLink.
CREATE SEQUENCE lit_record_seq AS BIGINT START WITH 50 INCREMENT BY 50;

-- aliases: the person's also-known-as names, one per line (names hold no line breaks).
CREATE TABLE lit_person (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    person_role VARCHAR(32) NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    aliases VARCHAR(8000),
    organisation VARCHAR(200),
    business_address VARCHAR(500),
    business_phone VARCHAR(30),
    business_email VARCHAR(254),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    CONSTRAINT lit_person_pk PRIMARY KEY (id)
);
CREATE INDEX lit_person_case_ix ON lit_person (case_id);

CREATE TABLE lit_phase_note (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    phase VARCHAR(16) NOT NULL,
    body VARCHAR(10000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    CONSTRAINT lit_phase_note_pk PRIMARY KEY (id)
);
CREATE INDEX lit_phase_note_case_ix ON lit_phase_note (case_id, phase);

CREATE TABLE lit_memorandum (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    title VARCHAR(200) NOT NULL,
    body TEXT,
    attachment_id BIGINT,
    status VARCHAR(8) NOT NULL,
    finalized_at TIMESTAMP WITH TIME ZONE,
    finalized_by VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    CONSTRAINT lit_memorandum_pk PRIMARY KEY (id)
);
CREATE INDEX lit_memorandum_case_ix ON lit_memorandum (case_id);

CREATE TABLE lit_proceeding_action (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    proceeding_level VARCHAR(20) NOT NULL,
    action_date DATE NOT NULL,
    action_text VARCHAR(500) NOT NULL,
    disposition VARCHAR(500),
    decision_maker VARCHAR(200),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    CONSTRAINT lit_proceeding_action_pk PRIMARY KEY (id)
);
CREATE INDEX lit_proceeding_action_case_ix ON lit_proceeding_action (case_id, action_date);

CREATE TABLE lit_a_file_transfer (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    from_location VARCHAR(200),
    to_location VARCHAR(200) NOT NULL,
    transfer_date DATE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    CONSTRAINT lit_a_file_transfer_pk PRIMARY KEY (id)
);
CREATE INDEX lit_a_file_transfer_case_ix ON lit_a_file_transfer (case_id, transfer_date);

CREATE TABLE lit_application (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    application_type VARCHAR(100) NOT NULL,
    received_date DATE,
    filed_date DATE,
    decision VARCHAR(16) NOT NULL,
    decision_date DATE,
    work_authorization BOOLEAN NOT NULL,
    work_authorization_from DATE,
    work_authorization_to DATE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    CONSTRAINT lit_application_pk PRIMARY KEY (id)
);
CREATE INDEX lit_application_case_ix ON lit_application (case_id);

CREATE TABLE lit_visa (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    visa_type VARCHAR(40) NOT NULL,
    status VARCHAR(16) NOT NULL,
    visa_number VARCHAR(40),
    application_date DATE,
    issue_date DATE,
    expiry_date DATE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    CONSTRAINT lit_visa_pk PRIMARY KEY (id)
);
CREATE INDEX lit_visa_case_ix ON lit_visa (case_id);

-- One filing per attachment: the unique key keeps two users from filing it twice at once.
CREATE TABLE lit_document (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    attachment_id BIGINT NOT NULL,
    category VARCHAR(20) NOT NULL,
    title VARCHAR(200),
    filed_date DATE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    CONSTRAINT lit_document_pk PRIMARY KEY (id)
);
CREATE INDEX lit_document_case_ix ON lit_document (case_id, category);
CREATE UNIQUE INDEX lit_document_attachment_ix ON lit_document (attachment_id);
