package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

var trackParties = newStringList("track_parties", "track_id", "party")

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
	rec := createdRecord(s, &t.ID, t)
	return saveSelfContained(ctx, s, t, rec, "create track", t.Title, checkTrack, insertTrack)
}

// UpdateTrack replaces a stored track and stamps Updated.
func (s *Store) UpdateTrack(ctx context.Context, t *Track) error {
	rec := *t
	rec.Updated = s.stamp()
	return saveSelfContained(ctx, s, t, rec, "update track", t.Title, checkTrack, updateStamped(kindTrack, updateTrack))
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
	err := execOne(ctx, tx, kindTrack, t.ID, `UPDATE tracks SET title = ?, summary = ?, created = ?, updated = ?
		WHERE id = ?`, t.Title, t.Summary, stampText(t.Created), stampText(t.Updated), t.ID)
	if err != nil {
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
	return readRecord(ctx, s, "track "+id, func(q querier) (Track, error) { return loadTrack(ctx, q, id) })
}

// loadTrack reads one track with its parties, or a not-found error.
func loadTrack(ctx context.Context, q querier, id string) (Track, error) {
	return loadOneWithParts(ctx, q, kindTrack, `SELECT `+trackColumns+` FROM tracks WHERE id = ?`, id,
		scanTrack, trackParties.load, func(p []string, t *Track) { t.Parties = p })
}

// Tracks returns every track, by title.
func (s *Store) Tracks(ctx context.Context) ([]Track, error) {
	return readList(ctx, s, "tracks", func(q querier) ([]Track, error) {
		return loadTracks(ctx, q, `SELECT `+trackColumns+` FROM tracks ORDER BY title COLLATE NOCASE, id`)
	})
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
