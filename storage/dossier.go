package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Dossier is everything a database holds, as a bundle file carries it.
type Dossier struct {
	// Zones are the time zones of Parley's own that meetings name (rules a calendar file
	// defined that no IANA zone agrees with), by name; first, as bundles write them.
	Zones      []ZoneRules       `json:"zones,omitempty"`
	Tracks     []Track           `json:"tracks"`
	Sources    []Source          `json:"sources"`
	Actors     []Actor           `json:"actors"`
	Disputes   []Dispute         `json:"disputes"`
	Meetings   []Meeting         `json:"meetings"`
	Statements []Statement       `json:"statements"`
	PackIssues []PackIssue       `json:"pack_issues"` // the registry of issued packs, by meeting, version, addendum
	Settings   map[string]string `json:"settings"`
}

// ImportCounts says what an import did with the records of one kind.
type ImportCounts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`   // the incoming record was newer
	Unchanged int `json:"unchanged"` // the stored record was as new or newer
	// Conflicts are the records a bundle import found changed both here and in the bundle
	// since they were last exchanged: Parley's copy stayed, the incoming one was kept aside.
	Conflicts int `json:"conflicts,omitempty"`
}

// ImportReport says what an import did, kind by kind.
type ImportReport struct {
	Tracks     ImportCounts `json:"tracks"`
	Sources    ImportCounts `json:"sources"`
	Actors     ImportCounts `json:"actors"`
	Disputes   ImportCounts `json:"disputes"`
	Meetings   ImportCounts `json:"meetings"`
	Statements ImportCounts `json:"statements"`
	// PackIssues never counts Updated: an issue is immutable, so one already stored stays.
	PackIssues ImportCounts `json:"pack_issues"`
	Settings   int          `json:"settings"` // settings taken over (those not set here already)
	// Conflicts lists the records counted as conflicts, each with the fields that differ.
	Conflicts []Conflict `json:"conflicts,omitempty"`
}

// String writes the report for a person: "meetings: 6 created, 0 updated, 0 unchanged; …".
func (r ImportReport) String() string {
	var parts []string
	for _, k := range []struct {
		name string
		c    ImportCounts
	}{{"tracks", r.Tracks}, {"sources", r.Sources}, {"actors", r.Actors}, {"disputes", r.Disputes},
		{"meetings", r.Meetings}, {"statements", r.Statements}, {"pack issues", r.PackIssues}} {
		part := fmt.Sprintf("%s: %d created, %d updated, %d unchanged", k.name, k.c.Created, k.c.Updated, k.c.Unchanged)
		if k.c.Conflicts > 0 {
			part += fmt.Sprintf(", %d in conflict", k.c.Conflicts)
		}
		parts = append(parts, part)
	}
	parts = append(parts, fmt.Sprintf("settings: %d taken over", r.Settings))
	return strings.Join(parts, "; ")
}

// Dossier returns everything in the database, each kind in order of ID, from one snapshot.
func (s *Store) Dossier(ctx context.Context) (*Dossier, error) {
	d := &Dossier{}
	err := s.read(ctx, func(q querier) error {
		var err error
		if d.Tracks, err = loadTracks(ctx, q, `SELECT `+trackColumns+` FROM tracks ORDER BY id`); err != nil {
			return fmt.Errorf("tracks: %w", err)
		}
		if d.Sources, err = loadSources(ctx, q, `SELECT `+sourceColumns+` FROM sources ORDER BY id`); err != nil {
			return fmt.Errorf("sources: %w", err)
		}
		if d.Actors, err = loadActors(ctx, q, `SELECT `+actorColumns+` FROM actors ORDER BY id`); err != nil {
			return fmt.Errorf("actors: %w", err)
		}
		if d.Disputes, err = loadDisputes(ctx, q, `SELECT `+disputeColumns+` FROM disputes ORDER BY id`); err != nil {
			return fmt.Errorf("disputes: %w", err)
		}
		if d.Meetings, err = loadMeetings(ctx, q, `SELECT `+meetingColumns+` FROM meetings ORDER BY id`); err != nil {
			return fmt.Errorf("meetings: %w", err)
		}
		if d.Statements, err = loadStatements(ctx, q, `SELECT `+statementColumns+` FROM statements ORDER BY id`); err != nil {
			return fmt.Errorf("statements: %w", err)
		}
		if d.PackIssues, err = allPackIssues(ctx, q); err != nil {
			return fmt.Errorf("pack issues: %w", err)
		}
		if d.Settings, err = settings(ctx, q); err != nil {
			return err
		}
		if d.Zones, err = allZones(ctx, q); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("dossier: %w", err)
	}
	return d, nil
}

// dossierIDs are the IDs a dossier holds, by kind.
type dossierIDs map[string]map[string]bool

// orIn tells whether a referenced record is in the dossier (ids) or else in the database
// (inDB). A reference to a stored record is looked up once, however many records make it
// (every meeting of a delegation refers to the same actors).
func (ids dossierIDs) orIn(inDB resolver) resolver {
	found := dossierIDs{}
	return func(kind, id string) (bool, error) {
		if ids[kind][id] || found[kind][id] {
			return true, nil
		}
		ok, err := inDB(kind, id)
		if ok {
			if found[kind] == nil {
				found[kind] = map[string]bool{}
			}
			found[kind][id] = true
		}
		return ok, err
	}
}

// add records the ID of a record of kind (title names it in the error), refusing one that is
// there already.
func (ids dossierIDs) add(kind, id, title string) error {
	if ids[kind] == nil {
		ids[kind] = map[string]bool{}
	}
	if ids[kind][id] {
		c := newChecker(kind, title, id)
		c.fail("id", "another %s in the file has the same ID", kind)
		return c.err
	}
	ids[kind][id] = true
	return nil
}

// records are the dossier's records of kind (one of dossierKinds), as pointers into d, for the
// steps that treat every kind alike (recordID, checkRecord, stampRecord, exchangeKinds).
func (d *Dossier) records(kind string) []any {
	switch kind {
	case kindTrack:
		return pointers(d.Tracks)
	case kindSource:
		return pointers(d.Sources)
	case kindActor:
		return pointers(d.Actors)
	case kindDispute:
		return pointers(d.Disputes)
	case kindMeeting:
		return pointers(d.Meetings)
	}
	return pointers(d.Statements)
}

// dossierKinds are the kinds of record a dossier holds, those referred to first: the order in
// which they are counted, checked and brought back from the trash. An import stores them in
// importOrder.
var (
	dossierKinds = []string{kindTrack, kindSource, kindActor, kindDispute, kindMeeting, kindStatement}
	importOrder  = []string{kindSource, kindTrack, kindActor, kindDispute, kindMeeting, kindStatement}
)

// pointers lists the records as pointers to each of them.
func pointers[T any](records []T) []any {
	out := make([]any, len(records))
	for i := range records {
		out[i] = &records[i]
	}
	return out
}

// ids collects the IDs of a dossier and refuses an ID that appears twice in one kind.
func (d *Dossier) ids() (dossierIDs, error) {
	ids := dossierIDs{}
	for _, kind := range dossierKinds {
		for _, rec := range d.records(kind) {
			id, title := recordID(rec)
			if err := ids.add(kind, id, title); err != nil {
				return nil, err
			}
		}
	}
	for i := range d.PackIssues {
		if err := ids.addIssue(&d.PackIssues[i]); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// addIssue records the key of a pack issue (meeting, version, addendum), refusing one that
// is there already: a registry has one version 2 of a pack.
func (ids dossierIDs) addIssue(p *PackIssue) error {
	key := issueKey(p.MeetingID, p.Version, p.Addendum)
	if ids[kindPackIssue] == nil {
		ids[kindPackIssue] = map[string]bool{}
	}
	if ids[kindPackIssue][key] {
		c := issueChecker(p)
		c.fail("version", "another issue in the file has the same meeting, version and addendum")
		return c.err
	}
	ids[kindPackIssue][key] = true
	return nil
}

// check validates every record of the dossier; has resolves references outside the record.
func (d *Dossier) check(has resolver) error {
	// Zones first: a meeting's date is checked against the zones known, these among them.
	for _, z := range d.Zones {
		if err := checkZone(z); err != nil {
			return err
		}
	}
	for _, kind := range dossierKinds {
		for _, rec := range d.records(kind) {
			if err := checkRecord(kind, rec, has); err != nil {
				return err
			}
		}
	}
	for i := range d.PackIssues {
		if err := checkPackIssue(&d.PackIssues[i], has); err != nil {
			return err
		}
	}
	for k := range d.Settings {
		if strings.TrimSpace(k) == "" {
			return &ValidationError{Record: "setting", Field: "key", Reason: "the name is empty"}
		}
	}
	return nil
}

// clone copies the dossier deeply enough that validation may normalise it (post dates) and
// the import may stamp it without touching the caller's records.
func (d *Dossier) clone() *Dossier {
	c := &Dossier{
		Tracks:     append([]Track(nil), d.Tracks...),
		Sources:    append([]Source(nil), d.Sources...),
		Actors:     append([]Actor(nil), d.Actors...),
		Disputes:   append([]Dispute(nil), d.Disputes...),
		Meetings:   append([]Meeting(nil), d.Meetings...),
		Statements: append([]Statement(nil), d.Statements...),
		PackIssues: append([]PackIssue(nil), d.PackIssues...),
		Settings:   map[string]string{},
		Zones:      append([]ZoneRules(nil), d.Zones...),
	}
	for i := range c.Actors {
		c.Actors[i].Posts = append([]Post(nil), c.Actors[i].Posts...)
	}
	for k, v := range d.Settings {
		c.Settings[k] = v
	}
	return c
}

// ImportDossier merges a dossier into the database. Every record is validated first,
// references included (to records in the dossier or already in the database); one bad field
// refuses the whole dossier with a *ValidationError naming the record and the field. Then
// one transaction stores it: new IDs are created, existing ones are replaced when the
// incoming Updated is newer and left alone otherwise. A pack issue is immutable: one not
// stored yet is created, one stored already (the same meeting, version and addendum) stays
// as it is. Settings not set here are taken over.
// On any error the database is unchanged.
func (s *Store) ImportDossier(ctx context.Context, in *Dossier) (ImportReport, error) {
	var rep ImportReport
	if in == nil {
		return rep, errors.New("import: no dossier")
	}
	d := in.clone()
	ids, err := d.ids()
	if err != nil {
		return rep, err
	}
	now := s.stamp()
	err = s.write(ctx, func(tx *sql.Tx) error {
		has := ids.orIn(dbResolver(ctx, tx))
		if err := d.check(has); err != nil {
			return err
		}
		// References may point forward within the dossier (a round to a later-listed
		// previous round, an actor to another): foreign keys are checked at commit.
		if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
			return err
		}
		for _, z := range d.Zones {
			if err := storeZone(ctx, tx, z, nil); err != nil {
				return err
			}
		}
		for k, v := range d.Settings {
			current, err := settingIn(ctx, tx, k)
			if err != nil {
				return err
			}
			if current == "" && v != "" {
				if err := setSetting(ctx, tx, k, v); err != nil {
					return err
				}
				rep.Settings++
			}
		}
		for _, kind := range importOrder {
			if err := mergeKind(ctx, tx, kind, d.records(kind), now, rep.counts(kind)); err != nil {
				return err
			}
		}
		for i := range d.PackIssues {
			if err := importPackIssue(ctx, tx, &d.PackIssues[i], &rep.PackIssues); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return ImportReport{}, importError(err)
	}
	return rep, nil
}

// importError is how an import that failed says so: a record the dossier refuses as its
// ValidationError, anything else as a failed import.
func importError(err error) error {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return err
	}
	return fmt.Errorf("import: %w", err)
}

// mergeKind stores the records of one kind of an imported dossier: each, stamped with the
// import's time where it has none, is inserted when new and replaces the stored copy when
// newer (merge).
func mergeKind(ctx context.Context, tx *sql.Tx, kind string, records []any, now time.Time, n *ImportCounts) error {
	stored, err := storedUpdates(ctx, tx, kind, records, func(r any) string { id, _ := recordID(r); return id })
	if err != nil {
		return err
	}
	ops := exchangeKinds[kind]
	for _, rec := range records {
		stampRecord(rec, now)
		id, title := recordID(rec)
		err := merge(stored, id, recordUpdated(rec), n,
			func() error { return ops.insert(ctx, tx, rec) },
			func() error { return ops.replace(ctx, tx, rec) })
		if err != nil {
			if kind == kindStatement {
				return fmt.Errorf("%s %s: %w", kind, id, err) // a statement has no title
			}
			return fmt.Errorf("%s %q: %w", kind, title, err)
		}
	}
	return nil
}

// stampImported gives a record without timestamps (a hand-written bundle) the import's time.
func stampImported(created, updated *time.Time, now time.Time) {
	if created.IsZero() {
		*created = now
	}
	if updated.IsZero() {
		*updated = *created
	}
	*created, *updated = created.UTC(), updated.UTC()
}

// merge inserts a record that is not stored yet, or replaces a stored one that is older;
// stored holds the Updated stamps of the records of its kind that are stored already.
func merge(stored map[string]time.Time, id string, updated time.Time, n *ImportCounts, insert, replace func() error) error {
	was, ok := stored[id]
	switch {
	case !ok:
		n.Created++
		return insert()
	case updated.After(was):
		n.Updated++
		return replace()
	}
	n.Unchanged++
	return nil
}

var storedQueries = map[string]string{
	kindTrack:     `SELECT id, updated FROM tracks WHERE id IN (SELECT value FROM json_each(?))`,
	kindMeeting:   `SELECT id, updated FROM meetings WHERE id IN (SELECT value FROM json_each(?))`,
	kindActor:     `SELECT id, updated FROM actors WHERE id IN (SELECT value FROM json_each(?))`,
	kindDispute:   `SELECT id, updated FROM disputes WHERE id IN (SELECT value FROM json_each(?))`,
	kindStatement: `SELECT id, updated FROM statements WHERE id IN (SELECT value FROM json_each(?))`,
	kindSource:    `SELECT id, updated FROM sources WHERE id IN (SELECT value FROM json_each(?))`,
}

// storedUpdates returns the Updated stamps of those of the records that are stored already,
// by ID: one query for a kind instead of one per record.
func storedUpdates[T any](ctx context.Context, q querier, kind string, records []T, id func(T) string) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	if len(records) == 0 {
		return out, nil
	}
	ids := make([]string, len(records))
	for i, r := range records {
		ids[i] = id(r)
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, storedQueries[kind], string(list))
	if err != nil {
		return nil, fmt.Errorf("look up stored %ss: %w", kind, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, updated string
		if err := rows.Scan(&id, &updated); err != nil {
			return nil, fmt.Errorf("look up stored %ss: %w", kind, err)
		}
		if out[id], err = parseStamp(updated); err != nil {
			return nil, fmt.Errorf("%s %s: %w", kind, id, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("look up stored %ss: %w", kind, err)
	}
	return out, nil
}

// replaceMeeting replaces a stored meeting with an imported one, status history included.
func replaceMeeting(ctx context.Context, tx *sql.Tx, m *Meeting) error {
	if err := updateMeetingRow(ctx, tx, m); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM status_changes WHERE meeting_id = ?`, m.ID); err != nil {
		return err
	}
	for _, sc := range m.StatusHistory {
		if err := insertStatusChange(ctx, tx, m.ID, sc); err != nil {
			return err
		}
	}
	return nil
}

