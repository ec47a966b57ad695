package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowEditor is the shared core of StringListEditor, QAEditor and TableEditor: an ordered list
// of items, each shown as a row of fields with move up, move down and remove buttons, and an
// Add button below. Rows are rebuilt only when the list's shape changes, so typing keeps focus.
type rowEditor[T any] struct {
	items []T
	// fields builds the inputs of row i; set stores an edited item; focus is the input that
	// gets the keyboard after Add.
	fields func(i int, item T, set func(T)) (row fyne.CanvasObject, focus fyne.Focusable)
	// onChanged points at the widget's OnChanged, called with a copy of the items.
	onChanged *func(items []T)
	// clone copies an item that holds references, so that neither the caller nor the widget
	// sees the other's later changes; nil when items are values.
	clone func(T) T

	box     *fyne.Container
	header  fyne.CanvasObject // optional, above the rows while there are any
	add     *widget.Button
	content *fyne.Container
	rows    []editorRow
}

type editorRow struct {
	up, down, remove *widget.Button
	focus            fyne.Focusable
	// msg is the line under the row's fields: its error, else its note; hidden when neither.
	msg       *widget.Label
	err, note string
}

// showMessage shows the row's error in the theme's error colour, else its note in the warning
// colour, or hides the line when there is neither.
func (r *editorRow) showMessage() {
	text, imp := r.err, widget.DangerImportance
	if text == "" {
		text, imp = r.note, widget.WarningImportance
	}
	r.msg.Importance = imp
	r.msg.SetText(text)
	if text == "" {
		r.msg.Hide()
	} else {
		r.msg.Show()
	}
}

// setMessage sets the error (err true) or the note of row i; a row that does not exist is
// left alone.
func (e *rowEditor[T]) setMessage(i int, text string, err bool) {
	if i < 0 || i >= len(e.rows) {
		return
	}
	r := &e.rows[i]
	if err {
		r.err = text
	} else {
		r.note = text
	}
	r.showMessage()
}

// message is what the line under row i says, "" when nothing or when there is no such row.
func (e *rowEditor[T]) message(i int) string {
	if i < 0 || i >= len(e.rows) || !e.rows[i].msg.Visible() {
		return ""
	}
	return e.rows[i].msg.Text
}

// newRowEditor returns the rows of items, built with fields, reporting to *onChanged.
func newRowEditor[T any](items []T, addText string, fields func(int, T, func(T)) (fyne.CanvasObject, fyne.Focusable), onChanged *func([]T)) *rowEditor[T] {
	e := &rowEditor[T]{fields: fields, onChanged: onChanged, box: container.NewVBox()}
	e.add = widget.NewButtonWithIcon(addText, theme.ContentAddIcon(), e.append)
	e.content = container.NewVBox(e.box, container.NewHBox(e.add))
	e.setItems(items)
	return e
}

// setHeader puts h above the rows, shown while there are rows.
func (e *rowEditor[T]) setHeader(h fyne.CanvasObject) {
	if h == nil {
		return
	}
	e.header = h
	e.content.Objects = append([]fyne.CanvasObject{h}, e.content.Objects...)
	e.rebuild()
}

// buttonsSpacer is an empty space as wide as a row's buttons, so that what lines up with the
// rows' fields can leave room for them.
func buttonsSpacer() fyne.CanvasObject {
	b := container.NewHBox(widget.NewButtonWithIcon("", theme.MoveUpIcon(), nil),
		widget.NewButtonWithIcon("", theme.MoveDownIcon(), nil), widget.NewButtonWithIcon("", theme.DeleteIcon(), nil))
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(b.MinSize().Width, 0))
	return r
}

// list is a copy of the items as they stand.
func (e *rowEditor[T]) list() []T {
	out := make([]T, len(e.items))
	for i, it := range e.items {
		if e.clone != nil {
			it = e.clone(it)
		}
		out[i] = it
	}
	return out
}

func (e *rowEditor[T]) notify() {
	if e.onChanged != nil && *e.onChanged != nil {
		(*e.onChanged)(e.list())
	}
}

func (e *rowEditor[T]) append() {
	var zero T
	e.items = append(e.items, zero)
	e.rebuild()
	e.notify()
	if f := e.rows[len(e.rows)-1].focus; f != nil {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e.content); c != nil {
			c.Focus(f)
		}
	}
}

func (e *rowEditor[T]) remove(i int) {
	e.items = append(e.items[:i], e.items[i+1:]...)
	e.rebuild()
	e.notify()
}

func (e *rowEditor[T]) move(i, j int) {
	if j < 0 || j >= len(e.items) {
		return
	}
	e.items[i], e.items[j] = e.items[j], e.items[i]
	e.rebuild()
	e.notify()
}

func (e *rowEditor[T]) setItems(items []T) {
	e.items = append([]T(nil), items...)
	e.items = e.list()
	e.rebuild()
}

// rebuild makes one row per item; the rows' messages go with the old rows.
func (e *rowEditor[T]) rebuild() {
	objs := make([]fyne.CanvasObject, 0, len(e.items))
	e.rows = e.rows[:0]
	for i, item := range e.items {
		fields, focus := e.fields(i, item, func(v T) {
			e.items[i] = v
			e.notify()
		})
		row := editorRow{
			up:     widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.move(i, i-1) }),
			down:   widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.move(i, i+1) }),
			remove: widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.remove(i) }),
			focus:  focus,
			msg:    widget.NewLabel(""),
		}
		row.msg.Wrapping = fyne.TextWrapWord
		row.msg.SizeName = theme.SizeNameCaptionText
		row.showMessage()
		for _, b := range []*widget.Button{row.up, row.down, row.remove} {
			b.Importance = widget.LowImportance
		}
		if i == 0 {
			row.up.Disable()
		}
		if i == len(e.items)-1 {
			row.down.Disable()
		}
		e.rows = append(e.rows, row)
		buttons := container.NewHBox(row.up, row.down, row.remove)
		objs = append(objs, container.NewBorder(nil, row.msg, nil, container.NewVBox(buttons), fields))
	}
	e.box.Objects = objs
	e.box.Refresh()
	if e.header != nil {
		if len(e.items) == 0 {
			e.header.Hide()
		} else {
			e.header.Show()
		}
	}
}

