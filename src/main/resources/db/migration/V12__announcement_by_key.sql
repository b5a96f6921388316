-- Announcement walks a wave's applications in primary-key order instead: this partial index cost
-- an index entry for every applicant on every status change (a third of the selection's time).
DROP INDEX application_to_announce;
