package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// afterSample is a clock long after the sample dossier (all 2016): nothing is upcoming.
var afterSample = time.Date(2026, time.March, 2, 9, 0, 0, 0, time.UTC)

// newTestUI opens a window on a fresh dossier holding the sample, with slow work done inline
// so that a test sees its result at once.
func newTestUI(t *testing.T, now time.Time) (*ui, *storage.Store) {
	t.Helper()
	st := sampletest.Store(t)
	return newTestWindow(t, st, now), st
}

// newTestWindow opens a window on st with its clock at now and slow work done inline; the
// store closes when the test ends.
func newTestWindow(t testing.TB, st *storage.Store, now time.Time) *ui {
	t.Helper()
	u := newUI(test.NewTempApp(t), Options{Version: "test"})
	u.now = func() time.Time { return now }
	u.spawn = func(f func()) { f() }
	u.typingPause = 0
	u.useStore(st)
	t.Cleanup(u.closeStore)
	return u
}

// find returns the objects of type T under o (including o), in layout order.
func find[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	for _, x := range test.LaidOutObjects(o) {
		if v, ok := x.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

// overlay is the top dialog of the window; the test fails when there is none.
func overlay(t *testing.T, u *ui) fyne.CanvasObject {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "a dialog should be open")
	return top
}

// tapButton taps the button labelled text in o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, b := range find[*widget.Button](o) {
		if b.Text == text {
			require.False(t, b.Disabled(), "button %q is disabled", text)
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", text)
}

// texts are the texts of the labels, hyperlinks and rich texts under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		switch w := x.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Hyperlink:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	}
	return b.String()
}

func TestLaunchMonth(t *testing.T) {
	for _, tc := range []struct {
		name      string
		now       time.Time
		wantYear  int
		wantMonth time.Month
	}{
		// Nothing upcoming: the latest day-precise meeting (Tokyo, Wed 22 Jun 2016) chooses,
		// not "Sep 2016" nor "by end of 2016", which are not fixed to a day.
		{"after the sample", afterSample, 2016, time.June},
		{"between Naryshkin's call and the Tokyo round", time.Date(2016, time.June, 18, 0, 0, 0, 0, time.UTC), 2016, time.June},
		{"the day after the Tokyo round", time.Date(2016, time.June, 23, 0, 0, 0, 0, time.UTC), 2016, time.June},
		// Round 1 (Oct 2015) and Sochi (May 2016) are known only to the month, so the first
		// upcoming day-precise meeting, Naryshkin's call of 16 June 2016, chooses.
		{"before everything", time.Date(2015, time.January, 10, 0, 0, 0, 0, time.UTC), 2016, time.June},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t, tc.now)
			y, m, err := launchMonth(context.Background(), st, tc.now)
			require.NoError(t, err)
			assert.Equal(t, tc.wantYear, y)
			assert.Equal(t, tc.wantMonth, m)
			gy, gm := u.calendar.grid.Month()
			assert.Equal(t, tc.wantYear, gy, "the calendar opens on the launch month")
			assert.Equal(t, tc.wantMonth, gm)
		})
	}
}

func TestLaunchOnSampleShowsTokyoRound(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	require.Equal(t, screenCalendar, u.screen)
	y, m := u.calendar.grid.Month()
	require.Equal(t, 2016, y)
	require.Equal(t, time.June, m)

	d, err := loadMonth(context.Background(), st, 2016, time.June, time.Monday)
	require.NoError(t, err)
	chips := d.days[widgets.Date{Year: 2016, Month: time.June, Day: 22}]
	require.Len(t, chips, 1)
	assert.Equal(t, sample.TokyoRoundID, chips[0].ID)
	assert.Equal(t, "scheduled", chips[0].Status)
	assert.Contains(t, chips[0].Detail, "10:00 JST")
	// The deadline meeting of the year is in the band of June; the September one is not.
	var band []string
	for _, b := range d.band {
		band = append(band, b.Text)
	}
	assert.Contains(t, strings.Join(band, "\n"), "By end of 2016 — date not fixed")
	assert.NotContains(t, strings.Join(band, "\n"), "Vladivostok")

	sep, err := loadMonth(context.Background(), st, 2016, time.September, time.Monday)
	require.NoError(t, err)
	require.NotEmpty(t, sep.band)
	assert.Contains(t, sep.band[len(sep.band)-1].Text+sep.band[0].Text, "September 2016 — date not fixed")

	// With nothing upcoming the agenda lists the latest talks, the deadline one first.
	upcoming, recent, _, err := loadAgenda(context.Background(), st, afterSample)
	require.NoError(t, err)
	assert.Empty(t, upcoming)
	require.NotEmpty(t, recent)
	assert.Equal(t, sample.PutinVisitID, recent[0].ID)
}

