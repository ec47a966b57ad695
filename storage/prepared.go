package storage

import (
	"context"
	"database/sql"
)

// An import of a whole dossier runs the same few dozen statements hundreds of thousands of
// times (a row of a meeting's child table, an index entry), and go-sqlite3 prepares, runs and
// finalizes a statement on every Exec: parsing and planning the SQL again each time. A
// transaction that writes in bulk carries its prepared statements in its context
// (withPrepared), and the writes that run in it use them through execIn and queryRowIn; outside
// such a transaction both are the plain Exec and QueryRow.

// preparedKey marks a context that carries a transaction's prepared statements.
type preparedKey struct{}

// prepared is the statements prepared on one transaction, by their SQL. They are closed with
// the transaction.
type prepared struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

// withPrepared is ctx carrying a cache of statements prepared on tx.
func withPrepared(ctx context.Context, tx *sql.Tx) context.Context {
	return context.WithValue(ctx, preparedKey{}, &prepared{tx: tx, stmts: map[string]*sql.Stmt{}})
}

// preparedFor is the statement for query prepared on tx, when ctx carries tx's cache; nil
// otherwise, or when it cannot be prepared (the plain call then gives the error).
func preparedFor(ctx context.Context, tx *sql.Tx, query string) *sql.Stmt {
	p, _ := ctx.Value(preparedKey{}).(*prepared)
	if p == nil || p.tx != tx {
		return nil
	}
	if st, ok := p.stmts[query]; ok {
		return st
	}
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	p.stmts[query] = st
	return st
}

// execIn is tx.ExecContext, through a prepared statement when ctx carries tx's cache. query
// must be one statement.
func execIn(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if st := preparedFor(ctx, tx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, query, args...)
}

// queryRowIn is tx.QueryRowContext, through a prepared statement when ctx carries tx's cache.
func queryRowIn(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	if st := preparedFor(ctx, tx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, query, args...)
}
