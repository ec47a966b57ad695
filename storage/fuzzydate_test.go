//go:build sqlite_fts5

package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func TestParseFuzzyDate(t *testing.T) {
	tests := []struct {
		in           string
		kind         DateKind
		text         string // what Text writes back
		human        string // what String shows
		lower, upper time.Time
		json         string
	}{
		{"", DateUnknown, "", "date not set", time.Time{}, time.Time{}, `null`},
		{"2016", DateYear, "2016", "2016", utc(2016, 1, 1, 0, 0), utc(2017, 1, 1, 0, 0),
			`{"date":"2016","precision":"year"}`},
		{"2016-09", DateMonth, "2016-09", "Sep 2016", utc(2016, 9, 1, 0, 0), utc(2016, 10, 1, 0, 0),
			`{"date":"2016-09","precision":"month"}`},
		{" 2016-06-22 ", DateDay, "2016-06-22", "Wed 22 Jun 2016", utc(2016, 6, 22, 0, 0), utc(2016, 6, 23, 0, 0),
			`{"date":"2016-06-22","precision":"day"}`},
		{"2016-02-29", DateDay, "2016-02-29", "Mon 29 Feb 2016", utc(2016, 2, 29, 0, 0), utc(2016, 3, 1, 0, 0),
			`{"date":"2016-02-29","precision":"day"}`},
		{"2016-06-22 10:00 Asia/Tokyo", DateExact, "2016-06-22 10:00 Asia/Tokyo", "Wed 22 Jun 2016, 10:00 JST",
			utc(2016, 6, 22, 1, 0), utc(2016, 6, 22, 1, 1),
			`{"date":"2016-06-22T10:00:00+09:00","precision":"exact","zone":"Asia/Tokyo"}`},
		{"2016-09-02 09:30 Asia/Vladivostok", DateExact, "2016-09-02 09:30 Asia/Vladivostok", "Fri 2 Sep 2016, 09:30 +10",
			utc(2016, 9, 1, 23, 30), utc(2016, 9, 1, 23, 31),
			`{"date":"2016-09-02T09:30:00+10:00","precision":"exact","zone":"Asia/Vladivostok"}`},
		{"by 2016", DateBy, "by 2016", "by end of 2016", utc(2016, 1, 1, 0, 0), utc(2017, 1, 1, 0, 0),
			`{"date":"2016","precision":"year","qualifier":"by"}`},
		{"By 2016-09", DateBy, "by 2016-09", "by end of Sep 2016", utc(2016, 9, 1, 0, 0), utc(2016, 10, 1, 0, 0),
			`{"date":"2016-09","precision":"month","qualifier":"by"}`},
		{"by 2016-12-31", DateBy, "by 2016-12-31", "by 31 Dec 2016", utc(2016, 12, 31, 0, 0), utc(2017, 1, 1, 0, 0),
			`{"date":"2016-12-31","precision":"day","qualifier":"by"}`},
		{"2016-09-01..2016-09-30", DateRange, "2016-09-01..2016-09-30", "1–30 Sep 2016", utc(2016, 9, 1, 0, 0), utc(2016, 10, 1, 0, 0),
			`{"date":"2016-09-01/2016-09-30","qualifier":"range"}`},
		{"2016-09-01/2016-09-30", DateRange, "2016-09-01..2016-09-30", "1–30 Sep 2016", utc(2016, 9, 1, 0, 0), utc(2016, 10, 1, 0, 0),
			`{"date":"2016-09-01/2016-09-30","qualifier":"range"}`},
		{"2016-08..2016-10", DateRange, "2016-08..2016-10", "Aug–Oct 2016", utc(2016, 8, 1, 0, 0), utc(2016, 11, 1, 0, 0),
			`{"date":"2016-08/2016-10","qualifier":"range"}`},
		{"2016-12-30..2017-01-02", DateRange, "2016-12-30..2017-01-02", "30 Dec 2016 – 2 Jan 2017", utc(2016, 12, 30, 0, 0), utc(2017, 1, 3, 0, 0),
			`{"date":"2016-12-30/2017-01-02","qualifier":"range"}`},
		{"2016-09-05..2016-09-05", DateRange, "2016-09-05..2016-09-05", "5–5 Sep 2016", utc(2016, 9, 5, 0, 0), utc(2016, 9, 6, 0, 0),
			`{"date":"2016-09-05/2016-09-05","qualifier":"range"}`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			f, err := ParseFuzzyDate(tt.in)
			require.NoError(t, err)
			require.NoError(t, f.Validate())
			assert.Equal(t, tt.kind, f.Kind)
			assert.Equal(t, tt.text, f.Text())
			assert.Equal(t, tt.human, f.String())
			assert.True(t, tt.lower.Equal(f.Lower()), "lower %s, want %s", f.Lower(), tt.lower)
			assert.True(t, tt.upper.Equal(f.Upper()), "upper %s, want %s", f.Upper(), tt.upper)

			again, err := ParseFuzzyDate(f.Text())
			require.NoError(t, err)
			assert.Equal(t, f.Text(), again.Text(), "Text reads back")

			b, err := json.Marshal(f)
			require.NoError(t, err)
			assert.JSONEq(t, tt.json, string(b))
			var back FuzzyDate
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, f.Text(), back.Text(), "JSON reads back")
			assert.True(t, f.Lower().Equal(back.Lower()))
		})
	}
}

