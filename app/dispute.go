package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// disputePage is a dispute's fact sheet, read as a sheet on its first tab and edited on the
// second, with an explicit Save.
type disputePage struct {
	recordPage
	d storage.Dispute // as stored; ID "" for a new one

	tabs                        *container.AppTabs
	sheet                       *fyne.Container
	titleE, administrator       *widget.Entry
	claimants, tags             *widget.Entry
	summary                     *widgets.TextArea
	names, facts, positions, tl *widgets.TableEditor
	sources                     []storage.SourceTitle
	statements                  []storage.Statement // the newest shownStatements until "Show all"
	statementCount              int                 // of every statement on the dispute
	speakers                    map[string]string
	srcIDs                      map[string]string // source label → ID
	meetings                    []storage.MeetingSummary
	allMeetings                 bool // the whole list of meetings shown, not the latest
	allStatements               bool // the same for statements
	allTimeline                 bool // and for the timeline
	// tables fills the Edit tab's tables with the record last filled in, when the tab is first
	// shown: their rows of inputs (~20 ms each) are what opening a dispute cost. nil once done.
	tables func()
}

type disputeData struct {
	d          storage.Dispute
	sources    []storage.SourceTitle // every source, for the drop-downs and the citations
	statements []storage.Statement
	count      int               // of the statements on the dispute, also those not read
	speakers   map[string]string // the statements' actors' names, by ID
	meetings   []storage.MeetingSummary
}

// shownMeetings is how many of the meetings linked to a dispute its fact sheet lists before
// "Show all": the latest, since a dispute of decades has hundreds; shownStatements the same
// for statements (a dispute of the 100,000-meeting dossier has 700, which took seconds to lay
// out).
const (
	shownMeetings   = 20
	shownStatements = 20
	shownTimeline   = 20 // the latest entries: one of the synthetic decades has 39, each a wrapped text
)

func newDisputePage(u *ui, id string) *disputePage {
	p := &disputePage{recordPage: recordPage{u: u}, d: storage.Dispute{ID: id}}
	p.build()
	return p
}

func newDisputeDraft(u *ui) *disputePage {
	p := &disputePage{recordPage: recordPage{u: u}}
	p.build()
	p.tabs.SelectIndex(1)
	return p
}

func (p *disputePage) build() {
	e := &p.ed
	p.initRecord(p, "dispute", func() (string, string) { return p.d.ID, p.d.Title }, p.onDelete)
	p.srcIDs = map[string]string{noSource: ""}
	p.hdr = widgets.NewRecordHeader(p.saveBtn, p.deleteBtn)
	p.titleE = textEntry(e, "e.g. Northern Territories / Southern Kurils")
	p.first = p.titleE
	p.administrator = textEntry(e, "who holds it, e.g. Russia")
	p.claimants = textEntry(e, "who claims it, comma-separated, e.g. Japan")
	p.summary = textArea(e, "the question in a paragraph", 4)
	p.tags = textEntry(e, "comma-separated")
	// The source columns are drop-downs, of the sources once they are loaded.
	source := widgets.TableColumn{Hint: "source", Width: 240, Options: []string{noSource}}
	p.names = tableEditor(e, "Add a name",
		widgets.TableColumn{Hint: "party, e.g. Japan", Width: 140}, widgets.TableColumn{Hint: "name, e.g. Northern Territories"},
		widgets.TableColumn{Hint: "language, e.g. ja", Width: 110}, widgets.TableColumn{Hint: "in its own script, e.g. 北方領土"})
	p.facts = tableEditor(e, "Add a key fact",
		widgets.TableColumn{Hint: "label, e.g. Area", Width: 180}, widgets.TableColumn{Hint: "value", MultiLine: true}, source)
	p.positions = tableEditor(e, "Add a position",
		widgets.TableColumn{Hint: "party", Width: 140}, widgets.TableColumn{Hint: "the party's position", MultiLine: true})
	p.tl = tableEditor(e, "Add a timeline entry",
		widgets.TableColumn{Hint: "when, e.g. 1956-10-19 or 1945-08", Width: 190}, widgets.TableColumn{Hint: "what happened", MultiLine: true}, source)

	fs := p.fs
	fs.add("title", "Title", p.titleE)
	fs.add("administrator", "Administered by", p.administrator)
	fs.add("claimants", "Claimed by", p.claimants)
	fs.add("summary", "Summary", p.summary)
	fs.add("names", "Names by party", p.names)
	fs.add("facts", "Key facts", p.facts)
	fs.add("positions", "Positions", p.positions)
	fs.add("timeline", "Timeline", p.tl)
	fs.add("tags", "Tags", p.tags)

	form := container.NewVBox(
		fs.general,
		fs.grid("title", "administrator", "claimants", "summary"),
		section("Names by party", fs.rows["names"].cell),
		section("Key facts", fs.rows["facts"].cell),
		section("Positions", fs.rows["positions"].cell),
		section("Timeline", fs.rows["timeline"].cell),
		section("Tags", fs.rows["tags"].cell),
	)
	p.sheet = container.NewVBox()
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Fact sheet", theme.DocumentIcon(), widgets.NewPageScroll(container.NewPadded(p.sheet))),
		container.NewTabItemWithIcon("Edit", theme.DocumentCreateIcon(), widgets.NewPageScroll(container.NewPadded(form))),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.fillTables() }
	p.frame(p.tabs)
	p.showInputs = func() { p.tabs.SelectIndex(1) }
	p.refreshHeader()
}

