package ical_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/ical"
	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

var (
	exported = time.Date(2016, time.June, 20, 0, 0, 0, 0, time.UTC)
	imported = time.Date(2016, time.June, 21, 8, 0, 0, 0, time.UTC)
)

// roundTripDossier is the sample with what it lacks for a round trip: exact times in Moscow
// and in UTC, a range, a postponed and a cancelled meeting, and one without a date.
func roundTripDossier(t *testing.T) *storage.Dossier {
	t.Helper()
	d := sample.Dossier()
	date := func(s string) storage.FuzzyDate {
		f, err := storage.ParseFuzzyDate(s)
		require.NoError(t, err)
		return f
	}
	d.Meetings = append(d.Meetings,
		storage.Meeting{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e01", Title: "Peace treaty consultations, round 3 — Moscow",
			Status: storage.StatusScheduled, When: date("2016-10-12 11:00 Europe/Moscow"), DurationMinutes: 150,
			Venue: "Osobnyak, Spiridonovka 17", City: "Moscow", Country: "Russia",
			Purpose: "Third round; agenda: \"joint economic activity\", fisheries.\n\nA backslash \\, Южные Курилы, 北方領土."},
		storage.Meeting{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e03", Title: "Video call with the embassy",
			Status: storage.StatusCancelled, When: date("2016-06-21 06:00 UTC"), DurationMinutes: 30},
		storage.Meeting{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e04", Title: "Working-level follow-up",
			Status: storage.StatusProposed, When: date("2016-11-01..2016-11-15"), City: "Tokyo", Country: "Japan"},
		storage.Meeting{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e05", Title: "Fisheries talks",
			Status: storage.StatusPostponed, When: date("2016-07-04"), Venue: "Sapporo"},
		storage.Meeting{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e06", Title: "Round 4", Status: storage.StatusProposed},
	)
	return d
}

func exportICS(t *testing.T, d *storage.Dossier) string {
	t.Helper()
	var b bytes.Buffer
	_, err := ical.Write(&b, d, exported)
	require.NoError(t, err)
	return b.String()
}

func importICS(t *testing.T, s *storage.Store, file string, now time.Time) (ical.ImportReport, error) {
	t.Helper()
	res, err := ical.Read(strings.NewReader(file))
	if err != nil {
		return ical.ImportReport{}, err
	}
	return ical.Apply(context.Background(), s, res, now)
}

func sameDate(a, b storage.FuzzyDate) bool {
	return a.Kind == b.Kind && a.Zone == b.Zone && a.At.Equal(b.At) && a.From == b.From && a.To == b.To
}

// TestRoundTrip: export → import into an empty database → the same meetings, zones and statuses.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := roundTripDossier(t)
	file := exportICS(t, d)
	s := sampletest.Empty(t)

	rep, err := importICS(t, s, file, imported)
	require.NoError(t, err)
	assert.Equal(t, 10, rep.Created, "every dated meeting")
	assert.Zero(t, rep.Updated)
	assert.Empty(t, rep.Skipped)
	assert.Empty(t, rep.Notes)

	stored, err := s.Meetings(ctx, storage.MeetingFilter{})
	require.NoError(t, err)
	assert.Len(t, stored, 10)
	for _, want := range d.Meetings {
		if want.When.IsZero() {
			continue
		}
		got, err := s.MeetingByICalUID(ctx, want.ID+"@parley")
		require.NoError(t, err, want.Title)
		assert.NotEqual(t, want.ID, got.ID, "a fresh ID")
		assert.Equal(t, want.ID+"@parley", got.ICalUID)
		assert.Equal(t, want.Title, got.Title)
		assert.True(t, sameDate(want.When, got.When), "%s: %s became %s", want.Title, want.When.Text(), got.When.Text())
		assert.Equal(t, want.When.Zone, got.When.Zone, want.Title)
		if want.When.IsExact() {
			assert.Equal(t, want.When.Zone, got.When.At.Location().String(), "%s: shown in its zone", want.Title)
		}
		assert.Equal(t, want.Status, got.Status, want.Title)
		assert.Equal(t, want.DurationMinutes, got.DurationMinutes, want.Title)
		assert.Equal(t, [3]string{want.Venue, want.City, want.Country}, [3]string{got.Venue, got.City, got.Country}, want.Title)
		assert.Equal(t, want.Purpose, got.Purpose, want.Title)
		require.Len(t, got.StatusHistory, 1)
		assert.Equal(t, want.Status, got.StatusHistory[0].To)
	}

	// Importing the same file again finds every meeting as it is.
	rep, err = importICS(t, s, file, imported.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, [3]int{0, 0, 10}, [3]int{rep.Created, rep.Updated, rep.Unchanged})
	assert.Empty(t, rep.Skipped)

	// And exporting the imported meetings gives the same events (the UIDs are kept).
	again, err := s.Dossier(ctx)
	require.NoError(t, err)
	second := exportICS(t, again)
	assert.Equal(t, eventsWithout(file, "CREATED", "LAST-MODIFIED", "DESCRIPTION"), eventsWithout(second, "CREATED", "LAST-MODIFIED", "DESCRIPTION"))
}

