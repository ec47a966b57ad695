package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// pressCtrlZ does what Fyne's desktop driver does with Ctrl+Z: it makes the key a
// ShortcutUndo and gives it to the main menu item with that shortcut (before any focused
// widget); only when no item has it does the focused widget get it.
func pressCtrlZ(t *testing.T, u *ui) {
	t.Helper()
	undo := &fyne.ShortcutUndo{}
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == undo.ShortcutName() {
				it.Action()
				return
			}
		}
	}
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(undo)
	}
}

// menuItem is the item labelled label of the menu bar's menu named menu.
func menuItem(t *testing.T, u *ui, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %s → %s", menu, label)
	return nil
}

// deleteTokyoRound deletes the Tokyo round from its page, as a user does.
func deleteTokyoRound(t *testing.T, u *ui) {
	t.Helper()
	p := openMeeting(t, u, sample.TokyoRoundID)
	test.Tap(p.deleteBtn)
	dlg := overlay(t, u)
	assert.Contains(t, texts(dlg), "It goes to the Trash, from which Edit → Undo (Ctrl+Z) or the Trash screen brings it back.")
	tapButton(t, dlg, "Delete")
	assert.Contains(t, u.status.Text, "to the Trash — Ctrl+Z brings it back")
}

// openTrash shows the Trash screen, sized so that its list draws its rows.
func openTrash(t *testing.T, u *ui) *trashScreen {
	t.Helper()
	u.win.Resize(fyne.NewSize(1200, 800))
	u.goScreen(screenTrash)
	s, ok := u.top().(*trashScreen)
	require.True(t, ok, "the Trash screen is on top")
	return s
}

// tapRowButton taps the button labelled label in the trash screen's row number i.
func tapRowButton(t *testing.T, s *trashScreen, i int, label string) {
	t.Helper()
	var bs []*widget.Button
	for _, b := range find[*widget.Button](s.list) {
		if b.Text == label {
			bs = append(bs, b)
		}
	}
	require.Greater(t, len(bs), i, "row %d has a %s button", i, label)
	test.Tap(bs[i])
}

func trashed(t *testing.T, st *storage.Store) []storage.TrashItem {
	t.Helper()
	items, err := st.TrashItems(context.Background())
	require.NoError(t, err)
	return items
}

func TestDeletedMeetingIsInTheTrashAndComesBack(t *testing.T) {
	ctx := context.Background()
	u, st := newTestUI(t, afterSample)
	before, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	deleteTokyoRound(t, u)
	_, err = st.Meeting(ctx, sample.TokyoRoundID)
	require.ErrorIs(t, err, storage.ErrNotFound)

	s := openTrash(t, u)
	require.Len(t, s.rows, 1)
	shown := texts(s.list)
	assert.Contains(t, shown, before.Title)
	assert.Contains(t, shown, "Meeting · deleted ")
	assert.Contains(t, shown, "with 2 participants")
	tapRowButton(t, s, 0, "Restore")
	after, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Equal(t, before, after, "whole, as it was")
	assert.Empty(t, s.rows, "the Trash screen shows it gone")
	assert.Equal(t, "Restored the meeting “"+before.Title+"”.", u.status.Text)
	assert.Empty(t, u.undo, "nothing left to undo")
}

func TestUndoBringsBackTheLastDeletion(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		undo func(t *testing.T, u *ui)
	}{
		{"Ctrl+Z", pressCtrlZ},
		{"Edit → Undo", func(t *testing.T, u *ui) { menuItem(t, u, "Edit", "Undo").Action() }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t, afterSample)
			deleteTokyoRound(t, u)
			src := storage.Source{Title: "Kommersant interview", Publisher: "Kommersant"}
			require.NoError(t, st.CreateSource(ctx, &src))
			u.push(newSourcePage(u, src.ID))
			sp := u.top().(*sourcePage)
			test.Tap(sp.deleteBtn)
			tapButton(t, overlay(t, u), "Delete")
			require.Len(t, trashed(t, st), 2)
			u.win.Canvas().Unfocus()

			tc.undo(t, u)
			_, err := st.Source(ctx, src.ID)
			require.NoError(t, err, "the last deletion comes back first")
			_, err = st.Meeting(ctx, sample.TokyoRoundID)
			require.ErrorIs(t, err, storage.ErrNotFound)
			tc.undo(t, u)
			_, err = st.Meeting(ctx, sample.TokyoRoundID)
			require.NoError(t, err, "then the one before")
			assert.Empty(t, trashed(t, st))
			tc.undo(t, u)
			assert.Contains(t, u.status.Text, "Nothing to undo")
		})
	}
}

