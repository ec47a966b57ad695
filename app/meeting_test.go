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

// saveVladivostokWhen opens the Vladivostok meeting, types when, clock and zone into its When,
// Time and Time zone, and saves.
func saveVladivostokWhen(u *ui, when, clock, zone string) *meetingPage {
	p := newMeetingPage(u, sample.VladivostokID)
	u.push(p)
	p.when.SetText(when)
	p.timeOfDay.SetText(clock)
	p.zone.SetText(zone)
	p.save(func() {})
	return p
}

// The meeting's When, Time and Time zone take dates and zones as people write them, and
// show what was stored after Save, so that the three never contradict each other.
func TestMeetingDatesAsPeopleWriteThem(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_TIME", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	for _, tc := range []struct {
		name                 string
		when, clock, zone    string
		stored               string // Text() of the stored date
		shownWhen, shownTime string
		shownZone            string
	}{
		{"a month in words", "October 2016", "", "", "2016-10", "2016-10", "", ""},
		{"a deadline as printed", "by end of 2016", "", "", "by 2016", "by 2016", "", ""},
		{"a quarter", "Q3 2016", "", "", "2016-07..2016-09", "2016-07..2016-09", "", ""},
		{"a day in words with a time and a city", "22 Jun 2016", "10:00", "Tokyo", "2016-06-22 10:00 Asia/Tokyo",
			"2016-06-22", "10:00", "Asia/Tokyo"},
		{"all of it in When", "2016-10-05 10:00 Europe/Moscow", "", "", "2016-10-05 10:00 Europe/Moscow",
			"2016-10-05", "10:00", "Europe/Moscow"},
		{"a country's only zone", "5 Oct 2016", "10:00", "Japan", "2016-10-05 10:00 Asia/Tokyo", "2016-10-05", "10:00", "Asia/Tokyo"},
		{"approximate", "around 2016", "", "", "c. 2016", "c. 2016", "", ""},
		{"approximate month", "about June 2016", "", "", "c. 2016-06", "c. 2016-06", "", ""},
		{"a month and the venue's zone", "Oct 2016", "", "Moscow", "2016-10", "2016-10", "", "Europe/Moscow"},
		{"a range and the venue's zone", "Q3 2016", "", "Europe/Moscow", "2016-07..2016-09", "2016-07..2016-09", "", "Europe/Moscow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t, afterSample)
			p := saveVladivostokWhen(u, tc.when, tc.clock, tc.zone)
			require.Empty(t, p.fs.errorOf("when"))
			require.Empty(t, p.fs.errorOf("time"))
			require.Empty(t, p.fs.errorOf("zone"))
			m, err := st.Meeting(context.Background(), sample.VladivostokID)
			require.NoError(t, err)
			assert.Equal(t, tc.stored, m.When.Text())
			assert.Equal(t, tc.shownWhen, p.when.Text)
			assert.Equal(t, tc.shownTime, p.timeOfDay.Text)
			assert.Equal(t, tc.shownZone, p.zone.Text)
			assert.False(t, p.dirty())
		})
	}
}

