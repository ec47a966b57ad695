package ical_test

import (
	"bytes"
	"context"
	"errors"
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
