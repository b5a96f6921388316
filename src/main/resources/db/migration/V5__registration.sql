-- R-10 participants. The NIK and KK number are personal data: only keyed hashes (for the
-- once-per-NIK and per-family rules) and a masked NIK are kept.
CREATE TABLE participant (
    id                   uuid PRIMARY KEY,
    email                text        NOT NULL,
    phone                text        NOT NULL,
    nik_hash             bytea       NOT NULL,
    nik_masked           text        NOT NULL,
    kk_hash              bytea       NOT NULL,
    full_name            text        NOT NULL,
    birth_date           date        NOT NULL,
    gender               char(1)     NOT NULL CHECK (gender IN ('M', 'F')),
    province             text        NOT NULL,
    city                 text        NOT NULL,
    education            text        NOT NULL,
    employment_status    text        NOT NULL,
    in_school            boolean     NOT NULL,
    civil_servant        boolean     NOT NULL,
    security_forces      boolean     NOT NULL,
    village_official     boolean     NOT NULL,
    legislator           boolean     NOT NULL,
    email_verified_at    timestamptz,
    phone_verified_at    timestamptz,
    basic_test_passed_at timestamptz,
    created_at           timestamptz NOT NULL
);
CREATE UNIQUE INDEX participant_nik ON participant (nik_hash);
CREATE UNIQUE INDEX participant_email ON participant (lower(email));
CREATE UNIQUE INDEX participant_phone ON participant (phone);
CREATE INDEX participant_kk ON participant (kk_hash);

-- R-12 one-time codes, stored as keyed hashes
CREATE TABLE verification_code (
    participant_id uuid        NOT NULL REFERENCES participant (id),
    channel        text        NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    code_hash      bytea       NOT NULL,
    expires_at     timestamptz NOT NULL,
    attempts       int         NOT NULL DEFAULT 0,
    used_at        timestamptz,
    PRIMARY KEY (participant_id, channel)
);

-- R-14 attempts at the basic-ability test
CREATE TABLE basic_test_attempt (
    id             bigserial PRIMARY KEY,
    participant_id uuid        NOT NULL REFERENCES participant (id),
    score          int         NOT NULL,
    passed         boolean     NOT NULL,
    taken_at       timestamptz NOT NULL
);
