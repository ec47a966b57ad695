package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/parley-app/parley/storage"
)

// The Parley dialect of iCalendar: what WriteICS puts into an event beyond plain RFC 5545 so
// that importer.ReadICS can give Parley back exactly what it wrote, while any other calendar
// still shows an honest event. docs/icalendar.md describes it for users.
//
// Every rule here is used in both directions (writing and reading), so the two stay in step.

// Extension properties. Other calendars keep or drop them; neither harms the event.
const (
	// PropDate carries FuzzyDate.Text() for dates not known to the day ("2016-09", "by 2016",
	// "2016-09-01..2016-09-30"): the event itself shows only the first possible day.
	PropDate = "X-PARLEY-DATE"
	// PropStatus carries Parley's own status, which iCalendar's three values cannot tell apart
	// (proposed and tentative are both TENTATIVE; scheduled and held both CONFIRMED).
	PropStatus = "X-PARLEY-STATUS"
	// PropDuration is "unknown" when the meeting has a start time but no recorded length: the
	// event shows DefaultMeetingMinutes, and Parley re-imports the length as unknown.
	PropDuration = "X-PARLEY-DURATION"
	// PropVenue, PropCity and PropCountry carry the parts LOCATION is joined from.
	PropVenue   = "X-PARLEY-VENUE"
	PropCity    = "X-PARLEY-CITY"
	PropCountry = "X-PARLEY-COUNTRY"
)

// DefaultMeetingMinutes is the length shown for a timed meeting whose duration is not recorded.
const DefaultMeetingMinutes = 60

// ICalUID is the UID a meeting carries in calendars: the UID it was imported with, else its ID
// followed by "@parley". Store.MeetingByICalUID finds the meeting from either.
func ICalUID(m storage.Meeting) string {
	if m.ICalUID != "" {
		return m.ICalUID
	}
	return m.ID + "@parley"
}

// ICalStatus maps a Parley status to the STATUS of an event. Meetings not known to the day are
// always TENTATIVE unless cancelled: a calendar must not show them as confirmed on a day that
// stands in for a whole month or year.
func ICalStatus(s storage.Status, when storage.FuzzyDate) string {
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

// ParleyStatus maps an event's STATUS back to a Parley status. hint is the X-PARLEY-STATUS value
// ("" when absent); it is used when it agrees with STATUS, so that a status changed in another
// calendar wins over the one Parley wrote. An event without STATUS is taken as scheduled.
func ParleyStatus(icalStatus, hint string, when storage.FuzzyDate) storage.Status {
	icalStatus = strings.ToUpper(strings.TrimSpace(icalStatus))
	h := storage.Status(strings.ToLower(strings.TrimSpace(hint)))
	for _, s := range storage.Statuses {
		if h == s && (icalStatus == "" || ICalStatus(s, when) == icalStatus) {
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

// FirstDay is the calendar day an event shows for a date: the day itself, the venue's day for an
// exact time, the first possible day of a month, year or range, and the first day of the period
// a deadline falls in ("by 2016" → 1 Jan 2016, "by Sep 2016" → 1 Sep 2016): the date's Lower
// bound, where Parley's date windows start counting it. ok is false for an unknown date.
func FirstDay(f storage.FuzzyDate) (day time.Time, ok bool) {
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

// Summary is the SUMMARY of a meeting: its title, after markers a reader of any calendar needs
// ("[postponed] ", "[date not fixed: Sep 2016] ").
func Summary(m storage.Meeting) string {
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

// TitleFromSummary removes the markers Summary adds.
func TitleFromSummary(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, postponedMarker)
	if rest, ok := strings.CutPrefix(s, dateNotFixed); ok {
		if _, after, found := strings.Cut(rest, "] "); found {
			s = after
		}
	}
	return strings.TrimSpace(s)
}

// Location joins venue, city and country for LOCATION.
func Location(venue, city, country string) string {
	var parts []string
	for _, p := range []string{venue, city, country} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// SplitLocation reads LOCATION back into venue, city and country. hint holds the parts Parley
// knows (from the X-PARLEY-VENUE/CITY/COUNTRY properties, or the stored meeting): when LOCATION
// still reads as their join they are kept; when only the venue changed, city and country are
// kept; otherwise the whole LOCATION becomes the venue.
func SplitLocation(location string, hint [3]string) (venue, city, country string) {
	location = strings.TrimSpace(location)
	if location == Location(hint[0], hint[1], hint[2]) {
		return hint[0], hint[1], hint[2]
	}
	if tail := Location("", hint[1], hint[2]); tail != "" {
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

// Description is the DESCRIPTION of a meeting: a block of notes on the date, time and status,
// then the purpose and the participants (names from actors; an unknown actor shows its ID).
func Description(m storage.Meeting, actors map[string]storage.Actor) string {
	var notes []string
	if !m.When.IsDay() {
		first, _ := FirstDay(m.When)
		where := "the first possible day"
		if m.When.Kind == storage.DateBy {
			where = "the start of the period the deadline falls in"
		}
		notes = append(notes, fmt.Sprintf("Date not fixed: %s. Shown on %s, %s.",
			m.When.String(), first.Format("Mon 2 Jan 2006"), where))
	}
	if m.When.IsExact() && m.DurationMinutes <= 0 {
		notes = append(notes, fmt.Sprintf("Duration not recorded; shown as %d minutes.", DefaultMeetingMinutes))
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

// PurposeFromDescription reads the purpose out of a DESCRIPTION. A description Parley wrote
// gives back its Purpose block ("" when it has none); any other description is taken whole.
func PurposeFromDescription(desc string) string {
	desc = strings.TrimSpace(strings.ReplaceAll(desc, "\r\n", "\n"))
	blocks := strings.Split(desc, "\n\n")
	if len(blocks) == 0 || !isNotesBlock(blocks[0]) {
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

// isNotesBlock tells the first block Description writes: every line is one of its notes.
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
