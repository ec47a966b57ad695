package widgets

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// showGrid puts g in a test window of the size the calendar gets at 1366×768 beside the
// sidebar and the agenda.
func showGrid(t *testing.T, g *MonthGrid) (fyne.Window, *monthGridRenderer) {
	t.Helper()
	return showSized[*monthGridRenderer](t, g, fyne.NewSize(820, 620))
}

func cellOf(t *testing.T, r *monthGridRenderer, d Date) (*dayCell, *dayCellRenderer) {
	t.Helper()
	for _, c := range r.cells {
		if c.date == d {
			return c, test.WidgetRenderer(c).(*dayCellRenderer)
		}
	}
	require.Failf(t, "day not on the grid", "%s", d)
	return nil, nil
}

// shownLabels lists the chips a day shows, in order.
func shownLabels(cr *dayCellRenderer) []string {
	var labels []string
	for _, v := range cr.views {
		if v.Visible() {
			labels = append(labels, v.chip.Label)
		}
	}
	return labels
}

func center(o fyne.CanvasObject) fyne.Position {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return pos.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}

func TestMonthGridRendersJune2016(t *testing.T) {
	newTestApp(t)
	w, _ := showGrid(t, sampleGrid())
	test.AssertRendersToMarkup(t, "monthgrid/june2016.xml", w.Canvas())
}

func TestMonthGridPutsChipsOnTheirDay(t *testing.T) {
	newTestApp(t)
	_, r := showGrid(t, sampleGrid())

	assert.Equal(t, "June 2016", r.title.text)
	cell, cr := cellOf(t, r, tokyoRoundDay)
	assert.Equal(t, []string{"Tokyo round"}, shownLabels(cr))
	assert.False(t, cell.outside)
	assert.False(t, cr.more.Visible())

	// Monday first: 1 June 2016 is a Wednesday, so 22 June is in the fourth row, third column.
	i := 3*daysPerWeek + 2
	assert.Equal(t, tokyoRoundDay, r.cells[i].date)
	assert.Equal(t, "Wed", r.weekdays[2].Text)

	_, empty := cellOf(t, r, Date{2016, time.June, 21})
	assert.Empty(t, shownLabels(empty))

	// Days of the next month on the grid are muted but keep their chips.
	july, jr := cellOf(t, r, Date{2016, time.July, 1})
	assert.True(t, july.outside)
	assert.Equal(t, []string{"Debrief"}, shownLabels(jr))

	today, _ := cellOf(t, r, Date{2016, time.June, 15})
	assert.True(t, today.today)
	assert.False(t, cell.today)
}

func TestMonthGridShowsMoreWhenCrowded(t *testing.T) {
	newTestApp(t)
	g := sampleGrid()
	var tapped []string
	g.OnChipTapped = func(id string) { tapped = append(tapped, id) }
	w, r := showGrid(t, g)

	_, cr := cellOf(t, r, Date{2016, time.June, 7})
	shown := shownLabels(cr)
	require.NotEmpty(t, shown)
	require.Less(t, len(shown), 5, "five chips cannot all fit a day at 820×620")
	assert.Equal(t, []string{"Prep: lines to take", "Interpreters briefing"}[:len(shown)], shown)
	require.True(t, cr.more.Visible())
	assert.Equal(t, "+3 more", cr.more.text)

	// A taller grid has room for more of them.
	w.Resize(fyne.NewSize(1400, 900))
	assert.Len(t, shownLabels(cr), 4)
	assert.Equal(t, "+1 more", cr.more.text)
	w.Resize(fyne.NewSize(820, 620))

	// "+3 more" lists all five with their details; choosing one reports it and closes the list.
	test.Tap(cr.more)
	require.NotNil(t, g.popUp)
	test.AssertRendersToMarkup(t, "monthgrid/june7_more.xml", w.Canvas())
	views := find[*chipView](g.popUp)
	require.Len(t, views, 5)
	assert.Equal(t, "Press line review", views[4].chip.Label)
	test.Tap(views[2])
	assert.Equal(t, []string{"prep-3"}, tapped)
	assert.Nil(t, g.popUp)
	assert.Empty(t, w.Canvas().Overlays().List())
}

