package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// applicationID marks a SQLite file as a Parley database ('PRLY'); migration 1 sets it.
const applicationID = 0x50524C59

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// Store is a Parley dossier kept in one SQLite file.
type Store struct {
	db      *sql.DB
	path    string
	created bool
	lock    *fileLock
	file    os.FileInfo // the file Open opened, to tell when it is moved or deleted
	// upgradeCopy is the copy made before a migration changed the file ("" when none).
	upgradeCopy string
	readOnly    bool // opened by OpenReader: writes are refused

	mu  sync.RWMutex
	now func() time.Time

	// The stamp Generation gives: the commits made here, and the connection kept for PRAGMA
	// data_version (nil until the first call).
	writes      atomic.Uint64
	versionMu   sync.Mutex
	versionConn *sql.Conn
}

// Open opens the dossier at path, creating it (mode 0600, empty schema) if it does not exist.
//
// An existing file is checked before it is opened for writing: a file that is not a Parley
// database, a damaged or truncated one, or one written by a newer Parley is refused with an
// error wrapping ErrNotParley, ErrDamaged or ErrNewerSchema, and left byte-for-byte untouched.
// A file another Parley holds gives ErrLocked; a file or folder that cannot be written gives
// ErrReadOnly.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open: no database path given")
	}
	if err := checkFTS(); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	created, err := prepareFile(ctx, path)
	if err != nil {
		return nil, err
	}
	lock, err := acquireLock(path)
	if err != nil {
		// A file this call created is whole and may be held by another Parley already: it
		// stays.
		switch {
		case errors.Is(err, errLockHeld):
			return nil, fmt.Errorf("open %s: %w", path, ErrLocked)
		case isPermission(err):
			return nil, fmt.Errorf("open %s: %w: %w", path, ErrReadOnly, err)
		}
		return nil, fmt.Errorf("open %s: lock: %w", path, err)
	}
	s, err := open(ctx, path, created)
	if err != nil {
		lock.release()
		if created {
			removeDatabase(path)
		}
		return nil, err
	}
	s.lock = lock
	if s.file, err = os.Stat(path); err != nil {
		s.Close()
		return nil, openError(path, err)
	}
	return s, nil
}

// ErrFileGone: the database file was moved, renamed or deleted while Parley had it open. A
// save still lands, but in a file no one can find once Parley closes it.
var ErrFileGone = errors.New("the database file was moved or deleted while Parley had it open")

// fileGone reports whether the file at the store's path is no longer the one it opened.
func (s *Store) fileGone() error {
	if s.file == nil {
		return nil
	}
	now, err := os.Stat(s.path)
	if err == nil && os.SameFile(now, s.file) {
		return nil
	}
	return fmt.Errorf("%s: %w", s.path, ErrFileGone)
}

// ErrNeedsUpgrade: a database of an older schema cannot be read without the upgrade that only
// a writing open makes.
var ErrNeedsUpgrade = errors.New("this database was written by an older Parley and must be brought up to date first")

// OpenReader opens the Parley database at path for reading only, without the lock that keeps
// a second writer out: a command that only reads (list, search, pack, export) works while a
// window holds the database, since WAL lets readers in beside a writer, and on a read-only
// disk. The file is checked as Open checks it and never written; a missing file, another
// program's, a damaged or a newer one is refused as Open refuses it, and one whose schema is
// older than this Parley's is ErrNeedsUpgrade (a writing open migrates it).
func OpenReader(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open: no database path given")
	}
	if err := checkFTS(); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if err := checkFile(path, info); err != nil {
		return nil, err
	}
	in, err := inspect(ctx, path, false)
	if err != nil {
		return nil, err
	}
	if in.version < len(migrations) {
		return nil, fmt.Errorf("open %s: schema version %d, this Parley's is %d: %w", path, in.version, len(migrations), ErrNeedsUpgrade)
	}
	query, err := readerQuery(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", fileURI(path, query))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := loadZones(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, classify(err))
	}
	s := &Store{db: db, path: path, now: time.Now, readOnly: true}
	if s.file, err = os.Stat(path); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	return s, nil
}

