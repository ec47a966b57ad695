package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TableColumn describes one column of a TableEditor.
type TableColumn struct {
	Title     string   // the column's heading above the rows; no heading row when no column has one
	Hint      string   // the placeholder of a blank cell, e.g. "party, e.g. Japan"
	Width     float32  // the column's width; 0 shares what the fixed columns leave
	MultiLine bool     // a wrapping entry, for sentences, showing Lines lines
	Lines     int      // with MultiLine, how many lines it shows; 0 = three
	Options   []string // when not nil, the cell is a drop-down of these instead of an entry
	// NewLine starts a second line of the row with this column, for rows too wide for one:
	// the columns from here on line up under the first line's, sharing the same width.
	NewLine bool
}

var _ fyne.Widget = (*TableEditor)(nil)

// TableEditor edits an ordered list of rows of a few texts each — names by party, key facts,
// a timeline, posts held — one row of inputs per row, laid out in the TableColumns given so
// that the rows line up, with buttons to move a row up or down or remove it, and an Add
// button. Each row has one text per column. Blank rows are kept (a new row starts blank);
// callers storing the rows usually drop them. A drop-down cell holds "" or one of its
// column's Options.
type TableEditor struct {
	widget.BaseWidget

	// OnChanged is called with all rows after every edit, addition, removal or move.
	OnChanged func(rows [][]string) `json:"-"`

	ed      *rowEditor[[]string]
	columns []TableColumn
}

// NewTableEditor returns an editor, without rows, of the columns.
func NewTableEditor(columns ...TableColumn) *TableEditor {
	e := &TableEditor{columns: make([]TableColumn, len(columns))}
	for i, c := range columns {
		c.Options = slices.Clone(c.Options)
		e.columns[i] = c
	}
	e.ed = newRowEditor(nil, "Add", e.fields, &e.OnChanged)
	e.ed.clone = e.normalise
	e.ed.setHeader(e.headings())
	e.ExtendBaseWidget(e)
	return e
}

// headings are the columns' titles laid out as the rows' cells are, or nil when no column has
// a title.
func (e *TableEditor) headings() fyne.CanvasObject {
	titled := false
	for _, c := range e.columns {
		titled = titled || c.Title != ""
	}
	if !titled {
		return nil
	}
	var lines, cells []fyne.CanvasObject
	var widths []float32
	endLine := func() {
		if len(cells) > 0 {
			lines = append(lines, container.New(NewColumns(widths...).Squeezing(0.6), cells...))
		}
		cells, widths = nil, nil
	}
	for _, c := range e.columns {
		if c.NewLine {
			endLine()
		}
		l := widget.NewLabel(c.Title)
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.SizeName = theme.SizeNameCaptionText
		l.Truncation = fyne.TextTruncateEllipsis
		cells, widths = append(cells, l), append(widths, c.Width)
	}
	endLine()
	return container.NewBorder(nil, nil, nil, buttonsSpacer(), container.NewVBox(lines...))
}

// normalise copies row with exactly one text per column, "" for an option that its column
// does not offer.
func (e *TableEditor) normalise(row []string) []string {
	out := make([]string, len(e.columns))
	copy(out, row)
	for i, c := range e.columns {
		if c.Options != nil && !slices.Contains(c.Options, out[i]) {
			out[i] = ""
		}
	}
	return out
}

func (e *TableEditor) fields(i int, row []string, set func([]string)) (fyne.CanvasObject, fyne.Focusable) {
	cur := e.normalise(row)
	var lines []fyne.CanvasObject
	var cells []fyne.CanvasObject
	var widths []float32
	endLine := func() {
		if len(cells) > 0 {
			lines = append(lines, container.New(NewColumns(widths...).Squeezing(0.6), cells...))
		}
		cells, widths = nil, nil
	}
	var focus fyne.Focusable
	for k, c := range e.columns {
		if c.NewLine {
			endLine()
		}
		var cell fyne.CanvasObject
		changed := func(s string) {
			cur[k] = s
			set(slices.Clone(cur))
		}
		if c.Options != nil {
			s := widget.NewSelect(c.Options, nil)
			s.PlaceHolder = c.Hint
			s.SetSelected(cur[k])
			s.OnChanged = changed
			cell = s
		} else {
			lines := 1
			if c.MultiLine {
				lines = 3
				if c.Lines > 1 {
					lines = c.Lines
				}
			}
			obj, entry := newCellEntry(c.Hint, cur[k], lines)
			entry.OnChanged = changed
			cell = obj
		}
		if f, ok := cell.(fyne.Focusable); ok && focus == nil {
			focus = f
		}
		cells, widths = append(cells, cell), append(widths, c.Width)
	}
	endLine()
	if len(lines) == 1 {
		return lines[0], focus
	}
	if i > 0 { // rows of two lines are told apart by a rule, as questions are
		lines = append([]fyne.CanvasObject{widget.NewSeparator()}, lines...)
	}
	return container.NewVBox(lines...), focus
}

// Rows returns a copy of the rows as they stand, one text per column each.
func (e *TableEditor) Rows() [][]string { return e.ed.list() }

// SetRows replaces the rows without calling OnChanged. Texts beyond the columns are dropped;
// missing ones are "".
func (e *TableEditor) SetRows(rows [][]string) { e.ed.setItems(rows) }

// SetOptions changes the choices of the drop-down column col without calling OnChanged; a row
// whose choice is no longer offered is left with none.
func (e *TableEditor) SetOptions(col int, options []string) {
	e.columns[col].Options = slices.Clone(options)
	e.ed.setItems(e.ed.items)
}

// SetRowError shows msg under row i in the theme's error colour ("" takes it away). It stays
// until it is changed or the rows change shape (an addition, a removal, a move, SetRows).
func (e *TableEditor) SetRowError(i int, msg string) { e.ed.setMessage(i, msg, true) }

// SetRowNote shows msg under row i in the theme's warning colour, for what is true of a row
// but not wrong ("overdue"); a row's error is shown instead while it has one. It lasts as long
// as an error does.
func (e *TableEditor) SetRowNote(i int, msg string) { e.ed.setMessage(i, msg, false) }

// RowMessage is the error or note shown under row i, "" when none.
func (e *TableEditor) RowMessage(i int) string { return e.ed.message(i) }

// SetAddText sets the label of the Add button.
func (e *TableEditor) SetAddText(text string) { e.ed.add.SetText(text) }

// CreateRenderer returns the renderer.
func (e *TableEditor) CreateRenderer() fyne.WidgetRenderer {
	e.ExtendBaseWidget(e)
	return widget.NewSimpleRenderer(e.ed.content)
}
