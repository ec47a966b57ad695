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

// retitle edits the Tokyo round in a database, as a window would.
func retitle(t *testing.T, db, title, purpose string) {
	t.Helper()
	withStore(t, db, func(ctx context.Context, s *storage.Store) error {
		m, err := s.Meeting(ctx, sample.TokyoRoundID)
		if err != nil {
			return err
		}
		m.Title, m.Purpose = title, purpose
		return s.UpdateMeeting(ctx, &m)
	})
}

// Two laptops edit the same meeting; the second's bundle comes back to the first.
func conflictedDB(t *testing.T) (db, fromB string) {
	t.Helper()
	dir := t.TempDir()
	db = sampleDB(t)
	toB := filepath.Join(dir, "to-b.json")
	runOK(t, "export", "--db", db, "-o", toB)
	other := filepath.Join(dir, "b.db")
	runOK(t, "import", "--db", other, toB)
	retitle(t, db, "Tokyo round (A)", "A's purpose.")
	retitle(t, other, "Tokyo round (B)", "B's purpose.")
	fromB = filepath.Join(dir, "from-b.json")
	runOK(t, "export", "--db", other, "-o", fromB)
	return db, fromB
}

func TestImportReportsConflicts(t *testing.T) {
	db, fromB := conflictedDB(t)
	out := runOK(t, "import", "--db", db, fromB)
	assert.Contains(t, out, "Meetings: 0 new, 0 updated, 5 unchanged, 1 changed on both sides")
	assert.Contains(t, out, "Meeting “Tokyo round (A)” ("+sample.TokyoRoundID+") was changed both here and in from-b.json since they were last exchanged:")
	assert.Contains(t, out, "  title — here: “Tokyo round (A)”; in from-b.json: “Tokyo round (B)”")
	assert.Contains(t, out, "  purpose — here: “A's purpose.”; in from-b.json: “B's purpose.”")
	assert.Contains(t, out, "parley import --conflicts")

	out = runOK(t, "import", "--db", db, "--conflicts")
	assert.Contains(t, out, "1 conflict awaits a decision")
	assert.Contains(t, out, "--keep-theirs ID")
	assert.Contains(t, out, "  title — here: “Tokyo round (A)”")

	// With a file, --conflicts imports it and lists every conflict left to decide.
	out = runOK(t, "import", "--db", db, "--conflicts", fromB)
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
			runOK(t, "import", "--db", db, fromB)

			out := runOK(t, append([]string{"import", "--db", db, "--conflicts"}, c.flags...)...)
			assert.Contains(t, out, "Meeting “Tokyo round (A)”: "+c.said)
			assert.Contains(t, out, "No conflict is left to decide.")

			var m storage.Meeting
			withStore(t, db, func(ctx context.Context, s *storage.Store) (err error) {
				m, err = s.Meeting(ctx, sample.TokyoRoundID)
				return err
			})
			assert.Equal(t, c.title, m.Title)
			assert.Equal(t, c.purpose, m.Purpose)

			out = runOK(t, "import", "--db", db, fromB)
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

func TestExportImportRoundTrip(t *testing.T) {
	fixClock(t, time.Date(2016, time.June, 21, 8, 0, 0, 0, time.UTC))

	dir := t.TempDir()
	first := sampleDB(t)
	bundle := filepath.Join(dir, "dossier.json")
	out := runOK(t, "export", "--db", first, "-o", bundle)
	assert.Contains(t, out, bundle)

	second := filepath.Join(dir, "second.db")
	out = runOK(t, "import", "--db", second, bundle)
	assert.Contains(t, out, "Created a new database")
	assert.Contains(t, out, "Meetings: 6 new, 0 updated, 0 unchanged", "six meetings created")

	again := filepath.Join(dir, "again.JSON") // the extension is matched in any case
	runOK(t, "export", "--db", second, "-o", again)

	assert.Equal(t, readFile(t, bundle), readFile(t, again), "export → import → export gives the same bundle")

	// Importing the same bundle again changes nothing.
	out = runOK(t, "import", "--db", second, bundle)
	assert.NotContains(t, out, "Created a new database")
	assert.Contains(t, out, "Meetings: 0 new, 0 updated, 6 unchanged", "six meetings unchanged")

	info, err := os.Stat(bundle)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "exports are readable by their owner only")
}

func TestImportRefusesBadBundle(t *testing.T) {
	dir := t.TempDir()
	db := sampleDB(t)
	bundle := filepath.Join(dir, "dossier.json")
	runOK(t, "export", "--db", db, "-o", bundle)
	good := readFile(t, bundle)
	require.Contains(t, good, `"2016-09"`)
	bad := filepath.Join(dir, "bad.json")
	writeFile(t, bad, strings.Replace(good, `"2016-09"`, `"2016-13"`, 1))

	_, before, _ := run(t, "list", "--db", db, "--json", "meetings")
	code, _, errOut := run(t, "import", "--db", db, bad)
	assert.Equal(t, 1, code)
	first, _, _ := strings.Cut(errOut, "\n")
	assert.Contains(t, first, "Nothing was imported", "the first line says why")
	assert.Contains(t, first, "2016-13")
	assert.NotContains(t, first, "not a Parley bundle", "a bundle with one bad field is a bundle")
	_, after, _ := run(t, "list", "--db", db, "--json", "meetings")
	assert.Equal(t, before, after, "the database is unchanged")

	// A refused import into a new database leaves no database behind.
	fresh := filepath.Join(dir, "fresh.db")
	code, _, _ = run(t, "import", "--db", fresh, bad)
	assert.Equal(t, 1, code)
	assert.NoFileExists(t, fresh)
}

