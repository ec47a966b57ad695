//go:build windows

package storage

import (
	"errors"
	"syscall"
)

// Windows' codes for a full disk: ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL.
const (
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
	errorWriteProtect   syscall.Errno = 19 // ERROR_WRITE_PROTECT: "the media is write protected"
)

// diskFull reports whether err is the system's "there is not enough space on the disk".
func diskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull)
}

// readOnlyDisk reports whether err is the system's "the media is write protected".
func readOnlyDisk(err error) bool {
	return errors.Is(err, errorWriteProtect)
}
