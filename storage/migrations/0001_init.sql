-- 0001: the first Parley schema.
--
-- Every record has a text ID (a UUID), so dossiers kept on two laptops can be merged, and
-- created/updated timestamps (RFC 3339, UTC). Ordered lists live in child tables keyed by
-- (owner, seq). A fuzzy date is stored as its kind plus the columns that rebuild it exactly
-- (at and zone for exact times, from_iso and to_iso for calendar dates) and two integer
-- bounds in Unix seconds, when_lower (inclusive) and when_upper (exclusive), that every query
-- sorts and filters by; the bounds are NULL for an unknown date.

-- 'PRLY': marks the file as a Parley database, so Open can tell it from other SQLite files.
PRAGMA application_id = 1347570777;

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
	id          TEXT PRIMARY KEY,
	title       TEXT NOT NULL CHECK (title <> ''),
	publisher   TEXT NOT NULL DEFAULT '',
	when_kind   TEXT NOT NULL DEFAULT '',
	when_lower  INTEGER,
	when_upper  INTEGER,
	when_at     TEXT NOT NULL DEFAULT '',
	when_zone   TEXT NOT NULL DEFAULT '',
	when_from   TEXT NOT NULL DEFAULT '',
	when_to     TEXT NOT NULL DEFAULT '',
	reference   TEXT NOT NULL DEFAULT '',
	reliability TEXT NOT NULL DEFAULT '',
	created     TEXT NOT NULL,
	updated     TEXT NOT NULL
) STRICT;

CREATE TABLE tracks (
	id      TEXT PRIMARY KEY,
	title   TEXT NOT NULL CHECK (title <> ''),
	summary TEXT NOT NULL DEFAULT '',
	created TEXT NOT NULL,
	updated TEXT NOT NULL
) STRICT;

