package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fact is one row of a FactTable.
type Fact struct {
	Label    string // "Area"
	Value    string // "About 5,000 km²"; may hold line breaks
	Citation string // optional source marker, shown as "[Citation]" after the value, e.g. "3"
}

var _ fyne.Widget = (*FactTable)(nil)

// FactTable shows label/value rows — the key facts of a dispute — with the labels in a
// column of their own and long values wrapping. A value may end in a citation marker
// "[n]", a link when OnCitationTapped is set.
type FactTable struct {
	widget.BaseWidget

	// OnCitationTapped is called with the Citation of the row whose marker was tapped.
	OnCitationTapped func(citation string) `json:"-"`

	facts []Fact
}

// NewFactTable returns a table of the facts.
func NewFactTable(facts []Fact) *FactTable {
	t := &FactTable{facts: append([]Fact(nil), facts...)}
	t.ExtendBaseWidget(t)
	return t
}

// SetFacts replaces the rows.
func (t *FactTable) SetFacts(facts []Fact) {
	t.facts = append([]Fact(nil), facts...)
	t.Refresh()
}

// Facts returns a copy of the rows.
func (t *FactTable) Facts() []Fact { return append([]Fact(nil), t.facts...) }

// CreateRenderer returns the table's renderer.
func (t *FactTable) CreateRenderer() fyne.WidgetRenderer {
	t.ExtendBaseWidget(t)
	r := &factTableRenderer{t: t}
	r.Refresh()
	return r
}

type factRow struct {
	label *widget.Label
	value *widget.RichText
	line  *canvas.Rectangle // separator above the row
}

type factTableRenderer struct {
	t       *FactTable
	rows    []factRow
	objects []fyne.CanvasObject
}

func (r *factTableRenderer) Destroy() {}

func (r *factTableRenderer) Objects() []fyne.CanvasObject { return r.objects }

// labelWidth is the width of the label column at a table width: the widest label, but no
// more than a third of the table.
func (r *factTableRenderer) labelWidth(width float32) float32 {
	th := r.t.Theme()
	pad := 2 * th.Size(theme.SizeNameInnerPadding)
	widest := float32(0)
	for _, f := range r.t.facts {
		widest = max(widest, fyne.MeasureText(f.Label, th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}).Width+pad)
	}
	return min(widest, max(width/3, 8*th.Size(theme.SizeNameText)))
}

func (r *factTableRenderer) MinSize() fyne.Size {
	th := r.t.Theme()
	width := widthOrDefault(r.t.Size(), 40*th.Size(theme.SizeNameText))
	h := r.layoutAt(width, false)
	return fyne.NewSize(min(r.labelWidth(width), 8*th.Size(theme.SizeNameText))+8*th.Size(theme.SizeNameText), h)
}

func (r *factTableRenderer) Layout(size fyne.Size) {
	r.layoutAt(size.Width, true)
}

// layoutAt sizes every row for the width and returns the total height; with place it also
// moves them into position.
func (r *factTableRenderer) layoutAt(width float32, place bool) float32 {
	lw := r.labelWidth(width)
	vw := max(width-lw, 0)
	y := float32(0)
	for i, row := range r.rows {
		h := max(heightAt(row.label, lw), heightAt(row.value, vw))
		if place {
			row.line.Hidden = i == 0
			row.line.Move(fyne.NewPos(0, y))
			row.line.Resize(fyne.NewSize(width, 1))
			row.label.Move(fyne.NewPos(0, y))
			row.label.Resize(fyne.NewSize(lw, h))
			row.value.Move(fyne.NewPos(lw, y))
			row.value.Resize(fyne.NewSize(vw, h))
		}
		y += h
	}
	return y
}

func (r *factTableRenderer) Refresh() {
	th := r.t.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	facts := r.t.facts
	for len(r.rows) < len(facts) {
		l := widget.NewLabel("")
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Wrapping = fyne.TextWrapWord
		v := widget.NewRichText()
		v.Wrapping = fyne.TextWrapWord
		r.rows = append(r.rows, factRow{label: l, value: v, line: &canvas.Rectangle{}})
	}
	r.rows = r.rows[:len(facts)]
	r.objects = r.objects[:0]
	for i, f := range facts {
		row := r.rows[i]
		row.label.SetText(f.Label)
		row.value.Segments = r.segments(f)
		row.value.Refresh()
		row.line.FillColor = th.Color(theme.ColorNameSeparator, variant)
		row.line.Refresh()
		r.objects = append(r.objects, row.line, row.label, row.value)
	}
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

func (r *factTableRenderer) segments(f Fact) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: f.Value, Style: widget.RichTextStyleInline}}
	if f.Citation == "" {
		return segs
	}
	marker := "[" + f.Citation + "]"
	if r.t.OnCitationTapped == nil {
		return append(segs, &widget.TextSegment{Text: " " + marker, Style: widget.RichTextStyle{
			Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}})
	}
	citation := f.Citation
	return append(segs, &widget.TextSegment{Text: " ", Style: widget.RichTextStyleInline},
		&widget.HyperlinkSegment{Text: marker, OnTapped: func() {
			if r.t.OnCitationTapped != nil {
				r.t.OnCitationTapped(citation)
			}
		}})
}
