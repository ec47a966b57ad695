// Package widgetstest holds what tests of Fyne screens share: it is imported by the tests of
// widgets and of app, and by nothing the program runs.
package widgetstest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Rendered are the objects of type T drawn under o in its window, as far as containers and
// widgets' renderers lead. test.LaidOutObjects lays out a copy of o's widgets, whose rows are
// not the window's; a test that hovers or taps a row needs the row the window draws.
func Rendered[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	if v, ok := o.(T); ok {
		out = append(out, v)
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, Rendered[T](c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, Rendered[T](c)...)
		}
	}
	return out
}
