package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// StatementFilter selects statements; set fields are ANDed, empty ones select everything.
type StatementFilter struct {
	ActorID   string
	MeetingID string
	DisputeID string
	// Limit, when above 0, keeps the newest Limit statements: a page that shows the latest
	// reads no more (a dispute of the 100,000-meeting dossier has 700).
	Limit int
}

func checkStatement(st *Statement, has resolver) error {
	c := newChecker(kindStatement, shorten(st.Text, 40), st.ID)
	c.id(st.ID)
	c.required("actor_id", st.ActorID)
	c.required("text", st.Text)
	c.date("when", st.When)
	c.ref("actor_id", kindActor, st.ActorID, has)
	c.ref("meeting_id", kindMeeting, st.MeetingID, has)
	c.ref("dispute_id", kindDispute, st.DisputeID, has)
	c.ref("source_id", kindSource, st.SourceID, has)
	return c.err
}

// shorten cuts text to about n runes for a message.
//
// It reads no further than the n runes it keeps: an import names every statement it reads this
// way, and a statement may be long.
func shorten(text string, n int) string {
	var b strings.Builder
	kept, space := 0, false
	for len(text) > 0 {
		r, size := utf8.DecodeRuneInString(text)
		char := text[:size]
		text = text[size:]
		if unicode.IsSpace(r) {
			space = kept > 0 // spaces inside become one; at either end, none
			continue
		}
		switch {
		case kept == n:
			return b.String() + "…"
		case space && kept+1 == n:
			return b.String() + " …"
		}
		if space {
			b.WriteByte(' ')
			kept++
			space = false
		}
		b.WriteString(char)
		kept++
	}
	return b.String()
}

// CreateStatement stores a new statement.
func (s *Store) CreateStatement(ctx context.Context, st *Statement) error {
	rec := createdRecord(s, &st.ID, st)
	return saveChecked(ctx, s, st, rec, "create statement", shorten(st.Text, 40), checkStatement, insertStatement)
}

// UpdateStatement replaces a stored statement.
func (s *Store) UpdateStatement(ctx context.Context, st *Statement) error {
	rec := *st
	rec.Updated = s.stamp()
	return saveChecked(ctx, s, st, rec, "update statement", shorten(st.Text, 40), checkStatement,
		updateStamped(kindStatement, updateStatement))
}

