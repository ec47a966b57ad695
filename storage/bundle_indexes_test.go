//go:build sqlite_fts5

package storage_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/synth"
)

// TestImportIntoEmptyLikeRowByRow imports the same bundle into a new database twice: with
// the indexes made after the rows (as every import into an empty database does) and row by
// row (as into a database that holds records), and expects the same database: the same
// schema, and every table, the search index's own among them, holding the same rows.
func TestImportIntoEmptyLikeRowByRow(t *testing.T) {
	ctx := context.Background()
	stamp := time.Date(2026, 12, 2, 6, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		fill func(t *testing.T, s *storage.Store)
	}{
		{"sample", func(*testing.T, *storage.Store) {}},
		{"synth", func(t *testing.T, s *storage.Store) {
			_, err := synth.Generate(ctx, s, synth.Config{Meetings: 120, Actors: 30, Quotes: 200, Seed: 7}, nil)
			require.NoError(t, err)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := sampletest.Store(t)
			c.fill(t, src)
			var bundle bytes.Buffer
			_, err := src.ExportBundle(ctx, &bundle, stamp, nil)
			require.NoError(t, err)

			dbs := map[bool]string{}
			for _, bulk := range []bool{true, false} {
				restore := storage.SetBulkIndexes(bulk)
				path := filepath.Join(t.TempDir(), "new.db")
				s, err := storage.Open(ctx, path)
				require.NoError(t, err)
				s.SetClock(func() time.Time { return stamp })
				_, err = s.ImportBundle(ctx, func() (io.ReadCloser, error) {
					return io.NopCloser(bytes.NewReader(bundle.Bytes())), nil
				}, nil)
				restore()
				require.NoError(t, err)
				require.NoError(t, s.Close())
				dbs[bulk] = path
			}
			bulk, rowByRow := dumpDatabase(t, dbs[true]), dumpDatabase(t, dbs[false])
			require.Equal(t, len(rowByRow), len(bulk), "the same tables")
			for table, rows := range rowByRow {
				assert.Equal(t, rows, bulk[table], "table %s", table)
			}
			assert.Positive(t, len(rowByRow["meetings"]), "the dossier was imported")
		})
	}
}

// dumpDatabase reads a database's schema (without where its pages are) and every row of
// every table, each row as text, sorted.
func dumpDatabase(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	require.NoError(t, err)
	defer db.Close()
	out := map[string][]string{}
	var tables []string
	rows, err := db.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
	require.NoError(t, err)
	for rows.Next() {
		var typ, name, table, def string
		require.NoError(t, rows.Scan(&typ, &name, &table, &def))
		out["(schema)"] = append(out["(schema)"], strings.Join([]string{typ, name, table, def}, " | "))
		// A virtual table's rows are its shadow tables', which are listed too.
		if typ == "table" && !strings.HasPrefix(strings.ToUpper(def), "CREATE VIRTUAL") {
			tables = append(tables, name)
		}
	}
	require.NoError(t, rows.Err())
	require.NoError(t, rows.Close())
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM "` + table + `"`)
		require.NoError(t, err)
		cols, err := rows.Columns()
		require.NoError(t, err)
		var all []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, rows.Scan(ptrs...))
			all = append(all, fmt.Sprintf("%q", vals))
		}
		require.NoError(t, rows.Err())
		require.NoError(t, rows.Close())
		sort.Strings(all)
		out[table] = all
	}
	return out
}
