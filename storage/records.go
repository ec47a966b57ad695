package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// stringList is a child table holding an ordered list of text for one owner record
// (a track's parties, a meeting's objectives, an actor's tags…).
type stringList struct {
	insert string // INSERT … (owner, seq, value) VALUES (?, ?, ?)
	clear  string // DELETE … WHERE owner = ?
	one    string // SELECT value … WHERE owner = ? ORDER BY seq
	all    string // SELECT owner, value … ORDER BY owner, seq
}

// newStringList gives the statements of the child table table, whose rows are (owner, seq,
// value). The names are constants of the schema, never user input; values go in as ? only.
func newStringList(table, owner, value string) stringList {
	return stringList{
		insert: `INSERT INTO ` + table + ` (` + owner + `, seq, ` + value + `) VALUES (?, ?, ?)`,
		clear:  `DELETE FROM ` + table + ` WHERE ` + owner + ` = ?`,
		one:    `SELECT ` + value + ` FROM ` + table + ` WHERE ` + owner + ` = ? ORDER BY seq`,
		all:    `SELECT ` + owner + `, ` + value + ` FROM ` + table + ` ORDER BY ` + owner + `, seq`,
	}
}

func (l stringList) replace(ctx context.Context, tx *sql.Tx, owner string, values []string) error {
	return replaceChildren(ctx, tx, l.clear, l.insert, owner, values, func(v string) []any { return []any{v} })
}

func (l stringList) load(ctx context.Context, q querier, owner string) ([]string, error) {
	return collect(ctx, q, l.one, []any{owner}, scanString)
}

func (l stringList) loadAll(ctx context.Context, q querier) (map[string][]string, error) {
	return collectByOwner(ctx, q, l.all, nil, scanOwned(func(v *string) []any { return []any{v} }))
}

// loadFor loads the list of one owner, or of every owner when owner is "", by owner.
func (l stringList) loadFor(ctx context.Context, q querier, owner string) (map[string][]string, error) {
	if owner == "" {
		return l.loadAll(ctx, q)
	}
	one, err := l.load(ctx, q, owner)
	return map[string][]string{owner: one}, err
}

// replaceChildren replaces the rows a child table holds for owner: clear deletes them, and
// insert, with the owner, the position and values(item), writes one row an item, in order.
// An owner inserted just now (ownerInserted) has no rows to clear.
func replaceChildren[T any](ctx context.Context, tx *sql.Tx, clear, insert, owner string, items []T, values func(T) []any) error {
	if id, _ := ctx.Value(insertedOwnerKey{}).(string); id != owner {
		if _, err := execIn(ctx, tx, clear, owner); err != nil {
			return err
		}
	}
	for i, item := range items {
		if _, err := execIn(ctx, tx, insert, append([]any{owner, i}, values(item)...)...); err != nil {
			return err
		}
	}
	return nil
}

// insertedOwnerKey marks a context in which the record with this ID was inserted by the
// statement just run, so that its child rows are written without first deleting what it
// holds: it holds nothing, since a child row cannot outlive its owner (foreign keys, with
// ON DELETE CASCADE). A meeting has twenty child tables; an import of 100,000 meetings ran
// two million DELETEs that found nothing.
type insertedOwnerKey struct{}

// ownerInserted is ctx saying that the record id was inserted just now.
func ownerInserted(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, insertedOwnerKey{}, id)
}

// ownedBy narrows a query over a child table to the rows of one owner; with id "" it leaves
// the query reading every row. where is a fixed SQL fragment; the ID goes in args.
func ownedBy(column, id string) (where string, args []any) {
	if id == "" {
		return "", nil
	}
	return "WHERE " + column + " = ?", []any{id}
}

// scanOwned scans a child row whose first column is its owner's ID and whose others go to
// the fields dests points at.
func scanOwned[T any](dests func(*T) []any) func(*sql.Rows) (string, T, error) {
	return func(rows *sql.Rows) (string, T, error) {
		var owner string
		var v T
		err := rows.Scan(append([]any{&owner}, dests(&v)...)...)
		return owner, v, err
	}
}

func scanString(rows *sql.Rows) (string, error) {
	var s string
	err := rows.Scan(&s)
	return s, err
}

