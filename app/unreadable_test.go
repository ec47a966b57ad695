package app

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

// editOutside runs query on the dossier's file as another program would, past Parley.
func editOutside(t *testing.T, st *storage.Store, query string, args ...any) {
	t.Helper()
	raw, err := sql.Open("sqlite3", st.Path())
	require.NoError(t, err)
	_, err = raw.Exec(query, args...)
	require.NoError(t, err)
	require.NoError(t, raw.Close())
}

// TestScreensAroundBadRows: meetings changed outside Parley (a time zone no one knows, a date
// that does not parse) no longer empty the window's Talks, calendar, search or packs: each
// shows the rest and names the bad rows.
func TestScreensAroundBadRows(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	editOutside(t, st, `UPDATE meetings SET when_zone = 'Mars/Olympus' WHERE id = ?`, sample.TokyoRoundID)
	editOutside(t, st, `UPDATE meetings SET when_from = '99999-99-99' WHERE id = ?`, sample.MayAgreementID)
	editOutside(t, st, `UPDATE meetings SET status = 'exploded' WHERE id = ?`, sample.MoscowRoundID)

	t.Run("Talks", func(t *testing.T) {
		u.goScreen(screenTalks)
		require.NotNil(t, u.talks)
		var ids []string
		for _, r := range u.talks.keys {
			ids = append(ids, r.ID)
		}
		assert.Contains(t, ids, sample.VladivostokID)
		assert.Contains(t, ids, sample.MoscowRoundID, "an unknown status is shown as it is")
		// The bad row keeps what its key shows (title, status) and is named.
		assert.Contains(t, ids, sample.TokyoRoundID)
		require.True(t, u.talks.unreadable.Visible())
		assert.Contains(t, u.talks.unreadable.Text, "meeting "+sample.TokyoRoundID+", which cannot be read")
		assert.Contains(t, u.talks.unreadable.Text, "Mars/Olympus")
		assert.Contains(t, u.talks.unreadable.Text, "meeting "+sample.MayAgreementID)
		assert.Contains(t, u.talks.unreadable.Text, "parley verify")
	})

	t.Run("calendar", func(t *testing.T) {
		u.goScreen(screenCalendar)
		require.NotNil(t, u.calendar)
		y, m := u.calendar.grid.Month()
		assert.Equal(t, 2016, y)
		assert.Equal(t, 6, int(m), "June 2016, from the day-precise meetings left")
		require.True(t, u.calendar.unreadable.Visible())
		assert.Contains(t, u.calendar.unreadable.Text, "meeting "+sample.TokyoRoundID)
		d, err := loadMonth(context.Background(), st, 2016, 6, 1)
		require.NoError(t, err)
		assert.NotEmpty(t, d.days, "the rest of June is on the grid")
		require.NoError(t, loadAgendaInto(context.Background(), st, afterSample, &d))
		assert.NotEmpty(t, d.recent, "and in the agenda")
	})

	t.Run("search", func(t *testing.T) {
		u.onSearch("Tokyo")
		p, ok := u.top().(*searchPage)
		require.True(t, ok)
		var ids []string
		for _, h := range p.hits {
			ids = append(ids, h.ID)
		}
		assert.Contains(t, ids, sample.NaryshkinAbeID)
		assert.Contains(t, ids, sample.TokyoRoundID, "search names the bad meeting too")
	})

	t.Run("pack", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "brief.pdf")
		m, err := st.Meeting(context.Background(), sample.VladivostokID)
		require.NoError(t, err)
		u.writePack(m, out, tasks.PackOptions{})
		_, err = os.Stat(out)
		require.NoError(t, err, "the pack is written")
		msg := texts(overlay(t, u))
		assert.Contains(t, msg, "Left out meeting "+sample.TokyoRoundID+", which cannot be read")
		assert.Contains(t, msg, "Left out meeting "+sample.MayAgreementID)
	})
}
