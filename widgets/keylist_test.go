package widgets

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// numbered is a KeyList of n rows "row 0" … in a window of the given height, and the rows
// opened.
func numbered(t *testing.T, n int, height float32) (*KeyList, fyne.Window, *[]int) {
	t.Helper()
	var opened []int
	l := NewKeyList(func() int { return n },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(fmt.Sprintf("row %d", id)) })
	l.OnOpen = func(id widget.ListItemID) { opened = append(opened, id) }
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(300, height))
	return l, w, &opened
}

func TestKeyListKeys(t *testing.T) {
	newTestApp(t)
	l, w, opened := numbered(t, 100, 400)
	c := w.Canvas()
	var cursor []int
	l.OnCursor = func(id widget.ListItemID) { cursor = append(cursor, id) }

	test.FocusNext(c)
	require.Equal(t, l, c.Focused(), "the list is in the Tab order")
	assert.Equal(t, []int{0}, cursor, "focus selects the row it is on")
	page := l.page()
	require.Greater(t, page, 3)
	for _, tc := range []struct {
		key  fyne.KeyName
		want int
	}{
		{fyne.KeyDown, 1}, {fyne.KeyDown, 2}, {fyne.KeyUp, 1},
		{fyne.KeyPageDown, 1 + page}, {fyne.KeyPageUp, 1}, {fyne.KeyPageUp, 0}, {fyne.KeyUp, 0},
		{fyne.KeyEnd, 99}, {fyne.KeyDown, 99}, {fyne.KeyHome, 0},
	} {
		l.TypedKey(&fyne.KeyEvent{Name: tc.key})
		assert.Equal(t, tc.want, l.Cursor(), "after %s", tc.key)
	}
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	assert.Equal(t, []int{99}, *opened, "Enter opens the selected row")
	assert.Greater(t, l.GetScrollOffset(), float32(0), "End scrolled to the last row")

	c.Unfocus()
	assert.Equal(t, 99, l.Cursor(), "the row is kept while the list has no focus")
	c.Focus(l)
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	assert.Equal(t, []int{99, 99}, *opened, "Space opens too")
}

// A tap opens the row tapped, also the one already selected, and takes the keyboard there.
func TestKeyListTap(t *testing.T) {
	newTestApp(t)
	l, w, opened := numbered(t, 5, 300)
	rows := map[string]*keyRow{}
	for _, o := range test.LaidOutObjects(l) {
		if r, ok := o.(*keyRow); ok {
			rows[r.content.(*widget.Label).Text] = r
		}
	}
	require.Contains(t, rows, "row 2")
	test.Tap(rows["row 2"])
	assert.Equal(t, []int{2}, *opened)
	assert.Equal(t, l, w.Canvas().Focused())
	assert.Equal(t, 2, l.Cursor())
	test.Tap(rows["row 2"])
	assert.Equal(t, []int{2, 2}, *opened, "a tap on the selected row opens it as well")
}

func TestCutMiddle(t *testing.T) {
	newTestApp(t)
	size := theme.TextSize()
	style := fyne.TextStyle{Bold: true}
	title := "Peace treaty consultations, round 2 — Tokyo"
	full := fyne.MeasureText(title, size, style).Width
	for _, tc := range []struct {
		name  string
		width float32
	}{
		{"fits", full}, {"three quarters", full * 3 / 4}, {"half", full / 2}, {"a third", full / 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cutMiddle(title, size, style, tc.width)
			assert.LessOrEqual(t, fyne.MeasureText(got, size, style).Width, tc.width)
			if tc.width >= full {
				assert.Equal(t, title, got)
				return
			}
			require.Contains(t, got, "…")
			parts := strings.SplitN(got, "…", 2)
			assert.True(t, strings.HasPrefix(title, parts[0]), "%q keeps the start", got)
			assert.True(t, strings.HasSuffix(title, parts[1]), "%q keeps the end", got)
			assert.InDelta(t, len([]rune(parts[0])), len([]rune(parts[1])), 2, "%q keeps as much of both", got)
			// One more rune would not fit: the width is used.
			longer := cutMiddle(title, size, style, tc.width+fyne.MeasureText("MM", size, style).Width)
			assert.Greater(t, len(longer), len(got))
		})
	}
	assert.True(t, strings.HasSuffix(cutMiddle(title, size, style, full/2), "2 — Tokyo"), "the round number survives a cut to half")
	assert.Equal(t, "", cutMiddle(title, size, style, 1))
}

