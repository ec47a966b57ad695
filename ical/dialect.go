package ical

import (
	"fmt"
	"strings"
	"time"

	"github.com/parley-app/parley/storage"
)

// The Parley dialect of iCalendar: what Write puts into an event beyond plain RFC 5545 so that
// Read can give Parley back exactly what it wrote, while any other calendar still shows an
// honest event. docs/icalendar.md describes it for users.
//
// Every rule here is used in both directions (writing and reading), so the two stay in step:
// eventSummary and titleFromSummary, storage.JoinPlace and splitLocation, eventDescription and
// purposeFromDescription, eventStatus and meetingStatus.

// Date and time values as iCalendar writes them (RFC 5545 §3.3.4, §3.3.5).
const (
	icsUTC   = "20060102T150405Z" // a UTC time
	icsLocal = "20060102T150405"  // a local time, in the zone its TZID names
	icsDate  = "20060102"         // a whole day (VALUE=DATE)
)

// utcZoneName is the zone Parley writes as UTC time ("…Z") rather than with a TZID, and the
// zone a UTC time is read into.
const utcZoneName = "UTC"

// Extension properties. Other calendars keep or drop them; neither harms the event.
const (
	// propDate carries FuzzyDate.Text() for dates not known to the day ("2016-09", "by 2016",
	// "2016-09-01..2016-09-30"): the event itself shows only the first possible day.
	propDate = "X-PARLEY-DATE"
	// propStatus carries Parley's own status, which iCalendar's three values cannot tell apart
	// (proposed and tentative are both TENTATIVE; scheduled and held both CONFIRMED).
	propStatus = "X-PARLEY-STATUS"
	// propDuration is "unknown" when the meeting has a start time but no recorded length: the
	// event shows defaultMeetingMinutes, and Parley re-imports the length as unknown.
	propDuration = "X-PARLEY-DURATION"
	// propVenue, propCity and propCountry carry the parts LOCATION is joined from.
	propVenue   = "X-PARLEY-VENUE"
	propCity    = "X-PARLEY-CITY"
	propCountry = "X-PARLEY-COUNTRY"
)

// defaultMeetingMinutes is the length shown for a timed meeting whose duration is not recorded.
const defaultMeetingMinutes = 60

// eventUID is the UID a meeting carries in calendars: the UID it was imported with, else its ID
// followed by "@parley". Store.MeetingByICalUID finds the meeting from either.
func eventUID(m storage.Meeting) string {
	if m.ICalUID != "" {
		return m.ICalUID
	}
	return m.ID + "@parley"
}

// eventStatus maps a Parley status to the STATUS of an event. Meetings not known to the day are
// always TENTATIVE unless cancelled: a calendar must not show them as confirmed on a day that
// stands in for a whole month or year.
func eventStatus(s storage.Status, when storage.FuzzyDate) string {
	switch s {
	case storage.StatusCancelled:
		return "CANCELLED"
	case storage.StatusScheduled, storage.StatusHeld:
		if when.IsDay() {
			return "CONFIRMED"
		}
	}
	return "TENTATIVE"
}

// meetingStatus maps an event's STATUS back to a Parley status. hint is the X-PARLEY-STATUS
// value ("" when absent); it is used when it agrees with STATUS, so that a status changed in
// another calendar wins over the one Parley wrote. An event without STATUS is taken as
// scheduled.
func meetingStatus(icalStatus, hint string, when storage.FuzzyDate) storage.Status {
	icalStatus = strings.ToUpper(strings.TrimSpace(icalStatus))
	h := storage.Status(strings.ToLower(strings.TrimSpace(hint)))
	for _, s := range storage.Statuses {
		if h == s && (icalStatus == "" || eventStatus(s, when) == icalStatus) {
			return s
		}
	}
	switch icalStatus {
	case "CANCELLED":
		return storage.StatusCancelled
	case "TENTATIVE":
		return storage.StatusTentative
	}
	return storage.StatusScheduled
}

// firstDay is the calendar day an event shows for a date: the day itself, the venue's day for an
// exact time, the first possible day of a month, year or range, and the first day of the period
// a deadline falls in ("by 2016" → 1 Jan 2016, "by Sep 2016" → 1 Sep 2016): the date's Lower
// bound, where Parley's date windows start counting it. ok is false for an unknown date.
func firstDay(f storage.FuzzyDate) (day time.Time, ok bool) {
	if d, isDay := f.Day(); isDay {
		return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC), true
	}
	if f.IsZero() {
		return time.Time{}, false
	}
	return f.Lower(), true
}

// dateNotFixed is the SUMMARY marker of a meeting not known to the day.
const dateNotFixed = "[date not fixed: "

// postponedMarker is the SUMMARY marker of a postponed meeting.
const postponedMarker = "[postponed] "

// eventSummary is the SUMMARY of a meeting: its title, after markers a reader of any calendar
// needs ("[postponed] ", "[date not fixed: Sep 2016] ").
func eventSummary(m storage.Meeting) string {
	var b strings.Builder
	if m.Status == storage.StatusPostponed {
		b.WriteString(postponedMarker)
	}
	if !m.When.IsDay() {
		b.WriteString(dateNotFixed + m.When.String() + "] ")
	}
	b.WriteString(m.Title)
	return b.String()
}

