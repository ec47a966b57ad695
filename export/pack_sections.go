package export

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/parley-app/parley/storage"
)

// The pack's contents, in the order a ministry brief follows: cover, contents, purpose and
// objectives, lines to take, anticipated questions, participants, dispute fact sheets,
// history of the track, recent statements, sources.

// Section titles. The cover lists the ones left out as "not prepared".
const (
	titlePurpose      = "Purpose and objectives"
	titleLines        = "Lines to take"
	titleQuestions    = "Anticipated questions"
	titleParticipants = "Participants"
	titleDisputes     = "Dispute fact sheets"
	titleHistory      = "History of the track"
	titleStatements   = "Recent statements"
	titleSources      = "Sources"
)

// block is a piece of a section: what it needs on its first page, and how to draw it.
type block struct {
	lead func() float64
	draw func()
}

func (r *renderer) paraBlock(spans []span, indent, lineH, after float64) block {
	return block{
		lead: func() float64 { return r.paraLead(spans, indent, lineH) },
		draw: func() { r.para(spans, indent, lineH, after) },
	}
}

func (r *renderer) listBlock(items []listItem, indent, lineH, gap float64) block {
	return block{
		lead: func() float64 { return r.listLead(items, indent, lineH) },
		draw: func() { r.list(items, indent, lineH, gap) },
	}
}

func (r *renderer) tableBlock(t *table, after float64) block {
	return block{
		lead: func() float64 { return r.tableLead(t) },
		draw: func() { r.drawTable(t); r.y += after },
	}
}

// subBlock puts a small heading over a block and keeps them together.
func (r *renderer) subBlock(title string, inner block) block {
	return block{
		lead: func() float64 { return 10 + inner.lead() },
		draw: func() {
			r.subHeading(title, inner.lead())
			inner.draw()
		},
	}
}

// drawSection draws a section heading kept with the start of its first block, then the
// blocks.
func (r *renderer) drawSection(s *section, blocks []block) {
	lead := 0.0
	if len(blocks) > 0 {
		lead = blocks[0].lead()
	}
	r.sectionHeading(s, lead)
	for _, b := range blocks {
		b.draw()
	}
}

func text(s string, st style) []span { return []span{{text: s, st: st}} }

// cite is the citation mark for a source, "[3]", glued to the text before it; nothing for a
// record without a known source.
func (r *renderer) cite(sourceID string, st style) []span {
	n, ok := r.sourceNo[sourceID]
	if !ok {
		return nil
	}
	return []span{{text: "\u00a0[" + itoa(n) + "]", st: st.withColor(mutedColour), link: r.sourceLinks[sourceID]}}
}

// number gives a source its citation number the first time something in the pack cites it.
func (r *renderer) number(sourceID string) {
	if sourceID == "" {
		return
	}
	if _, ok := r.b.Sources[sourceID]; !ok {
		return
	}
	if _, ok := r.sourceNo[sourceID]; ok {
		return
	}
	r.sourceOrder = append(r.sourceOrder, sourceID)
	r.sourceNo[sourceID] = len(r.sourceOrder)
	r.sourceLinks[sourceID] = r.pdf.AddLink()
}

// plan decides which sections the pack has, numbers the sources in the order the pack cites
// them, and makes the link targets the contents and tables point at.
func (r *renderer) plan() {
	if r.opt.Issue != nil && r.opt.Issue.Addendum > 0 {
		r.planAddendum()
		return
	}
	b, m := r.b, &r.b.Meeting
	// add plans a section; one the dossier has nothing for is left out, and named on the
	// cover as not prepared when missing it leaves the brief incomplete.
	add := func(title string, present, missing, newPage bool, draw func(*section)) *section {
		if !present {
			if missing {
				r.notPrepared = append(r.notPrepared, title)
			}
			return nil
		}
		s := &section{title: title, number: len(r.sections) + 1, newPage: newPage, link: r.pdf.AddLink()}
		s.draw = func() { draw(s) }
		r.sections = append(r.sections, s)
		return s
	}
	held := m.Status == storage.StatusHeld
	add(titlePurpose, strings.TrimSpace(m.Purpose) != "" || len(m.Objectives) > 0 || strings.TrimSpace(m.Background) != "" ||
		strings.TrimSpace(m.Outcome) != "" || strings.TrimSpace(m.NextSteps) != "", true, true, r.purpose)
	add(titleTheirSide, len(m.TheirSide) > 0, true, false, r.theirSide)
	add(titleLines, len(m.LinesToTake) > 0 || len(m.IfPressed) > 0 || len(m.LinesToAvoid) > 0, true, false, r.linesToTake)
	add(titleQuestions, len(m.Questions) > 0, true, false, r.questions)
	add(titlePress, !m.PressLine.IsZero() || m.PressAccess != "", true, false, r.pressLine)
	add(titleScenario, hasScenario(*m), true, true, r.scenario)
	if add(titleSince, b.SinceLastRound != nil, false, true, r.sinceLastRound) != nil {
		r.planSince()
	}
	add(titleOpen, len(b.OpenCommitments) > 0, false, false, r.openCommitments)
	add(titleRecord, !m.Record.IsZero(), held, true, r.record)
	add(titleCommitments, len(m.Commitments) > 0, held, false, r.commitments)
	if s := add(titleParticipants, len(b.Participants) > 0, true, true, r.participants); s != nil {
		// The contents list the principals' profiles, in the order the section draws them; a
		// link to anyone else points at their line in their delegation's list.
		for _, d := range delegations(b.Participants) {
			for _, p := range d.principals {
				e := &entry{title: p.Actor.Name, link: r.pdf.AddLink()}
				if e.title == "" {
					e.title = "Unnamed participant"
				}
				s.subs = append(s.subs, e)
				if _, ok := r.profileLinks[p.ActorID]; !ok {
					r.profileLinks[p.ActorID] = e.link
				}
			}
		}
		for _, p := range b.Participants {
			if _, ok := r.profileLinks[p.ActorID]; !ok {
				r.profileLinks[p.ActorID] = r.pdf.AddLink()
			}
		}
		for _, p := range b.Participants {
			for _, st := range p.Statements {
				r.number(st.SourceID)
			}
			if p.LastMet != nil {
				for _, st := range p.LastMet.Statements {
					r.number(st.SourceID)
				}
			}
		}
	}
	if s := add(titleDisputes, len(b.Disputes) > 0, true, true, r.disputes); s != nil {
		for _, d := range b.Disputes {
			s.subs = append(s.subs, &entry{title: d.Title, link: r.pdf.AddLink()})
			for _, f := range d.Facts {
				r.number(f.SourceID)
			}
			for _, e := range d.Timeline {
				r.number(e.SourceID)
			}
		}
	}
	if add(titleHistory, r.hasHistory(), true, true, r.history) != nil {
		for _, c := range r.statusChanges() {
			r.number(c.change.SourceID)
		}
	}
	if add(titleStatements, len(b.RecentStatements) > 0, true, false, r.recentStatements) != nil {
		for _, st := range b.RecentStatements {
			r.number(st.SourceID)
		}
	}
	add(titleSources, len(r.sourceOrder) > 0, true, false, r.sources)
	if len(m.Parameters) > 0 {
		// The annex comes last, unnumbered, at its own level.
		r.annexLevel = r.opt.Scheme.AnnexLevel(*m, r.marking)
		s := &section{title: titleAnnex, newPage: true, link: r.pdf.AddLink()}
		s.draw = func() { r.annex(s) }
		r.sections = append(r.sections, s)
	}
}

