package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// pressKey presses a key as the desktop window delivers it: the window's own keys first
// (keyFirst, which hookKeys puts in front in the program), then a menu shortcut, Tab moving
// the focus, the focused widget, or the window's key handler, and keyAfter last.
func pressKey(u *ui, name fyne.KeyName) { pressKeyWith(u, name, 0) }

func pressKeyWith(u *ui, name fyne.KeyName, mods fyne.KeyModifier) {
	c := u.win.Canvas()
	if u.keyFirst(name, mods) {
		return
	}
	ev := &fyne.KeyEvent{Name: name}
	tabbable, _ := c.Focused().(fyne.Tabbable)
	switch {
	case mods&^fyne.KeyModifierShift != 0:
		runShortcut(u, &desktop.CustomShortcut{KeyName: name, Modifier: mods})
	case name == fyne.KeyTab && (tabbable == nil || !tabbable.AcceptsTab()):
		if mods == 0 {
			test.FocusNext(c)
		} else {
			test.FocusPrevious(c)
		}
	case c.Focused() != nil:
		c.Focused().TypedKey(ev)
	case c.OnTypedKey() != nil:
		c.OnTypedKey()(ev)
	}
	u.keyAfter(name, mods)
}

// runShortcut runs the menu item of shortcut s, as the window does for a shortcut typed
// anywhere.
func runShortcut(u *ui, s fyne.Shortcut) bool {
	var find func(items []*fyne.MenuItem) bool
	find = func(items []*fyne.MenuItem) bool {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && find(it.ChildMenu.Items) {
				return true
			}
		}
		return false
	}
	for _, m := range u.win.MainMenu().Items {
		if find(m.Items) {
			return true
		}
	}
	return false
}

// typeText types s into the focused widget, as the window does.
func typeText(u *ui, s string) {
	for _, r := range s {
		u.win.Canvas().Focused().TypedRune(r)
	}
}

// tabTo presses Tab until want has the focus, at most limit times, and reports whether it got
// there.
func tabTo(u *ui, want func(fyne.Focusable) bool, limit int) bool {
	for range limit {
		pressKey(u, fyne.KeyTab)
		if f := u.win.Canvas().Focused(); f != nil && want(f) {
			return true
		}
	}
	return false
}

// listOf is the keyboard list of a list screen.
func listOf(t *testing.T, u *ui, screen string) *widgets.KeyList {
	t.Helper()
	lists := find[*widgets.KeyList](u.screenPage(screen).view())
	require.Len(t, lists, 1)
	return lists[0]
}

// Every list screen is in the Tab order; the arrows, Page Up/Down, Home and End move the
// selection, Enter opens the selected record, and Backspace comes back to the same row.
func TestListsByKeyboard(t *testing.T) {
	for _, tc := range []struct {
		screen string
		// from is where the focus starts: the filter, or the screen's New button.
		from func(u *ui) fyne.Focusable
		// tabs is how many Tabs it takes to the list: the inputs and buttons between, in
		// reading order (not round the window).
		tabs int
	}{
		{screenTalks, func(u *ui) fyne.Focusable { return u.talks.text }, 10},
		{screenActors, func(u *ui) fyne.Focusable { return u.screenPage(screenActors).(*actorsScreen).filter }, 2},
		{screenDisputes, nil, 1},
		{screenSources, nil, 1},
	} {
		t.Run(tc.screen, func(t *testing.T) {
			u, _ := newTestUI(t, afterSample)
			u.goScreen(tc.screen)
			c := u.win.Canvas()
			l := listOf(t, u, tc.screen)
			n := l.Length()
			require.Greater(t, n, 0)
			if tc.from != nil {
				c.Focus(tc.from(u))
			} else {
				c.Focus(find[*widget.Button](u.top().view())[0])
			}
			require.True(t, tabTo(u, func(f fyne.Focusable) bool { return f == l }, tc.tabs), "Tab from the filter reaches the list")
			assert.Equal(t, 0, l.Cursor(), "the first row is selected")

			pressKey(u, fyne.KeyEnd)
			assert.Equal(t, n-1, l.Cursor(), "End")
			pressKey(u, fyne.KeyHome)
			assert.Equal(t, 0, l.Cursor(), "Home")
			pressKey(u, fyne.KeyPageDown)
			assert.Equal(t, n-1, l.Cursor(), "Page Down goes a screenful on, at most to the end (the sample's lists are short)")
			pressKey(u, fyne.KeyPageUp)
			assert.Equal(t, 0, l.Cursor(), "Page Up")
			pressKey(u, fyne.KeyDown)
			pressKey(u, fyne.KeyDown)
			pressKey(u, fyne.KeyUp)
			want := min(1, n-1)
			assert.Equal(t, want, l.Cursor(), "Down, Down, Up")
			assert.NotEmpty(t, u.status.Text, "the selected row is said whole in the status line")

			pressKey(u, fyne.KeyReturn)
			require.Len(t, u.stack, 2, "Enter opens the selected record")
			assert.NotEqual(t, l, c.Focused(), "the keys no longer act on the list behind")
			pressKey(u, fyne.KeyBackspace)
			require.Len(t, u.stack, 1, "Backspace outside a text field goes back")
			assert.Equal(t, l, c.Focused(), "the focus is back on the list")
			assert.Equal(t, want, l.Cursor(), "on the same row")
		})
	}
}

