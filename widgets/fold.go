package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*Fold)(nil)

// Fold shows two parts side by side, in a split the user can drag, while it is at least
// Breakpoint wide (and wide enough for both); narrower, it folds the second under the
// first, in a page that scrolls when the window is too short for both, so that a window on
// half a laptop screen keeps both instead of cutting one. Folded, the second part gets the
// height it asks for and the first the rest, never less than it asks for: a part that can
// show more with more room (a month grid's chips) takes what the window has to spare, while
// a split would have shared out the height blindly and left the other a sliver.
type Fold struct {
	widget.BaseWidget

	// Breakpoint is the width below which the second part goes under the first.
	Breakpoint float32
	// OnFold, when set, is called with true when the second part goes under the first and
	// with false when it comes back beside, before either is laid out the new way: for
	// example to have a part ask for a height that suits having nothing beside it.
	OnFold func(folded bool) `json:"-"`

	first, second fyne.CanvasObject
	folded        bool
	split         *container.Split
	stack         *fyne.Container // the two parts, one under the other, when folded
	page          *PageScroll     // scrolls stack
}

// NewFold returns a Fold of first and second with the divider at offset (0–1) side by side.
func NewFold(first, second fyne.CanvasObject, breakpoint float32, offset float64) *Fold {
	f := &Fold{Breakpoint: breakpoint, first: first, second: second}
	f.split = container.NewHSplit(first, second)
	f.split.SetOffset(offset)
	f.stack = container.New(foldedLayout{})
	f.page = NewPageScroll(f.stack)
	f.page.Hide()
	f.ExtendBaseWidget(f)
	return f
}

// Folded reports whether the second part is under the first.
func (f *Fold) Folded() bool { return f.folded }

// Page is the scroll the parts are in while folded.
func (f *Fold) Page() *PageScroll { return f.page }

// foldAt reports whether the parts fold at width.
func (f *Fold) foldAt(width float32) bool {
	a, b := f.first.MinSize(), f.second.MinSize()
	return width < max(f.Breakpoint, a.Width+b.Width+theme.Padding())
}

// setFolded moves the parts into the scrolling stack (folded) or back into the split; an
// object is in one container at a time, so the split holds empty stand-ins while folded.
func (f *Fold) setFolded(fold bool) {
	f.folded = fold
	if f.OnFold != nil {
		f.OnFold(fold)
	}
	if fold {
		f.split.Leading, f.split.Trailing = canvas.NewRectangle(nil), canvas.NewRectangle(nil)
		f.stack.Objects = []fyne.CanvasObject{f.first, f.second}
		f.split.Hide()
		f.page.Show()
		f.page.Scroll.ScrollToTop()
	} else {
		f.stack.Objects = nil
		f.split.Leading, f.split.Trailing = f.first, f.second
		f.page.Hide()
		f.split.Show()
	}
	f.split.Refresh()
	f.stack.Refresh()
}

// CreateRenderer returns the renderer.
func (f *Fold) CreateRenderer() fyne.WidgetRenderer {
	f.ExtendBaseWidget(f)
	return &foldRenderer{f: f}
}

type foldRenderer struct{ f *Fold }

func (r *foldRenderer) Destroy() {}

func (r *foldRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.f.split, r.f.page}
}

// MinSize lets the window narrow to the wider part (below the sum of both it folds) and,
// folded, shorten to a few lines: the page scrolls.
func (r *foldRenderer) MinSize() fyne.Size {
	a, b := r.f.first.MinSize(), r.f.second.MinSize()
	if r.f.folded {
		return fyne.NewSize(max(a.Width, b.Width), r.f.page.MinSize().Height)
	}
	return fyne.NewSize(max(a.Width, b.Width), max(a.Height, b.Height))
}

func (r *foldRenderer) Layout(size fyne.Size) {
	f := r.f
	if fold := f.foldAt(size.Width); fold != f.folded {
		f.setFolded(fold)
	}
	shown := fyne.CanvasObject(f.split)
	if f.folded {
		shown = f.page
	}
	shown.Move(fyne.NewPos(0, 0))
	shown.Resize(size)
}

func (r *foldRenderer) Refresh() {
	r.Layout(r.f.Size())
	r.f.split.Refresh()
	r.f.page.Refresh()
}

// foldedLayout puts the second object under the first: the second as tall as it asks, the
// first the rest of the height, at least as tall as it asks.
type foldedLayout struct{}

func (foldedLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) < 2 {
		return fyne.Size{}
	}
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+theme.Padding()+b.Height)
}

func (foldedLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) < 2 {
		return
	}
	pad := theme.Padding()
	bh := objs[1].MinSize().Height
	ah := max(objs[0].MinSize().Height, size.Height-pad-bh)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, ah))
	objs[1].Move(fyne.NewPos(0, ah+pad))
	objs[1].Resize(fyne.NewSize(size.Width, bh))
}
