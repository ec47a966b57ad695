package app

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// agendaSize is how many upcoming and how many recent talks the agenda lists.
const agendaSize = 8

// agendaFoldsBelow is the calendar screen's width below which the agenda folds under the
// month grid.
const agendaFoldsBelow = 720

// calendarScreen is the month grid of talks with the agenda beside it.
type calendarScreen struct {
	u      *ui
	grid   *widgets.MonthGrid
	empty  *widget.Label
	agenda *widgets.Agenda
	root   fyne.CanvasObject
	// unreadable names the meetings the month leaves out because they cannot be read.
	unreadable *widget.Label
	placed     bool // the month has been chosen (at launch: by launchMonth)
	gen        int  // the latest load; older results are dropped
	// agendaGen is the latest load of the agenda, which does not change with the month
	// shown: it is read when the screen is shown, not at every month flip.
	agendaGen int
}

// monthData is what one load of the calendar reads.
type monthData struct {
	year     int
	month    time.Month
	days     map[widgets.Date][]widgets.Chip
	band     []widgets.BandItem
	count    int
	agenda   bool // upcoming and recent were read
	upcoming []storage.MeetingSummary
	recent   []storage.MeetingSummary
	// moreUpcoming and moreRecent are how many talks each way the agenda does not list.
	moreUpcoming, moreRecent int
	// unreadable are the meetings left out because they cannot be read.
	unreadable []storage.BadRow
}

func newCalendarScreen(u *ui) *calendarScreen {
	c := &calendarScreen{u: u}
	c.grid = widgets.NewMonthGrid()
	c.grid.ChipNouns = [2]string{"talk", "talks"}
	c.grid.SetToday(u.now())
	c.grid.OnMonthChanged = func(y int, m time.Month) { c.reload(false) }
	c.grid.OnChipTapped = func(id string) { u.push(newMeetingPage(u, id)) }
	c.grid.OnDayTapped = func(day time.Time) {
		m := blankMeeting()
		m.When = storage.OnDay(day.Year(), day.Month(), day.Day())
		u.push(newMeetingDraft(u, m))
	}
	c.empty = emptyState("")
	c.empty.Hide()
	c.agenda = widgets.NewAgenda()
	c.agenda.OnSelected = func(id string) { u.push(newMeetingPage(u, id)) }
	c.agenda.OnMore = c.showMore
	c.agenda.Tips = u.tips // a title the agenda cuts, whole
	newBtn := widget.NewButton("New meeting", u.newMeeting)
	c.unreadable = newUnreadableNote()
	left := container.NewBorder(container.NewVBox(c.unreadable, c.empty), nil, nil, nil, c.grid)
	right := container.NewBorder(nil, container.NewHBox(newBtn), nil, nil, c.agenda)
	// Below agendaFoldsBelow the agenda goes under the month: beside it, it would leave
	// neither room for a title. Folded, the month asks only for its day numbers and the
	// agenda for all its rows, and the screen scrolls: a split of the height left the agenda
	// a row and a half at 680×700, and a list scrolling inside a page.
	fold := widgets.NewFold(left, right, agendaFoldsBelow, 0.72)
	fold.OnFold = func(folded bool) {
		c.grid.SetCompact(folded)
		c.agenda.SetWholeHeight(folded)
	}
	c.root = container.NewPadded(fold)
	return c
}

func (c *calendarScreen) title() string           { return screenCalendar }
func (c *calendarScreen) view() fyne.CanvasObject { return c.root }
func (c *calendarScreen) show()                   { c.reload(true) }

// reload reads the shown month (or, the first time, chooses it), and the agenda when
// withAgenda is true. A month flip reads only the month: some 40 days of meetings.
func (c *calendarScreen) reload(withAgenda bool) {
	c.gen++
	if withAgenda {
		c.agendaGen = c.gen
	}
	gen, st, now, placed, first := c.gen, c.u.store, c.u.now(), c.placed, c.grid.FirstWeekday()
	y, m := c.grid.Month()
	run(c.u, "", func(ctx context.Context) (monthData, error) {
		if !placed {
			var err error
			if y, m, err = launchMonth(ctx, st, now); err != nil {
				return monthData{}, err
			}
		}
		d, err := loadMonth(ctx, st, y, m, first)
		if err == nil && withAgenda {
			err = loadAgendaInto(ctx, st, now, &d)
		}
		return d, err
	}, func(d monthData, err error) {
		if d.agenda && gen == c.agendaGen && err == nil {
			c.applyAgenda(d)
		}
		if gen != c.gen {
			return
		}
		c.apply(d, err)
	})
}

