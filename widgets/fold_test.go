package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sized is a rectangle asking for w×h.
func sized(w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(w, h))
	return r
}

// TestFoldStacksAndScrolls: wide, the parts are side by side; below the breakpoint the second
// goes under the first at the height it asks for, the first takes the rest, and the page
// scrolls only when the window is shorter than both.
func TestFoldStacksAndScrolls(t *testing.T) {
	newTestApp(t)
	first, second := sized(200, 100), sized(200, 300)
	f := NewFold(first, second, 500, 0.6)
	var told []bool
	f.OnFold = func(folded bool) { told = append(told, folded) }
	pad := theme.Padding()

	tests := []struct {
		name         string
		size         fyne.Size
		folded       bool
		firstHeight  float32
		secondHeight float32
		scrolls      bool
	}{
		{"wide", fyne.NewSize(800, 500), false, 500, 500, false},
		{"narrow and tall: the first takes what is spare", fyne.NewSize(400, 700), true, 700 - pad - 300, 300, false},
		{"narrow and short: both as they ask, the page scrolls", fyne.NewSize(400, 250), true, 100, 300, true},
		{"wide again", fyne.NewSize(800, 400), false, 400, 400, false},
	}
	w := test.NewTempWindow(t, f)
	w.SetPadded(false)
	w.Resize(tests[0].size)
	told = nil
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w.Resize(tc.size)
			require.Equal(t, tc.folded, f.Folded())
			assert.Equal(t, tc.firstHeight, first.Size().Height, "the first part")
			assert.Equal(t, tc.secondHeight, second.Size().Height, "the second part")
			if tc.folded {
				assert.Equal(t, tc.size.Width, first.Size().Width, "folded, the parts take the whole width")
				assert.Equal(t, first.Size().Height+pad, second.Position().Y, "the second under the first")
				assert.Equal(t, tc.scrolls, f.Page().Scroll.Content.Size().Height > f.Page().Scroll.Size().Height,
					"the page scrolls")
				assert.Less(t, f.MinSize().Height, first.MinSize().Height+second.MinSize().Height,
					"folded, the window may be shorter than both")
			} else {
				assert.Less(t, first.Size().Width, tc.size.Width*0.7, "side by side")
				assert.Equal(t, float32(0), second.Position().Y)
			}
		})
	}
	assert.Equal(t, []bool{true, false}, told, "OnFold on each change")
}

// TestCompactMonthGridAsksForNumbersOnly: compact, the grid asks for no more than its day
// numbers, and a day with no room for its chips counts them in "+N more" (or "N talks", named
// by ChipNouns, since none of them is shown); given more room it shows them again.
func TestCompactMonthGridAsksForNumbersOnly(t *testing.T) {
	newTestApp(t)
	g := sampleGrid()
	w, r := showGrid(t, g)
	full := g.MinSize().Height
	g.SetCompact(true)
	compact := g.MinSize().Height
	chipRow := r.cells[0].MinSize().Height - r.cells[0].numberRowHeight()
	assert.InDelta(t, full-gridWeeks*chipRow, compact, 0.5, "a chip's row less every week")

	w.Resize(fyne.NewSize(g.MinSize().Width, compact))
	cell, cr := cellOf(t, r, tokyoRoundDay)
	assert.Empty(t, shownLabels(cr), "no room for a chip")
	assert.True(t, cr.more.Visible())
	assert.Contains(t, cr.more.text, fmt.Sprintf("+%d", len(cell.chips)), "the day counts its chips")
	g.ChipNouns = [2]string{"talk", "talks"}
	w.Resize(fyne.NewSize(700, compact)) // room for the words in a cell
	require.Empty(t, shownLabels(cr))
	named := fmt.Sprintf("%d talks", len(cell.chips))
	if len(cell.chips) == 1 {
		named = "1 talk"
	}
	assert.Equal(t, named, cr.more.text, "named, when none of them is shown")

	w.Resize(fyne.NewSize(g.MinSize().Width, full))
	assert.NotEmpty(t, shownLabels(cr), "compact, the grid still shows the chips its height allows")
}

// TestAgendaWholeHeight: asked for its whole height, the agenda's list has room for every row
// and does not scroll.
func TestAgendaWholeHeight(t *testing.T) {
	newTestApp(t)
	a := NewAgenda()
	a.SetItems(sampleUpcoming(), sampleRecent())
	_, r := showAgenda(t, a)
	row := newAgendaRowView().MinSize().Height
	assert.Less(t, a.MinSize().Height, 2*row, "by default the list scrolls its rows")

	a.SetWholeHeight(true)
	a.Resize(a.MinSize())
	assert.Greater(t, a.MinSize().Height, float32(len(sampleUpcoming())+len(sampleRecent()))*row, "every item")
	assert.Equal(t, r.list.Size().Height, a.MinSize().Height)
	r.list.ScrollToBottom()
	assert.Zero(t, r.list.GetScrollOffset(), "every row is in view: there is nothing to scroll")
}