// eventsWithout returns the file's unfolded lines without the named properties.
func eventsWithout(file string, names ...string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(file, "\r\n ", ""), "\r\n") {
		drop := false
		for _, n := range names {
			drop = drop || strings.HasPrefix(l, n+":")
		}
		if !drop {
			out = append(out, l)
		}
	}
	return out
}

// TestImportUpdatesKeepParleyFields: an event changed in another calendar updates the calendar's
// fields of the meeting and keeps what only Parley holds.
func TestImportUpdatesKeepParleyFields(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Store(t)
	before, err := s.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	d, err := s.Dossier(ctx)
	require.NoError(t, err)
	file := exportICS(t, d)

	// In the other calendar: the round moves to 14:00 for two hours at Iikura House, and is
	// cancelled; the calendar bumps LAST-MODIFIED.
	uid := "UID:" + sample.TokyoRoundID + "@parley"
	start := strings.Index(file, uid)
	end := start + strings.Index(file[start:], "END:VEVENT")
	ev := file[start:end]
	changed := strings.NewReplacer(
		"DTSTART;TZID=Asia/Tokyo:20160622T100000", "DTSTART;TZID=Asia/Tokyo:20160622T140000",
		"DTEND;TZID=Asia/Tokyo:20160622T110000", "DTEND;TZID=Asia/Tokyo:20160622T160000",
		"LOCATION:Tokyo\\, Japan", "LOCATION:Iikura House\\, Tokyo\\, Japan",
		"STATUS:CONFIRMED", "STATUS:CANCELLED",
	).Replace(ev)
	changed = regexp.MustCompile(`LAST-MODIFIED:\d{8}T\d{6}Z`).ReplaceAllString(changed, "LAST-MODIFIED:20160621T070000Z")
	require.NotEqual(t, ev, changed)
	file = file[:start] + changed + file[end:]

	rep, err := importICS(t, s, file, imported)
	require.NoError(t, err)
	assert.Equal(t, 0, rep.Created)
	assert.Equal(t, 1, rep.Updated)
	assert.Equal(t, 5, rep.Unchanged)
	assert.Equal(t, []ical.Change{{MeetingID: sample.TokyoRoundID, Title: before.Title}}, rep.Changes)

	after, err := s.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Equal(t, "2016-06-22 14:00 Asia/Tokyo", after.When.Text())
	assert.Equal(t, 120, after.DurationMinutes)
	assert.Equal(t, storage.StatusCancelled, after.Status)
	assert.Equal(t, [3]string{"Iikura House", "Tokyo", "Japan"}, [3]string{after.Venue, after.City, after.Country})
	// Parley-only fields are untouched.
	assert.Equal(t, before.Purpose, after.Purpose)
	assert.Equal(t, before.Participants, after.Participants)
	assert.Equal(t, before.LinesToTake, after.LinesToTake)
	assert.Equal(t, before.Questions, after.Questions)
	assert.Equal(t, before.Background, after.Background)
	assert.Equal(t, before.DisputeIDs, after.DisputeIDs)
	assert.Equal(t, before.PreviousRoundID, after.PreviousRoundID)
	assert.Equal(t, before.TrackID, after.TrackID)
	assert.Empty(t, after.ICalUID)
	// The status change is on record, with the date the meeting had.
	require.Len(t, after.StatusHistory, len(before.StatusHistory)+1)
	last := after.StatusHistory[len(after.StatusHistory)-1]
	assert.Equal(t, storage.StatusScheduled, last.From)
	assert.Equal(t, storage.StatusCancelled, last.To)
	assert.Equal(t, "2016-06-22 10:00 Asia/Tokyo", last.When.Text())
	assert.True(t, last.Recorded.Equal(imported))

	// An older copy of the calendar cannot undo it: Parley's copy is newer.
	d.Meetings = nil
	rep, err = importICS(t, s, exportICS(t, sample.Dossier()), imported.Add(time.Hour))
	require.NoError(t, err)
	require.Len(t, rep.Skipped, 1)
	assert.Contains(t, rep.Skipped[0].Reason, "an older version of the calendar entry")
	again, err := s.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Equal(t, storage.StatusCancelled, again.Status)
}

