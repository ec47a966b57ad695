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