// cover is the first page: marking, title, when and where, status, round and what the pack
// leaves out.
func (r *renderer) cover() {
	b, m := r.b, r.b.Meeting
	r.current = "Cover" // the running head of a page the cover runs over onto
	r.y = max(42, r.top)
	r.para(text(r.coverLabel(), style{size: 9, bold: true, color: mutedColour}), 0, 5, 4)
	title := m.Title
	if strings.TrimSpace(title) == "" {
		title = "Untitled meeting"
	}
	r.para(text(title, style{size: 24, bold: true, color: navyColour}), 0, 10.5, 2)
	if b.Track.Title != "" {
		r.para(text(b.Track.Title, style{size: 12, color: mutedColour}), 0, 6, 0)
	}
	r.y += 5
	r.pdf.SetDrawColor(navyColour.r, navyColour.g, navyColour.b)
	r.pdf.SetLineWidth(0.8)
	r.pdf.Line(marginL, r.y, marginL+30, r.y)
	r.y += 9

	var rows [][][]span
	row := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			rows = append(rows, [][]span{text(label, labelStyle), text(value, bodyStyle)})
		}
	}
	switch {
	case m.When.IsExact():
		venue := m.When.Location()
		row("Date and time", clockRange(m.When.At, m.DurationMinutes, venue)+" (venue, "+m.When.Zone+")")
		home := r.opt.HomeZone
		if zoneName(home) != m.When.Zone {
			value := clockRange(m.When.At, m.DurationMinutes, home)
			if n := zoneName(home); n != "" {
				value += " (" + n + ")"
			}
			row("Your time", value)
		}
	case m.When.IsZero():
		row("Date", "Not yet set")
	default:
		note := " (time not yet set)"
		if m.When.Zone != "" {
			note = " (time not yet set; venue's time zone " + m.When.Zone + ")"
		}
		row("Date", longDate(m.When)+note)
	}
	row("Venue", m.Place())
	row("Format", formatLabel(m.Format))
	row("Status", m.StatusText())
	row("Track", b.Track.Title)
	row("Round", roundLine(m, b.PreviousRound))
	row("Interpreters", interpretersText(m))
	row("Record-taker", m.RecordTaker)
	row("Press", pressText(m))
	row("Arrangements", m.Logistics)
	row("Prepared on", r.opt.PreparedOn.In(r.opt.HomeZone).Format("2 January 2006"))
	for _, c := range r.controlRows() {
		row(c[0], c[1])
	}
	t := &table{widths: columns(contentW, 32, 128), rows: rows, plain: true}
	r.drawTable(t)

	switch {
	case r.opt.Preflight != nil:
		// The pre-flight check's short form, which names the missing sections too.
		if len(r.opt.Preflight) > 0 {
			r.coverList("Before you go", "", r.opt.Preflight)
		}
	case len(r.notPrepared) > 0:
		r.coverList("Not prepared", "The dossier holds nothing yet for these sections, so this pack leaves them out:", r.notPrepared)
	}
	if len(b.Unreadable) > 0 {
		var lines []string
		for _, bad := range b.Unreadable {
			lines = append(lines, bad.String())
		}
		r.coverList("Left out: records that cannot be read",
			"These records were changed outside Parley and cannot be read, so this pack leaves them out; parley verify lists them all:", lines)
	}
}

// coverList is a short list under a heading at the foot of the cover. The heading keeps two
// items with it; a list that runs over onto another page opens it with "(continued)".
func (r *renderer) coverList(title, intro string, lines []string) {
	var items []listItem
	for _, t := range lines {
		items = append(items, listItem{marker: "–", spans: text(t, bodyStyle)})
	}
	lead := 0.0
	if intro != "" {
		lead += r.paraLead(text(intro, bodyStyle), 0, bodyLine) + 1
	}
	for _, it := range items[:min(2, len(items))] {
		lines, _ := r.itemLines(it, contentW-5)
		lead += linesHeight(lines, bodyLine) + 0.5
	}
	r.y += 8
	r.subHeading(title, lead)
	c := r.newContinued(title, nil)
	c.begin()
	defer c.end()
	if intro != "" {
		r.para(text(intro, bodyStyle.withColor(mutedColour)), 0, bodyLine, 1)
	}
	r.list(items, 5, bodyLine, 0.5)
}

// contentsRow is one laid-out line group of the contents.
type contentsRow struct {
	lines  []line
	indent float64
	page   int // page offset within the contents
	y      float64
	link   int
	target *int // page the entry points at, known after the sections are drawn
	gap    float64
}

const (
	contentsLine    = 5.6
	contentsPageCol = 14.0
	contentsHeading = 8 + 1.5 + 5 // heading, rule and space, as sectionHeading draws them
)

