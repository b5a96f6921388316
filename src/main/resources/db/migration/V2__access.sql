-- Login credentials of participants and operators, and bearer-token sessions.
CREATE TABLE credential (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('PARTICIPANT', 'ADMIN', 'OPERATOR', 'AUDITOR')),
    subject_id    uuid        NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX credential_email ON credential (lower(email));

-- only the SHA-256 of a token is stored: a database leak does not leak live sessions
CREATE TABLE api_session (
    token_hash    bytea PRIMARY KEY,
    credential_id uuid        NOT NULL REFERENCES credential (id),
    expires_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX api_session_expiry ON api_session (expires_at);
