package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage/mounttest"
)

// TestReadOnlyMedia runs every command on the sample dossier on a real read-only mount (a
// read-only bind mount; CI runs as root, where permissions stop nothing): the commands that
// read work, and those that write say why they cannot, in words.
func TestReadOnlyMedia(t *testing.T) {
	src := sampleDB(t)
	db := filepath.Join(mounttest.ReadOnly(t, filepath.Dir(src)), filepath.Base(src))
	out := t.TempDir()
	bundle := filepath.Join(out, "dossier.json")
	for _, c := range []struct {
		name string
		args []string
		code int
		says string // in the output (0) or the error (1)
	}{
		{"list", []string{"list", "--db", db, "meetings"}, 0, "Abe–Putin summit"},
		{"search", []string{"search", "--db", db, "Моргулов"}, 0, "Igor Morgulov"},
		{"export", []string{"export", "--db", db, "-o", bundle}, 0, "written to"},
		{"pack", []string{"pack", "--db", db, "--meeting", sample.VladivostokID, "-o", filepath.Join(out, "brief.pdf")}, 0, "is saved as brief.pdf"},
		{"backup", []string{"backup", "--db", db, "-o", filepath.Join(out, "copy.db")}, 0, "was copied to"},
		{"check", []string{"check", "--db", db, "--meeting", sample.VladivostokID}, 0, ""},
		{"import", []string{"import", "--db", db, bundle}, 1, "cannot be written: the file, its folder or the disk is read-only"},
		{"backup onto the read-only disk", []string{"backup", "--db", db, "-o", filepath.Join(filepath.Dir(db), "copy.db")}, 1, "the disk is read-only. Choose a folder on a disk you can write to"},
		{"init", []string{"init", "--db", filepath.Join(filepath.Dir(db), "new.db")}, 1, "read-only"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(t, c.args...)
			require.Equal(t, c.code, code, "stdout %s\nstderr %s", stdout, stderr)
			if c.code == 0 {
				assert.Contains(t, stdout, c.says)
			} else {
				assert.Contains(t, stderr, c.says)
				assert.NotContains(t, stderr, "no such file or directory")
			}
		})
	}
	code, stdout, stderr := run(t, "list", "--db", db, "--json", "actors")
	require.Equal(t, 0, code, stderr)
	var actors []map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &actors))
	assert.NotEmpty(t, actors)
}
