//go:build sqlite_fts5

package storage

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCreateIsWhole: a new database gets its name only once it is whole, so that what a kill
// during the creation leaves (a hidden temporary file) never stands at the path; the next
// Open makes the database afresh.
func TestCreateIsWhole(t *testing.T) {
	ctx := context.Background()
	dir := tempDir(t)
	path := filepath.Join(dir, "parley.db")
	// A creation killed part-way, as the crash test's kills leave it.
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".parley.db.123.new"), []byte("SQLite format 3\x00"), 0o600))

	s, err := Open(ctx, path)
	require.NoError(t, err)
	assert.True(t, s.Created())
	var version int
	require.NoError(t, s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version))
	assert.Equal(t, len(migrations), version)
	require.NoError(t, s.Close())

	info, err := os.Stat(path)
	require.NoError(t, err)
	if runtime.GOOS != "windows" { // Windows has no mode bits: Go reports 0666 for any writable file
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasSuffix(e.Name(), ".new") && e.Name() != ".parley.db.123.new", "left behind: %s", e.Name())
	}
	again, err := Open(ctx, path)
	require.NoError(t, err)
	assert.False(t, again.Created())
	require.NoError(t, again.Close())
}

// TestHotJournal: a Parley database whose last write was cut off while it kept a rollback
// journal (the crash test met one: a kill while SQLite switched a new file to WAL mode) is
// refused by a reading open with ErrInterrupted, and a writing open undoes the write and opens
// it as it was before. Another program's file in that state is left alone.
func TestHotJournal(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	src := s.Path()
	require.NoError(t, s.Close())

	// A write cut off in rollback-journal mode: the database and its journal copied while
	// the transaction is open, with a cache small enough that the write has reached the file.
	dir := tempDir(t)
	db, err := sql.Open("sqlite3", src+"?_journal_mode=DELETE")
	require.NoError(t, err)
	defer db.Close()
	db.SetMaxOpenConns(1)
	_, err = db.Exec(`PRAGMA cache_size = 2`)
	require.NoError(t, err)
	tx, err := db.Begin()
	require.NoError(t, err)
	for i := range 200 {
		_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)`, "cut-off "+string(rune('a'+i%26))+strings.Repeat("x", i), strings.Repeat("y", 2000))
		require.NoError(t, err)
	}
	copyFiles(t, filepath.Dir(src), dir, "parley.db", "parley.db-journal")
	require.NoError(t, tx.Rollback())
	path := filepath.Join(dir, "parley.db")
	require.FileExists(t, path+"-journal")

	_, err = OpenReader(ctx, path)
	assert.ErrorIs(t, err, ErrInterrupted)

	o, err := Open(ctx, path)
	require.NoError(t, err)
	defer o.Close()
	m, err := o.Meeting(ctx, w.moscow.ID)
	require.NoError(t, err)
	assert.Equal(t, w.moscow.Title, m.Title)
	v, err := o.Setting(ctx, "cut-off a")
	require.NoError(t, err)
	assert.Empty(t, v, "the cut-off write is undone")
	assert.NoError(t, o.CheckIntegrity(ctx))
}
