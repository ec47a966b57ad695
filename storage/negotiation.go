package storage

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The negotiation's memory: what a meeting holds beyond its purpose and lines — the other
// side's asks, the defensive lines, the press line, the scenario, the negotiating parameters —
// and what it leaves behind: the record of conversation and the commitments that carry into
// the next round.

// Ask is one of the other side's objectives or likely asks, with our response.
type Ask struct {
	Text     string `json:"text"`
	Response string `json:"response,omitempty"`
}

// PressLine is what the delegation says publicly after the meeting.
type PressLine struct {
	Proactive string `json:"proactive,omitempty"` // volunteered
	Reactive  string `json:"reactive,omitempty"`  // only if asked
}

// IsZero reports whether no press line is written.
func (p PressLine) IsZero() bool { return p.Proactive == "" && p.Reactive == "" }

// PressAccess says whether the press is let in.
type PressAccess string

const (
	PressOpen   PressAccess = "open"
	PressClosed PressAccess = "closed"
	PressPool   PressAccess = "pool" // a pool of photographers at the start only
)

// PressAccesses lists every press access.
var PressAccesses = []PressAccess{PressOpen, PressPool, PressClosed}

// AgendaItem is one item of the meeting's timed scenario.
type AgendaItem struct {
	Item string `json:"item"`
	// At is when it starts: a clock time in the venue's zone ("10:30") or minutes after the
	// meeting's start ("+30"); "" when it follows the item before.
	At      string `json:"at,omitempty"`
	LeadID  string `json:"lead_id,omitempty"` // the actor who speaks first
	Minutes int    `json:"minutes,omitempty"` // how long; 0 = not set
}

// agendaAt reads an AgendaItem.At: a clock time or an offset in minutes.
var agendaAt = regexp.MustCompile(`^(?:([01]?\d|2[0-3]):([0-5]\d)|\+(\d{1,4}))$`)

// Offset is At as minutes: after midnight for a clock time (clock true), after the start
// for an offset; ok false when At is empty or unreadable.
func (a AgendaItem) Offset() (minutes int, clock, ok bool) {
	m := agendaAt.FindStringSubmatch(strings.TrimSpace(a.At))
	if m == nil {
		return 0, false, false
	}
	if m[3] != "" {
		n, _ := strconv.Atoi(m[3])
		return n, false, true
	}
	h, _ := strconv.Atoi(m[1])
	mm, _ := strconv.Atoi(m[2])
	return h*60 + mm, true, true
}

// ChoreographyNote is one note on the ceremony of the meeting: arrival, greeting, seating,
// photo, gifts, or anything else.
type ChoreographyNote struct {
	Kind string `json:"kind"` // one of ChoreographyKinds
	Text string `json:"text"`
}

// ChoreographyKinds lists the kinds of choreography note, in the order of a visit.
var ChoreographyKinds = []string{"arrival", "greeting", "seating", "photo", "gifts", "departure", "other"}

// Interpreter is one interpreter of the meeting and the languages they work between.
type Interpreter struct {
	Who       string `json:"who"`
	Languages string `json:"languages,omitempty"` // e.g. "Japanese–Russian, consecutive"
}

// Parameter is the delegation's negotiating parameters on one issue on the table: what
// Fisher and Ury's method asks a delegation to know before it sits down.
type Parameter struct {
	Issue          string `json:"issue"`
	OurInterests   string `json:"our_interests,omitempty"`
	TheirInterests string `json:"their_interests,omitempty"`
	OurBATNA       string `json:"our_batna,omitempty"`   // our best alternative to a negotiated agreement
	TheirBATNA     string `json:"their_batna,omitempty"` // our estimate of theirs
	Target         string `json:"target,omitempty"`      // the outcome we aim for
	Reservation    string `json:"reservation,omitempty"` // the point below which we walk away
	ZOPA           string `json:"zopa,omitempty"`        // the zone of possible agreement we estimate
	Options        string `json:"options,omitempty"`
	Criteria       string `json:"criteria,omitempty"`    // objective criteria both sides could accept
	Concessions    string `json:"concessions,omitempty"` // what we could trade, and for what
}

