package storage

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
)

// ImportBundle merges the bundle that open reads into the database, as ReadBundle and
// ImportDossier do together — every record validated, one bad field refusing the whole file
// with a *ValidationError, one transaction, the database unchanged on any error, a pack issue
// stored already left as it is — without holding the dossier in memory. It reads the file
// twice: first to collect the IDs (so that a reference to a record later in the file
// resolves; only the IDs and names are decoded), then to check each record in full and store
// the records a batch at a time; a bad record found then rolls the transaction back. progress,
// when not nil, is told how many records are stored out of how many.
func (s *Store) ImportBundle(ctx context.Context, open func() (io.ReadCloser, error), progress func(done, total int)) (ImportReport, error) {
	return s.ImportBundleFrom(ctx, "", open, progress)
}

// ImportBundleFrom is ImportBundle for the bundle named file (its name, for the record of
// exchanges and the conflicts it brings). A record stored already merges against the version
// last exchanged through a bundle (see exchange.go): one changed on one side only since then
// takes that side; one changed on both sides is a conflict — Parley's copy stays, the incoming
// one is kept aside, and the report lists it (ImportReport.Conflicts) until Store.ResolveConflicts
// settles it.
func (s *Store) ImportBundleFrom(ctx context.Context, file string, open func() (io.ReadCloser, error), progress func(done, total int)) (ImportReport, error) {
	ids := dossierIDs{}
	total := 0
	// A statement's index entry names its speaker, so statements are stored after actors:
	// in a file that lists them first (Parley's own never do), in a pass of their own.
	statementsFirst := false
	err := walkBundleFile(open, every, keysOnly, func(kind string, rec any) error {
		if kind == kindStatement && len(ids[kindActor]) == 0 {
			statementsFirst = true
		}
		if p, ok := rec.(*PackIssue); ok {
			if err := ids.addIssue(p); err != nil {
				return err
			}
		} else {
			id, title := recordID(rec)
			if err := ids.add(kind, id, title); err != nil {
				return err
			}
		}
		total++
		return nil // checked in full as it is stored
	}, func(settings map[string]string) error {
		for k := range settings {
			if strings.TrimSpace(k) == "" {
				return &ValidationError{Record: "setting", Field: "key", Reason: "the name is empty"}
			}
		}
		return nil
	})
	if err != nil {
		return ImportReport{}, err
	}

	var rep ImportReport
	now := s.stamp()
	err = s.writeBulk(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
			return err
		}
		var dropped []droppedIndex
		if bulkIndexes {
			holds, err := holdsRecords(ctx, tx)
			if err != nil {
				return err
			}
			if !holds {
				if dropped, err = dropIndexesForBulk(ctx, tx); err != nil {
					return err
				}
			}
		}
		has := ids.orIn(dbResolver(ctx, tx))
		im := &importer{ctx: ctx, tx: tx, now: now, rep: &rep, file: file}
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM bundle_conflicts)`).Scan(&im.anyPending); err != nil {
			return err
		}
		done := 0
		var batch []any
		batchKind := ""
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			if err := im.store(batchKind, batch); err != nil {
				return err
			}
			done += len(batch)
			batch = batch[:0]
			if progress != nil {
				progress(done, total)
			}
			return ctx.Err()
		}
		pass := func(want func(string) bool, settings func(map[string]string) error) error {
			return walkBundleFile(open, want, wholeRecords, func(kind string, rec any) error {
				if err := checkRecord(kind, rec, has); err != nil {
					return err
				}
				if kind != batchKind || len(batch) == importBatch {
					if err := flush(); err != nil {
						return err
					}
					batchKind = kind
				}
				batch = append(batch, rec)
				return nil
			}, settings)
		}
		takeSettings := func(settings map[string]string) error {
			if err := flush(); err != nil {
				return err
			}
			return im.settings(settings)
		}
		passes := func() error {
			if !statementsFirst {
				if err := pass(every, takeSettings); err != nil {
					return err
				}
				return flush()
			}
			if err := pass(func(kind string) bool { return kind != kindStatement }, takeSettings); err != nil {
				return err
			}
			if err := flush(); err != nil {
				return err
			}
			if err := pass(func(kind string) bool { return kind == kindStatement }, func(map[string]string) error { return nil }); err != nil {
				return err
			}
			return flush()
		}
		if err := passes(); err != nil {
			return err
		}
		return remakeIndexes(ctx, tx, dropped)
	})
	if err != nil {
		return ImportReport{}, importError(err)
	}
	return rep, nil
}

// bulkCacheKB is the page cache of an import's connection while it imports, in KB. At
// SQLite's default of 2 MB an import of 100,000 meetings reads the pages of its tables'
// indexes back from the file again and again (a system call each) and spills written pages
// to the log before the end; 32 MB holds most of the indexes' working set.
const bulkCacheKB = 32 << 10

// writeBulk is write for a transaction that writes a whole dossier: the same transaction on
// a connection whose page cache is bulkCacheKB for its time. The setting is the connection's
// own, not the database's, so it is made on the connection the transaction runs on and put
// back before the connection returns to the pool (the DSN keeps the default for all others).
// fn's context carries the transaction's prepared statements (withPrepared).
func (s *Store) writeBulk(ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", classify(err))
	}
	defer conn.Close()
	var cache int
	if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil {
		return fmt.Errorf("begin: %w", classify(err))
	}
	// PRAGMA takes no parameters; the numbers are this package's.
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, -bulkCacheKB)); err != nil {
		return fmt.Errorf("begin: %w", classify(err))
	}
	defer conn.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA cache_size = %d`, cache))
	tx, err := conn.BeginTx(ctx, nil)
	return s.commitWrite(tx, err, func(tx *sql.Tx) error { return fn(withPrepared(ctx, tx), tx) })
}

