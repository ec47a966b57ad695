package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The window's lists of meetings at any size: the talks list holds a key of every meeting it
// lists and reads the rows in view (MeetingKeys, MeetingsByID); the calendar reads the few
// meetings its agenda and its first month need (MeetingsBefore, DayMeeting) instead of a year
// or all of them.

// MeetingKey is what a list holds of each meeting it lists, to order and count them: its ID,
// title and status. The rest of a row is read when the row comes into view.
type MeetingKey struct {
	ID     string
	Title  string
	Status Status
}

// MeetingKeys lists the meetings the filter selects, as keys, in the order of Meetings (by
// date, then title and ID; undated last). The index meetings_order holds the order and every
// column read but for the text's (migration 0011), so nothing is sorted and, without a text,
// no row of the table is read: 100,000 keys in a twentieth of a second. The text is matched
// as Meetings matches it; f.Limit is ignored.
func (s *Store) MeetingKeys(ctx context.Context, f MeetingFilter) ([]MeetingKey, error) {
	var out []MeetingKey
	err := s.read(ctx, func(q querier) error {
		cond, args := meetingWhere(f)
		text := strings.Fields(strings.ToLower(f.Text))
		cols := `m.id, m.title, m.status`
		if len(text) > 0 {
			cols += `, m.venue, m.city, m.country`
		}
		query := `SELECT ` + cols + ` FROM meetings m`
		if cond != "" {
			query += ` WHERE ` + cond
		}
		rows, err := q.QueryContext(ctx, query+summaryOrder, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		var k MeetingKey
		var venue, city, country string
		dest := []any{&k.ID, &k.Title, &k.Status}
		if len(text) > 0 {
			dest = append(dest, &venue, &city, &country)
		}
		for rows.Next() {
			if err := rows.Scan(dest...); err != nil {
				return err
			}
			if len(text) > 0 && !matchesAll(strings.ToLower(k.Title+" "+venue+" "+city+" "+country), text) {
				continue
			}
			out = append(out, k)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("meetings: %w", err)
	}
	return out, nil
}

// MeetingsByID returns the summaries of the meetings with the given IDs, in the order given;
// an ID no meeting has (deleted meanwhile) is left out, and so is a meeting that cannot be
// read (a row edited outside Parley), which is handed to skipped when it is not nil.
func (s *Store) MeetingsByID(ctx context.Context, ids []string, skipped func(BadRow)) ([]MeetingSummary, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	byID := make(map[string]MeetingSummary, len(ids))
	err := s.read(ctx, func(q querier) error {
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id
		}
		ms, err := collect(ctx, q, summaryQuery+` WHERE m.id IN (?`+strings.Repeat(`, ?`, len(ids)-1)+`)`, args, summariesAround(skipped))
		for _, m := range ms {
			byID[m.ID] = m
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("meetings: %w", err)
	}
	out := make([]MeetingSummary, 0, len(byID))
	for _, id := range ids {
		if m, ok := byID[id]; ok {
			out = append(out, m)
		}
	}
	return out, nil
}

// MeetingsBefore lists the latest meetings over by t (their Upper at or before it), latest
// first, at most limit of them: the agenda's recent talks, read from the index meetings_upper.
func (s *Store) MeetingsBefore(ctx context.Context, t time.Time, limit int, skipped func(BadRow)) ([]MeetingSummary, error) {
	return readList(ctx, s, fmt.Sprintf("meetings before %s", t.Format(time.DateOnly)), func(q querier) ([]MeetingSummary, error) {
		return collect(ctx, q, summaryQuery+`
			WHERE m.when_upper <= ?1
			ORDER BY m.when_upper DESC, m.title, m.id LIMIT ?2`, []any{t.Unix(), limit}, summariesAround(skipped))
	})
}

// DayMeeting finds the meeting fixed to a day (an exact time or a whole day) that is nearest
// t, cancelled ones left out: the first one starting at t or later when later is true, else
// the latest one starting before t. ok is false when there is none.
func (s *Store) DayMeeting(ctx context.Context, t time.Time, later bool) (m MeetingSummary, ok bool, err error) {
	cond, order := `m.when_lower >= ?1`, `m.when_lower, m.title, m.id`
	if !later {
		cond, order = `m.when_lower < ?1`, `m.when_lower DESC, m.title DESC, m.id DESC`
	}
	err = s.read(ctx, func(q querier) error {
		rows, err := q.QueryContext(ctx, summaryQuery+`
			WHERE m.when_kind IN ('exact', 'day') AND m.status <> 'cancelled' AND `+cond+`
			ORDER BY `+order+` LIMIT 1`, t.Unix())
		if err != nil {
			return err
		}
		defer rows.Close()
		if !rows.Next() {
			return rows.Err()
		}
		m, err = newSummaryScanner().scan(rows)
		ok = err == nil
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return MeetingSummary{}, false, nil
	}
	if err != nil {
		return MeetingSummary{}, false, fmt.Errorf("meeting nearest %s: %w", t.Format(time.DateOnly), err)
	}
	return m, ok, nil
}

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
