package app

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// choice is one button of a dialog made by showChoice.
type choice struct {
	label     string
	action    func() // nil: just close the dialog
	important bool
	quit      bool // the button ends the program; it is drawn as a warning
}

// tell shows a message with an OK button, and err's detail folded away under "Details".
func (u *ui) tell(title, msg string, err error) {
	u.showChoice(title, msg, err, []choice{{label: "OK", important: true}})
}

// reported ends a use case the window ran: a failure goes to a dialog saying it could not
// doing; else the report is shown under title, and the status line says status (unless "").
func (u *ui) reported(doing, title, status string, rep fmt.Stringer, err error) {
	if err != nil {
		u.showError(doing, err)
		return
	}
	if status != "" {
		u.setStatus(status)
	}
	u.tell(title, rep.String(), nil)
}

// showChoice shows a message with buttons, and with err's detail folded away under "Details".
func (u *ui) showChoice(title, msg string, err error, choices []choice) {
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(text)
	if err != nil {
		content.Add(details(err))
	}
	d := dialog.NewCustomWithoutButtons(title, content, u.win)
	var buttons []fyne.CanvasObject
	for _, c := range choices {
		b := widget.NewButton(c.label, nil)
		if c.important {
			b.Importance = widget.HighImportance
		}
		if c.quit {
			b.Importance = widget.DangerImportance
		}
		action := c.action
		b.OnTapped = func() {
			d.Hide()
			if action != nil {
				action()
			}
		}
		buttons = append(buttons, b)
	}
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(520, 1)) // as high as the text needs at this width
	var enter func()
	for i, c := range choices {
		if c.important {
			enter = buttons[i].(*widget.Button).OnTapped
			break
		}
	}
	u.keysWhileShown(d, enter)
	d.Show()
	u.onEscape(d, d.Hide)
}

// askForm shows a form dialog of items at size with its first input focused, and runs
// confirmed when the user presses confirm (Cancel closes it): Enter in a one-line field submits
// it (when its validation allows), Escape closes it (keyFirst).
func (u *ui) askForm(title, confirm string, items []*widget.FormItem, size fyne.Size, confirmed func()) {
	d := dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if ok {
			confirmed()
		}
	}, u.win)
	var first fyne.Focusable
	for _, it := range items {
		f, ok := it.Widget.(fyne.Focusable)
		if !ok {
			continue
		}
		if e, isEntry := it.Widget.(*widget.Entry); isEntry && !e.MultiLine && e.OnSubmitted == nil {
			e.OnSubmitted = func(string) { d.Submit() }
		}
		if first == nil {
			first = f
		}
	}
	u.keysWhileShown(d, d.Submit)
	d.Resize(size)
	d.Show()
	u.onEscape(d, d.Hide)
	if first != nil {
		u.win.Canvas().Focus(first)
	}
}

// keysWhileShown lets Enter run enter (when not nil) while d is open and no input has the
// focus: the key a message's main button stands for (Escape is the window's, in keyFirst).
// The window's own key handling comes back when d closes.
func (u *ui) keysWhileShown(d dialog.Dialog, enter func()) {
	c := u.win.Canvas()
	before := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch {
		case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && enter != nil:
			enter()
		case before != nil:
			before(ev)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(before) })
}

// details is the technical text of err, folded away.
func details(err error) fyne.CanvasObject {
	e := widget.NewLabel(err.Error())
	e.Wrapping = fyne.TextWrapWord
	e.Selectable = true
	return widget.NewAccordion(widget.NewAccordionItem("Details", e))
}

// showError logs err and tells the user what went wrong in a sentence they can act on.
func (u *ui) showError(doing string, err error) {
	fyne.LogError(doing, err)
	if errors.Is(err, storage.ErrFileGone) {
		u.setStatus("The dossier's file has gone: save a copy")
		u.showChoice("The dossier's file has gone", errorMessage(err), detailOf(err), []choice{
			{label: "Save a copy…", important: true, action: u.onBackup},
			{label: "Later"},
		})
		return
	}
	var told interface{ Sentence() string }
	if errors.Is(err, storage.ErrReadOnly) && u.store != nil && u.store.ReadOnly() && !errors.As(err, &told) {
		// The change is still on the page; a copy where the user may write is the way on.
		u.setStatus("Not saved: the dossier is read-only")
		u.showChoice("Could not "+doing, readOnlySaveMessage, detailOf(err), []choice{
			{label: "Save a copy…", action: u.onBackup},
			{label: "OK", important: true},
		})
		return
	}
	u.setStatus("Could not " + doing)
	u.tell("Could not "+doing, errorMessage(err), detailOf(err))
}

