package storage

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Open checks what is cheap and independent of the dossier's size (the header, the
// application id and schema version, the page count against the file's size, the schema and
// the first page of every table); the full page-by-page check (quickCheck, about 1.5 ms per
// MB) runs only when it is worth its cost: after an unclean shutdown, before a migration or a
// backup, and when asked for (CheckIntegrity, `parley verify`, the window in the background).

// header is what Open reads from the first 100 bytes of a SQLite file.
type header struct {
	appID    uint32 // PRAGMA application_id, as the file holds it
	pageSize int64
	pages    int64 // the in-header database size; 0 when the header does not vouch for it
}

// readHeader reads and checks the database header: the file must start like a SQLite
// database, and must not be shorter than the page count its header gives (a truncated copy).
func readHeader(path string) (header, error) {
	f, err := os.Open(path)
	if err != nil {
		return header{}, openError(path, err)
	}
	defer f.Close()
	b := make([]byte, 100)
	if _, err := io.ReadFull(f, b); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			if strings.HasPrefix(string(b), sqliteMagic) {
				return header{}, fmt.Errorf("open %s: the file ends inside its header: %w", path, ErrDamaged)
			}
			return header{}, fmt.Errorf("open %s: %w", path, ErrNotParley)
		}
		return header{}, openError(path, err)
	}
	if string(b[:len(sqliteMagic)]) != sqliteMagic {
		return header{}, fmt.Errorf("open %s: %w", path, ErrNotParley)
	}
	h := header{pageSize: int64(binary.BigEndian.Uint16(b[16:18])), appID: binary.BigEndian.Uint32(b[68:72])}
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	if h.pageSize < 512 || h.pageSize&(h.pageSize-1) != 0 {
		return header{}, fmt.Errorf("open %s: the header gives a page size of %d: %w", path, h.pageSize, ErrDamaged)
	}
	// The page count is valid only when the "version valid for" number matches the change
	// counter (SQLite's file format, section 1.3.7).
	if binary.BigEndian.Uint32(b[24:28]) == binary.BigEndian.Uint32(b[92:96]) {
		h.pages = int64(binary.BigEndian.Uint32(b[28:32]))
	}
	info, err := f.Stat()
	if err != nil {
		return header{}, openError(path, err)
	}
	// A checkpoint copies the log's pages into the file in page order, page 1 with the new
	// count first; one cut short by a kill leaves the file shorter than its header says, and
	// the log, still whole, brings the rest back. The count vouches for the size only when no
	// log is pending (and with one, Open runs the full check).
	if want := h.pages * h.pageSize; info.Size() < want && !walPending(path) && !journalPending(path) {
		return header{}, fmt.Errorf("open %s: the file has %d bytes where its header counts %d pages of %d: %w",
			path, info.Size(), h.pages, h.pageSize, ErrDamaged)
	}
	return h, nil
}

// coreTables are tables every Parley schema has; a database without one of them is damaged.
var coreTables = []string{"settings", "sources", "tracks", "actors", "disputes", "meetings", "statements", "search_docs", "search"}

// inspection is what inspect learnt about an existing database.
type inspection struct {
	version int // its schema version (PRAGMA user_version)
}