func (p *disputePage) show() {
	if p.loaded && p.dirty() {
		return
	}
	st, id := p.u.store, p.d.ID
	all := p.allStatements
	read(&p.recordPage, func(ctx context.Context) (disputeData, error) {
		return loadDispute(ctx, st, id, all)
	}, p.apply)
}

// loadDispute reads the dispute id with what its page shows: of its statements the newest
// shownStatements, or every one when all is set.
func loadDispute(ctx context.Context, st *storage.Store, id string, all bool) (disputeData, error) {
	var d disputeData
	var err error
	if id != "" {
		if d.d, err = st.Dispute(ctx, id); err != nil {
			return d, err
		}
		if d, err = loadStatementsOn(ctx, st, d, all); err != nil {
			return d, err
		}
		if d.meetings, err = st.MeetingsOfDispute(ctx, id, func(storage.BadRow) {}); err != nil {
			return d, err
		}
	}
	d.sources, err = st.SourceTitles(ctx)
	return d, err
}

// loadStatementsOn reads into d the statements on the dispute d.d, their count and their
// speakers' names: the newest shownStatements unless all (a dispute of the 100,000-meeting
// dossier has 700, and reading them with their speakers was a seventh of opening it).
func loadStatementsOn(ctx context.Context, st *storage.Store, d disputeData, all bool) (disputeData, error) {
	var err error
	f := storage.StatementFilter{DisputeID: d.d.ID}
	if !all {
		f.Limit = shownStatements
	}
	if d.statements, err = st.Statements(ctx, f); err != nil {
		return d, err
	}
	d.count = len(d.statements)
	if f.Limit > 0 && d.count == f.Limit {
		if d.count, err = st.StatementCount(ctx, f); err != nil {
			return d, err
		}
	}
	ids := map[string]bool{}
	var speakers []string
	for _, s := range d.statements {
		if !ids[s.ActorID] {
			ids[s.ActorID] = true
			speakers = append(speakers, s.ActorID)
		}
	}
	d.speakers, err = st.ActorNames(ctx, speakers)
	return d, err
}

func (p *disputePage) apply(d disputeData) {
	if d.d.ID != "" {
		p.d = d.d
	}
	p.sources = d.sources
	var srcOpts []string
	srcOpts, p.srcIDs = choices(noSource, d.sources, func(s storage.SourceTitle) (string, string) { return s.Title, s.ID })
	p.facts.SetOptions(2, srcOpts)
	p.tl.SetOptions(2, srcOpts)
	p.statements, p.statementCount = d.statements, d.count
	p.meetings = d.meetings
	p.speakers = d.speakers
	p.arrive(func() { p.fill(p.d) })
	p.refreshHeader()
	p.refreshSheet()
}

