package ical

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/parley-app/parley/storage"
)

// Event is one calendar event read as a meeting.
type Event struct {
	// Meeting holds what the calendar says, as a new meeting would have it: ICalUID, Title,
	// When (with its zone), DurationMinutes, Status, Venue, City, Country and Purpose. Its ID,
	// timestamps and Parley-only fields are empty.
	Meeting storage.Meeting
	// Line is where the event begins in the file.
	Line int
	// Location is LOCATION as written, LocationParts whether the file also gave Parley's
	// venue/city/country split of it, and HasDescription whether DESCRIPTION was present, so
	// that Apply can keep what Parley knows when the calendar does not say otherwise.
	Location       string
	LocationParts  bool
	HasDescription bool
	// StatusFromParley is true when the status is the one Parley wrote (X-PARLEY-STATUS,
	// agreeing with STATUS), not a reading of STATUS alone.
	StatusFromParley bool
	// LastModified is the event's LAST-MODIFIED (zero when absent).
	LastModified time.Time
}

// Skipped is a calendar item that did not become a meeting, with the reason.
type Skipped struct {
	Line    int
	UID     string
	Summary string
	Reason  string
}

func (s Skipped) String() string {
	what := "item"
	if s.Summary != "" {
		what = "“" + s.Summary + "”"
	}
	return fmt.Sprintf("line %d: %s: %s", s.Line, what, s.Reason)
}

// ReadResult is what Read found in a file.
type ReadResult struct {
	Events  []Event
	Skipped []Skipped
	// Notes are things a user should know about events that were read ("spans 3 days; Parley
	// keeps the first").
	Notes []string
}

// Meetings returns the meetings of the events, in file order.
func (r ReadResult) Meetings() []storage.Meeting {
	ms := make([]storage.Meeting, len(r.Events))
	for i, e := range r.Events {
		ms[i] = e.Meeting
	}
	return ms
}

