package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	_ "time/tzdata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

func TestInitAndListMeetings(t *testing.T) {
	db := sampleDB(t)
	code, out, errOut := run(t, "list", "--db", db, "meetings")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
	for _, want := range []string{
		"Oct 2015", "May 2016", "Thu 16 Jun 2016",
		"Wed 22 Jun 2016, 10:00 JST", "Sep 2016", "by end of 2016",
		"Peace treaty consultations, round 2 — Tokyo", "Scheduled", "Proposed",
		sample.TokyoRoundID,
	} {
		assert.Contains(t, out, want)
	}
	// Oldest first, undated last.
	assert.Less(t, strings.Index(out, "Oct 2015"), strings.Index(out, "Wed 22 Jun 2016"))
	assert.Less(t, strings.Index(out, "Wed 22 Jun 2016"), strings.Index(out, "Sep 2016"))
	// A meeting that was postponed once keeps saying so.
	assert.Contains(t, out, "Tentative (postponed — was 2014)", "the wording of storage.MeetingSummary.StatusText")
}

func TestListKinds(t *testing.T) {
	db := sampleDB(t)
	d := sample.Dossier()
	cases := []struct {
		kind  string
		count int
		want  []string
	}{
		{"actors", len(d.Actors), []string{"Igor Morgulov", "Игорь Моргулов", "岸田文雄", "Deputy Minister of Foreign Affairs", "Russia"}},
		{"disputes", len(d.Disputes), []string{"Northern Territories 北方領土 (Japan)", "Southern Kurils Южные Курилы (Russia)", sample.DisputeID}},
		{"sources", len(d.Sources), []string{"Japan, Russia to hold talks on territorial row this week in Tokyo", "20–21 Jun 2016"}},
		{"tracks", len(d.Tracks), []string{"Japan–Russia peace treaty talks", "Japan, Russia", sample.TrackID}},
	}
	for _, c := range cases {
		t.Run(c.kind, func(t *testing.T) {
			out := runOK(t, "list", "--db", db, c.kind)
			for _, w := range c.want {
				assert.Contains(t, out, w)
			}
			assert.Len(t, strings.Split(strings.TrimSpace(out), "\n"), c.count+1, "a header and a line each")
			// The JSON of each kind: TestListJSON… in json_test.go.
		})
	}
}

// Japanese names are two columns wide on a terminal: the column after them still lines up.
func TestListAlignsWideCharacters(t *testing.T) {
	db := sampleDB(t)
	out := runOK(t, "list", "--db", db, "actors")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	titleCol := displayWidth(lines[0][:strings.Index(lines[0], "TITLE")])
	titles := map[string]string{"岸田文雄": "Minister for Foreign Affairs", "Игорь Моргулов": "Deputy Minister of Foreign Affairs"}
	for native, title := range titles {
		found := false
		for _, l := range lines[1:] {
			if strings.Contains(l, native) {
				found = true
				assert.Equal(t, titleCol, displayWidth(l[:strings.Index(l, title)]), l)
			}
		}
		assert.True(t, found, native)
	}
	assert.Equal(t, 8, displayWidth("岸田文雄"))
	assert.Equal(t, 14, displayWidth("Игорь Моргулов"))
}

func TestInitEmpty(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	out := runOK(t, "init", "--empty", "--db", db)
	assert.Contains(t, out, "empty database")
	code, out, _ := run(t, "list", "--db", db, "meetings")
	assert.Equal(t, 0, code)
	assert.Equal(t, "No meetings yet.\n", out)
	code, out, _ = run(t, "list", "--db", db, "--json", "actors")
	assert.Equal(t, 0, code)
	assert.Equal(t, "[]\n", out)
}

func TestInitRefusesExistingFile(t *testing.T) {
	db := sampleDB(t)
	before := readFile(t, db)
	code, _, errOut := run(t, "init", "--db", db)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "There is already a file at "+db)
	assert.Equal(t, before, readFile(t, db))
}

