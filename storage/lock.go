package storage

import (
	"errors"
	"os"
)

// errLockHeld: another process holds the lock file.
var errLockHeld = errors.New("lock held by another process")

// fileLock is an advisory lock on a file next to the database (path + ".lock"). SQLite's own
// locks only last a transaction; this one lasts as long as the Store is open, so that a second
// Parley on the same file is told clearly instead of fighting over it. The operating system
// drops the lock when the process ends, so a crash leaves no stale lock behind; the empty
// lock file itself stays.
type fileLock struct {
	f *os.File
}

func acquireLock(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
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