func TestParseFuzzyDateRefuses(t *testing.T) {
	assertRefused(t, []refusal{
		{"2016-13-45", "month 13"},
		{"2016-02-30", "2016-02-30 does not exist"},
		{"2015-02-29", "2015-02-29 does not exist"},
		{"2016-04-31", "does not exist"},
		{"2016-00", "month 00"},
		{"2016-06-00", "day 00"},
		{"2016-06-22 10:00 Mars/Olympus", "Mars/Olympus"},
		{"2016-06-22 10:00", "time zone"},
		{"2016-06-22 25:00 Asia/Tokyo", "not a time"},
		{"2016-06 10:00 Asia/Tokyo", "full date"},
		{"2016-09-30..2016-09-01", "before it starts"},
		{"2017..2016", "before it starts"},
		{"2016-09..2016-08-31", "before it starts"},
		{"16-06-22", "not a date"},
		{"2016-6-2", "not a date"},
		{"next week", "not a date"},
		{"by someday", "not a date"},
		{"2016-06-22 10:00 Asia/Tokyo extra", "not a date Parley understands"},
	})
}

func TestFuzzyDateValidate(t *testing.T) {
	at := time.Date(2016, 6, 22, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		f    FuzzyDate
		ok   bool
	}{
		{"unknown", FuzzyDate{}, true},
		{"day", OnDay(2016, 6, 22), true},
		{"month built as day", FuzzyDate{Kind: DateDay, From: PartialDate{2016, 6, 0}}, false},
		{"day built as month", FuzzyDate{Kind: DateMonth, From: PartialDate{2016, 6, 22}}, false},
		{"year without a year", FuzzyDate{Kind: DateYear}, false},
		{"exact without time", FuzzyDate{Kind: DateExact, Zone: "UTC"}, false},
		{"exact without zone", FuzzyDate{Kind: DateExact, At: at}, false},
		{"exact", FuzzyDate{Kind: DateExact, At: at, Zone: "Europe/Moscow"}, true},
		{"range without end", FuzzyDate{Kind: DateRange, From: PartialDate{Year: 2016}}, false},
		{"range backwards", Between(PartialDate{2016, 9, 30}, PartialDate{2016, 9, 1}), false},
		{"unknown kind", FuzzyDate{Kind: "soon"}, false},
		{"day with no month", FuzzyDate{Kind: DateDay, From: PartialDate{Year: 2016, Day: 3}}, false},
		{"year 0", FuzzyDate{Kind: DateYear, From: PartialDate{Year: -1}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f.Validate()
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.Error(t, err)
			}
		})
	}
}

func TestFuzzyDateJSONRefuses(t *testing.T) {
	tests := []string{
		`{"date":"2016-13-45","precision":"day"}`,
		`{"date":"2016-02-30"}`,
		`{"date":"2016-09","precision":"day"}`,
		`{"date":"2016","qualifier":"maybe"}`,
		`{"date":"","precision":"year"}`,
		`{"date":"2016-09-30/2016-09-01","qualifier":"range"}`,
		`{"date":"2016-09-01","qualifier":"range"}`,
		`{"date":"2016-06-22T10:00:00+09:00","precision":"exact","zone":"Mars/Olympus"}`,
		`{"date":"2016-06-22 10:00","precision":"exact","zone":"Asia/Tokyo"}`,
		`"2016-06-22"`,
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			var f FuzzyDate
			assert.Error(t, json.Unmarshal([]byte(in), &f))
		})
	}
}

func TestFuzzyDateDay(t *testing.T) {
	f, err := ParseFuzzyDate("2016-09-02 01:30 Asia/Vladivostok")
	require.NoError(t, err)
	d, ok := f.Day()
	require.True(t, ok)
	assert.Equal(t, PartialDate{2016, 9, 2}, d, "the venue's calendar day, not UTC's")
	assert.True(t, f.IsDay())
	assert.True(t, f.IsExact())
	_, ok = InMonth(2016, 9).Day()
	assert.False(t, ok)
}

func TestPartialDate(t *testing.T) {
	tests := []struct {
		in   string
		want PartialDate
		iso  string
	}{
		{"", PartialDate{}, ""},
		{"2016", PartialDate{Year: 2016}, "2016"},
		{"2016-09", PartialDate{2016, 9, 0}, "2016-09"},
		{"2016-06-22", PartialDate{2016, 6, 22}, "2016-06-22"},
	}
	for _, tt := range tests {
		d, err := ParsePartialDate(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, d)
		assert.Equal(t, tt.iso, d.ISO())
		b, err := json.Marshal(d)
		require.NoError(t, err)
		var back PartialDate
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, d, back)
	}
	var d PartialDate
	assert.Error(t, json.Unmarshal([]byte(`"2016-13"`), &d))
	assert.Error(t, json.Unmarshal([]byte(`2016`), &d))
}

