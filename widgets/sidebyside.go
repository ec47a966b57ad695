package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Column is one column of a SideBySide: a heading (typically a party: "Japan", "Russia")
// and paragraphs beneath it.
type Column struct {
	Heading    string
	Paragraphs []string
}

var _ fyne.Widget = (*SideBySide)(nil)

// SideBySide sets two or more columns next to each other with a heading each — the names of
// a territory by party, or each party's position — so they can be compared line by line.
// The paragraphs wrap. When the widget is too narrow for every column to get
// MinColumnWidth, the columns are stacked instead.
type SideBySide struct {
	widget.BaseWidget

	// MinColumnWidth is the narrowest a column may be before the columns are stacked; 0
	// means sixteen times the theme's text size.
	MinColumnWidth float32

	columns []Column
}

// NewSideBySide returns the columns side by side.
func NewSideBySide(columns ...Column) *SideBySide {
	s := &SideBySide{}
	s.columns = copyColumns(columns)
	s.ExtendBaseWidget(s)
	return s
}

// SetColumns replaces the columns.
func (s *SideBySide) SetColumns(columns []Column) {
	s.columns = copyColumns(columns)
	s.Refresh()
}

func copyColumns(columns []Column) []Column {
	out := make([]Column, len(columns))
	for i, c := range columns {
		out[i] = Column{Heading: c.Heading, Paragraphs: append([]string(nil), c.Paragraphs...)}
	}
	return out
}

// CreateRenderer returns the renderer.
func (s *SideBySide) CreateRenderer() fyne.WidgetRenderer {
	s.ExtendBaseWidget(s)
	r := &sideBySideRenderer{s: s}
	r.Refresh()
	return r
}

type sideColumn struct {
	heading    *widget.Label
	rule       *canvas.Rectangle // under the heading
	paragraphs []*widget.Label
}

type sideBySideRenderer struct {
	s       *SideBySide
	columns []*sideColumn
	objects []fyne.CanvasObject
	stacked bool
}

func (r *sideBySideRenderer) Destroy() {}

func (r *sideBySideRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *sideBySideRenderer) minColumn() float32 {
	if r.s.MinColumnWidth > 0 {
		return r.s.MinColumnWidth
	}
	return 16 * r.s.Theme().Size(theme.SizeNameText)
}

func (r *sideBySideRenderer) MinSize() fyne.Size {
	th := r.s.Theme()
	width := widthOrDefault(r.s.Size(), float32(max(len(r.columns), 1))*r.minColumn())
	return fyne.NewSize(8*th.Size(theme.SizeNameText), r.layoutAt(width, false))
}

func (r *sideBySideRenderer) Layout(size fyne.Size) { r.layoutAt(size.Width, true) }

func (r *sideBySideRenderer) layoutAt(width float32, place bool) float32 {
	n := len(r.columns)
	if n == 0 {
		return 0
	}
	gap := 2 * r.s.Theme().Size(theme.SizeNamePadding)
	stacked := (width-gap*float32(n-1))/float32(n) < r.minColumn()
	if place {
		r.stacked = stacked
	}
	colW := (width - gap*float32(n-1)) / float32(n)
	if stacked {
		colW = width
	}
	x, y, tallest := float32(0), float32(0), float32(0)
	for _, c := range r.columns {
		h := r.layoutColumn(c, x, y, colW, place)
		if stacked {
			y += h + gap
		} else {
			x += colW + gap
			tallest = max(tallest, h)
		}
	}
	if stacked {
		return y - gap
	}
	return tallest
}

// layoutColumn sizes (and with place, positions) one column at x,y and returns its height.
func (r *sideBySideRenderer) layoutColumn(c *sideColumn, x, y, width float32, place bool) float32 {
	top := y
	h := heightAt(c.heading, width)
	if place {
		c.heading.Move(fyne.NewPos(x, y))
		c.heading.Resize(fyne.NewSize(width, h))
		c.rule.Move(fyne.NewPos(x, y+h))
		c.rule.Resize(fyne.NewSize(width, 2))
	}
	y += h + 2
	for _, p := range c.paragraphs {
		ph := heightAt(p, width)
		if place {
			p.Move(fyne.NewPos(x, y))
			p.Resize(fyne.NewSize(width, ph))
		}
		y += ph
	}
	return y - top
}

func (r *sideBySideRenderer) Refresh() {
	th := r.s.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	cols := r.s.columns
	for len(r.columns) < len(cols) {
		h := widget.NewLabel("")
		h.TextStyle = fyne.TextStyle{Bold: true}
		h.Wrapping = fyne.TextWrapWord
		r.columns = append(r.columns, &sideColumn{heading: h, rule: &canvas.Rectangle{}})
	}
	r.columns = r.columns[:len(cols)]
	r.objects = r.objects[:0]
	for i, col := range cols {
		c := r.columns[i]
		c.heading.SetText(col.Heading)
		c.rule.FillColor = th.Color(theme.ColorNamePrimary, variant)
		c.rule.Refresh()
		for len(c.paragraphs) < len(col.Paragraphs) {
			p := widget.NewLabel("")
			p.Wrapping = fyne.TextWrapWord
			c.paragraphs = append(c.paragraphs, p)
		}
		c.paragraphs = c.paragraphs[:len(col.Paragraphs)]
		r.objects = append(r.objects, c.heading, c.rule)
		for j, text := range col.Paragraphs {
			c.paragraphs[j].SetText(text)
			r.objects = append(r.objects, c.paragraphs[j])
		}
	}
	r.Layout(r.s.Size())
	canvas.Refresh(r.s)
}
