package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// openMeeting opens the meeting with id on its page.
func openMeeting(t *testing.T, u *ui, id string) *meetingPage {
	t.Helper()
	p := newMeetingPage(u, id)
	u.push(p)
	require.True(t, p.loaded, "the meeting is on the page")
	return p
}

// lastOf are the last n objects of type T under o, in layout order: the inputs of a row just
// added to an editor.
func lastOf[T fyne.CanvasObject](t *testing.T, o fyne.CanvasObject, n int) []T {
	t.Helper()
	all := find[T](o)
	require.GreaterOrEqual(t, len(all), n)
	return all[len(all)-n:]
}

// addRow taps the editor's Add button labelled text and returns the entries and drop-downs of
// the row it made: want entries and selects of them.
func addRow(t *testing.T, editor fyne.CanvasObject, text string, entries, selects int) ([]*widget.Entry, []*widget.Select) {
	t.Helper()
	tapButton(t, editor, text)
	var sels []*widget.Select
	if selects > 0 {
		sels = lastOf[*widget.Select](t, editor, selects)
	}
	es := textInputs(editor)
	require.GreaterOrEqual(t, len(es), entries)
	return es[len(es)-entries:], sels
}

// textInputs are the entries under o in layout order, those of text areas included.
func textInputs(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	for _, x := range test.LaidOutObjects(o) {
		switch v := x.(type) {
		case *widget.Entry:
			out = append(out, v)
		case *widgets.TextArea:
			out = append(out, &v.Entry)
		}
	}
	return out
}

