package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/handling"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// The negotiation parts of the meeting page (meeting.go): their side, the lines to take in
// three kinds, the press line, the scenario, interpreters and record-taker, the negotiating
// parameters, the record of conversation and the commitments. Drop-downs of actors show
// labels; actorIDs turns a label back into its actor.

// The first choice of each drop-down, standing for none.
const (
	toAnyone       = "(anyone)"
	noLead         = "(no lead speaker)"
	bySide         = "(a side: type it)"
	notClosed      = "(not closed)"
	atThisMeeting  = "(at this meeting)"
	defaultLevel   = "(default: one above the marking)"
	noAtmosphere   = "(not recorded)"
	noPressAccess  = "(not decided)"
	otherPresent   = "Someone else was present…"
	anotherMeeting = "(another meeting)"
	anotherActor   = "Another actor…" // in a big dossier's drop-downs of actors: look one up
)

// Columns of the negotiation's tables.
const (
	pointTo     = 1 // points: text, addressee
	agendaLead  = 2 // agenda: start, item, lead, minutes
	commitWhat  = 0 // commitments: what; actor, side, due, status, closed at
	commitActor = 1
	commitSide  = 2
	commitDue   = 3
	commitState = 4
	commitClose = 5
)

// pressAccessLabels are the press access choices as the page words them.
var pressAccessLabels = map[storage.PressAccess]string{
	storage.PressOpen:   "open to the press",
	storage.PressPool:   "pool: photographers at the start only",
	storage.PressClosed: "closed to the press",
}

// negotiationInputs are the inputs of the negotiation parts of a meeting page.
type negotiationInputs struct {
	theirSide           *widgets.TableEditor // their ask, our response
	points              *widgets.TableEditor // the point, to whom
	ifPressed, avoid    *widgets.StringListEditor
	proactive, reactive *widgets.TextArea
	pressAccess         *widget.Select
	agenda              *widgets.TableEditor // start, item, lead, minutes
	choreography        *widgets.TableEditor // kind, text
	interpreterTeam     *widgets.TableEditor // who, languages
	recordTaker         *widget.Entry
	parameters          *widgets.FormsEditor
	paramsLevel         *widget.Select
	paramsNote          *widget.Label
	recDate, recPlace   *widget.Entry
	recSubject          *widget.Entry
	recSubstance        *widgets.TextArea
	present             *widget.CheckGroup
	presentPlanned      *widget.Button
	presentOther        *widget.Select
	atmosphere          *widget.Select
	atmosphereWhy       *widget.Entry
	commitments         *widgets.TableEditor

	actorIDs     map[string]string // label → actor ID, for every actor
	actorLabels  map[string]string // actor ID → label
	closedIDs    map[string]string // label → meeting ID, for Closed at
	scheme       handling.Scheme
	marking      handling.Marking
	presentExtra []string       // actors offered as present beyond the planned participants
	parts        []*meetingPart // the folded parts of the page
}

