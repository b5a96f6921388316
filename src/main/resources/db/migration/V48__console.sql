-- The operator console (issue 11).
-- A job started for a wave names it, so the wave's page finds its latest run (and its progress)
-- whoever started it and from whichever instance.
ALTER TABLE job ADD COLUMN wave int;
CREATE INDEX job_wave ON job (wave, started_at DESC) WHERE wave IS NOT NULL;
-- the console's charts count registrations and purchases per day over the last 30 days; without
-- these each view would read every participant and every voucher
CREATE INDEX participant_created ON participant (created_at);
CREATE INDEX voucher_purchased ON voucher (purchased_at);
