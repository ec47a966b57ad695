package widgets

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// BandItem is something in the shown month that is not fixed to a day — "September 2016 —
// date not fixed: Abe–Putin meeting, Vladivostok" — shown in a band above the grid.
type BandItem struct {
	ID     string // passed to OnChipTapped
	Text   string // the whole line, as the reader should see it
	Status string // chooses the colour of the stripe, as for a Chip
}

// bandRows is how many band items are listed before the rest collapse into "+N more".
const bandRows = 3

const (
	daysPerWeek = 7
	gridWeeks   = 6 // every month fits six weeks, and a fixed height keeps the grid steady
)

var _ fyne.Widget = (*MonthGrid)(nil)

// MonthGrid is a month calendar whose days show chips (typically meetings) coloured by
// status, with "+N more" when a day is crowded, today marked, and a band above the grid for
// items known only to the month, a deadline or a range. The header has Today, previous and
// next buttons and a title that opens a month/year jump.
//
// The grid shows six weeks starting on FirstWeekday, so some days of the neighbouring months
// appear muted; entries given for those days are shown on them too (VisibleRange tells which
// days to supply).
type MonthGrid struct {
	widget.BaseWidget

	// OnMonthChanged is called after the user moved to another month (previous, next, Today,
	// the jump, or NextMonth/PreviousMonth/GoToToday/JumpTo), so the caller can supply that
	// month's entries. SetMonth does not call it.
	OnMonthChanged func(year int, month time.Month) `json:"-"`
	// OnChipTapped is called with the ID of a tapped chip or band item.
	OnChipTapped func(id string) `json:"-"`
	// OnDayTapped is called when the empty part of a day is tapped, with midnight (local
	// time) at the start of that day — for example to create a meeting on it.
	OnDayTapped func(day time.Time) `json:"-"`
	// OnMoreTapped, when set, is called when "+N more" is tapped, instead of the grid's own
	// pop-up listing every chip of the day.
	OnMoreTapped func(day time.Time) `json:"-"`
	// ChipNouns names what the chips are, one and many ("talk", "talks"), for a day too short
	// to show any of them: it says "2 talks" where "+2 more" would speak of chips not there.
	// Unset, such a day says "+N more" too.
	ChipNouns [2]string

	year         int
	month        time.Month
	firstWeekday time.Weekday
	today        Date
	days         map[Date][]Chip
	band         []BandItem

	popUp *widget.PopUp // the open day list, band list or jump, if any
	jump  *monthJump
	// compact grids ask only for the day numbers' height (SetCompact).
	compact bool
}

// NewMonthGrid returns a grid on the current month, weeks starting on the locale's first
// day (LocaleFirstWeekday) and today taken from the clock; SetToday, SetMonth and
// SetFirstWeekday change each.
func NewMonthGrid() *MonthGrid {
	now := time.Now()
	g := &MonthGrid{
		year:         now.Year(),
		month:        now.Month(),
		firstWeekday: LocaleFirstWeekday(),
		today:        DateOf(now),
	}
	g.ExtendBaseWidget(g)
	return g
}

// Month is the month shown.
func (g *MonthGrid) Month() (year int, month time.Month) { return g.year, g.month }

// SetMonth shows the given month without calling OnMonthChanged.
func (g *MonthGrid) SetMonth(year int, month time.Month) {
	t := time.Date(year, month, 1, 12, 0, 0, 0, time.UTC) // normalises month 13 and the like
	g.year, g.month = t.Year(), t.Month()
	g.Refresh()
}

// SetEntries replaces the chips of every day and the items of the band. The slices are
// copied; order is kept.
func (g *MonthGrid) SetEntries(days map[Date][]Chip, band []BandItem) {
	g.days = make(map[Date][]Chip, len(days))
	for d, chips := range days {
		g.days[d] = append([]Chip(nil), chips...)
	}
	g.band = append([]BandItem(nil), band...)
	g.Refresh()
}

// SetToday sets the day marked as today (t's calendar day in its own location); the Today
// button goes to its month.
func (g *MonthGrid) SetToday(t time.Time) {
	g.today = DateOf(t)
	g.Refresh()
}

// SetFirstWeekday sets the day the weeks start on (the leftmost column).
func (g *MonthGrid) SetFirstWeekday(d time.Weekday) {
	g.firstWeekday = d % daysPerWeek
	g.Refresh()
}

