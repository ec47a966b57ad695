//go:build sqlite_fts5

package tasks

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

var stamp = time.Date(2016, 6, 21, 9, 0, 0, 0, time.UTC)

// oldFile puts a file at dir/name with known content and returns its path.
func oldFile(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte("the user's previous file"), 0o600))
	return path
}

// assertUntouched checks that path still holds what oldFile wrote and nothing else is left
// in its folder.
func assertUntouched(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "the user's previous file", string(b), "the previous file is intact")
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasSuffix(e.Name(), ".tmp"), "no temporary file left: %s", e.Name())
	}
}

// failAfter writes n bytes and then fails, as a full disk or a crashing encoder would.
func failAfter(n int) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := w.Write([]byte(strings.Repeat("x", n))); err != nil {
			return err
		}
		return errors.New("the writer gave up half way")
	}
}

func TestWriteFileFailingHalfWayKeepsTheOldFile(t *testing.T) {
	for _, n := range []int{0, 1, 4096, 1 << 20} {
		t.Run(byteSize(int64(n)), func(t *testing.T) {
			path := oldFile(t, t.TempDir(), "brief.pdf")
			err := WriteFile(path, failAfter(n))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "half way")
			assertUntouched(t, path)
		})
	}
}

func TestWriteFileReplacesWhenComplete(t *testing.T) {
	path := oldFile(t, t.TempDir(), "brief.pdf")
	require.NoError(t, WriteFile(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "%PDF-1.4 new")
		return err
	}))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "%PDF-1.4 new", string(b))
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o600), info.Mode().Perm(), "dossier files are the owner's only")
}

func TestWriteFileIntoAMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no such folder", "brief.pdf")
	err := WriteFile(path, failAfter(0))
	var fe *FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "Cannot write "+path+": the folder "+filepath.Dir(path)+" does not exist.", fe.Sentence())
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func TestWritePack(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Store(t)
	dir := t.TempDir()

	path := oldFile(t, dir, "brief.pdf")
	rep, err := WritePack(ctx, st, sample.TokyoRoundID, path, PackOptions{PreparedOn: stamp, HomeZone: time.UTC})
	require.NoError(t, err)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "%PDF-"))
	assert.Equal(t, "The briefing pack for “Peace treaty consultations, round 2 — Tokyo” is saved as brief.pdf in "+dir+".", rep.String())

	t.Run("an unknown meeting keeps the old file", func(t *testing.T) {
		path := oldFile(t, t.TempDir(), "brief.pdf")
		_, err := WritePack(ctx, st, "no-such-meeting", path, PackOptions{})
		require.ErrorIs(t, err, storage.ErrNotFound)
		assertUntouched(t, path)
	})
	t.Run("a pack stopped by quitting keeps the old file", func(t *testing.T) {
		path := oldFile(t, t.TempDir(), "brief.pdf")
		stopped, cancel := context.WithCancel(ctx)
		cancel()
		_, err := WritePack(stopped, st, sample.TokyoRoundID, path, PackOptions{})
		require.ErrorIs(t, err, context.Canceled)
		assertUntouched(t, path)
	})
}

func TestWritePacksForARange(t *testing.T) {
	st := sampletest.Store(t)
	dir := filepath.Join(t.TempDir(), "june")
	june, err := ParseRange("2016-06", "2016-06")
	require.NoError(t, err)
	rep, err := WritePacks(context.Background(), st, june, dir, PackOptions{PreparedOn: stamp})
	require.NoError(t, err)
	require.Len(t, rep.Packs, 3, "Naryshkin's call, the Tokyo round and the visit due by end of 2016")
	for _, p := range rep.Packs {
		assert.FileExists(t, p.Path)
	}
	assert.Equal(t, filepath.Join(dir, "2016-06-16 Naryshkin calls on Prime Minister Abe.pdf"), rep.Packs[0].Path)
	assert.Equal(t, filepath.Join(dir, "2016 President Putin's official visit to Japan.pdf"), rep.Packs[2].Path)
	assert.True(t, strings.HasSuffix(rep.String(), "3 packs written to "+dir+"."))

	y1990, err := ParseRange("1990", "1990")
	require.NoError(t, err)
	none, err := WritePacks(context.Background(), st, y1990, dir, PackOptions{})
	require.NoError(t, err)
	assert.Equal(t, "No meetings between 1990 and 1990; no pack was written.", none.String())
}