// loadWithParts reads the records query selects, then the child rows of every record with
// parts, and fills each record in.
func loadWithParts[T, P any](ctx context.Context, q querier, query string, scan func(row) (T, error),
	parts func(context.Context, querier, string) (P, error), fill func(P, *T)) ([]T, error) {
	records, err := collect(ctx, q, query, nil, scanRows(scan))
	if err != nil {
		return nil, err
	}
	p, err := parts(ctx, q, "")
	if err != nil {
		return nil, err
	}
	for i := range records {
		fill(p, &records[i])
	}
	return records, nil
}

// loadOneWithParts reads the record of the given kind and ID that query selects, with its
// child rows; a missing record is a not-found error.
func loadOneWithParts[T, P any](ctx context.Context, q querier, kind, query, id string, scan func(row) (T, error),
	parts func(context.Context, querier, string) (P, error), fill func(P, *T)) (T, error) {
	var zero T
	rec, err := loadOne(ctx, q, kind, query, id, scan)
	if err != nil {
		return zero, err
	}
	p, err := parts(ctx, q, id)
	if err != nil {
		return zero, err
	}
	fill(p, &rec)
	return rec, nil
}

// loadOne reads the record of the given kind and ID that query selects; a missing record is
// a not-found error. Another error comes with what scan made of the row.
func loadOne[T any](ctx context.Context, q querier, kind, query, id string, scan func(row) (T, error)) (T, error) {
	rec, err := scan(q.QueryRowContext(ctx, query, id))
	if errors.Is(err, sql.ErrNoRows) {
		var zero T
		return zero, notFound(kind, id)
	}
	return rec, err
}

// row is what a scan function reads from: a *sql.Row or the current row of *sql.Rows.
type row interface{ Scan(...any) error }

// scanRows adapts a scan function for one row to collect.
func scanRows[T any](scan func(row) (T, error)) func(*sql.Rows) (T, error) {
	return func(rows *sql.Rows) (T, error) { return scan(rows) }
}

// collect runs a query and scans every row with scan, checking rows.Err.
func collect[T any](ctx context.Context, q querier, query string, args []any, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if errors.Is(err, errSkip) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// errSkip from collect's scan leaves the row out: a listing that reads around a bad row has
// named it already.
var errSkip = errors.New("row left out")

// collectByOwner runs a query over a child table and groups the rows by their owner.
func collectByOwner[T any](ctx context.Context, q querier, query string, args []any, scan func(*sql.Rows) (string, T, error)) (map[string][]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]T{}
	for rows.Next() {
		owner, v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out[owner] = append(out[owner], v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// newID makes a record ID.
func newID() string { return uuid.NewString() }

// exists tells whether a record of the kind has the ID.
func exists(ctx context.Context, q querier, kind, id string) (bool, error) {
	query, ok := existsQueries[kind]
	if !ok {
		return false, fmt.Errorf("unknown record kind %q", kind)
	}
	var one int
	err := q.QueryRowContext(ctx, query, id).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("look up %s %s: %w", kind, id, err)
	}
	return true, nil
}

// mustExist is nil when the record of kind with id exists, and a not-found error when not.
func mustExist(ctx context.Context, q querier, kind, id string) error {
	ok, err := exists(ctx, q, kind, id)
	if err != nil {
		return err
	}
	if !ok {
		return notFound(kind, id)
	}
	return nil
}

var existsQueries = map[string]string{
	kindTrack:     `SELECT 1 FROM tracks WHERE id = ?`,
	kindMeeting:   `SELECT 1 FROM meetings WHERE id = ?`,
	kindActor:     `SELECT 1 FROM actors WHERE id = ?`,
	kindDispute:   `SELECT 1 FROM disputes WHERE id = ?`,
	kindStatement: `SELECT 1 FROM statements WHERE id = ?`,
	kindSource:    `SELECT 1 FROM sources WHERE id = ?`,
}

var stampQueries = map[string]string{
	kindTrack:     `SELECT created, updated FROM tracks WHERE id = ?`,
	kindMeeting:   `SELECT created, updated FROM meetings WHERE id = ?`,
	kindActor:     `SELECT created, updated FROM actors WHERE id = ?`,
	kindDispute:   `SELECT created, updated FROM disputes WHERE id = ?`,
	kindStatement: `SELECT created, updated FROM statements WHERE id = ?`,
	kindSource:    `SELECT created, updated FROM sources WHERE id = ?`,
}

// createdRecord is what a Create method stores: the caller's record given a new ID through id (its
// ID field) when it has none, copied, and the copy stamped created and updated now. The
// caller's record takes the stamps only once the write succeeds (saveChecked).
func createdRecord[T any](s *Store, id *string, rec *T) T {
	if *id == "" {
		*id = newID()
	}
	out := *rec
	created, updated := stampsOf(&out)
	*created = s.stamp()
	*updated = *created
	return out
}

// saveSelfContained is saveChecked for a record that names no other (a source, a track): check
// runs before the write transaction begins, so an invalid record is refused without waiting
// for the write lock.
func saveSelfContained[T any](ctx context.Context, s *Store, out *T, rec T, action, title string, check func(*T) error, write func(context.Context, *sql.Tx, *T) error) error {
	if err := check(out); err != nil {
		return err
	}
	return saveChecked(ctx, s, out, rec, action, title, func(*T, resolver) error { return nil }, write)
}

// updateStamped is the write of an update: the record takes the Created stamp stored for it,
// then update replaces the stored record with it.
func updateStamped[T any](kind string, update func(context.Context, *sql.Tx, *T) error) func(context.Context, *sql.Tx, *T) error {
	return func(ctx context.Context, tx *sql.Tx, rec *T) error {
		created, _ := stampsOf(rec)
		id, _ := recordID(rec)
		var err error
		if *created, _, err = stamps(ctx, tx, kind, id); err != nil {
			return err
		}
		return update(ctx, tx, rec)
	}
}

// saveChecked checks rec, a copy of *out, against the stored records (the actors, disputes
// and sources it names), then writes it, in one transaction, and only then copies it to *out.
// An error says what was being done (action) to which record (title), a *ValidationError
// excepted (wrapWrite).
func saveChecked[T any](ctx context.Context, s *Store, out *T, rec T, action, title string, check func(*T, resolver) error, write func(context.Context, *sql.Tx, *T) error) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := check(&rec, dbResolver(ctx, tx)); err != nil {
			return err
		}
		if err := checkLimits(recordName(&rec), &rec); err != nil {
			return err
		}
		return write(ctx, tx, &rec)
	})
	if err != nil {
		return wrapWrite(action, title, err)
	}
	*out = rec
	return nil
}