CREATE TABLE track_parties (
	track_id TEXT NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
	seq      INTEGER NOT NULL,
	party    TEXT NOT NULL,
	PRIMARY KEY (track_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE actors (
	id            TEXT PRIMARY KEY,
	kind          TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
	name          TEXT NOT NULL CHECK (name <> ''),
	native_name   TEXT NOT NULL DEFAULT '',
	pronunciation TEXT NOT NULL DEFAULT '',
	country       TEXT NOT NULL DEFAULT '',
	organisation  TEXT NOT NULL DEFAULT '',
	title         TEXT NOT NULL DEFAULT '',
	role          TEXT NOT NULL DEFAULT '',
	biography     TEXT NOT NULL DEFAULT '',
	stance        TEXT NOT NULL DEFAULT '',
	photo         BLOB,
	created       TEXT NOT NULL,
	updated       TEXT NOT NULL
) STRICT;

CREATE INDEX actors_name ON actors (name COLLATE NOCASE);

CREATE TABLE actor_names (
	actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	seq      INTEGER NOT NULL,
	name     TEXT NOT NULL,
	PRIMARY KEY (actor_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE actor_tags (
	actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	seq      INTEGER NOT NULL,
	tag      TEXT NOT NULL,
	PRIMARY KEY (actor_id, seq)
) STRICT, WITHOUT ROWID;

-- Posts keep partial dates as ISO text (2016, 2016-09, 2016-06-22); '' = unknown / still held.
CREATE TABLE actor_posts (
	actor_id     TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	seq          INTEGER NOT NULL,
	title        TEXT NOT NULL,
	organisation TEXT NOT NULL DEFAULT '',
	from_iso     TEXT NOT NULL DEFAULT '',
	to_iso       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (actor_id, seq)
) STRICT, WITHOUT ROWID;

-- A relation goes when either actor goes.
CREATE TABLE actor_relations (
	actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	seq      INTEGER NOT NULL,
	other_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	kind     TEXT NOT NULL,
	note     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (actor_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX actor_relations_other ON actor_relations (other_id);

CREATE TABLE disputes (
	id            TEXT PRIMARY KEY,
	title         TEXT NOT NULL CHECK (title <> ''),
	administrator TEXT NOT NULL DEFAULT '',
	summary       TEXT NOT NULL DEFAULT '',
	created       TEXT NOT NULL,
	updated       TEXT NOT NULL
) STRICT;

CREATE TABLE dispute_names (
	dispute_id TEXT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	party      TEXT NOT NULL,
	name       TEXT NOT NULL,
	language   TEXT NOT NULL DEFAULT '',
	native     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (dispute_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE dispute_claimants (
	dispute_id TEXT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	claimant   TEXT NOT NULL,
	PRIMARY KEY (dispute_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE dispute_tags (
	dispute_id TEXT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	tag        TEXT NOT NULL,
	PRIMARY KEY (dispute_id, seq)
) STRICT, WITHOUT ROWID;

-- A cited source cannot go (RESTRICT): provenance must not silently disappear.
CREATE TABLE key_facts (
	dispute_id TEXT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	label      TEXT NOT NULL,
	value      TEXT NOT NULL,
	source_id  TEXT REFERENCES sources (id) ON DELETE RESTRICT,
	PRIMARY KEY (dispute_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX key_facts_source ON key_facts (source_id) WHERE source_id IS NOT NULL;

CREATE TABLE dispute_positions (
	dispute_id TEXT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	party      TEXT NOT NULL,
	text       TEXT NOT NULL,
	PRIMARY KEY (dispute_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE timeline_events (
	dispute_id TEXT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	when_kind  TEXT NOT NULL DEFAULT '',
	when_lower INTEGER,
	when_upper INTEGER,
	when_at    TEXT NOT NULL DEFAULT '',
	when_zone  TEXT NOT NULL DEFAULT '',
	when_from  TEXT NOT NULL DEFAULT '',
	when_to    TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL,
	source_id  TEXT REFERENCES sources (id) ON DELETE RESTRICT,
	PRIMARY KEY (dispute_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX timeline_events_source ON timeline_events (source_id) WHERE source_id IS NOT NULL;

CREATE TABLE meetings (
	id                TEXT PRIMARY KEY,
	track_id          TEXT REFERENCES tracks (id) ON DELETE SET NULL,
	title             TEXT NOT NULL CHECK (title <> ''),
	format            TEXT NOT NULL DEFAULT '',
	status            TEXT NOT NULL,
	when_kind         TEXT NOT NULL DEFAULT '',
	when_lower        INTEGER,
	when_upper        INTEGER,
	when_at           TEXT NOT NULL DEFAULT '',
	when_zone         TEXT NOT NULL DEFAULT '',
	when_from         TEXT NOT NULL DEFAULT '',
	when_to           TEXT NOT NULL DEFAULT '',
	duration_minutes  INTEGER NOT NULL DEFAULT 0,
	venue             TEXT NOT NULL DEFAULT '',
	city              TEXT NOT NULL DEFAULT '',
	country           TEXT NOT NULL DEFAULT '',
	round             INTEGER NOT NULL DEFAULT 0,
	previous_round_id TEXT REFERENCES meetings (id) ON DELETE SET NULL,
	purpose           TEXT NOT NULL DEFAULT '',
	background        TEXT NOT NULL DEFAULT '',
	interpreters      TEXT NOT NULL DEFAULT '',
	press             TEXT NOT NULL DEFAULT '',
	logistics         TEXT NOT NULL DEFAULT '',
	outcome           TEXT NOT NULL DEFAULT '',
	next_steps        TEXT NOT NULL DEFAULT '',
	ical_uid          TEXT NOT NULL DEFAULT '',
	created           TEXT NOT NULL,
	updated           TEXT NOT NULL
) STRICT;

-- Month and week views ask for meetings whose [lower, upper) overlaps a window. Meetings
-- reads short-span dates (a day, a month, a year) through meetings_when, bounded on both
-- sides, and the rare wide ones (long ranges) through meetings_span.
CREATE INDEX meetings_when ON meetings (when_lower, when_upper);
CREATE INDEX meetings_upper ON meetings (when_upper);
CREATE INDEX meetings_span ON meetings (when_upper - when_lower, when_lower, when_upper);
CREATE INDEX meetings_track ON meetings (track_id) WHERE track_id IS NOT NULL;
CREATE INDEX meetings_previous ON meetings (previous_round_id) WHERE previous_round_id IS NOT NULL;
CREATE INDEX meetings_ical_uid ON meetings (ical_uid) WHERE ical_uid <> '';

CREATE TABLE meeting_objectives (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	objective  TEXT NOT NULL,
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_lines (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	line       TEXT NOT NULL,
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_questions (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	question   TEXT NOT NULL,
	answer     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_tags (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	tag        TEXT NOT NULL,
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

-- Deleting a meeting removes its participations; deleting an actor removes theirs.
CREATE TABLE meeting_participants (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	actor_id   TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	role       TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_participants_actor ON meeting_participants (actor_id);

CREATE TABLE meeting_disputes (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	dispute_id TEXT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_disputes_dispute ON meeting_disputes (dispute_id);

-- The status history is append-only in the application; id keeps the order of the changes.
-- The when_* columns hold the meeting's date as it stood at the change ("was 2014").
CREATE TABLE status_changes (
	id          INTEGER PRIMARY KEY,
	meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	recorded    TEXT NOT NULL,
	from_status TEXT NOT NULL DEFAULT '',
	to_status   TEXT NOT NULL,
	reason      TEXT NOT NULL DEFAULT '',
	source_id   TEXT REFERENCES sources (id) ON DELETE RESTRICT,
	when_kind   TEXT NOT NULL DEFAULT '',
	when_lower  INTEGER,
	when_upper  INTEGER,
	when_at     TEXT NOT NULL DEFAULT '',
	when_zone   TEXT NOT NULL DEFAULT '',
	when_from   TEXT NOT NULL DEFAULT '',
	when_to     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX status_changes_meeting ON status_changes (meeting_id, to_status, id);
CREATE INDEX status_changes_source ON status_changes (source_id) WHERE source_id IS NOT NULL;

CREATE TABLE statements (
	id         TEXT PRIMARY KEY,
	actor_id   TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	text       TEXT NOT NULL CHECK (text <> ''),
	when_kind  TEXT NOT NULL DEFAULT '',
	when_lower INTEGER,
	when_upper INTEGER,
	when_at    TEXT NOT NULL DEFAULT '',
	when_zone  TEXT NOT NULL DEFAULT '',
	when_from  TEXT NOT NULL DEFAULT '',
	when_to    TEXT NOT NULL DEFAULT '',
	occasion   TEXT NOT NULL DEFAULT '',
	meeting_id TEXT REFERENCES meetings (id) ON DELETE SET NULL,
	dispute_id TEXT REFERENCES disputes (id) ON DELETE SET NULL,
	source_id  TEXT REFERENCES sources (id) ON DELETE RESTRICT,
	created    TEXT NOT NULL,
	updated    TEXT NOT NULL
) STRICT;

CREATE INDEX statements_actor ON statements (actor_id);
CREATE INDEX statements_meeting ON statements (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX statements_dispute ON statements (dispute_id) WHERE dispute_id IS NOT NULL;
CREATE INDEX statements_source ON statements (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX statements_when ON statements (when_lower);

-- Full-text search. search_docs gives every indexed record a stable rowid, so the index entry
-- of a record is replaced by rowid instead of by a scan of the index. The trigram tokenizer
-- finds substrings in any script (北方領土 has no spaces to split words at) and folds case in
-- Cyrillic and Latin alike.
CREATE TABLE search_docs (
	doc  INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	id   TEXT NOT NULL,
	UNIQUE (kind, id)
) STRICT;

CREATE VIRTUAL TABLE search USING fts5 (title, body, tokenize = 'trigram');
