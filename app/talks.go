package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// talksScreen is every meeting in a sortable, filterable, virtualised list. It holds a key of
// each meeting it lists (ID, title, status: storage.MeetingKeys), sorts those off the Fyne
// goroutine, and reads the rows themselves a page at a time as they come into view, so a
// dossier of 100,000 meetings scrolls, sorts and filters without freezing the window.
type talksScreen struct {
	u *ui

	track, status    *widget.Select
	from, to, text   *widget.Entry
	filterMsg        *widget.Label
	unreadable       *widget.Label    // names the meetings that cannot be read
	bad              []storage.BadRow // the rows read so far that cannot be read
	sortBtns         map[string]*widget.Button
	sortBy           string
	desc             bool
	list             *widgets.KeyList
	count            *widget.Label
	empty            *widget.Label
	byDate           []storage.MeetingKey // the meetings listed, in date order as read
	keys             []storage.MeetingKey // the same in the order shown: the list's rows
	shown            map[string]storage.MeetingSummary
	asked            map[int]bool // the pages of keys read or being read into shown
	shownGen         int          // counts the times shown was started again
	updating         bool         // the list is updating a row (see updateRow)
	sortGen          int          // the latest sort; older results are dropped
	trackIDs         map[string]string
	trackTitle       map[string]string
	root             fyne.CanvasObject
	gen              int
	settingTrackOpts bool
	wantTrack        string // a track to select once the tracks are loaded
	pending          *time.Timer
	// What byDate was read from: a visit that finds the dossier unchanged and the same
	// filter keeps it (see show).
	kept       readStamp
	keptFilter storage.MeetingFilter
}

// talksData is one load of the list: the keys in date order and in the order shown.
type talksData struct {
	byDate, keys []storage.MeetingKey
	sortBy       string // the order of keys
	desc         bool
	tracks       []storage.Track
	stamp        readStamp // the dossier's state, read before the keys
	unchanged    bool      // nothing was read: the list shown still holds
}

// talksPage is how many rows the list reads at a time (a screen holds about 25), and
// talksKept how many it keeps read before it starts again from the rows in view.
const (
	talksPage = 100
	talksKept = 3000
)

func newTalksScreen(u *ui) *talksScreen {
	t := &talksScreen{u: u, sortBy: sortDate, sortBtns: map[string]*widget.Button{}}
	t.forget()
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
		e.OnSubmitted = func(string) { u.win.Canvas().Focus(t.list) } // Enter: on to the rows
	}
	t.filterMsg = widget.NewLabel("")
	t.filterMsg.Importance = widget.DangerImportance
	t.filterMsg.Hide()

	t.list = widgets.NewKeyList(
		func() int { return len(t.keys) },
		t.newRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { t.updateRow(id, o) },
	)
	t.list.OnOpen = func(id widget.ListItemID) {
		if id >= 0 && id < len(t.keys) {
			u.push(newMeetingPage(u, t.keys[id].ID))
		}
	}
	t.list.OnCursor = func(id widget.ListItemID) { // the whole title, which the row may cut
		if id >= 0 && id < len(t.keys) {
			m := t.row(id)
			u.setStatus(rowText([]string{m.Title, m.WhenText()}))
		}
	}
	t.list.OnHover = t.list.OnCursor
	t.list.Tips = u.tips // and in a tip when the pointer rests on it
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
	// The filters and buttons wrap onto a second line rather than hold the window wide.
	filters := container.New(widgets.NewFlow(220, 150, 150, 140, 140),
		t.text, t.track, t.status, t.from, t.to, tracksBtn, newBtn)
	t.unreadable = newUnreadableNote()
	top := container.NewVBox(filters, t.filterMsg, t.unreadable, header, widget.NewSeparator())
	t.root = container.NewPadded(topDown(top, t.count,
		overEmpty(t.list, t.empty)))
	return t
}

// talksColumns: when, title (takes the rest), status, track, place; a narrow window leaves out
// the track, then the place, then narrows the date and status for the title.
func talksColumns() *widgets.Columns {
	return widgets.NewColumns(285, 0, 110, 170, 150).Dropping(240, 3, 4).Squeezing(0.7)
}

func (t *talksScreen) title() string           { return screenTalks }
func (t *talksScreen) view() fyne.CanvasObject { return t.root }

