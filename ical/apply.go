package ical

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
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

// Conflict is an organiser's update to a meeting the user edited in Parley since it was
// imported: Parley's version was kept. Importing again with the UID in TakeTheirs takes the
// calendar's.
type Conflict struct {
	Line      int
	UID       string
	MeetingID string
	Title     string    // Parley's title
	Edited    time.Time // when the meeting was last changed in Parley
	Theirs    string    // what the calendar's version says, in a line
}

func (c Conflict) String() string {
	return fmt.Sprintf("line %d: “%s” was edited in Parley (%s) since it was imported; the organiser's update (%s) was not applied. To take it: --take-theirs %s",
		c.Line, c.Title, c.Edited.UTC().Format("2 Jan 2006 15:04 MST"), c.Theirs, c.UID)
}

// ImportReport says what an import did.
type ImportReport struct {
	Created   int
	Updated   int
	Unchanged int // matched a meeting that already says what the calendar says
	Cancelled int // occurrences a series now leaves out (EXDATE) whose meetings were cancelled
	Changes   []Change
	Conflicts []Conflict // organisers' updates to meetings edited in Parley, not applied
	Skipped   []Skipped  // items of the file that did not become meetings, and why
	Notes     []string   // what a user should know about events that were imported
	// Unmatched are attendees and organisers no actor's name (or other names, where an e-mail
	// address can be kept) matches: they are not participants; add them as actors to link them.
	Unmatched []string
	// Found counts the file's VEVENTs, Series its recurring series; WindowFrom and WindowTo
	// are the span series were expanded in.
	Found, Series        int
	WindowFrom, WindowTo time.Time
}

// String writes the report for a person: a count line, then one line per skipped item and note.
func (r ImportReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d created, %d updated, %d unchanged, %d skipped", r.Created, r.Updated, r.Unchanged, len(r.Skipped))
	if len(r.Conflicts) > 0 {
		fmt.Fprintf(&b, ", %d kept as edited in Parley", len(r.Conflicts))
	}
	if r.Cancelled > 0 {
		fmt.Fprintf(&b, ", %d cancelled occurrences", r.Cancelled)
	}
	b.WriteString(".")
	if r.Series > 0 {
		fmt.Fprintf(&b, "\n%d recurring series expanded from %s to %s.", r.Series,
			r.WindowFrom.Format("2 Jan 2006"), r.WindowTo.Format("2 Jan 2006"))
	}
	for _, c := range r.Conflicts {
		b.WriteString("\nKept Parley's version, " + c.String())
	}
	for _, s := range r.Skipped {
		b.WriteString("\nSkipped " + s.String())
	}
	if len(r.Unmatched) > 0 {
		b.WriteString("\nNot matched to an actor (add them as actors to link them): " + strings.Join(r.Unmatched, "; "))
	}
	for _, n := range r.Notes {
		b.WriteString("\nNote, " + n)
	}
	return b.String()
}

// Options are the choices of an import.
type Options struct {
	Read ReadOptions
	// TakeTheirs lists UIDs (as the report's conflicts give them) whose calendar version is to
	// replace Parley's even though the meeting was edited in Parley since its import.
	TakeTheirs []string
	// Now is the import time (time.Now when zero).
	Now time.Time
}

// Import reads an iCalendar file into the store with the default options.
func Import(ctx context.Context, store *storage.Store, r io.Reader) (ImportReport, error) {
	return ImportWith(ctx, store, r, Options{})
}

// ImportWith reads an iCalendar file into the store: events whose UID matches a meeting update
// it (see Apply), the others become new meetings. A file that is not a calendar, or any
// failure of the store, changes nothing.
func ImportWith(ctx context.Context, store *storage.Store, r io.Reader, opt Options) (ImportReport, error) {
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	if opt.Read.Now.IsZero() {
		opt.Read.Now = now
	}
	res, err := ReadWith(r, opt.Read)
	if err != nil {
		return ImportReport{}, err
	}
	return apply(ctx, store, res, now, opt.TakeTheirs)
}

