package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// The links a trashed record takes with it. Incoming links are rows of records that stay —
// a meeting's participant row naming the deleted actor, a later round's previous_round_id —
// which the deletion removes (ON DELETE CASCADE) or clears (ON DELETE SET NULL); the trash
// keeps them so that restoring puts them back. Outgoing links are the references inside the
// trashed records themselves (a meeting's participants, a statement's source), which
// restoring keeps where their record still exists and leaves out, saying so, where it does
// not.

// linkKind is one column of another table that can point at a record of kind of.
type linkKind struct {
	name      string // as stored in a snapshot's links
	of        string // the kind of record the column points at
	table     string
	owner     string // the column naming the record that holds the link
	ownerKind string
	column    string   // the column that points at the record
	seq       bool     // rows are positions (owner, seq) in the owner's list
	cascade   bool     // the row goes with the record; otherwise only column is cleared
	cols      []string // the row's other columns: written back (cascade) or matched to find it again
	// fill, when set, is a column that says in words what column pointed at: while the record
	// is in the trash it holds the record's name where it was empty (a commitment's side, so
	// that the commitment still says who made it), and gets its own value back on restore.
	fill      string
	one, many string // what the trash list calls one or more of them
	what      string // a left-out link in words; %s is the owner's name
}

// linkKinds are every column of the schema that points at a meeting, actor, dispute or track
// from a record that stays when that one goes (migrations 0001 and 0006). Sources and
// statements have none: a cited source cannot be deleted, and nothing points at a statement.
var linkKinds = []linkKind{
	{name: "participant", of: kindActor, table: "meeting_participants", owner: "meeting_id", ownerKind: kindMeeting,
		column: "actor_id", seq: true, cascade: true, cols: []string{"role", "note", "principal"},
		one: "place in a meeting", many: "places in meetings", what: "their place among the participants of %s"},
	{name: "present", of: kindActor, table: "meeting_present", owner: "meeting_id", ownerKind: kindMeeting,
		column: "actor_id", seq: true, cascade: true,
		one: "presence in a record of conversation", many: "presences in records of conversation", what: "their place among those present at %s"},
	{name: "relation", of: kindActor, table: "actor_relations", owner: "actor_id", ownerKind: kindActor,
		column: "other_id", seq: true, cascade: true, cols: []string{"kind", "note"},
		one: "relationship", many: "relationships", what: "the relationship of %s with them"},
	{name: "addressee", of: kindActor, table: "meeting_lines", owner: "meeting_id", ownerKind: kindMeeting,
		column: "addressed_to", seq: true, cols: []string{"line"},
		one: "point addressed to them", many: "points addressed to them", what: "a point to make at %s addressed to them"},
	{name: "agenda lead", of: kindActor, table: "meeting_agenda", owner: "meeting_id", ownerKind: kindMeeting,
		column: "lead_id", seq: true, cols: []string{"item"},
		one: "agenda item they lead", many: "agenda items they lead", what: "their lead of an agenda item of %s"},
	{name: "commitment", of: kindActor, table: "commitments", owner: "meeting_id", ownerKind: kindMeeting,
		column: "actor_id", seq: true, cols: []string{"what"}, fill: "side",
		one: "commitment they made", many: "commitments they made", what: "a commitment they made at %s"},
	{name: "next round", of: kindMeeting, table: "meetings", owner: "id", ownerKind: kindMeeting,
		column: "previous_round_id",
		one:    "later round", many: "later rounds", what: "the link from the later round %s"},
	{name: "statement at", of: kindMeeting, table: "statements", owner: "id", ownerKind: kindStatement,
		column: "meeting_id",
		one:    "statement made there", many: "statements made there", what: "the link from the statement %s"},
	{name: "closed at", of: kindMeeting, table: "commitments", owner: "meeting_id", ownerKind: kindMeeting,
		column: "closed_by", seq: true, cols: []string{"what"},
		one: "commitment closed there", many: "commitments closed there", what: "a commitment of %s closed there"},
	{name: "meeting dispute", of: kindDispute, table: "meeting_disputes", owner: "meeting_id", ownerKind: kindMeeting,
		column: "dispute_id", seq: true, cascade: true,
		one: "meeting linked to it", many: "meetings linked to it", what: "the link from the meeting %s"},
	{name: "statement about", of: kindDispute, table: "statements", owner: "id", ownerKind: kindStatement,
		column: "dispute_id",
		one:    "statement about it", many: "statements about it", what: "the link from the statement %s"},
	{name: "track meeting", of: kindTrack, table: "meetings", owner: "id", ownerKind: kindMeeting,
		column: "track_id",
		one:    "meeting of the track", many: "meetings of the track", what: "the place of %s in the track"},
}