// inspect checks an existing file through a read-only connection, which cannot change it:
// it must be a Parley database of a schema this Parley knows (not another program's, not even
// an empty one), with
// the tables that schema has, each of which must be readable. full adds quickCheck, the
// page-by-page check of everything, which catches damage that opens without error.
func inspect(ctx context.Context, path string, full bool) (inspection, error) {
	if _, err := readHeader(path); err != nil {
		return inspection{}, err
	}
	query, err := readerQuery(path)
	if err != nil {
		return inspection{}, err
	}
	db, err := sql.Open("sqlite3", fileURI(path, query))
	if err != nil {
		return inspection{}, fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		// The driver's first statements run as it connects.
		if hotJournal(err) {
			return inspection{}, fmt.Errorf("open %s: %w", path, ErrInterrupted)
		}
		return inspection{}, fmt.Errorf("open %s: %w", path, classify(err))
	}
	defer conn.Close()

	var appID, objects int
	var in inspection
	err = conn.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID)
	if err == nil {
		err = conn.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&in.version)
	}
	if err == nil {
		err = conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&objects)
	}
	if err != nil {
		if hotJournal(err) {
			return inspection{}, fmt.Errorf("open %s: %w", path, ErrInterrupted)
		}
		return inspection{}, fmt.Errorf("open %s: %w", path, classify(err))
	}
	switch {
	case appID == 0 && in.version == 0 && objects == 0:
		// Another program's empty database: Parley writes only files it created or was asked
		// to create, so it refuses this one, untouched, rather than make it its own.
		return inspection{}, fmt.Errorf("open %s: an empty database of another program: %w", path, ErrNotParley)
	case appID != applicationID:
		return inspection{}, fmt.Errorf("open %s: %w", path, ErrNotParley)
	case in.version > len(migrations):
		return inspection{}, fmt.Errorf("open %s: schema version %d, this Parley knows up to %d: %w",
			path, in.version, len(migrations), ErrNewerSchema)
	case in.version < 1:
		return inspection{}, fmt.Errorf("open %s: marked as Parley but has no schema version: %w", path, ErrDamaged)
	}
	if err := checkSchema(ctx, conn); err != nil {
		return inspection{}, fmt.Errorf("open %s: %w", path, err)
	}
	if full {
		if err := checkPages(ctx, conn); err != nil {
			return inspection{}, fmt.Errorf("open %s: %w", path, err)
		}
	}
	return in, nil
}

// checkSchema makes sure the core tables are there and reads the first row of every table,
// which reads its root page: a few dozen pages, whatever the size of the dossier.
func checkSchema(ctx context.Context, conn *sql.Conn) error {
	tables, err := collect(ctx, conn, `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`, nil, scanString)
	if err != nil {
		return classify(err)
	}
	have := map[string]bool{}
	for _, t := range tables {
		have[t] = true
	}
	for _, t := range coreTables {
		if !have[t] {
			return fmt.Errorf("the table %s is missing: %w", t, ErrDamaged)
		}
	}
	for _, t := range tables {
		// The name comes from the schema, quoted as an identifier; it is not user input.
		rows, err := conn.QueryContext(ctx, `SELECT * FROM "`+strings.ReplaceAll(t, `"`, `""`)+`" LIMIT 1`)
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			rows.Close()
		}
		if err != nil {
			return fmt.Errorf("table %s: %w", t, classify(err))
		}
	}
	return nil
}

// checkPages runs quickCheck and turns what it finds into ErrDamaged.
func checkPages(ctx context.Context, conn *sql.Conn) error {
	problems, err := quickCheck(ctx, conn)
	if err != nil {
		return classify(err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w (%s)", ErrDamaged, strings.Join(problems, "; "))
	}
	return nil
}

// uncleanShutdown reports whether the last Parley to use the database ended without closing
// it: SQLite removes the write-ahead log when the last connection closes, so a log left
// behind while Open holds the lock (no other Parley has the file) means a crash, a kill or a
// power cut. A log left by another program reading the file only costs a full check.
func uncleanShutdown(path string) bool {
	_, err := os.Stat(path + "-wal")
	return !errors.Is(err, fs.ErrNotExist)
}

// journalPending reports whether a rollback journal with content lies beside the database:
// a write cut off before WAL mode, which the next writing open rolls back.
func journalPending(path string) bool {
	info, err := os.Stat(path + "-journal")
	return err == nil && info.Size() > 0
}

// walPending reports whether a write-ahead log with content lies beside the database.
func walPending(path string) bool {
	info, err := os.Stat(path + "-wal")
	return err == nil && info.Size() > 0
}

// CheckIntegrity runs the full check of every page of the database (PRAGMA quick_check,
// table by table), which Open skips unless the last session ended uncleanly. Damage gives
// an error wrapping ErrDamaged that says what is wrong. It reads the whole file: about
// 1.5 ms per MB.
func (s *Store) CheckIntegrity(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("check %s: %w", s.path, classify(err))
	}
	defer conn.Close()
	if err := checkPages(ctx, conn); err != nil {
		return fmt.Errorf("check %s: %w", s.path, err)
	}
	return nil
}
