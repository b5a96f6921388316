-- R-80 complaints (pengaduan). A ticket is filed by a participant (participant_id) or by anyone
-- with a contact email; the ticket number is random (not a sequence), so counting finds nothing.
CREATE TABLE complaint (
    id             uuid PRIMARY KEY,
    ticket         text        NOT NULL UNIQUE,
    category       text        NOT NULL CHECK (category IN ('ACCOUNT', 'SELECTION', 'CARD', 'PURCHASE', 'VOUCHER',
                                                            'TRAINING', 'CERTIFICATE', 'INCENTIVE', 'OTHER')),
    title          text        NOT NULL,
    description    text        NOT NULL,
    reference      text,
    participant_id uuid,
    contact_email  text,
    status         text        NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED')),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    -- R-85: since when the filer waits for an operator's answer; NULL once an operator answered
    -- (set again when the filer writes again)
    awaiting_since timestamptz,
    CONSTRAINT complaint_has_filer CHECK (participant_id IS NOT NULL OR contact_email IS NOT NULL)
);
CREATE INDEX complaint_queue ON complaint (status, created_at);
CREATE INDEX complaint_participant ON complaint (participant_id) WHERE participant_id IS NOT NULL;

CREATE TABLE complaint_message (
    id           bigserial PRIMARY KEY,
    complaint_id uuid        NOT NULL REFERENCES complaint (id),
    author       text        NOT NULL CHECK (author IN ('FILER', 'OPERATOR')),
    operator_id  uuid,
    text         text        NOT NULL,
    at           timestamptz NOT NULL
);
CREATE INDEX complaint_message_complaint ON complaint_message (complaint_id, id);

-- at most a few files per ticket, each at most a few MB: kept in PostgreSQL with the ticket, so a
-- backup holds both and no file store needs its own access rules
CREATE TABLE complaint_attachment (
    id           uuid PRIMARY KEY,
    complaint_id uuid        NOT NULL REFERENCES complaint (id),
    content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size         int         NOT NULL CHECK (size > 0),
    content      bytea       NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX complaint_attachment_complaint ON complaint_attachment (complaint_id, created_at);
