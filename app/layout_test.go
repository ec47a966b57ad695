package app

import (
	"context"
	"fmt"
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
	"github.com/parley-app/parley/widgets/widgetstest"
)

// narrowCases open every screen, record page and a few dialogs.
var narrowCases = []struct {
	name string
	open func(u *ui)
}{
	{"calendar", func(u *ui) { u.goScreen(screenCalendar) }},
	{"talks", func(u *ui) { u.goScreen(screenTalks) }},
	{"actors", func(u *ui) { u.goScreen(screenActors) }},
	{"disputes", func(u *ui) { u.goScreen(screenDisputes) }},
	{"sources", func(u *ui) { u.goScreen(screenSources) }},
	{"search", func(u *ui) { u.onSearch("Tokyo") }},
	{"meeting", func(u *ui) { u.push(newMeetingPage(u, sample.TokyoRoundID)) }},
	{"new meeting", func(u *ui) { u.newMeeting() }},
	{"actor", func(u *ui) { u.push(newActorPage(u, sample.MorgulovID)) }},
	{"dispute", func(u *ui) { u.push(newDisputePage(u, sample.DisputeID)) }},
	{"source", func(u *ui) { u.push(newSourcePage(u, sample.ArticleSourceID)) }},
	{"tracks dialog", func(u *ui) { u.goScreen(screenTalks); showTracks(u, func() {}) }},
	{"export dialog", func(u *ui) { u.onExport() }},
	{"shortcuts dialog", func(u *ui) { u.showShortcuts() }},
	{"handling marks dialog", func(u *ui) { u.onHandlingMarks() }},
	{"import article dialog", func(u *ui) { u.onImportArticle() }},
	{"change status dialog", func(u *ui) { meeting(u).onChangeStatus() }},
	{"add participant dialog", func(u *ui) { meeting(u).onAddParticipant() }},
	{"pack dialog", func(u *ui) { meeting(u).onExport() }},
	{"pre-flight dialog", func(u *ui) { meeting(u).onPreflight() }},
	{"statement dialog", func(u *ui) {
		p := newActorPage(u, sample.MorgulovID)
		u.push(p)
		p.editStatement(storage.Statement{ActorID: sample.MorgulovID})
	}},
	{"relation dialog", func(u *ui) {
		p := newActorPage(u, sample.MorgulovID)
		u.push(p)
		p.onAddRelation()
	}},
}

// meeting opens the Tokyo round's page.
func meeting(u *ui) *meetingPage {
	p := newMeetingPage(u, sample.TokyoRoundID)
	u.push(p)
	return p
}

// TestNarrowWindowFitsEveryScreen opens each screen in a window on half of a 1366-pixel
// screen (680 wide) and in one of 800×500: nothing asks for more width than minWidth, the
// sidebar is a rail, and every button shown is whole and inside the window.
func TestNarrowWindowFitsEveryScreen(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(680, 700), fyne.NewSize(784, 444)} {
		u, _ := newTestUI(t, afterSample)
		for _, tc := range narrowCases {
			t.Run(fmt.Sprintf("%s at %vx%v", tc.name, size.Width, size.Height), func(t *testing.T) {
				// One window for all: the last case's dialog closed, back on the calendar.
				for top := u.win.Canvas().Overlays().Top(); top != nil; top = u.win.Canvas().Overlays().Top() {
					u.win.Canvas().Overlays().Remove(top)
				}
				u.resetTo(screenCalendar)
				u.win.Resize(size)
				tc.open(u)
				u.win.Resize(size) // lay out again what opening changed

				assert.LessOrEqual(t, u.root.MinSize().Width, float32(minWidth), "the window's content")
				assert.True(t, u.collapsed, "the sidebar is a rail below %v", railBelow)
				objs := []fyne.CanvasObject{u.root}
				if top := u.win.Canvas().Overlays().Top(); top != nil {
					assert.LessOrEqual(t, top.MinSize().Width, size.Width, "the dialog")
					objs = append(objs, top)
				}
				d := fyne.CurrentApp().Driver()
				checked := 0
				for _, o := range objs {
					for _, b := range find[*widget.Button](o) {
						if !b.Visible() || !shown(o, b) {
							continue
						}
						at := d.AbsolutePositionForObject(b)
						assert.LessOrEqual(t, at.X+b.Size().Width, size.Width+0.5, "button %q inside the window", b.Text)
						assert.GreaterOrEqual(t, b.Size().Width+0.5, b.MinSize().Width, "button %q whole", b.Text)
						checked++
					}
				}
				assert.Positive(t, checked, "buttons were looked at")
			})
		}
	}
}