func TestEmptyMonthSaysWhatToDo(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.calendar.grid.JumpTo(2019, time.March)
	assert.True(t, u.calendar.empty.Visible())
	assert.Equal(t, "No talks in March 2019 — press Ctrl+N to add one, or tap a day.", u.calendar.empty.Text)
	u.calendar.grid.JumpTo(2016, time.June)
	assert.False(t, u.calendar.empty.Visible())
}

// TestMeetingThroughTheWindow creates a meeting by typing into the form, adds a participant,
// changes its status with a reason, and finds it in the calendar, the agenda and search, with
// the store checked at each step.
func TestMeetingThroughTheWindow(t *testing.T) {
	now := time.Date(2016, time.November, 1, 9, 0, 0, 0, time.UTC)
	u, st := newTestUI(t, now)
	ctx := context.Background()

	u.newMeeting()
	p, ok := u.top().(*meetingPage)
	require.True(t, ok, "Ctrl+N opens a meeting form")
	assert.True(t, p.saveBtn.Disabled(), "nothing to save yet")
	test.Type(p.titleE, "Round 3 Moscow")
	assert.True(t, p.dirty())
	assert.False(t, p.saveBtn.Disabled())
	assert.True(t, p.hdr.Unsaved, "the unsaved state shows")
	p.track.SetSelected("Japan–Russia peace treaty talks")
	p.format.SetSelected(string(storage.FormatViceMinisterial))
	test.Type(p.when, "2016-11-15")
	test.Type(p.timeOfDay, "11:00")
	test.Type(p.zone, "Europe/Moscow")
	assert.Contains(t, p.zonesInfo.Text, "Tue 15 Nov 2016, 11:00 MSK in Europe/Moscow")
	test.Type(p.city, "Moscow")
	test.Type(p.country, "Russia")
	test.Type(p.purpose, "Follow up the Tokyo round.")
	test.Tap(p.saveBtn)

	require.NotEmpty(t, p.m.ID, "saved")
	assert.False(t, p.dirty())
	assert.False(t, p.hdr.Unsaved)
	stored, err := st.Meeting(ctx, p.m.ID)
	require.NoError(t, err)
	assert.Equal(t, "Round 3 Moscow", stored.Title)
	assert.Equal(t, sample.TrackID, stored.TrackID)
	assert.Equal(t, storage.FormatViceMinisterial, stored.Format)
	require.True(t, stored.When.IsExact())
	assert.Equal(t, "2016-11-15 11:00 Europe/Moscow", stored.When.Text())
	assert.Equal(t, "Follow up the Tokyo round.", stored.Purpose)
	assert.Equal(t, storage.StatusProposed, stored.Status)

	// Add a participant through the dialog.
	p.onAddParticipant()
	dlg := overlay(t, u)
	actor := find[*widget.SelectEntry](dlg)
	require.Len(t, actor, 1)
	actor[0].SetText("Igor Morgulov — Deputy Minister of Foreign Affairs")
	roles := find[*widget.Select](dlg)
	require.NotEmpty(t, roles)
	roles[0].SetSelected(string(storage.RoleHead))
	tapButton(t, dlg, "Add")
	require.Len(t, p.participants, 1)
	assert.True(t, p.dirty())
	assert.Contains(t, texts(p.partBox), "Igor Morgulov")
	u.saveCurrent() // Ctrl+S
	assert.False(t, p.dirty())
	stored, err = st.Meeting(ctx, p.m.ID)
	require.NoError(t, err)
	require.Len(t, stored.Participants, 1)
	assert.Equal(t, sample.MorgulovID, stored.Participants[0].ActorID)
	assert.Equal(t, storage.RoleHead, stored.Participants[0].Role)

	// Change its status with a reason.
	p.onChangeStatus()
	dlg = overlay(t, u)
	sels := find[*widget.Select](dlg)
	require.Len(t, sels, 2) // new status, source
	sels[0].SetSelected("Scheduled")
	var reason *widget.Entry
	for _, e := range find[*widget.Entry](dlg) {
		if e.MultiLine {
			reason = e
		}
	}
	require.NotNil(t, reason)
	test.Type(reason, "Dates confirmed by both ministries")
	sels[1].SetSelected("Japan, Russia to hold talks on territorial row this week in Tokyo")
	tapButton(t, dlg, "Record")
	stored, err = st.Meeting(ctx, p.m.ID)
	require.NoError(t, err)
	assert.Equal(t, storage.StatusScheduled, stored.Status)
	last := stored.StatusHistory[len(stored.StatusHistory)-1]
	assert.Equal(t, storage.StatusProposed, last.From)
	assert.Equal(t, storage.StatusScheduled, last.To)
	assert.Equal(t, "Dates confirmed by both ministries", last.Reason)
	assert.Equal(t, sample.ArticleSourceID, last.SourceID)
	assert.Equal(t, "Scheduled", p.statusNow.Text)
	assert.Contains(t, texts(p.historyBox), "Dates confirmed by both ministries")

	// The calendar files it under its day in Moscow; the agenda lists it as upcoming.
	u.goScreen(screenCalendar)
	require.Same(t, u.calendar, u.top())
	y, m, err := launchMonth(ctx, st, now)
	require.NoError(t, err)
	assert.Equal(t, 2016, y)
	assert.Equal(t, time.November, m, "at the next launch the calendar opens on it, the next upcoming meeting")
	u.calendar.grid.JumpTo(y, m)
	d, err := loadMonth(ctx, st, 2016, time.November, time.Monday)
	require.NoError(t, err)
	chips := d.days[widgets.Date{Year: 2016, Month: time.November, Day: 15}]
	require.Len(t, chips, 1)
	assert.Equal(t, p.m.ID, chips[0].ID)
	assert.Equal(t, "scheduled", chips[0].Status)
	assert.Contains(t, test.RenderObjectToMarkup(u.calendar.grid), "Round 3 Moscow")
	upcoming, _, _, err := loadAgenda(ctx, st, now)
	require.NoError(t, err)
	require.NotEmpty(t, upcoming)
	assert.Equal(t, p.m.ID, upcoming[0].ID)
	assert.Contains(t, test.RenderObjectToMarkup(u.calendar.agenda), "Round 3 Moscow")

	// Search finds it, and choosing the hit opens it.
	u.onSearch("Round 3 Moscow")
	sp, ok := u.top().(*searchPage)
	require.True(t, ok)
	var hit *storage.Hit
	for i, h := range sp.hits {
		if h.ID == p.m.ID {
			hit = &sp.hits[i]
		}
	}
	require.NotNil(t, hit, "search finds the new meeting")
	assert.Equal(t, "meeting", hit.Kind)
	assert.Contains(t, texts(sp.results), "Meetings (")
	sp.open(*hit)
	opened, ok := u.top().(*meetingPage)
	require.True(t, ok)
	assert.Equal(t, "Round 3 Moscow", opened.titleE.Text)
	assert.Equal(t, "Scheduled", opened.statusNow.Text)
}