func TestParseRange(t *testing.T) {
	for _, tc := range []struct{ from, to, problem string }{
		{"2016-06", "2016-06", ""},
		{"2016", "2016-06-22", ""},
		{"2016-13", "2016", "month 13"},
		{"2016", "2016-02-30", "the last date"},
		{"2016-07", "2016-06", "ends (2016-06) before it starts (2016-07)"},
	} {
		t.Run(tc.from+" to "+tc.to, func(t *testing.T) {
			_, err := ParseRange(tc.from, tc.to)
			if tc.problem == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, tc.problem)
			}
		})
	}
}

func TestPackFileName(t *testing.T) {
	tokyo, err := storage.ParseFuzzyDate("2016-06-22 10:00 Asia/Tokyo")
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		m    storage.MeetingSummary
		want string
	}{
		{"exact", storage.MeetingSummary{Title: "Tokyo round", When: tokyo}, "2016-06-22 Tokyo round.pdf"},
		{"month by its first day", storage.MeetingSummary{Title: "Abe–Putin meeting", When: storage.InMonth(2016, time.September)},
			"2016-09 Abe–Putin meeting.pdf"},
		{"undated", storage.MeetingSummary{Title: "Visit"}, "Visit.pdf"},
		{"no title", storage.MeetingSummary{}, "Meeting.pdf"},
		{"characters a file system refuses", storage.MeetingSummary{Title: `Talks: "A/B" <draft>?`}, "Talks A B draft.pdf"},
		{"native script kept", storage.MeetingSummary{Title: "日露次官級協議"}, "日露次官級協議.pdf"},
		{"long titles cut", storage.MeetingSummary{Title: strings.Repeat("Consultations ", 10)},
			strings.TrimSpace(strings.Repeat("Consultations ", 10)[:60]) + ".pdf"},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, PackFileName(tc.m)) })
	}
	used := map[string]bool{}
	assert.Equal(t, "a.pdf", uniqueName("a.pdf", used))
	assert.Equal(t, "a (2).pdf", uniqueName("a.pdf", used))
	assert.Equal(t, "a (3).pdf", uniqueName("a.pdf", used))
}

func TestExportAndImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Store(t)
	dir := t.TempDir()

	bundle := filepath.Join(dir, "dossier.json")
	rep, err := Export(ctx, st, bundle, stamp)
	require.NoError(t, err)
	assert.Equal(t, "6 meetings, "+plural(rep.Actors, "actor")+", 1 dispute, "+plural(rep.Statements, "statement")+
		" and "+plural(rep.Sources, "source")+" written to "+bundle+".", rep.String())

	cal := filepath.Join(dir, "talks.ics")
	crep, err := Export(ctx, st, cal, stamp)
	require.NoError(t, err)
	assert.Contains(t, crep.String(), "6 meetings written as calendar events (time zones: Asia/Tokyo) to "+cal+".")

	empty := sampletest.Empty(t)
	irep, err := Import(ctx, empty, bundle)
	require.NoError(t, err)
	assert.Equal(t, 6, irep.Bundle.Meetings.Created)
	assert.Contains(t, irep.String(), "Meetings: 6 new, 0 updated, 0 unchanged")

	// The registry of issued packs goes with the dossier, and says so.
	_, err = WritePack(ctx, st, sample.TokyoRoundID, filepath.Join(dir, "brief.pdf"), PackOptions{Issue: true, HomeZone: time.UTC})
	require.NoError(t, err)
	rep, err = Export(ctx, st, bundle, stamp)
	require.NoError(t, err)
	assert.Contains(t, rep.String(), "The record of 1 issued pack goes with them.")
	irep, err = Import(ctx, empty, bundle)
	require.NoError(t, err)
	assert.Contains(t, irep.String(), "Issued packs on record: 1 new, 0 already here")

	again, err := Import(ctx, empty, cal)
	require.NoError(t, err)
	assert.Equal(t, 6, again.Calendar.Unchanged, "the calendar of the same meetings changes nothing")
}

func TestExportFailureKeepsTheOldFile(t *testing.T) {
	st := sampletest.Store(t)
	path := oldFile(t, t.TempDir(), "dossier.json")
	stopped, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Export(stopped, st, path, stamp)
	require.Error(t, err)
	assertUntouched(t, path)

	_, err = Export(context.Background(), st, filepath.Join(t.TempDir(), "dossier.txt"), stamp)
	assert.ErrorIs(t, err, ErrUnknownFormat)
}