// SetCompact makes the grid ask for no more height than its day numbers need (true) or for a
// chip's line on every day as well (false, the default). A compact grid still shows the chips
// its height allows; a day with no room for them counts them in its "+N more", which lists
// them. For a grid that has to leave room below it, as over a folded agenda.
func (g *MonthGrid) SetCompact(compact bool) {
	g.compact = compact
	g.Refresh()
}

// FirstWeekday is the day the weeks start on.
func (g *MonthGrid) FirstWeekday() time.Weekday { return g.firstWeekday }

// VisibleRange is the first and the last day on the grid (42 days including the muted days
// of the neighbouring months).
func (g *MonthGrid) VisibleRange() (first, last Date) {
	first = g.firstVisible()
	return first, first.AddDays(daysPerWeek*gridWeeks - 1)
}

func (g *MonthGrid) firstVisible() Date {
	first := Date{Year: g.year, Month: g.month, Day: 1}
	back := (int(first.Weekday()) - int(g.firstWeekday) + daysPerWeek) % daysPerWeek
	return first.AddDays(-back)
}

// NextMonth moves to the following month, as the next button does.
func (g *MonthGrid) NextMonth() { g.navigate(g.year, g.month+1) }

// PreviousMonth moves to the month before, as the previous button does.
func (g *MonthGrid) PreviousMonth() { g.navigate(g.year, g.month-1) }

// GoToToday moves to the month of today, as the Today button does.
func (g *MonthGrid) GoToToday() { g.navigate(g.today.Year, g.today.Month) }

// JumpTo moves to the given month, as the month/year jump does.
func (g *MonthGrid) JumpTo(year int, month time.Month) { g.navigate(year, month) }

func (g *MonthGrid) navigate(year int, month time.Month) {
	g.hidePopUp()
	g.SetMonth(year, month)
	if g.OnMonthChanged != nil {
		g.OnMonthChanged(g.year, g.month)
	}
}

func (g *MonthGrid) chipTapped(id string) {
	g.hidePopUp()
	if g.OnChipTapped != nil {
		g.OnChipTapped(id)
	}
}

func (g *MonthGrid) dayTapped(d Date) {
	if g.OnDayTapped != nil {
		g.OnDayTapped(d.Time())
	}
}

func (g *MonthGrid) moreTapped(c *dayCell) {
	if g.OnMoreTapped != nil {
		g.OnMoreTapped(c.date.Time())
		return
	}
	title := c.date.Time().Format("Monday 2 January 2006")
	g.showList(title, c.chips, c)
}

func (g *MonthGrid) bandMoreTapped(anchor fyne.CanvasObject) {
	chips := make([]Chip, len(g.band))
	for i, b := range g.band {
		chips[i] = Chip{ID: b.ID, Label: b.Text, Status: b.Status}
	}
	title := time.Date(g.year, g.month, 1, 0, 0, 0, 0, time.UTC).Format("January 2006") + " — not fixed to a day"
	g.showList(title, chips, anchor)
}

// showList pops up every chip of a day (or every band item) with its detail line, below
// anchor.
func (g *MonthGrid) showList(title string, chips []Chip, anchor fyne.CanvasObject) {
	c := fyne.CurrentApp().Driver().CanvasForObject(g)
	if c == nil {
		return
	}
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rows := container.NewVBox()
	for _, ch := range chips {
		rows.Add(newChipView(ch, theme.SizeNameText, g.chipTapped))
		if ch.Detail != "" {
			d := widget.NewLabel(ch.Detail)
			d.SizeName = theme.SizeNameCaptionText
			d.Wrapping = fyne.TextWrapWord
			rows.Add(d)
		}
	}
	scroll := container.NewVScroll(rows)
	th := g.Theme()
	width := max(anchor.Size().Width*2, 22*th.Size(theme.SizeNameText))
	height := min(rows.MinSize().Height, c.Size().Height*0.6)
	scroll.SetMinSize(fyne.NewSize(width, height))
	g.showPopUp(container.NewBorder(heading, nil, nil, nil, scroll), anchor)
}

func (g *MonthGrid) showPopUp(content fyne.CanvasObject, anchor fyne.CanvasObject) {
	g.hidePopUp()
	c := fyne.CurrentApp().Driver().CanvasForObject(g)
	if c == nil {
		return
	}
	g.popUp = widget.NewPopUp(content, c)
	g.popUp.ShowAtRelativePosition(fyne.NewPos(0, anchor.Size().Height), anchor)
}

func (g *MonthGrid) hidePopUp() {
	if g.popUp != nil {
		g.popUp.Hide()
		g.popUp = nil
	}
	g.jump = nil
}

