package ical

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parley-app/parley/storage"
)

// SkippedMeeting is a meeting Write or WriteMeetings left out, with the reason.
type SkippedMeeting struct {
	MeetingID string
	Title     string
	Reason    string
}

// WriteReport says what Write or WriteMeetings wrote.
type WriteReport struct {
	Events  int              // VEVENTs written
	Zones   []string         // TZIDs with a VTIMEZONE, sorted
	Skipped []SkippedMeeting // undated or invalid meetings, in input order
}

// Write writes every dated meeting of a dossier in the order of Parley's lists
// (storage.CompareMeetings), with participant names from the dossier's actors and the
// dossier's handling marking (setting "marking") in every event.
func Write(w io.Writer, d *storage.Dossier, now time.Time) (WriteReport, error) {
	marking := strings.TrimSpace(d.Settings[markingSetting])
	return WriteFor(w, d, now, func(m storage.Meeting) (storage.Meeting, string) { return m, marking })
}

// MarkFunc gives a meeting as the calendar's readers may see it and the marking its event
// carries (package handling's Scheme.MeetingFor, in tasks.Export).
type MarkFunc func(storage.Meeting) (storage.Meeting, string)

// WriteFor is Write with each meeting passed through mark first: an export for an audience
// leaves out what its readers may not see, and each event carries its own marking.
func WriteFor(w io.Writer, d *storage.Dossier, now time.Time, mark MarkFunc) (WriteReport, error) {
	actors := make(map[string]storage.Actor, len(d.Actors))
	for _, a := range d.Actors {
		actors[a.ID] = a
	}
	ms := append([]storage.Meeting(nil), d.Meetings...)
	slices.SortStableFunc(ms, func(a, b storage.Meeting) int { return storage.CompareMeetings(a.Summary(), b.Summary()) })
	return writeCalendar(w, ms, actors, mark, now)
}

// markingSetting is the dossier setting that holds its handling marking ("OFFICIAL-SENSITIVE").
const markingSetting = "marking"

// WriteMeetings writes meetings as an iCalendar file (RFC 5545) without a handling marking: one
// VEVENT per dated meeting, in the order given, and one VTIMEZONE per time zone the timed ones
// use. now is the DTSTAMP. Meetings without a date, or with an invalid one, are left out and
// listed in the report.
//
//   - Timed meetings: DTSTART;TZID=<zone> and DTEND (DurationMinutes, 60 minutes when not
//     recorded); "UTC" is written as UTC time without a VTIMEZONE.
//   - Whole days: DTSTART;VALUE=DATE and the next day as the (exclusive) DTEND.
//   - Months, years, deadlines and ranges: a whole-day event on the day Parley shows them (the
//     first possible day; for a deadline the last), marked "[date not fixed: …]" in SUMMARY,
//     explained in DESCRIPTION, shown as free time, with X-PARLEY-DATE holding the date as
//     Parley knows it; TENTATIVE unless held or cancelled.
//   - Postponed and cancelled meetings say so in SUMMARY too; SEQUENCE rises with every change
//     made in Parley (eventSequence); X-MICROSOFT-CDO-BUSYSTATUS tells Outlook free, tentative
//     or busy; TRANSP and CLASS come back as an imported meeting's calendar entry had them.
//
// The calendar has no METHOD: Parley writes no ORGANIZER, and RFC 5546 asks for one with every
// METHOD. A calendar without a dated meeting still holds a component (a VTIMEZONE for UTC), as
// RFC 5545 requires. The output has CRLF line endings, lines folded at 75 octets (never inside
// a UTF-8 sequence) and TEXT values escaped. Nothing is written when an error is returned.
func WriteMeetings(w io.Writer, meetings []storage.Meeting, actors map[string]storage.Actor, now time.Time) (WriteReport, error) {
	return writeCalendar(w, meetings, actors, func(m storage.Meeting) (storage.Meeting, string) { return m, "" }, now)
}

