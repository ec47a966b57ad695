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

// calendarScreen is the month grid of talks with the agenda beside it.
type calendarScreen struct {
	u      *ui
	grid   *widgets.MonthGrid
	empty  *widget.Label
	agenda *widgets.Agenda
	root   fyne.CanvasObject
	// unreadable names the meetings the month or the agenda leaves out because they cannot
	// be read.
	unreadable *widget.Label
	placed     bool // the month has been chosen (at launch: by launchMonth)
	gen        int  // the latest load; older results are dropped
}

// monthData is what one load of the calendar reads.
type monthData struct {
	year     int
	month    time.Month
	days     map[widgets.Date][]widgets.Chip
	band     []widgets.BandItem
	count    int
	upcoming []storage.MeetingSummary
	recent   []storage.MeetingSummary
	// unreadable are the meetings left out because they cannot be read.
	unreadable []storage.BadRow
}

func newCalendarScreen(u *ui) *calendarScreen {
	c := &calendarScreen{u: u}
	c.grid = widgets.NewMonthGrid()
	c.grid.SetToday(u.now())
	c.grid.OnMonthChanged = func(y int, m time.Month) { c.reload() }
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
	newBtn := widget.NewButton("New meeting", u.newMeeting)
	c.unreadable = newUnreadableNote()
	left := container.NewBorder(container.NewVBox(c.unreadable, c.empty), nil, nil, nil, c.grid)
	right := container.NewBorder(nil, container.NewHBox(newBtn), nil, nil, c.agenda)
	split := container.NewHSplit(left, right)
	split.SetOffset(0.72)
	c.root = container.NewPadded(split)
	return c
}

func (c *calendarScreen) title() string           { return screenCalendar }
func (c *calendarScreen) view() fyne.CanvasObject { return c.root }
func (c *calendarScreen) show()                   { c.reload() }

// reload reads the shown month (or, the first time, chooses it) and the agenda.
func (c *calendarScreen) reload() {
	c.gen++
	gen, st, now, placed, first := c.gen, c.u.store, c.u.now(), c.placed, c.grid.FirstWeekday()
	y, m := c.grid.Month()
	run(c.u, "", func(ctx context.Context) (monthData, error) {
		if !placed {
			var err error
			if y, m, err = launchMonth(ctx, st, now); err != nil {
				return monthData{}, err
			}
		}
		return loadMonth(ctx, st, now, y, m, first)
	}, func(d monthData, err error) {
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
	if len(d.upcoming) == 0 && len(d.recent) > 0 {
		c.agenda.SetHeadings("Upcoming", "Nothing upcoming — the latest talks")
	} else {
		c.agenda.SetHeadings("Upcoming", "Recent")
	}
	c.agenda.SetItems(agendaItems(d.upcoming), agendaItems(d.recent))
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
func launchMonth(ctx context.Context, st *storage.Store, now time.Time) (int, time.Month, error) {
	// A meeting that cannot be read cannot choose the month; the month's load names it.
	upcoming, _, err := meetingsAround(ctx, st, storage.MeetingFilter{From: now, Limit: 500})
	if err != nil {
		return 0, 0, err
	}
	for _, m := range upcoming {
		if d, ok := m.When.Day(); ok && m.Status != storage.StatusCancelled && !m.When.Lower().Before(dayStart(now)) {
			return d.Year, d.Month, nil
		}
	}
	// Look back a year at a time before reading every past meeting.
	for _, back := range []time.Time{now.AddDate(-1, 0, 0), now.AddDate(-5, 0, 0), {}} {
		past, _, err := meetingsAround(ctx, st, storage.MeetingFilter{From: back, To: now})
		if err != nil {
			return 0, 0, err
		}
		var best storage.MeetingSummary
		found := false
		for _, m := range past {
			if _, ok := m.When.Day(); ok && m.When.Lower().Before(now) && m.Status != storage.StatusCancelled {
				if !found || !m.When.Lower().Before(best.When.Lower()) {
					best, found = m, true
				}
			}
		}
		if found {
			d, _ := best.When.Day()
			return d.Year, d.Month, nil
		}
	}
	for _, m := range upcoming {
		if !m.When.IsZero() {
			l := m.When.Lower()
			if l.Before(now) {
				l = now
			}
			return l.Year(), l.Month(), nil
		}
	}
	return now.Year(), now.Month(), nil
}

func dayStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// loadMonth reads the meetings on a month's grid (six weeks starting on first) and the agenda.
func loadMonth(ctx context.Context, st *storage.Store, now time.Time, year int, month time.Month, first time.Weekday) (monthData, error) {
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
	d.upcoming, d.recent, bad, err = loadAgenda(ctx, st, now)
	d.unreadable = addUnreadable(d.unreadable, bad...)
	return d, err
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

// loadAgenda reads the next talks from now and the latest before it (latest first).
// Meetings that cannot be read are left out and returned in bad.
func loadAgenda(ctx context.Context, st *storage.Store, now time.Time) (upcoming, recent []storage.MeetingSummary, bad []storage.BadRow, err error) {
	upcoming, bad, err = meetingsAround(ctx, st, storage.MeetingFilter{From: now, Limit: agendaSize})
	if err != nil {
		return nil, nil, nil, err
	}
	// A meeting due "by end of 2016" comes up at its deadline, not at the start of the year.
	sortMeetings(upcoming, sortDate, false)
	// The recent ones: a year back first, everything past when that is not enough.
	for _, back := range []time.Time{now.AddDate(-1, 0, 0), {}} {
		past, more, err := meetingsAround(ctx, st, storage.MeetingFilter{From: back, To: now})
		if err != nil {
			return nil, nil, nil, err
		}
		bad = addUnreadable(bad, more...)
		recent = recent[:0]
		for _, m := range past {
			if !m.When.IsZero() && !m.When.Upper().After(now) {
				recent = append(recent, m)
			}
		}
		if len(recent) >= agendaSize || back.IsZero() {
			break
		}
	}
	sort.SliceStable(recent, func(i, j int) bool { return recent[i].When.Upper().After(recent[j].When.Upper()) })
	if len(recent) > agendaSize {
		recent = recent[:agendaSize]
	}
	return upcoming, recent, bad, nil
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
