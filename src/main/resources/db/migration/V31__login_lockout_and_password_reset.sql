-- R-83: wrong passwords per login name within a window; enough of them lock the login. Keyed by
-- the SHA-256 of the lower-cased email, whether or not an account has it: an unknown email locks
-- like a known one, so the lockout tells no one which emails are registered.
CREATE TABLE login_failure (
    login_key bytea       NOT NULL,
    failed_at timestamptz NOT NULL
);
CREATE INDEX login_failure_key ON login_failure (login_key, failed_at);

CREATE TABLE login_lock (
    login_key    bytea PRIMARY KEY,
    locked_until timestamptz NOT NULL
);

-- R-82: single-use reset links. Only the SHA-256 of the token is kept: a database leak does not
-- leak a way into an account.
CREATE TABLE password_reset (
    token_hash    bytea PRIMARY KEY,
    credential_id uuid        NOT NULL REFERENCES credential (id),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz
);
CREATE INDEX password_reset_credential ON password_reset (credential_id);
CREATE INDEX api_session_credential ON api_session (credential_id);
