-- R-72 the provider's key of a payout's current send (docs/operations.md "When the payment provider times
-- out"): set when a run claims the payout and it has none, kept when a dead run's send turns out never
-- received (a late arrival of that first request is still deduplicated by the provider), cleared when the
-- provider refuses it (a SNAP BI bank refuses a partnerReferenceNo it has seen, so the next send is new).
ALTER TABLE incentive_payout ADD COLUMN provider_reference uuid;

-- sends in flight before this migration were keyed by the payout id
UPDATE incentive_payout SET provider_reference = id WHERE status = 'PROCESSING';
