package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// editState is the unsaved-changes bookkeeping every editor page shares.
type editState struct {
	changed bool
	loading bool // fields are being filled by code: their OnChanged is not an edit
	onDirty func(changed bool)
}

// touch records an edit by the user.
func (e *editState) touch() {
	if e.loading || e.changed {
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

// header is the top of a record page: title, a line under it, the unsaved-changes notice and
// the page's buttons.
type header struct {
	title   *widget.Label
	sub     *widget.Label
	unsaved *widget.Label
	box     *fyne.Container
}

func newHeader(buttons ...fyne.CanvasObject) *header {
	h := &header{
		title:   widget.NewLabel(""),
		sub:     widget.NewLabel(""),
		unsaved: widget.NewLabel("● Unsaved changes"),
	}
	h.title.SizeName = theme.SizeNameSubHeadingText
	h.title.TextStyle = fyne.TextStyle{Bold: true}
	h.title.Truncation = fyne.TextTruncateEllipsis
	h.sub.Truncation = fyne.TextTruncateEllipsis
	h.sub.TextStyle = fyne.TextStyle{Italic: true}
	h.unsaved.Importance = widget.WarningImportance
	h.unsaved.TextStyle = fyne.TextStyle{Bold: true}
	h.unsaved.Hide()
	objs := []fyne.CanvasObject{h.unsaved}
	for _, b := range buttons {
		if _, ok := b.(*widget.Button); ok {
			objs = append(objs, b)
		} else {
			objs = append(objs, container.NewCenter(b)) // a badge sits in the middle of the row
		}
	}
	right := container.NewHBox(objs...)
	h.box = container.NewVBox(
		container.NewBorder(nil, nil, nil, right, h.title),
		h.sub,
		widget.NewSeparator(),
	)
	return h
}

func (h *header) setTitle(title, sub string) {
	h.title.SetText(title)
	h.sub.SetText(sub)
	if sub == "" {
		h.sub.Hide()
	} else {
		h.sub.Show()
	}
}

func (h *header) setUnsaved(on bool) {
	if on {
		h.unsaved.Show()
	} else {
		h.unsaved.Hide()
	}
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
	return container.New(&formGrid{}, objs...)
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
	h := widget.NewLabel(title)
	h.SizeName = theme.SizeNameSubHeadingText
	h.TextStyle = fyne.TextStyle{Bold: true}
	return container.NewVBox(append([]fyne.CanvasObject{h}, content...)...)
}

// heading is the title of a list screen.
func heading(text string) *widget.Label {
	h := widget.NewLabel(text)
	h.SizeName = theme.SizeNameSubHeadingText
	h.TextStyle = fyne.TextStyle{Bold: true}
	return h
}

// note is a small grey explanatory line.
func note(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
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
	l := widget.NewLabel(text)
	l.Alignment = fyne.TextAlignCenter
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// textEntry is a single-line entry that marks e edited on change.
func textEntry(e *editState, placeholder string) *widget.Entry {
	w := widget.NewEntry()
	w.SetPlaceHolder(placeholder)
	w.OnChanged = func(string) { e.touch() }
	return w
}

// textArea is a multi-line entry that marks e edited on change.
func textArea(e *editState, placeholder string, rows int) *widget.Entry {
	w := widget.NewMultiLineEntry()
	w.SetPlaceHolder(placeholder)
	w.Wrapping = fyne.TextWrapWord
	w.SetMinRowsVisible(rows)
	w.OnChanged = func(string) { e.touch() }
	return w
}

// selectOf is a drop-down that marks e edited on change.
func selectOf(e *editState, options []string) *widget.Select {
	s := widget.NewSelect(options, func(string) { e.touch() })
	return s
}

// columns lays a row out with fixed widths; columns of width 0 (and any beyond the widths
// given) share what is left equally.
type columns struct {
	widths []float32
}

func (c *columns) width(i int) float32 {
	if i < len(c.widths) {
		return c.widths[i]
	}
	return 0
}

func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		if fw := c.width(i); fw > 0 {
			w += fw
		} else {
			w += min(m.Width, 80)
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+theme.Padding()*float32(max(len(objs)-1, 0)), h)
}

func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed := pad * float32(max(len(objs)-1, 0))
	flex := 0
	for i := range objs {
		if fw := c.width(i); fw > 0 {
			fixed += fw
		} else {
			flex++
		}
	}
	share := float32(0)
	if flex > 0 {
		share = max(size.Width-fixed, 0) / float32(flex)
	}
	x := float32(0)
	for i, o := range objs {
		w := c.width(i)
		if w == 0 {
			w = share
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// labelWidth is the least width of the label column of every form, so that the inputs of
// all sections of a page line up.
const labelWidth = 150

// formGrid lays out label, input pairs in two columns, like layout.NewFormLayout, with the
// label column at least labelWidth wide.
type formGrid struct{}

func (g *formGrid) labelColumn(objs []fyne.CanvasObject) float32 {
	w := float32(labelWidth)
	for i := 0; i+1 < len(objs); i += 2 {
		if objs[i].Visible() {
			w = max(w, objs[i].MinSize().Width)
		}
	}
	return w
}

func (g *formGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
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

func (g *formGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
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