// show, as the screen comes back, reads the list again only if the dossier changed since
// it was read (or the filter did): a visit to an unchanged dossier of 100,000 meetings
// would otherwise read all their keys again.
func (t *talksScreen) show() { t.load(true) }

func (t *talksScreen) newRow() fyne.CanvasObject {
	when, title := truncated(widget.NewLabel("")), widgets.NewCutLabel("", true)
	badge := widgets.NewStatusBadge("", "")
	track, pl := truncated(widget.NewLabel("")), truncated(widget.NewLabel(""))
	return container.New(talksColumns(), when, title, container.NewCenter(badge), track, pl)
}

func (t *talksScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(t.keys) {
		return
	}
	t.updating = true
	m := t.row(id)
	t.updating = false
	c := o.(*fyne.Container)
	setLabel(c.Objects[0].(*widget.Label), m.WhenText())
	c.Objects[1].(*widgets.CutLabel).SetText(m.Title)
	if b := c.Objects[2].(*fyne.Container).Objects[0].(*widgets.StatusBadge); b.Status != string(m.Status) || b.Text != m.Status.Label() {
		b.SetStatus(string(m.Status), m.Status.Label())
	}
	setLabel(c.Objects[3].(*widget.Label), t.trackTitle[m.TrackID])
	setLabel(c.Objects[4].(*widget.Label), storage.JoinPlace("", m.City, m.Country))
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
	t.reorder()
}

// reorder sorts the keys in the order chosen, off the Fyne goroutine: 100,000 titles take
// a tenth of a second to sort, which the window must not wait for.
func (t *talksScreen) reorder() {
	t.sortGen++
	gen, byDate, by, desc := t.sortGen, t.byDate, t.sortBy, t.desc
	run(t.u, "", func(context.Context) ([]storage.MeetingKey, error) {
		return orderKeys(byDate, by, desc), nil
	}, func(keys []storage.MeetingKey, _ error) {
		if gen != t.sortGen {
			return
		}
		t.keys = keys
		t.asked = map[int]bool{} // the rows read stay; the pages are others now
		t.list.Refresh()
	})
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
func (t *talksScreen) reload() { t.load(false) }

// load is reload; with keep, it first compares the dossier's stamp and the filter with those
// the list was read under, and leaves the list as it is when both are the same.
func (t *talksScreen) load(keep bool) {
	f, err := t.filter()
	if err != nil {
		t.filterMsg.SetText(firstUpper(err.Error()))
		t.filterMsg.Show()
		return
	}
	t.filterMsg.Hide()
	t.gen++
	if !keep {
		t.sortGen++ // a sort asked before this load would order the keys it replaces
	}
	keep = keep && t.wantTrack == "" && sameFilter(f, t.keptFilter)
	gen, st, by, desc, kept := t.gen, t.u.store, t.sortBy, t.desc, t.kept
	run(t.u, "", func(ctx context.Context) (talksData, error) {
		stamp := stampOf(ctx, st) // before the keys: a write after it shows next time
		if keep && kept.same(stamp) {
			return talksData{unchanged: true}, nil
		}
		d, err := loadTalks(ctx, st, f, by, desc)
		d.stamp = stamp
		return d, err
	}, func(d talksData, err error) {
		if gen != t.gen || d.unchanged {
			return
		}
		t.keptFilter = f
		t.apply(d, err)
	})
}

// sameFilter reports whether two filters pass the same meetings.
func sameFilter(a, b storage.MeetingFilter) bool {
	return a.TrackID == b.TrackID && slices.Equal(a.Statuses, b.Statuses) && a.From.Equal(b.From) &&
		a.To.Equal(b.To) && a.Text == b.Text && a.Limit == b.Limit
}

func loadTalks(ctx context.Context, st *storage.Store, f storage.MeetingFilter, by string, desc bool) (talksData, error) {
	var d talksData
	var err error
	if d.tracks, err = st.Tracks(ctx); err != nil {
		return d, err
	}
	if d.byDate, err = st.MeetingKeys(ctx, f); err != nil {
		return d, err
	}
	d.keys, d.sortBy, d.desc = orderKeys(d.byDate, by, desc), by, desc
	return d, nil
}

// orderKeys returns the keys, which are in date order, by date, title (case-insensitive) or
// status (in the order a meeting passes through them), ties by date; desc reverses the whole
// order. The sort key of each meeting is made once, not in every comparison.
func orderKeys(byDate []storage.MeetingKey, by string, desc bool) []storage.MeetingKey {
	out := make([]storage.MeetingKey, len(byDate))
	if by == sortDate {
		copy(out, byDate)
		if desc {
			slices.Reverse(out)
		}
		return out
	}
	rank := map[storage.Status]int{}
	for i, s := range storage.Statuses {
		rank[s] = i
	}
	type keyed struct {
		title string // lower-cased, for sortTitle
		rank  int    // the status's place, for sortStatus
		date  int    // the place in date order: the tie-break
	}
	ks := make([]keyed, len(byDate))
	for i, k := range byDate {
		ks[i].date = i
		if by == sortTitle {
			ks[i].title = strings.ToLower(k.Title)
		} else {
			ks[i].rank = rank[k.Status]
		}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		c := cmp.Or(strings.Compare(a.title, b.title), cmp.Compare(a.rank, b.rank), cmp.Compare(a.date, b.date))
		if desc {
			return -c
		}
		return c
	})
	for i, k := range ks {
		out[i] = byDate[k.date]
	}
	return out
}

