-- R-60..R-64 what happens at the institution after a voucher is redeemed.
CREATE TABLE training_record (
    voucher_id            uuid PRIMARY KEY,
    participant_id        uuid        NOT NULL,
    training_id           text        NOT NULL,
    institution_id        text        NOT NULL,
    redeemed_at           timestamptz NOT NULL,
    pretest_score         int CHECK (pretest_score BETWEEN 0 AND 100),
    pretest_at            timestamptz,
    post_test_score       int CHECK (post_test_score BETWEEN 0 AND 100),
    completed_at          timestamptz,
    -- R-63 the certificate is the institution's; the platform keeps a record to verify it
    certificate_number    text UNIQUE,
    certificate_url       text,
    certificate_issued_at timestamptz,
    review_rating         int CHECK (review_rating BETWEEN 1 AND 5),
    review_text           text,
    reviewed_at           timestamptz
);
CREATE INDEX training_record_participant ON training_record (participant_id);
