package ical

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

var icsNow = time.Date(2016, time.June, 20, 0, 0, 0, 0, time.UTC)

// icsDossier is the sample dossier with meetings for what it lacks: exact times in Moscow
// (a zone whose rules changed in 2014), London (summer time) and UTC, a range, a postponed and
// a cancelled meeting, one without a date, and text that needs escaping and folding.
func icsDossier(t *testing.T) *storage.Dossier {
	t.Helper()
	d := sample.Dossier()
	exact := func(s string) storage.FuzzyDate {
		f, err := storage.ParseFuzzyDate(s)
		require.NoError(t, err)
		return f
	}
	extra := []storage.Meeting{
		{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e01", Title: "Peace treaty consultations, round 3 — Moscow",
			Status: storage.StatusScheduled, When: exact("2016-10-12 11:00 Europe/Moscow"), DurationMinutes: 150,
			Venue: "Osobnyak, Spiridonovka 17", City: "Moscow", Country: "Russia",
			Purpose: "Third round; agenda: \"joint economic activity\", fisheries, visa-free visits.\n\nSecond paragraph, with a backslash \\ and Южные Курилы / 北方領土 in a line long enough to be folded more than once by the writer."},
		{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e02", Title: "G7 sherpa call",
			Status: storage.StatusHeld, When: exact("2016-03-27 09:30 Europe/London"), City: "London"},
		{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e03", Title: "Video call with the embassy",
			Status: storage.StatusCancelled, When: exact("2016-06-21 06:00 UTC"), DurationMinutes: 30},
		{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e04", Title: "Working-level follow-up",
			Status: storage.StatusProposed, When: exact("2016-11-01..2016-11-15"), City: "Tokyo", Country: "Japan"},
		{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e05", Title: "Fisheries talks",
			Status: storage.StatusPostponed, When: storage.OnDay(2016, time.July, 4), City: "Sapporo"},
		{ID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e06", Title: "Round 4 — place and date to be agreed",
			Status: storage.StatusProposed},
	}
	for i := range extra {
		extra[i].Created, extra[i].Updated = icsNow.Add(-time.Hour), icsNow.Add(-time.Hour)
	}
	d.Meetings = append(d.Meetings, extra...)
	return d
}

func writeICS(t *testing.T, d *storage.Dossier) (string, WriteReport) {
	t.Helper()
	var b bytes.Buffer
	rep, err := Write(&b, d, icsNow)
	require.NoError(t, err)
	return b.String(), rep
}

