package handling

import (
	"strings"

	"github.com/parley-app/parley/storage"
)

// Cut is a briefing made for one audience.
type Cut struct {
	// Briefing is a copy of the briefing without the items above the audience's level, every
	// kept portion mark in its canonical form ("(os) x" becomes "(OS) x"). The original is
	// not changed.
	Briefing *storage.Briefing
	// LeftOut counts the items above the level.
	LeftOut int
	// Highest is the highest level among the kept items, the document's own included.
	Highest int
	// Items are the kept items by part of the pack, in the pack's order: what an issue
	// records, so that an addendum can say what changed.
	Items []storage.IssuedItem
}

// Audience gives the briefing as an audience cleared up to upTo may read it; None keeps
// every item. Items are what the issue calls them: an objective, a line to take, a question
// with its answer, one paragraph (line) of a purpose, background, outcome, next steps,
// biography, stance or dispute summary, a key fact, a position, a timeline entry, a statement.
// An item without a portion mark is at the marking's own level. Call CheckUpTo first: Audience
// does not refuse a level below the document's, it leaves out every unmarked item.
func (s Scheme) Audience(b *storage.Briefing, marking Marking, upTo int) Cut {
	c := &cutter{s: s, marking: marking, floor: marking.Floor(), upTo: upTo, highest: marking.Floor()}
	out := *b
	c.plain("Date and time", out.Meeting.Summary().WhenText())
	c.plain("Venue", out.Meeting.Place())
	c.plain("Status", out.Meeting.StatusText())
	c.meeting(&out.Meeting)

	out.Participants = make([]storage.BriefParticipant, len(b.Participants))
	for i, p := range b.Participants {
		c.plain("Participants", p.Actor.Name+" ("+string(p.Role)+")")
		p.Actor.Biography = c.paragraphs("Profile of "+p.Actor.Name, p.Actor.Biography)
		p.Actor.Stance = c.paragraphs("Stance of "+p.Actor.Name, p.Actor.Stance)
		p.Statements = c.statements("Statements by "+p.Actor.Name, p.Statements)
		out.Participants[i] = p
	}
	out.Disputes = make([]storage.Dispute, len(b.Disputes))
	for i, d := range b.Disputes {
		part := "Fact sheet: " + d.Title
		d.Summary = c.paragraphs(part, d.Summary)
		d.Facts = keep(c, part, d.Facts, func(f storage.KeyFact) string { return f.Label + ": " + f.Value },
			func(f *storage.KeyFact) []*string { return []*string{&f.Label, &f.Value} })
		d.Positions = keep(c, part, d.Positions, func(p storage.Position) string { return p.Party + ": " + p.Text },
			func(p *storage.Position) []*string { return []*string{&p.Text} })
		d.Timeline = keep(c, part, d.Timeline, func(e storage.Event) string { return e.When.String() + ": " + e.Text },
			func(e *storage.Event) []*string { return []*string{&e.Text} })
		out.Disputes[i] = d
	}
	out.RecentStatements = c.statements("Recent statements", b.RecentStatements)
	// The other meetings of the track, and what is worked out from the records, are cut as the
	// records are but not counted: the pack prints only their outcomes (counted) and what it
	// works out from records it counts already.
	quiet := *c
	quiet.items = nil
	out.TrackMeetings = make([]storage.Meeting, len(b.TrackMeetings))
	for i, tm := range b.TrackMeetings {
		tm.Outcome = c.paragraphs("Outcome of "+tm.Title, tm.Outcome)
		quiet.meeting(&tm)
		out.TrackMeetings[i] = tm
	}
	out.PreviousRound.Outcome = c.paragraphs("", b.PreviousRound.Outcome)
	quiet.meeting(&out.PreviousRound)
	if b.SinceLastRound != nil {
		sl := *b.SinceLastRound
		sl.Statements = quiet.statements("", sl.Statements)
		sl.Positions = keep(&quiet, "", sl.Positions, func(storage.PositionChange) string { return "" },
			func(p *storage.PositionChange) []*string { return []*string{&p.Was, &p.Now} })
		sl.Facts = keep(&quiet, "", sl.Facts, func(storage.DisputeFact) string { return "" },
			func(f *storage.DisputeFact) []*string { return []*string{&f.Fact.Label, &f.Fact.Value} })
		sl.Timeline = keep(&quiet, "", sl.Timeline, func(storage.DisputeEvent) string { return "" },
			func(e *storage.DisputeEvent) []*string { return []*string{&e.Event.Text} })
		out.SinceLastRound = &sl
	}
	out.OpenCommitments = keep(&quiet, "", b.OpenCommitments, func(storage.OpenCommitment) string { return "" },
		func(k *storage.OpenCommitment) []*string { return []*string{&k.What} })
	for i := range out.Participants {
		if lm := out.Participants[i].LastMet; lm != nil {
			cp := *lm
			cp.Meeting.Outcome = quiet.paragraphs("", cp.Meeting.Outcome)
			cp.Statements = quiet.statements("", cp.Statements)
			out.Participants[i].LastMet = &cp
		}
	}
	c.highest = max(c.highest, quiet.highest)
	return Cut{Briefing: &out, LeftOut: c.leftOut, Highest: c.highest, Items: c.items}
}