// buildNegotiation makes the negotiation's inputs and registers them under their storage
// field names.
func (p *meetingPage) buildNegotiation() {
	e, fs := &p.ed, p.fs
	p.theirSide = tableEditor(e, "Add an ask",
		widgets.TableColumn{Title: "They ask", Hint: "their objective or likely ask", MultiLine: true},
		widgets.TableColumn{Title: "Our response", Hint: "our response", MultiLine: true})
	p.points = tableEditor(e, "Add a point to make",
		widgets.TableColumn{Title: "Point", Hint: "a point the delegation makes", MultiLine: true, Lines: 2},
		widgets.TableColumn{Title: "Addressed to", Hint: "addressed to", Width: 230, Options: []string{toAnyone}})
	p.ifPressed = stringList(e, true, "a defensive line, said only if pressed", "Add an if-pressed line")
	p.avoid = stringList(e, true, "something not to say", "Add a line to avoid")
	p.proactive = textArea(e, "what we say publicly afterwards, unprompted", 3)
	p.reactive = textArea(e, "what we say only if asked", 3)
	p.pressAccess = selectOf(e, pressAccessOptions())
	p.agenda = tableEditor(e, "Add an agenda item",
		widgets.TableColumn{Title: "Start", Hint: "10:30 or +30", Width: 110},
		widgets.TableColumn{Title: "Item", Hint: "item, e.g. Opening statements"},
		widgets.TableColumn{Title: "Lead speaker", Hint: "lead speaker", Width: 220, Options: []string{noLead}},
		widgets.TableColumn{Title: "Minutes", Hint: "minutes", Width: 90})
	p.choreography = tableEditor(e, "Add a choreography note",
		widgets.TableColumn{Title: "Kind", Hint: "kind", Width: 140, Options: storage.ChoreographyKinds},
		widgets.TableColumn{Title: "Note", Hint: "e.g. the Minister greets the delegation at the entrance", MultiLine: true, Lines: 2})
	p.interpreterTeam = tableEditor(e, "Add an interpreter",
		widgets.TableColumn{Title: "Interpreter", Hint: "who, e.g. Ministry interpreter"},
		widgets.TableColumn{Title: "Languages", Hint: "languages, e.g. Japanese–Russian, consecutive"})
	p.recordTaker = textEntry(e, "who writes the record of conversation")
	p.parameters = widgets.NewFormsEditor(parameterFields()...)
	p.parameters.SetAddText("Add an issue")
	p.parameters.OnChanged = func([][]string) { e.touch() }
	p.paramsLevel = selectOf(e, []string{defaultLevel})
	p.paramsLevel.OnChanged = func(string) { e.touch(); p.showAnnexLevel() }
	p.paramsNote = wrapLabel("")
	p.recDate = textEntry(e, "when it took place, e.g. 8 Oct 2015")
	p.recPlace = textEntry(e, "where, e.g. Ministry of Foreign Affairs, Moscow")
	p.recSubject = textEntry(e, "e.g. Peace treaty consultations, round 1")
	p.recSubstance = textArea(e, "what was said, in short paragraphs, one a line", 5)
	p.present = widget.NewCheckGroup(nil, func([]string) { e.touch() })
	p.presentPlanned = widget.NewButtonWithIcon("Tick the planned participants", theme.ConfirmIcon(), p.tickPlanned)
	p.presentOther = widget.NewSelect(nil, p.addPresent)
	p.presentOther.PlaceHolder = otherPresent
	atmospheres := []string{noAtmosphere}
	for _, a := range storage.Atmospheres {
		atmospheres = append(atmospheres, string(a))
	}
	p.atmosphere = selectOf(e, atmospheres)
	p.atmosphereWhy = textEntry(e, "why, e.g. frank but businesslike; no new proposal")
	statuses := make([]string, len(storage.CommitmentStatuses))
	for i, s := range storage.CommitmentStatuses {
		statuses[i] = string(s)
	}
	p.commitments = tableEditor(e, "Add a commitment",
		widgets.TableColumn{Title: "What was undertaken", Hint: "what they undertook", MultiLine: true, Lines: 2},
		widgets.TableColumn{Title: "By whom", Hint: "who (an actor)", Width: 190, Options: []string{bySide}, NewLine: true},
		widgets.TableColumn{Title: "or side", Hint: "or a side", Width: 130},
		widgets.TableColumn{Title: "By when", Hint: "by when, e.g. by Aug 2016", Width: 150},
		widgets.TableColumn{Title: "Status", Hint: "status", Width: 100, Options: statuses},
		widgets.TableColumn{Title: "Closed at", Hint: "closed at", Options: []string{notClosed}})
	p.commitments.OnChanged = func(rows [][]string) { e.touch(); p.showOverdue(); p.pickAnother(p.commitments, commitActor, rows) }
	p.agenda.OnChanged = func(rows [][]string) { e.touch(); p.pickAnother(p.agenda, agendaLead, rows) }

	fs.add("their_side", "Their side", p.theirSide)
	fs.add("lines_to_take", "Points to make", p.points)
	fs.add("if_pressed", "If pressed", p.ifPressed)
	fs.add("lines_to_avoid", "Lines to avoid", p.avoid)
	fs.add("press_line.proactive", "Proactive", p.proactive)
	fs.add("press_line.reactive", "Reactive", p.reactive)
	fs.add("press_access", "Press access", p.pressAccess)
	fs.add("agenda", "Timed agenda", p.agenda)
	fs.add("choreography", "Choreography", p.choreography)
	fs.add("interpreter_team", "Interpreters", p.interpreterTeam)
	fs.add("record_taker", "Record-taker", p.recordTaker)
	fs.add("parameters", "Issues", p.parameters)
	fs.add("parameters_level", "Annex level", container.NewVBox(p.paramsLevel, p.paramsNote))
	fs.add("record.date", "Date", p.recDate)
	fs.add("record.place", "Place", p.recPlace)
	fs.add("record.present_ids", "Present", container.NewVBox(p.present,
		container.NewHBox(p.presentPlanned, p.presentOther)))
	fs.add("record.subject", "Subject", p.recSubject)
	fs.add("record.substance", "Substance", p.recSubstance)
	fs.add("record.atmosphere", "Atmosphere", p.atmosphere)
	fs.add("record.atmosphere_why", "Why", p.atmosphereWhy)
	fs.add("commitments", "Commitments", p.commitments)
}

// part is a titled part of a section, its input below its title across the page's width.
func (p *meetingPage) part(key, explain string) fyne.CanvasObject {
	r := p.fs.rows[key]
	objs := []fyne.CanvasObject{r.label}
	if explain != "" {
		objs = append(objs, note(explain))
	}
	return container.NewVBox(append(objs, r.cell)...)
}

// meetingPart is a folded part of the meeting page (lazySection): fill puts a meeting's values
// in its inputs, read takes them back into a meeting, and describe says in a line what a
// meeting holds there. Until the part is first shown its inputs stay empty and the page saves
// for it the values of p.m, the meeting as last read into the page: what the user has not
// seen, they have not changed.
type meetingPart struct {
	*lazySection
	keys     []string // its inputs' fields, as the page's fields know them
	fill     func(m storage.Meeting)
	read     func(m *storage.Meeting, c *problems)
	describe func(m storage.Meeting) string
}

// newPart makes the folded part titled title of the inputs of keys, which layout lays out.
func (p *meetingPage) newPart(title string, keys []string, layout func() fyne.CanvasObject, fill func(storage.Meeting),
	read func(*storage.Meeting, *problems), describe func(storage.Meeting) string) *meetingPart {
	part := &meetingPart{keys: keys, fill: fill, read: read, describe: describe}
	part.lazySection = newLazySection(title, layout,
		func() { p.quietly(func() { fill(p.m) }) },
		func() string { return describe(p.partValues(part)) })
	p.parts = append(p.parts, part)
	return part
}

// partValues is the meeting with part's values as the page holds them: as its inputs stand
// once it is built, else those of p.m.
func (p *meetingPage) partValues(part *meetingPart) storage.Meeting {
	m := p.m
	if part.built() {
		part.read(&m, &problems{quiet: true})
	}
	return m
}