// Everything the negotiation adds is typed into the page, saved, and read back from the
// store as typed; a page opened afresh shows it again, and saving that page unchanged changes
// nothing.
func TestNegotiationSectionsSaveAndReload(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	before, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	p := openMeeting(t, u, sample.TokyoRoundID)
	morgulov, harada := p.actorLabels[sample.MorgulovID], p.actorLabels[sample.HaradaID]
	require.NotEmpty(t, morgulov)

	want := before
	es, _ := addRow(t, p.theirSide, "Add an ask", 2, 0)
	test.Type(es[0], "Joint economic activity under a special regime")
	test.Type(es[1], "Only under a regime that prejudices neither side's position")
	want.TheirSide = append(want.TheirSide, storage.Ask{Text: "Joint economic activity under a special regime",
		Response: "Only under a regime that prejudices neither side's position"})
	assert.True(t, p.dirty(), "typing marks the page edited")

	es, sels := addRow(t, p.points, "Add a point to make", 1, 1)
	test.Type(es[0], "We welcome the new approach agreed in Sochi")
	sels[0].SetSelected(morgulov)
	es, _ = addRow(t, p.points, "Add a point to make", 1, 1)
	test.Type(es[0], "Both leaders want progress before Vladivostok")
	want.LinesToTake = append(want.LinesToTake,
		storage.Line{Text: "We welcome the new approach agreed in Sochi", ToID: sample.MorgulovID},
		storage.Line{Text: "Both leaders want progress before Vladivostok"})

	es, _ = addRow(t, p.ifPressed, "Add an if-pressed line", 1, 0)
	test.Type(es[0], "The 1956 Declaration is a starting point, not the end point")
	want.IfPressed = append(want.IfPressed, "The 1956 Declaration is a starting point, not the end point")
	es, _ = addRow(t, p.avoid, "Add a line to avoid", 1, 0)
	test.Type(es[0], "Any date for the return of islands")
	want.LinesToAvoid = append(want.LinesToAvoid, "Any date for the return of islands")

	p.proactive.SetText("")
	test.Type(p.proactive, "A constructive round")
	p.reactive.SetText("")
	test.Type(p.reactive, "We do not comment on the details")
	p.pressAccess.SetSelected(pressAccessLabels[storage.PressPool])
	want.PressLine = storage.PressLine{Proactive: "A constructive round", Reactive: "We do not comment on the details"}
	want.PressAccess = storage.PressPool

	es, sels = addRow(t, p.agenda, "Add an agenda item", 3, 1)
	test.Type(es[0], "10:30")
	test.Type(es[1], "Opening statements")
	test.Type(es[2], "20")
	sels[0].SetSelected(harada)
	es, _ = addRow(t, p.agenda, "Add an agenda item", 3, 1)
	test.Type(es[0], "+30")
	test.Type(es[1], "Economic cooperation")
	want.Agenda = append(want.Agenda,
		storage.AgendaItem{At: "10:30", Item: "Opening statements", LeadID: sample.HaradaID, Minutes: 20},
		storage.AgendaItem{At: "+30", Item: "Economic cooperation"})
	es, sels = addRow(t, p.choreography, "Add a choreography note", 1, 1)
	sels[0].SetSelected("photo")
	test.Type(es[0], "Handshake at the entrance")
	want.Choreography = append(want.Choreography, storage.ChoreographyNote{Kind: "photo", Text: "Handshake at the entrance"})

	es, _ = addRow(t, p.interpreterTeam, "Add an interpreter", 2, 0)
	test.Type(es[0], "Ministry interpreter")
	test.Type(es[1], "Japanese–Russian")
	want.InterpreterTeam = append(want.InterpreterTeam, storage.Interpreter{Who: "Ministry interpreter", Languages: "Japanese–Russian"})
	p.recordTaker.SetText("")
	test.Type(p.recordTaker, "Second Secretary, Russia desk")
	want.RecordTaker = "Second Secretary, Russia desk"

	es, _ = addRow(t, p.parameters, "Add an issue", 11, 0)
	test.Type(es[0], "Joint economic activity")
	test.Type(es[6], "No activity under Russian law alone") // the reservation point
	test.Type(es[10], "Visa-free visits, for a special regime")
	want.Parameters = append(want.Parameters, storage.Parameter{Issue: "Joint economic activity",
		Reservation: "No activity under Russian law alone", Concessions: "Visa-free visits, for a special regime"})
	assert.Contains(t, p.paramsNote.Text, "Restricted by default: printed as an annex at OFFICIAL-SENSITIVE")
	p.paramsLevel.SetSelected("SECRET")
	want.ParametersLevel = "SECRET"
	assert.Equal(t, "Printed as an annex at SECRET.", p.paramsNote.Text)

	p.recDate.SetText("")
	test.Type(p.recDate, "22 Jun 2016")
	p.recPlace.SetText("")
	test.Type(p.recPlace, "Iikura Guest House, Tokyo")
	tapButton(t, p.view(), "Tick the planned participants")
	p.presentOther.SetSelected(p.actorLabels[sample.KishidaID])
	p.recSubject.SetText("")
	test.Type(p.recSubject, "Round 2")
	p.recSubstance.SetText("")
	test.Type(p.recSubstance, "First paragraph.\nSecond paragraph.")
	p.atmosphere.SetSelected("positive")
	p.atmosphereWhy.SetText("")
	test.Type(p.atmosphereWhy, "Warm")
	want.Record = storage.Record{Date: storage.PartialDate{Year: 2016, Month: time.June, Day: 22},
		Place: "Iikura Guest House, Tokyo", Subject: "Round 2", Substance: "First paragraph.\nSecond paragraph.",
		Atmosphere: storage.AtmospherePositive, AtmosphereWhy: "Warm"}
	for _, part := range before.Participants {
		want.Record.PresentIDs = append(want.Record.PresentIDs, part.ActorID)
	}
	want.Record.PresentIDs = append(want.Record.PresentIDs, sample.KishidaID)

	es, sels = addRow(t, p.commitments, "Add a commitment", 3, 3)
	sels[0].SetSelected(morgulov)
	test.Type(es[0], "Send the list of projects")
	test.Type(es[2], "by Aug 2016")
	sels[1].SetSelected("done")
	sels[2].SetSelected(atThisMeeting)
	es, _ = addRow(t, p.commitments, "Add a commitment", 3, 3)
	test.Type(es[1], "Japan")
	test.Type(es[0], "Propose a date for round 3")
	test.Type(es[2], "by end of 2016")
	want.Commitments = append(want.Commitments,
		storage.Commitment{ActorID: sample.MorgulovID, What: "Send the list of projects",
			Due: storage.By(storage.PartialDate{Year: 2016, Month: time.August}), Status: storage.CommitmentDone,
			ClosedByID: sample.TokyoRoundID},
		storage.Commitment{Side: "Japan", What: "Propose a date for round 3",
			Due: storage.By(storage.PartialDate{Year: 2016}), Status: storage.CommitmentOpen})

	p.save(func() {})
	require.False(t, p.dirty(), "saved: %s", u.status.Text)
	got, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assertNegotiation(t, want, got)

	again := openMeeting(t, u, sample.TokyoRoundID)
	m, ok := again.collect()
	require.True(t, ok)
	assertNegotiation(t, got, m)
	assert.Equal(t, morgulov, again.points.Rows()[len(got.LinesToTake)-2][pointTo])
}

