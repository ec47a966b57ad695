package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
	"github.com/parley-app/parley/widgets"
)

const (
	noTrack    = "(no track)"
	noPrevious = "(none)"
	noSource   = "(no source)"
)

// meetingPage shows one meeting, or a new one, as a briefing officer reads it: logistics,
// purpose, their side, lines to take, questions, press line, scenario, negotiating parameters,
// background, participants, disputes, the record of conversation, outcome, commitments and
// status. It has an explicit Save; status changes are recorded at once with their reason.
type meetingPage struct {
	recordPage
	negotiationInputs                 // meeting_negotiation.go
	m                 storage.Meeting // as stored; for a new meeting, its starting values (ID "")

	exportBtn                        *widget.Button
	series                           *roundsView // since the last round, open commitments, pre-flight
	titleE, when, timeOfDay          *widget.Entry
	zone                             *widget.SelectEntry
	duration, round                  *widget.Entry
	venue, city, country             *widget.Entry
	interpreters, press, logistics   *widgets.TextArea
	purpose, background              *widgets.TextArea
	outcome, nextSteps               *widgets.TextArea
	tags                             *widget.Entry
	reference, drafter, drafted      *widget.Entry
	clearedBy, cleared               *widget.Entry
	distribution                     *widgets.TextArea
	objectives                       *widgets.StringListEditor
	questions                        *widgets.QAEditor
	format, track, previous, status  *widget.Select
	zonesInfo                        *widget.Label
	participants                     []storage.Participant
	partBox                          *fyne.Container
	disputes                         *widget.CheckGroup
	statusNow                        *widget.Label
	changeStatus, headStatus         *widget.Button
	badge                            *widgets.StatusBadge
	historyBox                       *fyne.Container
	recordInfo                       *widget.Label
	actors                           []storage.Actor // those the drop-downs offer; only their keys are read
	actorByID                        map[string]storage.Actor
	anyActor                         bool // the dossier holds an actor to add as a participant
	moreActors                       bool // more than offeredActors: the drop-downs offer the meeting's own and anotherActor
	disputeList                      []storage.Dispute
	tracks                           []storage.Track
	sourceTitles                     map[string]string // of the sources its status history cites
	rounds                           []storage.MeetingSummary
	trackIDs, previousIDs, disputeID map[string]string // option label → ID
	allDisputes                      []string          // the labels of every dispute, as the dossier orders them
	linkDispute                      *widget.Select    // the disputes without a box (see showDisputes)
}

// meetingData is what the page loads off the Fyne goroutine.
type meetingData struct {
	m          storage.Meeting
	actors     []storage.Actor
	anyActor   bool
	moreActors bool
	disputes   []storage.Dispute
	tracks     []storage.Track
	// sourceTitles name the sources of the status history: the status dialog reads every
	// source when it opens (a dossier has thousands).
	sourceTitles map[string]string
	rounds       []storage.MeetingSummary
	handling     tasks.HandlingReport
}

// newMeetingPage opens the meeting with id.
func newMeetingPage(u *ui, id string) *meetingPage {
	p := &meetingPage{recordPage: recordPage{u: u}, m: storage.Meeting{ID: id}}
	p.build()
	return p
}

// newMeetingDraft opens a form for a meeting not yet stored, starting from m.
func newMeetingDraft(u *ui, m storage.Meeting) *meetingPage {
	m.ID = ""
	if m.Status == "" {
		m.Status = storage.StatusProposed
	}
	p := &meetingPage{recordPage: recordPage{u: u}, m: m}
	p.build()
	return p
}

