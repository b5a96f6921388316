-- R-40 the catalog: institutions make trainings, platforms sell them.
CREATE TABLE institution (
    id   text PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE platform (
    id             text PRIMARY KEY,
    name           text    NOT NULL,
    -- R-53 each platform's own refund policy
    refund_allowed boolean NOT NULL,
    refund_days    int     NOT NULL CHECK (refund_days >= 0)
);

CREATE TABLE training (
    id             text PRIMARY KEY,
    title          text    NOT NULL,
    category       text    NOT NULL,
    description    text    NOT NULL,
    institution_id text    NOT NULL REFERENCES institution (id),
    price          bigint  NOT NULL CHECK (price > 0),
    hours          int     NOT NULL CHECK (hours > 0),
    method         text    NOT NULL CHECK (method IN ('VIDEO', 'WEBINAR', 'OFFLINE')),
    -- R-64 ratings from reviews feed the catalog
    rating_sum     bigint  NOT NULL DEFAULT 0,
    rating_count   int     NOT NULL DEFAULT 0,
    search         tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || description)) STORED
);
CREATE INDEX training_search ON training USING gin (search);
CREATE INDEX training_category ON training (category);

CREATE TABLE training_platform (
    training_id text NOT NULL REFERENCES training (id),
    platform_id text NOT NULL REFERENCES platform (id),
    PRIMARY KEY (training_id, platform_id)
);
CREATE INDEX training_platform_platform ON training_platform (platform_id);