// importBatch is how many records of one kind an import looks up and stores together.
const importBatch = 1000

// importer stores checked records in an import's transaction.
type importer struct {
	ctx context.Context
	tx  *sql.Tx
	now time.Time
	rep *ImportReport
	// file names the bundle in the record of exchanges and conflicts.
	file string
	// anyPending is whether any conflict awaited a decision when the import began (most
	// often none: then no batch looks them up).
	anyPending bool
	noted      []exportedRow // the exchanges of the batch being stored
}

// store merges a batch of records of one kind, each already checked.
func (im *importer) store(kind string, batch []any) error {
	ctx, tx := im.ctx, im.tx
	if kind == kindPackIssue {
		for _, rec := range batch {
			if err := importPackIssue(ctx, tx, rec.(*PackIssue), &im.rep.PackIssues); err != nil {
				return err
			}
		}
		return nil
	}
	if kind == kindZone {
		for _, rec := range batch {
			if err := storeZone(ctx, tx, *rec.(*ZoneRules), nil); err != nil {
				return err
			}
		}
		return nil
	}
	return im.exchangeMerge(kind, batch)
}

// settings takes over the settings not set here, as ImportDossier does.
func (im *importer) settings(in map[string]string) error {
	for k, v := range in {
		current, err := settingIn(im.ctx, im.tx, k)
		if err != nil {
			return err
		}
		if current == "" && v != "" {
			if err := setSetting(im.ctx, im.tx, k, v); err != nil {
				return err
			}
			im.rep.Settings++
		}
	}
	return nil
}

// recordID is a record's ID and the title that names it in messages.
func recordID(rec any) (id, title string) {
	switch r := rec.(type) {
	case *Source:
		return r.ID, r.Title
	case *Track:
		return r.ID, r.Title
	case *Actor:
		return r.ID, r.Name
	case *Dispute:
		return r.ID, r.Title
	case *Meeting:
		return r.ID, r.Title
	case *Statement:
		return r.ID, shorten(r.Text, 40)
	case *ZoneRules:
		return r.Name, r.Name
	}
	return "", ""
}

// recordKey is a record's ID alone: recordID without the cost of naming a statement.
func recordKey(rec any) string {
	switch r := rec.(type) {
	case *Statement:
		return r.ID
	case *ZoneRules:
		return r.Name
	}
	id, _ := recordID(rec)
	return id
}

// checkRecord validates one record of a bundle; has resolves its references.
func checkRecord(kind string, rec any, has resolver) error {
	switch r := rec.(type) {
	case *Source:
		return checkSource(r)
	case *Track:
		return checkTrack(r)
	case *Actor:
		return checkActor(r, has)
	case *Dispute:
		return checkDispute(r, has)
	case *Meeting:
		return checkMeeting(r, has)
	case *Statement:
		return checkStatement(r, has)
	case *PackIssue:
		return checkPackIssue(r, has)
	case *ZoneRules:
		return checkZone(*r)
	}
	return fmt.Errorf("unknown record kind %q", kind)
}

// bundleLists are the lists of a bundle's dossier, with a new record of each.
var bundleLists = map[string]struct {
	kind string
	make func() any
}{
	"tracks":      {kindTrack, func() any { return &Track{} }},
	"sources":     {kindSource, func() any { return &Source{} }},
	"actors":      {kindActor, func() any { return &Actor{} }},
	"disputes":    {kindDispute, func() any { return &Dispute{} }},
	"meetings":    {kindMeeting, func() any { return &Meeting{} }},
	"statements":  {kindStatement, func() any { return &Statement{} }},
	"pack_issues": {kindPackIssue, func() any { return &PackIssue{} }},
	"zones":       {kindZone, func() any { return &ZoneRules{} }},
}

