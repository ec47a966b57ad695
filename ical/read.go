package ical

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/teambition/rrule-go"

	"github.com/parley-app/parley/storage"
)

// Event is one calendar event read as a meeting.
type Event struct {
	// Meeting holds what the calendar says, as a new meeting would have it: ICalUID, Title,
	// When (with its zone), DurationMinutes, Status, Venue, City, Country, Purpose and the
	// calendar entry (SEQUENCE, LAST-MODIFIED, CREATED, TRANSP, CLASS). Its ID, timestamps and
	// Parley-only fields are empty.
	Meeting storage.Meeting
	// Line is where the event begins in the file; Summary is SUMMARY as written, markers and
	// all.
	Line    int
	Summary string
	// Location is LOCATION as written, LocationParts whether the file also gave Parley's
	// venue/city/country split of it, and HasDescription whether DESCRIPTION was present, so
	// that Apply can keep what Parley knows when the calendar does not say otherwise.
	Location       string
	LocationParts  bool
	HasDescription bool
	// StatusFromParley is true when the status is the one Parley wrote (X-PARLEY-STATUS,
	// agreeing with STATUS), not a reading of STATUS alone; ICalStatus is STATUS as written,
	// upper-cased ("" when absent).
	StatusFromParley bool
	ICalStatus       string
	// LastModified is the event's LAST-MODIFIED (zero when absent), Sequence its SEQUENCE.
	LastModified time.Time
	Sequence     int
	// Attendees are ORGANIZER and ATTENDEE, organiser first.
	Attendees []Attendee
	// Excluded is an occurrence a series leaves out (EXDATE): it cancels a meeting an earlier
	// import made for it, and creates nothing.
	Excluded bool
}

// Attendee is an ORGANIZER or ATTENDEE of an event.
type Attendee struct {
	Name, Email string
	Role        storage.Role
}

func (a Attendee) String() string {
	switch {
	case a.Name != "" && a.Email != "":
		return a.Name + " <" + a.Email + ">"
	case a.Name != "":
		return a.Name
	}
	return a.Email
}

// ReadOptions are the choices of a read. The zero value reads as documented: a recurrence
// window of two years either side of now, floating times in UTC when the file names no zone.
type ReadOptions struct {
	// Now is the time the window is centred on (time.Now when zero).
	Now time.Time
	// WindowYears is how many years either side of Now a recurring series is expanded
	// (DefaultWindowYears when 0).
	WindowYears int
	// HomeZone is the IANA zone a floating time (no zone, and no X-WR-TIMEZONE) is read in;
	// UTC when empty.
	HomeZone string
}

// DefaultWindowYears is the recurrence window, in years either side of today.
const DefaultWindowYears = 2

func (o ReadOptions) window() (from, to time.Time) {
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	years := o.WindowYears
	if years <= 0 {
		years = DefaultWindowYears
	}
	now = now.UTC()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return day.AddDate(-years, 0, 0), day.AddDate(years, 0, 0)
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
	// Notes are things a user should know about events that were read ("spans 3 days"), and
	// the lines the reader skipped or repaired, each with its line number.
	Notes []string
	// Window is the span recurring series were expanded in; Series counts the series.
	WindowFrom, WindowTo time.Time
	Series               int
	// Found counts the VEVENTs of the file (masters, overrides and single events).
	Found int
	// Zones are the zones the file defines that no IANA zone agrees with, kept as zones of
	// Parley's own (storage.DefineZone) that the events name; an import stores them.
	Zones []storage.ZoneRules
}

// Meetings returns the meetings of the events, in file order.
func (r ReadResult) Meetings() []storage.Meeting {
	ms := make([]storage.Meeting, 0, len(r.Events))
	for _, e := range r.Events {
		if !e.Excluded {
			ms = append(ms, e.Meeting)
		}
	}
	return ms
}

// Read reads an iCalendar file with the default options (see ReadWith).
func Read(r io.Reader) (ReadResult, error) { return ReadWith(r, ReadOptions{}) }