// apply shows a loaded month.
func (c *calendarScreen) apply(d monthData, err error) {
	if err != nil {
		c.u.showError("show the calendar", err)
		return
	}
	c.placed = true
	c.grid.SetToday(c.u.now())
	if y, m := c.grid.Month(); y != d.year || m != d.month {
		c.grid.SetMonth(d.year, d.month)
	}
	c.grid.SetEntries(d.days, d.band)
	showUnreadable(c.unreadable, d.unreadable)
	if d.count == 0 {
		c.empty.SetText(fmt.Sprintf("No talks in %s — press Ctrl+N to add one, or tap a day.", time.Date(d.year, d.month, 1, 0, 0, 0, 0, time.UTC).Format("January 2006")))
		c.empty.Show()
	} else {
		c.empty.Hide()
	}
}

// applyAgenda shows a loaded agenda.
func (c *calendarScreen) applyAgenda(d monthData) {
	if len(d.upcoming) == 0 && len(d.recent) > 0 {
		c.agenda.SetHeadings("Upcoming", "Nothing upcoming — the latest talks")
	} else {
		c.agenda.SetHeadings("Upcoming", "Recent")
	}
	c.agenda.SetItems(agendaItems(d.upcoming), agendaItems(d.recent))
	c.agenda.SetMore(d.moreUpcoming, d.moreRecent)
}

// showMore lists in Talks the talks the agenda leaves out: from today, or up to it.
func (c *calendarScreen) showMore(upcoming bool) {
	today := c.u.now().Format(time.DateOnly)
	c.u.leaveAll(func() {
		c.u.resetTo(screenTalks)
		t := c.u.talks
		t.from.SetText("")
		t.to.SetText("")
		if upcoming {
			t.from.SetText(today)
		} else {
			t.to.SetText(today)
		}
	})
}

// launchMonth chooses the month the calendar opens on.
//
// It is the month of the next upcoming meeting whose day is known (ignoring cancelled ones);
// when none is upcoming, the month of the latest meeting whose day is known. Only
// day-precise meetings choose: a meeting known only as "Sep 2016" or "by end of 2016" would
// open on a month whose grid cannot show it, while the band above the grid still lists it in
// any month it may fall in. With the sample dossier (all in 2016) nothing is upcoming and the
// latest day-precise meeting is the Tokyo round of Wed 22 Jun 2016, so the calendar opens on
// June 2016. With no day-precise meeting at all it opens on the first upcoming fuzzy meeting,
// else on the current month.
//
// Each is one row read from an index (storage.DayMeeting), whatever the size of the dossier.
func launchMonth(ctx context.Context, st *storage.Store, now time.Time) (int, time.Month, error) {
	for _, later := range []bool{true, false} {
		from := now
		if later {
			from = dayStart(now)
		}
		m, ok, err := st.DayMeeting(ctx, from, later)
		if err != nil {
			return 0, 0, err
		}
		if d, _ := m.When.Day(); ok {
			return d.Year, d.Month, nil
		}
	}
	upcoming, err := st.Meetings(ctx, storage.MeetingFilter{From: now, Limit: 1})
	if err != nil {
		return 0, 0, err
	}
	if len(upcoming) > 0 {
		l := upcoming[0].When.Lower()
		if l.Before(now) {
			l = now
		}
		return l.Year(), l.Month(), nil
	}
	return now.Year(), now.Month(), nil
}

func dayStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// loadMonth reads the meetings on a month's grid (six weeks starting on first).
func loadMonth(ctx context.Context, st *storage.Store, year int, month time.Month, first time.Weekday) (monthData, error) {
	d := monthData{year: year, month: month, days: map[widgets.Date][]widgets.Chip{}}
	start := widgets.Date{Year: year, Month: month, Day: 1}
	gridFirst := start.AddDays(-((int(start.Weekday()) - int(first) + 7) % 7))
	gridLast := gridFirst.AddDays(41)
	monthStart := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	monthEnd := monthStart.AddDate(0, 1, 0)
	// A day each side: an exact meeting is filed under its day in the venue's zone.
	from := time.Date(gridFirst.Year, gridFirst.Month, gridFirst.Day-1, 0, 0, 0, 0, time.UTC)
	to := time.Date(gridLast.Year, gridLast.Month, gridLast.Day+2, 0, 0, 0, 0, time.UTC)
	ms, bad, err := meetingsAround(ctx, st, storage.MeetingFilter{From: from, To: to})
	if err != nil {
		return d, err
	}
	d.unreadable = bad
	// A crowded day shows its timed meetings first, by time, then those known only to the day.
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i].When, ms[j].When
		if a.IsExact() != b.IsExact() {
			return a.IsExact()
		}
		return a.IsExact() && a.At.Before(b.At)
	})
	for _, m := range ms {
		if day, ok := m.When.Day(); ok {
			key := widgets.Date{Year: day.Year, Month: day.Month, Day: day.Day}
			if key.Time().Before(gridFirst.Time()) || key.Time().After(gridLast.Time()) {
				continue
			}
			d.days[key] = append(d.days[key], chipOf(m))
			if key.Month == month && key.Year == year {
				d.count++
			}
			continue
		}
		if m.When.IsZero() || !m.When.Lower().Before(monthEnd) || !m.When.Upper().After(monthStart) {
			continue
		}
		d.band = append(d.band, widgets.BandItem{ID: m.ID, Text: bandText(m), Status: string(m.Status)})
		d.count++
	}
	return d, nil
}

// chipOf is a meeting as a chip on its day.
func chipOf(m storage.MeetingSummary) widgets.Chip {
	detail := ""
	if m.When.IsExact() {
		detail = m.When.At.In(m.When.Location()).Format("15:04 MST")
	}
	if pl := storage.JoinPlace(m.Venue, m.City, ""); pl != "" {
		if detail != "" {
			detail += " · "
		}
		detail += pl
	}
	if detail != "" {
		detail += " · "
	}
	detail += m.Status.Label()
	return widgets.Chip{ID: m.ID, Label: m.Title, Status: string(m.Status), Detail: detail}
}

// bandText is the band line of a meeting not fixed to a day:
// "September 2016 — date not fixed: Abe–Putin meeting, Vladivostok".
func bandText(m storage.MeetingSummary) string {
	when := firstUpper(m.When.String())
	if m.When.Kind == storage.DateMonth {
		when = m.When.Lower().Format("January 2006")
	}
	s := when + " — date not fixed: " + m.Title
	if m.City != "" {
		s += ", " + m.City
	}
	if note := m.PostponedNote(); note != "" {
		s += " (" + note + ")"
	}
	if m.Status == storage.StatusCancelled {
		s += " (cancelled)"
	}
	return s
}

// loadAgendaInto reads the agenda into d, and how many talks each way it leaves out (counted
// without reading them).
func loadAgendaInto(ctx context.Context, st *storage.Store, now time.Time, d *monthData) error {
	var err error
	var bad []storage.BadRow
	if d.upcoming, d.recent, bad, err = loadAgenda(ctx, st, now); err != nil {
		return err
	}
	d.unreadable = addUnreadable(d.unreadable, bad...)
	d.agenda = true
	up, past, err := st.CountMeetingsAround(ctx, now)
	d.moreUpcoming, d.moreRecent = up-len(d.upcoming), past-len(d.recent)
	return err
}

// loadAgenda reads the next talks from now (in the order of Meetings: a meeting due "by end
// of 2016" comes up at its deadline, not at the start of the year) and the latest over before
// it, latest first: agendaSize of each, read from indexes.
func loadAgenda(ctx context.Context, st *storage.Store, now time.Time) (upcoming, recent []storage.MeetingSummary, bad []storage.BadRow, err error) {
	upcoming, bad, err = meetingsAround(ctx, st, storage.MeetingFilter{From: now, Limit: agendaSize})
	if err != nil {
		return nil, nil, nil, err
	}
	recent, err = st.MeetingsBefore(ctx, now, agendaSize, func(b storage.BadRow) { bad = append(bad, b) })
	return upcoming, recent, bad, err
}

// agendaItems are meetings as the agenda lists them.
func agendaItems(ms []storage.MeetingSummary) []widgets.AgendaItem {
	out := make([]widgets.AgendaItem, len(ms))
	for i, m := range ms {
		sub := m.Place()
		if m.Format != "" {
			sub = strings.TrimPrefix(sub+" · "+firstUpper(string(m.Format)), " · ")
		}
		out[i] = widgets.AgendaItem{ID: m.ID, DateText: m.WhenText(), Title: m.Title, Subtitle: sub,
			Status: string(m.Status), StatusText: m.Status.Label()}
	}
	return out
}
