package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Focusable = (*KeyList)(nil)

// KeyList is a list of records to open, by mouse or keyboard: it is in the Tab order; Up and
// Down, Page Up and Page Down, Home and End move the selection; Enter (or Space) opens the
// selected row; a tap opens the row tapped. The selection shows only while the list has the
// focus, so that a list looked at with the mouse is not marked; the row it was on is kept for
// when the focus comes back.
//
// A stock widget.List opens (selects) on tap but not on Enter, and moves a focus mark of its own
// that Page Up, Home and End cannot reach; here every row is wrapped in a tappable of the
// list's, so that the selection is the list's keyboard cursor and nothing else.
type KeyList struct {
	widget.List

	// OnOpen is called with the row to open: tapped, or selected when Enter was pressed.
	OnOpen func(id widget.ListItemID)
	// OnCursor, when set, is called when the selection moves to a row (by key, or when the
	// list gains the focus), e.g. to show the row's whole text where the list cuts it short.
	OnCursor func(id widget.ListItemID)
	// OnHover, when set, is called when the pointer comes onto a row, for the same.
	OnHover func(id widget.ListItemID)
	// Tips, when set, is where the whole text of a title the row cuts short (a CutLabel) is
	// shown when the pointer rests on the row for tipDelay, and at once when the keyboard
	// moves the selection onto the row.
	Tips *TipLayer `json:"-"`

	cursor  widget.ListItemID
	focused bool
	rowMin  fyne.Size // a row's minimum size, measured once, for Page Up and Down
	tipWait tipTimer  // from the pointer coming onto a row
	tipRow  *keyRow   // the row whose title the tip shows, if one does
	// rowOf is the row object showing each row, as the list last filled them, for the tip
	// of the row the keyboard moves to.
	rowOf map[widget.ListItemID]*keyRow
}

