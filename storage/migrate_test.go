//go:build sqlite_fts5

package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A 0.1.0 database (schema version 1) is copied beside itself, as it was, before it is brought
// up to date; its records survive the upgrade.
func TestUpgradeKeepsACopyOfTheOldFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "dossier.db")
	rawExec(t, path, migrations[0].sql, `PRAGMA user_version = 1`,
		`INSERT INTO tracks (id, title, created, updated) VALUES ('t1', 'Old track', '2016-06-20T00:00:00Z', '2016-06-20T00:00:00Z')`)

	s, err := Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	copyPath := filepath.Join(dir, "dossier.before-upgrade-from-v1.db")
	assert.Equal(t, copyPath, s.UpgradeCopy())
	tr, err := s.Track(ctx, "t1")
	require.NoError(t, err)
	assert.Equal(t, "Old track", tr.Title, "the record survived the upgrade")

	old, err := sql.Open("sqlite3", copyPath)
	require.NoError(t, err)
	defer old.Close()
	var version int
	require.NoError(t, old.QueryRow(`PRAGMA user_version`).Scan(&version))
	assert.Equal(t, 1, version, "the copy is the file as it was")
	info, err := os.Stat(copyPath)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	// A database already up to date is not copied.
	require.NoError(t, s.Close())
	again, err := Open(ctx, path)
	require.NoError(t, err)
	defer again.Close()
	assert.Empty(t, again.UpgradeCopy())
	_, err = os.Stat(filepath.Join(dir, fmt.Sprintf("dossier.before-upgrade-from-v%d.db", len(migrations))))
	assert.True(t, os.IsNotExist(err))
}
