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

-- what it paid, once per reference (its idempotency key; issue 19: the payout's provider_reference), and
-- for which payout (a remark, as a bank keeps one; tests count payments per payout there)
CREATE TABLE IF NOT EXISTS provider_payment (
    payout_id      uuid        NOT NULL,
    provider       text        NOT NULL,
    account_number text        NOT NULL,
    amount         bigint      NOT NULL CHECK (amount > 0),
    paid_at        timestamptz NOT NULL,
    reference      uuid
);
CREATE INDEX IF NOT EXISTS provider_payment_account ON provider_payment (account_number);
-- books from before references were keyed by the payout id, which was then the reference
ALTER TABLE provider_payment ADD COLUMN IF NOT EXISTS reference uuid;
UPDATE provider_payment SET reference = payout_id WHERE reference IS NULL;
ALTER TABLE provider_payment DROP CONSTRAINT IF EXISTS provider_payment_pkey;
CREATE UNIQUE INDEX IF NOT EXISTS provider_payment_reference ON provider_payment (reference);
CREATE INDEX IF NOT EXISTS provider_payment_payout ON provider_payment (payout_id);

-- refusals it answered, by reference (payout_id holds the reference, as it did before issue 19)
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