// assertNegotiation checks that got holds want's negotiation parts.
func assertNegotiation(t *testing.T, want, got storage.Meeting) {
	t.Helper()
	assert.Equal(t, want.TheirSide, got.TheirSide, "their side")
	assert.Equal(t, want.LinesToTake, got.LinesToTake, "points to make")
	assert.Equal(t, want.IfPressed, got.IfPressed, "if pressed")
	assert.Equal(t, want.LinesToAvoid, got.LinesToAvoid, "lines to avoid")
	assert.Equal(t, want.PressLine, got.PressLine, "press line")
	assert.Equal(t, want.PressAccess, got.PressAccess, "press access")
	assert.Equal(t, want.Agenda, got.Agenda, "agenda")
	assert.Equal(t, want.Choreography, got.Choreography, "choreography")
	assert.Equal(t, want.InterpreterTeam, got.InterpreterTeam, "interpreters")
	assert.Equal(t, want.RecordTaker, got.RecordTaker, "record-taker")
	assert.Equal(t, want.Parameters, got.Parameters, "parameters")
	assert.Equal(t, want.ParametersLevel, got.ParametersLevel, "annex level")
	assert.Equal(t, want.Record, got.Record, "record")
	require.Len(t, got.Commitments, len(want.Commitments), "commitments")
	for i := range want.Commitments {
		w, g := want.Commitments[i], got.Commitments[i]
		assert.Equal(t, w.Due.Text(), g.Due.Text(), "commitment %d due", i)
		w.Due, g.Due = storage.FuzzyDate{}, storage.FuzzyDate{}
		assert.Equal(t, w, g, "commitment %d", i)
	}
}

// Every meeting of the sample reads back from its page as stored: opening a page and saving
// it loses nothing of the negotiation.
func TestNegotiationPageLosesNothing(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	u, st := newTestUI(t, afterSample)
	ms, err := st.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	for _, s := range ms {
		stored, err := st.Meeting(context.Background(), s.ID)
		require.NoError(t, err)
		p := openMeeting(t, u, s.ID)
		m, ok := p.collect()
		require.True(t, ok, s.Title)
		assertNegotiation(t, stored, m)
		assert.False(t, p.dirty(), "opening %q edits nothing", s.Title)
	}
}

