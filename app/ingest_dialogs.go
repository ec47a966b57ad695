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
	text.SetMinRowsVisible(6) // the dialog grows to the window; six rows fit a 600-pixel screen
	file := ""
	fileLabel := note("No file chosen: the pasted text is read.")
	date := widget.NewEntry()
	date.SetPlaceHolder("e.g. 20 Jun 2016, or empty to take the article's dateline")
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
		u.showFileDialog(d)
	})
	form := container.NewBorder(nil, container.NewVBox(container.NewHBox(choose), fileLabel,
		widget.NewForm(widget.NewFormItem("Published", date))), nil, nil, text)
	d := dialog.NewCustomConfirm("Import an article", "Read", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		pub, err := publicationDate(date.Text)
		if err != nil {
			u.showError("read the publication date", err)
			return
		}
		u.readArticle(file, text.Text, pub)
	}, u.win)
	win := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(760, win.Width-40), min(560, win.Height-40)))
	u.showDialog(d)
	u.win.Canvas().Focus(text)
}

// publicationDate reads the date an article appeared, as people write it ("20 Jun 2016",
// "2016-06-20", "June 2016"); "" leaves it to the article's dateline.
func publicationDate(s string) (storage.PartialDate, error) {
	f, err := parseDate(s)
	if err != nil {
		return storage.PartialDate{}, err
	}
	switch f.Kind {
	case storage.DateUnknown:
		return storage.PartialDate{}, nil
	case storage.DateDay, storage.DateMonth, storage.DateYear:
		return f.From, nil
	}
	return storage.PartialDate{}, fmt.Errorf("%q: give the day the article appeared, e.g. 20 Jun 2016", s)
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
		u.setStatus("Read the article: " + plural(len(r.Actors), "1 person", "%d people") + ", " +
			plural(len(r.Events), "1 event", "%d events") + ", " + plural(len(r.Quotes), "1 quote", "%d quotes") + " and " +
			plural(len(r.Disputes), "1 disputed name", "%d disputed names") + " proposed — check them and accept")
		s := newIngestScreen(u, rep)
		s.reread = func(pub storage.PartialDate) {
			u.closePage(s)
			u.readArticle(file, pasted, pub)
		}
		u.push(s)
	})
}