// showParts unfolds the parts with a problem marked under one of their inputs, so that what
// the store refused is in view.
func (p *meetingPage) showParts() {
	for _, part := range p.parts {
		for _, k := range part.keys {
			if p.fs.errorOf(k) != "" {
				part.show()
			}
		}
	}
}

// negotiationParts makes the parts of the page the negotiation adds, by name, folded.
func (p *meetingPage) negotiationParts() map[string]*meetingPart {
	fs := p.fs
	return map[string]*meetingPart{
		"their side": p.newPart("Their side", []string{"their_side"}, func() fyne.CanvasObject {
			return container.NewVBox(note("Their objectives and likely asks, each with our response."), fs.rows["their_side"].cell)
		}, p.fillTheirSide, p.readTheirSide, func(m storage.Meeting) string {
			return summaryOf(count(len(m.TheirSide), "an ask", "%d asks"))
		}),
		"lines": p.newPart("Lines to take", []string{"lines_to_take", "if_pressed", "lines_to_avoid"}, func() fyne.CanvasObject {
			return container.NewVBox(
				p.part("lines_to_take", "Each point may be addressed to one of the participants (listed under Participants)."),
				p.part("if_pressed", "Defensive lines, used only if the other side presses."),
				p.part("lines_to_avoid", "What the delegation should not say."))
		}, p.fillLines, p.readLines, func(m storage.Meeting) string {
			return summaryOf(count(len(m.LinesToTake), "a point to make", "%d points to make"),
				count(len(m.IfPressed), "a line if pressed", "%d lines if pressed"),
				count(len(m.LinesToAvoid), "a line to avoid", "%d lines to avoid"))
		}),
		"questions": p.newPart("Anticipated questions", []string{"questions"}, func() fyne.CanvasObject {
			return fs.rows["questions"].cell
		}, p.fillQuestions, p.readQuestions, func(m storage.Meeting) string {
			return summaryOf(count(len(m.Questions), "a question", "%d questions"))
		}),
		"press": p.newPart("Press line", []string{"press_line", "press_access"}, func() fyne.CanvasObject {
			return fs.grid("press_line.proactive", "press_line.reactive", "press_access")
		}, p.fillPress, p.readPress, func(m storage.Meeting) string {
			return summaryOf(given(m.PressLine.Proactive, "a proactive line"), given(m.PressLine.Reactive, "a reactive line"),
				pressAccessLabels[m.PressAccess])
		}),
		"scenario": p.newPart("Scenario", []string{"agenda", "choreography"}, func() fyne.CanvasObject {
			return container.NewVBox(
				p.part("agenda", "Start as a time in the venue's zone (10:30) or minutes after the opening (+30); the lead speaker opens the item."),
				p.part("choreography", "Arrival, greeting, seating, photo, gifts, departure."))
		}, p.fillScenario, p.readScenario, func(m storage.Meeting) string {
			return summaryOf(count(len(m.Agenda), "an agenda item", "%d agenda items"),
				count(len(m.Choreography), "a choreography note", "%d choreography notes"))
		}),
		"parameters": p.newPart("Negotiating parameters", []string{"parameters", "parameters_level"}, func() fyne.CanvasObject {
			return container.NewVBox(
				note("Per issue on the table: what we and they want, the alternatives, where we aim and where we walk away."),
				fs.grid("parameters_level"),
				fs.rows["parameters"].cell)
		}, p.fillParameters, p.readParameters, func(m storage.Meeting) string {
			return summaryOf(count(len(m.Parameters), "an issue", "%d issues"), given(m.ParametersLevel, "annex at "+m.ParametersLevel))
		}),
		"record": p.newPart("Record of conversation", []string{"record"}, func() fyne.CanvasObject {
			return container.NewVBox(
				note("Written after the meeting: who was there (which may differ from the plan), what was said and how it went."),
				fs.grid("record.date", "record.place", "record.present_ids", "record.subject", "record.substance",
					"record.atmosphere", "record.atmosphere_why"))
		}, p.fillRecord, p.readRecord, func(m storage.Meeting) string {
			r := m.Record
			return summaryOf(partialText(r.Date), r.Place, count(len(r.PresentIDs), "one present", "%d present"), r.Subject,
				given(r.Substance, "the substance"), string(r.Atmosphere))
		}),
		"commitments": p.newPart("Commitments", []string{"commitments"}, func() fyne.CanvasObject {
			return container.NewVBox(
				note("What each side undertook here, by when, and where it stands; an open one past its date is overdue."),
				fs.rows["commitments"].cell)
		}, p.fillCommitments, p.readCommitments, func(m storage.Meeting) string {
			overdue := 0
			for _, c := range m.Commitments {
				if c.StatusOn(p.u.now()) == storage.CommitmentOverdue {
					overdue++
				}
			}
			return summaryOf(count(len(m.Commitments), "a commitment", "%d commitments"), count(overdue, "one overdue", "%d overdue"))
		}),
	}
}

// summaryOf is what a folded part holds, its pieces that are not "" one after another.
func summaryOf(pieces ...string) string {
	out := strings.Join(slices.DeleteFunc(pieces, func(s string) bool { return s == "" }), " · ")
	if out == "" {
		return "Nothing yet."
	}
	return firstUpper(out) + "."
}

// count is n things as a summary says it ("an ask", "3 asks"), "" for none.
func count(n int, one, many string) string {
	if n == 0 {
		return ""
	}
	return plural(n, one, many)
}

