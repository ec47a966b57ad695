package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"github.com/parley-app/parley/widgets/widgetstest"
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

	r.list.tapped(0) // a heading: nothing to open
	r.list.tapped(1)
	r.list.tapped(1)
	r.list.tapped(5)
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
	r.list.tapped(4)
	assert.Equal(t, []bool{true}, more)

	a.SetMore(0, 12)
	require.Len(t, r.rows, 8)
	assert.Equal(t, "+12 more", r.rows[7].heading)
	r.list.tapped(7)
	assert.Equal(t, []bool{true, false}, more)
}

// TestAgendaCutsALongTitleInTheMiddleAndTipsIt: a title wider than the row keeps its start
// and its end ("…, round 7 — Tokyo"), which tells talks of a series apart, and is said whole
// in a tip when the pointer rests on the row and when the keyboard moves onto it; a title that
// fits is neither cut nor tipped.
func TestAgendaCutsALongTitleInTheMiddleAndTipsIt(t *testing.T) {
	newTestApp(t)
	long := "Preparatory consultations of the deputy foreign ministers on the peace treaty, round 7 — Tokyo"
	items := sampleUpcoming()
	items[0].Title = long
	a := NewAgenda()
	tips := NewTipLayer()
	a.Tips = tips
	a.SetItems(items, nil)
	w := test.NewTempWindow(t, container.NewStack(a, tips))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(340, 480))
	r := test.WidgetRenderer(a).(*agendaRenderer)

	views := map[string]*agendaRowView{} // by ID, the rows on screen
	for _, v := range widgetstest.Rendered[*agendaRowView](r.list) {
		if v.row.item != nil && v.Visible() {
			views[v.row.item.ID] = v
		}
	}
	require.Contains(t, views, tokyoRoundID)
	require.Contains(t, views, vladivostokID)
	shown := test.WidgetRenderer(views[tokyoRoundID]).(*agendaRowRenderer).title.Text
	require.NotEqual(t, long, shown, "the title is too long for the row")
	assert.True(t, strings.HasPrefix(shown, "Preparatory"), "the start stays: %q", shown)
	assert.True(t, strings.HasSuffix(shown, "round 7 — Tokyo"), "the end stays: %q", shown)
	assert.Contains(t, shown, "…")
	assert.Equal(t, long, views[tokyoRoundID].wholeIfCut())
	assert.Empty(t, views[vladivostokID].wholeIfCut(), "a title that fits is not cut")

	c := w.Canvas()
	middle := func(o fyne.CanvasObject) fyne.Position {
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		return at.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	}
	t.Run("hover", func(t *testing.T) {
		// The test driver runs the tip's wait to its end at once.
		test.MoveMouse(c, middle(views[tokyoRoundID]))
		assert.Equal(t, long, tips.Tip())
		test.MoveMouse(c, middle(views[vladivostokID]))
		assert.Empty(t, tips.Tip())
		test.MoveMouse(c, fyne.NewPos(170, 470)) // below the rows
	})
	t.Run("keyboard", func(t *testing.T) {
		c.Focus(r.list)
		assert.Empty(t, tips.Tip(), "on the heading")
		r.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		assert.Equal(t, long, tips.Tip(), "on the long title")
		r.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		assert.Empty(t, tips.Tip(), "on a title that fits")
	})
}