// Texts are the parameter's texts, in the order the pack prints them, with their labels.
func (p *Parameter) Texts() []LabelledText {
	return []LabelledText{
		{"Our interests", &p.OurInterests}, {"Their interests", &p.TheirInterests},
		{"Our best alternative (BATNA)", &p.OurBATNA}, {"Their best alternative, as we estimate it", &p.TheirBATNA},
		{"Target", &p.Target}, {"Reservation point", &p.Reservation}, {"Zone of possible agreement", &p.ZOPA},
		{"Options", &p.Options}, {"Objective criteria", &p.Criteria}, {"Concessions we could trade", &p.Concessions},
	}
}

// LabelledText is one labelled text field of a record, by reference.
type LabelledText struct {
	Label string
	Text  *string
}

// Atmosphere is how a meeting went.
type Atmosphere string

const (
	AtmospherePositive Atmosphere = "positive"
	AtmosphereNeutral  Atmosphere = "neutral"
	AtmosphereNegative Atmosphere = "negative"
)

// Atmospheres lists every atmosphere.
var Atmospheres = []Atmosphere{AtmospherePositive, AtmosphereNeutral, AtmosphereNegative}

// Record is the record of conversation written after the meeting.
type Record struct {
	Date       PartialDate `json:"date,omitzero"`
	Place      string      `json:"place,omitempty"`
	PresentIDs []string    `json:"present_ids,omitempty"` // the actors present, who may differ from those planned
	Subject    string      `json:"subject,omitempty"`
	// Substance is what was said, in short paragraphs (one a line), each of which may carry
	// a portion mark.
	Substance     string     `json:"substance,omitempty"`
	Atmosphere    Atmosphere `json:"atmosphere,omitempty"`
	AtmosphereWhy string     `json:"atmosphere_why,omitempty"`
}

// IsZero reports whether no record is written.
func (r Record) IsZero() bool {
	return r.Date.IsZero() && r.Place == "" && len(r.PresentIDs) == 0 && r.Subject == "" &&
		r.Substance == "" && r.Atmosphere == "" && r.AtmosphereWhy == ""
}

// CommitmentStatus is where a commitment stands. Overdue is not stored: an open commitment
// whose date has passed is overdue (Commitment.StatusOn).
type CommitmentStatus string

const (
	CommitmentOpen    CommitmentStatus = "open"
	CommitmentDone    CommitmentStatus = "done"
	CommitmentDropped CommitmentStatus = "dropped"
	CommitmentOverdue CommitmentStatus = "overdue" // derived, never stored
)

// CommitmentStatuses lists the statuses a commitment is stored with.
var CommitmentStatuses = []CommitmentStatus{CommitmentOpen, CommitmentDone, CommitmentDropped}

// Commitment is something one side undertook at a meeting.
type Commitment struct {
	// Who undertook it: an actor, or a side ("Japan") when no one person did.
	ActorID string           `json:"actor_id,omitempty"`
	Side    string           `json:"side,omitempty"`
	What    string           `json:"what"`
	Due     FuzzyDate        `json:"due"` // by when; zero = no date
	Status  CommitmentStatus `json:"status"`
	// ClosedByID is the meeting at which it was done or dropped, when it was closed at one.
	ClosedByID string `json:"closed_by_id,omitempty"`
}

// StatusOn is the commitment's status as of now: an open one past its latest possible date
// is overdue.
func (c Commitment) StatusOn(now time.Time) CommitmentStatus {
	if c.Status == CommitmentOpen && !c.Due.IsZero() && !c.Due.Upper().After(now) {
		return CommitmentOverdue
	}
	return c.Status
}

