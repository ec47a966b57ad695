//go:build sqlite_fts5

package storage

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The stamp changes with every commit to the file, whoever makes it, and only then: a read,
// or a write that fails and rolls back, leaves it as it was.
func TestGenerationChangesWithEveryCommit(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		change  func(t *testing.T, s *Store)
		changed bool
	}{
		{"nothing", func(*testing.T, *Store) {}, false},
		{"a read", func(t *testing.T, s *Store) {
			_, err := s.ActorKeys(ctx)
			require.NoError(t, err)
			_, err = s.Setting(ctx, "k")
			require.NoError(t, err)
		}, false},
		{"a write that fails", func(t *testing.T, s *Store) {
			require.Error(t, s.SetSetting(ctx, " ", "v"))
		}, false},
		{"the store's own write", func(t *testing.T, s *Store) {
			require.NoError(t, s.SetSetting(ctx, "k", "own"))
		}, true},
		{"a write through a second store on the file", func(t *testing.T, s *Store) {
			// open, not Open: the lock keeps a second Parley out, not a second connection.
			other, err := open(ctx, s.Path(), false)
			require.NoError(t, err)
			defer other.Close()
			require.NoError(t, other.SetSetting(ctx, "k", "other"))
		}, true},
		{"a write by another program", func(t *testing.T, s *Store) {
			db, err := sql.Open("sqlite3", s.Path())
			require.NoError(t, err)
			defer db.Close()
			_, err = db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('shell', 'x')`)
			require.NoError(t, err)
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := newStore(t)
			require.NoError(t, s.SetSetting(ctx, "k", "first"))
			before, err := s.Generation(ctx)
			require.NoError(t, err)
			tc.change(t, s)
			after, err := s.Generation(ctx)
			require.NoError(t, err)
			if tc.changed {
				assert.NotEqual(t, before, after)
			} else {
				assert.Equal(t, before, after)
			}
			// And it holds still until the next commit.
			again, err := s.Generation(ctx)
			require.NoError(t, err)
			assert.Equal(t, after, again)
		})
	}
}

// The other store's write changes the stamp through PRAGMA data_version alone: this store's
// own counter has not moved.
func TestGenerationSeesAnotherStoreByDataVersion(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	before, err := s.Generation(ctx)
	require.NoError(t, err)
	other, err := open(ctx, s.Path(), false)
	require.NoError(t, err)
	defer other.Close()
	require.NoError(t, other.SetSetting(ctx, "k", "other"))
	after, err := s.Generation(ctx)
	require.NoError(t, err)
	assert.Equal(t, before.writes, after.writes)
	assert.NotEqual(t, before.version, after.version)
}

// A closed store gives its kept connection back, and Generation then says it cannot read.
func TestGenerationAfterClose(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	_, err := s.Generation(ctx)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	assert.Nil(t, s.versionConn)
	_, err = s.Generation(ctx)
	assert.Error(t, err)
}