// Enter in the talks filter moves on to the rows; a tap opens a row at once.
func TestTalksFilterEnterAndTap(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.goScreen(screenTalks)
	c := u.win.Canvas()
	c.Focus(u.talks.text)
	test.Type(u.talks.text, "Tokyo")
	pressKey(u, fyne.KeyReturn)
	require.Equal(t, u.talks.list, c.Focused())
	pressKey(u, fyne.KeyReturn)
	require.Len(t, u.stack, 2)
	assert.Equal(t, u.talks.keys[0].Title, u.top().title(), "the first row that passes the filter")
	pressKeyWith(u, fyne.KeyLeft, fyne.KeyModifierAlt)
	require.Len(t, u.stack, 1, "Alt+Left goes back")

	var tapped bool
	for _, r := range find[fyne.CanvasObject](u.talks.list) {
		if fmt.Sprintf("%T", r) == "*widgets.keyRow" {
			test.Tap(r.(fyne.Tappable))
			tapped = true
			break
		}
	}
	require.True(t, tapped)
	assert.Len(t, u.stack, 2, "a tap opens the row")
}

// Search results: Tab reaches them, Down moves to the next, Enter opens it.
func TestSearchResultsByKeyboard(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.onSearch("Tokyo")
	sp := u.top().(*searchPage)
	require.GreaterOrEqual(t, len(sp.links), 2)
	c := u.win.Canvas()
	c.Focus(u.search)
	require.True(t, tabTo(u, func(f fyne.Focusable) bool { return f == sp.links[0] }, 10), "Tab reaches the first result")
	pressKey(u, fyne.KeyDown)
	require.Equal(t, sp.links[1], c.Focused())
	pressKey(u, fyne.KeyUp)
	require.Equal(t, sp.links[0], c.Focused())
	pressKey(u, fyne.KeyDown)
	pressKey(u, fyne.KeyReturn)
	require.Len(t, u.stack, 3, "Enter opens the result")
	assert.NotEqual(t, sp, u.top())
}