// Read reads an iCalendar file. A file that is not well-formed is refused with an error
// naming its line (a *MalformedError wrapping ErrMalformed); events Parley cannot hold as
// meetings (recurring ones, ones without a start or in an unknown time zone, to-dos…) are
// listed in ReadResult.Skipped with the reason, and the rest are returned.
func Read(r io.Reader) (ReadResult, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return ReadResult{}, fmt.Errorf("read calendar: %w", err)
	}
	tops, err := checkStructure(data)
	if err != nil {
		return ReadResult{}, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	cal, err := ics.ParseCalendarWithOptions(bytes.NewReader(data),
		ics.WithUnknownPropertyHandler(ics.AcceptUnknownPropertyHandler))
	if err != nil {
		return ReadResult{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if len(cal.Components) != len(tops) {
		return ReadResult{}, fmt.Errorf("%w: %d components found, %d expected", ErrMalformed, len(cal.Components), len(tops))
	}

	var defaultZone string // X-WR-TIMEZONE, for floating times
	for _, p := range cal.CalendarProperties {
		if strings.EqualFold(p.IANAToken, "X-WR-TIMEZONE") {
			defaultZone = strings.TrimSpace(p.Value)
		}
	}

	var res ReadResult
	seen := map[string]int{}
	for i, c := range cal.Components {
		line := tops[i].line
		switch c := c.(type) {
		case *ics.VEvent:
			ev, skip, notes := readEvent(&c.ComponentBase, line, defaultZone)
			res.Notes = append(res.Notes, notes...)
			if skip != nil {
				res.Skipped = append(res.Skipped, *skip)
				continue
			}
			if first, dup := seen[ev.Meeting.ICalUID]; dup {
				res.Skipped = append(res.Skipped, Skipped{line, ev.Meeting.ICalUID, ev.Meeting.Title,
					fmt.Sprintf("same UID as the event on line %d, which was kept", first)})
				continue
			}
			seen[ev.Meeting.ICalUID] = line
			res.Events = append(res.Events, ev)
		case *ics.VTimezone:
			// Zones are taken from Go's time zone database by name (see resolveZone).
		default:
			res.Skipped = append(res.Skipped, Skipped{Line: line, Reason: notAMeeting(tops[i].name)})
		}
	}
	return res, nil
}

func notAMeeting(component string) string {
	switch component {
	case "VTODO":
		return "a to-do item, not a meeting"
	case "VJOURNAL":
		return "a journal entry, not a meeting"
	case "VFREEBUSY":
		return "free/busy information, not a meeting"
	}
	return component + " is not a meeting"
}

// props indexes a component's properties by upper-cased name.
type props map[string][]ics.IANAProperty

func (p props) value(name string) string {
	if v := p[name]; len(v) > 0 {
		return v[0].Value
	}
	return ""
}

func (p props) has(name string) bool { return len(p[name]) > 0 }

func paramOf(p ics.IANAProperty, name string) string {
	for k, v := range p.ICalParameters {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

func readEvent(c *ics.ComponentBase, line int, defaultZone string) (Event, *Skipped, []string) {
	p := props{}
	for _, prop := range c.Properties {
		name := strings.ToUpper(prop.IANAToken)
		p[name] = append(p[name], prop)
	}
	uid := strings.TrimSpace(p.value("UID"))
	summary := strings.TrimSpace(p.value("SUMMARY"))
	skip := func(reason string) (Event, *Skipped, []string) {
		return Event{}, &Skipped{Line: line, UID: uid, Summary: summary, Reason: reason}, nil
	}
	switch {
	case uid == "":
		return skip("no UID, so it could never be matched again on a later import")
	case p.has("RRULE") || p.has("RDATE"):
		return skip("a recurring event (RRULE/RDATE): Parley keeps single meetings; add the occurrences that matter one by one")
	case p.has("RECURRENCE-ID"):
		return skip("a changed occurrence of a recurring event, which Parley does not import")
	case !p.has("DTSTART"):
		return skip("no start date (DTSTART)")
	}
	title := titleFromSummary(summary)
	if title == "" {
		return skip("no title (SUMMARY)")
	}

	start, err := readTime(p["DTSTART"][0], defaultZone)
	if err != nil {
		return skip("DTSTART: " + err.Error())
	}
	var notes []string
	note := func(format string, args ...any) {
		notes = append(notes, fmt.Sprintf("line %d: “%s”: ", line, title)+fmt.Sprintf(format, args...))
	}
	m := storage.Meeting{ICalUID: uid, Title: title}

	end, hasEnd, err := readEnd(p, start, defaultZone)
	if err != nil {
		note("%s; the length is left unrecorded", err)
		hasEnd = false
	}
	if start.allDay {
		m.When = storage.OnDay(start.t.Year(), start.t.Month(), start.t.Day())
		if hasEnd {
			if days := int(end.t.Sub(start.t).Hours()/24 + 0.5); days > 1 {
				note("spans %d days; Parley keeps the first day", days)
			}
		}
		if text := strings.TrimSpace(p.value(propDate)); text != "" {
			fuzzy, err := storage.ParseFuzzyDate(text)
			first, ok := firstDay(fuzzy)
			switch {
			case err != nil:
				note("%s %q is not a date Parley reads; the calendar's day is kept", propDate, text)
			case ok && first.Equal(start.t):
				m.When = fuzzy
			default:
				note("moved in the calendar from “%s” to %s; the calendar's day is kept", fuzzy.String(), start.t.Format("2 Jan 2006"))
			}
		}
	} else {
		when, err := storage.Exact(start.t, start.zone)
		if err != nil {
			return skip("DTSTART: " + err.Error())
		}
		m.When = when
		if hasEnd {
			minutes := int(end.t.Sub(start.t).Minutes())
			switch {
			case minutes < 0:
				note("ends before it starts; the length is left unrecorded")
			case minutes == defaultMeetingMinutes && strings.EqualFold(p.value(propDuration), "unknown"):
				// Parley wrote the default length for a meeting whose length it did not know.
			default:
				m.DurationMinutes = minutes
			}
		}
	}
	hint := strings.TrimSpace(p.value(propStatus))
	m.Status = meetingStatus(p.value("STATUS"), hint, m.When)

	ev := Event{Meeting: m, Line: line, Location: strings.TrimSpace(p.value("LOCATION"))}
	ev.StatusFromParley = hint != "" && strings.EqualFold(hint, string(m.Status))
	parts := [3]string{p.value(propVenue), p.value(propCity), p.value(propCountry)}
	ev.LocationParts = parts != [3]string{}
	ev.Meeting.Venue, ev.Meeting.City, ev.Meeting.Country = splitLocation(ev.Location, parts)
	if p.has("DESCRIPTION") {
		ev.HasDescription = true
		ev.Meeting.Purpose = purposeFromDescription(p.value("DESCRIPTION"))
	}
	if lm := p["LAST-MODIFIED"]; len(lm) > 0 {
		if t, err := readTime(lm[0], utcZoneName); err == nil && !t.allDay {
			ev.LastModified = t.t
		}
	}
	return ev, nil, notes
}

// icsTime is a DTSTART or DTEND: a day (allDay, at midnight UTC) or an instant with the zone
// it was given in.
type icsTime struct {
	t      time.Time
	zone   string
	allDay bool
}

// readTime reads a DATE or DATE-TIME property: UTC ("…Z"), in the zone its TZID names, or
// floating (no zone), which is taken in the calendar's X-WR-TIMEZONE when it has one.
func readTime(p ics.IANAProperty, defaultZone string) (icsTime, error) {
	v := strings.TrimSpace(p.Value)
	if strings.EqualFold(paramOf(p, "VALUE"), "DATE") || len(v) == 8 {
		t, err := time.Parse(icsDate, v)
		if err != nil {
			return icsTime{}, fmt.Errorf("%q is not a date like 20160622", v)
		}
		return icsTime{t: t, allDay: true}, nil
	}
	if strings.HasSuffix(v, "Z") {
		t, err := time.Parse(icsUTC, v)
		if err != nil {
			return icsTime{}, fmt.Errorf("%q is not a UTC time like 20160622T010000Z", v)
		}
		return icsTime{t: t, zone: utcZoneName}, nil
	}
	tzid := paramOf(p, "TZID")
	if tzid == "" {
		tzid = defaultZone
		if tzid == "" {
			return icsTime{}, fmt.Errorf("%q has no time zone (a floating time); Parley needs to know whose clock it is on", v)
		}
	}
	zone, loc, ok := resolveZone(tzid)
	if !ok {
		return icsTime{}, fmt.Errorf("the time zone %q is not one Parley knows (use an IANA name such as Asia/Tokyo)", tzid)
	}
	t, err := time.ParseInLocation(icsLocal, v, loc)
	if err != nil {
		return icsTime{}, fmt.Errorf("%q is not a time like 20160622T100000", v)
	}
	return icsTime{t: t, zone: zone}, nil
}

// readEnd reads DTEND, or DURATION added to the start.
func readEnd(p props, start icsTime, defaultZone string) (icsTime, bool, error) {
	if e := p["DTEND"]; len(e) > 0 {
		end, err := readTime(e[0], defaultZone)
		if err != nil {
			return icsTime{}, false, fmt.Errorf("DTEND: %w", err)
		}
		if end.allDay != start.allDay {
			return icsTime{}, false, fmt.Errorf("DTEND is not of the same kind as DTSTART")
		}
		return end, true, nil
	}
	if d := p.value("DURATION"); d != "" {
		dur, err := parseDuration(d)
		if err != nil {
			return icsTime{}, false, fmt.Errorf("DURATION: %w", err)
		}
		return icsTime{t: start.t.Add(dur), zone: start.zone, allDay: start.allDay}, true, nil
	}
	return icsTime{}, false, nil
}

// parseDuration reads an iCalendar duration (RFC 5545 §3.3.6): P1W, P2D, PT1H30M, P1DT2H, -PT15M.
func parseDuration(s string) (time.Duration, error) {
	orig := s
	bad := fmt.Errorf("%q is not a duration like PT1H30M", orig)
	neg := false
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	s, ok := strings.CutPrefix(strings.ToUpper(s), "P")
	if !ok || s == "" {
		return 0, bad
	}
	var d time.Duration
	inTime := false
	for s != "" {
		if s[0] == 'T' {
			if inTime || len(s) == 1 {
				return 0, bad
			}
			inTime, s = true, s[1:]
			continue
		}
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i == len(s) {
			return 0, bad
		}
		n, err := strconv.Atoi(s[:i])
		if err != nil {
			return 0, bad
		}
		unit := map[bool]map[byte]time.Duration{
			false: {'W': 7 * 24 * time.Hour, 'D': 24 * time.Hour},
			true:  {'H': time.Hour, 'M': time.Minute, 'S': time.Second},
		}[inTime][s[i]]
		if unit == 0 {
			return 0, bad
		}
		d += time.Duration(n) * unit
		s = s[i+1:]
	}
	if neg {
		d = -d
	}
	return d, nil
}
