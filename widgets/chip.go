package widgets

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Chip is one item on a day of the month grid, typically a meeting.
type Chip struct {
	ID     string // passed to OnChipTapped
	Label  string // text shown on the chip, on two lines when the day has room, shortened with "…"
	Status string // a meeting status ("scheduled", "held", …) choosing the colour; see StatusColour
	Detail string // optional second line shown in the day's full list, e.g. "10:00 JST · Iikura House"
}

// chipView draws one Chip: a stripe in the status colour, a tint of it behind the label, and
// the label on one line, or on two when lines allows it and it does not fit one, shortened
// with "…" to the width it is given. Cancelled chips are struck through.
type chipView struct {
	widget.BaseWidget
	chip     Chip
	sizeName fyne.ThemeSizeName
	lines    int // the most lines the label may take: 1 (also when 0) or 2
	onTap    func(id string)
}

func newChipView(c Chip, sizeName fyne.ThemeSizeName, onTap func(id string)) *chipView {
	v := &chipView{chip: c, sizeName: sizeName, lines: 1, onTap: onTap}
	v.ExtendBaseWidget(v)
	return v
}

// chipLineHeight is the height of one line of chip text at the theme size.
func chipLineHeight(th fyne.Theme, sizeName fyne.ThemeSizeName) float32 {
	return fyne.MeasureText("Ag", th.Size(sizeName), fyne.TextStyle{}).Height
}

// chipHeight is the height of a chip whose label takes the given number of lines.
func chipHeight(th fyne.Theme, sizeName fyne.ThemeSizeName, lines int) float32 {
	return float32(max(lines, 1))*chipLineHeight(th, sizeName) + th.Size(theme.SizeNameInnerPadding)/2
}

// wraps reports whether the label is too long for one line on a chip width wide.
func (v *chipView) wraps(width float32) bool {
	th := v.Theme()
	avail := width - chipStripe - th.Size(theme.SizeNameInnerPadding)
	return fyne.MeasureText(v.chip.Label, th.Size(v.sizeName), fyne.TextStyle{}).Width > avail
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
		v:       v,
		bg:      &canvas.Rectangle{},
		stripe:  &canvas.Rectangle{},
		text:    &canvas.Text{},
		text2:   &canvas.Text{},
		strike:  &canvas.Line{StrokeWidth: 1},
		strike2: &canvas.Line{StrokeWidth: 1},
	}
	r.Refresh()
	return r
}

const chipStripe = 3

type chipRenderer struct {
	v       *chipView
	bg      *canvas.Rectangle
	stripe  *canvas.Rectangle
	text    *canvas.Text // the first line
	text2   *canvas.Text // the second line, hidden when the label takes one
	strike  *canvas.Line
	strike2 *canvas.Line
}

func (r *chipRenderer) Destroy() {}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.stripe, r.text, r.text2, r.strike, r.strike2}
}

// lineCount is the number of lines the label takes as laid out.
func (r *chipRenderer) lineCount() int {
	if r.text2.Hidden {
		return 1
	}
	return 2
}

func (r *chipRenderer) pad() float32 {
	return r.v.Theme().Size(theme.SizeNameInnerPadding) / 2
}

func (r *chipRenderer) MinSize() fyne.Size {
	pad := r.pad()
	w := fyne.MeasureText("…", r.text.TextSize, r.text.TextStyle).Width
	return fyne.NewSize(chipStripe+2*pad+w, chipHeight(r.v.Theme(), r.v.sizeName, r.v.lines))
}

