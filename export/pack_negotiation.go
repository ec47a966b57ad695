package export

import (
	"strconv"
	"strings"
	"time"

	"github.com/parley-app/parley/handling"
	"github.com/parley-app/parley/storage"
)

// The negotiation's sections: the other side's asks with our responses, the press line, the
// scenario, what changed since the last round, the commitments still open from earlier
// rounds, the record of a held meeting with the commitments made at it, and the negotiating
// parameters annex, which carries its own handling level on every page.

const (
	titleTheirSide   = "Their side"
	titlePress       = "Press line"
	titleScenario    = "Scenario"
	titleSince       = "Since the last round"
	titleOpen        = "Open commitments"
	titleRecord      = "Record of conversation"
	titleCommitments = "Commitments"
	titleAnnex       = "Annex: Negotiating parameters"
)

// actorName is how the pack names an actor it holds an ID of — a participant, a quoted
// speaker, one who left since the last round — with the link to their profile or line; ""
// when the briefing does not hold the actor (the caller words that).
func (r *renderer) actorName(id string) (string, int) {
	a, ok := r.actor(id)
	if !ok {
		return "", 0
	}
	return a.Name, r.profileLinks[id]
}

// actor is the record of an actor the briefing holds, by ID.
func (r *renderer) actor(id string) (storage.Actor, bool) {
	if r.actors == nil {
		r.actors = map[string]storage.Actor{}
		put := func(a storage.Actor) {
			if a.ID != "" && strings.TrimSpace(a.Name) != "" {
				if _, ok := r.actors[a.ID]; !ok {
					r.actors[a.ID] = a
				}
			}
		}
		for _, p := range r.b.Participants {
			put(p.Actor)
		}
		for _, a := range r.b.Speakers {
			put(a)
		}
		if c := r.b.SinceLastRound; c != nil {
			for _, a := range append(append([]storage.Actor(nil), c.Joined...), c.Left...) {
				put(a)
			}
		}
	}
	a, ok := r.actors[id]
	return a, ok && id != ""
}

// notAParticipant names an actor the briefing does not hold.
const notAParticipant = "someone not in the dossier's participants"

// markFirst sets s after the words the pack puts in front of it, keeping s's portion mark in
// front of everything: "(OS) To Igor Morgulov: Sound out…", never "To Igor Morgulov: (OS) …".
func (r *renderer) markFirst(prefix []span, s string, st style) []span {
	var out []span
	lv, rest := r.opt.Scheme.Portion(s)
	if lv != handling.None && len(prefix) > 0 {
		out = append(out, span{text: r.opt.Scheme.Mark(lv) + " ", st: st})
		s = rest
	}
	out = append(out, prefix...)
	return append(out, span{text: s, st: st})
}

// introBlock is a short paragraph that introduces next and stays on its page with next's start.
func (r *renderer) introBlock(spans []span, next block) block {
	const after = 2
	intro := r.paraBlock(spans, 0, bodyLine, after)
	return block{
		lead: func() float64 { return intro.lead() + after + next.lead() },
		draw: func() {
			r.ensure(intro.lead() + after + next.lead())
			intro.draw()
			next.draw()
		},
	}
}

// hasScenario: an agenda, choreography or any of the logistics fields the scenario prints.
func hasScenario(m storage.Meeting) bool {
	return len(m.Agenda) > 0 || len(m.Choreography) > 0 || len(m.InterpreterTeam) > 0 ||
		strings.TrimSpace(m.RecordTaker) != "" || m.PressAccess != ""
}

