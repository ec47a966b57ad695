package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/widgets"
)

// The window's own keys, wherever the focus is. Fyne hands a key to the focused widget only,
// and a widget that has no use for it drops it: Escape typed in a dialog's field, or Backspace
// on a button, never reached the window (fyne-io/fyne#3038). keyFirst is offered each key
// press before Fyne's own handling (hookKeys puts it in front in the program; tests call
// pressKey), keyAfter after it.

// keyFirst handles the keys the window keeps for itself and reports whether it did:
//   - Escape closes the dialog or pop-up on top (its Cancel, where it has one);
//   - Backspace goes back when the focus is not in a text field and no dialog is open;
//   - Enter on a focused button or link presses it, as Space does.
func (u *ui) keyFirst(name fyne.KeyName, mods fyne.KeyModifier) bool {
	if mods != 0 {
		return false
	}
	c := u.win.Canvas()
	switch name {
	case fyne.KeyEscape:
		return u.closeTop()
	case fyne.KeyBackspace:
		if c.Overlays().Top() != nil || isTextInput(c.Focused()) || len(u.stack) < 2 {
			return false
		}
		u.back()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		switch f := c.Focused().(type) {
		case *widget.Button, *widget.Hyperlink:
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
			return true
		}
	}
	return false
}

// keyAfter follows the focus when Tab moved it: the field it went to is scrolled into view.
func (u *ui) keyAfter(name fyne.KeyName, _ fyne.KeyModifier) {
	if name == fyne.KeyTab {
		u.revealFocus()
	}
}

// isTextInput reports whether f takes typed text (an entry of any kind), where Backspace
// deletes.
func isTextInput(f fyne.Focusable) bool {
	_, ok := f.(interface{ SetPlaceHolder(string) })
	return ok
}

// closeTop closes the dialog or pop-up on top of the window, if any: a dialog by the close it
// was shown with (a progress dialog has none and stays), a pop-up (the calendar's "+N more",
// a date picker, a drop-down) by hiding it.
func (u *ui) closeTop() bool {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	if esc, ok := u.escapes[top]; ok {
		if esc != nil {
			esc()
		}
		return true
	}
	if p, ok := top.(interface{ Hide() }); ok {
		p.Hide()
		return true
	}
	return false
}

// onEscape makes Escape run escape while d, just shown, is on top (nil: Escape leaves it
// open, as for a progress dialog, which closes when its work ends).
func (u *ui) onEscape(d dialog.Dialog, escape func()) {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	if u.escapes == nil {
		u.escapes = map[fyne.CanvasObject]func(){}
	}
	u.escapes[top] = escape
	d.SetOnClosed(func() { delete(u.escapes, top) })
}

// showDialog shows d; Escape closes it as its Close or Cancel button would.
func (u *ui) showDialog(d dialog.Dialog) {
	d.Show()
	u.onEscape(d, d.Hide)
}

// showProgress shows d, a dialog that its work closes; Escape does not.
func (u *ui) showProgress(d dialog.Dialog) {
	d.Show()
	u.onEscape(d, nil)
}

// showFileDialog shows d; Escape cancels it.
func (u *ui) showFileDialog(d *dialog.FileDialog) {
	before := u.win.Canvas().Overlays().Top()
	d.Show()
	if u.win.Canvas().Overlays().Top() != before { // not the system's own dialog
		u.onEscape(d, d.Dismiss)
	}
}

// topDown lays out top above center above bottom (which may be nil) as container.NewBorder
// does, but with Tab going through them in that order, as they read: a Border lists its
// center first, so Tab went to a list before the filter above it.
func topDown(top, bottom, center fyne.CanvasObject) *fyne.Container {
	objs := []fyne.CanvasObject{top, center}
	if bottom != nil {
		objs = append(objs, bottom)
	}
	return container.New(layout.NewBorderLayout(top, bottom, nil, nil), objs...)
}

// revealFocus scrolls the page so that the focused object is in view.
func (u *ui) revealFocus() {
	f, ok := u.win.Canvas().Focused().(fyne.CanvasObject)
	if !ok || u.top() == nil {
		return
	}
	for _, s := range pageScrolls(u.top().view()) {
		if s.Reveal(f) {
			return
		}
	}
}

// pageScrolls are the page scrolls shown under o, as far as containers and tabs lead.
func pageScrolls(o fyne.CanvasObject) []*widgets.PageScroll {
	var out []*widgets.PageScroll
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widgets.PageScroll:
			out = append(out, v)
		case *widgets.Fold:
			if v.Folded() {
				out = append(out, v.Page())
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *container.AppTabs:
			if it := v.Selected(); it != nil {
				walk(it.Content)
			}
		}
	}
	walk(o)
	return out
}