func TestEmptyTitleRefused(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	before, err := st.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	u.newMeeting()
	p := u.top().(*meetingPage)
	test.Type(p.when, "2016-07")
	test.Tap(p.saveBtn)
	assert.Equal(t, "Give the meeting a title", p.fs.errorOf("title"))
	after, err := st.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	assert.Len(t, after, len(before))
}

func TestUnsavedChangesAreNotLostSilently(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		button    string
		wantTitle string
		wantTop   string
	}{
		{"Cancel", "Peace treaty consultations, round 2 — Tokyo", "meeting"},
		{"Discard", "Peace treaty consultations, round 2 — Tokyo", screenTalks},
		{"Save", "Tokyo round (edited)", screenTalks},
	} {
		t.Run(tc.button, func(t *testing.T) {
			u, st := newTestUI(t, afterSample)
			u.push(newMeetingPage(u, sample.TokyoRoundID))
			p := u.top().(*meetingPage)
			require.Equal(t, "Peace treaty consultations, round 2 — Tokyo", p.titleE.Text)
			p.titleE.SetText("Tokyo round (edited)")
			require.True(t, p.dirty())

			u.goScreen(screenTalks)
			dlg := overlay(t, u)
			assert.Contains(t, texts(dlg), "has changes that are not saved")
			require.Same(t, p, u.top(), "nothing happens before the answer")
			tapButton(t, dlg, tc.button)

			if tc.wantTop == "meeting" {
				assert.Same(t, p, u.top())
				assert.True(t, p.dirty())
			} else {
				assert.Equal(t, tc.wantTop, u.top().title())
			}
			m, err := st.Meeting(ctx, sample.TokyoRoundID)
			require.NoError(t, err)
			assert.Equal(t, tc.wantTitle, m.Title)
		})
	}
}