// theirSide: the other side's objectives and likely asks, each with our response.
func (r *renderer) theirSide(s *section) {
	var items []listItem
	for i, a := range r.b.Meeting.TheirSide {
		it := listItem{marker: itoa(i+1) + ".", head: text(a.Text, bodyStyle.withBold())}
		if strings.TrimSpace(a.Response) != "" {
			it.spans = r.markFirst(text("Our response: ", bodyStyle.withBold().withColor(mutedColour)), a.Response, bodyStyle)
		} else {
			it.spans = text("No response prepared.", bodyStyle.withItalic().withColor(mutedColour))
		}
		items = append(items, it)
	}
	intro := text("Their objectives and the asks we expect them to make, each with our response.", bodyStyle.withColor(mutedColour))
	r.drawSection(s, []block{r.introBlock(intro, r.listBlock(items, 7, bodyLine, 3))})
}

// linesToTake: the points to make (numbered, each addressed to a participant when it is),
// the lines for if we are pressed, and the lines to avoid.
func (r *renderer) linesToTake(s *section) {
	m := r.b.Meeting
	var blocks []block
	if len(m.LinesToTake) > 0 {
		var items []listItem
		for i, l := range m.LinesToTake {
			var prefix []span
			if l.ToID != "" {
				name, link := r.actorName(l.ToID)
				if name == "" {
					name = notAParticipant
				}
				prefix = []span{{text: "To " + name + ":", st: bodyStyle.withBold(), link: link}, {text: " ", st: bodyStyle}}
			}
			items = append(items, listItem{marker: itoa(i+1) + ".", spans: r.markFirst(prefix, l.Text, bodyStyle)})
		}
		blocks = append(blocks, r.subBlock("Points to make", r.listBlock(items, 7, bodyLine, 2)))
	}
	for _, part := range []struct {
		title string
		lines []string
	}{{"If pressed", m.IfPressed}, {"Lines to avoid", m.LinesToAvoid}} {
		if len(part.lines) == 0 {
			continue
		}
		var items []listItem
		for _, l := range part.lines {
			items = append(items, listItem{marker: "–", spans: text(l, bodyStyle)})
		}
		blocks = append(blocks, r.subBlock(part.title, r.listBlock(items, 5, bodyLine, 2)))
	}
	r.drawSection(s, blocks)
}

// pressAccessText says how the press is let in.
func pressAccessText(a storage.PressAccess) string {
	switch a {
	case storage.PressOpen:
		return "Open: the press is admitted"
	case storage.PressPool:
		return "Pool: photographers and cameras at the start only"
	case storage.PressClosed:
		return "Closed: no press"
	}
	return sentence(string(a))
}

// pressLine: what we say publicly after the meeting, volunteered and only if asked, and
// whether the press is let in.
func (r *renderer) pressLine(s *section) {
	m := r.b.Meeting
	var blocks []block
	for _, p := range []struct{ title, body string }{
		{"Proactive: what we say", m.PressLine.Proactive}, {"Reactive: only if asked", m.PressLine.Reactive},
	} {
		if strings.TrimSpace(p.body) != "" {
			blocks = append(blocks, r.subBlock(p.title, r.paraBlock(text(p.body, bodyStyle), 0, bodyLine, 2)))
		}
	}
	if m.PressAccess != "" {
		access := pressAccessText(m.PressAccess)
		if strings.TrimSpace(m.Press) != "" {
			access += ". " + strings.TrimSpace(m.Press)
		}
		blocks = append(blocks, r.subBlock("Press access", r.paraBlock(text(access, bodyStyle), 0, bodyLine, 2)))
	}
	r.drawSection(s, blocks)
}

// duration writes minutes as "3 hours", "1 hour 30 minutes", "45 minutes".
func duration(minutes int) string {
	h, m := minutes/60, minutes%60
	var parts []string
	switch {
	case h == 1:
		parts = append(parts, "1 hour")
	case h > 1:
		parts = append(parts, itoa(h)+" hours")
	}
	switch {
	case m == 1:
		parts = append(parts, "1 minute")
	case m > 1:
		parts = append(parts, itoa(m)+" minutes")
	}
	return strings.Join(parts, " ")
}

