package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// colSpec describes one column of a rowsEditor.
type colSpec struct {
	hint    string
	width   float32         // 0: share the free width
	multi   bool            // a multi-line entry
	options func() []string // a drop-down of these choices instead of an entry
}

// rowsEditor edits a list of records of a few text fields each (names by party, key facts,
// positions, timeline entries), one row per record, with add and remove buttons.
type rowsEditor struct {
	ed   *editState
	cols []colSpec
	rows [][]fyne.CanvasObject
	box  *fyne.Container
	root *fyne.Container
}

func newRowsEditor(ed *editState, addLabel string, cols ...colSpec) *rowsEditor {
	r := &rowsEditor{ed: ed, cols: cols, box: container.NewVBox()}
	add := widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), func() {
		r.append(make([]string, len(r.cols)))
		r.ed.touch()
		r.redraw()
	})
	add.Importance = widget.LowImportance
	r.root = container.NewVBox(r.box, container.NewHBox(add))
	return r
}

func (r *rowsEditor) view() fyne.CanvasObject { return r.root }

func (r *rowsEditor) append(vals []string) {
	row := make([]fyne.CanvasObject, len(r.cols))
	for i, c := range r.cols {
		v := ""
		if i < len(vals) {
			v = vals[i]
		}
		switch {
		case c.options != nil:
			s := widget.NewSelect(c.options(), func(string) { r.ed.touch() })
			s.PlaceHolder = c.hint
			if v != "" {
				s.SetSelected(v)
			}
			row[i] = s
		case c.multi:
			e := widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			e.SetMinRowsVisible(3)
			e.SetPlaceHolder(c.hint)
			e.SetText(v)
			e.OnChanged = func(string) { r.ed.touch() }
			row[i] = e
		default:
			e := widget.NewEntry()
			e.SetPlaceHolder(c.hint)
			e.SetText(v)
			e.OnChanged = func(string) { r.ed.touch() }
			row[i] = e
		}
	}
	r.rows = append(r.rows, row)
}

// set replaces the rows.
func (r *rowsEditor) set(vals [][]string) {
	r.rows = nil
	for _, v := range vals {
		r.append(v)
	}
	r.redraw()
}

// get returns the rows that are not entirely empty, values trimmed.
func (r *rowsEditor) get() [][]string {
	var out [][]string
	for _, row := range r.rows {
		vals := make([]string, len(row))
		empty := true
		for i, o := range row {
			switch w := o.(type) {
			case *widget.Entry:
				vals[i] = strings.TrimSpace(w.Text)
			case *widget.Select:
				vals[i] = w.Selected
				if vals[i] == noSource {
					vals[i] = ""
				}
			}
			if vals[i] != "" {
				empty = false
			}
		}
		if !empty {
			out = append(out, vals)
		}
	}
	return out
}

func (r *rowsEditor) redraw() {
	r.box.Objects = nil
	widths := make([]float32, 0, len(r.cols)+1)
	for _, c := range r.cols {
		widths = append(widths, c.width)
	}
	widths = append(widths, 40)
	for i, row := range r.rows {
		i := i
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			r.rows = append(r.rows[:i:i], r.rows[i+1:]...)
			r.ed.touch()
			r.redraw()
		})
		rm.Importance = widget.LowImportance
		r.box.Add(container.New(&columns{widths: widths}, append(append([]fyne.CanvasObject(nil), row...), rm)...))
	}
	r.box.Refresh()
}
