//go:build sqlite_fts5

package storage

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A reader gets in while a writer (the window) holds the database, sees what it saved, and
// cannot write.
func TestOpenReaderBesideAWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parley.db")
	writer, err := Open(ctx, path)
	require.NoError(t, err)
	defer writer.Close()
	w := buildWorld(t, writer)

	_, err = Open(ctx, path)
	require.ErrorIs(t, err, ErrLocked, "a second writer is still kept out")

	r, err := OpenReader(ctx, path)
	require.NoError(t, err)
	defer r.Close()
	list, err := r.Meetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	assert.Len(t, list, 4)
	b, err := r.Briefing(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, "Tokyo round", b.Meeting.Title)

	// What the writer saves next, the reader sees.
	m := Meeting{Title: "Round 3", Status: StatusProposed}
	require.NoError(t, writer.CreateMeeting(ctx, &m))
	list, err = r.Meetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	assert.Len(t, list, 5)

	err = r.CreateMeeting(ctx, &Meeting{Title: "Round 4", Status: StatusProposed})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrReadOnly)
}

func TestOpenReaderRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	rawExec(t, other, `CREATE TABLE notes (x)`)
	older := filepath.Join(dir, "older.db")
	writeDatabase(t, older)
	rawExec(t, older, `PRAGMA user_version = 1`)
	for _, tc := range []struct {
		name, path string
		want       error
	}{
		{"no such file", filepath.Join(dir, "missing.db"), nil},
		{"another program's database", other, ErrNotParley},
		{"an older schema", older, ErrNeedsUpgrade},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := ""
			if tc.want != nil {
				before = fileSum(t, tc.path)
			}
			_, err := OpenReader(ctx, tc.path)
			require.Error(t, err)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
				assert.Equal(t, before, fileSum(t, tc.path), "left as it was")
			}
		})
	}
}
