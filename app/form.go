package app

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// editState is the unsaved-changes bookkeeping every editor page shares.
type editState struct {
	changed bool
	loading bool // fields are being filled by code: their OnChanged is not an edit
	edits   int  // how many edits the user has made, ever: tells whether they typed since a read began
	onDirty func(changed bool)
}

// touch records an edit by the user.
func (e *editState) touch() {
	if e.loading {
		return
	}
	e.edits++
	if e.changed {
		return
	}
	e.changed = true
	if e.onDirty != nil {
		e.onDirty(true)
	}
}

// clean records that what the page shows is what is stored.
func (e *editState) clean() {
	e.changed = false
	if e.onDirty != nil {
		e.onDirty(false)
	}
}

// fill runs f, which sets fields from a record, without counting it as an edit.
func (e *editState) fill(f func()) {
	e.loading = true
	defer func() { e.loading = false }()
	f()
}

// fieldRow is one labelled input with room for its error message right under it.
type fieldRow struct {
	label *widget.Label
	input fyne.CanvasObject
	msg   *widgets.FieldError
	cell  *fyne.Container
}

// fields are the inputs of one editor, keyed by the storage field name they answer to, so that
// a *storage.ValidationError lands next to the right input.
type fields struct {
	rows    map[string]*fieldRow
	general *widget.Label // for errors that belong to no single input
}

func newFields() *fields {
	g := widget.NewLabel("")
	g.Importance = widget.DangerImportance
	g.Wrapping = fyne.TextWrapWord
	g.Hide()
	return &fields{rows: map[string]*fieldRow{}, general: g}
}

// add registers input under key with a label.
func (fs *fields) add(key, label string, input fyne.CanvasObject) *fieldRow {
	msg := widgets.NewFieldError()
	l := widget.NewLabel(label)
	l.TextStyle = fyne.TextStyle{Bold: true}
	r := &fieldRow{label: l, input: input, msg: msg, cell: container.NewVBox(input, msg)}
	fs.rows[key] = r
	return r
}

// grid lays the rows of keys out as a form: labels on the left, inputs on the right.
func (fs *fields) grid(keys ...string) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, k := range keys {
		r := fs.rows[k]
		objs = append(objs, r.label, r.cell)
	}
	return container.New(widgets.NewFormGrid(labelWidth), objs...)
}

// setError shows msg under the input of key (or of the list key belongs to, for
// "posts[2].title"), or in the general message when no input answers to it.
func (fs *fields) setError(key, msg string) {
	r := fs.row(key)
	if r == nil {
		fs.general.SetText(msg)
		fs.general.Show()
		return
	}
	r.msg.SetText(msg)
}

func (fs *fields) row(key string) *fieldRow {
	for {
		if r, ok := fs.rows[key]; ok {
			return r
		}
		i := strings.LastIndexAny(key, ".[")
		if i <= 0 {
			return nil
		}
		key = key[:i]
	}
}

// errorOf is the message shown under key, "" when none.
func (fs *fields) errorOf(key string) string {
	if r, ok := fs.rows[key]; ok && r.msg.Visible() {
		return r.msg.Text
	}
	return ""
}

func (fs *fields) clearErrors() {
	for _, r := range fs.rows {
		r.msg.SetText("")
	}
	fs.general.SetText("")
	fs.general.Hide()
}

// showStoreError places a validation error from the store next to its field and reports
// whether it was one; other errors are for a dialog.
func (fs *fields) showStoreError(err error) bool {
	var ve *storage.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	reason := firstUpper(ve.Reason)
	if fs.row(ve.Field) == nil {
		reason = ve.Field + ": " + ve.Reason
	}
	fs.setError(ve.Field, reason)
	return true
}

// section is a titled group of a record page.
func section(title string, content ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(append([]fyne.CanvasObject{heading(title)}, content...)...)
}

// heading is the title of a list screen or of a section.
func heading(text string) *widget.Label {
	h := boldLabel(text)
	h.SizeName = theme.SizeNameSubHeadingText
	return h
}

