//go:build sqlite_fts5

package tasks

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

// An export notes what it carries; a copy edited on the other laptop and here comes back as a
// conflict the report spells out, and ResolveConflicts says what became of it.
func TestExchangeThroughFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	here, there := sampletest.Store(t), sampletest.Empty(t)
	toThere := filepath.Join(dir, "to-there.json")
	rep, err := Export(ctx, here, toThere, stamp)
	require.NoError(t, err)
	assert.Empty(t, rep.NotNoted)
	_, err = Import(ctx, there, toThere)
	require.NoError(t, err)

	for i, s := range []*storage.Store{here, there} {
		at := stamp.Add(time.Duration(i+1) * time.Hour)
		s.SetClock(func() time.Time { return at })
		m, err := s.Meeting(ctx, sample.TokyoRoundID)
		require.NoError(t, err)
		m.Venue = []string{"Iikura House", "Ministry of Foreign Affairs"}[i]
		require.NoError(t, s.UpdateMeeting(ctx, &m))
	}
	back := filepath.Join(dir, "back.json")
	_, err = Export(ctx, there, back, stamp)
	require.NoError(t, err)
	irep, err := Import(ctx, here, back)
	require.NoError(t, err)
	require.Len(t, irep.Bundle.Conflicts, 1)
	text := irep.String()
	assert.Contains(t, text, "Meetings: 0 new, 0 updated, 5 unchanged, 1 changed on both sides")
	assert.Contains(t, text, "1 record was changed on both sides. Parley's version stays; the file's is kept aside until you choose.")
	assert.Contains(t, text, "  venue — here: “Iikura House”; in back.json: “Ministry of Foreign Affairs”")
	assert.Contains(t, text, "Resolve them in File → Resolve conflicts…, or with parley import --conflicts.")
	assert.NotContains(t, irep.Counts(), "changed on both sides.", "Counts leaves the conflicts' words out")

	res, err := ResolveConflicts(ctx, here, []storage.Resolution{{Kind: "meeting", ID: sample.TokyoRoundID, All: true}})
	require.NoError(t, err)
	assert.Equal(t, "Meeting “Peace treaty consultations, round 2 — Tokyo”: took the file's version.", res.String())
	left, err := PendingConflicts(ctx, here)
	require.NoError(t, err)
	assert.Empty(t, left)
}

// A bundle exported from a dossier opened for reading only is written all the same, and the
// report says what not noting it means.
func TestExportFromAReaderSaysItCouldNotNote(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Store(t)
	reader, err := storage.OpenReader(ctx, st.Path())
	require.NoError(t, err)
	defer reader.Close()
	path := filepath.Join(t.TempDir(), "dossier.json")
	rep, err := Export(ctx, reader, path, stamp)
	require.NoError(t, err)
	assert.FileExists(t, path)
	assert.Contains(t, rep.String(), "Parley could not note in the dossier what this file carries (the database file cannot be written")
	assert.Contains(t, rep.String(), "may be shown as conflicts to decide.")
}
