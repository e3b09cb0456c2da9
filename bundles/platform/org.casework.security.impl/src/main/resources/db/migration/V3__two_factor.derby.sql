-- Two-factor sign-in (RFC 6238 TOTP). totp_state is NULL (off), PENDING (enrolled, not yet
-- confirmed with a code) or ENABLED. totp_last_step is the last 30-second step a code was
-- accepted for, so no code works twice. totp_recovery holds the SHA-256 (hex) of the unused
-- recovery codes, comma-separated; the codes themselves are never stored.

ALTER TABLE cw_user ADD COLUMN totp_secret VARCHAR(64);

ALTER TABLE cw_user ADD COLUMN totp_state VARCHAR(8);

ALTER TABLE cw_user ADD COLUMN totp_last_step BIGINT;

ALTER TABLE cw_user ADD COLUMN totp_recovery VARCHAR(1000);
