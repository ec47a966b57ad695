package storage

import (
	"context"
	"fmt"
)

// Generation is a stamp of the dossier's state: two stamps of one Store are equal only if
// nothing was committed to its file between them, by this Store or by any other connection
// or program. A screen keeps what it read with the stamp it read it under and reads again
// only when the stamp has changed. Stamps of different Stores are not comparable.
type Generation struct {
	writes  uint64 // the commits this Store made (commitWrite)
	version int64  // PRAGMA data_version on the Store's own connection: others' commits
}

// Generation returns the dossier's stamp: a counter of this Store's own commits and SQLite's
// PRAGMA data_version, which changes when another connection commits — a second Store, the
// sqlite3 shell, another program. data_version is a value of one connection, unchanged by
// that connection's own commits, so it is read on a connection kept for it alone, which
// never writes; a pooled connection would give a different connection's value each time.
// It costs one small query, microseconds.
func (s *Store) Generation(ctx context.Context) (Generation, error) {
	// The counter first: a commit that ends between the two reads shows in the version, or
	// in the next stamp's counter; either way no later stamp equals this one.
	g := Generation{writes: s.writes.Load()}
	s.versionMu.Lock()
	defer s.versionMu.Unlock()
	if s.versionConn == nil {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return g, fmt.Errorf("read the dossier's state: %w", classify(err))
		}
		s.versionConn = conn
	}
	if err := s.versionConn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&g.version); err != nil {
		// The connection is let go: the next call takes a fresh one.
		s.versionConn.Close()
		s.versionConn = nil
		return g, fmt.Errorf("read the dossier's state: %w", classify(err))
	}
	return g, nil
}

// closeVersionConn gives the connection Generation keeps back, before the pool closes: a
// connection still held would keep the file open.
func (s *Store) closeVersionConn() {
	s.versionMu.Lock()
	defer s.versionMu.Unlock()
	if s.versionConn != nil {
		s.versionConn.Close()
		s.versionConn = nil
	}
}
