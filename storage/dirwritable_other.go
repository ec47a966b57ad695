//go:build !windows

package storage

import "syscall"

// dirWritable reports whether files can be created in dir (for SQLite's -wal and -shm):
// false on a read-only disk (EROFS) or in a folder the user may not write. access(2) asks the
// system without creating anything; root passes where the permissions say no, as its writes do.
func dirWritable(dir string) bool {
	const wOK = 2 // W_OK
	return syscall.Access(dir, wOK) == nil
}