// unfold returns the content lines of an iCalendar text.
func unfold(s string) []string {
	s = strings.ReplaceAll(s, "\r\n ", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

// events returns each VEVENT's content lines.
func events(s string) [][]string {
	var out [][]string
	var cur []string
	for _, l := range unfold(s) {
		switch {
		case l == "BEGIN:VEVENT":
			cur = []string{}
		case l == "END:VEVENT":
			out = append(out, cur)
			cur = nil
		case cur != nil:
			cur = append(cur, l)
		}
	}
	return out
}

// prop finds the first line of a property (name with or without parameters).
func prop(lines []string, name string) string {
	for _, l := range lines {
		if strings.HasPrefix(l, name+":") || strings.HasPrefix(l, name+";") {
			return l
		}
	}
	return ""
}

func eventByUID(t *testing.T, s, uid string) []string {
	t.Helper()
	for _, ev := range events(s) {
		if prop(ev, "UID") == "UID:"+uid {
			return ev
		}
	}
	t.Fatalf("no event with UID %s", uid)
	return nil
}

func TestWriteICSLinesAreStrict(t *testing.T) {
	out, rep := writeICS(t, icsDossier(t))
	require.True(t, strings.HasSuffix(out, "END:VCALENDAR\r\n"))
	assert.Equal(t, 0, strings.Count(strings.ReplaceAll(out, "\r\n", ""), "\n"), "bare LF")
	assert.Equal(t, 0, strings.Count(strings.ReplaceAll(out, "\r\n", ""), "\r"), "bare CR")
	physical := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	folded := 0
	for i, l := range physical {
		assert.LessOrEqual(t, len(l), 75, "line %d is %d octets: %q", i+1, len(l), l)
		assert.True(t, utf8.ValidString(l), "line %d splits a UTF-8 sequence: %q", i+1, l)
		if strings.HasPrefix(l, " ") {
			folded++
		} else {
			assert.Regexp(t, `^[A-Z][A-Z0-9-]*[;:]`, l, "line %d is neither a content line nor a continuation", i+1)
		}
	}
	assert.Greater(t, folded, 3, "the long descriptions must have been folded")

	// Header and one VEVENT per dated meeting.
	lines := unfold(out)
	assert.Equal(t, []string{"BEGIN:VCALENDAR", "VERSION:2.0"}, lines[:2])
	assert.Contains(t, lines, "PRODID:-//Parley//Parley negotiation dossier//EN")
	assert.Contains(t, lines, "CALSCALE:GREGORIAN")
	assert.Len(t, events(out), rep.Events)
	assert.Equal(t, 11, rep.Events)
	assert.Equal(t, []SkippedMeeting{{MeetingID: "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e06",
		Title: "Round 4 — place and date to be agreed", Reason: "no date yet"}}, rep.Skipped)

	// Every TZID used has a VTIMEZONE and every VTIMEZONE is used.
	used := map[string]bool{}
	defined := map[string]bool{}
	tzParam := regexp.MustCompile(`;TZID=([^;:]+)`)
	for _, l := range lines {
		if m := tzParam.FindStringSubmatch(l); m != nil {
			used[m[1]] = true
		}
		if v, ok := strings.CutPrefix(l, "TZID:"); ok {
			defined[v] = true
		}
	}
	assert.Equal(t, map[string]bool{"Asia/Tokyo": true, "Europe/Moscow": true, "Europe/London": true}, used)
	assert.Equal(t, used, defined)
	assert.Equal(t, []string{"Asia/Tokyo", "Europe/London", "Europe/Moscow"}, rep.Zones)

	// The same input gives the same bytes.
	again, _ := writeICS(t, icsDossier(t))
	assert.Equal(t, out, again)
}

func TestWriteICSTimedEvents(t *testing.T) {
	out, _ := writeICS(t, icsDossier(t))
	tokyo := eventByUID(t, out, sample.TokyoRoundID+"@parley")
	assert.Equal(t, "DTSTART;TZID=Asia/Tokyo:20160622T100000", prop(tokyo, "DTSTART"))
	assert.Equal(t, "DTEND;TZID=Asia/Tokyo:20160622T110000", prop(tokyo, "DTEND"), "default length")
	assert.Equal(t, "X-PARLEY-DURATION:unknown", prop(tokyo, "X-PARLEY-DURATION"))
	assert.Equal(t, "STATUS:CONFIRMED", prop(tokyo, "STATUS"))
	assert.Equal(t, "SUMMARY:Peace treaty consultations\\, round 2 — Tokyo", prop(tokyo, "SUMMARY"))
	assert.Equal(t, "LOCATION:Tokyo\\, Japan", prop(tokyo, "LOCATION"))
	assert.Equal(t, "DTSTAMP:20160620T000000Z", prop(tokyo, "DTSTAMP"))
	desc := prop(tokyo, "DESCRIPTION")
	assert.Contains(t, desc, `\n\nPurpose:\n[Illustrative] Second round`)
	assert.Contains(t, desc, `\n\nParticipants:\n- Chikahito Harada`)
	assert.Contains(t, desc, "Игорь Моргулов")

	moscow := eventByUID(t, out, "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e01@parley")
	assert.Equal(t, "DTSTART;TZID=Europe/Moscow:20161012T110000", prop(moscow, "DTSTART"))
	assert.Equal(t, "DTEND;TZID=Europe/Moscow:20161012T133000", prop(moscow, "DTEND"))
	assert.Empty(t, prop(moscow, "X-PARLEY-DURATION"))
	assert.Contains(t, prop(moscow, "DESCRIPTION"), `Third round\; agenda: "joint economic activity"\, fisheries\, visa-free visits.\n\nSecond paragraph\, with a backslash \\ and`)

	utc := eventByUID(t, out, "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e03@parley")
	assert.Equal(t, "DTSTART:20160621T060000Z", prop(utc, "DTSTART"))
	assert.Equal(t, "DTEND:20160621T063000Z", prop(utc, "DTEND"))
	assert.Equal(t, "STATUS:CANCELLED", prop(utc, "STATUS"))
	assert.Equal(t, "TRANSP:TRANSPARENT", prop(utc, "TRANSP"))

	postponed := eventByUID(t, out, "9d2f6a55-1f3e-4c1e-9d0e-2a6b3c4d5e05@parley")
	assert.Equal(t, "STATUS:TENTATIVE", prop(postponed, "STATUS"))
	assert.Equal(t, "SUMMARY:[postponed] Fisheries talks", prop(postponed, "SUMMARY"))
	assert.Contains(t, prop(postponed, "DESCRIPTION"), "Status: postponed.")
	assert.Equal(t, "X-PARLEY-STATUS:postponed", prop(postponed, "X-PARLEY-STATUS"))
}

// TestWriteICSFuzzyDatePolicy: a date not known to the day becomes a whole-day event on the day
// Parley shows it (the first possible day; a deadline's last), never a time, shown as free
// time, with the uncertainty spelled out; TENTATIVE unless it was held or cancelled.
func TestWriteICSFuzzyDatePolicy(t *testing.T) {
	for _, tc := range []struct {
		name, when   string
		status       storage.Status
		start, end   string
		icalStatus   string
		busy         string // X-MICROSOFT-CDO-BUSYSTATUS
		marker, note string // "" when the date is exact to the day
	}{
		{"month", "2016-09", storage.StatusScheduled, "20160901", "20160902", "TENTATIVE", "FREE",
			"[date not fixed: Sep 2016] ", "Date not fixed: Sep 2016. Shown on Thu 1 Sep 2016\\, the first possible day."},
		{"year", "2017", storage.StatusProposed, "20170101", "20170102", "TENTATIVE", "FREE",
			"[date not fixed: 2017] ", "Date not fixed: 2017. Shown on Sun 1 Jan 2017\\, the first possible day."},
		// A deadline is shown on the day it falls due (as Parley's lists show it), not at
		// the start of its period: "by end of 2016" on 1 January would read as early.
		{"by year", "by 2016", storage.StatusTentative, "20161231", "20170101", "TENTATIVE", "FREE",
			"[date not fixed: by end of 2016] ", "Date not fixed: by end of 2016. Shown on Sat 31 Dec 2016\\, the last possible day."},
		{"by month", "by 2016-12", storage.StatusScheduled, "20161231", "20170101", "TENTATIVE", "FREE",
			"[date not fixed: by end of Dec 2016] ", "the last possible day"},
		{"by day", "by 2016-12-15", storage.StatusScheduled, "20161215", "20161216", "TENTATIVE", "FREE",
			"[date not fixed: by 15 Dec 2016] ", "Date not fixed: by 15 Dec 2016."},
		{"range", "2016-09-01..2016-09-03", storage.StatusProposed, "20160901", "20160902", "TENTATIVE", "FREE",
			"[date not fixed: 1–3 Sep 2016] ", "Date not fixed: 1–3 Sep 2016. Shown on Thu 1 Sep 2016\\, the first possible day."},
		// A held meeting took place: it is not tentative because its day is not recorded.
		{"held month", "2015-10", storage.StatusHeld, "20151001", "20151002", "CONFIRMED", "FREE",
			"[date not fixed: Oct 2015] ", "Date not fixed: Oct 2015."},
		{"cancelled month", "2016-09", storage.StatusCancelled, "20160901", "20160902", "CANCELLED", "FREE",
			"[cancelled] [date not fixed: Sep 2016] ", "Date not fixed: Sep 2016."},
		{"approximate year", "c. 2016", storage.StatusProposed, "20160101", "20160102", "TENTATIVE", "FREE",
			"[date not fixed: c. 2016] ", "Date not fixed: c. 2016. Shown on Fri 1 Jan 2016\\, the first possible day."},
		{"day", "2016-06-16", storage.StatusHeld, "20160616", "20160617", "CONFIRMED", "BUSY", "", ""},
		{"tentative day", "2016-06-16", storage.StatusTentative, "20160616", "20160617", "TENTATIVE", "TENTATIVE", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			when, err := storage.ParseFuzzyDate(tc.when)
			require.NoError(t, err)
			m := storage.Meeting{ID: "5b0f7c1e-0000-4000-8000-000000000001", Title: "Leaders' meeting", Status: tc.status, When: when}
			var b bytes.Buffer
			_, err = WriteMeetings(&b, []storage.Meeting{m}, nil, icsNow)
			require.NoError(t, err)
			ev := events(b.String())[0]
			assert.Equal(t, "DTSTART;VALUE=DATE:"+tc.start, prop(ev, "DTSTART"))
			assert.Equal(t, "DTEND;VALUE=DATE:"+tc.end, prop(ev, "DTEND"))
			assert.Equal(t, "STATUS:"+tc.icalStatus, prop(ev, "STATUS"))
			assert.Equal(t, "X-MICROSOFT-CDO-BUSYSTATUS:"+tc.busy, prop(ev, "X-MICROSOFT-CDO-BUSYSTATUS"))
			assert.Equal(t, "SUMMARY:"+tc.marker+"Leaders' meeting", prop(ev, "SUMMARY"))
			assert.NotContains(t, b.String(), "VTIMEZONE")
			if tc.marker == "" {
				assert.Empty(t, prop(ev, "X-PARLEY-DATE"))
				assert.NotContains(t, prop(ev, "DESCRIPTION"), "not fixed")
				return
			}
			assert.Equal(t, "X-PARLEY-DATE:"+when.Text(), prop(ev, "X-PARLEY-DATE"))
			assert.Contains(t, prop(ev, "DESCRIPTION"), tc.note)
			assert.Equal(t, "TRANSP:TRANSPARENT", prop(ev, "TRANSP"))

			// Read back, the event gives the same date and status.
			res, err := Read(&b)
			require.NoError(t, err)
			require.Len(t, res.Events, 1)
			assert.Equal(t, when, res.Events[0].Meeting.When)
			assert.Equal(t, tc.status, res.Events[0].Meeting.Status)
			assert.Equal(t, "Leaders' meeting", res.Events[0].Meeting.Title)
		})
	}
}

// TestReadICSDeadlineOnItsFirstDay: a file from an earlier Parley, which showed a deadline on
// the first day of its period, still gives back the deadline.
func TestReadICSDeadlineOnItsFirstDay(t *testing.T) {
	file := crlf("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:5b0f7c1e-0000-4000-8000-000000000001@parley",
		"DTSTART;VALUE=DATE:20160101", "DTEND;VALUE=DATE:20160102", "X-PARLEY-DATE:by 2016",
		"SUMMARY:[date not fixed: by end of 2016] Leaders' meeting", "STATUS:TENTATIVE", "X-PARLEY-STATUS:tentative",
		"END:VEVENT", "END:VCALENDAR")
	res, err := Read(strings.NewReader(file))
	require.NoError(t, err)
	require.Len(t, res.Events, 1)
	assert.Empty(t, res.Notes)
	assert.Equal(t, storage.By(storage.PartialDate{Year: 2016}), res.Events[0].Meeting.When)
}

// vtimezones reads the VTIMEZONEs of a written calendar with the package's reader (RRULEs
// expanded by rrule-go), by TZID, with each one's observances as content lines.
func vtimezones(t *testing.T, out string) (map[string]*fileZone, map[string][][]string) {
	t.Helper()
	cals, problems, err := parse([]byte(out))
	require.NoError(t, err)
	require.Empty(t, problems)
	zones, obs := map[string]*fileZone{}, map[string][][]string{}
	for _, n := range cals[0].subs {
		if n.name != "VTIMEZONE" {
			continue
		}
		z, ok := readFileZone(n)
		require.True(t, ok)
		zones[z.tzid] = z
		for _, o := range n.subs {
			lines := []string{o.name}
			for _, p := range o.props {
				lines = append(lines, p.name+":"+p.value)
			}
			obs[z.tzid] = append(obs[z.tzid], lines)
		}
	}
	return zones, obs
}

// agreesWithGo checks that a written zone gives Go's offset at every change of the zone in the
// years, a second either side of it, and at the middle of every month.
func agreesWithGo(t *testing.T, z *fileZone, from, to int) {
	t.Helper()
	loc, err := time.LoadLocation(z.tzid)
	require.NoError(t, err)
	check := func(u time.Time) {
		_, want := u.In(loc).Zone()
		assert.Equal(t, want, z.offsetAt(u), "%s at %s", z.tzid, u.Format(time.RFC3339))
	}
	start := time.Date(from, time.January, 1, 0, 0, 0, 0, loc)
	end := time.Date(to+1, time.January, 1, 0, 0, 0, 0, loc)
	for m := start; m.Before(end); m = m.AddDate(0, 1, 0) {
		check(m.AddDate(0, 0, 14))
	}
	for u := start; ; {
		_, next := u.ZoneBounds()
		if next.IsZero() || !next.Before(end) {
			break
		}
		check(next)
		check(next.Add(-time.Second))
		u = next
	}
}

// TestWriteICSTimezonesMatchGo reads the VTIMEZONE blocks back and checks that each gives Go's
// offsets over the years of its meetings, that every event's local time means the same
// instant through it as through Go's zone database, and that zones come in Outlook's compact
// form.
func TestWriteICSTimezonesMatchGo(t *testing.T) {
	out, _ := writeICS(t, icsDossier(t))
	zones, obs := vtimezones(t, out)
	require.Len(t, zones, 3)
	for _, z := range zones {
		agreesWithGo(t, z, 2016, 2016)
	}
	assert.Equal(t, [][]string{{"STANDARD", "DTSTART:19510909T010000", "TZOFFSETFROM:+1000", "TZOFFSETTO:+0900", "TZNAME:JST"}},
		obs["Asia/Tokyo"], "no DST in Japan since 1951: one STANDARD")
	assert.Equal(t, [][]string{{"STANDARD", "DTSTART:20141026T020000", "TZOFFSETFROM:+0400", "TZOFFSETTO:+0300", "TZNAME:MSK"}},
		obs["Europe/Moscow"], "2016 only: the +03 period that began on 26 Oct 2014")
	assert.Equal(t, [][]string{
		{"STANDARD", "DTSTART:20151025T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "TZNAME:GMT"},
		{"DAYLIGHT", "DTSTART:20160327T010000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "TZNAME:BST"},
	}, obs["Europe/London"], "one STANDARD and one DAYLIGHT, each with its rule")

	// Every timed event's local DTSTART resolves through the VTIMEZONE to Go's instant.
	d := icsDossier(t)
	for _, m := range d.Meetings {
		if !m.When.IsExact() || m.When.Zone == "UTC" {
			continue
		}
		ev := eventByUID(t, out, eventUID(m))
		_, local, _ := strings.Cut(prop(ev, "DTSTART"), ":")
		wall, err := time.Parse("20060102T150405", local)
		require.NoError(t, err)
		assert.True(t, zones[m.When.Zone].instant(wall).Equal(m.When.At), "%s: %s", m.Title, local)
	}
}

// TestWriteICSTimezonesCompact: each zone in the form Outlook handles — one STANDARD and one
// DAYLIGHT with yearly rules, one STANDARD without daylight saving, another pair where the
// rules changed within the years — and Go's offsets throughout.
func TestWriteICSTimezonesCompact(t *testing.T) {
	for _, tc := range []struct {
		zone     string
		from, to int
		want     []string // each observance: kind, DTSTART, TZOFFSETTO, RRULE, TZNAME
	}{
		{"Europe/London", 2016, 2018, []string{
			"STANDARD 20151025T020000 +0000 FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU GMT",
			"DAYLIGHT 20160327T010000 +0100 FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU BST"}},
		// Windows' "GMT Standard Time": winter is standard time, summer daylight time, though
		// tzdata calls Irish summer time standard and winter "negative" daylight saving.
		{"Europe/Dublin", 2016, 2016, []string{
			"STANDARD 20151025T020000 +0000 FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU GMT",
			"DAYLIGHT 20160327T010000 +0100 FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU IST"}},
		{"Australia/Sydney", 2016, 2016, []string{
			"DAYLIGHT 20151004T020000 +1100 FREQ=YEARLY;BYMONTH=10;BYDAY=1SU AEDT",
			"STANDARD 20160403T030000 +1000 FREQ=YEARLY;BYMONTH=4;BYDAY=1SU AEST"}},
		{"Asia/Tokyo", 2016, 2020, []string{"STANDARD 19510909T010000 +0900 - JST"}},
		{"Europe/Moscow", 2014, 2016, []string{"STANDARD 20110327T020000 +0400 - MSK", "STANDARD 20141026T020000 +0300 - MSK"}},
		// The United States changed their rules in 2007: the old ones end with an UNTIL.
		{"America/New_York", 2006, 2008, []string{
			"STANDARD 20051030T020000 -0500 FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z EST",
			"DAYLIGHT 20060402T020000 -0400 - EDT",
			"DAYLIGHT 20070311T020000 -0400 FREQ=YEARLY;BYMONTH=3;BYDAY=2SU EDT",
			"STANDARD 20071104T020000 -0500 FREQ=YEARLY;BYMONTH=11;BYDAY=1SU EST"}},
	} {
		t.Run(tc.zone, func(t *testing.T) {
			var ms []storage.Meeting
			for y := tc.from; y <= tc.to; y++ {
				when, err := storage.ParseFuzzyDate(fmt.Sprintf("%d-07-01 10:00 %s", y, tc.zone))
				require.NoError(t, err)
				ms = append(ms, storage.Meeting{ID: fmt.Sprintf("5b0f7c1e-0000-4000-8000-%012d", y), Title: "Talks",
					Status: storage.StatusScheduled, When: when})
			}
			var b bytes.Buffer
			rep, err := WriteMeetings(&b, ms, nil, icsNow)
			require.NoError(t, err)
			assert.Equal(t, []string{tc.zone}, rep.Zones)
			zones, obs := vtimezones(t, b.String())
			var got []string
			for _, o := range obs[tc.zone] {
				field := func(name string) string {
					for _, l := range o[1:] {
						if v, ok := strings.CutPrefix(l, name+":"); ok {
							return v
						}
					}
					return "-"
				}
				got = append(got, strings.Join([]string{o[0], field("DTSTART"), field("TZOFFSETTO"), field("RRULE"), field("TZNAME")}, " "))
			}
			assert.Equal(t, tc.want, got)
			agreesWithGo(t, zones[tc.zone], tc.from, tc.to)
		})
	}
}

// TestWriteICSFoldsBetweenRunes: a summary of three-octet characters is folded at or before 75
// octets, never inside a character, and unfolds to the original.
func TestWriteICSFoldsBetweenRunes(t *testing.T) {
	title := strings.Repeat("北方領土", 30) + "x" + strings.Repeat("Ж", 50)
	m := storage.Meeting{ID: "5b0f7c1e-0000-4000-8000-000000000002", Title: title, Status: storage.StatusHeld,
		When: storage.OnDay(2016, time.June, 16)}
	var b bytes.Buffer
	_, err := WriteMeetings(&b, []storage.Meeting{m}, nil, icsNow)
	require.NoError(t, err)
	for _, l := range strings.Split(b.String(), "\r\n") {
		assert.LessOrEqual(t, len(l), 75)
		assert.True(t, utf8.ValidString(l))
	}
	assert.Equal(t, "SUMMARY:"+title, prop(events(b.String())[0], "SUMMARY"))
}

// TestWriteICSCalendarEntry: what Outlook and Google users see of an event's version and
// handling — SEQUENCE from the calendar entry and raised by every change made in Parley,
// TRANSP and CLASS as the entry had them, and a marked dossier's marking in every description
// with CLASS:CONFIDENTIAL.
func TestWriteICSCalendarEntry(t *testing.T) {
	made := time.Date(2016, time.June, 1, 9, 0, 0, 0, time.UTC)
	day := storage.OnDay(2016, time.June, 22)
	for _, tc := range []struct {
		name    string
		m       storage.Meeting
		marking string
		want    map[string]string // property → line ("" for absent)
	}{
		{"made in Parley, never changed",
			storage.Meeting{Status: storage.StatusScheduled, When: day, Created: made, Updated: made}, "",
			map[string]string{"SEQUENCE": "SEQUENCE:0", "TRANSP": "", "CLASS": "", "X-MICROSOFT-CDO-BUSYSTATUS": "X-MICROSOFT-CDO-BUSYSTATUS:BUSY"}},
		{"made in Parley, changed 90.5 seconds later",
			storage.Meeting{Status: storage.StatusScheduled, When: day, Created: made, Updated: made.Add(90500 * time.Millisecond)}, "",
			map[string]string{"SEQUENCE": "SEQUENCE:91"}},
		{"imported, not changed since",
			storage.Meeting{Status: storage.StatusScheduled, When: day, Created: made, Updated: made.Add(time.Hour),
				Calendar: storage.CalendarEntry{Sequence: 4, Synced: made.Add(time.Hour), Transp: "TRANSPARENT", Class: "PRIVATE"}}, "",
			map[string]string{"SEQUENCE": "SEQUENCE:4", "TRANSP": "TRANSP:TRANSPARENT", "CLASS": "CLASS:PRIVATE",
				"X-MICROSOFT-CDO-BUSYSTATUS": "X-MICROSOFT-CDO-BUSYSTATUS:FREE"}},
		{"imported, edited in Parley a day later",
			storage.Meeting{Status: storage.StatusScheduled, When: day, Created: made, Updated: made.Add(25 * time.Hour),
				Calendar: storage.CalendarEntry{Sequence: 4, Synced: made.Add(time.Hour), Transp: "OPAQUE", Class: "PUBLIC"}}, "",
			map[string]string{"SEQUENCE": "SEQUENCE:86404", "TRANSP": "TRANSP:OPAQUE", "CLASS": "CLASS:PUBLIC"}},
		{"imported opaque, cancelled since",
			storage.Meeting{Status: storage.StatusCancelled, When: day, Calendar: storage.CalendarEntry{Transp: "OPAQUE"}}, "",
			map[string]string{"TRANSP": "TRANSP:TRANSPARENT", "STATUS": "STATUS:CANCELLED", "SUMMARY": "SUMMARY:[cancelled] Talks",
				"X-MICROSOFT-CDO-BUSYSTATUS": "X-MICROSOFT-CDO-BUSYSTATUS:FREE"}},
		{"in a marked dossier",
			storage.Meeting{Status: storage.StatusTentative, When: day, Calendar: storage.CalendarEntry{Class: "PUBLIC"}}, "OFFICIAL-SENSITIVE",
			map[string]string{"CLASS": "CLASS:CONFIDENTIAL", "DESCRIPTION": "DESCRIPTION:Marking: OFFICIAL-SENSITIVE\\nStatus: tentative.",
				"X-MICROSOFT-CDO-BUSYSTATUS": "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.m.ID, tc.m.Title = "5b0f7c1e-0000-4000-8000-000000000003", "Talks"
			d := &storage.Dossier{Meetings: []storage.Meeting{tc.m}, Settings: map[string]string{"marking": tc.marking}}
			out, rep := writeICS(t, d)
			require.Equal(t, 1, rep.Events)
			ev := events(out)[0]
			for name, want := range tc.want {
				assert.Equal(t, want, prop(ev, name), name)
			}
		})
	}
}

// TestWriteICSCalendarHeader: no METHOD (Parley writes no ORGANIZER, which every METHOD asks
// for), and a calendar without a dated meeting is still a calendar: it holds a component.
func TestWriteICSCalendarHeader(t *testing.T) {
	out, _ := writeICS(t, icsDossier(t))
	assert.NotContains(t, out, "METHOD")
	assert.NotContains(t, out, "ORGANIZER")

	var b bytes.Buffer
	rep, err := WriteMeetings(&b, []storage.Meeting{{ID: "5b0f7c1e-0000-4000-8000-000000000004", Title: "Round 4", Status: storage.StatusProposed}}, nil, icsNow)
	require.NoError(t, err)
	assert.Zero(t, rep.Events)
	assert.Empty(t, rep.Zones)
	assert.Len(t, rep.Skipped, 1)
	lines := unfold(b.String())
	assert.Equal(t, []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Parley//Parley negotiation dossier//EN",
		"CALSCALE:GREGORIAN", "X-WR-CALNAME:Parley talks",
		"BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000",
		"TZNAME:UTC", "END:STANDARD", "END:VTIMEZONE", "END:VCALENDAR"}, lines)
	res, err := Read(&b)
	require.NoError(t, err)
	assert.Empty(t, res.Events)
	assert.Empty(t, res.Skipped)
	assert.Empty(t, res.Notes)
}
