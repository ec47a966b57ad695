package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The facts about a meeting that every face states — where it takes place, how a
// postponement reads, where it stands in a list, how its status is named — written once, here,
// so that the window, the command line, the briefing pack and the calendar files agree.

// JoinPlace joins the known parts of a place, most precise first, leaving out the empty ones:
// "Iikura Guest House, Tokyo, Japan", "Tokyo, Japan".
func JoinPlace(parts ...string) string {
	var known []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			known = append(known, p)
		}
	}
	return strings.Join(known, ", ")
}

// Place is where the meeting takes place: "Iikura Guest House, Tokyo, Japan"; "" when unknown.
func (m MeetingSummary) Place() string { return JoinPlace(m.Venue, m.City, m.Country) }

// Place is where the meeting takes place: "Iikura Guest House, Tokyo, Japan"; "" when unknown.
func (m Meeting) Place() string { return JoinPlace(m.Venue, m.City, m.Country) }

// Label is a status as a reader sees it: "Scheduled"; "Not set" when there is none.
func (s Status) Label() string {
	if s == "" {
		return "Not set"
	}
	return upperFirst(string(s))
}

// upperFirst capitalises the first letter: "postponed — was 2014" → "Postponed — was 2014".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// StatusOfLabel is the status whose Label is label; ok is false for any other text.
func StatusOfLabel(label string) (s Status, ok bool) {
	for _, s := range Statuses {
		if s.Label() == label {
			return s, true
		}
	}
	return "", false
}

// LastPostponement is the latest change of the meeting to postponed, whose When is the date
// the meeting had then; ok is false when it was never postponed.
func (m Meeting) LastPostponement() (c StatusChange, ok bool) {
	for i := len(m.StatusHistory) - 1; i >= 0; i-- {
		if m.StatusHistory[i].To == StatusPostponed {
			return m.StatusHistory[i], true
		}
	}
	return StatusChange{}, false
}

// Summary is the list form of the meeting, as Meetings returns it.
func (m Meeting) Summary() MeetingSummary {
	s := MeetingSummary{
		ID: m.ID, TrackID: m.TrackID, Title: m.Title, Format: m.Format, Status: m.Status,
		When: m.When, Venue: m.Venue, City: m.City, Country: m.Country, Round: m.Round,
	}
	if p, ok := m.LastPostponement(); ok {
		s.PostponedFrom = p.When
	}
	return s
}

// PostponedNote says where the latest postponement moved the meeting from: "postponed — was
// 2014"; "" when it was never postponed from a known date, or still has the date it had then.
func (m MeetingSummary) PostponedNote() string {
	if m.PostponedFrom.IsZero() || m.PostponedFrom == m.When {
		return ""
	}
	return "postponed — was " + m.PostponedFrom.String()
}

// WhenText is the meeting's date as honestly as it is known — "Wed 22 Jun 2016, 10:00 JST",
// "Sep 2016", "by end of 2016" — with a postponement that moved it: "by end of 2016
// (postponed — was 2014)", or "postponed — was 2014" alone while it has no new date.
func (m MeetingSummary) WhenText() string {
	note := m.PostponedNote()
	switch {
	case note == "":
		return m.When.String()
	case m.When.IsZero():
		return note
	}
	return m.When.String() + " (" + note + ")"
}

// StatusText is the status with the postponement behind it: "Scheduled", "Postponed — was
// 2014", "Tentative (postponed — was 2014)".
func (m MeetingSummary) StatusText() string {
	note := m.PostponedNote()
	switch {
	case note == "":
		return m.Status.Label()
	case m.Status == StatusPostponed:
		return upperFirst(note)
	}
	return m.Status.Label() + " (" + note + ")"
}

// StatusText is the status with the postponement behind it, as MeetingSummary.StatusText
// says it; a meeting postponed while it had no date says "Tentative (postponed before)".
func (m Meeting) StatusText() string {
	if p, ok := m.LastPostponement(); ok && p.When.IsZero() && m.Status != StatusPostponed {
		return m.Status.Label() + " (postponed before)"
	}
	return m.Summary().StatusText()
}

// CompareWhen orders dates as Parley's lists do: by SortKey (a deadline on its last day, where
// it falls due), undated last.
func CompareWhen(a, b FuzzyDate) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.SortKey().Compare(b.SortKey())
}

// CompareMeetings orders meetings as Meetings returns them: by date (CompareWhen), then
// title, then ID.
func CompareMeetings(a, b MeetingSummary) int {
	if c := CompareWhen(a.When, b.When); c != 0 {
		return c
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}
