//go:build sqlite_fts5

package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage/mounttest"
)

// copyFiles copies the named files (when there) from one folder to another.
func copyFiles(t *testing.T, from, to string, names ...string) {
	t.Helper()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(from, n))
		if os.IsNotExist(err) {
			continue
		}
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(to, n), b, 0o600))
	}
}

// TestReadOnlyMount opens dossiers on a real read-only file system (a read-only bind mount;
// CI runs as root, where permissions stop nothing): the writing open is refused with
// ErrReadOnly, the reading open reads, searches and backs up, and refuses every write. A
// dossier whose last session left changes in its -wal without a -shm cannot be read there
// without losing them, and says so.
func TestReadOnlyMount(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	src := filepath.Dir(s.Path())

	cases := []struct {
		name    string
		files   []string // copied from the open dossier's folder
		closed  bool     // copied after the store closed (a clean shutdown: no -wal)
		refused error    // OpenReader's error, nil when it reads
	}{
		{name: "closed cleanly", files: []string{"parley.db"}, closed: true},
		{name: "left open, with its -wal and -shm", files: []string{"parley.db", "parley.db-wal", "parley.db-shm"}},
		{name: "left open, with its -wal only", files: []string{"parley.db", "parley.db-wal"}, refused: ErrPendingLog},
	}
	dirs := make([]string, len(cases))
	for i, c := range cases {
		dirs[i] = t.TempDir()
		if !c.closed {
			copyFiles(t, src, dirs[i], c.files...)
		}
	}
	// A write the -wal holds and the main file does not yet.
	w.moscow.Purpose = "Changed after the last checkpoint"
	require.NoError(t, s.UpdateMeeting(ctx, &w.moscow))
	for i, c := range cases {
		if !c.closed {
			copyFiles(t, src, dirs[i], c.files...)
		}
	}
	require.NoError(t, s.Close())
	for i, c := range cases {
		if c.closed {
			copyFiles(t, src, dirs[i], c.files...)
		}
	}

	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ro := mounttest.ReadOnly(t, dirs[i])
			path := filepath.Join(ro, "parley.db")

			_, err := Open(ctx, path)
			assert.ErrorIs(t, err, ErrReadOnly, "the writing open")

			r, err := OpenReader(ctx, path)
			if c.refused != nil {
				assert.ErrorIs(t, err, c.refused)
				return
			}
			require.NoError(t, err)
			defer r.Close()
			assert.True(t, r.ReadOnly())

			m, err := r.Meeting(ctx, w.moscow.ID)
			require.NoError(t, err)
			assert.Equal(t, "Changed after the last checkpoint", m.Purpose, "the -wal's commit is read")
			list, err := r.Meetings(ctx, MeetingFilter{})
			require.NoError(t, err)
			assert.Len(t, list, 4)
			hits, err := r.Search(ctx, "Моргулов", 10)
			require.NoError(t, err)
			assert.NotEmpty(t, hits)
			assert.NoError(t, r.CheckIntegrity(ctx))

			m.Title = "An edit that cannot be kept"
			assert.ErrorIs(t, r.UpdateMeeting(ctx, &m), ErrReadOnly)
			assert.ErrorIs(t, r.SetSetting(ctx, "marking", "X"), ErrReadOnly)

			backup := filepath.Join(t.TempDir(), "copy.db")
			require.NoError(t, BackupFile(ctx, path, backup))
			require.NoError(t, r.Backup(ctx, filepath.Join(t.TempDir(), "copy2.db")))
			b, err := Open(ctx, backup)
			require.NoError(t, err)
			defer b.Close()
			got, err := b.Meeting(ctx, w.moscow.ID)
			require.NoError(t, err)
			assert.Equal(t, "Changed after the last checkpoint", got.Purpose)

			entries, err := os.ReadDir(dirs[i])
			require.NoError(t, err)
			assert.Len(t, entries, len(c.files), "nothing was created beside the dossier")
		})
	}
}