// In a text field Ctrl+Z undoes the typing, as Fyne's entry does, and leaves the trash alone;
// outside one it brings the deletion back.
func TestCtrlZInATextFieldUndoesTheTyping(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	deleteTokyoRound(t, u)
	u.win.Canvas().Focus(u.search)
	require.Equal(t, u.search, u.win.Canvas().Focused())
	test.Type(u.search, "Morgulov")
	require.Equal(t, "Morgulov", u.search.Text)

	pressCtrlZ(t, u)
	assert.Empty(t, u.search.Text, "the typing is undone")
	assert.Len(t, trashed(t, st), 1, "the meeting stays in the trash")

	u.win.Canvas().Unfocus()
	pressCtrlZ(t, u)
	assert.Empty(t, trashed(t, st), "outside the field, the deletion is undone")
}

func TestEmptyingTheTrashAsksFirst(t *testing.T) {
	ctx := context.Background()
	u, st := newTestUI(t, afterSample)
	_, err := st.MoveToTrash(ctx, "meeting", sample.VladivostokID)
	require.NoError(t, err)
	_, err = st.MoveToTrash(ctx, "actor", sample.NaryshkinID)
	require.NoError(t, err)
	s := openTrash(t, u)
	require.Len(t, s.rows, 2)
	assert.Equal(t, "Sergey Naryshkin", s.rows[0].Title, "the latest deletion first")

	test.Tap(s.emptyBtn)
	dlg := overlay(t, u)
	assert.Contains(t, texts(dlg), "Delete all 2 deletions in the trash for good? They cannot be brought back after this.")
	tapButton(t, dlg, "Cancel")
	assert.Len(t, trashed(t, st), 2, "cancelling keeps them")

	tapRowButton(t, s, 0, "Delete for good")
	dlg = overlay(t, u)
	assert.Contains(t, texts(dlg), "Delete Sergey Naryshkin for good?")
	tapButton(t, dlg, "Cancel")
	assert.Len(t, trashed(t, st), 2, "cancelling keeps it")
	tapRowButton(t, s, 0, "Delete for good")
	tapButton(t, overlay(t, u), "Delete for good")
	assert.Len(t, trashed(t, st), 1)
	assert.Len(t, s.rows, 1)

	test.Tap(s.emptyBtn)
	tapButton(t, overlay(t, u), "Empty trash")
	assert.Empty(t, trashed(t, st))
	assert.True(t, s.emptyBtn.Disabled(), "nothing left to empty")
	assert.True(t, s.empty.Visible())
}

func TestRestoreSaysWhatCouldNotComeBack(t *testing.T) {
	ctx := context.Background()
	u, st := newTestUI(t, afterSample)
	deleteTokyoRound(t, u)
	_, err := st.MoveToTrash(ctx, "actor", sample.MorgulovID)
	require.NoError(t, err)
	s := openTrash(t, u)
	require.Len(t, s.rows, 2)
	require.Equal(t, "meeting", s.rows[1].Kind)
	tapRowButton(t, s, 1, "Restore")
	dlg := overlay(t, u)
	msg := texts(dlg)
	assert.Contains(t, msg, "Restored, not all of it")
	assert.Contains(t, msg, "without the participant “Igor Morgulov” (in the trash)")
	_, err = st.Meeting(ctx, sample.TokyoRoundID)
	assert.NoError(t, err)
}