// Apply writes what Read found with no organiser's version forced (see ImportWith).
func Apply(ctx context.Context, store *storage.Store, res ReadResult, now time.Time) (ImportReport, error) {
	return apply(ctx, store, res, now, nil)
}

// apply writes what Read found, all in one transaction (Store.ImportDossier), so nothing is
// half-imported. Each event is matched by UID (Store.MeetingByICalUID):
//
//   - no match: a new meeting with a fresh ID, the event's UID in ICalUID, its calendar entry
//     (SEQUENCE, LAST-MODIFIED, CREATED, TRANSP, CLASS) and a first status change recorded at
//     now; its attendees that match actors become participants;
//   - a match: the fields a calendar holds (title, date and time with zone, duration, status,
//     venue, city, country, and the purpose when the event has a DESCRIPTION) are taken from
//     the event and everything Parley alone holds (objectives, lines to take, questions,
//     background, links, tags…) is kept; matched attendees not yet participants are added. A
//     status change is appended to the history. What Parley wrote and another calendar
//     dropped is recognised and kept (see merge);
//   - the update rule: an entry older than the one last applied (lower SEQUENCE, or the same
//     SEQUENCE and an earlier LAST-MODIFIED) changes nothing and is reported; a newer one
//     applies, unless the meeting was edited in Parley since it was last imported, in which
//     case Parley's version is kept and the report lists a Conflict, unless its UID is in
//     takeTheirs. A meeting made in Parley (no calendar entry yet) is kept when it was changed
//     after the event's LAST-MODIFIED. An entry that says what the meeting says but with a
//     higher SEQUENCE counts as unchanged and its SEQUENCE and LAST-MODIFIED are kept;
//   - an occurrence a series now excludes (EXDATE) cancels the meeting an earlier import made.
func apply(ctx context.Context, store *storage.Store, res ReadResult, now time.Time, takeTheirs []string) (ImportReport, error) {
	now = now.UTC().Truncate(time.Millisecond)
	rep := ImportReport{Skipped: append([]Skipped(nil), res.Skipped...), Notes: append([]string(nil), res.Notes...),
		Found: res.Found, Series: res.Series, WindowFrom: res.WindowFrom, WindowTo: res.WindowTo}
	actors, err := store.Actors(ctx)
	if err != nil {
		return ImportReport{}, fmt.Errorf("import calendar: %w", err)
	}
	match := newActorMatcher(actors)
	unmatched := map[string]bool{}
	theirs := map[string]bool{}
	for _, u := range takeTheirs {
		theirs[strings.TrimSpace(u)] = true
	}
	d := &storage.Dossier{Zones: res.Zones}
	matched := map[string]int{} // meeting ID → line of the event that matched it
	for _, ev := range res.Events {
		existing, err := store.MeetingByICalUID(ctx, ev.Meeting.ICalUID)
		switch {
		case errors.Is(err, storage.ErrNotFound):
			if ev.Excluded {
				continue
			}
			m := ev.Meeting
			m.ID = uuid.NewString()
			m.Created, m.Updated = now, now
			if c := m.Calendar.Created; !c.IsZero() && !c.After(now) {
				m.Created = c.UTC()
			}
			m.Calendar.Synced = now
			m.Participants = participants(nil, ev.Attendees, match, unmatched)
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
		var m storage.Meeting
		changed := false
		if ev.Excluded {
			if existing.Status == storage.StatusCancelled {
				rep.Unchanged++
				continue
			}
			m, changed = existing, true
			m.Status = storage.StatusCancelled
		} else {
			m, changed = merge(existing, ev)
			if ps := participants(existing.Participants, ev.Attendees, match, unmatched); len(ps) != len(existing.Participants) {
				m.Participants, changed = ps, true
			}
		}
		if !changed {
			rep.Unchanged++
			if !ev.Excluded && !existing.Calendar.Synced.IsZero() && ev.Sequence > existing.Calendar.Sequence {
				// The organiser raised SEQUENCE without changing what Parley holds: keep the
				// new entry, so that the version before it now counts as older.
				m = existing
				m.Updated = later(now, existing.Updated)
				m.Calendar = calendarEntry(existing, ev)
				m.Calendar.Synced = m.Updated
				if existing.EditedSinceImport() {
					m.Calendar.Synced = existing.Calendar.Synced // still edited in Parley since
				}
				d.Meetings = append(d.Meetings, m)
			}
			continue
		}
		if older(ev, existing) {
			rep.Skipped = append(rep.Skipped, Skipped{ev.Line, ev.Meeting.ICalUID, ev.Meeting.Title,
				"an older version of the calendar entry than the one imported before (SEQUENCE or LAST-MODIFIED); Parley's was kept"})
			continue
		}
		if existing.Calendar.Synced.IsZero() && !ev.LastModified.IsZero() && existing.Updated.After(ev.LastModified) {
			rep.Skipped = append(rep.Skipped, Skipped{ev.Line, ev.Meeting.ICalUID, ev.Meeting.Title,
				fmt.Sprintf("Parley's copy was changed (%s) after this calendar entry (%s); Parley's was kept",
					existing.Updated.UTC().Format("2 Jan 2006 15:04 MST"), ev.LastModified.UTC().Format("2 Jan 2006 15:04 MST"))})
			continue
		}
		if existing.EditedSinceImport() && !theirs[ev.Meeting.ICalUID] {
			rep.Conflicts = append(rep.Conflicts, Conflict{Line: ev.Line, UID: ev.Meeting.ICalUID, MeetingID: existing.ID,
				Title: existing.Title, Edited: existing.Updated, Theirs: theirLine(ev)})
			continue
		}
		if m.Status != existing.Status {
			m.StatusHistory = append(append([]storage.StatusChange(nil), existing.StatusHistory...),
				storage.StatusChange{Recorded: now, From: existing.Status, To: m.Status, When: existing.When,
					Reason: "Changed in a calendar file."})
		}
		m.Updated = later(now, existing.Updated)
		if !ev.Excluded {
			m.Calendar = calendarEntry(existing, ev)
		}
		m.Calendar.Synced = m.Updated
		d.Meetings = append(d.Meetings, m)
		if ev.Excluded {
			rep.Cancelled++
		} else {
			rep.Updated++
		}
		rep.Changes = append(rep.Changes, Change{m.ID, m.Title, false})
	}
	for u := range unmatched {
		rep.Unmatched = append(rep.Unmatched, u)
	}
	sort.Strings(rep.Unmatched)
	if len(d.Meetings) == 0 {
		return rep, nil
	}
	if _, err := store.ImportDossier(ctx, d); err != nil {
		return ImportReport{}, fmt.Errorf("import calendar: %w", err)
	}
	return rep, nil
}

// later is now, or just after updated when now is not after it: the Updated stamp of a
// meeting an import changes, which Store.ImportDossier takes only when it is newer.
func later(now, updated time.Time) time.Time {
	if !now.After(updated) {
		return updated.Add(time.Millisecond)
	}
	return now
}

// calendarEntry is the calendar entry of the event, keeping the CREATED Parley has when the
// event gives none. Synced is left for the caller.
func calendarEntry(existing storage.Meeting, ev Event) storage.CalendarEntry {
	c := ev.Meeting.Calendar
	if c.Created.IsZero() {
		c.Created = existing.Calendar.Created
	}
	return c
}

// older tells whether the event is an older version of the calendar entry last applied to
// the meeting: a lower SEQUENCE, or the same one with an earlier LAST-MODIFIED.
func older(ev Event, m storage.Meeting) bool {
	if m.Calendar.Synced.IsZero() {
		return false
	}
	switch {
	case ev.Sequence != m.Calendar.Sequence:
		return ev.Sequence < m.Calendar.Sequence
	case !ev.LastModified.IsZero() && !m.Calendar.Modified.IsZero():
		return ev.LastModified.Before(m.Calendar.Modified)
	}
	return false
}

// theirLine says in a line what the calendar's version of a meeting says.
func theirLine(ev Event) string {
	s := "“" + ev.Meeting.Title + "”, " + ev.Meeting.When.String()
	if p := storage.JoinPlace(ev.Meeting.Venue, ev.Meeting.City, ev.Meeting.Country); p != "" {
		s += ", " + p
	}
	return s + ", " + string(ev.Meeting.Status)
}

// actorMatcher finds actors by name (Name, NativeName, OtherNames, without regard to case or
// spacing) and by e-mail address (one of the OtherNames).
type actorMatcher map[string]string

func newActorMatcher(actors []storage.Actor) actorMatcher {
	m := actorMatcher{}
	for _, a := range actors {
		for _, n := range append([]string{a.Name, a.NativeName}, a.OtherNames...) {
			if k := nameKey(n); k != "" {
				if _, taken := m[k]; !taken {
					m[k] = a.ID
				}
			}
		}
	}
	return m
}

func nameKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (m actorMatcher) find(a Attendee) (string, bool) {
	for _, k := range []string{a.Email, a.Name} {
		if id, ok := m[nameKey(k)]; ok && k != "" {
			return id, true
		}
	}
	return "", false
}

// participants adds to have the attendees that match actors and are not participants yet;
// the others go into unmatched.
func participants(have []storage.Participant, attendees []Attendee, match actorMatcher, unmatched map[string]bool) []storage.Participant {
	out := append([]storage.Participant(nil), have...)
	for _, a := range attendees {
		id, ok := match.find(a)
		if !ok {
			unmatched[a.String()] = true
			continue
		}
		if !slices.ContainsFunc(out, func(p storage.Participant) bool { return p.ActorID == id }) {
			out = append(out, storage.Participant{ActorID: id, Role: a.Role, Note: "From the calendar invitation."})
		}
	}
	return out
}

// merge takes the calendar's fields into a stored meeting and reports whether anything changed.
func merge(old storage.Meeting, ev Event) (storage.Meeting, bool) {
	m := old
	cal := ev.Meeting
	m.Title = cal.Title
	if ev.Summary == eventSummary(old) {
		// What Parley wrote, markers and all, from a calendar that dropped X-PARLEY-STATUS.
		m.Title = old.Title
	}
	m.When, m.DurationMinutes = cal.When, cal.DurationMinutes
	if cal.When.IsExact() && old.When.IsExact() && cal.When.At.Equal(old.When.At) {
		// The same instant in another zone (Google writes every event in UTC): keep the
		// venue's zone Parley has.
		m.When = old.When
	}
	if !m.When.IsExact() && !m.When.IsZero() && m.When.Zone == "" {
		// A calendar has no zone for a date without a time: the venue's zone Parley has stays.
		m.When.Zone = old.When.Zone
	}
	if old.DurationMinutes == 0 && cal.DurationMinutes == defaultMeetingMinutes {
		// The length Parley shows for a meeting whose length it does not know.
		m.DurationMinutes = 0
	}
	if cal.When.Kind == storage.DateDay && !old.When.IsDay() && !old.When.IsZero() {
		// Parley showed a month, year, deadline or range on its first day; a calendar that
		// dropped X-PARLEY-DATE still shows that day, which does not make the date exact.
		if showsOn(old.When, cal.When.Lower()) {
			m.When = old.When
		}
	}
	m.Status = cal.Status
	said := ev.ICalStatus
	if said == "" {
		said = eventStatus(cal.Status, m.When)
	}
	if !ev.StatusFromParley && eventStatus(old.Status, m.When) == said {
		// The calendar says what Parley would write, in its coarser terms; keep Parley's status.
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
	return a.Kind == b.Kind && a.Zone == b.Zone && a.At.Equal(b.At) && a.From == b.From && a.To == b.To && a.Approx == b.Approx
}