// contentsLayout places the contents entries on as many pages as they need. It depends only
// on the plan, so the pages can be reserved before the sections are drawn.
func (r *renderer) contentsLayout() []contentsRow {
	var rows []contentsRow
	page, y := 0, r.top+contentsHeading
	place := func(spans []span, indent, gap float64, link int, target *int) {
		lines := r.ts.layout(spans, contentW-indent-contentsPageCol)
		h := float64(len(lines))*contentsLine + gap
		if y+h > r.bot {
			page, y = page+1, r.top
		}
		rows = append(rows, contentsRow{lines: lines, indent: indent, page: page, y: y, link: link, target: target, gap: gap})
		y += h
	}
	for _, s := range r.sections {
		title := s.title
		if s.number > 0 {
			title = itoa(s.number) + "   " + title
		}
		place(text(title, style{size: 10.5, bold: true, color: navyColour}), 0, 1.8, s.link, &s.page)
		for _, e := range s.subs {
			place(text(e.title, bodyStyle.withSize(9.5)), 9, 0, e.link, &e.page)
		}
		if len(s.subs) > 0 {
			y += 1.8
		}
	}
	return rows
}

// contentsPages is how many pages the contents take (none when the pack has no sections).
func (r *renderer) contentsPages() int {
	if len(r.sections) == 0 {
		return 0
	}
	rows := r.contentsLayout()
	return rows[len(rows)-1].page + 1
}

// drawContents fills the reserved contents pages now that every section's page is known.
func (r *renderer) drawContents() {
	if r.contentsN == 0 {
		return
	}
	r.setPage(r.contents)
	r.y = r.top
	r.heading("Contents", h1Style, 8, 0, 1.5, 0)
	r.pdf.SetDrawColor(navyColour.r, navyColour.g, navyColour.b)
	r.pdf.SetLineWidth(0.4)
	r.pdf.Line(marginL, r.y, pageW-marginR, r.y)
	for _, row := range r.contentsLayout() {
		r.setPage(r.contents + row.page)
		y := row.y
		x := marginL + row.indent
		for i, ln := range row.lines {
			r.drawLine(ln, x, y, contentsLine)
			if i == len(row.lines)-1 {
				st := bodyStyle.withSize(9.5)
				if row.indent == 0 {
					st = style{size: 10.5, bold: true, color: navyColour}
				}
				num := r.ts.layout(text(itoa(*row.target), st), contentsPageCol)
				pw := num[0].w
				r.drawLine(num[0], pageW-marginR-pw, y, contentsLine)
				// Dotted leader from the entry to its page number.
				r.pdf.SetDrawColor(ruleColour.r, ruleColour.g, ruleColour.b)
				r.pdf.SetLineWidth(0.3)
				r.pdf.SetDashPattern([]float64{0.3, 1.2}, 0)
				ly := y + contentsLine*0.72
				if x+ln.w+2 < pageW-marginR-pw-2 {
					r.pdf.Line(x+ln.w+2, ly, pageW-marginR-pw-2, ly)
				}
				r.pdf.SetDashPattern([]float64{}, 0)
			}
			y += contentsLine
		}
		h := float64(len(row.lines)) * contentsLine
		r.pdf.Link(marginL, row.y, contentW, h, row.link)
	}
}

// purpose: the purpose, objectives, background, and after the meeting its outcome.
func (r *renderer) purpose(s *section) {
	m := r.b.Meeting
	var blocks []block
	if strings.TrimSpace(m.Purpose) != "" {
		blocks = append(blocks, r.paraBlock(text(m.Purpose, bodyStyle), 0, bodyLine, 2))
	}
	if len(m.Objectives) > 0 {
		var items []listItem
		for i, o := range m.Objectives {
			items = append(items, listItem{marker: itoa(i+1) + ".", spans: text(o, bodyStyle)})
		}
		blocks = append(blocks, r.subBlock("Objectives", r.listBlock(items, 7, bodyLine, 1.5)))
	}
	for _, p := range []struct{ title, body string }{{"Background", m.Background}, {"Outcome", m.Outcome}, {"Next steps", m.NextSteps}} {
		if strings.TrimSpace(p.body) != "" {
			blocks = append(blocks, r.subBlock(p.title, r.paraBlock(text(p.body, bodyStyle), 0, bodyLine, 2)))
		}
	}
	r.drawSection(s, blocks)
}

func (r *renderer) questions(s *section) {
	var blocks []block
	for i, q := range r.b.Meeting.Questions {
		item := listItem{marker: "Q" + itoa(i+1), head: text(q.Question, bodyStyle.withBold())}
		if strings.TrimSpace(q.Answer) != "" {
			item.spans = text(q.Answer, bodyStyle)
		}
		blocks = append(blocks, r.listBlock([]listItem{item}, 10, bodyLine, 3))
	}
	r.drawSection(s, blocks)
}

// delegation is the participants of one side, in the order of the meeting's list.
type delegation struct {
	country    string // "" for the participants whose actor has no country
	principals []storage.BriefParticipant
	members    []storage.BriefParticipant
}

// isPrincipal reports whether a participant gets a full profile (storage's rule: heads of
// delegation, hosts, counterparts and those marked principal). Everyone else gets one line in
// their delegation's list.
func isPrincipal(p storage.BriefParticipant) bool { return p.IsPrincipal() }

// delegations groups participants by their actor's country, in the order of precedence the
// user set: delegations in the order their first member appears in the meeting's list,
// members in list order, and the participants of no country last.
func delegations(ps []storage.BriefParticipant) []delegation {
	var out []delegation
	at := map[string]int{}
	for _, p := range ps {
		c := strings.TrimSpace(p.Actor.Country)
		i, ok := at[c]
		if !ok {
			i = len(out)
			at[c] = i
			out = append(out, delegation{country: c})
		}
		if isPrincipal(p) {
			out[i].principals = append(out[i].principals, p)
		} else {
			out[i].members = append(out[i].members, p)
		}
	}
	if i, ok := at[""]; ok && i < len(out)-1 {
		none := out[i]
		out = append(append(out[:i:i], out[i+1:]...), none)
	}
	return out
}

