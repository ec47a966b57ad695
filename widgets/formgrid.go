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
// inputs. A pair whose input is hidden takes no room.
type FormGrid struct {
	MinLabelWidth float32
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

// MinSize is the label column, the widest input and the rows with padding between them.
func (g *FormGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	lw := g.labelColumn(objs)
	var w, h float32
	rows := 0
	for i := 0; i+1 < len(objs); i += 2 {
		if !objs[i+1].Visible() {
			continue
		}
		in := objs[i+1].MinSize()
		w = max(w, in.Width)
		h += max(objs[i].MinSize().Height, in.Height)
		rows++
	}
	if rows > 1 {
		h += pad * float32(rows-1)
	}
	return fyne.NewSize(lw+pad+w, h)
}

// Layout places the pairs from the top; the inputs take the width that the labels leave.
func (g *FormGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	lw := g.labelColumn(objs)
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		label, input := objs[i], objs[i+1]
		if !input.Visible() {
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
