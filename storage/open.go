package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// The two ways a file becomes an open dossier beside Open and OpenReader in store.go: a new
// database made whole before it gets its name, and a reading open of a file Parley may not
// write (a read-only disk, a cut-off write).

// createDatabase makes a new, empty Parley database at path (mode 0600) and reports whether it
// did: false when another Parley made one there first.
//
// The database is made whole under a temporary name beside path — schema, application ID and
// write-ahead-log mode — and only then given its name, with a hard link, which fails rather
// than replace a file that appeared meanwhile. A Parley killed while making it leaves at most
// a hidden temporary file, never a half-made database at path: an empty file, or one cut off
// while SQLite switched it to WAL mode, whose rollback journal a reading open cannot undo, would
// otherwise be refused at every later open (the crash test found the second: kill 181 of a
// 500-kill run).
func createDatabase(ctx context.Context, path string) (bool, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.new")
	if err != nil {
		return false, openError(path, err)
	}
	name := tmp.Name()
	defer removeDatabase(name)
	if err := tmp.Close(); err != nil {
		return false, openError(path, err)
	}
	if err := makeSchema(ctx, name); err != nil {
		return false, fmt.Errorf("open %s: %w", path, err)
	}
	err = os.Link(name, path)
	switch {
	case errors.Is(err, fs.ErrExist):
		return false, nil
	case err != nil:
		// A file system without hard links (FAT on a USB stick): a rename, after one more look.
		if _, serr := os.Stat(path); serr == nil {
			return false, nil
		}
		if err := os.Rename(name, path); err != nil {
			return false, openError(path, err)
		}
	}
	return true, nil
}

// makeSchema runs every migration on the new, empty database at path and closes it cleanly,
// which folds its write-ahead log into the file.
func makeSchema(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return err
	}
	s := &Store{db: db, path: path, created: true, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return classify(err)
	}
	return classify(db.Close())
}

// ErrPendingLog: the database lies where Parley may not write (a read-only disk or folder)
// with the last session's changes still in its write-ahead log (the -wal file beside it),
// and SQLite reads that log only where it may create its index (-shm) beside it.
var ErrPendingLog = errors.New("the last changes to this database are still in its -wal file, which can be read only where Parley may write beside it")

// ErrInterrupted: a write to the database was cut off (a crash, a power cut) while it kept a
// rollback journal (the -journal file beside it), and a reading open cannot undo what the
// write began; a writing open does.
var ErrInterrupted = errors.New("a write to this database was cut off, and only a Parley that may write to it can undo it")

// readerQuery is the SQLite URI query for opening the database at path without writing to it.
//
// A WAL database is read with a shared-memory index in a -shm file beside it, which SQLite
// creates when it is missing. On a read-only disk or in a folder Parley may not write, it
// cannot, and the plain read-only open fails ("unable to open database file"). There the
// database is opened immutable: no one can change a file on a read-only disk, so nothing
// needs the index or the locks. A write-ahead log with content would then be skipped without
// a word — the last commits of a session that did not end cleanly — so that case is refused
// with ErrPendingLog instead.
func readerQuery(path string) (string, error) {
	const plain = "mode=ro&_busy_timeout=5000&_foreign_keys=1"
	if _, err := os.Stat(path + "-shm"); err == nil || dirWritable(filepath.Dir(path)) {
		return plain, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", openError(path, err)
	}
	if walPending(path) {
		return "", fmt.Errorf("open %s: %w", path, ErrPendingLog)
	}
	return plain + "&immutable=1", nil
}

// ReadOnly reports whether the store was opened for reading only (OpenReader): every write
// is refused with ErrReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// refuseWrite is the error of a write to a store opened for reading only.
func (s *Store) refuseWrite() error {
	return fmt.Errorf("%s is open for reading only: %w", s.path, ErrReadOnly)
}

// rollBack has SQLite undo the cut-off write of a Parley database at path, as its first read
// by a writing connection does. It runs only on a file whose header carries Parley's
// application ID: another program's file is left for that program.
func rollBack(ctx context.Context, path string) error {
	h, err := readHeader(path)
	if err != nil {
		return err
	}
	if h.appID != applicationID {
		return fmt.Errorf("open %s: %w", path, ErrNotParley)
	}
	db, err := sql.Open("sqlite3", fileURI(path, "_busy_timeout=5000"))
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		return fmt.Errorf("open %s: undo the cut-off write: %w", path, classify(err))
	}
	return nil
}
