package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// An import into a database that holds no records writes every row of the dossier; each
// row also goes into every index of its table, one B-tree insertion per index in the order
// rows come. An index made once after the rows, from a sort of them, costs less. So such an
// import drops the indexes it can go without while it writes and makes them again, with the
// same SQL, before it commits — all in its transaction, so a failed or killed import leaves
// them as they were. Kept are: UNIQUE indexes (they refuse a duplicate as it comes), and
// indexes on a foreign key's column (SQLite looks through them, with deferred foreign keys,
// for rows that refer to a record just written).

// bulkIndexes is whether an import into an empty database makes its indexes after the rows.
// A test turns it off to compare the result with the row-by-row import.
var bulkIndexes = true

// droppedIndex is an index dropped for an import, with the SQL that makes it again.
type droppedIndex struct{ name, sql string }

// holdsRecords reports whether the database holds any record.
func holdsRecords(ctx context.Context, q querier) (bool, error) {
	var holds bool
	err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM tracks) OR EXISTS (SELECT 1 FROM sources)
		OR EXISTS (SELECT 1 FROM actors) OR EXISTS (SELECT 1 FROM disputes)
		OR EXISTS (SELECT 1 FROM meetings) OR EXISTS (SELECT 1 FROM statements)`).Scan(&holds)
	return holds, err
}

// dropIndexesForBulk drops the indexes an import into an empty database makes again after
// its rows (see above), and returns them.
func dropIndexesForBulk(ctx context.Context, tx *sql.Tx) ([]droppedIndex, error) {
	type index struct{ name, table, sql string }
	all, err := collect(ctx, tx, `SELECT name, tbl_name, sql FROM sqlite_schema
		WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`, nil, func(rows *sql.Rows) (index, error) {
		var i index
		err := rows.Scan(&i.name, &i.table, &i.sql)
		return i, err
	})
	if err != nil {
		return nil, fmt.Errorf("read the indexes: %w", err)
	}
	var dropped []droppedIndex
	for _, i := range all {
		keep, err := indexNeeded(ctx, tx, i.name, i.table, i.sql)
		if err != nil {
			return nil, err
		}
		if keep {
			continue
		}
		// The names are the schema's own, read just now, not input.
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+i.name+`"`); err != nil {
			return nil, fmt.Errorf("drop index %s: %w", i.name, err)
		}
		dropped = append(dropped, droppedIndex{i.name, i.sql})
	}
	return dropped, nil
}

// indexNeeded reports whether an import must keep the index while it writes: a UNIQUE index,
// or one whose first column is a column of a foreign key of its table.
func indexNeeded(ctx context.Context, tx *sql.Tx, name, table, def string) (bool, error) {
	if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(def)), "CREATE UNIQUE") {
		return true, nil
	}
	first, err := collect(ctx, tx, `SELECT coalesce(name, '') FROM pragma_index_info(?) WHERE seqno = 0`, []any{name}, scanString)
	if err != nil {
		return false, fmt.Errorf("read index %s: %w", name, err)
	}
	if len(first) == 0 || first[0] == "" {
		return false, nil // an index on an expression first: no foreign key looks through it
	}
	var fk bool
	err = tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pragma_foreign_key_list(?) WHERE "from" = ?)`, table, first[0]).Scan(&fk)
	if err != nil {
		return false, fmt.Errorf("read the foreign keys of %s: %w", table, err)
	}
	return fk, nil
}

// remakeIndexes makes the dropped indexes again, as the schema had them.
func remakeIndexes(ctx context.Context, tx *sql.Tx, dropped []droppedIndex) error {
	for _, i := range dropped {
		if _, err := tx.ExecContext(ctx, i.sql); err != nil {
			return fmt.Errorf("make index %s again: %w", i.name, err)
		}
	}
	return nil
}