// TestImportKeepsWhatParleyWroteWhenXPropertiesAreDropped: a calendar that keeps only standard
// properties gives back stand-in days, coarse statuses and titles with Parley's markers
// ("[postponed] ", "[cancelled] "); Parley keeps its own. (The round-trip dossier rather than
// the sample alone, for its postponed, cancelled and ranged meetings.)
func TestImportKeepsWhatParleyWroteWhenXPropertiesAreDropped(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Empty(t)
	_, err := s.ImportDossier(ctx, roundTripDossier(t))
	require.NoError(t, err)
	d, err := s.Dossier(ctx)
	require.NoError(t, err)
	file := regexp.MustCompile(`(?m)^X-PARLEY-[A-Z]+:.*\r\n`).ReplaceAllString(exportICS(t, d), "")
	file = regexp.MustCompile(`(?m)^LAST-MODIFIED:.*\r\n`).ReplaceAllString(file, "")
	require.NotContains(t, file, "X-PARLEY")
	require.Contains(t, file, "SUMMARY:[cancelled] Video call with the embassy")

	rep, err := importICS(t, s, file, imported)
	require.NoError(t, err)
	assert.Equal(t, [3]int{0, 0, 10}, [3]int{rep.Created, rep.Updated, rep.Unchanged}, "%s", rep)
	assert.Empty(t, rep.Skipped)
	assert.Empty(t, rep.Conflicts)
	vlad, err := s.Meeting(ctx, sample.VladivostokID)
	require.NoError(t, err)
	assert.Equal(t, storage.InMonth(2016, time.September), vlad.When)
	assert.Equal(t, storage.StatusProposed, vlad.Status)
}

// TestImportMalformedChangesNothing: a refused file leaves the database as it was.
func TestImportMalformedChangesNothing(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Store(t)
	before := dossierJSON(t, s)
	good := exportICS(t, roundTripDossier(t))
	lines := strings.Split(good, "\r\n")

	// Everything before the calendar begins, with the BEGIN line lost: no calendar at all.
	headless := strings.Join(lines[1:], "\r\n")
	headless = strings.ReplaceAll(headless, "BEGIN:VCALENDAR", "X-LOST:1")
	for name, file := range map[string]string{
		"no BEGIN:VCALENDAR": strings.ReplaceAll(headless, "BEGIN:", "X-BEGIN:"),
		"a vCard":            "BEGIN:VCARD\r\nFN:Igor Morgulov\r\nEND:VCARD\r\n",
		"binary":             "\x00\x01\x02",
	} {
		t.Run(name, func(t *testing.T) {
			rep, err := ical.Import(ctx, s, strings.NewReader(file))
			require.Error(t, err)
			assert.True(t, errors.Is(err, ical.ErrMalformed))
			assert.Regexp(t, `^line \d+: `, err.Error())
			assert.Equal(t, ical.ImportReport{}, rep)
			assert.Equal(t, before, dossierJSON(t, s))
		})
	}
}

// TestImportStoreRefusalChangesNothing: when the store refuses one meeting, none is imported.
func TestImportStoreRefusalChangesNothing(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Empty(t)
	file := exportICS(t, sample.Dossier())
	res, err := ical.Read(strings.NewReader(file))
	require.NoError(t, err)
	require.Len(t, res.Events, 6)
	res.Events[4].Meeting.Status = "adjourned" // not a status: the store's validation refuses it
	_, err = ical.Apply(ctx, s, res, imported)
	var ve *storage.ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	stored, err := s.Meetings(ctx, storage.MeetingFilter{})
	require.NoError(t, err)
	assert.Empty(t, stored)
}

// calendar wraps events (each a list of content lines) in a VCALENDAR with CRLF line ends.
func calendar(events ...[]string) string {
	lines := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example Ministry//Exchange//EN"}
	for _, ev := range events {
		lines = append(lines, "BEGIN:VEVENT")
		lines = append(lines, ev...)
		lines = append(lines, "END:VEVENT")
	}
	lines = append(lines, "END:VCALENDAR")
	return strings.Join(lines, "\r\n") + "\r\n"
}

func importWith(t *testing.T, s *storage.Store, file string, now time.Time, takeTheirs ...string) ical.ImportReport {
	t.Helper()
	rep, err := ical.ImportWith(context.Background(), s, strings.NewReader(file), ical.Options{
		Read: ical.ReadOptions{Now: now}, Now: now, TakeTheirs: takeTheirs})
	require.NoError(t, err)
	return rep
}

func meetingByUID(t *testing.T, s *storage.Store, uid string) storage.Meeting {
	t.Helper()
	m, err := s.MeetingByICalUID(context.Background(), uid)
	require.NoError(t, err, uid)
	return m
}

