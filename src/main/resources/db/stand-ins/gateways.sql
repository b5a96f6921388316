-- The local SMS and email gateways (notification/LocalGateways): what they "sent", the sandbox
-- inbox. Keyed by outbox id, so a message relayed again after a crash is recorded once.
CREATE TABLE IF NOT EXISTS gateway_message (
    outbox_id  bigint PRIMARY KEY,
    channel    text        NOT NULL,
    recipient  text        NOT NULL,
    subject    text,
    body       text        NOT NULL,
    sent_at    timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS gateway_message_recipient ON gateway_message (recipient, sent_at DESC);