// row is the meeting of row id: as read, or, until its page has been read, what its key
// holds (the title and the status), the page being asked for.
func (t *talksScreen) row(id int) storage.MeetingSummary {
	k := t.keys[id]
	if m, ok := t.shown[k.ID]; ok {
		return m
	}
	t.readPage(id / talksPage)
	if m, ok := t.shown[k.ID]; ok { // tests read at once
		return m
	}
	return storage.MeetingSummary{ID: k.ID, Title: k.Title, Status: k.Status}
}

// readPage reads the rows of a page of keys off the Fyne goroutine and redraws the rows in
// view when they are in. Once talksKept rows have been read, the earlier ones are let go.
func (t *talksScreen) readPage(page int) {
	if t.asked[page] || page*talksPage >= len(t.keys) {
		return
	}
	if len(t.shown) >= talksKept {
		t.forget()
	}
	t.asked[page] = true
	var ids []string
	for _, k := range t.keys[page*talksPage : min(len(t.keys), (page+1)*talksPage)] {
		if _, ok := t.shown[k.ID]; !ok {
			ids = append(ids, k.ID)
		}
	}
	if len(ids) == 0 {
		return
	}
	// A row that cannot be read (edited outside Parley) keeps what its key shows.
	gen, st := t.shownGen, t.u.store
	var bad []storage.BadRow
	run(t.u, "", func(ctx context.Context) ([]storage.MeetingSummary, error) {
		return st.MeetingsByID(ctx, ids, func(b storage.BadRow) { bad = append(bad, b) })
	}, func(ms []storage.MeetingSummary, err error) {
		if gen != t.shownGen {
			return
		}
		if len(bad) > 0 {
			t.bad = addUnreadable(t.bad, bad...)
			showUnreadable(t.unreadable, t.bad)
		}
		if err != nil {
			// The page stays asked: the rows in view would ask again at every redraw.
			t.u.showError("list the talks", err)
			return
		}
		for _, m := range ms {
			t.shown[m.ID] = m
		}
		// Read while a row was being drawn (tests read at once): the rows still to draw
		// come from shown, and a refresh from inside the list's own update would nest.
		if !t.updating {
			t.list.Refresh()
		}
	})
}

// forget lets go of the rows read: they are read again as they come into view.
func (t *talksScreen) forget() {
	t.shown, t.asked = map[string]storage.MeetingSummary{}, map[int]bool{}
	t.shownGen++
	t.bad = nil
	if t.unreadable != nil {
		t.unreadable.Hide()
	}
}

func (t *talksScreen) apply(d talksData, err error) {
	t.kept = readStamp{} // until the keys are in
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

	t.byDate, t.keys, t.kept = d.byDate, d.keys, d.stamp
	t.sortGen++ // a sort still running orders the keys these replace
	if by, desc := t.sortBy, t.desc; by != d.sortBy || desc != d.desc {
		t.reorder() // the order was changed while the list was read
	}
	t.forget() // the rows may have changed since they were read
	t.list.Refresh()
	switch {
	case len(d.keys) > 0:
		t.empty.Hide()
		t.count.SetText(thousands(len(d.keys)) + " meetings")
		if len(d.keys) == 1 {
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