// ReadWith reads an iCalendar file, tolerantly: only a file that holds no calendar at all is
// refused (a *MalformedError wrapping ErrMalformed). A line that is not a content line is
// skipped and named in Notes; an event that cannot be a meeting (no start, a to-do…) is listed
// in Skipped with the reason; the rest are returned. Recurring series are expanded within the
// window of the options, each occurrence a meeting of its own whose UID is the series' UID and
// the occurrence (see occurrenceUID).
func ReadWith(r io.Reader, opt ReadOptions) (ReadResult, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return ReadResult{}, fmt.Errorf("read calendar: %w", err)
	}
	cals, problems, err := parse(data)
	if err != nil {
		return ReadResult{}, err
	}
	var res ReadResult
	res.WindowFrom, res.WindowTo = opt.window()
	for _, p := range problems {
		res.Notes = append(res.Notes, p.String())
	}
	for _, cal := range cals {
		rd := &reader{opt: opt, res: &res, zones: map[string]*fileZone{}, fixedNoted: map[string]bool{}}
		rd.calendar(cal)
	}
	return res, nil
}

// reader reads one VCALENDAR.
type reader struct {
	opt         ReadOptions
	res         *ReadResult
	defaultZone string // X-WR-TIMEZONE
	zones       map[string]*fileZone
	seen        map[string]int    // UID (with occurrence) → line of the event kept
	fixedNoted  map[string]bool   // file zones already reported as agreeing with no IANA zone
	own         map[string]string // TZID → the name of the zone of Parley's own kept for it
}

// unmatchedFileZone is the zone of the file's own a time was given in (its TZID) when no IANA
// zone agrees with it over the time's year; nil otherwise.
func (rd *reader) unmatchedFileZone(p property, t icsTime) *fileZone {
	if t.allDay {
		return nil
	}
	fz := rd.zones[strings.Trim(strings.TrimSpace(p.param("TZID")), `"`)]
	if fz == nil {
		return nil
	}
	if _, _, ok := fz.ianaFor(t.t.Year()); ok {
		return nil
	}
	return fz
}

func (rd *reader) note(line int, title, format string, args ...any) {
	what := ""
	if title != "" {
		what = "“" + title + "”: "
	}
	rd.res.Notes = append(rd.res.Notes, fmt.Sprintf("line %d: %s", line, what)+fmt.Sprintf(format, args...))
}

func (rd *reader) calendar(cal *node) {
	rd.defaultZone = strings.TrimSpace(cal.value("X-WR-TIMEZONE"))
	rd.seen = map[string]int{}
	for _, c := range cal.subs {
		if c.name == "VTIMEZONE" {
			if z, ok := readFileZone(c); ok {
				rd.zones[z.tzid] = z
			}
		}
	}
	// Events by UID, so that a series and its changed occurrences are read together.
	type series struct {
		master    *node
		overrides []*node
	}
	byUID := map[string]*series{}
	var order []string
	for _, c := range cal.subs {
		switch c.name {
		case "VEVENT":
			rd.res.Found++
			if c.unclosed {
				rd.skip(c, "the event is not closed (no END:VEVENT): the file may be cut short")
				continue
			}
			uid := strings.TrimSpace(unescapeText(c.value("UID")))
			if uid == "" {
				uid = derivedUID(c)
			}
			s := byUID[uid]
			if s == nil {
				s = &series{}
				byUID[uid] = s
				order = append(order, uid)
			}
			if _, ok := c.first("RECURRENCE-ID"); ok {
				s.overrides = append(s.overrides, c)
			} else if s.master != nil {
				rd.skip(c, fmt.Sprintf("same UID as the event on line %d, which was kept", s.master.line))
			} else {
				s.master = c
			}
		case "VTIMEZONE":
		default:
			rd.res.Skipped = append(rd.res.Skipped, Skipped{Line: c.line, Reason: notAMeeting(c.name)})
		}
	}
	for _, uid := range order {
		s := byUID[uid]
		if s.master == nil {
			// Changed occurrences without their series (Google sends these): each on its own.
			for _, o := range s.overrides {
				rd.occurrence(o, uid, nil)
			}
			continue
		}
		_, rr := s.master.first("RRULE")
		_, rdate := s.master.first("RDATE")
		if !rr && !rdate {
			ev, ok := rd.event(s.master, uid)
			if ok {
				rd.keep(ev)
			}
			for _, o := range s.overrides {
				rd.occurrence(o, uid, nil)
			}
			continue
		}
		rd.series(s.master, s.overrides, uid)
	}
}

