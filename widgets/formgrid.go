package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

var _ fyne.Layout = (*FormGrid)(nil)

// FormGrid is a layout of label, input pairs in two columns, like layout.NewFormLayout: the
// objects are taken two by two, the label on the left and its input on the right, one pair a
// row, each row as tall as the taller of the two. The label column is as wide as the widest
// visible label and at least MinLabelWidth, so that the forms of a page can line up their
// inputs. A pair whose input is hidden takes no room. A form narrower than its label column
// and widest input sets each label above its input instead, so that a narrow window is not
// held wide by its forms.
type FormGrid struct {
	MinLabelWidth float32

	width float32 // the width of the last Layout; 0 before the first
}

// NewFormGrid returns a FormGrid whose label column is at least minLabelWidth wide.
func NewFormGrid(minLabelWidth float32) *FormGrid {
	return &FormGrid{MinLabelWidth: minLabelWidth}
}

func (g *FormGrid) labelColumn(objs []fyne.CanvasObject) float32 {
	w := g.MinLabelWidth
	for i := 0; i+1 < len(objs); i += 2 {
		if objs[i].Visible() {
			w = max(w, objs[i].MinSize().Width)
		}
	}
	return w
}

// widestInput is the minimum width of the widest visible input.
func (g *FormGrid) widestInput(objs []fyne.CanvasObject) float32 {
	w := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		if objs[i+1].Visible() {
			w = max(w, objs[i+1].MinSize().Width)
		}
	}
	return w
}

// stacked reports whether the labels go above their inputs at width (0: not laid out yet).
func (g *FormGrid) stacked(objs []fyne.CanvasObject, width float32) bool {
	return width > 0 && width < g.labelColumn(objs)+theme.Padding()+g.widestInput(objs)
}

// MinSize is the label column, the widest input and the rows with padding between them; no
// wider than the widest label or input, since a narrow form stacks them.
func (g *FormGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	lw := g.labelColumn(objs)
	stacked := g.stacked(objs, g.width)
	var h float32
	rows := 0
	for i := 0; i+1 < len(objs); i += 2 {
		if !objs[i+1].Visible() {
			continue
		}
		l, in := objs[i].MinSize(), objs[i+1].MinSize()
		if stacked {
			h += l.Height + in.Height
		} else {
			h += max(l.Height, in.Height)
		}
		rows++
	}
	if rows > 1 {
		h += pad * float32(rows-1)
	}
	return fyne.NewSize(max(lw, g.widestInput(objs)), h)
}

// Layout places the pairs from the top; the inputs take the width that the labels leave.
func (g *FormGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	pad := theme.Padding()
	lw := g.labelColumn(objs)
	stacked := g.stacked(objs, size.Width)
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		label, input := objs[i], objs[i+1]
		if !input.Visible() {
			continue
		}
		if stacked {
			lh, ih := label.MinSize().Height, input.MinSize().Height
			label.Move(fyne.NewPos(0, y))
			label.Resize(fyne.NewSize(size.Width, lh))
			input.Move(fyne.NewPos(0, y+lh))
			input.Resize(fyne.NewSize(size.Width, ih))
			y += lh + ih + pad
			continue
		}
		h := max(label.MinSize().Height, input.MinSize().Height)
		label.Move(fyne.NewPos(0, y))
		label.Resize(fyne.NewSize(lw, label.MinSize().Height))
		input.Move(fyne.NewPos(lw+pad, y))
		input.Resize(fyne.NewSize(size.Width-lw-pad, h))
		y += h + pad
	}
}
