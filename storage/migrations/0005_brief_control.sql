-- 0005: what a registry asks of a briefing pack (issue 10).
--
-- A meeting keeps its brief's document control: the reference, who drafted and who cleared
-- it and when (ISO partial dates, '' = not known), and its distribution, one recipient a
-- line. A participant may be marked a principal (the pack gives principals a full profile).
-- A status change keeps the date it happened, when the user gives it, beside the moment it
-- was recorded. pack_issues is the registry of the packs Parley has issued: each issue takes
-- the next version of its meeting's brief (an addendum takes the next addendum number of the
-- version it amends), and keeps the items it carried, so that an addendum can list what
-- changed since.
ALTER TABLE meetings ADD COLUMN brief_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN brief_drafter TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN brief_drafted TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN brief_cleared_by TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN brief_cleared TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN brief_distribution TEXT NOT NULL DEFAULT '';

ALTER TABLE meeting_participants ADD COLUMN principal INTEGER NOT NULL DEFAULT 0 CHECK (principal IN (0, 1));

ALTER TABLE status_changes ADD COLUMN happened TEXT NOT NULL DEFAULT '';

CREATE TABLE pack_issues (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL CHECK (version > 0),
	addendum   INTEGER NOT NULL DEFAULT 0 CHECK (addendum >= 0),
	issued     TEXT NOT NULL,
	reference  TEXT NOT NULL DEFAULT '',
	up_to      TEXT NOT NULL DEFAULT '',
	marking    TEXT NOT NULL DEFAULT '',
	copies     INTEGER NOT NULL DEFAULT 1 CHECK (copies > 0),
	items      TEXT NOT NULL DEFAULT '[]',
	PRIMARY KEY (meeting_id, version, addendum)
) STRICT, WITHOUT ROWID;
