package export

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-app/parley/storage"
)

// ICSSkipped is a meeting WriteICS left out, with the reason.
type ICSSkipped struct {
	MeetingID string
	Title     string
	Reason    string
}

// ICSReport says what WriteICS wrote.
type ICSReport struct {
	Events  int          // VEVENTs written
	Zones   []string     // TZIDs with a VTIMEZONE, sorted
	Skipped []ICSSkipped // undated or invalid meetings, in input order
}

// WriteDossierICS writes every dated meeting of a dossier in the order of Parley's lists (by
// FuzzyDate.SortKey, then title), with participant names from the dossier's actors.
func WriteDossierICS(w io.Writer, d *storage.Dossier, now time.Time) (ICSReport, error) {
	actors := make(map[string]storage.Actor, len(d.Actors))
	for _, a := range d.Actors {
		actors[a.ID] = a
	}
	ms := append([]storage.Meeting(nil), d.Meetings...)
	sort.SliceStable(ms, func(i, j int) bool {
		li, lj := ms[i].When.SortKey(), ms[j].When.SortKey()
		if !li.Equal(lj) {
			return li.Before(lj)
		}
		return ms[i].Title < ms[j].Title
	})
	return WriteICS(w, ms, actors, now)
}

// WriteICS writes meetings as an iCalendar file (RFC 5545): one VEVENT per dated meeting, in
// the order given, and one VTIMEZONE per time zone the timed ones use. now is the DTSTAMP.
// Meetings without a date, or with an invalid one, are left out and listed in the report.
//
//   - Timed meetings: DTSTART;TZID=<zone> and DTEND (DurationMinutes, DefaultMeetingMinutes
//     when not recorded); "UTC" is written as UTC time without a VTIMEZONE.
//   - Whole days: DTSTART;VALUE=DATE and the next day as the (exclusive) DTEND.
//   - Months, years, deadlines and ranges: a whole-day TENTATIVE event on FirstDay, marked
//     "[date not fixed: …]" in SUMMARY, explained in DESCRIPTION, shown as free time, with
//     X-PARLEY-DATE holding the date as Parley knows it.
//
// The output has CRLF line endings, lines folded at 75 octets (never inside a UTF-8 sequence)
// and TEXT values escaped. Nothing is written when an error is returned.
func WriteICS(w io.Writer, meetings []storage.Meeting, actors map[string]storage.Actor, now time.Time) (ICSReport, error) {
	var rep ICSReport
	var events icsBuffer
	zones := map[string]*zoneUse{}
	for _, m := range meetings {
		if m.When.IsZero() {
			rep.Skipped = append(rep.Skipped, ICSSkipped{m.ID, m.Title, "no date yet"})
			continue
		}
		if err := m.When.Validate(); err != nil {
			rep.Skipped = append(rep.Skipped, ICSSkipped{m.ID, m.Title, "invalid date: " + err.Error()})
			continue
		}
		writeEvent(&events, m, actors, now, zones)
		rep.Events++
	}

	var out icsBuffer
	out.prop("BEGIN", nil, "VCALENDAR")
	out.prop("VERSION", nil, "2.0")
	out.prop("PRODID", nil, "-//Parley//Parley negotiation dossier//EN")
	out.prop("CALSCALE", nil, "GREGORIAN")
	out.prop("METHOD", nil, "PUBLISH")
	out.text("X-WR-CALNAME", nil, "Parley talks")
	for _, name := range sortedKeys(zones) {
		if err := writeTimezone(&out, name, zones[name]); err != nil {
			return ICSReport{}, err
		}
		rep.Zones = append(rep.Zones, name)
	}
	out.b.Write(events.b.Bytes())
	out.prop("END", nil, "VCALENDAR")
	if _, err := w.Write(out.b.Bytes()); err != nil {
		return ICSReport{}, fmt.Errorf("write calendar: %w", err)
	}
	return rep, nil
}

const (
	icsUTC      = "20060102T150405Z"
	icsLocal    = "20060102T150405"
	icsDate     = "20060102"
	maxOctets   = 75
	crlf        = "\r\n"
	utcZoneName = "UTC"
)

