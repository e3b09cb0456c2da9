-- Issue 5: the legal office's managers watch workload and move cases between offices. The role
-- holds everything an attorney holds (so a manager also works cases), plus the workload views,
-- transfers of every litigation case type and of projects, the standard figures, and the lock
-- date of time entries.
INSERT INTO cw_role (role_key, label, description, is_external, two_factor_required, built_in, version)
  VALUES ('legal-manager', 'Legal office manager',
          'An attorney who also watches the office''s workload, transfers cases between offices, reads the standard figures and sets the time-entry lock date.',
          FALSE, FALSE, TRUE, 0);
INSERT INTO cw_role_permission (role_key, permission)
  SELECT 'legal-manager', permission FROM cw_role_permission WHERE role_key = 'attorney';
INSERT INTO cw_role_permission (role_key, permission) VALUES ('legal-manager', 'litigation.workload:read');
INSERT INTO cw_role_permission (role_key, permission) VALUES ('legal-manager', 'case.immigration-case:transfer');
INSERT INTO cw_role_permission (role_key, permission) VALUES ('legal-manager', 'case.federal-litigation:transfer:division');
INSERT INTO cw_role_permission (role_key, permission) VALUES ('legal-manager', 'case.administrative-case:transfer:division');
INSERT INTO cw_role_permission (role_key, permission) VALUES ('legal-manager', 'case.project:transfer:division');
INSERT INTO cw_role_permission (role_key, permission) VALUES ('legal-manager', 'reports:read');
INSERT INTO cw_role_permission (role_key, permission) VALUES ('legal-manager', 'time-entries:manage');
