package ical_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/ical"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

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
