package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// BadRow is a record Parley cannot read, such as a row edited outside Parley (a status it
// does not know, a time zone that does not exist).
type BadRow struct {
	Kind, ID string
	Problem  string
}

// String names the record and what is wrong with it, as every report of what was left out
// says it: "meeting 7d65…, which cannot be read: stored date: …".
func (r BadRow) String() string {
	return fmt.Sprintf("%s %s, which cannot be read: %s", r.Kind, r.ID, r.Problem)
}

// VerifyReport is what Verify found.
type VerifyReport struct {
	// Damage is what the page-by-page check found (PRAGMA quick_check); empty when the file
	// is sound.
	Damage []string
	// BadRows are the records that cannot be read, by kind and ID, then the rows kept beside
	// them that cannot be read: deletions in the trash, exchanges, conflicts kept aside
	// (verify_kept.go).
	BadRows []BadRow
	// Records is how many records the dossier holds; Indexed how many of them the search
	// index holds an entry for, and IndexProblem what FTS5's own check of the index found.
	Records, Indexed int
	IndexProblem     string
}

// OK reports whether Verify found nothing wrong.
func (r VerifyReport) OK() bool {
	return len(r.Damage) == 0 && len(r.BadRows) == 0 && r.Indexed == r.Records && r.IndexProblem == ""
}

// Verify checks the whole dossier: every page of the file, every record (a record that
// cannot be read is named, and the others are still checked), and the search index — one
// entry per record, and FTS5's own check of the index against its text. It reads everything:
// seconds on a large dossier.
func (s *Store) Verify(ctx context.Context) (VerifyReport, error) {
	var rep VerifyReport
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return rep, fmt.Errorf("verify %s: %w", s.path, classify(err))
	}
	if rep.Damage, err = quickCheck(ctx, conn); err != nil {
		conn.Close()
		return rep, fmt.Errorf("verify %s: %w", s.path, classify(err))
	}
	conn.Close()
	err = s.read(ctx, func(q querier) error {
		for _, kind := range dossierKinds {
			ops := exchangeKinds[kind]
			// The table names are this package's, not input.
			ids, err := collect(ctx, q, `SELECT id FROM `+ops.table+` ORDER BY id`, nil, scanString)
			if err != nil {
				return fmt.Errorf("%ss: %w", kind, err)
			}
			rep.Records += len(ids)
			for _, id := range ids {
				if _, err := ops.load(ctx, q, id); err != nil {
					rep.BadRows = append(rep.BadRows, BadRow{Kind: kind, ID: id, Problem: err.Error()})
				}
			}
		}
		kept, err := keptRowChecks(ctx, q)
		if err != nil {
			return err
		}
		rep.BadRows = append(rep.BadRows, kept...)
		return q.QueryRowContext(ctx, `SELECT count(*) FROM search_docs d JOIN search ON search.rowid = d.doc`).Scan(&rep.Indexed)
	})
	if err != nil {
		return rep, fmt.Errorf("verify %s: %w", s.path, err)
	}
	// FTS5's integrity check compares the index with the text it was built from; it is a
	// command written as an INSERT and changes nothing.
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO search (search) VALUES ('integrity-check')`)
		return err
	})
	if err != nil {
		rep.IndexProblem = strings.TrimPrefix(err.Error(), "commit: ")
	}
	return rep, nil
}

// RebuildIndex writes the search index again from the records themselves, in one
// transaction: the repair for an index that Verify found incomplete or damaged. A record
// that cannot be read is left out of the index (Verify names it). It returns the number of
// records indexed.
func (s *Store) RebuildIndex(ctx context.Context) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM search`, `DELETE FROM search_docs`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		tracks, err := loadTracks(ctx, tx, `SELECT `+trackColumns+` FROM tracks`)
		if err != nil {
			return fmt.Errorf("tracks: %w", err)
		}
		for i := range tracks {
			if err := index(ctx, tx, kindTrack, tracks[i].ID, tracks[i].Title, strings.Join(tracks[i].Parties, ", "), tracks[i].Summary); err != nil {
				return err
			}
			n++
		}
		sources, err := loadSources(ctx, tx, `SELECT `+sourceColumns+` FROM sources`)
		if err != nil {
			return fmt.Errorf("sources: %w", err)
		}
		for i := range sources {
			if err := indexSource(ctx, tx, &sources[i]); err != nil {
				return err
			}
			n++
		}
		// Actors, disputes and meetings are indexed where their parts are written; writing
		// the parts again as they are read gives exactly the index a save gives.
		for _, k := range []struct {
			table string
			write func(id string) (bool, error)
		}{
			{"actors", rewriteParts(ctx, tx, loadActor, writeActorParts)},
			{"disputes", rewriteParts(ctx, tx, loadDispute, writeDisputeParts)},
			{"meetings", rewriteParts(ctx, tx, loadMeeting, writeMeetingParts)},
		} {
			ids, err := collect(ctx, tx, `SELECT id FROM `+k.table, nil, scanString)
			if err != nil {
				return fmt.Errorf("%s: %w", k.table, err)
			}
			for _, id := range ids {
				written, err := k.write(id)
				if err != nil {
					return err
				}
				if written {
					n++
				}
			}
		}
		rows, err := collect(ctx, tx, `SELECT id, actor_id, text, occasion FROM statements`, nil,
			func(rows *sql.Rows) ([4]string, error) {
				var r [4]string
				err := rows.Scan(&r[0], &r[1], &r[2], &r[3])
				return r, err
			})
		if err != nil {
			return fmt.Errorf("statements: %w", err)
		}
		for _, r := range rows {
			if err := indexStatement(ctx, tx, r[0], r[1], r[2], r[3]); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("rebuild the search index of %s: %w", s.path, err)
	}
	return n, nil
}

// rewriteParts is RebuildIndex's step for a kind indexed where its parts are written: it
// reads the record id with load and writes its parts again with write, reporting whether it
// did. A record that cannot be read is left out (Verify names it).
func rewriteParts[T any](ctx context.Context, tx *sql.Tx, load func(context.Context, querier, string) (T, error),
	write func(context.Context, *sql.Tx, *T) error) func(id string) (bool, error) {
	return func(id string) (bool, error) {
		rec, err := load(ctx, tx, id)
		if err != nil {
			return false, nil
		}
		return true, write(ctx, tx, &rec)
	}
}