func (rd *reader) skip(n *node, reason string) {
	rd.res.Skipped = append(rd.res.Skipped, Skipped{Line: n.line, UID: strings.TrimSpace(n.value("UID")),
		Summary: strings.TrimSpace(unescapeText(n.value("SUMMARY"))), Reason: reason})
}

func (rd *reader) keep(ev Event) {
	if first, dup := rd.seen[ev.Meeting.ICalUID]; dup {
		rd.res.Skipped = append(rd.res.Skipped, Skipped{ev.Line, ev.Meeting.ICalUID, ev.Meeting.Title,
			fmt.Sprintf("same UID as the event on line %d, which was kept", first)})
		return
	}
	rd.seen[ev.Meeting.ICalUID] = ev.Line
	rd.res.Events = append(rd.res.Events, ev)
}

// derivedUID is the UID given to an event that has none: a digest of what identifies it
// (start, title, location), so that importing the same file again finds the same meeting.
func derivedUID(n *node) string {
	h := sha256.New()
	for _, name := range []string{"DTSTART", "SUMMARY", "LOCATION"} {
		p, _ := n.first(name)
		fmt.Fprintf(h, "%s;%s:%s\n", name, p.param("TZID"), strings.TrimSpace(p.value))
	}
	return "derived-" + hex.EncodeToString(h.Sum(nil))[:24] + "@parley"
}

// occurrenceUID is the UID of one occurrence of a series: the series' UID, "#", and the
// occurrence's original start (RECURRENCE-ID) as a UTC time or, for whole days, a date.
func occurrenceUID(uid, key string) string { return uid + "#" + key }

// occurrenceKey is the form of an occurrence's original start used in occurrenceUID.
func occurrenceKey(t icsTime) string {
	if t.allDay {
		return t.t.Format(icsDate)
	}
	return t.t.UTC().Format(icsUTC)
}

// occurrence reads a changed occurrence (RECURRENCE-ID). master is the series' event, when
// the file has it; else the override stands alone.
func (rd *reader) occurrence(o *node, uid string, master *Event) (key string, ev Event, ok bool) {
	ridProp, _ := o.first("RECURRENCE-ID")
	rid, err := rd.readTime(ridProp)
	if err != nil {
		rd.skip(o, "RECURRENCE-ID: "+err.Error())
		return "", Event{}, false
	}
	if strings.EqualFold(ridProp.param("RANGE"), "THISANDFUTURE") {
		rd.note(o.line, "", "a change to this and all later occurrences (RANGE=THISANDFUTURE) is applied to this occurrence only")
	}
	key = occurrenceKey(rid)
	ev, ok = rd.event(o, occurrenceUID(uid, key))
	if !ok {
		return key, Event{}, false
	}
	if master == nil {
		rd.keep(ev)
	}
	return key, ev, true
}

// maxOccurrences bounds the meetings one series gives, whatever its rule.
const maxOccurrences = 1000