// Escape closes each dialog and pop-up, also while a field or a button in it has the focus.
func TestEscapeClosesEveryDialog(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(t *testing.T, u *ui)
		// focus puts the focus inside the dialog (nil: as it opened).
		focus func(u *ui)
	}{
		{"unsaved changes, a button focused", func(t *testing.T, u *ui) {
			p := openMeeting(t, u, sample.TokyoRoundID)
			test.Type(p.titleE, " (draft)")
			u.back()
		}, func(u *ui) { test.FocusNext(u.win.Canvas()) }},
		{"add participant, its first field focused", func(t *testing.T, u *ui) {
			openMeeting(t, u, sample.TokyoRoundID).onAddParticipant()
		}, nil},
		{"change status, the reason focused", func(t *testing.T, u *ui) {
			openMeeting(t, u, sample.TokyoRoundID).onChangeStatus()
		}, func(u *ui) {
			for _, e := range find[*widget.Entry](overlay(t, u)) {
				if e.MultiLine {
					u.win.Canvas().Focus(e)
				}
			}
		}},
		{"export", func(t *testing.T, u *ui) { u.onExport() }, func(u *ui) { test.FocusNext(u.win.Canvas()) }},
		{"briefing pack", func(t *testing.T, u *ui) { openMeeting(t, u, sample.TokyoRoundID).onExport() }, nil},
		{"keyboard shortcuts", func(t *testing.T, u *ui) { u.showShortcuts() }, func(u *ui) { test.FocusNext(u.win.Canvas()) }},
		{"about", func(t *testing.T, u *ui) { u.showAbout() }, nil},
		{"the date picker pop-up", func(t *testing.T, u *ui) { openMeeting(t, u, sample.TokyoRoundID).pickDay() }, nil},
		{"a pop-up with an entry focused, as the calendar's \"+N more\"", func(t *testing.T, u *ui) {
			e := widget.NewEntry()
			widget.NewPopUp(e, u.win.Canvas()).Show()
			u.win.Canvas().Focus(e)
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := newTestUI(t, afterSample)
			stack := len(u.stack)
			tc.open(t, u)
			c := u.win.Canvas()
			require.NotNil(t, c.Overlays().Top(), "a dialog is open")
			if tc.focus != nil {
				tc.focus(u)
			}
			if top := c.Overlays().Top(); top != nil && tc.focus != nil {
				require.NotNil(t, c.Focused(), "something in the dialog has the focus")
			}
			pressKey(u, fyne.KeyEscape)
			assert.Nil(t, c.Overlays().Top(), "Escape closed it")
			assert.Empty(t, u.escapes, "and forgot it")
			assert.GreaterOrEqual(t, len(u.stack), stack, "nothing else happened")
		})
	}
}

// Escape leaves a progress dialog open: its work closes it.
func TestEscapeLeavesProgressOpen(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	d := dialog.NewCustomWithoutButtons("Importing", progressBar(), u.win)
	u.showProgress(d)
	pressKey(u, fyne.KeyEscape)
	assert.NotNil(t, u.win.Canvas().Overlays().Top())
	d.Hide()
	assert.Nil(t, u.win.Canvas().Overlays().Top())
	assert.Empty(t, u.escapes)
}

// Backspace goes back only when the focus is not in a text field and no dialog is open.
func TestBackspaceGoesBackOutsideText(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.goScreen(screenTalks)
	p := openMeeting(t, u, sample.TokyoRoundID)
	c := u.win.Canvas()
	c.Focus(p.titleE)
	before := p.titleE.Text
	p.titleE.CursorColumn = len([]rune(before))
	pressKey(u, fyne.KeyBackspace)
	require.Len(t, u.stack, 2, "in a text field Backspace deletes")
	assert.Equal(t, before[:len(before)-1], p.titleE.Text)
	p.titleE.SetText(before)
	p.ed.clean()

	u.showAbout()
	c.Unfocus()
	pressKey(u, fyne.KeyBackspace)
	require.Len(t, u.stack, 2, "not behind a dialog")
	pressKey(u, fyne.KeyEscape)

	sel := find[*widget.Select](p.view())
	require.NotEmpty(t, sel)
	c.Focus(sel[0])
	pressKey(u, fyne.KeyBackspace)
	assert.Len(t, u.stack, 1, "on a drop-down list Backspace goes back")
}

// Tab to a field below the visible part of a page scrolls the page to show it.
func TestTabScrollsTheFieldIntoView(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.win.Resize(fyne.NewSize(1024, 600))
	p := openMeeting(t, u, sample.TokyoRoundID)
	scrolls := pageScrolls(p.view())
	require.Len(t, scrolls, 1)
	s := scrolls[0]
	c := u.win.Canvas()
	c.Focus(p.titleE)
	d := fyne.CurrentApp().Driver()
	moved := false
	for range 60 {
		pressKey(u, fyne.KeyTab)
		f, ok := c.Focused().(fyne.CanvasObject)
		require.True(t, ok)
		if !s.Reveal(f) { // the header's buttons, above the page
			continue
		}
		top := d.AbsolutePositionForObject(s.Scroll).Y
		y := d.AbsolutePositionForObject(f).Y - top
		assert.GreaterOrEqual(t, y, float32(0), "%T is not above the view", f)
		assert.LessOrEqual(t, y+min(f.Size().Height, s.Scroll.Size().Height), s.Scroll.Size().Height+1, "%T is not below the view", f)
		moved = moved || s.Scroll.Offset.Y > 0
	}
	assert.True(t, moved, "the page scrolled")
}