// label is how a delegation is headed: its country, or "Other participants" beside others.
func (d delegation) label(alone bool) string {
	switch {
	case d.country != "":
		return d.country
	case alone:
		return "Participants"
	}
	return "Other participants"
}

// participants: one part per delegation, with the profiles of its principals in full and a
// list of everyone else, one line each.
func (r *renderer) participants(s *section) {
	dels := delegations(r.b.Participants)
	subs := s.subs
	placed := map[string]bool{} // actors whose link target is set (or will be, by their profile)
	for _, d := range dels {
		for _, p := range d.principals {
			placed[p.ActorID] = true
		}
	}
	for di, d := range dels {
		var first *profileLayout
		if len(d.principals) > 0 {
			first = r.prepareProfile(d.principals[0])
		}
		members := r.membersTable(d, placed)
		lead := 0.0 // what the band keeps with it: the first profile, or the list's heading and first row
		switch {
		case first != nil:
			lead = profileGap(true) + first.lead
		case members != nil:
			lead = 3.5 + 5 + 1 + r.tableLead(members)
		}
		if di == 0 {
			r.sectionHeading(s, lead+delegationBand+2)
		}
		// A page the delegation runs over onto opens with its name.
		var dc *continued
		if len(dels) > 1 || d.country != "" {
			r.delegationBand(d.label(len(dels) == 1), len(d.principals)+len(d.members), lead, di == 0)
			dc = r.newContinued(d.label(len(dels) == 1), nil)
			dc.begin()
		}
		if members != nil {
			members.within = dc
		}
		for i, p := range d.principals {
			pl := first
			if i > 0 {
				pl = r.prepareProfile(p)
			}
			r.drawProfile(pl, subs[0], i == 0, dc)
			subs = subs[1:]
		}
		if members != nil {
			title := "Members of the delegation"
			switch {
			case len(d.principals) > 0:
				title = "Also in the delegation"
			case d.country == "":
				title = "" // the band, if any, says "Other participants"
			}
			if len(d.principals) > 0 {
				r.y += 4
			}
			if title != "" {
				r.subHeading(title, r.tableLead(members))
				members.caption = title
			}
			r.drawTable(members)
			r.y += 4
		}
		if dc != nil {
			dc.end()
		}
	}
}

// delegationBand is the height of a delegation's band.
const delegationBand = 8.0

// delegationBand opens a delegation: a tinted band with its name and how many it has,
// kept with lead millimetres of what follows.
func (r *renderer) delegationBand(label string, n int, lead float64, first bool) {
	if r.y > r.top+0.01 {
		if r.y+6+delegationBand+2+lead > r.bot {
			r.newPage()
		} else if !first {
			r.y += 6
		}
	}
	r.pdf.SetFillColor(headerFill.r, headerFill.g, headerFill.b)
	r.pdf.Rect(marginL, r.y, contentW, delegationBand, "F")
	r.pdf.SetDrawColor(navyColour.r, navyColour.g, navyColour.b)
	r.pdf.SetLineWidth(0.4)
	r.pdf.Line(marginL, r.y+delegationBand, pageW-marginR, r.y+delegationBand)
	count := itoa(n) + " participants"
	if n == 1 {
		count = "1 participant"
	}
	cst := smallStyle
	cw := r.ts.spanWidth(text(count, cst))
	name := r.fitOneLine(label, h2Style.withSize(11.5), contentW-cw-10)
	if lines := r.ts.layout(text(name, h2Style.withSize(11.5)), contentW); len(lines) > 0 {
		r.drawLine(lines[0], marginL+2, r.y+1.5, 5)
	}
	if lines := r.ts.layout(text(count, cst), contentW); len(lines) > 0 {
		r.drawLine(lines[0], pageW-marginR-2-cw, r.y+1.5, 5)
	}
	r.y += delegationBand + 2
}

// membersTable is the one-line list of a delegation's participants who are not principals:
// name, native-script name, title (and role, unless a plain member) and pronunciation. A
// member's row is the target of the links to them from elsewhere in the pack.
func (r *renderer) membersTable(d delegation, placed map[string]bool) *table {
	if len(d.members) == 0 {
		return nil
	}
	t := &table{header: []string{"Name", "Native-script name", "Title", "Pronunciation"}}
	for _, p := range d.members {
		a := p.Actor
		name := a.Name
		if name == "" {
			name = "Unnamed participant"
		}
		title := text(a.Title, cellStyle)
		if p.Role != "" && p.Role != storage.RoleMember {
			sep := " · "
			if a.Title == "" {
				sep = ""
			}
			title = append(title, span{text: sep + roleLabel(p.Role), st: cellStyle.withColor(mutedColour)})
		}
		t.rows = append(t.rows, [][]span{
			{{text: name, st: cellStyle.withBold()}},
			r.nativeName(a.NativeName, cellStyle),
			title,
			text(a.Pronunciation, cellStyle.withColor(mutedColour)),
		})
		target := 0
		if !placed[p.ActorID] {
			target = r.profileLinks[p.ActorID]
			placed[p.ActorID] = true
		}
		t.targets = append(t.targets, target)
	}
	r.sizeColumns(t, contentW)
	return t
}

// nativeName is a name in its own script, or a note when the pack cannot print that script.
func (r *renderer) nativeName(name string, st style) []span {
	if strings.TrimSpace(name) == "" {
		return nil
	}
	if script := r.ts.hiddenScript(name); script != "" {
		if script == "characters" {
			return text("(name in its own script not shown)", st.withItalic().withColor(mutedColour))
		}
		return text("(name in "+script+" script not shown)", st.withItalic().withColor(mutedColour))
	}
	return text(name, st)
}

const (
	photoW = 30.0
	photoH = 38.0
)

// profileLayout is a profile made ready to draw: its key facts, its photo and what it needs
// on the page it starts on.
type profileLayout struct {
	p        storage.BriefParticipant
	name     string
	native   []span
	facts    *table
	photo    photo
	hasPhoto bool
	photoErr string // why the photo could not be read, for the note in the profile
	kvW      float64
	lead     float64
}