// TestImportUpdateRule follows one invitation through its versions: the organiser's update
// after the import applies; after a user's edit in Parley the next update is kept back and
// reported with both versions; --take-theirs then applies it; an older copy changes nothing;
// and a SEQUENCE raised without a change of content is kept.
func TestImportUpdateRule(t *testing.T) {
	const uid = "040000008200E00074C5B7101A82E00800000000TOKYO@mofa.example"
	invite := func(seq int, modified, start, location string) string {
		return calendar([]string{
			"UID:" + uid, "DTSTAMP:" + modified, "LAST-MODIFIED:" + modified, fmt.Sprintf("SEQUENCE:%d", seq),
			"DTSTART;TZID=Asia/Tokyo:" + start, "DURATION:PT2H", "SUMMARY:Peace treaty consultations",
			"LOCATION:" + location, "ORGANIZER;CN=MOFA Protocol:mailto:protocol@mofa.example",
		})
	}
	v1 := invite(0, "20160601T000000Z", "20160622T100000", "Iikura House")
	v2 := invite(1, "20160605T000000Z", "20160622T140000", "Iikura House")
	v3 := invite(2, "20160610T000000Z", "20160622T140000", "MOFA\\, Kasumigaseki")
	v3again := invite(3, "20160611T000000Z", "20160622T140000", "MOFA\\, Kasumigaseki")

	s := sampletest.Empty(t)
	ctx := context.Background()
	var firstID string
	base := time.Date(2016, time.June, 1, 9, 0, 0, 0, time.UTC)
	for i, step := range []struct {
		name       string
		file       string
		edit       func(m *storage.Meeting) // a change made in Parley before the import
		takeTheirs []string
		// created, updated, unchanged, conflicts, skipped
		want  [5]int
		check func(t *testing.T, m storage.Meeting, rep ical.ImportReport)
	}{
		{name: "first import", file: v1, want: [5]int{1, 0, 0, 0, 0},
			check: func(t *testing.T, m storage.Meeting, _ ical.ImportReport) {
				assert.Equal(t, "2016-06-22 10:00 Asia/Tokyo", m.When.Text())
				assert.Equal(t, 0, m.Calendar.Sequence)
				assert.True(t, m.Calendar.Modified.Equal(time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC)))
				assert.False(t, m.EditedSinceImport())
			}},
		{name: "the same file again", file: v1, want: [5]int{0, 0, 1, 0, 0}},
		{name: "the organiser's update applies", file: v2, want: [5]int{0, 1, 0, 0, 0},
			check: func(t *testing.T, m storage.Meeting, _ ical.ImportReport) {
				assert.Equal(t, "2016-06-22 14:00 Asia/Tokyo", m.When.Text())
				assert.Equal(t, 1, m.Calendar.Sequence)
				assert.False(t, m.EditedSinceImport(), "an update from the calendar is not an edit in Parley")
				assert.True(t, m.Calendar.Synced.Equal(m.Updated))
			}},
		{name: "edited in Parley, the next update is kept back",
			edit: func(m *storage.Meeting) {
				m.Title = "Peace treaty consultations, round 2"
				m.Objectives = []string{"Agree the date of the next summit"}
			},
			file: v3, want: [5]int{0, 0, 0, 1, 0},
			check: func(t *testing.T, m storage.Meeting, rep ical.ImportReport) {
				require.Len(t, rep.Conflicts, 1)
				c := rep.Conflicts[0]
				assert.Equal(t, uid, c.UID)
				assert.Equal(t, m.ID, c.MeetingID)
				assert.Equal(t, 4, c.Line)
				// Both versions: Parley's title and edit time, and what the organiser's says.
				assert.Equal(t, "Peace treaty consultations, round 2", c.Title)
				assert.True(t, c.Edited.Equal(m.Updated))
				assert.Equal(t, "“Peace treaty consultations”, Wed 22 Jun 2016, 14:00 JST, MOFA, Kasumigaseki, scheduled", c.Theirs)
				text := rep.String()
				assert.Contains(t, text, "1 kept as edited in Parley")
				assert.Contains(t, text, "Kept Parley's version, line 4: “Peace treaty consultations, round 2” was edited in Parley")
				assert.Contains(t, text, "To take it: --take-theirs "+uid)
				// Parley's version stands, and so does the entry last applied.
				assert.Equal(t, "Iikura House", m.Venue)
				assert.Equal(t, 1, m.Calendar.Sequence)
				assert.True(t, m.EditedSinceImport())
			}},
		{name: "--take-theirs applies it", file: v3, takeTheirs: []string{uid}, want: [5]int{0, 1, 0, 0, 0},
			check: func(t *testing.T, m storage.Meeting, rep ical.ImportReport) {
				assert.Empty(t, rep.Conflicts)
				assert.Equal(t, "Peace treaty consultations", m.Title)
				assert.Equal(t, "MOFA, Kasumigaseki", m.Venue)
				assert.Equal(t, []string{"Agree the date of the next summit"}, m.Objectives, "what only Parley holds is kept")
				assert.Equal(t, 2, m.Calendar.Sequence)
				assert.False(t, m.EditedSinceImport())
			}},
		{name: "an older copy changes nothing", file: v2, want: [5]int{0, 0, 0, 0, 1},
			check: func(t *testing.T, m storage.Meeting, rep ical.ImportReport) {
				assert.Contains(t, rep.Skipped[0].Reason, "an older version of the calendar entry")
				assert.Equal(t, "MOFA, Kasumigaseki", m.Venue)
			}},
		{name: "a raised SEQUENCE alone is kept", file: v3again, want: [5]int{0, 0, 1, 0, 0},
			check: func(t *testing.T, m storage.Meeting, _ ical.ImportReport) {
				assert.Equal(t, 3, m.Calendar.Sequence)
				assert.True(t, m.Calendar.Modified.Equal(time.Date(2016, 6, 11, 0, 0, 0, 0, time.UTC)))
				assert.False(t, m.EditedSinceImport())
			}},
		{name: "after it, the previous version is older", file: v3, want: [5]int{0, 0, 1, 0, 0},
			check: func(t *testing.T, m storage.Meeting, _ ical.ImportReport) {
				assert.Equal(t, 3, m.Calendar.Sequence)
			}},
	} {
		at := base.Add(time.Duration(i+1) * time.Hour)
		t.Run(step.name, func(t *testing.T) {
			if step.edit != nil {
				m := meetingByUID(t, s, uid)
				step.edit(&m)
				s.SetClock(func() time.Time { return at.Add(-30 * time.Minute) })
				require.NoError(t, s.UpdateMeeting(ctx, &m))
			}
			rep := importWith(t, s, step.file, at, step.takeTheirs...)
			assert.Equal(t, step.want, [5]int{rep.Created, rep.Updated, rep.Unchanged, len(rep.Conflicts), len(rep.Skipped)}, "%s", rep)
			m := meetingByUID(t, s, uid)
			if firstID == "" {
				firstID = m.ID
			}
			assert.Equal(t, firstID, m.ID, "always the same meeting")
			if step.check != nil {
				step.check(t, m, rep)
			}
		})
	}
}

