package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Conflict is a record a bundle import found changed both here and in the bundle since the
// two were last exchanged (or never exchanged before, so that Parley cannot tell which side
// changed it). Parley's copy stayed as it was; the incoming one is kept aside until
// ResolveConflicts settles it, across quitting and reopening.
type Conflict struct {
	Kind  string    `json:"kind"` // "meeting", "actor", …
	ID    string    `json:"id"`
	Title string    `json:"title"` // Parley's title (the incoming one when Parley's is gone)
	File  string    `json:"file,omitempty"`
	Found time.Time `json:"found"`
	// Known is true when an earlier exchange of the record is on record: both sides changed
	// it since. False: the record was never exchanged by this Parley, and the two copies differ.
	Known bool `json:"exchanged_before"`
	// Gone is true when Parley's copy was deleted after the conflict was found.
	Gone   bool        `json:"gone,omitempty"`
	Fields []FieldDiff `json:"fields"`
}

// FieldDiff is one field in which the two copies of a conflict differ, each value in words.
type FieldDiff struct {
	Field  string `json:"field"` // the bundle's name of the field: "title", "lines_to_take"
	Ours   string `json:"ours"`  // Parley's value, as text ("" when empty)
	Theirs string `json:"theirs"`
}

// Label is the field's name in words: "lines to take".
func (f FieldDiff) Label() string { return strings.ReplaceAll(f.Field, "_", " ") }

// Resolution says how to settle the conflict over one record: keep Parley's copy (the zero
// choice), take the incoming copy whole (All), or take the fields named in Theirs from the
// incoming copy and keep Parley's other fields.
type Resolution struct {
	Kind, ID string
	All      bool
	Theirs   []string
}

// stampFields are the fields a conflict does not compare: every save changes them.
var stampFields = map[string]bool{"created": true, "updated": true}

// fieldsOf is a record's bundle fields by name, in the order the bundle writes them, each as
// compact JSON; a field the bundle leaves out when empty is absent.
func fieldsOf(rec any) (names []string, values map[string]json.RawMessage, err error) {
	form := bundleForm(rec, false)
	b, err := json.Marshal(form)
	if err != nil {
		return nil, nil, err
	}
	if err := json.Unmarshal(b, &values); err != nil {
		return nil, nil, err
	}
	t := reflect.TypeOf(form)
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names, values, nil
}

// fieldsOfBoth is fieldsOf for two copies of a record: the names, and each copy's values.
func fieldsOfBoth(ours, theirs any) (names []string, a, b map[string]json.RawMessage, err error) {
	if names, a, err = fieldsOf(ours); err != nil {
		return nil, nil, nil, err
	}
	if _, b, err = fieldsOf(theirs); err != nil {
		return nil, nil, nil, err
	}
	return names, a, b, nil
}

// differences lists the fields in which two copies of a record differ, stamps aside.
func differences(ours, theirs any) ([]FieldDiff, error) {
	names, a, b, err := fieldsOfBoth(ours, theirs)
	if err != nil {
		return nil, err
	}
	var out []FieldDiff
	for _, name := range names {
		if stampFields[name] || bytes.Equal(a[name], b[name]) {
			continue
		}
		out = append(out, FieldDiff{Field: name, Ours: fieldText(ours, name), Theirs: fieldText(theirs, name)})
	}
	return out, nil
}

// fieldText writes one field of a record in words: a date as Parley writes dates, a list one
// item a line, an item's parts separated by " · ".
func fieldText(rec any, name string) string {
	v := reflect.ValueOf(bundleForm(rec, false))
	t := v.Type()
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); tag == name {
			return valueText(v.Field(i))
		}
	}
	return ""
}

var stringerType = reflect.TypeFor[fmt.Stringer]()

func valueText(v reflect.Value) string {
	if v.Type().Implements(stringerType) {
		return v.Interface().(fmt.Stringer).String()
	}
	if v.Type() == reflect.TypeFor[time.Time]() {
		if t := v.Interface().(time.Time); !t.IsZero() {
			return t.UTC().Format("2 Jan 2006 15:04 UTC")
		}
		return ""
	}
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		if v.Bool() {
			return "yes"
		}
		return ""
	case reflect.Int, reflect.Int64, reflect.Int32:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			if v.Len() == 0 {
				return ""
			}
			return fmt.Sprintf("a picture of %d KB", (v.Len()+1023)/1024)
		}
		lines := make([]string, 0, v.Len())
		for i := range v.Len() {
			lines = append(lines, valueText(v.Index(i)))
		}
		return strings.Join(lines, "\n")
	case reflect.Struct:
		var parts []string
		for i := range v.NumField() {
			if tag := v.Type().Field(i).Tag.Get("json"); tag == "-" || !v.Type().Field(i).IsExported() {
				continue
			}
			if s := valueText(v.Field(i)); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, " · ")
	}
	b, _ := json.Marshal(v.Interface())
	return string(b)
}