// clock writes minutes after midnight as "10:30" (past midnight as "00:15 (+1 day)").
func clock(minutes int) string {
	day := minutes / (24 * 60)
	minutes %= 24 * 60
	s := twoDigits(minutes/60) + ":" + twoDigits(minutes%60)
	if day > 0 {
		s += " (+" + itoa(day) + " day)"
	}
	return s
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// agendaTimes are the agenda's start times as printed: a clock time as given; an offset
// ("+30") as a clock time when the meeting has an exact time, in the venue's zone, else as
// "Start + 30 min"; an item without a time follows the one before when that one's start and
// length are known (the first starts with the meeting).
func agendaTimes(m storage.Meeting) []string {
	start, exact := 0, m.When.IsExact()
	if exact {
		t := m.When.At.In(m.When.Location())
		start = t.Hour()*60 + t.Minute()
	}
	out := make([]string, len(m.Agenda))
	at, known := start, exact // the current item's start, in minutes after midnight
	for i, a := range m.Agenda {
		n, isClock, ok := a.Offset()
		switch {
		case ok && isClock:
			at, known = n, true
		case ok && exact:
			at, known = start+n, true
		case ok:
			out[i] = "Start + " + itoa(n) + " min"
			known = false
		case i > 0:
			prev := m.Agenda[i-1].Minutes
			if known && prev > 0 {
				at += prev
			} else {
				known = false
			}
		}
		if known {
			out[i] = clock(at)
		}
	}
	return out
}

// scenario: the timed agenda, the choreography by kind, and the logistics.
func (r *renderer) scenario(s *section) {
	m := r.b.Meeting
	var blocks []block
	if len(m.Agenda) > 0 {
		times := agendaTimes(m)
		header := "Time"
		if m.When.IsExact() {
			header += " (" + m.When.At.In(m.When.Location()).Format("MST") + ")"
		}
		t := &table{header: []string{header, "Item", "Lead", "Minutes"}, caption: "Timed agenda"}
		for i, a := range m.Agenda {
			lead := []span{}
			if a.LeadID != "" {
				name, link := r.actorName(a.LeadID)
				if name == "" {
					lead = text(notAParticipant, cellStyle.withItalic().withColor(mutedColour))
				} else {
					lead = []span{{text: name, st: cellStyle, link: link}}
				}
			}
			mins := ""
			if a.Minutes > 0 {
				mins = itoa(a.Minutes)
			}
			t.rows = append(t.rows, [][]span{text(times[i], cellStyle.withBold()), text(a.Item, cellStyle), lead, text(mins, cellStyle)})
		}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock("Timed agenda", r.tableBlock(t, 3)))
	}
	if len(m.Choreography) > 0 {
		var rows [][][]span
		for _, kind := range storage.ChoreographyKinds {
			first := true
			for _, n := range m.Choreography {
				if n.Kind != kind {
					continue
				}
				label := ""
				if first {
					label = sentence(kind)
				}
				first = false
				rows = append(rows, [][]span{text(label, labelStyle), text(n.Text, cellStyle)})
			}
		}
		t := &table{widths: columns(contentW, 32, 128), rows: rows, plain: true, caption: "Choreography"}
		blocks = append(blocks, r.subBlock("Choreography", r.tableBlock(t, 3)))
	}
	var rows [][][]span
	row := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			rows = append(rows, [][]span{text(label, labelStyle), text(value, cellStyle)})
		}
	}
	if m.DurationMinutes > 0 {
		d := duration(m.DurationMinutes)
		if m.When.IsExact() {
			venue := m.When.Location()
			t := m.When.At.In(venue)
			d += ", " + t.Format("15:04") + "–" + t.Add(time.Duration(m.DurationMinutes)*time.Minute).Format("15:04 MST")
		}
		row("Duration", d)
	}
	row("Interpreters", interpretersText(m))
	row("Record-taker", m.RecordTaker)
	if m.PressAccess != "" {
		row("Press", pressAccessText(m.PressAccess))
	}
	row("Arrangements", m.Logistics)
	if len(rows) > 0 {
		t := &table{widths: columns(contentW, 32, 128), rows: rows, plain: true}
		blocks = append(blocks, r.subBlock("Logistics", r.tableBlock(t, 2)))
	}
	r.drawSection(s, blocks)
}

