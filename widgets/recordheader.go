package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*RecordHeader)(nil)

// RecordHeader is the top of a page that edits one record: the title in bold at the
// sub-heading size, a line under it in italics, and on the right an "Unsaved changes" marker
// followed by the page's buttons, with a separator below. Long titles are shortened with
// "…"; the subtitle line takes no room while it is empty. Objects among the buttons that are
// not buttons (a status badge) are centred in the row.
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
	r.box = container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(right...), r.title),
		r.sub,
		widget.NewSeparator(),
	)
	r.Refresh()
	return r
}

type recordHeaderRenderer struct {
	h                   *RecordHeader
	title, sub, unsaved *widget.Label
	box                 *fyne.Container
}

func (r *recordHeaderRenderer) Destroy() {}

func (r *recordHeaderRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }

func (r *recordHeaderRenderer) MinSize() fyne.Size { return r.box.MinSize() }

func (r *recordHeaderRenderer) Layout(size fyne.Size) {
	r.box.Move(fyne.NewPos(0, 0))
	r.box.Resize(size)
}

func (r *recordHeaderRenderer) Refresh() {
	r.title.SetText(r.h.Title)
	r.sub.SetText(r.h.Subtitle)
	r.sub.Hidden = r.h.Subtitle == ""
	r.unsaved.Hidden = !r.h.Unsaved
	r.box.Refresh()
}
