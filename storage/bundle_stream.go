package storage

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
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

// BundleCounts says how many records of each kind a bundle holds.
type BundleCounts struct {
	Tracks, Sources, Actors, Disputes, Meetings, Statements int
}

// ExportBundle writes the whole dossier to w as a bundle, the same bytes as WriteBundle of
// Dossier, without holding the dossier in memory: records are read one at a time (the small
// kinds whole), from one snapshot, so that an export made while the user saves shows the
// dossier before the save or after it. progress, when not nil, is told how many records are
// written out of how many.
func (s *Store) ExportBundle(ctx context.Context, w io.Writer, exportedAt time.Time, progress func(done, total int)) (BundleCounts, error) {
	var n BundleCounts
	err := s.read(ctx, func(q querier) error {
		total, done := 0, 0
		for _, t := range []string{"tracks", "sources", "actors", "disputes", "meetings", "statements"} {
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
		small := func(name string, first bool, load func() ([]any, error), count *int) error {
			records, err := load()
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			bw.startList(name, first)
			for _, r := range records {
				if err := bw.record(r); err != nil {
					return err
				}
				*count++
				tell()
			}
			bw.endList()
			return nil
		}
		err = small("tracks", true, func() ([]any, error) {
			ts, err := loadTracks(ctx, q, `SELECT `+trackColumns+` FROM tracks ORDER BY id`)
			return anys(ts, bundleTrack), err
		}, &n.Tracks)
		if err != nil {
			return err
		}
		err = small("sources", false, func() ([]any, error) {
			ss, err := loadSources(ctx, q, `SELECT `+sourceColumns+` FROM sources ORDER BY id`)
			return anys(ss, func(s Source) Source { return s }), err
		}, &n.Sources)
		if err != nil {
			return err
		}
		// Actors and meetings one at a time, each with its parts.
		one := func(name, ids string, load func(id string) (any, error), count *int) error {
			list, err := collect(ctx, q, ids, nil, scanString)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			bw.startList(name, false)
			for _, id := range list {
				r, err := load(id)
				if err != nil {
					return fmt.Errorf("%s %s: %w", name, id, err)
				}
				if err := bw.record(r); err != nil {
					return err
				}
				*count++
				tell()
			}
			bw.endList()
			return nil
		}
		err = one("actors", `SELECT id FROM actors ORDER BY id`, func(id string) (any, error) {
			a, err := loadOneWithParts(ctx, q, kindActor, `SELECT `+actorColumns+` FROM actors WHERE id = ?`, id,
				scanActor, loadActorParts, actorParts.fill)
			return bundleActor(a), err
		}, &n.Actors)
		if err != nil {
			return err
		}
		err = small("disputes", false, func() ([]any, error) {
			ds, err := loadDisputes(ctx, q, `SELECT `+disputeColumns+` FROM disputes ORDER BY id`)
			return anys(ds, func(d Dispute) Dispute { return d }), err
		}, &n.Disputes)
		if err != nil {
			return err
		}
		err = one("meetings", `SELECT id FROM meetings ORDER BY id`, func(id string) (any, error) {
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
		for rows.Next() {
			st, err := scanStatement(rows)
			if err != nil {
				return fmt.Errorf("statements: %w", err)
			}
			if err := bw.record(st); err != nil {
				return err
			}
			n.Statements++
			tell()
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("statements: %w", err)
		}
		bw.endList()
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

// anys converts records for a bundle list.
func anys[T any](records []T, conv func(T) T) []any {
	out := make([]any, len(records))
	for i, r := range records {
		out[i] = conv(r)
	}
	return out
}
