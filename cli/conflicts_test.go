package cli

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// retitle edits the Tokyo round in a database, as a window would.
func retitle(t *testing.T, db, title, purpose string) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(ctx, db)
	require.NoError(t, err)
	defer s.Close()
	m, err := s.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	m.Title, m.Purpose = title, purpose
	require.NoError(t, s.UpdateMeeting(ctx, &m))
}

// Two laptops edit the same meeting; the second's bundle comes back to the first.
func conflictedDB(t *testing.T) (db, fromB string) {
	t.Helper()
	dir := t.TempDir()
	db = sampleDB(t)
	toB := filepath.Join(dir, "to-b.json")
	code, _, errOut := run(t, "export", "--db", db, "-o", toB)
	require.Equal(t, 0, code, errOut)
	other := filepath.Join(dir, "b.db")
	code, _, errOut = run(t, "import", "--db", other, toB)
	require.Equal(t, 0, code, errOut)
	retitle(t, db, "Tokyo round (A)", "A's purpose.")
	retitle(t, other, "Tokyo round (B)", "B's purpose.")
	fromB = filepath.Join(dir, "from-b.json")
	code, _, errOut = run(t, "export", "--db", other, "-o", fromB)
	require.Equal(t, 0, code, errOut)
	return db, fromB
}

func TestImportReportsConflicts(t *testing.T) {
	db, fromB := conflictedDB(t)
	code, out, errOut := run(t, "import", "--db", db, fromB)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Meetings: 0 new, 0 updated, 5 unchanged, 1 changed on both sides")
	assert.Contains(t, out, "Meeting “Tokyo round (A)” ("+sample.TokyoRoundID+") was changed both here and in from-b.json since they were last exchanged:")
	assert.Contains(t, out, "  title — here: “Tokyo round (A)”; in from-b.json: “Tokyo round (B)”")
	assert.Contains(t, out, "  purpose — here: “A's purpose.”; in from-b.json: “B's purpose.”")
	assert.Contains(t, out, "parley import --conflicts")

	code, out, errOut = run(t, "import", "--db", db, "--conflicts")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "1 conflict awaits a decision")
	assert.Contains(t, out, "--keep-theirs ID")
	assert.Contains(t, out, "  title — here: “Tokyo round (A)”")

	// With a file, --conflicts imports it and lists every conflict left to decide.
	code, out, errOut = run(t, "import", "--db", db, "--conflicts", fromB)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Imported "+fromB)
	assert.Contains(t, out, "1 conflict awaits a decision")
}

func TestImportConflictsSettles(t *testing.T) {
	for _, c := range []struct {
		name           string
		flags          []string
		said           string
		title, purpose string
	}{
		{"keep ours", []string{"--keep-ours", sample.TokyoRoundID}, "kept Parley's version.", "Tokyo round (A)", "A's purpose."},
		{"keep theirs, all", []string{"--keep-theirs", "all"}, "took the file's version.", "Tokyo round (B)", "B's purpose."},
		{"merge by an ID's first characters", []string{"--merge", sample.TokyoRoundID[:8], "--take", "purpose=theirs,title=ours"},
			"kept Parley's version with the file's purpose.", "Tokyo round (A)", "B's purpose."},
	} {
		t.Run(c.name, func(t *testing.T) {
			db, fromB := conflictedDB(t)
			code, _, errOut := run(t, "import", "--db", db, fromB)
			require.Equal(t, 0, code, errOut)

			code, out, errOut := run(t, append([]string{"import", "--db", db, "--conflicts"}, c.flags...)...)
			require.Equal(t, 0, code, errOut)
			assert.Contains(t, out, "Meeting “Tokyo round (A)”: "+c.said)
			assert.Contains(t, out, "No conflict is left to decide.")

			ctx := context.Background()
			s, err := storage.Open(ctx, db)
			require.NoError(t, err)
			m, err := s.Meeting(ctx, sample.TokyoRoundID)
			require.NoError(t, err)
			require.NoError(t, s.Close())
			assert.Equal(t, c.title, m.Title)
			assert.Equal(t, c.purpose, m.Purpose)

			code, out, errOut = run(t, "import", "--db", db, fromB)
			require.Equal(t, 0, code, errOut)
			assert.NotContains(t, out, "changed on both sides", "the same bundle again is no new conflict")
		})
	}
}

func TestImportConflictsMistakes(t *testing.T) {
	db, fromB := conflictedDB(t)
	code, _, errOut := run(t, "import", "--db", db, fromB)
	require.Equal(t, 0, code, errOut)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"a choice without --conflicts", []string{"--keep-ours", "all"}, "add --conflicts"},
		{"a choice with a file", []string{"--conflicts", "--keep-ours", "all", fromB}, "settle conflicts without a file"},
		{"--merge without --take", []string{"--conflicts", "--merge", sample.TokyoRoundID}, "needs --take FIELD=theirs"},
		{"--take without --merge", []string{"--conflicts", "--take", "title=theirs"}, "--take chooses the fields"},
		{"--take without a side", []string{"--conflicts", "--merge", sample.TokyoRoundID, "--take", "title"}, "write FIELD=theirs or FIELD=ours"},
		{"a field that does not differ", []string{"--conflicts", "--merge", sample.TokyoRoundID, "--take", "venue=theirs"},
			`does not differ in "venue"; its fields that differ: title, purpose`},
		{"an ID in no conflict", []string{"--conflicts", "--keep-theirs", sample.MoscowRoundID}, "no conflict awaits a decision about a record " + sample.MoscowRoundID},
		{"one record two ways", []string{"--conflicts", "--keep-ours", "all", "--keep-theirs", sample.TokyoRoundID}, "named by both --keep-ours and --keep-theirs"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := run(t, append([]string{"import", "--db", db}, c.args...)...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, c.want)
		})
	}
	code, out, _ := run(t, "import", "--db", db, "--conflicts")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "1 conflict awaits a decision", "no mistake settled anything")
}
