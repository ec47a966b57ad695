package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The trash: a deleted record goes into the trash table as one snapshot — the record with
// what went with it, as bundle records, and the rows of other records that referred to it —
// and comes back from there whole. The dossier's own tables hold no deleted rows, so no
// query elsewhere needs to know about the trash (migration 0008 says why).

// ErrCannotRestore: a record in the trash cannot come back as it was — another record has
// its ID now, or a statement's speaker is gone. Nothing was restored.
var ErrCannotRestore = errors.New("nothing was restored")

// TrashItem is one deletion in the trash.
type TrashItem struct {
	ID       int64       `json:"id"`
	Kind     string      `json:"kind"` // "meeting", "actor", "dispute", "source", "track", "statement"
	RecordID string      `json:"record_id"`
	Title    string      `json:"title"`
	Deleted  time.Time   `json:"deleted"`
	With     []TrashPart `json:"with,omitempty"` // what went with it
}

// TrashPart counts one kind of thing that went into the trash with a record.
type TrashPart struct {
	N    int    `json:"n"`
	One  string `json:"one"`  // "statement"
	Many string `json:"many"` // "statements"
}

func (p TrashPart) String() string {
	if p.N == 1 {
		return "1 " + p.One
	}
	return fmt.Sprintf("%d %s", p.N, p.Many)
}

// WithText says what went with the record: "with 5 statements and 2 relationships", or ""
// when nothing did.
func (t TrashItem) WithText() string {
	var parts []string
	for _, p := range t.With {
		parts = append(parts, p.String())
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return "with " + parts[0]
	}
	return "with " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Label names the deleted record in a sentence: `the meeting “Tokyo round”`.
func (t TrashItem) Label() string {
	if t.Kind == kindActor {
		return t.Title
	}
	return "the " + t.Kind + " “" + t.Title + "”"
}

// RestoreReport says what came back from the trash, and what could not.
type RestoreReport struct {
	Item TrashItem `json:"item"`
	// LeftOut are the links that could not come back, each in words with the reason:
	// "the participant “Igor Morgulov” (in the trash)".
	LeftOut []string `json:"left_out,omitempty"`
}

// String says what was restored, for a person.
func (r RestoreReport) String() string {
	s := "Restored " + r.Item.Label()
	if len(r.LeftOut) == 0 {
		return s + "."
	}
	return s + ", without " + strings.Join(r.LeftOut, "; ") + "."
}

// trashSnapshot is what the trash keeps of one deletion.
type trashSnapshot struct {
	// Records are the deleted record and those that went with it, as a bundle carries them.
	Records Dossier     `json:"records"`
	Links   []trashLink `json:"links,omitempty"`
	// Names are the names, at the deletion, of the records linked to, by nameKey, so that a
	// link that cannot come back is named in words.
	Names map[string]string `json:"names,omitempty"`
}

// MoveToTrash deletes the record of kind ("meeting", "actor", "dispute", "source", "track",
// "statement") with id, as DeleteMeeting and the others do, keeping it in the trash with
// what goes with it, in one transaction.
func (s *Store) MoveToTrash(ctx context.Context, kind, id string) (TrashItem, error) {
	if _, ok := deleteQueries[kind]; !ok {
		return TrashItem{}, fmt.Errorf("delete: unknown record kind %q", kind)
	}
	var item TrashItem
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		item, err = trashRecord(ctx, tx, kind, id, s.stamp())
		return err
	})
	if err != nil {
		return TrashItem{}, fmt.Errorf("delete %s: %w", kind, err)
	}
	return item, nil
}

