package cli

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/export/pdftest"
	"github.com/parley-app/parley/sample"
)

// editOutside runs query on the database at db as another program would, past Parley.
func editOutside(t *testing.T, db, query string, args ...any) {
	t.Helper()
	raw, err := sql.Open("sqlite3", db)
	require.NoError(t, err)
	_, err = raw.Exec(query, args...)
	require.NoError(t, err)
	require.NoError(t, raw.Close())
}

// spoilTokyoRound gives the sample's Tokyo round, outside Parley, a time zone no one knows:
// its row can no longer be read.
func spoilTokyoRound(t *testing.T, db string) {
	t.Helper()
	editOutside(t, db, `UPDATE meetings SET when_zone = 'Mars/Olympus' WHERE id = ? AND when_kind = 'exact'`, sample.TokyoRoundID)
}

func TestVerify(t *testing.T) {
	db := sampleDB(t)
	out := runOK(t, "verify", "--db", db)
	assert.Contains(t, out, "File: sound")
	assert.Contains(t, out, "Records: all readable.")
	assert.Contains(t, out, "Search index: complete.")

	editOutside(t, db, `DELETE FROM search`)
	spoilTokyoRound(t, db)

	code, out, errOut := run(t, "verify", "--db", db)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "meeting "+sample.TokyoRoundID+": ")
	assert.Contains(t, out, "Mars/Olympus")
	assert.Contains(t, out, "Search index: holds 0 of")
	assert.Contains(t, errOut, "The database has problems")

	code, out, _ = run(t, "verify", "--db", db, "--repair")
	assert.Equal(t, 1, code, "the bad row is still there")
	assert.Contains(t, out, "Rebuilt the search index")
	assert.Contains(t, out, "Search index: holds", "the unreadable meeting is left out of the index")

	out = runOK(t, "search", "--db", db, "Моргулов")
	assert.Contains(t, out, "Morgulov", "search finds again")
}

// One row edited outside Parley does not stop an export: it is left out and named.
func TestExportReadsAroundABadRow(t *testing.T) {
	db := sampleDB(t)
	spoilTokyoRound(t, db)
	out := filepath.Join(t.TempDir(), "d.json")
	stdout := runOK(t, "export", "--db", db, "-o", out)
	assert.Contains(t, stdout, "5 meetings")
	assert.Contains(t, stdout, "Left out meeting "+sample.TokyoRoundID+", which cannot be read:")
}

// One row edited outside Parley does not stop list meetings: it is left out (and named on
// standard error, which run does not capture).
func TestListReadsAroundABadRow(t *testing.T) {
	db := sampleDB(t)
	spoilTokyoRound(t, db)
	for _, args := range [][]string{{"list", "--db", db, "meetings"}, {"list", "--db", db, "--json", "meetings"}} {
		out := runOK(t, args...)
		assert.NotContains(t, out, sample.TokyoRoundID)
		assert.Contains(t, out, sample.MoscowRoundID, "the others are listed")
	}
}

// TestPackAroundBadRows: rows changed outside Parley — a time zone no one knows, a date that
// does not parse, a statement's month 99 — no longer stop the packs of the meetings beside
// them: each pack is written, leaves the bad records out and names them in its report and on
// its cover. A pack of the bad meeting itself is refused, naming it.
func TestPackAroundBadRows(t *testing.T) {
	db := sampleDB(t)
	spoilTokyoRound(t, db)
	editOutside(t, db, `UPDATE meetings SET when_from = '99999-99-99' WHERE id = ?`, sample.MayAgreementID)
	editOutside(t, db, `UPDATE meetings SET status = 'exploded' WHERE id = ?`, sample.MoscowRoundID)
	editOutside(t, db, `UPDATE statements SET when_from = '2016-99' WHERE id = ?`, sample.KishidaHopeStatementID)

	for _, c := range []struct {
		name    string
		meeting string
		names   []string // the records the report and the cover name, as "kind ID"
	}{
		{"the next summit", sample.VladivostokID, []string{"meeting " + sample.TokyoRoundID, "meeting " + sample.MayAgreementID,
			"statement " + sample.KishidaHopeStatementID}},
		{"the Naryshkin call", sample.NaryshkinAbeID, []string{"meeting " + sample.TokyoRoundID, "meeting " + sample.MayAgreementID}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "brief.pdf")
			code, stdout, stderr := run(t, "pack", "--db", db, "--meeting", c.meeting, "-o", out)
			require.Equal(t, 0, code, stderr)
			text := pdftest.Text(t, out)
			assert.Contains(t, text, "Left out: records that cannot be read")
			for _, name := range c.names {
				assert.Contains(t, stdout, "Left out "+name+", which cannot be read")
				assert.Contains(t, text, name+", which cannot be read")
			}
			assert.Contains(t, stdout, "parley verify lists every record that cannot be read")
		})
	}

	code, _, stderr := run(t, "pack", "--db", db, "--meeting", sample.TokyoRoundID, "-o", filepath.Join(t.TempDir(), "brief.pdf"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, sample.TokyoRoundID)
	assert.Contains(t, stderr, "Mars/Olympus")
}
