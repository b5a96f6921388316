-- R-83, R-84: who did what, when. Written in the same transaction as the act it records (an act
-- that rolls back leaves no entry) and never changed afterwards: a trigger refuses UPDATE, DELETE
-- and TRUNCATE, for the application's role as for anyone who forgets.
--
-- Time partitioning: the table is partitioned by range of "at" from the start, so that growth is
-- handled without rewriting it. Rows land in audit_entry_default until monthly partitions exist;
-- an operator (or a job, later) adds them ahead of time,
--   CREATE TABLE audit_entry_2027_01 PARTITION OF audit_entry
--       FOR VALUES FROM ('2027-01-01+07') TO ('2027-02-01+07');
-- and retention is by detaching a whole old month (ALTER TABLE ... DETACH PARTITION, then archive
-- or drop it): DDL, not DELETE, so the append-only trigger stays absolute for rows. The primary key
-- holds "at" because a partitioned table's unique keys must include the partition key.
CREATE TABLE audit_entry (
    id       bigserial,
    at       timestamptz NOT NULL,
    actor_id uuid,
    actor    text        NOT NULL,
    role     text,
    action   text        NOT NULL CHECK (action ~ '^[A-Z][A-Z0-9_]*$'),
    target   text,
    detail   text,
    PRIMARY KEY (at, id)
) PARTITION BY RANGE (at);
CREATE TABLE audit_entry_default PARTITION OF audit_entry DEFAULT;

CREATE INDEX audit_entry_at ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_actor ON audit_entry (lower(actor), at DESC);
CREATE INDEX audit_entry_action ON audit_entry (action, at DESC);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_default_no_truncate BEFORE TRUNCATE ON audit_entry_default
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
