//go:build sqlite_fts5

package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVerify(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name    string
		spoil   func(t *testing.T, s *Store, w *world)
		check   func(t *testing.T, rep VerifyReport, w *world)
		repairs bool // RebuildIndex makes Verify pass again
	}{
		{"sound", func(*testing.T, *Store, *world) {}, func(t *testing.T, rep VerifyReport, _ *world) {
			assert.True(t, rep.OK(), "%+v", rep)
			assert.Positive(t, rep.Records)
		}, false},
		{"a row edited outside Parley", func(t *testing.T, s *Store, w *world) {
			rawExec(t, s.path, `UPDATE meetings SET when_zone = 'Mars/Olympus' WHERE id = '`+w.tokyo.ID+`'`)
		}, func(t *testing.T, rep VerifyReport, w *world) {
			assert.False(t, rep.OK())
			require.Len(t, rep.BadRows, 1, "only the bad row")
			assert.Equal(t, BadRow{Kind: kindMeeting, ID: w.tokyo.ID, Problem: rep.BadRows[0].Problem}, rep.BadRows[0])
			assert.Contains(t, rep.BadRows[0].Problem, "Mars/Olympus")
			assert.Equal(t, rep.Records, rep.Indexed)
		}, false},
		{"an emptied index", func(t *testing.T, s *Store, _ *world) {
			rawExec(t, s.path, `DELETE FROM search`)
		}, func(t *testing.T, rep VerifyReport, _ *world) {
			assert.False(t, rep.OK())
			assert.Zero(t, rep.Indexed)
			assert.Positive(t, rep.Records)
		}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, w := newWorld(t)
			c.spoil(t, s, w)
			rep, err := s.Verify(ctx)
			require.NoError(t, err)
			c.check(t, rep, w)
			if !c.repairs {
				return
			}
			n, err := s.RebuildIndex(ctx)
			require.NoError(t, err)
			assert.Equal(t, rep.Records, n)
			rep, err = s.Verify(ctx)
			require.NoError(t, err)
			assert.True(t, rep.OK(), "%+v", rep)
			hits, err := s.Search(ctx, "Tokyo", 5)
			require.NoError(t, err)
			assert.NotEmpty(t, hits, "search finds again")
		})
	}
}