// given is what, when text is not blank.
func given(text, what string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return what
}

// parameterFields are the inputs of one issue's negotiating parameters, labelled as the pack
// prints them.
func parameterFields() []widgets.FormField {
	fields := []widgets.FormField{{Label: "Issue", Hint: "the issue on the table, e.g. Joint economic activity on the islands", Wide: true}}
	var p storage.Parameter
	for _, t := range p.Texts() {
		fields = append(fields, widgets.FormField{Label: t.Label, Lines: 2})
	}
	return fields
}

func pressAccessOptions() []string {
	out := []string{noPressAccess}
	for _, a := range storage.PressAccesses {
		out = append(out, pressAccessLabels[a])
	}
	return out
}

// setHandling takes the dossier's handling levels for the annex level's drop-down.
func (p *meetingPage) setHandling(s handling.Scheme, marking string) {
	p.scheme, p.marking = s, s.ParseMarking(marking)
	opts := []string{defaultLevel}
	for _, l := range s.Levels {
		opts = append(opts, l.Name)
	}
	p.quietly(func() {
		sel := p.paramsLevel.Selected
		if sel != "" && !slices.Contains(opts, sel) {
			opts = append(opts, sel) // a level the dossier no longer has stays until changed
		}
		p.paramsLevel.SetOptions(opts)
		p.paramsLevel.SetSelected(sel)
	})
	p.showAnnexLevel()
}

// showAnnexLevel says at which level the parameters annex is printed.
func (p *meetingPage) showAnnexLevel() {
	if len(p.scheme.Levels) == 0 {
		p.paramsNote.SetText("")
		return
	}
	level := p.paramsLevel.Selected
	if level == defaultLevel {
		level = ""
	}
	at := p.scheme.Name(p.scheme.AnnexLevel(storage.Meeting{ParametersLevel: level}, p.marking))
	switch {
	case level == "":
		p.paramsNote.SetText("Restricted by default: printed as an annex at " + at + ", one level above the dossier's marking.")
	case at != level:
		p.paramsNote.SetText("Printed as an annex at " + at + ": an annex is never marked below the dossier's marking.")
	default:
		p.paramsNote.SetText("Printed as an annex at " + at + ".")
	}
}

// setActorChoices builds the actors' labels and gives every actor drop-down of the
// negotiation its choices, participants first, keeping each row's choice.
func (p *meetingPage) setActorChoices() {
	points := p.columnIDs(p.points, pointTo)
	leads := p.columnIDs(p.agenda, agendaLead)
	who := p.columnIDs(p.commitments, commitActor)
	present := p.presentIDs()

	p.actorIDs, p.actorLabels = map[string]string{}, map[string]string{}
	for _, a := range p.actors {
		label := a.Name
		if a.Country != "" {
			label += " · " + a.Country
		}
		label = uniqueLabel(p.actorIDs, label)
		p.actorIDs[label], p.actorLabels[a.ID] = a.ID, label
	}
	planned, isPlanned := p.plannedLabels()
	all := slices.Clone(planned)
	for _, a := range p.actors {
		if !isPlanned[a.ID] {
			all = append(all, p.actorLabels[a.ID])
		}
	}
	if p.moreActors {
		all = append(all, anotherActor)
	}
	addressees := append([]string{toAnyone}, planned...)
	for _, id := range points {
		if l := p.actorLabels[id]; l != "" && !isPlanned[id] && !slices.Contains(addressees, l) {
			addressees = append(addressees, l) // addressed before leaving the participants
		}
	}
	p.setColumn(p.points, pointTo, addressees, points, toAnyone)
	p.setColumn(p.agenda, agendaLead, append([]string{noLead}, all...), leads, noLead)
	p.setColumn(p.commitments, commitActor, append([]string{bySide}, all...), who, bySide)
	p.showOverdue()
	p.setPresentChoices(present)
}

// plannedLabels are the labels of the meeting's participants as they stand, in their order,
// and the set of their actors.
func (p *meetingPage) plannedLabels() ([]string, map[string]bool) {
	var out []string
	is := map[string]bool{}
	for _, part := range p.participants {
		if l := p.actorLabels[part.ActorID]; l != "" && !is[part.ActorID] {
			out = append(out, l)
			is[part.ActorID] = true
		}
	}
	return out, is
}

// columnIDs are the actors (or meetings) chosen in column col of t, by ID.
func (p *meetingPage) columnIDs(t *widgets.TableEditor, col int) []string {
	rows := t.Rows()
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = p.actorIDs[r[col]]
	}
	return out
}

// setColumn gives column col of t the options (nil: those it has), each row choosing the
// actor ids[i] (none when "").
func (p *meetingPage) setColumn(t *widgets.TableEditor, col int, options, ids []string, none string) {
	rows := t.Rows()
	if options != nil {
		t.SetOptions(col, options)
	}
	for i := range rows {
		rows[i][col] = none
		if i < len(ids) && ids[i] != "" {
			rows[i][col] = p.actorLabels[ids[i]]
		}
	}
	t.SetRows(rows)
}

// presentIDs are the actors ticked as present.
func (p *meetingPage) presentIDs() []string {
	var out []string
	for _, l := range p.present.Selected {
		if id := p.actorIDs[l]; id != "" {
			out = append(out, id)
		}
	}
	return out
}

