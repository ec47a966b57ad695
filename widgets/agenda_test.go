package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func showAgenda(t *testing.T, a *Agenda) (fyne.Window, *agendaRenderer) {
	t.Helper()
	return showSized[*agendaRenderer](t, a, fyne.NewSize(340, 480))
}

func TestAgendaGroupsUpcomingAndRecent(t *testing.T) {
	newTestApp(t)
	a := NewAgenda()
	a.SetItems(sampleUpcoming(), sampleRecent())
	w, r := showAgenda(t, a)

	var got []string
	for _, row := range r.rows {
		if row.item == nil {
			got = append(got, "# "+row.heading)
		} else {
			got = append(got, row.item.Title)
		}
	}
	assert.Equal(t, []string{
		"# Upcoming", "Tokyo round", "Abe–Putin meeting", "Putin visit to Japan",
		"# Recent", "Abe–Putin informal summit", "Kishida–Lavrov talks",
	}, got)
	assert.Equal(t, 7, r.list.Length())
	assert.False(t, r.empty.Visible())
	test.AssertRendersToMarkup(t, "agenda/sample.xml", w.Canvas())
}

func TestAgendaLeavesOutAnEmptyGroup(t *testing.T) {
	newTestApp(t)
	a := NewAgenda()
	a.SetHeadings("Coming up", "Past")
	a.SetItems(nil, sampleRecent())
	_, r := showAgenda(t, a)
	require.Len(t, r.rows, 3)
	assert.Equal(t, "Past", r.rows[0].heading)
	assert.Nil(t, r.rows[0].item)
}

func TestAgendaSelectReportsTheItemEveryTime(t *testing.T) {
	newTestApp(t)
	a := NewAgenda()
	var chosen []string
	a.OnSelected = func(id string) { chosen = append(chosen, id) }
	a.SetItems(sampleUpcoming(), sampleRecent())
	_, r := showAgenda(t, a)

	r.list.Select(0) // a heading: nothing to open
	r.list.Select(1)
	r.list.Select(1)
	r.list.Select(5)
	assert.Equal(t, []string{tokyoRoundID, tokyoRoundID, "sochi"}, chosen)
}

func TestAgendaEmptyState(t *testing.T) {
	newTestApp(t)
	a := NewAgenda()
	w, r := showAgenda(t, a)
	assert.True(t, r.empty.Visible())
	assert.False(t, r.list.Visible())
	assert.Equal(t, "No talks — press Ctrl+N to add one", r.empty.Text)
	test.AssertRendersToMarkup(t, "agenda/empty.xml", w.Canvas())

	a.SetEmptyText("No talks this month — press Ctrl+N to add one")
	assert.Equal(t, "No talks this month — press Ctrl+N to add one", r.empty.Text)

	a.SetItems(sampleUpcoming(), nil)
	assert.False(t, r.empty.Visible())
	assert.True(t, r.list.Visible())
	a.SetItems(nil, nil)
	assert.True(t, r.empty.Visible())
}

func TestAgendaHeadingRowsAreShorter(t *testing.T) {
	newTestApp(t)
	a := NewAgenda()
	a.SetItems(sampleUpcoming(), sampleRecent())
	_, r := showAgenda(t, a)
	heights := map[int]float32{}
	for _, o := range test.LaidOutObjects(r.list) {
		if v, ok := o.(*agendaRowView); ok {
			for i, row := range r.rows {
				if row == v.row {
					heights[i] = v.Size().Height
				}
			}
		}
	}
	require.Contains(t, heights, 0)
	require.Contains(t, heights, 1)
	assert.Less(t, heights[0], heights[1])
	assert.Equal(t, heights[0], heights[4], "both headings")

	// Fewer items: the rows that were headings go back to item height.
	a.SetItems(sampleUpcoming()[:1], sampleRecent())
	assert.Equal(t, []int{0, 2}, r.headings)
}

func TestAgendaSaysHowManyMore(t *testing.T) {
	newTestApp(t)
	a := NewAgenda()
	var more []bool
	a.OnMore = func(upcoming bool) { more = append(more, upcoming) }
	a.SetItems(sampleUpcoming(), sampleRecent())
	a.SetMore(3, 0)
	_, r := showAgenda(t, a)

	var got []string
	for _, row := range r.rows {
		if row.item == nil {
			got = append(got, "# "+row.heading)
		}
	}
	assert.Equal(t, []string{"# Upcoming", "# +3 more", "# Recent"}, got, "only the group with more says so, at its end")
	assert.Equal(t, 3, r.rows[4].more, "the line follows the upcoming items")
	r.list.Select(4)
	assert.Equal(t, []bool{true}, more)

	a.SetMore(0, 12)
	require.Len(t, r.rows, 8)
	assert.Equal(t, "+12 more", r.rows[7].heading)
	r.list.Select(7)
	assert.Equal(t, []bool{true, false}, more)
}
