package storage

import (
	"errors"
	"fmt"
)

// Classify adds Parley's sentinel to an error from SQLite or from the file system — ErrLocked,
// ErrReadOnly, ErrDamaged or ErrDiskFull — so that whoever tells the user can test it with
// errors.Is instead of reading the driver's or the system's words. Other errors come back as
// they are. The store classifies its own errors; Classify is for files written beside it
// (packs, exports, backups).
func Classify(err error) error {
	if err == nil {
		return nil
	}
	return classify(err)
}

// classifyFile adds ErrDiskFull to a file-system error that says the disk is full, and
// ErrReadOnly to one that says the disk is read-only.
func classifyFile(err error) error {
	switch {
	case err == nil:
	case !errors.Is(err, ErrDiskFull) && diskFull(err):
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	case !errors.Is(err, ErrReadOnly) && readOnlyDisk(err):
		return fmt.Errorf("%w: %w", ErrReadOnly, err)
	}
	return err
}
