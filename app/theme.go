package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

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
// theme in tests) with Parley's status colours added, in the system's variant (light or dark)
// or the one the user chose under View → Theme.
type parleyTheme struct {
	fyne.Theme
	choice string // themeSystem, themeLight or themeDark
}

// The choices of View → Theme, as the preference stores them.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// themeChoices are the View → Theme items, in menu order.
var themeChoices = []struct{ value, label string }{
	{themeSystem, "As the system"}, {themeLight, "Light"}, {themeDark, "Dark"},
}

// newTheme adds Parley's status colours to base; a base that already has them is returned.
func newTheme(base fyne.Theme) fyne.Theme {
	if _, ok := base.(*parleyTheme); ok {
		return base
	}
	return &parleyTheme{Theme: base, choice: themeSystem}
}

// Color is Parley's colour for a status name, the wrapped theme's for any other, in the
// variant the user chose (else the one Fyne asks for, which follows the system).
func (t *parleyTheme) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	if c, ok := statusColours[name]; ok {
		return c
	}
	switch t.choice {
	case themeLight:
		variant = theme.VariantLight
	case themeDark:
		variant = theme.VariantDark
	}
	return t.Theme.Color(name, variant)
}

// setTheme shows the window in the theme choice (themeSystem, themeLight or themeDark) and
// remembers it.
func (u *ui) setTheme(choice string) {
	base := u.app.Settings().Theme()
	if pt, ok := base.(*parleyTheme); ok {
		base = pt.Theme
	}
	u.app.Settings().SetTheme(&parleyTheme{Theme: base, choice: choice})
	u.app.Preferences().SetString(prefTheme, choice)
	u.refreshMenu()
}

// themeChoice is the theme the window shows now.
func (u *ui) themeChoice() string {
	if pt, ok := u.app.Settings().Theme().(*parleyTheme); ok && pt.choice != "" {
		return pt.choice
	}
	return themeSystem
}