func (p *meetingPage) build() {
	e := &p.ed
	p.initRecord(p, "meeting", func() (string, string) { return p.m.ID, p.m.Title }, p.onDelete)
	p.exportBtn = widget.NewButtonWithIcon("Export briefing pack", theme.DocumentPrintIcon(), p.onExport)
	p.badge = widgets.NewStatusBadge("", "")
	p.headStatus = widget.NewButton("Change status…", p.onChangeStatus)
	p.series = newRoundsView(p.onPreflight)
	p.needRecord = append(p.needRecord, p.exportBtn, p.headStatus)
	p.hdr = widgets.NewRecordHeader(p.badge, p.headStatus, p.saveBtn, p.series.check, p.exportBtn, p.deleteBtn)

	p.titleE = textEntry(e, "e.g. Vice-ministerial consultations, round 2")
	p.first = p.titleE
	p.when = textEntry(e, "as you would write it: 22 Jun 2016, Sep 2016, by end of 2016, Q3 2016, 22–24 Jun 2016")
	p.timeOfDay = textEntry(e, "optional, e.g. 10:00")
	p.zone = widget.NewSelectEntry(nil)
	p.zone.SetPlaceHolder("the venue's city or zone, e.g. Moscow or Asia/Tokyo")
	for _, w := range []*widget.Entry{p.when, p.timeOfDay} {
		w := w
		w.OnChanged = func(string) { e.touch(); p.updateZonesInfo(); p.recheckWhen() }
	}
	p.zone.OnChanged = func(text string) {
		e.touch()
		p.zone.SetOptions(zoneOptions(text))
		p.checkZone()
		p.updateZonesInfo()
	}
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), p.pickDay)
	p.zonesInfo = wrapLabel("")
	p.duration = textEntry(e, "minutes, e.g. 90")
	p.round = textEntry(e, "e.g. 2")
	p.venue = textEntry(e, "e.g. Iikura Guest House")
	p.city = textEntry(e, "e.g. Tokyo")
	p.country = textEntry(e, "e.g. Japan")
	p.interpreters = textArea(e, "anything else about interpreting: booths, equipment, briefing the interpreters", 2)
	p.press = textArea(e, "press arrangements, statements, photo opportunities", 2)
	p.logistics = textArea(e, "seating, transport, security, format of the talks…", 2)
	p.purpose = textArea(e, "why this meeting, what it should achieve", 3)
	p.objectives = stringList(e, true, "an objective of the meeting", "Add an objective")
	p.questions = widgets.NewQAEditor(nil)
	p.questions.SetAddText("Add a question")
	p.questions.OnChanged = func([]widgets.QA) { e.touch() }
	p.background = textArea(e, "history, context, what happened last time", 4)
	p.outcome = textArea(e, "what was agreed or happened", 3)
	p.nextSteps = textArea(e, "follow-up, next round", 2)
	p.tags = textEntry(e, "comma-separated, e.g. peace treaty, economic cooperation")
	p.reference = textEntry(e, "the registry's reference, e.g. EAD/JPN/2016/014")
	p.drafter = textEntry(e, "who drafted the brief, e.g. J. Smith, Japan desk")
	p.drafted = textEntry(e, "when, e.g. 17 Jun 2016")
	p.clearedBy = textEntry(e, "who cleared it for issue, e.g. Head of East Asia Department")
	p.cleared = textEntry(e, "when, e.g. 20 Jun 2016")
	p.distribution = textArea(e, "who receives it, one a line", 3)

	formats := make([]string, len(storage.Formats))
	for i, f := range storage.Formats {
		formats[i] = string(f)
	}
	p.format = selectOf(e, formats)
	p.track = selectOf(e, []string{noTrack})
	p.track.OnChanged = func(string) { e.touch(); p.loadRounds() }
	p.previous = selectOf(e, []string{noPrevious})
	statuses := make([]string, len(storage.Statuses))
	for i, s := range storage.Statuses {
		statuses[i] = s.Label()
	}
	p.status = selectOf(e, statuses)

	fs := p.fs
	fs.add("title", "Title", p.titleE)
	fs.add("track_id", "Track", p.track)
	fs.add("round", "Round", p.round)
	fs.add("previous_round_id", "Previous round", p.previous)
	fs.add("format", "Format", p.format)
	fs.add("when", "When", container.NewBorder(nil, nil, nil, pick, p.when))
	fs.add("time", "Time", p.timeOfDay)
	fs.add("zone", "Time zone", p.zone)
	fs.add("zones", "In both zones", p.zonesInfo)
	fs.add("duration_minutes", "Duration", p.duration)
	fs.add("venue", "Venue", p.venue)
	fs.add("city", "City", p.city)
	fs.add("country", "Country", p.country)
	fs.add("interpreters", "Interpreting", p.interpreters)
	fs.add("press", "Press", p.press)
	fs.add("logistics", "Arrangements", p.logistics)
	fs.add("purpose", "Purpose", p.purpose)
	fs.add("objectives", "Objectives", p.objectives)
	fs.add("questions", "Questions", p.questions)
	fs.add("background", "Background", p.background)
	fs.add("participants", "Participants", widget.NewLabel(""))
	fs.add("dispute_ids", "Disputes", widget.NewLabel(""))
	fs.add("outcome", "Outcome", p.outcome)
	fs.add("next_steps", "Next steps", p.nextSteps)
	fs.add("status", "Status", p.status)
	fs.add("tags", "Tags", p.tags)
	fs.add("brief.reference", "Reference", p.reference)
	fs.add("brief.drafter", "Drafted by", p.drafter)
	fs.add("brief.drafted", "Drafted on", p.drafted)
	fs.add("brief.cleared_by", "Cleared by", p.clearedBy)
	fs.add("brief.cleared", "Cleared on", p.cleared)
	fs.add("brief.distribution", "Distribution", p.distribution)
	p.buildNegotiation()
	more := p.negotiationParts()
	p.showInputs = p.showParts

	p.partBox = container.NewVBox()
	addPart := widget.NewButtonWithIcon("Add participant…", theme.ContentAddIcon(), p.onAddParticipant)
	newActor := widget.NewButtonWithIcon("New actor…", theme.AccountIcon(), p.onNewActor)
	p.disputes = widget.NewCheckGroup(nil, func([]string) { e.touch() })
	p.disputes.Horizontal = false
	p.linkDispute = widget.NewSelect(nil, func(l string) {
		if l == "" || p.ed.loading {
			return
		}
		p.showDisputes(append(slices.Clone(p.disputes.Selected), l)) // ticks it, an edit
	})
	p.linkDispute.PlaceHolder = "Link another dispute…"
	p.linkDispute.Hide()

	p.statusNow = widget.NewLabel("")
	p.statusNow.TextStyle = fyne.TextStyle{Bold: true}
	p.changeStatus = widget.NewButtonWithIcon("Change status…", theme.MediaReplayIcon(), p.onChangeStatus)
	p.historyBox = container.NewVBox()
	p.recordInfo = note("")

	body := container.NewVBox(
		fs.general,
		section("The meeting", fs.grid("title", "track_id", "round", "previous_round_id", "format")),
		section("Logistics",
			fs.grid("when", "time", "zone", "zones", "duration_minutes", "venue", "city", "country",
				"interpreter_team", "interpreters", "record_taker", "press", "logistics")),
		section("Since the last round", note("Worked out from the saved dossier, as the briefing pack shows it."), p.series.box),
		section("Purpose and objectives", fs.grid("purpose", "objectives")),
		more["their side"].box,
		more["lines"].box,
		more["questions"].box,
		more["press"].box,
		more["scenario"].box,
		more["parameters"].box,
		section("Background", fs.rows["background"].cell),
		section("Participants", p.partBox, fs.rows["participants"].msg, container.NewHBox(addPart, newActor)),
		section("Linked disputes", p.disputes, container.NewHBox(p.linkDispute), fs.rows["dispute_ids"].msg),
		more["record"].box,
		section("Outcome and next steps", fs.grid("outcome", "next_steps")),
		more["commitments"].box,
		section("Status", container.NewHBox(p.statusNow, p.changeStatus), fs.grid("status"), p.historyBox),
		section("Brief: document control",
			note("What the briefing pack's cover tells a registry. The versions issued are numbered by Export briefing pack."),
			fs.grid("brief.reference", "brief.drafter", "brief.drafted", "brief.cleared_by", "brief.cleared", "brief.distribution")),
		section("Tags", fs.rows["tags"].cell),
		p.recordInfo,
	)
	p.frame(widgets.NewPageScroll(container.NewPadded(body)))
	p.refreshHeader()
}

