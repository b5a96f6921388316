-- What this database was first written as: the sandbox (public keys, demo logins and partners) or
-- a real deployment, and check values of the keys it was written with. One row; the service
-- refuses to start when it disagrees with either (common/db/DeploymentGuard).
CREATE TABLE deployment (
    singleton        boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    sandbox          boolean     NOT NULL,
    pii_key_check    bytea       NOT NULL,
    secret_key_check bytea       NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
