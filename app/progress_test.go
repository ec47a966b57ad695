package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

func TestProgressSaysRecordsDoneOfAll(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	p := u.startProgress("Importing d.json", func() {})
	assert.Equal(t, "Counting the records…", p.bar.TextFormatter())
	p.set(41_000, 425_000)
	assert.Equal(t, "41,000 of 425,000 records", p.bar.TextFormatter())
	assert.InDelta(t, 41_000.0/425_000, p.bar.Value/p.bar.Max, 1e-9)
	assert.Contains(t, texts(u.tasks), "Importing d.json")
	p.finish()
	assert.Empty(t, u.tasks.Objects)
}

// taskBar is the progress bar of the one task under way in the status bar.
func taskBar(t *testing.T, u *ui) *widget.ProgressBar {
	t.Helper()
	require.Len(t, u.tasks.Objects, 1, "one task in the status bar")
	bars := find[*widget.ProgressBar](u.tasks)
	require.Len(t, bars, 1)
	return bars[0]
}

// A bundle's export and import show their progress in the status bar, not in a dialog that
// would hold the window, and say what they did when done.
func TestBundleExchangeShowsProgressInTheWindow(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	path := filepath.Join(t.TempDir(), "dossier.json")
	release := heldWork(u)
	u.exportTo(path)
	bar := taskBar(t, u)
	assert.Nil(t, u.win.Canvas().Overlays().Top(), "no dialog: the window stays usable")
	assert.Contains(t, texts(u.tasks), "Exporting to dossier.json")
	u.goScreen(screenActors) // the window answers meanwhile
	release()
	assert.Equal(t, bar.Max, bar.Value, "the bar went to the end")
	assert.Regexp(t, `^(\d+) of \d+ records$`, bar.TextFormatter())
	assert.Empty(t, u.tasks.Objects, "done: out of the status bar")
	assert.Contains(t, texts(overlay(t, u)), "6 meetings, 6 actors")
	tapButton(t, overlay(t, u), "OK")

	empty, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "empty.db"))
	require.NoError(t, err)
	u.useStore(empty)
	release = heldWork(u)
	u.importFile(path)
	bar = taskBar(t, u)
	assert.Nil(t, u.win.Canvas().Overlays().Top(), "no dialog: the window stays usable")
	assert.Contains(t, texts(u.tasks), "Importing dossier.json")
	release()
	assert.Equal(t, bar.Max, bar.Value)
	assert.Empty(t, u.tasks.Objects)
	assert.Contains(t, texts(overlay(t, u)), "Meetings: 6 new")
}

// Stop ends a bundle's import with nothing imported, and an export with no file written.
func TestStoppedBundleExchangeChangesNothing(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	dir := t.TempDir()
	path := filepath.Join(dir, "dossier.json")
	u.exportTo(path)
	tapButton(t, overlay(t, u), "OK")

	release := heldWork(u)
	stopped := filepath.Join(dir, "stopped.json")
	u.exportTo(stopped)
	test.Tap(find[*widget.Button](u.tasks)[0])
	release()
	assert.Empty(t, u.tasks.Objects)
	assert.Contains(t, u.status.Text, "Stopped exporting")
	assert.NoFileExists(t, stopped)

	empty, err := storage.Open(context.Background(), filepath.Join(dir, "empty.db"))
	require.NoError(t, err)
	u.useStore(empty)
	release = heldWork(u)
	u.importFile(path)
	test.Tap(find[*widget.Button](u.tasks)[0])
	release()
	assert.Contains(t, u.status.Text, "Stopped importing dossier.json: nothing of it was imported")
	ms, err := empty.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	assert.Empty(t, ms)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.NotContains(t, e.Name(), ".tmp", "no temporary file left")
	}
}