// interpretersText is the interpreter team, one a line with their languages, else the
// free-text line the meeting had before interpreters were fields.
func interpretersText(m storage.Meeting) string {
	if len(m.InterpreterTeam) == 0 {
		return m.Interpreters
	}
	var lines []string
	for _, it := range m.InterpreterTeam {
		l := it.Who
		if strings.TrimSpace(it.Languages) != "" {
			l += " — " + it.Languages
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// pressText is the cover's press row: the access when it is set, with the meeting's note.
func pressText(m storage.Meeting) string {
	if m.PressAccess == "" {
		return m.Press
	}
	s := pressAccessText(m.PressAccess)
	if strings.TrimSpace(m.Press) != "" {
		s += "\n" + m.Press
	}
	return s
}

// meetingName names another meeting: "Peace treaty talks, Moscow round (October 2015)".
func meetingName(title string, when storage.FuzzyDate) string {
	if strings.TrimSpace(title) == "" {
		title = "Untitled meeting"
	}
	if when.IsZero() {
		return title
	}
	return title + " (" + longDate(when) + ")"
}

// planSince numbers the sources the section cites, in the order it cites them.
func (r *renderer) planSince() {
	c := r.b.SinceLastRound
	for _, st := range c.Statements {
		r.number(st.SourceID)
	}
	for _, sc := range c.StatusChanges {
		r.number(sc.Change.SourceID)
	}
	for _, f := range c.Facts {
		r.number(f.Fact.SourceID)
	}
	for _, e := range c.Timeline {
		r.number(e.Event.SourceID)
	}
}

// sinceLastRound: what changed after the previous round — the participants' statements, the
// track's status changes, changed positions, new key facts and timeline entries, who joined
// and who left, posts taken up — or a sentence saying nothing did.
func (r *renderer) sinceLastRound(s *section) {
	c := r.b.SinceLastRound
	round := meetingName(c.Round.Title, c.Round.When)
	var blocks []block
	if c.IsZero() {
		blocks = append(blocks, r.paraBlock(text("Nothing the dossier records has changed since "+round+
			": no statements by the participants, no status changes on the track, no changed positions, no new key facts or timeline entries, no new participants and no new posts.", bodyStyle), 0, bodyLine, 2))
		r.drawSection(s, blocks)
		return
	}
	intro := "What the dossier records after " + round
	if !c.Since.IsZero() {
		intro += ", from " + c.Since.UTC().Format("2 January 2006")
	}
	introSpans := text(intro+".", bodyStyle.withColor(mutedColour))
	many := len(r.b.Disputes) > 1 // name the dispute of each fact, position and entry
	disputeLine := func(title string) []span {
		if !many || title == "" {
			return nil
		}
		return text("\n"+title, cellStyle.withColor(mutedColour))
	}
	if len(c.Statements) > 0 {
		var items []listItem
		for _, st := range c.Statements {
			var speaker []span
			if a, ok := r.actor(st.ActorID); ok {
				speaker = []span{{text: a.Name, st: bodyStyle.withBold(), link: r.profileLinks[a.ID]}}
				if a.Title != "" {
					speaker = append(speaker, span{text: ", " + a.Title, st: bodyStyle.withColor(mutedColour)})
				}
				speaker = append(speaker, span{text: "\n", st: bodyStyle})
			}
			head, body := r.statementSpans(st, speaker)
			items = append(items, listItem{marker: "–", head: head, spans: body})
		}
		blocks = append(blocks, r.subBlock("Statements since the round", r.listBlock(items, 5, bodyLine, 2)))
	}
	if len(c.StatusChanges) > 0 {
		var rows [][][]span
		for _, tc := range c.StatusChanges {
			rows = append(rows, r.statusChangeRow(tc.MeetingTitle, tc.Change))
		}
		t := &table{header: []string{"Date", "Meeting", "Change", "Reason"}, rows: rows, caption: "Status changes on the track"}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock("Status changes on the track", r.tableBlock(t, 3)))
	}
	if len(c.Positions) > 0 {
		var rows [][][]span
		for _, p := range c.Positions {
			party := append(text(p.Party, cellStyle.withBold()), disputeLine(p.DisputeTitle)...)
			was := text(p.Was, cellStyle)
			if !p.Until.IsZero() {
				was = append(was, span{text: "\n(until " + p.Until.UTC().Format("2 Jan 2006") + ")", st: cellStyle.withColor(mutedColour)})
			}
			now := text(p.Now, cellStyle)
			if strings.TrimSpace(p.Now) == "" {
				now = text("No position recorded now", cellStyle.withItalic().withColor(mutedColour))
			}
			rows = append(rows, [][]span{party, was, now})
		}
		t := &table{header: []string{"Party", "Was", "Now"}, rows: rows, caption: "Changed positions"}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock("Changed positions", r.tableBlock(t, 3)))
	}
	if len(c.Facts) > 0 {
		var rows [][][]span
		for _, f := range c.Facts {
			label := append(text(f.Fact.Label, cellStyle.withBold()), disputeLine(f.DisputeTitle)...)
			rows = append(rows, [][]span{label, append(text(f.Fact.Value, cellStyle), r.cite(f.Fact.SourceID, cellStyle)...)})
		}
		t := &table{header: []string{"Fact", "Detail"}, rows: rows, caption: "New key facts"}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock("New key facts", r.tableBlock(t, 3)))
	}
	if len(c.Timeline) > 0 {
		var rows [][][]span
		for _, e := range c.Timeline {
			when := append(text(shortDate(e.Event.When), cellStyle), disputeLine(e.DisputeTitle)...)
			rows = append(rows, [][]span{when, append(text(e.Event.Text, cellStyle), r.cite(e.Event.SourceID, cellStyle)...)})
		}
		t := &table{header: []string{"Date", "Event"}, rows: rows, caption: "New timeline entries"}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock("New timeline entries", r.tableBlock(t, 3)))
	}
	if len(c.Joined) > 0 || len(c.Left) > 0 {
		var items []listItem
		for _, g := range []struct {
			label  string
			actors []storage.Actor
		}{{"New at this round: ", c.Joined}, {"At the last round, not at this one: ", c.Left}} {
			if len(g.actors) == 0 {
				continue
			}
			spans := text(g.label, bodyStyle.withColor(mutedColour))
			for i, a := range g.actors {
				if i > 0 {
					spans = append(spans, span{text: ", ", st: bodyStyle})
				}
				name := a.Name
				if strings.TrimSpace(name) == "" {
					name = "Unnamed participant"
				}
				spans = append(spans, span{text: name, st: bodyStyle.withBold(), link: r.profileLinks[a.ID]})
				if a.Title != "" {
					spans = append(spans, span{text: " (" + a.Title + ")", st: bodyStyle})
				}
			}
			items = append(items, listItem{marker: "–", spans: spans})
		}
		blocks = append(blocks, r.subBlock("Who joined and who left", r.listBlock(items, 5, bodyLine, 1.5)))
	}
	if len(c.Titles) > 0 {
		var items []listItem
		for _, ap := range c.Titles {
			what := ap.Post.Title
			if ap.Post.Organisation != "" {
				what += ", " + ap.Post.Organisation
			}
			spans := []span{{text: ap.Name, st: bodyStyle.withBold(), link: r.profileLinks[ap.ActorID]}, {text: ": " + what, st: bodyStyle}}
			if d := postDates(ap.Post); d != "" {
				spans = append(spans, span{text: " (" + d + ")", st: bodyStyle.withColor(mutedColour)})
			}
			items = append(items, listItem{marker: "–", spans: spans})
		}
		blocks = append(blocks, r.subBlock("Posts taken up", r.listBlock(items, 5, bodyLine, 1.5)))
	}
	blocks[0] = r.introBlock(introSpans, blocks[0])
	r.drawSection(s, blocks)
}