func writeEvent(b *icsBuffer, m storage.Meeting, actors map[string]storage.Actor, now time.Time, zones map[string]*zoneUse) {
	b.prop("BEGIN", nil, "VEVENT")
	b.text("UID", nil, ICalUID(m))
	b.prop("DTSTAMP", nil, now.UTC().Format(icsUTC))
	if !m.Created.IsZero() {
		b.prop("CREATED", nil, m.Created.UTC().Format(icsUTC))
	}
	if !m.Updated.IsZero() {
		b.prop("LAST-MODIFIED", nil, m.Updated.UTC().Format(icsUTC))
	}
	switch {
	case m.When.IsExact():
		minutes := m.DurationMinutes
		if minutes <= 0 {
			minutes = DefaultMeetingMinutes
		}
		start := m.When.At
		end := start.Add(time.Duration(minutes) * time.Minute)
		if m.When.Zone == utcZoneName {
			b.prop("DTSTART", nil, start.UTC().Format(icsUTC))
			b.prop("DTEND", nil, end.UTC().Format(icsUTC))
		} else {
			loc := m.When.Location()
			tz := []param{{"TZID", m.When.Zone}}
			b.prop("DTSTART", tz, start.In(loc).Format(icsLocal))
			b.prop("DTEND", tz, end.In(loc).Format(icsLocal))
			use := zones[m.When.Zone]
			if use == nil {
				use = &zoneUse{loc: loc, from: start, to: end}
				zones[m.When.Zone] = use
			}
			use.cover(start, end)
		}
		if m.DurationMinutes <= 0 {
			b.prop(PropDuration, nil, "unknown")
		}
	default:
		first, _ := FirstDay(m.When)
		date := []param{{"VALUE", "DATE"}}
		b.prop("DTSTART", date, first.Format(icsDate))
		b.prop("DTEND", date, first.AddDate(0, 0, 1).Format(icsDate))
		if !m.When.IsDay() {
			b.text(PropDate, nil, m.When.Text())
		}
	}
	b.text("SUMMARY", nil, Summary(m))
	if loc := Location(m.Venue, m.City, m.Country); loc != "" {
		b.text("LOCATION", nil, loc)
		for _, p := range []struct{ name, value string }{{PropVenue, m.Venue}, {PropCity, m.City}, {PropCountry, m.Country}} {
			if p.value != "" {
				b.text(p.name, nil, p.value)
			}
		}
	}
	b.text("DESCRIPTION", nil, Description(m, actors))
	b.prop("STATUS", nil, ICalStatus(m.Status, m.When))
	b.text(PropStatus, nil, string(m.Status))
	if !m.When.IsDay() || m.Status == storage.StatusCancelled {
		// A stand-in day or a cancelled meeting must not block anyone's calendar.
		b.prop("TRANSP", nil, "TRANSPARENT")
	}
	b.prop("END", nil, "VEVENT")
}

// icsBuffer accumulates content lines, folded and CRLF-terminated.
type icsBuffer struct{ b bytes.Buffer }

type param struct{ name, value string }

// prop writes a property whose value is already in its iCalendar form (dates, keywords).
func (b *icsBuffer) prop(name string, params []param, value string) {
	var l strings.Builder
	l.WriteString(name)
	for _, p := range params {
		l.WriteString(";" + p.name + "=" + paramValue(p.value))
	}
	l.WriteString(":" + value)
	fold(&b.b, l.String())
}

// text writes a TEXT property, escaped.
func (b *icsBuffer) text(name string, params []param, value string) {
	b.prop(name, params, EscapeText(value))
}

// EscapeText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline;
// other control characters, which TEXT cannot carry, are dropped.
func EscapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// paramValue quotes a parameter value when it holds a character that would end it; parameter
// values cannot be escaped and cannot hold a double quote at all.
func paramValue(v string) string {
	v = strings.ReplaceAll(v, `"`, "")
	if strings.ContainsAny(v, ":;,") {
		return `"` + v + `"`
	}
	return v
}

// fold writes one content line as lines of at most 75 octets, each continuation starting with a
// space (RFC 5545 §3.1), cutting only between UTF-8 sequences.
func fold(b *bytes.Buffer, line string) {
	limit := maxOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString(crlf + " ")
		line = line[cut:]
		limit = maxOctets - 1
	}
	b.WriteString(line)
	b.WriteString(crlf)
}

func sortedKeys(m map[string]*zoneUse) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