// prepareProfile registers the participant's photo and lays out the key facts.
func (r *renderer) prepareProfile(p storage.BriefParticipant) *profileLayout {
	a := p.Actor
	pl := &profileLayout{p: p, kvW: contentW}
	if len(a.Photo) > 0 {
		ph, err := r.registerPhoto(a.ID, a.Photo)
		if err == nil {
			pl.photo, pl.hasPhoto = ph, true
			pl.kvW = contentW - photoW - 6
		} else {
			pl.photoErr = photoProblem(err)
		}
	}
	var cells [][][]span
	kv := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			cells = append(cells, [][]span{text(label, labelStyle), text(value, cellStyle)})
		}
	}
	kv("Pronunciation", a.Pronunciation)
	if len(a.OtherNames) > 0 {
		kv("Also written", strings.Join(a.OtherNames, "; "))
	}
	kv("Title", a.Title)
	kv("Organisation", a.Organisation)
	kv("Side", a.Country)
	at := roleLabel(p.Role)
	if strings.TrimSpace(p.Note) != "" {
		at += " — " + p.Note
	}
	kv("At this meeting", at)
	kv("Role in the talks", a.Role)
	pl.facts = &table{widths: columns(pl.kvW, 30, pl.kvW-30), rows: cells, plain: true}

	pl.name = a.Name
	if pl.name == "" {
		pl.name = "Unnamed participant"
	}
	pl.native = r.nativeName(a.NativeName, style{size: 12, color: inkColour})
	head := linesHeight(r.ts.layout(text(pl.name, h2Style), pl.kvW), 7)
	if pl.native != nil {
		head += linesHeight(r.ts.layout(pl.native, pl.kvW), 6.5)
	}
	factsH := 0.0
	for _, row := range cells {
		_, n := r.cellLines(pl.facts, row)
		factsH += pl.facts.rowHeight(n)
	}
	// The heading stays with the whole key-facts list unless that list is very long.
	pl.lead = head + 1 + factsH
	if factsH > 90 {
		pl.lead = head + 30
	}
	if pl.hasPhoto {
		pl.lead = math.Max(pl.lead, head+photoH+2)
	}
	return pl
}

// profileGap is the space above a profile: a rule between two, less under a band.
func profileGap(first bool) float64 {
	if first {
		return 2
	}
	return 8
}

// drawProfile draws one participant's profile. It starts on a new page unless its heading,
// its key facts and its photo fit on this one; a page it runs over onto opens with its
// delegation's name and its own.
func (r *renderer) drawProfile(pl *profileLayout, e *entry, first bool, delegation *continued) {
	p, a, name := pl.p, pl.p.Actor, pl.name
	// A profile never starts in the last lines of a page.
	if r.y > r.top+0.01 {
		switch {
		case r.y+profileGap(first)+pl.lead > r.bot:
			r.newPage()
		case first:
			r.y += profileGap(first) // the delegation's band separates it already
		default:
			r.y += 4
			r.pdf.SetDrawColor(ruleColour.r, ruleColour.g, ruleColour.b)
			r.pdf.SetLineWidth(0.2)
			r.pdf.Line(marginL, r.y, pageW-marginR, r.y)
			r.y += 4
		}
	}
	top := r.y
	e.page = r.pdf.PageNo()
	r.pdf.SetLink(e.link, top, e.page)
	r.useFont(fontRegular, bodyStyle.size)
	r.pdf.Bookmark(name, 1, top)
	r.drawLines(r.ts.layout(text(name, h2Style), pl.kvW), marginL, 7)
	if pl.native != nil {
		r.drawLines(r.ts.layout(pl.native, pl.kvW), marginL, 6.5)
	}
	r.y += 1
	cont := r.newContinued(name, delegation)
	cont.begin()
	defer cont.end()
	if pl.hasPhoto {
		ph := pl.photo
		w, h := photoW, photoW*float64(ph.h)/float64(ph.w)
		if h > photoH {
			h, w = photoH, photoH*float64(ph.w)/float64(ph.h)
		}
		x := pageW - marginR - w
		r.pdf.ImageOptions(ph.name, x, top, w, h, false, imageJPG, 0, "")
		r.pdf.SetDrawColor(ruleColour.r, ruleColour.g, ruleColour.b)
		r.pdf.SetLineWidth(0.2)
		r.pdf.Rect(x, top, w, h, "D")
		photoBottom := top + h + 3
		r.drawTable(pl.facts)
		if r.pdf.PageNo() == e.page && r.y < photoBottom {
			r.y = photoBottom
		}
	} else {
		r.drawTable(pl.facts)
	}
	if pl.photoErr != "" {
		r.y += 1
		r.para(text("Photo could not be read: "+pl.photoErr+".", smallStyle.withItalic()), 0, smallLine, 0)
	}
	r.y += 2

	if len(a.Posts) > 0 {
		var items []listItem
		for _, post := range a.Posts {
			what := post.Title
			if post.Organisation != "" {
				what += ", " + post.Organisation
			}
			spans := text(what, bodyStyle)
			if d := postDates(post); d != "" {
				spans = append([]span{{text: d + "\u2002", st: bodyStyle.withColor(mutedColour)}}, spans...)
			}
			items = append(items, listItem{marker: "–", spans: spans})
		}
		r.subBlock("Posts held", r.listBlock(items, 5, bodyLine, 0.5)).draw()
	}
	for _, p := range []struct{ title, body string }{{"Biography", a.Biography}, {"Stance and interests", a.Stance}} {
		if strings.TrimSpace(p.body) != "" {
			r.subBlock(p.title, r.paraBlock(text(p.body, bodyStyle), 0, bodyLine, 1)).draw()
		}
	}
	if p.LastMet != nil {
		for _, b := range r.lastMetBlocks(p.LastMet) {
			b.draw()
		}
	}
	if len(p.Relations) > 0 {
		var items []listItem
		for _, rel := range p.Relations {
			var spans []span
			if rel.Outgoing {
				spans = []span{{text: sentence(rel.Kind) + " ", st: bodyStyle}, {text: rel.OtherName, st: bodyStyle.withBold(), link: r.profileLinks[rel.OtherID]}}
			} else {
				spans = []span{{text: rel.OtherName, st: bodyStyle.withBold(), link: r.profileLinks[rel.OtherID]}, {text: ": " + rel.Kind + " " + name, st: bodyStyle}}
			}
			if strings.TrimSpace(rel.Note) != "" {
				spans = append(spans, span{text: " — " + rel.Note, st: bodyStyle.withColor(mutedColour)})
			}
			items = append(items, listItem{marker: "–", spans: spans})
		}
		r.subBlock("Relationships", r.listBlock(items, 5, bodyLine, 0.5)).draw()
	}
	if len(p.Statements) > 0 {
		var items []listItem
		for _, st := range p.Statements {
			head, body := r.statementSpans(st, nil)
			items = append(items, listItem{marker: "–", head: head, spans: body})
		}
		r.subBlock("Statements, newest first", r.listBlock(items, 5, bodyLine, 1.5)).draw()
	}
}

