package ical

import (
	"fmt"
	"math"
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
// purposeFromDescription, eventStatus and meetingStatus, shownDay and showsOn.

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

// eventStatus maps a Parley status to the STATUS of an event. A scheduled meeting not known to
// the day is TENTATIVE: a calendar must not show it as confirmed on a day that stands in for a
// whole month or year. A held meeting is CONFIRMED whatever its date: it took place.
func eventStatus(s storage.Status, when storage.FuzzyDate) string {
	switch s {
	case storage.StatusCancelled:
		return "CANCELLED"
	case storage.StatusHeld:
		return "CONFIRMED"
	case storage.StatusScheduled:
		if when.IsDay() {
			return "CONFIRMED"
		}
	}
	return "TENTATIVE"
}

// eventTransp is the TRANSP of a meeting's event: TRANSPARENT (free time) for a stand-in day and
// for a cancelled meeting, which must not block anyone's calendar; else the TRANSP the
// calendar entry had when the meeting was imported; else "" (OPAQUE, the default).
func eventTransp(m storage.Meeting) string {
	if !m.When.IsDay() || m.Status == storage.StatusCancelled {
		return "TRANSPARENT"
	}
	return m.Calendar.Transp
}

// eventBusyStatus is X-MICROSOFT-CDO-BUSYSTATUS, which Outlook shows instead of STATUS and
// TRANSP: FREE for free time, TENTATIVE for a tentative event, else BUSY.
func eventBusyStatus(status, transp string) string {
	switch {
	case transp == "TRANSPARENT":
		return "FREE"
	case status == "TENTATIVE":
		return "TENTATIVE"
	}
	return "BUSY"
}

// eventClass is the CLASS of a meeting's event: CONFIDENTIAL in a dossier that carries a
// handling marking, else the CLASS the calendar entry had when the meeting was imported, else
// "" (PUBLIC, the default).
func eventClass(m storage.Meeting, marking string) string {
	if marking != "" {
		return "CONFIDENTIAL"
	}
	return m.Calendar.Class
}

// eventSequence is the SEQUENCE of a meeting's event (RFC 5545 §3.8.7.4), by which calendars
// tell a newer version of an event from an older one. It starts from the calendar entry's
// SEQUENCE as last applied (0 for a meeting made in Parley) and every change made in Parley
// since then (since the meeting was made, for one made in Parley) raises it: by the whole
// seconds between that moment and the meeting's Updated stamp, rounded up. Parley keeps no
// count of edits; a stamp that only grows gives a number that only grows, the same in every
// export until the next change. It stops at the largest INTEGER iCalendar allows.
func eventSequence(m storage.Meeting) int {
	since := m.Created
	if !m.Calendar.Synced.IsZero() {
		since = m.Calendar.Synced
	}
	seq := int64(m.Calendar.Sequence)
	if !since.IsZero() && m.Updated.After(since) {
		seq += int64((m.Updated.Sub(since) + time.Second - 1) / time.Second)
	}
	return int(min(seq, math.MaxInt32))
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

// shownDay is the calendar day an event shows for a date: the day itself, the venue's day for
// an exact time, the first possible day of a month, year or range, and the last possible day
// of a deadline ("by end of 2016" → 31 Dec 2016, "by Sep 2016" → 30 Sep 2016): the day it
// falls due, where Parley's lists put it (FuzzyDate.SortKey). ok is false for an unknown date.
func shownDay(f storage.FuzzyDate) (day time.Time, ok bool) {
	if d, isDay := f.Day(); isDay {
		return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC), true
	}
	if f.IsZero() {
		return time.Time{}, false
	}
	return f.SortKey(), true
}

// showsOn tells whether an event on that day (midnight UTC) is how Parley shows the date: on
// its shownDay, or, for a deadline, on the first day of its period, where earlier versions
// of Parley showed it.
func showsOn(f storage.FuzzyDate, day time.Time) bool {
	shown, ok := shownDay(f)
	return ok && (shown.Equal(day) || f.Kind == storage.DateBy && f.Lower().Equal(day))
}

// dateNotFixed is the SUMMARY marker of a meeting not known to the day.
const dateNotFixed = "[date not fixed: "

// The SUMMARY markers of a postponed and a cancelled meeting: a calendar that shows neither
// STATUS nor Parley's status still tells the reader.
const (
	postponedMarker = "[postponed] "
	cancelledMarker = "[cancelled] "
)

// eventSummary is the SUMMARY of a meeting: its title, after markers a reader of any calendar
// needs ("[postponed] ", "[cancelled] ", "[date not fixed: Sep 2016] ").
func eventSummary(m storage.Meeting) string {
	var b strings.Builder
	switch m.Status {
	case storage.StatusPostponed:
		b.WriteString(postponedMarker)
	case storage.StatusCancelled:
		b.WriteString(cancelledMarker)
	}
	if !m.When.IsDay() {
		b.WriteString(dateNotFixed + m.When.String() + "] ")
	}
	b.WriteString(m.Title)
	return b.String()
}

// titleFromSummary removes the markers eventSummary adds. The status markers are removed only
// from an event Parley wrote (fromParley): another calendar's "[postponed] …" is its title.
func titleFromSummary(s string, fromParley bool) string {
	s = strings.TrimSpace(s)
	if fromParley {
		for _, marker := range []string{postponedMarker, cancelledMarker} {
			if rest, ok := strings.CutPrefix(s, marker); ok {
				s = rest
				break
			}
		}
	}
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

// markingNote opens the DESCRIPTION of every event of a dossier with a handling marking.
const markingNote = "Marking: "

// eventDescription is the DESCRIPTION of a meeting: a block of notes on the dossier's handling
// marking (when it has one), the date, time and status, then the purpose and the participants
// (names from actors; an unknown actor shows its ID).
func eventDescription(m storage.Meeting, actors map[string]storage.Actor, marking string) string {
	var notes []string
	if marking != "" {
		notes = append(notes, markingNote+marking)
	}
	if !m.When.IsDay() {
		day, _ := shownDay(m.When)
		where := "the first possible day"
		if m.When.Kind == storage.DateBy {
			where = "the last possible day"
		}
		notes = append(notes, fmt.Sprintf("Date not fixed: %s. Shown on %s, %s.",
			m.When.String(), day.Format("Mon 2 Jan 2006"), where))
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
		if !strings.HasPrefix(l, markingNote) && !strings.HasPrefix(l, "Date not fixed: ") &&
			!strings.HasPrefix(l, "Duration not recorded; ") {
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
