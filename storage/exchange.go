package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// A bundle import decides, record by record, against the version last exchanged (see
// migrations/0010_exchange.sql): a record changed on one side only takes that side, a record
// changed on both sides since the exchange is a conflict — Parley's copy stays and the incoming
// one is kept aside (bundle_conflicts) until the user resolves it (conflict.go).

// exchange is what a database remembers of the version of a record it last exchanged.
type exchange struct {
	updated string // the record's `updated` stamp as exchanged, as stampText writes it
	digest  string // contentDigest of the record as exchanged
}

// exchangeKinds are the kinds of record a bundle merges, with what a conflict needs of each:
// the table, a new empty record, and how to load, insert and replace one.
var exchangeKinds = map[string]struct {
	table   string
	make    func() any
	load    func(ctx context.Context, q querier, id string) (any, error)
	insert  func(ctx context.Context, tx *sql.Tx, rec any) error
	replace func(ctx context.Context, tx *sql.Tx, rec any) error
}{
	kindTrack:     {"tracks", newRecord[Track], loadAs(loadTrack), asAny(insertTrack), asAny(updateTrack)},
	kindSource:    {"sources", newRecord[Source], loadAs(loadSource), asAny(insertSource), asAny(updateSource)},
	kindActor:     {"actors", newRecord[Actor], loadAs(loadActor), asAny(insertActor), asAny(updateActor)},
	kindDispute:   {"disputes", newRecord[Dispute], loadAs(loadDispute), asAny(insertDispute), asAny(updateDispute)},
	kindMeeting:   {"meetings", newRecord[Meeting], loadAs(loadMeeting), asAny(insertMeeting), asAny(replaceMeeting)},
	kindStatement: {"statements", newRecord[Statement], loadAs(loadStatement), asAny(insertStatement), asAny(updateStatement)},
}

// newRecord is a new empty record of type T, as exchangeKinds' make gives it.
func newRecord[T any]() any { return new(T) }

// loadAs adapts a reader of one record to exchangeKinds' load, which gives a pointer to it.
func loadAs[T any](load func(ctx context.Context, q querier, id string) (T, error)) func(ctx context.Context, q querier, id string) (any, error) {
	return func(ctx context.Context, q querier, id string) (any, error) {
		rec, err := load(ctx, q, id)
		return &rec, err
	}
}

// asAny adapts a writer of one record to exchangeKinds' insert and replace, which take a
// pointer to it as any.
func asAny[T any](write func(ctx context.Context, tx *sql.Tx, rec *T) error) func(ctx context.Context, tx *sql.Tx, rec any) error {
	return func(ctx context.Context, tx *sql.Tx, rec any) error { return write(ctx, tx, rec.(*T)) }
}

// bundleForm is a record as a bundle carries it (pointer or value alike), with its created
// and updated stamps cleared when bare: the content two copies of a record are compared by.
func bundleForm(rec any, bare bool) any {
	switch r := rec.(type) {
	case *Track:
		return bundleForm(*r, bare)
	case *Source:
		return bundleForm(*r, bare)
	case *Actor:
		return bundleForm(*r, bare)
	case *Dispute:
		return bundleForm(*r, bare)
	case *Meeting:
		return bundleForm(*r, bare)
	case *Statement:
		return bundleForm(*r, bare)
	case Track:
		return unstamped(bundleTrack(r), bare)
	case Source:
		return unstamped(r, bare)
	case Actor:
		return unstamped(bundleActor(r), bare)
	case Dispute:
		return unstamped(r, bare)
	case Meeting:
		return unstamped(r, bare)
	case Statement:
		return unstamped(r, bare)
	}
	return rec
}

// unstamped is the record rec with its created and updated stamps cleared when bare.
func unstamped[T any](rec T, bare bool) T {
	if bare {
		created, updated := stampsOf(&rec)
		*created, *updated = time.Time{}, time.Time{}
	}
	return rec
}