func TestSearch(t *testing.T) {
	db := sampleDB(t)
	cases := []struct {
		name, query, wantID string
	}{
		{"Cyrillic", "Моргулов", sample.MorgulovID},
		{"Cyrillic, any case", "моргулов", sample.MorgulovID},
		{"Japanese", "北方領土", sample.DisputeID},
		{"Russian place name", "Курилы", sample.DisputeID},
		{"Latin", "Naryshkin", sample.NaryshkinID},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := run(t, "search", "--db", db, c.query)
			require.Equal(t, 0, code, errOut)
			assert.Contains(t, out, c.wantID)
			assert.Contains(t, out, "[", "snippets mark the match")
			// --json: TestSearchJSON in json_test.go.
		})
	}

	code, out, _ := run(t, "search", "--db", db, "zyxwvut")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Nothing in the dossier matches")
}

// An actor's name in any spelling finds the meetings they take part in, saying why.
func TestSearchFindsAnActorsMeetings(t *testing.T) {
	db := sampleDB(t)
	for _, c := range []struct{ query, why string }{
		{"Моргулов", "Igor Morgulov takes part"},
		{"Morgulov", "Igor Morgulov takes part"},
		{"原田", "Chikahito Harada takes part"},
	} {
		t.Run(c.query, func(t *testing.T) {
			out := runOK(t, "search", "--db", db, c.query)
			for _, id := range []string{sample.MoscowRoundID, sample.TokyoRoundID} {
				assert.Contains(t, out, id)
			}
			assert.Contains(t, out, c.why)

			out = runOK(t, "search", "--db", db, "--json", c.query)
			why := map[string]string{}
			for _, h := range decodeJSON[jsonHit](t, out) {
				why[h.ID] = h.Why
			}
			assert.Equal(t, c.why, why[sample.TokyoRoundID])
			assert.Empty(t, why[sample.MorgulovID], "the actor's own hit needs no reason")
		})
	}
}

func TestBackup(t *testing.T) {
	db := sampleDB(t)
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	out := runOK(t, "backup", "--db", db, "-o", copyPath)
	assert.Contains(t, out, "was copied to "+copyPath)

	out = runOK(t, "list", "--db", copyPath, "meetings")
	assert.Contains(t, out, "Wed 22 Jun 2016")

	code, _, errOut := run(t, "backup", "--db", db, "-o", copyPath)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "already a file")

	// While a window (here: an open Store) holds the database, a backup still works.
	held, err := storage.Open(context.Background(), db)
	require.NoError(t, err)
	defer held.Close()
	second := filepath.Join(t.TempDir(), "second.db")
	runOK(t, "backup", "--db", db, "-o", second)
	assert.FileExists(t, second)
}

func TestMissingDatabase(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nowhere.db")
	cases := map[string][]string{
		"list":   {"list", "--db", missing, "meetings"},
		"search": {"search", "--db", missing, "Abe"},
		"export": {"export", "--db", missing, "-o", filepath.Join(dir, "out.json")},
		"backup": {"backup", "--db", missing, "-o", filepath.Join(dir, "out.db")},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := run(t, args...)
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, "There is no database at "+missing)
			assert.Contains(t, errOut, "parley init --db "+missing)
			assert.NoFileExists(t, missing, "a read command creates nothing")
		})
	}
	assert.NoFileExists(t, filepath.Join(dir, "out.json"))
}

func TestRefusesOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	content := "These are not the minutes you are looking for.\n"
	writeFile(t, path, content)
	code, _, errOut := run(t, "list", "--db", path, "meetings")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, path+" is not a Parley database")
	assert.Equal(t, content, readFile(t, path), "the file is left as it was")
}

