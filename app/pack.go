package app

import (
	"context"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/export"
	"github.com/parley-app/parley/storage"
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
		u.writePack(m, w)
	}, u.win)
	d.SetFileName(packFileName(m))
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".pdf"}))
	d.SetTitleText("Save the briefing pack")
	u.startIn(d)
	d.Show()
}

// progressBar is an indefinite progress bar for a dialog.
func progressBar() fyne.CanvasObject {
	return widget.NewProgressBarInfinite()
}

func (u *ui) writePack(m storage.Meeting, w fyne.URIWriteCloser) {
	st, path, prepared := u.store, w.URI().Path(), u.now()
	home, _ := homeZone()
	progress := dialog.NewCustomWithoutButtons("Preparing the briefing pack for “"+m.Title+"”", progressBar(), u.win)
	progress.Show()
	run(u, "Writing the briefing pack…", func(ctx context.Context) (struct{}, error) {
		b, err := st.Briefing(ctx, m.ID)
		if err == nil {
			err = export.WritePack(w, b, export.PackOptions{HomeZone: home, PreparedOn: prepared})
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path) // no half-written pack is left behind
		}
		return struct{}{}, err
	}, func(_ struct{}, err error) {
		progress.Hide()
		if err != nil {
			u.showError("write the briefing pack", err)
			return
		}
		u.setStatus("Briefing pack saved to " + path)
		u.showChoice("Briefing pack ready", "The briefing pack for “"+m.Title+"” is saved as "+filepath.Base(path)+" in "+filepath.Dir(path)+".", nil, []choice{
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