// note is a small grey explanatory line.
func note(text string) *widget.Label {
	// Italic at the caption size, in the text's own colour: the theme's low-importance grey
	// was nearly unreadable on the light theme's background.
	l := wrapLabel(text)
	l.TextStyle = fyne.TextStyle{Italic: true}
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// wrapLabel is a label that wraps words.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// emptyState is a centred hint saying what to do next.
func emptyState(text string) *widget.Label {
	l := wrapLabel(text)
	l.Alignment = fyne.TextAlignCenter
	l.Importance = widget.LowImportance
	return l
}

// overEmpty stacks list over its emptyState hint, which the screen shows when the list has
// no rows.
func overEmpty(list, hint fyne.CanvasObject) *fyne.Container {
	return container.NewStack(list, middle(hint))
}

// middle stacks objects in the middle of the height they are given.
func middle(objects ...fyne.CanvasObject) *fyne.Container {
	return container.NewVBox(append(append([]fyne.CanvasObject{layout.NewSpacer()}, objects...), layout.NewSpacer())...)
}

// textEntry is a single-line entry that marks e edited on change.
func textEntry(e *editState, placeholder string) *widget.Entry {
	w := widget.NewEntry()
	w.SetPlaceHolder(placeholder)
	w.OnChanged = func(string) { e.touch() }
	return w
}

// textArea is a multi-line entry that marks e edited on change.
func textArea(e *editState, placeholder string, rows int) *widgets.TextArea {
	// widgets.TextArea, not a stock multi-line entry: that one keeps Tab, and a keyboard
	// user who tabs into it cannot tab on.
	w := widgets.NewTextArea(rows)
	w.SetPlaceHolder(placeholder)
	w.OnChanged = func(string) { e.touch() }
	return w
}

// selectOf is a drop-down that marks e edited on change.
func selectOf(e *editState, options []string) *widget.Select {
	s := widget.NewSelect(options, func(string) { e.touch() })
	return s
}

// labelWidth is the least width of the label column of every form, so that the inputs of
// all sections of a page line up.
const labelWidth = 150

// required is an entry's validator that refuses blank text with msg.
func required(msg string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(msg)
		}
		return nil
	}
}

// choices labels items for a drop-down that starts with none, which stands for no item: each
// label made unique, in the order of items, with the map from label back to the item's ID.
func choices[T any](none string, items []T, describe func(T) (label, id string)) ([]string, map[string]string) {
	labels, ids := []string{none}, map[string]string{none: ""}
	for _, it := range items {
		label, id := describe(it)
		l := uniqueLabel(ids, label)
		ids[l] = id
		labels = append(labels, l)
	}
	return labels, ids
}

// sourceChoice describes a source for choices.
func sourceChoice(s storage.Source) (label, id string) { return s.Title, s.ID }

// commaList splits "Japan, Russia" into items.
func commaList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// boldLabel is a column heading.
func boldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// truncated is l cutting its text short with an ellipsis where it does not fit.
func truncated(l *widget.Label) *widget.Label {
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// parseDate reads a date as the user typed it (storage.ParseFuzzyDate's forms), with numeric
// dates in the order of the user's locale; one that reads two ways is refused with both
// readings, never guessed.
func parseDate(s string) (storage.FuzzyDate, error) {
	return storage.ParseFuzzyDateOrder(s, numericOrder())
}

// numericOrder is how the user's locale writes 06/22/2016 or 22/06/2016: month first in the
// United States and a few others (LC_ALL, LC_TIME or LANG), day first elsewhere.
func numericOrder() storage.NumericOrder {
	for _, name := range []string{"LC_ALL", "LC_TIME", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		region := v
		if i := strings.IndexAny(region, "_-"); i >= 0 {
			region = region[i+1:]
		}
		region = strings.ToUpper(strings.SplitN(strings.SplitN(region, ".", 2)[0], "@", 2)[0])
		switch region {
		case "US", "PH", "FM", "MH", "PW", "BZ":
			return storage.MonthFirst
		}
		return storage.DayFirst
	}
	return storage.DayFirst
}

// partialText shows a partial date as the form writes it back: 2016-06-17, 2016-06, 2016.
func partialText(d storage.PartialDate) string { return d.ISO() }

// parsePartialDate reads one day, month or year in any form the When field reads ("17 Jun
// 2016", "June 2016", "2016-06-17"); "" is no date.
func parsePartialDate(s string) (storage.PartialDate, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return storage.PartialDate{}, nil
	}
	if d, err := storage.ParsePartialDate(s); err == nil {
		return d, nil
	}
	f, err := storage.ParseFuzzyDate(s)
	if err != nil {
		return storage.PartialDate{}, err
	}
	switch f.Kind {
	case storage.DateDay, storage.DateMonth, storage.DateYear:
		return f.From, nil
	case storage.DateExact:
		at := f.At.In(f.Location())
		return storage.PartialDate{Year: at.Year(), Month: at.Month(), Day: at.Day()}, nil
	}
	return storage.PartialDate{}, fmt.Errorf("give one day, month or year, e.g. 17 Jun 2016")
}
