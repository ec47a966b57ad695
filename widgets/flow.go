package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

var _ fyne.Layout = (*Flow)(nil)

// Flow is a layout that sets objects side by side in lines, wrapping onto a new line when the
// next one does not fit, as words in a paragraph: a toolbar that would force the window wide
// takes two lines in a narrow one instead. Object i is at least Basis[i] wide (or its minimum
// width when that is more); the width left on a line goes to the objects with a basis, in
// proportion to it, so that filters fill the line while buttons keep their size. A line whose
// objects have no basis is set at the trailing edge when Trailing is true.
//
// A Flow's height depends on its width: MinSize counts the lines at the width it was last laid
// out at (one line before it has been laid out), and Fyne lays the parent out again when that
// changes. Use one Flow per container.
type Flow struct {
	Basis    []float32
	Trailing bool

	width float32 // the width of the last Layout; 0 before the first
}

// NewFlow returns a Flow with the given bases (0 or missing: the object's own width, not
// stretched).
func NewFlow(basis ...float32) *Flow {
	return &Flow{Basis: append([]float32(nil), basis...)}
}

func (f *Flow) basis(i int) float32 {
	if i < len(f.Basis) {
		return f.Basis[i]
	}
	return 0
}

// natural is the width object i takes before the line's leftover is shared out.
func (f *Flow) natural(i int, o fyne.CanvasObject) float32 {
	return max(o.MinSize().Width, f.basis(i))
}

// lines breaks the visible objects into lines at width; width 0 puts them all on one.
func (f *Flow) lines(objs []fyne.CanvasObject, width float32) [][]int {
	pad := theme.Padding()
	var out [][]int
	var line []int
	used := float32(0)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		w := f.natural(i, o)
		if len(line) > 0 && width > 0 && used+pad+w > width {
			out = append(out, line)
			line, used = nil, 0
		}
		if len(line) > 0 {
			used += pad
		}
		line = append(line, i)
		used += w
	}
	if len(line) > 0 {
		out = append(out, line)
	}
	return out
}

func lineHeight(objs []fyne.CanvasObject, line []int) float32 {
	h := float32(0)
	for _, i := range line {
		h = max(h, objs[i].MinSize().Height)
	}
	return h
}

// MinSize is as wide as the widest object and as tall as the lines at the last width.
func (f *Flow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w := float32(0)
	for i, o := range objs {
		if o.Visible() {
			w = max(w, f.natural(i, o))
		}
	}
	h := float32(0)
	lines := f.lines(objs, f.width)
	for _, line := range lines {
		h += lineHeight(objs, line)
	}
	if len(lines) > 1 {
		h += pad * float32(len(lines)-1)
	}
	return fyne.NewSize(w, h)
}

// Layout places the lines from the top, each as tall as its tallest object.
func (f *Flow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	pad := theme.Padding()
	y := float32(0)
	for _, line := range f.lines(objs, size.Width) {
		h := lineHeight(objs, line)
		used, grow := pad*float32(len(line)-1), float32(0)
		for _, i := range line {
			used += f.natural(i, objs[i])
			grow += f.basis(i)
		}
		spare := max(size.Width-used, 0)
		x := float32(0)
		if grow == 0 && f.Trailing {
			x = spare
		}
		for _, i := range line {
			w := f.natural(i, objs[i])
			if grow > 0 {
				w += spare * f.basis(i) / grow
			}
			w = min(w, size.Width) // an object wider than the whole line is cut to it
			objs[i].Move(fyne.NewPos(x, y))
			objs[i].Resize(fyne.NewSize(w, h))
			x += w + pad
		}
		y += h + pad
	}
}

var _ fyne.Layout = (*Beside)(nil)

// Beside is a layout of two objects: the first at its minimum width on the leading side and
// the second taking the rest, as a photo beside a form; narrower than Below, the first goes
// above the second, both the whole width. Its height depends on its width as a Flow's does.
type Beside struct {
	Below float32

	width float32 // the width of the last Layout; 0 before the first
}

// NewBeside returns a Beside that stacks below the width.
func NewBeside(below float32) *Beside { return &Beside{Below: below} }

func (b *Beside) stacked(width float32) bool { return width > 0 && width < b.Below }

// MinSize is the wider object's width with the heights one way or the other.
func (b *Beside) MinSize(objs []fyne.CanvasObject) fyne.Size {
	first, second := objs[0].MinSize(), objs[1].MinSize()
	if b.stacked(b.width) {
		return fyne.NewSize(max(first.Width, second.Width), first.Height+theme.Padding()+second.Height)
	}
	return fyne.NewSize(max(first.Width, second.Width), max(first.Height, second.Height))
}

// Layout places the objects beside or above each other.
func (b *Beside) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	b.width = size.Width
	first := objs[0].MinSize()
	objs[0].Move(fyne.NewPos(0, 0))
	if b.stacked(size.Width) {
		objs[0].Resize(fyne.NewSize(size.Width, first.Height))
		objs[1].Move(fyne.NewPos(0, first.Height+theme.Padding()))
		objs[1].Resize(fyne.NewSize(size.Width, size.Height-first.Height-theme.Padding()))
		return
	}
	w := min(first.Width, size.Width)
	objs[0].Resize(fyne.NewSize(w, size.Height))
	objs[1].Move(fyne.NewPos(w+theme.Padding(), 0))
	objs[1].Resize(fyne.NewSize(size.Width-w-theme.Padding(), size.Height))
}