// readOnlySaveMessage answers a save into a dossier opened read-only.
const readOnlySaveMessage = "This dossier is open read-only: its file is on a disk or in a folder Parley cannot write to, so nothing was saved. " +
	"Your changes are still on the page, marked unsaved. To keep them, save a copy of the dossier to a folder of your own (Save a copy…), open the copy and make them there."

// detailOf is what the Details fold shows: for an error that is told as a sentence (the tasks'
// file errors), what lies under the sentence, which the message already says.
func detailOf(err error) error {
	var told interface {
		Sentence() string
		Unwrap() error
	}
	if errors.As(err, &told) && told.Unwrap() != nil {
		return told.Unwrap()
	}
	return err
}

// errorMessage turns a store or file error into advice. It tests storage's sentinels, never the
// words of SQLite or the system: storage.Classify adds them to what the store and the use
// cases return.
func errorMessage(err error) string {
	var (
		ve   *storage.ValidationError
		told interface{ Sentence() string } // tasks' errors about the files the user named
	)
	switch {
	case errors.As(err, &told):
		return told.Sentence()
	case errors.As(err, &ve):
		return "Nothing was saved: " + ve.Field + " — " + ve.Reason + "."
	case errors.Is(err, storage.ErrFileGone):
		return "The dossier's file was moved, renamed or deleted while Parley had it open. What you save now is kept only until Parley closes. Save a copy of the dossier now, then open that copy."
	case errors.Is(err, storage.ErrDiskFull):
		return "The disk is full, so nothing was saved. Free some space and try again."
	case errors.Is(err, storage.ErrReadOnly):
		return "The database file cannot be written (it is read-only, or on a read-only disk), so nothing was saved. Copy it to a folder you can write to and open the copy."
	case errors.Is(err, storage.ErrLocked):
		return "Another Parley window is using this database. Close it and try again."
	case errors.Is(err, fs.ErrNotExist):
		return "That file or folder does not exist. Check the name and the folder, and try again."
	case errors.Is(err, fs.ErrPermission):
		return "You may not read or write there. Choose a file or folder of your own."
	case errors.Is(err, storage.ErrCannotRestore):
		return firstUpper(err.Error()) + "."
	case errors.Is(err, storage.ErrNotFound):
		return "That record is no longer in the dossier; it may have been deleted. The list has been refreshed."
	case errors.Is(err, storage.ErrInUse):
		return firstUpper(plainReason(err)) + ". Remove those references first."
	case errors.Is(err, storage.ErrNotParley), errors.Is(err, storage.ErrDamaged), errors.Is(err, storage.ErrNewerSchema):
		return firstUpper(plainReason(err)) + "."
	}
	return "Something went wrong: " + plainReason(err) + ". The details below may help whoever looks after your computer."
}

// plainReason is the last part of an error chain, without the "op path:" prefixes.
func plainReason(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		s = s[i+2:]
	}
	return strings.TrimSuffix(s, ".")
}

func firstUpper(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// confirmDelete asks before moving what to the trash, saying what goes with it.
func (u *ui) confirmDelete(what, consequence string, del func()) {
	u.confirmRemoval(what, consequence, "It goes to the Trash, from which Edit → Undo (Ctrl+Z) or the Trash screen brings it back.", del)
}

// confirmRemoval asks before deleting what, saying what goes with it and whether it can come
// back (after).
func (u *ui) confirmRemoval(what, consequence, after string, del func()) {
	msg := "Delete " + what + "?"
	if consequence != "" {
		msg += " " + consequence
	}
	msg += " " + after
	u.showChoice("Delete "+what, msg, nil, []choice{
		{label: "Delete", action: del, quit: true},
		{label: "Cancel"},
	})
}

// openFailedPage reports that page p could not be read; when its record has gone it closes
// the page, so that Back does not lead to an empty form.
func (u *ui) openFailedPage(p page, doing string, err error) {
	u.showError(doing, err)
	if errors.Is(err, storage.ErrNotFound) {
		u.closePage(p)
	}
}

// progressBar is an indefinite progress bar for a dialog.
func progressBar() fyne.CanvasObject {
	return widget.NewProgressBarInfinite()
}

// openFile opens a file with the program the system chooses for it.
func (u *ui) openFile(path string) {
	uri := &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	if err := u.openURL(uri); err != nil {
		fyne.LogError("open "+path, err)
		what := "a program to open it"
		if strings.EqualFold(filepath.Ext(path), ".pdf") {
			what = "a program to open PDF files"
		}
		u.setStatus("Could not open " + filepath.Base(path))
		u.tell("Could not open "+filepath.Base(path), "The file is saved as "+filepath.Base(path)+" in "+filepath.Dir(path)+
			", but "+what+" was not found on this computer. Open it from your file manager, or install a PDF reader.",
			err)
	}
}
