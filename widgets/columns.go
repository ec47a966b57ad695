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
//
// A row narrower than the widths need first leaves out the Optional columns, in that order
// (hidden, so rows and their heading stay in line) until each sharing column keeps at least
// Share (a title should not shrink to "Pe…" for the sake of a place), then, when Squeeze is
// above 0, narrows the fixed columns wider than an icon button down to Squeeze of their
// width, all alike, so that the sharing columns keep Share as long as they can.
type Columns struct {
	Widths   []float32
	Optional []int
	Share    float32
	Squeeze  float32
}

// squeezeAbove is the widest column Squeeze leaves alone: one that holds an icon button.
const squeezeAbove = 48

// NewColumns returns a Columns layout with the given widths.
func NewColumns(widths ...float32) *Columns {
	return &Columns{Widths: append([]float32(nil), widths...)}
}

// Dropping sets the columns left out of a narrow row, first first, so that each sharing
// column keeps share, and returns c.
func (c *Columns) Dropping(share float32, order ...int) *Columns {
	c.Share = share
	c.Optional = append([]int(nil), order...)
	return c
}

// Squeezing sets how far fixed columns may narrow (0–1) and returns c.
func (c *Columns) Squeezing(fraction float32) *Columns {
	c.Squeeze = fraction
	return c
}

func (c *Columns) width(i int) float32 {
	if i < len(c.Widths) {
		return c.Widths[i]
	}
	return 0
}

// plan is how a row is set at one width: which columns are left out and the scale of the
// squeezable ones.
type columnsPlan struct {
	dropped map[int]bool
	scale   float32
}

// need is the width the row takes with the columns in dropped left out and the squeezable
// columns at scale: fixed widths, each sharing column's minimum width up to 80 (so that a row
// of long texts can still shrink), and the padding between.
func (c *Columns) need(objs []fyne.CanvasObject, dropped map[int]bool, scale, share float32) float32 {
	w, n := float32(0), 0
	for i, o := range objs {
		if dropped[i] {
			continue
		}
		n++
		switch fw := c.width(i); {
		case fw > squeezeAbove:
			w += fw * scale
		case fw > 0:
			w += fw
		default:
			w += max(min(o.MinSize().Width, 80), share)
		}
	}
	return w + theme.Padding()*float32(max(n-1, 0))
}

// planFor leaves out optional columns and squeezes until the row fits width, as far as it may.
func (c *Columns) planFor(objs []fyne.CanvasObject, width float32) columnsPlan {
	p := columnsPlan{dropped: map[int]bool{}, scale: 1}
	for _, i := range c.Optional {
		if c.need(objs, p.dropped, 1, c.Share) <= width {
			break
		}
		p.dropped[i] = true
	}
	if c.Squeeze <= 0 || c.Squeeze >= 1 {
		return p
	}
	full, least := c.need(objs, p.dropped, 1, c.Share), c.need(objs, p.dropped, c.Squeeze, c.Share)
	if full > width {
		// need is linear in the scale between Squeeze and 1.
		p.scale = max(c.Squeeze, c.Squeeze+(1-c.Squeeze)*(width-least)/(full-least))
	}
	return p
}

// MinSize is the row's width with every optional column left out and the rest squeezed as far
// as they may; the height is the tallest object's.
func (c *Columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	dropped := map[int]bool{}
	for _, i := range c.Optional {
		dropped[i] = true
	}
	scale := float32(1)
	if c.Squeeze > 0 && c.Squeeze < 1 {
		scale = c.Squeeze
	}
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(c.need(objs, dropped, scale, 0), h)
}

// Layout places the objects from the leading edge.
func (c *Columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	p := c.planFor(objs, size.Width)
	pad := theme.Padding()
	fixed, flex := float32(0), 0
	for i := range objs {
		if p.dropped[i] {
			continue
		}
		switch fw := c.width(i); {
		case fw > squeezeAbove:
			fixed += fw * p.scale
		case fw > 0:
			fixed += fw
		default:
			flex++
		}
		fixed += pad
	}
	fixed -= pad
	share := float32(0)
	if flex > 0 {
		share = max(size.Width-fixed, 0) / float32(flex)
	}
	for _, i := range c.Optional {
		if p.dropped[i] && i < len(objs) && objs[i].Visible() {
			objs[i].Hide()
		} else if !p.dropped[i] && i < len(objs) && !objs[i].Visible() {
			objs[i].Show()
		}
	}
	x := float32(0)
	for i, o := range objs {
		if p.dropped[i] {
			continue
		}
		w := c.width(i)
		switch {
		case w > squeezeAbove:
			w *= p.scale
		case w == 0:
			w = share
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}
