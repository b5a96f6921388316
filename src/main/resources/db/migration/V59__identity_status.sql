-- Issue 19: the civil registry over HTTPS may be unreachable when a person registers. The account is
-- then created with its identity AWAITING a check by the identity-recheck job, which moves it to
-- VERIFIED or REJECTED (registration/IdentityStatus). Every account created before was checked:
-- VERIFIED (the default, which registration never leans on: it names the status). The NIK is kept sealed (common/SecretBox, AES-256-GCM) only while AWAITING, for asking
-- again; the job erases it with the decision.
ALTER TABLE participant
    ADD COLUMN identity_status text NOT NULL DEFAULT 'VERIFIED'
        CHECK (identity_status IN ('AWAITING', 'VERIFIED', 'REJECTED')),
    ADD COLUMN nik_sealed bytea,
    ADD COLUMN identity_checked_at timestamptz,
    ADD CONSTRAINT participant_nik_sealed_only_awaiting CHECK ((identity_status = 'AWAITING') = (nik_sealed IS NOT NULL));
-- the job's batches, oldest first; few rows, and only while the registry was down
CREATE INDEX participant_identity_awaiting ON participant (created_at) WHERE identity_status = 'AWAITING';