func TestBackFromUnsavedPageAsks(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.push(newActorPage(u, sample.MorgulovID))
	p := u.top().(*actorPage)
	require.Equal(t, "Igor Morgulov", p.name.Text)
	test.Type(p.stance, " More.")
	u.back()
	dlg := overlay(t, u)
	tapButton(t, dlg, "Cancel")
	assert.Same(t, p, u.top())
	u.back()
	tapButton(t, overlay(t, u), "Discard")
	assert.Equal(t, screenCalendar, u.top().title())
}

func TestDeleteMeetingSaysWhatGoes(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	u.push(newMeetingPage(u, sample.TokyoRoundID))
	p := u.top().(*meetingPage)
	test.Tap(p.deleteBtn)
	dlg := overlay(t, u)
	assert.Contains(t, texts(dlg), "Its participants and dispute links go with it; the actors, disputes and statements stay")
	tapButton(t, dlg, "Delete")
	_, err := st.Meeting(context.Background(), sample.TokyoRoundID)
	assert.ErrorIs(t, err, storage.ErrNotFound)
	_, err = st.Actor(context.Background(), sample.MorgulovID)
	assert.NoError(t, err, "the actors stay")
	assert.Equal(t, screenCalendar, u.top().title())
}

func TestDeleteActorNamesWhatGoesWithThem(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	u.push(newActorPage(u, sample.MorgulovID))
	p := u.top().(*actorPage)
	use, err := st.ActorUsage(context.Background(), sample.MorgulovID)
	require.NoError(t, err)
	require.Positive(t, use.Meetings)
	test.Tap(p.deleteBtn)
	msg := texts(overlay(t, u))
	assert.Contains(t, msg, "Delete Igor Morgulov?")
	assert.Contains(t, msg, "their place in")
	assert.Contains(t, msg, "the meetings themselves stay")
	tapButton(t, overlay(t, u), "Cancel")
	_, err = st.Actor(context.Background(), sample.MorgulovID)
	assert.NoError(t, err)
}

func TestActorProfileShowsRelationsStatementsMeetings(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	u.push(newActorPage(u, sample.NaryshkinID))
	p := u.top().(*actorPage)
	assert.Equal(t, "Sergey Naryshkin", p.name.Text)
	assert.NotEmpty(t, p.statements)
	assert.NotEmpty(t, p.meetings)
	assert.Contains(t, texts(p.meetBox), "Naryshkin calls on Prime Minister Abe")

	// Add a statement through the dialog; it is stored at once.
	before := len(p.statements)
	p.editStatement(storage.Statement{ActorID: p.a.ID})
	dlg := overlay(t, u)
	entries := find[*widget.Entry](dlg)
	var text, when *widget.Entry
	for _, e := range entries {
		switch {
		case e.MultiLine && text == nil:
			text = e
		case e.PlaceHolder == "2016-06-20, 2016-06 or 2016":
			when = e
		}
	}
	require.NotNil(t, text)
	require.NotNil(t, when)
	test.Type(text, "Relations should develop in every field.")
	test.Type(when, "2016-06-17")
	tapButton(t, dlg, "Save")
	ss, err := st.Statements(context.Background(), storage.StatementFilter{ActorID: sample.NaryshkinID})
	require.NoError(t, err)
	assert.Len(t, ss, before+1)
	assert.Len(t, p.statements, before+1)
	assert.Contains(t, texts(p.stmtBox), "Relations should develop in every field.")
	assert.False(t, p.dirty(), "statements do not wait for Save")
}

