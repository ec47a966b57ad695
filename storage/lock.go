package storage

import (
	"errors"
	"os"
)

// errLockHeld: another process holds the lock file.
var errLockHeld = errors.New("lock held by another process")

// fileLock is an advisory lock on the database file itself, held as long as the Store is
// open, so that a second Parley on the same file is told clearly instead of fighting over it
// (SQLite's own locks only last a transaction). Locking the file rather than a ".lock" file
// named after its path means that every name of the file — a hard link, a symbolic link, a
// path with ".." in it — meets the same lock, and that there is no lock file to delete. The
// operating system drops the lock when the process ends, so a crash leaves no stale lock.
//
// On Unix it is flock(2), which is apart from the POSIX record locks SQLite takes on the same
// file. The descriptor stays open until the Store has closed its connections: closing a
// descriptor of the file would drop this process's POSIX locks with it.
type fileLock struct {
	f *os.File
}

func acquireLock(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() {
	unlockFile(l.f)
	l.f.Close()
}