// A date, time or zone that does not read is marked next to its input, on a new meeting and
// on a stored one, and nothing reaches the store.
func TestMeetingDatesRefused(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_TIME", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	for _, tc := range []struct {
		name              string
		draft             bool // typed into a new meeting; else into the stored Vladivostok meeting
		when, clock, zone string
		field, msg        string
	}{
		{"a date that does not exist", true, "2016-13-45", "", "", "when", "does not exist"},
		{"an unknown time zone", true, "2016-06-22", "10:00", "Mars/Olympus", "zone", "not a known time zone"},
		{"a time without a zone", true, "2016-06-22", "10:00", "", "zone", "time zone"},
		{"a time on a month", true, "2016-06", "10:00", "Asia/Tokyo", "when", "full date"},
		{"not a time", true, "2016-06-22", "25:99", "Asia/Tokyo", "time", "not a time"},
		{"numeric and ambiguous", false, "03/04/2016", "", "", "when", "may be Sun 3 Apr 2016 or Fri 4 Mar 2016"},
		{"the wrong weekday", false, "Thu 22 Jun 2016", "", "", "when", "was a Wednesday"},
		{"a zone shared by three countries", false, "22 Jun 2016", "10:00", "IST", "zone", "India, Ireland or Israel"},
		{"a time twice", false, "22 Jun 2016 10:00 Tokyo", "10:00", "Tokyo", "time", "already has a time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			u, st := newTestUI(t, afterSample)
			before, err := st.Meeting(ctx, sample.VladivostokID)
			require.NoError(t, err)
			var p *meetingPage
			if tc.draft {
				u.newMeeting()
				p = u.top().(*meetingPage)
				test.Type(p.titleE, "Invalid meeting")
				test.Type(p.when, tc.when)
				test.Type(p.timeOfDay, tc.clock)
				test.Type(p.zone, tc.zone)
				test.Tap(p.saveBtn)
			} else {
				p = saveVladivostokWhen(u, tc.when, tc.clock, tc.zone)
			}
			assert.Contains(t, p.fs.errorOf(tc.field), tc.msg)
			assert.True(t, p.fs.rows[tc.field].msg.Visible())
			assert.True(t, p.dirty(), "still unsaved")
			ms, err := st.Meetings(ctx, storage.MeetingFilter{Text: "Invalid meeting"})
			require.NoError(t, err)
			assert.Empty(t, ms, "nothing invalid reaches the store")
			after, err := st.Meeting(ctx, sample.VladivostokID)
			require.NoError(t, err)
			assert.Equal(t, before.When, after.When, "nothing was saved")
		})
	}
}

func TestNumericOrderFollowsTheLocale(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want storage.NumericOrder
	}{{"en_GB.UTF-8", storage.DayFirst}, {"en_US.UTF-8", storage.MonthFirst}, {"de_DE", storage.DayFirst}, {"", storage.DayFirst}} {
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_TIME", "")
		t.Setenv("LANG", tc.lang)
		assert.Equal(t, tc.want, numericOrder(), tc.lang)
	}
}

// The time-zone picker offers zones by city and country as the user types.
func TestZonePickerTypeAhead(t *testing.T) {
	assert.Contains(t, zoneOptions("moscow"), "Europe/Moscow")
	assert.Equal(t, []string{"Asia/Tokyo"}, zoneOptions("Japan"), "a country with one zone")
	assert.Empty(t, zoneOptions("Atlantis"))
	assert.LessOrEqual(t, len(zoneOptions("a")), 12, "at most a screenful")
	assert.Empty(t, zoneOptions(" "))

	u, _ := newTestUI(t, afterSample)
	p := newMeetingPage(u, sample.VladivostokID)
	u.push(p)
	test.Type(p.zone, "Japan")
	assert.Empty(t, p.fs.errorOf("zone"), "a country with one zone is a zone")
	p.zone.SetText("")
	test.Type(p.zone, "Atlantis")
	assert.Contains(t, p.fs.errorOf("zone"), "not a known time zone")
}

// A corrected date's error goes as the user corrects it, without another Save.
func TestCorrectedDateErrorGoes(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	p := newMeetingPage(u, sample.VladivostokID)
	u.push(p)
	p.when.SetText("31 June 2016")
	p.save(func() {})
	require.Contains(t, p.fs.errorOf("when"), "does not exist")
	p.when.SetText("30 June 2016")
	assert.Empty(t, p.fs.errorOf("when"), "the error went with the mistake")
}

