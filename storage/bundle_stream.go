package storage

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// bundleWriter writes a bundle a record at a time, in exactly the layout of encoding the
// whole bundle with json.Encoder and a two-space indent: WriteBundle (a dossier in memory)
// and Store.ExportBundle (straight from the database) both write through it, so they give the
// same bytes for the same dossier.
type bundleWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	n   int // records written in the current list
}

func newBundleWriter(w io.Writer, exportedAt time.Time) (*bundleWriter, error) {
	bw := &bundleWriter{w: bufio.NewWriterSize(w, 256<<10)}
	bw.enc = json.NewEncoder(&bw.buf)
	bw.enc.SetEscapeHTML(false)
	head, err := bw.encode(struct {
		Format   string `json:"format"`
		Version  int    `json:"version"`
		Exported string `json:"exported"`
	}{bundleFormat, bundleVersion, exportedAt.UTC().Format(time.RFC3339)}, "")
	if err != nil {
		return nil, err
	}
	// {"format": …, "exported": "…"} without its closing brace, then the dossier.
	bw.w.Write(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(head), []byte("}"))))
	bw.w.WriteString(",\n  \"dossier\": {")
	return bw, nil
}

// encode writes v as indented JSON with prefix before every line but the first, without the
// final line break.
func (bw *bundleWriter) encode(v any, prefix string) ([]byte, error) {
	bw.buf.Reset()
	bw.enc.SetIndent(prefix, "  ")
	if err := bw.enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(bw.buf.Bytes(), []byte("\n")), nil
}

// startList begins the list name of the dossier; first is true for the dossier's first part.
func (bw *bundleWriter) startList(name string, first bool) {
	if !first {
		bw.w.WriteString(",")
	}
	bw.w.WriteString("\n    \"" + name + "\": [")
	bw.n = 0
}

// record writes one record of the current list.
func (bw *bundleWriter) record(v any) error {
	b, err := bw.encode(v, "      ")
	if err != nil {
		return err
	}
	if bw.n > 0 {
		bw.w.WriteString(",")
	}
	bw.w.WriteString("\n      ")
	bw.n++
	_, err = bw.w.Write(b)
	return err
}

func (bw *bundleWriter) endList() {
	if bw.n > 0 {
		bw.w.WriteString("\n    ")
	}
	bw.w.WriteString("]")
}

// finish writes the settings and closes the bundle.
func (bw *bundleWriter) finish(settings map[string]string) error {
	if settings == nil {
		settings = map[string]string{}
	}
	b, err := bw.encode(settings, "    ")
	if err != nil {
		return err
	}
	bw.w.WriteString(",\n    \"settings\": ")
	bw.w.Write(b)
	bw.w.WriteString("\n  }\n}\n")
	return bw.w.Flush()
}

// bundleActor is an actor as a bundle carries it: post dates as text.
func bundleActor(a Actor) Actor {
	a.Posts = append([]Post(nil), a.Posts...)
	for j := range a.Posts {
		p := &a.Posts[j]
		if !p.From.IsZero() {
			p.FromText = p.From.ISO()
		}
		if !p.To.IsZero() {
			p.ToText = p.To.ISO()
		}
	}
	return a
}

func bundleTrack(t Track) Track {
	t.Parties = nonNil(t.Parties)
	return t
}

// bundleIssue is a pack issue as a bundle carries it: the time in UTC, as the registry keeps
// it, so that an issue made in memory gives the bytes of one read from the database.
func bundleIssue(p PackIssue) PackIssue {
	p.Issued = p.Issued.UTC()
	return p
}

// BundleCounts says how many records of each kind a bundle holds.
type BundleCounts struct {
	Tracks, Sources, Actors, Disputes, Meetings, Statements, PackIssues int
	// Skipped are the records ExportBundle left out because they cannot be read (a row
	// edited outside Parley): the rest of the dossier is still exported.
	Skipped []BadRow
}