func TestMonthGridMoreCallbackReplacesThePopUp(t *testing.T) {
	newTestApp(t)
	g := sampleGrid()
	var days []time.Time
	g.OnMoreTapped = func(day time.Time) { days = append(days, day) }
	_, r := showGrid(t, g)

	_, cr := cellOf(t, r, Date{2016, time.June, 7})
	test.Tap(cr.more)
	require.Len(t, days, 1)
	assert.Equal(t, Date{2016, time.June, 7}, DateOf(days[0]))
	assert.Nil(t, g.popUp)
}

func TestMonthGridBandListsUndatedItems(t *testing.T) {
	newTestApp(t)
	g := sampleGrid()
	var tapped []string
	g.OnChipTapped = func(id string) { tapped = append(tapped, id) }
	w, r := showGrid(t, g)

	require.Len(t, r.bandViews, 2)
	assert.Equal(t, "September 2016 — date not fixed: Abe–Putin meeting, Vladivostok", r.bandViews[0].chip.Label)
	assert.Equal(t, "By end of 2016: Putin visit to Japan", r.bandViews[1].chip.Label)
	assert.False(t, r.bandMore.Visible() && r.bandMore.text != "", "two items need no “more”")

	test.TapCanvas(w.Canvas(), center(r.bandViews[0]))
	assert.Equal(t, []string{vladivostokID}, tapped)

	// Four items: two rows and a link to the rest.
	band := append(sampleBand(),
		BandItem{ID: "b3", Text: "Summer 2016: fisheries talks", Status: StatusProposed},
		BandItem{ID: "b4", Text: "2016: joint economic activities study", Status: StatusProposed})
	g.SetEntries(sampleDays(), band)
	require.Len(t, r.bandViews, bandRows-1)
	assert.Equal(t, "+2 more not fixed to a day", r.bandMore.text)
	test.Tap(r.bandMore)
	require.NotNil(t, g.popUp)
	views := find[*chipView](g.popUp)
	require.Len(t, views, 4)
	test.Tap(views[3])
	assert.Equal(t, []string{vladivostokID, "b4"}, tapped)

	// No items: no band, and the grid moves up.
	top := r.weekdays[0].Position().Y
	g.SetEntries(sampleDays(), nil)
	assert.False(t, r.band.Visible())
	assert.Less(t, r.weekdays[0].Position().Y, top)
}

func TestMonthGridNavigation(t *testing.T) {
	newTestApp(t)
	g := sampleGrid()
	type month struct {
		Year  int
		Month time.Month
	}
	var changes []month
	g.OnMonthChanged = func(y int, m time.Month) { changes = append(changes, month{y, m}) }
	w, r := showGrid(t, g)

	test.Tap(r.prev)
	test.Tap(r.prev)
	test.Tap(r.next)
	assert.Equal(t, "May 2016", r.title.text)
	g.SetMonth(2015, time.December) // the caller's own move is not reported back
	test.Tap(r.next)
	test.Tap(r.today)
	assert.Equal(t, []month{{2016, 5}, {2016, 4}, {2016, 5}, {2016, 1}, {2016, 6}}, changes)
	y, m := g.Month()
	assert.Equal(t, month{2016, time.June}, month{y, m})

	// The title opens the jump: a year and twelve months.
	changes = nil
	test.TapCanvas(w.Canvas(), center(r.title))
	require.NotNil(t, g.jump)
	test.AssertRendersToMarkup(t, "monthgrid/jump.xml", w.Canvas())
	g.jump.year.SetText("20x4")
	test.Tap(g.jump.months[8])
	assert.Empty(t, changes, "no jump to a year that is not one")
	g.jump.year.SetText("2014")
	test.Tap(g.jump.months[8])
	assert.Equal(t, []month{{2014, time.September}}, changes)
	assert.Equal(t, "September 2014", r.title.text)
	assert.Nil(t, g.popUp)
	assert.Empty(t, w.Canvas().Overlays().List())

	// The year buttons step the year; Enter in the year field keeps the month.
	test.TapCanvas(w.Canvas(), center(r.title))
	require.NotNil(t, g.jump)
	g.jump.year.SetText("2016")
	g.jump.year.OnSubmitted(g.jump.year.Text)
	assert.Equal(t, month{2016, time.September}, changes[len(changes)-1])

	// Keyboard-friendly methods move like the buttons.
	g.NextMonth()
	g.PreviousMonth()
	g.JumpTo(2016, time.December)
	g.GoToToday()
	assert.Equal(t, []month{{2016, 10}, {2016, 9}, {2016, 12}, {2016, 6}}, changes[len(changes)-4:])
}

