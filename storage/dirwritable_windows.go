//go:build windows

package storage

import "os"

// dirWritable reports whether files can be created in dir (for SQLite's -wal and -shm). Windows
// has no access(2) that tells, and a folder's read-only attribute does not stop files being
// created in it, so it tries: a probe file made and removed at once, as SQLite's own -shm would
// be made by the read that follows.
func dirWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".parley-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}
