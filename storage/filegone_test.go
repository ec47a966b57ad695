//go:build sqlite_fts5

package storage

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
