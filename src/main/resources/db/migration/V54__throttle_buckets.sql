-- The web module's per-address throttle (RequestThrottle): Bucket4j's buckets in the layout of its
-- PostgreSQL proxy manager (select-for-update flavour), one row per limited POST path and client
-- address, shared by every instance so that a ceiling per address per minute holds however many
-- instances serve. id is the path and the address; state is the bucket as Bucket4j serializes it
-- (null for the moment between its insert and its first update); expires_at, epoch milliseconds,
-- is when the bucket is full again (a minute's turn): past it the throttle deletes the row, as a
-- missing bucket is a full one. So an address stays here a minute or two at most.
-- Unlogged: nothing here needs to survive a crash or reach a replica (a lost bucket is a full one),
-- and every limited POST writes a row.
CREATE UNLOGGED TABLE throttle_bucket (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX throttle_bucket_expires ON throttle_bucket (expires_at);