func TestMonthGridFirstWeekday(t *testing.T) {
	tests := []struct {
		name     string
		first    time.Weekday
		heading  string
		firstDay Date
		lastDay  Date
		tokyoAt  int
	}{
		{"Monday", time.Monday, "Mon", Date{2016, time.May, 30}, Date{2016, time.July, 10}, 3*7 + 2},
		{"Sunday", time.Sunday, "Sun", Date{2016, time.May, 29}, Date{2016, time.July, 9}, 3*7 + 3},
		{"Saturday", time.Saturday, "Sat", Date{2016, time.May, 28}, Date{2016, time.July, 8}, 3*7 + 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newTestApp(t)
			g := sampleGrid()
			g.SetFirstWeekday(tt.first)
			_, r := showGrid(t, g)
			assert.Equal(t, tt.heading, r.weekdays[0].Text)
			assert.Equal(t, tt.firstDay, r.cells[0].date)
			assert.Equal(t, tt.lastDay, r.cells[len(r.cells)-1].date)
			assert.Equal(t, tokyoRoundDay, r.cells[tt.tokyoAt].date)
			first, last := g.VisibleRange()
			assert.Equal(t, tt.firstDay, first)
			assert.Equal(t, tt.lastDay, last)
		})
	}
}

func TestMonthGridSundayFirstGolden(t *testing.T) {
	newTestApp(t)
	g := sampleGrid()
	g.SetFirstWeekday(time.Sunday)
	w, _ := showGrid(t, g)
	test.AssertRendersToMarkup(t, "monthgrid/june2016_sunday.xml", w.Canvas())
}

func TestMonthGridTaps(t *testing.T) {
	newTestApp(t)
	g := sampleGrid()
	var chips []string
	var days []time.Time
	g.OnChipTapped = func(id string) { chips = append(chips, id) }
	g.OnDayTapped = func(d time.Time) { days = append(days, d) }
	w, r := showGrid(t, g)

	_, cr := cellOf(t, r, tokyoRoundDay)
	test.TapCanvas(w.Canvas(), center(cr.views[0]))
	assert.Equal(t, []string{tokyoRoundID}, chips)
	assert.Empty(t, days)

	cell, _ := cellOf(t, r, Date{2016, time.June, 9})
	test.TapCanvas(w.Canvas(), center(cell))
	require.Len(t, days, 1)
	assert.Equal(t, Date{2016, time.June, 9}, DateOf(days[0]))
	assert.Equal(t, time.Local, days[0].Location())
	assert.Equal(t, 0, days[0].Hour())
}

func TestMonthGridNarrowCellShowsCountOnly(t *testing.T) {
	newTestApp(t)
	g := sampleGrid()
	w, r := showGrid(t, g)
	w.Resize(g.MinSize())
	_, cr := cellOf(t, r, Date{2016, time.June, 7})
	assert.NotEmpty(t, shownLabels(cr), "the minimum size keeps one chip a day")
	assert.True(t, cr.more.Visible())
	assert.LessOrEqual(t, cr.more.Position().X+cr.more.Size().Width, cr.c.Size().Width)
}

func TestFirstWeekdayFor(t *testing.T) {
	tests := []struct {
		locale fyne.Locale
		want   time.Weekday
	}{
		{"en-US", time.Sunday},
		{"en-GB", time.Monday},
		{"ja-JP", time.Sunday},
		{"ru-RU", time.Monday},
		{"en-CA", time.Sunday},
		{"fr-FR", time.Monday},
		{"ar-EG", time.Saturday},
		{"zh-CN-Hans", time.Monday},
		{"zh-TW-Hant", time.Sunday},
		{"pt_BR", time.Sunday},
		{"en", time.Monday},
		{"", time.Monday},
	}
	for _, tt := range tests {
		t.Run(string(tt.locale), func(t *testing.T) {
			assert.Equal(t, tt.want, FirstWeekdayFor(tt.locale))
		})
	}
}

