package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TipPlace is where a tip goes by the object it is about.
type TipPlace int

const (
	// TipBelow puts the tip under the object, from its left edge: for a cut title.
	TipBelow TipPlace = iota
	// TipBeside puts the tip to the right of the object, level with it: for an icon.
	TipBeside
)

var _ fyne.Widget = (*TipLayer)(nil)

// TipLayer is a layer laid over a window's whole content, in which a tip — a small box with a
// text, such as the whole of a title a list cuts short — is drawn over everything. It takes no
// input (it is neither tappable nor hoverable), so the pointer still reaches what is under it
// and the object that asked for the tip still gets its MouseOut. A pop-up (widget.PopUp) would
// take the pointer from it, and with the pointer the hover that keeps the tip up.
type TipLayer struct {
	widget.BaseWidget

	text  string
	owner fyne.CanvasObject // the object the tip is about
	at    fyne.Position
	size  fyne.Size
	bg    *canvas.Rectangle
	label *widget.Label
}

// NewTipLayer returns a layer showing no tip; put it over the content (for example last in a
// container.NewStack).
func NewTipLayer() *TipLayer {
	l := &TipLayer{bg: canvas.NewRectangle(nil), label: widget.NewLabel("")}
	l.label.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Tip is the text of the tip shown, "" when none is.
func (l *TipLayer) Tip() string { return l.text }

// ShowTip shows text in a tip by o, an object under the layer, kept inside the layer: a text
// wider than the layer wraps.
func (l *TipLayer) ShowTip(text string, o fyne.CanvasObject, place TipPlace) {
	if text == "" {
		l.HideTip()
		return
	}
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(l) == nil || d.CanvasForObject(o) == nil {
		return
	}
	th := l.Theme()
	pad := th.Size(theme.SizeNamePadding)
	// As wide as the text on one line, at most the layer's width less a padding each side.
	room := l.Size().Width - 2*pad
	if room <= 0 { // not laid out over a window yet
		return
	}
	l.label.SetText(text)
	one := fyne.MeasureText(text, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width + 2*th.Size(theme.SizeNameInnerPadding)
	l.label.Resize(fyne.NewSize(min(one, room), 0))
	size := fyne.NewSize(min(one, room), l.label.MinSize().Height)

	at := d.AbsolutePositionForObject(o).Subtract(d.AbsolutePositionForObject(l))
	var pos fyne.Position
	switch place {
	case TipBeside:
		pos = fyne.NewPos(at.X+o.Size().Width+pad, at.Y+(o.Size().Height-size.Height)/2)
	default:
		pos = fyne.NewPos(at.X, at.Y+o.Size().Height)
		if pos.Y+size.Height > l.Size().Height { // no room below: above
			pos.Y = at.Y - size.Height
		}
	}
	pos.X = max(pad, min(pos.X, l.Size().Width-pad-size.Width))
	pos.Y = max(0, pos.Y)
	l.text, l.owner, l.at, l.size = text, o, pos, size
	l.Refresh()
}

// tipDelay is how long the pointer rests on a cut title before it is shown whole: long enough
// that sweeping across a list shows none.
const tipDelay = 600 * time.Millisecond

// tipTimer waits tipDelay from the pointer coming onto an object, then shows its tip; an
// animation, so that the wait runs on Fyne's own loop rather than a goroutine of ours.
type tipTimer struct{ wait *fyne.Animation }

// start begins the wait again, to call show at its end.
func (t *tipTimer) start(show func()) {
	t.stop()
	t.wait = fyne.NewAnimation(tipDelay, func(done float32) {
		if done == 1 {
			show()
		}
	})
	t.wait.Curve = fyne.AnimationLinear
	t.wait.Start()
}

// stop ends the wait, if one is running, without showing the tip.
func (t *tipTimer) stop() {
	if t.wait != nil {
		t.wait.Stop()
		t.wait = nil
	}
}

// HideTip takes the tip away.
func (l *TipLayer) HideTip() {
	if l.text == "" {
		return
	}
	l.text, l.owner = "", nil
	l.Refresh()
}

// HideTipOf takes the tip away if it is about o.
func (l *TipLayer) HideTipOf(o fyne.CanvasObject) {
	if l.owner == o {
		l.HideTip()
	}
}

// CreateRenderer returns the renderer.
func (l *TipLayer) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	r := &tipRenderer{l: l, bg: l.bg, label: l.label}
	r.Refresh()
	return r
}

type tipRenderer struct {
	l     *TipLayer
	bg    *canvas.Rectangle
	label *widget.Label
}

func (r *tipRenderer) Destroy() {}

func (r *tipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.label}
}

// MinSize is nothing: the layer lies over the content and asks for no room of its own.
func (r *tipRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *tipRenderer) Layout(fyne.Size) {
	r.bg.Move(r.l.at)
	r.bg.Resize(r.l.size)
	r.label.Move(r.l.at)
	r.label.Resize(r.l.size)
}

func (r *tipRenderer) Refresh() {
	th := r.l.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	shown := r.l.text != ""
	r.bg.Hidden, r.label.Hidden = !shown, !shown
	if shown {
		r.label.SetText(r.l.text)
	}
	r.Layout(r.l.Size())
	r.bg.Refresh()
	r.label.Refresh()
}
