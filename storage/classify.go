//go:build cgo

package storage

import (
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// classify adds the matching sentinel to an error from SQLite, so that callers can tell a
// locked, read-only or damaged database from other failures.
func classify(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return fmt.Errorf("%w: %w", ErrLocked, err)
	case sqlite3.ErrReadonly, sqlite3.ErrPerm:
		return fmt.Errorf("%w: %w", ErrReadOnly, err)
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	return err
}
