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
// changes" marker followed by the page's buttons, with a separator below. Long titles are
// shortened with "…". Objects among the buttons that are
// not buttons (a status badge) are centred in the row. The title has the first row to itself,
// so a narrow window never cuts it for the buttons; they share the second row with the
// subtitle.
type RecordHeader struct {
	widget.BaseWidget

	Title    string
	Subtitle string
	// Unsaved shows the marker saying the page holds changes not yet saved.
	Unsaved bool

	buttons []fyne.CanvasObject
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
		title:   widget.NewLabel(""),
		sub:     widget.NewLabel(""),
		unsaved: widget.NewLabel("● Unsaved changes"),
	}
	r.title.SizeName = theme.SizeNameSubHeadingText
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.sub.TextStyle = fyne.TextStyle{Italic: true}
	r.sub.Truncation = fyne.TextTruncateEllipsis
	r.unsaved.Importance = widget.WarningImportance
	r.unsaved.TextStyle = fyne.TextStyle{Bold: true}
	right := []fyne.CanvasObject{r.unsaved}
	for _, b := range h.buttons {
		if _, ok := b.(*widget.Button); !ok {
			b = container.NewCenter(b)
		}
		right = append(right, b)
	}
	r.buttons = container.NewHBox(right...)
	r.sep = widget.NewSeparator()
	r.box = container.NewWithoutLayout(r.title, r.buttons, r.sub, r.sep)
	r.Refresh()
	return r
}

type recordHeaderRenderer struct {
	h                   *RecordHeader
	title, sub, unsaved *widget.Label
	buttons             *fyne.Container
	sep                 *widget.Separator
	box                 *fyne.Container
}

func (r *recordHeaderRenderer) Destroy() {}

func (r *recordHeaderRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }

func (r *recordHeaderRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	t, b := r.title.MinSize(), r.buttons.MinSize()
	second := b.Height
	if !r.sub.Hidden {
		second = max(second, r.sub.MinSize().Height)
	}
	return fyne.NewSize(max(t.Width, b.Width), t.Height+second+2*pad+r.sep.MinSize().Height)
}

// Layout gives the title the whole first row, never cut for the buttons' sake, and puts the
// subtitle and the buttons on the second, the subtitle shortened with "…" when they meet.
func (r *recordHeaderRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.box.Move(fyne.NewPos(0, 0))
	r.box.Resize(size)
	t, b := r.title.MinSize(), r.buttons.MinSize()
	r.title.Move(fyne.NewPos(0, 0))
	r.title.Resize(fyne.NewSize(size.Width, t.Height))
	y := t.Height
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
	r.sep.Move(fyne.NewPos(0, y+pad))
	r.sep.Resize(fyne.NewSize(size.Width, r.sep.MinSize().Height))
}

func (r *recordHeaderRenderer) Refresh() {
	r.title.SetText(r.h.Title)
	r.sub.SetText(r.h.Subtitle)
	r.sub.Hidden = r.h.Subtitle == ""
	r.unsaved.Hidden = !r.h.Unsaved
	r.buttons.Refresh()
	// A button shown or hidden changes the row's width at the same size: place it again.
	r.Layout(r.h.Size())
	r.box.Refresh()
}
