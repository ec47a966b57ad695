package ical

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// crlf turns a readable calendar (one content line per source line) into iCalendar text.
func crlf(lines ...string) string { return strings.Join(lines, "\r\n") + "\r\n" }

func TestReadICSOtherCalendars(t *testing.T) {
	file := crlf(
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
		"X-WR-TIMEZONE:Europe/Berlin",
		"BEGIN:VTIMEZONE",
		"TZID:Tokyo Standard Time",
		"BEGIN:STANDARD",
		"DTSTART:16010101T000000",
		"TZOFFSETFROM:+0900",
		"TZOFFSETTO:+0900",
		"END:STANDARD",
		"END:VTIMEZONE",
		"BEGIN:VEVENT", // line 13
		"UID:040000008200E00074C5B7101A82E008000000001",
		"DTSTAMP:20160601T080000Z",
		`DTSTART;TZID="Tokyo Standard Time":20160622T100000`,
		`DTEND;TZID="Tokyo Standard Time":20160622T123000`,
		"SUMMARY:Peace treaty consultations",
		"LOCATION:Iikura House\\, Tokyo",
		"DESCRIPTION:Agenda: new approach\\; economy.\\nBring the fact sheet.",
		"STATUS:CONFIRMED",
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		"TRIGGER:-PT15M",
		"END:VALARM",
		"END:VEVENT",
		"BEGIN:VEVENT", // line 27
		"UID:weekly-sync@example.org",
		"DTSTART;TZID=Europe/Berlin:20160606T090000",
		"RRULE:FREQ=WEEKLY",
		"SUMMARY:Weekly sync",
		"END:VEVENT",
		"BEGIN:VEVENT", // line 33
		"UID:floating@example.org",
		"DTSTART:20160607T150000",
		"DURATION:PT45M",
		"SUMMARY:Floating call",
		"END:VEVENT",
		"BEGIN:VEVENT", // line 39
		"UID:no-start@example.org",
		"SUMMARY:Someday",
		"END:VEVENT",
		"BEGIN:VEVENT", // line 43
		"UID:mars@example.org",
		"DTSTART;TZID=Mars/Olympus_Mons:20160608T100000",
		"SUMMARY:Conference call",
		"END:VEVENT",
		"BEGIN:VEVENT", // line 48
		"UID:conf@example.org",
		"DTSTART;VALUE=DATE:20160905",
		"DTEND;VALUE=DATE:20160908",
		"SUMMARY:Eastern Economic Forum",
		"LOCATION:Vladivostok",
		"STATUS:TENTATIVE",
		"END:VEVENT",
		"BEGIN:VTODO", // line 56
		"UID:todo@example.org",
		"SUMMARY:Book interpreters",
		"END:VTODO",
		"BEGIN:VEVENT", // line 60
		"UID:moz@example.org",
		"DTSTART;TZID=/mozilla.org/20050126_1/Europe/Moscow:20161012T110000",
		"DTEND;TZID=/mozilla.org/20050126_1/Europe/Moscow:20161012T120000",
		"SUMMARY:Round 3",
		"STATUS:CANCELLED",
		"END:VEVENT",
		"END:VCALENDAR",
	)
	res, err := ReadWith(strings.NewReader(file), ReadOptions{Now: time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC), WindowYears: 1})
	require.NoError(t, err)

	byUID := map[string]Event{}
	weekly := 0
	for _, e := range res.Events {
		if strings.HasPrefix(e.Meeting.ICalUID, "weekly-sync@example.org#") {
			weekly++
			continue
		}
		byUID[e.Meeting.ICalUID] = e
	}
	require.Len(t, byUID, 5)
	assert.Equal(t, 1, res.Series)
	assert.Greater(t, weekly, 40, "the weekly series expanded over the window")

	outlook := byUID["040000008200E00074C5B7101A82E008000000001"]
	assert.Equal(t, 13, outlook.Line)
	assert.Equal(t, "Peace treaty consultations", outlook.Meeting.Title)
	assert.Equal(t, storage.DateExact, outlook.Meeting.When.Kind)
	assert.Equal(t, "Asia/Tokyo", outlook.Meeting.When.Zone, "Windows zone name mapped to IANA")
	assert.Equal(t, "2016-06-22 10:00 Asia/Tokyo", outlook.Meeting.When.Text())
	assert.Equal(t, 150, outlook.Meeting.DurationMinutes)
	assert.Equal(t, storage.StatusScheduled, outlook.Meeting.Status)
	assert.Equal(t, "Iikura House, Tokyo", outlook.Meeting.Venue, "a foreign LOCATION is the venue")
	assert.Equal(t, "Agenda: new approach; economy.\nBring the fact sheet.", outlook.Meeting.Purpose)

	floating := byUID["floating@example.org"]
	assert.Equal(t, "2016-06-07 15:00 Europe/Berlin", floating.Meeting.When.Text(), "floating time in X-WR-TIMEZONE")
	assert.Equal(t, 45, floating.Meeting.DurationMinutes)

	conf := byUID["conf@example.org"]
	assert.Equal(t, storage.Between(storage.PartialDate{Year: 2016, Month: time.September, Day: 5},
		storage.PartialDate{Year: 2016, Month: time.September, Day: 7}), conf.Meeting.When, "a multi-day event keeps its span")
	assert.Equal(t, storage.StatusTentative, conf.Meeting.Status)

	moz := byUID["moz@example.org"]
	assert.Equal(t, "2016-10-12 11:00 Europe/Moscow", moz.Meeting.When.Text())
	assert.Equal(t, storage.StatusCancelled, moz.Meeting.Status)

	reasons := map[int]string{}
	for _, s := range res.Skipped {
		reasons[s.Line] = s.Reason
	}
	assert.Len(t, reasons, 2)
	assert.Contains(t, reasons[39], "no start date")
	assert.Contains(t, reasons[56], "to-do")
	assert.Equal(t, []string{`line 45: the time zone "Mars/Olympus_Mons" is neither defined in the file (VTIMEZONE) nor one Parley knows; the time is read in Europe/Berlin`}, res.Notes)
}

