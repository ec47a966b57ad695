package app

import (
	"cmp"
	"context"
	"fmt"
	"fyne.io/fyne/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// talksDossier is a window on a dossier of n meetings: titles in mixed case and scripts, every
// status, one or two a day from 2000 on, a city each.
func talksDossier(t *testing.T, n int) (*ui, *storage.Store) {
	t.Helper()
	ctx := context.Background()
	names := []string{"Working group", "working Group", "Consultations", "Консультации", "Бюро", "арбитраж", "協議", "Élysée talks"}
	stamp := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	d := &storage.Dossier{}
	for i := range n {
		day := start.AddDate(0, 0, i/2)
		d.Meetings = append(d.Meetings, storage.Meeting{
			ID: fmt.Sprintf("m-%05d", i), Title: fmt.Sprintf("%s %d", names[i%len(names)], i%7),
			Status: storage.Statuses[(i/3)%len(storage.Statuses)], When: storage.OnDay(day.Year(), day.Month(), day.Day()),
			City: fmt.Sprintf("City %d", i), Created: stamp, Updated: stamp,
		})
	}
	st, err := storage.Open(ctx, filepath.Join(t.TempDir(), "talks.db"))
	require.NoError(t, err)
	_, err = st.ImportDossier(ctx, d)
	require.NoError(t, err)
	u := newTestWindow(t, st, time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC))
	u.goScreen(screenTalks)
	return u, st
}

func keyIDs(ks []storage.MeetingKey) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.ID
	}
	return out
}

// Every order of the list is the one a plain sort of the full meetings gives: title without
// regard to case, status in the order a meeting passes through them, ties by date; the other
// way round reverses it.
func TestTalksOrders(t *testing.T) {
	u, st := talksDossier(t, 300)
	all, err := st.Meetings(context.Background(), storage.MeetingFilter{})
	require.NoError(t, err)
	rank := func(s storage.Status) int { return slices.Index(storage.Statuses, s) }
	place := map[string]int{}
	for i, m := range all {
		place[m.ID] = i
	}
	want := func(by string, desc bool) []string {
		ms := slices.Clone(all)
		slices.SortFunc(ms, func(a, b storage.MeetingSummary) int {
			c := 0
			switch by {
			case sortTitle:
				c = strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title))
			case sortStatus:
				c = rank(a.Status) - rank(b.Status)
			}
			c = cmp.Or(c, place[a.ID]-place[b.ID])
			if desc {
				return -c
			}
			return c
		})
		ids := make([]string, len(ms))
		for i, m := range ms {
			ids[i] = m.ID
		}
		return ids
	}
	tk := u.talks
	for _, tc := range []struct {
		name string
		by   string
		desc bool
	}{
		{"by date", sortDate, false},
		{"by date, latest first", sortDate, true},
		{"by title", sortTitle, false},
		{"by title, Z to A", sortTitle, true},
		{"by status", sortStatus, false},
		{"by status, the other way", sortStatus, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk.sortBy, tk.desc = tc.by, !tc.desc
			tk.sortOn(tc.by) // the same column again: the other way round
			require.Equal(t, tc.desc, tk.desc)
			assert.Equal(t, want(tc.by, tc.desc), keyIDs(tk.keys))
		})
	}
	// A sort holds: the filter keeps it.
	tk.sortBy, tk.desc = sortTitle, false
	tk.sortOn(sortTitle)
	require.True(t, tk.desc)
	test.Type(tk.text, "консультации")
	require.NotEmpty(t, tk.keys)
	for i, k := range tk.keys {
		assert.True(t, strings.HasPrefix(k.Title, "Консультации"), k.Title)
		if i > 0 {
			assert.GreaterOrEqual(t, strings.ToLower(tk.keys[i-1].Title), strings.ToLower(k.Title), "still Z to A")
		}
	}
	assert.Equal(t, fmt.Sprintf("%d meetings", len(tk.keys)), tk.count.Text)
}

// The list reads its rows a page at a time, as they come into view: at first the rows on
// screen, the last ones once it is scrolled to the bottom.
func TestTalksReadsRowsAsTheyComeIntoView(t *testing.T) {
	u, _ := talksDossier(t, 5*talksPage)
	tk := u.talks
	require.Len(t, tk.keys, 5*talksPage)
	last := tk.keys[len(tk.keys)-1].ID
	assert.NotEmpty(t, tk.shown, "the rows in view are read")
	assert.LessOrEqual(t, len(tk.shown), talksPage, "one page, not the whole list")
	assert.NotContains(t, tk.shown, last)
	assert.Contains(t, texts(tk.list), "City 0", "the first row shows its place")

	tk.list.ScrollToBottom()
	assert.Contains(t, tk.shown, last, "scrolling read the last page")
	assert.LessOrEqual(t, len(tk.shown), 2*talksPage)
	assert.Contains(t, texts(tk.list), tk.shown[last].City, "the last row shows its place")

	// Choosing a row opens its meeting, whether or not its page has been read.
	tk.list.SetCursor(len(tk.keys) - 1)
	tk.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	mp, ok := u.top().(*meetingPage)
	require.True(t, ok)
	assert.Equal(t, last, mp.m.ID)
}