func open(ctx context.Context, path string, created bool) (*Store, error) {
	if !created {
		// The full check after an unclean shutdown, and before a migration changes the file.
		unclean := uncleanShutdown(path)
		in, err := inspect(ctx, path, unclean)
		if errors.Is(err, ErrInterrupted) {
			if err := rollBack(ctx, path); err != nil {
				return nil, err
			}
			in, err = inspect(ctx, path, true)
		}
		if err != nil {
			return nil, err
		}
		if !unclean && in.version < len(migrations) {
			if _, err := inspect(ctx, path, true); err != nil {
				return nil, err
			}
		}
	}
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, created: created, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, classify(err))
	}
	if err := loadZones(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, classify(err))
	}
	return s, nil
}

// dsn puts the per-connection settings in the data source name, so that every pooled
// connection has them. The plain path (no file: URI) opens exactly the file the user chose,
// even with # or % in its name; only a path with a ? needs the URI form, because the driver
// splits the name at the first ?.
//
// synchronous=FULL: a commit returns once the write-ahead log is on the disk, so that what
// the window shows as saved survives a power cut (in WAL mode NORMAL syncs only at
// checkpoints, and the last commits before a cut can be lost). docs/performance.md gives the
// cost: a fraction of a millisecond to a few milliseconds per save, one sync per transaction.
func dsn(path string) string {
	params := "_foreign_keys=1&_busy_timeout=5000&_journal_mode=WAL&_txlock=immediate&_stmt_cache_size=64&_synchronous=" + synchronous
	if strings.ContainsRune(path, '?') {
		return fileURI(path, params)
	}
	return path + "?" + params
}

// synchronous is the SQLite synchronous setting of every connection; a benchmark compares
// it with NORMAL.
var synchronous = "FULL"

// fileURI writes path as a SQLite URI filename with the given query.
func fileURI(path, query string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x, as file:///C:/x
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: query}
	return u.String()
}

// checkFile refuses what stands at path (info is its os.Stat) unless it may be a SQLite
// database: a folder, an empty file or one that does not start like a database is ErrNotParley.
func checkFile(path string, info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return fmt.Errorf("open %s: is a folder: %w", path, ErrNotParley)
	case info.Size() == 0:
		return fmt.Errorf("open %s: the file is empty: %w", path, ErrNotParley)
	}
	return checkMagic(path)
}

// checkMagic refuses a file that does not start like a SQLite database, reading only its
// header.
func checkMagic(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return openError(path, err)
	}
	defer f.Close()
	header := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, header); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return fmt.Errorf("open %s: %w", path, ErrNotParley)
		}
		return openError(path, err)
	}
	if string(header) != sqliteMagic {
		return fmt.Errorf("open %s: %w", path, ErrNotParley)
	}
	return nil
}

// prepareFile creates a missing database (createDatabase, with its folder with mode 0700), or
// checks that an existing one starts like a SQLite database. It never writes to an existing
// file.
func prepareFile(ctx context.Context, path string) (created bool, err error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return false, openError(path, err)
		}
		created, err := createDatabase(ctx, path)
		if err != nil || created {
			return created, err
		}
		// Another Parley made the file meanwhile: it is checked as any existing file.
		if info, err = os.Stat(path); err != nil {
			return false, openError(path, err)
		}
	case err != nil:
		return false, openError(path, err)
	}
	if err := checkFile(path, info); err != nil {
		return false, err
	}
	// A database Parley cannot write is refused here rather than at the first save: the file,
	// and its folder, where SQLite makes the -wal and -shm files beside it.
	w, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false, openError(path, err)
	}
	if err := w.Close(); err != nil {
		return false, openError(path, err)
	}
	if dir := filepath.Dir(path); !dirWritable(dir) {
		return false, fmt.Errorf("open %s: the folder %s cannot be written: %w", path, dir, ErrReadOnly)
	}
	return false, nil
}