// walkBundleFile opens the file and walks it with walkBundle.
func walkBundleFile(open func() (io.ReadCloser, error), want func(kind string) bool, mode decodeMode, record func(kind string, rec any) error, settings func(map[string]string) error) error {
	f, err := open()
	if err != nil {
		return fmt.Errorf("read bundle: %w", err)
	}
	defer f.Close()
	return walkBundle(f, want, mode, record, settings)
}

// decodeMode is how much of each record walkBundle decodes.
type decodeMode int

const (
	// wholeRecords decodes every field, with the checks decodeValue makes.
	wholeRecords decodeMode = iota
	// keysOnly decodes a record's ID and what names it (title, name, a statement's text)
	// and no other field, for the first of an import's two readings: the one that collects
	// the IDs. The second reads every record in full and refuses one that does not decode,
	// so a record whose keys read differently here (a field named "ID", which decodeValue
	// refuses as unknown) never comes in. Pack issues and zones, few and needed in full
	// (their keys are their fields; a zone is known as soon as it is read), decode whole.
	keysOnly
)

// recordKeys are the fields keysOnly decodes.
type recordKeys struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Name  string `json:"name"`
	Text  string `json:"text"`
}

// decodeKeys fills rec's ID and name from raw, reporting whether it did: false for a pack
// issue or a zone, and for a record whose keys do not decode as text (decodeValue then says
// why).
func decodeKeys(raw json.RawMessage, rec any) bool {
	var k recordKeys
	switch rec.(type) {
	case *PackIssue, *ZoneRules:
		return false
	}
	if json.Unmarshal(raw, &k) != nil {
		return false
	}
	switch r := rec.(type) {
	case *Track:
		r.ID, r.Title = k.ID, k.Title
	case *Source:
		r.ID, r.Title = k.ID, k.Title
	case *Actor:
		r.ID, r.Name = k.ID, k.Name
	case *Dispute:
		r.ID, r.Title = k.ID, k.Title
	case *Meeting:
		r.ID, r.Title = k.ID, k.Title
	case *Statement:
		r.ID, r.Text = k.ID, k.Text
	default:
		return false
	}
	return true
}

// every wants every kind of record.
func every(string) bool { return true }

// walkBundle reads a bundle a record at a time: each record is decoded with decodeValue, the
// same field by field decoding ReadBundle gives it (or only its keys, in mode keysOnly), and
// handed to record; the settings go to
// settings; the records of a kind want refuses are skipped. The format and version are
// checked as ReadBundle checks them.
//
// The file is read and decoded on a goroutine of its own, a few records ahead of record:
// decoding costs a third of what storing costs, and on a machine with two cores the two
// overlap. record and settings are called in the file's order, on the caller's goroutine,
// and the first error — the file's or theirs — ends the walk.
func walkBundle(r io.Reader, want func(kind string) bool, mode decodeMode, record func(kind string, rec any) error, settings func(map[string]string) error) error {
	type item struct {
		kind     string
		rec      any
		settings map[string]string
		err      error
	}
	// Records go over in batches: one a send woke the other goroutine for every record, and
	// the waking (a futex each way, the scheduler) cost some 5 % of an import's CPU.
	const batch = 64
	items := make(chan []item, 4)
	stop := make(chan struct{})
	errStopped := errors.New("stopped")
	go func() {
		defer close(items)
		var buf []item
		flush := func() error {
			if len(buf) == 0 {
				return nil
			}
			select {
			case items <- buf:
				buf = make([]item, 0, batch)
				return nil
			case <-stop:
				return errStopped
			}
		}
		add := func(it item) error {
			buf = append(buf, it)
			if len(buf) < batch && it.rec != nil {
				return nil
			}
			return flush() // a full batch, or settings, sent at once
		}
		err := scanBundle(r, want, mode, func(kind string, rec any) error {
			return add(item{kind: kind, rec: rec})
		}, func(s map[string]string) error {
			if s == nil {
				s = map[string]string{}
			}
			return add(item{settings: s})
		})
		if err == nil {
			err = flush()
		}
		if err != nil && err != errStopped {
			if flush() == nil {
				buf = append(buf, item{err: err})
				flush()
			}
		}
	}()
	var err error
	for b := range items {
		for _, it := range b {
			if err != nil {
				break // the reader is stopping; what it had sent is dropped
			}
			switch {
			case it.err != nil:
				err = it.err
			case it.settings != nil:
				err = settings(it.settings)
			default:
				err = record(it.kind, it.rec)
			}
			if err != nil {
				close(stop)
			}
		}
	}
	return err
}

