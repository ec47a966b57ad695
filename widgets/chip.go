package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Chip is one item on a day of the month grid, typically a meeting.
type Chip struct {
	ID     string // passed to OnChipTapped
	Label  string // short text shown on the chip, shortened with "…" when the day is narrow
	Status string // a meeting status ("scheduled", "held", …) choosing the colour; see StatusColour
	Detail string // optional second line shown in the day's full list, e.g. "10:00 JST · Iikura House"
}

// chipView draws one Chip: a stripe in the status colour, a tint of it behind the label, and
// the label shortened with "…" to the width it is given. Cancelled chips are struck through.
type chipView struct {
	widget.BaseWidget
	chip     Chip
	sizeName fyne.ThemeSizeName
	onTap    func(id string)
}

func newChipView(c Chip, sizeName fyne.ThemeSizeName, onTap func(id string)) *chipView {
	v := &chipView{chip: c, sizeName: sizeName, onTap: onTap}
	v.ExtendBaseWidget(v)
	return v
}

// Tapped reports the chip's ID.
func (v *chipView) Tapped(*fyne.PointEvent) {
	if v.onTap != nil {
		v.onTap(v.chip.ID)
	}
}

// Cursor shows a pointing hand: the chip opens its item.
func (v *chipView) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (v *chipView) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{
		v:      v,
		bg:     &canvas.Rectangle{},
		stripe: &canvas.Rectangle{},
		text:   &canvas.Text{},
		strike: &canvas.Line{StrokeWidth: 1},
	}
	r.Refresh()
	return r
}

const chipStripe = 3

type chipRenderer struct {
	v      *chipView
	bg     *canvas.Rectangle
	stripe *canvas.Rectangle
	text   *canvas.Text
	strike *canvas.Line
}

func (r *chipRenderer) Destroy() {}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.stripe, r.text, r.strike}
}

func (r *chipRenderer) pad() float32 {
	return r.v.Theme().Size(theme.SizeNameInnerPadding) / 2
}

func (r *chipRenderer) MinSize() fyne.Size {
	pad := r.pad()
	h := fyne.MeasureText("Ag", r.text.TextSize, r.text.TextStyle).Height
	w := fyne.MeasureText("…", r.text.TextSize, r.text.TextStyle).Width
	return fyne.NewSize(chipStripe+2*pad+w, h+pad)
}