// trashRecord keeps the record in the trash, then deletes it.
func trashRecord(ctx context.Context, tx *sql.Tx, kind, id string, now time.Time) (TrashItem, error) {
	snap, title, err := takeSnapshot(ctx, tx, kind, id)
	if err != nil {
		return TrashItem{}, err
	}
	item := TrashItem{Kind: kind, RecordID: id, Title: title, Deleted: now, With: cameWith(kind, snap)}
	data, err := json.Marshal(snap)
	if err != nil {
		return TrashItem{}, err
	}
	with, err := json.Marshal(nonNil(item.With))
	if err != nil {
		return TrashItem{}, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO trash (kind, record_id, title, deleted, came_with, snapshot)
		VALUES (?, ?, ?, ?, ?, ?)`, kind, id, title, stampText(now), string(with), string(data))
	if err != nil {
		return TrashItem{}, err
	}
	if item.ID, err = res.LastInsertId(); err != nil {
		return TrashItem{}, err
	}
	for _, lk := range linkKinds {
		if lk.of == kind {
			if err := lk.keepName(ctx, tx, id, title); err != nil {
				return TrashItem{}, err
			}
		}
	}
	if kind == kindActor {
		err = deleteActorRecord(ctx, tx, id)
	} else {
		err = deleteRecord(ctx, tx, kind, id)
	}
	return item, err
}

// takeSnapshot reads the record with what goes with it and the links to it.
func takeSnapshot(ctx context.Context, tx *sql.Tx, kind, id string) (*trashSnapshot, string, error) {
	snap := &trashSnapshot{Names: map[string]string{}}
	d := &snap.Records
	ops, ok := exchangeKinds[kind]
	if !ok {
		return nil, "", fmt.Errorf("unknown record kind %q", kind)
	}
	rec, err := ops.load(ctx, tx, id)
	if err != nil {
		return nil, "", err
	}
	var title string
	switch r := rec.(type) {
	case *Meeting:
		if d.PackIssues, err = packIssues(ctx, tx, id); err != nil {
			return nil, "", err
		}
		d.Meetings, title = []Meeting{*r}, r.Title
	case *Actor:
		d.Statements, err = collect(ctx, tx, `SELECT `+statementColumns+` FROM statements WHERE actor_id = ? ORDER BY id`,
			[]any{id}, scanRows(scanStatement))
		if err != nil {
			return nil, "", err
		}
		d.Actors, title = []Actor{bundleActor(*r)}, r.Name
	case *Dispute:
		d.Disputes, title = []Dispute{*r}, r.Title
	case *Source:
		if err := sourceUnused(ctx, tx, id); err != nil {
			return nil, "", err
		}
		d.Sources, title = []Source{*r}, r.Title
	case *Track:
		d.Tracks, title = []Track{bundleTrack(*r)}, r.Title
	case *Statement:
		d.Statements, title = []Statement{*r}, shorten(r.Text, 60)
	}
	for _, lk := range linkKinds {
		if lk.of != kind {
			continue
		}
		links, err := lk.links(ctx, tx, id)
		if err != nil {
			return nil, "", fmt.Errorf("read the links to %s %s: %w", kind, id, err)
		}
		snap.Links = append(snap.Links, links...)
		for _, l := range links {
			if err := snap.name(ctx, tx, lk.ownerKind, l.Owner); err != nil {
				return nil, "", err
			}
		}
	}
	for _, r := range outRefs(d) {
		if err := snap.name(ctx, tx, r.kind, *r.id); err != nil {
			return nil, "", err
		}
	}
	return snap, title, nil
}

// name keeps the name of a linked record.
func (snap *trashSnapshot) name(ctx context.Context, q querier, kind, id string) error {
	key := nameKey(kind, id)
	if _, ok := snap.Names[key]; ok {
		return nil
	}
	t, err := recordTitle(ctx, q, kind, id)
	if err != nil {
		return fmt.Errorf("read the name of %s %s: %w", kind, id, err)
	}
	if t != "" {
		snap.Names[key] = t
	}
	return nil
}

// cameWith counts what went into the trash with a record of kind.
func cameWith(kind string, snap *trashSnapshot) []TrashPart {
	var out []TrashPart
	add := func(n int, one, many string) {
		if n > 0 {
			out = append(out, TrashPart{N: n, One: one, Many: many})
		}
	}
	d := &snap.Records
	if kind == kindActor {
		add(len(d.Statements), "statement", "statements")
	}
	for _, m := range d.Meetings {
		add(len(m.Participants), "participant", "participants")
		add(len(m.StatusHistory), "status change", "status changes")
	}
	add(len(d.PackIssues), "issued pack", "issued packs")
	for _, lk := range linkKinds {
		n := 0
		for _, l := range snap.Links {
			if l.Kind == lk.name {
				n++
			}
		}
		add(n, lk.one, lk.many)
	}
	return out
}

// TrashItems lists what is in the trash, the latest deletion first.
func (s *Store) TrashItems(ctx context.Context) ([]TrashItem, error) {
	return readList(ctx, s, "read the trash", func(q querier) ([]TrashItem, error) {
		return collect(ctx, q, `SELECT `+trashColumns+` FROM trash ORDER BY id DESC`, nil, scanRows(scanTrashItem))
	})
}

// TrashItem returns one deletion in the trash.
func (s *Store) TrashItem(ctx context.Context, id int64) (TrashItem, error) {
	return readRecord(ctx, s, "read the trash", func(q querier) (TrashItem, error) {
		return trashItem(ctx, q, id)
	})
}

const trashColumns = `id, kind, record_id, title, deleted, came_with`

func scanTrashItem(r row) (TrashItem, error) {
	var t TrashItem
	var deleted, with string
	if err := r.Scan(&t.ID, &t.Kind, &t.RecordID, &t.Title, &deleted, &with); err != nil {
		return TrashItem{}, err
	}
	var err error
	if t.Deleted, err = parseStamp(deleted); err != nil {
		return TrashItem{}, err
	}
	if err := json.Unmarshal([]byte(with), &t.With); err != nil {
		return TrashItem{}, fmt.Errorf("what went with %s %q: %w", t.Kind, t.Title, err)
	}
	if len(t.With) == 0 {
		t.With = nil
	}
	return t, nil
}

func trashItem(ctx context.Context, q querier, id int64) (TrashItem, error) {
	t, err := scanTrashItem(q.QueryRowContext(ctx, `SELECT `+trashColumns+` FROM trash WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return TrashItem{}, fmt.Errorf("item %d of the trash: %w", id, ErrNotFound)
	}
	return t, err
}