// stamps returns the stored Created and Updated times of a record, or a not-found error.
func stamps(ctx context.Context, q querier, kind, id string) (created, updated time.Time, err error) {
	var c stampCols
	err = q.QueryRowContext(ctx, stampQueries[kind], id).Scan(c.dests()...)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, time.Time{}, notFound(kind, id)
	}
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	if err := c.parse(&created, &updated); err != nil {
		return time.Time{}, time.Time{}, err
	}
	return created, updated, nil
}

// stampCols are the created and updated columns of a record as read.
type stampCols struct{ created, updated string }

func (c *stampCols) dests() []any { return []any{&c.created, &c.updated} }

// parse sets the record's Created and Updated times.
func (c stampCols) parse(created, updated *time.Time) error {
	var err error
	if *created, err = parseStamp(c.created); err != nil {
		return err
	}
	*updated, err = parseStamp(c.updated)
	return err
}

var deleteQueries = map[string]string{
	kindTrack:     `DELETE FROM tracks WHERE id = ?`,
	kindMeeting:   `DELETE FROM meetings WHERE id = ?`,
	kindActor:     `DELETE FROM actors WHERE id = ?`,
	kindDispute:   `DELETE FROM disputes WHERE id = ?`,
	kindStatement: `DELETE FROM statements WHERE id = ?`,
	kindSource:    `DELETE FROM sources WHERE id = ?`,
}

// deleteRecord deletes a record with its entry in the search index, or gives a not-found
// error; its child rows go with it (ON DELETE CASCADE).
func deleteRecord(ctx context.Context, tx *sql.Tx, kind, id string) error {
	err := execOne(ctx, tx, kind, id, deleteQueries[kind], id)
	if err != nil {
		return err
	}
	return unindex(ctx, tx, kind, id)
}

