-- Issue 19, SMS over SMPP: each part of an SMS the SMSC acknowledged, by the message id it gave,
-- written by the same statement that marks the outbox message sent (OutboxRelay), so what is
-- marked is never submitted again and what the SMSC acknowledged has its id stored.
CREATE TABLE sms_part (
    outbox_id       bigint      NOT NULL REFERENCES outbox (id),
    part            int         NOT NULL,
    smsc_message_id text        NOT NULL UNIQUE,
    -- SENT (acknowledged), then from its delivery receipt DELIVERED, EXPIRED or FAILED
    state           text        NOT NULL DEFAULT 'SENT' CHECK (state IN ('SENT', 'DELIVERED', 'EXPIRED', 'FAILED')),
    submitted_at    timestamptz NOT NULL,
    done_at         timestamptz,
    PRIMARY KEY (outbox_id, part)
);

-- A delivery receipt whose message id is not stored yet (it overtook the submit's answer, or the
-- relay's mark): kept here and applied when the part appears (SmsReceipts), never lost.
CREATE TABLE sms_receipt (
    smsc_message_id text        PRIMARY KEY,
    state           text        NOT NULL,
    received_at     timestamptz NOT NULL
);

-- the message's delivery, from its parts' receipts: DELIVERED when all were, else the first
-- EXPIRED or FAILED; NULL while no receipt settled it (the console shows SENT)
ALTER TABLE outbox ADD COLUMN delivery text CHECK (delivery IN ('DELIVERED', 'EXPIRED', 'FAILED'));
ALTER TABLE outbox ADD COLUMN delivered_at timestamptz;

-- a sensitive body (a code, a reset link) is kept sealed (AES-256-GCM, common/SecretBox) until it
-- is sent, then blanked: it is never in the database in plain text
ALTER TABLE outbox ADD COLUMN sealed_body bytea;

-- the console's message view lists the newest first
CREATE INDEX outbox_created ON outbox (created_at DESC, id DESC);