func (p *disputePage) fill(d storage.Dispute) {
	p.titleE.SetText(d.Title)
	p.administrator.SetText(d.Administrator)
	p.claimants.SetText(strings.Join(d.Claimants, ", "))
	p.summary.SetText(d.Summary)
	p.tags.SetText(strings.Join(d.Tags, ", "))
	var names, facts, positions, tl [][]string
	for _, n := range d.Names {
		names = append(names, []string{n.Party, n.Name, n.Language, n.Native})
	}
	for _, f := range d.Facts {
		facts = append(facts, []string{f.Label, f.Value, labelFor(p.srcIDs, f.SourceID)})
	}
	for _, ps := range d.Positions {
		positions = append(positions, []string{ps.Party, ps.Text})
	}
	for _, ev := range d.Timeline {
		tl = append(tl, []string{ev.When.Text(), ev.Text, labelFor(p.srcIDs, ev.SourceID)})
	}
	p.tables = func() {
		p.names.SetRows(names)
		p.facts.SetRows(facts)
		p.positions.SetRows(positions)
		p.tl.SetRows(tl)
	}
	if p.tabs.SelectedIndex() == 1 {
		p.fillTables()
	}
}

// fillTables fills the Edit tab's tables, if they wait for it, without counting it as an edit.
func (p *disputePage) fillTables() {
	f := p.tables
	if f == nil {
		return
	}
	p.tables = nil
	if p.ed.loading {
		f() // within the page's fill
		return
	}
	p.ed.fill(f)
}

func (p *disputePage) refreshHeader() {
	p.showHeader(p.d.Title, disputeLine(p.d), "Fill in the Edit tab and press Save (Ctrl+S).")
}