func TestBadArguments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "parley.db")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"nothing", nil, "Usage:"},
		{"unknown command", []string{"frobnicate"}, `"frobnicate" is not a command`},
		{"list without a kind", []string{"list", "--db", db}, "say what to list"},
		{"list of an unknown kind", []string{"list", "--db", db, "treaties"}, `cannot list "treaties"`},
		{"unknown option", []string{"list", "--bogus", "meetings"}, "unknown option -bogus"},
		{"option without value", []string{"list", "meetings", "--db"}, "option -db needs a value"},
		{"search without words", []string{"search", "--db", db}, "say what to search for"},
		{"search limit", []string{"search", "--db", db, "--limit", "0", "Abe"}, "--limit must be at least 1"},
		{"export without -o", []string{"export", "--db", db}, "-o FILE"},
		{"export to unknown format", []string{"export", "--db", db, "-o", "x.docx"}, "must end in"},
		{"import without a file", []string{"import", "--db", db}, "give the file to import"},
		{"import of an unknown format", []string{"import", "--db", db, "notes.txt"}, "must end in"},
		{"backup without -o", []string{"backup", "--db", db}, "-o FILE"},
		{"init with a stray argument", []string{"init", "x.db"}, "unexpected argument"},
		{"help for an unknown command", []string{"help", "frobnicate"}, "not a command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := run(t, c.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, c.want)
		})
	}
	assert.NoFileExists(t, db, "no bad command line creates a database")
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := run(t, "help")
	assert.Equal(t, 0, code)
	for _, name := range []string{"init", "list", "search", "export", "import", "backup", "version"} {
		assert.Contains(t, out, "parley "+name)
	}
	code, out, _ = run(t, "--help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "parley [--db FILE] [--empty]")

	code, out, _ = run(t, "help", "list")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Usage: parley list [--db FILE] [--json] meetings|actors|disputes|sources|tracks")

	code, out, _ = run(t, "list", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Usage: parley list")

	code, out, _ = run(t, "version")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Parley "+Version)
	assert.Contains(t, out, "full-text search built in")

	assert.True(t, IsCommand("list"))
	assert.True(t, IsCommand("--version"))
	assert.False(t, IsCommand("--db"))
}

func TestParseArgs(t *testing.T) {
	cases := []struct {
		name       string
		args       []string
		positional []string
		json       bool
	}{
		{"flags first", []string{"--json", "a", "b"}, []string{"a", "b"}, true},
		{"flags last", []string{"a", "b", "--json"}, []string{"a", "b"}, true},
		{"flags between", []string{"a", "-json", "b"}, []string{"a", "b"}, true},
		{"no flags", []string{"a"}, []string{"a"}, false},
		{"dash dash", []string{"a", "--", "--json", "-x"}, []string{"a", "--json", "-x"}, false},
		{"nothing", nil, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fl := newFlags("test")
			asJSON := fl.Bool("json", false, "")
			got, err := parseArgs(fl, c.args)
			require.NoError(t, err)
			assert.Equal(t, c.positional, got)
			assert.Equal(t, c.json, *asJSON)
		})
	}
}

// Commands that only read work while a window holds the database; writers get the sentence
// they always got.
func TestReadersWhileAWindowHoldsTheDatabase(t *testing.T) {
	db := sampleDB(t)
	window, err := storage.Open(context.Background(), db)
	require.NoError(t, err)
	defer window.Close()
	dir := t.TempDir()
	for _, args := range [][]string{
		{"list", "--db", db, "meetings"},
		{"search", "--db", db, "Tokyo"},
		{"pack", "--db", db, "--meeting", sample.TokyoRoundID, "-o", filepath.Join(dir, "tokyo.pdf")},
		{"export", "--db", db, "-o", filepath.Join(dir, "dossier.json")},
		{"backup", "--db", db, "-o", filepath.Join(dir, "copy.db")},
	} {
		code, _, errOut := run(t, args...)
		assert.Equal(t, 0, code, "%v: %s", args, errOut)
	}
	code, _, errOut := run(t, "import", "--db", db, filepath.Join(dir, "dossier.json"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "is open in another Parley window or command. Close it and try again.")
}

func TestRestoreCommand(t *testing.T) {
	db := sampleDB(t)
	dir := t.TempDir()
	copyPath := filepath.Join(dir, "copy.db")
	runOK(t, "backup", "--db", db, "-o", copyPath)
	s, err := storage.Open(context.Background(), db)
	require.NoError(t, err)
	m := storage.Meeting{Title: "Added after the backup", Status: storage.StatusProposed}
	require.NoError(t, s.CreateMeeting(context.Background(), &m))

	code, _, errOut := run(t, "restore", "--db", db, copyPath)
	assert.Equal(t, 1, code, "not while the dossier is open")
	assert.Contains(t, errOut, "is open in another Parley window or command")
	require.NoError(t, s.Close())

	out := runOK(t, "restore", "--db", db, copyPath)
	assert.Contains(t, out, "is now the copy copy.db. The dossier as it was is kept as parley.before-restore-")
	_, list, _ := run(t, "list", "--db", db, "meetings")
	assert.NotContains(t, list, "Added after the backup")

	code, _, errOut = run(t, "restore", "--db", db, filepath.Join(dir, "missing.db"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "There is no file")
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
