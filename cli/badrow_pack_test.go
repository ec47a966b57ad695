package cli

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/export/pdftest"
	"github.com/parley-app/parley/sample"
)

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