func TestSearchGroupsByKind(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.focusSearch()
	assert.Same(t, u.search, u.win.Canvas().Focused(), "Ctrl+F focuses the search field")
	test.Type(u.search, "Morgulov")
	u.search.OnSubmitted(u.search.Text)
	sp := u.top().(*searchPage)
	kinds := map[string]bool{}
	for _, h := range sp.hits {
		kinds[h.Kind] = true
	}
	assert.True(t, kinds["actor"])
	shown := texts(sp.results)
	assert.Contains(t, shown, "Actors (")
	assert.Contains(t, shown, "Igor Morgulov")
	// The snippet marks the matched word (in bold and colour: search_test.go).
	segs := snippetSegments("[Illustrative] the [Tokyo] round", "tokyo")
	require.Len(t, segs, 3)
	assert.Equal(t, "[Illustrative] the ", segs[0].(*widget.TextSegment).Text, "brackets of the text itself stay")
	assert.False(t, segs[0].(*widget.TextSegment).Style.TextStyle.Bold)
	assert.Equal(t, "Tokyo", segs[1].(*widget.TextSegment).Text)
	assert.True(t, segs[1].(*widget.TextSegment).Style.TextStyle.Bold)

	u.onSearch("zzzznothing")
	assert.Contains(t, sp.heading.Text, "No results for")
}

func TestTalksListFiltersAndSorts(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.goScreen(screenTalks)
	tk := u.talks
	require.Len(t, tk.keys, 6)
	// Date order; a deadline sorts at the deadline.
	assert.Equal(t, sample.MoscowRoundID, tk.keys[0].ID)
	assert.Equal(t, sample.PutinVisitID, tk.keys[len(tk.keys)-1].ID)
	tk.sortOn(sortTitle)
	assert.Equal(t, "Abe–Putin meeting at the Eastern Economic Forum", tk.keys[0].Title[:len("Abe–Putin meeting at the Eastern Economic Forum")])
	tk.status.SetSelected("Held")
	for _, r := range tk.keys {
		assert.Equal(t, storage.StatusHeld, r.Status)
	}
	tk.status.SetSelected(allStatuses)
	test.Type(tk.from, "2016-06")
	test.Type(tk.to, "2016-06")
	assert.Len(t, tk.keys, 3, "two June meetings and the one due by end of 2016")
	tk.from.SetText("2016-13")
	assert.True(t, tk.filterMsg.Visible())
	assert.Contains(t, tk.filterMsg.Text, "does not exist")
	tk.from.SetText("")
	tk.to.SetText("")
	test.Type(tk.text, "zzz")
	assert.Empty(t, tk.keys)
	assert.Equal(t, "No talks match the filter — clear it to see them all.", tk.empty.Text)
}

func TestBothZones(t *testing.T) {
	f, err := storage.ParseFuzzyDate("2016-06-22 10:00 Asia/Tokyo")
	require.NoError(t, err)
	london, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)
	assert.Equal(t, "Wed 22 Jun 2016, 10:00 JST in Asia/Tokyo · 02:00 BST your time (Europe/London)", bothZones(f, london, "Europe/London"))
	la, err := time.LoadLocation("America/Los_Angeles")
	require.NoError(t, err)
	assert.Contains(t, bothZones(f, la, "America/Los_Angeles"), "Tue 21 Jun, 18:00 PDT your time")
}

func TestOpenRefusalOffersAWayOn(t *testing.T) {
	a := test.NewTempApp(t)
	u := newUI(a, Options{})
	u.spawn = func(f func()) { f() }
	junk := filepath.Join(t.TempDir(), "notes.db")
	require.NoError(t, os.WriteFile(junk, []byte("these are my notes, not a database"), 0o600))
	u.openDatabase(junk, true)
	assert.Nil(t, u.store)
	dlg := overlay(t, u)
	msg := texts(dlg)
	assert.Contains(t, msg, "“notes.db” is not a Parley database. Open a Parley database or create a new one.")
	var labels []string
	for _, b := range find[*widget.Button](dlg) {
		labels = append(labels, b.Text)
	}
	assert.Subset(t, labels, []string{"Open another database…", "Create a new database…", "Quit"})
	b, err := os.ReadFile(junk)
	require.NoError(t, err)
	assert.Equal(t, "these are my notes, not a database", string(b), "the file is left untouched")
}

