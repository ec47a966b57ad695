package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*RecordHeader)(nil)

// RecordHeader is the top of a page that edits one record: the title in bold at the
// sub-heading size, a line under it in italics, and on the right of that line an "Unsaved
// changes" marker followed by the page's buttons, with a separator below. A title or subtitle
// too long for its row is cut in the middle, where titles of a series differ least, and said
// whole in a tip (Tips). Objects among the buttons that are
// not buttons (a status badge) are centred in the row. The title has the first row to itself,
// so a narrow window never cuts it for the buttons; they share the second row with the
// subtitle, or, when the two do not fit side by side, take rows of their own under it,
// wrapping, so that no button is cut off in a narrow window.
type RecordHeader struct {
	widget.BaseWidget

	Title    string
	Subtitle string
	// Unsaved shows the marker saying the page holds changes not yet saved.
	Unsaved bool
	// Tips, when set, is where the title or the subtitle, when cut, is shown whole while the
	// pointer rests on it.
	Tips *TipLayer `json:"-"`

	buttons []fyne.CanvasObject
	// relayout places the header and its page again (set by HeaderAbove): a new title or a
	// marker shown can change how many rows the buttons take.
	relayout func()
	rend     *recordHeaderRenderer // the renderer, once made
}

// minAt is the header's least size when it is width wide.
func (h *RecordHeader) minAt(width float32) fyne.Size {
	if h.rend == nil {
		return h.MinSize() // makes the renderer
	}
	return h.rend.minAt(width)
}

// NewRecordHeader returns a header with the buttons (or other objects) at its right, in order.
func NewRecordHeader(buttons ...fyne.CanvasObject) *RecordHeader {
	h := &RecordHeader{buttons: append([]fyne.CanvasObject(nil), buttons...)}
	h.ExtendBaseWidget(h)
	return h
}

// SetTitle changes the title and the line under it; a subtitle of "" hides the line.
func (h *RecordHeader) SetTitle(title, subtitle string) {
	h.Title, h.Subtitle = title, subtitle
	h.Refresh()
}

// SetUnsaved shows or hides the unsaved-changes marker. Setting what is shown already
// refreshes nothing, so a page may call it after every save or edit.
func (h *RecordHeader) SetUnsaved(unsaved bool) {
	if unsaved == h.Unsaved {
		return
	}
	h.Unsaved = unsaved
	h.Refresh()
}

// CreateRenderer returns the renderer.
func (h *RecordHeader) CreateRenderer() fyne.WidgetRenderer {
	h.ExtendBaseWidget(h)
	r := &recordHeaderRenderer{
		h:       h,
		title:   NewTipLabel("", true),
		sub:     NewTipLabel("", false),
		unsaved: widget.NewLabel("● Unsaved changes"),
	}
	r.title.SizeName = theme.SizeNameSubHeadingText
	r.sub.TextStyle = fyne.TextStyle{Italic: true}
	r.unsaved.Importance = widget.WarningImportance
	r.unsaved.TextStyle = fyne.TextStyle{Bold: true}
	right := []fyne.CanvasObject{r.unsaved}
	for _, b := range h.buttons {
		if _, ok := b.(*widget.Button); !ok {
			b = container.NewCenter(b)
		}
		right = append(right, b)
	}
	r.flow = &Flow{Trailing: true}
	r.buttons = container.New(r.flow, right...)
	r.sep = widget.NewSeparator()
	r.box = container.NewWithoutLayout(r.title, r.buttons, r.sub, r.sep)
	h.rend = r
	r.Refresh()
	return r
}

type recordHeaderRenderer struct {
	h          *RecordHeader
	title, sub *TipLabel
	unsaved    *widget.Label
	buttons    *fyne.Container
	flow       *Flow
	sep        *widget.Separator
	box        *fyne.Container
}

func (r *recordHeaderRenderer) Destroy() {}

func (r *recordHeaderRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }

// subMin is the least room the subtitle keeps beside the buttons (or its whole text, when
// shorter) before they move under it: it says when and where, and "…" says nothing.
const subMin = 280

// oneLine is the width of the buttons side by side.
func (r *recordHeaderRenderer) oneLine() float32 {
	w, n := float32(0), 0
	for _, o := range r.buttons.Objects {
		if o.Visible() {
			w += o.MinSize().Width
			n++
		}
	}
	return w + theme.Padding()*float32(max(n-1, 0))
}

