-- Each review's rating counts once in its training's rating (R-64), however often the event that
-- carries it is delivered: a redelivery after a crash, or by a second instance at start, finds its
-- voucher here and adds nothing.
CREATE TABLE training_rating (
    voucher_id  uuid PRIMARY KEY,
    training_id text        NOT NULL,
    rating      smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    counted_at  timestamptz NOT NULL DEFAULT now()
);