// shown reports whether o is visible with every container above it, up to root.
func shown(root, o fyne.CanvasObject) bool {
	visible := false
	var walk func(c fyne.CanvasObject) bool
	walk = func(c fyne.CanvasObject) bool {
		if !c.Visible() {
			return false
		}
		if c == o {
			visible = true
			return true
		}
		var kids []fyne.CanvasObject
		switch x := c.(type) {
		case *fyne.Container:
			kids = x.Objects
		case fyne.Widget:
			kids = test.WidgetRenderer(x).Objects()
		}
		for _, k := range kids {
			if walk(k) {
				return true
			}
		}
		return false
	}
	walk(root)
	return visible
}

// TestNarrowCalendarGolden: at 680 pixels the sidebar is a rail of icons and the agenda is
// under the month.
func TestNarrowCalendarGolden(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.win.Resize(fyne.NewSize(680, 700))
	u.goScreen(screenCalendar)
	u.win.Resize(fyne.NewSize(680, 700))
	require.True(t, u.collapsed)
	folds := find[*widgets.Fold](u.calendar.root)
	require.Len(t, folds, 1)
	assert.True(t, folds[0].Folded(), "the agenda is under the month")
	// Folded, the month asks only for its day numbers and the agenda holds every row (six in
	// the sample, which a split left a row and a half), the screen scrolling instead.
	page, agenda := folds[0].Page().Scroll, u.calendar.agenda
	assert.Less(t, u.calendar.grid.Size().Height, agenda.Size().Height, "the agenda is taller than the month")
	assert.Greater(t, agenda.MinSize().Height, float32(5*50), "the agenda asks for all its rows")
	assert.Equal(t, agenda.MinSize().Height, agenda.Size().Height)
	assert.Greater(t, page.Content.Size().Height, page.Size().Height, "the screen scrolls")
	test.AssertRendersToMarkup(t, "narrow_calendar.xml", u.win.Canvas())

	// Wide again, the sidebar and the agenda come back beside.
	u.win.Resize(fyne.NewSize(1280, 720))
	assert.False(t, u.collapsed)
	assert.False(t, folds[0].Folded())
	assert.Less(t, agenda.MinSize().Height, float32(100), "beside the month the agenda scrolls its rows")
	assert.Same(t, u.search, searchField(u), "the search field is back in the sidebar")
}

// TestNarrowCalendarTabScrolls: on the folded calendar, Tab to the New meeting button under
// the agenda scrolls the screen to it.
func TestNarrowCalendarTabScrolls(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.win.Resize(fyne.NewSize(680, 700))
	u.goScreen(screenCalendar)
	u.win.Resize(fyne.NewSize(680, 700))
	folds := find[*widgets.Fold](u.calendar.root)
	require.Len(t, folds, 1)
	require.True(t, folds[0].Folded())
	page := folds[0].Page().Scroll
	require.Zero(t, page.Offset.Y)
	require.True(t, tabTo(u, func(f fyne.Focusable) bool {
		b, ok := f.(*widget.Button)
		return ok && b.Text == "New meeting"
	}, 80), "Tab reaches New meeting")
	assert.Positive(t, page.Offset.Y, "the screen scrolled to it")
}

// TestNarrowTalksTipsTheCutTitle: at 680 pixels Talks cuts the Tokyo round's title in the
// middle; the pointer resting on its row shows it whole in a tip, and leaving takes it away.
func TestNarrowTalksTipsTheCutTitle(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.win.Resize(fyne.NewSize(680, 700))
	u.goScreen(screenTalks)
	u.win.Resize(fyne.NewSize(680, 700))
	const title = "Peace treaty consultations, round 2 — Tokyo"
	var cut *widgets.CutLabel
	for _, l := range widgetstest.Rendered[*widgets.CutLabel](u.talks.list) {
		if l.FullText() == title && l.Visible() {
			cut = l
		}
	}
	require.NotNil(t, cut, "the Tokyo round is listed")
	require.NotEqual(t, title, cut.Text, "its title is cut at 680 px")

	c := u.win.Canvas()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(cut)
	test.MoveMouse(c, at.AddXY(cut.Size().Width/2, cut.Size().Height/2))
	assert.Equal(t, title, u.tips.Tip(), "the whole title in a tip")
	test.MoveMouse(c, fyne.NewPos(5, 5))
	assert.Empty(t, u.tips.Tip(), "gone once the pointer leaves the row")

	// Opened by keyboard with the pointer still on the row, the page leaves no tip over it.
	test.MoveMouse(c, at.AddXY(cut.Size().Width/2, cut.Size().Height/2))
	require.Equal(t, title, u.tips.Tip())
	c.Focus(u.talks.list)
	u.talks.list.SetCursor(3)
	pressKey(u, fyne.KeyReturn)
	_, onMeeting := u.top().(*meetingPage)
	require.True(t, onMeeting, "Enter opened the row")
	assert.Empty(t, u.tips.Tip(), "no tip over the page opened")
}

