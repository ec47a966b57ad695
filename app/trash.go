package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// trashScreen lists what was deleted, the latest first: its kind and title, when, and what
// went with it, each with Restore and Delete for good; Empty trash removes everything. The
// two that cannot be undone ask first.
type trashScreen struct {
	u        *ui
	list     *widget.List
	empty    *widget.Label
	emptyBtn *widget.Button
	rows     []storage.TrashItem
	root     fyne.CanvasObject
}

func newTrashScreen(u *ui) *trashScreen {
	s := &trashScreen{u: u}
	s.list = widget.NewList(func() int { return len(s.rows) }, func() fyne.CanvasObject {
		restore := widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), nil)
		forGood := widget.NewButtonWithIcon("Delete for good", theme.DeleteIcon(), nil)
		forGood.Importance = widget.LowImportance
		return container.NewBorder(nil, nil, nil, container.NewHBox(restore, forGood),
			container.NewVBox(truncated(boldLabel("")), truncated(widget.NewLabel(""))))
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= len(s.rows) {
			return
		}
		item := s.rows[id]
		row := o.(*fyne.Container)
		texts := row.Objects[0].(*fyne.Container).Objects
		texts[0].(*widget.Label).SetText(item.Title)
		texts[1].(*widget.Label).SetText(trashLine(item))
		buttons := row.Objects[1].(*fyne.Container).Objects
		buttons[0].(*widget.Button).OnTapped = func() { s.restore(item) }
		buttons[1].(*widget.Button).OnTapped = func() { s.deleteForGood(item) }
	})
	s.list.OnSelected = func(widget.ListItemID) { s.list.UnselectAll() }
	s.empty = emptyState("The trash is empty. What you delete comes here, and Edit → Undo (Ctrl+Z) or Restore brings it back.")
	s.empty.Hide()
	s.emptyBtn = widget.NewButtonWithIcon("Empty trash", theme.DeleteIcon(), s.emptyTrash)
	s.emptyBtn.Importance = widget.DangerImportance
	s.emptyBtn.Disable()
	top := container.NewVBox(container.NewBorder(nil, nil, heading(screenTrash), s.emptyBtn),
		note("Bundles and calendars never carry the trash; a backup of the database does."), widget.NewSeparator())
	s.root = container.NewPadded(container.NewBorder(top, nil, nil, nil,
		overEmpty(s.list, s.empty)))
	return s
}

func (s *trashScreen) title() string           { return screenTrash }
func (s *trashScreen) view() fyne.CanvasObject { return s.root }

func (s *trashScreen) show() {
	st := s.u.store
	run(s.u, "", st.TrashItems, s.apply)
}

func (s *trashScreen) apply(rows []storage.TrashItem, err error) {
	if err != nil {
		s.u.showError("read the trash", err)
		return
	}
	s.rows = rows
	s.list.Refresh()
	if len(rows) == 0 {
		s.empty.Show()
		s.emptyBtn.Disable()
	} else {
		s.empty.Hide()
		s.emptyBtn.Enable()
	}
}

// trashLine says what a deletion was and held: "Meeting · deleted 2 Dec 2026 02:40 · with 2
// participants and 1 status change".
func trashLine(t storage.TrashItem) string {
	s := firstUpper(t.Kind) + " · deleted " + t.Deleted.Local().Format("2 Jan 2006 15:04")
	if w := t.WithText(); w != "" {
		s += " · " + w
	}
	return s
}

func (s *trashScreen) restore(item storage.TrashItem) {
	s.u.restoreFromTrash(item.ID)
}

func (s *trashScreen) deleteForGood(item storage.TrashItem) {
	st := s.u.store
	s.u.showChoice("Delete for good", "Delete "+item.Label()+" for good? It cannot be brought back after this.", nil, []choice{
		{label: "Delete for good", quit: true, action: func() {
			run(s.u, "Deleting for good…", func(ctx context.Context) (struct{}, error) {
				return struct{}{}, st.DeleteForGood(ctx, item.ID)
			}, func(_ struct{}, err error) {
				if err != nil {
					s.u.showError("delete it for good", err)
					return
				}
				s.u.forgetUndo(item.ID)
				s.u.setStatus("Deleted " + item.Label() + " for good")
				s.show()
			})
		}},
		{label: "Cancel"},
	})
}

func (s *trashScreen) emptyTrash() {
	if len(s.rows) == 0 {
		return
	}
	st := s.u.store
	what := plural(len(s.rows), "the 1 deletion", "all %d deletions")
	s.u.showChoice("Empty the trash", "Delete "+what+" in the trash for good? They cannot be brought back after this.", nil, []choice{
		{label: "Empty trash", quit: true, action: func() {
			run(s.u, "Emptying the trash…", st.EmptyTrash, func(n int, err error) {
				if err != nil {
					s.u.showError("empty the trash", err)
					return
				}
				s.u.undo = nil
				s.u.setStatus(fmt.Sprintf("Emptied the trash: %s deleted for good", plural(n, "1 record", "%d records")))
				s.show()
			})
		}},
		{label: "Cancel"},
	})
}

// trashed notes a deletion just made, for Edit → Undo, and says how to bring it back.
func (u *ui) trashed(item storage.TrashItem) {
	u.undo = append(u.undo, item.ID)
	u.setStatus("Moved " + item.Label() + " to the Trash — Ctrl+Z brings it back")
}

// forgetUndo drops a deletion from what Undo would restore (it was restored or deleted for
// good from the Trash screen).
func (u *ui) forgetUndo(id int64) {
	for i, x := range u.undo {
		if x == id {
			u.undo = append(u.undo[:i:i], u.undo[i+1:]...)
			return
		}
	}
}

// textUndoer is a text field that undoes its own typing (Fyne's entries since 2.5).
type textUndoer interface {
	fyne.Shortcutable
	Undo()
}

// onUndo is Edit → Undo (Ctrl+Z). In a text field it is the field's own undo of typing, as
// Fyne's entry does it — the menu's shortcut comes first, so it hands the shortcut on; anywhere
// else it brings back the last deletion made in this window.
func (u *ui) onUndo() {
	if f, ok := u.win.Canvas().Focused().(textUndoer); ok {
		f.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	u.undoDelete()
}

// undoDelete restores the latest deletion made in this window that is still in the trash.
func (u *ui) undoDelete() {
	if u.store == nil {
		return
	}
	if len(u.undo) == 0 {
		u.setStatus("Nothing to undo: no deletion was made in this window since it opened the dossier (the Trash keeps older ones)")
		return
	}
	u.restoreFromTrash(u.undo[len(u.undo)-1])
}

// restoreFromTrash brings a deletion back, says what came back and what could not, and shows
// the current page again so that it lists the record.
func (u *ui) restoreFromTrash(id int64) {
	st := u.store
	run(u, "Restoring…", func(ctx context.Context) (storage.RestoreReport, error) {
		return st.RestoreFromTrash(ctx, id)
	}, func(rep storage.RestoreReport, err error) {
		if err != nil {
			if errors.Is(err, storage.ErrNotFound) {
				u.forgetUndo(id)
			}
			u.showError("restore it", err)
			return
		}
		u.forgetUndo(id)
		if len(rep.LeftOut) == 0 {
			u.setStatus(rep.String())
		} else {
			u.setStatus("Restored " + rep.Item.Label() + ", not all its links")
			u.tell("Restored, not all of it", rep.String()+" Add them again by hand if they are still wanted.", nil)
		}
		if p := u.top(); p != nil {
			if ed, ok := p.(editor); !ok || !ed.dirty() {
				p.show()
			}
		}
	})
}
