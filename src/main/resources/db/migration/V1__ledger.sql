-- The double-entry ledger. Every rupiah moves as a transfer between two accounts; a transfer is
-- recorded once and never edited (a pending one only changes state when posted or voided, and
-- that movement is a new transfer). Balances are kept per account in the same transaction.
CREATE TABLE ledger_account (
    id              text PRIMARY KEY,
    kind            text   NOT NULL CHECK (kind IN ('PROGRAM_FUND', 'CARD_BALANCE', 'RESERVED',
                                                    'PLATFORM_PAYABLE', 'INCENTIVE_PAYABLE', 'PAID_OUT')),
    balance         bigint NOT NULL DEFAULT 0,
    -- only the fund is a source: its balance is minus everything issued from it
    may_go_negative boolean NOT NULL DEFAULT false,
    CONSTRAINT balance_not_negative CHECK (may_go_negative OR balance >= 0)
);

CREATE TABLE ledger_transfer (
    id             uuid PRIMARY KEY,
    debit_account  text        NOT NULL REFERENCES ledger_account (id),
    credit_account text        NOT NULL REFERENCES ledger_account (id),
    amount         bigint      NOT NULL CHECK (amount > 0),
    -- SINGLE: final at once; PENDING: a reservation; POST/VOID: resolve one PENDING, once
    kind           text        NOT NULL CHECK (kind IN ('SINGLE', 'PENDING', 'POST', 'VOID')),
    pending_id     uuid REFERENCES ledger_transfer (id),
    state          text        NOT NULL CHECK (state IN ('POSTED', 'PENDING', 'RESOLVED')),
    memo           text        NOT NULL,
    created_at     timestamptz NOT NULL,
    CHECK (debit_account <> credit_account),
    CHECK ((kind IN ('POST', 'VOID')) = (pending_id IS NOT NULL))
);

-- a pending transfer is posted or voided exactly once
CREATE UNIQUE INDEX ledger_transfer_resolves_once ON ledger_transfer (pending_id) WHERE pending_id IS NOT NULL;
CREATE INDEX ledger_transfer_debit ON ledger_transfer (debit_account);
CREATE INDEX ledger_transfer_credit ON ledger_transfer (credit_account);

INSERT INTO ledger_account (id, kind, may_go_negative) VALUES ('PROGRAM_FUND', 'PROGRAM_FUND', true);