func (g *MonthGrid) showJump(anchor fyne.CanvasObject) {
	j := newMonthJump(g.year, g.month, func(year int, month time.Month) {
		g.navigate(year, month)
	})
	g.showPopUp(j.content, anchor)
	g.jump = j
}

// CreateRenderer builds the header, band, weekday row and the 42 day cells.
func (g *MonthGrid) CreateRenderer() fyne.WidgetRenderer {
	g.ExtendBaseWidget(g)
	r := &monthGridRenderer{g: g, gridBg: &canvas.Rectangle{}}

	r.today = widget.NewButton("Today", g.GoToToday)
	r.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), g.PreviousMonth)
	r.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), g.NextMonth)
	r.prev.Importance = widget.LowImportance
	r.next.Importance = widget.LowImportance
	r.title = newLink("", theme.SizeNameSubHeadingText, theme.ColorNameForeground, nil)
	r.title.bold = true
	r.title.icon = theme.MenuDropDownIcon()
	r.title.onTap = func() { g.showJump(r.title) }
	r.header = container.NewHBox(r.today, r.prev, r.next, r.title)

	r.band = container.NewVBox()
	r.bandMore = newLink("", theme.SizeNameCaptionText, theme.ColorNamePrimary, nil)
	r.bandMore.onTap = func() { g.bandMoreTapped(r.bandMore) }

	for i := range r.weekdays {
		r.weekdays[i] = &canvas.Text{Alignment: fyne.TextAlignCenter}
	}
	for i := range r.cells {
		r.cells[i] = newDayCell(g)
	}
	r.Refresh()
	return r
}

type monthGridRenderer struct {
	g *MonthGrid

	header            *fyne.Container
	today, prev, next *widget.Button
	title             *link
	band              *fyne.Container
	bandViews         []*chipView
	bandMore          *link
	weekdays          [daysPerWeek]*canvas.Text
	gridBg            *canvas.Rectangle // shows through the gaps between cells as grid lines
	cells             [daysPerWeek * gridWeeks]*dayCell
}

func (r *monthGridRenderer) Destroy() {}

func (r *monthGridRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 3+daysPerWeek+len(r.cells))
	objs = append(objs, r.header, r.band, r.gridBg)
	for _, t := range r.weekdays {
		objs = append(objs, t)
	}
	for _, c := range r.cells {
		objs = append(objs, c)
	}
	return objs
}

func (r *monthGridRenderer) pad() float32 { return r.g.Theme().Size(theme.SizeNamePadding) }

func (r *monthGridRenderer) weekdayHeight() float32 {
	t := r.weekdays[0]
	return fyne.MeasureText("Mon", t.TextSize, t.TextStyle).Height + r.pad()
}

func (r *monthGridRenderer) MinSize() fyne.Size {
	pad := r.pad()
	cell := r.cells[0].MinSize()
	if r.g.compact {
		cell.Height = r.cells[0].numberRowHeight()
	}
	h := r.header.MinSize().Height + pad + r.weekdayHeight() + gridWeeks*(cell.Height+1) + 1
	w := max(r.header.MinSize().Width, daysPerWeek*(cell.Width+1)+1)
	if len(r.g.band) > 0 {
		h += r.band.MinSize().Height + pad
		w = max(w, r.band.MinSize().Width)
	}
	return fyne.NewSize(w, h)
}

func (r *monthGridRenderer) Layout(size fyne.Size) {
	pad := r.pad()
	y := float32(0)
	hh := r.header.MinSize().Height
	r.header.Move(fyne.NewPos(0, 0))
	r.header.Resize(fyne.NewSize(size.Width, hh))
	y += hh + pad

	if len(r.g.band) > 0 {
		bh := r.band.MinSize().Height
		r.band.Move(fyne.NewPos(0, y))
		r.band.Resize(fyne.NewSize(size.Width, bh))
		y += bh + pad
	}

	// Column edges are rounded to whole pixels so the 1px grid lines stay crisp; the last
	// pixel column and row are the right and bottom border.
	colX := func(i int) float32 { return float32(math.Round(float64(float32(i) * (size.Width - 1) / daysPerWeek))) }
	wh := r.weekdayHeight()
	for i, t := range r.weekdays {
		t.Move(fyne.NewPos(colX(i), y))
		t.Resize(fyne.NewSize(colX(i+1)-colX(i), wh))
	}
	y += wh

	gridH := max(size.Height-y, 0)
	r.gridBg.Move(fyne.NewPos(0, y))
	r.gridBg.Resize(fyne.NewSize(size.Width, gridH))
	rowY := func(i int) float32 { return y + float32(math.Round(float64(float32(i)*(gridH-1)/gridWeeks))) }
	for i, c := range r.cells {
		col, row := i%daysPerWeek, i/daysPerWeek
		c.Move(fyne.NewPos(colX(col)+1, rowY(row)+1))
		c.Resize(fyne.NewSize(colX(col+1)-colX(col)-1, rowY(row+1)-rowY(row)-1))
	}
}

