package storage

import (
	"context"
	"database/sql"
	"fmt"
)

// SourceTitle is what a drop-down of sources and a citation show of a source: far less than
// a Source, so that a page offering every source of a dossier of thousands need not read
// their records (reading 3,000 sources whole was a seventh of opening a dispute).
type SourceTitle struct {
	ID    string
	Title string
}

// SourceTitles returns the ID and title of every source, in the order of Sources.
func (s *Store) SourceTitles(ctx context.Context) ([]SourceTitle, error) {
	out, err := readValue(ctx, s, func(q querier) ([]SourceTitle, error) {
		return collect(ctx, q, `SELECT id, title FROM sources ORDER BY title COLLATE NOCASE, id`, nil,
			func(rows *sql.Rows) (SourceTitle, error) {
				var t SourceTitle
				err := rows.Scan(&t.ID, &t.Title)
				return t, err
			})
	})
	if err != nil {
		return nil, fmt.Errorf("sources: %w", classify(err))
	}
	return out, nil
}
