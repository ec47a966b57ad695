package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

func TestICSExportAndImport(t *testing.T) {
	dir, db := t.TempDir(), sampleDB(t)

	// An undated meeting is left out of the calendar and named.
	s, err := storage.Open(context.Background(), db)
	require.NoError(t, err)
	undated := storage.Meeting{Title: "Round 4", Status: storage.StatusProposed}
	require.NoError(t, s.CreateMeeting(context.Background(), &undated))
	require.NoError(t, s.Close())

	ics := filepath.Join(dir, "talks.ics")
	code, out, errOut := run(t, "export", "--db", db, "-o", ics)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "6 meetings written as calendar events (time zones: Asia/Tokyo) to "+ics+".")
	assert.Contains(t, out, `Left out “Round 4” (`+undated.ID+`): no date yet.`)
	data, err := os.ReadFile(ics)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "BEGIN:VCALENDAR\r\n"))
	assert.Contains(t, string(data), "UID:"+sample.TokyoRoundID+"@parley\r\n")

	// Into a new database: six meetings, the Tokyo round in its zone.
	other := filepath.Join(dir, "other.db")
	code, out, errOut = run(t, "import", "--db", other, ics)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Imported "+ics+" into "+other+".\n6 created, 0 updated, 0 unchanged, 0 skipped.")
	assert.Contains(t, out, `Created “Peace treaty consultations, round 2 — Tokyo”`)
	code, out, errOut = run(t, "list", "--db", other, "meetings")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Wed 22 Jun 2016, 10:00 JST")
	assert.Contains(t, out, "by end of 2016")

	// Again into the first: nothing changes.
	code, out, errOut = run(t, "import", "--db", db, ics)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "0 created, 0 updated, 6 unchanged, 0 skipped.")
}

func TestICSImportReportsSkippedAndRefusesMalformed(t *testing.T) {
	dir, db := t.TempDir(), emptyDB(t)

	file := filepath.Join(dir, "outlook.ics")
	require.NoError(t, os.WriteFile(file, []byte(strings.Join([]string{
		"BEGIN:VCALENDAR", "VERSION:2.0",
		"BEGIN:VEVENT", "UID:a@example.org", "DTSTART;TZID=Russian Standard Time:20161012T110000",
		"DTEND;TZID=Russian Standard Time:20161012T120000", "SUMMARY:Round 3", "END:VEVENT",
		"BEGIN:VEVENT", "UID:b@example.org", "DTSTART;TZID=Europe/Berlin:20160606T090000",
		"RRULE:FREQ=WEEKLY;COUNT=3", "SUMMARY:Weekly sync", "END:VEVENT",
		"END:VCALENDAR", ""}, "\r\n")), 0o600))
	code, out, errOut := run(t, "import", "--db", db, file)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "1 created, 0 updated, 0 unchanged, 1 skipped.")
	assert.Contains(t, out, "Skipped line 9: “Weekly sync”: a recurring event with no occurrence between")
	code, out, _ = run(t, "list", "--db", db, "meetings")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Wed 12 Oct 2016, 11:00 MSK")

	// A file with no calendar in it is refused, and nothing more is imported.
	bad := filepath.Join(dir, "card.ics")
	require.NoError(t, os.WriteFile(bad, []byte("BEGIN:VCARD\r\nFN:Igor Morgulov\r\nEND:VCARD\r\n"), 0o600))
	code, out, errOut = run(t, "import", "--db", db, bad)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "Nothing was imported: card.ics is not a calendar Parley can read")
	assert.Contains(t, errOut, "no BEGIN:VCALENDAR")
	s, err := storage.Open(context.Background(), db)
	require.NoError(t, err)
	defer s.Close()
	ms, err := s.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	assert.Len(t, ms, 1)
}

func TestICSExportIsStampedByTheClock(t *testing.T) {
	saved := now
	now = func() time.Time { return time.Date(2016, time.June, 20, 9, 0, 0, 0, time.UTC) }
	defer func() { now = saved }()
	dir, db := t.TempDir(), sampleDB(t)
	a, b := filepath.Join(dir, "a.ics"), filepath.Join(dir, "b.ics")
	for _, f := range []string{a, b} {
		code, _, errOut := run(t, "export", "--db", db, "-o", f)
		require.Equal(t, 0, code, errOut)
	}
	first := readFile(t, a)
	assert.Equal(t, first, readFile(t, b), "same dossier and clock, same bytes")
	assert.Contains(t, first, "DTSTAMP:20160620T090000Z\r\n")
}