func TestOpenErrorSentences(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{storage.ErrDamaged, "is damaged"},
		{storage.ErrNewerSchema, "newer version of Parley"},
		{storage.ErrLocked, "open in another Parley window"},
		{storage.ErrReadOnly, "cannot be written"},
		{storage.ErrNoFTS, "without full-text search"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			assert.Contains(t, openErrorMessage("/x/y.db", tc.err), tc.want)
		})
	}
}

func TestPreferencesRemembered(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	u.goScreen(screenActors)
	prefs := u.app.Preferences()
	assert.Equal(t, screenActors, prefs.String(prefLastScreen))
	abs, _ := filepath.Abs(st.Path())
	assert.Equal(t, abs, prefs.String(prefLastDatabase))
	assert.Equal(t, abs, prefs.StringList(prefRecentDatabases)[0])
	path, err := u.startPath()
	require.NoError(t, err)
	assert.Equal(t, abs, path)
	assert.Equal(t, screenActors, u.startScreen())

	u.win.Resize(fyne.NewSize(1100, 650))
	u.saveSize()
	assert.InDelta(t, 1100, prefs.Float(prefWindowWidth), 1)
	assert.InDelta(t, 650, prefs.Float(prefWindowHeight), 1)
}

func TestEveryScreenOpens(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	for _, name := range screenNames {
		u.goScreen(name)
		assert.Equal(t, name, u.top().title())
		assert.Equal(t, name, u.screen)
	}
	u.push(newDisputePage(u, sample.DisputeID))
	dp := u.top().(*disputePage)
	sheet := texts(dp.sheet)
	assert.Contains(t, sheet, "Names by party")
	assert.Contains(t, sheet, "Key facts")
	u.push(newSourcePage(u, sample.ArticleSourceID))
	sp := u.top().(*sourcePage)
	require.NotEmpty(t, sp.citations, "the article is cited")
	assert.Contains(t, texts(sp.citedBy), sp.citations[0].Title)
	assert.Equal(t, "Japan, Russia to hold talks on territorial row this week in Tokyo", sp.titleE.Text)
}

// TestHundredThousandMeetings checks the talks list and the calendar stay quick with a big
// dossier: the list draws only the rows in view, and the month reads only its own meetings.
func TestHundredThousandMeetings(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a dossier of 100,000 meetings")
	}
	const n = 100_000
	ctx := context.Background()
	d := &storage.Dossier{}
	stamp := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		day := start.AddDate(0, 0, i/10)
		d.Meetings = append(d.Meetings, storage.Meeting{
			ID: fmt.Sprintf("m-%06d", i), Title: fmt.Sprintf("Working group %d", i),
			Status: storage.Statuses[i%len(storage.Statuses)], When: storage.OnDay(day.Year(), day.Month(), day.Day()),
			City: "Geneva", Created: stamp, Updated: stamp,
		})
	}
	path := filepath.Join(t.TempDir(), "big.db")
	st, err := storage.Open(ctx, path)
	require.NoError(t, err)
	_, err = st.ImportDossier(ctx, d)
	require.NoError(t, err)

	u := newTestWindow(t, st, time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC))

	began := time.Now()
	u.goScreen(screenTalks)
	took := time.Since(began)
	require.Len(t, u.talks.keys, n)
	t.Logf("talks list of %d meetings loaded and shown in %v", n, took)
	drawn := len(find[*widgets.StatusBadge](u.talks.list))
	assert.Less(t, drawn, 100, "only the rows in view are drawn")
	u.talks.list.ScrollToBottom()
	assert.Less(t, len(find[*widgets.StatusBadge](u.talks.list)), 100)

	began = time.Now()
	u.goScreen(screenCalendar)
	t.Logf("calendar with agenda shown in %v", time.Since(began))
	y, m := u.calendar.grid.Month()
	assert.Equal(t, 2010, y)
	assert.Equal(t, time.June, m)
	md, err := loadMonth(ctx, st, 2010, time.June, time.Monday)
	require.NoError(t, err)
	assert.Len(t, md.days[widgets.Date{Year: 2010, Month: time.June, Day: 1}], 10)
}