func TestICSExportAndImport(t *testing.T) {
	dir, db := t.TempDir(), sampleDB(t)

	// An undated meeting is left out of the calendar and named.
	undated := storage.Meeting{Title: "Round 4", Status: storage.StatusProposed}
	withStore(t, db, func(ctx context.Context, s *storage.Store) error { return s.CreateMeeting(ctx, &undated) })

	ics := filepath.Join(dir, "talks.ics")
	out := runOK(t, "export", "--db", db, "-o", ics)
	assert.Contains(t, out, "6 meetings written as calendar events (time zones: Asia/Tokyo) to "+ics+".")
	assert.Contains(t, out, `Left out “Round 4” (`+undated.ID+`): no date yet.`)
	data := readFile(t, ics)
	assert.True(t, strings.HasPrefix(data, "BEGIN:VCALENDAR\r\n"))
	assert.Contains(t, data, "UID:"+sample.TokyoRoundID+"@parley\r\n")

	// Into a new database: six meetings, the Tokyo round in its zone.
	other := filepath.Join(dir, "other.db")
	out = runOK(t, "import", "--db", other, ics)
	assert.Contains(t, out, "Imported "+ics+" into "+other+".\n6 created, 0 updated, 0 unchanged, 0 skipped.")
	assert.Contains(t, out, `Created “Peace treaty consultations, round 2 — Tokyo”`)
	out = runOK(t, "list", "--db", other, "meetings")
	assert.Contains(t, out, "Wed 22 Jun 2016, 10:00 JST")
	assert.Contains(t, out, "by end of 2016")

	// Again into the first: nothing changes.
	out = runOK(t, "import", "--db", db, ics)
	assert.Contains(t, out, "0 created, 0 updated, 6 unchanged, 0 skipped.")
}

func TestICSImportReportsSkippedAndRefusesMalformed(t *testing.T) {
	dir, db := t.TempDir(), emptyDB(t)

	file := filepath.Join(dir, "outlook.ics")
	writeFile(t, file, strings.Join([]string{
		"BEGIN:VCALENDAR", "VERSION:2.0",
		"BEGIN:VEVENT", "UID:a@example.org", "DTSTART;TZID=Russian Standard Time:20161012T110000",
		"DTEND;TZID=Russian Standard Time:20161012T120000", "SUMMARY:Round 3", "END:VEVENT",
		"BEGIN:VEVENT", "UID:b@example.org", "DTSTART;TZID=Europe/Berlin:20160606T090000",
		"RRULE:FREQ=WEEKLY;COUNT=3", "SUMMARY:Weekly sync", "END:VEVENT",
		"END:VCALENDAR", ""}, "\r\n"))
	out := runOK(t, "import", "--db", db, file)
	assert.Contains(t, out, "1 created, 0 updated, 0 unchanged, 1 skipped.")
	assert.Contains(t, out, "Skipped line 9: “Weekly sync”: a recurring event with no occurrence between")
	out = runOK(t, "list", "--db", db, "meetings")
	assert.Contains(t, out, "Wed 12 Oct 2016, 11:00 MSK")

	// A file with no calendar in it is refused, and nothing more is imported.
	bad := filepath.Join(dir, "card.ics")
	writeFile(t, bad, "BEGIN:VCARD\r\nFN:Igor Morgulov\r\nEND:VCARD\r\n")
	code, out, errOut := run(t, "import", "--db", db, bad)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "Nothing was imported: card.ics is not a calendar Parley can read")
	assert.Contains(t, errOut, "no BEGIN:VCALENDAR")
	var ms []storage.MeetingSummary
	withStore(t, db, func(ctx context.Context, s *storage.Store) (err error) {
		ms, err = s.Meetings(ctx, storage.MeetingFilter{})
		return err
	})
	assert.Len(t, ms, 1)
}

func TestICSExportIsStampedByTheClock(t *testing.T) {
	fixClock(t, time.Date(2016, time.June, 20, 9, 0, 0, 0, time.UTC))
	dir, db := t.TempDir(), sampleDB(t)
	a, b := filepath.Join(dir, "a.ics"), filepath.Join(dir, "b.ics")
	for _, f := range []string{a, b} {
		runOK(t, "export", "--db", db, "-o", f)
	}
	first := readFile(t, a)
	assert.Equal(t, first, readFile(t, b), "same dossier and clock, same bytes")
	assert.Contains(t, first, "DTSTAMP:20160620T090000Z\r\n")
}

func TestExportUpTo(t *testing.T) {
	db := sampleDB(t)
	dir := t.TempDir()
	stdout := runOK(t, "export", "--db", db, "--up-to", "OFFICIAL", "-o", filepath.Join(dir, "talks.ics"))
	assert.Contains(t, stdout, "Up to OFFICIAL: 0 items above OFFICIAL left out of the events.")
	code, _, stderr := run(t, "export", "--db", db, "--up-to", "OFFICIAL", "-o", filepath.Join(dir, "dossier.json"))
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--up-to is for calendar files")
}

func TestImportAddAttendees(t *testing.T) {
	db := sampleDB(t)
	path := filepath.Join(t.TempDir(), "invite.ics")
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:invite-1@example.org\r\n" +
		"DTSTAMP:20160601T090000Z\r\nDTSTART:20160622T010000Z\r\nDTEND:20160622T040000Z\r\nSUMMARY:Working lunch\r\n" +
		"ORGANIZER;CN=Jane Doe:mailto:jane@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	writeFile(t, path, ics)
	stdout := runOK(t, "import", "--db", db, "--add-attendees", path)
	assert.Contains(t, stdout, "Added 1 attendee as an actor (Jane Doe); 1 meeting now lists them as participants.")
}
