package ical

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/parley-app/parley/storage"
)

// Change is one meeting an import created or updated.
type Change struct {
	MeetingID string
	Title     string
	Created   bool // false: an existing meeting was updated
}

// ImportReport says what an import did.
type ImportReport struct {
	Created   int
	Updated   int
	Unchanged int // matched a meeting that already says what the calendar says
	Changes   []Change
	Skipped   []Skipped // items of the file that did not become meetings, and why
	Notes     []string  // what a user should know about events that were imported
}

// String writes the report for a person: a count line, then one line per skipped item and note.
func (r ImportReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d created, %d updated, %d unchanged, %d skipped.", r.Created, r.Updated, r.Unchanged, len(r.Skipped))
	for _, s := range r.Skipped {
		b.WriteString("\nSkipped " + s.String())
	}
	for _, n := range r.Notes {
		b.WriteString("\nNote, " + n)
	}
	return b.String()
}

// Import reads an iCalendar file into the store: events whose UID matches a meeting update
// it (see Apply), the others become new meetings. A malformed file, or any failure of the
// store, changes nothing.
func Import(ctx context.Context, store *storage.Store, r io.Reader) (ImportReport, error) {
	res, err := Read(r)
	if err != nil {
		return ImportReport{}, err
	}
	return Apply(ctx, store, res, time.Now())
}

// Apply writes what Read found, all in one transaction (Store.ImportDossier), so nothing is
// half-imported. Each event is matched by UID (Store.MeetingByICalUID):
//
//   - no match: a new meeting with a fresh ID, the event's UID in ICalUID and a first status
//     change recorded at now;
//   - a match: the fields a calendar holds (title, date and time with zone, duration, status,
//     venue, city, country, and the purpose when the event has a DESCRIPTION) are taken from
//     the event and everything Parley alone holds (participants, objectives, lines to take,
//     questions, background, links, tags…) is kept. A status change is appended to the
//     history. Where another calendar dropped Parley's X-PARLEY properties, what Parley
//     wrote is recognised and kept: a month shown on its first day stays a month, an unknown
//     length shown as the default 60 minutes stays unknown, and a proposed meeting shown as
//     TENTATIVE stays proposed;
//   - a match that the event would change, but whose Parley copy was changed after the event's
//     LAST-MODIFIED, is left alone and reported as skipped, so that an older calendar file
//     cannot undo newer work.
func Apply(ctx context.Context, store *storage.Store, res ReadResult, now time.Time) (ImportReport, error) {
	now = now.UTC().Truncate(time.Millisecond)
	rep := ImportReport{Skipped: append([]Skipped(nil), res.Skipped...), Notes: append([]string(nil), res.Notes...)}
	d := &storage.Dossier{}
	matched := map[string]int{} // meeting ID → line of the event that matched it
	for _, ev := range res.Events {
		existing, err := store.MeetingByICalUID(ctx, ev.Meeting.ICalUID)
		switch {
		case errors.Is(err, storage.ErrNotFound):
			m := ev.Meeting
			m.ID = uuid.NewString()
			m.Created, m.Updated = now, now
			m.StatusHistory = []storage.StatusChange{{Recorded: now, To: m.Status, When: m.When,
				Reason: "Imported from a calendar file."}}
			d.Meetings = append(d.Meetings, m)
			rep.Created++
			rep.Changes = append(rep.Changes, Change{m.ID, m.Title, true})
			continue
		case err != nil:
			return ImportReport{}, fmt.Errorf("import calendar: %w", err)
		}
		if line, dup := matched[existing.ID]; dup {
			rep.Skipped = append(rep.Skipped, Skipped{ev.Line, ev.Meeting.ICalUID, ev.Meeting.Title,
				fmt.Sprintf("stands for the same meeting as the event on line %d, which was used", line)})
			continue
		}
		matched[existing.ID] = ev.Line
		m, changed := merge(existing, ev)
		if !changed {
			rep.Unchanged++
			continue
		}
		if !ev.LastModified.IsZero() && existing.Updated.After(ev.LastModified) {
			rep.Skipped = append(rep.Skipped, Skipped{ev.Line, ev.Meeting.ICalUID, ev.Meeting.Title,
				fmt.Sprintf("Parley's copy was changed (%s) after this calendar entry (%s); Parley's was kept",
					existing.Updated.UTC().Format("2 Jan 2006 15:04 MST"), ev.LastModified.UTC().Format("2 Jan 2006 15:04 MST"))})
			continue
		}
		if m.Status != existing.Status {
			m.StatusHistory = append(append([]storage.StatusChange(nil), existing.StatusHistory...),
				storage.StatusChange{Recorded: now, From: existing.Status, To: m.Status, When: existing.When,
					Reason: "Changed in a calendar file."})
		}
		m.Updated = now
		if !now.After(existing.Updated) {
			m.Updated = existing.Updated.Add(time.Millisecond)
		}
		d.Meetings = append(d.Meetings, m)
		rep.Updated++
		rep.Changes = append(rep.Changes, Change{m.ID, m.Title, false})
	}
	if len(d.Meetings) == 0 {
		return rep, nil
	}
	if _, err := store.ImportDossier(ctx, d); err != nil {
		return ImportReport{}, fmt.Errorf("import calendar: %w", err)
	}
	return rep, nil
}

// merge takes the calendar's fields into a stored meeting and reports whether anything changed.
func merge(old storage.Meeting, ev Event) (storage.Meeting, bool) {
	m := old
	cal := ev.Meeting
	m.Title = cal.Title
	m.When, m.DurationMinutes = cal.When, cal.DurationMinutes
	if old.DurationMinutes == 0 && cal.DurationMinutes == defaultMeetingMinutes {
		// The length Parley shows for a meeting whose length it does not know.
		m.DurationMinutes = 0
	}
	if cal.When.Kind == storage.DateDay && !old.When.IsDay() && !old.When.IsZero() {
		// Parley showed a month, year, deadline or range on its first day; a calendar that
		// dropped X-PARLEY-DATE still shows that day, which does not make the date exact.
		if first, _ := firstDay(old.When); first.Equal(cal.When.Lower()) {
			m.When = old.When
		}
	}
	m.Status = cal.Status
	if !ev.StatusFromParley && eventStatus(old.Status, m.When) == eventStatus(cal.Status, m.When) {
		// The calendar says the same in its coarser terms; keep Parley's status.
		m.Status = old.Status
	}
	if ev.LocationParts {
		m.Venue, m.City, m.Country = cal.Venue, cal.City, cal.Country
	} else {
		m.Venue, m.City, m.Country = splitLocation(ev.Location, [3]string{old.Venue, old.City, old.Country})
	}
	if ev.HasDescription {
		m.Purpose = cal.Purpose
	}
	changed := m.Title != old.Title || !sameDate(m.When, old.When) || m.DurationMinutes != old.DurationMinutes ||
		m.Status != old.Status || m.Venue != old.Venue || m.City != old.City || m.Country != old.Country ||
		m.Purpose != old.Purpose
	return m, changed
}

// sameDate compares two dates by what they mean (time.Time values are compared as instants).
func sameDate(a, b storage.FuzzyDate) bool {
	return a.Kind == b.Kind && a.Zone == b.Zone && a.At.Equal(b.At) && a.From == b.From && a.To == b.To
}