// series expands a recurring event (RRULE, RDATE, EXDATE) within the window, with its changed
// occurrences in place of the ones they change.
func (rd *reader) series(m *node, overrides []*node, uid string) {
	base, ok := rd.event(m, uid)
	if !ok {
		return
	}
	rd.res.Series++
	startProp, _ := m.first("DTSTART")
	start, _ := rd.readTime(startProp)
	loc := time.UTC
	if !start.allDay && start.zone != utcZoneName {
		if l, err := storage.LoadZone(start.zone); err == nil {
			loc = l
		}
	}
	dtstart := start.t.In(loc)
	// In a zone of the file's own that no IANA zone agrees with, the series is expanded in the
	// file's wall-clock time and each occurrence converted with the file's rules, so that it
	// keeps its local time across the file's changes of offset.
	fz := rd.unmatchedFileZone(startProp, start)
	if fz != nil {
		loc = time.UTC
		dtstart = fz.wall(start.t)
	}
	occurrenceAt := func(t time.Time) icsTime {
		if fz != nil {
			return icsTime{t: fz.instant(t), zone: start.zone}
		}
		return icsTime{t: t, zone: start.zone, allDay: start.allDay}
	}
	set := &rrule.Set{}
	set.DTStart(dtstart)
	for _, p := range m.all("RRULE") {
		o, err := rrule.StrToROptionInLocation(p.value, loc)
		if err != nil {
			rd.note(p.line, base.Meeting.Title, "RRULE %q is not a rule Parley reads (%v); skipped", clip(p.value), err)
			continue
		}
		o.Dtstart = dtstart
		r, err := rrule.NewRRule(*o)
		if err != nil {
			rd.note(p.line, base.Meeting.Title, "RRULE %q: %v; skipped", clip(p.value), err)
			continue
		}
		set.RRule(r)
	}
	for _, name := range []string{"RDATE", "EXDATE"} {
		for _, p := range m.all(name) {
			for _, v := range strings.Split(p.value, ",") {
				v = strings.TrimSpace(v)
				if i := strings.IndexByte(v, '/'); i >= 0 {
					v = v[:i] // a PERIOD: its start
				}
				q := p
				q.value = v
				t, err := rd.readTime(q)
				if err != nil {
					rd.note(p.line, base.Meeting.Title, "%s %q: %v; skipped", name, clip(v), err)
					continue
				}
				if start.allDay && !t.allDay {
					t = icsTime{t: time.Date(t.t.Year(), t.t.Month(), t.t.Day(), 0, 0, 0, 0, time.UTC), allDay: true}
				}
				at := t.t.In(loc)
				if fz != nil && !t.allDay {
					at = fz.wall(t.t)
				}
				if name == "RDATE" {
					set.RDate(at)
				} else {
					set.ExDate(at)
				}
			}
		}
	}
	from, to := rd.res.WindowFrom, rd.res.WindowTo
	changed := map[string]Event{}
	for _, o := range overrides {
		if key, ev, ok := rd.occurrence(o, uid, &base); ok {
			changed[key] = ev
		}
	}
	times := set.Between(from, to, true)
	if !dtstart.Before(from) && dtstart.Before(to) && !slices.ContainsFunc(times, dtstart.Equal) &&
		!slices.ContainsFunc(set.GetExDate(), dtstart.Equal) {
		// RFC 5545: DTSTART is the first occurrence even when the rule does not match it.
		times = append([]time.Time{dtstart}, times...)
	}
	if len(times) > maxOccurrences {
		rd.note(m.line, base.Meeting.Title, "the series has %d occurrences in the window; Parley takes the first %d", len(times), maxOccurrences)
		times = times[:maxOccurrences]
	}
	if len(times) == 0 {
		rd.skip(m, fmt.Sprintf("a recurring event with no occurrence between %s and %s (the import window; see --window)",
			from.Format("2 Jan 2006"), to.Format("2 Jan 2006")))
	}
	for _, t := range times {
		occ := occurrenceAt(t)
		key := occurrenceKey(occ)
		if ev, ok := changed[key]; ok {
			rd.keep(ev)
			delete(changed, key)
			continue
		}
		rd.keep(shift(base, occurrenceUID(uid, key), occ))
	}
	for _, t := range set.GetExDate() {
		occ := occurrenceAt(t)
		if occ.t.Before(from) || !occ.t.Before(to) {
			continue
		}
		ex := shift(base, occurrenceUID(uid, occurrenceKey(occ)), occ)
		ex.Excluded = true
		ex.Meeting.Status = storage.StatusCancelled
		rd.res.Events = append(rd.res.Events, ex)
	}
	// Changes to occurrences the rule no longer has, or outside the window.
	keys := make([]string, 0, len(changed))
	for k := range changed {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ev := changed[k]
		if lower := ev.Meeting.When.Lower(); !lower.Before(from) && lower.Before(to) {
			rd.keep(ev)
		}
	}
}

