package widgets

import (
	"image/color"
	"time"

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
	// shown when the pointer rests on the row for tipDelay.
	Tips *TipLayer `json:"-"`

	cursor  widget.ListItemID
	focused bool
	rowMin  fyne.Size // a row's minimum size, measured once, for Page Up and Down
	// tipWait counts tipDelay from the pointer coming onto a row; an animation, so that the
	// wait runs on Fyne's own loop rather than a goroutine of ours.
	tipWait *fyne.Animation
}

// tipDelay is how long the pointer rests on a row before its cut title is shown whole: long
// enough that sweeping across a list shows none.
const tipDelay = 600 * time.Millisecond

// NewKeyList returns a list of length() rows made by create and filled by update (which
// receives the object create made).
func NewKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *KeyList {
	l := &KeyList{}
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
		r.id = id
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
			l.stopTipWait() // the row under the pointer is going with the list
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
	l.stopTipWait()
	l.tipWait = fyne.NewAnimation(tipDelay, func(done float32) {
		if done == 1 && r.hover.Visible() {
			r.showTip()
		}
	})
	l.tipWait.Curve = fyne.AnimationLinear
	l.tipWait.Start()
}

// showTip shows the whole text of the first title the row cuts, under it.
func (r *keyRow) showTip() {
	for _, c := range cutLabelsIn(r.content) {
		if c.Visible() && c.Text != c.FullText() {
			r.list.Tips.ShowTip(c.FullText(), c, TipBelow)
			return
		}
	}
}

// stopTipWait stops the wait for a tip, if one is running.
func (l *KeyList) stopTipWait() {
	if l.tipWait != nil {
		l.tipWait.Stop()
		l.tipWait = nil
	}
}

func (r *keyRow) hideTip() {
	r.list.stopTipWait()
	if r.list.Tips == nil {
		return
	}
	for _, c := range cutLabelsIn(r.content) {
		r.list.Tips.HideTipOf(c)
	}
}

// cutLabelsIn are the cut labels in o, as far as containers lead.
func cutLabelsIn(o fyne.CanvasObject) []*CutLabel {
	switch v := o.(type) {
	case *CutLabel:
		return []*CutLabel{v}
	case *fyne.Container:
		var out []*CutLabel
		for _, c := range v.Objects {
			out = append(out, cutLabelsIn(c)...)
		}
		return out
	}
	return nil
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
