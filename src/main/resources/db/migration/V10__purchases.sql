-- R-50/R-51 OTP challenges: the code is stored as a keyed hash, single use, 5 minutes, 5 tries.
CREATE TABLE otp_challenge (
    id          uuid PRIMARY KEY,
    card_id     uuid        NOT NULL,
    platform_id text        NOT NULL,
    training_id text        NOT NULL,
    code_hash   bytea       NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    int         NOT NULL DEFAULT 0,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL
);
CREATE INDEX otp_challenge_card ON otp_challenge (card_id, created_at DESC);
CREATE INDEX otp_challenge_platform ON otp_challenge (platform_id, created_at DESC);

-- R-52 a purchase is a voucher: the price reserved by a pending ledger transfer
CREATE TABLE voucher (
    id             uuid PRIMARY KEY,
    code           text        NOT NULL UNIQUE,
    card_id        uuid        NOT NULL,
    participant_id uuid        NOT NULL,
    training_id    text        NOT NULL,
    institution_id text        NOT NULL,
    platform_id    text        NOT NULL,
    price          bigint      NOT NULL CHECK (price > 0),
    -- the pending ledger transfer that holds the price
    reservation_id uuid        NOT NULL UNIQUE,
    status         text        NOT NULL CHECK (status IN ('PURCHASED', 'REDEEMED', 'PRETEST_DONE', 'COMPLETED',
                                                          'REFUNDED', 'VOIDED')),
    purchased_at   timestamptz NOT NULL,
    refunded_at    timestamptz,
    refund_reason  text,
    redeemed_at    timestamptz
);
CREATE INDEX voucher_participant ON voucher (participant_id, purchased_at DESC);
CREATE INDEX voucher_platform ON voucher (platform_id);