// RestoreFromTrash brings a deletion back: the record, what went with it and the links to it,
// in one transaction, and takes it out of the trash. A link to or from a record that is no
// longer in the dossier (deleted since, or changed so that the row is not there) is left out
// and named in the report. It refuses whole, with ErrCannotRestore, when another record has
// the ID of one it would bring back (an import brought it back) or a statement's speaker is
// gone; a record that no longer passes the checks gives the *ValidationError.
func (s *Store) RestoreFromTrash(ctx context.Context, id int64) (RestoreReport, error) {
	var rep RestoreReport
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		rep, err = restoreItem(ctx, tx, id)
		return err
	})
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) || errors.Is(err, ErrCannotRestore) {
			return RestoreReport{}, err
		}
		return RestoreReport{}, fmt.Errorf("restore from the trash: %w", err)
	}
	return rep, nil
}

func restoreItem(ctx context.Context, tx *sql.Tx, id int64) (RestoreReport, error) {
	item, err := trashItem(ctx, tx, id)
	if err != nil {
		return RestoreReport{}, err
	}
	rep := RestoreReport{Item: item}
	snap, ids, err := readSnapshot(ctx, tx, item)
	if err != nil {
		return RestoreReport{}, err
	}
	d := &snap.Records
	for kind, byID := range ids {
		if kind == kindPackIssue {
			continue
		}
		for rid := range byID {
			taken, err := exists(ctx, tx, kind, rid)
			if err != nil {
				return RestoreReport{}, err
			}
			if taken {
				return RestoreReport{}, fmt.Errorf("%s cannot come back: a %s with the same ID is in the dossier again (an import may have brought it back); %w",
					item.Label(), kind, ErrCannotRestore)
			}
		}
	}
	// The references to records that have gone since are cleared and named.
	has := ids.orIn(dbResolver(ctx, tx))
	for _, r := range outRefs(d) {
		ok, err := has(r.kind, *r.id)
		if err != nil {
			return RestoreReport{}, err
		}
		if ok {
			continue
		}
		name, why, err := goneName(ctx, tx, snap.Names, r.kind, *r.id)
		if err != nil {
			return RestoreReport{}, err
		}
		if r.required {
			return RestoreReport{}, fmt.Errorf("%s cannot come back without %s, who is %s; %w",
				item.Label(), fmt.Sprintf(r.what, name), why, ErrCannotRestore)
		}
		rep.LeftOut = append(rep.LeftOut, fmt.Sprintf(r.what, name)+" ("+why+")")
		*r.id = ""
		if r.gone != nil {
			r.gone(strings.Trim(name, "“”"))
		}
	}
	dropCleared(d)
	if err := d.check(has); err != nil {
		return RestoreReport{}, err
	}
	if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
		return RestoreReport{}, err
	}
	if err := insertRecords(ctx, tx, d); err != nil {
		return RestoreReport{}, fmt.Errorf("%s: %w", item.Label(), err)
	}
	for _, l := range snap.Links {
		lk, ok := linkKindNamed(l.Kind)
		if !ok {
			return RestoreReport{}, fmt.Errorf("%s: the trash holds a link Parley does not know (%q)", item.Label(), l.Kind)
		}
		back, err := lk.restore(ctx, tx, item.RecordID, l)
		if err != nil {
			return RestoreReport{}, fmt.Errorf("%s: %w", item.Label(), err)
		}
		if back {
			continue
		}
		name, why, err := goneName(ctx, tx, snap.Names, lk.ownerKind, l.Owner)
		if err != nil {
			return RestoreReport{}, err
		}
		still, err := exists(ctx, tx, lk.ownerKind, l.Owner)
		if err != nil {
			return RestoreReport{}, err
		}
		if still {
			why = "changed since"
		}
		rep.LeftOut = append(rep.LeftOut, fmt.Sprintf(lk.what, name)+" ("+why+")")
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM trash WHERE id = ?`, id); err != nil {
		return RestoreReport{}, err
	}
	rep.LeftOut = countSame(rep.LeftOut)
	return rep, nil
}

// readSnapshot reads what the trash keeps of a deletion, as restoring it reads it, with the
// IDs of the records it holds.
func readSnapshot(ctx context.Context, q querier, item TrashItem) (*trashSnapshot, dossierIDs, error) {
	var data string
	if err := q.QueryRowContext(ctx, `SELECT snapshot FROM trash WHERE id = ?`, item.ID).Scan(&data); err != nil {
		return nil, nil, err
	}
	var snap trashSnapshot
	dec := json.NewDecoder(bytes.NewReader([]byte(data)))
	dec.UseNumber()
	if err := dec.Decode(&snap); err != nil {
		return nil, nil, fmt.Errorf("%s: the copy in the trash cannot be read: %w", item.Label(), err)
	}
	ids, err := snap.Records.ids()
	if err != nil {
		return nil, nil, err
	}
	return &snap, ids, nil
}

// countSame says a link left out more than once (two agenda items led by the same person)
// once, with how many times.
func countSame(lines []string) []string {
	n := map[string]int{}
	var out []string
	for _, l := range lines {
		if n[l] == 0 {
			out = append(out, l)
		}
		n[l]++
	}
	for i, l := range out {
		if n[l] > 1 {
			out[i] = fmt.Sprintf("%s, %d times", l, n[l])
		}
	}
	return out
}

// insertRecords stores the records of a snapshot, those referred to first, as an import does.
func insertRecords(ctx context.Context, tx *sql.Tx, d *Dossier) error {
	for _, kind := range dossierKinds {
		for _, rec := range d.records(kind) {
			if err := exchangeKinds[kind].insert(ctx, tx, rec); err != nil {
				return err
			}
		}
	}
	for i := range d.PackIssues {
		if err := insertPackIssue(ctx, tx, &d.PackIssues[i], ""); err != nil {
			return err
		}
	}
	return nil
}

// goneName is the quoted name of a record that is not in the dossier, as the snapshot kept it,
// and where it went: "in the trash" or "no longer in the dossier".
func goneName(ctx context.Context, q querier, names map[string]string, kind, id string) (name, why string, err error) {
	name = "a " + kind
	if n, ok := names[nameKey(kind, id)]; ok {
		name = "“" + n + "”"
	}
	// In the trash on its own, or inside another deletion (a statement with its speaker).
	var n int
	err = q.QueryRowContext(ctx, `SELECT count(*) FROM trash WHERE kind = ?1 AND record_id = ?2 OR EXISTS (
			SELECT 1 FROM json_each(trash.snapshot, '$.records.' || ?3) r WHERE r.value ->> '$.id' = ?2)`,
		kind, id, snapshotLists[kind]).Scan(&n)
	if err != nil {
		return "", "", err
	}
	if n > 0 {
		return name, "in the trash", nil
	}
	return name, "no longer in the dossier", nil
}

// snapshotLists are the lists of a snapshot's records, by kind.
var snapshotLists = map[string]string{
	kindTrack: "tracks", kindSource: "sources", kindActor: "actors", kindDispute: "disputes",
	kindMeeting: "meetings", kindStatement: "statements",
}

// DeleteForGood removes one deletion from the trash; it cannot be brought back after.
func (s *Store) DeleteForGood(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM trash WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return fmt.Errorf("item %d of the trash: %w", id, ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete for good: %w", err)
	}
	return nil
}

// EmptyTrash removes everything in the trash for good and says how many deletions it held.
func (s *Store) EmptyTrash(ctx context.Context) (int, error) {
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM trash`)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("empty the trash: %w", err)
	}
	return int(n), nil
}
