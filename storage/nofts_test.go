//go:build !sqlite_fts5 && !libsqlite3

package storage

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Built without -tags sqlite_fts5, Parley must say so at Open, before it touches any file,
// instead of failing at the first search.
func TestOpenWithoutFTS5(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	_, err := Open(context.Background(), path)
	require.ErrorIs(t, err, ErrNoFTS)
	assert.Contains(t, err.Error(), "-tags sqlite_fts5")
	_, err = os.Stat(path)
	assert.ErrorIs(t, err, fs.ErrNotExist, "no file is made")
}
