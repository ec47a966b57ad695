package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

var (
	disputeClaimants = newStringList("dispute_claimants", "dispute_id", "claimant")
	disputeTags      = newStringList("dispute_tags", "dispute_id", "tag")
)

func checkDispute(d *Dispute, has resolver) error {
	c := newChecker(kindDispute, d.Title, d.ID)
	c.id(d.ID)
	c.required("title", d.Title)
	for i, n := range d.Names {
		field := fmt.Sprintf("names[%d]", i)
		c.required(field+".party", n.Party)
		c.required(field+".name", n.Name)
	}
	c.noEmpty("claimants", d.Claimants)
	c.noEmpty("tags", d.Tags)
	for i, f := range d.Facts {
		field := fmt.Sprintf("facts[%d]", i)
		c.required(field+".label", f.Label)
		c.required(field+".value", f.Value)
		c.ref(field+".source_id", kindSource, f.SourceID, has)
	}
	for i, p := range d.Positions {
		field := fmt.Sprintf("positions[%d]", i)
		c.required(field+".party", p.Party)
		c.required(field+".text", p.Text)
	}
	for i, e := range d.Timeline {
		field := fmt.Sprintf("timeline[%d]", i)
		c.date(field+".when", e.When)
		c.required(field+".text", e.Text)
		c.ref(field+".source_id", kindSource, e.SourceID, has)
	}
	return c.err
}

// CreateDispute stores a new dispute fact sheet with its names, facts, positions and timeline.
func (s *Store) CreateDispute(ctx context.Context, d *Dispute) error {
	rec := createdRecord(s, &d.ID, d)
	rec.Facts, rec.Positions = stampNew(rec.Facts, rec.Positions, rec.Created)
	return saveChecked(ctx, s, d, rec, "create dispute", d.Title, checkDispute, insertDispute)
}

// UpdateDispute replaces a stored dispute fact sheet.
func (s *Store) UpdateDispute(ctx context.Context, d *Dispute) error {
	rec := *d
	rec.Updated = s.stamp()
	return saveChecked(ctx, s, d, rec, "update dispute", d.Title, checkDispute, updateStamped(kindDispute, func(ctx context.Context, tx *sql.Tx, rec *Dispute) error {
		old, err := loadDisputeParts(ctx, tx, rec.ID)
		if err != nil {
			return err
		}
		keepHistory(rec, old.facts[rec.ID], old.positions[rec.ID], old.past[rec.ID])
		return updateDispute(ctx, tx, rec)
	}))
}

func insertDispute(ctx context.Context, tx *sql.Tx, d *Dispute) error {
	_, err := execIn(ctx, tx, `INSERT INTO disputes (id, title, administrator, summary, created, updated)
		VALUES (?, ?, ?, ?, ?, ?)`,
		d.ID, d.Title, d.Administrator, d.Summary, stampText(d.Created), stampText(d.Updated))
	if err != nil {
		return err
	}
	return writeDisputeParts(ownerInserted(ctx, d.ID), tx, d)
}

func updateDispute(ctx context.Context, tx *sql.Tx, d *Dispute) error {
	err := execOne(ctx, tx, kindDispute, d.ID, `UPDATE disputes SET title = ?, administrator = ?, summary = ?,
			created = ?, updated = ?
		WHERE id = ?`, d.Title, d.Administrator, d.Summary, stampText(d.Created), stampText(d.Updated), d.ID)
	if err != nil {
		return err
	}
	return writeDisputeParts(ctx, tx, d)
}