// keepAside stores the incoming copy of a record in conflict, replacing an earlier one.
func keepAside(ctx context.Context, tx *sql.Tx, kind, id string, rec any, theirUpdated, file string, now time.Time) (Conflict, error) {
	b, err := json.Marshal(bundleForm(rec, false))
	if err != nil {
		return Conflict{}, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO bundle_conflicts (kind, id, theirs, their_updated, file, found)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (kind, id) DO UPDATE SET theirs = excluded.theirs, their_updated = excluded.their_updated,
			file = excluded.file, found = excluded.found`, kind, id, string(b), theirUpdated, file, stampText(now))
	if err != nil {
		return Conflict{}, fmt.Errorf("keep the incoming copy aside: %w", err)
	}
	_, title := recordID(rec)
	return Conflict{Kind: kind, ID: id, Title: title, File: file, Found: now}, nil
}

// pendingConflict is a row of bundle_conflicts with the incoming record decoded.
type pendingConflict struct {
	kind, id, file string
	found          time.Time
	theirs         any
}

func scanPending(r row) (pendingConflict, error) {
	var p pendingConflict
	var raw, updated, found string
	if err := r.Scan(&p.kind, &p.id, &raw, &updated, &p.file, &found); err != nil {
		return p, err
	}
	ops, ok := exchangeKinds[p.kind]
	if !ok {
		return p, fmt.Errorf("a conflict over a record of unknown kind %q", p.kind)
	}
	var err error
	if p.found, err = parseStamp(found); err != nil {
		return p, err
	}
	p.theirs = ops.make()
	if fe := decodeValue(json.RawMessage(raw), reflect.ValueOf(p.theirs).Elem(), ""); fe != nil {
		return p, fmt.Errorf("the incoming copy of %s %s kept aside cannot be read: %s: %s", p.kind, p.id, fe.field, fe.reason)
	}
	// Each record on its own, as a bundle's are read: post dates come from their text.
	if err := checkRecord(p.kind, p.theirs, func(string, string) (bool, error) { return true, nil }); err != nil {
		return p, err
	}
	return p, nil
}

// conflictOf is the conflict a pending row stands for, against Parley's copy as it is now.
func conflictOf(ctx context.Context, q querier, p pendingConflict) (Conflict, any, error) {
	_, title := recordID(p.theirs)
	c := Conflict{Kind: p.kind, ID: p.id, Title: title, File: p.file, Found: p.found}
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM exchanges WHERE kind = ? AND id = ?`, p.kind, p.id).Scan(&one)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return c, nil, err
	}
	c.Known = err == nil
	local, err := exchangeKinds[p.kind].load(ctx, q, p.id)
	if errors.Is(err, ErrNotFound) {
		c.Gone = true
		local = exchangeKinds[p.kind].make()
	} else if err != nil {
		return c, nil, err
	} else {
		_, c.Title = recordID(local)
	}
	if c.Fields, err = differences(local, p.theirs); err != nil {
		return c, nil, err
	}
	if c.Gone {
		c.Fields = dropField(c.Fields, "id")
	}
	return c, local, nil
}

func dropField(fields []FieldDiff, name string) []FieldDiff {
	out := fields[:0]
	for _, f := range fields {
		if f.Field != name {
			out = append(out, f)
		}
	}
	return out
}

const pendingColumns = `kind, id, theirs, their_updated, file, found`

