package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// actorsScreen lists the people and organisations of the dossier.
type actorsScreen struct {
	u      *ui
	filter *widget.Entry
	list   *widget.List
	empty  *widget.Label
	count  *widget.Label
	all    []storage.Actor
	rows   []storage.Actor
	root   fyne.CanvasObject
}

func newActorsScreen(u *ui) *actorsScreen {
	s := &actorsScreen{u: u}
	s.filter = widget.NewEntry()
	s.filter.SetPlaceHolder("Filter by name, spelling, title or side")
	s.filter.OnChanged = func(string) { s.applyFilter() }
	s.list = widget.NewList(func() int { return len(s.rows) }, func() fyne.CanvasObject {
		name := boldLabel("")
		name.Truncation = fyne.TextTruncateEllipsis
		native := widget.NewLabel("")
		native.Truncation = fyne.TextTruncateEllipsis
		title := widget.NewLabel("")
		title.Truncation = fyne.TextTruncateEllipsis
		side := widget.NewLabel("")
		side.Truncation = fyne.TextTruncateEllipsis
		return container.New(&columns{widths: []float32{260, 220, 0, 160}}, name, native, title, side)
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= len(s.rows) {
			return
		}
		a := s.rows[id]
		c := o.(*fyne.Container)
		c.Objects[0].(*widget.Label).SetText(a.Name)
		c.Objects[1].(*widget.Label).SetText(a.NativeName)
		c.Objects[2].(*widget.Label).SetText(strings.TrimPrefix(a.Title+" · "+a.Organisation, " · "))
		c.Objects[3].(*widget.Label).SetText(a.Country)
	})
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll()
		if id < len(s.rows) {
			u.push(newActorPage(u, s.rows[id].ID))
		}
	}
	s.empty = emptyState("")
	s.empty.Hide()
	s.count = note("")
	newBtn := widget.NewButtonWithIcon("New actor", theme.ContentAddIcon(), func() { u.push(newActorDraft(u)) })
	newBtn.Importance = widget.HighImportance
	header := container.New(&columns{widths: []float32{260, 220, 0, 160}},
		boldLabel("Name"), boldLabel("Native script"), boldLabel("Title"), boldLabel("Side"))
	top := container.NewVBox(container.NewBorder(nil, nil, heading("Actors"), newBtn, s.filter), header, widget.NewSeparator())
	s.root = container.NewPadded(container.NewBorder(top, s.count, nil, nil, container.NewStack(s.list, container.NewVBox(layout.NewSpacer(), s.empty, layout.NewSpacer()))))
	return s
}

func (s *actorsScreen) title() string           { return screenActors }
func (s *actorsScreen) view() fyne.CanvasObject { return s.root }

func (s *actorsScreen) show() {
	st := s.u.store
	run(s.u, "", func(ctx context.Context) ([]storage.Actor, error) {
		return st.Actors(ctx)
	}, s.apply)
}

func (s *actorsScreen) apply(as []storage.Actor, err error) {
	if err != nil {
		s.u.showError("list the actors", err)
		return
	}
	s.all = as
	s.applyFilter()
}

func (s *actorsScreen) applyFilter() {
	q := strings.ToLower(strings.TrimSpace(s.filter.Text))
	s.rows = s.rows[:0]
	for _, a := range s.all {
		hay := strings.ToLower(strings.Join(append([]string{a.Name, a.NativeName, a.Title, a.Organisation, a.Country, a.Role}, a.OtherNames...), " "))
		if q == "" || strings.Contains(hay, q) {
			s.rows = append(s.rows, a)
		}
	}
	s.list.Refresh()
	switch {
	case len(s.all) == 0:
		s.empty.SetText("No actors yet — press New actor to add the people and organisations in the talks.")
		s.empty.Show()
	case len(s.rows) == 0:
		s.empty.SetText("No actor matches “" + s.filter.Text + "”.")
		s.empty.Show()
	default:
		s.empty.Hide()
	}
	s.count.SetText(fmt.Sprintf("%d of %d actors", len(s.rows), len(s.all)))
}
