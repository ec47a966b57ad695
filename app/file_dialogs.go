package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"

	"github.com/parley-app/parley/tasks"
)

// startIn points a file dialog at the folder of the open dossier.
func (u *ui) startIn(d *dialog.FileDialog) {
	dir := ""
	if u.store != nil {
		dir = filepath.Dir(u.store.Path())
	} else if u.tried != "" {
		dir = filepath.Dir(u.tried)
	} else if home, err := os.UserHomeDir(); err == nil {
		dir = home
	}
	if dir == "" {
		return
	}
	if l, err := fynestorage.ListerForURI(fynestorage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// askOpenFile shows a file-open dialog titled title for files ending in exts, started in the
// dossier's folder. It calls picked with the path chosen, or cancelled (when not nil) if none
// was; what names the choice in an error ("choose the database").
func (u *ui) askOpenFile(title, what string, exts []string, cancelled func(), picked func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(what, err)
			return
		}
		if r == nil {
			if cancelled != nil {
				cancelled()
			}
			return
		}
		path := r.URI().Path()
		r.Close()
		picked(path)
	}, u.win)
	d.SetFilter(fynestorage.NewExtensionFileFilter(exts))
	d.SetTitleText(title)
	u.startIn(d)
	u.showFileDialog(d)
}

// askSaveFile shows a file-save dialog titled title for files ending in exts, proposing name
// and started in the dossier's folder. It calls picked with the path chosen (see chosenPath);
// what names the choice in an error ("choose where to back up").
func (u *ui) askSaveFile(title, what, name string, exts []string, picked func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(what, err)
			return
		}
		if w == nil {
			return
		}
		picked(chosenPath(w))
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(fynestorage.NewExtensionFileFilter(exts))
	d.SetTitleText(title)
	u.startIn(d)
	u.showFileDialog(d)
}

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// switchDatabase leaves the open pages and opens path instead of the current dossier.
func (u *ui) switchDatabase(path string, withSample bool) {
	if u.store != nil && samePath(path, u.store.Path()) {
		u.setStatus(filepath.Base(path) + " is the dossier already open")
		return
	}
	u.leaveAll(func() { u.openDatabase(path, withSample) })
}

// onNewDatabase asks where to create a dossier and whether to start it with the sample.
func (u *ui) onNewDatabase() {
	u.leaveAll(func() {
		u.askSaveFile("Create a new Parley database", "choose the new database", "dossier.db", []string{".db"}, func(path string) {
			if u.store != nil && samePath(path, u.store.Path()) {
				u.tell("Cannot replace the open dossier", "“"+filepath.Base(path)+"” is the dossier open now; choose another name for the new one.", nil)
				return
			}
			// An empty file there (the user chose one) is no database: the store creates its own.
			if info, err := os.Stat(path); err == nil && info.Size() == 0 {
				os.Remove(path)
			}
			u.showChoice("New database", "Start “"+filepath.Base(path)+"” empty, or with the sample dossier (the Japan–Russia peace treaty talks in June 2016) to explore Parley?", nil, []choice{
				{label: "Start empty", action: func() { u.openDatabase(path, false) }},
				{label: "With the sample dossier", important: true, action: func() { u.openDatabase(path, true) }},
			})
		})
	})
}

// onOpenDatabase asks for a dossier to open.
func (u *ui) onOpenDatabase() {
	u.leaveAll(func() {
		u.askOpenFile("Open a Parley database", "choose the database", []string{".db", ".sqlite", ".parley"}, nil, func(path string) {
			u.switchDatabase(path, false)
		})
	})
}

// chosenPath is the file a save dialog chose. Parley writes it itself, atomically; the dialog's
// writer is closed unused, which (see keepChosenFilesIntact) leaves the file as it was.
func chosenPath(w fyne.URIWriteCloser) string {
	path := w.URI().Path()
	w.Close()
	return path
}

// onImport reads a Parley bundle (.json) or a calendar (.ics) into the dossier.
func (u *ui) onImport() {
	if u.store == nil {
		return
	}
	u.leaveAll(func() {
		u.askOpenFile("Import a Parley bundle (.json) or a calendar (.ics)", "choose the file to import",
			[]string{tasks.BundleExt, tasks.CalendarExt}, func() { u.resetTo(u.screen) }, u.importFile)
	})
}

