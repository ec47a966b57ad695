package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// recordPage is what every record page (a meeting, an actor, a dispute, a source) shares: the
// unsaved-changes state, the labelled inputs, the header with its Save and Delete buttons, and
// the page's root. A page embeds it and builds the rest.
type recordPage struct {
	u  *ui
	ed editState
	fs *fields

	self  editor                   // the page that embeds this
	noun  string                   // what the page holds, as the window and the trash name it: "meeting"
	ident func() (id, name string) // the record as stored: its ID ("" until it is stored) and its title
	first fyne.Focusable           // the input the cursor starts in on a new record

	hdr                *widgets.RecordHeader
	saveBtn, deleteBtn *widget.Button
	root               fyne.CanvasObject
	form, opening      fyne.CanvasObject // the page's inputs, hidden until the record is in them; "Opening…"
	loaded             bool
	// needRecord are the header's buttons that act on the record (Delete, a page's own):
	// disabled while it is opening, so that nothing acts on a record not yet shown.
	needRecord []fyne.Disableable
	since      int    // ed.edits when the read that arrive is about to show began
	showInputs func() // optional: brings the inputs into view when the store refuses a value
}

func (r *recordPage) view() fyne.CanvasObject { return r.root }
func (r *recordPage) base() *recordPage       { return r }
func (r *recordPage) dirty() bool             { return r.ed.changed }

// isNew reports whether the record is not stored yet.
func (r *recordPage) isNew() bool {
	id, _ := r.ident()
	return id == ""
}

// title is the page's name in the Back button and the unsaved-changes question.
func (r *recordPage) title() string {
	if _, name := r.ident(); name != "" {
		return name
	}
	return "New " + r.noun
}

// initialFocus puts the cursor in the first input of a new record.
func (r *recordPage) initialFocus() fyne.Focusable {
	if r.isNew() {
		return r.first
	}
	return nil
}

// initRecord makes the inputs' bookkeeping and the Save and Delete buttons, which run self's
// save and onDelete, for self, the page that embeds r, holding a noun whose ID and title ident
// gives. The page then makes r.hdr with the buttons it wants; while there are unsaved changes
// the header says so and Save is enabled.
func (r *recordPage) initRecord(self editor, noun string, ident func() (id, name string), onDelete func()) {
	r.self, r.noun, r.ident = self, noun, ident
	r.fs = newFields()
	r.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { self.save(func() {}) })
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

// showHeader says in the header what the page holds: title and sub for a stored record, or
// for a new one "New …" and begin, how to start. Delete acts only on a stored record that is
// shown, not on one still opening.
func (r *recordPage) showHeader(title, sub, begin string) {
	if r.isNew() {
		r.hdr.SetTitle("New "+r.noun, begin)
		r.deleteBtn.Disable()
		return
	}
	r.hdr.SetTitle(title, sub)
	if r.loaded {
		r.deleteBtn.Enable()
	}
}

// frame makes the root: the header on top of content. Until the record has arrived content
// is hidden behind "Opening…": an empty form would take typing that the record then replaces.
func (r *recordPage) frame(content fyne.CanvasObject) {
	// The inputs are held in a container to be hidden and shown: a widget's Show refreshes
	// every object under it again, just after filling them refreshed them (a sixth of opening
	// a meeting); a container's Show only lets them be drawn.
	r.form = container.NewStack(content)
	activity := widget.NewActivity()
	activity.Start()
	r.opening = container.NewCenter(container.NewHBox(activity, widget.NewLabel("Opening…")))
	if !r.loaded {
		r.form.Hide()
		for _, b := range append(r.needRecord, r.deleteBtn) {
			b.Disable()
		}
	} else {
		r.opening.Hide()
	}
	r.hdr.Tips = r.u.tips // a title or subtitle the header cuts, whole
	r.root = widgets.HeaderAbove(r.hdr, container.NewStack(r.opening, r.form))
}

// read runs load off the Fyne goroutine and hands the record to apply, noting first how many
// edits the user had made, so that arrive can tell whether they typed while it was read. A
// record that could not be read is reported, and the page closed when the record has gone.
func read[D any](r *recordPage, load func(context.Context) (D, error), apply func(D)) {
	since := r.ed.edits
	run(r.u, "", load, func(d D, err error) {
		r.since = since
		if err != nil {
			r.u.openFailedPage(r.self, "open the "+r.noun, err)
			return
		}
		apply(d)
	})
}

// arrive puts a record just read into the inputs with fill, and reports whether it did. The
// first time it also shows the form. Later — a reload, a save's read-back — it refills the
// inputs only when the user typed nothing while the record was read: what they typed
// meanwhile is kept, and stays marked unsaved.
func (r *recordPage) arrive(fill func()) bool {
	if r.loaded && r.ed.edits != r.since {
		r.u.setStatus("Kept the changes typed while the record was read; they are not saved yet")
		return false
	}
	r.ed.fill(fill)
	r.ed.clean()
	r.fs.clearErrors()
	if !r.loaded {
		r.loaded = true
		if r.form != nil {
			r.opening.Hide()
			r.form.Show()
			canvas.Refresh(r.form)
			for _, b := range append(r.needRecord, r.deleteBtn) {
				b.Enable()
			}
		}
	}
	return true
}

// markSaved records that the inputs are stored — unless the user typed more while the save
// ran: then the page stays marked unsaved, since what it shows is not what is stored. It
// reports whether the page is clean, so that the page may show the record as stored.
func (r *recordPage) markSaved() bool {
	if r.ed.edits != r.since {
		return false
	}
	r.ed.clean()
	return true
}

// saveRecord stores rec off the Fyne goroutine with progress in the status line ("Saving
// name…"): create writes it when it is new, else update; reread then reads back what the page
// shows, which done shows on the Fyne goroutine. A value the store refuses is marked next to
// its field; any other failure goes to a dialog saying it could not save the record.
func saveRecord[T, D any](r *recordPage, rec T, name string, create, update func(context.Context, *T) error, reread func(context.Context, *T) (D, error), done func(D)) {
	write := update
	if r.isNew() {
		write = create
	}
	since := r.ed.edits
	run(r.u, "Saving "+name+"…", func(ctx context.Context) (D, error) {
		if err := write(ctx, &rec); err != nil {
			var none D
			return none, err
		}
		return reread(ctx, &rec)
	}, func(d D, err error) {
		switch {
		case err == nil:
			r.since = since
			done(d)
		case r.fs.showStoreError(err):
			if r.showInputs != nil {
				r.showInputs()
			}
			r.u.setStatus("Not saved — correct the field marked in red")
		default:
			r.u.showError("save the "+r.noun, err)
		}
	})
}

// deleteRecord asks whether to delete what, saying the consequence; then moves the record to
// the trash and closes the page. name is how the status line calls the record, doing how a
// failure calls the deletion.
func (r *recordPage) deleteRecord(what, consequence, name, doing string) {
	st, kind := r.u.store, r.noun
	id, _ := r.ident()
	r.u.confirmDelete(what, consequence, func() {
		run(r.u, "Deleting "+name+"…", func(ctx context.Context) (storage.TrashItem, error) {
			return st.MoveToTrash(ctx, kind, id)
		}, func(item storage.TrashItem, err error) {
			if err != nil {
				r.u.showError(doing, err)
				return
			}
			r.ed.clean()
			r.u.closePage(r.self)
			r.u.trashed(item)
		})
	})
}