// titleFromSummary removes the markers eventSummary adds.
func titleFromSummary(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, postponedMarker)
	if rest, ok := strings.CutPrefix(s, dateNotFixed); ok {
		if _, after, found := strings.Cut(rest, "] "); found {
			s = after
		}
	}
	return strings.TrimSpace(s)
}

// splitLocation reads LOCATION back into venue, city and country. hint holds the parts Parley
// knows (from the X-PARLEY-VENUE/CITY/COUNTRY properties, or the stored meeting): when LOCATION
// still reads as their join they are kept; when only the venue changed, city and country are
// kept; otherwise the whole LOCATION becomes the venue.
func splitLocation(location string, hint [3]string) (venue, city, country string) {
	location = strings.TrimSpace(location)
	if location == storage.JoinPlace(hint[0], hint[1], hint[2]) {
		return hint[0], hint[1], hint[2]
	}
	if tail := storage.JoinPlace("", hint[1], hint[2]); tail != "" {
		if head, ok := strings.CutSuffix(location, ", "+tail); ok && head != "" {
			return head, hint[1], hint[2]
		}
	}
	return location, "", ""
}

// Headings of the DESCRIPTION blocks Parley writes.
const (
	purposeHeading      = "Purpose:"
	participantsHeading = "Participants:"
)

// eventDescription is the DESCRIPTION of a meeting: a block of notes on the date, time and
// status, then the purpose and the participants (names from actors; an unknown actor shows its
// ID).
func eventDescription(m storage.Meeting, actors map[string]storage.Actor) string {
	var notes []string
	if !m.When.IsDay() {
		first, _ := firstDay(m.When)
		where := "the first possible day"
		if m.When.Kind == storage.DateBy {
			where = "the start of the period the deadline falls in"
		}
		notes = append(notes, fmt.Sprintf("Date not fixed: %s. Shown on %s, %s.",
			m.When.String(), first.Format("Mon 2 Jan 2006"), where))
	}
	if m.When.IsExact() && m.DurationMinutes <= 0 {
		notes = append(notes, fmt.Sprintf("Duration not recorded; shown as %d minutes.", defaultMeetingMinutes))
	}
	notes = append(notes, "Status: "+string(m.Status)+".")

	blocks := []string{strings.Join(notes, "\n")}
	if p := strings.TrimSpace(m.Purpose); p != "" {
		blocks = append(blocks, purposeHeading+"\n"+p)
	}
	if len(m.Participants) > 0 {
		lines := []string{participantsHeading}
		for _, p := range m.Participants {
			lines = append(lines, "- "+participantLine(p, actors))
		}
		blocks = append(blocks, strings.Join(lines, "\n"))
	}
	return strings.Join(blocks, "\n\n")
}

func participantLine(p storage.Participant, actors map[string]storage.Actor) string {
	a, ok := actors[p.ActorID]
	if !ok {
		return fmt.Sprintf("actor %s — %s", p.ActorID, p.Role)
	}
	name := a.Name
	if a.NativeName != "" && a.NativeName != a.Name {
		name += " (" + a.NativeName + ")"
	}
	var about []string
	for _, s := range []string{a.Title, a.Country} {
		if s != "" {
			about = append(about, s)
		}
	}
	line := name + " — " + string(p.Role)
	if len(about) > 0 {
		line += " (" + strings.Join(about, ", ") + ")"
	}
	if p.Note != "" {
		line += "; " + p.Note
	}
	return line
}

// purposeFromDescription reads the purpose out of a DESCRIPTION. A description Parley wrote
// (fromParley: the event carries Parley's marks, X-PARLEY-STATUS or a "@parley" UID) gives back
// its Purpose block ("" when it has none); any other description is taken whole, even when it
// happens to look like Parley's notes.
func purposeFromDescription(desc string, fromParley bool) string {
	desc = strings.TrimSpace(strings.ReplaceAll(desc, "\r\n", "\n"))
	blocks := strings.Split(desc, "\n\n")
	if !fromParley || len(blocks) == 0 || !isNotesBlock(blocks[0]) {
		return desc
	}
	var purpose []string
	in := false
	for i, b := range blocks[1:] {
		switch {
		case !in && strings.HasPrefix(b, purposeHeading+"\n"):
			in = true
			purpose = append(purpose, strings.TrimPrefix(b, purposeHeading+"\n"))
		case in && i == len(blocks)-2 && isParticipantsBlock(b):
			in = false
		case in:
			purpose = append(purpose, b)
		}
	}
	return strings.TrimSpace(strings.Join(purpose, "\n\n"))
}

// isNotesBlock tells the first block eventDescription writes: every line is one of its notes.
func isNotesBlock(b string) bool {
	lines := strings.Split(b, "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "Status: ") {
		return false
	}
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasPrefix(l, "Date not fixed: ") && !strings.HasPrefix(l, "Duration not recorded; ") {
			return false
		}
	}
	return true
}

func isParticipantsBlock(b string) bool {
	lines := strings.Split(b, "\n")
	if lines[0] != participantsHeading || len(lines) < 2 {
		return false
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "- ") {
			return false
		}
	}
	return true
}
