package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the database to dest with VACUUM INTO, which reads one
// snapshot and so works while the database is being written. It refuses a dest that exists.
// The copy is private to the user (mode 0600) like the database itself.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if dest == "" {
		return errors.New("backup: no destination given")
	}
	// Creating the file first claims the name atomically; VACUUM INTO accepts an empty file.
	f, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("backup to %s: the file exists already: %w", dest, fs.ErrExist)
	}
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(dest)
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		abs = dest
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, abs); err != nil {
		os.Remove(dest)
		return fmt.Errorf("backup to %s: %w", dest, classify(err))
	}
	return nil
}
