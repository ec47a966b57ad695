package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema change, applied once, in one transaction.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded files 0001_*.sql, 0002_*.sql, … in order. An applied file is
// never edited: a change to the schema is a new file.
var migrations = loadMigrations()

func loadMigrations() []migration {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	var out []migration
	for i, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		n, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || n != i+1 {
			panic(fmt.Sprintf("storage: migration %s is out of sequence (want %04d_…)", base, i+1))
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			panic(err)
		}
		out = append(out, migration{version: n, name: base, sql: string(b)})
	}
	return out
}

// migrate applies the migrations the database has not seen yet, each in one transaction that
// also sets PRAGMA user_version, so a failed migration leaves the previous version intact.
func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d, this Parley knows up to %d: %w", version, len(migrations), ErrNewerSchema)
	}
	if version > 0 && version < len(migrations) {
		// A migration changes the user's file for good: first a copy of it as it was, beside
		// it, which File → Open database… (or --db) opens as it is.
		if err := s.copyBeforeUpgrade(ctx, version); err != nil {
			return err
		}
	}
	for _, m := range migrations[version:] {
		err := s.write(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			// PRAGMA takes no parameters; the version is a number from this file, not input.
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, m.version))
			return err
		})
		if err != nil {
			if strings.Contains(err.Error(), "no such module: fts5") {
				err = errors.Join(ErrNoFTS, err)
			}
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// copyBeforeUpgrade writes a consistent copy of the database, at schema version from, beside
// it as "NAME.before-upgrade-from-vN.db" (or "…-2.db" and so on when that name is taken).
func (s *Store) copyBeforeUpgrade(ctx context.Context, from int) error {
	base := strings.TrimSuffix(s.path, filepath.Ext(s.path))
	for i := 1; ; i++ {
		name := fmt.Sprintf("%s.before-upgrade-from-v%d.db", base, from)
		if i > 1 {
			name = fmt.Sprintf("%s.before-upgrade-from-v%d-%d.db", base, from, i)
		}
		if _, err := os.Stat(name); err == nil {
			continue
		}
		if err := copyDatabase(ctx, s.db, name, nil); err != nil {
			return fmt.Errorf("copy before the upgrade: %w", err)
		}
		s.upgradeCopy = name
		return nil
	}
}

// UpgradeCopy is the copy of the database made before this open brought its schema up to date,
// "" when none was needed.
func (s *Store) UpgradeCopy() string { return s.upgradeCopy }