// show loads the meeting; with unsaved edits it only refreshes the names it shows.
func (p *meetingPage) show() {
	if p.loaded && p.dirty() {
		p.reloadLookups()
		return
	}
	st, id, m := p.u.store, p.m.ID, p.m
	read(&p.recordPage, func(ctx context.Context) (meetingData, error) {
		return loadMeeting(ctx, st, id, m)
	}, p.apply)
}

// loadMeeting reads the meeting (or keeps the draft m when id is "") and everything its
// drop-downs offer.
func loadMeeting(ctx context.Context, st *storage.Store, id string, m storage.Meeting) (meetingData, error) {
	var d meetingData
	var err error
	if id != "" {
		if m, err = st.Meeting(ctx, id); err != nil {
			return d, err
		}
	}
	d.m = m
	if err = loadLookups(ctx, st, &d, m.TrackID, m.ID, meetingActorIDs(m)); err != nil {
		return d, err
	}
	d.sourceTitles, err = historySources(ctx, st, m)
	return d, err
}

// historySources are the titles of the sources m's status history cites.
func historySources(ctx context.Context, st *storage.Store, m storage.Meeting) (map[string]string, error) {
	ids := make([]string, len(m.StatusHistory))
	for i, c := range m.StatusHistory {
		ids[i] = c.SourceID
	}
	return sourceTitles(ctx, st, ids)
}

// offeredActors is how many actors the page's drop-downs of actors offer whole. A dossier with
// more offers in them the actors the meeting names and anotherActor, which looks the others up
// as the user types (reading 20,000 actors to open a meeting took a third of a second).
const offeredActors = 200

// meetingActorIDs are the actors m names: its participants, those its points are addressed to,
// its agenda's leads, those present and those who undertook its commitments.
func meetingActorIDs(m storage.Meeting) []string {
	var ids []string
	for _, pt := range m.Participants {
		ids = append(ids, pt.ActorID)
	}
	for _, l := range m.LinesToTake {
		ids = append(ids, l.ToID)
	}
	for _, a := range m.Agenda {
		ids = append(ids, a.LeadID)
	}
	for _, c := range m.Commitments {
		ids = append(ids, c.ActorID)
	}
	return append(ids, m.Record.PresentIDs...)
}

// loadActors reads the actors the page offers: every actor of a dossier of at most
// offeredActors, else those of ids (the actors the meeting names).
func loadActors(ctx context.Context, st *storage.Store, d *meetingData, ids []string) error {
	keys, err := st.ActorsMatching(ctx, "", offeredActors+1)
	if err != nil {
		return err
	}
	d.anyActor = len(keys) > 0
	if len(keys) > offeredActors {
		d.moreActors = true
		byID, err := st.ActorKeysByID(ctx, slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == "" }))
		if err != nil {
			return err
		}
		keys = keys[:0]
		for _, k := range byID {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b storage.ActorKey) int {
			return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
		})
	}
	d.actors = make([]storage.Actor, len(keys))
	for i, k := range keys {
		d.actors[i] = k.Actor()
	}
	return nil
}

// knowActor makes a an actor the page offers and names, if it is not one already.
func (p *meetingPage) knowActor(a storage.ActorKey) {
	if _, ok := p.actorByID[a.ID]; ok {
		return
	}
	p.actors = append(p.actors, a.Actor())
	p.actorByID[a.ID] = a.Actor()
}

// loadLookups reads what the page's drop-downs and names offer: actors (see loadActors, of
// actorIDs), disputes, tracks and the rounds of track trackID other than meeting self.
func loadLookups(ctx context.Context, st *storage.Store, d *meetingData, trackID, self string, actorIDs []string) error {
	err := loadActors(ctx, st, d, actorIDs)
	if err != nil {
		return err
	}
	if d.disputes, err = st.Disputes(ctx); err != nil {
		return err
	}
	if d.tracks, err = st.Tracks(ctx); err != nil {
		return err
	}
	if d.handling, err = tasks.Handling(ctx, st); err != nil {
		return err
	}
	d.rounds, err = loadRounds(ctx, st, trackID, self)
	return err
}

