-- What Parley keeps of the calendar entry an imported meeting came from, so that an organiser's
-- later update can be told from an old copy, and a meeting the user edited in Parley since the
-- import from one they did not (issue 12). All empty for meetings made in Parley.
--
--   ical_sequence  the entry's SEQUENCE as last applied (0 when it had none)
--   ical_modified  the entry's LAST-MODIFIED as last applied ('' when it had none)
--   ical_created   the entry's CREATED ('' when it had none)
--   ical_synced    the meeting's own `updated` stamp when the entry was last applied: a later
--                  `updated` means the meeting was edited in Parley since ('' = never imported)
--   ical_transp    TRANSP (OPAQUE or TRANSPARENT) as the calendar gave it
--   ical_class     CLASS (PUBLIC, PRIVATE, CONFIDENTIAL…) as the calendar gave it
ALTER TABLE meetings ADD COLUMN ical_sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN ical_modified TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN ical_created TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN ical_synced TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN ical_transp TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN ical_class TEXT NOT NULL DEFAULT '';
