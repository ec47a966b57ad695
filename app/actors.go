package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// actorsScreen lists the people and organisations of the dossier, filtered by what is typed.
// It lists the actors' keys (storage.ActorKeys), not their records: a dossier holds 20,000.
type actorsScreen struct {
	*listScreen[storage.ActorKey]
	filter *widget.Entry
	count  *widget.Label
	all    []storage.ActorKey
}

func newActorsScreen(u *ui) *actorsScreen {
	s := &actorsScreen{}
	s.filter = widget.NewEntry()
	s.filter.SetPlaceHolder("Filter by name, spelling, title or side")
	s.filter.OnChanged = func(string) { s.applyFilter() }
	s.count = note("")
	cols := func() *widgets.Columns { return widgets.NewColumns(260, 220, 0, 160).Dropping(200, 3).Squeezing(0.75) }
	s.listScreen = newListScreen(u, listSpec[storage.ActorKey]{
		name: screenActors, plural: "actors", newLabel: "New actor",
		newPage: func() page { return newActorDraft(u) },
		open:    func(a storage.ActorKey) page { return newActorPage(u, a.ID) },
		load:    (*storage.Store).ActorKeys,
		row: func() fyne.CanvasObject {
			name, native := widgets.NewCutLabel("", true), truncated(widget.NewLabel(""))
			title, side := truncated(widget.NewLabel("")), truncated(widget.NewLabel(""))
			return container.New(cols(), name, native, title, side)
		},
		cells: func(a storage.ActorKey) []string {
			return []string{a.Name, a.NativeName, strings.TrimPrefix(a.Title+" · "+a.Organisation, " · "), a.Country}
		},
		filter:  s.filter,
		columns: container.New(cols(), boldLabel("Name"), boldLabel("Native script"), boldLabel("Title"), boldLabel("Side")),
		footer:  s.count,
		loaded: func(as []storage.ActorKey) {
			s.all = as
			s.applyFilter()
		},
		keep: true,
	})
	return s
}

func (s *actorsScreen) applyFilter() {
	q := strings.ToLower(strings.TrimSpace(s.filter.Text))
	rows := s.all // with nothing typed, every actor: no need to lower-case 20,000 names
	if q != "" {
		rows = nil
		for _, a := range s.all {
			hay := strings.ToLower(strings.Join(append([]string{a.Name, a.NativeName, a.Title, a.Organisation, a.Country, a.Role}, a.OtherNames...), " "))
			if strings.Contains(hay, q) {
				rows = append(rows, a)
			}
		}
	}
	if len(s.all) == 0 {
		s.empty.SetText("No actors yet — press New actor to add the people and organisations in the talks.")
	} else {
		s.empty.SetText("No actor matches “" + s.filter.Text + "”.")
	}
	s.setRows(rows)
	s.count.SetText(fmt.Sprintf("%d of %d actors", len(rows), len(s.all)))
}