// contentDigest fingerprints a record's content: its bundle form without the stamps, so that
// two copies with the same content have the same digest whenever and wherever they were saved.
func contentDigest(rec any) (string, error) {
	b, err := json.Marshal(bundleForm(rec, true))
	if err != nil {
		return "", fmt.Errorf("fingerprint: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16]), nil
}

// recordUpdated is a record's Updated stamp, pointer or value alike.
func recordUpdated(rec any) time.Time {
	switch r := rec.(type) {
	case Track:
		return r.Updated
	case Source:
		return r.Updated
	case Actor:
		return r.Updated
	case Dispute:
		return r.Updated
	case Meeting:
		return r.Updated
	case Statement:
		return r.Updated
	}
	if _, u := stampsOf(rec); u != nil {
		return *u
	}
	return time.Time{}
}

// setStamps sets a record's Created (when not zero) and Updated stamps.
func setStamps(rec any, created, updated time.Time) {
	c, u := stampsOf(rec)
	if c == nil {
		return
	}
	if !created.IsZero() {
		*c = created
	}
	*u = updated
}

// stampsOf points at the Created and Updated stamps of a record given by pointer; it gives
// nils for anything else.
func stampsOf(rec any) (created, updated *time.Time) {
	switch r := rec.(type) {
	case *Track:
		return &r.Created, &r.Updated
	case *Source:
		return &r.Created, &r.Updated
	case *Actor:
		return &r.Created, &r.Updated
	case *Dispute:
		return &r.Created, &r.Updated
	case *Meeting:
		return &r.Created, &r.Updated
	case *Statement:
		return &r.Created, &r.Updated
	}
	return nil, nil
}

// exchangesOf returns the exchanges on record for some records of one kind, by ID.
func exchangesOf(ctx context.Context, q querier, kind string, ids []string) (map[string]exchange, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	type exchanged struct {
		id string
		e  exchange
	}
	rows, err := collect(ctx, q, `SELECT id, updated, digest FROM exchanges
		WHERE kind = ? AND id IN (SELECT value FROM json_each(?))`, []any{kind, string(list)},
		func(rows *sql.Rows) (exchanged, error) {
			var x exchanged
			err := rows.Scan(&x.id, &x.e.updated, &x.e.digest)
			return x, err
		})
	if err != nil {
		return nil, fmt.Errorf("look up exchanged %ss: %w", kind, err)
	}
	out := make(map[string]exchange, len(rows))
	for _, x := range rows {
		out[x.id] = x.e
	}
	return out, nil
}

// pendingOf returns which of some records of one kind have an incoming version kept aside.
func pendingOf(ctx context.Context, q querier, kind string, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id FROM bundle_conflicts
		WHERE kind = ? AND id IN (SELECT value FROM json_each(?))`, kind, string(list))
	if err != nil {
		return nil, fmt.Errorf("look up conflicts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("look up conflicts: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

// noteExchange remembers the version of a record just exchanged.
func noteExchange(ctx context.Context, tx *sql.Tx, kind, id string, e exchange, way, file string, at time.Time) error {
	return noteExchanges(ctx, tx, []exportedRow{{kind, id, e}}, way, file, at)
}

// noteExchanges remembers the versions of records just exchanged: an import or export of the
// whole dossier notes every record. One statement, prepared once, writes a row a record (a
// thousand rows handed over as one JSON list cost more: SQLite parsed each row's JSON again for
// each of its four columns).
func noteExchanges(ctx context.Context, tx *sql.Tx, rows []exportedRow, way, file string, at time.Time) error {
	if len(rows) == 0 {
		return nil
	}
	when := stampText(at)
	st, err := tx.PrepareContext(ctx, `INSERT INTO exchanges (kind, id, updated, digest, way, file, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (kind, id) DO UPDATE SET updated = excluded.updated, digest = excluded.digest,
			way = excluded.way, file = excluded.file, at = excluded.at`)
	if err != nil {
		return fmt.Errorf("note the exchange: %w", err)
	}
	defer st.Close()
	for _, r := range rows {
		if _, err := st.ExecContext(ctx, r.kind, r.id, r.e.updated, r.e.digest, way, file, when); err != nil {
			return fmt.Errorf("note the exchange: %w", err)
		}
	}
	return nil
}

// exchangeOf is the exchange a record stands for as it is now.
func exchangeOf(rec any) (exchange, error) {
	d, err := contentDigest(rec)
	if err != nil {
		return exchange{}, err
	}
	return exchange{updated: stampText(recordUpdated(rec)), digest: d}, nil
}

// ExportedRecords are the versions of the records one export wrote, for NoteExport.
type ExportedRecords struct {
	rows []exportedRow
}

type exportedRow struct {
	kind, id string
	e        exchange
}

// Len is how many records the export wrote.
func (e *ExportedRecords) Len() int { return len(e.rows) }

// add remembers the version of a record an export wrote.
func (e *ExportedRecords) add(kind, id string, rec any) error {
	if e == nil {
		return nil
	}
	x, err := exchangeOf(rec)
	if err != nil {
		return err
	}
	e.rows = append(e.rows, exportedRow{kind, id, x})
	return nil
}

// ExportBundleNoted is ExportBundle that also returns the versions it wrote, for NoteExport
// once the file is safely in place.
func (s *Store) ExportBundleNoted(ctx context.Context, w io.Writer, exportedAt time.Time, progress func(done, total int)) (BundleCounts, *ExportedRecords, error) {
	noted := &ExportedRecords{}
	n, err := s.exportBundle(ctx, w, exportedAt, progress, noted)
	if err != nil {
		return BundleCounts{}, nil, err
	}
	return n, noted, nil
}

// NoteExport remembers that the records an export wrote (ExportBundleNoted) were exchanged
// through the bundle named file, in one transaction: when a copy comes back, an edit made here
// since the export and one made on the other side are told apart. The versions noted are those
// the export wrote, so a record saved while the export ran counts as edited here.
func (s *Store) NoteExport(ctx context.Context, e *ExportedRecords, file string) error {
	if e == nil || len(e.rows) == 0 {
		return nil
	}
	at := s.stamp()
	err := s.write(ctx, func(tx *sql.Tx) error { return noteExchanges(ctx, tx, e.rows, "export", file, at) })
	if err != nil {
		return fmt.Errorf("note the export: %w", err)
	}
	return nil
}
