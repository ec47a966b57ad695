package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// newSourcesScreen lists where the dossier's facts and quotes come from.
func newSourcesScreen(u *ui) *listScreen[storage.Source] {
	cols := func() *widgets.Columns { return widgets.NewColumns(0, 220, 140, 160).Dropping(200, 3, 1) }
	return newListScreen(u, listSpec[storage.Source]{
		name: screenSources, plural: "sources", newLabel: "New source",
		newPage: func() page { return newSourceDraft(u) },
		open:    func(src storage.Source) page { return newSourcePage(u, src.ID) },
		empty:   "No sources yet — press New source to record where a fact or quote comes from.",
		load:    (*storage.Store).Sources,
		row: func() fyne.CanvasObject {
			t, pub := widgets.NewCutLabel("", true), truncated(widget.NewLabel(""))
			date, rel := widget.NewLabel(""), truncated(widget.NewLabel(""))
			return container.New(cols(), t, pub, date, rel)
		},
		cells: func(src storage.Source) []string {
			published := src.Published.String()
			if src.Published.IsZero() {
				published = ""
			}
			return []string{src.Title, src.Publisher, published, src.Reliability}
		},
		columns: container.New(cols(), boldLabel("Title"), boldLabel("Publisher"), boldLabel("Published"), boldLabel("Reliability")),
	})
}
