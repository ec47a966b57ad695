package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
	"github.com/parley-app/parley/widgets"
)

// conflictingBundle sends the window's dossier to another laptop, edits the Tokyo round on
// both, and returns the other laptop's bundle.
func conflictingBundle(t *testing.T, st *storage.Store) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	toB := filepath.Join(dir, "to-b.json")
	_, err := tasks.Export(ctx, st, toB, afterSample)
	require.NoError(t, err)
	b, err := storage.Open(ctx, filepath.Join(dir, "b.db"))
	require.NoError(t, err)
	defer b.Close()
	_, err = tasks.Import(ctx, b, toB)
	require.NoError(t, err)
	edit := func(s *storage.Store, at time.Time, title, purpose string) {
		s.SetClock(func() time.Time { return at })
		m, err := s.Meeting(ctx, sample.TokyoRoundID)
		require.NoError(t, err)
		m.Title, m.Purpose = title, purpose
		require.NoError(t, s.UpdateMeeting(ctx, &m))
	}
	edit(st, afterSample.Add(time.Hour), "Tokyo round (A)", "A's purpose.")
	edit(b, afterSample.Add(2*time.Hour), "Tokyo round (B)", "B's purpose.")
	fromB := filepath.Join(dir, "from-b.json")
	_, err = tasks.Export(ctx, b, fromB, afterSample)
	require.NoError(t, err)
	return fromB
}

// The import report names the conflict and offers to resolve it; the dialog shows each
// differing field side by side with a choice, and applies them in one go.
func TestImportReportOffersToResolveConflicts(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	fromB := conflictingBundle(t, st)

	u.importFile(fromB)
	report := overlay(t, u)
	assert.Contains(t, texts(report), "1 record was changed on both sides")
	assert.Contains(t, texts(report), "title — here: “Tokyo round (A)”; in from-b.json: “Tokyo round (B)”")
	tapButton(t, report, "Resolve the conflicts…")

	dlg := overlay(t, u)
	shown := texts(dlg)
	assert.Contains(t, shown, "Meeting “Tokyo round (A)” ("+sample.TokyoRoundID+") was changed both here and in from-b.json")
	sides := find[*widgets.SideBySide](dlg)
	require.Len(t, sides, 2, "one comparison per differing field")
	assert.Contains(t, shown, "Parley's title")
	assert.Contains(t, shown, "from-b.json: purpose")
	assert.Contains(t, shown, "B's purpose.")
	groups := find[*widget.RadioGroup](dlg)
	require.Len(t, groups, 2)
	for _, g := range groups {
		assert.Equal(t, choiceOurs, g.Selected, "Parley's version until the user chooses")
	}
	groups[1].SetSelected(choiceTheirs) // the purpose from the file, the title from Parley
	tapButton(t, dlg, "Apply the choices")

	assert.Contains(t, texts(overlay(t, u)), "Meeting “Tokyo round (A)”: kept Parley's version with the file's purpose.")
	assertDecided(t, st, "Tokyo round (A)", "B's purpose.")

	// The same file again is no new conflict, and the menu says there is nothing to decide.
	u.importFile(fromB)
	assert.NotContains(t, texts(overlay(t, u)), "changed on both sides")
	tapButton(t, overlay(t, u), "OK")
	u.onResolveConflicts()
	assert.Contains(t, texts(overlay(t, u)), "No record awaits a decision")
}

// "All the file's" then "Decide later" changes nothing; the conflict stays for File → Resolve
// conflicts…, where "All the file's" takes the file's version whole.
func TestConflictsDialogDecideLaterAndAllTheirs(t *testing.T) {
	ctx := context.Background()
	u, st := newTestUI(t, afterSample)
	u.importFile(conflictingBundle(t, st))
	tapButton(t, overlay(t, u), "Decide later")

	u.onResolveConflicts()
	dlg := overlay(t, u)
	tapButton(t, dlg, "All the file's")
	tapButton(t, dlg, "Decide later")
	left, err := st.Conflicts(ctx)
	require.NoError(t, err)
	assert.Len(t, left, 1, "nothing was decided")

	u.onResolveConflicts()
	dlg = overlay(t, u)
	tapButton(t, dlg, "All the file's")
	for _, g := range find[*widget.RadioGroup](dlg) {
		assert.Equal(t, choiceTheirs, g.Selected)
	}
	tapButton(t, dlg, "Apply the choices")
	assert.Contains(t, texts(overlay(t, u)), "took the file's version")
	assertDecided(t, st, "Tokyo round (B)", "B's purpose.")
}

// assertDecided checks that the conflicting meeting was stored with title and purpose, and
// that no conflict awaits a decision.
func assertDecided(t *testing.T, st *storage.Store, title, purpose string) {
	t.Helper()
	ctx := context.Background()
	m, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Equal(t, title, m.Title)
	assert.Equal(t, purpose, m.Purpose)
	left, err := st.Conflicts(ctx)
	require.NoError(t, err)
	assert.Empty(t, left)
}
