package storage

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A date not known to the minute keeps the venue's zone: stored, read back, in bundles, and
// refused when it is not a zone.
func TestVenueZoneKeptWithAFuzzyDate(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	for _, tc := range []struct {
		name string
		when FuzzyDate
		json string
	}{
		{"a month", FuzzyDate{Kind: DateMonth, From: mon(2016, time.October), Zone: "Europe/Moscow"},
			`{"date":"2016-10","precision":"month","zone":"Europe/Moscow"}`},
		{"a year", FuzzyDate{Kind: DateYear, From: PartialDate{Year: 2016}, Zone: "Asia/Tokyo"},
			`{"date":"2016","precision":"year","zone":"Asia/Tokyo"}`},
		{"a deadline", FuzzyDate{Kind: DateBy, From: PartialDate{Year: 2016}, Zone: "Asia/Tokyo"},
			`{"date":"2016","precision":"year","qualifier":"by","zone":"Asia/Tokyo"}`},
		{"a range", FuzzyDate{Kind: DateRange, From: mon(2016, time.July), To: mon(2016, time.September), Zone: "Europe/Moscow"},
			`{"date":"2016-07/2016-09","qualifier":"range","zone":"Europe/Moscow"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := w.vladivostok
			m.When = tc.when
			require.NoError(t, s.UpdateMeeting(ctx, &m))
			got, err := s.Meeting(ctx, m.ID)
			require.NoError(t, err)
			assert.Equal(t, tc.when, got.When)
			ms, err := s.Meetings(ctx, MeetingFilter{Text: "Eastern Economic Forum"})
			require.NoError(t, err)
			require.Len(t, ms, 1)
			assert.Equal(t, tc.when.Zone, ms[0].When.Zone, "lists keep it too")

			b, err := json.Marshal(tc.when)
			require.NoError(t, err)
			assert.JSONEq(t, tc.json, string(b))
			var back FuzzyDate
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, tc.when, back)
		})
	}
	bad := w.vladivostok
	bad.When = FuzzyDate{Kind: DateMonth, From: mon(2016, time.October), Zone: "Mars/Olympus"}
	err := s.UpdateMeeting(ctx, &bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not a known time zone")
	var back FuzzyDate
	assert.Error(t, json.Unmarshal([]byte(`{"date":"2016-10","precision":"month","zone":"Mars/Olympus"}`), &back))
}
