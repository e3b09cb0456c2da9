-- Directory sign-in: accounts created from the LDAP directory at first sign-in are marked, so
-- their password is always checked there (their stored hash is unusable) and cannot be changed
-- or reset here. The TOTP secret column is widened for its encrypted form
-- (v1:<iv>:<ciphertext>, about 90 characters).

ALTER TABLE cw_user ADD COLUMN directory BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE cw_user ALTER COLUMN totp_secret TYPE VARCHAR(255);