// TestImportSeriesOverrides: a changed occurrence (RECURRENCE-ID) replaces the one it changes —
// a moved one moves, a cancelled one becomes a cancelled meeting — and an occurrence the series
// leaves out (EXDATE) gives no meeting, or cancels the one an earlier import made.
func TestImportSeriesOverrides(t *testing.T) {
	const uid = "weekly-consultations@mofa.example"
	series := func(seq int, extra ...string) []string {
		return append([]string{"UID:" + uid, fmt.Sprintf("SEQUENCE:%d", seq),
			"DTSTART;TZID=Asia/Tokyo:20160606T100000", "DTEND;TZID=Asia/Tokyo:20160606T110000",
			"RRULE:FREQ=WEEKLY;COUNT=4", "SUMMARY:Weekly consultations"}, extra...)
	}
	moved := []string{"UID:" + uid, "RECURRENCE-ID;TZID=Asia/Tokyo:20160613T100000",
		"DTSTART;TZID=Asia/Tokyo:20160614T150000", "DTEND;TZID=Asia/Tokyo:20160614T160000", "SUMMARY:Weekly consultations (moved)"}
	cancelled := []string{"UID:" + uid, "RECURRENCE-ID;TZID=Asia/Tokyo:20160620T100000",
		"DTSTART;TZID=Asia/Tokyo:20160620T100000", "DTEND;TZID=Asia/Tokyo:20160620T110000",
		"SUMMARY:Weekly consultations", "STATUS:CANCELLED"}
	v1 := calendar(series(0), moved, cancelled)
	v2 := calendar(series(1, "EXDATE;TZID=Asia/Tokyo:20160627T100000"), moved, cancelled)

	type want struct {
		when   string
		status storage.Status
	}
	occurrence := func(utc string) string { return uid + "#" + utc }
	for _, tc := range []struct {
		name      string
		files     []string
		cancelled int // Report.Cancelled of the last import
		want      map[string]want
		absent    []string
	}{
		{"moved and cancelled occurrences", []string{v1}, 0, map[string]want{
			occurrence("20160606T010000Z"): {"2016-06-06 10:00 Asia/Tokyo", storage.StatusScheduled},
			occurrence("20160613T010000Z"): {"2016-06-14 15:00 Asia/Tokyo", storage.StatusScheduled},
			occurrence("20160620T010000Z"): {"2016-06-20 10:00 Asia/Tokyo", storage.StatusCancelled},
			occurrence("20160627T010000Z"): {"2016-06-27 10:00 Asia/Tokyo", storage.StatusScheduled},
		}, nil},
		{"EXDATE in a later version cancels the meeting", []string{v1, v2}, 1, map[string]want{
			occurrence("20160606T010000Z"): {"2016-06-06 10:00 Asia/Tokyo", storage.StatusScheduled},
			occurrence("20160613T010000Z"): {"2016-06-14 15:00 Asia/Tokyo", storage.StatusScheduled},
			occurrence("20160620T010000Z"): {"2016-06-20 10:00 Asia/Tokyo", storage.StatusCancelled},
			occurrence("20160627T010000Z"): {"2016-06-27 10:00 Asia/Tokyo", storage.StatusCancelled},
		}, nil},
		{"EXDATE in the first import gives no meeting", []string{v2}, 0, map[string]want{
			occurrence("20160606T010000Z"): {"2016-06-06 10:00 Asia/Tokyo", storage.StatusScheduled},
			occurrence("20160613T010000Z"): {"2016-06-14 15:00 Asia/Tokyo", storage.StatusScheduled},
			occurrence("20160620T010000Z"): {"2016-06-20 10:00 Asia/Tokyo", storage.StatusCancelled},
		}, []string{occurrence("20160627T010000Z")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s := sampletest.Empty(t)
			var rep ical.ImportReport
			for i, f := range tc.files {
				rep = importWith(t, s, f, time.Date(2016, 6, 1, 9+i, 0, 0, 0, time.UTC))
				assert.Equal(t, 1, rep.Series)
			}
			assert.Equal(t, tc.cancelled, rep.Cancelled, "%s", rep)
			all, err := s.Meetings(ctx, storage.MeetingFilter{})
			require.NoError(t, err)
			assert.Len(t, all, len(tc.want))
			for u, w := range tc.want {
				m := meetingByUID(t, s, u)
				assert.Equal(t, w.when, m.When.Text(), u)
				assert.Equal(t, w.status, m.Status, u)
			}
			for _, u := range tc.absent {
				_, err := s.MeetingByICalUID(ctx, u)
				assert.ErrorIs(t, err, storage.ErrNotFound, u)
			}
			if len(tc.files) > 1 {
				m := meetingByUID(t, s, occurrence("20160627T010000Z"))
				require.NotEmpty(t, m.StatusHistory)
				last := m.StatusHistory[len(m.StatusHistory)-1]
				assert.Equal(t, storage.StatusScheduled, last.From)
				assert.Equal(t, storage.StatusCancelled, last.To)
			}
		})
	}
}