// beside reports whether the buttons fit beside the subtitle at width (before the first
// layout, width 0, they are taken to).
func (r *recordHeaderRenderer) beside(width float32) bool {
	room := r.oneLine()
	if !r.sub.Hidden {
		// The label's own minimum is only "…": measure the text it would show in full.
		text := fyne.MeasureText(r.h.Subtitle, theme.TextSize(), r.sub.TextStyle).Width + 2*theme.InnerPadding()
		room += theme.Padding() + min(subMin, text)
	}
	return width == 0 || width >= room
}

func (r *recordHeaderRenderer) MinSize() fyne.Size { return r.minAt(r.h.Size().Width) }

// minAt is the header's least size when it is width wide: its height depends on its width,
// since the buttons wrap onto more rows in a narrower header. Before the first layout (width
// 0) the buttons are taken to fit beside the subtitle.
func (r *recordHeaderRenderer) minAt(width float32) fyne.Size {
	pad := theme.Padding()
	t := r.title.MinSize()
	b := r.buttons.MinSize() // as wide as the widest button
	if r.beside(width) {
		b = fyne.NewSize(r.oneLine(), r.flowHeight(r.oneLine()))
	} else {
		b.Height = r.flowHeight(width)
	}
	second := b.Height
	if !r.sub.Hidden {
		if r.beside(width) {
			second = max(second, r.sub.MinSize().Height)
		} else {
			second += r.sub.MinSize().Height + pad
		}
	}
	return fyne.NewSize(max(t.Width, b.Width), t.Height+second+2*pad+r.sep.MinSize().Height)
}

// flowHeight is the height of the buttons' rows at width.
func (r *recordHeaderRenderer) flowHeight(width float32) float32 {
	r.flow.width = width
	return r.flow.MinSize(r.buttons.Objects).Height
}

// Layout gives the title the whole first row, never cut for the buttons' sake, and puts the
// subtitle and the buttons on the second, the subtitle cut when they meet; in a
// header too narrow for both, the buttons go on rows of their own below the subtitle.
func (r *recordHeaderRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.box.Move(fyne.NewPos(0, 0))
	r.box.Resize(size)
	t := r.title.MinSize()
	r.title.Move(fyne.NewPos(0, 0))
	r.title.Resize(fyne.NewSize(size.Width, t.Height))
	y := t.Height
	if r.beside(size.Width) {
		b := fyne.NewSize(r.oneLine(), r.flowHeight(r.oneLine()))
		second := b.Height
		if !r.sub.Hidden {
			second = max(second, r.sub.MinSize().Height)
			s := r.sub.MinSize()
			r.sub.Move(fyne.NewPos(0, y+(second-s.Height)/2))
			r.sub.Resize(fyne.NewSize(max(0, size.Width-b.Width-pad), s.Height))
		}
		r.buttons.Move(fyne.NewPos(max(0, size.Width-b.Width), y+(second-b.Height)/2))
		r.buttons.Resize(b)
		y += second + pad
	} else {
		if !r.sub.Hidden {
			s := r.sub.MinSize()
			r.sub.Move(fyne.NewPos(0, y))
			r.sub.Resize(fyne.NewSize(size.Width, s.Height))
			y += s.Height + pad
		}
		h := r.flowHeight(size.Width)
		r.buttons.Move(fyne.NewPos(0, y))
		r.buttons.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
	r.sep.Move(fyne.NewPos(0, y+pad))
	r.sep.Resize(fyne.NewSize(size.Width, r.sep.MinSize().Height))
}

func (r *recordHeaderRenderer) Refresh() {
	r.title.Tips, r.sub.Tips = r.h.Tips, r.h.Tips
	r.title.SetText(r.h.Title)
	r.sub.SetText(r.h.Subtitle)
	r.sub.Hidden = r.h.Subtitle == ""
	r.unsaved.Hidden = !r.h.Unsaved
	r.buttons.Refresh()
	// A button shown or hidden changes the row's width at the same size: place it again.
	r.Layout(r.h.Size())
	r.box.Refresh()
	if r.h.relayout != nil && r.minAt(r.h.Size().Width).Height != r.h.Size().Height {
		r.h.relayout()
	}
}
