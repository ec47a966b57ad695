package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

var _ fyne.Layout = (*Columns)(nil)

// Columns is a layout that sets objects side by side on one row with the theme's padding
// between them, each as tall as the row. Object i is Widths[i] wide; an object whose width is
// 0, or that has no width given, shares what is left with the others like it. Rows of a list
// laid out with the same widths line up as a table.
type Columns struct {
	Widths []float32
}

// NewColumns returns a Columns layout with the given widths.
func NewColumns(widths ...float32) *Columns {
	return &Columns{Widths: append([]float32(nil), widths...)}
}

func (c *Columns) width(i int) float32 {
	if i < len(c.Widths) {
		return c.Widths[i]
	}
	return 0
}

// MinSize is the fixed widths plus, for each sharing column, its object's minimum width up
// to 80, so that a row of long texts can still shrink; the height is the tallest object's.
func (c *Columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		if fw := c.width(i); fw > 0 {
			w += fw
		} else {
			w += min(m.Width, 80)
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+theme.Padding()*float32(max(len(objs)-1, 0)), h)
}

// Layout places the objects from the leading edge.
func (c *Columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed := pad * float32(max(len(objs)-1, 0))
	flex := 0
	for i := range objs {
		if fw := c.width(i); fw > 0 {
			fixed += fw
		} else {
			flex++
		}
	}
	share := float32(0)
	if flex > 0 {
		share = max(size.Width-fixed, 0) / float32(flex)
	}
	x := float32(0)
	for i, o := range objs {
		w := c.width(i)
		if w == 0 {
			w = share
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}
