-- The relay claims a few messages at a time (committed), then sends and marks each one on its
-- own: a crash or a database outage in the middle of a batch can send again at most the message
-- that was in flight, never the ones already sent. A dead relay's claim lapses after a while.
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;
