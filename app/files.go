package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"

	"github.com/parley-app/parley/ical"
	"github.com/parley-app/parley/storage"
)

func blankMeeting() storage.Meeting {
	return storage.Meeting{Status: storage.StatusProposed}
}

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
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				u.showError("choose the new database", err)
				return
			}
			if w == nil {
				return
			}
			path := w.URI().Path()
			w.Close()
			if u.store != nil && samePath(path, u.store.Path()) {
				u.showChoice("Cannot replace the open dossier", "“"+filepath.Base(path)+"” is the dossier open now; choose another name for the new one.", nil, []choice{{label: "OK", important: true}})
				return
			}
			// The save dialog has created (or, with the user's consent, emptied) the file; the
			// store creates its own.
			if info, err := os.Stat(path); err == nil && info.Size() == 0 {
				os.Remove(path)
			}
			u.showChoice("New database", "Start “"+filepath.Base(path)+"” empty, or with the sample dossier (the Japan–Russia peace treaty talks in June 2016) to explore Parley?", nil, []choice{
				{label: "Start empty", action: func() { u.openDatabase(path, false) }},
				{label: "With the sample dossier", important: true, action: func() { u.openDatabase(path, true) }},
			})
		}, u.win)
		d.SetFileName("dossier.db")
		d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".db"}))
		d.SetTitleText("Create a new Parley database")
		u.startIn(d)
		d.Show()
	})
}

// onOpenDatabase asks for a dossier to open.
func (u *ui) onOpenDatabase() {
	u.leaveAll(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				u.showError("choose the database", err)
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			u.switchDatabase(path, false)
		}, u.win)
		d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".db", ".sqlite", ".parley"}))
		d.SetTitleText("Open a Parley database")
		u.startIn(d)
		d.Show()
	})
}

// onImport reads a Parley bundle (.json) or a calendar (.ics) into the dossier.
func (u *ui) onImport() {
	if u.store == nil {
		return
	}
	u.leaveAll(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				u.showError("choose the file to import", err)
				return
			}
			if r == nil {
				u.resetTo(u.screen)
				return
			}
			u.importFrom(r)
		}, u.win)
		d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".json", ".ics"}))
		d.SetTitleText("Import a Parley bundle (.json) or a calendar (.ics)")
		u.startIn(d)
		d.Show()
	})
}

// importFrom imports r off the Fyne goroutine and reports what changed.
func (u *ui) importFrom(r fyne.URIReadCloser) {
	st, name := u.store, r.URI().Name()
	isICS := strings.EqualFold(r.URI().Extension(), ".ics")
	progress := dialog.NewCustomWithoutButtons("Importing "+name, progressBar(), u.win)
	progress.Show()
	run(u, "Importing "+name+"…", func(ctx context.Context) (string, error) {
		defer r.Close()
		if isICS {
			return importICS(ctx, st, r)
		}
		return importBundle(ctx, st, r)
	}, func(report string, err error) {
		progress.Hide()
		u.resetTo(u.screen)
		if err != nil {
			u.showError("import "+name, err)
			return
		}
		u.setStatus("Imported " + name)
		u.showChoice("Imported "+name, report, nil, []choice{{label: "OK", important: true}})
	})
}

func importBundle(ctx context.Context, st *storage.Store, r io.Reader) (string, error) {
	d, err := storage.ReadBundle(r)
	if err != nil {
		return "", err
	}
	rep, err := st.ImportDossier(ctx, d)
	if err != nil {
		return "", err
	}
	return describeImport(rep), nil
}

// onExport writes the whole dossier as a Parley bundle or as a calendar.
func (u *ui) onExport() {
	if u.store == nil {
		return
	}
	u.showChoice("Export the dossier", "Export everything as a Parley bundle (.json), to open in another Parley, or the talks as a calendar (.ics), for Outlook and other calendar programs?", nil, []choice{
		{label: "Parley bundle (.json)", important: true, action: func() { u.exportAs(".json") }},
		{label: "Calendar (.ics)", action: func() { u.exportAs(".ics") }},
		{label: "Cancel"},
	})
}

func (u *ui) exportAs(ext string) {
	base := strings.TrimSuffix(filepath.Base(u.store.Path()), filepath.Ext(u.store.Path()))
	name := base + " " + u.now().Format("2006-01-02") + ext
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError("choose where to export", err)
			return
		}
		if w == nil {
			return
		}
		u.writeExport(w, ext)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{ext}))
	if ext == ".ics" {
		d.SetTitleText("Export the talks as a calendar")
	} else {
		d.SetTitleText("Export the dossier as a Parley bundle")
	}
	u.startIn(d)
	d.Show()
}

