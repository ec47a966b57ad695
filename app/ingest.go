package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

var errNoArticle = errors.New("paste an article or choose a file first")

// ingestScreen reviews what an article proposes: each proposal with a checkbox, its fields
// editable, the sentence it came from beneath and, for an update, the record it would change.
// Accept stores the checked ones in one transaction.
type ingestScreen struct {
	u   *ui
	rep tasks.IngestReport
	acc tasks.Accepted

	actorName, actorTitle []*widget.Entry
	eventTitle, eventDate []*widget.Entry
	quoteText             []*widget.Entry
	accept                *widget.Button
	root                  fyne.CanvasObject
}

func newIngestScreen(u *ui, rep tasks.IngestReport) *ingestScreen {
	s := &ingestScreen{u: u, rep: rep}
	r := rep.Result
	s.acc = tasks.Accepted{Actors: all(len(r.Actors)), Events: all(len(r.Events)), Quotes: all(len(r.Quotes)), Disputes: all(len(r.Disputes))}
	box := container.NewVBox()
	src := r.Source.Title
	if !r.Source.Published.IsZero() {
		src += " — " + r.Source.Published.String()
	}
	box.Add(heading("Article: " + src))
	for _, n := range r.Notes {
		box.Add(note(n))
	}
	box.Add(heading(fmt.Sprintf("People (%d)", len(r.Actors))))
	for i, a := range r.Actors {
		name, title := entry(a.Name), entry(a.Title)
		s.actorName, s.actorTitle = append(s.actorName, name), append(s.actorTitle, title)
		side := "New person"
		if old, ok := s.actor(a.ExistingID); ok {
			side = "Updates " + old.Name + " (now: " + old.Title + ")"
			if !a.NewPost {
				side += " — title already recorded"
			}
		}
		box.Add(s.row(&s.acc.Actors[i], container.NewGridWithColumns(2, name, title), side, a.Evidence))
	}
	box.Add(heading(fmt.Sprintf("Events (%d)", len(r.Events))))
	for i, e := range r.Events {
		title, date := entry(e.Title), entry(e.When.Text())
		s.eventTitle, s.eventDate = append(s.eventTitle, title), append(s.eventDate, date)
		side := "New " + e.Kind + ", " + string(e.Status)
		if m, ok := s.meeting(e.ExistingID); ok {
			side = "Updates “" + m.Title + "” (" + m.When.String() + ", " + string(m.Status) + " → " + string(e.Status) + ")"
		} else if e.ExistingID != "" {
			side = "Already on the dispute's timeline"
		}
		box.Add(s.row(&s.acc.Events[i], container.NewBorder(nil, nil, nil, date, title), side, e.Evidence))
	}
	box.Add(heading(fmt.Sprintf("Quotes (%d)", len(r.Quotes))))
	for i, q := range r.Quotes {
		text := entry(q.Text)
		s.quoteText = append(s.quoteText, text)
		side := "Said by " + r.Actors[q.Speaker].Name
		if q.ExistingID != "" {
			side += " — already in the dossier"
		}
		box.Add(s.row(&s.acc.Quotes[i], text, side, q.Evidence))
	}
	box.Add(heading(fmt.Sprintf("Disputed names (%d)", len(r.Disputes))))
	for i, d := range r.Disputes {
		side := "New dispute"
		if d.ExistingID != "" {
			side = "Adds to an existing dispute"
		}
		var names string
		for k, n := range d.Names {
			if k > 0 {
				names += "; "
			}
			names += n.Party + ": " + n.Name
		}
		box.Add(s.row(&s.acc.Disputes[i], widget.NewLabel(names), side, d.Evidence))
	}
	s.accept = widget.NewButton("Accept the checked proposals", s.onAccept)
	s.accept.Importance = widget.HighImportance
	s.root = container.NewBorder(nil, container.NewHBox(s.accept), nil, nil, container.NewVScroll(container.NewPadded(box)))
	return s
}

func all(n int) []bool {
	b := make([]bool, n)
	for i := range b {
		b[i] = true
	}
	return b
}

func entry(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	return e
}

// row is one proposal: checkbox and fields, then what it would change, then its sentence.
func (s *ingestScreen) row(checked *bool, fields fyne.CanvasObject, side, evidence string) fyne.CanvasObject {
	check := widget.NewCheck("", func(on bool) { *checked = on })
	check.SetChecked(*checked)
	ev := wrapLabel("“" + evidence + "”")
	ev.TextStyle = fyne.TextStyle{Italic: true}
	return container.NewVBox(
		container.NewBorder(nil, nil, check, nil, fields),
		container.NewGridWithColumns(2, ev, note(side)),
		widget.NewSeparator(),
	)
}

func (s *ingestScreen) actor(id string) (storage.Actor, bool) {
	if s.rep.Known != nil && id != "" {
		for _, a := range s.rep.Known.Actors {
			if a.ID == id {
				return a, true
			}
		}
	}
	return storage.Actor{}, false
}

func (s *ingestScreen) meeting(id string) (storage.Meeting, bool) {
	if s.rep.Known != nil && id != "" {
		for _, m := range s.rep.Known.Meetings {
			if m.ID == id {
				return m, true
			}
		}
	}
	return storage.Meeting{}, false
}

func (s *ingestScreen) title() string           { return "Import article" }
func (s *ingestScreen) view() fyne.CanvasObject { return s.root }
func (s *ingestScreen) show()                   {}

// edited is the report with the user's edits in it.
func (s *ingestScreen) edited() (tasks.IngestReport, error) {
	rep := s.rep
	r := rep.Result
	r.Actors = append(r.Actors[:0:0], r.Actors...)
	r.Events = append(r.Events[:0:0], r.Events...)
	r.Quotes = append(r.Quotes[:0:0], r.Quotes...)
	for i := range r.Actors {
		r.Actors[i].Name, r.Actors[i].Title = s.actorName[i].Text, s.actorTitle[i].Text
	}
	for i := range r.Events {
		when, err := storage.ParseFuzzyDate(s.eventDate[i].Text)
		if err != nil {
			return rep, fmt.Errorf("event %q: %w", s.eventTitle[i].Text, err)
		}
		r.Events[i].Title, r.Events[i].When = s.eventTitle[i].Text, when
	}
	for i := range r.Quotes {
		r.Quotes[i].Text = s.quoteText[i].Text
	}
	rep.Result = r
	return rep, nil
}

func (s *ingestScreen) onAccept() {
	rep, err := s.edited()
	if err != nil {
		s.u.showError("store the proposals", err)
		return
	}
	st, acc, now := s.u.store, s.acc, s.u.now()
	s.accept.Disable()
	run(s.u, "Storing the accepted proposals…", func(ctx context.Context) (storage.ImportReport, error) {
		return tasks.ApplyIngest(ctx, st, rep, acc, now)
	}, func(done storage.ImportReport, err error) {
		s.accept.Enable()
		if err != nil {
			s.u.showError("store the proposals", err)
			return
		}
		s.u.setStatus("Article imported")
		s.u.pop()
		s.u.showChoice("Article imported", done.String(), nil, []choice{{label: "OK", important: true}})
	})
}