func TestFileMenuRoundTrips(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	dir := t.TempDir()
	u.exportTo(filepath.Join(dir, "dossier.json"))
	assert.Contains(t, texts(overlay(t, u)), "6 meetings, 6 actors")
	u.exportTo(filepath.Join(dir, "talks.ics"))
	assert.Contains(t, texts(overlay(t, u)), "6 meetings written as calendar events")
	u.backupTo(filepath.Join(dir, "backup.db"))
	assert.Contains(t, texts(overlay(t, u)), "was copied to "+filepath.Join(dir, "backup.db"))

	// A second window on an empty dossier imports the bundle, then the calendar.
	empty, err := storage.Open(context.Background(), filepath.Join(dir, "empty.db"))
	require.NoError(t, err)
	u2 := newTestWindow(t, empty, afterSample)
	u2.importFile(filepath.Join(dir, "dossier.json"))
	assert.Contains(t, texts(overlay(t, u2)), "Meetings: 6 new, 0 updated, 0 unchanged")
	ms, err := empty.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	assert.Len(t, ms, 6)
	u2.importFile(filepath.Join(dir, "talks.ics"))
	assert.Contains(t, texts(overlay(t, u2)), "unchanged")

	backup, err := storage.Open(context.Background(), filepath.Join(dir, "backup.db"))
	require.NoError(t, err)
	defer backup.Close()
	orig, err := st.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	copied, err := backup.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	assert.Equal(t, orig, copied)
}

func TestEveryMenuItemDoesSomething(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	var check func(m *fyne.Menu)
	check = func(m *fyne.Menu) {
		for _, it := range m.Items {
			switch {
			case it.IsSeparator:
			case it.ChildMenu != nil:
				check(it.ChildMenu)
			case it.Disabled:
				assert.Equal(t, "No databases opened yet", it.Label)
			default:
				assert.NotNil(t, it.Action, "menu item %q", it.Label)
			}
		}
	}
	for _, m := range u.mainMenu().Items {
		check(m)
	}
	u.showAbout()
	assert.Contains(t, texts(overlay(t, u)), "Parley test")
}

func TestRecordGoneClosesItsPage(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	require.NoError(t, st.DeleteMeeting(context.Background(), sample.VladivostokID))
	u.push(newMeetingPage(u, sample.VladivostokID))
	assert.Contains(t, texts(overlay(t, u)), "no longer in the dossier")
	assert.Equal(t, screenCalendar, u.top().title())
}

func TestCreateActorSourceDisputeAndTrack(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()

	u.goScreen(screenActors)
	u.push(newActorDraft(u))
	ap := u.top().(*actorPage)
	assert.Same(t, ap.name, u.win.Canvas().Focused(), "the cursor starts in the name")
	test.Type(ap.name, "Yuri Ushakov")
	test.Type(ap.native, "Юрий Ушаков")
	ap.otherNames.SetItems([]string{"Yury Ushakov", " "})
	ap.posts.SetRows(postRows([]storage.Post{{Title: "Aide to the President"}}))
	for _, e := range find[*widget.Entry](ap.posts) {
		if e.PlaceHolder == "from, e.g. 2011" {
			test.Type(e, "2012-05")
		}
	}
	test.Tap(ap.saveBtn)
	require.NotEmpty(t, ap.a.ID)
	a, err := st.Actor(ctx, ap.a.ID)
	require.NoError(t, err)
	assert.Equal(t, "Юрий Ушаков", a.NativeName)
	assert.Equal(t, []string{"Yury Ushakov"}, a.OtherNames)
	require.Len(t, a.Posts, 1)
	assert.Equal(t, "2012-05", a.Posts[0].From.ISO())

	u.goScreen(screenSources)
	u.push(newSourceDraft(u))
	sp := u.top().(*sourcePage)
	test.Type(sp.titleE, "Kremlin readout")
	test.Type(sp.published, "2016-02-30")
	test.Tap(sp.saveBtn)
	assert.Contains(t, sp.fs.errorOf("published"), "does not exist")
	assert.Empty(t, sp.s.ID, "not saved")
	sp.published.SetText("2016-09-02")
	test.Tap(sp.saveBtn)
	require.NotEmpty(t, sp.s.ID)
	src, err := st.Source(ctx, sp.s.ID)
	require.NoError(t, err)
	assert.Equal(t, "Fri 2 Sep 2016", src.Published.String())

	u.goScreen(screenDisputes)
	u.push(newDisputeDraft(u))
	dp := u.top().(*disputePage)
	test.Type(dp.titleE, "Test dispute")
	dp.names.SetRows([][]string{{"Japan", "Name A", "ja", ""}, {"Russia", "Name B", "ru", ""}})
	dp.tl.SetRows([][]string{{"1956-10-19", "Joint Declaration", "Kremlin readout"}})
	dp.ed.touch()
	test.Tap(dp.saveBtn)
	require.NotEmpty(t, dp.d.ID)
	d, err := st.Dispute(ctx, dp.d.ID)
	require.NoError(t, err)
	require.Len(t, d.Names, 2)
	require.Len(t, d.Timeline, 1)
	assert.Equal(t, sp.s.ID, d.Timeline[0].SourceID)
	assert.Contains(t, texts(dp.sheet), "Joint Declaration [1]")

	editTrack(u, storage.Track{}, func() {})
	dlg := overlay(t, u)
	for _, e := range find[*widget.Entry](dlg) {
		switch e.PlaceHolder {
		case "":
			if !e.MultiLine {
				test.Type(e, "Test track")
			}
		case "comma-separated, e.g. Japan, Russia":
			test.Type(e, "Japan, Russia")
		}
	}
	tapButton(t, dlg, "Save")
	tracks, err := st.Tracks(ctx)
	require.NoError(t, err)
	var titles []string
	for _, tr := range tracks {
		titles = append(titles, tr.Title)
	}
	assert.Contains(t, titles, "Test track")
}

