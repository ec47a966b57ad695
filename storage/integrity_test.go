//go:build sqlite_fts5

package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// damagedLeaf writes a dossier of a few hundred pages and damages one page in its second
// half, far from the tables' first pages, which Open reads: the kind of damage only the full
// check finds. It returns the path.
func damagedLeaf(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dossier.db")
	s, err := Open(ctx, path)
	require.NoError(t, err)
	stamp := time.Date(2016, 6, 20, 9, 0, 0, 0, time.UTC)
	d := &Dossier{}
	for i := range 300 {
		d.Meetings = append(d.Meetings, Meeting{ID: fmt.Sprintf("m%03d", i), Title: fmt.Sprintf("Round %d", i),
			Status: StatusHeld, Purpose: strings.Repeat(fmt.Sprintf("purpose %d ", i), 200), Created: stamp, Updated: stamp})
	}
	_, err = s.ImportDossier(ctx, d)
	require.NoError(t, err)
	require.NoError(t, s.Close())

	b, err := os.ReadFile(path)
	require.NoError(t, err)
	page := 4096 * (len(b) / 4096 * 3 / 4)
	for i := page; i < page+200; i++ {
		b[i] ^= 0xa5
	}
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path
}

func TestOpenChecksEveryPageOnlyWhenWorthIt(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name    string
		prepare func(t *testing.T, path string) (done func())
		damaged bool // Open finds the damage
	}{
		{"after a clean shutdown", func(*testing.T, string) func() { return func() {} }, false},
		{"after an unclean shutdown", func(t *testing.T, path string) func() {
			// Another connection still has the log open, as after a crash: the log stays.
			db, err := sql.Open("sqlite3", path+"?_journal_mode=WAL")
			require.NoError(t, err)
			_, err = db.Exec(`SELECT count(*) FROM settings`)
			require.NoError(t, err)
			require.FileExists(t, path+"-wal")
			return func() { db.Close() }
		}, true},
		{"before a migration", func(t *testing.T, path string) func() {
			rawExec(t, path, fmt.Sprintf(`PRAGMA user_version = %d`, len(migrations)-1))
			return func() {}
		}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := damagedLeaf(t)
			done := c.prepare(t, path)
			defer done()
			before := fileSum(t, path)
			s, err := Open(ctx, path)
			if !c.damaged {
				require.NoError(t, err, "the cheap checks at open do not read every page")
				assert.ErrorIs(t, s.CheckIntegrity(ctx), ErrDamaged, "the full check does")
				require.NoError(t, s.Close())
				return
			}
			assert.ErrorIs(t, err, ErrDamaged)
			assert.Equal(t, before, fileSum(t, path), "the refused file changed")
		})
	}
}

func TestBackupChecksEveryPage(t *testing.T) {
	path := damagedLeaf(t)
	err := BackupFile(context.Background(), path, filepath.Join(t.TempDir(), "copy.db"))
	assert.ErrorIs(t, err, ErrDamaged)
}

func TestOpenRefusesTruncatedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dossier.db")
	writeDatabase(t, path)
	info, err := os.Stat(path)
	require.NoError(t, err)
	require.NoError(t, os.Truncate(path, info.Size()-4096))
	_, err = Open(context.Background(), path)
	assert.ErrorIs(t, err, ErrDamaged)
	assert.Contains(t, err.Error(), "its header counts")
}

// A kill during a checkpoint leaves the file shorter than its header says: the checkpoint
// copies the log's pages into the file in page order, page 1 with the grown page count first,
// and the kill comes before the pages after the old end. The log is still whole and brings
// them back, so Open must not call the file damaged (found by TestCrash).
func TestOpenAfterCheckpointCutShort(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dossier.db")
	writeDatabase(t, path)
	// Another connection, no automatic checkpoint: the new pages are only in the log.
	db := oneConnection(t, path+"?_journal_mode=WAL", `PRAGMA wal_autocheckpoint = 0`)
	stamp := time.Date(2016, 6, 20, 9, 0, 0, 0, time.UTC).Format(time.RFC3339Nano)
	for i := range 200 {
		_, err := db.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)`, fmt.Sprintf("crash.%03d", i), strings.Repeat("x", 2000)+stamp)
		require.NoError(t, err)
	}
	var pages int64
	require.NoError(t, db.QueryRow(`PRAGMA page_count`).Scan(&pages))
	info, err := os.Stat(path)
	require.NoError(t, err)
	require.Less(t, info.Size(), pages*4096, "the log holds pages beyond the file's end")
	// Page 1 as the cut-short checkpoint wrote it: the header counts every page.
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	require.NoError(t, err)
	count := []byte{byte(pages >> 24), byte(pages >> 16), byte(pages >> 8), byte(pages)}
	_, err = f.WriteAt(count, 28)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	s, err := Open(ctx, path)
	require.NoError(t, err, "the log makes the file whole")
	defer s.Close()
	rep, err := s.Verify(ctx)
	require.NoError(t, err)
	assert.True(t, rep.OK(), "%+v", rep)
	value, err := s.Setting(ctx, "crash.199")
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(value, stamp))
}

func TestCleanOpenLeavesNoLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dossier.db")
	writeDatabase(t, path)
	for range 2 {
		s, err := Open(ctx, path)
		require.NoError(t, err)
		require.NoError(t, s.Close())
		assert.NoFileExists(t, path+"-wal", "a log after a clean close would make every open check every page")
	}
}
