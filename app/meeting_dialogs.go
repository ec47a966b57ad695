package app

// The dialogs of the meeting page: adding a participant, creating an actor on the spot,
// changing the status with a reason, and exporting the briefing pack.

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// onAddParticipant asks for an actor from the dossier and a role.
func (p *meetingPage) onAddParticipant() {
	if len(p.actors) == 0 {
		p.onNewActor()
		return
	}
	ids := map[string]string{}
	known := map[string]string{} // label → every name the actor goes by, lower-cased
	var names []string
	for _, a := range p.actors {
		label := a.Name
		if a.Title != "" {
			label += " — " + a.Title
		}
		label = uniqueLabel(ids, label)
		ids[label] = a.ID
		known[label] = strings.ToLower(strings.Join(append([]string{label, a.NativeName, a.Country, a.Organisation}, a.OtherNames...), " "))
		names = append(names, label)
	}
	sort.Strings(names)
	actor := widget.NewSelectEntry(names)
	actor.SetPlaceHolder("type a name in any script or spelling to narrow the list")
	actor.OnChanged = func(s string) { actor.SetOptions(narrowActors(names, known, s)) }
	role := widget.NewSelect(roleOptions(), nil)
	role.SetSelected(string(storage.RoleMember))
	noteEntry := widget.NewEntry()
	items := []*widget.FormItem{
		widget.NewFormItem("Actor", actor),
		widget.NewFormItem("Role", role),
		widget.NewFormItem("Note", noteEntry),
	}
	actor.Validator = func(s string) error {
		if _, ok := ids[s]; !ok {
			return fmt.Errorf("choose an actor from the list")
		}
		return nil
	}
	p.u.askForm("Add participant", "Add", items, fyne.NewSize(560, 280), func() {
		p.addParticipant(storage.Participant{ActorID: ids[actor.Text], Role: storage.Role(role.Selected), Note: strings.TrimSpace(noteEntry.Text)})
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
			p.actors = append(p.actors, a)
			p.actorByID[a.ID] = a
			p.addParticipant(storage.Participant{ActorID: a.ID, Role: r})
			p.u.setStatus("Created " + a.Name + " and added them to the participants (save the meeting to keep this)")
		})
	})
}

// onChangeStatus asks for the new status, the reason and a source, and records the change.
func (p *meetingPage) onChangeStatus() {
	if p.isNew() {
		return
	}
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
	srcOpts, srcIDs := choices(noSource, p.sources, sourceChoice)
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
	run(p.u, "Recording the status…", func(ctx context.Context) (storage.Meeting, error) {
		if err := st.ChangeMeetingStatusOn(ctx, id, to, reason, sourceID, happened); err != nil {
			return storage.Meeting{}, err
		}
		return st.Meeting(ctx, id)
	}, func(m storage.Meeting, err error) {
		if err != nil {
			p.u.showError("change the status", err)
			return
		}
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

// narrowActors keeps the labels whose actor goes by every word typed, in any of their names,
// scripts or spellings ("морг", "harada ambassador").
func narrowActors(labels []string, known map[string]string, typed string) []string {
	words := strings.Fields(strings.ToLower(typed))
	var out []string
	for _, l := range labels {
		all := true
		for _, w := range words {
			all = all && strings.Contains(known[l], w)
		}
		if all {
			out = append(out, l)
		}
	}
	return out
}