func TestImportRefusesWhatItCannotRead(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Store(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		name, file, content string
		want                error
		sentence            string
	}{
		{"not a bundle", "x.json", "<html>", nil, "Nothing was imported: x.json is not a Parley bundle Parley can read."},
		{"not a calendar", "x.ics", "BEGIN:VCARD\r\nFN:Igor Morgulov\r\nEND:VCARD\r\n", nil, "Nothing was imported: x.ics is not a calendar Parley can read."},
		{"another format", "x.csv", "a,b", ErrUnknownFormat, ""},
		{"no such file", "missing.json", "", fs.ErrNotExist, "Cannot read " + filepath.Join(dir, "missing.json") + ": there is no such file."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			if tc.content != "" {
				require.NoError(t, os.WriteFile(path, []byte(tc.content), 0o600))
			}
			_, err := Import(ctx, st, path)
			require.Error(t, err)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
			}
			if tc.sentence != "" {
				var s interface{ Sentence() string }
				require.ErrorAs(t, err, &s)
				assert.Equal(t, tc.sentence, s.Sentence())
			}
		})
	}
	list, err := st.Meetings(ctx, storage.MeetingFilter{})
	require.NoError(t, err)
	assert.Len(t, list, 6, "nothing was imported")
}

// An export notes what it carries; a copy edited on the other laptop and here comes back as a
// conflict the report spells out, and ResolveConflicts says what became of it.
func TestExchangeThroughFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	here, there := sampletest.Store(t), sampletest.Empty(t)
	toThere := filepath.Join(dir, "to-there.json")
	rep, err := Export(ctx, here, toThere, stamp)
	require.NoError(t, err)
	assert.Empty(t, rep.NotNoted)
	_, err = Import(ctx, there, toThere)
	require.NoError(t, err)

	for i, s := range []*storage.Store{here, there} {
		at := stamp.Add(time.Duration(i+1) * time.Hour)
		s.SetClock(func() time.Time { return at })
		m, err := s.Meeting(ctx, sample.TokyoRoundID)
		require.NoError(t, err)
		m.Venue = []string{"Iikura House", "Ministry of Foreign Affairs"}[i]
		require.NoError(t, s.UpdateMeeting(ctx, &m))
	}
	back := filepath.Join(dir, "back.json")
	_, err = Export(ctx, there, back, stamp)
	require.NoError(t, err)
	irep, err := Import(ctx, here, back)
	require.NoError(t, err)
	require.Len(t, irep.Bundle.Conflicts, 1)
	text := irep.String()
	assert.Contains(t, text, "Meetings: 0 new, 0 updated, 5 unchanged, 1 changed on both sides")
	assert.Contains(t, text, "1 record was changed on both sides. Parley's version stays; the file's is kept aside until you choose.")
	assert.Contains(t, text, "  venue — here: “Iikura House”; in back.json: “Ministry of Foreign Affairs”")
	assert.Contains(t, text, "Resolve them in File → Resolve conflicts…, or with parley import --conflicts.")
	assert.NotContains(t, irep.Counts(), "changed on both sides.", "Counts leaves the conflicts' words out")

	res, err := ResolveConflicts(ctx, here, []storage.Resolution{{Kind: "meeting", ID: sample.TokyoRoundID, All: true}})
	require.NoError(t, err)
	assert.Equal(t, "Meeting “Peace treaty consultations, round 2 — Tokyo”: took the file's version.", res.String())
	left, err := PendingConflicts(ctx, here)
	require.NoError(t, err)
	assert.Empty(t, left)
}

// A bundle exported from a dossier opened for reading only is written all the same, and the
// report says what not noting it means.
func TestExportFromAReaderSaysItCouldNotNote(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Store(t)
	reader, err := storage.OpenReader(ctx, st.Path())
	require.NoError(t, err)
	defer reader.Close()
	path := filepath.Join(t.TempDir(), "dossier.json")
	rep, err := Export(ctx, reader, path, stamp)
	require.NoError(t, err)
	assert.FileExists(t, path)
	assert.Contains(t, rep.String(), "Parley could not note in the dossier what this file carries (the database file cannot be written")
	assert.Contains(t, rep.String(), "may be shown as conflicts to decide.")
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Store(t)
	db := st.Path()
	dir := t.TempDir()

	out := filepath.Join(dir, "copy.db")
	rep, err := Backup(ctx, db, out, false)
	require.NoError(t, err)
	assert.Greater(t, rep.Size, int64(0))
	copyStore, err := storage.Open(ctx, out)
	require.NoError(t, err)
	list, err := copyStore.Meetings(ctx, storage.MeetingFilter{})
	require.NoError(t, err)
	assert.Len(t, list, 6)
	require.NoError(t, copyStore.Close())

	t.Run("an existing file is refused unless the user agreed", func(t *testing.T) {
		path := oldFile(t, t.TempDir(), "copy.db")
		_, err := Backup(ctx, db, path, false)
		var fe *FileError
		require.ErrorAs(t, err, &fe)
		assert.ErrorIs(t, err, fs.ErrExist)
		assertUntouched(t, path)

		_, err = Backup(ctx, db, path, true)
		require.NoError(t, err)
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(string(b), "SQLite format 3"))
	})
	t.Run("never over the dossier itself", func(t *testing.T) {
		_, err := Backup(ctx, db, db, true)
		assert.ErrorIs(t, err, ErrBackupOverDossier)
	})
	t.Run("a source that is not a database keeps the old backup", func(t *testing.T) {
		bad := oldFile(t, t.TempDir(), "notes.db")
		path := oldFile(t, t.TempDir(), "copy.db")
		_, err := Backup(ctx, bad, path, true)
		assert.ErrorIs(t, err, storage.ErrNotParley)
		assertUntouched(t, path)
	})
}