func TestRelationshipsBothWays(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	u.push(newActorPage(u, sample.HaradaID))
	p := u.top().(*actorPage)
	before := len(p.relations)

	// "the other is … of Harada": stored on Morgulov, shown on Harada's page as incoming.
	p.onAddRelation()
	dlg := overlay(t, u)
	find[*widget.RadioGroup](dlg)[0].SetSelected("the other is … of Chikahito Harada")
	for _, e := range find[*widget.Entry](dlg) {
		if e.PlaceHolder == "e.g. close aide of, deputy to, counterpart of" {
			test.Type(e, "counterpart of")
		}
	}
	find[*widget.Select](dlg)[0].SetSelected("Igor Morgulov")
	tapButton(t, dlg, "Add")
	require.Len(t, p.relations, before+1)
	assert.Contains(t, texts(p.relBox), "Igor Morgulov is counterpart of Chikahito Harada")
	morgulov, err := st.Actor(ctx, sample.MorgulovID)
	require.NoError(t, err)
	var found bool
	for _, r := range morgulov.Relations {
		found = found || (r.ActorID == sample.HaradaID && r.Kind == "counterpart of")
	}
	assert.True(t, found, "stored on the other actor")
	assert.False(t, p.dirty(), "relationships do not wait for Save")

	var rel storage.RelationView
	for _, r := range p.relations {
		if r.OtherID == sample.MorgulovID && r.Kind == "counterpart of" {
			rel = r
		}
	}
	p.onRemoveRelation(rel)
	tapButton(t, overlay(t, u), "Delete")
	assert.Len(t, p.relations, before)
}

func TestRefusedSwitchKeepsTheOpenDossier(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	junk := filepath.Join(t.TempDir(), "junk.db")
	require.NoError(t, os.WriteFile(junk, []byte("not sqlite"), 0o600))
	u.switchDatabase(junk, false)
	dlg := overlay(t, u)
	assert.Contains(t, texts(dlg), "“junk.db” is not a Parley database")
	tapButton(t, dlg, "Stay in parley.db")
	assert.Same(t, st, u.store)
	assert.Equal(t, "Parley — parley.db", u.win.Title())
	assert.Equal(t, screenCalendar, u.top().title())
}

func TestWhenErrorField(t *testing.T) {
	for _, tc := range []struct {
		name       string
		err        error
		field, msg string
	}{
		{"an input's error", &whenError{"zone", "Give the time zone"}, "zone", "Give the time zone"},
		{"wrapped", fmt.Errorf("when: %w", &whenError{"time", "Give the time"}), "time", "Give the time"},
		{"any other error goes under When", errors.New("something odd"), "when", "Something odd"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			field, msg := whenErrorField(tc.err)
			assert.Equal(t, tc.field, field)
			assert.Equal(t, tc.msg, msg)
		})
	}
}