func TestDate(t *testing.T) {
	d := Date{2016, time.February, 28}
	assert.Equal(t, Date{2016, time.February, 29}, d.AddDays(1))
	assert.Equal(t, Date{2016, time.March, 1}, d.AddDays(2))
	assert.Equal(t, Date{2015, time.December, 31}, Date{2016, time.January, 1}.AddDays(-1))
	assert.Equal(t, time.Wednesday, tokyoRoundDay.Weekday())
	assert.Equal(t, "2016-06-22", tokyoRoundDay.String())
	assert.Equal(t, tokyoRoundDay, DateOf(time.Date(2016, 6, 22, 23, 59, 0, 0, time.FixedZone("JST", 9*3600))))
}

func TestMonthGridFollowsTheTheme(t *testing.T) {
	newTestApp(t)
	_, r := showGrid(t, sampleGrid())
	_, cr := cellOf(t, r, tokyoRoundDay)
	before := cr.bg.FillColor

	ugly := test.NewTheme()
	test.ApplyTheme(t, ugly)
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	assert.NotEqual(t, before, cr.bg.FillColor)
	assert.Equal(t, ugly.Color(theme.ColorNameBackground, variant), cr.bg.FillColor)
	assert.Equal(t, ugly.Color(theme.ColorNameSeparator, variant), r.gridBg.FillColor)
	assert.Equal(t, ugly.Size(theme.SizeNameCaptionText), test.WidgetRenderer(cr.views[0]).(*chipRenderer).text.TextSize)
}

// longTitleDays is sampleDays with the titles Parley's sample dossier really gives the Tokyo
// round and a courtesy call: too long for one line of a day.
func longTitleDays() map[Date][]Chip {
	days := sampleDays()
	days[tokyoRoundDay][0].Label = "Peace treaty consultations, round 2 — Tokyo"
	days[Date{2016, time.June, 16}] = []Chip{{ID: "naryshkin", Label: "Naryshkin calls on Prime Minister Abe", Status: StatusHeld}}
	return days
}

// chipLines is what a day's chip i shows, one string per line.
func chipLines(t *testing.T, cr *dayCellRenderer, i int) []string {
	t.Helper()
	require.Greater(t, len(cr.views), i)
	r := test.WidgetRenderer(cr.views[i]).(*chipRenderer)
	if r.lineCount() == 1 {
		return []string{r.text.Text}
	}
	return []string{r.text.Text, r.text2.Text}
}

func TestMonthGridWrapsLongChipsWhenThereIsRoom(t *testing.T) {
	tests := []struct {
		name        string
		size        fyne.Size
		crowdedMore string // "+N more" on the crowded 7 June, as before chips wrapped
		crowdedShow int
	}{
		{"820×620", fyne.NewSize(820, 620), "+3 more", 2},
		{"1400×900", fyne.NewSize(1400, 900), "+1 more", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newTestApp(t)
			g := sampleGrid()
			g.SetEntries(longTitleDays(), sampleBand())
			w, r := showGrid(t, g)
			w.Resize(tt.size)

			for _, d := range []Date{tokyoRoundDay, {2016, time.June, 16}} {
				cell, cr := cellOf(t, r, d)
				label := cr.views[0].chip.Label
				lines := chipLines(t, cr, 0)
				require.Len(t, lines, 2, "a lone long title takes two lines on %s", d)
				assert.NotContains(t, lines[0], "…", "the first line ends at a word")
				assert.True(t, strings.HasPrefix(label, lines[0]+" "), "%q breaks after a word of %q", lines[0], label)
				rest := strings.TrimPrefix(label, lines[0]+" ")
				if !strings.HasSuffix(lines[1], "…") {
					assert.Equal(t, rest, lines[1])
				} else {
					assert.True(t, strings.HasPrefix(rest, strings.TrimSuffix(lines[1], "…")))
				}
				v := cr.views[0]
				assert.Greater(t, v.Size().Height, cr.chipHeight(), "a two-line chip is taller")
				assert.LessOrEqual(t, v.Position().Y+v.Size().Height, cell.Size().Height, "and stays inside its day")
				assert.False(t, cr.more.Visible())
			}

			// A crowded day keeps to one line a chip, so as many chips as before show.
			_, cr := cellOf(t, r, Date{2016, time.June, 7})
			assert.Len(t, shownLabels(cr), tt.crowdedShow)
			assert.Equal(t, tt.crowdedMore, cr.more.text)
			for i, v := range cr.views {
				if v.Visible() {
					assert.Len(t, chipLines(t, cr, i), 1, "chip %d of a crowded day", i)
				}
			}

			// A short title stays on one line.
			_, jr := cellOf(t, r, Date{2016, time.July, 1})
			assert.Equal(t, []string{"Debrief"}, chipLines(t, jr, 0))
		})
	}
}