func writeCalendar(w io.Writer, meetings []storage.Meeting, actors map[string]storage.Actor, mark MarkFunc, now time.Time) (WriteReport, error) {
	var rep WriteReport
	var events icsBuffer
	zones := map[string]*zoneUse{}
	for _, m := range meetings {
		if m.When.IsZero() {
			rep.Skipped = append(rep.Skipped, SkippedMeeting{m.ID, m.Title, "no date yet"})
			continue
		}
		if err := m.When.Validate(); err != nil {
			rep.Skipped = append(rep.Skipped, SkippedMeeting{m.ID, m.Title, "invalid date: " + err.Error()})
			continue
		}
		seen, marking := mark(m)
		writeEvent(&events, seen, actors, marking, now, zones)
		rep.Events++
	}

	var out icsBuffer
	out.prop("BEGIN", nil, "VCALENDAR")
	out.prop("VERSION", nil, "2.0")
	out.prop("PRODID", nil, "-//Parley//Parley negotiation dossier//EN")
	out.prop("CALSCALE", nil, "GREGORIAN")
	out.text("X-WR-CALNAME", nil, "Parley talks")
	for _, name := range sortedKeys(zones) {
		if err := writeTimezone(&out, name, zones[name]); err != nil {
			return WriteReport{}, err
		}
		rep.Zones = append(rep.Zones, name)
	}
	if rep.Events == 0 {
		// RFC 5545 §3.6: a calendar holds at least one component. A VTIMEZONE shows nothing.
		writeUTCZone(&out)
	}
	out.b.Write(events.b.Bytes())
	out.prop("END", nil, "VCALENDAR")
	if _, err := w.Write(out.b.Bytes()); err != nil {
		return WriteReport{}, fmt.Errorf("write calendar: %w", err)
	}
	return rep, nil
}

// writeUTCZone writes a VTIMEZONE for UTC: the one component of a calendar with no event.
func writeUTCZone(b *icsBuffer) {
	b.prop("BEGIN", nil, "VTIMEZONE")
	b.text("TZID", nil, utcZoneName)
	writeObservance(b, observance{kind: "STANDARD", abbr: utcZoneName,
		local: time.Date(1970, time.January, 1, 0, 0, 0, 0, time.UTC)}, "")
	b.prop("END", nil, "VTIMEZONE")
}

func writeEvent(b *icsBuffer, m storage.Meeting, actors map[string]storage.Actor, marking string, now time.Time, zones map[string]*zoneUse) {
	b.prop("BEGIN", nil, "VEVENT")
	b.text("UID", nil, eventUID(m))
	b.prop("DTSTAMP", nil, now.UTC().Format(icsUTC))
	if !m.Created.IsZero() {
		b.prop("CREATED", nil, m.Created.UTC().Format(icsUTC))
	}
	if !m.Updated.IsZero() {
		b.prop("LAST-MODIFIED", nil, m.Updated.UTC().Format(icsUTC))
	}
	b.prop("SEQUENCE", nil, strconv.Itoa(eventSequence(m)))
	switch {
	case m.When.IsExact():
		minutes := m.DurationMinutes
		if minutes <= 0 {
			minutes = defaultMeetingMinutes
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
			b.prop(propDuration, nil, "unknown")
		}
	default:
		day, _ := shownDay(m.When)
		date := []param{{"VALUE", "DATE"}}
		b.prop("DTSTART", date, day.Format(icsDate))
		b.prop("DTEND", date, day.AddDate(0, 0, 1).Format(icsDate))
		if !m.When.IsDay() {
			b.text(propDate, nil, m.When.Text())
		}
	}
	b.text("SUMMARY", nil, eventSummary(m))
	if loc := storage.JoinPlace(m.Venue, m.City, m.Country); loc != "" {
		b.text("LOCATION", nil, loc)
		for _, p := range []struct{ name, value string }{{propVenue, m.Venue}, {propCity, m.City}, {propCountry, m.Country}} {
			if p.value != "" {
				b.text(p.name, nil, p.value)
			}
		}
	}
	b.text("DESCRIPTION", nil, eventDescription(m, actors, marking))
	status, transp := eventStatus(m.Status, m.When), eventTransp(m)
	b.prop("STATUS", nil, status)
	b.text(propStatus, nil, string(m.Status))
	if transp != "" {
		b.prop("TRANSP", nil, transp)
	}
	b.prop("X-MICROSOFT-CDO-BUSYSTATUS", nil, eventBusyStatus(status, transp))
	if class := eventClass(m, marking); class != "" {
		b.prop("CLASS", nil, class)
	}
	b.prop("END", nil, "VEVENT")
}
