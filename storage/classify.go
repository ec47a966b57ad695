//go:build cgo

package storage

import (
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// classify adds the matching sentinel to an error from SQLite, so that callers can tell a
// locked, read-only, damaged or full database from other failures; an error of the file
// system is classified as Classify does.
func classify(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return classifyFile(err)
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return fmt.Errorf("%w: %w", ErrLocked, err)
	case sqlite3.ErrReadonly, sqlite3.ErrPerm:
		return fmt.Errorf("%w: %w", ErrReadOnly, err)
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return fmt.Errorf("%w: %w", ErrDamaged, err)
	case sqlite3.ErrFull:
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	case sqlite3.ErrIoErr, sqlite3.ErrCantOpen:
		// A write of the -wal or -shm file that found the disk full (or read-only) is an I/O
		// error to SQLite; the system's errno says which.
		switch {
		case se.SystemErrno != 0 && diskFull(se.SystemErrno):
			return fmt.Errorf("%w: %w", ErrDiskFull, err)
		case se.SystemErrno != 0 && readOnlyDisk(se.SystemErrno):
			return fmt.Errorf("%w: %w", ErrReadOnly, err)
		}
	}
	return err
}
