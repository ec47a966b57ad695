package tasks

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/parley-app/parley/storage"
)

// BackupReport says where the copy went and how large it is.
type BackupReport struct {
	From, To string
	Size     int64
}

func (r BackupReport) String() string {
	return fmt.Sprintf("The dossier %s was copied to %s (%s). Open the copy as a database to restore from it.",
		r.From, r.To, byteSize(r.Size))
}

// ErrBackupOverDossier is a backup asked to replace the dossier it copies.
var ErrBackupOverDossier = errors.New("a backup cannot replace the dossier itself; choose another name")

// Backup writes a consistent copy of the Parley database at dbPath to out, while a window may
// hold the database (storage.BackupFile takes no lock). The copy is made under a temporary
// name beside out and renamed into place when complete, so a failure leaves no half-written
// backup and a file already at out as it was. An existing out is replaced only when replace
// is true (the window asks first); without it Backup refuses with fs.ErrExist.
func Backup(ctx context.Context, dbPath, out string, replace bool) (BackupReport, error) {
	return BackupWithProgress(ctx, dbPath, out, replace, nil)
}

// BackupWithProgress is Backup telling progress, when not nil, how many bytes of the copy are
// written out of how many.
func BackupWithProgress(ctx context.Context, dbPath, out string, replace bool, progress func(done, total int)) (BackupReport, error) {
	if _, err := os.Stat(dbPath); err != nil {
		return BackupReport{From: dbPath, To: out}, fmt.Errorf("open %s: %w", dbPath, err)
	}
	return backupTo(dbPath, out, replace, func(tmp string) error {
		return storage.BackupFileWithProgress(ctx, dbPath, tmp, progress)
	})
}

// BackupStore is Backup from a dossier this process has open (the window's): the copy is read
// through the open store, so it works even when the file was moved or deleted meanwhile
// (storage.ErrFileGone), and it does not open the file a second time, which on Unix would
// drop the locks the store's connections hold.
func BackupStore(ctx context.Context, st *storage.Store, out string, replace bool) (BackupReport, error) {
	return BackupStoreWithProgress(ctx, st, out, replace, nil)
}

// BackupStoreWithProgress is BackupStore telling progress, when not nil, how many bytes of the
// copy are written out of how many.
func BackupStoreWithProgress(ctx context.Context, st *storage.Store, out string, replace bool, progress func(done, total int)) (BackupReport, error) {
	return backupTo(st.Path(), out, replace, func(tmp string) error { return st.BackupWithProgress(ctx, tmp, progress) })
}

// backupTo writes a copy through copyTo under a fresh name beside out, then renames it over
// out: a failure leaves no half-written backup and a file already at out as it was.
func backupTo(dbPath, out string, replace bool, copyTo func(tmp string) error) (BackupReport, error) {
	rep := BackupReport{From: dbPath, To: out}
	if storage.SameFile(dbPath, out) {
		return rep, ErrBackupOverDossier
	}
	if _, err := os.Stat(out); err == nil && !replace {
		return rep, writeError(out, fs.ErrExist)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return rep, writeError(out, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	os.Remove(tmpName) // the copy claims the name itself, exclusively
	defer os.Remove(tmpName)
	if err := copyTo(tmpName); err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, storage.ErrDiskFull) {
			return rep, writeError(out, err)
		}
		return rep, err
	}
	if err := os.Rename(tmpName, out); err != nil {
		return rep, writeError(out, err)
	}
	if info, err := os.Stat(out); err == nil {
		rep.Size = info.Size()
	}
	return rep, nil
}

// byteSize writes a file size for people: "96 KB", "1.4 MB".
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}
