-- R-24 cards: the number is a secret. It is kept encrypted (AES-GCM) beside a keyed hash for
-- look-ups and its last four digits for masked display.
CREATE TABLE card (
    id                  uuid PRIMARY KEY,
    -- once in a lifetime: one card per participant, ever
    participant_id      uuid        NOT NULL UNIQUE,
    wave_number         int         NOT NULL,
    number_hash         bytea       NOT NULL UNIQUE,
    number_encrypted    bytea       NOT NULL,
    last4               char(4)     NOT NULL,
    status              text        NOT NULL CHECK (status IN ('ACTIVE', 'DEACTIVATED')),
    designated_at       timestamptz NOT NULL,
    purchase_deadline   timestamptz NOT NULL,
    first_purchase_at   timestamptz,
    deactivated_at      timestamptz,
    deactivation_reason text
);
-- R-31 the deadline job looks only at active cards that have bought nothing
CREATE INDEX card_deadline ON card (purchase_deadline) WHERE status = 'ACTIVE' AND first_purchase_at IS NULL;

-- R-31 reminders sent, so each goes out once
CREATE TABLE card_reminder (
    card_id     uuid        NOT NULL REFERENCES card (id),
    days_before int         NOT NULL,
    sent_at     timestamptz NOT NULL,
    PRIMARY KEY (card_id, days_before)
);