// checkNegotiation checks the negotiation parts of a meeting.
func checkNegotiation(c *checker, m *Meeting, has resolver) {
	for i, a := range m.TheirSide {
		c.required(fmt.Sprintf("their_side[%d].text", i), a.Text)
	}
	c.noEmpty("if_pressed", m.IfPressed)
	c.noEmpty("lines_to_avoid", m.LinesToAvoid)
	if m.PressAccess != "" && !oneOf(m.PressAccess, PressAccesses) {
		c.fail("press_access", "%q is not a press access (%s)", string(m.PressAccess), listOf(PressAccesses))
	}
	for i, a := range m.Agenda {
		field := fmt.Sprintf("agenda[%d]", i)
		c.required(field+".item", a.Item)
		if a.At != "" {
			if _, _, ok := a.Offset(); !ok {
				c.fail(field+".at", "%q is neither a time such as 10:30 nor minutes after the start such as +30", a.At)
			}
		}
		if a.Minutes < 0 || a.Minutes > 24*60 {
			c.fail(field+".minutes", "%d minutes is not a duration of an agenda item", a.Minutes)
		}
		c.ref(field+".lead_id", kindActor, a.LeadID, has)
	}
	for i, n := range m.Choreography {
		field := fmt.Sprintf("choreography[%d]", i)
		if !oneOf(n.Kind, ChoreographyKinds) {
			c.fail(field+".kind", "%q is not a kind of note (%s)", n.Kind, strings.Join(ChoreographyKinds, ", "))
		}
		c.required(field+".text", n.Text)
	}
	for i, it := range m.InterpreterTeam {
		c.required(fmt.Sprintf("interpreter_team[%d].who", i), it.Who)
	}
	for i, p := range m.Parameters {
		c.required(fmt.Sprintf("parameters[%d].issue", i), p.Issue)
	}
	r := m.Record
	c.partial("record.date", r.Date)
	if r.Atmosphere != "" && !oneOf(r.Atmosphere, Atmospheres) {
		c.fail("record.atmosphere", "%q is not an atmosphere (%s)", string(r.Atmosphere), listOf(Atmospheres))
	}
	c.refList("record.present_ids", kindActor, r.PresentIDs, has, "actor %s is listed twice")
	for i, k := range m.Commitments {
		field := fmt.Sprintf("commitments[%d]", i)
		c.required(field+".what", k.What)
		if k.ActorID == "" && strings.TrimSpace(k.Side) == "" {
			c.fail(field+".actor_id", "say who undertook it: an actor or a side")
		}
		if !oneOf(k.Status, CommitmentStatuses) {
			c.fail(field+".status", "%q is not a status of a commitment (%s)", string(k.Status), listOf(CommitmentStatuses))
		}
		c.date(field+".due", k.Due)
		c.ref(field+".actor_id", kindActor, k.ActorID, has)
		if k.ClosedByID != m.ID {
			c.ref(field+".closed_by_id", kindMeeting, k.ClosedByID, has)
		}
	}
}

// Line is a point the delegation makes, optionally addressed to one participant.
type Line struct {
	Text string `json:"text"`
	ToID string `json:"to_id,omitempty"` // the actor it is addressed to; "" = the other side at large
}

// UnmarshalJSON reads a line as a bundle writes it, {"text": …, "to_id": …}, or as bundles
// before lines were addressed wrote it: a bare string.
func (l *Line) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*l = Line{Text: s}
		return nil
	}
	type plain Line // without this method
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("a line to take is a text or {\"text\": …, \"to_id\": …}: %w", err)
	}
	*l = Line(p)
	return nil
}

// Lines makes unaddressed lines of texts.
func Lines(texts ...string) []Line {
	out := make([]Line, len(texts))
	for i, t := range texts {
		out[i] = Line{Text: t}
	}
	return out
}

// LineTexts are the lines' texts.
func LineTexts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text
	}
	return out
}
