package widgets

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// AgendaItem is one talk in the agenda.
type AgendaItem struct {
	ID       string // passed to OnSelected
	DateText string // the date as the reader should see it: "Wed 22 Jun 2016, 10:00 JST", "Sep 2016"
	Title    string
	Subtitle string // venue, track or participants
	Status   string // colours the stripe and the badge; see StatusColour
	// StatusText is the badge's words ("Scheduled"); Status itself when empty.
	StatusText string
}

var _ fyne.Widget = (*Agenda)(nil)

// Agenda lists upcoming and recent talks under the headings "Upcoming" and "Recent". It is
// virtualised (a KeyList underneath), so it stays quick with many items, and is opened by
// mouse or keyboard like the other lists. A heading is left out when its group is empty;
// with no items at all it shows the empty text instead. A group that lists only some of its
// talks ends with a line saying how many more there are ("+3 more"; SetMore). A title too
// long for the row is cut in the middle, where talks of a series differ least, and said whole
// in a tip (Tips).
type Agenda struct {
	widget.BaseWidget

	// OnSelected is called with the ID of the item the user chose. The item does not stay
	// selected, so choosing it again calls OnSelected again.
	OnSelected func(id string) `json:"-"`
	// OnMore is called when the user chooses a group's "+N more" line, with whether it is
	// the upcoming group's.
	OnMore func(upcoming bool) `json:"-"`
	// Tips, when set, is where a title the agenda cuts is shown whole, when the pointer rests
	// on its row or the keyboard moves onto it.
	Tips *TipLayer `json:"-"`

	upcoming, recent               []AgendaItem
	moreUpcoming, moreRecent       int
	upcomingHeading, recentHeading string
	emptyText                      string
	whole                          bool // asks for the height of every row (SetWholeHeight)
}

// NewAgenda returns an empty agenda with the headings "Upcoming" and "Recent" and the empty
// text "No talks — press Ctrl+N to add one".
func NewAgenda() *Agenda {
	a := &Agenda{
		upcomingHeading: "Upcoming",
		recentHeading:   "Recent",
		emptyText:       "No talks — press Ctrl+N to add one",
	}
	a.ExtendBaseWidget(a)
	return a
}

// SetItems replaces the items: upcoming ones (soonest first) and recent ones (latest first).
// The slices are copied.
func (a *Agenda) SetItems(upcoming, recent []AgendaItem) {
	a.upcoming = append([]AgendaItem(nil), upcoming...)
	a.recent = append([]AgendaItem(nil), recent...)
	a.Refresh()
}

// SetMore sets how many more upcoming and recent talks there are than the items listed; a
// group with more ends with "+N more".
func (a *Agenda) SetMore(upcoming, recent int) {
	a.moreUpcoming, a.moreRecent = max(upcoming, 0), max(recent, 0)
	a.Refresh()
}

// SetHeadings replaces the group headings "Upcoming" and "Recent".
func (a *Agenda) SetHeadings(upcoming, recent string) {
	a.upcomingHeading, a.recentHeading = upcoming, recent
	a.Refresh()
}

// SetEmptyText sets what the agenda says when it has no items.
func (a *Agenda) SetEmptyText(text string) {
	a.emptyText = text
	a.Refresh()
}

// SetWholeHeight makes the agenda ask for the height of all its rows (true), for a page that
// scrolls it whole, or for a row's (false, the default), scrolling its rows itself. A list
// scrolling inside a scrolling page leaves the reader two scrolls to work and the wheel one.
func (a *Agenda) SetWholeHeight(whole bool) {
	a.whole = whole
	a.Refresh()
}

// agendaRow is one row of the list: a heading, or with more the line "+N more" of the group
// (upcoming says which), when item is nil.
type agendaRow struct {
	heading  string
	item     *AgendaItem
	more     int
	upcoming bool
}

func (a *Agenda) rows() []agendaRow {
	var rows []agendaRow
	add := func(heading string, items []AgendaItem, more int, upcoming bool) {
		if len(items) == 0 {
			return
		}
		rows = append(rows, agendaRow{heading: heading})
		for i := range items {
			rows = append(rows, agendaRow{item: &items[i]})
		}
		if more > 0 {
			rows = append(rows, agendaRow{heading: "+" + strconv.Itoa(more) + " more", more: more, upcoming: upcoming})
		}
	}
	add(a.upcomingHeading, a.upcoming, a.moreUpcoming, true)
	add(a.recentHeading, a.recent, a.moreRecent, false)
	return rows
}