func settingIn(ctx context.Context, q querier, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// kindPackIssue names an issue of a briefing pack in messages.
const kindPackIssue = "pack issue"

// issueKey is what identifies a pack issue: its meeting, version and addendum.
func issueKey(meetingID string, version, addendum int) string {
	return fmt.Sprintf("%s\x00%d\x00%d", meetingID, version, addendum)
}

// issueRecord names a pack issue in messages: `pack issue "addendum 1 to version 2" of
// meeting 2b1f…`.
func issueRecord(meetingID string, version, addendum int) string {
	label := PackIssue{Version: version, Addendum: addendum}.Label()
	if meetingID == "" {
		return fmt.Sprintf("%s %q", kindPackIssue, label)
	}
	return fmt.Sprintf("%s %q of meeting %s", kindPackIssue, label, meetingID)
}

func issueChecker(p *PackIssue) *checker {
	return &checker{record: issueRecord(p.MeetingID, p.Version, p.Addendum)}
}

// checkPackIssue validates an issue a bundle carries, as the registry's table constrains it:
// its meeting (in the bundle or the database), a version from 1, an addendum from 0, at least
// one copy and the time it was issued.
func checkPackIssue(p *PackIssue, has resolver) error {
	c := issueChecker(p)
	c.required("meeting_id", p.MeetingID)
	if p.Version < 1 {
		c.fail("version", "%d is not a version number (they start at 1)", p.Version)
	}
	if p.Addendum < 0 {
		c.fail("addendum", "%d is negative (0 is the version itself, 1 its first addendum)", p.Addendum)
	}
	if p.Copies < 1 {
		c.fail("copies", "%d copies: an issue has at least one", p.Copies)
	}
	if p.Issued.IsZero() {
		c.fail("issued", "the time of the issue is missing")
	}
	c.ref("meeting_id", kindMeeting, p.MeetingID, has)
	return c.err
}

// importPackIssue stores an imported issue unless the registry has it already (the same
// meeting, version and addendum): an issue, once made, is never changed, so the stored one
// stays even when the bundle's copy differs.
func importPackIssue(ctx context.Context, tx *sql.Tx, p *PackIssue, n *ImportCounts) error {
	res, err := insertPackIssueResult(ctx, tx, p, "ON CONFLICT (meeting_id, version, addendum) DO NOTHING")
	if err != nil {
		return fmt.Errorf("%s: %w", issueRecord(p.MeetingID, p.Version, p.Addendum), err)
	}
	added, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if added > 0 {
		n.Created++
	} else {
		n.Unchanged++
	}
	return nil
}

// packIssueColumns are the columns scanPackIssue reads.
const packIssueColumns = `meeting_id, version, addendum, issued, reference, up_to, marking, copies, items`

// scanPackIssue reads one row of the registry. A row whose time or items cannot be read
// gives an error, with the issue's meeting, version and addendum filled in to name it.
func scanPackIssue(r row) (PackIssue, error) {
	var p PackIssue
	var issued, items string
	if err := r.Scan(&p.MeetingID, &p.Version, &p.Addendum, &issued, &p.Reference, &p.UpTo, &p.Marking, &p.Copies, &items); err != nil {
		return PackIssue{}, err
	}
	var err error
	if p.Issued, err = parseStamp(issued); err != nil {
		return p, fmt.Errorf("%s: %w", issueRecord(p.MeetingID, p.Version, p.Addendum), err)
	}
	if err := json.Unmarshal([]byte(items), &p.Items); err != nil {
		return p, fmt.Errorf("the items of %s: %w", issueRecord(p.MeetingID, p.Version, p.Addendum), err)
	}
	if len(p.Items) == 0 {
		p.Items = nil // stored as [] or null alike
	}
	return p, nil
}

// allPackIssues reads the whole registry in the order a bundle carries it.
func allPackIssues(ctx context.Context, q querier) ([]PackIssue, error) {
	return collect(ctx, q, `SELECT `+packIssueColumns+` FROM pack_issues ORDER BY meeting_id, version, addendum`, nil,
		scanRows(scanPackIssue))
}

// insertPackIssue writes one issue to the registry; conflict is "" or an ON CONFLICT clause.
func insertPackIssue(ctx context.Context, tx *sql.Tx, p *PackIssue, conflict string) error {
	_, err := insertPackIssueResult(ctx, tx, p, conflict)
	return err
}

func insertPackIssueResult(ctx context.Context, tx *sql.Tx, p *PackIssue, conflict string) (sql.Result, error) {
	items, err := json.Marshal(nonNil(p.Items))
	if err != nil {
		return nil, err
	}
	// conflict is one of this package's constant clauses, never input.
	return tx.ExecContext(ctx, `INSERT INTO pack_issues (`+packIssueColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) `+conflict,
		p.MeetingID, p.Version, p.Addendum, stampText(p.Issued), p.Reference, p.UpTo, p.Marking, p.Copies, string(items))
}