// newCellEntry is an input of a row showing text, with hint while blank; with more than one
// line it wraps words, shows at least that many lines and leaves Tab to move the focus. The
// object goes in the row; the entry is how to read and watch it.
func newCellEntry(hint, text string, lines int) (fyne.CanvasObject, *widget.Entry) {
	var obj fyne.CanvasObject
	var e *widget.Entry
	if lines > 1 {
		ta := NewTextArea(lines)
		obj, e = ta, &ta.Entry
	} else {
		e = widget.NewEntry()
		obj = e
	}
	e.SetPlaceHolder(hint)
	e.SetText(text)
	return obj, e
}

// StringListEditor edits an ordered list of strings — lines to take, spellings of a name —
// as one entry per row with buttons to move a row up or down or remove it, and an Add button.
// Blank rows are kept (a new row starts blank); callers storing the list usually drop them.
type StringListEditor struct {
	widget.BaseWidget

	// OnChanged is called with the whole list after every edit, addition, removal or move.
	OnChanged func(items []string) `json:"-"`

	ed          *rowEditor[string]
	placeHolder string
	multiLine   bool
}

var _ fyne.Widget = (*StringListEditor)(nil)

// NewStringListEditor returns an editor of a copy of items.
func NewStringListEditor(items []string) *StringListEditor {
	e := &StringListEditor{}
	e.ed = newRowEditor(items, "Add", e.fields, &e.OnChanged)
	e.ExtendBaseWidget(e)
	return e
}

func (e *StringListEditor) fields(_ int, item string, set func(string)) (fyne.CanvasObject, fyne.Focusable) {
	lines := 1
	if e.multiLine {
		lines = 2
	}
	obj, entry := newCellEntry(e.placeHolder, item, lines)
	entry.OnChanged = set
	return obj, obj.(fyne.Focusable)
}

// Items returns a copy of the list as it stands.
func (e *StringListEditor) Items() []string { return e.ed.list() }

// SetItems replaces the list without calling OnChanged.
func (e *StringListEditor) SetItems(items []string) { e.ed.setItems(items) }

// SetPlaceHolder sets the hint shown in blank rows.
func (e *StringListEditor) SetPlaceHolder(text string) {
	e.placeHolder = text
	e.ed.rebuild()
}

// SetMultiLine makes every row a wrapping entry of two or more lines, for sentences.
func (e *StringListEditor) SetMultiLine(multiLine bool) {
	e.multiLine = multiLine
	e.ed.rebuild()
}

// SetAddText sets the label of the Add button.
func (e *StringListEditor) SetAddText(text string) { e.ed.add.SetText(text) }

// CreateRenderer returns the renderer.
func (e *StringListEditor) CreateRenderer() fyne.WidgetRenderer {
	e.ExtendBaseWidget(e)
	return widget.NewSimpleRenderer(e.ed.content)
}

// QA is a question and the answer prepared for it.
type QA struct {
	Question string
	Answer   string
}

// QAEditor edits anticipated questions and their answers: a question entry above a wrapping
// answer entry per row, with move up, move down and remove buttons, and an Add button.
type QAEditor struct {
	widget.BaseWidget

	// OnChanged is called with all pairs after every edit, addition, removal or move.
	OnChanged func(items []QA) `json:"-"`

	ed *rowEditor[QA]
}

var _ fyne.Widget = (*QAEditor)(nil)

// NewQAEditor returns an editor of a copy of items.
func NewQAEditor(items []QA) *QAEditor {
	e := &QAEditor{}
	e.ed = newRowEditor(items, "Add question", e.fields, &e.OnChanged)
	e.ExtendBaseWidget(e)
	return e
}

func (e *QAEditor) fields(i int, item QA, set func(QA)) (fyne.CanvasObject, fyne.Focusable) {
	qObj, q := newCellEntry("Question", item.Question, 1)
	aObj, a := newCellEntry("Answer", item.Answer, 2)
	q.OnChanged = func(s string) { set(QA{Question: s, Answer: a.Text}) }
	a.OnChanged = func(s string) { set(QA{Question: q.Text, Answer: s}) }
	var rule fyne.CanvasObject = widget.NewSeparator()
	if i == 0 {
		rule = nil
	}
	return container.NewBorder(rule, nil, nil, nil, container.NewVBox(qObj, aObj)), q
}

// Items returns a copy of the pairs as they stand.
func (e *QAEditor) Items() []QA { return e.ed.list() }

// SetItems replaces the pairs without calling OnChanged.
func (e *QAEditor) SetItems(items []QA) { e.ed.setItems(items) }

// SetAddText sets the label of the Add button.
func (e *QAEditor) SetAddText(text string) { e.ed.add.SetText(text) }

// CreateRenderer returns the renderer.
func (e *QAEditor) CreateRenderer() fyne.WidgetRenderer {
	e.ExtendBaseWidget(e)
	return widget.NewSimpleRenderer(e.ed.content)
}