// TestImportAttendees: ORGANIZER and ATTENDEE become participants when an actor's name, name in
// its own script or one of its other names (an e-mail address among them) matches; the others
// are listed, and importing again adds no one twice.
func TestImportAttendees(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Empty(t)
	actors := map[string]*storage.Actor{
		"morgulov":  {Name: "Igor Morgulov", NativeName: "Игорь Моргулов"},
		"harada":    {Name: "Chikahito Harada", NativeName: "原田親仁"},
		"kishida":   {Name: "Fumio Kishida", NativeName: "岸田文雄", OtherNames: []string{"Kishida Fumio"}},
		"zakharova": {Name: "Maria Zakharova", OtherNames: []string{"Мария Захарова", "Zakharova@MID.example"}},
	}
	for _, a := range actors {
		a.Kind = storage.ActorPerson
		require.NoError(t, s.CreateActor(ctx, a))
	}
	for _, tc := range []struct {
		line  string
		actor string // "" when no actor matches
		role  storage.Role
		shown string // as the report lists an unmatched one
	}{
		{"ORGANIZER;CN=Igor Morgulov:mailto:morgulov@mid.example", "morgulov", storage.RoleHost, ""},
		{"ATTENDEE;ROLE=CHAIR;CN=原田親仁:mailto:harada@mofa.example", "harada", storage.RoleHead, ""},
		{`ATTENDEE;ROLE=OPT-PARTICIPANT;CN="kishida  fumio":mailto:fk@mofa.example`, "kishida", storage.RoleObserver, ""},
		{"ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Press office:mailto:zakharova@mid.example", "zakharova", storage.RoleMember, ""},
		{"ATTENDEE;CN=Jane Doe:mailto:jane@example.org", "", "", "Jane Doe <jane@example.org>"},
		{"ATTENDEE:mailto:someone@example.org", "", "", "someone@example.org"},
	} {
		t.Run(tc.line, func(t *testing.T) {
			file := calendar([]string{"UID:talks@mid.example", "DTSTART:20160622T010000Z", "SUMMARY:Consultations", tc.line})
			for i := range 2 {
				rep := importWith(t, s, file, time.Date(2016, 6, 1, 9+i, 0, 0, 0, time.UTC))
				m := meetingByUID(t, s, "talks@mid.example")
				if tc.actor == "" {
					assert.Equal(t, []string{tc.shown}, rep.Unmatched)
					assert.Contains(t, rep.String(), "Not matched to an actor (add them as actors to link them): "+tc.shown)
					continue
				}
				assert.Empty(t, rep.Unmatched)
				var got []storage.Participant
				for _, p := range m.Participants {
					if p.ActorID == actors[tc.actor].ID {
						got = append(got, p)
					}
				}
				require.Len(t, got, 1, "once, however often the file is imported")
				assert.Equal(t, tc.role, got[0].Role)
			}
		})
	}
}