// setPresentChoices offers the planned participants and those marked present, ticking the
// actors ids; the other actors are in the drop-down below.
func (p *meetingPage) setPresentChoices(ids []string) {
	opts, isPlanned := p.plannedLabels()
	for _, id := range append(slices.Clone(ids), p.presentExtra...) {
		if l := p.actorLabels[id]; l != "" && !isPlanned[id] && !slices.Contains(opts, l) {
			opts = append(opts, l)
		}
	}
	var sel, others []string
	for _, id := range ids {
		if l := p.actorLabels[id]; l != "" {
			sel = append(sel, l)
		}
	}
	for _, a := range p.actors {
		if l := p.actorLabels[a.ID]; !slices.Contains(opts, l) {
			others = append(others, l)
		}
	}
	if p.moreActors {
		others = append(others, anotherActor)
	}
	p.quietly(func() {
		p.present.Options = opts
		p.present.SetSelected(sel)
		p.presentOther.SetOptions(others)
		p.presentOther.ClearSelected()
	})
	if len(others) == 0 {
		p.presentOther.Disable()
	} else {
		p.presentOther.Enable()
	}
	if len(p.participants) == 0 {
		p.presentPlanned.Disable()
	} else {
		p.presentPlanned.Enable()
	}
}

// quietly runs f, which sets inputs, without counting it as an edit: within the page's fill
// as part of it (editState.fill does not nest), else on its own.
func (p *meetingPage) quietly(f func()) {
	if p.ed.loading {
		f()
		return
	}
	p.ed.fill(f)
}

// tickPlanned marks every planned participant present.
func (p *meetingPage) tickPlanned() {
	sel := slices.Clone(p.present.Selected)
	planned, _ := p.plannedLabels()
	for _, l := range planned {
		if !slices.Contains(sel, l) {
			sel = append(sel, l)
		}
	}
	p.present.SetSelected(sel) // calls OnChanged, which marks the page edited
}

// addPresent adds an actor who was not planned to the present list, ticked.
func (p *meetingPage) addPresent(label string) {
	if label == anotherActor && !p.ed.loading {
		p.setPresentChoices(p.presentIDs()) // "Someone else was present…" again until one is chosen
		p.pickActor(func(a storage.ActorKey) {
			p.knowActor(a)
			p.setActorChoices()
			p.addPresent(p.actorLabels[a.ID])
		})
		return
	}
	id := p.actorIDs[label]
	if p.ed.loading || id == "" {
		return
	}
	p.presentExtra = append(p.presentExtra, id)
	p.setPresentChoices(append(p.presentIDs(), id))
	p.ed.touch()
}

// pickAnother looks up the actor of a row of t whose column col holds anotherActor and puts
// them there; the row names none until one is chosen (none when the user cancels).
func (p *meetingPage) pickAnother(t *widgets.TableEditor, col int, rows [][]string) {
	row := slices.IndexFunc(rows, func(r []string) bool { return r[col] == anotherActor })
	if row < 0 || p.ed.loading {
		return
	}
	p.setColumn(t, col, nil, p.columnIDs(t, col), p.actorNone(t))
	p.pickActor(func(a storage.ActorKey) {
		p.knowActor(a)
		p.setActorChoices()
		ids := p.columnIDs(t, col)
		if row < len(ids) {
			ids[row] = a.ID
		}
		p.setColumn(t, col, nil, ids, p.actorNone(t))
		p.ed.touch()
	})
}

// actorNone is what a drop-down of actors in t shows when it names none.
func (p *meetingPage) actorNone(t *widgets.TableEditor) string {
	if t == p.agenda {
		return noLead
	}
	return bySide
}

// pickActor asks for an actor of the dossier, looked up as the user types; then runs chosen
// with them, unless the user cancels.
func (p *meetingPage) pickActor(chosen func(a storage.ActorKey)) {
	actor := newActorPicker(p.u)
	items := []*widget.FormItem{widget.NewFormItem("Actor", actor.entry)}
	p.u.askForm("Choose an actor", "Choose", items, fyne.NewSize(560, 200), func() {
		if a, ok := actor.chosen(); ok {
			chosen(a)
		}
	})
}

// formActorIDs are the actors the form names as it stands (see meetingActorIDs): in a part
// never unfolded, those p.m names there.
func (p *meetingPage) formActorIDs() []string {
	var ids []string
	for _, pt := range p.participants {
		ids = append(ids, pt.ActorID)
	}
	m := p.m
	for _, part := range p.parts {
		if part.built() {
			part.read(&m, &problems{quiet: true})
		}
	}
	return append(append(ids, meetingActorIDs(m)...), p.presentExtra...)
}

// setClosedChoices offers the rounds of the track (latest first) as where a commitment was
// closed, keeping each row's choice; ids are the meetings the rows name.
func (p *meetingPage) setClosedChoices(ids []string) {
	p.closedIDs = map[string]string{notClosed: ""}
	opts := []string{notClosed}
	if !p.isNew() {
		p.closedIDs[atThisMeeting] = p.m.ID
		opts = append(opts, atThisMeeting)
	}
	for i := len(p.rounds) - 1; i >= 0; i-- {
		r := p.rounds[i]
		l := uniqueLabel(p.closedIDs, r.WhenText()+" — "+r.Title)
		p.closedIDs[l] = r.ID
		opts = append(opts, l)
	}
	for _, id := range ids {
		if id != "" && labelFor(p.closedIDs, id) == "" {
			l := uniqueLabel(p.closedIDs, anotherMeeting) // a meeting of another track keeps its place
			p.closedIDs[l] = id
			opts = append(opts, l)
		}
	}
	rows := p.commitments.Rows()
	p.commitments.SetOptions(commitClose, opts)
	for i := range rows {
		rows[i][commitClose] = notClosed
		if i < len(ids) {
			if l := labelFor(p.closedIDs, ids[i]); l != "" {
				rows[i][commitClose] = l
			}
		}
	}
	p.commitments.SetRows(rows)
	p.showOverdue()
}