func insertStatement(ctx context.Context, tx *sql.Tx, st *Statement) error {
	_, err := execIn(ctx, tx, `INSERT INTO statements (id, actor_id, text,
			when_kind, when_lower, when_upper, when_at, when_zone, when_from, when_to,
			occasion, meeting_id, dispute_id, source_id, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		cat([]any{st.ID, st.ActorID, st.Text}, toDateCols(st.When).args(),
			[]any{st.Occasion, nullID(st.MeetingID), nullID(st.DisputeID), nullID(st.SourceID),
				stampText(st.Created), stampText(st.Updated)})...)
	if err != nil {
		return err
	}
	return indexStatement(ctx, tx, st.ID, st.ActorID, st.Text, st.Occasion)
}

func updateStatement(ctx context.Context, tx *sql.Tx, st *Statement) error {
	err := execOne(ctx, tx, kindStatement, st.ID, `UPDATE statements SET actor_id = ?, text = ?,
			when_kind = ?, when_lower = ?, when_upper = ?, when_at = ?, when_zone = ?, when_from = ?, when_to = ?,
			occasion = ?, meeting_id = ?, dispute_id = ?, source_id = ?, created = ?, updated = ?
		WHERE id = ?`,
		cat([]any{st.ActorID, st.Text}, toDateCols(st.When).args(),
			[]any{st.Occasion, nullID(st.MeetingID), nullID(st.DisputeID), nullID(st.SourceID),
				stampText(st.Created), stampText(st.Updated), st.ID})...)
	if err != nil {
		return err
	}
	return indexStatement(ctx, tx, st.ID, st.ActorID, st.Text, st.Occasion)
}

// indexStatement indexes a statement under "Statement by <actor's name>".
func indexStatement(ctx context.Context, tx *sql.Tx, id, actorID, text, occasion string) error {
	var name string
	if err := queryRowIn(ctx, tx, `SELECT name FROM actors WHERE id = ?`, actorID).Scan(&name); err != nil {
		return fmt.Errorf("index statement %s: actor %s: %w", id, actorID, err)
	}
	return index(ctx, tx, kindStatement, id, "Statement by "+name, text, occasion)
}

// reindexStatementsOf indexes an actor's statements again, after the actor's name changed.
func reindexStatementsOf(ctx context.Context, tx *sql.Tx, actorID string) error {
	type stmt struct{ id, text, occasion string }
	list, err := collect(ctx, tx, `SELECT id, text, occasion FROM statements WHERE actor_id = ?`,
		[]any{actorID}, func(rows *sql.Rows) (stmt, error) {
			var st stmt
			err := rows.Scan(&st.id, &st.text, &st.occasion)
			return st, err
		})
	if err != nil {
		return err
	}
	for _, st := range list {
		if err := indexStatement(ctx, tx, st.id, actorID, st.text, st.occasion); err != nil {
			return err
		}
	}
	return nil
}

// DeleteStatement moves a statement to the trash.
func (s *Store) DeleteStatement(ctx context.Context, id string) error {
	_, err := s.MoveToTrash(ctx, kindStatement, id)
	return err
}

const statementColumns = `id, actor_id, text, when_kind, when_at, when_zone, when_from, when_to,
	occasion, coalesce(meeting_id, ''), coalesce(dispute_id, ''), coalesce(source_id, ''), created, updated`

func scanStatement(r row) (Statement, error) {
	var st Statement
	var when dateCols
	var stamp stampCols
	dest := cat([]any{&st.ID, &st.ActorID, &st.Text}, when.dests(),
		[]any{&st.Occasion, &st.MeetingID, &st.DisputeID, &st.SourceID}, stamp.dests())
	if err := r.Scan(dest...); err != nil {
		return Statement{}, err
	}
	// A row that scans but does not parse comes back with its ID, so that a listing that
	// reads around it can name it.
	var err error
	if st.When, err = when.date(); err != nil {
		return Statement{ID: st.ID}, err
	}
	if err := stamp.parse(&st.Created, &st.Updated); err != nil {
		return Statement{ID: st.ID}, err
	}
	return st, nil
}

// Statement returns one statement.
func (s *Store) Statement(ctx context.Context, id string) (Statement, error) {
	return readRow(ctx, s, "statement "+id, func(q querier) (Statement, error) { return loadStatement(ctx, q, id) })
}

// loadStatement reads one statement, or a not-found error.
func loadStatement(ctx context.Context, q querier, id string) (Statement, error) {
	return loadOne(ctx, q, kindStatement, `SELECT `+statementColumns+` FROM statements WHERE id = ?`, id, scanStatement)
}

// Statements lists the statements the filter selects, newest first, undated last.
func (s *Store) Statements(ctx context.Context, f StatementFilter) ([]Statement, error) {
	return s.statements(ctx, f, nil)
}

// StatementsAround lists statements as Statements does, reading around a statement that cannot
// be read (a row edited outside Parley): it is handed to skipped instead of failing the list.
func (s *Store) StatementsAround(ctx context.Context, f StatementFilter, skipped func(BadRow)) ([]Statement, error) {
	return s.statements(ctx, f, skipped)
}

func (s *Store) statements(ctx context.Context, f StatementFilter, skipped func(BadRow)) ([]Statement, error) {
	cond, args := f.where()
	query := `SELECT ` + statementColumns + ` FROM statements` + cond +
		` ORDER BY when_lower IS NULL, when_lower DESC, created DESC, id`
	if f.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	// Through read: inside a snapshot (a Briefing) on the snapshot's connection, in its state.
	var out []Statement
	err := s.read(ctx, func(q querier) error {
		var err error
		out, err = collect(ctx, q, query, args, func(rows *sql.Rows) (Statement, error) {
			st, err := scanStatement(rows)
			if err != nil && skipped != nil && badRow(err) {
				skipped(BadRow{Kind: kindStatement, ID: st.ID, Problem: err.Error()})
				return Statement{}, errSkip
			}
			return st, err
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("statements: %w", classify(err))
	}
	return out, nil
}

// where is the filter's WHERE clause (with its leading space; "" for every statement) and
// its arguments. Limit is not part of it.
func (f StatementFilter) where() (string, []any) {
	var where []string
	var args []any
	if f.ActorID != "" {
		where = append(where, `actor_id = ?`)
		args = append(args, f.ActorID)
	}
	if f.MeetingID != "" {
		where = append(where, `meeting_id = ?`)
		args = append(args, f.MeetingID)
	}
	if f.DisputeID != "" {
		where = append(where, `dispute_id = ?`)
		args = append(args, f.DisputeID)
	}
	if len(where) == 0 {
		return "", args
	}
	return ` WHERE ` + strings.Join(where, " AND "), args
}

// StatementCount counts the statements f lists, whatever its Limit.
func (s *Store) StatementCount(ctx context.Context, f StatementFilter) (int, error) {
	cond, args := f.where()
	n, err := readValue(ctx, s, func(q querier) (int, error) {
		var n int
		err := q.QueryRowContext(ctx, `SELECT count(*) FROM statements`+cond, args...).Scan(&n)
		return n, err
	})
	if err != nil {
		return 0, fmt.Errorf("statements: %w", classify(err))
	}
	return n, nil
}

func loadStatements(ctx context.Context, q querier, query string) ([]Statement, error) {
	return collect(ctx, q, query, nil, scanRows(scanStatement))
}