// refreshSheet draws the fact sheet of the stored dispute.
func (p *disputePage) refreshSheet() {
	d := p.d
	// The sheet is put together, then shown: each Container.Add lays out what is in it again,
	// its wrapped texts measured anew (a third of opening a dispute of decades).
	var sheet []fyne.CanvasObject
	add := func(o fyne.CanvasObject) { sheet = append(sheet, o) }
	defer func() {
		p.sheet.Objects = sheet
		p.sheet.Refresh()
	}()
	if p.isNew() {
		add(emptyState("The fact sheet appears here once the dispute is saved."))
		return
	}
	// Sources are numbered in the order the sheet first cites them.
	num := map[string]int{}
	var cited []string
	cite := func(id string) string {
		if id == "" {
			return ""
		}
		if _, ok := num[id]; !ok {
			cited = append(cited, id)
			num[id] = len(cited)
		}
		return strconv.Itoa(num[id])
	}

	if len(d.Names) > 0 {
		var cols []widgets.Column
		idx := map[string]int{}
		for _, n := range d.Names {
			text := n.Name
			if n.Native != "" {
				text += " — " + n.Native
			}
			if n.Language != "" {
				text += " (" + n.Language + ")"
			}
			if i, ok := idx[n.Party]; ok {
				cols[i].Paragraphs = append(cols[i].Paragraphs, text)
				continue
			}
			idx[n.Party] = len(cols)
			cols = append(cols, widgets.Column{Heading: n.Party, Paragraphs: []string{text}})
		}
		add(section("Names by party", widgets.NewSideBySide(cols...)))
	}
	var who []string
	if d.Administrator != "" {
		who = append(who, "Administered by "+d.Administrator)
	}
	if len(d.Claimants) > 0 {
		who = append(who, "Claimed by "+strings.Join(d.Claimants, ", "))
	}
	if len(who) > 0 {
		add(boldLabel(strings.Join(who, " · ")))
	}
	if d.Summary != "" {
		add(section("Summary", wrapLabel(d.Summary)))
	}
	if len(d.Facts) > 0 {
		facts := make([]widgets.Fact, len(d.Facts))
		for i, f := range d.Facts {
			facts[i] = widgets.Fact{Label: f.Label, Value: f.Value, Citation: cite(f.SourceID)}
		}
		t := widgets.NewFactTable(facts)
		t.OnCitationTapped = func(c string) { p.openCited(cited, c) }
		add(section("Key facts", t))
	}
	if len(d.Positions) > 0 {
		var cols []widgets.Column
		for _, ps := range d.Positions {
			cols = append(cols, widgets.Column{Heading: ps.Party, Paragraphs: []string{ps.Text}})
		}
		add(section("Positions", widgets.NewSideBySide(cols...)))
	}
	if len(d.Timeline) > 0 {
		var rows []fyne.CanvasObject
		shown := d.Timeline
		if !p.allTimeline && len(shown) > shownTimeline {
			for _, ev := range shown[:len(shown)-shownTimeline] {
				cite(ev.SourceID) // the sources keep their numbers when the rest is shown
			}
			shown = shown[len(shown)-shownTimeline:]
			rows = append(rows, p.showAll(fmt.Sprintf("The last %d of %d:", shownTimeline, len(d.Timeline)),
				fmt.Sprintf("Show all %d entries", len(d.Timeline)), &p.allTimeline))
		}
		for _, ev := range shown {
			text := ev.Text
			if n := cite(ev.SourceID); n != "" {
				text += " [" + n + "]"
			}
			when := boldLabel(ev.When.String())
			rows = append(rows, container.New(widgets.NewColumns(200, 0), when, wrapLabel(text)))
		}
		add(section("Timeline", container.NewVBox(rows...)))
	}
	if len(p.meetings) > 0 {
		add(section(fmt.Sprintf("Meetings on this dispute (%d)", len(p.meetings)), p.meetingRows()))
	}
	if len(p.statements) > 0 {
		var rows []fyne.CanvasObject
		shown := p.statements
		if !p.allStatements && len(shown) > shownStatements {
			shown = shown[:shownStatements] // newest first
		}
		if len(shown) < p.statementCount {
			rows = append(rows, showAllLine(fmt.Sprintf("The latest %d of %d:", len(shown), p.statementCount),
				fmt.Sprintf("Show all %d statements", p.statementCount), p.showAllStatements))
		}
		for _, s := range shown {
			s := s
			head := p.speakers[s.ActorID] + ", " + s.When.String()
			if s.Occasion != "" {
				head += " · " + s.Occasion
			}
			if n := cite(s.SourceID); n != "" {
				head += " [" + n + "]"
			}
			who := widget.NewHyperlink(head, nil)
			who.Wrapping = fyne.TextWrapWord
			who.OnTapped = func() { p.u.push(newActorPage(p.u, s.ActorID)) }
			rows = append(rows, container.NewVBox(who, wrapLabel("“"+s.Text+"”")))
		}
		add(section("Statements on the dispute", container.NewVBox(rows...)))
	}
	if len(cited) > 0 {
		var rows []fyne.CanvasObject
		for i, id := range cited {
			id := id
			link := widget.NewHyperlink(fmt.Sprintf("[%d] %s", i+1, citedTitle(p.sources, id)), nil)
			link.Wrapping = fyne.TextWrapWord
			link.OnTapped = func() { p.u.push(newSourcePage(p.u, id)) }
			rows = append(rows, link)
		}
		add(section("Sources", container.NewVBox(rows...)))
	}
	if len(sheet) == 0 {
		add(emptyState("Nothing on this sheet yet — open the Edit tab to add names, facts, positions and a timeline."))
	}
}

// meetingRows lists the meetings linked to the dispute by date, each opening its page: the
// latest shownMeetings until "Show all" is pressed.
func (p *disputePage) meetingRows() fyne.CanvasObject {
	var rows []fyne.CanvasObject
	ms := p.meetings
	if !p.allMeetings && len(ms) > shownMeetings {
		ms = ms[len(ms)-shownMeetings:]
		rows = append(rows, p.showAll(fmt.Sprintf("The latest %d:", shownMeetings),
			fmt.Sprintf("Show all %d meetings", len(p.meetings)), &p.allMeetings))
	}
	for _, m := range ms {
		m := m
		link := widget.NewHyperlink(m.Title, nil)
		link.Wrapping = fyne.TextWrapWord // the whole title, on a narrow window over two lines
		link.OnTapped = func() { p.u.push(newMeetingPage(p.u, m.ID)) }
		when := widget.NewLabel(m.WhenText())
		rows = append(rows, container.NewBorder(nil, nil, container.New(widgets.NewColumns(240), when), widget.NewLabel(m.Status.Label()), link))
	}
	return container.NewVBox(rows...)
}

