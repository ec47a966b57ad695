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

// Above its page, the header gets the height its buttons' rows need at the width it is given,
// whichever way the width or the subtitle changes: the page starts below the last row. (A
// border layout asked the header's height before giving it its width, and at 680 px the second
// row of buttons was drawn under the page.)
func TestHeaderAboveMakesRoomForItsRows(t *testing.T) {
	newTestApp(t)
	h, buttons := tokyoHeader("")
	page := widget.NewLabel("The meeting")
	w := test.NewTempWindow(t, HeaderAbove(h, page))
	w.SetPadded(false)
	r := test.WidgetRenderer(h).(*recordHeaderRenderer)
	below := func(what string) {
		t.Helper()
		last := float32(0)
		for _, b := range buttons {
			last = max(last, fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Y+b.Size().Height)
		}
		assert.GreaterOrEqual(t, page.Position().Y, last, "%s: the page starts below the buttons", what)
		assert.GreaterOrEqual(t, page.Position().Y, h.Position().Y+h.Size().Height, "%s: and below the header", what)
	}
	for _, c := range []struct {
		what     string
		width    float32
		subtitle string
	}{
		{"wide", 1300, ""},
		{"narrowed", 600, ""},
		{"a subtitle arrives", 600, "Wed 22 Jun 2016, 10:00 JST · Tokyo, Japan"},
		{"narrower still", 420, "Wed 22 Jun 2016, 10:00 JST · Tokyo, Japan"},
		{"wide again", 1300, "Wed 22 Jun 2016, 10:00 JST · Tokyo, Japan"},
	} {
		w.Resize(fyne.NewSize(c.width, 500))
		h.SetTitle(h.Title, c.subtitle)
		below(c.what)
	}
	h.SetUnsaved(true) // one more object on the buttons' rows
	below("unsaved")
	assert.True(t, r.unsaved.Visible())
}

// TestRecordHeaderCutsInTheMiddleAndTips: a title or subtitle too long for the header keeps
// its start and its end, and the pointer resting on it shows it whole in a tip; one that fits
// is neither cut nor tipped.
func TestRecordHeaderCutsInTheMiddleAndTips(t *testing.T) {
	newTestApp(t)
	const (
		title = "Preparatory consultations of the deputy foreign ministers on the peace treaty, round 7 — Tokyo"
		sub   = "Deputy Minister of Foreign Affairs of the Russian Federation · Ministry of Foreign Affairs · Russia"
	)
	h := NewRecordHeader(widget.NewButton("Save", func() {}))
	tips := NewTipLayer()
	h.Tips = tips
	w := test.NewTempWindow(t, container.NewStack(container.NewVBox(h), tips))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(480, 300))
	r := test.WidgetRenderer(h).(*recordHeaderRenderer)
	c := w.Canvas()
	middle := func(o fyne.CanvasObject) fyne.Position {
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		return at.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	}

	for _, tc := range []struct {
		name         string
		title, sub   string
		label        func() *TipLabel
		start, end   string // of the text shown, when cut
		wantTip      string
		wantFullText string
	}{
		{"a long title", title, "Fri 1 Mar 2019", func() *TipLabel { return r.title }, "Preparatory", "round 7 — Tokyo", title, title},
		{"a long subtitle", "Igor Morgulov", sub, func() *TipLabel { return r.sub }, "Deputy Minister", "· Russia", sub, sub},
		{"a title that fits", "Igor Morgulov", sub, func() *TipLabel { return r.title }, "", "", "", "Igor Morgulov"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.SetTitle(tc.title, tc.sub)
			l := tc.label()
			assert.Equal(t, tc.wantFullText, l.FullText())
			if tc.start != "" {
				assert.Contains(t, l.Text, "…")
				assert.True(t, strings.HasPrefix(l.Text, tc.start), "the start stays: %q", l.Text)
				assert.True(t, strings.HasSuffix(l.Text, tc.end), "the end stays: %q", l.Text)
			} else {
				assert.Equal(t, tc.wantFullText, l.Text, "not cut")
			}
			// The test driver runs the tip's wait to its end at once.
			test.MoveMouse(c, middle(l))
			assert.Equal(t, tc.wantTip, tips.Tip())
			test.MoveMouse(c, fyne.NewPos(240, 295)) // away
			assert.Empty(t, tips.Tip(), "the pointer leaving takes the tip away")
		})
	}
}
