//go:build sqlite_fts5

package storage

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every name of the same file meets the same lock: two writers through a hard link lost a
// finished import when the lock was a ".lock" file named after the path.
func TestLockFollowsTheFileNotItsName(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		other func(t *testing.T, path string) string // another name for path
	}{
		{"hard link", func(t *testing.T, path string) string {
			link := filepath.Join(tempDir(t), "link.db")
			require.NoError(t, os.Link(path, link))
			return link
		}},
		{"symbolic link", func(t *testing.T, path string) string {
			if runtime.GOOS == "windows" {
				t.Skip("symbolic links need privileges on Windows (hard links do not)")
			}
			link := filepath.Join(tempDir(t), "symlink.db")
			require.NoError(t, os.Symlink(path, link))
			return link
		}},
		{"path through ..", func(t *testing.T, path string) string {
			return filepath.Join(filepath.Dir(path), "..", filepath.Base(filepath.Dir(path)), filepath.Base(path))
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(tempDir(t), "parley.db")
			writeDatabase(t, path)
			other := c.other(t, path)
			for _, order := range [][2]string{{path, other}, {other, path}} {
				s, err := Open(ctx, order[0])
				require.NoError(t, err)
				_, err = Open(ctx, order[1])
				assert.ErrorIs(t, err, ErrLocked, "%s while %s is open", order[1], order[0])
				require.NoError(t, s.Close())
			}
			s, err := Open(ctx, other)
			require.NoError(t, err, "the lock goes with Close")
			require.NoError(t, s.Close())
			assert.NoFileExists(t, path+".lock", "no lock file to delete")
		})
	}
}
