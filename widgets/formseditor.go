package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// FormField describes one labelled input of the forms of a FormsEditor.
type FormField struct {
	Label string // shown above the input, e.g. "Reservation point"
	Hint  string // the placeholder of a blank input
	Lines int    // 2 or more: a wrapping entry showing that many lines; else one line
	// Wide gives the input the whole width of the form, e.g. the form's title; the others are
	// laid out two a line.
	Wide bool
}

var _ fyne.Widget = (*FormsEditor)(nil)

// FormsEditor edits an ordered list of small forms of the same fields — the negotiating
// parameters of each issue on the table — one form a row with buttons to move it up or down or
// remove it, and an Add button. Each form's inputs carry their labels above them, two a line
// (a Wide field alone on its line), so that ten fields fit a narrow window. Each form is one
// text per field. Blank forms are kept (a new one starts blank); callers storing them usually
// drop them.
type FormsEditor struct {
	widget.BaseWidget

	// OnChanged is called with all forms after every edit, addition, removal or move.
	OnChanged func(forms [][]string) `json:"-"`

	ed     *rowEditor[[]string]
	fields []FormField
}

// NewFormsEditor returns an editor, without forms, of the fields.
func NewFormsEditor(fields ...FormField) *FormsEditor {
	e := &FormsEditor{fields: append([]FormField(nil), fields...)}
	e.ed = newRowEditor(nil, "Add", e.form, &e.OnChanged)
	e.ed.clone = e.normalise
	e.ExtendBaseWidget(e)
	return e
}

// normalise copies form with exactly one text per field.
func (e *FormsEditor) normalise(form []string) []string {
	out := make([]string, len(e.fields))
	copy(out, form)
	return out
}

func (e *FormsEditor) form(i int, form []string, set func([]string)) (fyne.CanvasObject, fyne.Focusable) {
	cur := e.normalise(form)
	var lines []fyne.CanvasObject
	if i > 0 {
		lines = append(lines, widget.NewSeparator())
	}
	var pair []fyne.CanvasObject
	flush := func() {
		if len(pair) == 1 {
			pair = append(pair, container.NewVBox()) // keeps a lone field half wide
		}
		if len(pair) > 0 {
			lines = append(lines, container.NewGridWithColumns(2, pair...))
		}
		pair = nil
	}
	var focus fyne.Focusable
	for k, f := range e.fields {
		obj, entry := newCellEntry(f.Hint, cur[k], f.Lines)
		entry.OnChanged = func(s string) {
			cur[k] = s
			set(append([]string(nil), cur...))
		}
		if focus == nil {
			focus = obj.(fyne.Focusable)
		}
		label := truncatedLabel(f.Label)
		cell := container.NewBorder(label, nil, nil, nil, obj)
		if f.Wide {
			flush()
			lines = append(lines, cell)
			continue
		}
		pair = append(pair, cell)
		if len(pair) == 2 {
			flush()
		}
	}
	flush()
	return container.NewVBox(lines...), focus
}

// truncatedLabel is a bold field label that cuts its text short where the form is narrow.
func truncatedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// Forms returns a copy of the forms as they stand, one text per field each.
func (e *FormsEditor) Forms() [][]string { return e.ed.list() }

// SetForms replaces the forms without calling OnChanged. Texts beyond the fields are dropped;
// missing ones are "".
func (e *FormsEditor) SetForms(forms [][]string) { e.ed.setItems(forms) }

// SetFormError shows msg under form i in the theme's error colour ("" takes it away), until it
// is changed or the forms change shape.
func (e *FormsEditor) SetFormError(i int, msg string) { e.ed.setMessage(i, msg, true) }

// FormMessage is the error shown under form i, "" when none.
func (e *FormsEditor) FormMessage(i int) string { return e.ed.message(i) }

// SetAddText sets the label of the Add button.
func (e *FormsEditor) SetAddText(text string) { e.ed.add.SetText(text) }

// CreateRenderer returns the renderer.
func (e *FormsEditor) CreateRenderer() fyne.WidgetRenderer {
	e.ExtendBaseWidget(e)
	return widget.NewSimpleRenderer(e.ed.content)
}
