//go:build sqlite_fts5

package storage

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestVerifyNamesBadKeptRows spoils one row of the trash, of the record of exchanges and of
// the conflicts kept aside, each as an edit outside Parley would, and expects Verify to name
// exactly that row, with the records themselves still all readable.
func TestVerifyNamesBadKeptRows(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name    string
		spoil   string // SQL; %s-free, the rows are found by what the world holds
		kind    string
		id      func(l *laptops, trashID int64) string
		problem string
	}{
		{"the copy kept in the trash", `UPDATE trash SET snapshot = '{"records": [' WHERE id = (SELECT max(id) FROM trash)`,
			badTrash, func(_ *laptops, id int64) string { return strconv.FormatInt(id, 10) }, "cannot be read"},
		{"what went with a deletion", `UPDATE trash SET came_with = 'lots' WHERE id = (SELECT max(id) FROM trash)`,
			badTrash, func(_ *laptops, id int64) string { return strconv.FormatInt(id, 10) }, "what went with"},
		{"a record in the trash that is not valid", `UPDATE trash SET snapshot = json_set(snapshot, '$.records.statements[0].text', '')
			WHERE id = (SELECT max(id) FROM trash)`,
			badTrash, func(_ *laptops, id int64) string { return strconv.FormatInt(id, 10) }, "text"},
		{"an exchange's version", `UPDATE exchanges SET updated = 'yesterday' WHERE kind = 'meeting' AND id = (SELECT id FROM meetings WHERE title = 'Moscow round')`,
			badExchange, func(l *laptops, _ int64) string { return kindMeeting + " " + l.w.moscow.ID }, "yesterday"},
		{"an exchange of an unknown kind", `UPDATE exchanges SET kind = 'treaty' WHERE kind = 'source'`,
			badExchange, func(l *laptops, _ int64) string { return "treaty " + l.w.source.ID }, "treaty"},
		{"the incoming copy kept aside", `UPDATE bundle_conflicts SET theirs = json_set(theirs, '$.status', 'exploded')`,
			badConflict, func(l *laptops, _ int64) string { return kindMeeting + " " + l.w.tokyo.ID }, "exploded"},
		{"when a conflict was found", `UPDATE bundle_conflicts SET found = 'soon'`,
			badConflict, func(l *laptops, _ int64) string { return kindMeeting + " " + l.w.tokyo.ID }, "soon"},
	} {
		t.Run(c.name, func(t *testing.T) {
			// A: a deletion in the trash, every record exchanged, one conflict kept aside.
			l := newLaptops(t)
			item, err := l.a.MoveToTrash(ctx, kindStatement, l.w.quote.ID)
			require.NoError(t, err)
			editMeeting(t, l.a, l.ca, l.w.tokyo.ID, func(m *Meeting) { m.Title = "Tokyo round (A)" })
			editMeeting(t, l.b, l.cb, l.w.tokyo.ID, func(m *Meeting) { m.Title = "Tokyo round (B)" })
			require.Len(t, ship(t, l.b, l.a, "from-b.json").Conflicts, 1)
			rep, err := l.a.Verify(ctx)
			require.NoError(t, err)
			require.True(t, rep.OK(), "sound before the edit: %+v", rep)

			rawExec(t, l.a.path, c.spoil)
			rep, err = l.a.Verify(ctx)
			require.NoError(t, err)
			assert.False(t, rep.OK())
			require.Len(t, rep.BadRows, 1, "only the spoilt row: %+v", rep.BadRows)
			bad := rep.BadRows[0]
			assert.Equal(t, c.kind, bad.Kind)
			assert.Equal(t, c.id(l, item.ID), bad.ID)
			assert.Contains(t, bad.Problem, c.problem)
			assert.Equal(t, rep.Records, rep.Indexed, "the records and their index are untouched")
		})
	}
}
