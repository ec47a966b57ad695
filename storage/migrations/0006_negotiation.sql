-- 0006: the negotiation's memory (issue 11).
--
-- A meeting holds the other side's asks with our responses, points to make (each optionally
-- addressed to one participant: meeting_lines.addressed_to), "if pressed" lines and lines to
-- avoid, the press line, a timed agenda and choreography notes, logistics as fields
-- (interpreters, record-taker, press access), negotiating parameters per issue (printed as an
-- annex at parameters_level, '' = one level above the dossier's marking), the record of
-- conversation written afterwards, and the commitments made there. A dispute keeps the
-- positions each party held before (dispute_position_history), and a key fact the moment it
-- was first recorded (key_facts.added; '' for facts older than this version), so that a brief
-- can say what changed since the last round.
ALTER TABLE meetings ADD COLUMN press_proactive TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN press_reactive TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN press_access TEXT NOT NULL DEFAULT '' CHECK (press_access IN ('', 'open', 'pool', 'closed'));
ALTER TABLE meetings ADD COLUMN record_taker TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN parameters_level TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN record_date TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN record_place TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN record_subject TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN record_substance TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN record_atmosphere TEXT NOT NULL DEFAULT '' CHECK (record_atmosphere IN ('', 'positive', 'neutral', 'negative'));
ALTER TABLE meetings ADD COLUMN record_atmosphere_why TEXT NOT NULL DEFAULT '';

ALTER TABLE meeting_lines ADD COLUMN addressed_to TEXT REFERENCES actors (id) ON DELETE SET NULL;

CREATE TABLE meeting_asks (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	ask        TEXT NOT NULL,
	response   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_if_pressed (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	line       TEXT NOT NULL,
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_avoid (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	line       TEXT NOT NULL,
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_agenda (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	item       TEXT NOT NULL,
	at         TEXT NOT NULL DEFAULT '',
	lead_id    TEXT REFERENCES actors (id) ON DELETE SET NULL,
	minutes    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_choreography (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	note       TEXT NOT NULL,
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_interpreters (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	who        TEXT NOT NULL,
	languages  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_parameters (
	meeting_id      TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq             INTEGER NOT NULL,
	issue           TEXT NOT NULL,
	our_interests   TEXT NOT NULL DEFAULT '',
	their_interests TEXT NOT NULL DEFAULT '',
	our_batna       TEXT NOT NULL DEFAULT '',
	their_batna     TEXT NOT NULL DEFAULT '',
	target          TEXT NOT NULL DEFAULT '',
	reservation     TEXT NOT NULL DEFAULT '',
	zopa            TEXT NOT NULL DEFAULT '',
	options         TEXT NOT NULL DEFAULT '',
	criteria        TEXT NOT NULL DEFAULT '',
	concessions     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_present (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	actor_id   TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_present_actor ON meeting_present (actor_id);

CREATE TABLE commitments (
	meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	actor_id   TEXT REFERENCES actors (id) ON DELETE SET NULL,
	side       TEXT NOT NULL DEFAULT '',
	what       TEXT NOT NULL,
	when_kind  TEXT NOT NULL DEFAULT '',
	when_lower INTEGER,
	when_upper INTEGER,
	when_at    TEXT NOT NULL DEFAULT '',
	when_zone  TEXT NOT NULL DEFAULT '',
	when_from  TEXT NOT NULL DEFAULT '',
	when_to    TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
	closed_by  TEXT REFERENCES meetings (id) ON DELETE SET NULL,
	PRIMARY KEY (meeting_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX commitments_open ON commitments (status, when_upper);
CREATE INDEX commitments_closed_by ON commitments (closed_by) WHERE closed_by IS NOT NULL;

ALTER TABLE key_facts ADD COLUMN added TEXT NOT NULL DEFAULT '';
ALTER TABLE dispute_positions ADD COLUMN since TEXT NOT NULL DEFAULT '';

CREATE TABLE dispute_position_history (
	dispute_id TEXT NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	party      TEXT NOT NULL,
	text       TEXT NOT NULL,
	since      TEXT NOT NULL DEFAULT '',
	until      TEXT NOT NULL,
	PRIMARY KEY (dispute_id, seq)
) STRICT, WITHOUT ROWID;