// A status message that says what happened fades; the latest one only.
func TestStatusMessagesFade(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	var due []func()
	u.later = func(_ time.Duration, f func()) { due = append(due, f) }
	u.statusLife = time.Second
	u.setStatus("Saved “Tokyo round”")
	require.Len(t, due, 1)
	due[0]()
	assert.Empty(t, u.status.Text, "it faded")

	u.setStatus("Exported to dossier.json")
	u.setStatus("Opened w1.db")
	for _, f := range due[1:] {
		f()
	}
	assert.Empty(t, u.status.Text, "the latest faded in its own time")
	due = nil
	u.setStatus("Exported to dossier.json")
	u.setStatus("Opened w1.db")
	due[0]()
	assert.Equal(t, "Opened w1.db", u.status.Text, "an older message's time does not clear a newer one")
	u.busyStart("Writing the briefing pack…")
	due[1]()
	assert.Equal(t, "Writing the briefing pack…", u.status.Text, "nor work still running")
	u.busyStop()
}

// The add-participant list narrows on every name an actor goes by, in any script, reading
// the actors that match from the store as the user types.
func TestActorPickerNarrows(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	k := newActorPicker(u)
	morgulov, harada := "Igor Morgulov — Deputy Minister of Foreign Affairs",
		"Chikahito Harada — Government Representative and Ambassador in charge of Japan–Russia Relations"
	assert.Len(t, k.offered, 6, "every actor of the sample before anything is typed")
	for _, tc := range []struct {
		typed string
		want  []string
	}{
		{"Морг", []string{morgulov}},
		{"原田", []string{harada}},
		{"harada ambassador", []string{harada}},
		{"igor vladimirovich", []string{morgulov}},
		{"lavrov", []string{}},
		{morgulov, []string{morgulov}},
	} {
		k.entry.SetText(tc.typed)
		assert.Equal(t, tc.want, k.offered, tc.typed)
	}
	a, ok := k.chosen()
	require.True(t, ok, "a label offered names its actor")
	assert.Equal(t, sample.MorgulovID, a.ID)
	assert.NoError(t, k.entry.Validate())
	k.entry.SetText("Igor")
	_, ok = k.chosen()
	assert.False(t, ok)
	assert.Error(t, k.entry.Validate(), "what is typed must be chosen from the list")
}

// A picker reads at most pickedActors: a big dossier's are looked up as the user types.
func TestActorPickerLimits(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	for i := range pickedActors + 5 {
		require.NoError(t, st.CreateActor(ctx, &storage.Actor{Kind: storage.ActorPerson, Name: fmt.Sprintf("Zed Clerk %03d", i)}))
	}
	k := newActorPicker(u)
	assert.Len(t, k.offered, pickedActors)
	k.entry.SetText("clerk 01")
	want := []string{"Zed Clerk 001"}
	for i := 10; i < 20; i++ {
		want = append(want, fmt.Sprintf("Zed Clerk %03d", i))
	}
	assert.Equal(t, want, k.offered)
	k.entry.SetText("clerk 054")
	assert.Equal(t, []string{"Zed Clerk 054"}, k.offered)
}

// A meeting in a zone of Parley's own (the rules of a calendar file's zone that no IANA zone
// agrees with) shows the zone by its name and keeps it through a change of time on its page.
func TestMeetingInAZoneOfItsOwn(t *testing.T) {
	t.Setenv("LANG", "en_GB.UTF-8")
	rules := storage.ZoneRules{Initial: storage.ZoneOffset{Offset: -(7*3600 + 41*60), Abbr: "-0741"}}
	name, err := storage.DefineZone("Nowhere/Middle", rules)
	require.NoError(t, err)
	rules, _ = storage.DefinedZone(name)
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	m, err := st.Meeting(ctx, sample.VladivostokID)
	require.NoError(t, err)
	m.When, err = storage.ParseFuzzyDate("2016-09-02 10:00 " + name)
	require.NoError(t, err)
	_, err = st.ImportDossier(ctx, &storage.Dossier{Zones: []storage.ZoneRules{rules}})
	require.NoError(t, err)
	require.NoError(t, st.UpdateMeeting(ctx, &m))

	p := openMeeting(t, u, sample.VladivostokID)
	assert.Equal(t, "2016-09-02", p.when.Text)
	assert.Equal(t, "10:00", p.timeOfDay.Text)
	assert.Equal(t, name, p.zone.Text)
	p.timeOfDay.SetText("15:30")
	p.save(func() {})
	require.Empty(t, p.fs.errorOf("zone"))
	require.Empty(t, p.fs.errorOf("time"))
	got, err := st.Meeting(ctx, sample.VladivostokID)
	require.NoError(t, err)
	assert.Equal(t, "2016-09-02 15:30 "+name, got.When.Text())
	assert.Equal(t, "2016-09-02T23:11:00Z", got.When.At.UTC().Format(time.RFC3339), "15:30 at −07:41")
	assert.Equal(t, name, p.zone.Text)
}

