-- The payment provider's stand-in (incentive/provider/LocalPaymentProvider): its own books, as a
-- real provider keeps its own. Kept in PostgreSQL so that what it paid survives a crash of the
-- service and is the same for every instance.

-- bank accounts it knows (POST /sandbox/payout-accounts); e-wallets are registered phones
CREATE TABLE IF NOT EXISTS provider_directory (
    provider       text NOT NULL,
    account_number text NOT NULL,
    holder_name    text NOT NULL,
    PRIMARY KEY (provider, account_number)
);

-- what it paid, once per payout id (its idempotency key)
CREATE TABLE IF NOT EXISTS provider_payment (
    payout_id      uuid PRIMARY KEY,
    provider       text        NOT NULL,
    account_number text        NOT NULL,
    amount         bigint      NOT NULL CHECK (amount > 0),
    paid_at        timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS provider_payment_account ON provider_payment (account_number);

-- refusals it answered (a refused payout id may be sent again; only a payment is final)
CREATE TABLE IF NOT EXISTS provider_refusal (
    payout_id  uuid        NOT NULL,
    reason     text        NOT NULL,
    refused_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS provider_refusal_payout ON provider_refusal (payout_id, refused_at DESC);

-- failures on demand (POST /sandbox/payouts/failures)
CREATE TABLE IF NOT EXISTS provider_failure (
    account_number text PRIMARY KEY,
    mode           text NOT NULL CHECK (mode IN ('REJECT', 'TIMEOUT')),
    remaining      int  NOT NULL CHECK (remaining >= 0)
);
