package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHandlingShowAndChange(t *testing.T) {
	db := sampleDB(t)
	code, stdout, stderr := run(t, "handling", "--db", db)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "Marking: OFFICIAL — SAMPLE\nLevels, lowest first: OFFICIAL (O), OFFICIAL-SENSITIVE (OS), SECRET (S)\n"+
		"Caveats: UK EYES ONLY; NOT FOR USE WITH THE OTHER SIDE\n", stdout)

	code, stdout, stderr = run(t, "handling", "--db", db, "--levels", "RESTRICTED (R); CONFIDENTIAL (C)", "--marking", "RESTRICTED", "--caveats", "")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Marking: RESTRICTED\nLevels, lowest first: RESTRICTED (R), CONFIDENTIAL (C)\n")

	tests := []struct {
		name string
		args []string
		says string
	}{
		{"a level without abbreviation", []string{"--levels", "OFFICIAL"}, "the levels: line 1"},
		{"a marking too long", []string{"--marking", strings.Repeat("UK EYES ONLY ", 50)}, "about 480 fit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"handling", "--db", db}, tt.args...)...)
			assert.Equal(t, 1, code)
			assert.Contains(t, stderr, tt.says)
		})
	}
	code, stdout, _ = run(t, "handling", "--db", db)
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, "RESTRICTED (R), CONFIDENTIAL (C)", "a refused change changes nothing")
}

func TestExportUpTo(t *testing.T) {
	db := sampleDB(t)
	dir := t.TempDir()
	code, stdout, stderr := run(t, "export", "--db", db, "--up-to", "OFFICIAL", "-o", filepath.Join(dir, "talks.ics"))
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Up to OFFICIAL: 0 items above OFFICIAL left out of the events.")
	code, _, stderr = run(t, "export", "--db", db, "--up-to", "OFFICIAL", "-o", filepath.Join(dir, "dossier.json"))
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--up-to is for calendar files")
}

func TestImportAddAttendees(t *testing.T) {
	db := sampleDB(t)
	path := filepath.Join(t.TempDir(), "invite.ics")
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:invite-1@example.org\r\n" +
		"DTSTAMP:20160601T090000Z\r\nDTSTART:20160622T010000Z\r\nDTEND:20160622T040000Z\r\nSUMMARY:Working lunch\r\n" +
		"ORGANIZER;CN=Jane Doe:mailto:jane@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	require.NoError(t, os.WriteFile(path, []byte(ics), 0o600))
	code, stdout, stderr := run(t, "import", "--db", db, "--add-attendees", path)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Added 1 attendee as an actor (Jane Doe); 1 meeting now lists them as participants.")
}