// shift gives the series' event for one occurrence: the same meeting at another start, with
// the same length.
func shift(base Event, uid string, occ icsTime) Event {
	ev := base
	ev.Meeting.ICalUID = uid
	switch base.Meeting.When.Kind {
	case storage.DateExact:
		w, err := storage.Exact(occ.t, occ.zone)
		if err == nil {
			ev.Meeting.When = w
		}
	case storage.DateRange:
		days := int(base.Meeting.When.Upper().Sub(base.Meeting.When.Lower()).Hours()/24+0.5) - 1
		end := occ.t.AddDate(0, 0, days)
		ev.Meeting.When = storage.Between(storage.PartialDate{Year: occ.t.Year(), Month: occ.t.Month(), Day: occ.t.Day()},
			storage.PartialDate{Year: end.Year(), Month: end.Month(), Day: end.Day()})
	default:
		ev.Meeting.When = storage.OnDay(occ.t.Year(), occ.t.Month(), occ.t.Day())
	}
	return ev
}

func notAMeeting(component string) string {
	switch component {
	case "VTODO":
		return "a to-do item, not a meeting"
	case "VJOURNAL":
		return "a journal entry, not a meeting"
	case "VFREEBUSY":
		return "free/busy information, not a meeting"
	case "VAVAILABILITY":
		return "availability information, not a meeting"
	}
	return component + " is not a meeting"
}

