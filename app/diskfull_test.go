package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/storage/mounttest"
	"github.com/parley-app/parley/tasks"
)

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

	a := test.NewTempApp(t)
	u := newUI(a, Options{Version: "test"})
	u.now = func() time.Time { return afterSample }
	u.spawn = func(f func()) { f() }
	u.typingPause = 0
	u.useStore(st)
	t.Cleanup(u.closeStore)
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
