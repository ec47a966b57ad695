package app

import (
	"context"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

// exportPack asks where to save the briefing pack of m, writes it off the Fyne goroutine with
// a progress dialog, and offers to open it.
func (u *ui) exportPack(m storage.Meeting) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError("choose where to save the briefing pack", err)
			return
		}
		if w == nil {
			return
		}
		u.writePack(m, chosenPath(w))
	}, u.win)
	d.SetFileName(tasks.PackFileName(m.Summary()))
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".pdf"}))
	d.SetTitleText("Save the briefing pack")
	u.startIn(d)
	d.Show()
}

// progressBar is an indefinite progress bar for a dialog.
func progressBar() fyne.CanvasObject {
	return widget.NewProgressBarInfinite()
}

// writePack writes the pack of m to path (tasks.WritePack: one read of the dossier, written
// atomically) and offers to open it.
func (u *ui) writePack(m storage.Meeting, path string) {
	st, opt := u.store, tasks.PackOptions{PreparedOn: u.now()}
	progress := dialog.NewCustomWithoutButtons("Preparing the briefing pack for “"+m.Title+"”", progressBar(), u.win)
	progress.Show()
	run(u, "Writing the briefing pack…", func(ctx context.Context) (tasks.PackReport, error) {
		return tasks.WritePack(ctx, st, m.ID, path, opt)
	}, func(rep tasks.PackReport, err error) {
		progress.Hide()
		if err != nil {
			u.showError("write the briefing pack", err)
			return
		}
		u.setStatus("Briefing pack saved to " + path)
		u.showChoice("Briefing pack ready", rep.String(), nil, []choice{
			{label: "Open the PDF", important: true, action: func() { u.openFile(path) }},
			{label: "Close"},
		})
	})
}

// openFile opens a file with the program the system chooses for it.
func (u *ui) openFile(path string) {
	uri := &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	if err := u.app.OpenURL(uri); err != nil {
		u.showError("open "+filepath.Base(path), err)
	}
}
