package app

import (
	"image/color"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/widgets"
)

// statusColours are Parley's colours of the meeting statuses: mid-tones that stay legible
// against both the light and the dark background, drawn by the widgets as a stripe or outline
// next to text and as a tint behind it, never as the colour of body text.
var statusColours = map[fyne.ThemeColorName]color.NRGBA{
	widgets.ColorNameStatusProposed:  {R: 0x8e, G: 0x8e, B: 0x93, A: 0xff}, // grey
	widgets.ColorNameStatusTentative: {R: 0xe0, G: 0xa0, B: 0x10, A: 0xff}, // amber
	widgets.ColorNameStatusScheduled: {R: 0x3b, G: 0x82, B: 0xf6, A: 0xff}, // blue
	widgets.ColorNameStatusHeld:      {R: 0x22, G: 0xa0, B: 0x5a, A: 0xff}, // green
	widgets.ColorNameStatusPostponed: {R: 0xb8, G: 0x65, B: 0x2a, A: 0xff}, // brown-orange
	widgets.ColorNameStatusCancelled: {R: 0xd6, G: 0x45, B: 0x45, A: 0xff}, // red
}

// parleyTheme is the theme of the window: the one it wraps (Fyne's default, or the test
// theme in tests) with Parley's status colours added.
type parleyTheme struct {
	fyne.Theme
}

// newTheme adds Parley's status colours to base; a base that already has them is returned.
func newTheme(base fyne.Theme) fyne.Theme {
	if _, ok := base.(*parleyTheme); ok {
		return base
	}
	return &parleyTheme{Theme: base}
}

// Color is Parley's colour for a status name, the wrapped theme's for any other.
func (t *parleyTheme) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	if c, ok := statusColours[name]; ok {
		return c
	}
	return t.Theme.Color(name, variant)
}
