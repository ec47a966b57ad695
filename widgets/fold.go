package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*Fold)(nil)

// Fold shows two parts side by side, in a split the user can drag, while it is at least
// Breakpoint wide (and wide enough for both); narrower, it folds the second under the
// first, so that a window on half a laptop screen keeps both instead of cutting one. Each
// way remembers its own divider position.
type Fold struct {
	widget.BaseWidget

	// Breakpoint is the width below which the second part goes under the first.
	Breakpoint float32

	split        *container.Split
	wide, folded float64 // the divider's offset each way
}

// NewFold returns a Fold of first and second with the divider at offset (0–1) side by side
// and at foldedOffset when folded.
func NewFold(first, second fyne.CanvasObject, breakpoint float32, offset, foldedOffset float64) *Fold {
	f := &Fold{Breakpoint: breakpoint, wide: offset, folded: foldedOffset}
	f.split = container.NewHSplit(first, second)
	f.split.SetOffset(offset)
	f.ExtendBaseWidget(f)
	return f
}

// Folded reports whether the second part is under the first.
func (f *Fold) Folded() bool { return !f.split.Horizontal }

// foldAt reports whether the parts fold at width.
func (f *Fold) foldAt(width float32) bool {
	a, b := f.split.Leading.MinSize(), f.split.Trailing.MinSize()
	return width < max(f.Breakpoint, a.Width+b.Width+theme.Padding())
}

// CreateRenderer returns the renderer.
func (f *Fold) CreateRenderer() fyne.WidgetRenderer {
	f.ExtendBaseWidget(f)
	return &foldRenderer{f: f}
}

type foldRenderer struct{ f *Fold }

func (r *foldRenderer) Destroy() {}

func (r *foldRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.f.split} }

// MinSize lets the window narrow to the wider part: below the sum of both it folds.
func (r *foldRenderer) MinSize() fyne.Size {
	a, b := r.f.split.Leading.MinSize(), r.f.split.Trailing.MinSize()
	h := max(a.Height, b.Height)
	if r.f.Folded() {
		h = a.Height + b.Height + theme.Padding()
	}
	return fyne.NewSize(max(a.Width, b.Width), h)
}

func (r *foldRenderer) Layout(size fyne.Size) {
	s := r.f.split
	if fold := r.f.foldAt(size.Width); fold != r.f.Folded() {
		if fold {
			r.f.wide, s.Offset = s.Offset, r.f.folded
		} else {
			r.f.folded, s.Offset = s.Offset, r.f.wide
		}
		s.Horizontal = !fold
		s.Refresh()
	}
	s.Move(fyne.NewPos(0, 0))
	s.Resize(size)
}

func (r *foldRenderer) Refresh() {
	r.Layout(r.f.Size())
	r.f.split.Refresh()
}
