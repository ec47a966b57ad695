//go:build sqlite_fts5

package storage

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMeetingRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)

	got, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, "2016-06-22 10:00 Asia/Tokyo", got.When.Text())
	assert.True(t, got.When.At.Equal(w.tokyo.When.At))
	assert.Equal(t, "Asia/Tokyo", got.When.At.Location().String())
	assert.Equal(t, w.tokyo.Participants, got.Participants)
	assert.Equal(t, w.tokyo.Questions, got.Questions)
	assert.Equal(t, w.tokyo.Objectives, got.Objectives)
	assert.Equal(t, w.tokyo.LinesToTake, got.LinesToTake)
	assert.Equal(t, []string{w.dispute.ID}, got.DisputeIDs)
	assert.Equal(t, []string{"round"}, got.Tags)
	assert.Equal(t, w.moscow.ID, got.PreviousRoundID)
	assert.Equal(t, 180, got.DurationMinutes)
	require.Len(t, got.StatusHistory, 1, "creation records the first status")
	assert.Equal(t, StatusChange{Recorded: got.Created, To: StatusScheduled, When: got.StatusHistory[0].When}, got.StatusHistory[0])

	got.Participants = []Participant{{ActorID: w.morgulov.ID, Role: RoleHost, Note: "hosts the lunch"}}
	got.DisputeIDs = nil
	got.Tags = []string{"second round", "Tokyo"}
	got.Outcome = "Agreed to meet again."
	require.NoError(t, s.UpdateMeeting(ctx, &got))
	again, err := s.Meeting(ctx, got.ID)
	require.NoError(t, err)
	assert.Equal(t, got.Participants, again.Participants)
	assert.Empty(t, again.DisputeIDs)
	assert.Equal(t, got.Tags, again.Tags)
	assert.Equal(t, "Agreed to meet again.", again.Outcome)
	assert.Len(t, again.StatusHistory, 1, "same status, no change recorded")

	require.NoError(t, s.DeleteMeeting(ctx, w.moscow.ID))
	again, err = s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, "", again.PreviousRoundID, "the later round loses its link")
}

func TestStatusHistoryAndPostponedFrom(t *testing.T) {
	ctx := context.Background()
	s, clk := newStore(t)
	w := buildWorld(t, s)

	clk.step(24 * time.Hour)
	require.NoError(t, s.ChangeMeetingStatus(ctx, w.visit.ID, StatusPostponed, "annexation of Crimea", w.source.ID))
	clk.step(24 * time.Hour)
	m, err := s.Meeting(ctx, w.visit.ID)
	require.NoError(t, err)
	assert.Equal(t, StatusPostponed, m.Status)
	m.When = mustDate(t, "by 2016")
	m.Status = StatusTentative
	require.NoError(t, s.UpdateMeeting(ctx, &m))

	got, err := s.Meeting(ctx, w.visit.ID)
	require.NoError(t, err)
	require.Len(t, got.StatusHistory, 3)
	h := got.StatusHistory
	assert.Equal(t, StatusScheduled, h[0].To)
	assert.Equal(t, StatusScheduled, h[1].From)
	assert.Equal(t, StatusPostponed, h[1].To)
	assert.Equal(t, "annexation of Crimea", h[1].Reason)
	assert.Equal(t, w.source.ID, h[1].SourceID)
	assert.Equal(t, "2014", h[1].When.Text(), "the date as it stood when postponed")
	assert.Equal(t, StatusPostponed, h[2].From)
	assert.Equal(t, StatusTentative, h[2].To)
	assert.Equal(t, "2014", h[2].When.Text(), "the date before this update")
	assert.Equal(t, clk.t, h[2].Recorded)
	assert.Equal(t, h, m.StatusHistory, "UpdateMeeting hands back the stored history")

	list, err := s.Meetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	for _, sum := range list {
		if sum.ID == w.visit.ID {
			assert.Equal(t, "2014", sum.PostponedFrom.Text())
			assert.Equal(t, "by end of 2016", sum.When.String())
			assert.Equal(t, StatusTentative, sum.Status)
		} else {
			assert.True(t, sum.PostponedFrom.IsZero(), sum.Title)
		}
	}

	// Postponed twice: the latest postponement counts.
	require.NoError(t, s.ChangeMeetingStatus(ctx, w.visit.ID, StatusPostponed, "", ""))
	list, err = s.Meetings(ctx, MeetingFilter{Statuses: []Status{StatusPostponed}})
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, "by 2016", list[0].PostponedFrom.Text())
}

