//go:build sqlite_fts5

package storage

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	w := buildWorld(t, s)

	// A writer keeps going while the backup runs.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var writes int
	var writeErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			tr := Track{Title: fmt.Sprintf("Track %d", writes)}
			if err := s.CreateTrack(ctx, &tr); err != nil {
				writeErr = err
				return
			}
			writes++
		}
	}()

	dest := filepath.Join(t.TempDir(), "copy.db")
	err := s.Backup(ctx, dest)
	close(stop)
	wg.Wait()
	require.NoError(t, err)
	require.NoError(t, writeErr)

	if runtime.GOOS != "windows" {
		info, err := os.Stat(dest)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	}

	c, err := Open(ctx, dest)
	require.NoError(t, err, "the copy is a Parley database")
	defer c.Close()
	assert.False(t, c.Created())
	m, err := c.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, w.tokyo.Title, m.Title)
	hits, err := c.Search(ctx, "北方領土", 5)
	require.NoError(t, err)
	assert.NotEmpty(t, hits)
}

func TestBackupRefusesExistingFile(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	dest := filepath.Join(t.TempDir(), "precious.txt")
	require.NoError(t, os.WriteFile(dest, []byte("do not overwrite"), 0o600))
	err := s.Backup(ctx, dest)
	require.ErrorIs(t, err, fs.ErrExist)
	b, err := os.ReadFile(dest)
	require.NoError(t, err)
	assert.Equal(t, "do not overwrite", string(b))

	err = s.Backup(ctx, s.Path())
	require.ErrorIs(t, err, fs.ErrExist, "nor the database itself")
}

func TestBackupIntoMissingFolder(t *testing.T) {
	s, _ := newStore(t)
	dest := filepath.Join(t.TempDir(), "no", "such", "folder", "copy.db")
	require.Error(t, s.Backup(context.Background(), dest))
	_, err := os.Stat(dest)
	assert.ErrorIs(t, err, fs.ErrNotExist, "nothing half-written is left")
}

// BackupFile copies a database another Store holds open (a Parley window) without its lock.
func TestBackupFileWhileOpenElsewhere(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	w := buildWorld(t, s)
	_, err := Open(ctx, s.Path())
	require.ErrorIs(t, err, ErrLocked, "a second Store is refused…")

	dest := filepath.Join(t.TempDir(), "copy.db")
	require.NoError(t, BackupFile(ctx, s.Path(), dest), "…but a backup is not")
	c, err := Open(ctx, dest)
	require.NoError(t, err)
	defer c.Close()
	m, err := c.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, w.tokyo.Title, m.Title)
}

func TestBackupFileRefusesWhatIsNotParley(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(src, []byte("not a database at all, just notes"), 0o600))
	before := fileSum(t, src)
	dest := filepath.Join(dir, "copy.db")
	require.ErrorIs(t, BackupFile(context.Background(), src, dest), ErrNotParley)
	assert.Equal(t, before, fileSum(t, src))
	_, err := os.Stat(dest)
	assert.ErrorIs(t, err, fs.ErrNotExist)
}