func TestFuzzyDateSortKey(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want time.Time
	}{
		{"exact, as its instant", "2016-06-22 10:00 Asia/Tokyo", utc(2016, 6, 22, 1, 0)},
		{"day", "2016-06-22", utc(2016, 6, 22, 0, 0)},
		{"month, from its first day", "2016-09", utc(2016, 9, 1, 0, 0)},
		{"range, from its start", "2016-09..2016-10", utc(2016, 9, 1, 0, 0)},
		{"by a year, on its last day", "by 2016", utc(2016, 12, 31, 0, 0)},
		{"by a month, on its last day", "by 2016-02", utc(2016, 2, 29, 0, 0)},
		{"by a day, on that day", "by 2016-09-30", utc(2016, 9, 30, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFuzzyDate(tt.in)
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(f.SortKey()), "got %s", f.SortKey())
		})
	}
}

func TestPartialDatePeriod(t *testing.T) {
	tests := []struct {
		in         string
		start, end time.Time
	}{
		{"2016", utc(2016, 1, 1, 0, 0), utc(2017, 1, 1, 0, 0)},
		{"2016-02", utc(2016, 2, 1, 0, 0), utc(2016, 3, 1, 0, 0)},
		{"2016-12-31", utc(2016, 12, 31, 0, 0), utc(2017, 1, 1, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParsePartialDate(tt.in)
			require.NoError(t, err)
			assert.True(t, tt.start.Equal(d.Start()), "start %s", d.Start())
			assert.True(t, tt.end.Equal(d.End()), "end %s", d.End())
		})
	}
}

// "c. 2016" is kept with a meeting's date: stored (when_approx), listed, carried by the status
// history and bundles, printed with its "c.", and refused where Parley cannot keep it.
func TestApproximateMeetingDate(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	for _, tc := range []struct {
		typed, shown, json string
	}{
		{"c. 2016", "c. 2016", `{"date":"2016","precision":"year","approximate":true}`},
		{"about June 2016", "c. Jun 2016", `{"date":"2016-06","precision":"month","approximate":true}`},
		{"around 2015–2017", "c. 2015 – 2017", `{"date":"2015/2017","qualifier":"range","approximate":true}`},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			when, err := ParseFuzzyDate(tc.typed)
			require.NoError(t, err)
			m := w.visit
			m.When = when
			require.NoError(t, s.UpdateMeeting(ctx, &m))
			got, err := s.Meeting(ctx, m.ID)
			require.NoError(t, err)
			assert.True(t, got.When.Approx)
			assert.Equal(t, tc.shown, got.When.String())
			assert.Equal(t, when.Lower(), got.When.Lower(), "the bounds are the period's")
			ms, err := s.Meetings(ctx, MeetingFilter{Text: "Putin visit"})
			require.NoError(t, err)
			require.Len(t, ms, 1)
			assert.Equal(t, tc.shown, ms[0].WhenText(), "lists print the c.")

			b, err := json.Marshal(got.When)
			require.NoError(t, err)
			assert.JSONEq(t, tc.json, string(b))
			again, err := ParseFuzzyDate(got.When.String())
			require.NoError(t, err, "what Parley prints reads back")
			assert.Equal(t, got.When, again)
		})
	}

	// Postponed from an approximate date: the status history keeps the date as it stood.
	m, err := s.Meeting(ctx, w.visit.ID)
	require.NoError(t, err)
	m.When, m.Status = mustDate(t, "by 2018"), StatusPostponed
	require.NoError(t, s.UpdateMeeting(ctx, &m))
	ms, err := s.Meetings(ctx, MeetingFilter{Text: "Putin visit"})
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, "by end of 2018 (postponed — was c. 2015 – 2017)", ms[0].WhenText())

	// A bundle carries it.
	d, err := s.Dossier(ctx)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteBundle(&buf, d, time.Date(2016, 6, 20, 0, 0, 0, 0, time.UTC)))
	assert.Contains(t, buf.String(), `"approximate": true`)
	back, err := ReadBundle(&buf)
	require.NoError(t, err)
	for _, bm := range back.Meetings {
		if bm.ID == w.visit.ID {
			assert.True(t, bm.StatusHistory[len(bm.StatusHistory)-1].When.Approx)
		}
	}

	// Only meetings keep it; elsewhere it is refused with a sentence, not dropped.
	st := w.quote
	st.When = mustDate(t, "c. 2016")
	err = s.UpdateStatement(ctx, &st)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "only a meeting's date can be approximate")
	var f FuzzyDate
	assert.Error(t, json.Unmarshal([]byte(`{"date":"2016-06-22","precision":"day","approximate":true}`), &f))
}

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
