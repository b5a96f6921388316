-- The console's "incentives paid per day" chart reads the last 30 days of payments on every
-- summary view; without this it would read every payout ever made.
CREATE INDEX incentive_payout_paid_at ON incentive_payout (paid_at) WHERE status = 'PAID';