func (u *ui) writeExport(w fyne.URIWriteCloser, ext string) {
	st, now, path := u.store, u.now(), w.URI().Path()
	run(u, "Exporting to "+w.URI().Name()+"…", func(ctx context.Context) (string, error) {
		d, err := st.Dossier(ctx)
		if err != nil {
			w.Close()
			os.Remove(path)
			return "", err
		}
		var report string
		if ext == ".ics" {
			rep, err := ical.Write(w, d, now)
			if err != nil {
				w.Close()
				os.Remove(path)
				return "", err
			}
			report = fmt.Sprintf("%d meetings written as calendar events.", rep.Events)
			if len(rep.Skipped) > 0 {
				report += fmt.Sprintf(" %d left out:", len(rep.Skipped))
				for _, s := range rep.Skipped {
					report += "\n• " + s.Title + " — " + s.Reason
				}
			}
		} else {
			if err := storage.WriteBundle(w, d, now); err != nil {
				w.Close()
				os.Remove(path)
				return "", err
			}
			report = fmt.Sprintf("%d meetings, %d actors, %d disputes, %d statements and %d sources written.",
				len(d.Meetings), len(d.Actors), len(d.Disputes), len(d.Statements), len(d.Sources))
		}
		if err := w.Close(); err != nil {
			os.Remove(path)
			return "", err
		}
		return report, nil
	}, func(report string, err error) {
		if err != nil {
			u.showError("export the dossier", err)
			return
		}
		u.setStatus("Exported to " + path)
		u.showChoice("Exported", report+"\n\nThe file is "+path+".", nil, []choice{{label: "OK", important: true}})
	})
}

// onBackup copies the dossier into a new file.
func (u *ui) onBackup() {
	if u.store == nil {
		return
	}
	base := strings.TrimSuffix(filepath.Base(u.store.Path()), filepath.Ext(u.store.Path()))
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError("choose where to back up", err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if samePath(path, u.store.Path()) {
			u.showChoice("Choose another file", "A backup cannot replace the dossier itself; choose another name.", nil, []choice{{label: "OK", important: true}})
			return
		}
		// The dialog made an empty file (or emptied one the user agreed to replace); the backup
		// writes a new one.
		os.Remove(path)
		u.backupTo(path)
	}, u.win)
	d.SetFileName(base + " backup " + u.now().Format("2006-01-02") + ".db")
	d.SetTitleText("Back up the dossier")
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".db"}))
	u.startIn(d)
	d.Show()
}

// backupTo copies the dossier into a new file at path.
func (u *ui) backupTo(path string) {
	st := u.store
	run(u, "Backing up to "+filepath.Base(path)+"…", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, st.Backup(ctx, path)
	}, func(_ struct{}, err error) {
		if err != nil {
			u.showError("back up the dossier", err)
			return
		}
		u.setStatus("Backed up to " + path)
		u.showChoice("Backed up", "The dossier was copied to "+path+". Open it with File → Open database… to restore from it.", nil, []choice{{label: "OK", important: true}})
	})
}

// describeImport says in words what a bundle import changed.
func describeImport(rep storage.ImportReport) string {
	var lines []string
	for _, k := range []struct {
		name string
		c    storage.ImportCounts
	}{{"Meetings", rep.Meetings}, {"Actors", rep.Actors}, {"Disputes", rep.Disputes},
		{"Statements", rep.Statements}, {"Sources", rep.Sources}, {"Tracks", rep.Tracks}} {
		if k.c.Created+k.c.Updated+k.c.Unchanged == 0 {
			continue
		}
		lines = append(lines, fmt.Sprintf("%s: %d new, %d updated, %d unchanged", k.name, k.c.Created, k.c.Updated, k.c.Unchanged))
	}
	if len(lines) == 0 {
		return "The file held no records."
	}
	return strings.Join(lines, "\n") + "\n\nRecords already here and changed more recently were kept as they are."
}

// importICS reads a calendar into the dossier: events matched by UID update their meeting,
// the others become new meetings.
func importICS(ctx context.Context, st *storage.Store, r io.Reader) (string, error) {
	rep, err := ical.Import(ctx, st, r)
	if err != nil {
		return "", err
	}
	return rep.String(), nil
}
