//go:build sqlite_fts5

package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenCreatesPrivateDatabase(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Parley")
	path := filepath.Join(dir, "parley.db")

	s, err := Open(ctx, path)
	require.NoError(t, err)
	assert.True(t, s.Created())
	assert.Equal(t, path, s.Path())

	var appID, version int
	require.NoError(t, s.db.QueryRow(`PRAGMA application_id`).Scan(&appID))
	require.NoError(t, s.db.QueryRow(`PRAGMA user_version`).Scan(&version))
	assert.Equal(t, applicationID, appID)
	assert.Equal(t, len(migrations), version)
	var mode string
	require.NoError(t, s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
	assert.Equal(t, "wal", mode)
	var fk int
	require.NoError(t, s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk))
	assert.Equal(t, 1, fk)

	tr := Track{Title: "Japan–Russia peace treaty talks"}
	require.NoError(t, s.CreateTrack(ctx, &tr))
	require.NoError(t, s.Close())

	if runtime.GOOS != "windows" {
		info, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
		info, err = os.Stat(dir)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o700), info.Mode().Perm())
	}

	s, err = Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	assert.False(t, s.Created())
	got, err := s.Track(ctx, tr.ID)
	require.NoError(t, err)
	assert.Equal(t, tr.Title, got.Title)
}

// writeDatabase makes a real Parley database with some records and closes it.
func writeDatabase(t *testing.T, path string) {
	t.Helper()
	s, err := Open(context.Background(), path)
	require.NoError(t, err)
	buildWorld(t, s)
	require.NoError(t, s.Close())
}

// rawExec runs statements on a SQLite file outside Parley, as another program would.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	require.NoError(t, err)
	defer db.Close()
	for _, q := range stmts {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
}

func TestOpenRefusesAndLeavesFileUntouched(t *testing.T) {
	random := make([]byte, 8192)
	_, err := rand.Read(random)
	require.NoError(t, err)

	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want []error // any of these
	}{
		{"random bytes", func(t *testing.T, p string) {
			require.NoError(t, os.WriteFile(p, random, 0o600))
		}, []error{ErrNotParley}},
		{"text file", func(t *testing.T, p string) {
			require.NoError(t, os.WriteFile(p, []byte("Minutes of the Tokyo round\n"), 0o600))
		}, []error{ErrNotParley}},
		{"empty file", func(t *testing.T, p string) {
			require.NoError(t, os.WriteFile(p, nil, 0o600))
		}, []error{ErrNotParley}},
		{"SQLite header only", func(t *testing.T, p string) {
			require.NoError(t, os.WriteFile(p, []byte(sqliteMagic+"\x10\x00"), 0o600))
		}, []error{ErrNotParley, ErrDamaged}},
		{"another program's database", func(t *testing.T, p string) {
			rawExec(t, p, `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`, `INSERT INTO notes (body) VALUES ('x')`)
		}, []error{ErrNotParley}},
		{"another application id", func(t *testing.T, p string) {
			rawExec(t, p, `PRAGMA application_id = 42`, `CREATE TABLE t (x)`)
		}, []error{ErrNotParley}},
		{"truncated to half", func(t *testing.T, p string) {
			writeDatabase(t, p)
			info, err := os.Stat(p)
			require.NoError(t, err)
			require.NoError(t, os.Truncate(p, info.Size()/2))
		}, []error{ErrDamaged, ErrNotParley}},
		{"damaged pages", func(t *testing.T, p string) {
			writeDatabase(t, p)
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			for i := 4096; i < len(b)-4096; i += 3 {
				b[i] ^= 0x5a
			}
			require.NoError(t, os.WriteFile(p, b, 0o600))
		}, []error{ErrDamaged}},
		{"newer schema", func(t *testing.T, p string) {
			writeDatabase(t, p)
			rawExec(t, p, `PRAGMA user_version = 999`)
		}, []error{ErrNewerSchema}},
		{"Parley id without schema version", func(t *testing.T, p string) {
			rawExec(t, p, `PRAGMA application_id = 1347570777`, `CREATE TABLE t (x)`)
		}, []error{ErrDamaged}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "dossier.db")
			tt.make(t, path)
			before := fileSum(t, path)

			s, err := Open(context.Background(), path)
			if s != nil {
				s.Close()
			}
			require.Error(t, err)
			matched := false
			for _, want := range tt.want {
				matched = matched || errors.Is(err, want)
			}
			assert.True(t, matched, "error %q is none of %v", err, tt.want)
			assert.Contains(t, err.Error(), path)
			assert.Equal(t, before, fileSum(t, path), "the refused file changed")

			// A second attempt gives the same answer: nothing was half-done.
			_, err2 := Open(context.Background(), path)
			require.Error(t, err2)
			assert.Equal(t, before, fileSum(t, path))
		})
	}
}

func TestOpenSecondTimeIsLocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(tempDir(t), "parley.db")
	s, err := Open(ctx, path)
	require.NoError(t, err)

	_, err = Open(ctx, path)
	require.ErrorIs(t, err, ErrLocked)
	assert.Contains(t, err.Error(), path)

	require.NoError(t, s.Close())
	s, err = Open(ctx, path)
	require.NoError(t, err, "the lock goes with Close")
	require.NoError(t, s.Close())
}

// Another program's empty SQLite file is not made a Parley database by opening it (a plain
// `parley list --db` would have done so): it is refused and left byte-identical.
func TestOpenRefusesEmptySQLiteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	rawExec(t, path, `CREATE TABLE t (x)`, `DROP TABLE t`)
	before := fileSum(t, path)
	_, err := Open(context.Background(), path)
	require.ErrorIs(t, err, ErrNotParley)
	assert.Contains(t, err.Error(), "an empty database of another program")
	assert.Equal(t, before, fileSum(t, path))
}

func TestOpenReadOnly(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("file permissions do not bind here (Windows or root)")
	}
	ctx := context.Background()
	t.Run("read-only file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "parley.db")
		writeDatabase(t, path)
		require.NoError(t, os.Chmod(path, 0o400))
		before := fileSum(t, path)
		_, err := Open(ctx, path)
		require.ErrorIs(t, err, ErrReadOnly)
		assert.Equal(t, before, fileSum(t, path))
	})
	t.Run("read-only folder", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.Chmod(dir, 0o500))
		defer os.Chmod(dir, 0o700)
		_, err := Open(ctx, filepath.Join(dir, "parley.db"))
		require.ErrorIs(t, err, ErrReadOnly)
	})
}

func TestOpenPathsWithOddCharacters(t *testing.T) {
	ctx := context.Background()
	names := []string{"with space.db", "hash#1.db", "per%20cent.db", "what?.db", "Досье 北方.db"}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			if runtime.GOOS == "windows" && name == "what?.db" {
				t.Skip("Windows file names cannot hold ?")
			}
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			s, err := Open(ctx, path)
			require.NoError(t, err)
			tr := Track{Title: "Talks"}
			require.NoError(t, s.CreateTrack(ctx, &tr))
			require.NoError(t, s.Close())

			_, err = os.Stat(path)
			require.NoError(t, err, "the database is the file the user chose")
			s, err = Open(ctx, path)
			require.NoError(t, err)
			defer s.Close()
			assert.False(t, s.Created())
			_, err = s.Track(ctx, tr.ID)
			require.NoError(t, err)
		})
	}
}

func TestOpenFolderIsNotADatabase(t *testing.T) {
	_, err := Open(context.Background(), t.TempDir())
	require.ErrorIs(t, err, ErrNotParley)
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	v, err := s.Setting(ctx, "marking")
	require.NoError(t, err)
	assert.Equal(t, "", v)

	for _, want := range []string{"OFFICIAL-SENSITIVE", "SECRET", ""} {
		require.NoError(t, s.SetSetting(ctx, "marking", want))
		v, err = s.Setting(ctx, "marking")
		require.NoError(t, err)
		assert.Equal(t, want, v)
	}

	var ve *ValidationError
	require.ErrorAs(t, s.SetSetting(ctx, " ", "x"), &ve)
}

func TestWriteWhileAnotherProgramHoldsTheWriteLock(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 5 s busy timeout")
	}
	ctx := context.Background()
	s, _ := newStore(t)

	// Another program (the sqlite3 shell, say) opens a write transaction and keeps it.
	other, err := sql.Open("sqlite3", s.Path()+"?_busy_timeout=100")
	require.NoError(t, err)
	defer other.Close()
	conn, err := other.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.ExecContext(ctx, `BEGIN IMMEDIATE`)
	require.NoError(t, err)

	tr := Track{Title: "Blocked"}
	err = s.CreateTrack(ctx, &tr)
	require.ErrorIs(t, err, ErrLocked)

	// Reading goes on meanwhile (WAL), and writing once the other program lets go.
	_, err = s.Tracks(ctx)
	require.NoError(t, err)
	_, err = conn.ExecContext(ctx, `ROLLBACK`)
	require.NoError(t, err)
	require.NoError(t, s.CreateTrack(ctx, &tr))
}
