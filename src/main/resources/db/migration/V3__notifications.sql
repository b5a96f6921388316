-- R-91: messages are written in the same transaction as the change that causes them and sent
-- afterwards by the relay; a crash loses none.
CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    channel    text        NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    recipient  text        NOT NULL,
    subject    text,
    body       text,
    -- codes and other secrets: the body is blanked once the message is sent
    sensitive  boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    sent_at    timestamptz,
    attempts   int         NOT NULL DEFAULT 0,
    last_error text
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- R-90 in-app: every status change on the dashboard
CREATE TABLE in_app_notification (
    id             bigserial PRIMARY KEY,
    participant_id uuid        NOT NULL,
    kind           text        NOT NULL,
    text           text        NOT NULL,
    created_at     timestamptz NOT NULL,
    read_at        timestamptz
);
CREATE INDEX in_app_notification_participant ON in_app_notification (participant_id, id DESC);

-- what the local stand-in gateways "sent": the sandbox inbox. Keyed by outbox id, so a message
-- relayed again after a crash is recorded once.
CREATE TABLE gateway_message (
    outbox_id  bigint PRIMARY KEY,
    channel    text        NOT NULL,
    recipient  text        NOT NULL,
    subject    text,
    body       text        NOT NULL,
    sent_at    timestamptz NOT NULL
);
CREATE INDEX gateway_message_recipient ON gateway_message (recipient, sent_at DESC);