// closedColumnIDs are the meetings the commitments' rows name as where they were closed.
func (p *meetingPage) closedColumnIDs() []string {
	rows := p.commitments.Rows()
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = p.closedIDs[r[commitClose]]
	}
	return out
}

// showOverdue notes under each open commitment past its date that it is overdue.
func (p *meetingPage) showOverdue() {
	now := p.u.now()
	for i, r := range p.commitments.Rows() {
		msg := ""
		if due, err := parseDate(r[commitDue]); err == nil && !due.IsZero() {
			c := storage.Commitment{Due: due, Status: storage.CommitmentStatus(r[commitState])}
			if c.StatusOn(now) == storage.CommitmentOverdue {
				msg = "Overdue: it was due " + due.String() + " and is still open."
			}
		}
		p.commitments.SetRowNote(i, msg)
	}
}

// dueText is a commitment's date as the form shows it: as printed, or whole when exact.
func dueText(f storage.FuzzyDate) string {
	if f.IsExact() {
		return f.Text()
	}
	return f.String()
}

// fillNegotiation sets the negotiation's inputs from m: those of the Logistics section, and
// those of each part the user has unfolded; a part never unfolded says what m holds there.
// The participants are set already.
func (p *meetingPage) fillNegotiation(m storage.Meeting) {
	rows := make([][]string, len(m.InterpreterTeam))
	for i, it := range m.InterpreterTeam {
		rows[i] = []string{it.Who, it.Languages}
	}
	p.interpreterTeam.SetRows(rows)
	p.recordTaker.SetText(m.RecordTaker)
	for _, part := range p.parts {
		if part.built() {
			part.fill(m)
		}
		part.setSummary(part.describe(m))
	}
}

func (p *meetingPage) fillTheirSide(m storage.Meeting) {
	rows := make([][]string, len(m.TheirSide))
	for i, a := range m.TheirSide {
		rows[i] = []string{a.Text, a.Response}
	}
	p.theirSide.SetRows(rows)
}

func (p *meetingPage) fillLines(m storage.Meeting) {
	// The drop-down of addressees gets its choices while the table is empty, then the table
	// its rows once: every SetRows and SetOptions builds all its rows again.
	p.points.SetRows(nil)
	ids := make([]string, len(m.LinesToTake))
	for i, l := range m.LinesToTake {
		ids[i] = l.ToID
	}
	p.setActorChoicesFor(ids)
	rows := make([][]string, len(m.LinesToTake))
	for i, l := range m.LinesToTake {
		rows[i] = []string{l.Text, p.actorLabelOr(l.ToID, toAnyone)}
	}
	p.points.SetRows(rows)
	p.ifPressed.SetItems(m.IfPressed)
	p.avoid.SetItems(m.LinesToAvoid)
}

func (p *meetingPage) fillQuestions(m storage.Meeting) {
	qs := make([]widgets.QA, len(m.Questions))
	for i, q := range m.Questions {
		qs[i] = widgets.QA{Question: q.Question, Answer: q.Answer}
	}
	p.questions.SetItems(qs)
}

func (p *meetingPage) fillPress(m storage.Meeting) {
	p.proactive.SetText(m.PressLine.Proactive)
	p.reactive.SetText(m.PressLine.Reactive)
	p.pressAccess.SetSelected(noPressAccess)
	if l, ok := pressAccessLabels[m.PressAccess]; ok {
		p.pressAccess.SetSelected(l)
	}
}

func (p *meetingPage) fillScenario(m storage.Meeting) {
	rows := make([][]string, len(m.Agenda)) // its leads offered already (setActorChoices)
	for i, a := range m.Agenda {
		rows[i] = []string{a.At, a.Item, p.actorLabelOr(a.LeadID, noLead), intText(a.Minutes)}
	}
	p.agenda.SetRows(rows)
	rows = make([][]string, len(m.Choreography))
	for i, n := range m.Choreography {
		rows[i] = []string{n.Kind, n.Text}
	}
	p.choreography.SetRows(rows)
}

func (p *meetingPage) fillParameters(m storage.Meeting) {
	forms := make([][]string, len(m.Parameters))
	for i, pm := range m.Parameters {
		form := []string{pm.Issue}
		for _, t := range pm.Texts() {
			form = append(form, *t.Text)
		}
		forms[i] = form
	}
	p.parameters.SetForms(forms)
	if m.ParametersLevel == "" {
		p.paramsLevel.SetSelected(defaultLevel)
	} else {
		if !slices.Contains(p.paramsLevel.Options, m.ParametersLevel) {
			p.paramsLevel.SetOptions(append(slices.Clone(p.paramsLevel.Options), m.ParametersLevel))
		}
		p.paramsLevel.SetSelected(m.ParametersLevel)
	}
	p.showAnnexLevel()
}

func (p *meetingPage) fillRecord(m storage.Meeting) {
	p.presentExtra = nil
	r := m.Record
	p.recDate.SetText(partialText(r.Date))
	p.recPlace.SetText(r.Place)
	p.recSubject.SetText(r.Subject)
	p.recSubstance.SetText(r.Substance)
	p.atmosphere.SetSelected(noAtmosphere)
	if r.Atmosphere != "" {
		p.atmosphere.SetSelected(string(r.Atmosphere))
	}
	p.atmosphereWhy.SetText(r.AtmosphereWhy)
	p.setPresentChoices(r.PresentIDs)
}