// orderWorld stores one meeting of every kind of date.
func orderWorld(t *testing.T, s *Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	ids := map[string]string{}
	for _, m := range []struct{ title, when string }{
		{"undated", ""},
		{"exact 22 Jun 10:00 Tokyo", "2016-06-22 10:00 Asia/Tokyo"},
		{"day 22 Jun", "2016-06-22"},
		{"month Jun", "2016-06"},
		{"a range Jun", "2016-06-01..2016-06-30"},
		{"year 2016", "2016"},
		{"by 2016", "by 2016"},
		{"month Sep", "2016-09"},
		{"range Aug–Oct", "2016-08..2016-10"},
		{"exact 31 Aug 23:30 UTC", "2016-08-31 23:30 UTC"},
		{"day 1 Oct", "2016-10-01"},
		{"year 2015", "2015"},
	} {
		mt := Meeting{Title: m.title, Status: StatusProposed, When: mustDate(t, m.when)}
		require.NoError(t, s.CreateMeeting(ctx, &mt))
		ids[m.title] = mt.ID
	}
	return ids
}

func titles(list []MeetingSummary) []string {
	out := []string{}
	for _, m := range list {
		out = append(out, m.Title)
	}
	return out
}

func TestMeetingsOrderByFuzzyDate(t *testing.T) {
	s, _ := newStore(t)
	orderWorld(t, s)
	list, err := s.Meetings(context.Background(), MeetingFilter{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"year 2015",
		"year 2016",                // from 1 Jan 2016
		"a range Jun", "month Jun", // both from 1 Jun, then by title
		"day 22 Jun",               // 22 Jun 00:00 UTC
		"exact 22 Jun 10:00 Tokyo", // 22 Jun 01:00 UTC
		"range Aug–Oct",
		"exact 31 Aug 23:30 UTC",
		"month Sep",
		"day 1 Oct",
		"by 2016", // a deadline sorts on its last day, 31 Dec 2016
		"undated",
	}, titles(list))
	assert.True(t, slices.IsSortedFunc(list, CompareMeetings), "CompareMeetings orders as the query does")
	full, err := s.Meeting(context.Background(), list[0].ID)
	require.NoError(t, err)
	assert.Equal(t, list[0], full.Summary(), "Summary is the list form")
}

// filterWorld is orderWorld with a track holding one meeting more, in Cyrillic and held, and
// "month Sep" scheduled: a world every kind of MeetingFilter selects a part of.
func filterWorld(t *testing.T) (*Store, Track) {
	t.Helper()
	ctx := context.Background()
	s, _ := newStore(t)
	ids := orderWorld(t, s)
	tr := Track{Title: "Track"}
	require.NoError(t, s.CreateTrack(ctx, &tr))
	moscow := Meeting{Title: "Консультации", Status: StatusHeld, TrackID: tr.ID, City: "Москва", When: mustDate(t, "2015-10")}
	require.NoError(t, s.CreateMeeting(ctx, &moscow))
	require.NoError(t, s.ChangeMeetingStatus(ctx, ids["month Sep"], StatusScheduled, "", ""))
	return s, tr
}