func openError(path string, err error) error {
	if isPermission(err) {
		return fmt.Errorf("open %s: %w: %w", path, ErrReadOnly, err)
	}
	return fmt.Errorf("open %s: %w", path, err)
}

func isPermission(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// quickCheck runs PRAGMA quick_check table by table over the ordinary tables, which include
// the search index's own storage. A plain quick_check would also run FTS5's integrity check,
// which compares the whole index with its content and takes seconds on a large dossier,
// while the page-level check of the same tables takes a fraction of that.
func quickCheck(ctx context.Context, conn *sql.Conn) ([]string, error) {
	tables, err := collect(ctx, conn, `SELECT name FROM sqlite_schema
		WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
		UNION ALL SELECT 'sqlite_schema' ORDER BY 1`, nil, scanString)
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, t := range tables {
		// PRAGMA takes no parameters; the name is quoted as an identifier.
		lines, err := collect(ctx, conn, `PRAGMA quick_check("`+strings.ReplaceAll(t, `"`, `""`)+`")`, nil, scanString)
		if err != nil {
			return nil, err
		}
		for _, line := range lines {
			if line != "ok" && len(problems) < 3 {
				problems = append(problems, line)
			}
		}
	}
	return problems, nil
}

// removeDatabase removes a database file Open made and could not finish, with its WAL files.
func removeDatabase(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

// Close closes the database and lets another Parley open it.
func (s *Store) Close() error {
	s.closeVersionConn()
	err := s.db.Close()
	if s.lock != nil {
		s.lock.release()
		s.lock = nil
	}
	if err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// Path is the database file's path as given to Open.
func (s *Store) Path() string { return s.path }

// Created reports whether Open made a new, empty database (the caller may then load the sample).
func (s *Store) Created() bool { return s.created }

// SetClock replaces the clock that stamps Created, Updated and StatusChange.Recorded.
func (s *Store) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = now
}

// stamp is the current time as stored: UTC, to the millisecond.
func (s *Store) stamp() time.Time {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.now().UTC().Truncate(time.Millisecond)
}

// querier is what reads need: a transaction, a connection or the pool.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// write runs fn in one immediate transaction and commits it; any error rolls it back.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.readOnly {
		return s.refuseWrite()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	return s.commitWrite(tx, err, fn)
}

// commitWrite runs fn in tx, which BeginTx gave with err, and commits it; any error rolls it
// back. Every write, on the pool or on a connection of its own, ends here.
func (s *Store) commitWrite(tx *sql.Tx, err error, fn func(tx *sql.Tx) error) error {
	if err != nil {
		return fmt.Errorf("begin: %w", classify(err))
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return classify(err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", classify(err))
	}
	s.writes.Add(1) // the dossier changed: a screen that kept what it read reads again
	// Saved — but into a file that has gone, the user must hear it now, not at quit.
	return s.fileGone()
}

// read runs fn in one deferred (read) transaction, so that a record and its parts come from
// the same snapshot while writers go on. The driver begins every transaction with the
// immediate lock the DSN asks for, which writes need; reads begin their own. Inside snapshot,
// read joins the snapshot's transaction instead.
func (s *Store) read(ctx context.Context, fn func(q querier) error) error {
	if q, ok := ctx.Value(snapshotKey{s}).(querier); ok {
		return fn(q)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return classify(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN DEFERRED`); err != nil {
		return fmt.Errorf("begin: %w", classify(err))
	}
	err = fn(conn)
	// The read transaction ends even when ctx is done, before the connection goes back.
	if _, rerr := conn.ExecContext(context.Background(), `ROLLBACK`); rerr != nil && err == nil {
		err = fmt.Errorf("end read: %w", rerr)
	}
	return classify(err)
}

// readValue is read for a read that gives one value: load's result, from one snapshot.
func readValue[T any](ctx context.Context, s *Store, load func(q querier) (T, error)) (T, error) {
	var v T
	err := s.read(ctx, func(q querier) error {
		var err error
		v, err = load(q)
		return err
	})
	return v, err
}

// readRecord is readValue for one record: an error names the record (what), but for a
// not-found error, which names it itself.
func readRecord[T any](ctx context.Context, s *Store, what string, load func(q querier) (T, error)) (T, error) {
	v, err := readValue(ctx, s, load)
	if err != nil {
		var zero T
		return zero, wrapRead(what, err)
	}
	return v, nil
}

// readOf is readRecord for what is read of one record (its usage, its relations, the records
// that cite it): the record of kind with id must exist, or the read is its not-found error.
func readOf[T any](ctx context.Context, s *Store, kind, id, what string, load func(q querier) (T, error)) (T, error) {
	return readRecord(ctx, s, what, func(q querier) (T, error) {
		if err := mustExist(ctx, q, kind, id); err != nil {
			var zero T
			return zero, err
		}
		return load(q)
	})
}

// readRow is readRecord as the reads of a source and of a statement word their errors: the
// error read gives is classified once more.
func readRow[T any](ctx context.Context, s *Store, what string, load func(q querier) (T, error)) (T, error) {
	v, err := readValue(ctx, s, load)
	switch {
	case errors.Is(err, ErrNotFound):
		var zero T
		return zero, err
	case err != nil:
		var zero T
		return zero, fmt.Errorf("%s: %w", what, classify(err))
	}
	return v, nil
}

// readList is readValue for a list: an error says which list (what).
func readList[T any](ctx context.Context, s *Store, what string, load func(q querier) ([]T, error)) ([]T, error) {
	out, err := readValue(ctx, s, load)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// snapshotKey marks a context whose reads of this store share one read transaction.
type snapshotKey struct{ s *Store }

// snapshot runs fn with a context under which every read of the store — the public methods
// included — goes through one read transaction, so that a composite read such as Briefing
// sees the dossier in one state even while the user saves. fn must not use the context from
// another goroutine: the transaction lives on one connection.
func (s *Store) snapshot(ctx context.Context, fn func(ctx context.Context) error) error {
	return s.read(ctx, func(q querier) error {
		return fn(context.WithValue(ctx, snapshotKey{s}, q))
	})
}

// Setting returns a per-dossier setting, "" when it is not set.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.read(ctx, func(q querier) error {
		return q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	})
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("setting %s: %w", key, classify(err))
	}
	return v, nil
}

// SetSetting sets a per-dossier setting; an empty value removes it.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	if strings.TrimSpace(key) == "" {
		return &ValidationError{Record: "setting", Field: "key", Reason: "the name is empty"}
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		return setSetting(ctx, tx, key, value)
	})
}

// SetSettings sets several settings in one transaction: all of them or, on failure, none.
// Keys are set in sorted order, so the same map always writes the same way.
func (s *Store) SetSettings(ctx context.Context, values map[string]string) error {
	keys := make([]string, 0, len(values))
	for k := range values {
		if strings.TrimSpace(k) == "" {
			return &ValidationError{Record: "setting", Field: "key", Reason: "the name is empty"}
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, k := range keys {
			if err := setSetting(ctx, tx, k, values[k]); err != nil {
				return err
			}
		}
		return nil
	})
}

func setSetting(ctx context.Context, tx *sql.Tx, key, value string) error {
	var err error
	if value == "" {
		_, err = tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, key)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	}
	if err != nil {
		return fmt.Errorf("set setting %s: %w", key, err)
	}
	return nil
}

func settings(ctx context.Context, q querier) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings ORDER BY key`)
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("settings: %w", err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	return out, nil
}