func (p *meetingPage) fillCommitments(m storage.Meeting) {
	// As for the points: the choices first, into an empty table, then the rows.
	p.commitments.SetRows(nil)
	closed := make([]string, len(m.Commitments))
	for i, c := range m.Commitments {
		closed[i] = c.ClosedByID
	}
	p.setClosedChoices(closed)
	rows := make([][]string, len(m.Commitments))
	for i, c := range m.Commitments {
		at := notClosed
		if l := labelFor(p.closedIDs, c.ClosedByID); c.ClosedByID != "" && l != "" {
			at = l
		}
		rows[i] = []string{c.What, p.actorLabelOr(c.ActorID, bySide), c.Side, dueText(c.Due), string(c.Status), at}
	}
	p.commitments.SetRows(rows)
	p.showOverdue()
}

// clearActorTables empties the tables whose rows name actors, before the page is filled.
func (p *meetingPage) clearActorTables() {
	for _, t := range []*widgets.TableEditor{p.points, p.agenda, p.commitments} {
		t.SetRows(nil)
	}
}

// actorLabelOr is the label a drop-down of actors shows for actor id, none when id is "".
func (p *meetingPage) actorLabelOr(id, none string) string {
	if id == "" {
		return none
	}
	return p.actorLabels[id]
}

// setActorChoicesFor gives the points their addressees ids, offering each even when they are
// no longer a participant.
func (p *meetingPage) setActorChoicesFor(ids []string) {
	planned, isPlanned := p.plannedLabels()
	addressees := append([]string{toAnyone}, planned...)
	for _, id := range ids {
		if l := p.actorLabels[id]; l != "" && !isPlanned[id] && !slices.Contains(addressees, l) {
			addressees = append(addressees, l)
		}
	}
	p.setColumn(p.points, pointTo, addressees, ids, toAnyone)
}

// problems counts what the inputs of a meeting cannot say, marking each beside its input,
// unless quiet: a part is read quietly to say what it holds.
type problems struct {
	fs    *fields
	quiet bool
	count int
}

// field marks the input of key with msg.
func (c *problems) field(key, msg string) {
	c.count++
	if !c.quiet {
		c.fs.setError(key, msg)
	}
}

// row marks row i of an editor with msg, through mark (its SetRowError or SetFormError).
func (c *problems) row(mark func(int, string), i int, msg string) {
	c.count++
	if !c.quiet {
		mark(i, msg)
	}
}

// collectNegotiation reads the negotiation's inputs into m, marking every problem next to its
// row or input, and unfolds a part with a problem; it reports whether there was none. A part
// never unfolded keeps in m the values of p.m, which m starts from.
func (p *meetingPage) collectNegotiation(m *storage.Meeting) bool {
	for _, t := range []*widgets.TableEditor{p.theirSide, p.points, p.agenda, p.choreography, p.interpreterTeam, p.commitments} {
		for i := range t.Rows() {
			t.SetRowError(i, "")
		}
	}
	for i := range p.parameters.Forms() {
		p.parameters.SetFormError(i, "")
	}
	c := &problems{fs: p.fs}
	p.readTeam(m, c)
	for _, part := range p.parts {
		if !part.built() {
			continue
		}
		before := c.count
		part.read(m, c)
		if c.count > before {
			part.show()
		}
	}
	return c.count == 0
}

// readTeam reads the interpreters and the record-taker, in the Logistics section.
func (p *meetingPage) readTeam(m *storage.Meeting, c *problems) {
	m.InterpreterTeam = nil
	for _, row := range filled(p.interpreterTeam) {
		i, r := row.i, row.text
		if r[0] == "" {
			c.row(p.interpreterTeam.SetRowError, i, "Say who interprets")
		}
		m.InterpreterTeam = append(m.InterpreterTeam, storage.Interpreter{Who: r[0], Languages: r[1]})
	}
	m.RecordTaker = strings.TrimSpace(p.recordTaker.Text)
}

func (p *meetingPage) readTheirSide(m *storage.Meeting, c *problems) {
	m.TheirSide = nil
	for _, row := range filled(p.theirSide) {
		i, r := row.i, row.text
		if r[0] == "" {
			c.row(p.theirSide.SetRowError, i, "Say what they ask; the response answers it")
		}
		m.TheirSide = append(m.TheirSide, storage.Ask{Text: r[0], Response: r[1]})
	}
}

func (p *meetingPage) readLines(m *storage.Meeting, _ *problems) {
	m.LinesToTake = nil
	for _, r := range p.points.Rows() {
		if text := strings.TrimSpace(r[0]); text != "" {
			m.LinesToTake = append(m.LinesToTake, storage.Line{Text: text, ToID: p.actorIDs[r[pointTo]]})
		}
	}
	m.IfPressed = nonEmpty(p.ifPressed.Items())
	m.LinesToAvoid = nonEmpty(p.avoid.Items())
}

func (p *meetingPage) readQuestions(m *storage.Meeting, _ *problems) {
	m.Questions = nil
	for _, q := range p.questions.Items() {
		qa := storage.QA{Question: strings.TrimSpace(q.Question), Answer: strings.TrimSpace(q.Answer)}
		if qa.Question != "" || qa.Answer != "" {
			m.Questions = append(m.Questions, qa)
		}
	}
}

