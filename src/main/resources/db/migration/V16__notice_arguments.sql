-- In-app notices are stored as their kind and arguments and rendered in the reader's language
-- (messages_*.properties, key "notice.<kind>"). Rows written before keep their Indonesian text
-- and no arguments, and are shown as they are.
ALTER TABLE in_app_notification ADD COLUMN args text[];
ALTER TABLE in_app_notification ALTER COLUMN text DROP NOT NULL;
ALTER TABLE in_app_notification ADD CONSTRAINT in_app_notification_text_or_args
    CHECK (text IS NOT NULL OR args IS NOT NULL);

-- Messages go to a participant, not to an address: the relay finds the phone or email when it
-- sends, through registration's participant_contact view. Rows written before keep their recipient.
-- The body is rendered when the row is written, in the participant's language (locale); an email's
-- HTML part is laid out from it at send time, in the same language.
ALTER TABLE outbox ADD COLUMN participant_id uuid;
ALTER TABLE outbox ALTER COLUMN recipient DROP NOT NULL;
ALTER TABLE outbox ADD CONSTRAINT outbox_has_addressee CHECK (recipient IS NOT NULL OR participant_id IS NOT NULL);
ALTER TABLE outbox ADD COLUMN locale text NOT NULL DEFAULT 'id';
-- a failed send waits before its next try, longer after each failure (exponential back-off);
-- NULL: as soon as possible
ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz;

-- Owned by registration: the one question other modules may ask of its participant table in SQL,
-- where a participant's SMS and email go. The outbox relay joins it in its batch query, so
-- looking up addresses costs no round trip on the request paths and none per message.
CREATE VIEW participant_contact AS
SELECT id AS participant_id, email, phone FROM participant;