// scanBundle is walkBundle's reading, on one goroutine.
func scanBundle(r io.Reader, want func(kind string) bool, mode decodeMode, record func(kind string, rec any) error, settings func(map[string]string) error) error {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<20))
	notBundle := func(err error) error {
		return unreadable("read bundle: this is not a Parley bundle (%s)", streamProblem(dec, err))
	}
	if err := expectDelim(dec, '{'); err != nil {
		return notBundle(err)
	}
	var format *string
	var version *int
	checkHead := func() error {
		switch {
		case format == nil || *format != bundleFormat:
			return unreadable(`read bundle: this is not a Parley bundle (no "format": "parley-bundle")`)
		case version == nil:
			return unreadable("read bundle: the bundle has no version")
		case *version > bundleVersion:
			return unreadable("read bundle: the bundle is version %d, written by a newer Parley; this one reads versions %d to %d", *version, oldestBundle, bundleVersion)
		case *version < oldestBundle:
			return unreadable("read bundle: bundle version %d is not one Parley knows (it reads versions %d to %d)", *version, oldestBundle, bundleVersion)
		}
		return nil
	}
	sawDossier := false
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return notBundle(err)
		}
		switch key {
		case "format":
			if err := dec.Decode(&format); err != nil {
				return notBundle(err)
			}
		case "version":
			if err := dec.Decode(&version); err != nil {
				return notBundle(err)
			}
		case "dossier":
			// Parley writes the format and version first; a hand-written file may not.
			if format != nil && version != nil {
				if err := checkHead(); err != nil {
					return err
				}
			}
			sawDossier = true
			if err := walkDossier(dec, want, mode, record, settings); err != nil {
				return err
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return notBundle(err)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return notBundle(err)
	}
	if err := checkHead(); err != nil {
		return err
	}
	if !sawDossier {
		return unreadable("read bundle: the bundle holds no dossier")
	}
	return nil
}

func walkDossier(dec *json.Decoder, want func(kind string) bool, mode decodeMode, record func(kind string, rec any) error, settings func(map[string]string) error) error {
	if err := expectDelim(dec, '{'); err != nil {
		return unreadable(`read bundle: "dossier" is not an object`)
	}
	notBundle := func(err error) error {
		return unreadable("read bundle: this is not a Parley bundle (%s)", streamProblem(dec, err))
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return notBundle(err)
		}
		name, _ := key.(string)
		if name == "settings" {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return notBundle(err)
			}
			d := &Dossier{}
			if err := decodeSettings(raw, d); err != nil {
				return err
			}
			if err := settings(d.Settings); err != nil {
				return err
			}
			continue
		}
		list, ok := bundleLists[name]
		if !ok {
			return unreadable("read bundle: the dossier has a part %q that Parley does not know", name)
		}
		if err := expectDelim(dec, '['); err != nil {
			return unreadable("read bundle: the %ss are not a list", list.kind)
		}
		for i := 0; dec.More(); i++ {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return notBundle(err)
			}
			if !want(list.kind) {
				continue
			}
			rec := list.make()
			if mode == keysOnly && decodeKeys(raw, rec) {
				if err := record(list.kind, rec); err != nil {
					return err
				}
				continue
			}
			if fe := decodeValue(raw, reflect.ValueOf(rec).Elem(), ""); fe != nil {
				return &ValidationError{Record: recordLabel(list.kind, i, raw), Field: fe.field, Reason: fe.reason}
			}
			if z, ok := rec.(*ZoneRules); ok {
				// Known as soon as it is read: the meetings after it, which may be decoded
				// ahead of the records being stored, name it.
				if err := checkZone(*z); err != nil {
					return err
				}
			}
			if err := record(list.kind, rec); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return notBundle(err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return notBundle(err)
	}
	return nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("%v where %v was expected", t, want)
	}
	return nil
}

// streamProblem says where a streamed JSON file stops making sense.
func streamProblem(dec *json.Decoder, err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Sprintf("it ends early, at byte %d", dec.InputOffset())
	}
	return fmt.Sprintf("at byte %d: %v", dec.InputOffset(), err)
}

// UnreadableBundleError is a file ImportBundle cannot read as a bundle: not JSON, not a
// bundle, another version, a part Parley does not know. Nothing was imported.
type UnreadableBundleError struct{ msg string }

func (e *UnreadableBundleError) Error() string { return e.msg }

func unreadable(format string, args ...any) error {
	return &UnreadableBundleError{msg: fmt.Sprintf(format, args...)}
}
