package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// HeaderAbove sets a record header above its page, both padded as container.NewPadded and a
// border layout would set them, except that the header gets the height it needs at the width
// it is given. A border layout asks the header's MinSize before it gives the header its width,
// and the header's height depends on that width (its buttons wrap onto more rows in a narrow
// window): after the window narrowed, or a longer subtitle arrived, the buttons' second row was
// drawn under the page, and Fyne's canvas, which lays a parent out again when a child's
// MinSize changes, does not always reach the border when other objects change in the same
// frame.
func HeaderAbove(h *RecordHeader, page fyne.CanvasObject) *fyne.Container {
	l := &headerAbove{h: h}
	c := container.New(l, h, page)
	h.relayout = func() {
		if l.laidOut {
			l.Layout(c.Objects, c.Size())
		}
	}
	return c
}

type headerAbove struct {
	h       *RecordHeader
	laidOut bool
}

// heightAt is the header's height at width.
func (l *headerAbove) heightAt(width float32) float32 {
	return l.h.minAt(width).Height
}

func (l *headerAbove) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	h, page := l.h.MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(h.Width+2*pad, page.Width), h.Height+3*pad+page.Height)
}

func (l *headerAbove) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.laidOut = true
	pad := theme.Padding()
	width := max(size.Width-2*pad, 0)
	hh := l.heightAt(width)
	objs[0].Move(fyne.NewPos(pad, pad))
	objs[0].Resize(fyne.NewSize(width, hh))
	top := hh + 3*pad // the padding around the header and the border layout's gap below it
	objs[1].Move(fyne.NewPos(0, top))
	objs[1].Resize(fyne.NewSize(size.Width, max(size.Height-top, 0)))
}