// Conflicts lists the conflicts awaiting a decision, oldest first, each compared field by
// field with Parley's copy as it is now.
func (s *Store) Conflicts(ctx context.Context) ([]Conflict, error) {
	var out []Conflict
	err := s.read(ctx, func(q querier) error {
		rows, err := q.QueryContext(ctx, `SELECT `+pendingColumns+` FROM bundle_conflicts ORDER BY found, kind, id`)
		if err != nil {
			return err
		}
		var pending []pendingConflict
		for rows.Next() {
			p, err := scanPending(rows)
			if err != nil {
				rows.Close()
				return err
			}
			pending = append(pending, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, p := range pending {
			c, _, err := conflictOf(ctx, q, p)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("conflicts: %w", err)
	}
	return out, nil
}

// ErrNoConflict is a resolution for a record that has no conflict awaiting a decision.
var ErrNoConflict = errors.New("no conflict awaits a decision")

// ResolveConflicts settles conflicts, all in one transaction: on any error nothing changes.
// Keeping Parley's copy leaves its content as it is; taking the incoming copy replaces it (or
// brings it back when it was deleted since); a field-by-field merge keeps Parley's copy with the
// chosen fields of the incoming one, checked as any edit is. A kept or merged copy is stamped
// now: the decision is a new version, which the other laptop takes when it comes back. Each way, the incoming
// copy counts as exchanged, so that importing the same bundle again is no new conflict.
func (s *Store) ResolveConflicts(ctx context.Context, choices []Resolution) error {
	now := s.stamp()
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, r := range choices {
			if err := resolveOne(ctx, tx, r, now); err != nil {
				return err
			}
		}
		return nil
	})
	var ve *ValidationError
	if err != nil && !errors.As(err, &ve) {
		return fmt.Errorf("resolve conflicts: %w", err)
	}
	return err
}

func resolveOne(ctx context.Context, tx *sql.Tx, r Resolution, now time.Time) error {
	p, err := scanPending(tx.QueryRowContext(ctx, `SELECT `+pendingColumns+` FROM bundle_conflicts WHERE kind = ? AND id = ?`, r.Kind, r.ID))
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %s: %w", r.Kind, r.ID, ErrNoConflict)
	}
	if err != nil {
		return err
	}
	c, local, err := conflictOf(ctx, tx, p)
	if err != nil {
		return err
	}
	ops := exchangeKinds[p.kind]
	has := dbResolver(ctx, tx)
	switch {
	case r.All:
		if err := checkRecord(p.kind, p.theirs, has); err != nil {
			return err
		}
		if c.Gone {
			err = ops.insert(ctx, tx, p.theirs)
		} else {
			err = ops.replace(ctx, tx, p.theirs)
		}
	case len(r.Theirs) > 0 && c.Gone:
		return fmt.Errorf("%s %q was deleted here since the conflict was found: take the incoming copy whole, or keep it deleted", p.kind, c.Title)
	case len(r.Theirs) == 0 && !c.Gone:
		// Parley's copy as it is, stamped now: the decision is a new version, so that the
		// other laptop, sent it back, takes it rather than seeing a copy older than its own.
		_, err = tx.ExecContext(ctx, `UPDATE `+ops.table+` SET updated = ? WHERE id = ?`, stampText(now), p.id)
	case len(r.Theirs) > 0:
		var merged any
		if merged, err = mergeFields(p.kind, local, p.theirs, r.Theirs, c.Fields); err != nil {
			return err
		}
		if err := checkRecord(p.kind, merged, has); err != nil {
			return err
		}
		setStamps(merged, time.Time{}, now)
		err = ops.replace(ctx, tx, merged)
	}
	if err != nil {
		return fmt.Errorf("%s %q: %w", p.kind, c.Title, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM bundle_conflicts WHERE kind = ? AND id = ?`, p.kind, p.id); err != nil {
		return err
	}
	theirs, err := exchangeOf(p.theirs)
	if err != nil {
		return err
	}
	return noteExchange(ctx, tx, p.kind, p.id, theirs, "resolve", p.file, now)
}

// mergeFields is Parley's copy of a record with the named fields taken from the incoming
// copy; only fields in which the two differ may be named.
func mergeFields(kind string, ours, theirs any, take []string, differ []FieldDiff) (any, error) {
	_, a, b, err := fieldsOfBoth(ours, theirs)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	var names []string
	for _, f := range differ {
		known[f.Field] = true
		names = append(names, f.Field)
	}
	sort.Strings(names)
	for _, f := range take {
		if !known[f] {
			return nil, fmt.Errorf("the two copies do not differ in a field %q (they differ in %s)", f, strings.Join(names, ", "))
		}
		if v, ok := b[f]; ok {
			a[f] = v
		} else {
			delete(a, f)
		}
	}
	raw, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	merged := exchangeKinds[kind].make()
	if fe := decodeValue(raw, reflect.ValueOf(merged).Elem(), ""); fe != nil {
		return nil, fmt.Errorf("field %s: %s", fe.field, fe.reason)
	}
	return merged, nil
}