// badRow reports whether err is a problem of one record — a date or stamp that does not
// parse — rather than of the database (damage, a lock, a full disk) or a cancelled export.
func badRow(err error) bool {
	err = classify(err)
	for _, fatal := range []error{ErrDamaged, ErrLocked, ErrDiskFull, ErrReadOnly, context.Canceled, context.DeadlineExceeded, sql.ErrConnDone} {
		if errors.Is(err, fatal) {
			return false
		}
	}
	return true
}

// ExportBundle writes the whole dossier to w as a bundle, the same bytes as WriteBundle of
// Dossier, without holding the dossier in memory: records are read one at a time, from one
// snapshot, so that an export made while the user saves shows the dossier before the save or
// after it. A record that cannot be read (a row edited outside Parley) is left out and named
// in Skipped; its references from other records stay, so an import of such a bundle names
// it. progress, when not nil, is told how many records are written out of how many.
func (s *Store) ExportBundle(ctx context.Context, w io.Writer, exportedAt time.Time, progress func(done, total int)) (BundleCounts, error) {
	return s.exportBundle(ctx, w, exportedAt, progress, nil)
}

// exportBundle is ExportBundle; noted, when not nil, collects the versions written.
func (s *Store) exportBundle(ctx context.Context, w io.Writer, exportedAt time.Time, progress func(done, total int), noted *ExportedRecords) (BundleCounts, error) {
	var n BundleCounts
	err := s.read(ctx, func(q querier) error {
		total, done := 0, 0
		for _, t := range []string{"tracks", "sources", "actors", "disputes", "meetings", "statements", "pack_issues"} {
			var c int
			// The table names are this list's, not input.
			if err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&c); err != nil {
				return err
			}
			total += c
		}
		tell := func() {
			if done++; progress != nil && (done%1000 == 0 || done == total) {
				progress(done, total)
			}
		}
		bw, err := newBundleWriter(w, exportedAt)
		if err != nil {
			return err
		}
		// Every kind a record at a time, so that one unreadable record is left out (and
		// named) instead of failing the export.
		one := func(name string, first bool, ids string, load func(id string) (any, error), count *int) error {
			list, err := collect(ctx, q, ids, nil, scanString)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			bw.startList(name, first)
			for _, id := range list {
				r, err := load(id)
				if err != nil && badRow(err) {
					n.Skipped = append(n.Skipped, BadRow{Kind: strings.TrimSuffix(name, "s"), ID: id, Problem: err.Error()})
					tell()
					continue
				}
				if err != nil {
					return fmt.Errorf("%s %s: %w", name, id, err)
				}
				if err := bw.record(r); err != nil {
					return err
				}
				if err := noted.add(strings.TrimSuffix(name, "s"), id, r); err != nil {
					return err
				}
				*count++
				tell()
			}
			bw.endList()
			return nil
		}
		// Zones of Parley's own first, as WriteBundle writes them: the meetings name them.
		zones, err := allZones(ctx, q)
		if err != nil {
			return err
		}
		if len(zones) > 0 {
			bw.startList("zones", true)
			for _, z := range zones {
				if err := bw.record(z); err != nil {
					return err
				}
			}
			bw.endList()
		}
		err = one("tracks", len(zones) == 0, `SELECT id FROM tracks ORDER BY id`, func(id string) (any, error) {
			t, err := loadOneWithParts(ctx, q, kindTrack, `SELECT `+trackColumns+` FROM tracks WHERE id = ?`, id, scanTrack,
				func(ctx context.Context, q querier, id string) ([]string, error) {
					return trackParties.load(ctx, q, id)
				},
				func(p []string, t *Track) { t.Parties = p })
			return bundleTrack(t), err
		}, &n.Tracks)
		if err != nil {
			return err
		}
		err = one("sources", false, `SELECT id FROM sources ORDER BY id`, func(id string) (any, error) {
			return scanSource(q.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = ?`, id))
		}, &n.Sources)
		if err != nil {
			return err
		}
		err = one("actors", false, `SELECT id FROM actors ORDER BY id`, func(id string) (any, error) {
			a, err := loadOneWithParts(ctx, q, kindActor, `SELECT `+actorColumns+` FROM actors WHERE id = ?`, id,
				scanActor, loadActorParts, actorParts.fill)
			return bundleActor(a), err
		}, &n.Actors)
		if err != nil {
			return err
		}
		err = one("disputes", false, `SELECT id FROM disputes ORDER BY id`, func(id string) (any, error) {
			return loadOneWithParts(ctx, q, kindDispute, `SELECT `+disputeColumns+` FROM disputes WHERE id = ?`, id,
				scanDispute, loadDisputeParts, disputeParts.fill)
		}, &n.Disputes)
		if err != nil {
			return err
		}
		err = one("meetings", false, `SELECT id FROM meetings ORDER BY id`, func(id string) (any, error) {
			return loadMeeting(ctx, q, id)
		}, &n.Meetings)
		if err != nil {
			return err
		}
		// Statements have no parts: they stream straight from their rows.
		rows, err := q.QueryContext(ctx, `SELECT `+statementColumns+` FROM statements ORDER BY id`)
		if err != nil {
			return fmt.Errorf("statements: %w", err)
		}
		defer rows.Close()
		bw.startList("statements", false)
		last := ""
		for rows.Next() {
			st, err := scanStatement(rows)
			if err != nil && badRow(err) {
				// The row's ID is the next one after the last good one.
				var id string
				if qerr := q.QueryRowContext(ctx, `SELECT id FROM statements WHERE id > ? ORDER BY id LIMIT 1`, last).Scan(&id); qerr != nil {
					return fmt.Errorf("statements: %w", err)
				}
				n.Skipped = append(n.Skipped, BadRow{Kind: kindStatement, ID: id, Problem: err.Error()})
				last = id
				tell()
				continue
			}
			if err != nil {
				return fmt.Errorf("statements: %w", err)
			}
			last = st.ID
			if err := bw.record(st); err != nil {
				return err
			}
			if err := noted.add(kindStatement, st.ID, st); err != nil {
				return err
			}
			n.Statements++
			tell()
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("statements: %w", err)
		}
		bw.endList()
		if err := exportIssues(ctx, q, bw, &n, tell); err != nil {
			return err
		}
		set, err := settings(ctx, q)
		if err != nil {
			return err
		}
		return bw.finish(set)
	})
	if err != nil {
		return BundleCounts{}, fmt.Errorf("export bundle: %w", err)
	}
	return n, nil
}

// exportIssues streams the registry of issued packs, in the order WriteBundle sorts it. An
// issue whose time or items cannot be read is left out and named, as other records are.
func exportIssues(ctx context.Context, q querier, bw *bundleWriter, n *BundleCounts, tell func()) error {
	rows, err := q.QueryContext(ctx, `SELECT `+packIssueColumns+` FROM pack_issues ORDER BY meeting_id, version, addendum`)
	if err != nil {
		return fmt.Errorf("pack issues: %w", err)
	}
	defer rows.Close()
	bw.startList("pack_issues", false)
	for rows.Next() {
		p, err := scanPackIssue(rows)
		if err != nil && badRow(err) && p.MeetingID != "" {
			n.Skipped = append(n.Skipped, BadRow{Kind: kindPackIssue, ID: p.Label() + " of meeting " + p.MeetingID, Problem: err.Error()})
			tell()
			continue
		}
		if err != nil {
			return fmt.Errorf("pack issues: %w", err)
		}
		if err := bw.record(bundleIssue(p)); err != nil {
			return err
		}
		n.PackIssues++
		tell()
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("pack issues: %w", err)
	}
	bw.endList()
	return nil
}
