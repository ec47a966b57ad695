package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTextAreaGrowsToItsText: a text area is as tall as its text, however long, so it never
// scrolls inside itself; on a page the wheel over it scrolls the page, and every line is on
// the page.
func TestTextAreaGrowsToItsText(t *testing.T) {
	newTestApp(t)
	area := NewTextArea(3)
	stock := widget.NewMultiLineEntry()
	stock.Wrapping = fyne.TextWrapWord
	stock.SetMinRowsVisible(3)
	above := widget.NewEntry()
	page := NewPageScroll(container.NewVBox(above, area, widget.NewEntry()))
	w := test.NewTempWindow(t, page)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(400, 300))
	lineH := fyne.MeasureText("Ag", area.Theme().Size(theme.SizeNameText), fyne.TextStyle{}).Height

	for _, tc := range []struct {
		name  string
		text  string
		lines int // at least this many lines
	}{
		{"empty: as many rows as asked", "", 3},
		{"forty short lines", strings.Repeat("a line of notes\n", 39) + "the last line", 40},
		{"one long paragraph wrapped", strings.Repeat("The delegation will raise the question of the islands again. ", 30), 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			area.SetText(tc.text)
			stock.SetText(tc.text)
			w.Resize(fyne.NewSize(401, 300)) // the window lays out again what changed size
			w.Resize(fyne.NewSize(400, 300))
			assert.GreaterOrEqual(t, area.Size().Height, float32(tc.lines)*lineH, "every line in the box")
			assert.Equal(t, area.MinSize().Height, area.Size().Height)
			if tc.text == "" {
				assert.Equal(t, stock.MinSize().Height, area.MinSize().Height, "no taller than a stock entry")
			}
		})
	}

	// The long paragraph is on the page, taller than the window: the wheel over it scrolls
	// the page, down and up.
	require.Greater(t, area.Size().Height, float32(300))
	c := w.Canvas()
	over := fyne.NewPos(200, above.Size().Height+40)
	page.Scroll.ScrollToTop()
	test.Scroll(c, over, 0, -120)
	assert.Equal(t, float32(120), page.Scroll.Offset.Y, "the wheel over the text area scrolls the page")
	test.Scroll(c, over, 0, 60)
	assert.Equal(t, float32(60), page.Scroll.Offset.Y)
}

// TestTextAreaMeasuresOnlyWhatChanged: MinSize, asked for at every frame, wraps the text again
// only when the text or the width changed.
func TestTextAreaMeasuresOnlyWhatChanged(t *testing.T) {
	newTestApp(t)
	area := NewTextArea(2)
	w := test.NewTempWindow(t, area)
	w.Resize(fyne.NewSize(300, 200))
	area.SetText(strings.Repeat("word ", 200))
	first := area.MinSize()
	seg := area.measure.Segments[0].(*widget.TextSegment)
	seg.Text = "" // were the text wrapped again, the segment would hold it
	assert.Equal(t, first, area.MinSize())
	assert.Empty(t, seg.Text, "unchanged: not measured again")

	area.SetText(area.Text + " more")
	area.MinSize()
	assert.Equal(t, area.Text, seg.Text, "new text is measured")
}
