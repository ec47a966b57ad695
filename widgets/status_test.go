package widgets

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
)

func fmtColour(c color.Color) string {
	r, g, b, a := c.RGBA()
	return fmt.Sprintf("%04x%04x%04x%04x", r, g, b, a)
}

func TestStatusBadge(t *testing.T) {
	test.NewTempApp(t)
	b := NewStatusBadge(StatusScheduled)
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(120, 40))
	r := test.WidgetRenderer(b).(*statusBadgeRenderer)
	assert.Equal(t, "Scheduled", r.text.Text)
	assert.Equal(t, StatusColour(StatusScheduled), r.pill.StrokeColor)
	test.AssertRendersToMarkup(t, "statusbadge/scheduled.xml", w.Canvas())

	b.SetStatus(StatusCancelled)
	assert.Equal(t, "Cancelled", r.text.Text)
	assert.Equal(t, StatusColour(StatusCancelled), r.pill.StrokeColor)
	b.SetText("Postponed — was 2014")
	assert.Equal(t, "Postponed — was 2014", r.text.Text)
	assert.Greater(t, b.MinSize().Width, NewStatusBadge(StatusHeld).MinSize().Width)
}

func TestStatusColour(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range []string{StatusProposed, StatusTentative, StatusScheduled, StatusHeld, StatusPostponed, StatusCancelled} {
		c := StatusColour(s)
		key := fmtColour(c)
		assert.False(t, seen[key], "%s has a colour of its own", s)
		seen[key] = true
	}
	assert.Equal(t, StatusColour(StatusHeld), StatusColour(" Held "))
	assert.Equal(t, StatusColour(StatusProposed), StatusColour("unheard-of"))
	assert.Equal(t, "Tentative", StatusText("tentative"))
	assert.Equal(t, "", StatusText(""))
}
