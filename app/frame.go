package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/widgets"
)

// The window's widths, in Fyne units. Below railBelow the sidebar shrinks to a rail of icons
// (each screen's name shows on hover) and search moves behind an icon, so that the window can
// sit on half of a 1366-pixel laptop screen beside a word processor; sidebarWidth is the
// sidebar's width above it. minWidth is the narrowest the window's content may need: every
// screen and page is built to fit it (TestNarrowWindowFitsEveryScreen).
const (
	railBelow    = 900
	sidebarWidth = 200
	minWidth     = 640
)

// A remembered window size smaller than this is a mistake (a window minimised as it quit)
// and gives way to the default.
const smallestWidth, smallestHeight = 560, 400

// frameLayout places the sidebar (objects[0]) beside the body (objects[1]) and collapses the
// sidebar to a rail when the window is narrower than railBelow.
type frameLayout struct{ u *ui }

func (l frameLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	side, body := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(l.u.railWidth()+body.Width, max(side.Height, body.Height))
}

func (l frameLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.u.setCollapsed(size.Width < railBelow)
	w := float32(sidebarWidth)
	if l.u.collapsed {
		w = l.u.railWidth()
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(w, size.Height))
	objs[1].Move(fyne.NewPos(w, 0))
	objs[1].Resize(fyne.NewSize(size.Width-w, size.Height))
}

// railWidth is the collapsed sidebar's width: an icon with padding each side.
func (u *ui) railWidth() float32 {
	return theme.IconInlineSize() + 6*theme.Padding()
}

// setCollapsed shows the sidebar as a rail of icons or in full. The search field goes behind
// the rail's search icon, in a pop-up, and comes back when the sidebar widens again.
func (u *ui) setCollapsed(on bool) {
	if on == u.collapsed && u.searchSlot.Objects != nil {
		return
	}
	u.collapsed = on
	u.hideTip()
	if on {
		u.searchSlot.Objects = []fyne.CanvasObject{container.NewPadded(u.searchBtn)}
	} else {
		if u.searchPop != nil {
			u.searchPop.Hide()
			u.searchPop = nil
		}
		u.searchSlot.Objects = []fyne.CanvasObject{container.NewPadded(u.search)}
	}
	u.searchSlot.Refresh()
	u.nav.Refresh()
}

// showSearchPopUp opens the search field beside the rail's search icon, focused.
func (u *ui) showSearchPopUp() {
	if u.searchPop != nil {
		u.searchPop.Hide()
	}
	c := u.win.Canvas()
	box := container.NewGridWrap(fyne.NewSize(300, u.search.MinSize().Height), u.search)
	u.searchPop = widget.NewPopUp(box, c)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.searchBtn)
	u.searchPop.ShowAtPosition(fyne.NewPos(at.X+u.searchBtn.Size().Width+theme.Padding(), at.Y))
	c.Focus(u.search)
}

// navRow is one screen in the sidebar: its icon and name, the name left out on the rail and
// shown on hover instead.
type navRow struct {
	widget.BaseWidget
	u     *ui
	icon  *widget.Icon
	label *widget.Label
	hover *canvas.Rectangle
}

var _ desktop.Hoverable = (*navRow)(nil)

func newNavRow(u *ui) *navRow {
	r := &navRow{u: u, icon: widget.NewIcon(theme.CalendarIcon()), label: widget.NewLabel("Disputes and more"),
		hover: &canvas.Rectangle{}}
	r.hover.Hide()
	r.ExtendBaseWidget(r)
	return r
}

func (r *navRow) set(name string) {
	r.icon.SetResource(screenIcon(name))
	r.label.SetText(name)
	if r.u.collapsed {
		r.label.Hide()
	} else {
		r.label.Show()
	}
	r.Refresh()
}

// The list highlights the row under the pointer only for rows that take no hover of their
// own; this one does, so it draws the highlight itself.
func (r *navRow) MouseIn(*desktop.MouseEvent) {
	r.hover.FillColor = r.Theme().Color(theme.ColorNameHover, fyne.CurrentApp().Settings().ThemeVariant())
	r.hover.Show()
	r.hover.Refresh()
	if r.u.collapsed {
		r.u.showTip(r.label.Text, r)
	}
}

func (r *navRow) MouseMoved(*desktop.MouseEvent) {}

func (r *navRow) MouseOut() {
	r.hover.Hide()
	r.u.hideTip()
}

func (r *navRow) CreateRenderer() fyne.WidgetRenderer {
	pad := container.NewPadded
	row := container.NewBorder(nil, nil, pad(r.icon), nil, r.label)
	return widget.NewSimpleRenderer(container.NewStack(r.hover, row))
}

// showTip shows text in a small box to the right of o, over everything and taking no input,
// as a tooltip; hideTip takes it away.
func (u *ui) showTip(text string, o fyne.CanvasObject) {
	u.tips.ShowTip(text, o, widgets.TipBeside)
}

func (u *ui) hideTip() {
	if u.tips != nil {
		u.tips.HideTip()
	}
}