// committed is who undertook a commitment: the actor by name, else the side.
func (r *renderer) committed(k storage.Commitment) []span {
	name, link := r.actorName(k.ActorID)
	switch {
	case name != "":
		out := []span{{text: name, st: cellStyle.withBold(), link: link}}
		if strings.TrimSpace(k.Side) != "" {
			out = append(out, span{text: "\n" + k.Side, st: cellStyle.withColor(mutedColour)})
		}
		return out
	case strings.TrimSpace(k.Side) != "":
		return text(k.Side, cellStyle.withBold())
	}
	return text(notAParticipant, cellStyle.withItalic().withColor(mutedColour))
}

// dueText is by when a commitment is due: "by end of March 2016", or "No date".
func dueText(k storage.Commitment) string {
	if k.Due.IsZero() {
		return "No date"
	}
	return longDate(k.Due)
}

// openCommitments: what earlier rounds left open, overdue first.
func (r *renderer) openCommitments(s *section) {
	t := &table{header: []string{"Due", "Who", "What", "Made at"}, caption: titleOpen}
	overdue := 0
	for _, k := range r.b.OpenCommitments {
		due := text(dueText(k.Commitment), cellStyle)
		if k.Status == storage.CommitmentOverdue {
			overdue++
			due = append(text("OVERDUE\n", cellStyle.withBold()), due...)
		}
		t.rows = append(t.rows, [][]span{due, r.committed(k.Commitment), text(k.What, cellStyle),
			text(meetingName(k.MeetingTitle, k.MeetingWhen), cellStyle.withColor(mutedColour))})
	}
	r.sizeColumns(t, contentW)
	r.capColumn(t, 3, 2, 40)
	intro := "Undertakings of earlier rounds that are neither done nor dropped"
	switch overdue {
	case 0:
		intro += "; none is overdue."
	case 1:
		intro += "; 1 is overdue and comes first."
	default:
		intro += "; " + itoa(overdue) + " are overdue and come first."
	}
	r.drawSection(s, []block{r.introBlock(text(intro, bodyStyle.withColor(mutedColour)), r.tableBlock(t, 2))})
}