func writeDisputeParts(ctx context.Context, tx *sql.Tx, d *Dispute) error {
	if err := disputeClaimants.replace(ctx, tx, d.ID, d.Claimants); err != nil {
		return err
	}
	if err := disputeTags.replace(ctx, tx, d.ID, d.Tags); err != nil {
		return err
	}
	err := replaceChildren(ctx, tx, `DELETE FROM dispute_names WHERE dispute_id = ?`,
		`INSERT INTO dispute_names (dispute_id, seq, party, name, language, native) VALUES (?, ?, ?, ?, ?, ?)`,
		d.ID, d.Names, func(n PlaceName) []any { return []any{n.Party, n.Name, n.Language, n.Native} })
	if err != nil {
		return err
	}
	err = replaceChildren(ctx, tx, `DELETE FROM key_facts WHERE dispute_id = ?`,
		`INSERT INTO key_facts (dispute_id, seq, label, value, source_id, added) VALUES (?, ?, ?, ?, ?, ?)`,
		d.ID, d.Facts, func(f KeyFact) []any { return []any{f.Label, f.Value, nullID(f.SourceID), optStamp(f.Added)} })
	if err != nil {
		return err
	}
	err = replaceChildren(ctx, tx, `DELETE FROM dispute_positions WHERE dispute_id = ?`,
		`INSERT INTO dispute_positions (dispute_id, seq, party, text, since) VALUES (?, ?, ?, ?, ?)`,
		d.ID, d.Positions, func(p Position) []any { return []any{p.Party, p.Text, optStamp(p.Since)} })
	if err != nil {
		return err
	}
	err = replaceChildren(ctx, tx, `DELETE FROM dispute_position_history WHERE dispute_id = ?`,
		`INSERT INTO dispute_position_history (dispute_id, seq, party, text, since, until) VALUES (?, ?, ?, ?, ?, ?)`,
		d.ID, d.PastPositions, func(p PastPosition) []any { return []any{p.Party, p.Text, optStamp(p.Since), stampText(p.Until)} })
	if err != nil {
		return err
	}
	err = replaceChildren(ctx, tx, `DELETE FROM timeline_events WHERE dispute_id = ?`,
		`INSERT INTO timeline_events (dispute_id, seq,
				when_kind, when_lower, when_upper, when_at, when_zone, when_from, when_to, text, source_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.Timeline, func(e Event) []any { return append(toDateCols(e.When).args(), e.Text, nullID(e.SourceID)) })
	if err != nil {
		return err
	}
	var text []string
	for _, n := range d.Names {
		text = append(text, strings.TrimSpace(n.Name+" "+n.Native)+" ("+n.Party+")")
	}
	for _, f := range d.Facts {
		text = append(text, f.Label+": "+f.Value)
	}
	for _, p := range d.Positions {
		text = append(text, p.Party+": "+p.Text)
	}
	for _, e := range d.Timeline {
		text = append(text, e.Text)
	}
	return index(ctx, tx, kindDispute, d.ID, d.Title, d.Administrator, strings.Join(d.Claimants, ", "),
		d.Summary, strings.Join(text, "\n"), strings.Join(d.Tags, ", "))
}

// DeleteDispute moves a dispute fact sheet to the trash; meetings are unlinked from it and
// statements about it keep existing with DisputeID cleared, until it is restored.
func (s *Store) DeleteDispute(ctx context.Context, id string) error {
	_, err := s.MoveToTrash(ctx, kindDispute, id)
	return err
}

const disputeColumns = `id, title, administrator, summary, created, updated`

func scanDispute(r row) (Dispute, error) {
	var d Dispute
	var st stampCols
	if err := r.Scan(append([]any{&d.ID, &d.Title, &d.Administrator, &d.Summary}, st.dests()...)...); err != nil {
		return Dispute{}, err
	}
	if err := st.parse(&d.Created, &d.Updated); err != nil {
		return Dispute{}, err
	}
	return d, nil
}

type disputeParts struct {
	claimants, tags map[string][]string
	names           map[string][]PlaceName
	facts           map[string][]KeyFact
	positions       map[string][]Position
	past            map[string][]PastPosition
	timeline        map[string][]Event
}

// loadDisputeParts loads the child rows of one dispute, or of every dispute when id is "".
func loadDisputeParts(ctx context.Context, q querier, id string) (disputeParts, error) {
	var p disputeParts
	var err error
	if p.claimants, err = disputeClaimants.loadFor(ctx, q, id); err != nil {
		return p, err
	}
	if p.tags, err = disputeTags.loadFor(ctx, q, id); err != nil {
		return p, err
	}
	where, args := ownedBy("dispute_id", id)
	p.names, err = collectByOwner(ctx, q, `SELECT dispute_id, party, name, language, native
		FROM dispute_names `+where+` ORDER BY dispute_id, seq`, args,
		scanOwned(func(n *PlaceName) []any { return []any{&n.Party, &n.Name, &n.Language, &n.Native} }))
	if err != nil {
		return p, err
	}
	p.facts, err = collectByOwner(ctx, q, `SELECT dispute_id, label, value, coalesce(source_id, ''), added
		FROM key_facts `+where+` ORDER BY dispute_id, seq`, args, func(rows *sql.Rows) (string, KeyFact, error) {
		var owner, added string
		var f KeyFact
		if err := rows.Scan(&owner, &f.Label, &f.Value, &f.SourceID, &added); err != nil {
			return "", KeyFact{}, err
		}
		var err error
		f.Added, err = parseOptStamp(added)
		return owner, f, err
	})
	if err != nil {
		return p, err
	}
	p.positions, err = collectByOwner(ctx, q, `SELECT dispute_id, party, text, since
		FROM dispute_positions `+where+` ORDER BY dispute_id, seq`, args, func(rows *sql.Rows) (string, Position, error) {
		var owner, since string
		var pos Position
		if err := rows.Scan(&owner, &pos.Party, &pos.Text, &since); err != nil {
			return "", Position{}, err
		}
		var err error
		pos.Since, err = parseOptStamp(since)
		return owner, pos, err
	})
	if err != nil {
		return p, err
	}
	p.past, err = collectByOwner(ctx, q, `SELECT dispute_id, party, text, since, until
		FROM dispute_position_history `+where+` ORDER BY dispute_id, seq`, args, func(rows *sql.Rows) (string, PastPosition, error) {
		var owner, since, until string
		var pp PastPosition
		if err := rows.Scan(&owner, &pp.Party, &pp.Text, &since, &until); err != nil {
			return "", PastPosition{}, err
		}
		var err error
		if pp.Since, err = parseOptStamp(since); err != nil {
			return "", PastPosition{}, err
		}
		pp.Until, err = parseStamp(until)
		return owner, pp, err
	})
	if err != nil {
		return p, err
	}
	p.timeline, err = collectByOwner(ctx, q, `SELECT dispute_id, when_kind, when_at, when_zone, when_from, when_to,
			text, coalesce(source_id, '')
		FROM timeline_events `+where+` ORDER BY dispute_id, seq`, args, func(rows *sql.Rows) (string, Event, error) {
		var owner string
		var e Event
		var when dateCols
		if err := rows.Scan(cat([]any{&owner}, when.dests(), []any{&e.Text, &e.SourceID})...); err != nil {
			return "", Event{}, err
		}
		var err error
		e.When, err = when.date()
		return owner, e, err
	})
	return p, err
}

func (p disputeParts) fill(d *Dispute) {
	d.Claimants = p.claimants[d.ID]
	d.Tags = p.tags[d.ID]
	d.Names = p.names[d.ID]
	d.Facts = p.facts[d.ID]
	d.PastPositions = p.past[d.ID]
	d.Positions = p.positions[d.ID]
	d.Timeline = p.timeline[d.ID]
}

// Dispute returns one dispute fact sheet.
func (s *Store) Dispute(ctx context.Context, id string) (Dispute, error) {
	return readRecord(ctx, s, "dispute "+id, func(q querier) (Dispute, error) { return loadDispute(ctx, q, id) })
}

// loadDispute reads one dispute with its parts, or a not-found error.
func loadDispute(ctx context.Context, q querier, id string) (Dispute, error) {
	return loadOneWithParts(ctx, q, kindDispute, `SELECT `+disputeColumns+` FROM disputes WHERE id = ?`, id,
		scanDispute, loadDisputeParts, disputeParts.fill)
}

// Disputes returns every dispute fact sheet, by title.
func (s *Store) Disputes(ctx context.Context) ([]Dispute, error) {
	return readList(ctx, s, "disputes", func(q querier) ([]Dispute, error) {
		return loadDisputes(ctx, q, `SELECT `+disputeColumns+` FROM disputes ORDER BY title COLLATE NOCASE, id`)
	})
}

func loadDisputes(ctx context.Context, q querier, query string) ([]Dispute, error) {
	return loadWithParts(ctx, q, query, scanDispute, loadDisputeParts, disputeParts.fill)
}

// stampNew dates the facts and positions that carry no date with now.
func stampNew(facts []KeyFact, positions []Position, now time.Time) ([]KeyFact, []Position) {
	facts = append([]KeyFact(nil), facts...)
	for i := range facts {
		if facts[i].Added.IsZero() {
			facts[i].Added = now
		}
	}
	positions = append([]Position(nil), positions...)
	for i := range positions {
		if positions[i].Since.IsZero() {
			positions[i].Since = now
		}
	}
	return facts, positions
}

// keepHistory carries the stored dates over to an edited dispute and keeps the positions it
// replaces: a fact keeps the date it was first recorded while its label and value stand; a
// party's position keeps its date while its text stands, and a changed or removed position
// goes to PastPositions, which only grows (what the edit brought is ignored).
func keepHistory(d *Dispute, oldFacts []KeyFact, oldPositions []Position, past []PastPosition) {
	now := d.Updated
	added := map[[2]string]time.Time{}
	for _, f := range oldFacts {
		added[[2]string{f.Label, f.Value}] = f.Added
	}
	d.Facts = append([]KeyFact(nil), d.Facts...)
	for i := range d.Facts {
		f := &d.Facts[i]
		if at, ok := added[[2]string{f.Label, f.Value}]; ok {
			f.Added = at
		} else {
			f.Added = now
		}
	}
	d.PastPositions = append([]PastPosition(nil), past...)
	kept := map[int]bool{}
	d.Positions = append([]Position(nil), d.Positions...)
	for i := range d.Positions {
		p := &d.Positions[i]
		p.Since = now
		for j, o := range oldPositions {
			if !kept[j] && o.Party == p.Party && o.Text == p.Text {
				p.Since, kept[j] = o.Since, true
				break
			}
		}
	}
	for j, o := range oldPositions {
		if !kept[j] {
			d.PastPositions = append(d.PastPositions, PastPosition{Party: o.Party, Text: o.Text, Since: o.Since, Until: now})
		}
	}
}