// A meeting known only to a month keeps its venue's zone: When "Oct 2016" with Time zone
// "Moscow" saves (the two messages used to send the user round in a circle: give a time — a
// time needs a full date), the zone is stored with the month, comes back in the form, and is
// the zone of the time given once the day is known.
func TestMonthKeepsTheVenuesZone(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_TIME", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	ctx := context.Background()
	u, st := newTestUI(t, afterSample)
	p := saveVladivostokWhen(u, "Oct 2016", "", "Moscow")
	for _, f := range []string{"when", "time", "zone"} {
		assert.Empty(t, p.fs.errorOf(f), f)
	}
	m, err := st.Meeting(ctx, sample.VladivostokID)
	require.NoError(t, err)
	assert.Equal(t, storage.DateMonth, m.When.Kind)
	assert.Equal(t, "Europe/Moscow", m.When.Zone)
	assert.Equal(t, "Oct 2016", m.When.String(), "the zone is not part of the date shown")

	// Opened again, the zone is in its field.
	p = newMeetingPage(u, sample.VladivostokID)
	u.push(p)
	assert.Equal(t, "2016-10", p.when.Text)
	assert.Equal(t, "Europe/Moscow", p.zone.Text)
	assert.False(t, p.dirty())

	// A time on the month still needs the day, and only that is said.
	p.timeOfDay.SetText("10:00")
	p.save(func() {})
	assert.Contains(t, p.fs.errorOf("when"), "full date")
	assert.Empty(t, p.fs.errorOf("zone"), "the zone is not asked for again")

	// Given the day, the time is on the venue's zone already there.
	p.when.SetText("5 Oct 2016")
	p.save(func() {})
	m, err = st.Meeting(ctx, sample.VladivostokID)
	require.NoError(t, err)
	assert.Equal(t, "2016-10-05 10:00 Europe/Moscow", m.When.Text())

	// A zone without any date is asked about under When, not under Time.
	p.when.SetText("")
	p.timeOfDay.SetText("")
	p.save(func() {})
	assert.Contains(t, p.fs.errorOf("when"), "Give the date as well")
	assert.Empty(t, p.fs.errorOf("time"))
}

// The meeting page shows what changed since the last round, the open commitments of earlier
// rounds, and the pre-flight check beside the export button, as the pack works them out.
func TestMeetingPageShowsTheSeries(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	p := newMeetingPage(u, sample.TokyoRoundID)
	u.push(p)
	got := texts(p.series.box)
	assert.Contains(t, got, "Since Peace treaty consultations, round 1 — Moscow (Oct 2015)")
	assert.Contains(t, got, "Fumio Kishida, ")
	assert.Contains(t, got, "Open commitments of earlier rounds")
	assert.Contains(t, got, "OVERDUE: Japan — [Illustrative] Send Russia Japan's ideas for economic cooperation")
	assert.NotContains(t, got, "Propose dates for the second round", "a done commitment is not open")

	require.True(t, p.series.check.Visible())
	assert.Equal(t, "Pre-flight: 1 important", p.series.check.Text)
	test.Tap(p.series.check)
	assert.Contains(t, texts(overlay(t, u)), "IMPORTANT · Open commitments: Still open, due by end of May 2016")
}

