package app

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

const (
	allTracks   = "All tracks"
	allStatuses = "All statuses"
)

// Sort orders of the talks list.
const (
	sortDate   = "date"
	sortTitle  = "title"
	sortStatus = "status"
)

// talksScreen is every meeting in a sortable, filterable, virtualised list: it draws only the
// rows in view, so a dossier of 100,000 meetings scrolls as one of ten.
type talksScreen struct {
	u *ui

	track, status    *widget.Select
	from, to, text   *widget.Entry
	filterMsg        *widget.Label
	unreadable       *widget.Label // names the meetings that cannot be read
	sortBtns         map[string]*widget.Button
	sortBy           string
	desc             bool
	list             *widget.List
	count            *widget.Label
	empty            *widget.Label
	rows             []storage.MeetingSummary
	trackIDs         map[string]string
	trackTitle       map[string]string
	root             fyne.CanvasObject
	gen              int
	settingTrackOpts bool
	wantTrack        string // a track to select once the tracks are loaded
	pending          *time.Timer
}

// talksData is one load of the list.
type talksData struct {
	rows       []storage.MeetingSummary
	tracks     []storage.Track
	unreadable []storage.BadRow // left out of rows
}

func newTalksScreen(u *ui) *talksScreen {
	t := &talksScreen{u: u, sortBy: sortDate, sortBtns: map[string]*widget.Button{}}
	t.track = widget.NewSelect([]string{allTracks}, nil)
	t.track.SetSelected(allTracks)
	t.track.OnChanged = func(string) { t.filterChanged() }
	statuses := []string{allStatuses}
	for _, s := range storage.Statuses {
		statuses = append(statuses, s.Label())
	}
	t.status = widget.NewSelect(statuses, nil)
	t.status.SetSelected(allStatuses)
	t.status.OnChanged = func(string) { t.filterChanged() }
	t.from = widget.NewEntry()
	t.from.SetPlaceHolder("from, e.g. 2016-01")
	t.to = widget.NewEntry()
	t.to.SetPlaceHolder("to, e.g. 2016-12")
	t.text = widget.NewEntry()
	t.text.SetPlaceHolder("Filter by title or place")
	for _, e := range []*widget.Entry{t.from, t.to, t.text} {
		e.OnChanged = func(string) { t.typed() }
	}
	t.filterMsg = widget.NewLabel("")
	t.filterMsg.Importance = widget.DangerImportance
	t.filterMsg.Hide()

	t.list = widget.NewList(
		func() int { return len(t.rows) },
		t.newRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { t.updateRow(id, o) },
	)
	t.list.OnSelected = func(id widget.ListItemID) {
		t.list.UnselectAll()
		if id >= 0 && id < len(t.rows) {
			u.push(newMeetingPage(u, t.rows[id].ID))
		}
	}
	t.count = widget.NewLabel("")
	t.count.Importance = widget.LowImportance
	t.empty = emptyState("")
	t.empty.Hide()

	head := func(label, key string) *widget.Button {
		b := widget.NewButton(label, func() { t.sortOn(key) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		t.sortBtns[key] = b
		return b
	}
	header := container.New(talksColumns(),
		head("When", sortDate), head("Title", sortTitle), head("Status", sortStatus),
		boldLabel("Track"), boldLabel("Place"))
	t.refreshSortButtons()

	newBtn := widget.NewButtonWithIcon("New meeting", theme.ContentAddIcon(), u.newMeeting)
	newBtn.Importance = widget.HighImportance
	tracksBtn := widget.NewButton("Tracks…", func() { showTracks(u, t.show) })
	filters := container.NewBorder(nil, nil, nil, container.NewHBox(tracksBtn, newBtn),
		container.NewGridWithColumns(5, t.text, t.track, t.status, t.from, t.to))
	t.unreadable = newUnreadableNote()
	top := container.NewVBox(filters, t.filterMsg, t.unreadable, header, widget.NewSeparator())
	t.root = container.NewPadded(container.NewBorder(top, t.count, nil, nil,
		container.NewStack(t.list, container.NewVBox(layout.NewSpacer(), t.empty, layout.NewSpacer()))))
	return t
}

// talksColumns: when, title (takes the rest), status, track, place.
func talksColumns() *widgets.Columns {
	return widgets.NewColumns(285, 0, 110, 170, 150)
}

func (t *talksScreen) title() string           { return screenTalks }
func (t *talksScreen) view() fyne.CanvasObject { return t.root }
func (t *talksScreen) show()                   { t.reload() }

func (t *talksScreen) newRow() fyne.CanvasObject {
	when, title := truncated(widget.NewLabel("")), truncated(boldLabel(""))
	badge := widgets.NewStatusBadge("", "")
	track, pl := truncated(widget.NewLabel("")), truncated(widget.NewLabel(""))
	return container.New(talksColumns(), when, title, container.NewCenter(badge), track, pl)
}

func (t *talksScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(t.rows) {
		return
	}
	m := t.rows[id]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(m.WhenText())
	c.Objects[1].(*widget.Label).SetText(m.Title)
	c.Objects[2].(*fyne.Container).Objects[0].(*widgets.StatusBadge).SetStatus(string(m.Status), m.Status.Label())
	c.Objects[3].(*widget.Label).SetText(t.trackTitle[m.TrackID])
	c.Objects[4].(*widget.Label).SetText(storage.JoinPlace("", m.City, m.Country))
}

// filter reads the filter inputs; a date that cannot be read is reported under them.
func (t *talksScreen) filter() (storage.MeetingFilter, error) {
	f := storage.MeetingFilter{TrackID: t.trackIDs[t.track.Selected], Text: strings.TrimSpace(t.text.Text)}
	for _, s := range storage.Statuses {
		if s.Label() == t.status.Selected {
			f.Statuses = []storage.Status{s}
		}
	}
	from, err := storage.ParsePartialDate(t.from.Text)
	if err != nil {
		return f, fmt.Errorf("from: %w", err)
	}
	to, err := storage.ParsePartialDate(t.to.Text)
	if err != nil {
		return f, fmt.Errorf("to: %w", err)
	}
	if !from.IsZero() {
		f.From = from.Start()
	}
	if !to.IsZero() {
		f.To = to.End()
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.To.After(f.From) {
		return f, fmt.Errorf("the range ends before it starts")
	}
	return f, nil
}

// typed reloads once typing in a filter pauses, so that a big dossier is not read again for
// every key.
func (t *talksScreen) typed() {
	if t.u.typingPause <= 0 {
		t.filterChanged()
		return
	}
	if t.pending != nil {
		t.pending.Stop()
	}
	t.pending = time.AfterFunc(t.u.typingPause, func() { fyne.Do(t.filterChanged) })
}

func (t *talksScreen) filterChanged() {
	if t.settingTrackOpts || t.u.store == nil {
		return
	}
	t.reload()
}

func (t *talksScreen) sortOn(key string) {
	if t.sortBy == key {
		t.desc = !t.desc
	} else {
		t.sortBy, t.desc = key, false
	}
	t.refreshSortButtons()
	sortMeetings(t.rows, t.sortBy, t.desc)
	t.list.Refresh()
}

func (t *talksScreen) refreshSortButtons() {
	labels := map[string]string{sortDate: "When", sortTitle: "Title", sortStatus: "Status"}
	for k, b := range t.sortBtns {
		b.SetIcon(nil)
		if k == t.sortBy {
			if t.desc {
				b.SetIcon(theme.MenuDropDownIcon())
			} else {
				b.SetIcon(theme.MenuDropUpIcon())
			}
		}
		b.SetText(labels[k])
	}
}

// reload reads the meetings that pass the filter, off the Fyne goroutine.
func (t *talksScreen) reload() {
	f, err := t.filter()
	if err != nil {
		t.filterMsg.SetText(firstUpper(err.Error()))
		t.filterMsg.Show()
		return
	}
	t.filterMsg.Hide()
	t.gen++
	gen, st, by, desc := t.gen, t.u.store, t.sortBy, t.desc
	run(t.u, "", func(ctx context.Context) (talksData, error) {
		return loadTalks(ctx, st, f, by, desc)
	}, func(d talksData, err error) {
		if gen != t.gen {
			return
		}
		t.apply(d, err)
	})
}

func loadTalks(ctx context.Context, st *storage.Store, f storage.MeetingFilter, by string, desc bool) (talksData, error) {
	var d talksData
	var err error
	if d.tracks, err = st.Tracks(ctx); err != nil {
		return d, err
	}
	if d.rows, d.unreadable, err = meetingsAround(ctx, st, f); err != nil {
		return d, err
	}
	sortMeetings(d.rows, by, desc)
	return d, nil
}

// sortMeetings orders rows by date (storage.CompareWhen), title or status (in the order a meeting
// passes through them), ties by date.
func sortMeetings(rows []storage.MeetingSummary, by string, desc bool) {
	rank := map[storage.Status]int{}
	for i, s := range storage.Statuses {
		rank[s] = i
	}
	less := func(a, b storage.MeetingSummary) int {
		switch by {
		case sortTitle:
			if c := strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
				return c
			}
		case sortStatus:
			if c := rank[a.Status] - rank[b.Status]; c != 0 {
				return c
			}
		}
		return storage.CompareWhen(a.When, b.When)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if desc {
			return less(rows[j], rows[i]) < 0
		}
		return less(rows[i], rows[j]) < 0
	})
}

func (t *talksScreen) apply(d talksData, err error) {
	if err != nil {
		t.u.showError("list the talks", err)
		return
	}
	t.trackIDs = map[string]string{allTracks: ""}
	t.trackTitle = map[string]string{}
	opts := []string{allTracks}
	for _, tr := range d.tracks {
		l := uniqueLabel(t.trackIDs, tr.Title)
		t.trackIDs[l] = tr.ID
		t.trackTitle[tr.ID] = tr.Title
		opts = append(opts, l)
	}
	sel := t.track.Selected
	if _, ok := t.trackIDs[sel]; !ok {
		sel = allTracks
	}
	refilter := false
	if t.wantTrack != "" {
		if l := labelFor(t.trackIDs, t.wantTrack); l != "" && l != sel {
			sel, refilter = l, true
		}
		t.wantTrack = ""
	}
	t.settingTrackOpts = true
	t.track.SetOptions(opts)
	t.track.SetSelected(sel)
	t.settingTrackOpts = false
	if refilter {
		t.reload()
		return
	}

	t.rows = d.rows
	t.list.Refresh()
	showUnreadable(t.unreadable, d.unreadable)
	switch {
	case len(d.rows) > 0:
		t.empty.Hide()
		t.count.SetText(thousands(len(d.rows)) + " meetings")
		if len(d.rows) == 1 {
			t.count.SetText("1 meeting")
		}
	case t.filtered():
		t.empty.SetText("No talks match the filter — clear it to see them all.")
		t.empty.Show()
		t.count.SetText("")
	default:
		t.empty.SetText("No talks yet — press Ctrl+N to add one, or import a calendar with File → Import…")
		t.empty.Show()
		t.count.SetText("")
	}
}

func (t *talksScreen) filtered() bool {
	return t.track.Selected != allTracks || t.status.Selected != allStatuses ||
		strings.TrimSpace(t.from.Text+t.to.Text+t.text.Text) != ""
}

// showTrack filters the list to one track.
func (t *talksScreen) showTrack(id string) {
	t.wantTrack = id
	if l := labelFor(t.trackIDs, id); l != "" {
		t.wantTrack = ""
		t.track.SetSelected(l)
	}
}

// thousands writes n with commas between groups of three digits: 100,006.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
