package cli

import (
	"crypto/sha256"
	"encoding/json"
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
	runOK(t, "synth", "--db", synth, "--meetings", "200", "--actors", "40", "--quotes", "400")
	runOK(t, "export", "--db", synth, "-o", big)

	disk := mounttest.Disk(t, 1<<20)
	onDisk := filepath.Join(disk, "parley.db")
	b := readFile(t, src)
	writeFile(t, onDisk, b)
	// Room for a little, not for a 1 MB import's log.
	writeFile(t, filepath.Join(disk, "filler"), strings.Repeat("\x00", (1<<20)-len(b)-96<<10))
	before := sha256.Sum256([]byte(b))

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
			for _, name := range fileNames(t, disk) {
				assert.Contains(t, []string{"parley.db", "parley.db-wal", "parley.db-shm", "filler"}, name, "left behind")
			}
			assert.Equal(t, before, sha256.Sum256([]byte(readFile(t, onDisk))), "the database on the disk is unchanged")
		})
	}
}

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