// CreateRenderer builds the list and the empty-state label.
func (a *Agenda) CreateRenderer() fyne.WidgetRenderer {
	a.ExtendBaseWidget(a)
	r := &agendaRenderer{a: a}
	r.list = NewKeyList(
		func() int { return len(r.rows) },
		func() fyne.CanvasObject { return newAgendaRowView() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(r.rows) {
				o.(*agendaRowView).set(r.rows[id])
			}
		})
	r.list.OnOpen = func(id widget.ListItemID) {
		if id >= len(r.rows) {
			return
		}
		switch row := r.rows[id]; {
		case row.item != nil && a.OnSelected != nil:
			a.OnSelected(row.item.ID)
		case row.more > 0 && a.OnMore != nil:
			a.OnMore(row.upcoming)
		}
	}
	r.empty = widget.NewLabel("")
	r.empty.Alignment = fyne.TextAlignCenter
	r.empty.Wrapping = fyne.TextWrapWord
	r.Refresh()
	return r
}

type agendaRenderer struct {
	a        *Agenda
	list     *KeyList
	empty    *widget.Label
	rows     []agendaRow
	headings []widget.ListItemID // rows given the heading height
	// rowsHeight is the height of every row, as the list lays them out.
	rowsHeight float32
}

func (r *agendaRenderer) Destroy() {}

func (r *agendaRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.list, r.empty}
}

func (r *agendaRenderer) MinSize() fyne.Size {
	size := r.list.MinSize().Max(r.empty.MinSize())
	if r.a.whole && len(r.rows) > 0 {
		size.Height = max(size.Height, r.rowsHeight)
	}
	return size
}

func (r *agendaRenderer) Layout(size fyne.Size) {
	r.list.Resize(size)
	// A wrapping label knows its height only once it has its width.
	r.empty.Resize(fyne.NewSize(size.Width, r.empty.MinSize().Height))
	h := r.empty.MinSize().Height
	r.empty.Resize(fyne.NewSize(size.Width, h))
	r.empty.Move(fyne.NewPos(0, (size.Height-h)/3))
}

func (r *agendaRenderer) Refresh() {
	r.rows = r.a.rows()
	r.list.Tips = r.a.Tips
	itemH := newAgendaRowView().MinSize().Height
	headingH := (&agendaRowView{row: agendaRow{heading: "Upcoming"}}).minSizeFor(r.a.Theme())
	for _, id := range r.headings {
		r.list.SetItemHeight(id, itemH)
	}
	r.headings = r.headings[:0]
	gap := r.a.Theme().Size(theme.SizeNamePadding) // the list's between rows
	r.rowsHeight = -gap
	for id, row := range r.rows {
		h := itemH
		if row.item == nil {
			h = headingH.Height
			r.list.SetItemHeight(id, h)
			r.headings = append(r.headings, id)
		}
		r.rowsHeight += h + gap
	}
	r.empty.SetText(r.a.emptyText)
	r.empty.Hidden = len(r.rows) > 0
	r.list.Hidden = len(r.rows) == 0
	r.list.Refresh()
	r.Layout(r.a.Size())
	canvas.Refresh(r.a)
}

// agendaRowView draws a heading, or an item as a status stripe beside three lines — date
// and status badge, title, subtitle — each shortened with "…" to the width: the title in the
// middle, the others at the end.
type agendaRowView struct {
	widget.BaseWidget
	row      agendaRow
	titleCut bool // the title shown is cut short
}

// wholeIfCut is the item's whole title when the row shows it cut, for the tip.
func (v *agendaRowView) wholeIfCut() string {
	if v.row.item == nil || !v.titleCut || !v.Visible() {
		return ""
	}
	return v.row.item.Title
}

func newAgendaRowView() *agendaRowView {
	v := &agendaRowView{row: agendaRow{item: &AgendaItem{}}}
	v.ExtendBaseWidget(v)
	return v
}

func (v *agendaRowView) set(row agendaRow) {
	v.row = row
	v.Refresh()
}

func (v *agendaRowView) minSizeFor(th fyne.Theme) fyne.Size {
	pad := th.Size(theme.SizeNamePadding)
	text := th.Size(theme.SizeNameText)
	caption := th.Size(theme.SizeNameCaptionText)
	if v.row.item == nil {
		h := fyne.MeasureText("Ag", caption, fyne.TextStyle{Bold: true}).Height
		return fyne.NewSize(0, h+pad*1.5)
	}
	ch := fyne.MeasureText("Ag", caption, fyne.TextStyle{}).Height
	th2 := fyne.MeasureText("Ag", text, fyne.TextStyle{Bold: true}).Height
	return fyne.NewSize(chipStripe+4*pad+fyne.MeasureText("Scheduled", caption, fyne.TextStyle{Bold: true}).Width,
		pad+ch+th2+ch+pad)
}

