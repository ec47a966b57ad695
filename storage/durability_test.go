//go:build sqlite_fts5

package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConnectionsSyncEveryCommit(t *testing.T) {
	s, _ := newStore(t)
	var mode int
	require.NoError(t, s.db.QueryRow(`PRAGMA synchronous`).Scan(&mode))
	assert.Equal(t, 2, mode, "FULL")
}

// BenchmarkSync measures what synchronous=FULL costs against NORMAL: a save (UpdateMeeting,
// one transaction) and an import of 1,000 meetings in one transaction.
func BenchmarkSync(b *testing.B) {
	ctx := context.Background()
	defer func(was string) { synchronous = was }(synchronous)
	stamp := time.Date(2016, 6, 20, 9, 0, 0, 0, time.UTC)
	for _, mode := range []string{"NORMAL", "FULL"} {
		synchronous = mode
		b.Run("save/"+mode, func(b *testing.B) {
			s, err := Open(ctx, filepath.Join(b.TempDir(), "d.db"))
			require.NoError(b, err)
			defer s.Close()
			m := Meeting{Title: "Tokyo round", Status: StatusScheduled}
			require.NoError(b, s.CreateMeeting(ctx, &m))
			i := 0
			for b.Loop() {
				i++
				m.Purpose = fmt.Sprintf("draft %d", i)
				require.NoError(b, s.UpdateMeeting(ctx, &m))
			}
		})
		b.Run("import-1000/"+mode, func(b *testing.B) {
			s, err := Open(ctx, filepath.Join(b.TempDir(), "d.db"))
			require.NoError(b, err)
			defer s.Close()
			round := 0
			for b.Loop() {
				round++
				d := &Dossier{}
				for i := range 1000 {
					d.Meetings = append(d.Meetings, Meeting{ID: fmt.Sprintf("m%d-%d", round, i), Title: "Round",
						Status: StatusHeld, Purpose: "Talks on the peace treaty.", Created: stamp, Updated: stamp})
				}
				_, err := s.ImportDossier(ctx, d)
				require.NoError(b, err)
			}
		})
	}
}