func (r *chipRenderer) Layout(size fyne.Size) {
	pad := r.pad()
	r.bg.Resize(size)
	r.stripe.Resize(fyne.NewSize(chipStripe, size.Height))
	x := chipStripe + pad
	avail := size.Width - x - pad
	first, second := ellipsis(r.v.chip.Label, r.text.TextSize, r.text.TextStyle, avail), ""
	if r.v.lines >= 2 {
		first, second = twoLines(r.v.chip.Label, r.text.TextSize, r.text.TextStyle, avail)
	}
	setText(r.text, first)
	setText(r.text2, second)
	r.text2.Hidden = second == ""
	r.strike2.Hidden = r.text2.Hidden || !isCancelled(r.v.chip.Status)

	ts := fyne.MeasureText(first, r.text.TextSize, r.text.TextStyle)
	blockH := ts.Height
	var ts2 fyne.Size
	if second != "" {
		ts2 = fyne.MeasureText(second, r.text2.TextSize, r.text2.TextStyle)
		blockH += ts2.Height
	}
	y := (size.Height - blockH) / 2
	placeLine(r.text, r.strike, x, y, ts)
	if second != "" {
		placeLine(r.text2, r.strike2, x, y+ts.Height, ts2)
	}
}

// breakBefore is the last index i in (0, limit] where ok(runes[i], runes[i-1]) allows a line
// to end before runes[i], or 0 if there is none.
func breakBefore(runes []rune, limit int, ok func(r, prev rune) bool) int {
	for i := limit; i > 0; i-- {
		if ok(runes[i], runes[i-1]) {
			return i
		}
	}
	return 0
}

// setText changes t's text, refreshing it only when it changed.
func setText(t *canvas.Text, text string) {
	if t.Text != text {
		t.Text = text
		canvas.Refresh(t)
	}
}

// placeLine puts a line of text of size ts at (x, y) and its strike-through across its middle.
func placeLine(t *canvas.Text, strike *canvas.Line, x, y float32, ts fyne.Size) {
	t.Move(fyne.NewPos(x, y))
	t.Resize(ts)
	strike.Position1 = fyne.NewPos(x, y+ts.Height/2)
	strike.Position2 = fyne.NewPos(x+ts.Width, y+ts.Height/2)
}

// twoLines breaks text for two lines of the given width: the first line ends after the last
// word that fits, else after a dash or slash ("Lavrov–" / "Kishida"), else mid-word, and the
// rest is shortened with "…" to fit the second. second is "" when text fits on one line.
func twoLines(text string, size float32, style fyne.TextStyle, width float32) (first, second string) {
	if fyne.MeasureText(text, size, style).Width <= width {
		return text, ""
	}
	runes := []rune(text)
	lo, hi := 0, len(runes)-1 // the longest prefix that fits is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid]), size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ellipsis(text, size, style, width), ""
	}
	cut := breakBefore(runes, lo, func(r, _ rune) bool { return unicode.IsSpace(r) })
	if cut == 0 {
		cut = breakBefore(runes, lo, func(_, prev rune) bool { return strings.ContainsRune("-‐–—/", prev) })
	}
	if cut == 0 {
		cut = lo
	}
	first = strings.TrimRightFunc(string(runes[:cut]), unicode.IsSpace)
	rest := strings.TrimLeftFunc(string(runes[cut:]), unicode.IsSpace)
	return first, ellipsis(rest, size, style, width)
}

func (r *chipRenderer) Refresh() {
	th := r.v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	c := r.v.chip
	r.bg.FillColor = statusTint(th, c.Status)
	r.bg.CornerRadius = 2
	r.stripe.FillColor = StatusColour(th, c.Status)
	r.text.TextSize = th.Size(r.v.sizeName)
	r.text.Color = th.Color(theme.ColorNameForeground, variant)
	r.strike.Hidden = !isCancelled(c.Status)
	if isCancelled(c.Status) {
		r.text.Color = th.Color(theme.ColorNamePlaceHolder, variant)
	}
	r.text2.TextSize, r.text2.Color = r.text.TextSize, r.text.Color
	r.strike.StrokeColor = r.text.Color
	r.strike2.StrokeColor = r.text.Color
	r.text.Text, r.text2.Text = "", "" // recomputed for the width by Layout
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