// statementSpans: the speaker, if given, with when and where, as the head kept with the
// quotation and its source.
func (r *renderer) statementSpans(st storage.Statement, speaker []span) (head, body []span) {
	head = append(head, speaker...)
	meta := shortDate(st.When)
	if st.When.IsZero() {
		meta = "Date not known"
	}
	if strings.TrimSpace(st.Occasion) != "" {
		meta += " · " + st.Occasion
	}
	head = append(head, span{text: meta, st: smallStyle})
	body = append(body, span{text: strings.TrimSpace(st.Text), st: bodyStyle})
	body = append(body, r.cite(st.SourceID, bodyStyle)...)
	return head, body
}

// disputes: one fact sheet per linked dispute.
func (r *renderer) disputes(s *section) {
	for i, d := range r.b.Disputes {
		e := s.subs[i]
		cont := r.newContinued(d.Title, nil)
		blocks := r.disputeBlocks(d, cont)
		if i == 0 {
			r.sectionHeading(s, 20)
		} else {
			r.newPage()
		}
		lead := 0.0
		if len(blocks) > 0 {
			lead = blocks[0].lead()
		}
		top := r.heading(d.Title, h2Style, 7, 2, 3, lead)
		e.page = r.pdf.PageNo()
		r.pdf.SetLink(e.link, top, e.page)
		r.useFont(fontRegular, bodyStyle.size)
		r.pdf.Bookmark(d.Title, 1, top)
		cont.begin()
		for _, b := range blocks {
			b.draw()
		}
		cont.end()
	}
}

// disputeBlocks are the parts of a fact sheet; cont is the sheet's caption, which its tables
// continue under.
func (r *renderer) disputeBlocks(d storage.Dispute, cont *continued) []block {
	var blocks []block
	if strings.TrimSpace(d.Summary) != "" {
		blocks = append(blocks, r.paraBlock(text(d.Summary, bodyStyle), 0, bodyLine, 2))
	}
	// Names by party, side by side.
	for _, chunk := range chunks(len(d.Names), 3) {
		var header []string
		var row [][]span
		for _, n := range d.Names[chunk[0]:chunk[1]] {
			header = append(header, n.Party)
			cell := text(n.Name, cellStyle.withBold())
			if native := r.nativeName(n.Native, cellStyle.withSize(11)); native != nil {
				cell = append(cell, span{text: "\n", st: cellStyle})
				cell = append(cell, native...)
			}
			if n.Language != "" {
				cell = append(cell, span{text: "\n" + languageName(n.Language), st: cellStyle.withColor(mutedColour)})
			}
			row = append(row, cell)
		}
		blocks = append(blocks, r.partiesBlock("Names by party", chunk, header, row, cont))
	}
	var who [][][]span
	if d.Administrator != "" {
		who = append(who, [][]span{text("Administered by", labelStyle), text(d.Administrator, cellStyle)})
	}
	if len(d.Claimants) > 0 {
		who = append(who, [][]span{text("Claimed by", labelStyle), text(strings.Join(d.Claimants, ", "), cellStyle)})
	}
	if len(who) > 0 {
		blocks = append(blocks, r.tableBlock(&table{widths: columns(contentW, 32, 128), rows: who, plain: true}, 2))
	}
	if len(d.Facts) > 0 {
		var rows [][][]span
		for _, f := range d.Facts {
			rows = append(rows, [][]span{text(f.Label, cellStyle.withBold()), append(text(f.Value, cellStyle), r.cite(f.SourceID, cellStyle)...)})
		}
		t := &table{header: []string{"Fact", "Detail"}, rows: rows, caption: "Key facts", within: cont}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock("Key facts", r.tableBlock(t, 2)))
	}
	if len(d.Positions) > 0 {
		per := 3
		if len(d.Positions) > 3 {
			per = 2
		}
		for _, chunk := range chunks(len(d.Positions), per) {
			var header []string
			var row [][]span
			for _, p := range d.Positions[chunk[0]:chunk[1]] {
				header = append(header, p.Party)
				row = append(row, text(p.Text, cellStyle))
			}
			blocks = append(blocks, r.partiesBlock("Positions", chunk, header, row, cont))
		}
	}
	if len(d.Timeline) > 0 {
		var rows [][][]span
		for _, e := range d.Timeline {
			rows = append(rows, [][]span{text(shortDate(e.When), cellStyle), append(text(e.Text, cellStyle), r.cite(e.SourceID, cellStyle)...)})
		}
		t := &table{header: []string{"Date", "Event"}, rows: rows, caption: "Timeline", within: cont}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock("Timeline", r.tableBlock(t, 2)))
	}
	if ms := r.b.DisputeMeetings[d.ID]; len(ms) > 0 {
		var rows [][][]span
		for _, m := range ms {
			when := shortDate(m.When)
			if m.When.IsZero() {
				when = "Not set"
			}
			meeting := text(m.Title, cellStyle)
			if pl := m.Place(); pl != "" {
				meeting = append(meeting, span{text: "\n" + pl, st: cellStyle.withColor(mutedColour)})
			}
			rows = append(rows, [][]span{text(when, cellStyle), meeting, text(m.StatusText(), cellStyle)})
		}
		t := &table{header: []string{"Date", "Meeting", "Status"}, rows: rows, caption: titleDisputeMeetings, within: cont}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock(titleDisputeMeetings, r.tableBlock(t, 2)))
		if n := r.b.OtherDisputeMeetings[d.ID]; n > 0 {
			more := itoa(n) + " other meetings on this dispute are in Parley, not in this pack."
			if n == 1 {
				more = "1 other meeting on this dispute is in Parley, not in this pack."
			}
			blocks = append(blocks, r.paraBlock(text(more, smallStyle), 0, bodyLine, 2))
		}
	}
	return blocks
}

