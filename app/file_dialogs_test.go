package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

const previous = "the user's previous file"

// chooseExisting puts a file at dir/name and returns the writer Fyne's save dialog hands
// over when the user picks it and confirms "Overwrite?" — storage.Writer of its URI.
func chooseExisting(t *testing.T, dir, name string) (path string, w fyne.URIWriteCloser) {
	t.Helper()
	path = filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(previous), 0o600))
	writer, err := fynestorage.Writer(fynestorage.NewFileURI(path))
	require.NoError(t, err)
	return path, writer
}

func assertPrevious(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, previous, string(b), "the file the user had is intact")
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	for _, e := range entries {
		assert.NotContains(t, e.Name(), ".tmp", "no temporary file is left behind")
	}
}

// A pack, export or backup from the window that fails leaves the user's previous file of
// that name as it was: the dialog's writer does not empty it, and Parley writes atomically.
func TestFailedWritesFromTheWindowKeepTheOldFile(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	dir := t.TempDir()

	// The dialog's writer, closed unused, leaves the file alone.
	path, w := chooseExisting(t, dir, "brief.pdf")
	require.NoError(t, w.Close())
	assertPrevious(t, path)

	// A pack for a meeting deleted meanwhile fails and keeps the old file.
	m, err := st.Meeting(context.Background(), sample.VladivostokID)
	require.NoError(t, err)
	require.NoError(t, st.DeleteMeeting(context.Background(), m.ID))
	path, w = chooseExisting(t, dir, "Vladivostok.pdf")
	u.writePack(m, chosenPath(w), tasks.PackOptions{})
	assert.Contains(t, texts(overlay(t, u)), "Could not write the briefing pack")
	assertPrevious(t, path)

	// An export and a backup stopped by quitting keep theirs too.
	u.cancel()
	path, _ = chooseExisting(t, dir, "dossier.json")
	u.exportTo(path)
	assert.Contains(t, texts(overlay(t, u)), "Could not export the dossier")
	assertPrevious(t, path)
}

// Quitting cancels the slow work still running, and the window waits for it to wind up.
func TestQuitStopsRunningWork(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.spawn = func(f func()) { go f() }
	started, stopped := make(chan struct{}), make(chan error, 1)
	run(u, "Exporting…", func(ctx context.Context) (struct{}, error) {
		close(started)
		select {
		case <-ctx.Done():
			stopped <- ctx.Err()
		case <-time.After(10 * time.Second):
			stopped <- nil
		}
		return struct{}{}, ctx.Err()
	}, func(struct{}, error) {})
	<-started
	u.quit()
	began := time.Now()
	u.stopWork(5 * time.Second)
	assert.ErrorIs(t, <-stopped, context.Canceled, "the running work saw the quit")
	assert.Less(t, time.Since(began), 5*time.Second, "stopWork returned once the work had stopped")
}

// When the dossier's file is moved or deleted while open, the next save says so and offers a
// copy, which the open store still writes whole.
func TestDossierFileGone(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	require.NoError(t, os.Rename(st.Path(), st.Path()+".moved"))
	p := newMeetingPage(u, sample.VladivostokID)
	u.push(p)
	p.titleE.SetText("Abe–Putin meeting, Vladivostok")
	p.save(func() {})
	msg := texts(overlay(t, u))
	assert.Contains(t, msg, "moved, renamed or deleted while Parley had it open")
	assert.Contains(t, msg, "Save a copy…")

	rescued := filepath.Join(t.TempDir(), "rescued.db")
	u.backupTo(rescued)
	copyStore, err := storage.Open(context.Background(), rescued)
	require.NoError(t, err)
	defer copyStore.Close()
	m, err := copyStore.Meeting(context.Background(), sample.VladivostokID)
	require.NoError(t, err)
	assert.Equal(t, "Abe–Putin meeting, Vladivostok", m.Title, "the copy holds the save made after the file went")
}

