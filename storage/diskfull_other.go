//go:build !windows

package storage

import (
	"errors"
	"syscall"
)

// diskFull reports whether err is the system's "no space left on device".
func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// readOnlyDisk reports whether err is the system's "read-only file system".
func readOnlyDisk(err error) bool {
	return errors.Is(err, syscall.EROFS)
}
