package cli

import (
	"bytes"
	"os"
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

	code, out, errOut = run(t, "list", "--db", db, "tracks")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "synth-track-00001")
}

func TestSynthRefuses(t *testing.T) {
	existing := filepath.Join(t.TempDir(), "there.db")
	require.NoError(t, os.WriteFile(existing, []byte("notes"), 0o600))
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
			_, err := os.Stat(fresh)
			assert.True(t, os.IsNotExist(err), "nothing is created")
		})
	}
	b, err := os.ReadFile(existing)
	require.NoError(t, err)
	assert.Equal(t, "notes", string(b))
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

// streamJSON writes what writeJSON writes, a value at a time.
func TestStreamJSONLikeWriteJSON(t *testing.T) {
	type rec struct {
		ID   string `json:"id"`
		Note string `json:"note,omitempty"`
	}
	for _, c := range []struct {
		name string
		list []rec
	}{
		{"none", nil},
		{"one", []rec{{ID: "a", Note: "<b>&"}}},
		{"three", []rec{{ID: "a"}, {ID: "b", Note: "北方領土"}, {ID: "c"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var whole, streamed bytes.Buffer
			require.NoError(t, writeJSON(&whole, c.list))
			require.NoError(t, streamJSON(&streamed, func(emit func(rec) error) error {
				for _, r := range c.list {
					if err := emit(r); err != nil {
						return err
					}
				}
				return nil
			}))
			assert.Equal(t, whole.String(), streamed.String())
		})
	}
}

func TestPrintableNeverPrintsControlCharacters(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Tokyo round", "Tokyo round"},
		{"北方領土 Южные Курилы", "北方領土 Южные Курилы"},
		{"clear\x1b[2Jscreen", "clear␛[2Jscreen"},
		{"link \x1b]8;;http://x\x07here", "link ␛]8;;http://x␇here"},
		{"nul\x00", "nul␀"},
		{"tab\tand\nline", "tab and line"},
		{"c1 \u009b31m del \x7f", "c1 \ufffd31m del ␡"},
	} {
		assert.Equal(t, c.want, printable(c.in), "%q", c.in)
	}
	var out bytes.Buffer
	tb := newTable("TITLE", "ID")
	tb.addWithNote("snippet \x1b[31m", "x\x1by", "id")
	require.NoError(t, tb.write(&out))
	assert.NotContains(t, out.String(), "\x1b")
}