// maxRoundChoices bounds the previous-round drop-down: the latest rounds of the track.
const maxRoundChoices = 200

func loadRounds(ctx context.Context, st *storage.Store, trackID, self string) ([]storage.MeetingSummary, error) {
	if trackID == "" {
		return nil, nil
	}
	ms, err := st.Meetings(ctx, storage.MeetingFilter{TrackID: trackID})
	if err != nil {
		return nil, err
	}
	out := make([]storage.MeetingSummary, 0, len(ms))
	for _, m := range ms {
		if m.ID != self {
			out = append(out, m)
		}
	}
	if len(out) > maxRoundChoices {
		out = out[len(out)-maxRoundChoices:]
	}
	return out, nil
}

// apply fills the page from what load read.
func (p *meetingPage) apply(d meetingData) {
	p.m = d.m
	p.setLookups(d)
	p.arrive(func() { p.fill(d.m) })
	p.refreshHeader()
	p.refreshRounds()
}

func (p *meetingPage) setLookups(d meetingData) {
	p.actors, p.anyActor, p.moreActors = d.actors, d.anyActor, d.moreActors
	p.actorByID = make(map[string]storage.Actor, len(d.actors))
	for _, a := range d.actors {
		p.actorByID[a.ID] = a
	}
	p.disputeList = d.disputes
	p.tracks = d.tracks
	if d.sourceTitles != nil { // a reload behind unsaved edits keeps those read with the meeting
		p.sourceTitles = d.sourceTitles
	}
	p.rounds = d.rounds
	p.setHandling(d.handling.Scheme, d.handling.Marking)

	var opts []string
	opts, p.trackIDs = choices(noTrack, d.tracks, func(t storage.Track) (string, string) { return t.Title, t.ID })
	p.ed.fill(func() { p.track.SetOptions(opts) })
	p.setRoundOptions()

	p.disputeID = map[string]string{}
	var dopts []string
	for _, dp := range d.disputes {
		label := uniqueLabel(p.disputeID, dp.Title)
		p.disputeID[label] = dp.ID
		dopts = append(dopts, label)
	}
	p.allDisputes = dopts
	if p.loaded { // else the page's fill ticks them, which draws them
		p.ed.fill(func() { p.showDisputes(p.disputes.Selected) })
	}
}

func (p *meetingPage) setRoundOptions() {
	p.previousIDs = map[string]string{noPrevious: ""}
	opts := []string{noPrevious}
	for i := len(p.rounds) - 1; i >= 0; i-- { // latest first
		r := p.rounds[i]
		label := uniqueLabel(p.previousIDs, r.WhenText()+" — "+r.Title)
		p.previousIDs[label] = r.ID
		opts = append(opts, label)
	}
	p.ed.fill(func() {
		sel := p.previous.Selected
		p.previous.SetOptions(opts)
		if _, ok := p.previousIDs[sel]; ok {
			p.previous.SetSelected(sel)
		} else {
			p.previous.SetSelected(noPrevious)
		}
	})
	p.setClosedChoices(p.closedColumnIDs())
}

// boxedDisputes is how many disputes the page offers as boxes to tick: a dossier with more
// has boxes for the meeting's disputes and a drop-down of the others (105 boxes took half the
// time of opening a meeting).
const boxedDisputes = 30

// showDisputes ticks the disputes labelled sel, offering a box for each dispute of a small
// dossier; in a bigger one, for those ticked and those shown already, the others in the
// drop-down linkDispute.
func (p *meetingPage) showDisputes(sel []string) {
	boxes, others := p.allDisputes, []string(nil)
	if len(p.allDisputes) > boxedDisputes {
		boxes = nil
		for _, l := range p.allDisputes {
			if slices.Contains(sel, l) || slices.Contains(p.disputes.Options, l) {
				boxes = append(boxes, l)
			} else {
				others = append(others, l)
			}
		}
	}
	p.disputes.Options = boxes
	p.disputes.SetSelected(slices.DeleteFunc(slices.Clone(sel), func(l string) bool { return !slices.Contains(boxes, l) }))
	p.quietly(func() {
		p.linkDispute.SetOptions(others)
		p.linkDispute.ClearSelected()
	})
	if len(others) == 0 {
		p.linkDispute.Hide()
	} else {
		p.linkDispute.Show()
	}
}

// uniqueLabel returns label, or label with a number when taken already.
func uniqueLabel(taken map[string]string, label string) string {
	if strings.TrimSpace(label) == "" {
		label = "(untitled)"
	}
	out := label
	for i := 2; ; i++ {
		if _, ok := taken[out]; !ok {
			return out
		}
		out = fmt.Sprintf("%s (%d)", label, i)
	}
}

func labelFor(ids map[string]string, id string) string {
	for l, v := range ids {
		if v == id {
			return l
		}
	}
	return ""
}

// reloadLookups refreshes actors, disputes and tracks behind unsaved edits.
func (p *meetingPage) reloadLookups() {
	st, trackID, self := p.u.store, p.trackIDs[p.track.Selected], p.m.ID
	ids := p.formActorIDs()
	run(p.u, "", func(ctx context.Context) (meetingData, error) {
		var d meetingData
		err := loadLookups(ctx, st, &d, trackID, self, ids)
		return d, err
	}, func(d meetingData, err error) {
		if err != nil {
			p.u.showError("refresh the meeting", err)
			return
		}
		track := p.track.Selected
		p.setLookups(d)
		p.ed.fill(func() { p.track.SetSelected(track) })
		p.refreshParticipants()
	})
}