// titleDisputeMeetings heads a fact sheet's list of the other meetings linked to its dispute.
const titleDisputeMeetings = "Other meetings on this dispute"

// chunks cuts n items into consecutive [from, to) groups of at most per.
func chunks(n, per int) [][2]int {
	var out [][2]int
	for i := 0; i < n; i += per {
		out = append(out, [2]int{i, min(n, i+per)})
	}
	return out
}

// partiesBlock is one chunk (of chunks) of a table with a column a party, all as wide: the
// sub-heading title, "(continued)" after the first chunk, over the header and the one row.
func (r *renderer) partiesBlock(title string, chunk [2]int, header []string, row [][]span, cont *continued) block {
	weights := make([]float64, len(row))
	for i := range weights {
		weights[i] = 1
	}
	t := &table{widths: columns(contentW, weights...), header: header, rows: [][][]span{row}, caption: title, within: cont}
	if chunk[0] > 0 {
		title += " (continued)"
	}
	return r.subBlock(title, r.tableBlock(t, 2))
}

// hasHistory: the meeting belongs to a track, follows a round, or its status has changed.
func (r *renderer) hasHistory() bool {
	return r.b.Track.ID != "" || len(r.b.TrackMeetings) > 0 || r.b.PreviousRound.ID != "" || len(r.statusChanges()) > 0
}

// historyMeetings are the track's other meetings, the previous round included even when it
// belongs to no track.
func (r *renderer) historyMeetings() []storage.Meeting {
	ms := r.b.TrackMeetings
	if prev := r.b.PreviousRound; prev.ID != "" {
		found := false
		for _, m := range ms {
			found = found || m.ID == prev.ID
		}
		if !found {
			ms = append([]storage.Meeting{prev}, ms...)
		}
	}
	var out []storage.Meeting
	for _, m := range ms {
		if m.ID != r.b.Meeting.ID {
			out = append(out, m)
		}
	}
	return out
}

// earlier reports whether m comes before the briefed meeting: it is over before this one
// starts, or it was held and began earlier. A meeting due "by end of 2016" is a later one.
func (r *renderer) earlier(m storage.Meeting) bool {
	this := r.b.Meeting
	switch {
	case m.When.IsZero():
		return false
	case this.When.IsZero():
		return m.Status == storage.StatusHeld
	case !m.When.Upper().After(this.When.Lower()):
		return true // over before this one starts
	}
	return m.Status == storage.StatusHeld && m.When.Lower().Before(this.When.Lower())
}

type historyChange struct {
	meeting storage.Meeting
	change  storage.StatusChange
	at      time.Time // what the table is ordered by (statusChanges)
}

// statusChanges are the real changes (not the first recording) of this meeting and the
// track's, oldest first.
func (r *renderer) statusChanges() []historyChange {
	var out []historyChange
	for _, m := range append([]storage.Meeting{r.b.Meeting}, r.historyMeetings()...) {
		from := len(out)
		for _, c := range m.StatusHistory {
			if c.From != "" || strings.TrimSpace(c.Reason) != "" {
				out = append(out, historyChange{meeting: m, change: c, at: c.Dated().Start()})
			}
		}
		// A meeting's history is in the order its changes came; a change dated only when it
		// was typed in (after later ones that carry the day they happened) must not jump
		// behind them: it takes the earliest date of the changes after it.
		for i := len(out) - 2; i >= from; i-- {
			if out[i+1].at.Before(out[i].at) {
				out[i].at = out[i+1].at
			}
		}
	}
	// The meetings' changes interleaved by the day each happened (when the user gave it),
	// else the day it was recorded.
	sort.SliceStable(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return out
}

// history: earlier rounds and their outcomes, later planned meetings, and status changes
// with their reasons.
func (r *renderer) history(s *section) {
	b := r.b
	var blocks []block
	if b.Track.ID != "" {
		spans := []span{{text: b.Track.Title, st: bodyStyle.withBold()}}
		if len(b.Track.Parties) > 0 {
			spans = append(spans, span{text: " — " + strings.Join(b.Track.Parties, ", "), st: bodyStyle.withColor(mutedColour)})
		}
		if strings.TrimSpace(b.Track.Summary) != "" {
			spans = append(spans, span{text: "\n" + b.Track.Summary, st: bodyStyle})
		}
		blocks = append(blocks, r.paraBlock(spans, 0, bodyLine, 3))
	}
	if older := b.OlderTrackMeetings; len(older) > 0 {
		blocks = append(blocks, r.paraBlock(text("Earlier in the track: "+trackSummary(older)+
			". The "+itoa(storage.BriefedRounds)+" meetings before this one follow in full.", bodyStyle), 0, bodyLine, 3))
	}
	var before, after [][][]span
	for _, m := range r.historyMeetings() {
		meeting := text(m.Title, cellStyle.withBold())
		if pl := m.Place(); pl != "" {
			meeting = append(meeting, span{text: "\n" + pl, st: cellStyle.withColor(mutedColour)})
		}
		if m.Round > 0 {
			meeting = append(meeting, span{text: "\nRound " + itoa(m.Round), st: cellStyle.withColor(mutedColour)})
		}
		when := shortDate(m.When)
		if m.When.IsZero() {
			when = "Not set"
		}
		if note := m.Summary().PostponedNote(); note != "" {
			when += "\n(" + note + ")"
		}
		if r.earlier(m) {
			before = append(before, [][]span{text(when, cellStyle), meeting, text(m.Status.Label(), cellStyle), text(m.Outcome, cellStyle)})
		} else {
			notes := m.Purpose
			if m.NextSteps != "" && notes == "" {
				notes = m.NextSteps
			}
			after = append(after, [][]span{text(when, cellStyle), meeting, text(m.Status.Label(), cellStyle), text(notes, cellStyle)})
		}
	}
	if len(before) > 0 {
		t := &table{header: []string{"Date", "Meeting", "Status", "Outcome"}, rows: before, caption: "Earlier meetings"}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock("Earlier meetings", r.tableBlock(t, 3)))
	}
	if len(after) > 0 {
		t := &table{header: []string{"Date", "Meeting", "Status", "Purpose"}, rows: after, caption: "Later and planned meetings"}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock("Later and planned meetings", r.tableBlock(t, 3)))
	}
	if later := b.LaterTrackMeetings; len(later) > 0 {
		blocks = append(blocks, r.paraBlock(text("Later in the track: "+trackSummary(later)+".", bodyStyle), 0, bodyLine, 3))
	}
	if changes := r.statusChanges(); len(changes) > 0 {
		var rows [][][]span
		for _, c := range changes {
			rows = append(rows, r.statusChangeRow(c.meeting.Title, c.change))
		}
		t := &table{header: []string{"Date", "Meeting", "Change", "Reason"}, rows: rows, caption: "Status changes"}
		r.sizeColumns(t, contentW)
		blocks = append(blocks, r.subBlock("Status changes", r.tableBlock(t, 3)))
	}
	r.drawSection(s, blocks)
}