func TestMeetingsFilter(t *testing.T) {
	ctx := context.Background()
	s, tr := filterWorld(t)
	// Wider than a year: read through the span index, not the when_lower stretch.
	decade := Meeting{Title: "decade 2010s", Status: StatusProposed, When: mustDate(t, "2010..2019")}
	require.NoError(t, s.CreateMeeting(ctx, &decade))

	sep := time.Date(2016, 9, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		f    MeetingFilter
		want []string
	}{
		{"a window after everything", MeetingFilter{From: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2030, 2, 1, 0, 0, 0, 0, time.UTC)}, []string{}},
		{"September window", MeetingFilter{From: sep, To: sep.AddDate(0, 1, 0)},
			[]string{"decade 2010s", "year 2016", "range Aug–Oct", "month Sep", "by 2016"}},
		{"22 June", MeetingFilter{From: time.Date(2016, 6, 22, 0, 0, 0, 0, time.UTC), To: time.Date(2016, 6, 23, 0, 0, 0, 0, time.UTC)},
			[]string{"decade 2010s", "year 2016", "a range Jun", "month Jun", "day 22 Jun", "exact 22 Jun 10:00 Tokyo", "by 2016"}},
		{"from October on", MeetingFilter{From: time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC)},
			[]string{"decade 2010s", "year 2016", "range Aug–Oct", "day 1 Oct", "by 2016"}},
		{"before 2016", MeetingFilter{To: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)},
			[]string{"decade 2010s", "year 2015", "Консультации"}},
		{"status", MeetingFilter{Statuses: []Status{StatusHeld, StatusScheduled}}, []string{"Консультации", "month Sep"}},
		{"track", MeetingFilter{TrackID: tr.ID}, []string{"Консультации"}},
		{"text in title, any case", MeetingFilter{Text: "EXACT"}, []string{"exact 22 Jun 10:00 Tokyo", "exact 31 Aug 23:30 UTC"}},
		{"Cyrillic text in city, any case", MeetingFilter{Text: "москва"}, []string{"Консультации"}},
		{"two words", MeetingFilter{Text: "exact tokyo"}, []string{"exact 22 Jun 10:00 Tokyo"}},
		{"limit", MeetingFilter{Limit: 2}, []string{"decade 2010s", "year 2015"}},
		{"limit with text", MeetingFilter{Text: "day", Limit: 1}, []string{"day 22 Jun"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := s.Meetings(ctx, tt.f)
			require.NoError(t, err)
			assert.Equal(t, tt.want, titles(list))
		})
	}
}

func TestMeetingByICalUID(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	imported := Meeting{Title: "From Outlook", Status: StatusScheduled, ICalUID: "040000008200E00074C5B7101A82E008@outlook"}
	require.NoError(t, s.CreateMeeting(ctx, &imported))

	m, err := s.MeetingByICalUID(ctx, imported.ICalUID)
	require.NoError(t, err)
	assert.Equal(t, imported.ID, m.ID)

	m, err = s.MeetingByICalUID(ctx, w.tokyo.ID+"@parley")
	require.NoError(t, err)
	assert.Equal(t, w.tokyo.ID, m.ID)
	assert.Equal(t, w.tokyo.Participants, m.Participants)

	_, err = s.MeetingByICalUID(ctx, w.tokyo.ID)
	assert.ErrorIs(t, err, ErrNotFound, "a bare ID is not a calendar UID")
	_, err = s.MeetingByICalUID(ctx, "")
	assert.ErrorIs(t, err, ErrNotFound)
}

// A delegation's interpreters, note-takers and advisers are participants like the others.
func TestSupportRoles(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	m, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	m.Participants = append(m.Participants,
		Participant{ActorID: w.kishida.ID, Role: RoleAdviser},
	)
	m.Participants[0].Role = RoleInterpreter
	m.Participants[1].Role = RoleNoteTaker
	require.NoError(t, s.UpdateMeeting(ctx, &m))
	got, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	var roles []Role
	for _, p := range got.Participants {
		roles = append(roles, p.Role)
	}
	assert.Equal(t, []Role{RoleInterpreter, RoleNoteTaker, RoleAdviser}, roles)
	m.Participants[0].Role = "spy"
	assert.ErrorContains(t, s.UpdateMeeting(ctx, &m), `"spy" is not a role`)
}

// The talks list's keys are the meetings Meetings lists, in its order, for every filter.
func TestMeetingKeysAreMeetingsInOrder(t *testing.T) {
	ctx := context.Background()
	s, tr := filterWorld(t)

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
