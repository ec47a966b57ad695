//go:build sqlite_fts5

package storage

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The talks list's keys are the meetings Meetings lists, in its order, for every filter.
func TestMeetingKeysAreMeetingsInOrder(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	ids := orderWorld(t, s)
	tr := Track{Title: "Track"}
	require.NoError(t, s.CreateTrack(ctx, &tr))
	moscow := Meeting{Title: "Консультации", Status: StatusHeld, TrackID: tr.ID, City: "Москва", When: mustDate(t, "2015-10")}
	require.NoError(t, s.CreateMeeting(ctx, &moscow))
	require.NoError(t, s.ChangeMeetingStatus(ctx, ids["month Sep"], StatusScheduled, "", ""))

	sep := time.Date(2016, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name string
		f    MeetingFilter
	}{
		{"everything", MeetingFilter{}},
		{"September window", MeetingFilter{From: sep, To: sep.AddDate(0, 1, 0)}},
		{"from October on", MeetingFilter{From: time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC)}},
		{"before 2016", MeetingFilter{To: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{"status", MeetingFilter{Statuses: []Status{StatusHeld, StatusScheduled}}},
		{"track", MeetingFilter{TrackID: tr.ID}},
		{"Cyrillic text in city, any case", MeetingFilter{Text: "москва"}},
		{"two words", MeetingFilter{Text: "exact tokyo"}},
		{"nothing", MeetingFilter{Text: "zzz"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			list, err := s.Meetings(ctx, tt.f)
			require.NoError(t, err)
			want := []MeetingKey{}
			for _, m := range list {
				want = append(want, MeetingKey{ID: m.ID, Title: m.Title, Status: m.Status})
			}
			keys, err := s.MeetingKeys(ctx, tt.f)
			require.NoError(t, err)
			if keys == nil {
				keys = []MeetingKey{}
			}
			assert.Equal(t, want, keys)
		})
	}
}

func TestMeetingsByIDKeepTheOrderAsked(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	ids := orderWorld(t, s)
	got, err := s.MeetingsByID(ctx, []string{ids["day 1 Oct"], "gone", ids["undated"], ids["year 2015"]}, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"day 1 Oct", "undated", "year 2015"}, titles(got), "in the order asked, an unknown ID left out")
	none, err := s.MeetingsByID(ctx, nil, nil)
	require.NoError(t, err)
	assert.Empty(t, none)
}

func TestMeetingsBeforeLatestFirst(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	orderWorld(t, s)
	got, err := s.MeetingsBefore(ctx, time.Date(2016, 9, 1, 0, 0, 0, 0, time.UTC), 3, nil)
	require.NoError(t, err)
	// Over by 1 September: the meeting of 31 August at 23:30, then the June month and range
	// (both end on 1 July: by title).
	assert.Equal(t, []string{"exact 31 Aug 23:30 UTC", "a range Jun", "month Jun"}, titles(got))
	all, err := s.MeetingsBefore(ctx, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), 100, nil)
	require.NoError(t, err)
	assert.Len(t, all, 11, "every dated meeting, the undated one left out")
	assert.Equal(t, "by 2016", all[0].Title, "a deadline ends at its deadline")
}

func TestDayMeetingNearest(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	ids := orderWorld(t, s)
	require.NoError(t, s.ChangeMeetingStatus(ctx, ids["day 1 Oct"], StatusCancelled, "", ""))
	for _, tt := range []struct {
		name  string
		at    time.Time
		later bool
		want  string // "" for none
	}{
		{"the next from June", time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC), true, "day 22 Jun"},
		{"the next from July: a cancelled one does not count", time.Date(2016, 7, 1, 0, 0, 0, 0, time.UTC), true, "exact 31 Aug 23:30 UTC"},
		{"none after September", time.Date(2016, 9, 2, 0, 0, 0, 0, time.UTC), true, ""},
		{"the latest before 2017", time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), false, "exact 31 Aug 23:30 UTC"},
		{"the latest before 22 June 09:00 in Tokyo", time.Date(2016, 6, 22, 0, 30, 0, 0, time.UTC), false, "day 22 Jun"},
		{"none before 2016", time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), false, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, ok, err := s.DayMeeting(ctx, tt.at, tt.later)
			require.NoError(t, err)
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, tt.want, m.Title)
		})
	}
}

// The counts agree with what Meetings lists: upcoming as From: now lists them, past as every
// dated meeting over by now.
func TestCountMeetingsAround(t *testing.T) {
	ctx := context.Background()
	s, _ := newWorld(t)
	all, err := s.Meetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	for _, now := range []time.Time{
		time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2016, 6, 20, 12, 0, 0, 0, time.UTC),
		time.Date(2016, 6, 22, 3, 0, 0, 0, time.UTC),
		time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		t.Run(now.Format(time.DateTime), func(t *testing.T) {
			up, err := s.Meetings(ctx, MeetingFilter{From: now})
			require.NoError(t, err)
			past := 0
			for _, m := range all {
				if !m.When.IsZero() && !m.When.Upper().After(now) {
					past++
				}
			}
			gotUp, gotPast, err := s.CountMeetingsAround(ctx, now)
			require.NoError(t, err)
			assert.Equal(t, len(up), gotUp, "upcoming")
			assert.Equal(t, past, gotPast, "past")
		})
	}
}
