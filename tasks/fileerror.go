package tasks

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/parley-app/parley/storage"
)

// FileError is a file the user named that could not be read or written. Sentence says so in
// words a user can act on; the chain keeps the system's error (and storage.ErrDiskFull when
// the disk is full).
type FileError struct {
	Path    string
	Writing bool
	Err     error
}

func (e *FileError) Error() string { return e.Sentence() + ": " + e.Err.Error() }

func (e *FileError) Unwrap() error { return e.Err }

// Sentence is the failure as one sentence: "Cannot write /media/usb/brief.pdf: the disk is
// full."
func (e *FileError) Sentence() string {
	verb := "read"
	if e.Writing {
		verb = "write"
	}
	why := ""
	switch {
	case errors.Is(e.Err, storage.ErrDiskFull):
		why = ": the disk is full. Free some space and try again"
	case errors.Is(e.Err, storage.ErrReadOnly) && e.Writing:
		why = ": the disk is read-only. Choose a folder on a disk you can write to"
	case errors.Is(e.Err, fs.ErrNotExist) && e.Writing:
		why = ": the folder " + filepath.Dir(e.Path) + " does not exist"
	case errors.Is(e.Err, fs.ErrNotExist):
		why = ": there is no such file"
	case errors.Is(e.Err, fs.ErrPermission) && e.Writing:
		why = ": you may not write in that folder. Choose a folder of your own"
	case errors.Is(e.Err, fs.ErrPermission):
		why = ": permission denied"
	case errors.Is(e.Err, fs.ErrExist):
		why = ": there is a file of that name already"
	}
	return fmt.Sprintf("Cannot %s %s%s.", verb, e.Path, why)
}

func writeError(path string, err error) error {
	return &FileError{Path: path, Writing: true, Err: storage.Classify(err)}
}

func readError(path string, err error) error {
	return &FileError{Path: path, Err: storage.Classify(err)}
}