// TestReadTolerant: a fault in a line skips that line (or the event it cuts short), names the
// line, and the rest of the file comes in; only a file with no calendar at all is refused.
func TestReadTolerant(t *testing.T) {
	event := []string{"BEGIN:VEVENT", "UID:x@example.org", "DTSTART;VALUE=DATE:20160622", "SUMMARY:Talks", "END:VEVENT"}
	other := []string{"BEGIN:VEVENT", "UID:y@example.org", "DTSTART;VALUE=DATE:20160623", "SUMMARY:Dinner", "END:VEVENT"}
	cal := func(body ...string) string {
		body = append(body, other...)
		return crlf(append(append([]string{"BEGIN:VCALENDAR", "VERSION:2.0"}, body...), "END:VCALENDAR")...)
	}
	for _, tc := range []struct {
		name, file string
		events     int    // meetings read
		line       int    // of the note or skipped item
		reason     string // in it
	}{
		{"mixed case", strings.ReplaceAll(cal(event...), "BEGIN:VCALENDAR", "BEGIN:vCalendar"), 2, 0, ""},
		{"garbage line", cal(event[0], event[1], "this is not a property", event[2], event[3], event[4]),
			2, 5, "skipped: THIS: the colon before the value is missing"},
		{"missing colon", cal(event[0], event[1], event[2], "SUMMARY Talks", "SUMMARY:Talks", event[4]), 2, 6, "SUMMARY: the colon before the value is missing"},
		{"bad parameter kept", cal(event[0], event[1], "DTSTART;VALUE:20160622", event[3], event[4]), 2, 0, ""},
		{"unclosed quote skips the property", cal(event[0], event[1], `DTSTART;TZID="Asia/Tokyo:20160622T100000`, event[3], event[4]),
			1, 3, "no start date"},
		{"mismatched END", cal(event[0], event[1], event[2], event[3], "END:VTODO", event[4]), 2, 7, "END:VTODO without a matching BEGIN"},
		{"truncated event", crlf(append(append([]string{"BEGIN:VCALENDAR"}, other...), event[:3]...)...), 1, 7, "the event is not closed"},
		{"continuation first", " VERSION:2.0\r\n" + cal(event...), 2, 1, "continuation line"},
		{"control character", cal(event[0], event[1], event[2], "SUMMARY:Tal\x01ks", event[4]), 2, 0, ""},
		{"not UTF-8", cal(event[0], event[1], event[2], "SUMMARY:Talks \xff\xfe", event[4]), 2, 6, "not UTF-8"},
		{"no UID", cal(event[0], event[2], event[3], event[4]), 2, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(strings.NewReader(tc.file))
			require.NoError(t, err)
			assert.Len(t, res.Meetings(), tc.events)
			if tc.reason == "" {
				return
			}
			found := append([]string(nil), res.Notes...)
			for _, s := range res.Skipped {
				found = append(found, s.String())
			}
			assert.True(t, slices.ContainsFunc(found, func(s string) bool {
				return strings.HasPrefix(s, fmt.Sprintf("line %d: ", tc.line)) && strings.Contains(s, tc.reason)
			}), "want line %d: …%s… in %q", tc.line, tc.reason, found)
		})
	}
	for _, tc := range []struct{ name, file, reason string }{
		{"not a calendar", crlf("BEGIN:VCARD", "FN:Igor Morgulov", "END:VCARD"), "no BEGIN:VCALENDAR"},
		{"empty", "", "empty"},
		{"binary", "PK\x03\x04\x00\x00", "binary"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.file))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrMalformed)
			var me *MalformedError
			require.ErrorAs(t, err, &me)
			assert.Contains(t, err.Error(), tc.reason)
		})
	}
}