// loadRounds refreshes the previous-round choices for the chosen track.
func (p *meetingPage) loadRounds() {
	if p.ed.loading {
		return
	}
	st, trackID, self := p.u.store, p.trackIDs[p.track.Selected], p.m.ID
	run(p.u, "", func(ctx context.Context) ([]storage.MeetingSummary, error) {
		return loadRounds(ctx, st, trackID, self)
	}, func(rs []storage.MeetingSummary, err error) {
		if err != nil {
			p.u.showError("list the rounds of the track", err)
			return
		}
		p.rounds = rs
		p.setRoundOptions()
	})
}

// fill sets every input from m.
func (p *meetingPage) fill(m storage.Meeting) {
	p.titleE.SetText(m.Title)
	p.track.SetSelected(labelFor(p.trackIDs, m.TrackID))
	if m.TrackID == "" {
		p.track.SetSelected(noTrack)
	}
	p.round.SetText(intText(m.Round))
	if l := labelFor(p.previousIDs, m.PreviousRoundID); l != "" {
		p.previous.SetSelected(l)
	} else {
		p.previous.SetSelected(noPrevious)
	}
	p.format.SetSelected(string(m.Format))
	if m.Format == "" {
		p.format.ClearSelected()
	}
	if m.When.IsExact() {
		at := m.When.At.In(m.When.Location())
		p.when.SetText(at.Format("2006-01-02"))
		p.timeOfDay.SetText(at.Format("15:04"))
		p.zone.SetText(m.When.Zone)
	} else {
		p.when.SetText(m.When.Text())
		p.timeOfDay.SetText("")
		p.zone.SetText(m.When.Zone) // the venue's zone, known before the time
	}
	p.duration.SetText(intText(m.DurationMinutes))
	p.venue.SetText(m.Venue)
	p.city.SetText(m.City)
	p.country.SetText(m.Country)
	p.interpreters.SetText(m.Interpreters)
	p.press.SetText(m.Press)
	p.logistics.SetText(m.Logistics)
	p.purpose.SetText(m.Purpose)
	p.objectives.SetItems(m.Objectives)
	p.background.SetText(m.Background)
	p.outcome.SetText(m.Outcome)
	p.nextSteps.SetText(m.NextSteps)
	p.tags.SetText(strings.Join(m.Tags, ", "))
	p.status.SetSelected(m.Status.Label())
	p.reference.SetText(m.Brief.Reference)
	p.drafter.SetText(m.Brief.Drafter)
	p.drafted.SetText(partialText(m.Brief.Drafted))
	p.clearedBy.SetText(m.Brief.ClearedBy)
	p.cleared.SetText(partialText(m.Brief.Cleared))
	p.distribution.SetText(strings.Join(m.Brief.Distribution, "\n"))
	p.participants = append([]storage.Participant(nil), m.Participants...)
	p.clearActorTables() // filled by fillNegotiation, once the participants are in
	p.refreshParticipants()
	var sel []string
	for _, id := range m.DisputeIDs {
		if l := labelFor(p.disputeID, id); l != "" {
			sel = append(sel, l)
		}
	}
	p.showDisputes(sel)
	p.fillNegotiation(m)
	p.refreshStatus()
	p.updateZonesInfo()
}

func intText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// refreshHeader shows the title, the date and the state of the record.
func (p *meetingPage) refreshHeader() {
	if p.isNew() {
		p.hdr.SetTitle("New meeting", "Fill in what is known and press Save (Ctrl+S).")
		p.exportBtn.Disable()
		p.deleteBtn.Disable()
		p.badge.Hide()
		p.headStatus.Hide()
		return
	}
	p.badge.SetStatus(string(p.m.Status), p.m.Status.Label())
	p.badge.Show()
	p.headStatus.Show()
	sub := p.m.Summary().WhenText()
	if pl := p.m.Place(); pl != "" {
		sub += " · " + pl
	}
	if !p.loaded {
		// Opening: no title or date yet, nothing to act on (frame disabled the buttons).
		p.hdr.SetTitle("", "")
		p.badge.Hide()
		return
	}
	p.hdr.SetTitle(p.m.Title, sub)
	p.exportBtn.Enable()
	p.deleteBtn.Enable()
}

// refreshStatus shows the status, its history and how to change it.
func (p *meetingPage) refreshStatus() {
	fsStatus := p.fs.rows["status"]
	if p.isNew() {
		p.statusNow.Hide()
		p.changeStatus.Hide()
		fsStatus.label.Show()
		fsStatus.cell.Show()
		p.historyBox.Objects = []fyne.CanvasObject{note("The status you choose is recorded as the first entry of the history when you save.")}
		p.historyBox.Refresh()
		p.recordInfo.SetText("")
		return
	}
	fsStatus.label.Hide()
	fsStatus.cell.Hide()
	p.statusNow.SetText(p.m.Status.Label())
	p.statusNow.Show()
	p.changeStatus.Show()
	p.historyBox.Objects = nil
	if len(p.m.StatusHistory) == 0 {
		p.historyBox.Add(note("No status changes recorded yet."))
	}
	for i := len(p.m.StatusHistory) - 1; i >= 0; i-- {
		p.historyBox.Add(p.historyRow(p.m.StatusHistory[i]))
	}
	p.historyBox.Refresh()
	info := "Created " + p.m.Created.Local().Format("2 Jan 2006 15:04") + " · last saved " + p.m.Updated.Local().Format("2 Jan 2006 15:04")
	if p.m.ICalUID != "" {
		info += " · imported from a calendar event (UID " + p.m.ICalUID + ")"
	}
	p.recordInfo.SetText(info)
}