// MeetingFor is one meeting as an audience cleared up to upTo may read it (its purpose,
// objectives, lines, questions, background, outcome and next steps cut as Audience cuts
// them), the marking it carries — the document's raised to its highest kept item — and how
// many items it left out. The calendar export writes each event through it.
func (s Scheme) MeetingFor(m storage.Meeting, marking Marking, upTo int) (storage.Meeting, string, int) {
	c := &cutter{s: s, marking: marking, floor: marking.Floor(), upTo: upTo, highest: marking.Floor()}
	c.meeting(&m)
	return m, s.Banner(marking, c.highest), c.leftOut
}

// meeting cuts a meeting's own texts in place (its slices are new).
func (c *cutter) meeting(m *storage.Meeting) {
	m.Purpose = c.paragraphs("Purpose", m.Purpose)
	m.Objectives = c.list("Objectives", m.Objectives)
	m.TheirSide = keep(c, "Their side", m.TheirSide, func(a storage.Ask) string { return a.Text + " — " + a.Response },
		func(a *storage.Ask) []*string { return []*string{&a.Text, &a.Response} })
	m.LinesToTake = keep(c, "Lines to take", m.LinesToTake, func(l storage.Line) string { return l.Text },
		func(l *storage.Line) []*string { return []*string{&l.Text} })
	m.IfPressed = c.list("If pressed", m.IfPressed)
	m.LinesToAvoid = c.list("Lines to avoid", m.LinesToAvoid)
	m.Questions = c.questions(m.Questions)
	m.PressLine.Proactive = c.paragraphs("Press line", m.PressLine.Proactive)
	m.PressLine.Reactive = c.paragraphs("Press line, if asked", m.PressLine.Reactive)
	m.Agenda = keep(c, "Scenario", m.Agenda, func(a storage.AgendaItem) string { return a.At + " " + a.Item },
		func(a *storage.AgendaItem) []*string { return []*string{&a.Item} })
	m.Choreography = keep(c, "Choreography", m.Choreography, func(n storage.ChoreographyNote) string { return n.Kind + ": " + n.Text },
		func(n *storage.ChoreographyNote) []*string { return []*string{&n.Text} })
	m.Background = c.paragraphs("Background", m.Background)
	// The parameters annex is at its own level at least, whatever its items' marks say.
	floor := c.floor
	c.floor = max(c.floor, c.s.AnnexLevel(*m, c.marking))
	m.Parameters = keep(c, "Negotiating parameters", m.Parameters, parameterText, parameterTexts)
	c.floor = floor
	m.Record.Subject = c.paragraphs("Record of conversation", m.Record.Subject)
	m.Record.Place = c.paragraphs("Record of conversation", m.Record.Place)
	m.Record.Substance = c.paragraphs("Record of conversation", m.Record.Substance)
	m.Record.AtmosphereWhy = c.paragraphs("Atmospherics", m.Record.AtmosphereWhy)
	m.Outcome = c.paragraphs("Outcome", m.Outcome)
	m.NextSteps = c.paragraphs("Next steps", m.NextSteps)
	m.Commitments = keep(c, "Commitments", m.Commitments, func(k storage.Commitment) string {
		return k.Side + " " + k.What + " (" + k.Due.String() + ", " + string(k.Status) + ")"
	},
		func(k *storage.Commitment) []*string { return []*string{&k.What} })
}