// event reads one VEVENT as a meeting with the given UID.
func (rd *reader) event(n *node, uid string) (Event, bool) {
	summary := strings.TrimSpace(unescapeText(n.value("SUMMARY")))
	skip := func(reason string) (Event, bool) {
		rd.res.Skipped = append(rd.res.Skipped, Skipped{Line: n.line, UID: uid, Summary: summary, Reason: reason})
		return Event{}, false
	}
	startProp, ok := n.first("DTSTART")
	if !ok {
		return skip("no start date (DTSTART)")
	}
	hint := strings.TrimSpace(n.value(propStatus))
	fromParley := hint != "" || strings.HasSuffix(strings.TrimSpace(n.value("UID")), "@parley")
	title := titleFromSummary(summary, fromParley)
	if title == "" {
		title = strings.TrimSpace(unescapeText(n.value("LOCATION")))
		if title == "" {
			title = "Untitled calendar event"
		}
		rd.note(n.line, title, "no title (SUMMARY); named after its location, or “Untitled calendar event”")
	}
	start, err := rd.readTime(startProp)
	if err != nil {
		return skip("DTSTART: " + err.Error())
	}
	note := func(format string, args ...any) { rd.note(n.line, title, format, args...) }
	m := storage.Meeting{ICalUID: uid, Title: title}

	end, hasEnd, err := rd.readEnd(n, start)
	if err != nil {
		note("%s; the length is left unrecorded", err)
		hasEnd = false
	}
	if start.allDay {
		m.When = storage.OnDay(start.t.Year(), start.t.Month(), start.t.Day())
		if hasEnd {
			if days := int(end.t.Sub(start.t).Hours()/24 + 0.5); days > 1 {
				last := end.t.AddDate(0, 0, -1)
				m.When = storage.Between(storage.PartialDate{Year: start.t.Year(), Month: start.t.Month(), Day: start.t.Day()},
					storage.PartialDate{Year: last.Year(), Month: last.Month(), Day: last.Day()})
			}
		}
		if text := strings.TrimSpace(unescapeText(n.value(propDate))); text != "" {
			fuzzy, err := storage.ParseFuzzyDate(text)
			switch {
			case err != nil:
				note("%s %q is not a date Parley reads; the calendar's day is kept", propDate, text)
			case showsOn(fuzzy, start.t):
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
			case minutes == defaultMeetingMinutes && strings.EqualFold(n.value(propDuration), "unknown"):
				// Parley wrote the default length for a meeting whose length it did not know.
			default:
				m.DurationMinutes = minutes
			}
		}
	}
	if err := m.When.Validate(); err != nil {
		// A day such as 9999-12-31, a stand-in for "never", is no date of talks.
		return skip("DTSTART: " + err.Error())
	}
	m.Status = meetingStatus(n.value("STATUS"), hint, m.When)

	ev := Event{Meeting: m, Line: n.line, Summary: summary, Location: strings.TrimSpace(unescapeText(n.value("LOCATION")))}
	ev.StatusFromParley = hint != "" && strings.EqualFold(hint, string(m.Status))
	ev.ICalStatus = strings.ToUpper(strings.TrimSpace(n.value("STATUS")))
	parts := [3]string{unescapeText(n.value(propVenue)), unescapeText(n.value(propCity)), unescapeText(n.value(propCountry))}
	ev.LocationParts = parts != [3]string{}
	ev.Meeting.Venue, ev.Meeting.City, ev.Meeting.Country = splitLocation(ev.Location, parts)
	if d, ok := n.first("DESCRIPTION"); ok {
		ev.HasDescription = true
		ev.Meeting.Purpose = purposeFromDescription(unescapeText(d.value), fromParley)
	}
	if lm, ok := n.first("LAST-MODIFIED"); ok {
		if t, err := rd.readStamp(lm); err == nil {
			ev.LastModified = t
		}
	}
	if c, ok := n.first("CREATED"); ok {
		if t, err := rd.readStamp(c); err == nil {
			ev.Meeting.Calendar.Created = t
		}
	}
	if sq := strings.TrimSpace(n.value("SEQUENCE")); sq != "" {
		if v, err := strconv.Atoi(sq); err == nil && v >= 0 {
			ev.Sequence = v
		} else {
			note("SEQUENCE %q is not a number; taken as 0", clip(sq))
		}
	}
	ev.Meeting.Calendar.Sequence, ev.Meeting.Calendar.Modified = ev.Sequence, ev.LastModified
	ev.Meeting.Calendar.Transp = strings.ToUpper(strings.TrimSpace(n.value("TRANSP")))
	if fromParley && (!ev.Meeting.When.IsDay() || ev.Meeting.Status == storage.StatusCancelled) {
		// Parley's own free time for a stand-in day or a cancelled meeting, not a choice to
		// keep once the date is known or the meeting is on again.
		ev.Meeting.Calendar.Transp = ""
	}
	ev.Meeting.Calendar.Class = strings.ToUpper(strings.TrimSpace(n.value("CLASS")))
	if o, ok := n.first("ORGANIZER"); ok {
		ev.Attendees = append(ev.Attendees, attendee(o, storage.RoleHost))
	}
	for _, a := range n.all("ATTENDEE") {
		role := storage.RoleMember
		switch strings.ToUpper(a.param("ROLE")) {
		case "CHAIR":
			role = storage.RoleHead
		case "OPT-PARTICIPANT", "NON-PARTICIPANT":
			role = storage.RoleObserver
		}
		at := attendee(a, role)
		dup := false
		for _, b := range ev.Attendees {
			dup = dup || (at.Email != "" && strings.EqualFold(at.Email, b.Email))
		}
		if !dup && at.String() != "" {
			ev.Attendees = append(ev.Attendees, at)
		}
	}
	rd.fitLimits(n.line, &ev)
	return ev, true
}

// fitLimits cuts what an event holds to the limits every entry point holds records to
// (storage.NameLimit for the title, the place and the attendees' names, storage.TextLimit for
// the purpose), noting each cut with the event and the field: the calendar is read
// tolerantly, so an event keeps what fits rather than being dropped.
func (rd *reader) fitLimits(line int, ev *Event) {
	m := &ev.Meeting
	fields := []struct {
		name string
		v    *string
		lim  storage.Limit
	}{
		{"title (SUMMARY)", &m.Title, storage.NameLimit},
		{"venue", &m.Venue, storage.NameLimit},
		{"city", &m.City, storage.NameLimit},
		{"country", &m.Country, storage.NameLimit},
		{"purpose (DESCRIPTION)", &m.Purpose, storage.TextLimit},
	}
	for i := range ev.Attendees {
		fields = append(fields, struct {
			name string
			v    *string
			lim  storage.Limit
		}{"an attendee's name", &ev.Attendees[i].Name, storage.NameLimit})
	}
	for _, f := range fields {
		reason := f.lim.Check(*f.v)
		if reason == "" {
			continue
		}
		*f.v, _ = f.lim.Trim(*f.v)
		rd.note(line, clip(m.Title), "the %s %s; it is cut to the limit", f.name, strings.TrimPrefix(reason, "it "))
	}
}

