package cli

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage/mounttest"
)

// TestFullDisk runs each command that writes against a real full disk (a small tmpfs; mounting
// needs root, as CI is): each says so in words a user can act on, and leaves neither a
// half-written file nor a changed database.
func TestFullDisk(t *testing.T) {
	src := sampleDB(t)
	big := filepath.Join(t.TempDir(), "big.json")
	synth := filepath.Join(t.TempDir(), "synth.db")
	code, _, stderr := run(t, "synth", "--db", synth, "--meetings", "200", "--actors", "40", "--quotes", "400")
	require.Equal(t, 0, code, stderr)
	code, _, stderr = run(t, "export", "--db", synth, "-o", big)
	require.Equal(t, 0, code, stderr)

	disk := mounttest.Disk(t, 1<<20)
	onDisk := filepath.Join(disk, "parley.db")
	b, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(onDisk, b, 0o600))
	// Room for a little, not for a 1 MB import's log.
	filler := filepath.Join(disk, "filler")
	require.NoError(t, os.WriteFile(filler, make([]byte, (1<<20)-len(b)-96<<10), 0o600))
	before := sha256.Sum256(b)

	for _, c := range []struct {
		name string
		args []string
		full bool // fill the disk to the last byte first
	}{
		{"import into a database on it", []string{"import", "--db", onDisk, big}, false},
		{"export to it", []string{"export", "--db", src, "-o", filepath.Join(disk, "dossier.json")}, true},
		{"export a calendar to it", []string{"export", "--db", src, "-o", filepath.Join(disk, "talks.ics")}, true},
		{"back up to it", []string{"backup", "--db", src, "-o", filepath.Join(disk, "copy.db")}, true},
		{"a pack to it", []string{"pack", "--db", src, "--meeting", sample.VladivostokID, "-o", filepath.Join(disk, "brief.pdf")}, true},
		{"a new database on it", []string{"init", "--db", filepath.Join(disk, "new.db")}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.full {
				mounttest.Fill(t, disk)
			}
			code, stdout, stderr := run(t, c.args...)
			require.Equal(t, 1, code, "stdout %s\nstderr %s", stdout, stderr)
			first, _, _ := strings.Cut(stderr, "\n")
			assert.Contains(t, first, "disk is full")
			assert.Contains(t, first, "Free some space and try again")
			assert.NotContains(t, first, "no space left on device", "the system's words stay in the detail")
			entries, err := os.ReadDir(disk)
			require.NoError(t, err)
			for _, e := range entries {
				assert.Contains(t, []string{"parley.db", "parley.db-wal", "parley.db-shm", "filler"}, e.Name(), "left behind")
			}
			got, err := os.ReadFile(onDisk)
			require.NoError(t, err)
			assert.Equal(t, before, sha256.Sum256(got), "the database on the disk is unchanged")
		})
	}
}
