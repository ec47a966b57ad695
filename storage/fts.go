package storage

import (
	"database/sql"
	"fmt"
)

// checkFTS makes sure the SQLite inside this binary has FTS5, which the search index needs.
func checkFTS() error {
	if builtWithFTS5 {
		return nil
	}
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNoFTS, err)
	}
	defer db.Close()
	var used int
	if err := db.QueryRow(`SELECT sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&used); err != nil {
		return fmt.Errorf("%w: %w", ErrNoFTS, err)
	}
	if used == 0 {
		return ErrNoFTS
	}
	return nil
}