func attendee(p property, role storage.Role) Attendee {
	email := strings.TrimSpace(p.value)
	if len(email) > 7 && strings.EqualFold(email[:7], "mailto:") {
		email = email[7:]
	}
	if !strings.Contains(email, "@") {
		email = ""
	}
	name := strings.Trim(strings.TrimSpace(p.param("CN")), `"`)
	if name == email {
		name = ""
	}
	return Attendee{Name: name, Email: email, Role: role}
}

// icsTime is a DTSTART or DTEND: a day (allDay, at midnight UTC) or an instant with the zone
// it was given in.
type icsTime struct {
	t      time.Time
	zone   string
	allDay bool
}

// readStamp reads a UTC stamp (CREATED, LAST-MODIFIED, DTSTAMP); a local time is read as UTC.
func (rd *reader) readStamp(p property) (time.Time, error) {
	v := strings.TrimSuffix(strings.TrimSpace(p.value), "Z")
	t, err := time.Parse(icsLocal, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a time like 20160622T010000Z", clip(p.value))
	}
	return t, nil
}

// readTime reads a DATE or DATE-TIME value:
//
//   - a date (VALUE=DATE, or eight digits): a whole day;
//   - UTC ("…Z"): the instant, given the calendar's X-WR-TIMEZONE as its zone when the file
//     names one (Google writes every event in UTC), else UTC;
//   - with a TZID the file defines in a VTIMEZONE: converted with the file's rules, and given
//     the IANA zone whose offsets agree with them over the event's year (else a fixed-offset
//     zone, or UTC, with the instant kept);
//   - with a TZID the file does not define: the IANA zone it names (see resolveZone);
//   - floating (no zone): in the calendar's X-WR-TIMEZONE, else in the home zone of the
//     options, else UTC.
//
// A time before the year 1 in UTC (a DTSTART of 00000110), or 00010101T000000 UTC, which is
// Go's zero time and means "no time" to the dossier, is refused: the dossier has no such date.
func (rd *reader) readTime(p property) (icsTime, error) {
	t, err := rd.readTimeValue(p)
	if err == nil && (t.t.IsZero() || t.t.UTC().Year() < 1) {
		return icsTime{}, fmt.Errorf("%q is a date before the year 1", clip(strings.TrimSpace(p.value)))
	}
	return t, err
}

