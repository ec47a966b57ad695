package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/storage/mounttest"
	"github.com/parley-app/parley/tasks"
)

// TestReadOnlyDossier opens the sample dossier from a real read-only mount (CI runs as root,
// where permissions stop nothing): the window opens it read-only and says so over the body,
// shows its meetings, and a save is refused with a sentence that offers a copy — the edit stays
// on the page, marked unsaved, never lost without a word.
func TestReadOnlyDossier(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Store(t)
	require.NoError(t, st.Close())
	path := filepath.Join(mounttest.ReadOnly(t, filepath.Dir(st.Path())), filepath.Base(st.Path()))

	o, err := openStore(ctx, path, true)
	require.NoError(t, err)
	require.True(t, o.store.ReadOnly())
	assert.False(t, o.sampleAdded)

	u := newTestWindow(t, o.store, afterSample)
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

// TestFullDisk: on a real full disk (a small tmpfs; mounting needs root, as CI is) a save
// keeps the edit on the page and says the disk is full; a backup, an export and a pack to it
// say so too, in words a user can act on.
func TestFullDisk(t *testing.T) {
	ctx := context.Background()
	disk := mounttest.Disk(t, 2<<20)
	path := filepath.Join(disk, "parley.db")
	st, err := storage.Open(ctx, path)
	require.NoError(t, err)
	require.NoError(t, sample.Load(ctx, st))

	u := newTestWindow(t, st, afterSample)
	mounttest.Fill(t, disk)

	t.Run("save", func(t *testing.T) {
		p := newMeetingPage(u, sample.VladivostokID)
		u.push(p)
		p.titleE.SetText(p.titleE.Text + " (revised)")
		p.save(func() { t.Error("the save reported success") })
		assert.Contains(t, texts(overlay(t, u)), "The disk is full, so nothing was saved. Free some space and try again.")
		assert.True(t, p.dirty(), "the edit stays on the page")
	})
	for _, c := range []struct {
		name  string
		write func(path string)
		file  string
	}{
		{"backup", u.backupTo, "copy.db"},
		{"export", u.exportTo, "dossier.json"},
		{"pack", func(path string) {
			m, err := st.Meeting(ctx, sample.VladivostokID)
			require.NoError(t, err)
			u.writePack(m, path, tasks.PackOptions{})
		}, "brief.pdf"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(disk, c.file)
			c.write(out)
			assert.Contains(t, texts(overlay(t, u)), "the disk is full")
			_, err := os.Stat(out)
			assert.True(t, os.IsNotExist(err), "no half-written file")
		})
	}
}