// openMeeting opens the meeting with id on its page.
func openMeeting(t *testing.T, u *ui, id string) *meetingPage {
	t.Helper()
	p := newMeetingPage(u, id)
	u.push(p)
	require.True(t, p.loaded, "the meeting is on the page")
	return p
}

// unfold shows every folded part of the page, as the user does with its Show buttons.
func unfold(p *meetingPage) *meetingPage {
	for _, part := range p.parts {
		if !part.shown() {
			test.Tap(part.toggle)
		}
	}
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
	p := unfold(openMeeting(t, u, sample.TokyoRoundID))
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

	again := unfold(openMeeting(t, u, sample.TokyoRoundID))
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
// it loses nothing of the negotiation, whether its parts were unfolded (filled from the
// meeting) or not (saved as read).
func TestNegotiationPageLosesNothing(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	u, st := newTestUI(t, afterSample)
	ms, err := st.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	for _, folded := range []bool{true, false} {
		for _, s := range ms {
			stored, err := st.Meeting(context.Background(), s.ID)
			require.NoError(t, err)
			p := openMeeting(t, u, s.ID)
			if !folded {
				unfold(p)
			}
			m, ok := p.collect()
			require.True(t, ok, s.Title)
			assertNegotiation(t, stored, m)
			assert.Equal(t, stored.Questions, m.Questions, "questions")
			assert.False(t, p.dirty(), "opening %q edits nothing (folded: %v)", s.Title, folded)
		}
	}
}

// A start the agenda cannot read is shown under its row, and nothing is saved.
func TestNegotiationBadAgendaStart(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	before, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	p := unfold(openMeeting(t, u, sample.TokyoRoundID))
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
	p := unfold(openMeeting(t, u, sample.MoscowRoundID))
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
	p := unfold(openMeeting(t, u, sample.TokyoRoundID))
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

	again := unfold(openMeeting(t, u, sample.TokyoRoundID))
	assert.Equal(t, morgulov, again.points.Rows()[1][pointTo])
	assert.Equal(t, toAnyone, again.points.Rows()[0][pointTo])
}

// The points are addressed to the participants as they stand: one added is offered at once,
// and one removed keeps the points already addressed to them.
func TestNegotiationAddresseesFollowTheParticipants(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	p := unfold(openMeeting(t, u, sample.TokyoRoundID))
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
	unfold(p)
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
	p := unfold(openMeeting(t, u, sample.MoscowRoundID))
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

// The status history names the sources of its changes, read by ID when the meeting opens and
// again when a change is recorded; the status dialog offers every source.
func TestStatusHistoryNamesItsSources(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	src, err := st.Source(ctx, sample.ArticleSourceID)
	require.NoError(t, err)
	p := openMeeting(t, u, sample.MoscowRoundID)
	p.onChangeStatus()
	dlg := overlay(t, u)
	sels := find[*widget.Select](dlg)
	require.Len(t, sels, 2) // new status, source
	assert.Contains(t, sels[1].Options, src.Title, "every source offered")
	p.recordStatus(storage.StatusPostponed, "Postponed at their request", src.ID, storage.PartialDate{})
	assert.Contains(t, texts(p.historyBox), "Source: "+src.Title)

	again := openMeeting(t, u, sample.MoscowRoundID)
	assert.Contains(t, texts(again.historyBox), "Source: "+src.Title)
}

// A dossier of many disputes offers boxes for the meeting's own and the others in a
// drop-down; one chosen there is ticked, and saved with the meeting.
func TestManyDisputesOfferedInADropDown(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	for i := range boxedDisputes {
		require.NoError(t, st.CreateDispute(ctx, &storage.Dispute{Title: fmt.Sprintf("Fishing zone %02d", i)}))
	}
	p := openMeeting(t, u, sample.TokyoRoundID)
	stored, err := st.Dispute(ctx, sample.DisputeID)
	require.NoError(t, err)
	assert.Equal(t, []string{stored.Title}, p.disputes.Options, "a box for the meeting's own dispute")
	assert.Equal(t, []string{stored.Title}, p.disputes.Selected)
	assert.True(t, p.linkDispute.Visible())
	assert.Contains(t, p.linkDispute.Options, "Fishing zone 07")
	assert.False(t, p.dirty())

	p.linkDispute.SetSelected("Fishing zone 07")
	assert.ElementsMatch(t, []string{stored.Title, "Fishing zone 07"}, p.disputes.Selected)
	assert.NotContains(t, p.linkDispute.Options, "Fishing zone 07")
	assert.True(t, p.dirty())
	p.disputes.SetSelected([]string{"Fishing zone 07"}) // untick the first: its box stays
	assert.Contains(t, p.disputes.Options, stored.Title)
	u.saveCurrent()
	m, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	require.Len(t, m.DisputeIDs, 1)
	d, err := st.Dispute(ctx, m.DisputeIDs[0])
	require.NoError(t, err)
	assert.Equal(t, "Fishing zone 07", d.Title)
}

// A dossier of more actors than the drop-downs offer whole offers in them the actors the
// meeting names and "Another actor…", which looks one up as the user types.
func TestNegotiationOffersAnotherActorInABigDossier(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	for i := range offeredActors {
		require.NoError(t, st.CreateActor(ctx, &storage.Actor{Kind: storage.ActorPerson, Name: fmt.Sprintf("Zed Clerk %03d", i)}))
	}
	p := unfold(openMeeting(t, u, sample.TokyoRoundID))
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

// partTitled is the folded part of p titled title.
func partTitled(t *testing.T, p *meetingPage, title string) *meetingPart {
	t.Helper()
	for _, part := range p.parts {
		if part.title == title {
			return part
		}
	}
	t.Fatalf("no part %q", title)
	return nil
}

// A part never unfolded is saved as it was read: editing the rest of the page and saving
// neither blanks nor changes any of its fields, and the parts stay folded.
func TestFoldedPartsSurviveASave(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	// The Tokyo round with the Moscow round's record and commitments: every part holds something.
	moscow, err := st.Meeting(ctx, sample.MoscowRoundID)
	require.NoError(t, err)
	before, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	before.Record, before.Commitments = moscow.Record, moscow.Commitments
	before.ParametersLevel = "SECRET"
	require.NoError(t, st.UpdateMeeting(ctx, &before))
	before, err = st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	for what, n := range map[string]int{"their side": len(before.TheirSide), "points": len(before.LinesToTake),
		"if pressed": len(before.IfPressed), "avoid": len(before.LinesToAvoid), "questions": len(before.Questions),
		"press line": len(before.PressLine.Proactive), "agenda": len(before.Agenda), "choreography": len(before.Choreography),
		"parameters": len(before.Parameters), "present": len(before.Record.PresentIDs), "substance": len(before.Record.Substance),
		"commitments": len(before.Commitments)} {
		require.Positive(t, n, "the meeting has %s", what)
	}

	p := openMeeting(t, u, sample.TokyoRoundID)
	require.NotEmpty(t, p.parts)
	for _, part := range p.parts {
		require.False(t, part.built(), "%s is folded", part.title)
	}
	p.titleE.SetText(before.Title + " (edited)")
	test.Tap(p.saveBtn)
	require.False(t, p.dirty(), "saved: %s", u.status.Text)
	after, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	want := before
	want.Title += " (edited)"
	want.Updated = after.Updated
	assert.Equal(t, want, after, "only the title changed")
	for _, part := range p.parts {
		assert.False(t, part.built(), "%s stays folded", part.title)
	}

	// Saved again with a part unfolded and nothing changed in it, the meeting stays the same.
	test.Tap(partTitled(t, p, "Commitments").toggle)
	p.titleE.SetText(p.titleE.Text + "!")
	test.Tap(p.saveBtn)
	require.False(t, p.dirty(), "saved: %s", u.status.Text)
	again, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	want.Title += "!"
	want.Updated = again.Updated
	assertNegotiation(t, want, again)
	assert.Equal(t, want.Questions, again.Questions)
}

// A folded part says what it holds; Show fills its inputs from the meeting without counting
// as an edit; folded again it says what its inputs hold, edits included, and they are saved.
func TestFoldedPartShowsAndHides(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	p := openMeeting(t, u, sample.TokyoRoundID)
	lines := partTitled(t, p, "Lines to take")
	assert.Equal(t, "5 points to make · 2 lines if pressed · 2 lines to avoid.", lines.summary.Text)
	assert.True(t, lines.summary.Visible())
	assert.NotContains(t, find[*widgets.StringListEditor](p.view()), p.ifPressed, "not in the page before its part is shown")
	assert.Empty(t, p.points.Rows(), "nor filled")
	assert.Equal(t, "Nothing yet.", partTitled(t, p, "Record of conversation").summary.Text)

	test.Tap(lines.toggle)
	assert.True(t, lines.shown())
	assert.False(t, lines.summary.Visible())
	assert.Equal(t, "Hide", lines.toggle.Text)
	assert.False(t, p.dirty(), "showing a part is no edit")
	require.Len(t, p.points.Rows(), 5)
	assert.Len(t, find[*widgets.StringListEditor](lines.box), 2, "if pressed, avoid")

	es, _ := addRow(t, p.avoid, "Add a line to avoid", 1, 0)
	test.Type(es[0], "Do not promise a date")
	test.Tap(lines.toggle)
	assert.False(t, lines.shown())
	assert.Equal(t, "5 points to make · 2 lines if pressed · 3 lines to avoid.", lines.summary.Text)
	assert.True(t, p.dirty())
	test.Tap(p.saveBtn)
	require.False(t, p.dirty(), "saved: %s", u.status.Text)
	m, err := st.Meeting(context.Background(), sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Equal(t, "Do not promise a date", m.LinesToAvoid[len(m.LinesToAvoid)-1], "saved while folded")
}

// A problem in a part folded again is shown: Save unfolds the part with the row marked.
func TestProblemUnfoldsItsPart(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	p := openMeeting(t, u, sample.TokyoRoundID)
	scenario := partTitled(t, p, "Scenario")
	test.Tap(scenario.toggle)
	es, _ := addRow(t, p.agenda, "Add an agenda item", 3, 1)
	test.Type(es[0], "ten")
	test.Type(es[1], "Closing statements")
	test.Tap(scenario.toggle)
	require.False(t, scenario.shown())
	p.save(func() {})
	assert.True(t, p.dirty(), "not saved")
	assert.True(t, scenario.shown(), "the part with the problem is unfolded")
	assert.Contains(t, p.agenda.RowMessage(len(p.agenda.Rows())-1), `"ten" is not a start`)
}

// A folded part by keyboard: Tab reaches its Show button, Enter unfolds it with the focus
// left on the button, and Tab goes on into its inputs.
func TestFoldedPartByKeyboard(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	p := openMeeting(t, u, sample.TokyoRoundID)
	c := u.win.Canvas()
	lines := partTitled(t, p, "Lines to take")
	require.True(t, tabTo(u, func(f fyne.Focusable) bool { return f == lines.toggle }, 200), "Tab reaches Show")
	pressKey(u, fyne.KeyReturn)
	require.True(t, lines.shown())
	assert.Equal(t, lines.toggle, c.Focused(), "the focus stays on the button")
	pressKey(u, fyne.KeyTab)
	var inside bool
	for _, o := range test.LaidOutObjects(p.points) {
		inside = inside || o == c.Focused().(fyne.CanvasObject)
	}
	assert.True(t, inside, "Tab goes into the first point, not %T", c.Focused())
	assert.False(t, p.dirty())
}
