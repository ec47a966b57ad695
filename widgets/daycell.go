package widgets

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxChipViews bounds the chips a day cell keeps views for; more than this never fit in a
// cell even on a large monitor, and the rest are counted in "+N more".
const maxChipViews = 16

// dayCell is one day of the month grid: the day number (today in a circle of the primary
// colour), as many chips as fit its height, and "+N more" when they do not all fit. When
// every chip fits, the height left over lets long labels wrap onto a second line, chip by
// chip from the top; a crowded day keeps every chip to one line.
type dayCell struct {
	widget.BaseWidget
	grid    *MonthGrid
	date    Date
	outside bool // the day belongs to the previous or next month
	today   bool
	chips   []Chip
}

func newDayCell(g *MonthGrid) *dayCell {
	c := &dayCell{grid: g}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped reports a tap on the empty part of the day (chips and "+N more" take their own taps).
func (c *dayCell) Tapped(*fyne.PointEvent) {
	c.grid.dayTapped(c.date)
}

func (c *dayCell) CreateRenderer() fyne.WidgetRenderer {
	r := &dayCellRenderer{
		c:    c,
		bg:   &canvas.Rectangle{},
		mark: &canvas.Circle{},
		num:  &canvas.Text{Alignment: fyne.TextAlignCenter},
	}
	r.more = newLink("", theme.SizeNameCaptionText, theme.ColorNamePrimary, func() {
		c.grid.moreTapped(c)
	})
	r.Refresh()
	return r
}

type dayCellRenderer struct {
	c     *dayCell
	bg    *canvas.Rectangle
	mark  *canvas.Circle
	num   *canvas.Text
	views []*chipView
	more  *link
}

func (r *dayCellRenderer) Destroy() {}

func (r *dayCellRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 4+len(r.views))
	objs = append(objs, r.bg, r.mark, r.num)
	for _, v := range r.views {
		objs = append(objs, v)
	}
	return append(objs, r.more)
}

func (r *dayCellRenderer) pad() float32 { return r.c.Theme().Size(theme.SizeNamePadding) }

// markSize is the diameter of the circle around the day number.
func (r *dayCellRenderer) markSize() float32 { return r.c.markSize() }

// markSize is the diameter of the circle around the day number, as wide as the widest
// number (today's, in bold) or as tall as a line, whichever is more.
func (c *dayCell) markSize() float32 {
	s := fyne.MeasureText("30", c.Theme().Size(theme.SizeNameText), fyne.TextStyle{Bold: true})
	return max(s.Width, s.Height) + 4
}

// chipHeight is the height of a one-line chip; the number of chips a day shows is counted in
// these.
func (r *dayCellRenderer) chipHeight() float32 {
	return chipHeight(r.c.Theme(), theme.SizeNameCaptionText, 1)
}

func (r *dayCellRenderer) MinSize() fyne.Size {
	pad := r.pad()
	th := r.c.Theme()
	w := fyne.MeasureText("+99 more", th.Size(theme.SizeNameCaptionText), fyne.TextStyle{}).Width
	return fyne.NewSize(w+2*pad, r.c.numberRowHeight()+r.chipHeight()+pad/2)
}

// numberRowHeight is the height of the day number's row, the least a day can show.
func (c *dayCell) numberRowHeight() float32 {
	pad := c.Theme().Size(theme.SizeNamePadding)
	return pad/2 + c.markSize() + pad/2
}

func (r *dayCellRenderer) Layout(size fyne.Size) {
	pad := r.pad()
	r.bg.Resize(size)

	m := r.markSize()
	markPos := fyne.NewPos(pad/2, pad/2)
	r.mark.Move(markPos)
	r.mark.Resize(fyne.NewSquareSize(m))
	r.num.Move(markPos)
	r.num.Resize(fyne.NewSquareSize(m))

	top := pad/2 + m + pad/2
	gap := float32(2)
	chipH := r.chipHeight()
	width := size.Width - pad
	fit := max(int((size.Height-top-pad/2+gap)/(chipH+gap)+0.01), 0) // 0.01: rounding of the grid lines
	n := len(r.c.chips)
	shown := min(n, fit, len(r.views))
	hidden := n - shown

	// The room left below the one-line chips goes, a line at a time, to the chips whose
	// label does not fit one line, from the top; only when no chip is hidden, so that a
	// crowded day shows as many chips as its height allows.
	spare := size.Height - top - pad/2 - (float32(shown)*(chipH+gap) - gap)
	lineH := chipLineHeight(r.c.Theme(), theme.SizeNameCaptionText)
	y := top
	for i, v := range r.views {
		if i >= shown {
			v.Hide()
			continue
		}
		v.lines = 1
		if hidden == 0 && spare+0.01 >= lineH && v.wraps(width) {
			v.lines = 2
			spare -= lineH
		}
		h := chipH + float32(v.lines-1)*lineH
		v.Show()
		v.Move(fyne.NewPos(pad/2, y))
		v.Resize(fyne.NewSize(width, h))
		y += h + gap
	}

	// "+N more" sits on the number row, right-aligned, so that every line below the number
	// can hold a chip.
	if hidden == 0 {
		r.more.Hide()
		return
	}
	r.more.Show()
	text := "+" + strconv.Itoa(hidden) + " more"
	if nouns := r.c.grid.ChipNouns; shown == 0 && nouns[0] != "" {
		text = strconv.Itoa(hidden) + " " + nouns[min(hidden-1, 1)]
	}
	room := size.Width - pad - m - pad/2
	if r.more.textWidth(text) > room {
		text = "+" + strconv.Itoa(hidden)
	}
	r.more.setText(text)
	ms := r.more.MinSize()
	w := min(ms.Width, room)
	r.more.Move(fyne.NewPos(size.Width-w-pad/2, markPos.Y+(m-ms.Height)/2))
	r.more.Resize(fyne.NewSize(w, ms.Height))
}

func (r *dayCellRenderer) Refresh() {
	th := r.c.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	c := r.c

	r.bg.FillColor = th.Color(theme.ColorNameBackground, variant)
	r.num.Color = th.Color(theme.ColorNameForeground, variant)
	if c.outside {
		r.bg.FillColor = th.Color(theme.ColorNameHeaderBackground, variant)
		r.num.Color = th.Color(theme.ColorNamePlaceHolder, variant)
	}
	r.num.TextSize = th.Size(theme.SizeNameText)
	r.num.TextStyle = fyne.TextStyle{Bold: c.today}
	r.mark.Hidden = !c.today
	r.mark.FillColor = th.Color(theme.ColorNamePrimary, variant)
	if c.today {
		r.num.Color = th.Color(theme.ColorNameForegroundOnPrimary, variant)
	}
	r.num.Text = ""
	if c.date.Day != 0 {
		r.num.Text = strconv.Itoa(c.date.Day)
	}

	want := min(len(c.chips), maxChipViews)
	for len(r.views) < want {
		r.views = append(r.views, newChipView(Chip{}, theme.SizeNameCaptionText, c.grid.chipTapped))
	}
	r.views = r.views[:want]
	for i, v := range r.views {
		v.chip = c.chips[i]
		v.Refresh()
	}

	r.Layout(c.Size())
	canvas.Refresh(c)
}