func TestWritePackForAnAudienceIssuedInNumberedCopies(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Store(t)
	dir := t.TempDir()
	opt := PackOptions{PreparedOn: stamp, HomeZone: time.UTC, UpTo: "official", Issue: true, Copies: 3}
	rep, err := WritePack(ctx, st, sample.TokyoRoundID, filepath.Join(dir, "brief.pdf"), opt)
	require.NoError(t, err)
	require.Len(t, rep.Paths, 3)
	assert.Equal(t, filepath.Join(dir, "brief (copy 2 of 3).pdf"), rep.Paths[1])
	for _, p := range rep.Paths {
		_, err := os.Stat(p)
		require.NoError(t, err)
	}
	assert.Equal(t, "3 numbered copies of the briefing pack for “Peace treaty consultations, round 2 — Tokyo” are saved in "+dir+
		", from brief (copy 1 of 3).pdf to brief (copy 3 of 3).pdf. It is issued as version 1. 4 items above OFFICIAL were left out.", rep.String())
	issues, err := st.PackIssues(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	require.Len(t, issues, 1)
	assert.Equal(t, "OFFICIAL", issues[0].UpTo)
	assert.Equal(t, 3, issues[0].Copies)
	for _, it := range issues[0].Items {
		assert.NotContains(t, it.Text, "(OS)", "the registry keeps what the issue carried, nothing above it")
	}

	// An addendum goes to the same audience and lists what changed.
	m, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	m.LinesToTake = append(m.LinesToTake, storage.Line{Text: "We welcome the joint economic activities."})
	require.NoError(t, st.UpdateMeeting(ctx, &m))
	_, err = WritePack(ctx, st, sample.TokyoRoundID, filepath.Join(dir, "add.pdf"), PackOptions{Addendum: true, UpTo: "SECRET"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "version 1 went up to OFFICIAL, so its addendum cannot go up to SECRET")
	rep, err = WritePack(ctx, st, sample.TokyoRoundID, filepath.Join(dir, "add.pdf"), PackOptions{Addendum: true, HomeZone: time.UTC})
	require.NoError(t, err)
	assert.Equal(t, "addendum 1 to version 1", rep.Issue.Label())
	assert.Equal(t, "OFFICIAL", rep.UpTo, "the addendum takes its version's audience")

	// A draft touches nothing in the registry.
	_, err = WritePack(ctx, st, sample.TokyoRoundID, filepath.Join(dir, "draft.pdf"), PackOptions{})
	require.NoError(t, err)
	issues, err = st.PackIssues(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Len(t, issues, 2)
}

func TestWritePackRefusals(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Store(t)
	tests := []struct {
		name string
		prep func()
		opt  PackOptions
		want string
	}{
		{"an unknown level", nil, PackOptions{UpTo: "TOP SECRET"}, `"TOP SECRET" is not one of the dossier's handling levels (OFFICIAL (O), OFFICIAL-SENSITIVE (OS), SECRET (S))`},
		{"below the dossier's own marking", nil, PackOptions{UpTo: "O", Marking: "OFFICIAL-SENSITIVE", MarkingSet: true}, "the dossier is marked OFFICIAL-SENSITIVE as a whole"},
		{"an addendum before any issue", nil, PackOptions{Addendum: true}, storage.ErrNothingToAmend.Error()},
		{"absurd copies", nil, PackOptions{Copies: 100000}, "the most is 200"},
		{"unreadable levels", func() { require.NoError(t, st.SetSetting(ctx, "levels", "OFFICIAL")) }, PackOptions{}, "the dossier's handling levels cannot be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.prep != nil {
				tt.prep()
			}
			path := oldFile(t, t.TempDir(), "brief.pdf")
			_, err := WritePack(ctx, st, sample.TokyoRoundID, path, tt.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assertUntouched(t, path)
		})
	}
	issues, err := st.PackIssues(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Empty(t, issues)
}

func TestExportCalendarForAnAudience(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Store(t)
	m, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	m.Purpose += "\n(OS) Test, in the restricted session, whether stages would be acceptable."
	require.NoError(t, st.UpdateMeeting(ctx, &m))
	dir := t.TempDir()

	whole, err := ExportFor(ctx, st, filepath.Join(dir, "all.ics"), stamp, "")
	require.NoError(t, err)
	all := unfold(t, whole.Path)
	assert.Contains(t, all, "whether stages would be acceptable")
	assert.Contains(t, all, "Marking: OFFICIAL-SENSITIVE — SAMPLE", "the event is marked by what it carries")
	assert.Contains(t, all, "Marking: OFFICIAL — SAMPLE", "the other events keep the dossier's marking")

	rep, err := ExportFor(ctx, st, filepath.Join(dir, "official.ics"), stamp, "OFFICIAL")
	require.NoError(t, err)
	cut := unfold(t, rep.Path)
	assert.NotContains(t, cut, "stages")
	assert.NotContains(t, cut, "OFFICIAL-SENSITIVE")
	assert.Contains(t, rep.String(), "Up to OFFICIAL: 1 item above OFFICIAL left out of the events.")

	_, err = ExportFor(ctx, st, filepath.Join(dir, "b.json"), stamp, "OFFICIAL")
	assert.ErrorIs(t, err, ErrUpToBundle)
	_, err = ExportFor(ctx, st, filepath.Join(dir, "x.ics"), stamp, "TOP SECRET")
	assert.ErrorContains(t, err, "not one of the dossier's handling levels")
}

// unfold reads a calendar file with its folded lines joined and its escapes undone enough to
// search its text.
func unfold(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	s := strings.ReplaceAll(string(b), "\r\n ", "")
	return strings.NewReplacer(`\n`, "\n", `\,`, ",", `\;`, ";").Replace(s)
}

func TestImportCalendarAddsAttendeesAsActors(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Empty(t)
	path := filepath.Join(t.TempDir(), "invite.ics")
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:invite-1@example.org\r\n" +
		"DTSTAMP:20160601T090000Z\r\nDTSTART:20160622T010000Z\r\nDTEND:20160622T040000Z\r\nSUMMARY:Working lunch\r\n" +
		"ORGANIZER;CN=Jane Doe:mailto:jane@example.org\r\nATTENDEE;CN=Ivan Petrov:mailto:ivan@example.ru\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	require.NoError(t, os.WriteFile(path, []byte(ics), 0o600))

	plain, err := Import(ctx, st, path)
	require.NoError(t, err)
	assert.Len(t, plain.Calendar.Unmatched, 2)

	rep, err := ImportWith(ctx, st, path, ImportOptions{AddAttendees: true})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"Jane Doe", "Ivan Petrov"}, rep.AddedActors)
	assert.Equal(t, 1, rep.Linked)
	assert.Empty(t, rep.Calendar.Unmatched)
	assert.Contains(t, rep.String(), "Added 2 attendees as actors")
	actors, err := st.Actors(ctx)
	require.NoError(t, err)
	require.Len(t, actors, 2)
	for _, a := range actors {
		assert.Len(t, a.OtherNames, 1, "the e-mail address is kept as another name, so the next import matches")
	}
	ms, err := st.Meetings(ctx, storage.MeetingFilter{})
	require.NoError(t, err)
	require.Len(t, ms, 1)
	m, err := st.Meeting(ctx, ms[0].ID)
	require.NoError(t, err)
	assert.Len(t, m.Participants, 2)
}

// A pack written to a name without a folder (parley pack -o brief.pdf) says which folder it
// is in, whole, never "in ..".
func TestPackReportNamesTheWholeFolder(t *testing.T) {
	wd, err := os.Getwd()
	require.NoError(t, err)
	for _, c := range []struct{ path, folder string }{
		{"brief.pdf", wd},
		{filepath.Join("packs", "brief.pdf"), filepath.Join(wd, "packs")},
		{filepath.Join(wd, "brief.pdf"), wd},
	} {
		rep := PackReport{Path: c.path, Paths: []string{c.path}, Title: "Tokyo round"}
		assert.Equal(t, "The briefing pack for “Tokyo round” is saved as brief.pdf in "+c.folder+".", rep.String(), c.path)
	}
}