func linkKindNamed(name string) (linkKind, bool) {
	for _, lk := range linkKinds {
		if lk.name == name {
			return lk, true
		}
	}
	return linkKind{}, false
}

// trashLink is one incoming link as the trash keeps it: the row's owner, its position, and
// the values of the kind's other columns, in order.
type trashLink struct {
	Kind   string `json:"kind"`
	Owner  string `json:"owner"`
	Seq    int    `json:"seq,omitempty"`
	Values []any  `json:"values,omitempty"`
}

// The SQL below is made of the constant identifiers of linkKinds, never of input.

// links reads the rows of kind lk that point at id, in the owner's order.
func (lk linkKind) links(ctx context.Context, q querier, id string) ([]trashLink, error) {
	sel := []string{lk.owner}
	order := lk.owner
	if lk.seq {
		sel = append(sel, "seq")
		order += ", seq"
	}
	sel = append(sel, lk.cols...)
	if lk.fill != "" {
		sel = append(sel, lk.fill)
	}
	query := `SELECT ` + strings.Join(sel, ", ") + ` FROM ` + lk.table + ` WHERE ` + lk.column + ` = ?1 AND ` +
		lk.owner + ` <> ?1 ORDER BY ` + order
	return collect(ctx, q, query, []any{id}, func(rows *sql.Rows) (trashLink, error) {
		l := trashLink{Kind: lk.name, Values: make([]any, lk.width())}
		dest := []any{&l.Owner}
		if lk.seq {
			dest = append(dest, &l.Seq)
		}
		for i := range l.Values {
			dest = append(dest, &l.Values[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return trashLink{}, err
		}
		for i, v := range l.Values {
			if b, ok := v.([]byte); ok {
				l.Values[i] = string(b)
			}
		}
		return l, nil
	})
}

// width is how many values a link of the kind keeps: its other columns, then fill's.
func (lk linkKind) width() int {
	if lk.fill != "" {
		return len(lk.cols) + 1
	}
	return len(lk.cols)
}

// keepName writes name into the fill column of the rows that point at id and leave it empty.
func (lk linkKind) keepName(ctx context.Context, tx *sql.Tx, id, name string) error {
	if lk.fill == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE `+lk.table+` SET `+lk.fill+` = ? WHERE `+lk.column+` = ? AND `+lk.fill+` = ''`, name, id)
	return err
}

// restore puts a link back to id. It reports false when the row it belonged to is no longer
// there as it was (the owner has gone, or was changed so that the row is not found again).
func (lk linkKind) restore(ctx context.Context, tx *sql.Tx, id string, l trashLink) (bool, error) {
	values, err := linkValues(l.Values, lk.width())
	if err != nil {
		return false, fmt.Errorf("%s link: %w", lk.name, err)
	}
	ok, err := exists(ctx, tx, lk.ownerKind, l.Owner)
	if err != nil || !ok {
		return false, err
	}
	switch {
	case lk.cascade:
		// Back at its place in the owner's list, or at the end of a list that has since
		// become shorter; the rows from there move down one.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+lk.table+` WHERE `+lk.owner+` = ?`, l.Owner).Scan(&n); err != nil {
			return false, err
		}
		pos := min(l.Seq, n)
		// Two steps, so that no two rows hold the same position in between.
		if _, err := tx.ExecContext(ctx, `UPDATE `+lk.table+` SET seq = -seq - 1 WHERE `+lk.owner+` = ? AND seq >= ?`, l.Owner, pos); err != nil {
			return false, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+lk.table+` SET seq = -seq WHERE `+lk.owner+` = ? AND seq < 0`, l.Owner); err != nil {
			return false, err
		}
		cols := append([]string{lk.owner, "seq", lk.column}, lk.cols...)
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
		_, err := tx.ExecContext(ctx, `INSERT INTO `+lk.table+` (`+strings.Join(cols, ", ")+`) VALUES (`+marks+`)`,
			append([]any{l.Owner, pos, id}, values...)...)
		return err == nil, err
	case lk.seq:
		// The row the column was cleared in: the same text, still pointing nowhere, nearest
		// to where it was.
		where := []string{lk.owner + ` = ?`, lk.column + ` IS NULL`}
		for _, c := range lk.cols {
			where = append(where, c+` = ?`)
		}
		var seq int
		err := tx.QueryRowContext(ctx, `SELECT seq FROM `+lk.table+` WHERE `+strings.Join(where, " AND ")+
			` ORDER BY abs(seq - ?) LIMIT 1`, append(append([]any{l.Owner}, values[:len(lk.cols)]...), l.Seq)...).Scan(&seq)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		set, args := lk.column+` = ?`, []any{id}
		if lk.fill != "" {
			set, args = set+`, `+lk.fill+` = ?`, append(args, values[len(lk.cols)])
		}
		_, err = tx.ExecContext(ctx, `UPDATE `+lk.table+` SET `+set+` WHERE `+lk.owner+` = ? AND seq = ?`, append(args, l.Owner, seq)...)
		return err == nil, err
	default:
		res, err := tx.ExecContext(ctx, `UPDATE `+lk.table+` SET `+lk.column+` = ? WHERE `+lk.owner+` = ? AND `+lk.column+` IS NULL`, id, l.Owner)
		if err != nil {
			return false, err
		}
		n, err := res.RowsAffected()
		return n > 0, err
	}
}

// linkValues are a stored link's column values as SQLite takes them: JSON gives numbers back
// as json.Number (the snapshot is decoded with UseNumber), which become integers.
func linkValues(in []any, want int) ([]any, error) {
	if len(in) != want {
		return nil, fmt.Errorf("%d values where %d were kept", len(in), want)
	}
	out := make([]any, len(in))
	for i, v := range in {
		switch x := v.(type) {
		case json.Number:
			n, err := x.Int64()
			if err != nil {
				return nil, fmt.Errorf("value %s is not a whole number", x)
			}
			out[i] = n
		case string, int64, nil:
			out[i] = x
		default:
			return nil, fmt.Errorf("value %v cannot be stored", v)
		}
	}
	return out, nil
}

// outRef is a reference from a trashed record to another record.
type outRef struct {
	kind string
	id   *string // cleared when the record is gone
	what string  // the reference in words; %s is the referenced record's name
	// required: the record cannot come back without it (a statement's speaker).
	required bool
	// gone, when set, is told the name of the record once the reference is cleared.
	gone func(name string)
}

// outRefs lists every reference the records of d make to other records, in the order of the
// records and their fields.
func outRefs(d *Dossier) []outRef {
	var out []outRef
	add := func(kind string, id *string, what string) {
		if *id != "" {
			out = append(out, outRef{kind: kind, id: id, what: what})
		}
	}
	for i := range d.Actors {
		a := &d.Actors[i]
		for j := range a.Relations {
			add(kindActor, &a.Relations[j].ActorID, "the relationship with %s")
		}
	}
	for i := range d.Disputes {
		dp := &d.Disputes[i]
		for j := range dp.Facts {
			add(kindSource, &dp.Facts[j].SourceID, "the source %s of a key fact")
		}
		for j := range dp.Timeline {
			add(kindSource, &dp.Timeline[j].SourceID, "the source %s of a timeline entry")
		}
	}
	for i := range d.Meetings {
		m := &d.Meetings[i]
		add(kindTrack, &m.TrackID, "its place in the track %s")
		add(kindMeeting, &m.PreviousRoundID, "the link to the previous round %s")
		for j := range m.Participants {
			add(kindActor, &m.Participants[j].ActorID, "the participant %s")
		}
		for j := range m.DisputeIDs {
			add(kindDispute, &m.DisputeIDs[j], "the link to the dispute %s")
		}
		for j := range m.StatusHistory {
			add(kindSource, &m.StatusHistory[j].SourceID, "the source %s of a status change")
		}
		for j := range m.LinesToTake {
			add(kindActor, &m.LinesToTake[j].ToID, "the addressee %s of a point to make")
		}
		for j := range m.Agenda {
			add(kindActor, &m.Agenda[j].LeadID, "the lead %s of an agenda item")
		}
		for j := range m.Record.PresentIDs {
			add(kindActor, &m.Record.PresentIDs[j], "%s among those present")
		}
		for j := range m.Commitments {
			k := &m.Commitments[j]
			add(kindActor, &k.ActorID, "%s as the one who made a commitment")
			if k.ActorID != "" {
				// A commitment says who made it: the actor gone, their name stays as its side.
				out[len(out)-1].gone = func(name string) {
					if strings.TrimSpace(k.Side) == "" {
						k.Side = name
					}
				}
			}
			if k.ClosedByID != m.ID {
				add(kindMeeting, &k.ClosedByID, "the meeting %s that closed a commitment")
			}
		}
	}
	for i := range d.Statements {
		st := &d.Statements[i]
		if st.ActorID != "" {
			out = append(out, outRef{kind: kindActor, id: &st.ActorID, what: "its speaker %s", required: true})
		}
		add(kindMeeting, &st.MeetingID, "the link to the meeting %s")
		add(kindDispute, &st.DisputeID, "the link to the dispute %s")
		add(kindSource, &st.SourceID, "the source %s")
	}
	return out
}

// dropCleared takes the list entries whose reference was cleared out of d's records.
func dropCleared(d *Dossier) {
	keep := func(id string) string { return id }
	for i := range d.Actors {
		a := &d.Actors[i]
		a.Relations = withRef(a.Relations, func(r Relation) string { return r.ActorID })
	}
	for i := range d.Meetings {
		m := &d.Meetings[i]
		m.Participants = withRef(m.Participants, func(p Participant) string { return p.ActorID })
		// An ID list emptied stays an empty list, not none.
		if len(m.DisputeIDs) > 0 {
			m.DisputeIDs = append(m.DisputeIDs[:0:0], withRef(m.DisputeIDs, keep)...)
		}
		if len(m.Record.PresentIDs) > 0 {
			m.Record.PresentIDs = append(m.Record.PresentIDs[:0:0], withRef(m.Record.PresentIDs, keep)...)
		}
	}
}

// withRef is the entries of xs whose reference ref gives is not empty, in order.
func withRef[T any](xs []T, ref func(T) string) []T {
	var out []T
	for _, x := range xs {
		if ref(x) != "" {
			out = append(out, x)
		}
	}
	return out
}

// titleQueries read the name a record is known by in messages.
var titleQueries = map[string]string{
	kindTrack:     `SELECT title FROM tracks WHERE id = ?`,
	kindMeeting:   `SELECT title FROM meetings WHERE id = ?`,
	kindActor:     `SELECT name FROM actors WHERE id = ?`,
	kindDispute:   `SELECT title FROM disputes WHERE id = ?`,
	kindStatement: `SELECT text FROM statements WHERE id = ?`,
	kindSource:    `SELECT title FROM sources WHERE id = ?`,
}

// recordTitle is the name of a stored record, or "" when there is none.
func recordTitle(ctx context.Context, q querier, kind, id string) (string, error) {
	var t string
	err := q.QueryRowContext(ctx, titleQueries[kind], id).Scan(&t)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if kind == kindStatement {
		t = shorten(t, 40)
	}
	return t, err
}

// nameKey is how a snapshot's names are keyed: the kind and the ID.
func nameKey(kind, id string) string { return kind + " " + id }
