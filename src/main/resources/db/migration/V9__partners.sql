-- Partner API clients. The HMAC secret must be read to check signatures, so it is kept
-- encrypted (AES-GCM), never in plain text and never logged.
CREATE TABLE partner_client (
    id               text PRIMARY KEY,
    role             text        NOT NULL CHECK (role IN ('PLATFORM', 'INSTITUTION')),
    name             text        NOT NULL,
    secret_encrypted bytea       NOT NULL,
    created_at       timestamptz NOT NULL
);

-- Idempotency by X-External-Id: the first answer is stored in the same transaction as its effect
CREATE TABLE partner_request (
    partner_id   text        NOT NULL,
    external_id  text        NOT NULL,
    request_hash bytea       NOT NULL,
    status       int         NOT NULL,
    content_type text,
    body         bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (partner_id, external_id)
);
