package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/storage/mounttest"
)

// TestReadOnlyDossier opens the sample dossier from a real read-only mount (CI runs as root,
// where permissions stop nothing): the window opens it read-only and says so over the body,
// shows its meetings, and a save is refused with a sentence that offers a copy — the edit stays
// on the page, marked unsaved, never lost without a word.
func TestReadOnlyDossier(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := storage.Open(ctx, filepath.Join(dir, "parley.db"))
	require.NoError(t, err)
	require.NoError(t, sample.Load(ctx, st))
	require.NoError(t, st.Close())
	path := filepath.Join(mounttest.ReadOnly(t, dir), "parley.db")

	o, err := openStore(ctx, path, true)
	require.NoError(t, err)
	require.True(t, o.store.ReadOnly())
	assert.False(t, o.sampleAdded)

	a := test.NewTempApp(t)
	u := newUI(a, Options{Version: "test"})
	u.now = func() time.Time { return afterSample }
	u.spawn = func(f func()) { f() }
	u.typingPause = 0
	u.useStore(o.store)
	t.Cleanup(u.closeStore)
	require.True(t, u.readOnly.Visible(), "the read-only banner is shown")
	assert.Contains(t, u.readOnlyMsg.Text, "Read-only: “parley.db”")
	assert.Contains(t, u.readOnlyMsg.Text, "changes cannot be saved")

	p := newMeetingPage(u, sample.VladivostokID)
	u.push(p)
	require.True(t, p.loaded, "the meeting is read")
	before := p.titleE.Text
	p.titleE.SetText(before + " (edited)")
	require.True(t, p.dirty())
	p.save(func() { t.Error("the save reported success") })
	assert.Contains(t, texts(overlay(t, u)), "This dossier is open read-only")
	assert.Contains(t, texts(overlay(t, u)), "Your changes are still on the page")
	assert.True(t, p.dirty(), "the edit is kept, marked unsaved")
	assert.Equal(t, before+" (edited)", p.titleE.Text)

	m, err := o.store.Meeting(ctx, sample.VladivostokID)
	require.NoError(t, err)
	assert.Equal(t, before, m.Title, "nothing was written")
}