func parameterTexts(p *storage.Parameter) []*string {
	out := []*string{&p.Issue}
	for _, t := range p.Texts() {
		out = append(out, t.Text)
	}
	return out
}

func parameterText(p storage.Parameter) string {
	parts := []string{p.Issue}
	for _, t := range p.Texts() {
		if *t.Text != "" {
			parts = append(parts, t.Label+": "+*t.Text)
		}
	}
	return strings.Join(parts, "; ")
}

// AnnexLevel is the level of a meeting's negotiating parameters annex: the one it names, else
// one above the marking's (restricted by default), never above the highest level.
func (s Scheme) AnnexLevel(m storage.Meeting, marking Marking) int {
	if lv, ok := s.Find(m.ParametersLevel); ok && m.ParametersLevel != "" {
		return max(lv, marking.Level)
	}
	return min(max(marking.Level, 0)+1, len(s.Levels)-1)
}

// cutter walks one briefing for one audience.
type cutter struct {
	s           Scheme
	marking     Marking
	floor, upTo int
	highest     int
	leftOut     int
	items       []storage.IssuedItem
}

// judge reads the portion marks of an item's texts — a mark may begin any line of them, as
// when an answer's second paragraph is more sensitive than its first — and says whether the
// item stays: the highest mark decides for the whole item. The texts it keeps get their
// marks in canonical form.
func (c *cutter) judge(texts ...*string) bool {
	level := c.floor
	for _, t := range texts {
		for _, ln := range strings.Split(*t, "\n") {
			if lv, _ := c.s.Portion(ln); lv != None {
				level = max(level, lv)
			}
		}
	}
	if c.upTo != None && level > c.upTo {
		c.leftOut++
		return false
	}
	for _, t := range texts {
		*t = c.s.canonical(*t)
	}
	c.highest = max(c.highest, level)
	return true
}

func (c *cutter) record(part, text string) {
	if part != "" && strings.TrimSpace(text) != "" {
		c.items = append(c.items, storage.IssuedItem{Part: part, Text: text})
	}
}

// plain records an item the pack prints at the document's level, with no mark of its own.
func (c *cutter) plain(part, text string) { c.record(part, text) }

// paragraphs keeps the lines of a text that the audience may read.
func (c *cutter) paragraphs(part, text string) string {
	if text == "" {
		return ""
	}
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	for _, ln := range lines {
		if strings.TrimSpace(ln) == "" {
			out = append(out, ln)
			continue
		}
		if c.judge(&ln) {
			out = append(out, ln)
			c.record(part, ln)
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

func (c *cutter) list(part string, items []string) []string {
	return keep(c, part, items, func(s string) string { return s }, func(s *string) []*string { return []*string{s} })
}

func (c *cutter) questions(qs []storage.QA) []storage.QA {
	return keep(c, "Questions", qs, func(q storage.QA) string { return q.Question + " — " + q.Answer },
		func(q *storage.QA) []*string { return []*string{&q.Question, &q.Answer} })
}

func (c *cutter) statements(part string, sts []storage.Statement) []storage.Statement {
	return keep(c, part, sts, func(st storage.Statement) string { return st.Text }, func(st *storage.Statement) []*string { return []*string{&st.Text} })
}

// keep is the items the audience may read, in a new slice, each recorded by describe.
func keep[T any](c *cutter, part string, items []T, describe func(T) string, texts func(*T) []*string) []T {
	if items == nil {
		return nil
	}
	out := make([]T, 0, len(items))
	for _, it := range items {
		if c.judge(texts(&it)...) {
			out = append(out, it)
			c.record(part, describe(it))
		}
	}
	return out
}

// canonical writes every portion mark that begins a line of text in its one form, "(OS)".
func (s Scheme) canonical(text string) string {
	if !strings.Contains(text, "(") {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, ln := range lines {
		if lv, rest := s.Portion(ln); lv != None {
			lines[i] = s.Marked(lv, rest)
		}
	}
	return strings.Join(lines, "\n")
}
