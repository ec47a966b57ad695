package app

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/parley-app/parley/storage"
)

// The window tells errors apart by storage's sentinels, never by the words of SQLite.
func TestErrorMessageUsesSentinels(t *testing.T) {
	const full = "The disk is full, so nothing was saved. Free some space and try again."
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"full database", fmt.Errorf("create meeting: %w", storage.ErrDiskFull), full},
		{"full disk under a pack", storage.Classify(&fs.PathError{Op: "write", Path: "brief.pdf", Err: syscall.ENOSPC}), full},
		{"locked", fmt.Errorf("begin: %w", storage.ErrLocked), "Another Parley window is using this database. Close it and try again."},
		{"SQLite's words alone mean nothing", errors.New("database or disk is full"),
			"Something went wrong: database or disk is full. The details below may help whoever looks after your computer."},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, errorMessage(tc.err)) })
	}
	assert.Contains(t, errorMessage(fmt.Errorf("update: %w", storage.ErrReadOnly)), "cannot be written")
}