func (p *meetingPage) readPress(m *storage.Meeting, _ *problems) {
	m.PressLine = storage.PressLine{Proactive: strings.TrimSpace(p.proactive.Text), Reactive: strings.TrimSpace(p.reactive.Text)}
	m.PressAccess = ""
	for a, l := range pressAccessLabels {
		if l == p.pressAccess.Selected {
			m.PressAccess = a
		}
	}
}

func (p *meetingPage) readScenario(m *storage.Meeting, c *problems) {
	m.Agenda = nil
	for i, r := range p.agenda.Rows() {
		at, item, minutes := strings.TrimSpace(r[0]), strings.TrimSpace(r[1]), strings.TrimSpace(r[3])
		lead := p.actorIDs[r[agendaLead]]
		if at == "" && item == "" && minutes == "" && lead == "" {
			continue
		}
		a := storage.AgendaItem{Item: item, At: at, LeadID: lead}
		var err error
		switch a.Minutes, err = optionalInt(minutes); {
		case item == "":
			c.row(p.agenda.SetRowError, i, "Give the item, e.g. Opening statements")
		case at != "" && !agendaAtReads(a):
			c.row(p.agenda.SetRowError, i, fmt.Sprintf("%q is not a start: give a time such as 10:30, or minutes after the opening such as +30", at))
		case err != nil || a.Minutes < 0 || a.Minutes > 24*60:
			c.row(p.agenda.SetRowError, i, fmt.Sprintf("%q is not a number of minutes such as 20", minutes))
		}
		m.Agenda = append(m.Agenda, a)
	}
	m.Choreography = nil
	for _, row := range filled(p.choreography) {
		i, r := row.i, row.text
		if r[0] == "" || r[1] == "" {
			c.row(p.choreography.SetRowError, i, "Choose the kind of note and write it")
		}
		m.Choreography = append(m.Choreography, storage.ChoreographyNote{Kind: r[0], Text: r[1]})
	}
}

func (p *meetingPage) readParameters(m *storage.Meeting, c *problems) {
	m.Parameters = nil
	for i, f := range p.parameters.Forms() {
		var pm storage.Parameter
		pm.Issue = strings.TrimSpace(f[0])
		blank := pm.Issue == ""
		for k, t := range pm.Texts() {
			*t.Text = strings.TrimSpace(f[k+1])
			blank = blank && *t.Text == ""
		}
		if blank {
			continue
		}
		if pm.Issue == "" {
			c.row(p.parameters.SetFormError, i, "Name the issue these parameters are for")
			c.field("parameters", fmt.Sprintf("Issue %d has no name", i+1))
		}
		m.Parameters = append(m.Parameters, pm)
	}
	m.ParametersLevel = p.paramsLevel.Selected
	if m.ParametersLevel == defaultLevel {
		m.ParametersLevel = ""
	}
}

func (p *meetingPage) readRecord(m *storage.Meeting, c *problems) {
	var err error
	if m.Record.Date, err = parsePartialDate(p.recDate.Text); err != nil {
		c.field("record.date", firstUpper(err.Error()))
	}
	m.Record.Place = strings.TrimSpace(p.recPlace.Text)
	m.Record.PresentIDs = p.presentIDs()
	m.Record.Subject = strings.TrimSpace(p.recSubject.Text)
	m.Record.Substance = strings.Join(nonEmpty(strings.Split(p.recSubstance.Text, "\n")), "\n")
	m.Record.Atmosphere = ""
	if p.atmosphere.Selected != noAtmosphere {
		m.Record.Atmosphere = storage.Atmosphere(p.atmosphere.Selected)
	}
	m.Record.AtmosphereWhy = strings.TrimSpace(p.atmosphereWhy.Text)
}

func (p *meetingPage) readCommitments(m *storage.Meeting, c *problems) {
	m.Commitments = nil
	closed := p.closedColumnIDs()
	for i, r := range p.commitments.Rows() {
		actor := p.actorIDs[r[commitActor]]
		side, what, due := strings.TrimSpace(r[commitSide]), strings.TrimSpace(r[commitWhat]), strings.TrimSpace(r[commitDue])
		if actor == "" && side == "" && what == "" && due == "" {
			continue
		}
		k := storage.Commitment{ActorID: actor, Side: side, What: what, Status: storage.CommitmentStatus(r[commitState]), ClosedByID: closed[i]}
		if k.Status == "" {
			k.Status = storage.CommitmentOpen
		}
		var derr error
		k.Due, derr = parseDate(due)
		switch {
		case what == "":
			c.row(p.commitments.SetRowError, i, "Say what was undertaken")
		case actor == "" && side == "":
			c.row(p.commitments.SetRowError, i, "Say who undertook it: choose an actor or type a side")
		case derr != nil:
			c.row(p.commitments.SetRowError, i, "By when: "+derr.Error())
		}
		m.Commitments = append(m.Commitments, k)
	}
}

// filled are the rows of t that are not blank, texts trimmed, each with its index in t.
func filled(t *widgets.TableEditor) []tableRow {
	var out []tableRow
	for i, r := range t.Rows() {
		blank := true
		for k := range r {
			r[k] = strings.TrimSpace(r[k])
			blank = blank && r[k] == ""
		}
		if !blank {
			out = append(out, tableRow{i, r})
		}
	}
	return out
}

// tableRow is a row of a table editor and where it stands.
type tableRow struct {
	i    int
	text []string
}

// agendaAtReads reports whether an agenda item's start reads as a time or an offset.
func agendaAtReads(a storage.AgendaItem) bool {
	_, _, ok := a.Offset()
	return ok
}