func (p *meetingPage) historyRow(c storage.StatusChange) fyne.CanvasObject {
	change := c.To.Label()
	if c.From != "" {
		change = c.From.Label() + " → " + c.To.Label()
	}
	line := c.Recorded.Local().Format("2 Jan 2006") + " — " + change
	var more []string
	if !c.Happened.IsZero() {
		// Dated when it happened; when it was typed in comes second.
		line = storage.Within(c.Happened).String() + " — " + change
		more = append(more, "recorded "+c.Recorded.Local().Format("2 Jan 2006"))
	}
	if !c.When.IsZero() {
		line += " (the date then: " + c.When.String() + ")"
	}
	head := widget.NewLabel(line)
	head.TextStyle = fyne.TextStyle{Bold: true}
	box := container.NewVBox(head)
	if c.Reason != "" {
		more = append(more, c.Reason)
	}
	if c.SourceID != "" {
		more = append(more, "Source: "+p.sourceTitle(c.SourceID))
	}
	if len(more) > 0 {
		box.Add(wrapLabel(strings.Join(more, " — ")))
	}
	return box
}

func (p *meetingPage) sourceTitle(id string) string {
	if t, ok := p.sourceTitles[id]; ok {
		return t
	}
	return id
}

// refreshParticipants redraws the participant rows.
func (p *meetingPage) refreshParticipants() {
	p.partBox.Objects = nil
	if len(p.participants) == 0 {
		p.partBox.Add(note("No participants yet — add them from the actors in the dossier, or create a new actor."))
	}
	roles := make([]string, len(storage.Roles))
	for i, r := range storage.Roles {
		roles[i] = string(r)
	}
	for i := range p.participants {
		i := i
		part := p.participants[i]
		a, ok := p.actorByID[part.ActorID]
		name := a.Name
		if !ok {
			name = "(actor not found)"
		}
		if a.NativeName != "" {
			name += " · " + a.NativeName
		}
		link := widget.NewHyperlink(name, nil)
		link.Truncation = fyne.TextTruncateEllipsis
		link.OnTapped = func() {
			if ok {
				p.u.push(newActorPage(p.u, part.ActorID))
			}
		}
		role := widget.NewSelect(roles, func(s string) {
			if p.participants[i].Role != storage.Role(s) {
				p.participants[i].Role = storage.Role(s)
				p.ed.touch()
			}
		})
		role.SetSelected(string(part.Role))
		noteEntry := widget.NewEntry()
		noteEntry.SetPlaceHolder("note, e.g. leads on economic cooperation")
		noteEntry.SetText(part.Note)
		noteEntry.OnChanged = func(s string) {
			p.participants[i].Note = s
			p.ed.touch()
		}
		remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			p.participants = append(p.participants[:i:i], p.participants[i+1:]...)
			p.ed.touch()
			p.refreshParticipants()
		})
		remove.Importance = widget.LowImportance
		principal := widget.NewCheck("Principal", func(on bool) {
			if p.participants[i].Principal != on {
				p.participants[i].Principal = on
				p.ed.touch()
			}
		})
		principal.SetChecked(part.Principal)
		// The list's order is the order of precedence the pack follows.
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.moveParticipant(i, i-1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { p.moveParticipant(i, i+1) })
		up.Importance, down.Importance = widget.LowImportance, widget.LowImportance
		if i == 0 {
			up.Disable()
		}
		if i == len(p.participants)-1 {
			down.Disable()
		}
		side := a.Country
		if a.Title != "" {
			side = strings.TrimPrefix(side+" · "+a.Title, " · ")
		}
		sideLbl := truncated(widget.NewLabel(side))
		p.partBox.Add(container.New(widgets.NewColumns(200, 150, 160, 105, 0, 36, 36, 36).Dropping(0, 1).Squeezing(0.6),
			link, sideLbl, role, principal, noteEntry, up, down, remove))
	}
	if len(p.participants) > 0 {
		p.partBox.Add(note("Top to bottom is the order of precedence the pack follows; heads of delegation and principals get a full profile, everyone else one line."))
	}
	p.partBox.Refresh()
	p.setActorChoices() // the drop-downs of actors offer the participants first
}

// moveParticipant moves the participant at from to to, the order of precedence.
func (p *meetingPage) moveParticipant(from, to int) {
	if to < 0 || to >= len(p.participants) || from == to {
		return
	}
	p.participants[from], p.participants[to] = p.participants[to], p.participants[from]
	p.ed.touch()
	p.refreshParticipants()
}

// updateZonesInfo shows an exact time in the venue's zone and the user's.
func (p *meetingPage) updateZonesInfo() {
	f, err := p.parseWhen()
	if err != nil || !f.IsExact() {
		p.zonesInfo.SetText("A time and a zone give the meeting's time in the venue's zone and yours.")
		return
	}
	home, name := tasks.HomeZone()
	p.zonesInfo.SetText(bothZones(f, home, name))
}

