//go:build sqlite_fts5

package storage

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func countMeetings(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(context.Background(), path)
	require.NoError(t, err)
	defer s.Close()
	list, err := s.Meetings(context.Background(), MeetingFilter{})
	require.NoError(t, err)
	return len(list)
}

// A backup brought back replaces the dossier, whose state before is kept beside it.
func TestRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "dossier.db")
	writeDatabase(t, path) // four meetings
	backup := filepath.Join(dir, "backup.db")
	require.NoError(t, BackupFile(ctx, path, backup))

	s, err := Open(ctx, path)
	require.NoError(t, err)
	m := Meeting{Title: "A meeting added after the backup", Status: StatusProposed}
	require.NoError(t, s.CreateMeeting(ctx, &m))

	_, err = Restore(ctx, path, backup, time.Now())
	require.ErrorIs(t, err, ErrLocked, "not while a window holds the dossier")
	require.NoError(t, s.Close())

	kept, err := Restore(ctx, path, backup, time.Date(2016, 6, 21, 9, 30, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "dossier.before-restore-20160621-093000.db"), kept)
	assert.Equal(t, 4, countMeetings(t, path), "the dossier is the backup again")
	assert.Equal(t, 5, countMeetings(t, kept), "and what it was is kept")

	other := filepath.Join(dir, "notes.db")
	require.NoError(t, os.WriteFile(other, []byte("not a database at all, just some notes"), 0o600))
	before := fileSum(t, path)
	_, err = Restore(ctx, path, other, time.Now())
	require.ErrorIs(t, err, ErrNotParley)
	assert.Equal(t, before, fileSum(t, path), "a refused copy changes nothing")
}