func (r *chipRenderer) Layout(size fyne.Size) {
	pad := r.pad()
	r.bg.Resize(size)
	r.stripe.Resize(fyne.NewSize(chipStripe, size.Height))
	x := chipStripe + pad
	text := ellipsis(r.v.chip.Label, r.text.TextSize, r.text.TextStyle, size.Width-x-pad)
	if text != r.text.Text {
		r.text.Text = text
		canvas.Refresh(r.text)
	}
	ts := fyne.MeasureText(text, r.text.TextSize, r.text.TextStyle)
	r.text.Move(fyne.NewPos(x, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
	y := size.Height / 2
	r.strike.Position1 = fyne.NewPos(x, y)
	r.strike.Position2 = fyne.NewPos(x+ts.Width, y)
}

func (r *chipRenderer) Refresh() {
	th := r.v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	c := r.v.chip
	r.bg.FillColor = statusTint(c.Status)
	r.bg.CornerRadius = 2
	r.stripe.FillColor = StatusColour(c.Status)
	r.text.TextSize = th.Size(r.v.sizeName)
	r.text.Color = th.Color(theme.ColorNameForeground, variant)
	r.strike.Hidden = !isCancelled(c.Status)
	if isCancelled(c.Status) {
		r.text.Color = th.Color(theme.ColorNamePlaceHolder, variant)
	}
	r.strike.StrokeColor = r.text.Color
	r.text.Text = "" // recomputed for the width by Layout
	r.Layout(r.v.Size())
	canvas.Refresh(r.v)
}

// link is tappable text with an optional trailing icon: the month title that opens the
// month/year jump, and "+N more".
type link struct {
	widget.BaseWidget
	text       string
	sizeName   fyne.ThemeSizeName
	colourName fyne.ThemeColorName
	bold       bool
	icon       fyne.Resource
	onTap      func()
	hovered    bool
}

func newLink(text string, sizeName fyne.ThemeSizeName, colourName fyne.ThemeColorName, onTap func()) *link {
	l := &link{text: text, sizeName: sizeName, colourName: colourName, onTap: onTap}
	l.ExtendBaseWidget(l)
	return l
}

func (l *link) setText(text string) {
	if l.text == text {
		return
	}
	l.text = text
	l.Refresh()
}

// Tapped runs the link's action.
func (l *link) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}

// Cursor shows a pointing hand.
func (l *link) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the link.
func (l *link) MouseIn(*desktop.MouseEvent) { l.hovered = true; l.Refresh() }

// MouseMoved does nothing; it completes desktop.Hoverable.
func (l *link) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (l *link) MouseOut() { l.hovered = false; l.Refresh() }

func (l *link) CreateRenderer() fyne.WidgetRenderer {
	r := &linkRenderer{l: l, bg: &canvas.Rectangle{}, text: &canvas.Text{}}
	if l.icon != nil {
		r.icon = widget.NewIcon(l.icon)
	}
	r.Refresh()
	return r
}

type linkRenderer struct {
	l    *link
	bg   *canvas.Rectangle
	text *canvas.Text
	icon *widget.Icon
}

func (r *linkRenderer) Destroy() {}

func (r *linkRenderer) Objects() []fyne.CanvasObject {
	if r.icon != nil {
		return []fyne.CanvasObject{r.bg, r.text, r.icon}
	}
	return []fyne.CanvasObject{r.bg, r.text}
}

func (r *linkRenderer) pad() float32 { return r.l.Theme().Size(theme.SizeNameInnerPadding) / 2 }

func (r *linkRenderer) iconSize() float32 {
	if r.icon == nil {
		return 0
	}
	return r.l.Theme().Size(theme.SizeNameInlineIcon)
}

// textWidth is the width text would need on the link, padding and icon included.
func (l *link) textWidth(text string) float32 {
	th := l.Theme()
	w := fyne.MeasureText(text, th.Size(l.sizeName), fyne.TextStyle{Bold: l.bold}).Width + th.Size(theme.SizeNameInnerPadding)
	if l.icon != nil {
		w += th.Size(theme.SizeNameInlineIcon)
	}
	return w
}

func (r *linkRenderer) MinSize() fyne.Size {
	ts := fyne.MeasureText(r.l.text, r.text.TextSize, r.text.TextStyle)
	w, h := ts.Width+2*r.pad(), ts.Height
	if r.icon != nil {
		w += r.iconSize()
		h = max(h, r.iconSize())
	}
	return fyne.NewSize(w, h)
}

func (r *linkRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	pad := r.pad()
	avail := size.Width - 2*pad - r.iconSize()
	text := ellipsis(r.l.text, r.text.TextSize, r.text.TextStyle, avail)
	if text != r.text.Text {
		r.text.Text = text
		canvas.Refresh(r.text)
	}
	ts := fyne.MeasureText(text, r.text.TextSize, r.text.TextStyle)
	r.text.Move(fyne.NewPos(pad, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
	if r.icon != nil {
		s := r.iconSize()
		r.icon.Move(fyne.NewPos(pad+ts.Width, (size.Height-s)/2))
		r.icon.Resize(fyne.NewSquareSize(s))
	}
}

func (r *linkRenderer) Refresh() {
	th := r.l.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	r.text.TextSize = th.Size(r.l.sizeName)
	r.text.TextStyle = fyne.TextStyle{Bold: r.l.bold}
	r.text.Color = th.Color(r.l.colourName, variant)
	r.bg.CornerRadius = th.Size(theme.SizeNameSelectionRadius)
	r.bg.FillColor = nil
	if r.l.hovered {
		r.bg.FillColor = th.Color(theme.ColorNameHover, variant)
	}
	if r.icon != nil {
		r.icon.Refresh()
	}
	r.text.Text = ""
	r.Layout(r.l.Size())
	canvas.Refresh(r.l)
}