// wrapRead adds what was being read to an error, but hands a not-found error back as it is:
// it names the record already.
func wrapRead(what string, err error) error {
	if errors.Is(err, ErrNotFound) {
		return err
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Record kinds, as Hit.Kind and error messages name them.
const (
	kindTrack     = "track"
	kindMeeting   = "meeting"
	kindActor     = "actor"
	kindDispute   = "dispute"
	kindStatement = "statement"
	kindSource    = "source"
)

// notFound is the error for a missing record: "meeting 2b1f…: not found".
func notFound(kind, id string) error {
	return fmt.Errorf("%s %s: %w", kind, id, ErrNotFound)
}

// resolver tells whether a referenced record exists: in the database for one write, in the
// dossier or the database for an import.
type resolver func(kind, id string) (bool, error)

func dbResolver(ctx context.Context, q querier) resolver {
	return func(kind, id string) (bool, error) { return exists(ctx, q, kind, id) }
}

// checker collects the first problem with one record, naming the record and the field.
type checker struct {
	record string
	err    error
}

func newChecker(kind, title, id string) *checker {
	name := kind
	switch {
	case title != "" && id != "":
		name = fmt.Sprintf("%s %q (%s)", kind, title, id)
	case title != "":
		name = fmt.Sprintf("%s %q", kind, title)
	case id != "":
		name = fmt.Sprintf("%s %s", kind, id)
	}
	return &checker{record: name}
}

// fail records a problem with field unless one was found already.
func (c *checker) fail(field, format string, args ...any) {
	if c.err == nil {
		c.err = &ValidationError{Record: c.record, Field: field, Reason: fmt.Sprintf(format, args...)}
	}
}

// failed records a non-validation error (a failed lookup) unless one was found already.
func (c *checker) failed(err error) {
	if c.err == nil && err != nil {
		c.err = err
	}
}

func (c *checker) id(id string) {
	switch {
	case strings.TrimSpace(id) == "":
		c.fail("id", "the ID is empty")
	case len(id) > 200 || id != strings.TrimSpace(id) || !utf8.ValidString(id) || strings.ContainsAny(id, "\x00\n\r\t"):
		c.fail("id", "%q is not a usable ID", id)
	}
}

func (c *checker) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		c.fail(field, "it is empty")
	}
}

func (c *checker) date(field string, f FuzzyDate) {
	if f.Approx {
		c.fail(field, "only a meeting's date can be approximate; give the span it may fall in, e.g. 2015..2017")
		return
	}
	c.meetingDate(field, f)
}

// meetingDate checks a meeting's date (or a status change's), which may be approximate: only
// those columns keep the flag (migration 0009).
func (c *checker) meetingDate(field string, f FuzzyDate) {
	if err := f.Validate(); err != nil {
		c.fail(field, "%s", err.Error())
	}
}

// partial checks that a partial date, when given, exists.
func (c *checker) partial(field string, d PartialDate) {
	if !d.IsZero() {
		if err := d.Validate(); err != nil {
			c.fail(field, "%v", err)
		}
	}
}

// refList checks a list of references: each given once (twice says so, with %s for the ID)
// and pointing at an existing record of kind.
func (c *checker) refList(field, kind string, ids []string, has resolver, twice string) {
	seen := map[string]bool{}
	for i, id := range ids {
		f := fmt.Sprintf("%s[%d]", field, i)
		c.required(f, id)
		if seen[id] {
			c.fail(f, twice, id)
		}
		seen[id] = true
		c.ref(f, kind, id, has)
	}
}

// ref checks that an optional reference points at an existing record.
func (c *checker) ref(field, kind, id string, has resolver) {
	if id == "" || c.err != nil {
		return
	}
	ok, err := has(kind, id)
	if err != nil {
		c.failed(err)
		return
	}
	if !ok {
		c.fail(field, "no %s has the ID %s", kind, id)
	}
}

func oneOf[T ~string](value T, allowed []T) bool {
	for _, a := range allowed {
		if value == a {
			return true
		}
	}
	return false
}

func listOf[T ~string](values []T) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}

// noEmpty checks that no entry of a list is blank.
func (c *checker) noEmpty(field string, values []string) {
	for i, v := range values {
		if strings.TrimSpace(v) == "" {
			c.fail(fmt.Sprintf("%s[%d]", field, i), "it is empty")
		}
	}
}

// execOne runs a statement that changes one record, the one of kind with id (an UPDATE or a
// DELETE by ID): that no row changed is a not-found error.
func execOne(ctx context.Context, tx *sql.Tx, kind, id, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound(kind, id)
	}
	return nil
}
