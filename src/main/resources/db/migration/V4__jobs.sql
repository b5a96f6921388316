-- Long-running operator jobs with progress, and leases that make scheduled jobs run once across
-- any number of instances.
CREATE TABLE job (
    id          uuid PRIMARY KEY,
    kind        text        NOT NULL,
    state       text        NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    done        bigint      NOT NULL DEFAULT 0,
    total       bigint      NOT NULL DEFAULT 0,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    error       text
);

CREATE TABLE job_lease (
    name         text PRIMARY KEY,
    leased_until timestamptz NOT NULL,
    leased_by    text        NOT NULL
);
