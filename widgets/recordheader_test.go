package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
)

func TestRecordHeader(t *testing.T) {
	newTestApp(t)
	saved := 0
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { saved++ })
	badge := NewStatusBadge(StatusScheduled, "Scheduled")
	h := NewRecordHeader(badge, save)
	h.SetTitle("Tokyo round", "Wed 22 Jun 2016, 10:00 JST · Iikura House, Tokyo")
	w := showGolden(t, h, fyne.NewSize(640, 120), "recordheader/saved.xml")
	r := test.WidgetRenderer(h).(*recordHeaderRenderer)

	assert.Equal(t, "Tokyo round", r.title.Text)
	assert.True(t, r.sub.Visible())
	assert.False(t, r.unsaved.Visible(), "no marker until there is something to save")

	h.SetUnsaved(true)
	assert.True(t, h.Unsaved)
	assert.True(t, r.unsaved.Visible())
	assert.Less(t, r.unsaved.Position().X, save.Position().X, "the marker stands before the buttons")
	test.AssertRendersToMarkup(t, "recordheader/unsaved.xml", w.Canvas())

	test.Tap(save)
	assert.Equal(t, 1, saved, "the buttons are the caller's")

	// An empty subtitle is hidden; the buttons keep its row.
	before := h.MinSize().Height
	h.SetTitle("Tokyo round", "")
	assert.False(t, r.sub.Visible())
	assert.LessOrEqual(t, h.MinSize().Height, before)

	h.SetUnsaved(false)
	assert.False(t, r.unsaved.Visible())
}

// tokyoHeader is the header of the Tokyo round's page, with its five buttons, over subtitle.
func tokyoHeader(subtitle string) (*RecordHeader, []fyne.CanvasObject) {
	var buttons []fyne.CanvasObject
	for _, label := range []string{"Change status…", "Save", "Pre-flight: 1 important", "Export briefing pack", "Delete"} {
		buttons = append(buttons, widget.NewButton(label, func() {}))
	}
	h := NewRecordHeader(buttons...)
	h.SetTitle("Peace treaty consultations, round 2 — Tokyo", subtitle)
	return h, buttons
}

// On a narrow page the title keeps the whole width: the buttons share the subtitle's row.
func TestRecordHeaderNarrow(t *testing.T) {
	newTestApp(t)
	h, _ := tokyoHeader("Wed 22 Jun 2016, 10:00 JST")
	w := test.NewTempWindow(t, h)
	w.Resize(fyne.NewSize(900, 200))
	r := test.WidgetRenderer(h).(*recordHeaderRenderer)
	assert.Equal(t, h.Size().Width, r.title.Size().Width, "the title has the whole width")
	assert.GreaterOrEqual(t, r.buttons.Position().Y, r.title.Position().Y+r.title.Size().Height, "the buttons under the title")
	assert.LessOrEqual(t, r.sub.Position().X+r.sub.Size().Width, r.buttons.Position().X, "the subtitle stops where the buttons start")
}

// In a header too narrow for the subtitle and the buttons side by side, the buttons take rows
// of their own under the subtitle, wrapping, each whole and inside the header.
func TestRecordHeaderWrapsItsButtons(t *testing.T) {
	newTestApp(t)
	h, buttons := tokyoHeader("Wed 22 Jun 2016, 10:00 JST · Tokyo, Japan")
	w := test.NewTempWindow(t, h)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1200, 200))
	r := test.WidgetRenderer(h).(*recordHeaderRenderer)
	wideH := h.MinSize().Height
	assert.InDelta(t, r.sub.Position().Y, r.buttons.Position().Y, 4, "wide: one row for the subtitle and the buttons")

	w.Resize(fyne.NewSize(560, 300))
	w.Resize(fyne.NewSize(560, 300)) // the height follows the width laid out
	assert.Greater(t, r.buttons.Position().Y, r.sub.Position().Y, "narrow: the buttons under the subtitle")
	assert.Equal(t, float32(560), r.sub.Size().Width, "the subtitle has the row to itself")
	assert.Greater(t, h.MinSize().Height, wideH)
	assert.LessOrEqual(t, h.MinSize().Width, float32(560))
	rows := map[float32]bool{}
	for _, b := range buttons {
		assert.LessOrEqual(t, r.buttons.Position().X+b.Position().X+b.Size().Width, float32(560.5))
		assert.GreaterOrEqual(t, b.Size().Width+0.5, b.MinSize().Width)
		rows[b.Position().Y] = true
	}
	assert.Len(t, rows, 2, "the buttons wrap onto two rows")
}