// A start the agenda cannot read is shown under its row, and nothing is saved.
func TestNegotiationBadAgendaStart(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	before, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	p := openMeeting(t, u, sample.TokyoRoundID)
	es, _ := addRow(t, p.agenda, "Add an agenda item", 3, 1)
	test.Type(es[0], "ten")
	test.Type(es[1], "Opening statements")
	p.save(func() {})
	row := len(p.agenda.Rows()) - 1
	assert.Contains(t, p.agenda.RowMessage(row), `"ten" is not a start`)
	assert.Contains(t, u.status.Text, "Not saved")
	assert.True(t, p.dirty(), "the page keeps what was typed")
	after, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Equal(t, before.Agenda, after.Agenda, "nothing was saved")
	assert.Equal(t, before.Updated, after.Updated, "nothing was saved")

	es[0].SetText("10:00")
	p.save(func() {})
	assert.Empty(t, p.agenda.RowMessage(row), "corrected, it saves")
	assert.False(t, p.dirty())
}

// An open commitment past its date is noted overdue under its row, as stored and as typed; a
// done one is not.
func TestNegotiationOverdueCommitments(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	u, st := newTestUI(t, time.Date(2016, time.June, 1, 9, 0, 0, 0, time.UTC))
	m, err := st.Meeting(context.Background(), sample.MoscowRoundID)
	require.NoError(t, err)
	p := openMeeting(t, u, sample.MoscowRoundID)
	require.Len(t, p.commitments.Rows(), len(m.Commitments))
	for i, c := range m.Commitments {
		if c.StatusOn(u.now()) == storage.CommitmentOverdue {
			assert.Contains(t, p.commitments.RowMessage(i), "Overdue", c.What)
		} else {
			assert.Empty(t, p.commitments.RowMessage(i), c.What)
		}
	}
	es, sels := addRow(t, p.commitments, "Add a commitment", 3, 3)
	test.Type(es[1], "Russia")
	test.Type(es[0], "Reply on the visit")
	test.Type(es[2], "by April 2016")
	row := len(p.commitments.Rows()) - 1
	assert.Empty(t, p.commitments.RowMessage(row), "no status yet")
	sels[1].SetSelected("open")
	assert.Contains(t, p.commitments.RowMessage(row), "Overdue")
	sels[1].SetSelected("done")
	assert.Empty(t, p.commitments.RowMessage(row))
}

// The participant a point is addressed to stays with the point when it moves and after Save.
func TestNegotiationAddresseeSurvivesSaveAndMove(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	before, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(before.LinesToTake), 2, "the sample's Tokyo round has lines to take")
	p := openMeeting(t, u, sample.TokyoRoundID)
	morgulov := p.actorLabels[sample.MorgulovID]
	sels := find[*widget.Select](p.points)
	sels[0].SetSelected(morgulov)
	// Row 0's buttons are the first three of the editor: up, down, remove.
	buttons := find[*widget.Button](p.points)
	test.Tap(buttons[1])
	assert.Equal(t, morgulov, p.points.Rows()[1][pointTo], "moved with its point")
	p.save(func() {})
	after, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Equal(t, storage.Line{Text: before.LinesToTake[0].Text, ToID: sample.MorgulovID}, after.LinesToTake[1])
	assert.Equal(t, before.LinesToTake[1].Text, after.LinesToTake[0].Text)

	again := openMeeting(t, u, sample.TokyoRoundID)
	assert.Equal(t, morgulov, again.points.Rows()[1][pointTo])
	assert.Equal(t, toAnyone, again.points.Rows()[0][pointTo])
}

