package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Backup writes a consistent copy of the database to dest, page for page, while the
// database may be being written. It refuses a dest that exists. The copy is private to the
// user (mode 0600) like the database itself.
func (s *Store) Backup(ctx context.Context, dest string) error {
	return s.BackupWithProgress(ctx, dest, nil)
}

// BackupWithProgress is Backup telling progress, when not nil, how many bytes are copied out
// of how many.
func (s *Store) BackupWithProgress(ctx context.Context, dest string, progress func(done, total int)) error {
	return copyDatabase(ctx, s.db, dest, progress)
}

// BackupFile writes a consistent copy of the Parley database at src to dest without opening
// it for writing and without taking its lock, so it works while a Parley window has the
// database open: the copy is made inside one read transaction, which sees the database as it
// stood when the copy began. The source is checked as Open checks it (a file that is not a
// Parley database, or is damaged or newer, is refused and left untouched).
func BackupFile(ctx context.Context, src, dest string) error {
	return BackupFileWithProgress(ctx, src, dest, nil)
}

// BackupFileWithProgress is BackupFile telling progress, when not nil, how many bytes are
// copied out of how many.
func BackupFileWithProgress(ctx context.Context, src, dest string, progress func(done, total int)) error {
	info, err := os.Stat(src)
	if err != nil {
		return openError(src, err)
	}
	if info.IsDir() || info.Size() == 0 {
		return fmt.Errorf("open %s: %w", src, ErrNotParley)
	}
	if err := checkMagic(src); err != nil {
		return err
	}
	if _, err := inspect(ctx, src, false); err != nil {
		return err
	}
	query, err := readerQuery(src)
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", fileURI(src, query))
	if err != nil {
		return fmt.Errorf("open %s: %w", src, err)
	}
	defer db.Close()
	// A backup is what a user restores from: every page is checked, so that a damaged
	// dossier is not copied over a good backup unnoticed. The check reads what the copy
	// writes and costs CPU where the copy costs the disk, so the two run side by side.
	checked := make(chan error, 1)
	checkCtx, stopCheck := context.WithCancel(ctx)
	defer stopCheck()
	go func() { checked <- checkEveryPage(checkCtx, db, src) }()
	if err := copyDatabase(ctx, db, dest, progress); err != nil {
		stopCheck()
		<-checked
		return err
	}
	if err := <-checked; err != nil {
		os.Remove(dest)
		return err
	}
	return nil
}

// checkEveryPage runs the full page check of the database db reads, on a connection of its own.
func checkEveryPage(ctx context.Context, db *sql.DB, path string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, classify(err))
	}
	defer conn.Close()
	if err := checkPages(ctx, conn); err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	return nil
}

// backupStep is how many pages a step of the copy takes (16 MB of 4 KB pages): few enough
// for the progress to move, many enough that the steps cost nothing. A test makes it smaller.
var backupStep = 4096

// copyDatabase claims dest (it must not exist) and copies the database db reads into it with
// SQLite's online backup, inside one read transaction on the source: the copy is the
// database as it stood when that transaction began, page for page, while writers go on (the
// write-ahead log keeps what they commit apart). It writes at the disk's speed, where
// VACUUM INTO, which Parley used before, rebuilt every table and index row by row.
func copyDatabase(ctx context.Context, db *sql.DB, dest string, progress func(done, total int)) (err error) {
	if dest == "" {
		return errors.New("backup: no destination given")
	}
	// Creating the file first claims the name atomically; SQLite then writes into it.
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
	defer func() {
		if err != nil {
			removeDatabase(dest)
			err = fmt.Errorf("backup to %s: %w", dest, classify(err))
		}
	}()

	src, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer src.Close()
	// The read transaction the copy runs in: begun explicitly (the DSN makes a plain BEGIN
	// immediate, which would keep writers out) and started by a read, so that every step
	// sees the same snapshot instead of starting over when a writer commits between steps.
	if _, err := src.ExecContext(ctx, `BEGIN DEFERRED`); err != nil {
		return err
	}
	defer src.ExecContext(context.Background(), `ROLLBACK`)
	var pageSize int
	if err := src.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&pageSize); err != nil {
		return err
	}
	var n int
	if err := src.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		return err
	}
	var pages func(done, total int)
	if progress != nil {
		pages = func(done, total int) { progress(done*pageSize, total*pageSize) }
	}

	// The copy's own connection needs no journal: until the copy is complete the file is
	// no one's, and a failure removes it. It is synced once, when the copy is complete.
	out, err := sql.Open("sqlite3", fileURI(dest, "_journal_mode=OFF&_synchronous=OFF"))
	if err != nil {
		return err
	}
	defer out.Close()
	dst, err := out.Conn(ctx)
	if err != nil {
		return err
	}
	defer dst.Close()

	err = dst.Raw(func(d any) error {
		return src.Raw(func(s any) error {
			return backupPages(ctx, d.(*sqlite3.SQLiteConn), s.(*sqlite3.SQLiteConn), pages)
		})
	})
	if err != nil {
		return err
	}
	if err := dst.Close(); err != nil {
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return syncFile(dest)
}

// backupPages copies every page of src's main database into dst's, a step at a time.
func backupPages(ctx context.Context, dst, src *sqlite3.SQLiteConn, progress func(done, total int)) error {
	b, err := dst.Backup("main", src, "main")
	if err != nil {
		return err
	}
	left := -1
	for {
		if err := ctx.Err(); err != nil {
			b.Close()
			return err
		}
		done, err := b.Step(backupStep)
		if err != nil {
			b.Close()
			return err
		}
		if done {
			if progress != nil {
				progress(b.PageCount(), b.PageCount())
			}
			return b.Close()
		}
		if b.Remaining() == left {
			// Step reports a busy or locked database as not done, with nothing copied: wait.
			time.Sleep(10 * time.Millisecond)
			continue
		}
		left = b.Remaining()
		if progress != nil {
			progress(b.PageCount()-left, b.PageCount())
		}
	}
}

// syncFile makes what was written to the file at path durable.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

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