// statusChangeRow is a status change as the tables of changes print it: when, the meeting,
// from what to what (with the date it then had), and the reason with its source.
func (r *renderer) statusChangeRow(meeting string, c storage.StatusChange) [][]span {
	change := "Recorded as " + string(c.To)
	if c.From != "" {
		change = "From " + string(c.From) + " to " + string(c.To)
	}
	if !c.When.IsZero() {
		if c.To == storage.StatusPostponed {
			change += "\n(date then: " + longDate(c.When) + ")"
		} else {
			change += "\n(date: " + longDate(c.When) + ")"
		}
	}
	recorded := ""
	switch {
	case !c.Happened.IsZero():
		recorded = partialHuman(c.Happened, c.Happened.ISO())
	case !c.Recorded.IsZero():
		recorded = c.Recorded.UTC().Format("2 Jan 2006")
	}
	reason := append(text(c.Reason, cellStyle), r.cite(c.SourceID, cellStyle)...)
	return [][]span{text(recorded, cellStyle), text(meeting, cellStyle.withBold()), text(change, cellStyle), reason}
}

// recentStatements: what anyone said about the meeting or its disputes, newest first.
func (r *renderer) recentStatements(s *section) {
	var items []listItem
	for _, st := range r.b.RecentStatements {
		a := r.b.Speakers[st.ActorID]
		var speaker []span
		if a.Name != "" {
			speaker = append(speaker, span{text: a.Name, st: bodyStyle.withBold(), link: r.profileLinks[a.ID]})
			if native := r.nativeName(a.NativeName, bodyStyle); native != nil && r.ts.hiddenScript(a.NativeName) == "" {
				speaker = append(speaker, span{text: " ", st: bodyStyle})
				speaker = append(speaker, native...)
			}
			if a.Title != "" {
				speaker = append(speaker, span{text: ", " + a.Title, st: bodyStyle.withColor(mutedColour)})
			}
			speaker = append(speaker, span{text: "\n", st: bodyStyle})
		}
		head, body := r.statementSpans(st, speaker)
		items = append(items, listItem{marker: "–", head: head, spans: body})
	}
	blocks := []block{r.listBlock(items, 5, bodyLine, 2.5)}
	if n := r.b.OlderStatements; n > 0 {
		older := itoa(n) + " older statements on the meeting and its disputes are in Parley, not in this pack."
		if n == 1 {
			older = "1 older statement on the meeting and its disputes is in Parley, not in this pack."
		}
		blocks = append(blocks, r.paraBlock(text(older, bodyStyle.withColor(mutedColour)), 0, bodyLine, 3))
	}
	r.drawSection(s, blocks)
}

// sources: every cited source with its number.
func (r *renderer) sources(s *section) {
	var items []listItem
	for _, id := range r.sourceOrder {
		src := r.b.Sources[id]
		spans := text(src.Title, bodyStyle.withBold())
		var meta []string
		if src.Publisher != "" {
			meta = append(meta, src.Publisher)
		}
		if !src.Published.IsZero() {
			meta = append(meta, longDate(src.Published))
		}
		if len(meta) > 0 {
			spans = append(spans, span{text: ". " + strings.Join(meta, ", ") + ".", st: bodyStyle})
		}
		if ref := strings.TrimSpace(src.Reference); ref != "" {
			sp := span{text: "\n" + ref, st: bodyStyle}
			if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") {
				sp.url = ref
				sp.st = sp.st.withColor(navyColour)
			}
			spans = append(spans, sp)
		}
		if rel := strings.TrimSpace(src.Reliability); rel != "" {
			spans = append(spans, span{text: "\nReliability: " + rel, st: bodyStyle.withColor(mutedColour)})
		}
		items = append(items, listItem{marker: "[" + itoa(r.sourceNo[id]) + "]", spans: spans, target: r.sourceLinks[id]})
	}
	r.drawSection(s, []block{r.listBlock(items, 10, bodyLine, 2.5)})
}

// trackSummary counts meetings a pack does not list: "985 meetings, Mar 1996 to Oct 2023 (640
// held, 120 cancelled, …)".
func trackSummary(ms []storage.MeetingSummary) string {
	counts := map[storage.Status]int{}
	var first, last storage.FuzzyDate
	for _, m := range ms {
		counts[m.Status]++
		if m.When.IsZero() {
			continue
		}
		if first.IsZero() {
			first = m.When
		}
		last = m.When
	}
	out := itoa(len(ms)) + " meeting"
	if len(ms) != 1 {
		out += "s"
	}
	if !first.IsZero() {
		out += ", " + shortDate(first)
		if shortDate(last) != shortDate(first) {
			out += " to " + shortDate(last)
		}
	}
	var parts []string
	for _, st := range storage.Statuses {
		if n := counts[st]; n > 0 {
			parts = append(parts, itoa(n)+" "+strings.ToLower(st.Label()))
		}
	}
	return out + " (" + strings.Join(parts, ", ") + ")"
}
