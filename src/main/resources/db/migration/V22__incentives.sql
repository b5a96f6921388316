-- R-70..R-74 incentives: payout accounts, what each participant has earned, the payouts and the
-- surveys. Tables of the incentive module; the training and card modules tell it their facts by
-- events, so nothing here references their tables.

-- R-71 one payout account per participant, in their own name, validated with the provider
CREATE TABLE payout_account (
    participant_id uuid PRIMARY KEY,
    provider       text        NOT NULL CHECK (provider IN ('GOPAY', 'OVO', 'DANA', 'LINKAJA', 'SHOPEEPAY', 'BNI', 'BCA')),
    account_number text        NOT NULL CHECK (account_number ~ '^\+?[0-9]{8,20}$'),
    holder_name    text        NOT NULL,
    validated_at   timestamptz NOT NULL
);

-- R-70 the conditions as the events told them, one row per participant. voucher_id is the first
-- completed training (the earliest completion); earned_at is set once, when the instalments are
-- created; the scheme is the card's wave's, read then.
CREATE TABLE incentive_entitlement (
    participant_id     uuid PRIMARY KEY,
    voucher_id         uuid,
    completed_at       timestamptz,
    certificate_number text,
    card_revoked_at    timestamptz,
    scheme             text,
    earned_at          timestamptz,
    -- when every condition, the payout account included, first held: instalment n is due
    -- (n - 1) intervals later
    schedule_start     timestamptz
);

-- R-64 reviews as the events told them (a review may arrive before its completion is processed)
CREATE TABLE incentive_review (
    participant_id uuid        NOT NULL,
    voucher_id     uuid        NOT NULL,
    reviewed_at    timestamptz NOT NULL,
    PRIMARY KEY (participant_id, voucher_id)
);

-- R-72 one row per payout: an instalment or a survey incentive. The id is the provider's
-- idempotency key. SCHEDULED → PROCESSING → PAID, or back to SCHEDULED (refused, retried later),
-- or FAILED (retries used up; SCHEDULED again when the account changes).
CREATE TABLE incentive_payout (
    id              uuid PRIMARY KEY,
    participant_id  uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('INCENTIVE', 'SURVEY')),
    seq             int         NOT NULL CHECK (seq > 0),
    amount          bigint      NOT NULL CHECK (amount > 0),
    status          text        NOT NULL CHECK (status IN ('SCHEDULED', 'PROCESSING', 'PAID', 'FAILED')),
    -- null until the schedule starts (no payout account yet)
    due_at          timestamptz,
    next_attempt_at timestamptz,
    -- sends in all (each send's ledger transfers are named by its number), and refusals since the
    -- account last changed (the bounded retries count these)
    attempts        int         NOT NULL DEFAULT 0,
    refusals        int         NOT NULL DEFAULT 0,
    -- the run that sent it (PROCESSING), known alive while it holds its advisory lock
    claimed_by      bigint,
    provider        text,
    account_number  text,
    failure_reason  text,
    paid_at         timestamptz,
    updated_at      timestamptz NOT NULL,
    UNIQUE (participant_id, kind, seq),
    CHECK ((status = 'PROCESSING') = (claimed_by IS NOT NULL)),
    CHECK ((status = 'PAID') = (paid_at IS NOT NULL))
);
-- the batches' order, so that taking the next batch reads just that batch
CREATE INDEX incentive_payout_due ON incentive_payout (next_attempt_at, id) WHERE status = 'SCHEDULED';
CREATE INDEX incentive_payout_processing ON incentive_payout (claimed_by) WHERE status = 'PROCESSING';
CREATE INDEX incentive_payout_by_status ON incentive_payout (status, kind, updated_at DESC);

-- R-73 a participant's surveys: opens_at is set when the first instalment is paid
CREATE TABLE incentive_survey (
    participant_id uuid        NOT NULL,
    seq            int         NOT NULL CHECK (seq > 0),
    amount         bigint      NOT NULL CHECK (amount > 0),
    opens_at       timestamptz,
    answered_at    timestamptz,
    answers        jsonb,
    PRIMARY KEY (participant_id, seq)
);
