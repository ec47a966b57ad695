package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// showSized puts o alone in an unpadded test window of size and returns the window and o's
// renderer, of type R.
func showSized[R fyne.WidgetRenderer](t *testing.T, o fyne.Widget, size fyne.Size) (fyne.Window, R) {
	t.Helper()
	w := test.NewTempWindow(t, o)
	w.SetPadded(false)
	w.Resize(size)
	return w, test.WidgetRenderer(o).(R)
}
