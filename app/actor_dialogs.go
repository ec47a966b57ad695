package app

// The dialogs of the actor profile: relationships in either direction and statements, each
// stored at once.

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// onAddRelation records a relationship in either direction. The other actors are read when
// the dialog opens, not with the page: a big dossier has tens of thousands.
func (p *actorPage) onAddRelation() {
	st := p.u.store
	run(p.u, "Reading the actors…", st.Actors, func(actors []storage.Actor, err error) {
		if err != nil {
			p.u.showError("read the actors", err)
			return
		}
		p.addRelation(actors)
	})
}

func (p *actorPage) addRelation(actors []storage.Actor) {
	ids := map[string]string{}
	var names []string
	for _, a := range actors {
		if a.ID == p.a.ID {
			continue
		}
		l := uniqueLabel(ids, a.Name)
		ids[l] = a.ID
		names = append(names, l)
	}
	if len(names) == 0 {
		p.u.tell("No one to relate to", "Add another actor first; a relationship ties two actors.", nil)
		return
	}
	thisIs := p.a.Name + " is … of the other"
	otherIs := "the other is … of " + p.a.Name
	dir := widget.NewRadioGroup([]string{thisIs, otherIs}, nil)
	dir.SetSelected(thisIs)
	kind := widget.NewEntry()
	kind.SetPlaceHolder("e.g. close aide of, deputy to, counterpart of")
	kind.Validator = required("say how they are related")
	other := widget.NewSelect(names, nil)
	noteE := widget.NewEntry()
	items := []*widget.FormItem{
		widget.NewFormItem("Direction", dir),
		widget.NewFormItem("Relationship", kind),
		widget.NewFormItem("Other actor", other),
		widget.NewFormItem("Note", noteE),
	}
	p.u.askForm("Add a relationship", "Add", items, fyne.NewSize(560, 340), func() {
		if other.Selected == "" {
			return
		}
		from, to := p.a.ID, ids[other.Selected]
		if dir.Selected == otherIs {
			from, to = to, from
		}
		rel := storage.Relation{ActorID: to, Kind: strings.TrimSpace(kind.Text), Note: strings.TrimSpace(noteE.Text)}
		p.changeRelations(from, func(rs []storage.Relation) []storage.Relation { return append(rs, rel) })
	})
}

func (p *actorPage) onRemoveRelation(r storage.RelationView) {
	from, to := p.a.ID, r.OtherID
	if !r.Outgoing {
		from, to = to, from
	}
	p.u.confirmRemoval("the relationship “"+r.Kind+"”", "", "This cannot be undone.", func() {
		p.changeRelations(from, func(rs []storage.Relation) []storage.Relation {
			out := rs[:0:0]
			for _, x := range rs {
				if !(x.ActorID == to && x.Kind == r.Kind) {
					out = append(out, x)
				}
			}
			return out
		})
	})
}

// changeRelations edits the stored relations of actor owner (this one or the other side)
// and stores them at once; unsaved edits of this profile stay as they are.
func (p *actorPage) changeRelations(owner string, change func([]storage.Relation) []storage.Relation) {
	st := p.u.store
	run(p.u, "Saving the relationship…", func(ctx context.Context) (storage.Actor, error) {
		a, err := st.Actor(ctx, owner)
		if err != nil {
			return a, err
		}
		a.Relations = change(a.Relations)
		if err := st.UpdateActor(ctx, &a); err != nil {
			return a, err
		}
		return st.Actor(ctx, owner)
	}, func(a storage.Actor, err error) {
		if err != nil {
			p.u.showError("save the relationship", err)
			return
		}
		if a.ID == p.a.ID {
			p.a.Relations = a.Relations
			p.a.Updated = a.Updated
		}
		p.u.setStatus("Relationships of " + a.Name + " saved")
		p.reloadRelated()
	})
}

// editStatement reads the sources and disputes a statement may cite, then shows the form of
// the statement (new when s.ID is empty) and stores it.
func (p *actorPage) editStatement(s storage.Statement) {
	st := p.u.store
	type offered struct {
		sources  []storage.Source
		disputes []storage.Dispute
	}
	run(p.u, "", func(ctx context.Context) (offered, error) {
		var o offered
		var err error
		if o.sources, err = st.Sources(ctx); err != nil {
			return o, err
		}
		o.disputes, err = st.Disputes(ctx)
		return o, err
	}, func(o offered, err error) {
		if err != nil {
			p.u.showError("list the sources and disputes", err)
			return
		}
		p.statementForm(s, o.sources, o.disputes)
	})
}

func (p *actorPage) statementForm(s storage.Statement, sources []storage.Source, disputes []storage.Dispute) {
	text := widget.NewMultiLineEntry()
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(4)
	text.SetText(s.Text)
	text.Validator = required("give what was said")
	when := widget.NewEntry()
	when.SetPlaceHolder("2016-06-20, 2016-06 or 2016")
	when.SetText(s.When.Text())
	when.Validator = func(v string) error {
		_, err := parseDate(v)
		return err
	}
	occasion := widget.NewEntry()
	occasion.SetPlaceHolder("where or on what occasion, e.g. press conference in Tokyo")
	occasion.SetText(s.Occasion)

	meetOpts, meetIDs := choices(noPrevious, p.meetings, func(m storage.MeetingSummary) (string, string) {
		return m.WhenText() + " — " + m.Title, m.ID
	})
	meeting := widget.NewSelect(meetOpts, nil)
	meeting.SetSelected(orNone(labelFor(meetIDs, s.MeetingID), noPrevious))
	dispOpts, dispIDs := choices(noPrevious, disputes, func(d storage.Dispute) (string, string) { return d.Title, d.ID })
	dispute := widget.NewSelect(dispOpts, nil)
	dispute.SetSelected(orNone(labelFor(dispIDs, s.DisputeID), noPrevious))
	srcOpts, srcIDs := choices(noSource, sources, sourceChoice)
	source := widget.NewSelect(srcOpts, nil)
	source.SetSelected(orNone(labelFor(srcIDs, s.SourceID), noSource))

	heading := "New statement by " + p.a.Name
	if s.ID != "" {
		heading = "Edit statement by " + p.a.Name
	}
	items := []*widget.FormItem{
		widget.NewFormItem("What they said", text),
		widget.NewFormItem("When", when),
		widget.NewFormItem("Occasion", occasion),
		widget.NewFormItem("Meeting", meeting),
		widget.NewFormItem("Dispute", dispute),
		widget.NewFormItem("Source", source),
	}
	p.u.askForm(heading, "Save", items, fyne.NewSize(640, 520), func() {
		w, err := parseDate(when.Text)
		if err != nil {
			return
		}
		s.ActorID = p.a.ID
		s.Text = strings.TrimSpace(text.Text)
		s.When = w
		s.Occasion = strings.TrimSpace(occasion.Text)
		s.MeetingID = meetIDs[meeting.Selected]
		s.DisputeID = dispIDs[dispute.Selected]
		s.SourceID = srcIDs[source.Selected]
		st := p.u.store
		run(p.u, "Saving the statement…", func(ctx context.Context) (struct{}, error) {
			if s.ID == "" {
				return struct{}{}, st.CreateStatement(ctx, &s)
			}
			return struct{}{}, st.UpdateStatement(ctx, &s)
		}, func(_ struct{}, err error) {
			if err != nil {
				p.u.showError("save the statement", err)
				return
			}
			p.u.setStatus("Saved the statement by " + p.a.Name)
			p.reloadRelated()
		})
	})
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}
