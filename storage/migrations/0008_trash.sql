-- 0008: the trash (issue 9).
--
-- A deleted record is moved here, not kept in its own table with a "deleted" mark: every
-- query of the dossier (lists, search, packs, bundles, calendars, checks) then stays as it is
-- and cannot show a deleted record by forgetting a condition. Each row is one deletion: the
-- record with everything that went with it (an actor's statements, a meeting's issued packs)
-- as bundle records, and the rows of other records that referred to it (a meeting's
-- participants, a later round's link, a statement's meeting), all as one JSON snapshot that
-- restoring writes back through the code an import uses. id keeps the order of deletions.
-- "came_with" counts what went with it, for the list ([{"n": 5, "one": "statement", "many":
-- "statements"}]), so that listing the trash need not read the snapshots. Bundles never carry
-- the trash; backups do (they copy the whole file).
CREATE TABLE trash (
	id        INTEGER PRIMARY KEY,
	kind      TEXT NOT NULL,
	record_id TEXT NOT NULL,
	title     TEXT NOT NULL,
	deleted   TEXT NOT NULL,
	came_with TEXT NOT NULL DEFAULT '[]',
	snapshot  TEXT NOT NULL
) STRICT;

CREATE INDEX trash_record ON trash (kind, record_id);
