-- 0008: where each record was last exchanged, and the incoming versions kept aside (issue 14).
--
-- Bundles used to merge by "the newer `updated` wins": when two officers edited the same
-- record on two laptops, one's work disappeared without a word. To tell "changed on both
-- sides since the last exchange" from "changed on one side", each database remembers, per
-- record, the version it last exchanged through a bundle (imported from one or exported into
-- one):
--
--   updated  the record's `updated` stamp as exchanged (RFC 3339, UTC, as the records store it):
--            a record here whose `updated` differs was edited here since; an incoming copy
--            whose `updated` differs was edited on the other side since
--   digest   a fingerprint of the record's content as exchanged (its bundle form without the
--            created and updated stamps), so that a save that changed nothing is no edit
--   way      'import', 'export' or 'resolve' (the user settled a conflict)
--   file     the bundle's file name; at: when
--
-- An import that meets a record changed on both sides keeps Parley's copy and keeps the
-- incoming one in bundle_conflicts, as the bundle carried it (JSON), until the user keeps
-- either or merges them field by field. No foreign keys: the rows name records of every kind,
-- and a record deleted here leaves only a row that no longer matters.
CREATE TABLE exchanges (
	kind    TEXT NOT NULL,
	id      TEXT NOT NULL,
	updated TEXT NOT NULL,
	digest  TEXT NOT NULL DEFAULT '',
	way     TEXT NOT NULL CHECK (way IN ('import', 'export', 'resolve')),
	file    TEXT NOT NULL DEFAULT '',
	at      TEXT NOT NULL,
	PRIMARY KEY (kind, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE bundle_conflicts (
	kind          TEXT NOT NULL,
	id            TEXT NOT NULL,
	theirs        TEXT NOT NULL,
	their_updated TEXT NOT NULL,
	file          TEXT NOT NULL DEFAULT '',
	found         TEXT NOT NULL,
	PRIMARY KEY (kind, id)
) STRICT, WITHOUT ROWID;