// TestUnwritableFolder: a dossier in a folder the user may not write (SQLite cannot create
// its -wal and -shm there) is refused for writing with ErrReadOnly before anything is
// changed, and read with OpenReader. Root writes whatever the permissions say, so the case
// needs another user; TestReadOnlyMount covers root.
func TestUnwritableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write in any folder, so permissions cannot make one read-only; TestReadOnlyMount covers root with a real read-only mount")
	}
	ctx := context.Background()
	s, w := newWorld(t)
	path := s.Path()
	require.NoError(t, s.Close())
	dir := filepath.Dir(path)
	require.NoError(t, os.Chmod(dir, 0o500))
	t.Cleanup(func() { os.Chmod(dir, 0o700) })

	_, err := Open(ctx, path)
	assert.ErrorIs(t, err, ErrReadOnly)
	r, err := OpenReader(ctx, path)
	require.NoError(t, err)
	defer r.Close()
	m := holdsMeeting(t, r, w.moscow)
	assert.ErrorIs(t, r.UpdateMeeting(ctx, &m), ErrReadOnly)
}

// A save into a file moved or deleted meanwhile is said at once (ErrFileGone), not found
// missing at quit; the open store can still copy everything out.
func TestSaveIntoAFileThatHasGone(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		gone func(t *testing.T, path string)
	}{
		{"moved", func(t *testing.T, path string) { require.NoError(t, os.Rename(path, path+".moved")) }},
		{"deleted", func(t *testing.T, path string) { require.NoError(t, os.Remove(path)) }},
		{"replaced", func(t *testing.T, path string) {
			require.NoError(t, os.Rename(path, path+".old"))
			require.NoError(t, os.WriteFile(path, []byte("someone else's file"), 0o600))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "parley.db")
			s, err := Open(ctx, path)
			require.NoError(t, err)
			defer s.Close()
			before := Meeting{Title: "Round 1", Status: StatusHeld}
			require.NoError(t, s.CreateMeeting(ctx, &before), "the file is where it was")

			tc.gone(t, path)
			after := Meeting{Title: "Round 2", Status: StatusProposed}
			err = s.CreateMeeting(ctx, &after)
			require.ErrorIs(t, err, ErrFileGone)

			copyPath := filepath.Join(dir, "rescued.db")
			require.NoError(t, s.Backup(ctx, copyPath), "the open store still copies out")
			rescued, err := Open(ctx, copyPath)
			require.NoError(t, err)
			defer rescued.Close()
			list, err := rescued.Meetings(ctx, MeetingFilter{})
			require.NoError(t, err)
			assert.Len(t, list, 2, "the copy holds the save made after the file went")
		})
	}
}

// A database that cannot grow fails a write with ErrDiskFull, and the write leaves nothing
// behind. SQLite's max_page_count gives the same SQLITE_FULL as a full disk.
func TestDiskFullIsErrDiskFull(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	s.db.SetMaxOpenConns(1) // the pragma below holds for one connection
	var pages int
	require.NoError(t, s.db.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages))
	_, err := s.db.ExecContext(ctx, fmt.Sprintf(`PRAGMA max_page_count = %d`, pages))
	require.NoError(t, err)

	m := Meeting{Title: "Round 3", Status: StatusProposed, Purpose: strings.Repeat("A long purpose. ", 20000)}
	err = s.CreateMeeting(ctx, &m)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrDiskFull)
	list, err := s.Meetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	assert.Empty(t, list, "the failed write rolled back whole")
}

func TestClassifyFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		err      error
		diskFull bool
	}{
		{"no space left", &fs.PathError{Op: "write", Path: "/media/usb/brief.pdf", Err: syscall.ENOSPC}, true},
		{"wrapped", fmt.Errorf("write pack: %w", &fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}), true},
		{"permission", &fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, false},
		{"words are not enough", errors.New("database or disk is full"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Classify(tc.err)
			assert.Equal(t, tc.diskFull, errors.Is(got, ErrDiskFull))
			assert.ErrorIs(t, got, tc.err, "the original error stays in the chain")
		})
	}
	assert.NoError(t, Classify(nil))
}