func (v *agendaRowView) CreateRenderer() fyne.WidgetRenderer {
	r := &agendaRowRenderer{
		v:        v,
		stripe:   &canvas.Rectangle{},
		date:     &canvas.Text{},
		title:    &canvas.Text{},
		subtitle: &canvas.Text{},
		heading:  &canvas.Text{},
		badge:    NewStatusBadge("", ""),
	}
	r.Refresh()
	return r
}

type agendaRowRenderer struct {
	v                              *agendaRowView
	stripe                         *canvas.Rectangle
	date, title, subtitle, heading *canvas.Text
	badge                          *StatusBadge
}

func (r *agendaRowRenderer) Destroy() {}

func (r *agendaRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.stripe, r.date, r.title, r.subtitle, r.heading, r.badge}
}

func (r *agendaRowRenderer) MinSize() fyne.Size { return r.v.minSizeFor(r.v.Theme()) }

// place sets a text to full, shortened to width by cut (ellipsis or cutMiddle), at x,y, and
// returns the height of its line.
func place(t *canvas.Text, full string, cut func(string, float32, fyne.TextStyle, float32) string, x, y, width float32) float32 {
	s := cut(full, t.TextSize, t.TextStyle, width)
	if s != t.Text {
		t.Text = s
		canvas.Refresh(t)
	}
	ts := fyne.MeasureText(s, t.TextSize, t.TextStyle)
	t.Move(fyne.NewPos(x, y))
	t.Resize(fyne.NewSize(max(width, 0), ts.Height))
	return fyne.MeasureText("Ag", t.TextSize, t.TextStyle).Height
}

func (r *agendaRowRenderer) Layout(size fyne.Size) {
	pad := r.v.Theme().Size(theme.SizeNamePadding)
	row := r.v.row
	if row.item == nil {
		place(r.heading, row.heading, ellipsis, pad, pad, size.Width-2*pad)
		return
	}
	it := row.item
	r.stripe.Move(fyne.NewPos(pad/2, pad/2))
	r.stripe.Resize(fyne.NewSize(chipStripe, size.Height-pad))
	x := pad/2 + chipStripe + pad
	w := size.Width - x - pad

	bs := r.badge.MinSize()
	r.badge.Move(fyne.NewPos(size.Width-pad-bs.Width, pad))
	r.badge.Resize(bs)

	y := pad
	y += place(r.date, it.DateText, ellipsis, x, y, w-bs.Width-pad)
	y += place(r.title, it.Title, cutMiddle, x, y, w)
	r.v.titleCut = r.title.Text != it.Title
	place(r.subtitle, it.Subtitle, ellipsis, x, y, w)
}

func (r *agendaRowRenderer) Refresh() {
	th := r.v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	caption, text := th.Size(theme.SizeNameCaptionText), th.Size(theme.SizeNameText)
	fg := th.Color(theme.ColorNameForeground, variant)
	muted := th.Color(theme.ColorNamePlaceHolder, variant)

	r.heading.TextSize, r.heading.TextStyle, r.heading.Color = caption, fyne.TextStyle{Bold: true}, th.Color(theme.ColorNamePrimary, variant)
	if r.v.row.more > 0 {
		r.heading.TextStyle = fyne.TextStyle{} // a link to the rest, not a heading
	}
	r.date.TextSize, r.date.Color = caption, muted
	r.title.TextSize, r.title.TextStyle, r.title.Color = text, fyne.TextStyle{Bold: true}, fg
	r.subtitle.TextSize, r.subtitle.Color = caption, fg

	isItem := r.v.row.item != nil
	r.heading.Hidden = isItem
	for _, o := range []fyne.CanvasObject{r.stripe, r.date, r.title, r.subtitle, r.badge} {
		if isItem {
			o.Show()
		} else {
			o.Hide()
		}
	}
	for _, t := range []*canvas.Text{r.heading, r.date, r.title, r.subtitle} {
		t.Text = ""
	}
	if isItem {
		it := r.v.row.item
		r.stripe.FillColor = StatusColour(th, it.Status)
		r.badge.Status, r.badge.Text = it.Status, it.StatusText
		r.badge.Hidden = it.Status == ""
		r.badge.Refresh()
		if isCancelled(it.Status) {
			r.title.Color = muted
		}
	}
	r.Layout(r.v.Size())
	canvas.Refresh(r.v)
}