// longPartial writes a partial date with the month in full: "22 June 2016", "June 2016".
func longPartial(d storage.PartialDate) string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return itoa(d.Year)
	case d.Day == 0:
		return d.Month.String() + " " + itoa(d.Year)
	}
	return itoa(d.Day) + " " + d.Month.String() + " " + itoa(d.Year)
}

// record: the record of conversation of a held meeting — date, place, who was present,
// subject, the substance in numbered paragraphs, and the atmosphere.
func (r *renderer) record(s *section) {
	rec := r.b.Meeting.Record
	var blocks []block
	var rows [][][]span
	row := func(label string, value []span) {
		if len(value) > 0 {
			rows = append(rows, [][]span{text(label, labelStyle), value})
		}
	}
	if d := longPartial(rec.Date); d != "" {
		row("Date", text(d, cellStyle))
	}
	if strings.TrimSpace(rec.Place) != "" {
		row("Place", text(rec.Place, cellStyle))
	}
	var present []span
	unknown := 0
	for _, id := range rec.PresentIDs {
		name, link := r.actorName(id)
		if name == "" {
			unknown++
			continue
		}
		if len(present) > 0 {
			present = append(present, span{text: "\n", st: cellStyle})
		}
		present = append(present, span{text: name, st: cellStyle, link: link})
	}
	if unknown > 0 {
		more := notAParticipant
		if unknown > 1 {
			more = itoa(unknown) + " people not in the dossier's participants"
		}
		if len(present) > 0 {
			present = append(present, span{text: "\n", st: cellStyle})
		}
		present = append(present, span{text: more, st: cellStyle.withItalic().withColor(mutedColour)})
	}
	row("Present", present)
	if strings.TrimSpace(rec.Subject) != "" {
		row("Subject", text(rec.Subject, cellStyle.withBold()))
	}
	if len(rows) > 0 {
		blocks = append(blocks, r.tableBlock(&table{widths: columns(contentW, 32, 128), rows: rows, plain: true}, 3))
	}
	var paras []listItem
	for _, p := range strings.Split(rec.Substance, "\n") {
		if strings.TrimSpace(p) != "" {
			paras = append(paras, listItem{marker: itoa(len(paras)+1) + ".", spans: text(strings.TrimSpace(p), bodyStyle)})
		}
	}
	if len(paras) > 0 {
		blocks = append(blocks, r.subBlock("Substance", r.listBlock(paras, 7, bodyLine, 2)))
	}
	if rec.Atmosphere != "" || strings.TrimSpace(rec.AtmosphereWhy) != "" {
		var prefix []span
		if rec.Atmosphere != "" {
			sep := ""
			if strings.TrimSpace(rec.AtmosphereWhy) != "" {
				sep = ": "
			}
			prefix = text(sentence(string(rec.Atmosphere))+sep, bodyStyle.withBold())
		}
		blocks = append(blocks, r.subBlock("Atmospherics", r.paraBlock(r.markFirst(prefix, rec.AtmosphereWhy, bodyStyle), 0, bodyLine, 2)))
	}
	r.drawSection(s, blocks)
}