// recheckWhen keeps the date inputs' messages true while the user corrects them, once Save
// has shown one: a corrected date's error goes as soon as the date reads.
func (p *meetingPage) recheckWhen() {
	if p.fs.errorOf("when") == "" && p.fs.errorOf("time") == "" {
		return
	}
	p.fs.rows["when"].msg.SetText("")
	p.fs.rows["time"].msg.SetText("")
	if _, err := p.parseWhen(); err != nil {
		field, msg := whenErrorField(err)
		if field != "zone" {
			p.fs.setError(field, msg)
		}
	}
}

// checkZone shows at once whether the typed zone exists.
func (p *meetingPage) checkZone() {
	z := strings.TrimSpace(p.zone.Text)
	r := p.fs.rows["zone"]
	if z == "" {
		r.msg.SetText("")
		return
	}
	if _, err := storage.ZoneNamed(z); err != nil {
		if opts := zoneOptions(z); len(opts) > 0 {
			// Still typing: the list (▾) holds the zones that match so far.
			p.fs.setError("zone", fmt.Sprintf("Not a zone yet: type on, or choose from the list (▾), e.g. %s", opts[0]))
			return
		}
		p.fs.setError("zone", firstUpper(err.Error()))
		return
	}
	r.msg.SetText("")
}

// zoneOptions are the picker's choices for what is typed: the IANA zones whose name, city or
// country match it ("moscow", "Japan"), at most a screenful.
func zoneOptions(typed string) []string {
	if strings.TrimSpace(typed) == "" {
		return nil
	}
	var out []string
	for _, z := range storage.Zones(typed) {
		if len(out) == 12 {
			break
		}
		out = append(out, z.Name)
	}
	return out
}

// parseWhen reads the date, time and zone inputs into one fuzzy date.
func (p *meetingPage) parseWhen() (storage.FuzzyDate, error) {
	return parseWhenInputs(p.when.Text, p.timeOfDay.Text, p.zone.Text)
}

// whenError is a problem with one of the date inputs.
type whenError struct {
	field string
	msg   string
}

func (e *whenError) Error() string { return e.msg }

// whenErrorField is the date input an error from parseWhen belongs to, and its message. An
// error that names no input (which parseWhen does not return today) goes under When rather
// than stopping the window.
func whenErrorField(err error) (field, msg string) {
	var we *whenError
	if errors.As(err, &we) {
		return we.field, we.msg
	}
	return "when", firstUpper(err.Error())
}

func parseWhenInputs(whenText, timeText, zoneText string) (storage.FuzzyDate, error) {
	whenText, timeText, zoneText = strings.TrimSpace(whenText), strings.TrimSpace(timeText), strings.TrimSpace(zoneText)
	if zoneText != "" {
		name, err := storage.ZoneNamed(zoneText)
		if err != nil {
			return storage.FuzzyDate{}, &whenError{"zone", firstUpper(err.Error())}
		}
		zoneText = name
	}
	if timeText == "" {
		f, err := parseDate(whenText)
		if err != nil {
			return f, &whenError{"when", firstUpper(err.Error())}
		}
		if zoneText != "" && f.IsZero() {
			return f, &whenError{"when", "Give the date as well (a month or a year will do), or leave the time zone empty"}
		}
		if zoneText != "" && !f.IsExact() {
			// A meeting known to the month keeps its venue's zone for the time given later.
			f.Zone = zoneText
		}
		return f, nil
	}
	if _, err := time.Parse("15:04", timeText); err != nil {
		return storage.FuzzyDate{}, &whenError{"time", fmt.Sprintf("%q is not a time like 10:00 or 14:30", timeText)}
	}
	onDay, err := parseDate(whenText)
	if err != nil {
		return storage.FuzzyDate{}, &whenError{"when", firstUpper(err.Error())}
	}
	if onDay.IsExact() {
		return storage.FuzzyDate{}, &whenError{"time", "The date already has a time; clear Time and Time zone, or give the date alone"}
	}
	d, isDay := onDay.From, onDay.Kind == storage.DateDay
	if !isDay {
		return storage.FuzzyDate{}, &whenError{"when", "A time needs a full date such as 2016-06-22 or 22 Jun 2016"}
	}
	if zoneText == "" {
		return storage.FuzzyDate{}, &whenError{"zone", "Give the time zone of the venue, e.g. Asia/Tokyo: a time means nothing without it"}
	}
	f, err := parseDate(d.ISO() + " " + timeText + " " + zoneText)
	if err != nil {
		return f, &whenError{"when", firstUpper(err.Error())}
	}
	return f, nil
}