// TestImportTolerant: a bad line or a bad event costs only that line or event, named in the
// report with its line; a refused file leaves the dossier exactly as it was.
func TestImportTolerant(t *testing.T) {
	ctx := context.Background()
	good := []string{"UID:dinner@example.org", "DTSTART;VALUE=DATE:20160623", "SUMMARY:Working dinner"}
	for _, tc := range []struct {
		name    string
		file    string
		created int
		line    int // of the report's note or skipped item
		reason  string
		refused bool
	}{
		{"a bad line", calendar([]string{"UID:talks@example.org", "DTSTART;VALUE=DATE:20160622", "SUMMARY Talks", "SUMMARY:Talks"}, good),
			2, 7, "skipped: SUMMARY: the colon before the value is missing", false},
		{"a bad event", calendar([]string{"UID:talks@example.org", `DTSTART;TZID="Asia/Tokyo:20160622T100000`, "SUMMARY:Talks"}, good),
			1, 4, "“Talks”: no start date (DTSTART)", false},
		{"an unreadable start", calendar([]string{"UID:talks@example.org", "DTSTART:22 June 2016", "SUMMARY:Talks"}, good),
			1, 4, "DTSTART: \"22 June 2016\" is not a time", false},
		{"a cut-short event", strings.TrimSuffix(calendar(good), "END:VEVENT\r\nEND:VCALENDAR\r\n"),
			0, 4, "the event is not closed", false},
		{"not a calendar", "BEGIN:VCARD\r\nFN:Igor Morgulov\r\nEND:VCARD\r\n", 0, 1, "no BEGIN:VCALENDAR", true},
		{"empty", "\r\n\r\n", 0, 1, "the file is empty", true},
		{"a calendar behind binary bytes", "\x00BEGIN:VCALENDAR\r\n", 0, 1, "binary data", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sampletest.Store(t)
			before := dossierJSON(t, s)
			rep, err := ical.ImportWith(ctx, s, strings.NewReader(tc.file), ical.Options{Now: imported})
			if tc.refused {
				require.ErrorIs(t, err, ical.ErrMalformed)
				assert.Equal(t, fmt.Sprintf("line %d: ", tc.line), err.Error()[:len(fmt.Sprintf("line %d: ", tc.line))])
				assert.Contains(t, err.Error(), tc.reason)
				assert.Equal(t, before, dossierJSON(t, s), "a refused file changes nothing")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.created, rep.Created)
			assert.Contains(t, rep.String(), fmt.Sprintf("line %d: ", tc.line))
			assert.Contains(t, rep.String(), tc.reason)
		})
	}
}

// TestExportSequenceReachesOtherCalendars: a meeting edited in Parley goes out with a higher
// SEQUENCE, so that another dossier that imported the earlier export takes the change, and the
// earlier export cannot undo it there.
func TestExportSequenceReachesOtherCalendars(t *testing.T) {
	ctx := context.Background()
	a, b := sampletest.Empty(t), sampletest.Empty(t)
	at := time.Date(2016, time.June, 1, 9, 0, 0, 0, time.UTC)
	a.SetClock(func() time.Time { return at })
	m := storage.Meeting{Title: "Fisheries talks", Status: storage.StatusScheduled, When: storage.OnDay(2016, time.July, 4), City: "Sapporo"}
	require.NoError(t, a.CreateMeeting(ctx, &m))
	export := func(now time.Time) string {
		d, err := a.Dossier(ctx)
		require.NoError(t, err)
		var buf strings.Builder
		_, err = ical.Write(&buf, d, now)
		require.NoError(t, err)
		return buf.String()
	}
	first := export(at)
	assert.Contains(t, first, "SEQUENCE:0\r\n")
	rep := importWith(t, b, first, at.Add(time.Hour))
	require.Equal(t, 1, rep.Created)

	a.SetClock(func() time.Time { return at.Add(2 * time.Hour) })
	m.Status = storage.StatusPostponed
	require.NoError(t, a.UpdateMeeting(ctx, &m))
	second := export(at.Add(2 * time.Hour))
	assert.Contains(t, second, "SEQUENCE:7200\r\n")
	assert.Contains(t, second, "SUMMARY:[postponed] Fisheries talks\r\n")

	rep = importWith(t, b, second, at.Add(3*time.Hour))
	assert.Equal(t, [2]int{0, 1}, [2]int{rep.Created, rep.Updated}, "%s", rep)
	got := meetingByUID(t, b, m.ID+"@parley")
	assert.Equal(t, storage.StatusPostponed, got.Status)
	assert.Equal(t, "Fisheries talks", got.Title, "Parley's marker is not part of the title")
	assert.Equal(t, 7200, got.Calendar.Sequence)

	rep = importWith(t, b, first, at.Add(4*time.Hour))
	require.Len(t, rep.Skipped, 1, "%s", rep)
	assert.Contains(t, rep.Skipped[0].Reason, "an older version")
	assert.Equal(t, storage.StatusPostponed, meetingByUID(t, b, m.ID+"@parley").Status)
}

