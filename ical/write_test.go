package ical

import (
	"bytes"
	"regexp"
	"strconv"
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

// TestWriteICSFuzzyDatePolicy: a date not known to the day becomes a whole-day TENTATIVE
// event on its first possible day, never a time, with the uncertainty spelled out.
func TestWriteICSFuzzyDatePolicy(t *testing.T) {
	for _, tc := range []struct {
		name, when   string
		status       storage.Status
		start, end   string
		icalStatus   string
		marker, note string // "" when the date is exact to the day
	}{
		{"month", "2016-09", storage.StatusScheduled, "20160901", "20160902", "TENTATIVE",
			"[date not fixed: Sep 2016] ", "Date not fixed: Sep 2016. Shown on Thu 1 Sep 2016\\, the first possible day."},
		{"year", "2017", storage.StatusProposed, "20170101", "20170102", "TENTATIVE",
			"[date not fixed: 2017] ", "Date not fixed: 2017. Shown on Sun 1 Jan 2017\\, the first possible day."},
		{"by year", "by 2016", storage.StatusTentative, "20160101", "20160102", "TENTATIVE",
			"[date not fixed: by end of 2016] ", "Date not fixed: by end of 2016. Shown on Fri 1 Jan 2016\\, the start of the period the deadline falls in."},
		{"by month", "by 2016-12", storage.StatusScheduled, "20161201", "20161202", "TENTATIVE",
			"[date not fixed: by end of Dec 2016] ", "the start of the period the deadline falls in"},
		{"by day", "by 2016-12-15", storage.StatusScheduled, "20161215", "20161216", "TENTATIVE",
			"[date not fixed: by 15 Dec 2016] ", "Date not fixed: by 15 Dec 2016."},
		{"range", "2016-09-01..2016-09-03", storage.StatusProposed, "20160901", "20160902", "TENTATIVE",
			"[date not fixed: 1–3 Sep 2016] ", "Date not fixed: 1–3 Sep 2016. Shown on Thu 1 Sep 2016\\, the first possible day."},
		{"cancelled month", "2016-09", storage.StatusCancelled, "20160901", "20160902", "CANCELLED",
			"[date not fixed: Sep 2016] ", "Date not fixed: Sep 2016."},
		{"day", "2016-06-16", storage.StatusHeld, "20160616", "20160617", "CONFIRMED", "", ""},
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
		})
	}
}

// TestWriteICSTimezonesMatchGo reads the VTIMEZONE blocks back as an independent reader would
// (observance onsets and offsets) and checks that every event's local time means the same
// instant through them as through Go's zone database, and that each observance is right.
func TestWriteICSTimezonesMatchGo(t *testing.T) {
	out, _ := writeICS(t, icsDossier(t))
	type observance struct {
		onset    time.Time // UTC
		from, to int
		kind     string
	}
	zones := map[string][]observance{}
	var zone string
	var cur *observance
	for _, l := range unfold(out) {
		switch {
		case strings.HasPrefix(l, "TZID:"):
			zone = strings.TrimPrefix(l, "TZID:")
		case l == "BEGIN:STANDARD" || l == "BEGIN:DAYLIGHT":
			cur = &observance{kind: strings.TrimPrefix(l, "BEGIN:")}
		case cur != nil && strings.HasPrefix(l, "DTSTART:"):
			local, err := time.Parse("20060102T150405", strings.TrimPrefix(l, "DTSTART:"))
			require.NoError(t, err)
			cur.onset = local // made UTC once TZOFFSETFROM is known
		case cur != nil && strings.HasPrefix(l, "TZOFFSETFROM:"):
			cur.from = testOffset(t, strings.TrimPrefix(l, "TZOFFSETFROM:"))
		case cur != nil && strings.HasPrefix(l, "TZOFFSETTO:"):
			cur.to = testOffset(t, strings.TrimPrefix(l, "TZOFFSETTO:"))
		case l == "END:STANDARD" || l == "END:DAYLIGHT":
			cur.onset = cur.onset.Add(-time.Duration(cur.from) * time.Second)
			zones[zone] = append(zones[zone], *cur)
			cur = nil
		}
	}
	require.Len(t, zones, 3)
	assert.Len(t, zones["Asia/Tokyo"], 1, "no DST in Japan since 1951: one STANDARD")
	assert.Equal(t, "STANDARD", zones["Asia/Tokyo"][0].kind)
	assert.Equal(t, 9*3600, zones["Asia/Tokyo"][0].to)
	moscow := zones["Europe/Moscow"]
	require.Len(t, moscow, 1, "2016 only: the +03 period that began on 26 Oct 2014")
	assert.Equal(t, time.Date(2014, 10, 25, 22, 0, 0, 0, time.UTC), moscow[0].onset)
	assert.Equal(t, []int{4 * 3600, 3 * 3600}, []int{moscow[0].from, moscow[0].to})
	london := zones["Europe/London"]
	require.Len(t, london, 3, "GMT from Oct 2015, BST from Mar 2016, GMT from Oct 2016")
	assert.Equal(t, []string{"STANDARD", "DAYLIGHT", "STANDARD"}, []string{london[0].kind, london[1].kind, london[2].kind})
	assert.Equal(t, time.Date(2016, 3, 27, 1, 0, 0, 0, time.UTC), london[1].onset)

	for name, obs := range zones {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		for _, o := range obs {
			_, after := o.onset.In(loc).Zone()
			_, before := o.onset.Add(-time.Second).In(loc).Zone()
			assert.Equal(t, o.to, after, "%s at %s", name, o.onset)
			assert.Equal(t, o.from, before, "%s before %s", name, o.onset)
		}
	}
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
		var off int
		for _, o := range zones[m.When.Zone] {
			if !wall.Add(-time.Duration(o.to) * time.Second).Before(o.onset) {
				off = o.to
			}
		}
		assert.True(t, wall.Add(-time.Duration(off)*time.Second).Equal(m.When.At), "%s: %s", m.Title, local)
	}
}

func testOffset(t *testing.T, s string) int {
	t.Helper()
	require.Regexp(t, `^[+-]\d{4}(\d\d)?$`, s)
	h, _ := strconv.Atoi(s[1:3])
	m, _ := strconv.Atoi(s[3:5])
	sec := h*3600 + m*60
	if len(s) == 7 {
		x, _ := strconv.Atoi(s[5:7])
		sec += x
	}
	if s[0] == '-' {
		sec = -sec
	}
	return sec
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
