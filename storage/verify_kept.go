package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
)

// Besides the records, a dossier keeps rows that only Parley reads back: the trash (what a
// restore brings back), the record of exchanges (what the next import merges against) and the
// incoming copies kept aside in a conflict. A row of these edited or damaged outside Parley
// fails only when it is used — a restore refused, a conflict that cannot be shown — so Verify
// reads each as its use would and names those that cannot be read.

// Kinds of BadRow for the rows kept beside the records.
const (
	badTrash    = "trash item"
	badExchange = "exchange record of"
	badConflict = "conflict over"
)

// keptRowChecks read every row of the trash, the exchanges and the conflicts kept aside, and
// return those that cannot be read.
func keptRowChecks(ctx context.Context, q querier) ([]BadRow, error) {
	var bad []BadRow
	for _, check := range []func(context.Context, querier) ([]BadRow, error){badTrashRows, badExchangeRows, badConflictRows} {
		b, err := check(ctx, q)
		if err != nil {
			return nil, err
		}
		bad = append(bad, b...)
	}
	return bad, nil
}

// badTrashRows reads each deletion in the trash as a restore reads it: its entry, the copy of
// the records and every record in it checked on its own.
func badTrashRows(ctx context.Context, q querier) ([]BadRow, error) {
	ids, err := collect(ctx, q, `SELECT id FROM trash ORDER BY id`, nil, func(rows *sql.Rows) (int64, error) {
		var id int64
		err := rows.Scan(&id)
		return id, err
	})
	if err != nil {
		return nil, fmt.Errorf("the trash: %w", err)
	}
	var bad []BadRow
	for _, id := range ids {
		if err := readTrashRow(ctx, q, id); err != nil {
			bad = append(bad, BadRow{Kind: badTrash, ID: strconv.FormatInt(id, 10), Problem: err.Error()})
		}
	}
	return bad, nil
}

func readTrashRow(ctx context.Context, q querier, id int64) error {
	item, err := trashItem(ctx, q, id)
	if err != nil {
		return err
	}
	if _, ok := deleteQueries[item.Kind]; !ok {
		return fmt.Errorf("a deletion of a record of unknown kind %q", item.Kind)
	}
	snap, _, err := readSnapshot(ctx, q, item)
	if err != nil {
		return err
	}
	return snap.Records.check(func(string, string) (bool, error) { return true, nil })
}

// badExchangeRows reads the record of exchanges as an import compares with it: a kind of
// record that bundles carry, and the version's stamp and the exchange's time as Parley writes
// them.
func badExchangeRows(ctx context.Context, q querier) ([]BadRow, error) {
	type exchanged struct{ kind, id, updated, at string }
	rows, err := collect(ctx, q, `SELECT kind, id, updated, at FROM exchanges ORDER BY kind, id`, nil,
		func(rows *sql.Rows) (exchanged, error) {
			var e exchanged
			err := rows.Scan(&e.kind, &e.id, &e.updated, &e.at)
			return e, err
		})
	if err != nil {
		return nil, fmt.Errorf("the record of exchanges: %w", err)
	}
	var bad []BadRow
	for _, e := range rows {
		problem := ""
		if _, ok := exchangeKinds[e.kind]; !ok {
			problem = fmt.Sprintf("a record of unknown kind %q", e.kind)
		} else if _, err := parseStamp(e.updated); err != nil {
			problem = "the version exchanged: " + err.Error()
		} else if _, err := parseStamp(e.at); err != nil {
			problem = "when it was exchanged: " + err.Error()
		}
		if problem != "" {
			bad = append(bad, BadRow{Kind: badExchange, ID: e.kind + " " + e.id, Problem: problem})
		}
	}
	return bad, nil
}

// badConflictRows reads each incoming copy kept aside as the conflicts list reads it.
func badConflictRows(ctx context.Context, q querier) ([]BadRow, error) {
	type key struct{ kind, id string }
	keys, err := collect(ctx, q, `SELECT kind, id FROM bundle_conflicts ORDER BY kind, id`, nil,
		func(rows *sql.Rows) (key, error) {
			var k key
			err := rows.Scan(&k.kind, &k.id)
			return k, err
		})
	if err != nil {
		return nil, fmt.Errorf("the conflicts: %w", err)
	}
	var bad []BadRow
	for _, k := range keys {
		p, err := scanPending(q.QueryRowContext(ctx, `SELECT `+pendingColumns+` FROM bundle_conflicts WHERE kind = ? AND id = ?`, k.kind, k.id))
		if err == nil {
			var updated string
			if err = q.QueryRowContext(ctx, `SELECT their_updated FROM bundle_conflicts WHERE kind = ? AND id = ?`, p.kind, p.id).Scan(&updated); err == nil {
				_, err = parseStamp(updated)
			}
		}
		if err != nil {
			bad = append(bad, BadRow{Kind: badConflict, ID: k.kind + " " + k.id, Problem: err.Error()})
		}
	}
	return bad, nil
}