// ownZoneFile is an Outlook-style file whose zone no IANA zone agrees with: +04 in winter,
// +05 from the first Sunday of April to the first Sunday of November.
const ownZoneFile = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n" +
	"BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\n" +
	"BEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0500\r\nTZOFFSETTO:+0400\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nEND:STANDARD\r\n" +
	"BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0400\r\nTZOFFSETTO:+0500\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\r\nEND:DAYLIGHT\r\n" +
	"END:VTIMEZONE\r\n" +
	"BEGIN:VEVENT\r\nUID:wg@example.org\r\nDTSTAMP:20161001T000000Z\r\nDTSTART;TZID=\"Customized Time Zone\":20161027T100000\r\nDURATION:PT2H\r\nSUMMARY:Working group\r\nEND:VEVENT\r\n" +
	"END:VCALENDAR\r\n"

// TestOwnZoneKeptThroughImportEditAndExport: a file's zone that no IANA zone agrees with is
// stored with the meeting; a change of time made in Parley after the file's change of offset
// follows the file's rules (not a fixed offset); an export writes the zone's rules, and
// reading that export back gives the same instants in the same zone, with no second zone.
func TestOwnZoneKeptThroughImportEditAndExport(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Empty(t)
	rep, err := ical.ImportWith(ctx, s, strings.NewReader(ownZoneFile), ical.Options{Read: ical.ReadOptions{Now: time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC)}})
	require.NoError(t, err)
	require.Equal(t, 1, rep.Created, rep.String())
	require.Len(t, rep.Changes, 1)
	m, err := s.Meeting(ctx, rep.Changes[0].MeetingID)
	require.NoError(t, err)
	assert.Regexp(t, `^Customized Time Zone \[[0-9a-f]{6}\]$`, m.When.Zone)
	assert.Equal(t, "2016-10-27T05:00:00Z", m.When.At.UTC().Format(time.RFC3339))
	assert.Equal(t, "Thu 27 Oct 2016, 10:00 +05", m.When.String())
	d, err := s.Dossier(ctx)
	require.NoError(t, err)
	require.Len(t, d.Zones, 1, "the zone's rules are in the dossier")

	// Moved in Parley past the file's change of 6 November: 10:00 is now 06:00 UTC.
	m.When, err = storage.ParseFuzzyDate("2016-11-17 10:00 " + m.When.Zone)
	require.NoError(t, err)
	require.NoError(t, s.UpdateMeeting(ctx, &m))
	assert.Equal(t, "2016-11-17T06:00:00Z", m.When.At.UTC().Format(time.RFC3339))

	var out bytes.Buffer
	_, err = ical.WriteMeetings(&out, []storage.Meeting{m}, nil, time.Date(2016, 12, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	text := out.String()
	assert.Contains(t, text, "TZID:"+m.When.Zone+"\r\n")
	assert.Contains(t, text, "DTSTART;TZID="+m.When.Zone+":20161117T100000\r\n", "spaces and brackets need no quotes (RFC 5545 paramtext)")
	assert.Contains(t, text, "TZOFFSETTO:+0500")
	assert.NotContains(t, text, "X-LIC-LOCATION", "a zone of Parley's own is no IANA name")

	back, err := ical.ReadWith(strings.NewReader(text), ical.ReadOptions{Now: time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	require.Len(t, back.Events, 1)
	assert.Equal(t, m.When.Zone, back.Events[0].Meeting.When.Zone, "the zone comes back under its own name")
	assert.Equal(t, "2016-11-17T06:00:00Z", back.Events[0].Meeting.When.At.UTC().Format(time.RFC3339))
	assert.Empty(t, back.Zones, "no second zone for the same rules")
}