// meetingTitle is the title of a meeting of the briefing by ID ("a later meeting" when the
// briefing does not hold it).
func (r *renderer) meetingTitle(id string) string {
	b := r.b
	for _, m := range append([]storage.Meeting{b.Meeting, b.PreviousRound}, b.TrackMeetings...) {
		if m.ID == id {
			return meetingName(m.Title, m.When)
		}
	}
	for _, m := range append(append([]storage.MeetingSummary(nil), b.OlderTrackMeetings...), b.LaterTrackMeetings...) {
		if m.ID == id {
			return meetingName(m.Title, m.When)
		}
	}
	return "a later meeting"
}

// commitments: what each side undertook at this meeting, with where it stands as of the
// day the pack is prepared.
func (r *renderer) commitments(s *section) {
	t := &table{header: []string{"Who", "What", "Due", "Status"}, caption: titleCommitments}
	for _, k := range r.b.Meeting.Commitments {
		st := k.StatusOn(r.opt.PreparedOn)
		status := text(sentence(string(st)), cellStyle)
		switch st {
		case storage.CommitmentOverdue:
			status = text("OVERDUE", cellStyle.withBold())
		case storage.CommitmentDone, storage.CommitmentDropped:
			if k.ClosedByID != "" {
				status = append(status, span{text: "\nat " + r.meetingTitle(k.ClosedByID), st: cellStyle.withColor(mutedColour)})
			}
		}
		t.rows = append(t.rows, [][]span{r.committed(k), text(k.What, cellStyle), text(dueText(k), cellStyle), status})
	}
	r.sizeColumns(t, contentW)
	r.capColumn(t, 3, 1, 40)
	r.drawSection(s, []block{r.tableBlock(t, 2)})
}