// The points are addressed to the participants as they stand: one added is offered at once,
// and one removed keeps the points already addressed to them.
func TestNegotiationAddresseesFollowTheParticipants(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	p := openMeeting(t, u, sample.TokyoRoundID)
	kishida, morgulov := p.actorLabels[sample.KishidaID], p.actorLabels[sample.MorgulovID]
	sel := find[*widget.Select](p.points)[0]
	assert.NotContains(t, sel.Options, kishida, "not a participant")
	assert.Contains(t, sel.Options, morgulov)
	assert.Equal(t, toAnyone, sel.Options[0])

	p.participants = append(p.participants, storage.Participant{ActorID: sample.KishidaID, Role: storage.RoleObserver})
	p.refreshParticipants()
	sel = find[*widget.Select](p.points)[0]
	assert.Contains(t, sel.Options, kishida, "a participant just added")
	sel.SetSelected(kishida)
	assert.True(t, p.dirty())

	p.participants = p.participants[:len(p.participants)-1]
	p.refreshParticipants()
	assert.Equal(t, kishida, p.points.Rows()[0][pointTo], "the point keeps its addressee")
	m, ok := p.collect()
	require.True(t, ok)
	assert.Equal(t, sample.KishidaID, m.LinesToTake[0].ToID)
	lead := find[*widget.Select](p.agenda)
	require.NotEmpty(t, lead, "the sample's Tokyo round has an agenda")
	assert.Equal(t, noLead, lead[0].Options[0])
	planned, _ := p.plannedLabels()
	assert.Equal(t, planned, lead[0].Options[1:1+len(planned)], "participants first")
	assert.Contains(t, lead[0].Options, kishida, "then every other actor")
}

// A new meeting takes the negotiation before its first save: a commitment of round 1 closed at
// it is offered once its track is chosen, and "at this meeting" only once it is stored.
func TestNegotiationOnANewMeeting(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	u, st := newTestUI(t, afterSample)
	u.newMeeting()
	p, ok := u.top().(*meetingPage)
	require.True(t, ok)
	test.Type(p.titleE, "Round 3 Moscow")
	p.track.SetSelected("Japan–Russia peace treaty talks")
	es, _ := addRow(t, p.agenda, "Add an agenda item", 3, 1)
	test.Type(es[0], "+15")
	test.Type(es[1], "Review of the commitments")
	es, sels := addRow(t, p.commitments, "Add a commitment", 3, 3)
	test.Type(es[0], "Reply on joint economic activity")
	test.Type(es[1], "Japan")
	assert.NotContains(t, sels[2].Options, atThisMeeting, "not before it is stored")
	var moscow string
	for _, o := range sels[2].Options {
		if strings.Contains(o, "round 1") {
			moscow = o
		}
	}
	require.NotEmpty(t, moscow, "the rounds of the track are offered: %v", sels[2].Options)
	sels[2].SetSelected(moscow)
	test.Tap(p.saveBtn)
	require.NotEmpty(t, p.m.ID, "saved: %s", u.status.Text)

	stored, err := st.Meeting(context.Background(), p.m.ID)
	require.NoError(t, err)
	assert.Equal(t, []storage.AgendaItem{{At: "+15", Item: "Review of the commitments"}}, stored.Agenda)
	require.Len(t, stored.Commitments, 1)
	c := stored.Commitments[0]
	assert.Equal(t, storage.Commitment{Side: "Japan", What: "Reply on joint economic activity",
		Status: storage.CommitmentOpen, ClosedByID: sample.MoscowRoundID}, c)
	assert.Contains(t, find[*widget.Select](p.commitments)[2].Options, atThisMeeting, "once stored")
}