// File → Restore from a copy puts a backup back and opens it; the dossier as it was is kept.
func TestRestoreFromACopy(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	path := st.Path()
	backup := filepath.Join(t.TempDir(), "backup.db")
	u.backupTo(backup)
	m := storage.Meeting{Title: "Added after the backup", Status: storage.StatusProposed}
	require.NoError(t, st.CreateMeeting(context.Background(), &m))

	u.restoreFrom(backup)
	assert.Contains(t, texts(overlay(t, u)), "is now the copy backup.db")
	require.NotNil(t, u.store, "the dossier is open again")
	assert.Equal(t, path, u.store.Path())
	list, err := u.store.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	assert.Len(t, list, 6, "the backup's meetings, without the one added after it")
	matches, err := filepath.Glob(filepath.Join(filepath.Dir(path), "*.before-restore-*.db"))
	require.NoError(t, err)
	assert.Len(t, matches, 1, "the dossier as it was is kept beside it")
}

// Slow work off the Fyne goroutine says in the status line how far it has got, each whole
// percent once.
func TestStatusProgress(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	progress := u.statusProgress("Backing up to copy.db…")
	for _, tc := range []struct {
		done, total int
		want        string
	}{
		{0, 4096, "Backing up to copy.db… 0 %"},
		{1 << 20, 4 << 20, "Backing up to copy.db… 25 %"},
		{4 << 20, 4 << 20, "Backing up to copy.db… 100 %"},
	} {
		progress(tc.done, tc.total)
		assert.Equal(t, tc.want, u.status.Text)
	}
}

// After a calendar import the window offers what the command line's --add-attendees does:
// the attendees no actor matches, made actors and participants.
func TestCalendarImportOffersToAddAttendees(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	path := filepath.Join(t.TempDir(), "invite.ics")
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:invite-1@example.org\r\n" +
		"DTSTAMP:20160601T090000Z\r\nDTSTART:20160622T010000Z\r\nDTEND:20160622T040000Z\r\nSUMMARY:Working lunch\r\n" +
		"ORGANIZER;CN=Jane Doe:mailto:jane@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	require.NoError(t, os.WriteFile(path, []byte(ics), 0o600))
	before, err := st.Actors(context.Background())
	require.NoError(t, err)

	u.importFile(path)
	dlg := overlay(t, u)
	assert.Contains(t, texts(dlg), "Not matched to an actor")
	tapButton(t, dlg, "Add the attendee as an actor")

	assert.Contains(t, texts(overlay(t, u)), "Added 1 attendee as an actor (Jane Doe); 1 meeting now lists them as participants.")
	after, err := st.Actors(context.Background())
	require.NoError(t, err)
	assert.Len(t, after, len(before)+1)
}

// A meeting edited in Parley since its import keeps Parley's version, and the window offers
// the organiser's, as --take-theirs does.
func TestCalendarImportOffersTheOrganisersVersion(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	// The calendar import stamps with the real clock; the edit must come after it.
	tick := time.Now().Add(time.Hour)
	st.SetClock(func() time.Time { tick = tick.Add(time.Second); return tick })
	dir := t.TempDir()
	event := func(seq, title string) string {
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:round3@example.org\r\n" +
			"DTSTAMP:20160601T090000Z\r\nLAST-MODIFIED:2016060" + seq + "T090000Z\r\nSEQUENCE:" + seq + "\r\n" +
			"DTSTART:20161115T080000Z\r\nDTEND:20161115T110000Z\r\nSUMMARY:" + title + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	}
	first, second := filepath.Join(dir, "v1.ics"), filepath.Join(dir, "v2.ics")
	require.NoError(t, os.WriteFile(first, []byte(event("1", "Round 3")), 0o600))
	require.NoError(t, os.WriteFile(second, []byte(event("2", "Round 3, Moscow")), 0o600))
	u.importFile(first)
	tapButton(t, overlay(t, u), "OK")
	m, err := st.MeetingByICalUID(ctx, "round3@example.org")
	require.NoError(t, err)
	m.Title = "Round 3 (edited in Parley)"
	require.NoError(t, st.UpdateMeeting(ctx, &m))

	u.importFile(second)
	tapButton(t, overlay(t, u), "Take the organiser's version")
	got, err := st.Meeting(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, "Round 3, Moscow", got.Title)
}
