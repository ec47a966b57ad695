package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*StatusBadge)(nil)

// StatusBadge is a pill showing a meeting status: an outline in the status colour, a tint of
// it behind, and the status in words as the caller names it ("Scheduled": storage's
// Status.Label, so that the badge says what the lists and packs say).
type StatusBadge struct {
	widget.BaseWidget

	Status string // "proposed", "tentative", "scheduled", "held", "postponed", "cancelled": the colour
	Text   string // the words shown ("Scheduled"); Status itself when empty
}

// NewStatusBadge returns a badge for the status, showing text.
func NewStatusBadge(status, text string) *StatusBadge {
	b := &StatusBadge{Status: status, Text: text}
	b.ExtendBaseWidget(b)
	return b
}

// SetStatus changes the status shown and its words.
func (b *StatusBadge) SetStatus(status, text string) {
	b.Status, b.Text = status, text
	b.Refresh()
}

// SetText changes the words shown ("" shows the status itself).
func (b *StatusBadge) SetText(text string) {
	b.Text = text
	b.Refresh()
}

func (b *StatusBadge) text() string {
	if b.Text != "" {
		return b.Text
	}
	return b.Status
}

// CreateRenderer returns the badge's renderer.
func (b *StatusBadge) CreateRenderer() fyne.WidgetRenderer {
	b.ExtendBaseWidget(b)
	r := &statusBadgeRenderer{b: b, pill: &canvas.Rectangle{StrokeWidth: 1}, text: &canvas.Text{}}
	r.Refresh()
	return r
}

type statusBadgeRenderer struct {
	b    *StatusBadge
	pill *canvas.Rectangle
	text *canvas.Text
}

func (r *statusBadgeRenderer) Destroy() {}

func (r *statusBadgeRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.pill, r.text}
}

func (r *statusBadgeRenderer) padding() (h, v float32) {
	p := r.b.Theme().Size(theme.SizeNameInnerPadding)
	return p, p / 4
}

func (r *statusBadgeRenderer) MinSize() fyne.Size {
	h, v := r.padding()
	ts := fyne.MeasureText(r.text.Text, r.text.TextSize, r.text.TextStyle)
	return fyne.NewSize(ts.Width+2*h, ts.Height+2*v)
}

func (r *statusBadgeRenderer) Layout(size fyne.Size) {
	// The pill keeps its natural size when given more room: at the leading edge, centred
	// vertically.
	pill := r.MinSize().Min(size)
	y := (size.Height - pill.Height) / 2
	r.pill.Move(fyne.NewPos(0, y))
	r.pill.Resize(pill)
	r.pill.CornerRadius = pill.Height / 2
	ts := fyne.MeasureText(r.text.Text, r.text.TextSize, r.text.TextStyle)
	r.text.Move(fyne.NewPos((pill.Width-ts.Width)/2, y+(pill.Height-ts.Height)/2))
	r.text.Resize(ts)
}

func (r *statusBadgeRenderer) Refresh() {
	th := r.b.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	r.pill.FillColor = statusTint(th, r.b.Status)
	r.pill.StrokeColor = StatusColour(th, r.b.Status)
	r.text.Text = r.b.text()
	r.text.TextSize = th.Size(theme.SizeNameCaptionText)
	r.text.TextStyle = fyne.TextStyle{Bold: true}
	r.text.Color = th.Color(theme.ColorNameForeground, variant)
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}
