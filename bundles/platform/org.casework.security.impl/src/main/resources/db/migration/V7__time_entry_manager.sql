-- Time entries on cases (issue 5): managers may set the lock date that freezes older entries and
-- change or delete anyone's entries (time-entries:manage). Administrators hold it through *:*.
INSERT INTO cw_role_permission (role_key, permission) VALUES ('manager', 'time-entries:manage');