// Tab reaches every input the negotiation adds, in the order of the page.
func TestNegotiationTabOrder(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	p := openMeeting(t, u, sample.MoscowRoundID)
	c := u.win.Canvas()

	c.Focus(p.proactive)
	test.FocusNext(c)
	assert.Equal(t, p.reactive, c.Focused())
	test.FocusNext(c)
	assert.Equal(t, p.pressAccess, c.Focused())

	want := map[fyne.Focusable]string{
		p.proactive: "proactive", p.reactive: "reactive", p.pressAccess: "press access",
		p.recordTaker: "record-taker", p.paramsLevel: "annex level", p.recDate: "record date",
		p.recPlace: "place", p.recSubject: "subject", p.recSubstance: "substance",
		p.atmosphere: "atmosphere", p.atmosphereWhy: "why", p.presentOther: "someone else present",
		p.presentPlanned: "tick the planned",
	}
	for name, editor := range map[string]fyne.CanvasObject{
		"their side": p.theirSide, "points": p.points, "if pressed": p.ifPressed, "avoid": p.avoid,
		"agenda": p.agenda, "choreography": p.choreography, "interpreters": p.interpreterTeam,
		"parameters": p.parameters, "commitments": p.commitments,
	} {
		tapButton(t, editor, addTextOf(t, editor))
		for _, o := range test.LaidOutObjects(editor) {
			switch f := o.(type) {
			case *widget.Entry, *widgets.TextArea, *widget.Select:
				want[f.(fyne.Focusable)] = name
			}
		}
	}
	c.Focus(p.titleE)
	seen := map[fyne.Focusable]bool{}
	for range 3000 {
		test.FocusNext(c)
		f := c.Focused()
		if f == nil || seen[f] {
			break
		}
		seen[f] = true
		if tf, ok := f.(fyne.Tabbable); ok {
			assert.False(t, tf.AcceptsTab(), "Tab leaves the %T it entered", f)
		}
	}
	assert.Greater(t, len(seen), len(want))
	for f, name := range want {
		assert.True(t, seen[f], "Tab reaches %s (%T)", name, f)
	}
}

// addTextOf is the label of the editor's Add button, its last button.
func addTextOf(t *testing.T, editor fyne.CanvasObject) string {
	t.Helper()
	bs := find[*widget.Button](editor)
	require.NotEmpty(t, bs)
	return bs[len(bs)-1].Text
}

// A dossier of more actors than the drop-downs offer whole offers in them the actors the
// meeting names and "Another actor…", which looks one up as the user types.
func TestNegotiationOffersAnotherActorInABigDossier(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	for i := range offeredActors {
		require.NoError(t, st.CreateActor(ctx, &storage.Actor{Kind: storage.ActorPerson, Name: fmt.Sprintf("Zed Clerk %03d", i)}))
	}
	p := openMeeting(t, u, sample.TokyoRoundID)
	require.True(t, p.moreActors)
	kishida := "Fumio Kishida · Japan"
	lead := find[*widget.Select](p.agenda)
	require.NotEmpty(t, lead, "the sample's Tokyo round has an agenda")
	planned, _ := p.plannedLabels()
	assert.Equal(t, append(append([]string{noLead}, planned...), anotherActor), lead[0].Options, "the participants, then the others looked up")
	assert.NotContains(t, p.presentOther.Options, kishida)
	assert.Contains(t, p.presentOther.Options, anotherActor)

	lead[0].SetSelected(anotherActor)
	pick := find[*widget.SelectEntry](overlay(t, u))
	require.Len(t, pick, 1)
	pick[0].SetText("Fumio Kishida — Minister for Foreign Affairs")
	tapButton(t, overlay(t, u), "Choose")
	assert.Equal(t, kishida, p.agenda.Rows()[0][agendaLead])
	assert.True(t, p.dirty())
	assert.Contains(t, find[*widget.Select](p.agenda)[0].Options, kishida, "offered from now on")

	p.presentOther.SetSelected(anotherActor)
	pick = find[*widget.SelectEntry](overlay(t, u))
	pick[0].SetText("Zed Clerk 007")
	tapButton(t, overlay(t, u), "Choose")
	assert.Contains(t, p.present.Selected, "Zed Clerk 007", "ticked present")

	lead[0] = find[*widget.Select](p.agenda)[0]
	lead[0].SetSelected(anotherActor)
	tapButton(t, overlay(t, u), "Cancel")
	assert.Equal(t, noLead, p.agenda.Rows()[0][agendaLead], "cancelled: no lead")

	m, ok := p.collect()
	require.True(t, ok)
	assert.Contains(t, m.Record.PresentIDs, func() string {
		for id, l := range p.actorLabels {
			if l == "Zed Clerk 007" {
				return id
			}
		}
		return ""
	}())
}
