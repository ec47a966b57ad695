package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// showTracks lists the negotiation tracks with their edit and delete buttons; changed runs
// after any change so the caller can refresh.
func showTracks(u *ui, changed func()) {
	if u.store == nil {
		return
	}
	st := u.store
	run(u, "", func(ctx context.Context) ([]storage.Track, error) {
		return st.Tracks(ctx)
	}, func(tracks []storage.Track, err error) {
		if err != nil {
			u.showError("list the tracks", err)
			return
		}
		var d dialog.Dialog
		reopen := func() {
			d.Hide()
			changed()
			showTracks(u, changed)
		}
		// A list that draws the rows in view: a dossier may have thousands of tracks.
		list := widget.NewList(func() int { return len(tracks) }, func() fyne.CanvasObject {
			edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil)
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			return container.NewBorder(nil, nil, nil, container.NewHBox(edit, del),
				container.NewVBox(truncated(boldLabel("")), note("")))
		}, func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(tracks) {
				return
			}
			t := tracks[id]
			row := o.(*fyne.Container)
			texts := row.Objects[0].(*fyne.Container).Objects
			texts[0].(*widget.Label).SetText(t.Title)
			texts[1].(*widget.Label).SetText(strings.Join(t.Parties, " · "))
			buttons := row.Objects[1].(*fyne.Container).Objects
			buttons[0].(*widget.Button).OnTapped = func() { editTrack(u, t, reopen) }
			buttons[1].(*widget.Button).OnTapped = func() { deleteTrack(u, t, reopen) }
		})
		list.OnSelected = func(widget.ListItemID) { list.UnselectAll() }
		var body fyne.CanvasObject = list
		if len(tracks) == 0 {
			body = emptyState("No tracks yet. A track is a negotiation process, such as the Japan–Russia peace treaty talks; its meetings are its rounds.")
		}
		add := widget.NewButtonWithIcon("New track…", theme.ContentAddIcon(), func() { editTrack(u, storage.Track{}, reopen) })
		room := container.NewGridWrap(fyne.NewSize(520, 300), body)
		d = dialog.NewCustom("Negotiation tracks", "Close", container.NewBorder(nil, container.NewHBox(add), nil, nil, room), u.win)
		u.showDialog(d)
	})
}

// deleteTrack asks, then deletes the track t; its meetings stay. done runs after.
func deleteTrack(u *ui, t storage.Track, done func()) {
	st := u.store
	u.confirmDelete("the track “"+t.Title+"”", "Its meetings stay in the dossier, without a track.", func() {
		run(u, "Deleting the track…", func(ctx context.Context) (storage.TrashItem, error) {
			return st.MoveToTrash(ctx, "track", t.ID)
		}, func(item storage.TrashItem, err error) {
			if err != nil {
				u.showError("delete the track", err)
				return
			}
			u.trashed(item)
			done()
		})
	})
}

// editTrack shows the form of a track (a new one when t.ID is empty) and stores it.
func editTrack(u *ui, t storage.Track, done func()) {
	title := widget.NewEntry()
	title.SetText(t.Title)
	title.Validator = required("give the track a title")
	parties := widget.NewEntry()
	parties.SetPlaceHolder("comma-separated, e.g. Japan, Russia")
	parties.SetText(strings.Join(t.Parties, ", "))
	summary := widget.NewMultiLineEntry()
	summary.Wrapping = fyne.TextWrapWord
	summary.SetMinRowsVisible(4)
	summary.SetText(t.Summary)
	heading := "New track"
	if t.ID != "" {
		heading = "Edit “" + t.Title + "”"
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Parties", parties),
		widget.NewFormItem("Summary", summary),
	}
	u.askForm(heading, "Save", items, fyne.NewSize(560, 360), func() {
		t.Title = strings.TrimSpace(title.Text)
		t.Parties = commaList(parties.Text)
		t.Summary = strings.TrimSpace(summary.Text)
		st := u.store
		run(u, "Saving the track…", func(ctx context.Context) (storage.Track, error) {
			var err error
			if t.ID == "" {
				err = st.CreateTrack(ctx, &t)
			} else {
				err = st.UpdateTrack(ctx, &t)
			}
			return t, err
		}, func(t storage.Track, err error) {
			if err != nil {
				u.showError("save the track", err)
				return
			}
			u.setStatus("Saved the track “" + t.Title + "”")
			done()
		})
	})
}
