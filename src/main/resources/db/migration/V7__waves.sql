-- R-20 waves and R-21 applications.
CREATE TABLE wave (
    number          int PRIMARY KEY CHECK (number > 0),
    quota           int         NOT NULL CHECK (quota > 0),
    join_opens_at   timestamptz NOT NULL,
    join_closes_at  timestamptz NOT NULL,
    announcement_at timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'SELECTED', 'ANNOUNCED')),
    -- R-22 fixed when the wave is created; its hash is public from the start, the seed itself
    -- from the close, so anyone can re-run the draw
    seed            text        NOT NULL,
    seed_hash       text        NOT NULL,
    applicants      int,
    eligible        int,
    selected        int,
    excluded        jsonb,
    created_at      timestamptz NOT NULL,
    CHECK (join_opens_at < join_closes_at AND join_closes_at <= announcement_at)
);

CREATE TABLE application (
    wave_number      int         NOT NULL REFERENCES wave (number),
    participant_id   uuid        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'SELECTED', 'NOT_SELECTED')),
    -- what selection needs, as it stood when the participant applied
    nik_hash         bytea       NOT NULL,
    kk_hash          bytea       NOT NULL,
    priority         int         NOT NULL,
    birth_date       date        NOT NULL,
    applied_at       timestamptz NOT NULL,
    exclusion_reason text,
    rank             int,
    announced_at     timestamptz,
    PRIMARY KEY (wave_number, participant_id)
);
-- R-21 one open wave at a time
CREATE UNIQUE INDEX application_one_pending ON application (participant_id) WHERE status = 'PENDING';
CREATE INDEX application_participant ON application (participant_id, applied_at DESC);
-- R-13 recipients by NIK and by family card, for once-in-a-lifetime and the family cap
CREATE INDEX application_selected_nik ON application (nik_hash) WHERE status = 'SELECTED';
CREATE INDEX application_selected_kk ON application (kk_hash) WHERE status = 'SELECTED';
CREATE INDEX application_to_announce ON application (wave_number, participant_id) WHERE announced_at IS NULL;
