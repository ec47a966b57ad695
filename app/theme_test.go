package app

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"

	"github.com/parley-app/parley/widgets"
)

func TestThemeGivesEveryStatusItsColour(t *testing.T) {
	newTestUI(t, afterSample)
	th := fyne.CurrentApp().Settings().Theme()
	assert.IsType(t, &parleyTheme{}, th, "the window installs Parley's theme")
	assert.Same(t, th, newTheme(th), "installed once")

	seen := map[fyne.ThemeColorName]bool{}
	colours := map[color.Color]bool{}
	for _, s := range []string{"proposed", "tentative", "scheduled", "held", "postponed", "cancelled"} {
		name := widgets.StatusColorName(s)
		assert.False(t, seen[name], "%s has a name of its own", s)
		seen[name] = true
		assert.Equal(t, statusColours[name], widgets.StatusColour(th, s), s)
		colours[widgets.StatusColour(th, s)] = true
	}
	assert.Len(t, colours, 6, "every status has a colour of its own")
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	assert.Equal(t, test.Theme().Color(theme.ColorNamePrimary, variant), th.Color(theme.ColorNamePrimary, variant), "other colours are the wrapped theme's")
}
