package app

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

// talksTitles are the titles of the meetings the Talks screen lists.
func talksTitles(u *ui) []string {
	var out []string
	for _, k := range u.talks.keys {
		out = append(out, k.Title)
	}
	return out
}

// actorsScreenOf is the Actors screen, made on first use.
func actorsScreenOf(u *ui) *actorsScreen { return u.screenPage(screenActors).(*actorsScreen) }

// actorNames are the names of the actors the Actors screen lists.
func actorNames(u *ui) []string {
	var out []string
	for _, a := range actorsScreenOf(u).rows {
		out = append(out, a.Name)
	}
	return out
}

// visitLists shows Talks, then Actors, then leaves them for the calendar: both have read
// their lists, which they keep until the dossier changes.
func visitLists(u *ui) {
	u.goScreen(screenTalks)
	u.goScreen(screenActors)
	u.goScreen(screenCalendar)
}

// A visit to Talks or Actors that finds the dossier as it was keeps the keys it read: the
// same keys, not read again.
func TestListsKeepTheirKeysWhileTheDossierIsUnchanged(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	visitLists(u)
	talks, actors := u.talks.byDate, actorsScreenOf(u).all
	require.NotEmpty(t, talks)
	require.NotEmpty(t, actors)

	visitLists(u)
	assert.Same(t, &talks[0], &u.talks.byDate[0], "Talks kept its keys")
	assert.Same(t, &actors[0], &actorsScreenOf(u).all[0], "Actors kept its keys")

	// A filter typed reads the list that passes it, dossier unchanged or not; cleared, the
	// whole list is read again, and kept from then on.
	u.goScreen(screenTalks)
	test.Type(u.talks.text, "Tokyo")
	assert.Less(t, len(u.talks.keys), len(talks))
	u.talks.text.SetText("")
	assert.Len(t, u.talks.keys, len(talks))
	whole := u.talks.byDate
	visitLists(u)
	assert.Same(t, &whole[0], &u.talks.byDate[0])
}

// Every write that changes the meetings or the actors shows in Talks and Actors at the next
// visit: a save, a delete, a restore from the trash, an undo, an import, and a write by
// another program while the window holds the dossier.
func TestListsShowEveryChangeAtTheNextVisit(t *testing.T) {
	ctx := context.Background()
	tokyo, morgulov := "Peace treaty consultations, round 2 — Tokyo", "Igor Morgulov" // the sample's
	cases := []struct {
		name string
		// change writes, with the lists read and kept before it.
		change               func(t *testing.T, u *ui, st *storage.Store)
		meeting, goneMeeting string // a title Talks then lists, one it no longer lists
		actor, goneActor     string // the same for the names Actors lists
	}{
		{name: "a meeting saved", change: func(t *testing.T, u *ui, _ *storage.Store) {
			p := openMeeting(t, u, sample.TokyoRoundID)
			p.titleE.SetText("Tokyo round, renamed")
			test.Tap(p.saveBtn)
			require.False(t, p.dirty(), "saved")
		}, meeting: "Tokyo round, renamed", goneMeeting: tokyo},
		{name: "a new actor saved", change: func(t *testing.T, u *ui, _ *storage.Store) {
			u.push(newActorDraft(u))
			p := u.top().(*actorPage)
			test.Type(p.name, "Yuri Ushakov")
			test.Tap(p.saveBtn)
			require.NotEmpty(t, p.a.ID, "saved")
		}, actor: "Yuri Ushakov"},
		{name: "a meeting deleted", change: func(t *testing.T, u *ui, _ *storage.Store) {
			deleteTokyoRound(t, u)
		}, goneMeeting: tokyo},
		{name: "an actor deleted", change: func(t *testing.T, u *ui, _ *storage.Store) {
			deleteMorgulov(t, u)
		}, goneActor: morgulov},
		{name: "a meeting and an actor restored from the trash", change: func(t *testing.T, u *ui, st *storage.Store) {
			deleteTokyoRound(t, u)
			deleteMorgulov(t, u)
			visitLists(u)
			require.NotContains(t, talksTitles(u), tokyo)
			require.NotContains(t, actorNames(u), morgulov)
			s := openTrash(t, u)
			require.Len(t, s.rows, 2)
			tapRowButton(t, s, 0, "Restore")
			tapRowButton(t, s, 0, "Restore")
			require.Empty(t, trashed(t, st))
		}, meeting: tokyo, actor: morgulov},
		{name: "a delete undone", change: func(t *testing.T, u *ui, st *storage.Store) {
			deleteMorgulov(t, u)
			visitLists(u)
			require.NotContains(t, actorNames(u), morgulov)
			u.win.Canvas().Unfocus()
			pressCtrlZ(t, u)
			require.Empty(t, trashed(t, st))
		}, actor: morgulov},
		{name: "an import", change: func(t *testing.T, u *ui, _ *storage.Store) {
			u.importFile(bundleWithNewcomers(t))
			assert.Contains(t, texts(overlay(t, u)), "Meetings: 1 new")
		}, meeting: "Round in Sochi", actor: "Yuri Ushakov"},
		{name: "a write by another program", change: func(t *testing.T, _ *ui, st *storage.Store) {
			db, err := sql.Open("sqlite3", st.Path())
			require.NoError(t, err)
			defer db.Close()
			_, err = db.ExecContext(ctx, `UPDATE meetings SET title = 'Renamed elsewhere' WHERE id = ?`, sample.TokyoRoundID)
			require.NoError(t, err)
		}, meeting: "Renamed elsewhere", goneMeeting: tokyo},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t, afterSample)
			visitLists(u)
			require.Contains(t, talksTitles(u), tokyo)
			require.Contains(t, actorNames(u), morgulov)

			tc.change(t, u, st)
			u.goScreen(screenTalks)
			if tc.meeting != "" {
				assert.Contains(t, talksTitles(u), tc.meeting)
			}
			if tc.goneMeeting != "" {
				assert.NotContains(t, talksTitles(u), tc.goneMeeting)
			}
			u.goScreen(screenActors)
			if tc.actor != "" {
				assert.Contains(t, actorNames(u), tc.actor)
			}
			if tc.goneActor != "" {
				assert.NotContains(t, actorNames(u), tc.goneActor)
			}
		})
	}
}

// deleteMorgulov deletes Igor Morgulov from his page, as a user does.
func deleteMorgulov(t *testing.T, u *ui) {
	t.Helper()
	u.push(newActorPage(u, sample.MorgulovID))
	p := u.top().(*actorPage)
	test.Tap(p.deleteBtn)
	tapButton(t, overlay(t, u), "Delete")
	assert.Contains(t, u.status.Text, "to the Trash")
}

// bundleWithNewcomers writes a bundle of the sample with one meeting ("Round in Sochi") and
// one actor ("Yuri Ushakov") more, and returns its path.
func bundleWithNewcomers(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	other := sampletest.Store(t)
	require.NoError(t, other.CreateMeeting(ctx, &storage.Meeting{Title: "Round in Sochi", Status: storage.StatusProposed}))
	require.NoError(t, other.CreateActor(ctx, &storage.Actor{Kind: storage.ActorPerson, Name: "Yuri Ushakov"}))
	path := filepath.Join(t.TempDir(), "newcomers.json")
	_, err := tasks.Export(ctx, other, path, afterSample)
	require.NoError(t, err)
	return path
}
