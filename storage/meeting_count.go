package storage

import (
	"context"
	"fmt"
	"time"
)

// CountMeetingsAround counts the dated meetings that end after now — the ones Meetings lists
// with From: now — and those over by now, so that a list of the next few and the latest few
// (the calendar's agenda) can say how many more there are, without reading them all.
func (s *Store) CountMeetingsAround(ctx context.Context, now time.Time) (upcoming, past int, err error) {
	err = s.read(ctx, func(q querier) error {
		return q.QueryRowContext(ctx, `
			SELECT coalesce(sum(when_upper > ?1), 0), coalesce(sum(when_upper <= ?1), 0)
			FROM meetings WHERE when_upper IS NOT NULL`, now.Unix()).Scan(&upcoming, &past)
	})
	if err != nil {
		return 0, 0, fmt.Errorf("count the meetings around %s: %w", now.Format(time.DateOnly), err)
	}
	return upcoming, past, nil
}
