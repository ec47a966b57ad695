//go:build cgo

package storage

import (
	"errors"

	"github.com/mattn/go-sqlite3"
)

// hotJournal reports whether err is SQLite's refusal to read a database whose rollback
// journal must first be played back.
func hotJournal(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrReadonlyRollback
}
