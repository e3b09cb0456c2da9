-- Roles as data (issue 3): each role is a named permission set an administrator can inspect and
-- edit, with two flags: external (the holder is read-only everywhere, whatever else they hold) and
-- two_factor_required. Permissions read resource:action[:scope] (see org.casework.core.api.access).
-- The rows below are the roles of the two offices' privacy impact assessments; built_in roles
-- cannot be deleted, only their permission sets edited.

CREATE TABLE cw_role (
    role_key VARCHAR(64) NOT NULL,
    label VARCHAR(120) NOT NULL,
    description VARCHAR(1000),
    is_external BOOLEAN NOT NULL,
    two_factor_required BOOLEAN NOT NULL,
    built_in BOOLEAN NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT cw_role_pk PRIMARY KEY (role_key)
);

CREATE TABLE cw_role_permission (
    role_key VARCHAR(64) NOT NULL,
    permission VARCHAR(200) NOT NULL,
    CONSTRAINT cw_role_permission_pk PRIMARY KEY (role_key, permission),
    CONSTRAINT cw_role_permission_role_fk FOREIGN KEY (role_key) REFERENCES cw_role (role_key) ON DELETE CASCADE
);

-- One record opened to one more user by its creator. record_id is the owning module's id as text.
CREATE TABLE cw_record_grant (
    resource VARCHAR(100) NOT NULL,
    record_id VARCHAR(64) NOT NULL,
    grantee VARCHAR(64) NOT NULL,
    action VARCHAR(32) NOT NULL,
    granted_by VARCHAR(64) NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cw_record_grant_pk PRIMARY KEY (resource, record_id, grantee, action),
    CONSTRAINT cw_record_grant_user_fk FOREIGN KEY (grantee) REFERENCES cw_user (username) ON DELETE CASCADE
);

CREATE INDEX cw_record_grant_grantee_ix ON cw_record_grant (grantee, resource);

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('admin', 'System administrator', 'Manages users, roles, modules and configuration; may do everything.', FALSE, TRUE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('admin', '*:*');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('staff', 'Staff member', 'Any signed-in staff member: may use the console.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('staff', 'console:use');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('helpdesk', 'Helpdesk', 'Creates accounts (never administrators) and resets passwords; nothing else.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('helpdesk', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('helpdesk', 'users:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('helpdesk', 'users:reset-password');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('auditor', 'Auditor', 'Searches, verifies and exports the audit trail.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('auditor', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('auditor', 'audit:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('auditor', 'audit:export');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('auditor', 'audit:verify');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('security-officer', 'Security officer', 'Receives and acknowledges misuse alerts; reads the audit trail.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('security-officer', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('security-officer', 'alerts:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('security-officer', 'alerts:acknowledge');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('security-officer', 'audit:read');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('intake', 'Intake staff', 'Enters complaints from every channel; sees only the complaints they entered.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('intake', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('intake', 'case.complaint:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('intake', 'case.complaint:read:own');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('intake', 'case.complaint:update:own');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('case-manager', 'Case manager', 'Edits, assigns and reviews all complaints.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('case-manager', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('case-manager', 'case.complaint:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('case-manager', 'case.complaint:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('case-manager', 'case.complaint:update');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('case-manager', 'case.complaint:export');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('case-manager', 'stakeholders:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('case-manager', 'stakeholders:update');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('case-manager', 'facilities:read');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('analyst', 'Case analyst', 'Edits and reviews all complaints.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('analyst', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('analyst', 'case.complaint:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('analyst', 'case.complaint:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('analyst', 'case.complaint:update');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('analyst', 'stakeholders:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('analyst', 'facilities:read');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('junior-auditor', 'Junior auditor', 'Enters new inspections and investigations; sees those they entered.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('junior-auditor', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('junior-auditor', 'case.investigation:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('junior-auditor', 'case.investigation:read:own');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('junior-auditor', 'case.investigation:update:own');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('junior-auditor', 'facilities:read');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('investigator', 'Investigator', 'Edits the inspections and investigations assigned to them.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('investigator', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('investigator', 'case.investigation:read:assigned');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('investigator', 'case.investigation:update:assigned');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('investigator', 'facilities:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('investigator', 'stakeholders:read');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('sme', 'Subject-matter expert', 'Edits the inspections and investigations assigned to them (medical, detention standards).', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('sme', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('sme', 'case.investigation:read:assigned');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('sme', 'case.investigation:update:assigned');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('sme', 'facilities:read');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('manager', 'Manager', 'Sees and edits all inspections and investigations; reads all complaints; runs reports.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('manager', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('manager', 'case.investigation:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('manager', 'case.investigation:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('manager', 'case.investigation:update');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('manager', 'case.investigation:export');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('manager', 'case.complaint:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('manager', 'reports:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('manager', 'stakeholders:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('manager', 'facilities:read');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('product-owner', 'Product owner', 'Owns the system''s configuration and reference data; reads roles, users and aggregate reports.', FALSE, TRUE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('product-owner', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('product-owner', 'roles:read');



INSERT INTO cw_role_permission (role_key, permission) VALUES ('product-owner', 'reports:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('product-owner', 'facilities:update');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('product-owner', 'stakeholders:update');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('attorney', 'Attorney', 'Creates, views and edits cases and projects: immigration matters of every office, other cases and projects of their own division or granted to them.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.immigration-case:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.immigration-case:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.immigration-case:update');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.federal-litigation:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.federal-litigation:read:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.federal-litigation:update:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.administrative-case:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.administrative-case:read:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.administrative-case:update:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.project:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.project:read:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'case.project:update:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'documents:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('attorney', 'documents:update');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('support-staff', 'Legal support staff', 'Paralegals and assistants: the same case and project access as attorneys.', FALSE, FALSE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.immigration-case:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.immigration-case:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.immigration-case:update');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.federal-litigation:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.federal-litigation:read:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.federal-litigation:update:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.administrative-case:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.administrative-case:read:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.administrative-case:update:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.project:create');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.project:read:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'case.project:update:division');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'documents:read');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('support-staff', 'documents:update');

INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version) VALUES ('external-readonly', 'External read-only user', 'ERO and HSI users outside the office: read immigration cases only, never edit.', TRUE, TRUE, TRUE, 0);

INSERT INTO cw_role_permission (role_key, permission) VALUES ('external-readonly', 'console:use');

INSERT INTO cw_role_permission (role_key, permission) VALUES ('external-readonly', 'case.immigration-case:read');