// Sorting and filtering run off the Fyne goroutine: the window answers at once and shows the
// new order when it is ready; a result overtaken by a later choice is dropped.
func TestTalksSortAndFilterDoNotHoldTheWindow(t *testing.T) {
	u, _ := talksDossier(t, 300)
	tk := u.talks
	byDate := keyIDs(tk.keys)
	release := heldWork(u)

	tk.sortOn(sortTitle)
	assert.Equal(t, byDate, keyIDs(tk.keys), "the list stays as it was while the sort runs")
	tk.sortOn(sortTitle) // then Z to A, before the first sort is done
	release()
	require.True(t, tk.desc)
	titles := make([]string, len(tk.keys))
	for i, k := range tk.keys {
		titles[i] = strings.ToLower(k.Title)
	}
	assert.True(t, slices.IsSortedFunc(titles, func(a, b string) int { return strings.Compare(b, a) }), "the latest choice wins")

	test.Type(tk.text, "élysée")
	assert.Len(t, tk.keys, 300, "typing does not wait for the list")
	release()
	require.NotEmpty(t, tk.keys)
	assert.Less(t, len(tk.keys), 300)
	for _, k := range tk.keys {
		assert.Contains(t, k.Title, "Élysée")
	}
}

// A month flip reads the month; the agenda, which does not change with it, is read when the
// calendar is shown.
func TestMonthFlipReadsOnlyTheMonth(t *testing.T) {
	u, st := talksDossier(t, 40) // 1 to 20 January 2000
	u.goScreen(screenCalendar)
	c := u.calendar
	y, m := c.grid.Month()
	require.Equal(t, 2000, y, "the latest day-precise meeting before 2001 chooses")
	require.Equal(t, time.January, m)
	require.False(t, c.empty.Visible())
	soon := storage.Meeting{Title: "Upcoming round", Status: storage.StatusScheduled, When: storage.OnDay(2001, time.February, 1)}
	require.NoError(t, st.CreateMeeting(context.Background(), &soon))

	c.grid.NextMonth()
	assert.True(t, c.empty.Visible(), "February 2000 has no meetings")
	c.grid.PreviousMonth()
	assert.False(t, c.empty.Visible(), "January has")
	assert.NotContains(t, test.RenderObjectToMarkup(c.agenda), "Upcoming round", "the agenda was not read again")
	u.goScreen(screenTalks)
	u.goScreen(screenCalendar)
	assert.Contains(t, test.RenderObjectToMarkup(c.agenda), "Upcoming round", "shown again, the calendar reads the agenda")
}

// The tracks dialog lists the tracks in a list that draws the rows in view, each with its
// edit and delete buttons.
func TestTracksDialogListsAndDeletes(t *testing.T) {
	u, st := talksDossier(t, 10)
	ctx := context.Background()
	d := &storage.Dossier{}
	stamp := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		d.Tracks = append(d.Tracks, storage.Track{ID: fmt.Sprintf("t-%03d", i), Title: fmt.Sprintf("Track %03d", i),
			Parties: []string{"Japan", "Russia"}, Created: stamp, Updated: stamp})
	}
	_, err := st.ImportDossier(ctx, d)
	require.NoError(t, err)
	changed := 0
	showTracks(u, func() { changed++ })
	dlg := overlay(t, u)
	shown := texts(dlg)
	assert.Contains(t, shown, "Track 000")
	assert.Contains(t, shown, "Japan · Russia")
	assert.NotContains(t, shown, "Track 299", "only the rows in view are drawn")
	var del []*widget.Button
	for _, b := range find[*widget.Button](dlg) {
		if b.Icon != nil && b.Icon.Name() == theme.DeleteIcon().Name() {
			del = append(del, b)
		}
	}
	require.NotEmpty(t, del)
	test.Tap(del[0])
	tapButton(t, overlay(t, u), "Delete")
	assert.Equal(t, 1, changed)
	tracks, err := st.Tracks(ctx)
	require.NoError(t, err)
	assert.Len(t, tracks, 299)
	assert.Equal(t, "Track 001", tracks[0].Title)
}