// importFile imports the file at path off the Fyne goroutine and reports what changed.
func (u *ui) importFile(path string) { u.importFileWith(path, tasks.ImportOptions{}) }

// conflictsInReport is how many of a bundle's conflicts the import report spells out.
const conflictsInReport = 5

// importFileWith imports with opt. A calendar's report offers what the command line's
// --take-theirs and --add-attendees do: the organiser's version of the meetings edited in
// Parley since, and the attendees no actor matches made actors.
//
// A bundle's import shows its progress in the status bar, records done of all, with a Stop
// button, and the window stays usable meanwhile (an import of 100,000 meetings takes
// minutes); a calendar, which is read in a moment, shows a dialog until it is in.
func (u *ui) importFileWith(path string, opt tasks.ImportOptions) {
	st, name := u.store, filepath.Base(path)
	if format, _ := tasks.FormatOf(path); format == tasks.BundleExt {
		runWithProgress(u, "Importing "+name, func(ctx context.Context, progress func(done, total int)) (tasks.ImportReport, error) {
			opt.Progress = progress
			return tasks.ImportWith(ctx, st, path, opt)
		}, func(rep tasks.ImportReport, err error) { u.imported(path, opt, rep, err) })
		return
	}
	progress := dialog.NewCustomWithoutButtons("Importing "+name, progressBar(), u.win)
	u.showProgress(progress)
	run(u, "Importing "+name+"…", func(ctx context.Context) (tasks.ImportReport, error) {
		return tasks.ImportWith(ctx, st, path, opt)
	}, func(rep tasks.ImportReport, err error) {
		progress.Hide()
		u.imported(path, opt, rep, err)
	})
}

// imported shows what an import of path did, and what it offers to do next.
func (u *ui) imported(path string, opt tasks.ImportOptions, rep tasks.ImportReport, err error) {
	name := filepath.Base(path)
	u.resetTo(u.screen)
	if errors.Is(err, context.Canceled) && u.ctx.Err() == nil {
		u.setStatus("Stopped importing " + name + ": nothing of it was imported")
		return
	}
	if err != nil {
		u.showError("import "+name, err)
		return
	}
	u.setStatus("Imported " + name)
	var choices []choice
	if n := len(rep.Calendar.Conflicts); n > 0 {
		uids := make([]string, n)
		for i, c := range rep.Calendar.Conflicts {
			uids[i] = c.UID
		}
		label := "Take the organiser's version"
		if n > 1 {
			label = fmt.Sprintf("Take the organiser's versions (%d)", n)
		}
		choices = append(choices, choice{label: label, action: func() {
			u.importFileWith(path, tasks.ImportOptions{TakeTheirs: uids, AddAttendees: opt.AddAttendees})
		}})
	}
	if n := len(rep.Calendar.Unmatched); n > 0 {
		label := "Add the attendee as an actor"
		if n > 1 {
			label = fmt.Sprintf("Add the %d attendees as actors", n)
		}
		choices = append(choices, choice{label: label, action: func() {
			u.importFileWith(path, tasks.ImportOptions{TakeTheirs: opt.TakeTheirs, AddAttendees: true})
		}})
	}
	text := rep.String()
	if n := len(rep.Bundle.Conflicts); n > 0 {
		// The dialog does not scroll: the first few in words, all of them a tap away.
		text = rep.Counts() + "\n\n" + tasks.ConflictsText(rep.Bundle.Conflicts, conflictsInReport)
		choices = append(choices, choice{label: "Resolve the conflicts…", important: true, action: u.onResolveConflicts})
	}
	label := "OK"
	if len(choices) > 0 {
		label = "Keep it as it is"
		if len(rep.Bundle.Conflicts) > 0 {
			label = "Decide later"
		}
	}
	choices = append(choices, choice{label: label, important: len(choices) == 0})
	u.showChoice("Imported "+name, text, nil, choices)
}

// onExport writes the whole dossier as a Parley bundle or as a calendar.
func (u *ui) onExport() {
	if u.store == nil {
		return
	}
	u.showChoice("Export the dossier", "Export everything as a Parley bundle (.json), to open in another Parley, or the talks as a calendar (.ics), for Outlook and other calendar programs?", nil, []choice{
		{label: "Parley bundle (.json)", important: true, action: func() { u.exportAs(tasks.BundleExt) }},
		{label: "Calendar (.ics)", action: func() { u.exportAs(tasks.CalendarExt) }},
		{label: "Cancel"},
	})
}

