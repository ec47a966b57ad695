package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/widgets"
)

// recordPage is what every record page (a meeting, an actor, a dispute, a source) shares: the
// unsaved-changes state, the labelled inputs, the header with its Save and Delete buttons, and
// the page's root. A page embeds it and builds the rest.
type recordPage struct {
	u  *ui
	ed editState
	fs *fields

	hdr                *widgets.RecordHeader
	saveBtn, deleteBtn *widget.Button
	root               fyne.CanvasObject
	loaded             bool
	showInputs         func() // optional: brings the inputs into view when the store refuses a value
}

func (r *recordPage) view() fyne.CanvasObject { return r.root }
func (r *recordPage) dirty() bool             { return r.ed.changed }

// initRecord makes the inputs' bookkeeping and the Save and Delete buttons, which run save and
// onDelete. The page then makes r.hdr with the buttons it wants; while there are unsaved
// changes the header says so and Save is enabled.
func (r *recordPage) initRecord(save func(then func()), onDelete func()) {
	r.fs = newFields()
	r.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { save(func() {}) })
	r.saveBtn.Importance = widget.HighImportance
	r.saveBtn.Disable()
	r.deleteBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), onDelete)
	r.ed.onDirty = func(on bool) {
		r.hdr.SetUnsaved(on)
		if on {
			r.saveBtn.Enable()
		} else {
			r.saveBtn.Disable()
		}
	}
}

// frame makes the root: the header on top of content.
func (r *recordPage) frame(content fyne.CanvasObject) {
	r.root = container.NewBorder(container.NewPadded(r.hdr), nil, nil, nil, content)
}

// saveRecord stores a record off the Fyne goroutine with progress in the status line: store
// writes it and reads back what the page shows, which done shows on the Fyne goroutine. A value
// the store refuses is marked next to its field; any other failure goes to a dialog saying it
// could not doing.
func saveRecord[D any](r *recordPage, progress, doing string, store func(context.Context) (D, error), done func(D)) {
	run(r.u, progress, store, func(d D, err error) {
		switch {
		case err == nil:
			done(d)
		case r.fs.showStoreError(err):
			if r.showInputs != nil {
				r.showInputs()
			}
			r.u.setStatus("Not saved — correct the field marked in red")
		default:
			r.u.showError(doing, err)
		}
	})
}

// createOrUpdate is how to store a record: create when it is new, else update.
func createOrUpdate[T any](isNew bool, create, update func(context.Context, *T) error) func(context.Context, *T) error {
	if isNew {
		return create
	}
	return update
}

// deleteRecord asks whether to delete what, saying the consequence; then deletes it with del
// and closes self, the page that embeds r. name is how the status line calls the record.
func (r *recordPage) deleteRecord(self page, what, consequence, name, doing string, del func(context.Context) error) {
	r.u.confirmDelete(what, consequence, func() {
		run(r.u, "Deleting "+name+"…", func(ctx context.Context) (struct{}, error) {
			return struct{}{}, del(ctx)
		}, func(_ struct{}, err error) {
			if err != nil {
				r.u.showError(doing, err)
				return
			}
			r.ed.clean()
			r.u.setStatus("Deleted " + name)
			r.u.closePage(self)
		})
	})
}
