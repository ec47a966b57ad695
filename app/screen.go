package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// fitWindowToScreen keeps the window inside the work area of the screen it opens on: a size
// remembered on a large monitor, or the default, would put half of it off a 1024×600 laptop.
// Fyne offers no screen size, so it asks GLFW, which Fyne's desktop driver has initialised
// by the time the window exists; it must run on the main goroutine, before the app runs.
func fitWindowToScreen(w fyne.Window) {
	defer func() { _ = recover() }() // no monitor (a headless test driver): leave the size alone
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return
	}
	_, _, width, height := m.GetWorkarea()
	if width <= 0 || height <= 0 {
		return
	}
	scale := w.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	// Room for the window's frame and title bar, which the work area does not leave out.
	maxW, maxH := float32(width)/scale-16, float32(height)/scale-56
	size := w.Canvas().Size()
	fit := fyne.NewSize(min(size.Width, maxW), min(size.Height, maxH))
	if fit != size {
		w.Resize(fit)
	}
}