// searchField is the entry in the sidebar's search slot, if any.
func searchField(u *ui) *widget.Entry {
	if es := find[*widget.Entry](u.searchSlot); len(es) > 0 {
		return es[0]
	}
	return nil
}

// TestRailSearch: on the rail, Ctrl+F opens the search field beside it, focused, and a search
// closes it.
func TestRailSearch(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.win.Resize(fyne.NewSize(680, 700))
	require.True(t, u.collapsed)
	assert.Nil(t, searchField(u), "the rail shows an icon, not the field")
	u.focusSearch()
	require.NotNil(t, u.searchPop)
	assert.True(t, u.searchPop.Visible())
	assert.Same(t, u.search, u.win.Canvas().Focused())
	test.Type(u.search, "Morgulov")
	u.search.OnSubmitted(u.search.Text)
	assert.Nil(t, u.searchPop)
	_, ok := u.top().(*searchPage)
	assert.True(t, ok, "the results are shown")
}

// TestAgendaCountsTheRest: with more talks ahead than it lists, the agenda says how many, and
// its "+N more" opens them in Talks.
func TestAgendaCountsTheRest(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2016, time.June, 1, 9, 0, 0, 0, time.UTC)
	u, st := newTestUI(t, now)
	for i := range 10 {
		m := storage.Meeting{Title: fmt.Sprintf("Working group %d", i+1), Status: storage.StatusProposed,
			When: storage.OnDay(2017, time.March, i+1)}
		require.NoError(t, st.CreateMeeting(ctx, &m))
	}
	var d monthData
	require.NoError(t, loadAgendaInto(ctx, st, now, &d))
	// Ahead: Naryshkin's call, the Tokyo round, Sep 2016, by end of 2016 and the ten.
	assert.Len(t, d.upcoming, agendaSize)
	assert.Equal(t, 14-agendaSize, d.moreUpcoming)
	assert.Len(t, d.recent, 2, "round 1 and Sochi")
	assert.Equal(t, 0, d.moreRecent)

	u.calendar.showMore(true)
	assert.Equal(t, screenTalks, u.screen)
	assert.Equal(t, "2016-06-01", u.talks.from.Text)
	assert.Len(t, u.talks.keys, 14)
}

// TestCrowdedDayShowsTimedFirst: a day's timed meetings come first, by time, then those
// known only to the day.
func TestCrowdedDayShowsTimedFirst(t *testing.T) {
	ctx := context.Background()
	u, st := newTestUI(t, afterSample)
	_ = u
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	add := func(title string, when storage.FuzzyDate) {
		m := storage.Meeting{Title: title, Status: storage.StatusScheduled, When: when}
		require.NoError(t, st.CreateMeeting(ctx, &m))
	}
	exact := func(h int) storage.FuzzyDate {
		f, err := storage.Exact(time.Date(2016, time.June, 22, h, 0, 0, 0, tokyo), "Asia/Tokyo")
		require.NoError(t, err)
		return f
	}
	add("Working lunch", storage.OnDay(2016, time.June, 22))
	add("Press availability", exact(15))
	add("Breakfast with the ambassador", exact(8))

	d, err := loadMonth(ctx, st, 2016, time.June, time.Monday)
	require.NoError(t, err)
	var got []string
	for _, c := range d.days[widgets.Date{Year: 2016, Month: time.June, Day: 22}] {
		got = append(got, c.Label)
	}
	assert.Equal(t, []string{"Breakfast with the ambassador", "Peace treaty consultations, round 2 — Tokyo",
		"Press availability", "Working lunch"}, got)
}