func TestMonthGridLongChipsGolden(t *testing.T) {
	newTestApp(t)
	g := sampleGrid()
	g.SetEntries(longTitleDays(), sampleBand())
	w, _ := showGrid(t, g)
	test.AssertRendersToMarkup(t, "monthgrid/june2016_long.xml", w.Canvas())
}

func TestMonthGridWrapsOnlyWhatFits(t *testing.T) {
	newTestApp(t)
	g := sampleGrid()
	days := longTitleDays()
	days[tokyoRoundDay] = append(days[tokyoRoundDay],
		Chip{ID: "t2", Label: "Working lunch hosted by Vice-Minister Hara", Status: StatusScheduled},
		Chip{ID: "t3", Label: "Joint press availability at Iikura House", Status: StatusTentative})
	g.SetEntries(days, sampleBand())
	w, r := showGrid(t, g)

	// At 820×620 a day has room for two one-line chips: the third long title is counted in
	// "+1 more", and the two shown keep to one line.
	_, cr := cellOf(t, r, tokyoRoundDay)
	require.Len(t, shownLabels(cr), 2)
	assert.Equal(t, "+1 more", cr.more.text)
	assert.Len(t, chipLines(t, cr, 0), 1)
	assert.Len(t, chipLines(t, cr, 1), 1)

	// At 1400×900 a day has room for four: all three show, and the room of the fourth gives
	// a second line to the first two chips; the third, with no room left, keeps one.
	w.Resize(fyne.NewSize(1400, 900))
	require.Len(t, shownLabels(cr), 3)
	assert.False(t, cr.more.Visible())
	assert.Len(t, chipLines(t, cr, 0), 2)
	assert.Len(t, chipLines(t, cr, 1), 2)
	assert.Len(t, chipLines(t, cr, 2), 1)
	last := cr.views[2]
	assert.LessOrEqual(t, last.Position().Y+last.Size().Height, cr.c.Size().Height)

	// At the grid's minimum size a day holds one one-line chip.
	w.Resize(g.MinSize())
	_, nr := cellOf(t, r, Date{2016, time.June, 16})
	assert.Len(t, chipLines(t, nr, 0), 1)
	assert.LessOrEqual(t, nr.views[0].Position().Y+nr.views[0].Size().Height, nr.c.Size().Height)
}

func TestTwoLines(t *testing.T) {
	newTestApp(t)
	const size = 11
	width := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	tests := []struct {
		name          string
		text          string
		width         float32
		first, second string
	}{
		{"fits one line", "Tokyo round", width("Tokyo round"), "Tokyo round", ""},
		{"breaks after the last word that fits", "Naryshkin calls on Prime Minister Abe",
			width("Naryshkin calls on Pri"), "Naryshkin calls on", "Prime Minister Abe"},
		{"a space before a dash", "Phone call Lavrov–Kishida", width("Phone call Lavrov–"), "Phone call", "Lavrov–Kishida"},
		{"after a dash when no space will do", "Lavrov–Kishida", width("Lavrov–Kish"), "Lavrov–", "Kishida"},
		{"mid-word when nothing else will do", "Interpreters", width("Interpre"), "Interpre", "ters"},
		{"the rest shortened", "Peace treaty consultations, round 2 — Tokyo", width("consultations,"),
			"Peace treaty", ellipsis("consultations, round 2 — Tokyo", size, fyne.TextStyle{}, width("consultations,"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, second := twoLines(tt.text, size, fyne.TextStyle{}, tt.width)
			assert.Equal(t, tt.first, first)
			assert.Equal(t, tt.second, second)
			assert.LessOrEqual(t, width(first), tt.width)
			assert.LessOrEqual(t, width(second), tt.width)
		})
	}
}
