package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the database to dest with VACUUM INTO, which reads one
// snapshot and so works while the database is being written. It refuses a dest that exists.
// The copy is private to the user (mode 0600) like the database itself.
func (s *Store) Backup(ctx context.Context, dest string) error {
	return vacuumInto(ctx, s.db, dest)
}

// BackupFile writes a consistent copy of the Parley database at src to dest without opening
// it for writing and without taking its lock, so it works while a Parley window has the
// database open: the copy is made inside one read transaction, which sees the database as it
// stood when the copy began. The source is checked as Open checks it (a file that is not a
// Parley database, or is damaged or newer, is refused and left untouched).
func BackupFile(ctx context.Context, src, dest string) error {
	info, err := os.Stat(src)
	if err != nil {
		return openError(src, err)
	}
	if info.IsDir() || info.Size() == 0 {
		return fmt.Errorf("open %s: %w", src, ErrNotParley)
	}
	if err := checkMagic(src); err != nil {
		return err
	}
	// A backup is what a user restores from: it is checked in full first, so that a damaged
	// dossier is not copied over a good backup unnoticed.
	if _, err := inspect(ctx, src, true); err != nil {
		return err
	}
	query, err := readerQuery(src)
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", fileURI(src, query))
	if err != nil {
		return fmt.Errorf("open %s: %w", src, err)
	}
	defer db.Close()
	return vacuumInto(ctx, db, dest)
}

// vacuumInto claims dest (it must not exist) and has SQLite write a compacted copy into it.
func vacuumInto(ctx context.Context, db *sql.DB, dest string) error {
	if dest == "" {
		return errors.New("backup: no destination given")
	}
	// Creating the file first claims the name atomically; VACUUM INTO accepts an empty file.
	f, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("backup to %s: the file exists already: %w", dest, fs.ErrExist)
	}
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(dest)
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		abs = dest
	}
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, abs); err != nil {
		os.Remove(dest)
		return fmt.Errorf("backup to %s: %w", dest, classify(err))
	}
	return nil
}
