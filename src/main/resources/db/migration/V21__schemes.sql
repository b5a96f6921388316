-- R-25 schemes: the program's parameters as they were for a set of waves. A scheme never changes
-- once created (a wave's participants were promised its amounts): no UPDATE or DELETE passes.
CREATE TABLE scheme (
    name                    text PRIMARY KEY CHECK (name ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    training_balance        bigint      NOT NULL CHECK (training_balance > 0),
    incentive_amount        bigint      NOT NULL CHECK (incentive_amount >= 0),
    incentive_count         int         NOT NULL CHECK (incentive_count >= 0),
    incentive_interval_days int         NOT NULL CHECK (incentive_interval_days >= 0),
    survey_amount           bigint      NOT NULL CHECK (survey_amount >= 0),
    survey_count            int         NOT NULL CHECK (survey_count >= 0),
    first_purchase_days     int         NOT NULL CHECK (first_purchase_days > 0),
    min_age                 int         NOT NULL CHECK (min_age >= 0),
    max_age                 int CHECK (max_age IS NULL OR max_age >= min_age),
    created_at              timestamptz NOT NULL
);

CREATE FUNCTION scheme_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a scheme never changes once created (R-25): %', OLD.name;
END $$;
CREATE TRIGGER scheme_immutable BEFORE UPDATE OR DELETE ON scheme
    FOR EACH ROW EXECUTE FUNCTION scheme_is_immutable();

INSERT INTO scheme (name, training_balance, incentive_amount, incentive_count, incentive_interval_days,
                    survey_amount, survey_count, first_purchase_days, min_age, max_age, created_at)
VALUES ('SEMI_BANSOS_2022', 1000000, 600000, 4, 30, 50000, 3, 30, 18, NULL, '2022-03-09T00:00:00+07:00'),
       ('NORMAL_2023',      3500000, 600000, 1, 30, 50000, 2, 15, 18, 64,   '2023-01-01T00:00:00+07:00');

-- every wave is created under a scheme; the waves before schemes were the 2022 ones
ALTER TABLE wave ADD COLUMN scheme text NOT NULL DEFAULT 'SEMI_BANSOS_2022';
ALTER TABLE wave ALTER COLUMN scheme DROP DEFAULT;