func (r *monthGridRenderer) Refresh() {
	g := r.g
	th := g.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()

	r.title.setText(time.Date(g.year, g.month, 1, 0, 0, 0, 0, time.UTC).Format("January 2006"))
	r.title.Refresh()
	r.gridBg.FillColor = th.Color(theme.ColorNameSeparator, variant)

	for i, t := range r.weekdays {
		t.Text = weekdayShort((g.firstWeekday + time.Weekday(i)) % daysPerWeek)
		t.TextSize = th.Size(theme.SizeNameCaptionText)
		t.TextStyle = fyne.TextStyle{Bold: true}
		t.Color = th.Color(theme.ColorNamePlaceHolder, variant)
	}

	first := g.firstVisible()
	for i, c := range r.cells {
		d := first.AddDays(i)
		c.date = d
		c.outside = d.Month != g.month
		c.today = d == g.today
		c.chips = g.days[d]
		c.Refresh()
	}

	r.refreshBand()
	r.Layout(g.Size())
	canvas.Refresh(g)
}

func (r *monthGridRenderer) refreshBand() {
	g := r.g
	shown := len(g.band)
	if shown > bandRows {
		shown = bandRows - 1
	}
	for len(r.bandViews) < shown {
		r.bandViews = append(r.bandViews, newChipView(Chip{}, theme.SizeNameText, g.chipTapped))
	}
	r.bandViews = r.bandViews[:shown]
	objs := make([]fyne.CanvasObject, 0, shown+1)
	for i, v := range r.bandViews {
		b := g.band[i]
		v.chip = Chip{ID: b.ID, Label: b.Text, Status: b.Status}
		v.Refresh()
		objs = append(objs, v)
	}
	if rest := len(g.band) - shown; rest > 0 {
		r.bandMore.setText(fmt.Sprintf("+%d more not fixed to a day", rest))
		objs = append(objs, container.NewHBox(r.bandMore, layout.NewSpacer()))
	}
	r.band.Objects = objs
	r.band.Hidden = len(g.band) == 0
	r.band.Refresh()
}

// monthJump is the pop-up behind the month title: a year field with previous/next year
// buttons above the twelve months; choosing a month goes there.
type monthJump struct {
	content fyne.CanvasObject
	year    *widget.Entry
	months  [12]*widget.Button
}

func newMonthJump(year int, current time.Month, onJump func(int, time.Month)) *monthJump {
	j := &monthJump{year: widget.NewEntry()}
	j.year.SetText(strconv.Itoa(year))
	j.year.Validator = func(s string) error {
		if _, err := parseYear(s); err != nil {
			return err
		}
		return nil
	}
	step := func(delta int) func() {
		return func() {
			if y, err := parseYear(j.year.Text); err == nil && y+delta >= 1 && y+delta <= 9999 {
				j.year.SetText(strconv.Itoa(y + delta))
			}
		}
	}
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), step(-1))
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), step(1))
	prev.Importance = widget.LowImportance
	next.Importance = widget.LowImportance
	yearRow := container.NewBorder(nil, nil, prev, next, j.year)

	grid := container.NewGridWithColumns(4)
	for i := range j.months {
		m := time.Month(i + 1)
		b := widget.NewButton(m.String()[:3], func() {
			y, err := parseYear(j.year.Text)
			if err != nil {
				return
			}
			onJump(y, m)
		})
		if m == current {
			b.Importance = widget.HighImportance
		}
		j.months[i] = b
		grid.Add(b)
	}
	j.year.OnSubmitted = func(string) {
		if y, err := parseYear(j.year.Text); err == nil {
			onJump(y, current)
		}
	}
	j.content = container.NewVBox(yearRow, grid)
	return j
}

func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1 || y > 9999 {
		return 0, fmt.Errorf("%q is not a year between 1 and 9999", s)
	}
	return y, nil
}
