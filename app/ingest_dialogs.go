package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

// onImportArticle asks for an article (pasted, or a .txt / .html file) and its publication
// date, reads it off the Fyne goroutine and opens the review screen.
func (u *ui) onImportArticle() {
	if u.store == nil {
		return
	}
	text := widget.NewMultiLineEntry()
	text.SetPlaceHolder("Paste the article here, headline first — or choose a file")
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(12)
	file := ""
	fileLabel := note("No file chosen: the pasted text is read.")
	date := widget.NewEntry()
	date.SetPlaceHolder("YYYY-MM-DD, or empty to take the article's dateline")
	choose := widget.NewButton("Choose a .txt or .html file…", func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			file = r.URI().Path()
			r.Close()
			fileLabel.SetText("Reading " + file)
		}, u.win)
		d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".txt", ".html", ".htm"}))
		u.startIn(d)
		d.Show()
	})
	form := container.NewBorder(nil, container.NewVBox(container.NewHBox(choose), fileLabel,
		widget.NewForm(widget.NewFormItem("Published", date))), nil, nil, text)
	d := dialog.NewCustomConfirm("Import an article", "Read", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		pub, err := storage.ParsePartialDate(date.Text)
		if err != nil {
			u.showError("read the publication date", err)
			return
		}
		u.readArticle(file, text.Text, pub)
	}, u.win)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
}

// readArticle proposes the article's records and shows them for review.
func (u *ui) readArticle(file, pasted string, pub storage.PartialDate) {
	st := u.store
	if file == "" && strings.TrimSpace(pasted) == "" {
		u.showError("read the article", errNoArticle)
		return
	}
	run(u, "Reading the article…", func(ctx context.Context) (tasks.IngestReport, error) {
		if file != "" {
			return tasks.IngestArticle(ctx, st, file, pub, "en")
		}
		return tasks.IngestText(ctx, st, []byte(pasted), "pasted text", pub, "en")
	}, func(rep tasks.IngestReport, err error) {
		if err != nil {
			u.showError("read the article", err)
			return
		}
		r := rep.Result
		u.setStatus(fmt.Sprintf("Read the article: %d people, %d events, %d quotes and %d disputed names proposed — check them and accept",
			len(r.Actors), len(r.Events), len(r.Quotes), len(r.Disputes)))
		u.push(newIngestScreen(u, rep))
	})
}
