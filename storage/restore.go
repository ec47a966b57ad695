package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Restore replaces the dossier at path with the copy at from (a backup, or a
// ".before-upgrade" copy), and returns where the dossier as it was is kept: beside it, as
// "NAME.before-restore-YYYYMMDD-HHMMSS.db". The copy is checked in full first (a file that
// is not a Parley database, or is damaged or newer, is refused and nothing changes); the
// dossier must not be open in a Parley window (ErrLocked). The copy is written beside path
// under a temporary name and renamed into place; a failure leaves the dossier as it was.
func Restore(ctx context.Context, path, from string, now time.Time) (kept string, err error) {
	if SameFile(path, from) {
		return "", fmt.Errorf("restore %s: the copy is the dossier itself", path)
	}
	if err := checkMagic(from); err != nil {
		return "", err
	}
	if _, err := inspect(ctx, from, true); err != nil {
		return "", err
	}
	lock, err := acquireLock(path)
	switch {
	case errors.Is(err, errLockHeld):
		return "", fmt.Errorf("restore %s: %w", path, ErrLocked)
	case err != nil:
		return "", openError(path, err)
	}
	defer lock.release()

	base := strings.TrimSuffix(path, filepath.Ext(path))
	kept = fmt.Sprintf("%s.before-restore-%s.db", base, now.Format("20060102-150405"))
	if err := BackupFile(ctx, path, kept); err != nil {
		return "", fmt.Errorf("restore %s: keep the dossier as it was: %w", path, err)
	}
	tmp := fmt.Sprintf("%s.restoring-%d.db", base, now.UnixNano())
	defer os.Remove(tmp)
	if err := BackupFile(ctx, from, tmp); err != nil {
		return "", fmt.Errorf("restore %s from %s: %w", path, from, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", fmt.Errorf("restore %s: %w", path, Classify(err))
	}
	// The old file's write-ahead log must not be applied to the restored one.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return kept, fmt.Errorf("restore %s: remove the old %s: %w", path, suffix, err)
		}
	}
	return kept, nil
}

// SameFile reports whether a and b name the same file: the same file on disk when both exist
// (through a link, too), else the same absolute path (b may not exist yet).
func SameFile(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(ia, ib)
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}