func (rd *reader) readTimeValue(p property) (icsTime, error) {
	v := strings.TrimSpace(p.value)
	if strings.EqualFold(p.param("VALUE"), "DATE") || len(v) == 8 {
		t, err := time.Parse(icsDate, v[:min(len(v), 8)])
		if err != nil {
			return icsTime{}, fmt.Errorf("%q is not a date like 20160622", clip(v))
		}
		return icsTime{t: t, allDay: true}, nil
	}
	if strings.HasSuffix(v, "Z") || strings.HasSuffix(v, "z") {
		t, err := time.Parse(icsUTC, strings.ToUpper(v))
		if err != nil {
			return icsTime{}, fmt.Errorf("%q is not a UTC time like 20160622T010000Z", clip(v))
		}
		zone := utcZoneName
		if name, _, ok := resolveZone(rd.defaultZone); ok {
			zone = name
		}
		return icsTime{t: t, zone: zone}, nil
	}
	wall, err := time.Parse(icsLocal, v)
	if err != nil {
		return icsTime{}, fmt.Errorf("%q is not a time like 20160622T100000", clip(v))
	}
	tzid := strings.Trim(strings.TrimSpace(p.param("TZID")), `"`)
	if tzid == "" {
		for _, z := range []string{rd.defaultZone, rd.opt.HomeZone, utcZoneName} {
			if name, loc, ok := resolveZone(z); ok {
				t, _ := time.ParseInLocation(icsLocal, v, loc)
				return icsTime{t: t, zone: name}, nil
			}
		}
	}
	if fz := rd.zones[tzid]; fz != nil {
		u := fz.instant(wall)
		if name, _, ok := fz.ianaFor(u.Year()); ok {
			return icsTime{t: u, zone: name}, nil
		}
		zone, err := rd.ownZone(tzid, fz)
		if err != nil {
			return icsTime{}, err
		}
		if !rd.fixedNoted[tzid] {
			rd.fixedNoted[tzid] = true
			rd.note(p.line, "", "the time zone %q the file defines agrees with no zone Parley knows in %d; its rules are kept with the meetings as the zone %q, so their times follow the file's changes of offset",
				clip(tzid), u.Year(), zone)
		}
		return icsTime{t: u, zone: zone}, nil
	}
	zone, loc, ok := resolveZone(tzid)
	if !ok {
		zone, loc, ok = zoneByCity(tzid)
	}
	if !ok {
		for _, z := range []string{rd.defaultZone, rd.opt.HomeZone, utcZoneName} {
			if zone, loc, ok = resolveZone(z); ok {
				break
			}
		}
		rd.note(p.line, "", "the time zone %q is neither defined in the file (VTIMEZONE) nor one Parley knows; the time is read in %s", clip(tzid), zone)
	}
	t, _ := time.ParseInLocation(icsLocal, v, loc)
	return icsTime{t: t, zone: zone}, nil
}

// ownZone keeps the rules of a file zone that agrees with no IANA zone as a zone of Parley's
// own (storage.DefineZone), once per file zone, and names it; the import stores it with the
// meetings.
func (rd *reader) ownZone(tzid string, fz *fileZone) (string, error) {
	if name, ok := rd.own[tzid]; ok {
		return name, nil
	}
	if loc, err := storage.LoadZone(tzid); err == nil && storage.IsDefinedZone(tzid) && fz.agreesAround(loc) {
		// A calendar Parley wrote, coming back: the zone it names is the one kept here.
		rd.own = mapWith(rd.own, tzid, tzid)
		return tzid, nil
	}
	r := fz.rules()
	name, err := storage.DefineZone(zoneLabel(tzid), r)
	if err != nil {
		return "", fmt.Errorf("the time zone %q the file defines cannot be kept: %w", clip(tzid), err)
	}
	r, _ = storage.DefinedZone(name)
	rd.own = mapWith(rd.own, tzid, name)
	rd.res.Zones = append(rd.res.Zones, r)
	return name, nil
}

// zoneLabel is the part of a TZID a person reads: "/softwarestudio.org/Tzfile/America/Chicago"
// and "/mozilla.org/20050126_1/Europe/Berlin" are America/Chicago and Europe/Berlin.
func zoneLabel(tzid string) string {
	if !strings.HasPrefix(tzid, "/") {
		return tzid
	}
	parts := strings.Split(strings.Trim(tzid, "/"), "/")
	if len(parts) < 2 {
		return tzid
	}
	return strings.Join(parts[len(parts)-2:], "/")
}

func mapWith(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

// readEnd reads DTEND, or DURATION added to the start.
func (rd *reader) readEnd(n *node, start icsTime) (icsTime, bool, error) {
	if e, ok := n.first("DTEND"); ok {
		end, err := rd.readTime(e)
		if err != nil {
			return icsTime{}, false, fmt.Errorf("DTEND: %w", err)
		}
		if end.allDay != start.allDay {
			return icsTime{}, false, fmt.Errorf("DTEND is not of the same kind as DTSTART")
		}
		return end, true, nil
	}
	if d := strings.TrimSpace(n.value("DURATION")); d != "" {
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
