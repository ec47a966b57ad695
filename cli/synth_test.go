package cli

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSynth(t *testing.T) {
	db := filepath.Join(t.TempDir(), "synth.db")
	code, out, errOut := run(t, "synth", "--db", db, "--meetings", "120", "--actors", "30", "--quotes", "200", "--seed", "3")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut, "no progress line when standard error is not a terminal")
	assert.Contains(t, out, "with 2 tracks, 120 meetings, 30 actors, 200 statements, 5 disputes and 12 sources")

	out = runOK(t, "list", "--db", db, "tracks")
	assert.Contains(t, out, "synth-track-00001")
}

func TestSynthRefuses(t *testing.T) {
	existing := filepath.Join(t.TempDir(), "there.db")
	writeFile(t, existing, "notes")
	fresh := filepath.Join(t.TempDir(), "new.db")
	for _, c := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"no database", []string{"--meetings", "1"}, 2, "give the new database with --db FILE"},
		{"negative count", []string{"--db", fresh, "--meetings", "-1"}, 2, "cannot be negative"},
		{"meetings without actors", []string{"--db", fresh, "--actors", "0"}, 2, "at least one actor"},
		{"a file that exists", []string{"--db", existing}, 1, "There is already a file at"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := run(t, append([]string{"synth"}, c.args...)...)
			assert.Equal(t, c.code, code)
			assert.Contains(t, errOut, c.says)
			assert.NoFileExists(t, fresh, "nothing is created")
		})
	}
	assert.Equal(t, "notes", readFile(t, existing))
}

func TestProgressLine(t *testing.T) {
	var w bytes.Buffer
	clock := time.Date(2016, 6, 20, 9, 0, 0, 0, time.UTC)
	update, finish := progressTo(&w, "Importing", func() time.Time { return clock })
	update(1, 4)
	update(2, 4) // within a tenth of a second: not shown
	clock = clock.Add(time.Second)
	update(3, 4)
	update(4, 4) // the last one always
	finish()
	assert.Equal(t, "\rImporting… 1 of 4 (25 %)\rImporting… 3 of 4 (75 %)\rImporting… 4 of 4 (100 %)\n", w.String())
}
