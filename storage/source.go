package storage

import (
	"context"
	"database/sql"
	"fmt"
)

func checkSource(src *Source) error {
	c := newChecker(kindSource, src.Title, src.ID)
	c.id(src.ID)
	c.required("title", src.Title)
	c.date("published", src.Published)
	if c.err != nil {
		return c.err
	}
	return checkLimits(recordName(src), src)
}

// CreateSource stores a new source, giving it an ID if it has none.
func (s *Store) CreateSource(ctx context.Context, src *Source) error {
	rec := createdRecord(s, &src.ID, src)
	return saveSelfContained(ctx, s, src, rec, "create source", src.Title, checkSource, insertSource)
}

// UpdateSource replaces a stored source and stamps Updated.
func (s *Store) UpdateSource(ctx context.Context, src *Source) error {
	rec := *src
	rec.Updated = s.stamp()
	return saveSelfContained(ctx, s, src, rec, "update source", src.Title, checkSource, updateStamped(kindSource, updateSource))
}

func insertSource(ctx context.Context, tx *sql.Tx, src *Source) error {
	_, err := execIn(ctx, tx, `INSERT INTO sources (id, title, publisher,
			when_kind, when_lower, when_upper, when_at, when_zone, when_from, when_to,
			reference, reliability, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		cat([]any{src.ID, src.Title, src.Publisher}, toDateCols(src.Published).args(),
			[]any{src.Reference, src.Reliability, stampText(src.Created), stampText(src.Updated)})...)
	if err != nil {
		return err
	}
	return indexSource(ctx, tx, src)
}

func updateSource(ctx context.Context, tx *sql.Tx, src *Source) error {
	err := execOne(ctx, tx, kindSource, src.ID, `UPDATE sources SET title = ?, publisher = ?,
			when_kind = ?, when_lower = ?, when_upper = ?, when_at = ?, when_zone = ?, when_from = ?, when_to = ?,
			reference = ?, reliability = ?, created = ?, updated = ?
		WHERE id = ?`,
		cat([]any{src.Title, src.Publisher}, toDateCols(src.Published).args(),
			[]any{src.Reference, src.Reliability, stampText(src.Created), stampText(src.Updated), src.ID})...)
	if err != nil {
		return err
	}
	return indexSource(ctx, tx, src)
}

func indexSource(ctx context.Context, tx *sql.Tx, src *Source) error {
	return index(ctx, tx, kindSource, src.ID, src.Title, src.Publisher, src.Reference, src.Reliability)
}

// DeleteSource moves a source nothing cites to the trash; a cited source gives ErrInUse.
func (s *Store) DeleteSource(ctx context.Context, id string) error {
	_, err := s.MoveToTrash(ctx, kindSource, id)
	return err
}

// sourceUnused gives ErrInUse when records cite the source: provenance must not silently
// disappear.
func sourceUnused(ctx context.Context, q querier, id string) error {
	var n int
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM statements WHERE source_id = ?1) +
		(SELECT count(*) FROM key_facts WHERE source_id = ?1) +
		(SELECT count(*) FROM timeline_events WHERE source_id = ?1) +
		(SELECT count(*) FROM status_changes WHERE source_id = ?1)`, id).Scan(&n)
	if err != nil {
		return err
	}
	if n > 0 {
		noun := "records cite it"
		if n == 1 {
			noun = "record cites it"
		}
		return fmt.Errorf("source %s: %d %s: %w", id, n, noun, ErrInUse)
	}
	return nil
}

const sourceColumns = `id, title, publisher, when_kind, when_at, when_zone, when_from, when_to,
	reference, reliability, created, updated`

func scanSource(r row) (Source, error) {
	var src Source
	var when dateCols
	var st stampCols
	dest := cat([]any{&src.ID, &src.Title, &src.Publisher}, when.dests(),
		[]any{&src.Reference, &src.Reliability}, st.dests())
	if err := r.Scan(dest...); err != nil {
		return Source{}, err
	}
	var err error
	if src.Published, err = when.date(); err != nil {
		return Source{}, err
	}
	if err := st.parse(&src.Created, &src.Updated); err != nil {
		return Source{}, err
	}
	return src, nil
}

// Source returns one source.
func (s *Store) Source(ctx context.Context, id string) (Source, error) {
	// Through read, so that inside a snapshot (a Briefing) the source comes from the same
	// state as the rest, on the snapshot's connection.
	return readRow(ctx, s, "source "+id, func(q querier) (Source, error) { return loadSource(ctx, q, id) })
}

// loadSource reads one source, or a not-found error.
func loadSource(ctx context.Context, q querier, id string) (Source, error) {
	return loadOne(ctx, q, kindSource, `SELECT `+sourceColumns+` FROM sources WHERE id = ?`, id, scanSource)
}

// Sources returns every source, by title.
func (s *Store) Sources(ctx context.Context) ([]Source, error) {
	out, err := readValue(ctx, s, func(q querier) ([]Source, error) {
		return loadSources(ctx, q, `SELECT `+sourceColumns+` FROM sources ORDER BY title COLLATE NOCASE, id`)
	})
	if err != nil {
		return nil, fmt.Errorf("sources: %w", classify(err))
	}
	return out, nil
}

func loadSources(ctx context.Context, q querier, query string) ([]Source, error) {
	return collect(ctx, q, query, nil, scanRows(scanSource))
}

// CitationsOf lists the records that cite a source.
func (s *Store) CitationsOf(ctx context.Context, sourceID string) ([]Citation, error) {
	return readOf(ctx, s, kindSource, sourceID, "citations of source "+sourceID, func(q querier) ([]Citation, error) {
		return collect(ctx, q, `
			SELECT 'statement', s.id, 'Statement by ' || a.name, s.when_lower
				FROM statements s JOIN actors a ON a.id = s.actor_id WHERE s.source_id = ?1
			UNION ALL
			SELECT 'dispute fact', d.id, d.title || ': ' || f.label, f.seq
				FROM key_facts f JOIN disputes d ON d.id = f.dispute_id WHERE f.source_id = ?1
			UNION ALL
			SELECT 'timeline entry', d.id, d.title || ': ' || e.text, e.when_lower
				FROM timeline_events e JOIN disputes d ON d.id = e.dispute_id WHERE e.source_id = ?1
			UNION ALL
			SELECT 'status change', m.id, m.title || ': ' ||
					CASE c.from_status WHEN '' THEN c.to_status ELSE c.from_status || ' → ' || c.to_status END, c.id
				FROM status_changes c JOIN meetings m ON m.id = c.meeting_id WHERE c.source_id = ?1
			ORDER BY 1, 3, 4`, []any{sourceID}, func(rows *sql.Rows) (Citation, error) {
			var c Citation
			var order sql.NullInt64
			err := rows.Scan(&c.Kind, &c.ID, &c.Title, &order)
			return c, err
		})
	})
}
