package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PageScroll is the vertical scroll of a page of fields. The mouse wheel scrolls the page
// wherever the pointer is, over an entry too: a stock Entry holds a scroller of its own that
// takes the wheel (to move its text sideways, or not at all), so a page stopped scrolling as
// soon as the pointer crossed a field. Here a transparent layer above the page takes the wheel
// and hands it to the page; taps, hovering and dragging reach the fields beneath as before
// (the layer takes nothing else). Reveal brings an object, such as the field the focus moved
// to, into view.
type PageScroll struct {
	widget.BaseWidget
	Scroll *container.Scroll
	wheel  *wheelLayer
}

// NewPageScroll returns a vertical scroll of content.
func NewPageScroll(content fyne.CanvasObject) *PageScroll {
	s := &PageScroll{Scroll: container.NewVScroll(content)}
	s.wheel = &wheelLayer{page: s}
	s.wheel.ExtendBaseWidget(s.wheel)
	s.ExtendBaseWidget(s)
	return s
}

// Scrolled scrolls the page.
func (s *PageScroll) Scrolled(ev *fyne.ScrollEvent) { s.Scroll.Scrolled(ev) }

// Reveal scrolls the page so that o, an object inside it, is in view with a little room
// around it, and reports whether o is inside the page. An object taller than the view shows
// its top.
func (s *PageScroll) Reveal(o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(s) == nil || d.CanvasForObject(o) == nil {
		return false
	}
	// Where o sits in the content, which the scroll moves up by its offset.
	at := d.AbsolutePositionForObject(o).Subtract(d.AbsolutePositionForObject(s.Scroll.Content))
	content, view := s.Scroll.Content.Size(), s.Scroll.Size()
	if at.X < 0 || at.Y < 0 || at.X > content.Width || at.Y > content.Height {
		return false
	}
	room := s.Theme().Size(theme.SizeNamePadding) * 2
	off, h := s.Scroll.Offset.Y, o.Size().Height
	switch {
	case at.Y-room < off || h+2*room > view.Height:
		off = at.Y - room
	case at.Y+h+room > off+view.Height:
		off = at.Y + h + room - view.Height
	default:
		return true
	}
	off = max(0, min(off, content.Height-view.Height))
	s.Scroll.ScrollToOffset(fyne.NewPos(s.Scroll.Offset.X, off))
	return true
}

func (s *PageScroll) CreateRenderer() fyne.WidgetRenderer {
	// The wheel layer over the scroll, both the widget's whole size; the layer asks for no room.
	return widget.NewSimpleRenderer(container.NewStack(s.Scroll, s.wheel))
}

// wheelLayer lies over the whole page and takes only the wheel: being drawn last, it is the
// scrollable the pointer finds first.
type wheelLayer struct {
	widget.BaseWidget
	page *PageScroll
}

func (w *wheelLayer) Scrolled(ev *fyne.ScrollEvent) { w.page.Scrolled(ev) }

func (w *wheelLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