// NewKeyList returns a list of length() rows made by create and filled by update (which
// receives the object create made).
func NewKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *KeyList {
	l := &KeyList{rowOf: map[widget.ListItemID]*keyRow{}}
	l.Length = length
	l.CreateItem = func() fyne.CanvasObject {
		r := &keyRow{list: l, content: create()}
		r.ExtendBaseWidget(r)
		return r
	}
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		r := o.(*keyRow)
		if r.id != id && r.hover != nil { // scrolled: the row under the pointer holds another
			r.hideTip()
		}
		if l.rowOf[r.id] == r {
			delete(l.rowOf, r.id)
		}
		r.id = id
		l.rowOf[id] = r
		update(id, r.content)
	}
	l.List.OnSelected = func(id widget.ListItemID) {
		if l.OnCursor != nil {
			l.OnCursor(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// Cursor is the row the selection is on, or was on when the list last had the focus.
func (l *KeyList) Cursor() widget.ListItemID { return l.cursor }

// SetCursor moves the selection to row id (kept within the rows), showing it when the list
// has the focus.
func (l *KeyList) SetCursor(id widget.ListItemID) {
	n := l.length()
	if n == 0 {
		l.cursor = 0
		l.UnselectAll()
		return
	}
	l.cursor = max(0, min(id, n-1))
	if l.focused {
		l.Select(l.cursor)
		l.showCursorTip()
	} else {
		l.ScrollTo(l.cursor)
	}
}

func (l *KeyList) length() int {
	if l.Length == nil {
		return 0
	}
	return l.Length()
}

// FocusGained shows the selection on the row the list was on. The stock list's own focus mark
// is not used: the selection is the mark.
func (l *KeyList) FocusGained() {
	l.focused = true
	l.SetCursor(l.cursor)
}

// FocusLost hides the selection; the row is remembered.
func (l *KeyList) FocusLost() {
	l.focused = false
	l.UnselectAll()
	l.hideTip()
}

// TypedKey moves the selection or opens the selected row.
func (l *KeyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		l.SetCursor(l.cursor - 1)
	case fyne.KeyDown:
		l.SetCursor(l.cursor + 1)
	case fyne.KeyPageUp:
		l.SetCursor(l.cursor - l.page())
	case fyne.KeyPageDown:
		l.SetCursor(l.cursor + l.page())
	case fyne.KeyHome:
		l.SetCursor(0)
	case fyne.KeyEnd:
		l.SetCursor(l.length() - 1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if l.cursor < l.length() && l.OnOpen != nil {
			l.hideTip() // the row is going with the list
			l.OnOpen(l.cursor)
		}
	}
}

// TypedRune is not used: a list takes no text.
func (l *KeyList) TypedRune(rune) {}

// page is how many rows one screenful holds, at least one.
func (l *KeyList) page() int {
	if l.rowMin.IsZero() && l.CreateItem != nil {
		l.rowMin = l.CreateItem().MinSize()
	}
	row := l.rowMin.Height + l.Theme().Size(theme.SizeNamePadding) // rows are parted by a padding
	if row <= 0 {
		return 1
	}
	return max(1, int(l.Size().Height/row)-1)
}

// tapped opens row id, as a tap on it asks, and puts the keyboard there.
func (l *KeyList) tapped(id widget.ListItemID) {
	l.cursor = id
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil && c.Focused() != l {
		c.Focus(l)
	}
	l.hideTip() // the focus put the keyboard's tip up; the row opens instead
	if l.OnOpen != nil && id < l.length() {
		l.OnOpen(id)
	}
}

// keyRow is one row of a KeyList: the row's own content, which a tap on opens. Being the
// row's tappable it is also where the pointer hovers, so it marks the row hovered itself, as the
// stock list's row would.
type keyRow struct {
	widget.BaseWidget
	list    *KeyList
	content fyne.CanvasObject
	id      widget.ListItemID
	hover   *canvas.Rectangle
}

func (r *keyRow) Tapped(*fyne.PointEvent) {
	r.hideTip()
	r.list.tapped(r.id)
}

func (r *keyRow) MouseIn(*desktop.MouseEvent) {
	r.hover.Show()
	r.Refresh()
	if r.list.OnHover != nil && r.id < r.list.length() {
		r.list.OnHover(r.id)
	}
	r.waitForTip()
}

func (r *keyRow) MouseMoved(*desktop.MouseEvent) {}

func (r *keyRow) MouseOut() {
	r.hover.Hide()
	r.Refresh()
	r.hideTip()
}

// waitForTip shows the row's cut title whole once the pointer has rested on it for tipDelay.
func (r *keyRow) waitForTip() {
	l := r.list
	if l.Tips == nil {
		return
	}
	l.tipWait.start(func() {
		if r.hover.Visible() {
			r.showTip()
		}
	})
}

// showTip shows the whole text of the first title the row cuts, under it.
func (r *keyRow) showTip() {
	for _, c := range cutTitlesIn(r.content) {
		if whole := c.wholeIfCut(); whole != "" {
			r.list.Tips.ShowTip(whole, c, TipBelow)
			r.list.tipRow = r
			return
		}
	}
}

// showCursorTip says the selected row's cut title whole, as the pointer resting on it would:
// the keyboard's hover.
func (l *KeyList) showCursorTip() {
	if l.Tips == nil {
		return
	}
	l.hideTip()
	if r := l.rowOf[l.cursor]; r != nil && r.id == l.cursor {
		r.showTip()
	}
}

// hideTip takes away the tip of a row of the list and stops the wait for one.
func (l *KeyList) hideTip() {
	l.tipWait.stop()
	if l.tipRow != nil {
		l.tipRow.hideTip()
	}
}

func (r *keyRow) hideTip() {
	r.list.tipWait.stop()
	if r.list.Tips == nil {
		return
	}
	for _, c := range cutTitlesIn(r.content) {
		r.list.Tips.HideTipOf(c)
	}
	if r.list.tipRow == r {
		r.list.tipRow = nil
	}
}

// cutTitle is a part of a row that may show its text cut short, and say it whole in a tip
// under it: a CutLabel, or a row that draws its title itself (the agenda's).
type cutTitle interface {
	fyne.CanvasObject
	// wholeIfCut is the whole text when the text shown is cut short, else "".
	wholeIfCut() string
}

// cutTitlesIn are the cut titles in o, as far as containers lead.
func cutTitlesIn(o fyne.CanvasObject) []cutTitle {
	var out []cutTitle
	if c, ok := o.(cutTitle); ok {
		out = append(out, c)
	}
	if v, ok := o.(*fyne.Container); ok {
		for _, c := range v.Objects {
			out = append(out, cutTitlesIn(c)...)
		}
	}
	return out
}

func (r *keyRow) CreateRenderer() fyne.WidgetRenderer {
	r.hover = canvas.NewRectangle(color.Transparent)
	r.hover.Hide()
	return &keyRowRenderer{r: r, objects: []fyne.CanvasObject{r.hover, r.content}}
}

type keyRowRenderer struct {
	r       *keyRow
	objects []fyne.CanvasObject
}

func (k *keyRowRenderer) Layout(size fyne.Size) {
	for _, o := range k.objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

func (k *keyRowRenderer) MinSize() fyne.Size           { return k.r.content.MinSize() }
func (k *keyRowRenderer) Objects() []fyne.CanvasObject { return k.objects }
func (k *keyRowRenderer) Destroy()                     {}

func (k *keyRowRenderer) Refresh() {
	th := k.r.Theme()
	k.r.hover.FillColor = th.Color(theme.ColorNameHover, fyne.CurrentApp().Settings().ThemeVariant())
	k.r.hover.CornerRadius = th.Size(theme.SizeNameSelectionRadius)
	k.r.hover.Refresh()
	k.r.content.Refresh()
}
