package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/parley-app/parley/export/pdftest"
	"github.com/parley-app/parley/sample"
)

func pdfToText(t *testing.T, path string) string { return pdftest.Text(t, path) }

func TestPackOneMeeting(t *testing.T) {
	db := sampleDB(t)
	out := filepath.Join(t.TempDir(), "tokyo.pdf")
	stdout := runOK(t, "pack", "--db", db, "--meeting", sample.TokyoRoundID, "-o", out, "--zone", "Europe/London")
	assert.Contains(t, stdout, "The briefing pack for “Peace treaty consultations, round 2 — Tokyo” is saved as tokyo.pdf")
	txt := pdfToText(t, out)
	assert.Contains(t, txt, sample.Marking, "the dossier's marking by default")
	assert.Contains(t, txt, "Europe/London")
	assert.Contains(t, txt, "Моргулов")

	runOK(t, "pack", "--db", db, "--meeting", sample.TokyoRoundID, "-o", out, "--marking", "SECRET — UK EYES ONLY")
	txt = pdfToText(t, out)
	assert.Contains(t, txt, "SECRET — UK EYES ONLY")
	assert.NotContains(t, txt, sample.Marking)
}

func TestPackRefusals(t *testing.T) {
	db := sampleDB(t)
	dir := t.TempDir()
	aFile := filepath.Join(t.TempDir(), "notes.txt")
	writeFile(t, aFile, "notes")
	cases := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"unknown meeting", []string{"--meeting", "no-such-meeting", "-o", filepath.Join(dir, "x.pdf")}, 1, "There is no meeting no-such-meeting"},
		{"unwritable folder", []string{"--meeting", sample.TokyoRoundID, "-o", filepath.Join(dir, "missing", "x.pdf")}, 1, "does not exist"},
		{"inside a file", []string{"--meeting", sample.TokyoRoundID, "-o", filepath.Join(aFile, "x.pdf")}, 1, "Cannot write"},
		{"not a pdf name", []string{"--meeting", sample.TokyoRoundID, "-o", filepath.Join(dir, "x.txt")}, 2, "must end in .pdf"},
		{"no meeting", []string{"-o", filepath.Join(dir, "x.pdf")}, 2, "--meeting"},
		{"half a range", []string{"--from", "2016", "-o", dir}, 2, "both --from and --to"},
		{"both", []string{"--meeting", sample.TokyoRoundID, "--from", "2016", "--to", "2016", "-o", dir}, 2, "not both"},
		{"bad zone", []string{"--meeting", sample.TokyoRoundID, "--zone", "Mars/Olympus", "-o", filepath.Join(dir, "x.pdf")}, 2, "not a known time zone"},
		{"bad date", []string{"--from", "2016-13", "--to", "2016", "-o", dir}, 2, "month 13"},
		{"issue and addendum", []string{"--meeting", sample.TokyoRoundID, "--issue", "--addendum", "-o", filepath.Join(dir, "x.pdf")}, 2, "not both"},
		{"no copies", []string{"--meeting", sample.TokyoRoundID, "--copies", "0", "-o", filepath.Join(dir, "x.pdf")}, 2, "1 or more"},
		{"unknown level", []string{"--meeting", sample.TokyoRoundID, "--up-to", "TOP SECRET", "-o", filepath.Join(dir, "x.pdf")}, 1, "not one of the dossier's handling levels"},
		{"addendum first", []string{"--meeting", sample.TokyoRoundID, "--addendum", "-o", filepath.Join(dir, "x.pdf")}, 1, "has not been issued yet"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"pack", "--db", db}, c.args...)...)
			assert.Equal(t, c.code, code, stderr)
			assert.Contains(t, stderr, c.says)
		})
	}
	assert.Empty(t, fileNames(t, dir), "a refused pack leaves no file behind")
}

// Without --zone the pack names the computer's own zone beside "Your time", as the window does.
func TestPackNamesTheHomeZone(t *testing.T) {
	t.Setenv("TZ", "Europe/Paris")
	db := sampleDB(t)
	out := filepath.Join(t.TempDir(), "tokyo.pdf")
	runOK(t, "pack", "--db", db, "--meeting", sample.TokyoRoundID, "-o", out)
	txt := strings.Join(strings.Fields(pdfToText(t, out)), " ")
	assert.Contains(t, txt, "Your time Wednesday 22 June 2016, 03:00 CEST (Europe/Paris)")
}

func TestPackDateRange(t *testing.T) {
	db := sampleDB(t)
	dir := filepath.Join(t.TempDir(), "packs")
	stdout := runOK(t, "pack", "--db", db, "--from", "2016-06", "--to", "2016-06-30", "-o", dir)
	// June 2016 holds Naryshkin's call on Abe, the Tokyo round, and Putin's visit "by end of
	// 2016", which may fall in June too.
	assert.Contains(t, stdout, "3 packs written")
	names := fileNames(t, dir)
	assert.ElementsMatch(t, []string{
		"2016-06-16 Naryshkin calls on Prime Minister Abe.pdf",
		"2016-06-22 Peace treaty consultations, round 2 — Tokyo.pdf",
		"2016 President Putin's official visit to Japan.pdf",
	}, names)
	for _, n := range names {
		assert.Contains(t, pdfToText(t, filepath.Join(dir, n)), "BRIEFING PACK")
	}

	stdout = runOK(t, "pack", "--db", db, "--from", "1990", "--to", "1991", "-o", dir)
	assert.Contains(t, stdout, "No meetings")
}

// An issue is recorded and numbered; an audience's pack carries nothing above its level.
func TestPackIssueForAnAudience(t *testing.T) {
	db := sampleDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "tokyo.pdf")
	stdout := runOK(t, "pack", "--db", db, "--meeting", sample.TokyoRoundID, "-o", out, "--up-to", "OFFICIAL", "--issue", "--copies", "2")
	assert.Contains(t, stdout, "2 numbered copies of the briefing pack")
	assert.Contains(t, stdout, "It is issued as version 1. 4 items above OFFICIAL were left out.")
	txt := strings.Join(strings.Fields(pdfToText(t, filepath.Join(dir, "tokyo (copy 2 of 2).pdf"))), " ")
	assert.Contains(t, txt, "Copy 2 of 2")
	assert.Contains(t, txt, "Version 1, issued")
	assert.NotContains(t, txt, "(OS)")
	assert.NotContains(t, txt, "OFFICIAL-SENSITIVE")

	stdout = runOK(t, "pack", "--db", db, "--meeting", sample.TokyoRoundID, "-o", out, "--issue")
	assert.Contains(t, stdout, "It is issued as version 2.")
	txt = strings.Join(strings.Fields(pdfToText(t, out)), " ")
	assert.Contains(t, txt, "(OS)", "the whole pack carries the marked items")
	assert.Contains(t, txt, "OFFICIAL-SENSITIVE — SAMPLE", "and their pages say so")

	stdout = runOK(t, "pack", "--db", db, "--meeting", sample.TokyoRoundID, "-o", filepath.Join(dir, "add.pdf"), "--addendum")
	assert.Contains(t, stdout, "It is issued as addendum 1 to version 2.")
	assert.Contains(t, pdfToText(t, filepath.Join(dir, "add.pdf")), "Nothing has changed since that version.")
}