// The wheel scrolls a page over its entries and text areas too.
func TestWheelScrollsThePageOverFields(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.win.Resize(fyne.NewSize(1024, 600))
	p := openMeeting(t, u, sample.TokyoRoundID)
	s := pageScrolls(p.view())[0]
	c := u.win.Canvas()
	d := fyne.CurrentApp().Driver()
	centre := func(o fyne.CanvasObject) fyne.Position {
		return d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	}
	areas := find[*widgets.TextArea](p.view())
	require.NotEmpty(t, areas)
	s.Scroll.ScrollToTop()
	test.Scroll(c, centre(p.titleE), 0, -120)
	assert.Greater(t, s.Scroll.Offset.Y, float32(0), "the wheel over an entry scrolls the page")

	require.True(t, s.Reveal(areas[0]))
	before := s.Scroll.Offset.Y
	require.Greater(t, before, float32(0))
	test.Scroll(c, centre(areas[0]), 0, 60)
	assert.Less(t, s.Scroll.Offset.Y, before, "the wheel over a text area scrolls the page")

	// Notes longer than the area's rows: the area grows to them, so none of them is out of
	// the wheel's reach in a scroll of the area's own, and the wheel still scrolls the page.
	long := areas[0]
	long.SetText(strings.Repeat("The delegation raises the islands again and asks for a date. ", 40))
	u.win.Resize(fyne.NewSize(1025, 600)) // the window lays out again what grew
	u.win.Resize(fyne.NewSize(1024, 600))
	lineH := fyne.MeasureText("Ag", long.Theme().Size(theme.SizeNameText), fyne.TextStyle{}).Height
	assert.Greater(t, long.Size().Height, 10*lineH, "the area holds all its lines")
	assert.Equal(t, long.MinSize().Height, long.Size().Height)
	require.True(t, s.Reveal(long))
	before = s.Scroll.Offset.Y
	test.Scroll(c, centre(long), 0, -60)
	assert.Greater(t, s.Scroll.Offset.Y, before, "the wheel over long notes scrolls the page")
}

// Help → Keyboard shortcuts names every shortcut of the menus, and each of them does what
// it says.
func TestEveryShortcutListedAndWorking(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	u.showShortcuts()
	listed := texts(overlay(t, u))
	pressKey(u, fyne.KeyEscape)
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
			if cs, ok := it.Shortcut.(*desktop.CustomShortcut); ok {
				assert.Contains(t, listed, shortcutLabel(cs), "the list names %s (%s)", shortcutLabel(cs), it.Label)
			}
		}
	}
	for _, m := range u.win.MainMenu().Items {
		walk(m.Items)
	}
	for _, key := range []string{"Tab", "Enter", "Escape", "Backspace", "Up", "Home", "Page Up"} {
		assert.Contains(t, listed, key)
	}

	ctrl := fyne.KeyModifierShortcutDefault
	for i, screen := range screenNames {
		pressKeyWith(u, fyne.KeyName(string(rune('1'+i))), ctrl)
		assert.Equal(t, screen, u.screen, "Ctrl+%d", i+1)
	}
	pressKeyWith(u, fyne.KeyF, ctrl)
	assert.Equal(t, u.search, u.win.Canvas().Focused(), "Ctrl+F")
	pressKeyWith(u, fyne.KeyN, ctrl)
	p, ok := u.top().(*meetingPage)
	require.True(t, ok, "Ctrl+N opens a new meeting")
	test.Type(p.titleE, "Keyboard round")
	pressKeyWith(u, fyne.KeyS, ctrl)
	assert.False(t, p.dirty(), "Ctrl+S saved it")
	ms, err := st.Meetings(context.Background(), storage.MeetingFilter{Text: "Keyboard round"})
	require.NoError(t, err)
	assert.Len(t, ms, 1)
	pressKeyWith(u, fyne.KeyLeft, fyne.KeyModifierAlt)
	assert.Len(t, u.stack, 1, "Alt+Left")
	for key, title := range map[fyne.KeyName]string{fyne.KeyE: "Export the dossier"} {
		pressKeyWith(u, key, ctrl)
		assert.Contains(t, texts(overlay(t, u)), title)
		pressKey(u, fyne.KeyEscape)
	}
	// Ctrl+O, Ctrl+I and Ctrl+Q open the system's file dialogs or quit: their menu items are
	// checked to be there and wired.
	for _, key := range []fyne.KeyName{fyne.KeyO, fyne.KeyI, fyne.KeyQ} {
		found := false
		for _, m := range u.win.MainMenu().Items {
			for _, it := range m.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == shortcut(key).ShortcutName() {
					found = it.Action != nil
				}
			}
		}
		assert.True(t, found, "Ctrl+%s", key)
	}
}