// TestDerivedUIDIsStable: an event without a UID gets the same one from the same content.
func TestDerivedUIDIsStable(t *testing.T) {
	file := crlf("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20160622", "SUMMARY:Talks", "END:VEVENT", "END:VCALENDAR")
	a, err := Read(strings.NewReader(file))
	require.NoError(t, err)
	b, err := Read(strings.NewReader(file))
	require.NoError(t, err)
	require.Len(t, a.Events, 1)
	assert.Equal(t, a.Events[0].Meeting.ICalUID, b.Events[0].Meeting.ICalUID)
	assert.True(t, strings.HasPrefix(a.Events[0].Meeting.ICalUID, "derived-"))
}

func TestReadICSFoldedAndLFOnly(t *testing.T) {
	// Folded lines (with a tab too), LF line ends and a byte-order mark are all accepted.
	file := "\ufeffBEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:fold@example.org\nDTSTART;VALUE=DATE:20\n 160622\n" +
		"SUMMARY:Peace treaty consul\n\ttations — Токио\nEND:VEVENT\nEND:VCALENDAR\n"
	res, err := Read(strings.NewReader(file))
	require.NoError(t, err)
	require.Len(t, res.Events, 1)
	assert.Equal(t, "Peace treaty consultations — Токио", res.Events[0].Meeting.Title)
	assert.Equal(t, storage.OnDay(2016, time.June, 22), res.Events[0].Meeting.When)
	assert.Equal(t, 3, res.Events[0].Line)
}

func TestParseDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"PT1H30M", 90 * time.Minute}, {"P1D", 24 * time.Hour}, {"P1W", 7 * 24 * time.Hour},
		{"P1DT2H", 26 * time.Hour}, {"-PT15M", -15 * time.Minute}, {"PT45S", 45 * time.Second},
	} {
		d, err := parseDuration(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, d, tc.in)
	}
	for _, bad := range []string{"", "P", "PT", "1H", "PT1X", "P1H", "PTH"} {
		_, err := parseDuration(bad)
		assert.Error(t, err, bad)
	}
}

// TestReadICSParleyFreeTime: the free time Parley writes for a stand-in day or a cancelled
// meeting is not kept as the entry's TRANSP, so that it does not outlive the reason for it;
// another calendar's TRANSP is kept.
func TestReadICSParleyFreeTime(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"Parley's stand-in day", []string{"UID:a@parley", "DTSTART;VALUE=DATE:20160901", "X-PARLEY-DATE:2016-09", "X-PARLEY-STATUS:proposed", "STATUS:TENTATIVE"}, ""},
		{"Parley's cancelled meeting", []string{"UID:a@parley", "DTSTART;VALUE=DATE:20160901", "X-PARLEY-STATUS:cancelled", "STATUS:CANCELLED"}, ""},
		{"another calendar's free time", []string{"UID:a@example.org", "DTSTART;VALUE=DATE:20160901", "STATUS:CANCELLED"}, "TRANSPARENT"},
		{"Parley's free day by choice", []string{"UID:a@parley", "DTSTART;VALUE=DATE:20160901", "X-PARLEY-STATUS:scheduled"}, "TRANSPARENT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := append([]string{"BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:Talks", "TRANSP:TRANSPARENT"}, tc.lines...)
			res, err := Read(strings.NewReader(crlf(append(lines, "END:VEVENT", "END:VCALENDAR")...)))
			require.NoError(t, err)
			require.Len(t, res.Events, 1)
			assert.Equal(t, tc.want, res.Events[0].Meeting.Calendar.Transp)
		})
	}
}