func (u *ui) exportAs(ext string) {
	base := strings.TrimSuffix(filepath.Base(u.store.Path()), filepath.Ext(u.store.Path()))
	name := base + " " + u.now().Format("2006-01-02") + ext
	title := "Export the dossier as a Parley bundle"
	if ext == tasks.CalendarExt {
		title = "Export the talks as a calendar"
	}
	u.askSaveFile(title, "choose where to export", name, []string{ext}, u.exportTo)
}

// exportTo writes the dossier to path (its extension chooses the format) off the Fyne
// goroutine. A bundle shows its progress in the status bar, with a Stop button.
func (u *ui) exportTo(path string) {
	st, now, what := u.store, u.now(), "Exporting to "+filepath.Base(path)
	done := func(rep tasks.ExportReport, err error) {
		if errors.Is(err, context.Canceled) && u.ctx.Err() == nil {
			u.setStatus("Stopped exporting: " + filepath.Base(path) + " was not written")
			return
		}
		u.reported("export the dossier", "Exported", "Exported to "+path, rep, err)
	}
	if format, _ := tasks.FormatOf(path); format == tasks.BundleExt {
		runWithProgress(u, what, func(ctx context.Context, progress func(done, total int)) (tasks.ExportReport, error) {
			return tasks.ExportWith(ctx, st, path, now, tasks.ExportOptions{Progress: progress})
		}, done)
		return
	}
	run(u, what+"…", func(ctx context.Context) (tasks.ExportReport, error) {
		return tasks.Export(ctx, st, path, now)
	}, done)
}

// onBackup copies the dossier into a new file.
func (u *ui) onBackup() {
	if u.store == nil {
		return
	}
	base := strings.TrimSuffix(filepath.Base(u.store.Path()), filepath.Ext(u.store.Path()))
	u.askSaveFile("Back up the dossier", "choose where to back up",
		base+" backup "+u.now().Format("2006-01-02")+".db", []string{".db"}, u.backupTo)
}

// backupTo copies the dossier to path. The save dialog has asked before replacing a file
// there; the copy replaces it only once it is whole.
//
// The copy runs off the Fyne goroutine, page by page inside one read transaction: the
// window stays usable and saves go on meanwhile (they are not in the copy), and the status
// line says how far it has got.
func (u *ui) backupTo(path string) {
	st, what := u.store, "Backing up to "+filepath.Base(path)+"…"
	progress := u.statusProgress(what)
	run(u, what, func(ctx context.Context) (tasks.BackupReport, error) {
		return tasks.BackupStoreWithProgress(ctx, st, path, true, progress)
	}, func(rep tasks.BackupReport, err error) {
		if errors.Is(err, tasks.ErrBackupOverDossier) {
			u.tell("Choose another file", "A backup cannot replace the dossier itself; choose another name.", nil)
			return
		}
		u.reported("back up the dossier", "Backed up", "Backed up to "+path, rep, err)
	})
}

// onRestore brings a copy (a backup, or the copy kept before an upgrade) back as the open
// dossier, after asking: the dossier as it is now is kept beside it.
func (u *ui) onRestore() {
	if u.store == nil {
		return
	}
	u.leaveAll(func() {
		u.askOpenFile("Choose the copy to bring back", "choose the copy to restore", []string{".db"}, nil, func(from string) {
			name := filepath.Base(u.store.Path())
			u.showChoice("Restore from a copy", "Replace the dossier "+name+" with the copy "+filepath.Base(from)+
				"? The dossier as it is now is kept beside it, so nothing is lost.", nil, []choice{
				{label: "Restore", important: true, action: func() { u.restoreFrom(from) }},
				{label: "Cancel"},
			})
		})
	})
}

// restoreFrom closes the dossier, puts the copy at from in its place and opens it again.
func (u *ui) restoreFrom(from string) {
	path, now := u.store.Path(), u.now()
	u.closeStore()
	run(u, "Restoring from "+filepath.Base(from)+"…", func(ctx context.Context) (tasks.RestoreReport, error) {
		return tasks.Restore(ctx, path, from, now)
	}, func(rep tasks.RestoreReport, err error) {
		u.openDatabase(path, false) // the restored dossier, or the one it was if the restore failed
		u.reported("restore the dossier", "Restored", "", rep, err)
	})
}