// The keyboard path: a meeting opened from the Talks list, a participant added, saved, and
// back, with no mouse.
func TestKeyboardPath(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	c := u.win.Canvas()
	pressKeyWith(u, fyne.Key2, fyne.KeyModifierShortcutDefault)
	require.Equal(t, screenTalks, u.screen)
	l := u.talks.list
	require.True(t, tabTo(u, func(f fyne.Focusable) bool { return f == l }, 40), "Tab reaches the talks")
	row := -1
	for i, m := range u.talks.keys {
		if m.ID == sample.MoscowRoundID {
			row = i
		}
	}
	require.GreaterOrEqual(t, row, 0)
	for range row {
		pressKey(u, fyne.KeyDown)
	}
	pressKey(u, fyne.KeyReturn)
	p, ok := u.top().(*meetingPage)
	require.True(t, ok)
	require.Equal(t, sample.MoscowRoundID, p.m.ID)
	before := len(p.participants)

	require.True(t, tabTo(u, func(f fyne.Focusable) bool {
		b, ok := f.(*widget.Button)
		return ok && b.Text == "Add participant…"
	}, 300), "Tab reaches Add participant")
	pressKey(u, fyne.KeyReturn)
	overlay(t, u)
	in := map[string]bool{}
	for _, pt := range p.participants {
		in[pt.ActorID] = true
	}
	var label string
	for _, a := range p.actors {
		if !in[a.ID] {
			label = a.Name
			if a.Title != "" {
				label += " — " + a.Title
			}
			break
		}
	}
	require.NotEmpty(t, label, "an actor not yet at the meeting")
	typeText(u, label)
	require.True(t, tabTo(u, func(f fyne.Focusable) bool { _, ok := f.(*widget.Entry); return ok }, 5), "Tab reaches the note")
	typeText(u, "joins by video")
	pressKey(u, fyne.KeyReturn)
	require.Nil(t, c.Overlays().Top(), "Enter added the participant")
	require.Len(t, p.participants, before+1)
	pressKeyWith(u, fyne.KeyS, fyne.KeyModifierShortcutDefault)
	require.False(t, p.dirty(), "saved")
	m, err := st.Meeting(context.Background(), sample.MoscowRoundID)
	require.NoError(t, err)
	require.Len(t, m.Participants, before+1)
	assert.Equal(t, "joins by video", m.Participants[len(m.Participants)-1].Note)

	if isTextInput(c.Focused()) {
		pressKeyWith(u, fyne.KeyLeft, fyne.KeyModifierAlt)
	} else {
		pressKey(u, fyne.KeyBackspace)
	}
	require.Len(t, u.stack, 1, "back on the Talks list")
	assert.Equal(t, l, c.Focused())
	assert.Equal(t, row, l.Cursor())
}

// A search typed in the sidebar keeps the cursor there when its results open.
func TestSearchKeepsTheCursor(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	c := u.win.Canvas()
	c.Focus(u.search)
	test.Type(u.search, "Tokyo")
	pressKey(u, fyne.KeyReturn)
	require.IsType(t, &searchPage{}, u.top())
	assert.Equal(t, u.search, c.Focused())
}
