package storage

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestJoinPlace(t *testing.T) {
	for _, tc := range []struct {
		name  string
		parts []string
		want  string
	}{
		{"all known", []string{"Iikura Guest House", "Tokyo", "Japan"}, "Iikura Guest House, Tokyo, Japan"},
		{"no venue", []string{"", "Tokyo", "Japan"}, "Tokyo, Japan"},
		{"blank parts trimmed", []string{"  ", " Sochi ", ""}, "Sochi"},
		{"nothing known", []string{"", "", ""}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, JoinPlace(tc.parts...)) })
	}
	m := Meeting{Venue: "Iikura Guest House", City: "Tokyo", Country: "Japan"}
	assert.Equal(t, "Iikura Guest House, Tokyo, Japan", m.Place())
	assert.Equal(t, m.Place(), m.Summary().Place())
}

func TestStatusLabels(t *testing.T) {
	assert.Equal(t, "Scheduled", StatusScheduled.Label())
	assert.Equal(t, "Not set", Status("").Label())
	for _, s := range Statuses {
		back, ok := StatusOfLabel(s.Label())
		assert.True(t, ok, s)
		assert.Equal(t, s, back)
	}
	_, ok := StatusOfLabel("Maybe")
	assert.False(t, ok)
}

func TestPostponementWording(t *testing.T) {
	was := InYear(2014)
	byEnd2016 := By(PartialDate{Year: 2016})
	for _, tc := range []struct {
		name             string
		m                MeetingSummary
		whenText, status string
	}{
		{"month", MeetingSummary{Status: StatusProposed, When: InMonth(2016, time.September)}, "Sep 2016", "Proposed"},
		{"deadline", MeetingSummary{Status: StatusTentative, When: byEnd2016}, "by end of 2016", "Tentative"},
		{"postponed, no new date", MeetingSummary{Status: StatusPostponed, PostponedFrom: was},
			"postponed — was 2014", "Postponed — was 2014"},
		{"postponed to a deadline", MeetingSummary{Status: StatusPostponed, PostponedFrom: was, When: byEnd2016},
			"by end of 2016 (postponed — was 2014)", "Postponed — was 2014"},
		{"re-planned after a postponement", MeetingSummary{Status: StatusTentative, PostponedFrom: was, When: byEnd2016},
			"by end of 2016 (postponed — was 2014)", "Tentative (postponed — was 2014)"},
		{"postponed, date kept", MeetingSummary{Status: StatusPostponed, PostponedFrom: was, When: was},
			"2014", "Postponed"},
		{"no date", MeetingSummary{Status: StatusProposed}, "date not set", "Proposed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.whenText, tc.m.WhenText())
			assert.Equal(t, tc.status, tc.m.StatusText())
		})
	}
}

func TestMeetingSummaryOfAFullMeeting(t *testing.T) {
	m := Meeting{ID: "m1", Title: "Round", Status: StatusTentative, When: By(PartialDate{Year: 2016}),
		StatusHistory: []StatusChange{
			{From: StatusProposed, To: StatusPostponed, When: InYear(2013)},
			{From: StatusPostponed, To: StatusProposed},
			{From: StatusProposed, To: StatusPostponed, When: InYear(2014)},
			{From: StatusPostponed, To: StatusTentative, When: By(PartialDate{Year: 2016})},
		}}
	p, ok := m.LastPostponement()
	assert.True(t, ok)
	assert.Equal(t, InYear(2014), p.When, "the latest postponement counts")
	assert.Equal(t, InYear(2014), m.Summary().PostponedFrom)
	assert.Equal(t, "Tentative (postponed — was 2014)", m.StatusText())

	undated := Meeting{Status: StatusTentative, StatusHistory: []StatusChange{{To: StatusPostponed}}}
	assert.Equal(t, "Tentative (postponed before)", undated.StatusText())
	_, ok = Meeting{}.LastPostponement()
	assert.False(t, ok)
}

func TestCompareMeetings(t *testing.T) {
	ms := []MeetingSummary{
		{ID: "undated", Title: "A"},
		{ID: "by-2016", Title: "B", When: By(PartialDate{Year: 2016})},
		{ID: "dec-b", Title: "B", When: InMonth(2016, time.December)},
		{ID: "dec-a", Title: "A", When: InMonth(2016, time.December)},
		{ID: "sep", Title: "Z", When: InMonth(2016, time.September)},
		{ID: "2016", Title: "Y", When: InYear(2016)},
	}
	slices.SortStableFunc(ms, CompareMeetings)
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	assert.Equal(t, []string{"2016", "sep", "dec-a", "dec-b", "by-2016", "undated"}, ids,
		"a year at its start, a deadline on its last day, equal dates by title, undated last")
}
