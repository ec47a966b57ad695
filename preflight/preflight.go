// Package preflight checks a brief before it goes out: what it lacks, by importance — no
// objectives, a principal without a profile or pronunciation, a participant's title not
// checked for a year, a key fact without a source, no press line, negotiating parameters
// without a reservation point, commitments due before the meeting still open. The window
// shows the list beside the export button, `parley check` prints it, and the pack's cover
// carries its short form.
package preflight

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/parley-app/parley/storage"
)

// Importance orders findings: what must be fixed before the brief can serve, what a careful
// desk officer would fix, what would make it better.
type Importance int

const (
	Essential Importance = iota
	Important
	Advisable
)

func (i Importance) String() string {
	switch i {
	case Essential:
		return "essential"
	case Important:
		return "important"
	}
	return "advisable"
}

// MarshalText writes the importance as its word, for JSON.
func (i Importance) MarshalText() ([]byte, error) { return []byte(i.String()), nil }

// Finding is one thing the brief lacks.
type Finding struct {
	Importance Importance `json:"importance"`
	Part       string     `json:"part"` // the part of the brief it concerns: "Objectives", "Participants"…
	Text       string     `json:"text"` // a sentence saying what is missing and what to do
}

func (f Finding) String() string { return f.Text }

// staleTitle is how old a participant's recorded title may be before it is to be checked.
const staleTitle = 365 * 24 * time.Hour

// Check lists what the brief of b lacks, most important first (in the brief's order within
// an importance). now dates a meeting without a date.
func Check(b *storage.Briefing, now time.Time) []Finding {
	m := b.Meeting
	on := now
	if !m.When.IsZero() {
		on = m.When.Lower()
	}
	var out []Finding
	add := func(imp Importance, part, format string, args ...any) {
		out = append(out, Finding{Importance: imp, Part: part, Text: fmt.Sprintf(format, args...)})
	}
	future := m.Status != storage.StatusHeld && m.Status != storage.StatusCancelled

	if m.When.IsZero() {
		add(Important, "Date", "The meeting has no date yet.")
	}
	if future && len(m.Objectives) == 0 {
		add(Essential, "Objectives", "No objectives: say what the delegation wants from the meeting.")
	}
	if future && len(m.LinesToTake) == 0 {
		add(Essential, "Lines to take", "No points to make.")
	}
	if len(b.Participants) == 0 {
		add(Essential, "Participants", "No participants: name who is on each side.")
	}
	if future && len(m.TheirSide) == 0 {
		add(Important, "Their side", "Nothing on their side: their objectives and what they are likely to ask.")
	}
	if future && m.PressLine.IsZero() {
		add(Important, "Press line", "No press line: what we say publicly afterwards.")
	}
	if future && len(m.IfPressed) == 0 && len(m.LinesToTake) > 0 {
		add(Advisable, "Lines to take", "No “if pressed” lines for the points they may push back on.")
	}
	if future && len(m.Questions) == 0 {
		add(Advisable, "Anticipated questions", "No anticipated questions.")
	}
	if future && len(m.Agenda) == 0 {
		add(Advisable, "Scenario", "No scenario: a timed agenda with who speaks first.")
	}
	for _, p := range b.Participants {
		a := p.Actor
		name := a.Name
		if p.IsPrincipal() {
			if strings.TrimSpace(a.Biography) == "" && strings.TrimSpace(a.Stance) == "" {
				add(Important, "Participants", "%s (%s) has no profile: add a biography and their stance.", name, p.Role)
			}
			if a.Kind != storage.ActorOrganisation && strings.TrimSpace(a.Pronunciation) == "" {
				add(Important, "Participants", "No pronunciation for %s.", name)
			}
		}
		if a.Title != "" && !a.Updated.IsZero() && on.Sub(a.Updated) > staleTitle {
			add(Important, "Participants", "%s's title (“%s”) was last checked on %s: confirm it still holds.",
				name, a.Title, a.Updated.Format("2 Jan 2006"))
		}
	}
	for _, d := range b.Disputes {
		for _, f := range d.Facts {
			if f.SourceID == "" {
				add(Important, "Dispute fact sheets", "The key fact “%s” on %s has no source.", f.Label, d.Title)
			}
		}
	}
	for _, p := range m.Parameters {
		if strings.TrimSpace(p.Reservation) == "" {
			add(Essential, "Negotiating parameters", "The parameters on “%s” give no reservation point: the point below which we walk away.", p.Issue)
		}
	}
	for _, k := range b.OpenCommitments {
		if !k.Due.IsZero() && !k.Due.Upper().After(on) {
			who := k.Side
			if who == "" {
				who = actorName(b, k.ActorID)
			}
			add(Important, "Open commitments", "Still open, due %s: %s — %s (from %s).", k.Due.String(), who, k.What, k.MeetingTitle)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Importance < out[j].Importance })
	return out
}

func actorName(b *storage.Briefing, id string) string {
	for _, p := range b.Participants {
		if p.ActorID == id {
			return p.Actor.Name
		}
	}
	if a, ok := b.Speakers[id]; ok {
		return a.Name
	}
	return "someone no longer in the dossier"
}

// Short is the cover's form of findings: at most n sentences, the most important first, and a
// last line counting the rest.
func Short(findings []Finding, n int) []string {
	out := []string{}
	for i, f := range findings {
		if i == n {
			out = append(out, fmt.Sprintf("… and %d more (parley check lists them all).", len(findings)-n))
			break
		}
		out = append(out, f.Text)
	}
	return out
}
