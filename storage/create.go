package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// createDatabase makes a new, empty Parley database at path (mode 0600) and reports whether it
// did: false when another Parley made one there first.
//
// The database is made whole under a temporary name beside path — schema, application ID and
// write-ahead-log mode — and only then given its name, with a hard link, which fails rather
// than replace a file that appeared meanwhile. A Parley killed while making it leaves at most
// a hidden temporary file, never a half-made database at path: an empty file, or one cut off
// while SQLite switched it to WAL mode, whose rollback journal a reading open cannot undo, would
// otherwise be refused at every later open (the crash test found the second: kill 181 of a
// 500-kill run).
func createDatabase(ctx context.Context, path string) (bool, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.new")
	if err != nil {
		return false, openError(path, err)
	}
	name := tmp.Name()
	defer removeDatabase(name)
	if err := tmp.Close(); err != nil {
		return false, openError(path, err)
	}
	if err := makeSchema(ctx, name); err != nil {
		return false, fmt.Errorf("open %s: %w", path, err)
	}
	err = os.Link(name, path)
	switch {
	case errors.Is(err, fs.ErrExist):
		return false, nil
	case err != nil:
		// A file system without hard links (FAT on a USB stick): a rename, after one more look.
		if _, serr := os.Stat(path); serr == nil {
			return false, nil
		}
		if err := os.Rename(name, path); err != nil {
			return false, openError(path, err)
		}
	}
	return true, nil
}

// makeSchema runs every migration on the new, empty database at path and closes it cleanly,
// which folds its write-ahead log into the file.
func makeSchema(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return err
	}
	s := &Store{db: db, path: path, created: true, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return classify(err)
	}
	return classify(db.Close())
}