// lastMetBlocks: in a profile, the last held meeting where we met them, its outcome, and
// what they said there.
func (r *renderer) lastMetBlocks(lm *storage.LastMet) []block {
	m := lm.Meeting
	title := m.Title
	if strings.TrimSpace(title) == "" {
		title = "Untitled meeting"
	}
	spans := text(title, bodyStyle.withBold())
	var where []string
	if !m.When.IsZero() {
		where = append(where, longDate(m.When))
	}
	if pl := m.Place(); pl != "" {
		where = append(where, pl)
	}
	if len(where) > 0 {
		spans = append(spans, span{text: "\n" + strings.Join(where, " · "), st: bodyStyle.withColor(mutedColour)})
	}
	if out := strings.TrimSpace(m.Outcome); out != "" {
		spans = append(spans, span{text: "\nOutcome: ", st: bodyStyle.withColor(mutedColour)}, span{text: out, st: bodyStyle})
	}
	blocks := []block{r.subBlock("Last time we met", r.paraBlock(spans, 0, bodyLine, 1.5))}
	if len(lm.Statements) > 0 {
		var items []listItem
		for _, st := range lm.Statements {
			head, body := r.statementSpans(st, nil)
			items = append(items, listItem{marker: "–", head: head, spans: body})
		}
		blocks = append(blocks, r.listBlock(items, 5, bodyLine, 1.5))
	}
	return blocks
}

// annexStatement is the sentence under the annex's heading that states its level.
func (r *renderer) annexStatement() string {
	name := r.opt.Scheme.Name(r.annexLevel)
	if strings.TrimSpace(r.b.Meeting.ParametersLevel) == "" {
		return "This annex is " + name + ": restricted by default, one level above the brief's own marking. Every page of it is marked at least " + name + "."
	}
	return "This annex is " + name + ", the level set for this meeting's negotiating parameters. Every page of it is marked at least " + name + "."
}

// annex: the negotiating parameters, one table per issue, on pages of their own marked at
// the annex's level at least.
func (r *renderer) annex(s *section) {
	r.floor = r.annexLevel
	r.raise(r.pdf.PageNo(), r.annexLevel)
	defer func() { r.floor = handling.None }()
	intro := r.paraBlock(text(r.annexStatement(), bodyStyle.withBold()), 0, bodyLine, 3)
	r.sectionHeading(s, intro.lead())
	intro.draw()
	cont := r.newContinued("Negotiating parameters", nil)
	cont.begin()
	defer cont.end()
	for i, p := range r.b.Meeting.Parameters {
		var rows [][][]span
		for _, f := range p.Texts() {
			value := text(*f.Text, cellStyle)
			if strings.TrimSpace(*f.Text) == "" {
				value = text("Not set", cellStyle.withItalic().withColor(mutedColour))
			}
			rows = append(rows, [][]span{text(f.Label, labelStyle.withBold()), value})
		}
		issue := p.Issue
		if strings.TrimSpace(issue) == "" {
			issue = "Untitled issue"
		}
		t := &table{widths: columns(contentW, 50, 110), rows: rows, caption: issue, within: cont}
		// The issues are in the outline but not in the contents, whose page is marked at the
		// brief's level, not the annex's.
		top := r.heading(itoa(i+1)+". "+issue, h2Style, 7, 6, 2, r.tableLead(t))
		r.useFont(fontRegular, bodyStyle.size)
		r.pdf.Bookmark(issue, 1, top)
		r.drawTable(t)
	}
}

// capColumn gives column col of a sized table at most w millimetres, but never less than its
// longest word, handing the rest to column to: the meeting a commitment was made at need not
// be as wide as what was undertaken.
func (r *renderer) capColumn(t *table, col, to int, w float64) {
	if col >= len(t.widths) || to >= len(t.widths) || t.widths[col] <= w {
		return
	}
	for _, row := range append([][][]span{t.headerSpans()}, t.rows...) {
		if col < len(row) {
			for _, a := range r.ts.atoms(glueNumbers(row[col])) {
				w = max(w, a.w+t.padLeft()+cellPadX+0.05)
			}
		}
	}
	if t.widths[col] > w {
		t.widths[to] += t.widths[col] - w
		t.widths[col] = w
	}
}

// raise makes page p's banner show at least level lv.
func (r *renderer) raise(p, lv int) {
	if lv == handling.None {
		return
	}
	if cur, seen := r.pageLevel[p]; !seen || lv > cur {
		r.pageLevel[p] = lv
	}
}