// collect reads the form into a meeting, showing every problem it finds next to its input.
func (p *meetingPage) collect() (storage.Meeting, bool) {
	p.fs.clearErrors()
	ok := true
	m := p.m
	m.Title = strings.TrimSpace(p.titleE.Text)
	if m.Title == "" {
		p.fs.setError("title", "Give the meeting a title")
		ok = false
	}
	m.TrackID = p.trackIDs[p.track.Selected]
	m.PreviousRoundID = p.previousIDs[p.previous.Selected]
	m.Format = storage.Format(p.format.Selected)
	when, err := p.parseWhen()
	if err != nil {
		p.fs.setError(whenErrorField(err))
		ok = false
	}
	m.When = when
	if m.Round, err = optionalInt(p.round.Text); err != nil {
		p.fs.setError("round", "The round is a number such as 2")
		ok = false
	}
	if m.DurationMinutes, err = optionalInt(p.duration.Text); err != nil || m.DurationMinutes < 0 {
		p.fs.setError("duration_minutes", "The duration is a number of minutes such as 90")
		ok = false
	}
	m.Venue = strings.TrimSpace(p.venue.Text)
	m.City = strings.TrimSpace(p.city.Text)
	m.Country = strings.TrimSpace(p.country.Text)
	m.Interpreters = strings.TrimSpace(p.interpreters.Text)
	m.Press = strings.TrimSpace(p.press.Text)
	m.Logistics = strings.TrimSpace(p.logistics.Text)
	m.Purpose = strings.TrimSpace(p.purpose.Text)
	m.Objectives = nonEmpty(p.objectives.Items())
	m.Background = strings.TrimSpace(p.background.Text)
	m.Outcome = strings.TrimSpace(p.outcome.Text)
	m.NextSteps = strings.TrimSpace(p.nextSteps.Text)
	m.Tags = commaList(p.tags.Text)
	m.Brief.Reference = strings.TrimSpace(p.reference.Text)
	m.Brief.Drafter = strings.TrimSpace(p.drafter.Text)
	m.Brief.ClearedBy = strings.TrimSpace(p.clearedBy.Text)
	m.Brief.Distribution = nonEmpty(strings.Split(p.distribution.Text, "\n"))
	for _, d := range []struct {
		field string
		in    *widget.Entry
		out   *storage.PartialDate
	}{{"brief.drafted", p.drafted, &m.Brief.Drafted}, {"brief.cleared", p.cleared, &m.Brief.Cleared}} {
		v, err := parsePartialDate(d.in.Text)
		if err != nil {
			p.fs.setError(d.field, err.Error())
			ok = false
		}
		*d.out = v
	}
	m.Participants = append([]storage.Participant(nil), p.participants...)
	m.DisputeIDs = nil
	for _, l := range p.disputes.Selected {
		m.DisputeIDs = append(m.DisputeIDs, p.disputeID[l])
	}
	if p.isNew() {
		for _, s := range storage.Statuses {
			if s.Label() == p.status.Selected {
				m.Status = s
			}
		}
	}
	if !p.collectNegotiation(&m) {
		ok = false
	}
	if !ok {
		p.u.setStatus("Not saved — correct the fields marked in red")
	}
	return m, ok
}

func optionalInt(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// save validates the form and stores the meeting; then runs once it is stored.
func (p *meetingPage) save(then func()) {
	m, ok := p.collect()
	if !ok {
		return
	}
	st := p.u.store
	saveRecord(&p.recordPage, m, "“"+m.Title+"”", st.CreateMeeting, st.UpdateMeeting, func(ctx context.Context, m *storage.Meeting) (meetingData, error) {
		saved, err := st.Meeting(ctx, m.ID)
		if err != nil {
			return meetingData{}, err
		}
		titles, err := historySources(ctx, st, saved)
		return meetingData{m: saved, sourceTitles: titles}, err
	}, func(d meetingData) {
		saved := d.m
		p.m, p.sourceTitles = saved, d.sourceTitles
		if p.markSaved() {
			p.ed.fill(func() { p.fill(saved) }) // the date as stored: "22 Jun 2016 10:00 Tokyo" → 2016-06-22, 10:00, Asia/Tokyo
		}
		p.refreshHeader()
		p.refreshStatus()
		p.refreshRounds()
		p.u.setStatus("Saved “" + saved.Title + "”")
		then()
	})
}

// onDelete asks, then deletes the meeting and goes back.
func (p *meetingPage) onDelete() {
	if p.isNew() {
		return
	}
	title := p.m.Title
	p.deleteRecord("the meeting “"+title+"”",
		"Its participants and dispute links go with it; the actors, disputes and statements stay in the dossier.",
		"“"+title+"”", "delete the meeting")
}

// pickDay opens a month calendar and puts the chosen day into the When input.
func (p *meetingPage) pickDay() {
	start := p.u.now()
	if f, err := parseDate(p.when.Text); err == nil && !f.IsZero() {
		start = f.Lower()
	}
	var pop *widget.PopUp
	cal := widget.NewCalendar(start, func(t time.Time) {
		p.when.SetText(t.Format("2006-01-02"))
		pop.Hide()
	})
	pop = widget.NewPopUp(cal, p.u.win.Canvas())
	pop.ShowAtRelativePosition(fyne.NewPos(0, p.when.Size().Height), p.when)
}

// bothZones shows an exact meeting time in the venue's zone and in the user's home zone:
// "Wed 22 Jun 2016, 10:00 JST in Asia/Tokyo · 02:00 BST your time (Europe/London)".
func bothZones(f storage.FuzzyDate, home *time.Location, homeName string) string {
	if !f.IsExact() {
		return ""
	}
	venue := f.At.In(f.Location())
	s := venue.Format("Mon 2 Jan 2006, 15:04 MST") + " in " + f.Zone
	mine := f.At.In(home)
	if mine.Format("15:04 MST") == venue.Format("15:04 MST") && mine.Day() == venue.Day() {
		return s + " — the same as your time (" + homeName + ")"
	}
	layout := "15:04 MST"
	if mine.YearDay() != venue.YearDay() || mine.Year() != venue.Year() {
		layout = "Mon 2 Jan, 15:04 MST"
	}
	return s + " · " + mine.Format(layout) + " your time (" + homeName + ")"
}

// blankMeeting is a new meeting as its form starts: proposed, nothing else known.
func blankMeeting() storage.Meeting {
	return storage.Meeting{Status: storage.StatusProposed}
}
