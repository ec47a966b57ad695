package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

var trackParties = stringList{
	insert: `INSERT INTO track_parties (track_id, seq, party) VALUES (?, ?, ?)`,
	clear:  `DELETE FROM track_parties WHERE track_id = ?`,
	one:    `SELECT party FROM track_parties WHERE track_id = ? ORDER BY seq`,
	all:    `SELECT track_id, party FROM track_parties ORDER BY track_id, seq`,
}

func checkTrack(t *Track) error {
	c := newChecker(kindTrack, t.Title, t.ID)
	c.id(t.ID)
	c.required("title", t.Title)
	c.noEmpty("parties", t.Parties)
	if c.err != nil {
		return c.err
	}
	return checkLimits(recordName(t), t)
}

// CreateTrack stores a new track, giving it an ID if it has none and stamping Created and
// Updated.
func (s *Store) CreateTrack(ctx context.Context, t *Track) error {
	if t.ID == "" {
		t.ID = newID()
	}
	if err := checkTrack(t); err != nil {
		return err
	}
	now := s.stamp()
	rec := *t
	rec.Created, rec.Updated = now, now
	err := s.write(ctx, func(tx *sql.Tx) error {
		return insertTrack(ctx, tx, &rec)
	})
	if err != nil {
		return fmt.Errorf("create track %q: %w", t.Title, err)
	}
	*t = rec
	return nil
}

// UpdateTrack replaces a stored track and stamps Updated.
func (s *Store) UpdateTrack(ctx context.Context, t *Track) error {
	if err := checkTrack(t); err != nil {
		return err
	}
	rec := *t
	rec.Updated = s.stamp()
	err := s.write(ctx, func(tx *sql.Tx) error {
		created, _, err := stamps(ctx, tx, kindTrack, rec.ID)
		if err != nil {
			return err
		}
		rec.Created = created
		return updateTrack(ctx, tx, &rec)
	})
	if err != nil {
		return fmt.Errorf("update track %q: %w", t.Title, err)
	}
	*t = rec
	return nil
}

func insertTrack(ctx context.Context, tx *sql.Tx, t *Track) error {
	_, err := execIn(ctx, tx, `INSERT INTO tracks (id, title, summary, created, updated)
		VALUES (?, ?, ?, ?, ?)`, t.ID, t.Title, t.Summary, stampText(t.Created), stampText(t.Updated))
	if err != nil {
		return err
	}
	return writeTrackParts(ownerInserted(ctx, t.ID), tx, t)
}

func updateTrack(ctx context.Context, tx *sql.Tx, t *Track) error {
	res, err := tx.ExecContext(ctx, `UPDATE tracks SET title = ?, summary = ?, created = ?, updated = ?
		WHERE id = ?`, t.Title, t.Summary, stampText(t.Created), stampText(t.Updated), t.ID)
	if err != nil {
		return err
	}
	if err := rowsAffected(res, kindTrack, t.ID); err != nil {
		return err
	}
	return writeTrackParts(ctx, tx, t)
}

func writeTrackParts(ctx context.Context, tx *sql.Tx, t *Track) error {
	if err := trackParties.replace(ctx, tx, t.ID, t.Parties); err != nil {
		return err
	}
	return index(ctx, tx, kindTrack, t.ID, t.Title, strings.Join(t.Parties, ", "), t.Summary)
}

// DeleteTrack moves a track to the trash; its meetings stay, with TrackID cleared until it
// is restored.
func (s *Store) DeleteTrack(ctx context.Context, id string) error {
	_, err := s.MoveToTrash(ctx, kindTrack, id)
	return err
}

const trackColumns = `id, title, summary, created, updated`

func scanTrack(r row) (Track, error) {
	var t Track
	var st stampCols
	if err := r.Scan(append([]any{&t.ID, &t.Title, &t.Summary}, st.dests()...)...); err != nil {
		return Track{}, err
	}
	if err := st.parse(&t.Created, &t.Updated); err != nil {
		return Track{}, err
	}
	return t, nil
}

// Track returns one track.
func (s *Store) Track(ctx context.Context, id string) (Track, error) {
	var t Track
	err := s.read(ctx, func(q querier) error {
		var err error
		t, err = scanTrack(q.QueryRowContext(ctx, `SELECT `+trackColumns+` FROM tracks WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(kindTrack, id)
		}
		if err != nil {
			return err
		}
		t.Parties, err = trackParties.load(ctx, q, id)
		return err
	})
	if err != nil {
		return Track{}, wrapRead("track "+id, err)
	}
	return t, nil
}

// Tracks returns every track, by title.
func (s *Store) Tracks(ctx context.Context) ([]Track, error) {
	var out []Track
	err := s.read(ctx, func(q querier) error {
		var err error
		out, err = loadTracks(ctx, q, `SELECT `+trackColumns+` FROM tracks ORDER BY title COLLATE NOCASE, id`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("tracks: %w", err)
	}
	return out, nil
}

func loadTracks(ctx context.Context, q querier, query string) ([]Track, error) {
	tracks, err := collect(ctx, q, query, nil, scanRows(scanTrack))
	if err != nil {
		return nil, err
	}
	parties, err := trackParties.loadAll(ctx, q)
	if err != nil {
		return nil, err
	}
	for i := range tracks {
		tracks[i].Parties = parties[tracks[i].ID]
	}
	return tracks, nil
}

// TrackMeetingCounts returns how many meetings each track has, by track ID (a track without
// meetings is absent): one query, however many tracks there are.
func (s *Store) TrackMeetingCounts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	err := s.read(ctx, func(q querier) error {
		rows, err := q.QueryContext(ctx, `SELECT track_id, count(*) FROM meetings
			WHERE track_id IS NOT NULL GROUP BY track_id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				return err
			}
			out[id] = n
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("meetings per track: %w", err)
	}
	return out, nil
}