func TestCutLabelUsesItsWidth(t *testing.T) {
	newTestApp(t)
	title := "Peace treaty consultations, round 2 — Tokyo"
	l := NewCutLabel(title, true)
	w := test.NewTempWindow(t, container.NewStack(l))
	w.SetPadded(false)
	full := fyne.MeasureText(title, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
	w.Resize(fyne.NewSize(full+10, 40))
	assert.Equal(t, title, l.Text, "a label wide enough shows it all")
	w.Resize(fyne.NewSize(full/2, 40))
	assert.Contains(t, l.Text, "…")
	assert.True(t, strings.HasSuffix(l.Text, "Tokyo"), "%q ends as the title does", l.Text)
	assert.Equal(t, title, l.FullText())
	l.SetText("Abe–Putin summit — Sochi, with a much longer title than fits here")
	assert.True(t, strings.HasSuffix(l.Text, "here"), "%q", l.Text)
	w.Resize(fyne.NewSize(full*2, 40))
	assert.Equal(t, l.FullText(), l.Text, "widened again, it shows it all")
}

// The wheel over an entry in a page scrolls the page; Reveal brings a field into view.
func TestPageScroll(t *testing.T) {
	newTestApp(t)
	box := container.NewVBox()
	var entries []*widget.Entry
	for i := range 30 {
		e := widget.NewEntry()
		e.SetText(fmt.Sprintf("field %d", i))
		entries = append(entries, e)
		box.Add(e)
	}
	ml := widget.NewMultiLineEntry()
	box.Add(ml)
	s := NewPageScroll(box)
	beside := widget.NewEntry()
	w := test.NewTempWindow(t, container.NewBorder(nil, nil, beside, nil, s))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(450, 200))
	c := w.Canvas()

	x := s.Position().X + 150
	at := fyne.NewPos(x, entries[1].Position().Y+5)
	test.Scroll(c, at, 0, -40)
	assert.Equal(t, float32(40), s.Scroll.Offset.Y, "the wheel over an entry scrolls the page")
	test.Scroll(c, at, 0, 40)
	assert.Equal(t, float32(0), s.Scroll.Offset.Y)

	require.True(t, s.Reveal(entries[20]))
	y := entries[20].Position().Y - s.Scroll.Offset.Y
	assert.GreaterOrEqual(t, y, float32(0))
	assert.LessOrEqual(t, y+entries[20].Size().Height, float32(200), "the field is in view")
	off := s.Scroll.Offset.Y
	require.True(t, s.Reveal(entries[20]))
	assert.Equal(t, off, s.Scroll.Offset.Y, "a field in view stays where it is")
	require.True(t, s.Reveal(entries[0]))
	assert.Equal(t, float32(0), s.Scroll.Offset.Y)
	assert.False(t, s.Reveal(beside), "an object outside the page")

	// Taps still reach the fields beneath the wheel layer.
	test.AssertCanvasTappableAt(t, c, fyne.NewPos(x, entries[2].Position().Y+5))
}

// The pointer on a row marks it and reports it (the app says the whole row in the status
// line), as the keyboard's selection does.
func TestKeyListHover(t *testing.T) {
	newTestApp(t)
	l, _, _ := numbered(t, 5, 300)
	var hovered []int
	l.OnHover = func(id widget.ListItemID) { hovered = append(hovered, id) }
	var row *keyRow
	for _, o := range test.LaidOutObjects(l) {
		if r, ok := o.(*keyRow); ok && r.id == 1 {
			row = r
		}
	}
	require.NotNil(t, row)
	var _ desktop.Hoverable = row // the row, not the stock list's item, takes the pointer
	row.MouseIn(&desktop.MouseEvent{})
	assert.Equal(t, []int{1}, hovered)
	assert.True(t, row.hover.Visible(), "the row is marked")
	row.MouseOut()
	assert.False(t, row.hover.Visible())
}
