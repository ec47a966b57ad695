package app

// The dialogs of the meeting page: adding a participant, creating an actor on the spot,
// changing the status with a reason, and exporting the briefing pack.

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// onAddParticipant asks for an actor from the dossier, looked up as the user types, and a role.
func (p *meetingPage) onAddParticipant() {
	if !p.anyActor {
		p.onNewActor()
		return
	}
	actor := newActorPicker(p.u)
	role := widget.NewSelect(roleOptions(), nil)
	role.SetSelected(string(storage.RoleMember))
	noteEntry := widget.NewEntry()
	items := []*widget.FormItem{
		widget.NewFormItem("Actor", actor.entry),
		widget.NewFormItem("Role", role),
		widget.NewFormItem("Note", noteEntry),
	}
	p.u.askForm("Add participant", "Add", items, fyne.NewSize(560, 280), func() {
		if a, chosen := actor.chosen(); chosen {
			p.knowActor(a)
			p.addParticipant(storage.Participant{ActorID: a.ID, Role: storage.Role(role.Selected), Note: strings.TrimSpace(noteEntry.Text)})
		}
	})
}

func roleOptions() []string {
	out := make([]string, len(storage.Roles))
	for i, r := range storage.Roles {
		out[i] = string(r)
	}
	return out
}

// addParticipant adds part to the form (an unsaved edit).
func (p *meetingPage) addParticipant(part storage.Participant) {
	for _, q := range p.participants {
		if q.ActorID == part.ActorID {
			p.u.setStatus(p.actorByID[part.ActorID].Name + " is a participant already")
			return
		}
	}
	p.participants = append(p.participants, part)
	p.ed.touch()
	p.refreshParticipants()
}

// onNewActor creates an actor on the spot and adds them as a participant.
func (p *meetingPage) onNewActor() {
	name := widget.NewEntry()
	name.Validator = required("give a name")
	native := widget.NewEntry()
	native.SetPlaceHolder("e.g. Игорь Моргулов")
	title := widget.NewEntry()
	title.SetPlaceHolder("e.g. Deputy Foreign Minister")
	country := widget.NewEntry()
	country.SetPlaceHolder("the side they are on, e.g. Russia")
	kind := widget.NewSelect([]string{string(storage.ActorPerson), string(storage.ActorOrganisation)}, nil)
	kind.SetSelected(string(storage.ActorPerson))
	role := widget.NewSelect(roleOptions(), nil)
	role.SetSelected(string(storage.RoleMember))
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Native script", native),
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Side", country),
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("Role here", role),
	}
	p.u.askForm("New actor", "Create and add", items, fyne.NewSize(560, 420), func() {
		a := storage.Actor{
			Kind: storage.ActorKind(kind.Selected), Name: strings.TrimSpace(name.Text),
			NativeName: strings.TrimSpace(native.Text), Title: strings.TrimSpace(title.Text),
			Country: strings.TrimSpace(country.Text),
		}
		r := storage.Role(role.Selected)
		st := p.u.store
		run(p.u, "Creating "+a.Name+"…", func(ctx context.Context) (storage.Actor, error) {
			err := st.CreateActor(ctx, &a)
			return a, err
		}, func(a storage.Actor, err error) {
			if err != nil {
				p.u.showError("create the actor", err)
				return
			}
			p.anyActor = true
			p.knowActor(storage.ActorKey{ID: a.ID, Kind: a.Kind, Name: a.Name, NativeName: a.NativeName, Title: a.Title,
				Organisation: a.Organisation, Country: a.Country, Role: a.Role, OtherNames: a.OtherNames})
			p.addParticipant(storage.Participant{ActorID: a.ID, Role: r})
			p.u.setStatus("Created " + a.Name + " and added them to the participants (save the meeting to keep this)")
		})
	})
}

// onChangeStatus reads the sources the change may cite, then asks for the new status, the
// reason and a source, and records the change.
func (p *meetingPage) onChangeStatus() {
	if p.isNew() {
		return
	}
	st := p.u.store
	run(p.u, "", st.Sources, func(sources []storage.Source, err error) {
		if err != nil {
			p.u.showError("list the sources", err)
			return
		}
		p.statusForm(sources)
	})
}

func (p *meetingPage) statusForm(sources []storage.Source) {
	var opts []string
	for _, s := range storage.Statuses {
		if s != p.m.Status {
			opts = append(opts, s.Label())
		}
	}
	to := widget.NewSelect(opts, nil)
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder("why, e.g. postponed at Russia's request pending the leaders' meeting")
	reason.Wrapping = fyne.TextWrapWord
	reason.SetMinRowsVisible(3)
	reason.Validator = required("give the reason")
	srcOpts, srcIDs := choices(noSource, sources, sourceChoice)
	src := widget.NewSelect(srcOpts, nil)
	src.SetSelected(noSource)
	happened := widget.NewEntry()
	happened.SetPlaceHolder("optional, e.g. 16 Jun 2016 — when it was decided or announced")
	happened.Validator = func(s string) error {
		_, err := parsePartialDate(s)
		return err
	}
	items := []*widget.FormItem{
		widget.NewFormItem("New status", to),
		widget.NewFormItem("Reason", reason),
		widget.NewFormItem("Source", src),
		{Text: "Decided on", Widget: happened, HintText: "Leave empty if not known; the change is then dated today."},
	}
	p.u.askForm("Change the status of “"+p.m.Title+"”", "Record", items, fyne.NewSize(600, 420), func() {
		if to.Selected == "" {
			p.u.tell("No status chosen", "Nothing was recorded: choose the new status, then give the reason.", nil)
			return
		}
		var status storage.Status
		for _, s := range storage.Statuses {
			if s.Label() == to.Selected {
				status = s
			}
		}
		on, _ := parsePartialDate(happened.Text) // the validator has refused what does not parse
		p.recordStatus(status, strings.TrimSpace(reason.Text), srcIDs[src.Selected], on)
	})
}

// recordStatus stores a status change at once; unsaved edits elsewhere on the page stay.
func (p *meetingPage) recordStatus(to storage.Status, reason, sourceID string, happened storage.PartialDate) {
	st, id := p.u.store, p.m.ID
	run(p.u, "Recording the status…", func(ctx context.Context) (meetingData, error) {
		if err := st.ChangeMeetingStatusOn(ctx, id, to, reason, sourceID, happened); err != nil {
			return meetingData{}, err
		}
		m, err := st.Meeting(ctx, id)
		if err != nil {
			return meetingData{}, err
		}
		titles, err := historySources(ctx, st, m)
		return meetingData{m: m, sourceTitles: titles}, err
	}, func(d meetingData, err error) {
		if err != nil {
			p.u.showError("change the status", err)
			return
		}
		m := d.m
		p.sourceTitles = d.sourceTitles
		p.m.Status = m.Status
		p.m.StatusHistory = m.StatusHistory
		p.m.Updated = m.Updated
		p.refreshStatus()
		p.refreshHeader()
		p.u.setStatus("“" + m.Title + "” is now " + string(m.Status))
	})
}

// onExport makes the briefing pack of the saved meeting.
func (p *meetingPage) onExport() {
	if p.isNew() {
		return
	}
	if p.dirty() {
		p.u.showChoice("Unsaved changes", "The briefing pack is made from the saved meeting. Save your changes first?", nil, []choice{
			{label: "Save and export", important: true, action: func() { p.save(func() { p.u.exportPack(p.m) }) }},
			{label: "Export the saved version", action: func() { p.u.exportPack(p.m) }},
			{label: "Cancel"},
		})
		return
	}
	p.u.exportPack(p.m)
}