// showAllStatements reads every statement on the dispute and shows them.
func (p *disputePage) showAllStatements() {
	st, d := p.u.store, disputeData{d: p.d}
	run(p.u, "", func(ctx context.Context) (disputeData, error) {
		return loadStatementsOn(ctx, st, d, true)
	}, func(d disputeData, err error) {
		if err != nil {
			p.u.showError("list the statements on the dispute", err)
			return
		}
		p.allStatements = true
		p.statements, p.statementCount, p.speakers = d.statements, d.count, d.speakers
		p.refreshSheet()
	})
}

// showAll is the line above a shortened list: what it shows, and a button that shows it whole.
func (p *disputePage) showAll(what, button string, all *bool) fyne.CanvasObject {
	return showAllLine(what, button, func() {
		*all = true
		p.refreshSheet()
	})
}

// showAllLine is the line above a shortened list: what it shows, and a button that shows it
// whole by running all.
func showAllLine(what, button string, all func()) fyne.CanvasObject {
	b := widget.NewButton(button, all)
	b.Importance = widget.LowImportance
	l := widget.NewLabel(what)
	l.TextStyle = fyne.TextStyle{Italic: true}
	return container.NewHBox(l, b)
}

func (p *disputePage) openCited(cited []string, n string) {
	i, err := strconv.Atoi(n)
	if err != nil || i < 1 || i > len(cited) {
		return
	}
	p.u.push(newSourcePage(p.u, cited[i-1]))
}

// citedTitle names the source with id among sources: its title, or the ID when it is not there.
func citedTitle(sources []storage.SourceTitle, id string) string {
	for _, s := range sources {
		if s.ID == id {
			return s.Title
		}
	}
	return id
}

// collect reads the form into a dispute, marking what is wrong.
func (p *disputePage) collect() (storage.Dispute, bool) {
	p.fs.clearErrors()
	p.fillTables()
	d := p.d
	ok := true
	d.Title = strings.TrimSpace(p.titleE.Text)
	if d.Title == "" {
		p.fs.setError("title", "Give the dispute a title")
		ok = false
	}
	d.Administrator = strings.TrimSpace(p.administrator.Text)
	d.Claimants = commaList(p.claimants.Text)
	d.Summary = strings.TrimSpace(p.summary.Text)
	d.Tags = commaList(p.tags.Text)
	d.Names, d.Facts, d.Positions, d.Timeline = nil, nil, nil, nil
	for _, r := range filledRows(p.names) {
		d.Names = append(d.Names, storage.PlaceName{Party: r[0], Name: r[1], Language: r[2], Native: r[3]})
	}
	for _, r := range filledRows(p.facts) {
		d.Facts = append(d.Facts, storage.KeyFact{Label: r[0], Value: r[1], SourceID: p.srcIDs[r[2]]})
	}
	for _, r := range filledRows(p.positions) {
		d.Positions = append(d.Positions, storage.Position{Party: r[0], Text: r[1]})
	}
	for i, r := range filledRows(p.tl) {
		when, err := parseDate(r[0])
		if err != nil {
			p.fs.setError("timeline", fmt.Sprintf("Timeline entry %d: %s", i+1, err))
			ok = false
		}
		d.Timeline = append(d.Timeline, storage.Event{When: when, Text: r[1], SourceID: p.srcIDs[r[2]]})
	}
	if !ok {
		p.tabs.SelectIndex(1)
		p.u.setStatus("Not saved — correct the fields marked in red")
	}
	return d, ok
}

func (p *disputePage) save(then func()) {
	d, ok := p.collect()
	if !ok {
		return
	}
	st := p.u.store
	all := p.allStatements
	saveRecord(&p.recordPage, d, "“"+d.Title+"”", st.CreateDispute, st.UpdateDispute, func(ctx context.Context, d *storage.Dispute) (disputeData, error) {
		return loadDispute(ctx, st, d.ID, all)
	}, func(dd disputeData) {
		p.apply(dd)
		p.u.setStatus("Saved “" + dd.d.Title + "”")
		then()
	})
}

func (p *disputePage) onDelete() {
	if p.isNew() {
		return
	}
	title := p.d.Title
	p.deleteRecord("the fact sheet “"+title+"”",
		"Meetings linked to it lose the link and statements about it stay, no longer tied to it.",
		"“"+title+"”", "delete the dispute")
}
